/**
 * Property-based tests (fast-check) of the evaluator over every seeded criterion, with offers
 * generated from the offer vocabulary of the API contract: (1) a valid ecolabel claim never turns a
 * pass into a fail, (2) a claim that does not identify the item never changes an outcome, (3) a
 * declared failing value is never turned into a pass by a label, (4) a fully declared offer never
 * leaves evidence missing, (5) evaluation is deterministic and leaves its input untouched.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CriterionDefinition, CriterionParameter, CriterionSetDefinition, EcolabelScheme } from '../../../../src/domain/catalogue/catalogue.types';
import { buildOfferVocabulary, type PropertyAlternative } from '../../../../src/domain/catalogue/offer-vocabulary';
import { isComparison, isDeclarationRule, isEcolabelRule, walkCriterionRules } from '../../../../src/domain/catalogue/rule-walk';
import type { EcolabelClaim, EvaluationInput, Outcome, ParameterValue, ProfileCriterion, ServiceDeclaration } from '../../../../src/domain/compliance/compliance.types';
import { evaluateCriterion } from '../../../../src/domain/compliance/criterion.evaluator';
import { PROJECT_ROOT } from '../../../../src/paths';

const ROOT = PROJECT_ROOT;
const DATE = '2026-03-01';
const RUNS_PER_CRITERION = 40;
const vocabulary = buildOfferVocabulary((parse(readFileSync(join(ROOT, 'api', 'openapi.yaml'), 'utf8')) as { components: { schemas: Record<string, unknown> } }).components.schemas);
const SCHEMES: EcolabelScheme[] = ['TCO_CERTIFIED', 'EPEAT', 'EU_ECOLABEL', 'BLUE_ANGEL', 'ENERGY_STAR', 'NORDIC_SWAN', 'OTHER_TYPE1'];

const criteria: { setId: string; setVersion: string; criterion: CriterionDefinition }[] = readdirSync(join(ROOT, 'data', 'criteria'))
  .filter((f) => f.endsWith('.yaml')).sort()
  .flatMap((f) => {
    const set = parse(readFileSync(join(ROOT, 'data', 'criteria', f), 'utf8')) as CriterionSetDefinition;
    return set.criteria.map((criterion) => ({ setId: set.id, setVersion: set.version, criterion: structuredClone(criterion) }));
  });

// ------------------------------------------------------------------ what a criterion reads

interface Reads { paths: string[]; strings: string[]; numbers: number[]; statements: string[]; schemes: EcolabelScheme[] }

function readsOf(c: CriterionDefinition): Reads {
  const r: Reads = { paths: [], strings: [], numbers: [], statements: (c.statements ?? []).map((s) => s.id), schemes: [] };
  const add = <T>(list: T[], v: T) => { if (!list.includes(v)) list.push(v); };
  walkCriterionRules(c, (leaf) => {
    if (isDeclarationRule(leaf)) add(r.statements, leaf.declared);
    else if (isEcolabelRule(leaf)) add(r.schemes, leaf.ecolabel.scheme);
    else if (isComparison(leaf)) {
      add(r.paths, leaf.property);
      if (leaf.relativeTo) add(r.paths, leaf.relativeTo.baseline);
      const v = leaf.value;
      for (const x of Array.isArray(v) ? v : [v]) {
        if (typeof x === 'string') add(r.strings, x);
        if (typeof x === 'number') add(r.numbers, x);
      }
    }
  });
  for (const p of c.parameters ?? []) if (typeof p.default === 'number') add(r.numbers, p.default);
  return r;
}

// ------------------------------------------------------------------ generators

function parameterValue(p: CriterionParameter): fc.Arbitrary<ParameterValue> {
  if (p.default !== undefined) return fc.constant(p.default);
  if (p.type === 'number') return fc.integer({ min: p.minimum ?? 0, max: p.maximum ?? 100 });
  if (p.type === 'boolean') return fc.boolean();
  if (p.type === 'stringArray') return fc.subarray(p.allowed ?? ['a', 'b']);
  return p.allowed ? fc.constantFrom(...p.allowed) : fc.string();
}

function valueOf(alt: PropertyAlternative, reads: Reads): fc.Arbitrary<unknown> {
  const mentioned = reads.strings.length > 0 ? [fc.constantFrom(...reads.strings)] : [];
  switch (alt.kind) {
    case 'boolean': return fc.boolean();
    case 'integer': return fc.oneof(fc.integer({ min: 0, max: 3000 }), ...reads.numbers.filter(Number.isInteger).map((n) => fc.constantFrom(n, n + 1, Math.max(0, n - 1))));
    case 'number': return fc.oneof(fc.double({ min: 0, max: 3000, noNaN: true }), ...reads.numbers.map((n) => fc.constantFrom(n, n + 0.5, Math.max(0, n - 0.5))));
    case 'string': return alt.enum ? fc.constantFrom(...alt.enum) : fc.oneof(fc.string({ maxLength: 8 }), ...mentioned);
    case 'array': {
      const items = alt.items?.[0];
      if (items?.enum) return fc.subarray([...items.enum]);
      // Sometimes every string the rule mentions, so that contains/containsAll also hold.
      return fc.oneof(fc.uniqueArray(fc.oneof(fc.string({ maxLength: 8 }), ...mentioned), { maxLength: 6 }), fc.constant([...reads.strings]));
    }
  }
}

function declaredValue(path: string, reads: Reads): fc.Arbitrary<unknown> {
  const resolution = vocabulary.resolve(path);
  if (!resolution.ok) throw new Error(`${path}: ${resolution.reason}`);
  // A path that ends at an object (e.g. supplier.refurbishmentQa) can only be tested with exists.
  if (resolution.alternatives.length === 0) return fc.constant({});
  return fc.oneof(...resolution.alternatives.map((a) => valueOf(a, reads)));
}

const claimFields = {
  version: fc.oneof(fc.integer({ min: 1, max: 12 }).map(String), fc.constantFrom('8.0', 'gen 9', 'IEEE 1680.1-2018', '1.10')),
  tier: fc.constantFrom('bronze', 'silver', 'gold' as const),
  certificateId: fc.string({ minLength: 1, maxLength: 6 }),
  validUntil: fc.constantFrom(DATE, '2026-12-31', '2030-01-01'),
};

/** A valid claim that identifies the generated item (manufacturer Acme, model X1). */
const validClaim = (scheme: fc.Arbitrary<EcolabelScheme>): fc.Arbitrary<EcolabelClaim> =>
  fc.record({ scheme, ...claimFields, covers: fc.constant({ manufacturer: 'Acme', models: ['X1'] }) });

/** A claim for another product: another model, another maker, another GTIN, or no coverage at all. */
const foreignClaim = (scheme: fc.Arbitrary<EcolabelScheme>): fc.Arbitrary<EcolabelClaim> =>
  fc.record({
    scheme, ...claimFields,
    covers: fc.constantFrom({ manufacturer: 'Acme', models: ['X2'] }, { manufacturer: 'Other', models: ['X1'] }, { gtins: ['04012345678901'] }, {}),
  });

function setPath(target: Record<string, unknown>, segs: string[], value: unknown): void {
  let current = target;
  for (const seg of segs.slice(0, -1)) {
    const next = current[seg];
    current = (current[seg] = typeof next === 'object' && next !== null && !Array.isArray(next) ? next : {}) as Record<string, unknown>;
  }
  const last = segs[segs.length - 1]!;
  const existing = current[last];
  // An object-valued prefix must not wipe the deeper values already set inside it.
  if (!(typeof existing === 'object' && existing !== null && typeof value === 'object' && value !== null && !Array.isArray(value))) current[last] = value;
}

/** An offer for the criterion; each path is declared with probability `declared`. */
function offerFor(c: CriterionDefinition, reads: Reads, declared: number): fc.Arbitrary<EvaluationInput> {
  const paths = reads.paths.filter((p) => p !== 'category');
  const maybe = <T>(a: fc.Arbitrary<T>) => (declared >= 1 ? a : fc.option(a, { freq: Math.round(1 / (1 - declared)), nil: undefined }).map((v) => v));
  return fc.record({
    category: fc.constantFrom(...c.appliesTo.categories),
    values: fc.tuple(...paths.map((p) => maybe(declaredValue(p, reads)))),
    declarations: fc.tuple(...reads.statements.map(() => maybe(fc.boolean()))),
    claims: fc.tuple(...reads.schemes.map((s) => maybe(validClaim(fc.constant(s))))),
  }).map(({ category, values, declarations, claims }) => {
    const item: Record<string, unknown> = { category, manufacturer: 'Acme', model: 'X1' };
    const supplier: Record<string, unknown> = { name: 'Supplier' };
    const services = new Map<string, Record<string, unknown>>();
    paths.forEach((path, i) => {
      const value = values[i];
      if (value === undefined) return;
      const segs = path.split('.');
      if (segs[0] === 'supplier') setPath(supplier, segs.slice(1), value);
      else if (segs[0] === 'service') {
        const kind = segs[1]!;
        if (!services.has(kind)) services.set(kind, { kind });
        setPath(services.get(kind)!, segs.slice(2), value);
      } else setPath(item, segs, value);
    });
    item.declarations = Object.fromEntries(reads.statements.flatMap((id, i) => (declarations[i] === undefined ? [] : [[id, declarations[i]]])));
    item.ecolabels = claims.filter((x) => x !== undefined);
    return { item: item as EvaluationInput['item'], supplier: supplier as EvaluationInput['supplier'], services: [...services.values()] as ServiceDeclaration[], assessmentDate: DATE };
  });
}

const prepared = criteria.map((entry) => ({ entry, reads: readsOf(entry.criterion) }));
const profileOf = (entry: (typeof criteria)[number]): fc.Arbitrary<ProfileCriterion> =>
  fc.tuple(...(entry.criterion.parameters ?? []).map(parameterValue)).map((values) => ({
    ...entry, parameters: Object.fromEntries((entry.criterion.parameters ?? []).map((p, i) => [p.name, values[i]!])),
  }));

// ------------------------------------------------------------------ properties

describe('evaluation properties over every seeded criterion', () => {
  it('adding a valid ecolabel claim never turns a pass into a fail', () => {
    const seen: Record<Outcome, number> = { pass: 0, fail: 0, evidence_missing: 0, not_evaluated: 0, not_applicable: 0 };
    for (const { entry, reads } of prepared) {
      const anyScheme = fc.constantFrom(...new Set([...reads.schemes, ...(entry.criterion.verification.presumptionByLabel ?? []).map((p) => p.scheme), ...SCHEMES]));
      fc.assert(fc.property(profileOf(entry), offerFor(entry.criterion, reads, 0.8), validClaim(anyScheme), (pc, input, claim) => {
        const before = evaluateCriterion(pc, input);
        seen[before.outcome] += 1;
        const withClaim = { ...input, item: { ...input.item, ecolabels: [...(input.item.ecolabels ?? []), claim] } };
        const after = evaluateCriterion(pc, withClaim);
        if (before.outcome === 'pass') {
          expect(after.outcome).toBe('pass');
          expect(after.points ?? 0).toBeGreaterThanOrEqual(before.points ?? 0);
        }
      }), { numRuns: RUNS_PER_CRITERION });
    }
    // The generator must reach both sides of the thresholds for the property to mean anything.
    expect(seen.pass).toBeGreaterThan(1000);
    expect(seen.fail).toBeGreaterThan(500);
  });

  it('a claim that does not identify the offered item never changes an outcome or a score', () => {
    let changedByBound = 0;
    for (const { entry, reads } of prepared) {
      const anyScheme = fc.constantFrom(...new Set([...reads.schemes, ...(entry.criterion.verification.presumptionByLabel ?? []).map((p) => p.scheme), ...SCHEMES]));
      fc.assert(fc.property(profileOf(entry), offerFor(entry.criterion, reads, 0.5), fc.uniqueArray(foreignClaim(anyScheme), { minLength: 1, maxLength: 3 }), (pc, input, claims) => {
        const before = evaluateCriterion(pc, input);
        const after = evaluateCriterion(pc, { ...input, item: { ...input.item, ecolabels: [...(input.item.ecolabels ?? []), ...claims] } });
        expect([after.outcome, after.points, after.via, after.verification]).toEqual([before.outcome, before.points, before.via, before.verification]);
        // The same claims bound to the item do change outcomes somewhere: the property is not vacuous.
        const bound = claims.map((c) => ({ ...c, covers: { manufacturer: 'Acme', models: ['X1'] } }));
        if (evaluateCriterion(pc, { ...input, item: { ...input.item, ecolabels: [...(input.item.ecolabels ?? []), ...bound] } }).outcome !== before.outcome) changedByBound += 1;
      }), { numRuns: RUNS_PER_CRITERION });
    }
    expect(changedByBound).toBeGreaterThan(10);
  });

  it('a declared failing value is never turned into a pass by a label: the criterion fails and the conflict is flagged', () => {
    let conflicts = 0;
    for (const { entry, reads } of prepared) {
      const schemes = [...new Set([...reads.schemes, ...(entry.criterion.verification.presumptionByLabel ?? []).map((p) => p.scheme)])];
      if (schemes.length === 0) continue;
      fc.assert(fc.property(profileOf(entry), offerFor(entry.criterion, reads, 1), fc.uniqueArray(validClaim(fc.constantFrom(...schemes)), { minLength: 1, maxLength: 3 }), (pc, input, claims) => {
        const before = evaluateCriterion(pc, { ...input, item: { ...input.item, ecolabels: [] } });
        if (before.outcome !== 'fail') return;
        const after = evaluateCriterion(pc, { ...input, item: { ...input.item, ecolabels: claims } });
        expect(after.outcome).toBe('fail');
        expect(after.points ?? 0).toBe(before.points ?? 0);
        if (after.conflict) conflicts += 1;
      }), { numRuns: RUNS_PER_CRITERION });
    }
    expect(conflicts).toBeGreaterThan(10);
  });

  it('a fully declared offer never leaves evidence missing', () => {
    let decided = 0;
    for (const { entry, reads } of prepared) {
      fc.assert(fc.property(profileOf(entry), offerFor(entry.criterion, reads, 1), (pc, input) => {
        const result = evaluateCriterion(pc, input);
        if (result.outcome === 'evidence_missing') throw new Error(`${entry.criterion.id}: evidence missing ${JSON.stringify(result.missing)} for ${JSON.stringify(input)}`);
        if (result.outcome === 'pass' || result.outcome === 'fail') decided += 1;
      }), { numRuns: RUNS_PER_CRITERION });
    }
    expect(decided).toBeGreaterThan(prepared.length * RUNS_PER_CRITERION * 0.5);
  });

  it('is deterministic and does not modify its input', () => {
    for (const { entry, reads } of prepared) {
      fc.assert(fc.property(profileOf(entry), offerFor(entry.criterion, reads, 0.6), (pc, input) => {
        const snapshot = structuredClone(input);
        const pcSnapshot = structuredClone(pc);
        const first = evaluateCriterion(pc, input);
        expect(evaluateCriterion(pc, input)).toEqual(first);
        expect(evaluateCriterion(structuredClone(pc), structuredClone(input))).toEqual(first);
        expect(input).toEqual(snapshot);
        expect(pc).toEqual(pcSnapshot);
      }), { numRuns: RUNS_PER_CRITERION });
    }
  });
});
