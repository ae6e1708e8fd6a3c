import { isClosed, isSchema, typesOf, type Flat, type Path, type Schema } from './schema-resolver';

/**
 * Mutations that break one constraint of the contract at one site of a valid value: a required
 * property dropped, a value of another type, a number out of range, a string breaking its length,
 * pattern, format or enum, an array too long or too short, a property the object does not allow.
 */

/** A site of a value: where it is, what is there, and the schema alternatives it may have come from. */
export interface Site {
  readonly path: Path;
  readonly value: unknown;
  readonly flats: readonly Flat[];
  /** The one alternative the value fits, when only one does. */
  readonly own?: Schema;
}

/** Picks one of the items (all choices of one mutation come from one number drawn by fast-check). */
export type Choose = <T>(items: readonly T[]) => T;

/** Where a kind of mutation applies and what it makes there: the new body, or the exact text or bytes to send. */
export interface MutationRule {
  applies(site: Site): boolean;
  make(site: Site, choose: Choose, root: unknown): [description: string, out: { body: unknown } | string | Buffer];
}

export const isObject = (v: unknown): v is Record<string, unknown> => isSchema(v);
export const num = (v: unknown): v is number => typeof v === 'number';

/** A copy of `root` with `value` at `path` (an own property even for "__proto__"). */
export function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root);
  let parent = copy as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  Object.defineProperty(parent, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const VALUE_OF_TYPE: Readonly<Record<string, unknown>> = { string: 'forty-two', number: 12345, boolean: true, object: { not: 'expected' }, array: ['not', 'expected'], null: null };
/** The types some alternative at the site admits; [] when one of them does not say. */
const declared = (s: Site) => (s.flats.length > 0 && s.flats.every((f) => typesOf(f.schema).length > 0) ? [...new Set(s.flats.flatMap((f) => typesOf(f.schema)))] : []);
const required = (s: Site) => (isObject(s.value) && Array.isArray(s.own?.required) ? s.own.required.map(String).filter((k) => Object.hasOwn(s.value as object, k)) : []);
const bounds = (o: Schema) => ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].filter((k) => num(o[k]));
const stringRules = (o: Schema) => ['maxLength', 'minLength', 'pattern', 'format', 'enum', 'const'].filter((k) => k in o && !(k === 'minLength' && o[k] === 0) && !(k === 'format' && o[k] === 'uri-reference'));

export const SCHEMA_MUTATION_RULES = {
  dropRequired: {
    applies: (s) => required(s).length > 0,
    make: (s, choose, root) => {
      const key = choose(required(s));
      const { [key]: _dropped, ...rest } = s.value as Record<string, unknown>;
      return [`required "${key}" dropped`, { body: setAt(root, s.path, rest) }];
    },
  },
  wrongType: {
    applies: (s) => declared(s).length > 0 && declared(s).length < Object.keys(VALUE_OF_TYPE).length,
    make: (s, choose, root) => {
      const wrong = choose(Object.keys(VALUE_OF_TYPE).filter((t) => !declared(s).includes(t)));
      return [`${declared(s).join('|')} replaced by a ${wrong}`, { body: setAt(root, s.path, structuredClone(VALUE_OF_TYPE[wrong])) }];
    },
  },
  outOfRange: {
    applies: (s) => num(s.value) && s.own !== undefined && (bounds(s.own).length > 0 || s.own.type === 'integer'),
    make: (s, choose, root) => {
      const o = s.own!;
      const value = choose([
        ...(num(o.minimum) ? [o.minimum - choose([1, 0.001, 1e6])] : []),
        ...(num(o.exclusiveMinimum) ? [o.exclusiveMinimum, o.exclusiveMinimum - 1] : []),
        ...(num(o.maximum) ? [o.maximum + choose([1, 0.001, 1e6]), 1e308] : []),
        ...(num(o.exclusiveMaximum) ? [o.exclusiveMaximum] : []),
        ...(o.type === 'integer' ? [2.5] : []),
      ]);
      return [`number out of range: ${value}`, { body: setAt(root, s.path, value) }];
    },
  },
  badString: {
    applies: (s) => typeof s.value === 'string' && s.own !== undefined && stringRules(s.own).length > 0,
    make: (s, choose, root) => {
      const rule = choose(stringRules(s.own!));
      const max = Number(s.own!.maxLength);
      const values: Record<string, () => string> = {
        maxLength: () => 'y'.repeat(max + choose([1, 10, max * 5 + 1])),
        minLength: () => '',
        pattern: () => choose(['Not Valid!', ' ', '../../etc/passwd', 'ÄÖÜ', 'a\u0000b', `${'x'.repeat(70)}!`]),
        format: () => choose(['not-a-value', '2026-13-45', '::::', '']),
        enum: () => choose(['bogus', 'NOTEBOOK', ' core', '']),
        const: () => choose(['bogus', '']),
      };
      return [`string breaking its ${rule}`, { body: setAt(root, s.path, values[rule]!()) }];
    },
  },
  oversizedArray: {
    applies: (s) => Array.isArray(s.value) && s.own !== undefined && (num(s.own.maxItems) || (num(s.own.minItems) && s.own.minItems > 0)),
    make: (s, choose, root) => {
      const [o, arr] = [s.own!, s.value as unknown[]];
      if (!num(o.maxItems) || (num(o.minItems) && o.minItems > 0 && choose([false, false, true]))) return [`empty array (min ${String(o.minItems)})`, { body: setAt(root, s.path, []) }];
      // copies of the last item, or (for long limits) a cheap filler that is wrong as well
      const filler = arr.length > 0 && o.maxItems <= 200 ? arr[arr.length - 1] : 0;
      const big = [...arr, ...Array.from({ length: Math.max(0, o.maxItems + 1 - arr.length) }, () => structuredClone(filler))];
      return [`array of ${big.length} items (max ${o.maxItems})`, { body: setAt(root, s.path, big) }];
    },
  },
  unknownProperty: {
    applies: (s) => isObject(s.value) && s.own !== undefined && (isClosed(s.own) || isSchema(s.own.propertyNames)),
    make: (s, choose, root) => {
      const key = choose(isClosed(s.own!) ? ['unexpected', 'isAdmin', 'organisation_override'] : ['Bad Key!', '-leading', 'a'.repeat(101)]);
      return [`unknown property "${key.slice(0, 20)}"`, { body: setAt(root, [...s.path, key], choose([true, 1, 'value', {}])) }];
    },
  },
} satisfies Record<string, MutationRule>;
