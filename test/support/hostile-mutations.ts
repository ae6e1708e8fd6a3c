import { typesOf, type Path } from './schema-resolver';
import { isObject, num, setAt, type MutationRule, type Site } from './schema-mutations';

/**
 * Mutations an attacker would send rather than a careless client: MongoDB operators as keys or
 * values, prototype keys, huge and non-finite numbers, deep nesting, control characters, invalid
 * UTF-8, duplicate keys and malformed JSON. Most are JSON text (or bytes) that JSON.stringify
 * cannot produce.
 */
export const MONGO_OPERATORS = ['$gt', '$ne', '$where', '$regex', '$expr', '$function', '$set', '$in'] as const;
const MARKER = '\u2063mutation\u2063';

/** `[[[…]]]` or `{"a":{"a":…}}`, `depth` levels deep, as JSON text (JSON.stringify would recurse). */
export function deepJson(depth: number, kind: 'array' | 'object' | 'not'): string {
  if (kind === 'array') return `${'['.repeat(depth)}${']'.repeat(depth)}`;
  return `${`{"${kind === 'not' ? 'not' : 'a'}":`.repeat(depth)}${kind === 'not' ? '{"declared":"x"}' : '{}'}${'}'.repeat(depth)}`;
}

/** `root` as JSON text with the value at `path` replaced by the literal text `text`. */
const rawAt = (root: unknown, path: Path, text: string): string => JSON.stringify(setAt(root, path, MARKER)).replace(JSON.stringify(MARKER), () => text);
const nested = (s: Site) => s.path.length > 0;

export const HOSTILE_MUTATION_RULES = {
  mongoOperatorKey: {
    applies: (s) => isObject(s.value),
    make: (s, choose, root) => {
      const op = choose(MONGO_OPERATORS);
      return [`operator key ${op}`, { body: setAt(root, [...s.path, op], op === '$where' ? 'sleep(5000) || true' : op === '$regex' ? '.*' : { $gt: '' }) }];
    },
  },
  mongoOperatorValue: {
    applies: nested,
    make: (s, choose, root) => {
      const op = choose(MONGO_OPERATORS);
      const value = op === '$where' ? { $where: 'this.organisation != null' } : op === '$regex' ? { $regex: '^', $options: 'i' } : { [op]: op === '$in' ? [null, ''] : null };
      return [`value replaced by {"${op}": …}`, { body: setAt(root, s.path, value) }];
    },
  },
  prototypeKey: {
    applies: (s) => isObject(s.value),
    make: (s, choose, root) => {
      const key = choose(['__proto__', 'constructor', 'prototype']);
      const rest = JSON.stringify(s.value).slice(1);
      const payload = `"${key}":${key === 'constructor' ? '{"prototype":{"polluted":"yes"}}' : '{"polluted":"yes"}'}`;
      return [`key "${key}"`, rawAt(root, s.path, `{${payload}${rest === '}' ? '' : ','}${rest}`)];
    },
  },
  hugeNumber: {
    // where no number is allowed, or only up to a maximum
    applies: (s) => nested(s) && s.flats.every((f) => num(f.schema.maximum) || !typesOf(f.schema).includes('number')),
    make: (s, choose, root) => {
      const value = choose([1e308, -1e308, Number.MAX_SAFE_INTEGER * 1e10]);
      return [`number ${value}`, { body: setAt(root, s.path, value) }];
    },
  },
  rawInfinity: {
    applies: nested,
    make: (s, choose, root) => {
      const text = choose(['1e400', '-1e400', '1e999', '123456789e999']);
      return [`raw number ${text}`, rawAt(root, s.path, text)];
    },
  },
  deepNesting: {
    applies: nested,
    make: (s, choose, root) => {
      const [depth, shape] = [choose([50, 120, 200, 1000, 2500, 5000]), choose(['array', 'object', 'not'] as const)];
      return [`${shape} nested ${depth} deep`, rawAt(root, s.path, deepJson(depth, shape))];
    },
  },
  controlChars: {
    applies: (s) => typeof s.value === 'string',
    make: (s, choose, root) => {
      // an unescaped control character inside a JSON string is not JSON at all
      if (choose([false, false, true])) return ['raw control character in a string', rawAt(root, s.path, `"a${choose(['\u0000', '\u0001', '\b', '\n', '\u001b', '\u001f'])}b"`)];
      const evil = choose(['\u0000', '\u0001\u0002\u0003', '\u001b[31m', '\u0000\u0000\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', '\r\n\r\nX-Injected: 1']);
      const text = s.value as string;
      const at = choose([0, text.length, Math.floor(text.length / 2)]);
      return [`string with control characters ${JSON.stringify(evil)}`, { body: setAt(root, s.path, text.slice(0, at) + evil + text.slice(at)) }];
    },
  },
  invalidUtf8: {
    applies: (s) => typeof s.value === 'string',
    make: (s, choose, root) => {
      const bytes = choose([[0xc3, 0x28], [0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80]]);
      const [before, after] = rawAt(root, s.path, `"${MARKER}"`).split(MARKER) as [string, string];
      return [`invalid UTF-8 bytes ${bytes.map((b) => b.toString(16)).join(' ')}`, Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)])];
    },
  },
  duplicateKey: {
    applies: (s) => isObject(s.value) && Object.keys(s.value).length > 0,
    make: (s, choose, root) => {
      const [key, evil] = [choose(Object.keys(s.value as object)), choose(['{"$ne":null}', '{"$gt":""}', '1e400', '{"__proto__":{"polluted":"yes"}}'])];
      return [`duplicate key "${key}" with ${evil}`, rawAt(root, s.path, `${JSON.stringify(s.value).slice(0, -1)},${JSON.stringify(key)}:${evil}}`)];
    },
  },
  malformedJson: {
    applies: (s) => s.path.length === 0,
    make: (_s, choose, root) => {
      const text = JSON.stringify(root);
      return ['malformed JSON', choose([text.slice(0, Math.max(1, Math.floor(text.length / 2))), `${text}garbage`, text.replace(/"/g, "'"), `${text.slice(0, -1)},}`, `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}"n":NaN}`, `/* comment */${text}`, '', '{'])];
    },
  },
} satisfies Record<string, MutationRule>;
