import type { Response } from 'express';
import type { Context } from 'openapi-backend';
import type { CommandContext } from '../../../domain/events/event.types';
import { isAdmin, viewerOf, type Viewer } from '../../../domain/security/principal';
import { requestContext } from '../../request-context';
import type { CriteriaFilter } from '../../../domain/catalogue/criteria.query';
import type { SetStatus } from '../../../domain/catalogue/catalogue.types';

/** The contract has validated and coerced the query; this only gives it types. */
type Query = Record<string, string | string[] | number | undefined>;

const list = (value: Query[string]): string[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [String(value)];

export function criteriaFilter(c: Context): CriteriaFilter {
  const q = c.request.query as Query;
  const filter: CriteriaFilter = {};
  for (const key of ['set', 'category', 'stage', 'type', 'level', 'theme', 'sourceCode', 'confidence'] as const) {
    const values = list(q[key]);
    if (values) filter[key] = values;
  }
  const status = list(q.status);
  if (status) filter.status = status as SetStatus[];
  if (typeof q.q === 'string') filter.q = q.q;
  return filter;
}

export function pageParams(c: Context): { page: number; pageSize: number } {
  const q = c.request.query as Query;
  return { page: Number(q.page ?? 1), pageSize: Number(q.pageSize ?? 50) };
}

/** `path` with the request's query, `page` replaced: keeps every filter in the page links. */
export function pageLink(path: string, rawQuery: Record<string, unknown>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(rawQuery)) {
    if (key === 'page') continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  params.set('page', String(page));
  return `${path}?${params.toString()}`;
}

/** first/last/self and, where they exist, next/prev links for a paginated list. */
export function pageLinks(path: string, rawQuery: Record<string, unknown>, page: number, lastPage: number) {
  const link = (p: number) => pageLink(path, rawQuery, p);
  return {
    self: link(page),
    first: link(1),
    last: link(lastPage),
    ...(page < lastPage ? { next: link(page + 1) } : {}),
    ...(page > 1 ? { prev: link(Math.min(page - 1, lastPage)) } : {}),
  };
}

export function actorOf(c: Context, imClient?: string): string {
  const header = (c.request.headers as Record<string, string | string[] | undefined>)['x-actor'];
  return (typeof header === 'string' && header.trim()) || imClient || 'anonymous';
}

/** A path parameter; the contract guarantees its presence and pattern. */
export function pathParam(c: Context, name: string): string {
  return String((c.request.params as Record<string, string>)[name]);
}

/**
 * Who asks and in which business transaction: recorded in history, events and the audit trail.
 * The actor is the authenticated subject; X-Actor is honoured only without authentication
 * (AUTH_MODE=none, the local default).
 */
export function commandContext(c: Context, res: Response): CommandContext {
  const ctx = requestContext(res);
  const principal = ctx.principal;
  const actor = principal && principal.kind !== 'none' ? principal.subject : actorOf(c, ctx.imClient);
  return {
    actor,
    organisation: principal?.organisation ?? 'local',
    admin: principal ? isAdmin(principal) : false,
    correlationId: ctx.correlationId,
    ...(ctx.imClient ? { imClient: ctx.imClient } : {}),
  };
}

/** What the caller may read of organisation-owned data. */
export function viewer(res: Response): Viewer {
  const principal = requestContext(res).principal;
  return principal ? viewerOf(principal) : { organisation: '', admin: false };
}
