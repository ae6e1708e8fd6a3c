import type { Request, Response } from 'express';
import type { Context, OpenAPIBackend } from 'openapi-backend';
import { hasScope, type Principal } from '../../domain/security/principal';
import { AuthenticationError } from '../../infra/security/jwt.verifier';
import { buildProblem, HttpProblemError } from '../problem';
import { requestContext } from '../request-context';
import type { HttpResult } from '../openapi/http-result';
import { AddressBlocked, authenticate, failureKey, requiredScopes, type SchemeName, type SecurityDeps } from './authenticate';

export type { SecurityDeps } from './authenticate';

const REALM = 'Bearer realm="procurement-sustainability"';

/**
 * Authentication and authorisation driven by the contract: each operation's `security` names the
 * schemes and the scope it needs; openapi-backend runs the scheme handlers, this checks the scope.
 * An operation without a security requirement is public; tests make sure that is deliberate.
 */
export function registerSecurity(api: OpenAPIBackend, deps: SecurityDeps): void {
  for (const scheme of ['bearerAuth', 'apiKey'] as const satisfies readonly SchemeName[]) {
    api.registerSecurityHandler(scheme, (c: Context, req: Request, res: Response) => authenticate(deps, scheme, c.operation, req, res));
  }
}

/** 401 for a request without valid credentials (429 when one address keeps failing). */
export function unauthorized(deps: SecurityDeps) {
  return (c: Context, req: Request, res: Response): HttpResult => {
    const ctx = requestContext(res);
    const errors = Object.values(c.security ?? {}).filter((v): v is { error: unknown } => typeof v === 'object' && v !== null && 'error' in v);
    const failure = errors.find((e) => e.error instanceof AuthenticationError) ?? errors[0];
    const blocked = errors.some((e) => e.error instanceof AddressBlocked);
    const reason = failure?.error instanceof AuthenticationError ? failure.error.message : 'credentials are required: a bearer token or an API key';
    ctx.authFailure = blocked ? 'too many failed authentications from this address' : reason;
    const limit = deps.failureLimiter.take(failureKey(req));
    if (blocked || !limit.allowed) {
      const problem = buildProblem({ status: 429, code: 'TOO_MANY_REQUESTS', detail: 'Too many failed authentications; retry later' }, req.path, ctx.requestId);
      return { status: 429, body: problem, contentType: 'application/problem+json', headers: { 'Retry-After': String(limit.allowed ? 1 : limit.retryAfterS) } };
    }
    const code = failure?.error instanceof AuthenticationError ? failure.error.code : undefined;
    const challenge = code ? `${REALM}, error="${code}", error_description="${reason.replace(/"/g, "'")}"` : REALM;
    const problem = buildProblem({ status: 401, code: 'UNAUTHORIZED', detail: `Not authenticated: ${reason}` }, req.path, ctx.requestId);
    return { status: 401, body: problem, contentType: 'application/problem+json', headers: { 'WWW-Authenticate': challenge } };
  };
}

/** After authentication: the principal is known; check its scope, then its rate limit. */
export function authorize(deps: SecurityDeps) {
  return (c: Context, _req: Request, res: Response): void => {
    const required = requiredScopes(c.operation);
    if (!c.operation || (c.operation.security ?? []).length === 0 || !c.security?.authorized) return;
    const principal = (['bearerAuth', 'apiKey'] as const)
      .map((name) => c.security[name] as unknown)
      .find((v): v is Principal => typeof v === 'object' && v !== null && 'subject' in v);
    if (!principal) return;
    requestContext(res).principal = principal;
    if (!required.some((scope) => hasScope(principal, scope))) {
      throw new HttpProblemError({ status: 403, code: 'INSUFFICIENT_SCOPE', detail: `This operation needs the scope ${required.join(' or ')}` });
    }
    const limit = deps.limiter.take(`${principal.kind}:${principal.subject}`);
    if (!limit.allowed) {
      throw new HttpProblemError({ status: 429, code: 'TOO_MANY_REQUESTS', detail: 'Rate limit exceeded; retry later', headers: { 'Retry-After': String(limit.retryAfterS) } });
    }
  };
}
