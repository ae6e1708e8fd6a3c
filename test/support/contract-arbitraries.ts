import fc from 'fast-check';
import { conditionHolds, isClosed, isSchema, SchemaResolver, strings, type Condition, type Flat, type Schema } from './schema-resolver';

/**
 * fast-check arbitraries of the values the contract's schemas accept: a compact translator of the
 * JSON Schema subset api/openapi.yaml uses (`$ref`, `allOf`, `oneOf`/`anyOf`, `if`/`then` on
 * consts, `enum`, `const`, `type` lists, objects with `required`, `additionalProperties`,
 * `propertyNames` and `maxProperties`, arrays with `minItems`/`maxItems`/`uniqueItems`, strings
 * with `format`, `pattern`, `minLength`/`maxLength`, numbers with (exclusive) bounds).
 * Recursive schemas (rule trees) go through `fc.letrec` and a depth-bounded `fc.oneof` that prefers
 * the branches that do not recurse, so values stay small.
 */

/** Keys a valid body never has: the service refuses them at any depth (prototype pollution). */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
/** Free text that is valid but unusual: markup, a spreadsheet formula, quotes, non-Latin and astral characters. */
const SPICY_TEXT = ['<script>alert(1)</script>', '=SUM(A1:A9)', '"quoted", and; "more"', 'Ærø – naïve café', '日本語のテキスト', 'ICT 💻 ♻️', 'line\nbreak\ttab', "O'Brien & Sons"];
/** The formats the contract uses; dates of this century's first decades, as the service's date windows expect. */
const DATE = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true });
const FORMATS: Readonly<Record<string, fc.Arbitrary<string>>> = { date: DATE.map((d) => d.toISOString().slice(0, 10)), 'date-time': DATE.map((d) => d.toISOString()), uuid: fc.uuid(), uri: fc.webUrl(), 'uri-reference': fc.webPath() };

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

export class ContractArbitraries {
  readonly schemas: SchemaResolver;
  private readonly recursive = new Set<string>();
  private readonly cache = new WeakMap<Schema, fc.Arbitrary<unknown>>();
  private readonly depth = fc.createDepthIdentifier();
  private readonly maxDepth: number;
  private tie: (ref: string) => fc.Arbitrary<unknown> = () => fc.constant(undefined);

  /** `maxDepth`: how deep recursive schemas (rule trees) may nest. */
  constructor(document: Schema, options: { maxDepth?: number } = {}) {
    [this.schemas, this.maxDepth] = [new SchemaResolver(document), options.maxDepth ?? 4];
    const refs = Object.keys(this.schemas.at('#/components/schemas')).map((n) => `#/components/schemas/${n.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    for (const ref of refs) if (this.schemas.reaches(this.schemas.at(ref), (r) => r === ref)) this.recursive.add(ref);
    // every component schema is one lazily tied arbitrary, so `$ref` cycles are fine
    fc.letrec((tie) => {
      this.tie = tie;
      return Object.fromEntries(refs.map((ref) => [ref, this.fromFlats(this.schemas.alternatives(this.schemas.at(ref)))]));
    });
  }

  /** Valid values of the schema at a `#/...` pointer of the contract. */
  at(pointer: string): fc.Arbitrary<unknown> {
    return this.of(this.schemas.at(pointer));
  }

  /** Valid values of a schema of the contract (its `$ref`s point into the contract). */
  of(schema: Schema): fc.Arbitrary<unknown> {
    let arb = this.cache.get(schema);
    if (!arb) {
      const ref = schema.$ref;
      const tied = typeof ref === 'string' && Object.keys(schema).length === 1 && ref.startsWith('#/components/schemas/');
      arb = tied ? this.tie(ref) : this.fromFlats(this.schemas.alternatives(schema));
      this.cache.set(schema, arb);
    }
    return arb;
  }

  private fromFlats(flats: Flat[]): fc.Arbitrary<unknown> {
    if (flats.length === 1) return this.flat(flats[0]!);
    // terminal branches first: a depth-bounded oneof falls back to its first arbitrary
    const loops = (f: Flat) => this.schemas.reaches(f.schema, (ref) => this.recursive.has(ref));
    const ordered = [...flats.filter((f) => !loops(f)), ...flats.filter(loops)];
    const arbs = ordered.map((f) => this.flat(f));
    return ordered.some(loops) ? fc.oneof({ depthIdentifier: this.depth, depthSize: 'small', maxDepth: this.maxDepth }, ...arbs) : fc.oneof(...arbs);
  }

  private flat(f: Flat): fc.Arbitrary<unknown> {
    const s = f.schema;
    if ('const' in s) return fc.constant(s.const);
    if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
    const types = Array.isArray(s.type) ? s.type.map(String) : [typeof s.type === 'string' ? s.type : isSchema(s.properties) || s.required ? 'object' : isSchema(s.items) ? 'array' : 'string'];
    return types.length === 1 ? this.typed(types[0]!, f) : fc.oneof(...types.map((t) => this.typed(t, f)));
  }

  private typed(type: string, f: Flat): fc.Arbitrary<unknown> {
    const s = f.schema;
    switch (type) {
      case 'object':
        return this.object(s, f.conditions, f.others);
      case 'array': {
        const items = this.of(isSchema(s.items) ? s.items : {});
        const minLength = num(s.minItems) ?? 0;
        const itemEnum = isSchema(s.items) ? this.schemas.alternatives(s.items)[0]?.schema.enum : undefined;
        const maxLength = Math.min(num(s.maxItems) ?? Infinity, minLength + 3, s.uniqueItems === true && Array.isArray(itemEnum) ? itemEnum.length : Infinity);
        return s.uniqueItems === true ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) }) : fc.array(items, { minLength, maxLength });
      }
      case 'string':
        return this.string(s);
      case 'integer':
      case 'number': {
        const [min, max] = [num(s.minimum) ?? num(s.exclusiveMinimum), num(s.maximum) ?? num(s.exclusiveMaximum)];
        const [minExcluded, maxExcluded] = [s.minimum === undefined && min !== undefined, s.maximum === undefined && max !== undefined];
        if (type === 'integer') return fc.integer({ min: min === undefined ? undefined : minExcluded ? Math.floor(min) + 1 : Math.ceil(min), max: max === undefined ? undefined : maxExcluded ? Math.ceil(max) - 1 : Math.floor(max) });
        return fc.double({ min, max, minExcluded, maxExcluded, noNaN: true, noDefaultInfinity: true });
      }
      default:
        if (type === 'boolean' || type === 'null') return type === 'null' ? fc.constant(null) : fc.boolean();
        throw new Error(`contract-arbitraries: unsupported type ${type}`);
    }
  }

  private string(s: Schema): fc.Arbitrary<string> {
    const minLength = num(s.minLength) ?? 0;
    const maxLength = num(s.maxLength);
    const fitsLength = (v: string) => [...v].length >= minLength && (maxLength === undefined || [...v].length <= maxLength);
    const format = typeof s.format === 'string' ? FORMATS[s.format] : undefined;
    if (format) return format.filter(fitsLength);
    if (typeof s.pattern === 'string') return fc.stringMatching(new RegExp(s.pattern, 'u'), { maxLength }).filter(fitsLength);
    // printable ASCII mostly, sometimes any code point (one per unit: Ajv counts lengths in code points)
    const text = fc.oneof({ arbitrary: fc.string({ unit: 'grapheme-ascii', minLength, maxLength }), weight: 8 }, fc.string({ unit: 'binary', minLength, maxLength }));
    const spicy = SPICY_TEXT.filter(fitsLength);
    return spicy.length > 0 ? fc.oneof({ arbitrary: text, weight: 9 }, fc.constantFrom(...spicy)) : text;
  }

  private object(s: Schema, conditions: readonly Condition[], others: readonly (readonly string[])[]): fc.Arbitrary<Record<string, unknown>> {
    const props = isSchema(s.properties) ? (s.properties as Record<string, Schema>) : {};
    const required = strings(s.required);
    const model = Object.fromEntries([...new Set([...Object.keys(props), ...required])].map((k) => [k, this.of(props[k] ?? { type: 'string' })]));
    // each optional property half of the time (fc.record's own optional keys are there 5 times in 6)
    const record = fc.record(Object.fromEntries(Object.entries(model).map(([k, a]) => [k, required.includes(k) ? a : fc.option(a, { nil: undefined, freq: 2 })])));
    // keys that a condition may require, generated up front and added when the condition holds
    const conditional = [...new Set(conditions.flatMap((c) => strings(c.then.required)))].filter((k) => k in model);
    const reserve = fc.record(Object.fromEntries(conditional.map((k) => [k, model[k]!])), { noNullPrototype: true });
    const extra = s.additionalProperties;
    const names = isSchema(s.propertyNames) ? this.string({ ...s.propertyNames, maxLength: num(s.propertyNames.maxLength) ?? 20 }) : fc.string({ minLength: 1, maxLength: 20 });
    const maxKeys = Math.min(3, (num(s.maxProperties) ?? Infinity) - Object.keys(model).length);
    const extras = isSchema(extra) && !isClosed(s) ? fc.dictionary(names.filter((k) => !RESERVED.has(k) && !(k in model)), this.of(extra), { maxKeys, noNullPrototype: true }) : fc.constant({});
    return fc.tuple(record, reserve, extras).map(([own, kept, more]) => {
      const obj: Record<string, unknown> = { ...more, ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined)) };
      for (const c of conditions) for (const k of strings(c.then.required)) if (conditionHolds(c.if, obj) && !Object.hasOwn(obj, k) && Object.hasOwn(kept, k)) obj[k] = kept[k];
      // oneOf: the value must not satisfy another branch as well
      for (const other of others) {
        const spare = other.find((k) => !required.includes(k));
        if (spare !== undefined && other.every((k) => Object.hasOwn(obj, k))) delete obj[spare];
      }
      return obj;
    });
  }
}
