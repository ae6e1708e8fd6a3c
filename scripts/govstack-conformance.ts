/**
 * GovStack conformance check, run in CI by .ci/govstack-checks.sh:
 *
 *   tsx scripts/govstack-conformance.ts
 *   tsx scripts/govstack-conformance.ts --table 'api/openapi.yaml#/components/schemas/Offer'
 *     (prints the field table of a schema for spec/7-data-structures.md)
 *
 * It fails (exit 1) when
 *  1. an operation of api/openapi.yaml has no Gherkin scenario in test/openAPI/features (matched
 *     by the feature's `@method=` and `@endpoint=` tags against the contract's method and path),
 *     or a feature is tagged with an operation the contract does not have;
 *  2. a REQUIRED functional requirement of spec/6-functional-requirements.md, or a REQUIRED
 *     cross-functional requirement of spec/5-cross-cutting-requirements.md, maps to no test or
 *     evidence in the table of spec/10-testing.md;
 *  3. a reference in that table is broken: the file does not exist, or it has no test / scenario /
 *     text with the quoted name;
 *  4. the testing chapter names a requirement the specification does not define, or a
 *     requirement id is defined twice.
 * It prints a report of what it found either way.
 *
 * The parsers are exported: test/unit/api/spec-data-structures.test.ts uses them to keep the
 * data-structure and service-API chapters of the specification in step with the contract.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const ROOT = path.resolve(__dirname, '..');
export const SPEC_DIR = path.join(ROOT, 'spec');
export const FEATURES_DIR = path.join(ROOT, 'test', 'openAPI', 'features');
export const OPENAPI_FILE = path.join(ROOT, 'api', 'openapi.yaml');
export const FR_PREFIX = 'govstack-bb-procurement-sustainability-fr#req-';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;
export type Level = 'REQUIRED' | 'RECOMMENDED' | 'OPTIONAL';

// ------------------------------------------------------------------ the contract

export interface ContractOperation {
  method: string;
  path: string;
  operationId: string;
  /** Scopes of the operation's security requirements; empty for public operations. */
  scopes: string[];
}

export function loadYaml(file: string): Json {
  return parse(readFileSync(file, 'utf8')) as Json;
}

export function contractOperations(document: Json = loadYaml(OPENAPI_FILE)): ContractOperation[] {
  const paths = (document.paths ?? {}) as Record<string, Json>;
  return Object.entries(paths).flatMap(([p, item]) =>
    METHODS.filter((m) => m in item).map((m) => {
      const op = item[m] as Json;
      const security = (op.security ?? document.security ?? []) as Record<string, string[]>[];
      return {
        method: m.toUpperCase(),
        path: p,
        operationId: String(op.operationId),
        scopes: [...new Set(security.flatMap((s) => Object.values(s).flat()))].sort(),
      };
    }),
  );
}

// ------------------------------------------------------------------ Gherkin features

export interface Scenario {
  name: string;
  tags: string[];
  line: number;
}

export interface Feature {
  file: string;
  name: string;
  tags: string[];
  method?: string;
  endpoint?: string;
  scenarios: Scenario[];
}

/** A small Gherkin reader: feature tags and name, scenario (outline) names with their tags. */
export function parseFeature(file: string, text: string = readFileSync(file, 'utf8')): Feature {
  const feature: Feature = { file, name: '', tags: [], scenarios: [] };
  let pendingTags: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line.startsWith('#') || line === '') return;
    if (line.startsWith('@')) {
      pendingTags.push(...line.split(/\s+/).filter((t) => t.startsWith('@')));
      return;
    }
    const featureMatch = /^Feature:\s*(.*)$/.exec(line);
    if (featureMatch) {
      feature.name = featureMatch[1] ?? '';
      feature.tags = pendingTags;
      pendingTags = [];
      return;
    }
    const scenarioMatch = /^(?:Scenario|Scenario Outline|Scenario Template|Example):\s*(.*)$/.exec(line);
    if (scenarioMatch) {
      feature.scenarios.push({ name: (scenarioMatch[1] ?? '').trim(), tags: [...feature.tags, ...pendingTags], line: index + 1 });
    }
    pendingTags = [];
  });
  const tagValue = (name: string) => feature.tags.find((t) => t.startsWith(`@${name}=`))?.slice(name.length + 2);
  feature.method = tagValue('method')?.toUpperCase();
  feature.endpoint = tagValue('endpoint');
  return feature;
}

export function loadFeatures(dir: string = FEATURES_DIR): Feature[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.feature'))
    .sort()
    .map((f) => parseFeature(path.join(dir, f)));
}

// ------------------------------------------------------------------ requirements

export interface Requirement {
  id: string;
  title: string;
  level: Level;
  line: number;
}

const LEVEL = /\((REQUIRED|RECOMMENDED|OPTIONAL)\)\s*$/;

/**
 * The building block's own requirements: a heading `### <id> — <title> (LEVEL)` per requirement,
 * functional (`…-fr#req-N`, spec/6-functional-requirements.md) or cross-functional
 * (`…-cfr#req-N`, spec/5-cross-cutting-requirements.md).
 */
export function parseRequirementHeadings(text: string, kind: 'fr' | 'cfr' = 'fr'): Requirement[] {
  const out: Requirement[] = [];
  const pattern = new RegExp(`^#{2,5}\\s+(govstack-bb-procurement-sustainability-${kind}#req-\\d+)\\s*[—–-]\\s*(.*)$`);
  text.split(/\r?\n/).forEach((line, index) => {
    const heading = pattern.exec(line.trim());
    if (!heading) return;
    const level = LEVEL.exec(heading[2] ?? '');
    if (!level) throw new Error(`spec line ${index + 1}: requirement ${heading[1]} has no (REQUIRED|RECOMMENDED|OPTIONAL) tag`);
    out.push({ id: heading[1] ?? '', title: (heading[2] ?? '').replace(LEVEL, '').trim(), level: level[1] as Level, line: index + 1 });
  });
  return out;
}

/** Splits a markdown table row into trimmed cells (a `\|` stays inside its cell). */
export function tableCells(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** Every markdown table row of a document, as its cells and its 1-based line number. */
function tableRows(text: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim().startsWith('|')) rows.push({ cells: tableCells(line), line: index + 1 });
  });
  return rows;
}

export interface CfrRow {
  id: string;
  level: 'REQUIRED' | 'RECOMMENDED';
  status: string;
  line: number;
}

/**
 * Cross-functional requirements: table rows whose first cell is a `govstack-cfr-<group>#req-N`
 * id, second the level (**REQUIRED** / RECOMMENDED), third the status
 * (spec/5-cross-cutting-requirements.md).
 */
export function parseCfrRows(text: string): CfrRow[] {
  const out: CfrRow[] = [];
  for (const { cells, line } of tableRows(text)) {
    const id = /`?(govstack-cfr-[a-z]+#req-\d+)`?/.exec(cells[0] ?? '')?.[1];
    // Only the requirement tables (level in the second cell), not tables that merely mention ids.
    if (!id || !/^\**(REQUIRED|RECOMMENDED)\**$/.test(cells[1] ?? '')) continue;
    const level = /REQUIRED/.test((cells[1] ?? '').replace(/RECOMMENDED/g, '')) ? 'REQUIRED' : 'RECOMMENDED';
    out.push({ id, level, status: (cells[2] ?? '').replace(/\*/g, '').trim(), line });
  }
  return out;
}

// ------------------------------------------------------------------ the testing chapter

export interface Reference {
  file: string;
  name?: string;
}

export interface Mapping {
  id: string;
  verification: string;
  references: Reference[];
  line: number;
}

/** `` `path` `` or `` `path` › "name" `` (quotes inside the name escaped as \"). */
export function parseReferences(cell: string): Reference[] {
  const refs: Reference[] = [];
  const pattern = /`([^`]+)`(?:\s*›\s*"((?:[^"\\]|\\.)*)")?/g;
  for (let m = pattern.exec(cell); m; m = pattern.exec(cell)) {
    const file = m[1] ?? '';
    if (!/[/.]/.test(file)) continue; // inline code that is not a path
    refs.push({ file, ...(m[2] !== undefined ? { name: m[2].replace(/\\(.)/g, '$1') } : {}) });
  }
  return refs;
}

/**
 * The traceability table of spec/10-testing.md: `| <requirement id> | <level> | <verification> |
 * <tests or evidence> |`.
 */
export function parseTestingChapter(text: string): Mapping[] {
  const out: Mapping[] = [];
  for (const { cells, line } of tableRows(text)) {
    const id = /`?((?:govstack-bb-procurement-sustainability-c?fr|govstack-cfr-[a-z]+)#req-\d+)`?/.exec(cells[0] ?? '')?.[1];
    if (id) out.push({ id, verification: cells[2] ?? '', references: parseReferences(cells.slice(3).join(' | ')), line });
  }
  return out;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Why a reference does not resolve, or undefined when it does. */
export function checkReference(ref: Reference, root: string = ROOT): string | undefined {
  const file = path.join(root, ref.file);
  if (!existsSync(file)) return `${ref.file} does not exist`;
  if (ref.name === undefined) return undefined;
  const text = readFileSync(file, 'utf8');
  if (ref.file.endsWith('.feature')) {
    const found = parseFeature(file, text).scenarios.some((s) => s.name === ref.name);
    return found ? undefined : `${ref.file} has no scenario named "${ref.name}"`;
  }
  if (/\.(test|spec)\.[cm]?[jt]s$/.test(ref.file)) {
    const title = new RegExp(`\\b(?:it|test|describe)(?:\\.(?:each|only|skip|concurrent))?(?:\\([^)]*\\))?\\(\\s*(['"\`])${escapeRegExp(ref.name)}\\1`);
    return title.test(text) ? undefined : `${ref.file} has no test or describe block named "${ref.name}"`;
  }
  return text.includes(ref.name) ? undefined : `${ref.file} does not contain "${ref.name}"`;
}

// ------------------------------------------------------------------ data structures (chapter 7)

export interface DataStructureSection {
  name: string;
  /** e.g. `api/openapi.yaml#/components/schemas/Offer` or `api/events/x.schema.json` */
  schemaRef: string;
  fields: { name: string; type: string; required: boolean; line: number }[];
  line: number;
}

/**
 * Sections of spec/7-data-structures.md: a `###` heading, a line `Schema: `<ref>``, and a table
 * `| Field | Type | Required | Description |` whose field names are in backticks.
 */
export function parseDataStructures(text: string): DataStructureSection[] {
  const sections: DataStructureSection[] = [];
  let current: DataStructureSection | undefined;
  text.split(/\r?\n/).forEach((line, index) => {
    const heading = /^###\s+(?:7\.\d+(?:\.\d+)*\s+)?(.+)$/.exec(line.trim());
    if (heading) {
      current = { name: (heading[1] ?? '').trim(), schemaRef: '', fields: [], line: index + 1 };
      sections.push(current);
      return;
    }
    if (!current) return;
    const schema = /^Schema:\s*`([^`]+)`/.exec(line.trim());
    if (schema) {
      current.schemaRef = schema[1] ?? '';
      return;
    }
    if (current.schemaRef && line.trim().startsWith('|')) {
      const cells = tableCells(line);
      const name = /^`([^`]+)`$/.exec(cells[0] ?? '')?.[1];
      if (name) current.fields.push({ name, type: (cells[1] ?? '').replace(/\\\|/g, '|'), required: /^yes$/i.test(cells[2] ?? ''), line: index + 1 });
    }
  });
  return sections.filter((s) => s.schemaRef !== '');
}

/** Resolves a schema reference of chapter 7 to the schema object (and the document it is in). */
export function resolveSchemaRef(ref: string, root: string = ROOT): { schema: Json; document: Json; file: string } {
  const [file = '', pointer = ''] = ref.split('#');
  const full = path.join(root, file);
  const document = file.endsWith('.json') ? (JSON.parse(readFileSync(full, 'utf8')) as Json) : loadYaml(full);
  return { schema: jsonPointer(document, pointer), document, file };
}

export function jsonPointer(document: Json, pointer: string): Json {
  let node: unknown = document;
  for (const raw of pointer.split('/').filter(Boolean)) {
    node = (node as Json | undefined)?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`no ${pointer} in the schema document`);
  }
  return node as Json;
}

/** A schema with local `$ref`s followed. */
function deref(schema: Json, document: Json): Json {
  let current = schema;
  for (let i = 0; i < 20 && typeof current.$ref === 'string'; i++) {
    current = jsonPointer(document, current.$ref.replace(/^#/, ''));
  }
  return current;
}

export interface SchemaField {
  name: string;
  type: string;
  required: boolean;
}

/** Short type of a property for the spec tables: `string`, `integer`, `array of Criterion`, `Offer`, `enum` … */
export function describeType(property: Json, document: Json): string {
  if (typeof property.$ref === 'string') {
    const name = property.$ref.split('/').pop() ?? '';
    const target = deref(property, document);
    if (Array.isArray(target.enum)) return `${name} (enum)`;
    return name;
  }
  if ('const' in property) return `const ${JSON.stringify(property.const)}`;
  if (Array.isArray(property.enum)) return `enum: ${(property.enum as unknown[]).map(String).join(', ')}`;
  const alternatives = (property.oneOf ?? property.anyOf) as Json[] | undefined;
  if (Array.isArray(alternatives)) return alternatives.map((a) => describeType(a, document)).join(' or ');
  if (property.type === 'array') return `array of ${describeType((property.items ?? {}) as Json, document)}`;
  if (property.type === 'object' || property.properties || property.additionalProperties) return 'object';
  if (typeof property.type === 'string') return typeof property.format === 'string' ? `${property.type} (${property.format})` : property.type;
  if (Array.isArray(property.type)) return (property.type as string[]).join(' or ');
  return 'any';
}

/**
 * The fields of an object schema: its own properties and those of its `allOf` parts (following
 * `$ref`s), with the union of their `required` lists.
 */
export function schemaFields(schema: Json, document: Json): SchemaField[] {
  const properties = new Map<string, Json>();
  const required = new Set<string>();
  const visit = (s: Json, depth: number): void => {
    if (depth > 10) return;
    const target = deref(s, document);
    for (const [k, v] of Object.entries((target.properties ?? {}) as Record<string, Json>)) if (!properties.has(k)) properties.set(k, v);
    for (const r of (target.required ?? []) as string[]) required.add(r);
    for (const part of (target.allOf ?? []) as Json[]) visit(part, depth + 1);
  };
  visit(schema, 0);
  return [...properties.entries()].map(([name, property]) => ({ name, type: describeType(property, document), required: required.has(name) }));
}

// ------------------------------------------------------------------ service APIs (chapter 8)

export interface ApiRow {
  method: string;
  path: string;
  operationId: string;
  scopes: string[];
  requirements: string[];
  feature: string;
  line: number;
}

/** The operations table of spec/8-service-apis.md: `| METHOD | `path` | `operationId` | scopes | FRs | feature |`. */
export function parseServiceApis(text: string): ApiRow[] {
  const out: ApiRow[] = [];
  for (const { cells, line } of tableRows(text)) {
    const method = cells[0] ?? '';
    if (!/^(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS)$/.test(method)) continue;
    const code = (cell: string | undefined) => /`([^`]+)`/.exec(cell ?? '')?.[1] ?? (cell ?? '');
    out.push({
      method,
      path: code(cells[1]),
      operationId: code(cells[2]),
      scopes: (cells[3] ?? '').replace(/`/g, '').split(/[\s,]+/).filter((s) => s && s !== '—' && s !== 'public').sort(),
      requirements: [...(cells[4] ?? '').matchAll(/req-(\d+)/g)].map((m) => `${FR_PREFIX}${m[1]}`),
      feature: code(cells[5]),
      line,
    });
  }
  return out;
}

// ------------------------------------------------------------------ the check

export interface Report {
  errors: string[];
  warnings: string[];
  lines: string[];
}

const read = (file: string): string => readFileSync(file, 'utf8');

export function runConformance(root: string = ROOT): Report {
  const report: Report = { errors: [], warnings: [], lines: [] };
  const { errors, warnings, lines } = report;
  const rel = (f: string) => path.relative(root, f);

  // 1. Every operation of the contract has Gherkin scenarios.
  const operations = contractOperations(loadYaml(path.join(root, 'api', 'openapi.yaml')));
  const features = loadFeatures(path.join(root, 'test', 'openAPI', 'features'));
  lines.push(`Contract api/openapi.yaml: ${operations.length} operations; test/openAPI/features: ${features.length} feature files, ${features.reduce((n, f) => n + f.scenarios.length, 0)} scenarios.`);
  lines.push('');
  lines.push('  Operation                                                   operationId                  feature                              scenarios  smoke +  -');
  for (const op of operations) {
    const matching = features.filter((f) => f.method === op.method && f.endpoint === op.path);
    const scenarios = matching.flatMap((f) => f.scenarios);
    const count = (tag: string) => scenarios.filter((s) => s.tags.includes(tag)).length;
    const files = matching.map((f) => path.basename(f.file)).join(', ') || '—';
    lines.push(`  ${`${op.method} ${op.path}`.padEnd(60)}${op.operationId.padEnd(29)}${files.padEnd(37)}${String(scenarios.length).padStart(9)}${String(count('@smoke')).padStart(7)}${String(count('@positive')).padStart(3)}${String(count('@negative')).padStart(3)}`);
    if (scenarios.length === 0) errors.push(`operation ${op.method} ${op.path} (${op.operationId}) has no Gherkin scenario (no feature tagged @method=${op.method} @endpoint=${op.path})`);
    else if (count('@smoke') === 0) warnings.push(`operation ${op.method} ${op.path} has no @smoke scenario`);
    if (scenarios.length > 0 && op.scopes.length > 0 && count('@negative') === 0) warnings.push(`secured operation ${op.method} ${op.path} has no @negative scenario`);
  }
  for (const f of features) {
    if (!f.method || !f.endpoint) errors.push(`${rel(f.file)}: the feature lacks the @method=… and @endpoint=… tags`);
    else if (!operations.some((op) => op.method === f.method && op.path === f.endpoint)) {
      errors.push(`${rel(f.file)}: tagged @method=${f.method} @endpoint=${f.endpoint}, which is not an operation of api/openapi.yaml`);
    }
    if (f.scenarios.length === 0) errors.push(`${rel(f.file)}: has no scenario`);
  }

  // 2.–4. Requirements ↔ the testing chapter.
  const frFile = path.join(root, 'spec', '6-functional-requirements.md');
  const cfrFile = path.join(root, 'spec', '5-cross-cutting-requirements.md');
  const testingFile = path.join(root, 'spec', '10-testing.md');
  for (const f of [frFile, cfrFile, testingFile]) if (!existsSync(f)) errors.push(`${rel(f)} is missing`);
  if (errors.some((e) => e.endsWith('is missing'))) return report;

  const frs = parseRequirementHeadings(read(frFile), 'fr');
  const bbCfrs = parseRequirementHeadings(read(cfrFile), 'cfr');
  const cfrs = parseCfrRows(read(cfrFile));
  const mappings = parseTestingChapter(read(testingFile));
  const byId = new Map<string, Mapping[]>();
  for (const m of mappings) byId.set(m.id, [...(byId.get(m.id) ?? []), m]);

  for (const ids of [frs.map((r) => r.id), bbCfrs.map((r) => r.id), cfrs.map((r) => r.id)]) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) errors.push(`requirement ${id} is defined twice`);
      seen.add(id);
    }
  }
  const known = new Set([...frs.map((r) => r.id), ...bbCfrs.map((r) => r.id), ...cfrs.map((r) => r.id)]);
  for (const m of mappings) if (!known.has(m.id)) errors.push(`spec/10-testing.md:${m.line}: ${m.id} is not a requirement of the specification`);

  let brokenRefs = 0;
  let checkedRefs = 0;
  for (const m of mappings) {
    for (const ref of m.references) {
      checkedRefs++;
      const problem = checkReference(ref, root);
      if (problem) {
        brokenRefs++;
        errors.push(`spec/10-testing.md:${m.line}: ${m.id}: ${problem}`);
      }
    }
  }

  const required = [
    ...frs.filter((r) => r.level === 'REQUIRED').map((r) => ({ id: r.id, kind: 'FR', status: '' })),
    ...bbCfrs.filter((r) => r.level === 'REQUIRED').map((r) => ({ id: r.id, kind: 'BB CFR', status: '' })),
    ...cfrs.filter((r) => r.level === 'REQUIRED').map((r) => ({ id: r.id, kind: 'CFR', status: r.status })),
  ];
  const gaps: string[] = [];
  for (const r of required) {
    const refs = (byId.get(r.id) ?? []).flatMap((m) => m.references);
    if (refs.length === 0) errors.push(`REQUIRED ${r.kind} ${r.id} maps to no test or evidence in spec/10-testing.md`);
    if (/NOT MET|PARTIAL/i.test(r.status)) gaps.push(`${r.id} (${r.status})`);
  }
  const frCount = (level: Level) => frs.filter((r) => r.level === level).length;
  lines.push('');
  lines.push(`Functional requirements (spec/6): ${frs.length} — ${frCount('REQUIRED')} REQUIRED, ${frCount('RECOMMENDED')} RECOMMENDED, ${frCount('OPTIONAL')} OPTIONAL.`);
  lines.push(`Cross-functional requirements (spec/5): ${bbCfrs.length} of the building block (${bbCfrs.filter((r) => r.level === 'REQUIRED').length} REQUIRED); ${cfrs.length} govstack-cfr 2.x rows, ${cfrs.filter((c) => c.level === 'REQUIRED').length} REQUIRED.`);
  lines.push(`Testing chapter (spec/10): ${mappings.length} mapped requirements, ${checkedRefs} references checked, ${brokenRefs} broken.`);
  const mappedRequired = required.filter((r) => (byId.get(r.id) ?? []).some((m) => m.references.length > 0)).length;
  lines.push(`REQUIRED requirements mapped to a test or evidence: ${mappedRequired}/${required.length}.`);
  if (gaps.length > 0) warnings.push(`REQUIRED cross-functional requirements declared not (fully) met in spec/5 (see docs/govstack-compliance.md): ${gaps.join('; ')}`);
  return report;
}

/** The chapter-7 field table of a schema, as `--table <ref>` prints it (descriptions from the schema). */
export function fieldTable(ref: string, root: string = ROOT): string {
  const { schema, document } = resolveSchemaRef(ref, root);
  const own = new Map<string, Json>();
  const collect = (s: Json, depth: number): void => {
    const target = deref(s, document);
    for (const [k, v] of Object.entries((target.properties ?? {}) as Record<string, Json>)) if (!own.has(k)) own.set(k, v);
    if (depth < 10) for (const part of (target.allOf ?? []) as Json[]) collect(part, depth + 1);
  };
  collect(schema, 0);
  const cell = (s: string) => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
  const rows = schemaFields(schema, document).map((f) => {
    const property = own.get(f.name) ?? {};
    const description = (property.description ?? deref(property, document).description ?? '') as string;
    return `| \`${f.name}\` | ${cell(f.type)} | ${f.required ? 'yes' : 'no'} | ${cell(description)} |`;
  });
  return [`Schema: \`${ref}\``, '', '| Field | Type | Required | Description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function main(): number {
  const tableAt = process.argv.indexOf('--table');
  if (tableAt >= 0) {
    for (const ref of process.argv.slice(tableAt + 1)) console.log(`${fieldTable(ref)}\n`);
    return 0;
  }
  const report = runConformance();
  console.log('GovStack conformance check');
  console.log('==========================');
  for (const line of report.lines) console.log(line);
  if (report.warnings.length > 0) {
    console.log('');
    console.log(`Warnings (${report.warnings.length}):`);
    for (const w of report.warnings) console.log(`  ! ${w}`);
  }
  console.log('');
  if (report.errors.length > 0) {
    console.error(`FAILED: ${report.errors.length} problem(s):`);
    for (const e of report.errors) console.error(`  ✖ ${e}`);
    return 1;
  }
  console.log('PASSED: every operation has Gherkin scenarios and every REQUIRED requirement maps to a test or evidence that exists.');
  return 0;
}

if (require.main === module) process.exitCode = main();
