import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Principal } from '../domain/security/principal';

export interface RequestContext {
  readonly requestId: string;
  readonly correlationId: string;
  /** GovStack Information Mediator client (`INSTANCE/CLASS/MEMBER/SUBSYSTEM`), when sent. */
  readonly imClient?: string;
  /** The matched OpenAPI path template, set after routing; used by logs and metrics. */
  route?: string;
  operationId?: string;
  /** Set by the security layer once the caller is authenticated. */
  principal?: Principal;
  /** Why authentication failed, for the audit trail. */
  authFailure?: string;
  /**
   * Set by the readiness probe on a 503: unreadiness is a state it reports, not a failure of the
   * request (info while starting or stopping, warn when a dependency is down).
   */
  unavailableLogLevel?: 'info' | 'warn';
}

// Ids from callers end up in logs and headers: accept only short, printable, header-safe values.
const SAFE_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;
const SAFE_IM_CLIENT = /^[\x21-\x7e]{1,256}$/;

function headerValue(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value.trim() : undefined;
}

function safeId(value: string | undefined): string | undefined {
  return value !== undefined && SAFE_ID.test(value) ? value : undefined;
}

export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const requestId = safeId(headerValue(req, 'x-request-id')) ?? randomUUID();
  const correlationId = safeId(headerValue(req, 'x-correlation-id')) ?? requestId;
  const im = headerValue(req, 'information-mediator-client');
  const ctx: RequestContext = {
    requestId,
    correlationId,
    ...(im !== undefined && SAFE_IM_CLIENT.test(im) ? { imClient: im } : {}),
  };
  res.locals.ctx = ctx;
  res.setHeader('X-Request-ID', requestId);
  res.setHeader('X-Correlation-ID', correlationId);
  next();
}

export function requestContext(res: Response): RequestContext {
  return res.locals.ctx as RequestContext;
}

/** The label logs and metrics use for a request: its route template, never the raw path. */
export function routeLabel(req: Request, res: Response): string {
  return requestContext(res).route ?? (req.originalUrl.startsWith('/docs/assets/') ? '/docs/assets' : 'unmatched');
}
