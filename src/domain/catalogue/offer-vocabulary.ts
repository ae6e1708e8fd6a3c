/**
 * What a rule's PropertyPath can read from an offer, derived from the offer schemas of the API
 * contract (ProductDeclaration, SupplierInfo, ServiceDeclaration). Deriving it from the contract
 * instead of a hand-kept list means a new offer field is usable in criteria as soon as the
 * contract declares it, and a renamed one breaks the criteria that still use the old name.
 */
export type ValueKind = 'number' | 'integer' | 'string' | 'boolean' | 'array';

/** One value type a property admits; a property under oneOf/anyOf admits several. */
export interface PropertyAlternative {
  kind: ValueKind;
  enum?: readonly unknown[];
  /** For arrays: the alternatives of the items. */
  items?: readonly PropertyAlternative[];
}

/**
 * `alternatives` is empty when the path ends at an object (e.g. `supplier.refurbishmentQa`):
 * such a path exists, but only `exists` can test it.
 */
export type PropertyResolution = { ok: true; alternatives: readonly PropertyAlternative[] } | { ok: false; reason: string };

export interface OfferVocabulary {
  resolve(path: string): PropertyResolution;
  /** The values of ServiceDeclaration.kind, i.e. the `<kind>` of `service.<kind>.<field>`. */
  serviceKinds: readonly string[];
}

type Schema = Readonly<Record<string, unknown>>;

const REF_PREFIX = '#/components/schemas/';
const VALUE_KINDS: readonly string[] = ['number', 'integer', 'string', 'boolean', 'array'] satisfies ValueKind[];

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function schemaList(value: unknown): Schema[] {
  return Array.isArray(value) ? value.filter(isSchema) : [];
}

function kindOfValue(value: unknown): ValueKind | undefined {
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'number' || t === 'string' || t === 'boolean' ? t : undefined;
}

/** `schemas` is the `components.schemas` object of the parsed OpenAPI document. */
export function buildOfferVocabulary(schemas: Readonly<Record<string, unknown>>): OfferVocabulary {
  function named(name: string): Schema {
    const schema = Object.hasOwn(schemas, name) ? schemas[name] : undefined;
    if (!isSchema(schema)) throw new Error(`the API contract has no schema "${name}"`);
    return schema;
  }

  // A broken $ref is a defect of the contract, not of the criterion being checked: throw.
  function deref(schema: Schema): Schema {
    let current = schema;
    const seen = new Set<string>();
    while (typeof current.$ref === 'string') {
      const ref = current.$ref;
      if (!ref.startsWith(REF_PREFIX)) throw new Error(`unsupported $ref ${ref}`);
      if (seen.has(ref)) throw new Error(`circular $ref ${ref}`);
      seen.add(ref);
      current = named(ref.slice(REF_PREFIX.length));
    }
    return current;
  }

  /** The schema plus every oneOf/anyOf/allOf branch, recursively, dereferenced. */
  function branches(schema: Schema, visiting = new Set<Schema>()): Schema[] {
    const d = deref(schema);
    if (visiting.has(d)) return [];
    visiting.add(d);
    const subs = [...schemaList(d.oneOf), ...schemaList(d.anyOf), ...schemaList(d.allOf)];
    return [d, ...subs.flatMap((s) => branches(s, visiting))];
  }

  function alternatives(list: readonly Schema[]): PropertyAlternative[] {
    const out: PropertyAlternative[] = [];
    for (const schema of list) {
      for (const b of branches(schema)) {
        if (b.const !== undefined) {
          const kind = kindOfValue(b.const);
          if (kind) out.push({ kind, enum: [b.const] });
          continue;
        }
        if (typeof b.type !== 'string' || !VALUE_KINDS.includes(b.type)) continue;
        const alt: PropertyAlternative = {
          kind: b.type as ValueKind,
          ...(Array.isArray(b.enum) ? { enum: b.enum as unknown[] } : {}),
          ...(b.type === 'array' && isSchema(b.items) ? { items: alternatives([b.items]) } : {}),
        };
        out.push(alt);
      }
    }
    return out;
  }

  const product = named('ProductDeclaration');
  const supplier = named('SupplierInfo');
  const service = named('ServiceDeclaration');
  const kindSchema = isSchema(service.properties) ? service.properties.kind : undefined;
  const kindEnum: unknown[] = isSchema(kindSchema) && Array.isArray(kindSchema.enum) ? kindSchema.enum : [];
  const serviceKinds = kindEnum.filter((k): k is string => typeof k === 'string');
  if (serviceKinds.length === 0) throw new Error('ServiceDeclaration.kind has no enum of service kinds');

  /** Splits off the `supplier.` / `service.<kind>.` prefix and picks the schema the rest walks. */
  function root(path: string): { schema: Schema; rest: string[] } | { reason: string } {
    const segs = path.split('.');
    if (segs[0] === 'supplier') {
      return segs.length > 1 ? { schema: supplier, rest: segs.slice(1) } : { reason: '"supplier" needs a field, e.g. supplier.iso14001' };
    }
    if (segs[0] === 'service') {
      const kind = segs[1];
      if (kind === undefined || !serviceKinds.includes(kind)) {
        return { reason: `service kind "${kind ?? ''}" is not one of [${serviceKinds.join(', ')}]` };
      }
      return segs.length > 2 ? { schema: service, rest: segs.slice(2) } : { reason: `"service.${kind}" needs a field` };
    }
    return { schema: product, rest: segs };
  }

  function resolveUncached(path: string): PropertyResolution {
    const start = root(path);
    if ('reason' in start) return { ok: false, reason: start.reason };
    let current: Schema[] = [start.schema];
    for (const seg of start.rest) {
      const next: Schema[] = [];
      for (const schema of current) {
        for (const b of branches(schema)) {
          // hasOwn: a path segment such as "constructor" must not reach Object.prototype.
          const props = isSchema(b.properties) ? b.properties : undefined;
          const prop = props && Object.hasOwn(props, seg) ? props[seg] : undefined;
          if (isSchema(prop)) next.push(prop);
        }
      }
      if (next.length === 0) return { ok: false, reason: `"${seg}" is not a property at this point of the offer schema` };
      current = next;
    }
    return { ok: true, alternatives: alternatives(current) };
  }

  // Only successful resolutions are cached: they are bounded by the contract, whereas unknown
  // paths come from request bodies and would let callers grow the cache without limit.
  const cache = new Map<string, PropertyResolution>();
  return {
    serviceKinds,
    resolve(path: string): PropertyResolution {
      const cached = cache.get(path);
      if (cached) return cached;
      const resolution = resolveUncached(path);
      if (resolution.ok) cache.set(path, resolution);
      return resolution;
    },
  };
}
