/**
 * The EU legal baseline (data/criteria/eu-legal-baseline.yaml) answers what the law requires, and
 * nothing more: a lawful offer must never fail it. Each block pins one corrected defect; every test
 * here would fail on the set as it was before the review of 2026-12-05.
 *
 * Tests marked "(date applicability)" rely on the engine answering not_applicable before a
 * criterion's effectiveFrom; they fail until that engine change is merged.
 */
import { checkSeed, seedCriterion, seedSet } from '../../../support/seed-catalogue';
import type { ProductDeclaration } from '../../../../src/domain/compliance/compliance.types';

type Item = Partial<ProductDeclaration> & Pick<ProductDeclaration, 'category'>;

const BEFORE_ART11 = '2026-12-01';
const AFTER_ART11 = '2027-03-01';

/** A smartphone whose declarations meet every legal-baseline requirement, with a battery the user cannot replace. */
function goodPhone(overrides: Record<string, unknown> = {}): Item {
  return {
    category: 'smartphone',
    identifiers: { eprelRegistrationNumber: '1234567' },
    energy: { euEnergyClass: 'B' },
    battery: { hasBattery: true, userReplaceable: false, cyclesAt80pct: 800, capacityAfter500CyclesPct: 80 },
    lifetime: { sparePartsYears: 7, sparePartsFrom: 'endOfProduction', osUpdateYears: 5, repairability: { scheme: 'EU_2023_1669', value: 'B' } },
    durability: { freeFallClass: 'B', ipRating: 'IP54' },
    // A charger in the box, and the chargerless option offered as the Directive requires.
    interoperability: { usbCCharging: true, offeredWithoutCharger: false, secureEraseBuiltIn: true },
    materials: { rohsCompliant: true, svhcAbove0_1pct: 'none' },
    declarations: { 'professional-repairer-access': true, 'chargerless-option-offered': true },
    ...overrides,
  };
}

describe('CHARGER-UNBUNDLED: a charger in the box is lawful (Directive 2014/53/EU Art. 3a)', () => {
  it('a phone shipped with a charger passes when the chargerless option is offered', () => {
    expect(checkSeed('CHARGER-UNBUNDLED', goodPhone()).outcome).toBe('pass');
  });
  it('a phone shipped with a charger never fails on the charger alone: without the statement the evidence is missing', () => {
    const item = goodPhone({ declarations: {} });
    const result = checkSeed('CHARGER-UNBUNDLED', item);
    expect(result.outcome).toBe('evidence_missing');
    expect(result.missing?.map((m) => ('statement' in m ? m.statement : undefined))).toContain('chargerless-option-offered');
  });
  it('a phone offered without a charger passes', () => {
    const item = goodPhone({ interoperability: { usbCCharging: true, offeredWithoutCharger: true }, declarations: {} });
    expect(checkSeed('CHARGER-UNBUNDLED', item).outcome).toBe('pass');
  });
  it('only a supplier who ships a charger and denies the chargerless option fails', () => {
    const item = goodPhone({ declarations: { 'chargerless-option-offered': false } });
    expect(checkSeed('CHARGER-UNBUNDLED', item).outcome).toBe('fail');
  });
  it('laptops have their own criterion, from 28 April 2026, with the same rule', () => {
    const laptop: Item = { category: 'notebook', interoperability: { offeredWithoutCharger: false }, declarations: { 'chargerless-option-offered': true } };
    expect(checkSeed('CHARGER-UNBUNDLED-LAPTOP', laptop, { assessmentDate: '2026-06-01' }).outcome).toBe('pass');
    expect(seedCriterion('CHARGER-UNBUNDLED').criterion.appliesTo.categories).toEqual(['smartphone', 'tablet']);
  });
});

describe('common charger dates: one effectiveFrom per criterion', () => {
  it('USB-C and unbundling apply to phones and tablets from 28 December 2024 and to laptops from 28 April 2026', () => {
    const dated = (id: string) => {
      const c = seedCriterion(id).criterion;
      return { categories: c.appliesTo.categories, effectiveFrom: c.effectiveFrom };
    };
    expect(dated('CHARGER-USBC')).toEqual({ categories: ['smartphone', 'tablet'], effectiveFrom: '2024-12-28' });
    expect(dated('CHARGER-USBC-LAPTOP')).toEqual({ categories: ['notebook'], effectiveFrom: '2026-04-28' });
    expect(dated('CHARGER-UNBUNDLED')).toEqual({ categories: ['smartphone', 'tablet'], effectiveFrom: '2024-12-28' });
    expect(dated('CHARGER-UNBUNDLED-LAPTOP')).toEqual({ categories: ['notebook'], effectiveFrom: '2026-04-28' });
  });
  it('(date applicability) a laptop without USB-C checked before 28 April 2026 is not_applicable', () => {
    const laptop: Item = { category: 'notebook', interoperability: { usbCCharging: false } };
    expect(checkSeed('CHARGER-USBC-LAPTOP', laptop, { assessmentDate: '2026-03-01' }).outcome).toBe('not_applicable');
    expect(checkSeed('CHARGER-USBC-LAPTOP', laptop, { assessmentDate: '2026-05-01' }).outcome).toBe('fail');
  });
});

describe('BATTREG-ART11: Regulation (EU) 2023/1542 Art. 11 from 18 February 2027, with the 2023/1670 alternative', () => {
  it('applies from 18 February 2027', () => {
    expect(seedCriterion('BATTREG-ART11').criterion.effectiveFrom).toBe('2027-02-18');
  });
  it('(date applicability) a phone with a fixed battery assessed before 18 February 2027 is not_applicable', () => {
    expect(checkSeed('BATTREG-ART11', goodPhone(), { assessmentDate: BEFORE_ART11 }).outcome).toBe('not_applicable');
  });
  it('(date applicability) a phone with a fixed battery assessed before 18 February 2027 passes the whole legal baseline', () => {
    const set = seedSet('eu-legal-baseline');
    const outcomes = set.criteria.map((c) => {
      const result = checkSeed(c.id, goodPhone(), { assessmentDate: BEFORE_ART11 });
      return { id: c.id, outcome: result.outcome, ruleless: c.rule === undefined && c.scoring === undefined };
    });
    // Nothing fails and nothing is missing; only a criterion without a rule is left to the buyer.
    expect(outcomes.filter((o) => o.outcome === 'fail' || o.outcome === 'evidence_missing')).toEqual([]);
    expect(outcomes.filter((o) => o.outcome === 'not_evaluated' && !o.ruleless)).toEqual([]);
    expect(outcomes.find((o) => o.id === 'BATTREG-ART11')?.outcome).toBe('not_applicable');
    expect(outcomes.filter((o) => o.outcome === 'pass').length).toBeGreaterThanOrEqual(15);
  });
  it('after that date a fixed-battery smartphone meeting the 2023/1670 alternative passes', () => {
    const phone = goodPhone({
      battery: { hasBattery: true, userReplaceable: false, cyclesAt80pct: 1000, capacityAfter500CyclesPct: 83 },
      durability: { freeFallClass: 'B', ipRating: 'IP68' },
    });
    expect(checkSeed('BATTREG-ART11', phone, { assessmentDate: AFTER_ART11 }).outcome).toBe('pass');
  });
  it('after that date a fixed-battery smartphone meeting neither user replacement nor the alternative fails', () => {
    expect(checkSeed('BATTREG-ART11', goodPhone(), { assessmentDate: AFTER_ART11 }).outcome).toBe('fail');
    // Endurance alone is not enough for a smartphone: it must also be dust tight and immersion-protected.
    const notSealed = goodPhone({ battery: { hasBattery: true, userReplaceable: false, cyclesAt80pct: 1200, capacityAfter500CyclesPct: 90 } });
    expect(checkSeed('BATTREG-ART11', notSealed, { assessmentDate: AFTER_ART11 }).outcome).toBe('fail');
  });
  it('a user-replaceable battery passes; a product under a declared Art. 11 derogation is not_applicable', () => {
    const replaceable = goodPhone({ battery: { hasBattery: true, userReplaceable: true } });
    expect(checkSeed('BATTREG-ART11', replaceable, { assessmentDate: AFTER_ART11 }).outcome).toBe('pass');
    const derogated = goodPhone({ declarations: { 'battreg-art11-derogation': true } });
    expect(checkSeed('BATTREG-ART11', derogated, { assessmentDate: AFTER_ART11 }).outcome).toBe('not_applicable');
  });
  it('a slate tablet meets the alternative on battery endurance alone; a notebook has no such alternative', () => {
    const battery = { hasBattery: true, userReplaceable: false, cyclesAt80pct: 1000, capacityAfter500CyclesPct: 85 };
    expect(checkSeed('BATTREG-ART11', { category: 'tablet', battery }, { assessmentDate: AFTER_ART11 }).outcome).toBe('pass');
    const notebook: Item = { category: 'notebook', battery, durability: { ipRating: 'IP68' } };
    expect(checkSeed('BATTREG-ART11', notebook, { assessmentDate: AFTER_ART11 }).outcome).toBe('fail');
  });
  it('an undeclared endurance value leaves the evidence missing instead of failing', () => {
    const phone = goodPhone({ battery: { hasBattery: true, userReplaceable: false, cyclesAt80pct: 1000 }, durability: { ipRating: 'IP68' }, declarations: {} });
    expect(checkSeed('BATTREG-ART11', phone, { assessmentDate: AFTER_ART11 }).outcome).toBe('evidence_missing');
  });
});

describe('EU-REACH-ART33: the SCIP notification is not a REACH Art. 33 duty', () => {
  const { criterion } = seedCriterion('EU-REACH-ART33');
  it('rests on REACH Art. 33(1) and names the Waste Framework Directive for SCIP', () => {
    expect(criterion.source).toMatchObject({ document: 'Regulation (EC) No 1907/2006 (REACH)', clause: 'Art. 33(1)' });
    expect(criterion.summary).toContain('0.1 % weight by weight');
    expect(criterion.summary).toContain('Waste Framework Directive 2008/98/EC Art. 9(1)(i)');
    expect(criterion.references?.some((r) => r.clause === 'Art. 9(1)(i)' && r.title.includes('2008/98/EC'))).toBe(true);
  });
  it('is verified by a quotation of Art. 33 with its 0.1 % threshold', () => {
    expect(criterion.confidence).toBe('verified');
    expect(criterion.review?.passages.some((p) => p.text === 'final' && p.clause?.startsWith('Art. 33(1)') && p.quote.includes('0,1 %'))).toBe(true);
  });
  it('passes a declaration of no Candidate List substance above 0.1 % and of named substances alike', () => {
    expect(checkSeed('EU-REACH-ART33', { category: 'notebook', materials: { svhcAbove0_1pct: 'none' } }).outcome).toBe('pass');
    const named = { category: 'notebook' as const, materials: { svhcAbove0_1pct: { substances: [{ name: 'Lead', cas: '7439-92-1' }] } } };
    expect(checkSeed('EU-REACH-ART33', named).outcome).toBe('pass');
  });
});

describe('ECO617-ETEC: the 617/2013 ETEC maximum, never a deprecated or zero limit', () => {
  const notebook = (energy: Record<string, number>): Item => ({ category: 'notebook', energy });
  it('reads energy.ecodesignTecLimitKWhPerYear', () => {
    expect(checkSeed('ECO617-ETEC', notebook({ tecKWhPerYear: 20, ecodesignTecLimitKWhPerYear: 30 })).outcome).toBe('pass');
    expect(checkSeed('ECO617-ETEC', notebook({ tecKWhPerYear: 30, ecodesignTecLimitKWhPerYear: 30 })).outcome).toBe('pass');
    expect(checkSeed('ECO617-ETEC', notebook({ tecKWhPerYear: 31, ecodesignTecLimitKWhPerYear: 30 })).outcome).toBe('fail');
  });
  it('the deprecated tecLimitKWhPerYear (which did not say which limit) no longer settles it', () => {
    const result = checkSeed('ECO617-ETEC', notebook({ tecKWhPerYear: 20, tecLimitKWhPerYear: 30 }));
    expect(result.outcome).toBe('evidence_missing');
    expect(result.missing?.map((m) => ('property' in m ? m.property : ''))).toContain('energy.ecodesignTecLimitKWhPerYear');
  });
  it('a 0/0 declaration does not pass', () => {
    expect(checkSeed('ECO617-ETEC', notebook({ tecKWhPerYear: 0, ecodesignTecLimitKWhPerYear: 0 })).outcome).not.toBe('pass');
  });
});

describe('ECO2019-424-SERVERS: zero limits do not pass', () => {
  it('a server declaring zero limits does not pass, one within real limits does', () => {
    const zero: Item = { category: 'server', energy: { idleW: 0, idleLimitW: 0, activeStateEfficiency: 0, activeStateEfficiencyMinimum: 0 } };
    expect(checkSeed('ECO2019-424-SERVERS', zero).outcome).not.toBe('pass');
    const good: Item = { category: 'server', energy: { idleW: 80, idleLimitW: 100, activeStateEfficiency: 12, activeStateEfficiencyMinimum: 9.5 } };
    expect(checkSeed('ECO2019-424-SERVERS', good).outcome).toBe('pass');
  });
});

describe('the legal baseline as a whole', () => {
  const set = seedSet('eu-legal-baseline');
  it('offers no label presumption without a minimum version and a quoted basis', () => {
    const presumptions = set.criteria.flatMap((c) => (c.verification.presumptionByLabel ?? []).map((p) => ({ id: c.id, p })));
    expect(presumptions.filter(({ p }) => !p.minVersion || !p.basis?.quote)).toEqual([]);
    // EU-ROHS carried an EPEAT presumption without either; it was removed.
    expect(seedCriterion('EU-ROHS').criterion.verification.presumptionByLabel).toBeUndefined();
  });
  it('every criterion was reviewed on 2026-12-05 and is dated', () => {
    expect(set.criteria.filter((c) => c.review?.reviewedOn !== '2026-12-05').map((c) => c.id)).toEqual([]);
    expect(set.criteria.filter((c) => c.effectiveFrom === undefined).map((c) => c.id)).toEqual([]);
  });
  it('RoHS names all ten substances, the four phthalates quoted from Annex II', () => {
    const { criterion } = seedCriterion('EU-ROHS');
    for (const s of ['DEHP', 'BBP', 'DBP', 'DIBP']) expect(criterion.summary).toContain(s);
    expect(criterion.review?.passages.some((p) => p.text === 'final' && p.quote.includes('DIBP'))).toBe(true);
  });
});
