/**
 * Rewrites an object's fields where they stand: `map` turns each field into zero or more fields,
 * so renamed and converted fields keep their position. A stored document read back then has its
 * fields in the order they were written, and the API answers a GET with the same JSON, byte for
 * byte, as the POST that created the resource (clients compare and hash responses).
 */
export function mapFields(value: object, map: (key: string, field: unknown) => [string, unknown][] | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).flatMap(([key, field]) => map(key, field) ?? [[key, field]]));
}
