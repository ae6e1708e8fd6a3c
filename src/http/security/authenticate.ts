import type { Request, Response } from 'express';
import type { AuthConfig } from '../../config';
import type { Principal } from '../../domain/security/principal';
import type { ApiKeys } from '../../infra/security/api-keys';
import { AuthenticationError, type JwtVerifier } from '../../infra/security/jwt.verifier';
import { requestContext } from '../request-context';
import type { RateLimiter } from './rate-limiter';

export interface SecurityDeps {
  readonly auth: AuthConfig;
  readonly jwt?: JwtVerifier;
  readonly apiKeys: ApiKeys;
  /** Per authenticated client. */
  readonly limiter: RateLimiter;
  /** Per address, for failed authentication (slows down guessing). */
  readonly failureLimiter: RateLimiter;
}

/** The security schemes of the contract. */
export type SchemeName = 'bearerAuth' | 'apiKey';

/** The part of an operation authentication depends on: its security requirements. */
export interface SecuredOperation {
  readonly security?: readonly Record<string, readonly string[]>[];
}

export const failureKey = (req: Request): string => `auth-failure:${req.ip ?? 'unknown'}`;

/** An address that kept failing is refused before any credential is checked: guessing gets nothing. */
export class AddressBlocked extends Error {}

export const requiredScopes = (op: SecuredOperation | undefined): string[] => [...new Set((op?.security ?? []).flatMap((r) => Object.values(r).flat()))];

export const schemesOf = (op: SecuredOperation | undefined): SchemeName[] =>
  [...new Set((op?.security ?? []).flatMap((r) => Object.keys(r)))].filter((s): s is SchemeName => s === 'bearerAuth' || s === 'apiKey');

const header = (req: Request, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

async function verify(deps: SecurityDeps, scheme: SchemeName, op: SecuredOperation | undefined, req: Request, res: Response): Promise<Principal | undefined> {
  const { auth } = deps;
  if (auth.mode === 'none') {
    if (scheme === 'apiKey') return undefined;
    const subject = header(req, 'x-actor') ?? requestContext(res).imClient ?? 'anonymous';
    return { kind: 'none', subject, organisation: 'local', scopes: ['admin'] };
  }
  if (deps.failureLimiter.exhausted(failureKey(req))) throw new AddressBlocked();
  if (scheme === 'apiKey') {
    const key = header(req, 'x-api-key');
    return key ? deps.apiKeys.authenticate(key) : undefined;
  }
  const authorization = header(req, 'authorization');
  if (!authorization) {
    const onlyCatalogueRead = requiredScopes(op).every((s) => s === 'criteria:read');
    if (auth.publicCriteriaRead && onlyCatalogueRead && !header(req, 'x-api-key')) {
      return { kind: 'anonymous', subject: 'anonymous', organisation: '', scopes: ['criteria:read'] };
    }
    return undefined;
  }
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(authorization);
  if (!match?.[1]) throw new AuthenticationError('expected "Authorization: Bearer <token>"', 'invalid_request');
  if (!deps.jwt) throw new AuthenticationError('bearer tokens are not configured');
  return deps.jwt.verify(match[1]);
}

// The body gate authenticates before the body is read, the contract's security handlers after:
// one verification per request and scheme, so both always reach the same verdict.
const verdicts = new WeakMap<Request, Map<SchemeName, Promise<Principal | undefined>>>();

/**
 * The principal a credential of `scheme` proves (undefined when none was sent; rejects with
 * AuthenticationError or AddressBlocked). The single implementation of credential checking.
 */
export function authenticate(deps: SecurityDeps, scheme: SchemeName, op: SecuredOperation | undefined, req: Request, res: Response): Promise<Principal | undefined> {
  let byScheme = verdicts.get(req);
  if (!byScheme) verdicts.set(req, (byScheme = new Map<SchemeName, Promise<Principal | undefined>>()));
  let verdict = byScheme.get(scheme);
  if (!verdict) {
    verdict = verify(deps, scheme, op, req, res);
    byScheme.set(scheme, verdict);
  }
  return verdict;
}

/** Whether any scheme of the operation proves a principal: the gate's "is this caller known?". */
export async function isAuthenticated(deps: SecurityDeps, op: SecuredOperation, req: Request, res: Response): Promise<boolean> {
  const verdicts = await Promise.allSettled(schemesOf(op).map((scheme) => authenticate(deps, scheme, op, req, res)));
  return verdicts.some((v) => v.status === 'fulfilled' && v.value !== undefined);
}
