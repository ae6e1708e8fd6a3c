/**
 * MongoDB-compatible servers restrict field names: FerretDB rejects any "." and MongoDB treats a
 * leading "$" as an operator. Stored documents hold user-shaped keys (property paths such as
 * "battery.cyclesAt80pct", criterion ids such as "EPEAT-R4.1.1.1"), so keys are escaped with
 * look-alike full-width characters on write and restored on read.
 */
const DOT = '\uFF0E';
const DOLLAR = '\uFF04';

function mapKeys(value: unknown, key: (k: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => mapKeys(v, key));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[key(k)] = mapKeys(v, key);
    return out;
  }
  return value;
}

export const encodeKeys = <T>(value: T): T =>
  mapKeys(value, (k) => (k.includes('.') || k.startsWith('$') ? k.replace(/\./g, DOT).replace(/^\$/, DOLLAR) : k)) as T;

export const decodeKeys = <T>(value: T): T =>
  mapKeys(value, (k) => (k.includes(DOT) || k.startsWith(DOLLAR) ? k.replace(new RegExp(DOT, 'g'), '.').replace(new RegExp(`^${DOLLAR}`), '$') : k)) as T;
