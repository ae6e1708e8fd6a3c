/**
 * Field names as every engine stores them. Offers carry keys the supplier chose, and FerretDB
 * (like MongoDB before 5.0) refuses a field name that contains "." or starts with "$". Such a key
 * is stored percent-encoded ("." → %2E, a leading "$" → %24, and "%" itself → %25, so the
 * encoding reverses exactly); every other key, which is nearly all of them, is stored as it is
 * and stays queryable by its own name. Dates and other BSON values pass through untouched.
 * Undefined members are left out, as JSON would: the driver would otherwise store them as null.
 */
const NEEDS_ESCAPE = /[.%]|^\$/;
const NEEDS_UNESCAPE = /%(?:25|2E|24)/;

const escapeKey = (key: string): string => (NEEDS_ESCAPE.test(key) ? key.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/^\$/, '%24') : key);
const unescapeKey = (key: string): string => (NEEDS_UNESCAPE.test(key) ? key.replace(/%2E/g, '.').replace(/^%24/, '$').replace(/%25/g, '%') : key);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function mapKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => mapKeys(v, rename));
  if (!isPlainObject(value)) return value;
  // fromEntries defines own properties, so a "__proto__" key stays data instead of a prototype.
  return Object.fromEntries(Object.entries(value).flatMap(([key, v]) => (v === undefined ? [] : [[rename(key), mapKeys(v, rename)]])));
}

/** True when no key anywhere in `value` fails `keep` and no member is undefined: nothing to copy. */
function unchanged(value: unknown, keep: (key: string) => boolean): boolean {
  if (Array.isArray(value)) return value.every((v) => unchanged(v, keep));
  if (!isPlainObject(value)) return true;
  for (const key in value) {
    const v = value[key];
    if (v === undefined || !keep(key) || !unchanged(v, keep)) return false;
  }
  return true;
}

const storable = (key: string): boolean => !NEEDS_ESCAPE.test(key);
const plain = (key: string): boolean => !NEEDS_UNESCAPE.test(key);

/**
 * `value` with keys every engine accepts as field names: the value itself when it already has
 * them (nearly always, and walking it costs far less than copying it), a copy otherwise. Callers
 * treat the result as read-only.
 */
export function toStoredKeys<T>(value: T): T {
  return unchanged(value, storable) ? value : (mapKeys(value, escapeKey) as T);
}

/** The inverse of toStoredKeys, with the same read-only result. */
export function fromStoredKeys<T>(value: T): T {
  return unchanged(value, plain) ? value : (mapKeys(value, unescapeKey) as T);
}
