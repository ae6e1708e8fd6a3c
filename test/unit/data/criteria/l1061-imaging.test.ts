/**
 * Review of the ITU-T L.1061 (03/2023) and EU GPP imaging (2020) sets: what the catalogue says about
 * each criterion rests on what was read, and criteria without a source code are not selected as if
 * they were EU GPP core requirements.
 */
import { checkSeed, seedCriterion, seedSet, selectSeed } from '../../../support/seed-catalogue';

const L1061 = seedSet('itu-t-l1061-2023');
const IMAGING = seedSet('eu-gpp-imaging-2020');

/** The criteria that used to be "typical content" under SWD(2020) 148 without a source code. */
const TYPICAL_CONTENT = [
  'GPPIMG20-ENERGY-STAR', 'GPPIMG20-DUPLEX', 'GPPIMG20-RECYCLED-PAPER', 'GPPIMG20-EMISSIONS', 'GPPIMG20-PLASTICS',
  'GPPIMG20-CARTRIDGE-DESIGN', 'GPPIMG20-CARTRIDGE-TAKEBACK', 'GPPIMG20-SPARE-PARTS', 'GPPIMG20-PRINT-REPORTING',
];

describe('ITU-T L.1061: summaries and clause numbers from what was read', () => {
  it('every criterion that cites a clause quotes that clause (its title in the table of contents at least)', () => {
    const unsupported = L1061.criteria
      .filter((c) => c.source.clause !== undefined)
      .filter((c) => !(c.review?.passages ?? []).some((p) => p.clause === c.source.clause && p.quote.startsWith(`${c.source.clause} `)))
      .map((c) => c.id);
    expect(unsupported).toEqual([]);
  });

  it('ITU-L1061-energy no longer cites the scope (clause 1) for requirements that belong to a later, unread clause', () => {
    const { criterion } = seedCriterion('ITU-L1061-energy');
    expect(criterion.sourceCode).not.toBe('1');
    expect(criterion.source.clause).toBeUndefined();
    expect(criterion.review?.missing).toMatch(/clause/);
    expect(criterion.confidence).not.toBe('verified');
  });

  it('no summary claims more than was read: the unread clause text is said, and no invented rule or declaration remains', () => {
    const overclaiming = L1061.criteria
      .filter((c) => c.confidence !== 'verified')
      .filter((c) => !/not read/.test(c.summary) || c.rule !== undefined || (c.statements ?? []).length > 0 || c.review?.missing === undefined)
      .map((c) => c.id);
    expect(overclaiming).toEqual([]);
  });

  it('a criterion derived by this catalogue (refurbished equipment) is unverified, with nothing quoted for it', () => {
    const { criterion } = seedCriterion('ITU-L1061-7-refurbished');
    expect(criterion.confidence).toBe('unverified');
    expect(criterion.review?.passages).toEqual([]);
    expect(criterion.review?.missing).toMatch(/not read in this review/i);
  });
});

describe('EU GPP imaging 2020: criteria without a source code are not selected as EU GPP core requirements', () => {
  it('a core profile for imaging equipment selects none of the former "typical content" criteria', () => {
    const selected = selectSeed({ criterionSetIds: ['eu-gpp-imaging-2020'], category: 'imaging_equipment', level: 'core' });
    expect(selected.filter((id) => TYPICAL_CONTENT.includes(id))).toEqual([]);
    expect(selected).toEqual(['GPPIMG20-TS12']);
  });

  it('every criterion at a GPP level (core, comprehensive) has a source code that a review passage quotes', () => {
    const unsourced = IMAGING.criteria
      .filter((c) => c.level === 'core' || c.level === 'comprehensive')
      .filter((c) => c.sourceCode === undefined || !(c.review?.passages ?? []).some((p) => p.clause === c.sourceCode))
      .map((c) => c.id);
    expect(unsourced).toEqual([]);
  });

  it('the former "typical content" criteria are still available through include, and say so', () => {
    const selected = selectSeed({ criterionSetIds: ['eu-gpp-imaging-2020'], category: 'print_service', level: 'core', include: ['GPPIMG20-PRINT-REPORTING'] });
    expect(selected).toContain('GPPIMG20-PRINT-REPORTING');
    for (const id of TYPICAL_CONTENT) {
      const { criterion } = seedCriterion(id);
      expect([id, criterion.level]).toEqual([id, 'recommended']);
      expect(criterion.notes).toMatch(/recommended/);
    }
  });

  it('the document number SWD(2020) 148 final is quoted from the document itself', () => {
    expect(IMAGING.documentRef).toBe('SWD(2020) 148 final');
    const cover = IMAGING.criteria.flatMap((c) => c.review?.passages ?? []).filter((p) => p.text === 'final' && p.quote.includes('SWD(2020) 148 final'));
    expect(cover.length).toBeGreaterThan(0);
  });

  it('TS12 does not fail a product whose only halogenated parts are the exempt parts near the fuser', () => {
    const item = {
      category: 'imaging_equipment' as const,
      materials: { halogenFreePlasticsOver25g: false },
      declarations: { 'halogens-only-in-exempt-parts': true, 'no-pbb-pbde-chlorinated-paraffins': true },
    };
    expect(checkSeed('GPPIMG20-TS12', item).outcome).not.toBe('fail');
    const denied = { ...item, declarations: { 'halogens-only-in-exempt-parts': false, 'no-pbb-pbde-chlorinated-paraffins': true } };
    expect(checkSeed('GPPIMG20-TS12', denied).outcome).toBe('fail');
  });
});

describe('label presumptions of both sets', () => {
  it('every presumption names the lowest label version and the passage that shows it is at least as strict', () => {
    const incomplete = [...L1061.criteria, ...IMAGING.criteria].flatMap((c) =>
      (c.verification.presumptionByLabel ?? []).filter((p) => !p.minVersion || !p.basis?.quote).map((p) => `${c.id} ${p.scheme}`),
    );
    expect(incomplete).toEqual([]);
  });
});
