import type { RuleNode, TenderProfile } from '../../../console/src/api/types';
import { comparisons, ruleWords } from '../../../console/src/lib/rule-words';
import { safeUrl } from '../../../console/src/lib/safe-url';
import { tenderText } from '../../../console/src/lib/tender-text';

describe('console: rules in plain words and the tender text', () => {
  it('writes comparisons, combinations, labels, statements and buyer parameters in words', () => {
    const rule = {
      all: [
        { property: 'battery.cyclesAt80pct', operator: '>=', value: 300, unit: 'cycles' },
        { any: [{ ecolabel: { scheme: 'TCO_CERTIFIED', minVersion: '10' } }, { not: { property: 'rugged', operator: 'in', value: ['none', 'semi'] } }] },
        { property: 'lifetime.serviceAgreementYears', operator: '>=', value: { parameter: 'years' }, unit: 'years' },
        { declared: 'take-back' },
        { property: 'energy.tecKWhPerYear', operator: '>=', value: 10, relativeTo: { baseline: 'energy.energyStarTecLimitKWhPerYear', mode: 'percentBelow' } },
        { property: 'repairManual', operator: 'exists' },
      ],
    } as RuleNode;
    const statements = [{ id: 'take-back', text: 'We take the devices back.' }];
    expect(ruleWords(rule, statements)).toBe(
      'all of: (battery.cyclesAt80pct is at least 300 cycles); (at least one of: (holds a valid TCO_CERTIFIED label of version 10 or later); (not (rugged is one of none, semi))); ' +
        '(lifetime.serviceAgreementYears is at least the value the buyer sets for “years”); (the supplier affirms “We take the devices back.”); ' +
        '(energy.tecKWhPerYear is at least 10 % below energy.energyStarTecLimitKWhPerYear); (repairManual is declared)',
    );
    expect(ruleWords({ property: 'lifetime.serviceAgreementYears', operator: '>=', value: { parameter: 'years' }, unit: 'years' }, [], { years: 5 })).toBe('lifetime.serviceAgreementYears is at least 5 (set by the buyer)');
    expect(comparisons(rule).map((c) => c.property)).toEqual(['battery.cyclesAt80pct', 'rugged', 'lifetime.serviceAgreementYears', 'energy.tecKWhPerYear', 'repairManual']);
  });

  it('groups the frozen criteria of a profile by type with requirement, points, evidence and source', () => {
    const criterion = (id: string, type: string, extra: object) => ({ id, title: `Title ${id}`, summary: `Summary ${id}.`, type, verification: { acceptedEvidence: ['test_report'], equivalentAccepted: true }, source: { document: 'Doc', clause: id }, ...extra });
    const profile = {
      id: 'p', title: 'Notebooks', category: 'notebook', level: 'core', supply: 'new', deliveryDate: '2027-03-01',
      criteria: [
        { setId: 's', setVersion: '1', mandatory: false, maxPoints: 20, parameters: {}, criterion: criterion('AC-1', 'AC', { scoring: { maxPoints: 10, bands: [] } }) },
        { setId: 's', setVersion: '1', mandatory: true, parameters: { years: 4 }, criterion: criterion('TS-1', 'TS', { rule: { property: 'lifetime.warrantyYears', operator: '>=', value: { parameter: 'years' } } }) },
      ],
    } as unknown as TenderProfile;
    expect(tenderText(profile)).toBe(
      [
        'Sustainability criteria of tender Notebooks',
        'Product category: Notebook. Ambition level: Core. Devices: New devices.',
        'Delivery date: 2027-03-01.',
        '',
        'Technical specifications (mandatory)',
        '',
        'TS-1 – Title TS-1',
        'Summary TS-1.',
        'Requirement: lifetime.warrantyYears is at least 4 (set by the buyer)',
        'Verification: test report, or equivalent',
        'Source: Doc, TS-1',
        '',
        'Award criteria',
        '',
        'AC-1 – Title AC-1',
        'Summary AC-1.',
        'Maximum points: 20',
        'Verification: test report, or equivalent',
        'Source: Doc, AC-1',
      ].join('\n') + '\n',
    );
  });

  it('links only to http(s) addresses', () => {
    expect(safeUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,<script>alert(1)</script>')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
  });
});
