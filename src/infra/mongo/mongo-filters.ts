const NUL = '\u0000';

/**
 * An equality filter that every supported engine answers alike. FerretDB on PostgreSQL pushes a
 * top-level string equality down into SQL as a jsonb value, and jsonb has no U+0000: the query
 * fails there (SQLSTATE 22P05), where MongoDB and FerretDB on SQLite simply compare. `$in` with
 * the one value means the same to every engine and FerretDB evaluates it itself, so such a value
 * (free text from a query string may hold anything) is matched that way; other values keep the
 * plain form, which FerretDB can answer from PostgreSQL.
 */
export function exactMatch<F extends Record<string, unknown>>(filter: F): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).map(([key, value]) => [key, typeof value === 'string' && value.includes(NUL) ? { $in: [value] } : value]));
}
