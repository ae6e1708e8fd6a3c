/**
 * How people type source codes: "4.4.1.1" for EPEAT's "R 4.4.1.1", "ts 6" for GPP's "TS6",
 * "11 185" for the Swedish "11185". Codes are compared without case, spaces or separators other
 * than dots, and a query of digits also matches a code that only adds a letter prefix (the
 * scheme's own marker such as "R").
 */
export function normaliseCode(code: string): string {
  return code.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}.]+/gu, '');
}

/** Whether the normalised query code names the normalised stored code. */
export function codeMatches(query: string, stored: string): boolean {
  if (query === '' || stored === '') return false;
  if (query === stored) return true;
  if (!/^\d/.test(query) || !stored.endsWith(query)) return false;
  return /^\p{L}+$/u.test(stored.slice(0, stored.length - query.length));
}
