import type { OperationContext } from '../request-context';

/** The contract has validated and coerced the query; this only gives it types. */
export type Query = Record<string, string | string[] | number | undefined>;

export function pageParams(c: OperationContext): { page: number; pageSize: number } {
  const q = c.request.query as Query;
  return { page: Number(q.page ?? 1), pageSize: Number(q.pageSize ?? 50) };
}

/** A path parameter; the contract guarantees its presence and pattern. */
export function pathParam(c: OperationContext, name: string): string {
  return String((c.request.params as Record<string, string>)[name]);
}
