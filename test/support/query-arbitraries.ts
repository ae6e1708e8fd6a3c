import fc from 'fast-check';
import type { ContractArbitraries } from './contract-arbitraries';
import { MONGO_OPERATORS } from './hostile-mutations';
import type { Schema } from './schema-resolver';

/**
 * fast-check arbitraries of query strings and path segments: valid ones from the parameters'
 * schemas, and hostile ones the contract rejects (operators, prototype keys, repeats of a scalar,
 * unknown names, values outside an enum or a range).
 */
export interface Parameter {
  readonly name: string;
  readonly schema: Schema;
  readonly required?: boolean;
}

export type QueryPairs = [string, string][];

/** Valid query pairs: each optional parameter 40% of the time; an array is repeated. */
export function queryPairs(arbs: ContractArbitraries, params: readonly Parameter[]): fc.Arbitrary<QueryPairs> {
  const values = params.map((p) => (p.required ? arbs.of(p.schema) : fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arbs.of(p.schema), weight: 2 })));
  return fc.tuple(...values).map((vs) => vs.flatMap((v, i) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [params[i]!.name, String(x)]))));
}

/** Query pairs the contract rejects, with what is wrong with them. */
export function hostileQueryPairs(arbs: ContractArbitraries, params: readonly Parameter[]): fc.Arbitrary<{ pairs: QueryPairs; description: string }> {
  const flat = (p: Parameter) => arbs.schemas.alternatives(p.schema)[0]?.schema ?? {};
  const itemEnum = (s: Schema) => s.type === 'array' && typeof s.items === 'object' && s.items !== null && Array.isArray(arbs.schemas.alternatives(s.items as Schema)[0]?.schema.enum);
  const names = params.map((p) => p.name);
  const scalar = params.filter((p) => flat(p).type !== 'array').map((p) => p.name);
  const enumerated = params.filter((p) => Array.isArray(flat(p).enum) || itemEnum(flat(p))).map((p) => p.name);
  // a name no operation declares, for operations without parameters of the kind wanted
  const some = (list: string[]) => (list.length > 0 ? fc.constantFrom(...list) : fc.constant('undeclaredParam'));
  const one = (name: string, value: string, description: string) => ({ pairs: [[name, value]] as QueryPairs, description });
  const options = [
    fc.tuple(some(names), fc.constantFrom(...MONGO_OPERATORS), fc.constantFrom('x', '', 'null', '1')).map(([n, op, v]) => one(`${n}[${op}]`, v, `${n}[${op}]`)),
    fc.constantFrom(...MONGO_OPERATORS).map((op) => one(op, 'x', 'operator as a parameter name')),
    fc.constantFrom('__proto__[polluted]', 'constructor[prototype][polluted]', '__proto__', 'prototype').map((key) => one(key, 'yes', `prototype key ${key}`)),
    fc.constant(one('unexpectedParam', 'x', 'unknown parameter')),
    some(scalar).map((n) => ({ pairs: [[n, 'a'], [n, 'b']] as QueryPairs, description: `repeated ${n}` })),
    some(enumerated).map((n) => one(n, 'definitely-not-allowed', `${n} outside its enum`)),
  ];
  const paging = names.filter((n) => n === 'page' || n === 'pageSize');
  if (paging.length > 0) {
    const values = ['1e99', '-1', '0', '1.5', 'NaN', 'Infinity', '-Infinity', 'one', '', '9'.repeat(400), '1e400', '100001'];
    options.push(fc.tuple(fc.constantFrom(...paging), fc.constantFrom(...values)).map(([n, v]) => one(n, v, `${n}=${v.slice(0, 20)}`)));
  }
  if (names.includes('q')) options.push(fc.constantFrom('', 'x'.repeat(201)).map((v) => one('q', v, 'q out of bounds')));
  return fc.oneof(...options);
}

/** A query string (`?a=1&b=2`, or "" for none); names are encoded except for `[` and `]`. */
export function queryString(pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length === 0) return '';
  const enc = (s: string) => encodeURIComponent(s).replace(/%5B/g, '[').replace(/%5D/g, ']');
  return `?${pairs.map(([k, v]) => `${enc(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

/** Unusual path segments (already percent-encoded): most break every pattern, some are merely unknown ids. */
export const HOSTILE_PATH_SEGMENTS = ['%00', 'abc%00def', '%2e%2e', '..%2F..%2Fetc%2Fpasswd', 'UPPER-Case', '-leading-dash', 'x'.repeat(300), '%24where', '%7B%22%24gt%22%3A%22%22%7D', '%C3%A4%C3%B6', 'a%20b', '%E2%82', '%FF', 'null', 'a', '0'] as const;
