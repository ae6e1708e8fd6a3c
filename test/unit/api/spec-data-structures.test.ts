import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  contractOperations,
  FR_PREFIX,
  loadYaml,
  parseDataStructures,
  parseFeature,
  parseRequirementHeadings,
  parseServiceApis,
  resolveSchemaRef,
  ROOT,
  schemaFields,
  type DataStructureSection,
} from '../../../scripts/govstack-conformance';

/*
 * The data-structure and service-API chapters of the GovStack specification (spec/7, spec/8) are
 * not copied from the contracts by hand and left to rot: every field they name must exist in the
 * referenced schema with the stated type and requiredness, every required field of that schema must
 * be named, and the operations table must be exactly the operations of api/openapi.yaml. When the
 * contract changes, this test names what to update; print a schema's current table with
 * `tsx scripts/govstack-conformance.ts --table '<schema reference>'`.
 */

const read = (relative: string): string => readFileSync(path.join(ROOT, relative), 'utf8');
const chapter7 = read('spec/7-data-structures.md');
const chapter8 = read('spec/8-service-apis.md');
const chapter6 = read('spec/6-functional-requirements.md');

/** Every way a chapter-7 section differs from the schema it references. */
function dataStructureProblems(section: DataStructureSection): string[] {
  let resolved: ReturnType<typeof resolveSchemaRef>;
  try {
    resolved = resolveSchemaRef(section.schemaRef);
  } catch (err) {
    return [`${section.name}: schema ${section.schemaRef} cannot be resolved (${(err as Error).message})`];
  }
  const actual = schemaFields(resolved.schema, resolved.document);
  const byName = new Map(actual.map((f) => [f.name, f]));
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const field of section.fields) {
    const where = `spec/7-data-structures.md:${field.line} ${section.name}.${field.name}`;
    if (listed.has(field.name)) problems.push(`${where} is listed twice`);
    listed.add(field.name);
    const schemaField = byName.get(field.name);
    if (!schemaField) {
      problems.push(`${where} does not exist in ${section.schemaRef}`);
      continue;
    }
    if (schemaField.type !== field.type) problems.push(`${where} has type "${field.type}" in the spec but "${schemaField.type}" in ${section.schemaRef}`);
    if (schemaField.required !== field.required) problems.push(`${where} is ${field.required ? '' : 'not '}marked required in the spec but is ${schemaField.required ? '' : 'not '}required in ${section.schemaRef}`);
  }
  for (const f of actual.filter((a) => a.required && !listed.has(a.name))) {
    problems.push(`spec/7-data-structures.md:${section.line} ${section.name} does not mention the required field "${f.name}" of ${section.schemaRef}`);
  }
  return problems;
}

describe('spec/7-data-structures.md against the contracts', () => {
  const sections = parseDataStructures(chapter7);

  it('describes the structures the building block exchanges, each with a schema reference', () => {
    const names = sections.map((s) => s.schemaRef.split('/').pop());
    for (const name of ['CriterionSetDefinition', 'CriterionSet', 'Criterion', 'Comparison', 'TenderProfile', 'Offer', 'ProductDeclaration', 'Assessment', 'CriterionResult', 'AssessmentSummary', 'Problem', 'AuditEvent']) {
      expect(names).toContain(name);
    }
    // RuleNode is a oneOf: each of its kinds has a section of its own.
    const ruleNode = resolveSchemaRef('api/openapi.yaml#/components/schemas/RuleNode').schema as { oneOf: { $ref: string }[] };
    for (const kind of ruleNode.oneOf.map((k) => k.$ref.split('/').pop())) expect(names).toContain(kind);
    for (const file of readdirSync(path.join(ROOT, 'api', 'events')).filter((f) => f.endsWith('.schema.json'))) {
      expect(sections.map((s) => s.schemaRef)).toContain(`api/events/${file}`);
    }
    for (const s of sections) {
      expect(s.schemaRef).toMatch(/^api\/(openapi\.yaml#\/components\/schemas\/[A-Za-z]+|events\/[a-z0-9.-]+\.schema\.json)$/);
      expect(s.fields.length).toBeGreaterThan(0);
    }
  });

  it.each(parseDataStructures(chapter7).map((s) => [s.name, s] as const))(
    '%s: every field it names exists in the referenced schema with that type and requiredness, and every required field is named',
    (_name, section) => {
      expect(dataStructureProblems(section)).toEqual([]);
    },
  );

  it('notices drift: a renamed, retyped or dropped field is reported', () => {
    const section = sections.find((s) => s.schemaRef.endsWith('/MissingEvidence'));
    expect(section).toBeDefined();
    const base = section!;
    const renamed = { ...base, fields: base.fields.map((f) => (f.name === 'property' ? { ...f, name: 'propertyPath' } : f)) };
    const retyped = { ...base, fields: base.fields.map((f) => (f.name === 'itemIndex' ? { ...f, type: 'string' } : f)) };
    const dropped = { ...base, fields: base.fields.filter((f) => f.name !== 'criterionId') };
    const optionalised = { ...base, fields: base.fields.map((f) => (f.name === 'acceptedEvidence' ? { ...f, required: false } : f)) };
    expect(dataStructureProblems(renamed).join('\n')).toMatch(/propertyPath does not exist/);
    expect(dataStructureProblems(retyped).join('\n')).toMatch(/itemIndex has type "string" in the spec but "integer"/);
    expect(dataStructureProblems(dropped).join('\n')).toMatch(/does not mention the required field "criterionId"/);
    expect(dataStructureProblems(optionalised).join('\n')).toMatch(/acceptedEvidence is not marked required/);
  });
});

describe('spec/8-service-apis.md against api/openapi.yaml', () => {
  const rows = parseServiceApis(chapter8);
  const operations = contractOperations(loadYaml(path.join(ROOT, 'api', 'openapi.yaml')));
  const requirementIds = new Set(parseRequirementHeadings(chapter6, 'fr').map((r) => r.id));

  it('lists every operation of the contract exactly once, with its method, path, operationId and scopes', () => {
    const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
    expect(rows.map(key).sort()).toEqual(operations.map(key).sort());
    expect(new Set(rows.map(key)).size).toBe(rows.length);
    for (const op of operations) {
      const row = rows.find((r) => key(r) === key(op));
      expect({ operation: key(op), operationId: row?.operationId, scopes: row?.scopes }).toEqual({ operation: key(op), operationId: op.operationId, scopes: op.scopes });
    }
  });

  it.each(parseServiceApis(chapter8).map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s names functional requirements that exist and a GovStack feature tagged with the operation',
    (_op, row) => {
      expect(row.requirements.length).toBeGreaterThan(0);
      for (const id of row.requirements) expect(requirementIds).toContain(id);
      const file = path.join(ROOT, 'test', 'openAPI', 'features', row.feature);
      expect(existsSync(file)).toBe(true);
      const feature = parseFeature(file);
      expect({ method: feature.method, endpoint: feature.endpoint }).toEqual({ method: row.method, endpoint: row.path });
    },
  );

  it('names the schema of every event type', () => {
    for (const file of readdirSync(path.join(ROOT, 'api', 'events')).filter((f) => f.endsWith('.schema.json') && f !== 'cloudevent.schema.json')) {
      expect(chapter8).toContain(`api/events/${file}`);
    }
  });
});

describe('spec/6-functional-requirements.md', () => {
  it('gives every requirement a unique id and a level', () => {
    const requirements = parseRequirementHeadings(chapter6, 'fr');
    expect(requirements.length).toBeGreaterThan(0);
    expect(new Set(requirements.map((r) => r.id)).size).toBe(requirements.length);
    for (const r of requirements) {
      expect(r.id.startsWith(FR_PREFIX)).toBe(true);
      expect(['REQUIRED', 'RECOMMENDED', 'OPTIONAL']).toContain(r.level);
    }
  });
});
