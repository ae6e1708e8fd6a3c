import { readFileSync } from 'node:fs';
import { generateKeyPair, importJWK, SignJWT, exportJWK, type JWK } from 'jose';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** The identity provider of the tests: a key pair whose public half is the service's JWKS file. */
export const TEST_ISSUER = 'https://idp.test.example/realms/govstack';
export const TEST_AUDIENCE = 'procurement-sustainability';
export const TEST_ORG = 'test-org';
const KID = 'test-key-1';

export async function createTestIdentityProvider(dir: string): Promise<{ jwksFile: string; signingKeyFile: string }> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwksFile = path.join(dir, 'jwks.json');
  const signingKeyFile = path.join(dir, 'signing-key.json');
  writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: KID, alg: 'ES256', use: 'sig' }] }));
  writeFileSync(signingKeyFile, JSON.stringify({ ...(await exportJWK(privateKey)), kid: KID, alg: 'ES256' }));
  return { jwksFile, signingKeyFile };
}

/** Environment for a service that trusts the test identity provider. */
export function authEnv(): Record<string, string> {
  const jwksFile = process.env.TEST_JWKS_FILE;
  if (!jwksFile) throw new Error('TEST_JWKS_FILE is not set: run integration tests through jest (global setup)');
  return { AUTH_MODE: 'jwt', JWT_ISSUER: TEST_ISSUER, JWT_AUDIENCE: TEST_AUDIENCE, JWT_JWKS_FILE: jwksFile, JWT_CLOCK_TOLERANCE_S: '5' };
}

export interface TokenOptions {
  scopes?: string[];
  org?: string;
  sub?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  audience?: string;
  issuer?: string;
  /** Sign with a key the service does not know. */
  foreignKey?: boolean;
  /** Claims set as given, after the others (e.g. a `sub` that is not a string). */
  claims?: Record<string, unknown>;
}

let signingKey: Awaited<ReturnType<typeof importJWK>> | undefined;

export async function mintToken(options: TokenOptions = {}): Promise<string> {
  const key = options.foreignKey
    ? (await generateKeyPair('ES256')).privateKey
    : (signingKey ??= await importJWK(JSON.parse(readFileSync(process.env.TEST_SIGNING_KEY_FILE ?? '', 'utf8')) as JWK, 'ES256'));
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: (options.scopes ?? ['admin']).join(' '), org: options.org ?? TEST_ORG, sub: options.sub ?? 'test-admin', ...options.claims })
    .setProtectedHeader({ alg: 'ES256', kid: KID })
    .setIssuer(options.issuer ?? TEST_ISSUER)
    .setAudience(options.audience ?? TEST_AUDIENCE)
    .setIssuedAt(now - 60)
    .setExpirationTime(now + (options.expiresIn ?? 3600))
    .sign(key);
}

let defaultToken: string | undefined;
/** The token `api()` sends when a test does not choose one: an administrator of TEST_ORG. */
export const getDefaultToken = (): string | undefined => defaultToken;
export const setDefaultToken = (token: string | undefined): void => {
  defaultToken = token;
};
