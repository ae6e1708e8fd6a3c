/**
 * EU GPP criteria for data centres, server rooms and cloud services (SWD(2020) 55 final): the
 * review of 2026-12-05 and the defects it fixed. Each `defect` test fails on the data as it was
 * before the review.
 */
import { checkSeed, seedCriterion, seedProfile, seedSet } from '../../../support/seed-catalogue';

const SET = 'eu-gpp-datacentres-2020';
const set = seedSet(SET);

describe('EU GPP data centres 2020: review records', () => {
  it('every criterion has a review of 2026-12-05 that quotes the title page of SWD(2020) 55 final', () => {
    const unreviewed = set.criteria.filter(
      (c) => c.review?.reviewedOn !== '2026-12-05' || !c.review.passages.some((p) => p.text === 'final' && p.quote.includes('SWD(2020) 55 final')),
    );
    expect(unreviewed.map((c) => c.id)).toEqual([]);
  });

  it('no criterion is verified: the criteria text was not read, so each names what is missing', () => {
    expect(set.criteria.filter((c) => c.confidence === 'verified').map((c) => c.id)).toEqual([]);
    expect(set.criteria.filter((c) => (c.review?.missing ?? '').length === 0).map((c) => c.id)).toEqual([]);
  });

  it('codes, levels and types match the criterion list that was read (eForms GPP extraction)', () => {
    // code → [type, levels]; "both" entries exist at core and comprehensive.
    const listed: Record<string, [string, string[]]> = {
      SC1: ['SC', ['core', 'comprehensive']], SC2: ['SC', ['comprehensive']], SC3: ['SC', ['core', 'comprehensive']],
      TS1: ['TS', ['core', 'comprehensive']], TS2: ['TS', ['core', 'comprehensive']], TS3: ['TS', ['comprehensive']],
      TS4: ['TS', ['core', 'comprehensive']], TS5: ['TS', ['core', 'comprehensive']], TS6: ['TS', ['comprehensive']],
      TS7: ['TS', ['comprehensive']], TS8: ['TS', ['core', 'comprehensive']], TS9: ['TS', ['comprehensive']], TS10: ['TS', ['comprehensive']],
      AC1: ['AC', ['core', 'comprehensive']], AC2: ['AC', ['comprehensive']], AC3: ['AC', ['core', 'comprehensive']],
      AC4: ['AC', ['core', 'comprehensive']], AC5: ['AC', ['core', 'comprehensive']], AC6: ['AC', ['core', 'comprehensive']],
      AC7: ['AC', ['comprehensive']], AC8: ['AC', ['comprehensive']], AC9: ['AC', ['comprehensive']],
      AC10: ['AC', ['core', 'comprehensive']], AC11: ['AC', ['core']],
      CPC1: ['CPC', ['comprehensive']], CPC2: ['CPC', ['core', 'comprehensive']], CPC3: ['CPC', ['core', 'comprehensive']],
      CPC4: ['CPC', ['comprehensive']], CPC5: ['CPC', ['core', 'comprehensive']], CPC6: ['CPC', ['comprehensive']],
      CPC7: ['CPC', ['comprehensive']], CPC8: ['CPC', ['comprehensive']], CPC9: ['CPC', ['core', 'comprehensive']],
      CPC10: ['CPC', ['comprehensive']],
    };
    const seeded: Record<string, [string, string[]]> = {};
    for (const c of set.criteria) {
      const entry = (seeded[c.sourceCode ?? c.id] ??= [c.type, []]);
      expect(entry[0]).toBe(c.type);
      entry[1].push(c.level);
    }
    for (const entry of [...Object.values(seeded), ...Object.values(listed)]) entry[1].sort();
    expect(seeded).toEqual(listed);
  });
});

describe('EU GPP data centres 2020: servers and data storage (product criteria)', () => {
  const classes = { acceptedOperatingClasses: ['A3', 'A4'] };

  it('defect: TS2 checks the operating condition class the product declares, not a bare statement', () => {
    expect(checkSeed('GPPDC20-TS2-comp', { category: 'server', operatingConditionClass: 'A2' }, { parameters: classes }).outcome).toBe('fail');
    expect(checkSeed('GPPDC20-TS2-comp', { category: 'data_storage', operatingConditionClass: 'A3' }, { parameters: classes }).outcome).toBe('pass');
    expect(checkSeed('GPPDC20-TS2-core', { category: 'server', operatingConditionClass: 'A4' }, { parameters: { acceptedOperatingClasses: ['A2', 'A3', 'A4'] } }).outcome).toBe('pass');
    // The old statement no longer passes on its own.
    const statementOnly = { category: 'server' as const, declarations: { 'operating-class-comprehensive': true, 'operating-class-core': true } };
    expect(checkSeed('GPPDC20-TS2-comp', statementOnly, { parameters: classes }).outcome).toBe('evidence_missing');
  });

  it('defect: TS2 has no invented class: without the procurer list it is not evaluated, and a bare declaration is not evidence', () => {
    const result = checkSeed('GPPDC20-TS2-core', { category: 'server', operatingConditionClass: 'A2' });
    expect(result.outcome).toBe('not_evaluated');
    expect(result.messages?.join(' ')).toContain('acceptedOperatingClasses');
    for (const id of ['GPPDC20-TS2-core', 'GPPDC20-TS2-comp']) {
      const c = seedCriterion(id).criterion;
      expect(c.parameters?.find((p) => p.name === 'acceptedOperatingClasses')?.default).toBeUndefined();
      expect(c.verification.acceptedEvidence).not.toContain('supplier_declaration');
    }
  });

  it('defect: TS2 (comprehensive) no longer presents an unread ASHRAE A3 range as the SWD requirement', () => {
    expect(seedCriterion('GPPDC20-TS2-comp').criterion.summary).not.toMatch(/10–40|8–85/);
  });

  it('defect: TS4 does not fail a take-back service with data sanitisation that is not "reuse first" (no read text requires it)', () => {
    const services = [{ kind: 'take_back', dataSanitisationStandard: 'NIST SP 800-88', reuseFirst: false }];
    expect(checkSeed('GPPDC20-TS4-core', { category: 'server' }, { services }).outcome).toBe('pass');
    expect(checkSeed('GPPDC20-TS4-comp', { category: 'data_storage' }, { services }).outcome).toBe('pass');
    expect(checkSeed('GPPDC20-TS4-core', { category: 'server' }).outcome).toBe('evidence_missing');
  });

  it('defect: SC2 names no test standard (IEC 62474) that the source was not read for', () => {
    expect(seedCriterion('GPPDC20-SC2-comp').criterion.verification.testStandards ?? []).toEqual([]);
  });

  it('a server lot selects the server and data-storage product criteria with their levels', () => {
    const ids = (category: 'server' | 'data_storage', level: 'core' | 'comprehensive') =>
      seedProfile({ criterionSetIds: [SET], category, level }).criteria.map((pc) => pc.criterion.id).sort();
    expect(ids('server', 'core')).toEqual(['GPPDC20-AC1-core', 'GPPDC20-AC4-core', 'GPPDC20-CPC3-core', 'GPPDC20-TS1-core', 'GPPDC20-TS2-core', 'GPPDC20-TS4-core']);
    expect(ids('server', 'comprehensive')).toEqual([
      'GPPDC20-AC1-comp', 'GPPDC20-AC2-comp', 'GPPDC20-AC4-comp', 'GPPDC20-CPC3-comp', 'GPPDC20-SC2-comp',
      'GPPDC20-TS1-comp', 'GPPDC20-TS2-comp', 'GPPDC20-TS3-comp', 'GPPDC20-TS4-comp',
    ]);
    expect(ids('data_storage', 'comprehensive')).toEqual([
      'GPPDC20-AC4-comp', 'GPPDC20-CPC3-comp', 'GPPDC20-SC2-comp', 'GPPDC20-TS2-comp', 'GPPDC20-TS3-comp', 'GPPDC20-TS4-comp',
    ]);
  });

  it('TS1 measures active-state efficiency against the declared 2019/424 minimum', () => {
    expect(checkSeed('GPPDC20-TS1-core', { category: 'server', energy: { activeStateEfficiency: 9.9, activeStateEfficiencyMinimum: 10 } }).outcome).toBe('fail');
    expect(checkSeed('GPPDC20-TS1-core', { category: 'server', energy: { activeStateEfficiency: 10, activeStateEfficiencyMinimum: 10 } }).outcome).toBe('pass');
  });
});

describe('EU GPP data centres 2020: criteria written for one procurement route', () => {
  const dc = (dataCentreFacility?: 'new_build' | 'retrofit' | 'existing') => ({ category: 'data_centre_service' as const, ...(dataCentreFacility ? { dataCentreFacility } : {}) });

  it('defect: cooling best practices for existing colocation/hosting (TS7) are not applicable to a new build, which cannot meet them', () => {
    expect(checkSeed('GPPDC20-TS7-comp', dc('new_build')).outcome).toBe('not_applicable');
    expect(checkSeed('GPPDC20-TS7-comp', dc('retrofit')).outcome).toBe('not_applicable');
    expect(checkSeed('GPPDC20-TS7-comp', { ...dc('existing'), declarations: { 'coc-cooling-best-practices-operation': true } }).outcome).toBe('pass');
  });

  it('defect: cooling best practices for new builds or retrofits (TS6) and waste heat reuse for new data centres (AC8) are not applicable to an existing facility', () => {
    expect(checkSeed('GPPDC20-TS6-comp', dc('existing')).outcome).toBe('not_applicable');
    expect(checkSeed('GPPDC20-AC8-comp', dc('existing')).outcome).toBe('not_applicable');
    expect(checkSeed('GPPDC20-AC8-comp', dc('retrofit')).outcome).toBe('not_applicable');
    expect(checkSeed('GPPDC20-TS6-comp', { ...dc('retrofit'), declarations: { 'coc-cooling-best-practices-design': true } }).outcome).toBe('pass');
  });

  it('an offer that does not say which route it is still gets both route criteria evaluated', () => {
    expect(checkSeed('GPPDC20-TS6-comp', dc()).outcome).toBe('evidence_missing');
    expect(checkSeed('GPPDC20-TS7-comp', dc()).outcome).toBe('evidence_missing');
  });

  it('in a comprehensive data-centre lot, no technical specification selected for a new build is left that only an existing facility can meet', () => {
    const profile = seedProfile({ criterionSetIds: [SET], category: 'data_centre_service', level: 'comprehensive' });
    const specs = profile.criteria.filter((pc) => pc.criterion.type === 'TS').map((pc) => pc.criterion.id);
    expect(specs).toEqual(expect.arrayContaining(['GPPDC20-TS6-comp', 'GPPDC20-TS7-comp']));
    const applicable = specs.filter((id) => checkSeed(id, dc('new_build')).outcome !== 'not_applicable');
    expect(applicable).not.toContain('GPPDC20-TS7-comp');
    expect(applicable).toContain('GPPDC20-TS6-comp');
  });
});
