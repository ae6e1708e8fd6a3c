/**
 * Unit tests of the three-valued rule engine: every operator at and around its threshold,
 * undeclared and wrongly typed values, parameters, percentBelow, all/any/not with unknowns,
 * ecolabel version/tier/expiry, declarations, supplier/service paths and prototype keys.
 */
import type { Comparison, CriterionDefinition, CriterionParameter, RuleNode } from '../../../../src/domain/catalogue/catalogue.types';
import type { EcolabelClaim, EvaluationInput, ParameterValue, ProductDeclaration, ServiceDeclaration, SupplierInfo } from '../../../../src/domain/compliance/compliance.types';
import { evaluateCriterion } from '../../../../src/domain/compliance/criterion.evaluator';
import { tierAtLeast, versionAtLeast } from '../../../../src/domain/compliance/label-version';
import { evaluateRule, newTrace, percentBelow, type RuleTrace, type Truth } from '../../../../src/domain/compliance/rule.engine';
import { readPath } from '../../../../src/domain/compliance/offer-path';
import { renderRule } from '../../../../src/domain/compliance/rule.renderer';

const DATE = '2026-03-01';

function input(item: Partial<ProductDeclaration> = {}, supplier: Partial<SupplierInfo> = {}, services: ServiceDeclaration[] = []): EvaluationInput {
  return {
    item: { category: 'notebook', manufacturer: 'Acme', model: 'X1', ...item },
    supplier: { name: 'Supplier', ...supplier },
    services,
    assessmentDate: DATE,
  };
}

function run(node: RuleNode, inp: EvaluationInput, parameters: Record<string, ParameterValue> = {}, definitions?: CriterionParameter[]): { truth: Truth; trace: RuleTrace } {
  const trace = newTrace();
  const truth = evaluateRule(node, { input: inp, parameters, definitions }, trace);
  return { truth, trace };
}

const cmp = (property: string, operator: Comparison['operator'], value?: Comparison['value']): Comparison =>
  (value === undefined ? { property, operator } : { property, operator, value });

describe('readPath', () => {
  const inp = input(
    { battery: { hasBattery: true, cyclesAt80pct: 500 }, lifetime: { sparePartsList: ['battery'] }, energy: null as unknown as object },
    { iso14001: true, refurbishmentQa: { standard: 'EN 50614' } },
    [{ kind: 'take_back', durationYears: 3 }, { kind: 'take_back', durationYears: 9 }, { kind: 'cloud', dcKpis: { ref: 0.8 } }],
  );

  it.each([
    ['battery.cyclesAt80pct', 500],
    ['battery.hasBattery', true],
    ['category', 'notebook'],
    ['supplier.iso14001', true],
    ['supplier.refurbishmentQa', { standard: 'EN 50614' }],
    ['supplier.refurbishmentQa.standard', 'EN 50614'],
    ['service.take_back.durationYears', 3],
    ['service.cloud.dcKpis.ref', 0.8],
  ])('%s reads %p', (path, expected) => {
    expect(readPath(path, inp)).toEqual(expected);
  });

  it.each([
    'battery.cyclesAt60pct', 'energy.tecKWhPerYear', 'energy', 'supplier', 'supplier.iso9001', 'service.colocation.dcKpis.ref',
    'service.take_back', 'service', 'lifetime.sparePartsList.length', 'lifetime.sparePartsList.0', 'constructor', 'toString',
    'battery.constructor', 'battery.hasOwnProperty', '__proto__', 'supplier.__proto__', 'supplier.constructor.name', 'service.take_back.constructor',
  ])('%s is undeclared', (path) => {
    expect(readPath(path, inp)).toBeUndefined();
  });

  it('reads an own "__proto__" key (as JSON.parse creates it) without touching prototypes', () => {
    const item = JSON.parse('{"category":"notebook","manufacturer":"A","model":"B","__proto__":{"polluted":7}}') as ProductDeclaration;
    const { truth, trace } = run(cmp('__proto__.polluted', '==', 7), { ...input(), item });
    expect(truth).toBe(true);
    expect(Object.keys(trace.observed)).toEqual(['__proto__.polluted']);
    const t2 = run(cmp('__proto__', 'exists'), { ...input(), item });
    expect(t2.truth).toBe(true);
    expect(Object.getPrototypeOf(t2.trace.observed)).toBe(Object.prototype);
    expect(Object.hasOwn(t2.trace.observed, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('comparisons', () => {
  const item = input({
    battery: { hasBattery: true, cyclesAt80pct: 300, testStandard: 'IEC EN 61960-3' },
    rugged: 'semi',
    lifetime: { sparePartsList: ['battery', 'display', 'keyboard'], warrantyYears: 0 },
  });

  it.each<[Comparison, Truth]>([
    [cmp('battery.cyclesAt80pct', '>=', 300), true],
    [cmp('battery.cyclesAt80pct', '>=', 301), false],
    [cmp('battery.cyclesAt80pct', '>=', 299.5), true],
    [cmp('battery.cyclesAt80pct', '>', 300), false],
    [cmp('battery.cyclesAt80pct', '>', 299), true],
    [cmp('battery.cyclesAt80pct', '<=', 300), true],
    [cmp('battery.cyclesAt80pct', '<=', 299), false],
    [cmp('battery.cyclesAt80pct', '<', 300), false],
    [cmp('battery.cyclesAt80pct', '<', 301), true],
    [cmp('battery.cyclesAt80pct', '==', 300), true],
    [cmp('battery.cyclesAt80pct', '==', 301), false],
    [cmp('battery.cyclesAt80pct', '!=', 300), false],
    [cmp('battery.cyclesAt80pct', '!=', 301), true],
    [cmp('lifetime.warrantyYears', '>=', 0), true],
    [cmp('battery.hasBattery', '==', true), true],
    [cmp('battery.hasBattery', '==', false), false],
    [cmp('battery.hasBattery', '!=', false), true],
    [cmp('rugged', '==', 'semi'), true],
    [cmp('rugged', '==', 'full'), false],
    [cmp('rugged', '!=', 'full'), true],
    [cmp('rugged', 'in', ['semi', 'full']), true],
    [cmp('rugged', 'in', ['full']), false],
    [cmp('lifetime.sparePartsList', 'contains', 'display'), true],
    [cmp('lifetime.sparePartsList', 'contains', 'memory'), false],
    [cmp('lifetime.sparePartsList', 'containsAll', ['battery', 'display']), true],
    [cmp('lifetime.sparePartsList', 'containsAll', ['battery', 'memory']), false],
    [cmp('lifetime.sparePartsList', 'containsAll', []), true],
    [cmp('battery.testStandard', 'exists'), true],
    [cmp('battery.hasBattery', 'exists'), true],
    // A value of another primitive type is unequal, not unknown (repairability.value is a string or a number).
    [cmp('battery.cyclesAt80pct', '==', '300'), false],
    [cmp('battery.cyclesAt80pct', 'in', ['300']), false],
  ])('%j → %p', (rule, expected) => {
    const { truth, trace } = run(rule, item);
    expect(truth).toBe(expected);
    expect(trace.missing).toEqual([]);
    expect(trace.problems).toEqual([]);
    expect(trace.observed[rule.property]).toEqual(readPath(rule.property, item));
  });

  it.each<Comparison>([
    cmp('battery.cyclesAt60pct', '>=', 1), cmp('battery.cyclesAt60pct', '<', 1), cmp('battery.cyclesAt60pct', '!=', 1),
    cmp('durability.ipRating', 'in', ['IP54']), cmp('durability.testsPassed', 'contains', 'drop'),
    cmp('durability.testsPassed', 'containsAll', ['drop']), cmp('durability.ipRating', 'exists'), cmp('supplier.iso14001', '==', true),
  ])('undeclared %j is unknown, never false, and names the property', (rule) => {
    const { truth, trace } = run(rule, item);
    expect(truth).toBe('unknown');
    expect(trace.missing).toEqual([{ property: rule.property }]);
    expect(trace.observed).toEqual({});
    expect(trace.read.has(rule.property)).toBe(true);
  });

  it.each<Comparison>([
    cmp('battery.testStandard', '>=', 3), cmp('lifetime.sparePartsList', '==', 'battery'), cmp('lifetime.sparePartsList', 'in', ['battery']),
    cmp('rugged', 'contains', 'semi'), cmp('battery.cyclesAt80pct', 'containsAll', ['x']), cmp('lifetime', '==', true),
  ])('a declared value of the wrong type in %j is unknown with a message, never a crash', (rule) => {
    const { truth, trace } = run(rule, item);
    expect(truth).toBe('unknown');
    expect(trace.missing).toEqual([{ property: rule.property }]);
    expect(trace.messages.join()).toContain(rule.property);
    expect(trace.problems).toEqual([]);
  });

  it('treats NaN and Infinity as wrong types for ordering', () => {
    const bad = input({ battery: { hasBattery: true, cyclesAt80pct: Number.NaN, cyclesAt60pct: Infinity } });
    expect(run(cmp('battery.cyclesAt80pct', '>=', 0), bad).truth).toBe('unknown');
    expect(run(cmp('battery.cyclesAt60pct', '>=', 0), bad).truth).toBe('unknown');
  });

  it('reports a rule value of the wrong type as a problem of the rule, not of the offer', () => {
    const { truth, trace } = run(cmp('battery.cyclesAt80pct', '>=', 'many'), item);
    expect(truth).toBe('unknown');
    expect(trace.problems[0]).toContain('battery.cyclesAt80pct');
    const op = run({ property: 'rugged', operator: 'like' as Comparison['operator'], value: 'x' }, item);
    expect(op.truth).toBe('unknown');
    expect(op.trace.problems[0]).toContain('like');
    expect(run({} as RuleNode, item).trace.problems).toEqual(['malformed rule node']);
    expect(run({ all: 'x' } as unknown as RuleNode, item).trace.problems).toEqual(['malformed rule node']);
    expect(run({ not: null } as unknown as RuleNode, item).trace.problems).toEqual(['malformed rule node']);
  });

  it('reads supplier.* and service.<kind>.* paths', () => {
    const inp = input({}, { iso14001: true, conformantSmeltersPct: 80 }, [{ kind: 'colocation', dcKpis: { designedPue: 1.3 } }, { kind: 'take_back', reuseFirst: true }]);
    expect(run(cmp('supplier.iso14001', '==', true), inp).truth).toBe(true);
    expect(run(cmp('supplier.conformantSmeltersPct', '>=', 90), inp).truth).toBe(false);
    expect(run(cmp('supplier.refurbishmentQa', 'exists'), inp).truth).toBe('unknown');
    expect(run(cmp('service.colocation.dcKpis.designedPue', '<=', 1.3), inp).truth).toBe(true);
    expect(run(cmp('service.take_back.reuseFirst', '==', true), inp).truth).toBe(true);
    const cloud = run(cmp('service.cloud.dcKpis.ref', '>=', 0.5), inp);
    expect(cloud.truth).toBe('unknown');
    expect(cloud.trace.missing).toEqual([{ property: 'service.cloud.dcKpis.ref' }]);
  });

  it('never follows prototype keys of the offer', () => {
    expect(run(cmp('constructor', 'exists'), item).truth).toBe('unknown');
    expect(run(cmp('battery.toString', 'exists'), item).truth).toBe('unknown');
    expect(run(cmp('supplier.constructor', 'exists'), item).truth).toBe('unknown');
  });
});

describe('parameters', () => {
  const rule = cmp('lifetime.sparePartsYears', '>=', { parameter: 'years' });
  const inp = input({ lifetime: { sparePartsYears: 5 } });
  const definitions: CriterionParameter[] = [{ name: 'years', description: 'Years', type: 'number', default: 5 }];

  it('uses the procurer value over the default', () => {
    expect(run(rule, inp, { years: 6 }, definitions).truth).toBe(false);
    expect(run(rule, inp, { years: 5 }, definitions).truth).toBe(true);
  });

  it('falls back to the default', () => {
    expect(run(rule, inp, {}, definitions).truth).toBe(true);
    expect(run(rule, inp, {}, [{ ...definitions[0]!, default: 7 }]).truth).toBe(false);
  });

  it('reports a parameter without value as a problem naming it', () => {
    const { truth, trace } = run(rule, inp, {}, [{ name: 'years', description: 'Years', type: 'number' }]);
    expect(truth).toBe('unknown');
    expect(trace.problems.join()).toContain('"years"');
    // An inherited key is no parameter value.
    expect(run(cmp('lifetime.sparePartsYears', '>=', { parameter: 'toString' }), inp, {}).trace.problems).toHaveLength(1);
  });

  it('resolves list parameters for containsAll and in', () => {
    const parts = input({ lifetime: { sparePartsList: ['battery', 'display'] }, rugged: 'full' });
    expect(run(cmp('lifetime.sparePartsList', 'containsAll', { parameter: 'parts' }), parts, { parts: ['battery'] }).truth).toBe(true);
    expect(run(cmp('lifetime.sparePartsList', 'containsAll', { parameter: 'parts' }), parts, { parts: ['fan'] }).truth).toBe(false);
    expect(run(cmp('rugged', 'in', { parameter: 'r' }), parts, { r: ['semi'] }).truth).toBe(false);
  });

  it('makes the criterion not_evaluated when a parameter has no value', () => {
    const criterion: CriterionDefinition = {
      id: 'P-1', title: 'Spare parts', summary: 's', theme: 'lifetimeExtension', stage: 'technicalSpecification', type: 'TS', level: 'core',
      scope: 'product', appliesTo: { categories: ['notebook'] }, parameters: [{ name: 'years', description: 'Years', type: 'number' }], rule,
      verification: { acceptedEvidence: ['supplier_declaration'], equivalentAccepted: true }, source: { document: 'd' }, confidence: 'verified',
    };
    const result = evaluateCriterion({ setId: 's', setVersion: '1', criterion, parameters: {} }, inp);
    expect(result.outcome).toBe('not_evaluated');
    expect(result.messages?.join()).toContain('"years"');
    expect(evaluateCriterion({ setId: 's', setVersion: '1', criterion, parameters: { years: 4 } }, inp).outcome).toBe('pass');
  });
});

describe('percentBelow', () => {
  const rel = (value: number, op: Comparison['operator'] = '>='): Comparison => ({
    property: 'energy.tecKWhPerYear', operator: op, value, unit: 'percent', relativeTo: { baseline: 'energy.tecLimitKWhPerYear', mode: 'percentBelow' },
  });
  const energy = (tec: number | undefined, limit: number | undefined) => input({ energy: { tecKWhPerYear: tec, tecLimitKWhPerYear: limit } });

  it('compares the percentage below the baseline, exactly at and around the threshold', () => {
    expect(run(rel(80), energy(50, 250)).truth).toBe(true);
    expect(run(rel(80, '>'), energy(50, 250)).truth).toBe(false);
    expect(run(rel(80), energy(50.1, 250)).truth).toBe(false);
    expect(run(rel(80), energy(0.6, 3)).truth).toBe(true); // (3 − 0.6) / 3 is 0.7999… in floats
    expect(run(rel(0), energy(250, 250)).truth).toBe(true);
    expect(run(rel(0), energy(251, 250)).truth).toBe(false);
    expect(run(rel(0, '<='), energy(251, 250)).truth).toBe(true);
  });

  it('observes both values and is unknown when either is undeclared', () => {
    const ok = run(rel(10), energy(50, 100));
    expect(ok.trace.observed).toEqual({ 'energy.tecKWhPerYear': 50, 'energy.tecLimitKWhPerYear': 100 });
    const noBase = run(rel(10), energy(50, undefined));
    expect(noBase.truth).toBe('unknown');
    expect(noBase.trace.missing).toEqual([{ property: 'energy.tecLimitKWhPerYear' }]);
    const neither = run(rel(10), input());
    expect(neither.trace.missing).toEqual([{ property: 'energy.tecKWhPerYear' }, { property: 'energy.tecLimitKWhPerYear' }]);
  });

  it('takes a zero baseline at its limit', () => {
    expect(percentBelow(0, 0)).toBe(0);
    expect(percentBelow(1, 0)).toBe(-Infinity);
    expect(run(rel(0), energy(0, 0)).truth).toBe(true);
    expect(run(rel(0), energy(5, 0)).truth).toBe(false);
    expect(percentBelow(25, 100)).toBe(75);
  });

  it('is unknown with a message when the baseline has the wrong type', () => {
    const r = run(rel(10), input({ energy: { tecKWhPerYear: 1, tecLimitKWhPerYear: 'lots' } }));
    expect(r.truth).toBe('unknown');
    expect(r.trace.messages.join()).toContain('energy.tecLimitKWhPerYear');
  });
});

describe('all / any / not', () => {
  const T = cmp('battery.hasBattery', '==', true);
  const F = cmp('battery.hasBattery', '==', false);
  const U = cmp('battery.cyclesAt80pct', '>=', 1);
  const U2 = cmp('battery.cyclesAt60pct', '>=', 1);
  const inp = input({ battery: { hasBattery: true } });

  it.each<[RuleNode, Truth]>([
    [{ all: [T, T] }, true], [{ all: [T, F] }, false], [{ all: [U, F] }, false], [{ all: [T, U] }, 'unknown'], [{ all: [U, U2] }, 'unknown'],
    [{ any: [F, F] }, false], [{ any: [F, T] }, true], [{ any: [U, T] }, true], [{ any: [F, U] }, 'unknown'],
    [{ not: T }, false], [{ not: F }, true], [{ not: U }, 'unknown'], [{ not: { all: [U, F] } }, true],
    [{ all: [T, { any: [F, { not: F }] }] }, true],
  ])('%j → %p', (rule, expected) => {
    expect(run(rule, inp).truth).toBe(expected);
  });

  it('keeps only the unknowns that left the result open', () => {
    expect(run({ all: [U, F] }, inp).trace.missing).toEqual([]);
    expect(run({ any: [U, T] }, inp).trace.missing).toEqual([]);
    expect(run({ all: [{ any: [U, T] }, U2] }, inp).trace.missing).toEqual([{ property: 'battery.cyclesAt60pct' }]);
    expect(run({ any: [U, U2, F] }, inp).trace.missing).toEqual([{ property: 'battery.cyclesAt80pct' }, { property: 'battery.cyclesAt60pct' }]);
  });

  it('reads every child so that observed is complete', () => {
    const two = input({ battery: { hasBattery: true, cyclesAt80pct: 5 } });
    expect(run({ any: [T, U] }, two).trace.observed).toEqual({ 'battery.hasBattery': true, 'battery.cyclesAt80pct': 5 });
  });
});

describe('ecolabel rules', () => {
  // Claims identify the item (see input(): manufacturer Acme, model X1) and carry a validity date,
  // unless a test says otherwise: only such claims count (label-claim.ts).
  const claim = (c: Partial<EcolabelClaim>): EcolabelClaim => ({ scheme: 'TCO_CERTIFIED', validUntil: '2030-01-01', covers: { manufacturer: 'Acme', models: ['X1'] }, ...c });
  const withClaims = (...claims: EcolabelClaim[]) => input({ ecolabels: claims });
  const tco = (minVersion?: string): RuleNode => ({ ecolabel: { scheme: 'TCO_CERTIFIED', ...(minVersion ? { minVersion } : {}) } });
  const epeat = (minTier: 'bronze' | 'silver' | 'gold'): RuleNode => ({ ecolabel: { scheme: 'EPEAT', minTier } });

  it('compares versions numerically', () => {
    expect(run(tco('9'), withClaims(claim({ version: '10' }))).truth).toBe(true);
    expect(run(tco('10'), withClaims(claim({ version: '9' }))).truth).toBe(false);
    expect(run(tco('9'), withClaims(claim({ version: '9' }))).truth).toBe(true);
    expect(run(tco('9'), withClaims(claim({ version: 'gen 9' }))).truth).toBe(true);
    expect(versionAtLeast('1.10', '1.2')).toBe(true);
    expect(versionAtLeast('1.2', '1.10')).toBe(false);
    expect(versionAtLeast('8', '8.0')).toBe(true);
    expect(versionAtLeast('8.0.1', '8')).toBe(true);
    expect(versionAtLeast('IEEE 1680.1-2018', 'IEEE 1680.1-2018')).toBe(true);
    expect(versionAtLeast('IEEE 1680.1-2009', 'IEEE 1680.1-2018')).toBe(false);
    expect(versionAtLeast('latest', '9')).toBe('unknown');
    expect(versionAtLeast('Gold', 'gold')).toBe(true);
  });

  it('ranks tiers bronze < silver < gold', () => {
    expect(run(epeat('silver'), withClaims(claim({ scheme: 'EPEAT', tier: 'gold' }))).truth).toBe(true);
    expect(run(epeat('silver'), withClaims(claim({ scheme: 'EPEAT', tier: 'silver' }))).truth).toBe(true);
    expect(run(epeat('silver'), withClaims(claim({ scheme: 'EPEAT', tier: 'bronze' }))).truth).toBe(false);
    expect(tierAtLeast('platinum', 'gold')).toBe('unknown');
    expect(tierAtLeast('toString', 'gold')).toBe('unknown');
  });

  it('is unknown when the claim lacks the version or tier the rule needs', () => {
    const noVersion = run(tco('9'), withClaims(claim({})));
    expect(noVersion.truth).toBe('unknown');
    expect(noVersion.trace.missing).toEqual([{ ecolabel: 'TCO_CERTIFIED' }]);
    expect(run(epeat('bronze'), withClaims(claim({ scheme: 'EPEAT' }))).truth).toBe('unknown');
    expect(run(tco(), withClaims(claim({}))).truth).toBe(true);
  });

  it('accepts a claim valid on the assessment date and only reports expired ones', () => {
    expect(run(tco('9'), withClaims(claim({ version: '9', validUntil: DATE }))).truth).toBe(true);
    const expired = run(tco('9'), withClaims(claim({ version: '9', validUntil: '2025-01-31', certificateId: 'X' })));
    expect(expired.truth).toBe('unknown');
    expect(expired.trace.messages).toEqual(['TCO_CERTIFIED claim X expired on 2025-01-31 and is not accepted']);
    expect(expired.trace.missing).toEqual([{ ecolabel: 'TCO_CERTIFIED' }]);
    const mixed = withClaims(claim({ version: '10', validUntil: '2025-01-31' }), claim({ version: '8', validUntil: '2030-01-01' }));
    expect(run(tco('9'), mixed).truth).toBe(false);
    expect(run(tco('9'), withClaims(claim({ version: '8' }), claim({ version: '10' }))).truth).toBe(true);
  });

  it('ignores other schemes and is unknown without any claim', () => {
    const other = run(tco(), withClaims(claim({ scheme: 'EPEAT', tier: 'gold' })));
    expect(other.truth).toBe('unknown');
    expect(other.trace.missing).toEqual([{ ecolabel: 'TCO_CERTIFIED' }]);
    expect(run(tco(), input()).truth).toBe('unknown');
    expect(run(tco(), input({ ecolabels: 'TCO' as unknown as EcolabelClaim[] })).truth).toBe('unknown');
  });
});

describe('declaration rules', () => {
  const rule: RuleNode = { declared: 'no-forced-labour' };

  it('is true, false or unknown as the supplier affirms, denies or stays silent', () => {
    expect(run(rule, input({ declarations: { 'no-forced-labour': true } })).truth).toBe(true);
    expect(run(rule, input({ declarations: { 'no-forced-labour': false } })).truth).toBe(false);
    const silent = run(rule, input({ declarations: { other: true } }));
    expect(silent.truth).toBe('unknown');
    expect(silent.trace.missing).toEqual([{ statement: 'no-forced-labour' }]);
    expect(run(rule, input()).truth).toBe('unknown');
  });

  it('never reads prototype keys or non-boolean values as an affirmation', () => {
    expect(run({ declared: 'constructor' }, input({ declarations: {} })).truth).toBe('unknown');
    const odd = run(rule, input({ declarations: { 'no-forced-labour': 'yes' as unknown as boolean } }));
    expect(odd.truth).toBe('unknown');
    expect(odd.trace.messages[0]).toContain('no-forced-labour');
  });
});

describe('parameter values with an offset', () => {
  const rule: RuleNode = { property: 'lifetime.warrantyYears', operator: '>=', value: { parameter: 'minimumYears', plus: 2 }, unit: 'years' };
  const scope = (years: number, minimumYears: ParameterValue | undefined) => ({
    input: input({ lifetime: { warrantyYears: years } }),
    parameters: (minimumYears === undefined ? {} : { minimumYears }) as Record<string, ParameterValue>,
    definitions: [{ name: 'minimumYears', description: 'The tender minimum', type: 'number' as const, unit: 'years' as const, default: 2 }],
  });
  const truth = (years: number, min?: ParameterValue) => { const t = newTrace(); return { truth: evaluateRule(rule, scope(years, min), t), trace: t }; };

  it('adds plus to the procurer value, else to the default', () => {
    expect(truth(5, 3).truth).toBe(true);
    expect(truth(4, 3).truth).toBe(false);
    expect(truth(4).truth).toBe(true);
    expect(renderRule(rule, { parameters: { minimumYears: 3 } })).toBe('lifetime.warrantyYears ≥ 5 years');
  });

  it('is a problem of the profile, not a fail, when the parameter is not a number', () => {
    const r = truth(5, 'three');
    expect(r.truth).toBe('unknown');
    expect(r.trace.problems[0]).toContain('"plus" needs a number parameter');
  });
});
