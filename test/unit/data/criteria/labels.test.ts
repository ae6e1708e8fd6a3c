/**
 * The label sets of the seed catalogue: EPEAT on IEEE 1680.1-2018 (superseding the 2009 set) and
 * TCO Certified generation 10. Each test pins a defect fixed in the catalogue review of 2026-12-05
 * and would fail on the data before it.
 */
import type { CriterionDefinition, SourcePassage } from '../../../../src/domain/catalogue/catalogue.types';
import type { EcolabelClaim } from '../../../../src/domain/compliance/compliance.types';
import { checkSeed, seedIndex, seedSet, selectSeed } from '../../../support/seed-catalogue';

const EPEAT_2009 = 'epeat-ieee-1680-1';
const EPEAT_2018 = 'epeat-ieee-1680-1-2018';
const TCO10 = 'tco-certified-gen10';
/** As stored, this address is the draft 2 overview of generation 10 ("THIS IS A DRAFT"). */
const TCO_DRAFT_PAGE = 'https://tcocertified.com/industry/generation-10/';

// Certificates for the item checkSeed offers (Acme X1): only those count.
const covers = { manufacturer: 'Acme', models: ['X1'] };
const epeat = (version: string, tier: EcolabelClaim['tier']): EcolabelClaim => ({ scheme: 'EPEAT', version, tier, certificateId: `EPEAT-${version}-${String(tier)}`, validUntil: '2030-12-31', covers });
const tco = (version: string): EcolabelClaim => ({ scheme: 'TCO_CERTIFIED', version, certificateId: `TCO-${version}`, validUntil: '2030-12-31', covers });

/** Every passage a criterion quotes: its review and the bases of its label presumptions. */
function passagesOf(c: CriterionDefinition): SourcePassage[] {
  return [...(c.review?.passages ?? []), ...(c.verification.presumptionByLabel ?? []).map((p) => p.basis)];
}

describe('EPEAT on IEEE 1680.1-2018', () => {
  it('the 2018 set exists and supersedes the 2009 set, which the seeded catalogue retires', () => {
    const set = seedSet(EPEAT_2018);
    expect(set.version).toBe('IEEE 1680.1-2018');
    expect(set.supersedes).toEqual([EPEAT_2009]);
    const index = seedIndex();
    expect(index.set(EPEAT_2018)?.status).toBe('published');
    expect(index.set(EPEAT_2009)?.status).toBe('retired');
  });

  it('uses the 2018 numbering: the required list opens with 1.1 RoHS, 1.2 mercury, 1.3 bromine and chlorine', () => {
    const [first, second, third] = seedSet(EPEAT_2018).criteria;
    expect(first).toMatchObject({ id: 'EPEAT18-1.1', sourceCode: '1.1', rule: { property: 'materials.rohsCompliant', operator: '==', value: true } });
    expect(first?.title).toMatch(/RoHS/);
    expect(second).toMatchObject({ id: 'EPEAT18-1.2', sourceCode: '1.2' });
    expect(second?.title).toMatch(/mercury/i);
    expect(third).toMatchObject({ id: 'EPEAT18-1.3', sourceCode: '1.3' });
    expect(third?.title).toMatch(/bromine and chlorine/i);
  });

  it('a buyer asking for EPEAT at core level gets the Bronze tier of the 2018 set', () => {
    const ids = selectSeed({ criterionSetIds: [EPEAT_2018], category: 'notebook', level: 'core' });
    expect(ids).toContain('EPEAT18-TIER-BRONZE');
    expect(ids).not.toContain('EPEAT-TIER-BRONZE');
  });

  it('a registration against the 2009 version does not meet the 2018 tiers; a 2018 Silver one meets Bronze and Silver, not Gold', () => {
    expect(checkSeed('EPEAT18-TIER-BRONZE', { category: 'notebook', ecolabels: [epeat('IEEE 1680.1-2009', 'gold')] }).outcome).toBe('fail');
    const silver = { category: 'notebook' as const, ecolabels: [epeat('IEEE 1680.1-2018', 'silver')] };
    expect(checkSeed('EPEAT18-TIER-BRONZE', silver).outcome).toBe('pass');
    expect(checkSeed('EPEAT18-TIER-SILVER', silver).outcome).toBe('pass');
    expect(checkSeed('EPEAT18-TIER-GOLD', silver).outcome).toBe('fail');
  });

  it('the 2018 bromine/chlorine criterion does not fail a product for lacking halogen-free plastics (the standard allows exceptions)', () => {
    const r = checkSeed('EPEAT18-1.3', { category: 'notebook', materials: { halogenFreePlasticsOver25g: false } });
    expect(r.outcome).toBe('evidence_missing');
    expect(checkSeed('EPEAT18-1.3', { category: 'notebook', ecolabels: [epeat('IEEE 1680.1-2018', 'bronze')] })).toMatchObject({ outcome: 'pass', via: 'ecolabel_presumption' });
  });

  it('every 2009 criterion ends on 28 June 2019, the last day EPEAT accepted IEEE 1680.1-2009', () => {
    for (const c of seedSet(EPEAT_2009).criteria) expect({ id: c.id, effectiveUntil: c.effectiveUntil }).toEqual({ id: c.id, effectiveUntil: '2019-06-28' });
  });

  // Needs the lead's engine change (effectiveUntil → not_applicable); fails until it lands.
  it('a 2009 criterion checked today is not applicable; checked before 29 June 2019 it still decides', () => {
    const item = { category: 'notebook' as const, materials: { rohsCompliant: false } };
    expect(checkSeed('EPEAT-R4.1.1.1', item, { assessmentDate: '2026-12-01' }).outcome).toBe('not_applicable');
    expect(checkSeed('EPEAT-R4.1.1.1', item, { assessmentDate: '2019-01-15' }).outcome).toBe('fail');
  });
});

describe('TCO Certified generation 10', () => {
  const set = seedSet(TCO10);

  it('no criterion cites the draft 2 page as final text, and nothing verified rests on it', () => {
    expect(set.url).not.toBe(TCO_DRAFT_PAGE);
    for (const c of set.criteria) {
      for (const p of passagesOf(c)) {
        if (p.url === TCO_DRAFT_PAGE) expect({ id: c.id, text: p.text }).toEqual({ id: c.id, text: 'draft' });
      }
      if (c.source.url === TCO_DRAFT_PAGE) {
        expect({ id: c.id, confidence: c.confidence }).not.toEqual({ id: c.id, confidence: 'verified' });
        expect(c.source.document).toMatch(/draft/i);
      }
    }
  });

  it('the 70 % smelter threshold (draft only) is no longer applied: the buyer sets the share', () => {
    const supplier = { name: 'Supplier', conformantSmeltersPct: 60 };
    expect(checkSeed('TCO10-RESPONSIBLE-SMELTERS', { category: 'notebook' }, { supplier }).outcome).toBe('not_evaluated');
    expect(checkSeed('TCO10-RESPONSIBLE-SMELTERS', { category: 'notebook' }, { supplier, parameters: { minConformantSmeltersPct: 50 } }).outcome).toBe('pass');
  });

  it('display-panel factories need ISO 50001 (final text), not ISO 14001/45001 (draft only)', () => {
    const c = set.criteria.find((x) => x.id === 'TCO10-PANEL-FACTORIES');
    const text = JSON.stringify(c?.statements);
    expect(text).toContain('ISO 50001');
    expect(text).not.toMatch(/45001|14001/);
  });

  it('a generation-10 certificate is a presumption only where a final generation-10 passage shows the requirement', () => {
    for (const c of set.criteria) {
      for (const p of c.verification.presumptionByLabel ?? []) {
        expect({ id: c.id, minVersion: p.minVersion, text: p.basis.text }).toEqual({ id: c.id, minVersion: '10', text: 'final' });
      }
    }
    // The warranty requirement was read only in draft and secondary text: the item's own one-year warranty decides.
    expect(checkSeed('TCO10-WARRANTY', { category: 'notebook', lifetime: { warrantyYears: 1, extendedWarrantyOfferedYears: 1 }, ecolabels: [tco('10')] }).outcome).toBe('fail');
    expect(checkSeed('TCO10-RENEWABLE-ELECTRICITY', { category: 'notebook', ecolabels: [tco('10')] })).toMatchObject({ outcome: 'pass', via: 'ecolabel_presumption' });
    expect(checkSeed('TCO10-RENEWABLE-ELECTRICITY', { category: 'notebook', ecolabels: [tco('9')] }).outcome).toBe('evidence_missing');
  });

  it('a five-year warranty offered as an extension is accepted (the final text does not say it must be included)', () => {
    expect(checkSeed('TCO10-WARRANTY', { category: 'notebook', lifetime: { warrantyYears: 2, extendedWarrantyOfferedYears: 5 } }).outcome).toBe('pass');
  });

  it('the repairability index applies to notebooks, tablets and smartphones, not to monitors', () => {
    expect(checkSeed('TCO10-REPAIRABILITY-INDEX', { category: 'monitor' }).outcome).toBe('not_applicable');
    expect(checkSeed('TCO10-REPAIRABILITY-INDEX', { category: 'smartphone', lifetime: { repairability: { scheme: 'TCO_INDEX', value: 'B' } } }).outcome).toBe('pass');
  });

  it('every generation-10 criterion applies from the launch on 4 December 2024', () => {
    for (const c of set.criteria) expect({ id: c.id, effectiveFrom: c.effectiveFrom }).toEqual({ id: c.id, effectiveFrom: '2024-12-04' });
  });

  // Needs the lead's engine change (effectiveFrom → not_applicable); fails until it lands.
  it('a generation-10 criterion checked before the launch is not applicable', () => {
    const supplier = { name: 'Supplier', renewableElectricityShareFinalAssemblyPct: 0 };
    expect(checkSeed('TCO10-RENEWABLE-ELECTRICITY', { category: 'notebook' }, { supplier, assessmentDate: '2024-06-01' }).outcome).toBe('not_applicable');
    expect(checkSeed('TCO10-RENEWABLE-ELECTRICITY', { category: 'notebook' }, { supplier, assessmentDate: '2025-06-01' }).outcome).toBe('fail');
  });
});

describe('label presumptions in the label sets', () => {
  it('every presumption names the lowest label version and quotes its basis', () => {
    for (const id of [EPEAT_2009, EPEAT_2018, TCO10]) {
      for (const c of seedSet(id).criteria) {
        for (const p of c.verification.presumptionByLabel ?? []) {
          expect(typeof p.minVersion).toBe('string');
          expect(p.basis.quote.length).toBeGreaterThan(3);
          expect(p.basis.url).toMatch(/^https?:\/\//);
        }
      }
    }
  });

  it('an EPEAT presumption names the standard edition it rests on (2009 set: 1680.1-2009; 2018 set: 1680.1-2018) and a tier', () => {
    const editions = (id: string) => seedSet(id).criteria.flatMap((c) => (c.verification.presumptionByLabel ?? []).map((p) => `${p.scheme} ${p.minVersion} ${String(p.minTier)}`));
    expect(new Set(editions(EPEAT_2009))).toEqual(new Set(['EPEAT IEEE 1680.1-2009 bronze']));
    expect(new Set(editions(EPEAT_2018))).toEqual(new Set(['EPEAT IEEE 1680.1-2018 bronze']));
  });

  it('ENERGY STAR without a version is no longer a presumption for the 2009 ENERGY STAR criterion', () => {
    const c = seedSet(EPEAT_2009).criteria.find((x) => x.id === 'EPEAT-R-ENERGY-STAR');
    expect((c?.verification.presumptionByLabel ?? []).map((p) => p.scheme)).not.toContain('ENERGY_STAR');
  });
});
