import type { Page } from '../../domain/page';

/** What a page needs from a query: the total it counts and the documents of one page. */
export interface PagedQuery<D> {
  count(): Promise<number>;
  /** The documents after skipping `skip`, at most `limit`, in the query's order. */
  slice(skip: number, limit: number): Promise<D[]>;
}

/** One page of a query (pages count from 1): counted and read at the same time. */
export async function readPage<D, T>(query: PagedQuery<D>, page: number, pageSize: number, map: (doc: D) => T): Promise<Page<T>> {
  const [total, docs] = await Promise.all([query.count(), query.slice((page - 1) * pageSize, pageSize)]);
  return { items: docs.map(map), page, pageSize, total, lastPage: Math.max(1, Math.ceil(total / pageSize)) };
}
