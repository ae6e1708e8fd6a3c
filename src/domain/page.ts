/** One page of a list the API answers in pages (`page` counts from 1). */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  lastPage: number;
}

export function paginate<T>(items: readonly T[], page: number, pageSize: number): Page<T> {
  const lastPage = Math.max(1, Math.ceil(items.length / pageSize));
  const start = (page - 1) * pageSize;
  return { items: items.slice(start, start + pageSize), page, pageSize, total: items.length, lastPage };
}
