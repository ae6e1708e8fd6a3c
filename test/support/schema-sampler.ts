/**
 * A small, dependency-free generator of JSON values from the contract's schemas (JSON Schema
 * 2020-12 as used by api/openapi.yaml), and mutators that turn a valid value into an invalid or
 * hostile one. Everything random comes from a seeded PRNG so that a failing fuzz run can be
 * replayed with the seed it printed (FUZZ_SEED=<seed>).
 *
 * Supported: `$ref` into the document, `allOf` (merged), `oneOf`/`anyOf` (one branch picked; a
 * branch that only adds `required` is merged and the other branches are kept from matching),
 * `enum`, `const`, `type` arrays, objects (`required`, optional properties, `additionalProperties`,
 * `propertyNames`, `maxProperties`, simple `if`/`then` on consts), arrays (`minItems`, `maxItems`,
 * `uniqueItems`), strings (`minLength`, `maxLength`, `format`, the patterns the contract uses) and
 * numbers (`minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, integers).
 */

export type Schema = Record<string, unknown>;
export type Path = readonly (string | number)[];
type JsonObject = Record<string, unknown>;

// ------------------------------------------------------------------------------------------- PRNG

/** mulberry32: tiny, fast and good enough for test data. */
export class Rng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /** The items over and over, each round in a fresh shuffled order: every item once per round. */
  cycle<T>(items: readonly T[]): () => T {
    let order = this.shuffle(items);
    let turn = 0;
    return () => {
      if (turn === order.length) {
        order = this.shuffle(items);
        turn = 0;
      }
      return order[turn++] as T;
    };
  }

  chars(length: number, alphabet: string): string {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }

  uuid(): string {
    const hex = this.chars(32, '0123456789abcdef');
    const variant = '89ab'[this.int(0, 3)] ?? '8';
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** The seed to use: FUZZ_SEED when set (to replay a run), else a fresh one. */
export function chooseSeed(env: string | undefined = process.env.FUZZ_SEED): number {
  const fromEnv = env === undefined || env === '' ? NaN : Number(env);
  return Number.isInteger(fromEnv) ? fromEnv >>> 0 : Math.floor(Math.random() * 2 ** 32) >>> 0;
}

// ---------------------------------------------------------------------------------- value helpers

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const ALNUM = LOWER + UPPER + DIGITS;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSchema = (v: unknown): v is Schema => isObject(v);
const schemaList = (v: unknown): Schema[] => (Array.isArray(v) ? v.filter(isSchema) : []);

/** JSON Pointer of a path (`/items/0/category`), "" for the root. */
export const pointerOf = (path: Path): string => path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** Real offer paths, so that some generated rules survive the semantic checks of a criterion set. */
export const OFFER_PROPERTY_PATHS = [
  'battery.cyclesAt80pct',
  'battery.hasBattery',
  'battery.userReplaceable',
  'lifetime.warrantyYears',
  'lifetime.sparePartsYears',
  'lifetime.repairManualPublic',
  'energy.tecKWhPerYear',
  'energy.euEnergyClass',
  'durability.ipRating',
  'interoperability.usbCCharging',
  'materials.recycledPlasticPct',
  'supplier.iso14001',
  'supplier.renewableElectricityShareFinalAssemblyPct',
  'service.take_back.durationYears',
  'isRefurbished',
  'quantity',
] as const;

type StringGen = (rng: Rng) => string;

/** Good values for every `pattern` the contract uses. */
export const PATTERN_VALUES: Readonly<Record<string, StringGen>> = {
  // set ids
  '^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$': (r) => `fuzz-${r.chars(r.int(3, 10), LOWER + DIGITS)}${r.chance(0.3) ? `-${r.chars(2, LOWER)}` : ''}`,
  // CPV codes
  '^[0-9]{8}(-[0-9])?$': (r) => `${r.chars(8, DIGITS)}${r.chance(0.5) ? `-${r.chars(1, DIGITS)}` : ''}`,
  // GTINs
  '^[0-9]{8,14}$': (r) => r.chars(r.pick([8, 12, 13, 14]), DIGITS),
  // CAS numbers
  '^[0-9]{2,7}-[0-9]{2}-[0-9]$': (r) => `${r.chars(r.int(2, 7), DIGITS)}-${r.chars(2, DIGITS)}-${r.chars(1, DIGITS)}`,
  // IP ratings
  '^IP[0-6X][0-9X]K?$': (r) => `IP${r.chars(1, '0123456X')}${r.chars(1, '0123456789X')}${r.chance(0.2) ? 'K' : ''}`,
  // country codes
  '^[A-Z]{2}$': (r) => r.pick(['SE', 'NO', 'DE', 'FR', 'KE', 'BR', 'IN', 'US', r.chars(2, UPPER)]),
  // criterion ids
  '^[A-Za-z0-9][A-Za-z0-9._-]*$': (r) => `${r.chars(1, UPPER)}${r.chars(r.int(2, 12), `${ALNUM}._-`)}`,
  // organisations
  '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$': (r) => `${r.chars(1, LOWER)}${r.chars(r.int(2, 12), `${LOWER}${DIGITS}.:_-`)}`,
  // API key ids
  '^[A-Za-z0-9]{12}$': (r) => r.chars(12, ALNUM),
  // parameter names
  '^[A-Za-z][A-Za-z0-9_]*$': (r) => `${r.chars(1, LOWER)}${r.chars(r.int(0, 10), `${ALNUM}_`)}`,
  // property paths
  '^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*$': (r) =>
    r.chance(0.8) ? r.pick(OFFER_PROPERTY_PATHS) : `${r.chars(1, LOWER)}${r.chars(r.int(0, 6), ALNUM)}.${r.chars(1, LOWER)}${r.chars(r.int(0, 6), ALNUM)}`,
  // Idempotency-Key
  '^[\\x21-\\x7e]+$': (r) => `fuzz-${r.uuid()}`,
  // statement ids and declaration keys
  '^[a-z0-9][a-z0-9-]*$': (r) => `${r.chars(1, LOWER)}${r.chars(r.int(2, 16), `${LOWER}${DIGITS}-`)}`,
  // problem codes
  '^[A-Z][A-Z0-9_]*$': (r) => `${r.chars(1, UPPER)}${r.chars(r.int(2, 12), `${UPPER}${DIGITS}_`)}`,
};

/** Valid but unusual text: markup, spreadsheet formulas, quotes, non-Latin and astral characters. */
const SPICY_TEXT = ['<script>alert(1)</script>', '=SUM(A1:A9)', '"quoted", and; "more"', 'Ærø – naïve café', '日本語のテキスト', 'ICT 💻 ♻️', 'line\nbreak\ttab', "O'Brien & Sons"];

function dateString(rng: Rng): string {
  return `${rng.int(2000, 2035)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

function formatValue(format: string, rng: Rng): string | undefined {
  switch (format) {
    case 'date':
      return dateString(rng);
    case 'date-time':
      return new Date(Date.UTC(rng.int(2000, 2035), rng.int(0, 11), rng.int(1, 28), rng.int(0, 23), rng.int(0, 59), rng.int(0, 59))).toISOString();
    case 'uuid':
      return rng.uuid();
    case 'uri':
      return rng.pick([`https://example.org/${rng.chars(6, LOWER)}`, `http://criteria.example.eu/doc/${rng.int(1, 999)}?lang=en`, `urn:isbn:${rng.chars(10, DIGITS)}`]);
    case 'uri-reference':
      return `/${rng.chars(6, LOWER)}`;
    case 'email':
      return `${rng.chars(6, LOWER)}@example.org`;
    default:
      return undefined;
  }
}

function clampLength(s: string, schema: Schema): string {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  let out = s.length > max ? s.slice(0, max) : s;
  while (out.length < min) out += 'x';
  return out;
}

// --------------------------------------------------------------------------------------- sampler

/** A generated location: where it is in the value and the (merged) schema it was generated from. */
export interface Site {
  readonly path: Path;
  readonly schema: Schema;
  /** The location admits several alternatives (oneOf/anyOf): changing its type may still be valid. */
  readonly ambiguous: boolean;
}

export interface Sample {
  readonly value: unknown;
  readonly sites: readonly Site[];
}

export interface SamplerOptions {
  /** Beyond this depth only required properties and minimal arrays are generated. */
  readonly maxDepth?: number;
  /** Chance that an optional property is generated. */
  readonly optionalProbability?: number;
  /** Chance that a free-text string is unusual (markup, quotes, non-Latin text). */
  readonly spicyTextProbability?: number;
}

interface Condition {
  readonly if: Schema;
  readonly then: Schema;
}

export class SchemaSampler {
  private readonly maxDepth: number;
  private readonly optionalProbability: number;
  private readonly spicyTextProbability: number;
  private readonly minDepthByRef = new Map<string, number>();

  constructor(
    readonly document: Schema,
    readonly rng: Rng,
    options: SamplerOptions = {},
  ) {
    this.maxDepth = options.maxDepth ?? 6;
    this.optionalProbability = options.optionalProbability ?? 0.5;
    this.spicyTextProbability = options.spicyTextProbability ?? 0.1;
  }

  /** The schema at a `#/...` pointer of the document. */
  at(pointer: string): Schema {
    let node: unknown = this.document;
    for (const raw of pointer.replace(/^#\/?/, '').split('/').filter((s) => s !== '')) {
      node = isObject(node) ? node[raw.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    if (!isSchema(node)) throw new Error(`schema-sampler: nothing at ${pointer}`);
    return node;
  }

  /** Follows `$ref`s (siblings of a `$ref` are merged over the target). */
  resolve(schema: Schema): Schema {
    let current = schema;
    for (let hops = 0; typeof current.$ref === 'string'; hops++) {
      if (hops > 50) throw new Error(`schema-sampler: $ref loop at ${current.$ref}`);
      const { $ref, ...siblings } = current;
      const target = this.at($ref);
      current = Object.keys(siblings).length > 0 ? mergeSchemas(target, siblings) : target;
    }
    return current;
  }

  /** Resolves `$ref` and folds `allOf` into one schema; `if`/`then` pairs are collected. */
  effective(schema: Schema): { schema: Schema; conditions: Condition[] } {
    const resolved = this.resolve(schema);
    const conditions: Condition[] = [];
    const { allOf, if: ifSchema, then: thenSchema, ...rest } = resolved;
    let merged: Schema = rest;
    if (isSchema(ifSchema) && isSchema(thenSchema)) conditions.push({ if: ifSchema, then: thenSchema });
    for (const part of schemaList(allOf)) {
      const inner = this.effective(part);
      merged = mergeSchemas(merged, inner.schema);
      conditions.push(...inner.conditions);
    }
    return { schema: merged, conditions };
  }

  /** A valid value of `schema`, with the sites it is made of (for the mutators). */
  sample(schema: Schema): Sample {
    const sites: Site[] = [];
    const value = this.generate(schema, 0, [], sites, false);
    return { value, sites };
  }

  /** A valid value of the schema at `pointer`. */
  sampleAt(pointer: string): Sample {
    return this.sample(this.at(pointer));
  }

  private generate(schema: Schema, depth: number, path: Path, sites: Site[], ambiguousParent: boolean): unknown {
    const { schema: eff, conditions } = this.effective(schema);
    const alternatives = schemaList(eff.oneOf).length > 0 ? schemaList(eff.oneOf) : schemaList(eff.anyOf);
    if (alternatives.length > 0) return this.generateChoice(eff, alternatives, conditions, depth, path, sites);
    return this.generatePlain(eff, conditions, depth, path, sites, ambiguousParent);
  }

  private generateChoice(eff: Schema, alternatives: Schema[], conditions: Condition[], depth: number, path: Path, sites: Site[]): unknown {
    const { oneOf: _o, anyOf: _a, ...base } = eff;
    const exclusive = schemaList(eff.oneOf).length > 0;
    let chosen: Schema;
    if (depth >= this.maxDepth) {
      const depths = alternatives.map((a) => this.minDepth(a, new Set()));
      const best = Math.min(...depths);
      chosen = this.rng.pick(alternatives.filter((_, i) => depths[i] === best));
    } else {
      chosen = this.rng.pick(alternatives);
    }
    const branch = this.effective(chosen);
    // A branch that only adds constraints (e.g. `required: [profileId]`) refines the base schema.
    const refinesOnly = branch.schema.type === undefined && branch.schema.properties === undefined && branch.schema.const === undefined && branch.schema.enum === undefined;
    const merged = mergeSchemas(base, branch.schema);
    const all = [...conditions, ...branch.conditions];
    const value = this.generatePlain(merged, all, depth, path, sites, !refinesOnly);
    if (exclusive && refinesOnly && isObject(value)) {
      // oneOf: the value must not also satisfy another required-only branch.
      const mine = new Set(Array.isArray(branch.schema.required) ? (branch.schema.required as string[]) : []);
      for (const other of alternatives) {
        if (other === chosen) continue;
        const required = this.effective(other).schema.required;
        if (!Array.isArray(required)) continue;
        const names = required as string[];
        if (names.every((n) => Object.hasOwn(value, n))) {
          const removable = names.find((n) => !mine.has(n) && !(Array.isArray(base.required) && (base.required as string[]).includes(n)));
          if (removable !== undefined) delete value[removable];
        }
      }
    }
    return value;
  }

  private generatePlain(eff: Schema, conditions: Condition[], depth: number, path: Path, sites: Site[], ambiguous: boolean): unknown {
    sites.push({ path, schema: eff, ambiguous });
    if ('const' in eff) return structuredClone(eff.const);
    if (Array.isArray(eff.enum) && eff.enum.length > 0) return structuredClone(this.rng.pick(eff.enum));
    let type = eff.type;
    if (Array.isArray(type)) type = this.rng.pick(type.filter((t) => t !== 'null').length > 0 ? type.filter((t) => t !== 'null') : type);
    if (type === undefined) type = eff.properties !== undefined || eff.required !== undefined ? 'object' : eff.items !== undefined ? 'array' : 'string';
    switch (type) {
      case 'object':
        return this.generateObject(eff, conditions, depth, path, sites);
      case 'array':
        return this.generateArray(eff, depth, path, sites);
      case 'string':
        return this.generateString(eff);
      case 'integer':
      case 'number':
        return this.generateNumber(eff, type === 'integer');
      case 'boolean':
        return this.rng.chance(0.5);
      case 'null':
        return null;
      default:
        throw new Error(`schema-sampler: unsupported type ${String(type)}`);
    }
  }

  private generateObject(eff: Schema, conditions: Condition[], depth: number, path: Path, sites: Site[]): JsonObject {
    const properties = isSchema(eff.properties) ? eff.properties : {};
    const required = new Set(Array.isArray(eff.required) ? (eff.required as string[]) : []);
    const maxProperties = typeof eff.maxProperties === 'number' ? eff.maxProperties : Infinity;
    const obj: JsonObject = {};
    const shallow = depth >= this.maxDepth;
    for (const [key, propSchema] of Object.entries(properties)) {
      if (!isSchema(propSchema)) continue;
      if (!required.has(key) && (shallow || !this.rng.chance(this.optionalProbability))) continue;
      obj[key] = this.generate(propSchema, depth + 1, [...path, key], sites, false);
    }
    for (const key of required) {
      if (!(key in obj)) obj[key] = isSchema(properties[key]) ? this.generate(properties[key], depth + 1, [...path, key], sites, false) : 'x';
    }
    const extra = eff.additionalProperties;
    if (isSchema(extra) && !shallow) {
      const names = isSchema(eff.propertyNames) ? eff.propertyNames : { type: 'string', minLength: 1, maxLength: 20 };
      const count = Math.min(this.rng.int(0, 3), maxProperties - Object.keys(obj).length);
      for (let i = 0; i < count; i++) {
        const key = String(this.generate(names, depth + 1, [], [], false));
        if (key in obj || key === '__proto__') continue;
        obj[key] = this.generate(extra, depth + 1, [...path, key], sites, false);
      }
    }
    for (const condition of conditions) {
      if (!this.conditionHolds(condition.if, obj)) continue;
      for (const key of Array.isArray(condition.then.required) ? (condition.then.required as string[]) : []) {
        if (!(key in obj) && isSchema(properties[key])) obj[key] = this.generate(properties[key], depth + 1, [...path, key], sites, false);
      }
    }
    return obj;
  }

  /** `if` schemas of the contract only test properties against `const` (possibly negated). */
  private conditionHolds(condition: Schema, obj: JsonObject): boolean {
    const properties = isSchema(condition.properties) ? condition.properties : {};
    return Object.entries(properties).every(([key, test]) => {
      if (!(key in obj) || !isSchema(test)) return true;
      if ('const' in test) return obj[key] === test.const;
      if (isSchema(test.not) && 'const' in test.not) return obj[key] !== test.not.const;
      return true;
    });
  }

  private generateArray(eff: Schema, depth: number, path: Path, sites: Site[]): unknown[] {
    const items = isSchema(eff.items) ? eff.items : {};
    const min = typeof eff.minItems === 'number' ? eff.minItems : 0;
    const max = typeof eff.maxItems === 'number' ? eff.maxItems : Infinity;
    const target = depth >= this.maxDepth ? min : this.rng.int(min, Math.min(max, min + 3));
    const out: unknown[] = [];
    if (eff.uniqueItems === true) {
      const itemEff = this.effective(items).schema;
      if (Array.isArray(itemEff.enum)) {
        const values = this.rng.shuffle(itemEff.enum).slice(0, Math.max(min, Math.min(target, itemEff.enum.length)));
        values.forEach((v, i) => sites.push({ path: [...path, i], schema: itemEff, ambiguous: false }));
        return values.map((v) => structuredClone(v));
      }
      const seen = new Set<string>();
      for (let attempts = 0; out.length < target && attempts < target * 10; attempts++) {
        const scratch: Site[] = [];
        const v = this.generate(items, depth + 1, [...path, out.length], scratch, false);
        const key = JSON.stringify(v);
        if (seen.has(key)) continue;
        seen.add(key);
        sites.push(...scratch);
        out.push(v);
      }
      return out;
    }
    for (let i = 0; i < target; i++) out.push(this.generate(items, depth + 1, [...path, i], sites, false));
    return out;
  }

  private generateString(eff: Schema): string {
    if (typeof eff.format === 'string') {
      const formatted = formatValue(eff.format, this.rng);
      if (formatted !== undefined) return formatted;
    }
    if (typeof eff.pattern === 'string') {
      const gen = PATTERN_VALUES[eff.pattern];
      const regex = new RegExp(eff.pattern, 'u');
      for (let attempt = 0; gen && attempt < 5; attempt++) {
        const candidate = clampLength(gen(this.rng), eff);
        if (regex.test(candidate)) return candidate;
      }
      for (let attempt = 0; attempt < 20; attempt++) {
        const candidate = clampLength(this.rng.chars(this.rng.int(1, 12), ALNUM), eff);
        if (regex.test(candidate)) return candidate;
      }
      return clampLength(this.rng.chars(8, ALNUM), eff);
    }
    const min = typeof eff.minLength === 'number' ? eff.minLength : 0;
    const max = typeof eff.maxLength === 'number' ? eff.maxLength : 200;
    if (this.rng.chance(this.spicyTextProbability)) {
      const spicy = this.rng.pick(SPICY_TEXT);
      if (spicy.length >= min && spicy.length <= max) return spicy;
    }
    const length = this.rng.int(Math.max(min, 1), Math.max(Math.max(min, 1), Math.min(max, min + 24)));
    const words = this.rng.chars(length, `${LOWER}${LOWER}${DIGITS}    `).replace(/^ +| +$/g, 'x');
    return clampLength(words, eff);
  }

  private generateNumber(eff: Schema, integer: boolean): number {
    const exMin = typeof eff.exclusiveMinimum === 'number' ? eff.exclusiveMinimum : undefined;
    const exMax = typeof eff.exclusiveMaximum === 'number' ? eff.exclusiveMaximum : undefined;
    const step = integer ? 1 : 0.01;
    let lo = typeof eff.minimum === 'number' ? eff.minimum : exMin !== undefined ? exMin + step : undefined;
    let hi = typeof eff.maximum === 'number' ? eff.maximum : exMax !== undefined ? exMax - step : undefined;
    lo ??= hi !== undefined ? hi - 1000 : -1000;
    hi ??= lo + 1000;
    if (integer) {
      lo = Math.ceil(lo);
      hi = Math.floor(hi);
    }
    const roll = this.rng.next();
    let value = roll < 0.1 ? lo : roll < 0.2 ? hi : lo + this.rng.next() * (hi - lo);
    value = integer ? Math.round(value) : Math.round(value * 100) / 100;
    if (exMin !== undefined && value <= exMin) value = integer ? exMin + 1 : exMin + step;
    if (exMax !== undefined && value >= exMax) value = integer ? exMax - 1 : exMax - step;
    return Math.min(Math.max(value, lo), hi) === value ? value : lo;
  }

  /** The least nesting a value of `schema` needs; Infinity for a schema that can only recurse. */
  minDepth(schema: Schema, visiting: Set<string>): number {
    if (typeof schema.$ref === 'string') {
      const ref = schema.$ref;
      const cached = this.minDepthByRef.get(ref);
      if (cached !== undefined) return cached;
      if (visiting.has(ref)) return Infinity;
      visiting.add(ref);
      const d = this.minDepth(this.at(ref), visiting);
      visiting.delete(ref);
      if (visiting.size === 0) this.minDepthByRef.set(ref, d);
      return d;
    }
    let own = 0;
    const properties = isSchema(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    if (schema.type === 'object' || required.length > 0) {
      own = 1 + Math.max(0, ...required.map((r) => (isSchema(properties[r]) ? this.minDepth(properties[r], visiting) : 0)));
    } else if (schema.type === 'array') {
      own = typeof schema.minItems === 'number' && schema.minItems > 0 && isSchema(schema.items) ? 1 + this.minDepth(schema.items, visiting) : 1;
    }
    for (const part of schemaList(schema.allOf)) own = Math.max(own, this.minDepth(part, visiting));
    const alternatives = [...schemaList(schema.oneOf), ...schemaList(schema.anyOf)];
    if (alternatives.length > 0) own = Math.max(own, Math.min(...alternatives.map((a) => this.minDepth(a, visiting))));
    return own;
  }
}

/** Merges two schemas as `allOf` would: properties and required are combined, the rest is kept. */
export function mergeSchemas(a: Schema, b: Schema): Schema {
  const out: Schema = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (key === 'properties' && isSchema(out.properties) && isSchema(value)) {
      const props: Schema = { ...out.properties };
      for (const [name, prop] of Object.entries(value)) props[name] = isSchema(props[name]) && isSchema(prop) ? { allOf: [props[name], prop] } : prop;
      out.properties = props;
    } else if (key === 'required' && Array.isArray(out.required) && Array.isArray(value)) {
      out.required = [...new Set([...(out.required as string[]), ...(value as string[])])];
    } else if (key === 'unevaluatedProperties' || key === 'additionalProperties') {
      // closed wins: an object closed by either part stays closed
      out[key] = out[key] === false || value === false ? false : value;
    } else if (!(key in out) || key === 'description') {
      out[key] = value;
    }
  }
  return out;
}

/** Whether a schema, merged, closes its object to unknown properties. */
export const isClosed = (schema: Schema): boolean => schema.additionalProperties === false || schema.unevaluatedProperties === false;

// -------------------------------------------------------------------------------------- mutators

export const MUTATIONS = [
  'dropRequired',
  'wrongType',
  'outOfRange',
  'badString',
  'oversizedArray',
  'unknownProperty',
  'mongoOperatorKey',
  'mongoOperatorValue',
  'prototypeKey',
  'hugeNumber',
  'rawInfinity',
  'deepNesting',
  'controlChars',
  'invalidUtf8',
  'duplicateKey',
  'malformedJson',
] as const;
export type MutationKind = (typeof MUTATIONS)[number];

/** An invalid variant of a sample: a JSON value to send, or (for hostile JSON text) the exact bytes. */
export interface Mutant {
  readonly kind: MutationKind;
  readonly pointer: string;
  readonly description: string;
  readonly body?: unknown;
  readonly raw?: string | Buffer;
}

export const MONGO_OPERATORS = ['$gt', '$ne', '$where', '$regex', '$expr', '$function', '$set', '$in'] as const;
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Sets an own, enumerable property even for "__proto__" (plain assignment would change the prototype). */
export function defineKey(obj: object, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `[[[…]]]` or `{"a":{"a":…}}`, `depth` levels deep, as JSON text (JSON.stringify would recurse). */
export function deepJson(depth: number, kind: 'array' | 'object' | 'not'): string {
  if (kind === 'array') return `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const key = kind === 'not' ? 'not' : 'a';
  return `${`{"${key}":`.repeat(depth)}${kind === 'not' ? '{"declared":"x"}' : '{}'}${'}'.repeat(depth)}`;
}

function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const seg of path) node = typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[seg] : undefined;
  return node;
}

/** Returns the new root (replacing the root itself when the path is empty). */
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (typeof last === 'string' && PROTOTYPE_KEYS.includes(last as (typeof PROTOTYPE_KEYS)[number])) defineKey(parent, last, value);
  else parent[last] = value;
  return root;
}

const MARKER = '\u2063fuzz-marker\u2063';
const markerText = JSON.stringify(MARKER);

/** Serialises `root` with the value at `path` replaced by the literal JSON text `text`. */
function withRawAt(root: unknown, path: Path, text: string): string {
  const copy = setAt(structuredClone(root), path, MARKER);
  return JSON.stringify(copy).replace(markerText, () => text);
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function declaredTypes(schema: Schema): string[] {
  const t = schema.type;
  if (typeof t === 'string') return t === 'integer' ? ['integer', 'number'] : [t];
  if (Array.isArray(t)) return t.flatMap((x) => (x === 'integer' ? ['integer', 'number'] : [String(x)]));
  if ('const' in schema) return [typeOf(schema.const)];
  if (Array.isArray(schema.enum)) return [...new Set(schema.enum.map(typeOf))];
  return [];
}

/** A value of each JSON type, to put where another type is declared. */
const VALUE_OF_TYPE: Readonly<Record<string, unknown>> = { string: 'forty-two', number: 12345, boolean: true, object: { not: 'expected' }, array: ['not', 'expected'], null: null };

/**
 * Invalid variants of a sample. Each mutator picks a site of the kind it needs; `undefined` when the
 * sample has none (the caller tries another kind).
 */
export class Mutator {
  constructor(private readonly rng: Rng) {}

  mutate(sample: Sample, kind: MutationKind): Mutant | undefined {
    // Where oneOf/anyOf admit several types, another type may well be valid: leave such sites alone.
    const sites = sample.sites.filter((s) => !s.ambiguous || (kind !== 'wrongType' && kind !== 'hugeNumber'));
    const present = sites.filter((s) => getAt(sample.value, s.path) !== undefined);
    const of = (pred: (s: Site, v: unknown) => boolean) => present.filter((s) => pred(s, getAt(sample.value, s.path)));
    const root = sample.value;
    const clone = () => structuredClone(root);
    const pick = (candidates: Site[]) => (candidates.length > 0 ? this.rng.pick(candidates) : undefined);
    const rng = this.rng;
    const make = (site: Site, description: string, out: { body?: unknown; raw?: string | Buffer }): Mutant => ({ kind, pointer: pointerOf(site.path), description, ...out });

    switch (kind) {
      case 'dropRequired': {
        const site = pick(of((s, v) => isObject(v) && Array.isArray(s.schema.required) && (s.schema.required as string[]).some((r) => Object.hasOwn(v, r))));
        if (!site) return undefined;
        const v = getAt(root, site.path) as JsonObject;
        const key = rng.pick((site.schema.required as string[]).filter((r) => Object.hasOwn(v, r)));
        const body = clone();
        delete (getAt(body, site.path) as JsonObject)[key];
        return make(site, `required "${key}" dropped`, { body });
      }
      case 'wrongType': {
        const site = pick(of((s) => declaredTypes(s.schema).length > 0));
        if (!site) return undefined;
        const types = declaredTypes(site.schema);
        const wrong = rng.pick(Object.keys(VALUE_OF_TYPE).filter((t) => !types.includes(t)));
        return make(site, `${types.join('|')} replaced by a ${wrong}`, { body: setAt(clone(), site.path, structuredClone(VALUE_OF_TYPE[wrong])) });
      }
      case 'outOfRange': {
        const site = pick(of((s, v) => typeof v === 'number' && ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].some((k) => typeof s.schema[k] === 'number')));
        const intSite = site ? undefined : pick(of((s, v) => typeof v === 'number' && s.schema.type === 'integer'));
        if (!site && !intSite) return undefined;
        if (intSite) return make(intSite, 'integer replaced by 2.5', { body: setAt(clone(), intSite.path, 2.5) });
        const s = site!.schema;
        const options: number[] = [];
        if (typeof s.minimum === 'number') options.push(s.minimum - rng.pick([1, 0.001, 1e6]));
        if (typeof s.exclusiveMinimum === 'number') options.push(s.exclusiveMinimum, s.exclusiveMinimum - 1);
        if (typeof s.maximum === 'number') options.push(s.maximum + rng.pick([1, 0.001, 1e6]), 1e308);
        if (typeof s.exclusiveMaximum === 'number') options.push(s.exclusiveMaximum);
        const value = rng.pick(options);
        return make(site!, `number out of range: ${value}`, { body: setAt(clone(), site!.path, value) });
      }
      case 'badString': {
        const site = pick(of((s, v) => typeof v === 'string' && (typeof s.schema.maxLength === 'number' || (typeof s.schema.minLength === 'number' && s.schema.minLength > 0) || typeof s.schema.pattern === 'string' || typeof s.schema.format === 'string' || Array.isArray(s.schema.enum) || 'const' in s.schema)));
        if (!site) return undefined;
        const s = site.schema;
        const options: [string, string][] = [];
        if (typeof s.maxLength === 'number') options.push(['too long', 'y'.repeat(s.maxLength + rng.pick([1, 10, s.maxLength * 5 + 1]))]);
        if (typeof s.minLength === 'number' && s.minLength > 0) options.push(['too short', '']);
        if (typeof s.pattern === 'string') options.push(['pattern broken', rng.pick(['Not Valid!', ' ', '../../etc/passwd', 'ÄÖÜ', 'a\u0000b', 'x'.repeat(70) + '!'])]);
        if (typeof s.format === 'string' && s.format !== 'uri-reference') options.push([`not a ${s.format}`, rng.pick(['not-a-value', '2026-13-45', '::::', ''])]);
        if (Array.isArray(s.enum) || 'const' in s) options.push(['not an allowed value', rng.pick(['bogus', 'NOTEBOOK', ' core', ''])]);
        const [what, value] = rng.pick(options);
        return make(site, `string ${what}`, { body: setAt(clone(), site.path, value) });
      }
      case 'oversizedArray': {
        const site = pick(of((s, v) => Array.isArray(v) && (typeof s.schema.maxItems === 'number' || (typeof s.schema.minItems === 'number' && s.schema.minItems > 0))));
        if (!site) return undefined;
        const s = site.schema;
        const arr = getAt(root, site.path) as unknown[];
        if (typeof s.maxItems === 'number' && (rng.chance(0.7) || !(typeof s.minItems === 'number' && s.minItems > 0))) {
          // copies of the last item, or (for very long limits) a cheap filler that is wrong as well
          const filler = arr.length > 0 && s.maxItems <= 200 ? arr[arr.length - 1] : 0;
          const size = s.maxItems + 1;
          const big = [...arr, ...Array.from({ length: Math.max(0, size - arr.length) }, () => structuredClone(filler))];
          return make(site, `array of ${big.length} items (max ${s.maxItems})`, { body: setAt(clone(), site.path, big) });
        }
        return make(site, `empty array (min ${String(s.minItems)})`, { body: setAt(clone(), site.path, []) });
      }
      case 'unknownProperty': {
        const site = pick(of((s, v) => isObject(v) && (isClosed(s.schema) || isSchema(s.schema.propertyNames))));
        if (!site) return undefined;
        const body = clone();
        const key = isClosed(site.schema) ? rng.pick(['unexpected', 'isAdmin', 'organisation_override', 'x']) : rng.pick(['Bad Key!', '-leading', 'a'.repeat(101)]);
        if (Object.hasOwn(getAt(body, site.path) as object, key)) return undefined;
        (getAt(body, site.path) as JsonObject)[key] = rng.pick([true, 1, 'value', {}]);
        return make(site, `unknown property "${key.slice(0, 20)}"`, { body });
      }
      case 'mongoOperatorKey': {
        const site = pick(of((_s, v) => isObject(v)));
        if (!site) return undefined;
        const body = clone();
        const op = rng.pick(MONGO_OPERATORS);
        (getAt(body, site.path) as JsonObject)[op] = op === '$where' ? 'sleep(5000) || true' : op === '$regex' ? '.*' : { $gt: '' };
        return make(site, `operator key ${op}`, { body });
      }
      case 'mongoOperatorValue': {
        const site = pick(present.filter((s) => s.path.length > 0));
        if (!site) return undefined;
        const op = rng.pick(MONGO_OPERATORS);
        const value = op === '$where' ? { $where: 'this.organisation != null' } : op === '$regex' ? { $regex: '^', $options: 'i' } : { [op]: op === '$in' ? [null, ''] : null };
        return make(site, `value replaced by {"${op}": …}`, { body: setAt(clone(), site.path, value) });
      }
      case 'prototypeKey': {
        const site = pick(of((_s, v) => isObject(v)));
        if (!site) return undefined;
        const key = rng.pick(PROTOTYPE_KEYS);
        const payload = key === 'constructor' ? { prototype: { polluted: 'yes' } } : { polluted: 'yes' };
        const text = `{"${key}":${JSON.stringify(payload)},`;
        const inner = JSON.stringify(getAt(root, site.path));
        const objectText = inner === '{}' ? text.slice(0, -1) + '}' : text + inner.slice(1);
        return make(site, `key "${key}"`, { raw: withRawAt(root, site.path, objectText) });
      }
      case 'hugeNumber': {
        const site = pick(of((s) => typeof s.schema.maximum === 'number' || (declaredTypes(s.schema).length > 0 && !declaredTypes(s.schema).includes('number'))));
        if (!site) return undefined;
        const value = rng.pick([1e308, -1e308, Number.MAX_SAFE_INTEGER * 1e10]);
        return make(site, `number ${value}`, { body: setAt(clone(), site.path, value) });
      }
      case 'rawInfinity': {
        const site = pick(present.filter((s) => s.path.length > 0));
        if (!site) return undefined;
        const text = rng.pick(['1e400', '-1e400', '1e999', '123456789e999']);
        return make(site, `raw number ${text}`, { raw: withRawAt(root, site.path, text) });
      }
      case 'deepNesting': {
        const site = pick(present.filter((s) => s.path.length > 0));
        if (!site) return undefined;
        const depth = rng.chance(0.5) ? rng.int(50, 200) : rng.int(1000, 5000);
        const shape = rng.pick(['array', 'object', 'not'] as const);
        return make(site, `${shape} nested ${depth} deep`, { raw: withRawAt(root, site.path, deepJson(depth, shape)) });
      }
      case 'controlChars': {
        const site = pick(of((_s, v) => typeof v === 'string'));
        if (!site) return undefined;
        if (rng.chance(0.3)) {
          // an unescaped control character inside a JSON string is not JSON at all
          const ch = String.fromCharCode(rng.pick([0, 1, 8, 10, 27, 31]));
          return make(site, `raw control character U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`, { raw: withRawAt(root, site.path, `"a${ch}b"`) });
        }
        const original = getAt(root, site.path) as string;
        const evil = rng.pick(['\u0000', '\u0001\u0002\u0003', '\u001b[31m', '\u0000\u0000\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', '\r\n\r\nX-Injected: 1']);
        const at = rng.int(0, original.length);
        return make(site, `string with control characters ${JSON.stringify(evil)}`, { body: setAt(clone(), site.path, original.slice(0, at) + evil + original.slice(at)) });
      }
      case 'invalidUtf8': {
        const site = pick(of((_s, v) => typeof v === 'string'));
        if (!site) return undefined;
        const bytes = rng.pick([[0xc3, 0x28], [0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80]]);
        const text = withRawAt(root, site.path, '"\u2063utf8\u2063"');
        const [before, after] = text.split('\u2063utf8\u2063') as [string, string];
        return make(site, `invalid UTF-8 bytes ${bytes.map((b) => b.toString(16)).join(' ')}`, { raw: Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]) });
      }
      case 'duplicateKey': {
        const site = pick(of((s, v) => isObject(v) && Object.keys(v).length > 0 && isSchema(s.schema.properties)));
        if (!site) return undefined;
        const obj = getAt(root, site.path) as JsonObject;
        const key = rng.pick(Object.keys(obj));
        const evil = rng.pick(['{"$ne":null}', '{"$gt":""}', '1e400', '{"__proto__":{"polluted":"yes"}}']);
        const inner = JSON.stringify(obj);
        const objectText = `${inner.slice(0, -1)},${JSON.stringify(key)}:${evil}}`;
        return make(site, `duplicate key "${key}" with ${evil}`, { raw: withRawAt(root, site.path, objectText) });
      }
      case 'malformedJson': {
        const text = JSON.stringify(root);
        const variants = [
          text.slice(0, Math.max(1, Math.floor(text.length / 2))),
          `${text}garbage`,
          text.replace(/"/g, "'"),
          `${text.slice(0, -1)},}`,
          `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}"n":NaN}`,
          `/* comment */${text}`,
          '',
          '{',
        ];
        const root0 = present[0] ?? { path: [], schema: {}, ambiguous: false };
        return make(root0, 'malformed JSON', { raw: rng.pick(variants) });
      }
    }
  }

  /** Tries kinds in random order until one applies to the sample. */
  mutateAny(sample: Sample, kinds: readonly MutationKind[] = MUTATIONS): Mutant {
    for (const kind of this.rng.shuffle(kinds)) {
      const mutant = this.mutate(sample, kind);
      if (mutant) return mutant;
    }
    return this.mutate(sample, 'malformedJson')!;
  }
}

// ------------------------------------------------------------------------------ query parameters

export interface QueryParameter {
  readonly name: string;
  readonly schema: Schema;
  readonly required?: boolean;
}

/** Valid query pairs for the parameters (each optional one with some probability; arrays repeated). */
export function sampleQuery(sampler: SchemaSampler, params: readonly QueryParameter[], probability = 0.4): [string, string][] {
  const pairs: [string, string][] = [];
  for (const p of params) {
    if (!p.required && !sampler.rng.chance(probability)) continue;
    const value = sampler.sample(p.schema).value;
    for (const v of Array.isArray(value) ? value : [value]) pairs.push([p.name, String(v)]);
  }
  return pairs;
}

/** Query strings the contract rejects: operators, non-numbers, out-of-range, repeats, unknown names. */
export function hostileQueryPairs(sampler: SchemaSampler, params: readonly QueryParameter[]): { pairs: [string, string][]; description: string } {
  const rng = sampler.rng;
  const names = params.map((p) => p.name);
  const resolved = params.map((p) => ({ name: p.name, schema: sampler.resolve(p.schema) }));
  const scalar = resolved.filter((p) => p.schema.type !== 'array').map((p) => p.name);
  const hasEnum = (s: Schema): boolean => Array.isArray(s.enum) || (s.type === 'array' && isSchema(s.items) && Array.isArray(sampler.resolve(s.items).enum));
  const enumerated = resolved.filter((p) => hasEnum(p.schema)).map((p) => p.name);
  // a name no operation declares, for operations without parameters of the kind wanted
  const some = (list: string[]) => (list.length > 0 ? rng.pick(list) : 'undeclaredParam');
  const options: (() => { pairs: [string, string][]; description: string })[] = [
    () => {
      const n = some(names);
      const op = rng.pick(MONGO_OPERATORS);
      return { pairs: [[`${n}[${op}]`, rng.pick(['x', '', 'null', '1'])]], description: `${n}[${op}]` };
    },
    () => ({ pairs: [[rng.pick(MONGO_OPERATORS), 'x']], description: 'operator as a parameter name' }),
    () => {
      const key = rng.pick(['__proto__[polluted]', 'constructor[prototype][polluted]', '__proto__', 'prototype']);
      return { pairs: [[key, 'yes']], description: `prototype key ${key}` };
    },
    () => ({ pairs: [['unexpectedParam', 'x']], description: 'unknown parameter' }),
    () => {
      const n = some(scalar);
      return { pairs: [[n, 'a'], [n, 'b']], description: `repeated ${n}` };
    },
    () => {
      const n = some(enumerated);
      return { pairs: [[n, 'definitely-not-allowed']], description: `${n} outside its enum` };
    },
  ];
  if (names.includes('page') || names.includes('pageSize')) {
    const n = names.includes('pageSize') && rng.chance(0.5) ? 'pageSize' : 'page';
    options.push(() => {
      const v = rng.pick(['1e99', '-1', '0', '1.5', 'NaN', 'Infinity', '-Infinity', 'one', '', '9'.repeat(400), '1e400', '100001']);
      return { pairs: [[n, v]], description: `${n}=${v.slice(0, 20)}` };
    });
  }
  if (names.includes('q')) options.push(() => ({ pairs: [['q', rng.pick(['', 'x'.repeat(201)])]], description: 'q out of bounds' }));
  return rng.pick(options)();
}

/** A query string (`?a=1&b=2`, or "" for none); names are encoded except for `[` and `]`. */
export function queryString(pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length === 0) return '';
  const enc = (s: string) => encodeURIComponent(s).replace(/%5B/g, '[').replace(/%5D/g, ']');
  return `?${pairs.map(([k, v]) => `${enc(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

/** Unusual path segments (already percent-encoded): most break every pattern, some are merely unknown ids. */
export const HOSTILE_PATH_SEGMENTS = [
  '%00',
  'abc%00def',
  '%2e%2e',
  '..%2F..%2Fetc%2Fpasswd',
  'UPPER-Case',
  '-leading-dash',
  'x'.repeat(300),
  '%24where',
  '%7B%22%24gt%22%3A%22%22%7D',
  '%C3%A4%C3%B6',
  'a%20b',
  '%E2%82',
  '%FF',
  'null',
  'a',
  '0',
] as const;
