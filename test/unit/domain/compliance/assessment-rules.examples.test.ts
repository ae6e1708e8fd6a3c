/**
 * Every worked example of docs/assessment-rules.md, run through the engine: the page a
 * procurement officer reads is checked against what the service answers. A `json example` block
 * is one criterion against one item; a `json offer-example` block is an offer against a profile.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CriterionDefinition } from '../../../../src/domain/catalogue/catalogue.types';
import { assessOffer } from '../../../../src/domain/compliance/assessment.builder';
import type { EvaluationInput, Offer, ProductDeclaration } from '../../../../src/domain/compliance/compliance.types';
import { evaluateCriterion } from '../../../../src/domain/compliance/criterion.evaluator';
import type { TenderProfile } from '../../../../src/domain/compliance/tender-profile.types';
import { PROJECT_ROOT } from '../../../../src/paths';

const DOC = readFileSync(join(PROJECT_ROOT, 'docs', 'assessment-rules.md'), 'utf8');
type Json = Record<string, unknown>;

function blocks(kind: string): Json[] {
  return [...DOC.matchAll(new RegExp('```json ' + kind + '\\n([\\s\\S]*?)```', 'g'))].map((m) => JSON.parse(m[1]!) as Json);
}

const DATE = '2026-12-01';

function criterion(partial: Json, i = 0): CriterionDefinition {
  return {
    id: `EX-${i}`, title: 'Example', summary: 'A worked example.', theme: 'battery', stage: 'technicalSpecification', type: 'TS', level: 'core',
    scope: 'product', appliesTo: { categories: ['notebook'] }, verification: { acceptedEvidence: ['supplier_declaration', 'test_report'], equivalentAccepted: true },
    source: { document: 'docs/assessment-rules.md' }, confidence: 'unverified', notes: 'example',
    ...partial,
  };
}
const item = (extra: Json): ProductDeclaration => ({ category: 'notebook', manufacturer: 'Acme', model: 'X1', ...extra });

/** `expect` values: `null` means absent, `messagesContain` a substring of some message. */
function check(actual: Json, expected: Json): void {
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'messagesContain') expect((actual.messages as string[] | undefined)?.join('\n') ?? '').toContain(value);
    else if (value === null) expect(actual[key]).toBeUndefined();
    else if (Array.isArray(value) && value.every((v) => typeof v === 'object')) expect(actual[key]).toEqual(value.map((v) => expect.objectContaining(v as Json)));
    else expect(actual[key]).toEqual(value);
  }
}

const single = blocks('example');
const offers = blocks('offer-example');

describe('docs/assessment-rules.md worked examples', () => {
  it('has the examples the page promises', () => {
    expect(single.length).toBeGreaterThanOrEqual(15);
    expect(offers.length).toBeGreaterThanOrEqual(2);
  });

  it.each(single.map((e) => [e.title as string, e]))('%s', (_title, e) => {
    const c = criterion(e.criterion as Json);
    const parameters = Object.fromEntries((c.parameters ?? []).flatMap((p) => (p.default === undefined ? [] : [[p.name, p.default]])));
    const input: EvaluationInput = { item: item(e.item as Json), supplier: { name: 'Supplier' }, services: [], assessmentDate: DATE, ...(e.context as Json | undefined) };
    check(evaluateCriterion({ setId: 'examples', setVersion: '1', criterion: c, parameters }, input) as unknown as Json, e.expect as Json);
  });

  it.each(offers.map((e) => [e.title as string, e]))('%s', (_title, e) => {
    const criteria = (e.criteria as Json[]).map((c, i) => criterion(c, i));
    const profile = {
      id: 'p', organisation: 'o', criterionSetIds: ['examples'], category: 'notebook', level: 'core', implicit: false, createdAt: DATE, createdBy: 't',
      criterionSets: [{ id: 'examples', version: '1' }], criteria: criteria.map((c) => ({ setId: 'examples', setVersion: '1', criterion: c, parameters: {}, ...(c.type === 'AC' ? { maxPoints: c.scoring?.maxPoints as number } : {}) })),
      ...(e.profile as Json | undefined),
    } as TenderProfile;
    const offer: Offer = { supplier: { name: 'Supplier' }, items: (e.items as Json[]).map(item) };
    const a = assessOffer(profile, offer, { id: 'a', evaluatedAt: `${DATE}T00:00:00Z`, assessmentDate: DATE, requestHash: 'h', createdBy: 't' });
    check(a.summary as unknown as Json, e.expect as Json);
  });
});
