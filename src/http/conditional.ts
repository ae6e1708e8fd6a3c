import type { Request } from 'express';
import type { HttpResult } from './openapi/http-result';

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

/** 200 with ETag and Cache-Control, or 304 when the client already has this representation. */
export function cacheable(req: Request, etag: string, cacheControl: string, body: () => unknown): HttpResult {
  const headers = { ETag: etag, 'Cache-Control': cacheControl };
  return noneMatch(req, etag) ? { status: 200, body: body(), headers } : { status: 304, headers };
}
