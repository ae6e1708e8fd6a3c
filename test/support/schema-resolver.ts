/**
 * The contract's JSON schemas (JSON Schema 2020-12 as api/openapi.yaml uses it) reduced to what a
 * generator needs: `$ref`s followed, `allOf` folded into one schema, and `oneOf`/`anyOf` expanded
 * into alternatives ("flat" schemas). Shared by the arbitraries (contract-arbitraries.ts) and the
 * mutations (mutation-arbitraries.ts), which look up the schemas a generated value came from.
 */
export type Schema = Record<string, unknown>;
export type Path = readonly (string | number)[];

/** An `if`/`then` pair: when the object matches `if`, the `then.required` keys must be present. */
export interface Condition {
  readonly if: Schema;
  readonly then: Schema;
}

/** One alternative of a schema: no `$ref`, `allOf`, `oneOf`, `anyOf`, `if` or `then` left. */
export interface Flat {
  readonly schema: Schema;
  readonly conditions: readonly Condition[];
  /** The `required` lists of the other `oneOf` branches, which the value must not all satisfy. */
  readonly others: readonly (readonly string[])[];
}

export const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Schema[] => (Array.isArray(v) ? v.filter(isSchema) : []);
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** JSON Pointer of a path (`/items/0/category`), "" for the root. */
export const pointerOf = (path: Path): string => path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** Merges two schemas as `allOf` does: properties and required combined, an object closed by either stays closed. */
export function merge(a: Schema, b: Schema): Schema {
  const out: Schema = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (key === 'properties' && isSchema(out.properties) && isSchema(value)) {
      const props: Schema = { ...out.properties };
      for (const [name, prop] of Object.entries(value)) props[name] = isSchema(props[name]) ? { allOf: [props[name], prop] } : prop;
      out.properties = props;
    } else if (key === 'required') out.required = [...new Set([...strings(out.required), ...strings(value)])];
    else if (key === 'additionalProperties' || key === 'unevaluatedProperties') out[key] = out[key] === false || value === false ? false : (out[key] ?? value);
    else if (!(key in out)) out[key] = value;
  }
  return out;
}

const combine = (a: Flat, b: Flat): Flat => ({ schema: merge(a.schema, b.schema), conditions: [...a.conditions, ...b.conditions], others: [...a.others, ...b.others] });

/** Whether an object closes itself to properties it does not declare. */
export const isClosed = (s: Schema): boolean => s.additionalProperties === false || s.unevaluatedProperties === false;

/** The JSON types a flat schema admits ("integer" admits "number" values too), [] when it says none. */
export function typesOf(s: Schema): string[] {
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if ('const' in s) return [typeOf(s.const)];
  if (Array.isArray(s.enum)) return [...new Set(s.enum.map(typeOf))];
  return (Array.isArray(s.type) ? s.type.map(String) : typeof s.type === 'string' ? [s.type] : []).map((t) => (t === 'integer' ? 'number' : t));
}

export class SchemaResolver {
  private readonly flats = new WeakMap<Schema, Flat[]>();

  constructor(readonly document: Schema) {}

  /** The schema at a `#/...` pointer of the document. */
  at(pointer: string): Schema {
    let node: unknown = this.document;
    for (const raw of pointer.replace(/^#\/?/, '').split('/').filter((s) => s !== '')) node = typeof node === 'object' && node !== null ? (node as Schema)[raw.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    if (!isSchema(node)) throw new Error(`schema-resolver: nothing at ${pointer}`);
    return node;
  }

  /** The alternatives of a schema, each with its `allOf` parts merged in. */
  alternatives(schema: Schema): Flat[] {
    const known = this.flats.get(schema);
    if (known) return known;
    const { $ref, allOf, oneOf, anyOf, if: ifSchema, then: thenSchema, ...rest } = schema;
    const conditions = isSchema(ifSchema) && isSchema(thenSchema) ? [{ if: ifSchema, then: thenSchema }] : [];
    let out: Flat[] = [{ schema: rest, conditions, others: [] }];
    if (typeof $ref === 'string') out = this.alternatives(this.at($ref)).map((target) => combine(target, out[0]!));
    for (const part of list(allOf)) out = out.flatMap((a) => this.alternatives(part).map((b) => combine(a, b)));
    const branches = list(oneOf).length > 0 ? list(oneOf) : list(anyOf);
    if (branches.length > 0) {
      const required = branches.map((b) => (list(oneOf).length > 0 ? this.alternatives(b).flatMap((f) => strings(f.schema.required)) : []));
      out = out.flatMap((a) => branches.flatMap((b, i) => this.alternatives(b).map((f) => combine(a, { ...f, others: required.filter((r, j) => j !== i && r.length > 0) }))));
    }
    this.flats.set(schema, out);
    return out;
  }

  /** Whether a schema leads, through `$ref`s anywhere below it, to a ref for which `hit` holds. */
  reaches(node: unknown, hit: (ref: string) => boolean, seen = new Set<string>()): boolean {
    if (Array.isArray(node)) return node.some((n) => this.reaches(n, hit, seen));
    if (!isSchema(node)) return false;
    const ref = node.$ref;
    if (typeof ref === 'string' && (hit(ref) || (!seen.has(ref) && seen.add(ref) && this.reaches(this.at(ref), hit, seen)))) return true;
    return Object.entries(node).some(([k, v]) => k !== 'enum' && k !== 'const' && this.reaches(v, hit, seen));
  }

  /** The alternatives of what a key (or, for a number, an item) of a value of `flats` holds (the same flat once). */
  step(flats: readonly Flat[], seg: string | number): Flat[] {
    const children = flats.map(({ schema: s }) => (typeof seg === 'number' ? s.items : isSchema(s.properties) && isSchema(s.properties[seg]) ? s.properties[seg] : s.additionalProperties));
    return [...new Set([...new Set(children.filter(isSchema))].flatMap((child) => this.alternatives(child)))];
  }
}

/** Whether a value is what the flat schema generates: type, const/enum, required keys and, if closed, no other keys. */
export function fits(f: Flat, value: unknown): boolean {
  const s = f.schema;
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if ('const' in s) return s.const === value;
  if (Array.isArray(s.enum)) return s.enum.includes(value);
  if (typesOf(s).length > 0 && !typesOf(s).includes(type)) return false;
  if (!isSchema(value)) return true;
  const props = isSchema(s.properties) ? s.properties : {};
  return strings(s.required).every((k) => Object.hasOwn(value, k)) && (!isClosed(s) || Object.keys(value).every((k) => Object.hasOwn(props, k)));
}

/** Whether an object matches an `if` of the contract: required keys, and properties tested against a `const` (possibly negated). */
export function conditionHolds(condition: Schema, obj: Record<string, unknown>): boolean {
  const tests = isSchema(condition.properties) ? condition.properties : {};
  if (!strings(condition.required).every((k) => Object.hasOwn(obj, k))) return false;
  return Object.entries(tests).every(([key, t]) => {
    if (!Object.hasOwn(obj, key) || !isSchema(t)) return true;
    if ('const' in t) return obj[key] === t.const;
    return isSchema(t.not) && 'const' in t.not ? obj[key] !== t.not.const : true;
  });
}
