import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { AuthConfig } from '../../config';
import { SCOPES, type Principal, type Scope } from '../../domain/security/principal';

export class AuthenticationError extends Error {
  constructor(
    message: string,
    /** RFC 6750 error code for WWW-Authenticate. */
    readonly code: 'invalid_token' | 'invalid_request' = 'invalid_token',
  ) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 10_000;

function scopesOf(payload: JWTPayload): Scope[] {
  const raw = payload.scope ?? payload.scp;
  const list = typeof raw === 'string' ? raw.split(' ') : Array.isArray(raw) ? raw.map(String) : [];
  return list.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s));
}

/**
 * Verifies OAuth 2.0 bearer JWTs with jose: signature against the issuer's JWKS (a URL, cached
 * and refreshed on unknown key ids, or a local file for air-gapped installations), issuer,
 * audience, allowed algorithms and expiry with a bounded clock skew.
 */
export class JwtVerifier {
  private readonly keys: ReturnType<typeof createLocalJWKSet> | ReturnType<typeof createRemoteJWKSet>;
  /**
   * Verified tokens, kept until they expire but at most VERIFIED_TTL_MS: a client sends the same
   * token many times, and an ES256/RS256 verification costs more than serving a catalogue lookup.
   * Only successes are kept; the bound also caps how long a token signed by a key removed from the
   * JWKS stays accepted.
   */
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  constructor(private readonly config: AuthConfig) {
    if (config.jwksUrl) this.keys = createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    else this.keys = createLocalJWKSet(JSON.parse(readFileSync(config.jwksFile ?? '', 'utf8')) as Parameters<typeof createLocalJWKSet>[0]);
  }

  async verify(token: string): Promise<Principal> {
    const now = Date.now();
    const hit = this.verified.get(token);
    if (hit && hit.until > now) return hit.principal;
    if (hit) this.verified.delete(token);
    const { principal, expiresAt } = await this.verifyNow(token);
    if (this.verified.size >= VERIFIED_MAX) this.verified.clear();
    this.verified.set(token, { principal, until: Math.min(expiresAt, now + VERIFIED_TTL_MS) });
    return principal;
  }

  private async verifyNow(token: string): Promise<{ principal: Principal; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: [...this.config.algorithms],
        clockTolerance: this.config.clockToleranceS,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (err) {
      const reason =
        err instanceof errors.JWTExpired ? 'the token has expired'
        : err instanceof errors.JWTClaimValidationFailed ? `claim "${err.claim}" is not valid`
        : err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey ? 'the token signature is not valid'
        : 'the token is not valid';
      throw new AuthenticationError(reason);
    }
    // The subject names the actor in the audit trail and in createdBy: an object or number would
    // become "[object Object]" or collide with another caller, so only a non-empty string is one.
    const subject: unknown = payload.sub;
    if (typeof subject !== 'string' || subject.trim() === '') throw new AuthenticationError('claim "sub" must be a non-empty string');
    const organisation = payload[this.config.orgClaim];
    if (organisation === undefined) throw new AuthenticationError(`the token has no "${this.config.orgClaim}" claim`);
    if (typeof organisation !== 'string' || organisation.trim() === '') throw new AuthenticationError(`claim "${this.config.orgClaim}" must be a non-empty string`);
    // `exp` is required above; the clock tolerance is not extended to cached tokens.
    return { principal: { kind: 'jwt', subject, organisation, scopes: scopesOf(payload) }, expiresAt: (payload.exp ?? 0) * 1000 };
  }
}
