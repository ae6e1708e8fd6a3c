import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Operation, ParsedRequest } from 'openapi-backend';
import type { Principal } from '../domain/security/principal';
import type { MatchResult } from './openapi/fast-router';

export interface RequestContext {
  readonly requestId: string;
  readonly correlationId: string;
  /** GovStack Information Mediator client (`INSTANCE/CLASS/MEMBER/SUBSYSTEM`), when sent. */
  readonly imClient?: string;
  /** The route of the contract the request matched, computed once (the body gate needs it first). */
  match?: MatchResult<Operation>;
  /** The matched OpenAPI path template, set after routing; used by logs and metrics. */
  route?: string;
  operationId?: string;
  /** The request's parameters and body as validated (and coerced) against the contract. */
  request?: ParsedRequest;
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

/** What an operation handler is given: the request's context once it has passed the contract. */
export interface OperationContext extends RequestContext {
  readonly operation: Operation;
  readonly request: ParsedRequest;
}

/** The label logs and metrics use for a request: its route template, never the raw path. */
export function routeLabel(req: Request, res: Response): string {
  return requestContext(res).route ?? (req.originalUrl.startsWith('/docs/assets/') ? '/docs/assets' : 'unmatched');
}
