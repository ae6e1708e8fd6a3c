import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/**
 * A throw-away identity provider for benchmarks: RS256 (what most OIDC providers sign with), its
 * JWKS in a temp file for the service, and an administrator token for the load generator.
 */
export async function benchAuth(): Promise<{ env: Record<string, string>; authorization: string }> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'psbb-bench-idp-')), 'jwks.json');
  writeFileSync(file, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256', use: 'sig' }] }));
  const token = await new SignJWT({ scope: 'admin', org: 'bench-org' })
    .setProtectedHeader({ alg: 'RS256', kid: 'bench' })
    .setSubject('bench')
    .setIssuer('https://idp.bench.example')
    .setAudience('procurement-sustainability')
    .setExpirationTime('2h')
    .sign(privateKey);
  return {
    env: {
      AUTH_MODE: 'jwt',
      JWT_ISSUER: 'https://idp.bench.example',
      JWT_AUDIENCE: 'procurement-sustainability',
      JWT_JWKS_FILE: file,
      RATE_LIMIT_PER_SECOND: '1000000',
      RATE_LIMIT_BURST: '1000000',
    },
    authorization: `Bearer ${token}`,
  };
}
