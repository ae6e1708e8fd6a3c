/**
 * Review records of the seed catalogue: every criterion says what source passage it rests on, and
 * its confidence never claims more than that record supports (criterion-review.ts). Legal
 * requirements carry the date they apply from. Each check is also fed a broken criterion to show
 * that it can fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CriterionDefinition, CriterionSetDefinition } from '../../../../src/domain/catalogue/catalogue.types';
import { reviewProblems, supportedConfidence } from '../../../../src/domain/catalogue/criterion-review';
import { PROJECT_ROOT } from '../../../../src/paths';

const DIR = join(PROJECT_ROOT, 'data', 'criteria');
const sets = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => parse(readFileSync(join(DIR, f), 'utf8')) as CriterionSetDefinition);
const all = sets.flatMap((set) => set.criteria.map((c) => ({ set, c })));

function unreviewed(list: typeof all): string[] {
  return list.filter(({ c }) => c.review === undefined || c.review.reviewedOn === undefined).map(({ set, c }) => `${set.id} › ${c.id}`);
}
function unquotedVerified(list: typeof all): string[] {
  return list
    .filter(({ c }) => c.confidence === 'verified' && !(c.review?.passages ?? []).some((p) => p.text === 'final' && p.quote.trim().length > 0))
    .map(({ set, c }) => `${set.id} › ${c.id}`);
}
function overclaimed(list: typeof all): string[] {
  return list.flatMap(({ set, c }) => reviewProblems(c, set).map((p) => `${set.id} › ${c.id}${p.at}: ${p.reason}`));
}
function undatedLaw(list: typeof all): string[] {
  return list.filter(({ set, c }) => set.id === 'eu-legal-baseline' && c.type !== 'guidance' && c.effectiveFrom === undefined).map(({ c }) => c.id);
}

describe('catalogue review records', () => {
  it('every seeded criterion has a review record with the day it was reviewed', () => {
    expect(unreviewed(all)).toEqual([]);
  });
  it('every verified criterion quotes the final published text', () => {
    expect(unquotedVerified(all)).toEqual([]);
  });
  it('no criterion claims more confidence than its review supports, and every other one names what is missing', () => {
    expect(overclaimed(all)).toEqual([]);
  });
  it('every legal-baseline requirement carries the date it applies from', () => {
    expect(undatedLaw(all)).toEqual([]);
  });
});

describe('the review checks can fail', () => {
  const gpp: CriterionSetDefinition = { ...sets[0]!, id: 'x', eforms: { bt805: 'eu' }, criteria: [] };
  const base: CriterionDefinition = {
    id: 'X-1', title: 'A criterion', summary: 'A summary long enough.', theme: 'battery', stage: 'technicalSpecification', type: 'TS', level: 'core',
    scope: 'product', appliesTo: { categories: ['notebook'] }, verification: { acceptedEvidence: ['test_report'], equivalentAccepted: true },
    source: { document: 'Doc' }, confidence: 'verified',
  };
  const passage = (text: 'final' | 'draft' | 'secondary', supports: ('requirement' | 'level' | 'type')[]) => ({ quote: 'the words', url: 'https://example.org', readOn: '2026-12-05', text, supports });

  it('a verified criterion without a review, or quoting only a secondary text, is reported', () => {
    expect(unquotedVerified([{ set: gpp, c: base }])).toEqual(['x › X-1']);
    expect(unreviewed([{ set: gpp, c: base }])).toEqual(['x › X-1']);
    const secondary = { ...base, review: { passages: [passage('secondary', ['requirement', 'level', 'type'])], reviewedOn: '2026-12-05' } };
    expect(unquotedVerified([{ set: gpp, c: secondary }])).toEqual(['x › X-1']);
    expect(overclaimed([{ set: gpp, c: secondary }])[0]).toContain('more than the review supports (partly-verified)');
  });
  it('an EU GPP criterion whose quotes do not establish its level is at most partly verified', () => {
    const c = { ...base, review: { passages: [passage('final', ['requirement', 'type'])] } };
    expect(supportedConfidence(c, gpp)).toEqual({ confidence: 'partly-verified', reason: 'no passage of the final text establishes the level' });
    expect(supportedConfidence(c, { eforms: { bt805: 'other' } }).confidence).toBe('verified');
  });
  it('a partly verified criterion must name what is missing; a legal requirement must be dated', () => {
    const c = { ...base, confidence: 'partly-verified' as const, review: { passages: [passage('draft', ['requirement'])] } };
    expect(overclaimed([{ set: gpp, c }])).toEqual(['x › X-1/review/missing: a partly-verified criterion names what is missing for it to be verified']);
    expect(undatedLaw([{ set: { ...gpp, id: 'eu-legal-baseline' }, c }])).toEqual(['X-1']);
  });
});
