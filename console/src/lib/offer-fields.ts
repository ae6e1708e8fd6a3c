import type { CriterionDefinition, RuleNode } from '../api/types';

/** A JSON Schema node of the contract (api/openapi.yaml, as served at /api/v1/openapi.json). */
export type Schema = { [key: string]: unknown };
export interface ContractDocument {
  components: { schemas: Record<string, Schema> };
}

export type FieldKind = 'boolean' | 'number' | 'integer' | 'string' | 'enum' | 'stringList' | 'enumList' | 'stringOrNumber' | 'json';

/** One declared value the profile's criteria read, typed from the contract's offer schemas. */
export interface FieldSpec {
  /** As the rules write it: `battery.cyclesAt80pct`, `supplier.iso14001`, `service.take_back.durationYears`. */
  readonly path: string;
  readonly kind: FieldKind;
  readonly min?: number;
  readonly max?: number;
  readonly options?: readonly string[];
  readonly description?: string;
}

/** Properties every form and template asks for anyway. */
export const BASE_ITEM_PATHS = new Set(['category', 'manufacturer', 'model', 'quantity', 'isRefurbished']);

function rulePaths(rule: RuleNode | undefined, out: Set<string>): void {
  if (!rule) return;
  if ('all' in rule) rule.all.forEach((r) => rulePaths(r, out));
  else if ('any' in rule) rule.any.forEach((r) => rulePaths(r, out));
  else if ('not' in rule) rulePaths(rule.not, out);
  else if ('property' in rule) {
    out.add(rule.property);
    if (rule.relativeTo) out.add(rule.relativeTo.baseline);
  }
}

/** Every property path the criteria's rules, award bands and applicability conditions read. */
export function criteriaPaths(criteria: readonly CriterionDefinition[]): string[] {
  const out = new Set<string>();
  for (const c of criteria) {
    rulePaths(c.rule, out);
    rulePaths(c.appliesTo.condition, out);
    for (const band of c.scoring?.bands ?? []) rulePaths(band.when, out);
  }
  return [...out];
}

/** The statements (DeclarationRule ids) the criteria ask the supplier to affirm, with their text. */
export function criteriaStatements(criteria: readonly CriterionDefinition[]): { id: string; text: string }[] {
  const seen = new Map<string, string>();
  for (const c of criteria) for (const s of c.statements ?? []) if (!seen.has(s.id)) seen.set(s.id, s.text);
  return [...seen].map(([id, text]) => ({ id, text }));
}

function resolve(doc: ContractDocument, schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let i = 0; i < 10 && current && typeof current.$ref === 'string'; i++) current = doc.components.schemas[current.$ref.replace('#/components/schemas/', '')];
  return current;
}

function kindOf(doc: ContractDocument, schema: Schema): Omit<FieldSpec, 'path'> {
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  const base = description ? { description } : {};
  const bounds = { ...(typeof schema.minimum === 'number' ? { min: schema.minimum } : {}), ...(typeof schema.maximum === 'number' ? { max: schema.maximum } : {}) };
  if (Array.isArray(schema.enum)) return { ...base, kind: 'enum', options: schema.enum as string[] };
  if (schema.type === 'boolean') return { ...base, kind: 'boolean' };
  if (schema.type === 'integer') return { ...base, ...bounds, kind: 'integer' };
  if (schema.type === 'number') return { ...base, ...bounds, kind: 'number' };
  if (schema.type === 'string') return { ...base, kind: 'string' };
  if (schema.type === 'array') {
    const items = resolve(doc, schema.items as Schema) ?? {};
    if (Array.isArray(items.enum)) return { ...base, kind: 'enumList', options: items.enum as string[] };
    if (items.type === 'string') return { ...base, kind: 'stringList' };
  }
  const alternatives = (schema.oneOf as Schema[] | undefined)?.map((s) => resolve(doc, s)?.type);
  if (alternatives?.length === 2 && alternatives.includes('string') && alternatives.includes('number')) return { ...base, kind: 'stringOrNumber' };
  return { ...base, kind: 'json' };
}

/** The schema a path starts in, and the segments inside it. */
function rootOf(path: string): { schema: string; segments: string[]; prefix: string } {
  const segments = path.split('.');
  if (segments[0] === 'supplier') return { schema: 'SupplierInfo', segments: segments.slice(1), prefix: 'supplier.' };
  if (segments[0] === 'service' && segments.length > 2) return { schema: 'ServiceDeclaration', segments: segments.slice(2), prefix: `service.${segments[1]}.` };
  return { schema: 'ProductDeclaration', segments, prefix: '' };
}

/**
 * The form fields for a set of paths: each typed from the contract's schema, plus the properties
 * an object on the way requires (`battery.hasBattery` for any `battery.*`), so that what the form
 * sends is valid. Paths the contract does not know are kept as free JSON fields.
 */
export function fieldSpecs(doc: ContractDocument, paths: readonly string[]): FieldSpec[] {
  const out = new Map<string, FieldSpec>();
  const add = (path: string, schema: Schema | undefined) => {
    if (!out.has(path) && !BASE_ITEM_PATHS.has(path)) out.set(path, { path, ...(schema ? kindOf(doc, schema) : { kind: 'json' as const }) });
  };
  for (const path of paths) {
    const { schema: rootName, segments, prefix } = rootOf(path);
    let node = resolve(doc, doc.components.schemas[rootName]);
    let at = prefix;
    for (const [i, segment] of segments.entries()) {
      const props = node?.properties as Record<string, Schema> | undefined;
      for (const req of (node?.required as string[] | undefined) ?? []) {
        const reqSchema = resolve(doc, props?.[req]);
        // A service's kind is in its path (service.take_back.…), not a field of its own.
        const implied = rootName === 'ServiceDeclaration' && i === 0 && req === 'kind';
        if (req !== segment && !implied && reqSchema && reqSchema.type !== 'object') add(`${at}${req}`, reqSchema);
      }
      node = resolve(doc, props?.[segment]);
      at = `${at}${segment}.`;
      if (!node) break;
      if (i === segments.length - 1) add(path, node);
    }
    if (!node) add(path, undefined);
  }
  return [...out.values()].sort((a, b) => a.path.localeCompare(b.path));
}
