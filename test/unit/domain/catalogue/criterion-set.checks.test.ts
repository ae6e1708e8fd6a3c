/**
 * Unit tests of the offer vocabulary (built from the real API contract) and of checkCriterionSet:
 * every check passes on a small valid set and fails, with the pointer of the culprit, on a copy
 * broken in exactly one place.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CriterionDefinition, CriterionSetDefinition, RuleNode } from '../../../../src/domain/catalogue/catalogue.types';
import { checkCriterionSet } from '../../../../src/domain/catalogue/criterion-set.checks';
import { buildOfferVocabulary, type PropertyResolution } from '../../../../src/domain/catalogue/offer-vocabulary';
import { criterionRules, walkRule } from '../../../../src/domain/catalogue/rule-walk';
import { PROJECT_ROOT } from '../../../../src/paths';

const openapi = parse(readFileSync(join(PROJECT_ROOT, 'api', 'openapi.yaml'), 'utf8'));
const schemas = openapi.components.schemas as Record<string, unknown>;
const vocabulary = buildOfferVocabulary(schemas);

function criterion(overrides: Partial<CriterionDefinition> = {}): CriterionDefinition {
  return {
    id: 'C-1',
    title: 'A criterion',
    summary: 'What the buyer asks for.',
    theme: 'durability',
    stage: 'technicalSpecification',
    type: 'TS',
    level: 'core',
    scope: 'product',
    appliesTo: { categories: ['notebook'] },
    verification: { acceptedEvidence: ['test_report'], equivalentAccepted: true },
    source: { document: 'Test source' },
    review: { passages: [{ quote: 'A quoted requirement.', url: 'https://example.org/source', readOn: '2026-12-05', text: 'final', supports: ['requirement', 'level', 'type'] }] },
    confidence: 'verified',
    ...overrides,
  };
}

/** A valid set that exercises every kind of rule leaf, parameter and statement. */
function validSet(): CriterionSetDefinition {
  return {
    id: 'test-set',
    title: 'Test set',
    publisher: 'Tests',
    version: '1',
    productCategories: ['notebook', 'desktop'],
    ambitionLevels: ['core', 'comprehensive'],
    cpvCodes: [],
    eforms: { bt805: 'eu' },
    criteria: [
      criterion({
        id: 'C-0',
        appliesTo: { categories: ['notebook'], condition: { property: 'battery.hasBattery', operator: '==', value: true } },
        parameters: [
          { name: 'cycles', description: 'Cycles', type: 'number', default: 500 },
          { name: 'classes', description: 'Classes', type: 'stringArray', allowed: ['A', 'B'] },
        ],
        statements: [{ id: 'no-forced-labour', text: 'No forced labour.' }],
        rule: {
          all: [
            { property: 'battery.cyclesAt80pct', operator: '>=', value: { parameter: 'cycles' }, unit: 'cycles' },
            { any: [{ property: 'energy.euEnergyClass', operator: 'in', value: { parameter: 'classes' } }, { not: { property: 'rugged', operator: '==', value: 'none' } }] },
            { property: 'durability.testsPassed', operator: 'containsAll', value: ['drop', 'shock'] },
            { property: 'lifetime.replaceableWithCommonTools', operator: 'contains', value: 'battery' },
            { property: 'supplier.refurbishmentQa', operator: 'exists' },
            { property: 'service.take_back.durationYears', operator: '>', value: 2.5, unit: 'years' },
            { ecolabel: { scheme: 'TCO_CERTIFIED', minVersion: '10' } },
            { declared: 'no-forced-labour' },
          ],
        },
      }),
      criterion({
        id: 'C-1',
        type: 'AC',
        level: 'comprehensive',
        appliesTo: { categories: ['desktop', 'notebook'] },
        scoring: {
          maxPoints: 10,
          bands: [
            {
              when: {
                property: 'energy.tecKWhPerYear',
                operator: '>=',
                value: 20,
                unit: 'percent',
                relativeTo: { baseline: 'energy.tecLimitKWhPerYear', mode: 'percentBelow' },
              },
              fractionOfMax: 1,
            },
            { when: { property: 'lifetime.repairability.value', operator: '>=', value: 7 }, fractionOfMax: 0.5 },
          ],
        },
      }),
    ],
  };
}

/** The valid set with criterion `index` changed. */
function broken(index: number, change: (c: CriterionDefinition) => void): CriterionSetDefinition {
  const set = validSet();
  change(set.criteria[index]!);
  return set;
}

function withRule(rule: RuleNode, extra: Partial<CriterionDefinition> = {}): CriterionSetDefinition {
  return broken(0, (c) => Object.assign(c, { rule, ...extra }));
}

const pointers = (set: CriterionSetDefinition): string[] => checkCriterionSet(set, vocabulary).map((e) => e.pointer);

describe('buildOfferVocabulary', () => {
  const ok = (r: PropertyResolution) => (r.ok ? r.alternatives : `not ok: ${r.reason}`);

  it('resolves ProductDeclaration paths, following $ref, oneOf and const', () => {
    expect(ok(vocabulary.resolve('battery.cyclesAt80pct'))).toEqual([{ kind: 'integer' }]);
    expect(ok(vocabulary.resolve('energy.euEnergyClass'))).toEqual([{ kind: 'string', enum: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] }]);
    expect(ok(vocabulary.resolve('category'))).toEqual([{ kind: 'string', enum: expect.arrayContaining(['notebook', 'print_service']) }]);
    expect(ok(vocabulary.resolve('durability.testsPassed'))).toEqual([
      { kind: 'array', items: [{ kind: 'string', enum: ['drop', 'shock', 'vibration', 'screen_resilience', 'temperature_stress'] }] },
    ]);
    expect(ok(vocabulary.resolve('lifetime.repairability.value'))).toEqual([{ kind: 'string' }, { kind: 'number' }]);
    expect(ok(vocabulary.resolve('materials.svhcAbove0_1pct'))).toEqual([{ kind: 'string', enum: ['none'] }]);
    expect(ok(vocabulary.resolve('materials.svhcAbove0_1pct.substances'))).toEqual([{ kind: 'array', items: [] }]);
  });

  it('resolves an object path with no value alternatives (only "exists" can test it)', () => {
    expect(ok(vocabulary.resolve('durability.dropTest'))).toEqual([]);
  });

  it('resolves supplier.<field> in SupplierInfo and service.<kind>.<field> in ServiceDeclaration', () => {
    expect(ok(vocabulary.resolve('supplier.iso14001'))).toEqual([{ kind: 'boolean' }]);
    expect(ok(vocabulary.resolve('supplier.refurbishmentQa.standard'))).toEqual([{ kind: 'string' }]);
    expect(ok(vocabulary.resolve('service.take_back.durationYears'))).toEqual([{ kind: 'number' }]);
    expect(ok(vocabulary.resolve('service.colocation.dcKpis.ref'))).toEqual([{ kind: 'number' }]);
    expect(ok(vocabulary.resolve('service.repair_service.endDestinationReporting.frequency'))).toEqual([
      { kind: 'string', enum: ['quarterly', 'annual', 'end_of_contract'] },
    ]);
    expect(vocabulary.serviceKinds).toEqual(['take_back', 'data_sanitisation', 'repair_service', 'refurbishment', 'colocation', 'cloud', 'print_service']);
  });

  it('rejects unknown paths with a reason naming the culprit', () => {
    expect(vocabulary.resolve('battery.cyclesAt81pct')).toEqual({ ok: false, reason: expect.stringContaining('"cyclesAt81pct" is not a property') });
    expect(vocabulary.resolve('supplier.iso14001.year')).toEqual({ ok: false, reason: expect.stringContaining('"year"') });
    expect(vocabulary.resolve('supplier')).toEqual({ ok: false, reason: expect.stringContaining('"supplier" needs a field') });
    expect(vocabulary.resolve('supplier.durationYears')).toEqual({ ok: false, reason: expect.stringContaining('"durationYears"') });
    expect(vocabulary.resolve('service.teleport.durationYears')).toEqual({ ok: false, reason: expect.stringContaining('service kind "teleport" is not one of [take_back') });
    expect(vocabulary.resolve('service.take_back')).toEqual({ ok: false, reason: '"service.take_back" needs a field' });
    expect(vocabulary.resolve('service.take_back.iso14001')).toEqual({ ok: false, reason: expect.stringContaining('"iso14001"') });
    expect(vocabulary.resolve('battery.constructor').ok).toBe(false);
    expect(vocabulary.resolve('battery.__proto__').ok).toBe(false);
  });

  it('memoises resolutions', () => {
    const fresh = buildOfferVocabulary(schemas);
    const first = fresh.resolve('battery.userReplaceable');
    expect(first.ok).toBe(true);
    expect(fresh.resolve('battery.userReplaceable')).toBe(first);
  });

  it('refuses a contract without the offer schemas or with a dangling $ref', () => {
    expect(() => buildOfferVocabulary({})).toThrow('no schema "ProductDeclaration"');
    const dangling = { ...schemas, ProductDeclaration: { type: 'object', properties: { x: { $ref: '#/components/schemas/Nope' } } } };
    expect(() => buildOfferVocabulary(dangling).resolve('x')).toThrow('no schema "Nope"');
  });
});

describe('walkRule / criterionRules', () => {
  it('visits every leaf with its JSON Pointer, in document order', () => {
    const seen: string[] = [];
    const c = validSet().criteria[0]!;
    for (const root of criterionRules(c, '/criteria/0')) walkRule(root.node, (_leaf, pointer) => seen.push(pointer), root.pointer);
    expect(seen).toEqual([
      '/criteria/0/rule/all/0',
      '/criteria/0/rule/all/1/any/0',
      '/criteria/0/rule/all/1/any/1/not',
      ...[2, 3, 4, 5, 6, 7].map((i) => `/criteria/0/rule/all/${i}`),
      '/criteria/0/appliesTo/condition',
    ]);
    expect(criterionRules(validSet().criteria[1]!, '/criteria/1').map((r) => r.pointer)).toEqual([
      '/criteria/1/scoring/bands/0/when',
      '/criteria/1/scoring/bands/1/when',
    ]);
  });
});

describe('checkCriterionSet', () => {
  it('accepts a sound set', () => {
    expect(checkCriterionSet(validSet(), vocabulary)).toEqual([]);
  });

  it('rejects a criterion id used twice, pointing at the second one', () => {
    expect(checkCriterionSet(broken(1, (c) => (c.id = 'C-0')), vocabulary)).toEqual([
      { pointer: '/criteria/1/id', reason: 'criterion id "C-0" is already used by /criteria/0' },
    ]);
  });

  it('rejects a level outside the ambitionLevels and a category outside the productCategories', () => {
    expect(pointers(broken(1, (c) => (c.level = 'spearhead')))).toEqual(['/criteria/1/level']);
    expect(checkCriterionSet(broken(1, (c) => (c.appliesTo.categories = ['desktop', 'server'])), vocabulary)).toEqual([
      { pointer: '/criteria/1/appliesTo/categories/1', reason: 'category "server" is not in the set\'s productCategories [notebook, desktop]' },
    ]);
  });

  it('rejects property paths that do not resolve, wherever they are', () => {
    const unknown = { property: 'battery.cyclesAt81pct', operator: '>=', value: 300, unit: 'cycles' } as const;
    expect(pointers(withRule({ any: [unknown] }))).toEqual(['/criteria/0/rule/any/0/property']);
    expect(pointers(broken(0, (c) => (c.appliesTo.condition = { not: { property: 'battery.hasBatery', operator: 'exists' } })))).toEqual([
      '/criteria/0/appliesTo/condition/not/property',
    ]);
    expect(pointers(broken(1, (c) => (c.scoring!.bands[1]!.when = unknown)))).toEqual(['/criteria/1/scoring/bands/1/when/property']);
    const ceiling = broken(1, (c) => {
      c.scoring!.bands[0]!.when = { ...c.scoring!.bands[0]!.when, relativeTo: { baseline: 'energy.tecCeiling', mode: 'percentBelow' } };
    });
    expect(checkCriterionSet(ceiling, vocabulary)).toEqual([
      {
        pointer: '/criteria/1/scoring/bands/0/when/relativeTo/baseline',
        reason: expect.stringContaining('baseline "energy.tecCeiling" does not resolve'),
      },
    ]);
  });

  it.each([
    ['a string against an integer', 'value', { property: 'battery.cyclesAt80pct', operator: '>=', value: '300' }],
    ['a fraction against an integer', 'value', { property: 'battery.cyclesAt80pct', operator: '>=', value: 299.5 }],
    ['a number against a boolean', 'value', { property: 'battery.userReplaceable', operator: '==', value: 1 }],
    ['a value outside the enum', 'value', { property: 'energy.euEnergyClass', operator: '==', value: 'A+++' }],
    ['"in" with a single string', 'value', { property: 'energy.euEnergyClass', operator: 'in', value: 'A' }],
    ['"in" with a value outside the enum', 'value', { property: 'energy.euEnergyClass', operator: 'in', value: ['A', 'Z'] }],
    ['"contains" with an item outside the enum', 'value', { property: 'durability.testsPassed', operator: 'contains', value: 'bite' }],
    ['"containsAll" with a single string', 'value', { property: 'durability.testsPassed', operator: 'containsAll', value: 'drop' }],
    ['"exists" with a value', 'value', { property: 'battery.userReplaceable', operator: 'exists', value: true }],
    ['an order operator on a boolean', 'operator', { property: 'battery.userReplaceable', operator: '>=', value: true }],
    ['"contains" on a string', 'operator', { property: 'battery.testStandard', operator: 'contains', value: 'IEC' }],
    ['an order operator on a string', 'operator', { property: 'energy.euEnergyClass', operator: '<', value: 'C' }],
    ['a comparison of an object', 'operator', { property: 'durability.dropTest', operator: '==', value: true }],
  ] as const)('rejects %s at /rule/%s', (_name, where, rule) => {
    expect(pointers(withRule(rule as RuleNode))).toEqual([`/criteria/0/rule/${where}`]);
  });

  it('names the comparison and the property type in the reason', () => {
    expect(checkCriterionSet(withRule({ property: 'battery.cyclesAt80pct', operator: '>=', value: '300' }), vocabulary)).toEqual([
      { pointer: '/criteria/0/rule/value', reason: 'battery.cyclesAt80pct >= "300" does not fit the property type integer' },
    ]);
  });

  it('rejects relativeTo with a non-numeric property or baseline, a non-order operator or a non-number', () => {
    const relativeTo = { baseline: 'energy.tecLimitKWhPerYear', mode: 'percentBelow' } as const;
    expect(pointers(withRule({ property: 'energy.euEnergyClass', operator: '>=', value: 10, relativeTo }))).toEqual(['/criteria/0/rule/property']);
    expect(pointers(withRule({ property: 'energy.tecKWhPerYear', operator: '>=', value: 10, relativeTo: { ...relativeTo, baseline: 'energy.energyStarVersion' } }))).toEqual([
      '/criteria/0/rule/relativeTo/baseline',
    ]);
    expect(pointers(withRule({ property: 'energy.tecKWhPerYear', operator: 'in', value: ['10'], relativeTo }))).toEqual(['/criteria/0/rule/operator']);
    expect(pointers(withRule({ property: 'energy.tecKWhPerYear', operator: '>=', value: '10', relativeTo }))).toEqual(['/criteria/0/rule/value']);
  });

  it('rejects a parameter that is not declared, or whose type does not fit the property', () => {
    expect(checkCriterionSet(withRule({ property: 'battery.cyclesAt80pct', operator: '>=', value: { parameter: 'cyclez' } }), vocabulary)).toEqual([
      { pointer: '/criteria/0/rule/value/parameter', reason: 'parameter "cyclez" is not declared in the criterion\'s parameters' },
    ]);
    expect(pointers(withRule({ property: 'battery.userReplaceable', operator: '==', value: { parameter: 'cycles' } }))).toEqual(['/criteria/0/rule/value']);
    // The integer property takes a number parameter only when its default is whole.
    const fractional = broken(0, (c) => (c.parameters![0]!.default = 499.5));
    expect(pointers(fractional)).toEqual(['/criteria/0/rule/all/0/value']);
    // Every allowed value of a string parameter must lie in the property's enum.
    const outside = broken(0, (c) => (c.parameters![1]!.allowed = ['A', 'A+']));
    expect(pointers(outside)).toEqual(['/criteria/0/rule/all/1/any/0/value']);
  });

  it("rejects a parameter default of another type than the parameter's, and parameters declared twice", () => {
    expect(checkCriterionSet(broken(0, (c) => (c.parameters![0]!.default = '500')), vocabulary)).toContainEqual({
      pointer: '/criteria/0/parameters/0/default',
      reason: 'default "500" is not of the parameter\'s type number',
    });
    expect(pointers(broken(0, (c) => (c.parameters![1]!.default = ['A', 1] as unknown as string[])))).toEqual(['/criteria/0/parameters/1/default']);
    expect(pointers(broken(0, (c) => (c.parameters![1]!.name = 'cycles')))).toContainEqual('/criteria/0/parameters/1/name');
  });

  it("rejects a declaration rule naming no statement of the criterion, and statements declared twice", () => {
    expect(checkCriterionSet(withRule({ not: { declared: 'no-child-labour' } }), vocabulary)).toEqual([
      { pointer: '/criteria/0/rule/not/declared', reason: 'statement "no-child-labour" is not in the criterion\'s statements' },
    ]);
    expect(pointers(withRule({ declared: 'no-forced-labour' }, { statements: [] }))).toEqual(['/criteria/0/rule/declared']);
    const twice = broken(0, (c) => c.statements!.push({ id: 'no-forced-labour', text: 'Again.' }));
    expect(pointers(twice)).toEqual(['/criteria/0/statements/1/id']);
  });

  it('accepts ecolabel rules as they are', () => {
    expect(checkCriterionSet(withRule({ any: [{ ecolabel: { scheme: 'EPEAT', minTier: 'gold' } }, { ecolabel: { scheme: 'OTHER_TYPE1' } }] }), vocabulary)).toEqual([]);
  });

  it('reports every problem of a set, not only the first', () => {
    const set = validSet();
    set.criteria[0]!.level = 'spearhead';
    set.criteria[1]!.scoring!.bands[1]!.when = { property: 'nope', operator: 'exists' };
    expect(pointers(set)).toEqual(['/criteria/0/level', '/criteria/1/scoring/bands/1/when/property']);
  });
});
