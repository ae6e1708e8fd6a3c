import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/paths';

/**
 * Every environment variable src/config.ts reads: `r.<kind>('NAME'` calls and `env.NAME`
 * accesses. Read from the source, so a variable added there is caught by the docs, compose and
 * chart tests without anyone remembering to list it.
 */
export function configVariables(): string[] {
  const source = readFileSync(path.join(PROJECT_ROOT, 'src', 'config.ts'), 'utf8');
  const names = new Set<string>();
  for (const m of source.matchAll(/\br\.\w+\(\s*'([A-Z][A-Z0-9_]*)'/g)) names.add(m[1]!);
  for (const m of source.matchAll(/\benv\.([A-Z][A-Z0-9_]*)\b/g)) names.add(m[1]!);
  return [...names].sort();
}

/** Keys that name a credential (API_KEY_CACHE_TTL_MS is a duration, not a key). */
export const SECRET_KEY_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|PRIVATE|API_KEY$|_KEY$|^MONGODB_URI$|^AMQP_URL$)/i;

/** Values that look like a credential: a URI with user:password@, a JWT, a PEM private key, a private JWK. */
export function looksSecret(value: string): boolean {
  return (
    /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^@\s/]+@/i.test(value) ||
    /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./.test(value) ||
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value) ||
    /"d"\s*:\s*"/.test(value)
  );
}
