import { randomUUID } from 'node:crypto';
import type { CriterionSetDefinition } from '../../src/domain/catalogue/catalogue.types';

/** A small, valid set with ids of its own, so tests never collide with each other or the seeds. */
export function draftSet(overrides: Partial<CriterionSetDefinition> = {}): CriterionSetDefinition {
  const tag = randomUUID().slice(0, 8);
  return {
    id: `test-set-${tag}`,
    title: 'Test criteria for notebooks',
    publisher: 'Test procurement agency',
    version: '2026-11',
    productCategories: ['notebook', 'tablet'],
    ambitionLevels: ['core', 'comprehensive'],
    cpvCodes: ['30213100-6'],
    eforms: { bt805: 'national' },
    criteria: [
      {
        id: `T-${tag}-BATTERY`,
        sourceCode: 'B1',
        title: 'Battery endurance',
        summary: 'The battery keeps at least 80 % of its capacity after 500 full cycles.',
        theme: 'battery',
        stage: 'technicalSpecification',
        type: 'TS',
        level: 'core',
        scope: 'product',
        appliesTo: { categories: ['notebook', 'tablet'], condition: { property: 'battery.hasBattery', operator: '==', value: true } },
        rule: { property: 'battery.cyclesAt80pct', operator: '>=', value: 500, unit: 'cycles' },
        verification: { acceptedEvidence: ['test_report'], testStandards: ['IEC EN 61960-3:2017'], equivalentAccepted: true },
        eforms: { bt774: ['circ-econ'] },
        source: { document: 'Test document', clause: '4.2', url: 'https://example.org/criteria' },
        review: { passages: [{ quote: 'The battery shall keep 80 % after 500 cycles (core, technical specification).', url: 'https://example.org/criteria', readOn: '2026-12-05', text: 'final', supports: ['requirement', 'level', 'type'] }], reviewedOn: '2026-12-05' },
        confidence: 'verified',
      },
      {
        id: `T-${tag}-WARRANTY`,
        title: 'Longer warranty, "award"',
        summary: 'Points for every year of warranty beyond three, with commas, quotes and\nnew lines.',
        theme: 'lifetimeExtension',
        stage: 'award',
        type: 'AC',
        level: 'comprehensive',
        scope: 'product',
        appliesTo: { categories: ['notebook'] },
        scoring: {
          maxPoints: 'procurerDefined',
          bands: [
            { when: { property: 'lifetime.warrantyYears', operator: '>=', value: { parameter: 'topYears' }, unit: 'years' }, fractionOfMax: 1 },
            { when: { property: 'lifetime.warrantyYears', operator: '>=', value: 4, unit: 'years' }, fractionOfMax: 0.5, label: '4 years' },
          ],
        },
        parameters: [{ name: 'topYears', description: 'Years for full points', type: 'number', unit: 'years', default: 5 }],
        verification: { acceptedEvidence: ['contract_document'], equivalentAccepted: false },
        source: { document: 'Test document' },
        confidence: 'unverified',
        notes: '=SUM(A1) must not run as a formula in a spreadsheet',
      },
    ],
    ...overrides,
  };
}
