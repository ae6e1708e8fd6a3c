/**
 * Every seeded criterion (data/criteria/*.yaml) against an empty item of each of its categories:
 * evaluation never throws and never fails, because an undeclared value is never a failure; and
 * every rule renders an `expected` text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CriterionDefinition, CriterionParameter, CriterionSetDefinition, ProductCategory } from '../../../src/domain/catalogue/catalogue.types';
import { criterionRules } from '../../../src/domain/catalogue/rule-walk';
import type { EvaluationInput, ParameterValue, ProfileCriterion } from '../../../src/domain/compliance/compliance.types';
import { evaluateCriterion } from '../../../src/domain/compliance/criterion.evaluator';
import { renderRule } from '../../../src/domain/compliance/rule.renderer';
import { PROJECT_ROOT } from '../../../src/paths';

const DIR = join(PROJECT_ROOT, 'data', 'criteria');
const seeded: { setId: string; setVersion: string; criterion: CriterionDefinition }[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((f) => {
    const set = parse(readFileSync(join(DIR, f), 'utf8')) as CriterionSetDefinition;
    return set.criteria.map((criterion) => ({ setId: set.id, setVersion: set.version, criterion: structuredClone(criterion) }));
  });

/** A value a procurer could set for a parameter without default. */
function procurerValue(p: CriterionParameter): ParameterValue {
  if (p.type === 'number') return p.minimum ?? p.maximum ?? 1;
  if (p.type === 'boolean') return true;
  if (p.type === 'stringArray') return p.allowed?.slice(0, 1) ?? ['x'];
  return p.allowed?.[0] ?? 'x';
}

function profile(entry: (typeof seeded)[number], fillUnset: boolean): ProfileCriterion {
  const parameters: Record<string, ParameterValue> = {};
  for (const p of entry.criterion.parameters ?? []) {
    if (p.default !== undefined) parameters[p.name] = p.default;
    else if (fillUnset) parameters[p.name] = procurerValue(p);
  }
  return { ...entry, parameters };
}

/**
 * An item with nothing declared but its category, assessed on a day the criterion is in force and
 * in a lot it is written for (a refurbished-only criterion in a lot of refurbished devices).
 */
function emptyInput(category: ProductCategory, c?: CriterionDefinition): EvaluationInput {
  let assessmentDate = '2026-03-01';
  if (c?.effectiveFrom !== undefined && c.effectiveFrom > assessmentDate) assessmentDate = c.effectiveFrom;
  if (c?.effectiveUntil !== undefined && c.effectiveUntil < assessmentDate) assessmentDate = c.effectiveUntil;
  const lotSupply = c?.appliesTo.supply === 'refurbished' ? 'refurbished' : 'new';
  return { item: { category, manufacturer: 'Acme', model: 'X1' }, supplier: { name: 'Supplier' }, services: [], assessmentDate, lotSupply };
}

const cases = seeded.flatMap((entry) => entry.criterion.appliesTo.categories.map((category) => [entry.criterion.id, category, entry] as const));

describe('seeded criteria on an empty item', () => {
  it('loads the whole catalogue', () => {
    expect(seeded.length).toBeGreaterThanOrEqual(200);
    expect(cases.length).toBeGreaterThan(seeded.length);
  });

  it.each(cases)('%s on an empty %s never fails', (id, category, entry) => {
    const result = evaluateCriterion(profile(entry, true), emptyInput(category, entry.criterion));
    // The category is required, hence declared even on an empty item: the one seeded rule that
    // tests nothing else (thin clients instead of desktops) decides on it alone.
    if (id === 'GPP21-TS20-comp') {
      expect(result.outcome).toBe(category === 'thin_client' ? 'pass' : 'fail');
      return;
    }
    expect(result.outcome).not.toBe('fail');
    expect(result.outcome).not.toBe('not_applicable');
    const c = entry.criterion;
    const checkable = c.type !== 'guidance' && (c.rule !== undefined || c.scoring !== undefined);
    // Nothing is declared, so a checkable criterion can only be missing evidence.
    expect(result.outcome).toBe(checkable ? 'evidence_missing' : 'not_evaluated');
    if (checkable) expect(result.missing?.length).toBeGreaterThan(0);
    // Only the category is declared, and only a rule on `category` reads it.
    expect(Object.keys(result.observed ?? {}).filter((k) => k !== 'category')).toEqual([]);
    if (c.type === 'AC') expect(result).toMatchObject({ points: 0, maxPoints: 10 });
  });

  const withUnset = seeded.filter((e) => e.criterion.parameters?.some((p) => p.default === undefined) && e.criterion.type !== 'guidance');
  it.each(withUnset.map((e) => [e.criterion.id, e] as const))('%s without the procurer value is not_evaluated and names it', (_id, entry) => {
    const result = evaluateCriterion(profile(entry, false), emptyInput(entry.criterion.appliesTo.categories[0]!, entry.criterion));
    const unset = (entry.criterion.parameters ?? []).filter((p) => p.default === undefined).map((p) => p.name);
    expect(result.outcome).toBe('not_evaluated');
    for (const name of unset) expect(result.messages?.join('\n')).toContain(`"${name}"`);
  });
});

describe('rendering of seeded rules', () => {
  it.each(seeded.map((e) => [e.criterion.id, e] as const))('%s renders every rule tree and its expected text', (_id, entry) => {
    const p = profile(entry, true);
    const ctx = { parameters: p.parameters, definitions: entry.criterion.parameters, statements: entry.criterion.statements };
    for (const root of criterionRules(entry.criterion)) {
      const text = renderRule(root.node, ctx);
      expect(text.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/malformed|undefined|\[object Object\]|not set/);
    }
    const expected = evaluateCriterion(p, emptyInput(entry.criterion.appliesTo.categories[0]!, entry.criterion)).expected;
    expect(typeof expected).toBe('string');
    expect(expected?.length).toBeGreaterThan(0);
    for (const s of entry.criterion.statements ?? []) {
      // Bands are rendered by their labels; a rule names the statement by its text.
      if (JSON.stringify(entry.criterion.rule ?? {}).includes(`"declared":"${s.id}"`)) expect(expected).toContain(s.text);
    }
  });
});
