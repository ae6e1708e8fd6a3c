import type { NextFunction, Request, Response } from 'express';

/**
 * Response headers for a JSON API, as the OWASP REST Security Cheat Sheet lists them: nothing may
 * be framed, sniffed or loaded from a response. helmet's defaults are meant for HTML sites and
 * add ten more headers (~900 bytes) to every answer; on a /healthcheck they cost more CPU than the
 * handler (docs/performance.md). HTML pages (the API docs, the printable report) get HTML_CSP.
 */
const API_HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

/** For the HTML pages: Swagger UI needs its own scripts and inline styles; nothing else loads. */
export const HTML_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

export function securityHeadersMiddleware(_req: Request, res: Response, next: NextFunction): void {
  for (const [name, value] of API_HEADERS) res.setHeader(name, value);
  next();
}
