import type { Request, Response } from 'express';
import { hasScope, type Principal } from '../../domain/security/principal';
import { AuthenticationError } from '../../infra/security/jwt.verifier';
import { buildProblem, HttpProblemError } from '../problem';
import { requestContext } from '../request-context';
import type { HttpResult } from '../openapi/http-result';
import { AddressBlocked, authenticate, failureKey, requiredScopes, schemesOf, type SecuredOperation, type SecurityDeps } from './authenticate';

export type { SecurityDeps } from './authenticate';

const REALM = 'Bearer realm="procurement-sustainability"';

/** 401 for a request without valid credentials (429 when one address keeps failing). */
function unauthorized(deps: SecurityDeps, failures: readonly unknown[], req: Request, res: Response): HttpResult {
  const ctx = requestContext(res);
  const failure = failures.find((e) => e instanceof AuthenticationError) ?? failures[0];
  const blocked = failures.some((e) => e instanceof AddressBlocked);
  const reason = failure instanceof AuthenticationError ? failure.message : 'credentials are required: a bearer token or an API key';
  ctx.authFailure = blocked ? 'too many failed authentications from this address' : reason;
  const limit = deps.failureLimiter.take(failureKey(req));
  if (blocked || !limit.allowed) {
    const problem = buildProblem({ status: 429, code: 'TOO_MANY_REQUESTS', detail: 'Too many failed authentications; retry later' }, req.path, ctx.requestId);
    return { status: 429, body: problem, contentType: 'application/problem+json', headers: { 'Retry-After': String(limit.allowed ? 1 : limit.retryAfterS) } };
  }
  const code = failure instanceof AuthenticationError ? failure.code : undefined;
  const challenge = code ? `${REALM}, error="${code}", error_description="${reason.replace(/"/g, "'")}"` : REALM;
  const problem = buildProblem({ status: 401, code: 'UNAUTHORIZED', detail: `Not authenticated: ${reason}` }, req.path, ctx.requestId);
  return { status: 401, body: problem, contentType: 'application/problem+json', headers: { 'WWW-Authenticate': challenge } };
}

/**
 * Authentication and authorisation driven by the contract: the operation's `security` names the
 * schemes (any one suffices) and the scope it needs. An operation without a security requirement
 * is public; tests make sure that is deliberate. Sets the principal on the request context and
 * answers 401 / 429 itself; a missing scope or an exhausted rate limit is thrown (403 / 429).
 */
export async function admitCaller(deps: SecurityDeps, op: SecuredOperation, req: Request, res: Response): Promise<HttpResult | undefined> {
  if ((op.security ?? []).length === 0) return undefined;
  const verdicts = await Promise.allSettled(schemesOf(op).map((scheme) => authenticate(deps, scheme, op, req, res)));
  const principal = verdicts.find((v): v is PromiseFulfilledResult<Principal> => v.status === 'fulfilled' && v.value !== undefined)?.value;
  if (!principal) return unauthorized(deps, verdicts.flatMap((v): unknown[] => (v.status === 'rejected' ? [v.reason as unknown] : [])), req, res);
  requestContext(res).principal = principal;
  const required = requiredScopes(op);
  if (!required.some((scope) => hasScope(principal, scope))) {
    throw new HttpProblemError({ status: 403, code: 'INSUFFICIENT_SCOPE', detail: `This operation needs the scope ${required.join(' or ')}` });
  }
  const limit = deps.limiter.take(`${principal.kind}:${principal.subject}`);
  if (!limit.allowed) {
    throw new HttpProblemError({ status: 429, code: 'TOO_MANY_REQUESTS', detail: 'Rate limit exceeded; retry later', headers: { 'Retry-After': String(limit.retryAfterS) } });
  }
  return undefined;
}
