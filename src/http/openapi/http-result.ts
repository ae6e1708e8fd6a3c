import type { Request, Response } from 'express';
import type { OperationContext } from '../request-context';
import { HTML_CSP } from '../security-headers.middleware';

/** What an operation handler returns; the operation pipeline writes it to the response. */
export interface HttpResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Defaults to application/json for objects and text/plain for strings. */
  readonly contentType?: string;
}

/**
 * A body already serialised as JSON. Hot read paths assemble responses from fragments serialised
 * once (the catalogue is immutable between changes) instead of stringifying the same objects on
 * every request.
 */
export class JsonText {
  constructor(readonly text: string | Buffer) {}
}

export type OperationHandler = (c: OperationContext, req: Request, res: Response) => HttpResult | Promise<HttpResult>;

export const ok = (body: unknown, headers?: Record<string, string>): HttpResult => ({ status: 200, body, ...(headers ? { headers } : {}) });

export function writeResult(res: Response, result: HttpResult): void {
  // The request may have timed out and been answered already (see the timeout middleware).
  if (res.headersSent) return;
  if (result.headers) res.set(result.headers);
  // A page with a policy of its own (the console's, stricter) keeps it.
  if (result.contentType?.startsWith('text/html') && !result.headers?.['Content-Security-Policy']) res.setHeader('Content-Security-Policy', HTML_CSP);
  res.status(result.status);
  const { body } = result;
  if (body === undefined || result.status === 304 || result.status === 204) {
    res.end();
  } else if (typeof body === 'string' || Buffer.isBuffer(body)) {
    res.type(result.contentType ?? 'text/plain').send(body);
  } else {
    const text = body instanceof JsonText ? body.text : JSON.stringify(body);
    if (result.contentType === undefined) sendJson(res, text);
    else res.type(result.contentType).send(text);
  }
}

/**
 * A JSON body with the headers express's res.type().send() would set, written directly: send()
 * looks the type up, re-parses it for a charset, checks freshness and copies strings into
 * buffers, a measurable share of a small answer's cost (docs/performance.md). ETags and 304s are
 * the handlers' (conditional.ts); node omits the body of a HEAD response itself.
 */
function sendJson(res: Response, text: string | Buffer): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', typeof text === 'string' ? Buffer.byteLength(text) : text.length);
  res.end(text);
}
