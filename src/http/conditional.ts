import type { Request } from 'express';
import type { HttpResult } from './openapi/http-result';
import { requestContext } from './request-context';

export const quoteEtag = (hash: string): string => `"${hash}"`;

/** Weak comparison (RFC 9110 §13.1.2), as If-None-Match requires. */
export function noneMatch(req: Request, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return true;
  const candidates = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return !candidates.includes('*') && !candidates.includes(etag);
}

/** The hash inside a strong If-Match ETag, or undefined when none was sent. */
export function ifMatchHash(req: Request): string | undefined {
  const header = req.headers['if-match'];
  if (!header) return undefined;
  return header.trim().replace(/^"(.*)"$/, '$1');
}

/**
 * Who may keep a catalogue answer. An answer to a call with credentials is `private`: a shared
 * cache must not hand it to someone without them (or with other ones). Only the anonymous public
 * read (CRITERIA_PUBLIC_READ) is the same for everyone and may be `public`. Drafts are revalidated
 * every time (`no-cache`), since they change without a new version.
 */
export function catalogueCacheControl(req: Request, maxAgeS: number, draft: boolean): string {
  const principal = req.res ? requestContext(req.res).principal : undefined;
  const audience = principal?.kind === 'anonymous' ? 'public' : 'private';
  return draft ? `${audience}, no-cache` : `${audience}, max-age=${maxAgeS}`;
}

// The answer depends on the credentials a request carries (401 without, 403 with too few scopes),
// so caches must key on them even when the body is the same for everyone.
const VARY = 'Authorization, X-API-Key';

/** 200 with ETag, Cache-Control and Vary, or 304 when the client already has this representation. */
export function cacheable(req: Request, etag: string, cacheControl: string, body: () => unknown): HttpResult {
  // Merged with what is already set (CORS adds Origin): the result's headers replace, not append.
  const earlier = req.res?.getHeader('Vary');
  const vary = earlier === undefined || earlier === '' ? VARY : `${String(earlier)}, ${VARY}`;
  const headers = { ETag: etag, 'Cache-Control': cacheControl, Vary: vary };
  return noneMatch(req, etag) ? { status: 200, body: body(), headers } : { status: 304, headers };
}
