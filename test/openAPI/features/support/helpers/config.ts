import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT, type JWK } from 'jose';

/**
 * How the suite reaches the candidate and authenticates, all from the environment (nothing secret
 * is kept in the repository):
 *
 * - BASE_URL                          the service, default http://localhost:3333
 * - GOVSTACK_API_KEY                  an administrator API key, sent as X-API-Key
 * - GOVSTACK_JWT_SIGNING_KEY_FILE     a private JWK trusted by the service (its JWKS has the
 *                                     public half), to mint tokens with narrower scopes;
 *                                     scenarios tagged @jwt need it
 * - GOVSTACK_JWT_ISSUER / _AUDIENCE   the issuer and audience the service expects
 * - GOVSTACK_JWT_ORG_CLAIM            the organisation claim (default "org")
 */
export const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:3333').replace(/\/+$/, '');

export function adminApiKey(): string {
  const key = process.env.GOVSTACK_API_KEY;
  if (!key) throw new Error('GOVSTACK_API_KEY is not set: the suite needs an administrator API key of the candidate');
  return key;
}

let signingKey: Awaited<ReturnType<typeof importJWK>> | undefined;
let signingJwk: JWK | undefined;

export interface TokenOptions {
  scopes: string[];
  organisation: string;
  subject?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
}

export async function mintJwt(options: TokenOptions): Promise<string> {
  const file = process.env.GOVSTACK_JWT_SIGNING_KEY_FILE;
  const issuer = process.env.GOVSTACK_JWT_ISSUER;
  const audience = process.env.GOVSTACK_JWT_AUDIENCE;
  if (!file || !issuer || !audience) {
    throw new Error('GOVSTACK_JWT_SIGNING_KEY_FILE, GOVSTACK_JWT_ISSUER and GOVSTACK_JWT_AUDIENCE are needed to mint tokens (scenarios tagged @jwt)');
  }
  signingJwk ??= JSON.parse(readFileSync(file, 'utf8')) as JWK;
  const alg = signingJwk.alg ?? 'ES256';
  signingKey ??= await importJWK(signingJwk, alg);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: options.scopes.join(' '), [process.env.GOVSTACK_JWT_ORG_CLAIM ?? 'org']: options.organisation })
    .setProtectedHeader({ alg, ...(signingJwk.kid ? { kid: signingJwk.kid } : {}) })
    .setSubject(options.subject ?? `harness-${randomUUID().slice(0, 8)}`)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(now - 60)
    .setExpirationTime(now + (options.expiresIn ?? 300))
    .sign(signingKey);
}
