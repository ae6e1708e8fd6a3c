import { criteriaPaths, criteriaStatements, fieldSpecs, type ContractDocument } from '../../../console/src/lib/offer-fields';
import type { CriterionDefinition } from '../../../console/src/api/types';
import { contractDocument } from '../../support/contract';

const doc = contractDocument as unknown as ContractDocument;

describe('console offer form: the fields a profile asks for, typed from the contract', () => {
  it('collects the paths of rules, award bands and applicability conditions, and the statements', () => {
    const criteria = [
      { rule: { all: [{ property: 'battery.cyclesAt80pct', operator: '>=', value: 300 }, { not: { property: 'rugged', operator: '==', value: 'none' } }] }, appliesTo: { categories: ['notebook'], condition: { property: 'battery.hasBattery', operator: '==', value: true } } },
      { scoring: { maxPoints: 10, bands: [{ when: { property: 'energy.tecKWhPerYear', operator: '<=', value: 10, relativeTo: { baseline: 'energy.energyStarTecLimitKWhPerYear', mode: 'percentBelow' } }, fractionOfMax: 1 }] }, appliesTo: { categories: ['notebook'] } },
      { rule: { declared: 'take-back' }, statements: [{ id: 'take-back', text: 'We take it back.' }], appliesTo: { categories: ['notebook'] } },
    ] as unknown as CriterionDefinition[];
    expect(criteriaPaths(criteria).sort()).toEqual(['battery.cyclesAt80pct', 'battery.hasBattery', 'energy.energyStarTecLimitKWhPerYear', 'energy.tecKWhPerYear', 'rugged']);
    expect(criteriaStatements(criteria)).toEqual([{ id: 'take-back', text: 'We take it back.' }]);
  });

  it('types each field from the offer schemas, adds what an object requires, and keeps unknown paths as JSON', () => {
    const specs = fieldSpecs(doc, ['battery.cyclesAt80pct', 'durability.dropTest.heightCm', 'rugged', 'supplier.iso14001', 'service.take_back.durationYears', 'lifetime.repairability.value', 'category', 'no.such']);
    const byPath = Object.fromEntries(specs.map(({ description: _d, ...s }) => [s.path, s]));
    expect(byPath).toEqual({
      'battery.cyclesAt80pct': { path: 'battery.cyclesAt80pct', kind: 'integer', min: 0, max: 10000 },
      'battery.hasBattery': { path: 'battery.hasBattery', kind: 'boolean' },
      'durability.dropTest.heightCm': { path: 'durability.dropTest.heightCm', kind: 'number', min: 0, max: 300 },
      'durability.dropTest.standard': { path: 'durability.dropTest.standard', kind: 'string' },
      'durability.dropTest.passed': { path: 'durability.dropTest.passed', kind: 'boolean' },
      rugged: { path: 'rugged', kind: 'enum', options: ['none', 'semi', 'full'] },
      'supplier.iso14001': { path: 'supplier.iso14001', kind: 'boolean' },
      'supplier.name': { path: 'supplier.name', kind: 'string' },
      'service.take_back.durationYears': { path: 'service.take_back.durationYears', kind: 'number', min: 0, max: 50 },
      'lifetime.repairability.scheme': { path: 'lifetime.repairability.scheme', kind: 'string' },
      'lifetime.repairability.value': { path: 'lifetime.repairability.value', kind: 'stringOrNumber' },
      'no.such': { path: 'no.such', kind: 'json' },
    });
  });
});
