/**
 * Unit tests of evaluateCriterion (applicability, guidance, presumption of conformity, rules,
 * award bands, via/evidenceUsed), of the rendered `expected` text and of summarise.
 */
import type { CriterionDefinition, RuleNode } from '../../../../src/domain/catalogue/catalogue.types';
import type { CriterionResult, EcolabelClaim, EvaluationInput, Outcome, ProductDeclaration, ProfileCriterion } from '../../../../src/domain/compliance/compliance.types';
import { summarise } from '../../../../src/domain/compliance/assessment.summary';
import { evaluateCriterion } from '../../../../src/domain/compliance/criterion.evaluator';
import { renderExpected, renderRule } from '../../../../src/domain/compliance/rule.renderer';

const DATE = '2026-03-01';
const CYCLES: RuleNode = { property: 'battery.cyclesAt80pct', operator: '>=', value: 300, unit: 'cycles' };

function criterion(overrides: Partial<CriterionDefinition> = {}): CriterionDefinition {
  return {
    id: 'C-1', title: 'Battery endurance', summary: 'The battery keeps 80 % after 300 cycles.', theme: 'battery',
    stage: 'technicalSpecification', type: 'TS', level: 'core', scope: 'product',
    appliesTo: { categories: ['notebook', 'tablet'] }, rule: CYCLES,
    verification: { acceptedEvidence: ['test_report', 'supplier_declaration'], equivalentAccepted: true },
    source: { document: 'Test' }, confidence: 'verified', ...overrides,
  };
}

function pc(c: CriterionDefinition, extra: Partial<ProfileCriterion> = {}): ProfileCriterion {
  return { setId: 'set-1', setVersion: '1', criterion: c, parameters: {}, ...extra };
}

function input(item: Partial<ProductDeclaration> = {}): EvaluationInput {
  return { item: { category: 'notebook', manufacturer: 'Acme', model: 'X1', ...item }, supplier: { name: 'S' }, services: [], assessmentDate: DATE };
}

const battery = (cycles?: number, hasBattery = true) => ({ battery: { hasBattery, ...(cycles === undefined ? {} : { cyclesAt80pct: cycles }) } });

describe('evaluateCriterion: applicability and kinds', () => {
  it('fills the identity fields on every result', () => {
    const r = evaluateCriterion(pc(criterion()), input(battery(300)));
    expect(r).toMatchObject({ criterionId: 'C-1', setId: 'set-1', title: 'Battery endurance', type: 'TS', outcome: 'pass', expected: 'battery.cyclesAt80pct ≥ 300 cycles' });
    expect(r.observed).toEqual({ 'battery.cyclesAt80pct': 300 });
  });

  it('is not_applicable for another category', () => {
    const r = evaluateCriterion(pc(criterion()), input({ category: 'server', ...battery(10) }));
    expect(r.outcome).toBe('not_applicable');
    expect(r.observed).toEqual({});
  });

  it('is not_applicable when the condition is false, and evaluates anyway when it is unknown', () => {
    const c = criterion({ appliesTo: { categories: ['notebook'], condition: { property: 'battery.hasBattery', operator: '==', value: true } } });
    expect(evaluateCriterion(pc(c), input(battery(10, false))).outcome).toBe('not_applicable');
    const unknown = evaluateCriterion(pc(c), input({ battery: { cyclesAt80pct: 500 } }));
    expect(unknown.outcome).toBe('pass');
    expect(unknown.messages?.join()).toMatch(/applicability could not be confirmed.*battery\.hasBattery/);
    const missing = evaluateCriterion(pc(c), input());
    expect(missing.outcome).toBe('evidence_missing');
    expect(missing.missing).toEqual([{ criterionId: 'C-1', property: 'battery.cyclesAt80pct', acceptedEvidence: ['test_report', 'supplier_declaration'] }]);
  });

  it('does not evaluate guidance or criteria without a rule', () => {
    const guidance = evaluateCriterion(pc(criterion({ type: 'guidance' })), input(battery(300)));
    expect(guidance.outcome).toBe('not_evaluated');
    expect(guidance.messages).toEqual(['guidance for the procurer']);
    const manual = evaluateCriterion(pc(criterion({ rule: undefined })), input(battery(300)));
    expect(manual.outcome).toBe('not_evaluated');
    expect(manual.messages).toEqual(['no machine-checkable rule; verify manually: test_report, supplier_declaration']);
    expect(manual.expected).toBe('The battery keeps 80 % after 300 cycles.');
  });

  it('maps true/false/unknown to pass/fail/evidence_missing', () => {
    expect(evaluateCriterion(pc(criterion()), input(battery(300))).outcome).toBe('pass');
    expect(evaluateCriterion(pc(criterion()), input(battery(299))).outcome).toBe('fail');
    const r = evaluateCriterion(pc(criterion()), input(battery()));
    expect(r.outcome).toBe('evidence_missing');
    expect(r.via).toBeUndefined();
  });

  it('lists statements and labels that would settle the criterion', () => {
    const c = criterion({ rule: { all: [{ declared: 'take-back' }, { ecolabel: { scheme: 'EPEAT', minTier: 'silver' } }, CYCLES] }, statements: [{ id: 'take-back', text: 'We take back.' }] });
    const r = evaluateCriterion(pc(c), input(battery(400)));
    expect(r.outcome).toBe('evidence_missing');
    expect(r.missing?.map(({ statement, ecolabel, property }) => statement ?? ecolabel ?? property)).toEqual(['take-back', 'EPEAT']);
  });
});

describe('evaluateCriterion: presumption of conformity', () => {
  const basis = { quote: 'test basis', url: 'https://example.org/tco', readOn: '2026-12-05', text: 'final' as const };
  const c = criterion({ verification: { acceptedEvidence: ['ecolabel_certificate', 'test_report'], equivalentAccepted: true, presumptionByLabel: [{ scheme: 'TCO_CERTIFIED', minVersion: '9', basis }] } });
  // A certificate for the item of input(): manufacturer Acme, model X1.
  const claim = (extra: Partial<EcolabelClaim>): EcolabelClaim => ({ scheme: 'TCO_CERTIFIED', version: '9', certificateId: 'TCO-123', validUntil: '2027-01-01', covers: { manufacturer: 'Acme', models: ['X1'] }, ...extra });

  it('presumes conformity where the declared data leave the rule open', () => {
    const r = evaluateCriterion(pc(c), input({ ...battery(), ecolabels: [claim({})] }));
    expect(r).toMatchObject({ outcome: 'pass', via: 'ecolabel_presumption', verification: 'presumed', evidenceUsed: ['TCO-123'] });
    expect(r.missing).toBeUndefined();
  });

  it('lets a declared failing value decide over the label, and flags the conflict', () => {
    const r = evaluateCriterion(pc(c), input({ ...battery(10), ecolabels: [claim({})] }));
    expect(r).toMatchObject({ outcome: 'fail', conflict: true, via: 'declaration', verification: 'declared' });
    expect(r.messages?.join()).toMatch(/declared data fail the criterion although TCO-123 presumes conformity/);
    expect(summarise([r]).conflicts).toBe(1);
  });

  it('does not apply a certificate that does not identify the item, and says why', () => {
    const other = evaluateCriterion(pc(c), input({ ...battery(), ecolabels: [claim({ covers: { manufacturer: 'Acme', models: ['X2'] } })] }));
    expect(other.outcome).toBe('evidence_missing');
    expect(other.messages?.join()).toMatch(/TCO_CERTIFIED claim TCO-123 does not identify the offered item/);
    const unbound = evaluateCriterion(pc(c), input({ ...battery(), ecolabels: [claim({ covers: undefined })] }));
    expect(unbound.outcome).toBe('evidence_missing');
  });

  it('identifies the item by certificate id among its identifiers, by a shared GTIN, or by manufacturer and model', () => {
    const byId = input({ ...battery(), identifiers: { tcoCertificateId: 'tco-123' }, ecolabels: [claim({ covers: undefined })] });
    expect(evaluateCriterion(pc(c), byId).outcome).toBe('pass');
    const byGtin = input({ ...battery(), identifiers: { gtin: ['04012345678901'] }, ecolabels: [claim({ certificateId: 'Z', covers: { gtins: ['4012345678901'] } })] });
    expect(evaluateCriterion(pc(c), byGtin).outcome).toBe('pass');
    const byModel = input({ ...battery(), model: 'X 1', ecolabels: [claim({ covers: { manufacturer: 'ACME', models: ['x-1'] } })] });
    expect(evaluateCriterion(pc(c), byModel).outcome).toBe('pass');
  });

  it('gives no presumption without a validity date, before validFrom, or when expired', () => {
    const undated = evaluateCriterion(pc(c), input({ ...battery(), ecolabels: [claim({ validUntil: undefined })] }));
    expect(undated.outcome).toBe('evidence_missing');
    expect(undated.messages).toContain('TCO_CERTIFIED claim TCO-123 has no validity date (validUntil): not applied');
    const early = evaluateCriterion(pc(c), input({ ...battery(), ecolabels: [claim({ validFrom: '2026-06-01' })] }));
    expect(early.messages?.join()).toMatch(/valid only from 2026-06-01/);
    const expired = evaluateCriterion(pc(c), input({ ...battery(10), ecolabels: [claim({ validUntil: '2025-01-31', certificateId: 'X' })] }));
    expect(expired).toMatchObject({ outcome: 'fail', via: 'declaration' });
    expect(expired.conflict).toBeUndefined();
    expect(expired.messages).toContain('TCO_CERTIFIED claim X expired on 2025-01-31 and is not accepted');
  });

  it('checks validity over the delivery date and the contract period when the tender gives them', () => {
    const at = (extra: Partial<EvaluationInput>) => evaluateCriterion(pc(c), { ...input({ ...battery(), ecolabels: [claim({ validUntil: '2027-01-01' })] }), ...extra });
    expect(at({ deliveryDate: '2026-12-31' }).outcome).toBe('pass');
    const late = at({ deliveryDate: '2027-03-01' });
    expect(late.outcome).toBe('evidence_missing');
    expect(late.messages).toContain('TCO_CERTIFIED claim TCO-123 is valid until 2027-01-01, before the delivery date (2027-03-01): not applied');
    expect(at({ deliveryDate: '2026-06-01', contractEndDate: '2028-06-30' }).messages?.join()).toMatch(/before the end of the contract \(2028-06-30\)/);
  });

  it('does not accept a registration for another market when the tender names its country', () => {
    const registered = (markets: string[]) => ({ ...input({ ...battery(), ecolabels: [claim({ markets })] }), country: 'SE' });
    expect(evaluateCriterion(pc(c), registered(['SE', 'NO'])).outcome).toBe('pass');
    const us = evaluateCriterion(pc(c), registered(['US']));
    expect(us.outcome).toBe('evidence_missing');
    expect(us.messages?.join()).toMatch(/registered for US, not for SE/);
    expect(evaluateCriterion(pc(c), input({ ...battery(), ecolabels: [claim({ markets: ['US'] })] })).outcome).toBe('pass');
  });

  it('falls through when the version is too low', () => {
    expect(evaluateCriterion(pc(c), input({ ...battery(), ecolabels: [claim({ version: '8' })] })).outcome).toBe('evidence_missing');
    expect(evaluateCriterion(pc(c), input({ ...battery(400), ecolabels: [claim({ version: '8' })] })).via).toBe('declaration');
  });

  it('gives an award criterion full points when it presumes conformity and the declared data leave the bands open', () => {
    const ac = criterion({ ...c, type: 'AC', rule: undefined, scoring: { maxPoints: 10, bands: [{ when: CYCLES, fractionOfMax: 1 }] } });
    expect(evaluateCriterion(pc(ac), input({ ...battery(), ecolabels: [claim({})] }))).toMatchObject({ outcome: 'pass', points: 10, verification: 'presumed' });
    expect(evaluateCriterion(pc(ac), input({ ...battery(10), ecolabels: [claim({})] }))).toMatchObject({ outcome: 'fail', points: 0, conflict: true });
  });
});

describe('evaluateCriterion: verification state', () => {
  const onlyReports = criterion({ verification: { acceptedEvidence: ['test_report'], equivalentAccepted: true } });

  it('is pending verification when a pass rests on a declaration the criterion does not accept', () => {
    const r = evaluateCriterion(pc(onlyReports), input(battery(300)));
    expect(r).toMatchObject({ outcome: 'pass', verification: 'declared', pendingVerification: true, verifyWith: ['test_report'] });
    expect(summarise([r]).toVerify).toEqual([{ criterionId: 'C-1', acceptedEvidence: ['test_report'], reason: expect.stringContaining('declaration') }]);
  });

  it('is evidenced by a listed document of an accepted kind, and declared (not pending) where declarations are accepted', () => {
    const evidenced = evaluateCriterion(pc(onlyReports), input({ ...battery(300), evidence: [{ kind: 'test_report', ref: 'TR-1', covers: ['C-1'] }] }));
    expect(evidenced).toMatchObject({ outcome: 'pass', verification: 'evidenced' });
    expect(evidenced.pendingVerification).toBeUndefined();
    const declarationOk = evaluateCriterion(pc(criterion()), input(battery(300)));
    expect(declarationOk).toMatchObject({ verification: 'declared' });
    expect(declarationOk.pendingVerification).toBeUndefined();
    // A document of a kind the criterion does not list does not establish it.
    const wrongKind = evaluateCriterion(pc(onlyReports), input({ ...battery(300), evidence: [{ kind: 'technical_file', ref: 'TF', covers: ['C-1'] }] }));
    expect(wrongKind.pendingVerification).toBe(true);
  });

  it('never marks a fail as pending: the supplier declared against its own interest', () => {
    const r = evaluateCriterion(pc(onlyReports), input(battery(10)));
    expect(r).toMatchObject({ outcome: 'fail', verification: 'declared' });
    expect(r.pendingVerification).toBeUndefined();
  });
});

describe('evaluateCriterion: applicability in time and supply', () => {
  it('is not_applicable before effectiveFrom and after effectiveUntil, on the delivery date when given', () => {
    const c = criterion({ effectiveFrom: '2027-02-18', effectiveUntil: '2030-12-31' });
    const before = evaluateCriterion(pc(c), input(battery(10)));
    expect(before).toMatchObject({ outcome: 'not_applicable', effectiveFrom: '2027-02-18' });
    expect(before.messages).toEqual(['applies from 2027-02-18, after the assessment date 2026-03-01']);
    expect(evaluateCriterion(pc(c), { ...input(battery(10)), deliveryDate: '2027-03-01' }).outcome).toBe('fail');
    expect(evaluateCriterion(pc(c), { ...input(battery(10)), deliveryDate: '2031-01-01' }).messages).toEqual(['applied until 2030-12-31, before the delivery date 2031-01-01']);
    expect(evaluateCriterion(pc(c), { ...input(battery(10)), assessmentDate: '2027-02-18' }).outcome).toBe('fail');
  });

  it('applies refurbished-only criteria to refurbished items only, and new-only criteria to new ones', () => {
    const refurb = criterion({ appliesTo: { categories: ['notebook'], supply: 'refurbished' } });
    expect(evaluateCriterion(pc(refurb), input(battery(10))).outcome).toBe('not_applicable');
    expect(evaluateCriterion(pc(refurb), input({ ...battery(10), isRefurbished: true })).outcome).toBe('fail');
    expect(evaluateCriterion(pc(refurb), { ...input(battery(10)), lotSupply: 'refurbished' }).outcome).toBe('fail');
    expect(evaluateCriterion(pc(refurb), { ...input({ ...battery(10), isRefurbished: false }), lotSupply: 'refurbished' }).outcome).toBe('not_applicable');
    const fresh = criterion({ appliesTo: { categories: ['notebook'], supply: 'new' } });
    expect(evaluateCriterion(pc(fresh), input({ ...battery(10), isRefurbished: true })).messages).toEqual(['applies only to new devices; the item is refurbished']);
  });
});

describe('evaluateCriterion: via and evidenceUsed', () => {
  it('uses test_report when a test report covers the criterion or a property the rule read', () => {
    const byId = evaluateCriterion(pc(criterion()), input({ ...battery(300), evidence: [{ kind: 'test_report', ref: 'TR-1', covers: ['C-1'] }] }));
    expect(byId).toMatchObject({ via: 'test_report', evidenceUsed: ['TR-1'] });
    const byPath = evaluateCriterion(pc(criterion()), input({ ...battery(299), evidence: [{ kind: 'test_report', ref: 'TR-2', covers: ['battery.cyclesAt80pct'] }] }));
    expect(byPath).toMatchObject({ outcome: 'fail', via: 'test_report', evidenceUsed: ['TR-2'] });
  });

  it('stays declaration with other evidence, and ignores evidence about something else', () => {
    const r = evaluateCriterion(pc(criterion()), input({
      ...battery(300),
      evidence: [
        { kind: 'supplier_declaration', ref: 'SD-1', covers: ['C-1'] },
        { kind: 'test_report', ref: 'TR-9', covers: ['energy.tecKWhPerYear', 'C-2'] },
        { kind: 'test_report', ref: 'TR-0' },
      ],
    }));
    expect(r).toMatchObject({ via: 'declaration', evidenceUsed: ['SD-1'] });
    expect(evaluateCriterion(pc(criterion()), input(battery(300))).evidenceUsed).toBeUndefined();
  });
});

describe('evaluateCriterion: award bands', () => {
  const bands = (maxPoints: number | 'procurerDefined' = 'procurerDefined') => criterion({
    type: 'AC', rule: undefined,
    scoring: { maxPoints, bands: [
      { when: { property: 'battery.cyclesAt80pct', operator: '>=', value: 1000 }, fractionOfMax: 1, label: '≥ 1 000 cycles' },
      { when: { property: 'battery.cyclesAt60pct', operator: '>=', value: 800 }, fractionOfMax: 0.6 },
      { when: { property: 'battery.cyclesAt80pct', operator: '>', value: 500 }, fractionOfMax: 0.3 },
    ] },
  });
  const cycles = (at80?: number, at60?: number) => input({ battery: { hasBattery: true, cyclesAt80pct: at80, cyclesAt60pct: at60 } });

  it('scores the first band that holds', () => {
    expect(evaluateCriterion(pc(bands(), { maxPoints: 20 }), cycles(1000, 900))).toMatchObject({ outcome: 'pass', points: 20, maxPoints: 20 });
    expect(evaluateCriterion(pc(bands(), { maxPoints: 20 }), cycles(999, 800))).toMatchObject({ outcome: 'pass', points: 12 });
    expect(evaluateCriterion(pc(bands(), { maxPoints: 20 }), cycles(501, 0))).toMatchObject({ outcome: 'pass', points: 6 });
  });

  it('scores the band the declared data prove when a better band is left open: what is not shown earns nothing', () => {
    const r = evaluateCriterion(pc(bands()), cycles(999, undefined));
    expect(r).toMatchObject({ outcome: 'pass', points: 3, maxPoints: 10 });
    expect(r.messages).toContain('band 2 could not be checked (not declared) and earns nothing');
    // An unknown band after the winner does not matter.
    expect(evaluateCriterion(pc(bands()), cycles(1200, undefined))).toMatchObject({ outcome: 'pass', points: 10 });
    // Nothing proven and something open: evidence missing.
    const open = evaluateCriterion(pc(bands()), input({ battery: { hasBattery: true, cyclesAt80pct: 400 } }));
    expect(open).toMatchObject({ outcome: 'evidence_missing', points: 0 });
    expect(open.missing?.map((m) => m.property)).toEqual(['battery.cyclesAt60pct']);
  });

  it('fails with 0 points when no band holds and none is unknown', () => {
    expect(evaluateCriterion(pc(bands(7)), cycles(500, 100))).toMatchObject({ outcome: 'fail', points: 0, maxPoints: 7 });
  });

  it('takes maxPoints from the profile, then the criterion, then 10', () => {
    expect(evaluateCriterion(pc(bands(7), { maxPoints: 3 }), cycles(1000)).maxPoints).toBe(3);
    expect(evaluateCriterion(pc(bands(7)), cycles(1000)).maxPoints).toBe(7);
    expect(evaluateCriterion(pc(bands()), cycles(1000)).maxPoints).toBe(10);
    expect(evaluateCriterion(pc(bands()), input({ category: 'server' }))).toMatchObject({ outcome: 'not_applicable', points: 0, maxPoints: 10 });
  });

  it('requires the rule of an award criterion to hold for points to count', () => {
    const gated = { ...bands(), rule: { property: 'battery.userReplaceable', operator: '==', value: true } } as CriterionDefinition;
    const at = (userReplaceable?: boolean) => input({ battery: { hasBattery: true, cyclesAt80pct: 1000, userReplaceable } });
    expect(evaluateCriterion(pc(gated), at(true))).toMatchObject({ outcome: 'pass', points: 10 });
    expect(evaluateCriterion(pc(gated), at(false))).toMatchObject({ outcome: 'fail', points: 0 });
    expect(evaluateCriterion(pc(gated), at(undefined))).toMatchObject({ outcome: 'evidence_missing', points: 0 });
  });

  it('renders the bands with their labels', () => {
    expect(evaluateCriterion(pc(bands()), cycles(1000)).expected).toBe('bands: ≥ 1 000 cycles → 100 %; battery.cyclesAt60pct ≥ 800 → 60 %; battery.cyclesAt80pct > 500 → 30 %');
  });
});

describe('rendering', () => {
  const ctx = { parameters: { parts: ['battery', 'display'] }, statements: [{ id: 'tb', text: 'We take devices back.' }] };

  it.each<[RuleNode, string]>([
    [CYCLES, 'battery.cyclesAt80pct ≥ 300 cycles'],
    [{ property: 'energy.tecKWhPerYear', operator: '>=', value: 80, unit: 'percent', relativeTo: { baseline: 'energy.tecLimitKWhPerYear', mode: 'percentBelow' } },
      '(tecLimitKWhPerYear − tecKWhPerYear) / tecLimitKWhPerYear ≥ 80 % below energy.tecLimitKWhPerYear'],
    [{ all: [CYCLES, { any: [{ declared: 'tb' }, { not: { property: 'rugged', operator: '==', value: 'none' } }] }] },
      'all of: battery.cyclesAt80pct ≥ 300 cycles; (any of: supplier affirms "We take devices back."; not (rugged = none))'],
    [{ ecolabel: { scheme: 'TCO_CERTIFIED', minVersion: '9' } }, 'TCO_CERTIFIED label, version 9 or later'],
    [{ ecolabel: { scheme: 'EPEAT', minTier: 'silver' } }, 'EPEAT at tier silver or better'],
    [{ ecolabel: { scheme: 'BLUE_ANGEL' } }, 'BLUE_ANGEL label'],
    [{ property: 'lifetime.sparePartsList', operator: 'containsAll', value: { parameter: 'parts' } }, 'lifetime.sparePartsList contains all of battery, display'],
    [{ property: 'supplier.iso14001', operator: 'exists' }, 'exists supplier.iso14001'],
    [{ property: 'rugged', operator: 'in', value: ['semi', 'full'] }, 'rugged is one of semi, full'],
    [{ property: 'x', operator: '>=', value: { parameter: 'unset' } }, 'x ≥ <unset: not set>'],
  ])('%j → %s', (rule, text) => {
    expect(renderRule(rule, ctx)).toBe(text);
  });

  it('fills in procurer values over defaults', () => {
    const c = criterion({ rule: { property: 'lifetime.sparePartsYears', operator: '>=', value: { parameter: 'y' }, unit: 'years' }, parameters: [{ name: 'y', description: 'y', type: 'number', default: 3 }] });
    expect(renderExpected(c, {})).toBe('lifetime.sparePartsYears ≥ 3 years');
    expect(renderExpected(c, { y: 5 })).toBe('lifetime.sparePartsYears ≥ 5 years');
    expect(evaluateCriterion(pc(c, { parameters: { y: 6 } }), input()).expected).toBe('lifetime.sparePartsYears ≥ 6 years');
    expect(evaluateCriterion(pc(c, { parameters: { y: 4 } }), input()).expected).toBe('lifetime.sparePartsYears ≥ 4 years');
  });
});

describe('summarise', () => {
  const r = (type: CriterionResult['type'], outcome: Outcome, extra: Partial<CriterionResult> = {}): CriterionResult =>
    ({ criterionId: `${type}-${outcome}`, setId: 's', title: 't', type, outcome, ...extra });
  const miss = (id: string) => ({ criterionId: id, property: 'p', acceptedEvidence: ['test_report' as const] });

  it('is compliant when every mandatory criterion passes', () => {
    const s = summarise([r('TS', 'pass'), r('SC', 'pass'), r('TS', 'not_applicable'), r('CPC', 'pass'), r('guidance', 'not_evaluated')]);
    expect(s).toMatchObject({ compliant: true, mandatoryTotal: 2, mandatoryPassed: 2, mandatoryFailed: 0, mandatoryMissingEvidence: 0, clausesRefused: 0 });
    expect(s.counts).toEqual({ pass: 3, fail: 0, evidence_missing: 0, not_evaluated: 1, not_applicable: 1 });
  });

  it('is not compliant when the offer declares it will not meet a contract performance clause', () => {
    const s = summarise([r('TS', 'pass'), r('CPC', 'fail')]);
    expect(s).toMatchObject({ compliant: false, clausesRefused: 1 });
  });

  it('lists an undeclared contract clause as a commitment to obtain, not as missing evidence', () => {
    const s = summarise([r('TS', 'pass'), r('TS', 'evidence_missing', { missing: [miss('a')] }), r('CPC', 'evidence_missing', { missing: [miss('c')] })]);
    expect(s.compliant).toBe('undetermined');
    expect(s.missingEvidence).toEqual([miss('a')]);
    expect(s.commitmentsToObtain).toEqual([miss('c')]);
    expect(summarise([r('TS', 'pass'), r('CPC', 'evidence_missing', { missing: [miss('c')] })]).compliant).toBe(true);
  });

  it('is not compliant when a mandatory criterion fails', () => {
    expect(summarise([r('SC', 'fail'), r('TS', 'evidence_missing')]).compliant).toBe(false);
    expect(summarise([]).compliant).toBe(true);
  });

  it('sums award points over scored award criteria', () => {
    const s = summarise([
      r('AC', 'pass', { points: 6, maxPoints: 10 }), r('AC', 'fail', { points: 0, maxPoints: 5 }),
      r('AC', 'evidence_missing', { points: 0, maxPoints: 6, missing: [miss('b')] }), r('AC', 'not_applicable', { points: 0, maxPoints: 50 }),
    ]);
    expect(s).toMatchObject({ awardPoints: 6, awardMaxPoints: 21, awardScorePct: 28.6, missingEvidence: [miss('b')] });
    expect(summarise([r('TS', 'pass')]).awardScorePct).toBe(0);
  });
});
