/**
 * What an officer sees over HTTP: verification state and the to-verify list in the assessment,
 * the report, the ranking and the event; lots of several categories; the tender's dates and
 * market; unit mistakes and unknown properties refused by name. Uses a criterion set of its own,
 * so that changes of the seed catalogue do not move these answers.
 */
import { draftSet } from '../support/catalogue-fixtures';
import { EventConsumer } from '../support/event-consumer';
import { useTestService } from '../support/test-service';

type Json = Record<string, any>;
const basis = { quote: 'Generation 10 requires 80 % after 300 cycles (example).', url: 'https://example.org/label', readOn: '2026-12-05', text: 'final' };

function lotSet(): Json {
  const set = draftSet({ productCategories: ['notebook', 'monitor', 'accessory'] }) as Json;
  const [battery, warranty] = set.criteria as Json[];
  battery!.verification = { acceptedEvidence: ['test_report'], equivalentAccepted: true, presumptionByLabel: [{ scheme: 'TCO_CERTIFIED', minVersion: '10', basis }] };
  battery!.appliesTo = { categories: ['notebook'], condition: { property: 'battery.hasBattery', operator: '==', value: true } };
  warranty!.appliesTo = { categories: ['notebook', 'monitor'] };
  warranty!.verification = { acceptedEvidence: ['supplier_declaration', 'contract_document'], equivalentAccepted: true };
  const tag = String(set.id).slice(-8);
  set.criteria = [
    battery, warranty,
    { ...battery, id: `T-${tag}-LEGAL-2027`, sourceCode: 'L1', appliesTo: { categories: ['notebook'] }, effectiveFrom: '2027-02-18', rule: { property: 'battery.userReplaceable', operator: '==', value: true }, verification: { acceptedEvidence: ['technical_file'], equivalentAccepted: true } },
    { ...battery, id: `T-${tag}-MONITOR`, sourceCode: 'M1', appliesTo: { categories: ['monitor'] }, rule: { property: 'lifetime.sparePartsYears', operator: '>=', value: 7, unit: 'years' }, verification: { acceptedEvidence: ['supplier_declaration'], equivalentAccepted: true } },
    { ...battery, id: `T-${tag}-REFURB`, sourceCode: 'R1', appliesTo: { categories: ['notebook'], supply: 'refurbished' }, rule: { property: 'battery.usedBatterySohPct', operator: '>=', value: 80, unit: 'percent' }, verification: { acceptedEvidence: ['supplier_declaration'], equivalentAccepted: true } },
    {
      ...battery, id: `T-${tag}-TAKEBACK`, sourceCode: 'C1', type: 'CPC', stage: 'contractPerformance', appliesTo: { categories: ['notebook', 'monitor'] },
      statements: [{ id: 'take-back', text: 'We take back the devices at end of use.' }], rule: { declared: 'take-back' }, verification: { acceptedEvidence: ['contract_document'], equivalentAccepted: true },
    },
  ];
  return set;
}

const notebook = (extra: Json = {}): Json => ({
  category: 'notebook', manufacturer: 'Acme', model: 'Book 14', quantity: 90,
  battery: { hasBattery: true, cyclesAt80pct: 600, userReplaceable: false }, lifetime: { warrantyYears: 5 }, ...extra,
});
const monitor: Json = { category: 'monitor', manufacturer: 'Acme', model: 'View 24', quantity: 10, lifetime: { warrantyYears: 4, sparePartsYears: 7 } };
const dock: Json = { category: 'accessory', manufacturer: 'Acme', model: 'Dock 2', quantity: 5 };

describe('assessment semantics over HTTP', () => {
  const ctx = useTestService({ OUTBOX_GRACE_MS: '300', SEED_ON_START: 'false' });
  let set: Json;
  let profile: Json;

  beforeAll(async () => {
    set = lotSet();
    await ctx.client.post('/api/v1/criterion-sets').send(set).expect(201);
    await ctx.client.post(`/api/v1/criterion-sets/${String(set.id)}/publish`).expect(200);
    profile = (await ctx.client.post('/api/v1/tender-profiles').send({
      criterionSetIds: [set.id], category: 'notebook', level: 'comprehensive', lotCategories: ['monitor'], supply: 'new',
      deliveryDate: '2026-12-20', contractEndDate: '2028-12-31', country: 'SE', tenderRef: `LOT-${String(set.id)}`,
    }).expect(201)).body;
  });

  it('keeps the lot, supply, dates and country in the profile, and selects no refurbished-only criterion for new devices', () => {
    expect(profile).toMatchObject({ lotCategories: ['monitor'], supply: 'new', deliveryDate: '2026-12-20', contractEndDate: '2028-12-31', country: 'SE' });
    const ids = profile.criteria.map((pc: Json) => pc.criterion.id);
    expect(ids.some((id: string) => id.endsWith('-MONITOR'))).toBe(true);
    expect(ids.some((id: string) => id.endsWith('-REFURB'))).toBe(false);
  });

  it('assesses a lot of notebooks, monitors and a dock: each item against its own category, the dock not applicable, scores weighted by quantity', async () => {
    const res = await ctx.client.post('/api/v1/compliance-checks').send({ profileId: profile.id, offer: { supplier: { name: 'Lot Supplier' }, items: [notebook(), monitor, dock], services: [] } }).expect(201);
    const [nb, mon, dk] = res.body.items as [Json, Json, Json];
    const byEnd = (item: Json, end: string) => item.results.find((r: Json) => r.criterionId.endsWith(end));
    expect(dk.results.every((r: Json) => r.outcome === 'not_applicable')).toBe(true);
    expect(byEnd(mon, '-MONITOR')).toMatchObject({ outcome: 'pass', verification: 'declared' });
    expect(byEnd(nb, '-MONITOR').outcome).toBe('not_applicable');
    // Not yet in force on the delivery date.
    expect(byEnd(nb, '-LEGAL-2027')).toMatchObject({ outcome: 'not_applicable', effectiveFrom: '2027-02-18' });
    // Declared where only a test report is accepted: a pass to verify before award.
    expect(byEnd(nb, '-BATTERY')).toMatchObject({ outcome: 'pass', verification: 'declared', pendingVerification: true, verifyWith: ['test_report'] });
    expect(res.body.summary.toVerify).toEqual([expect.objectContaining({ itemIndex: 0, criterionId: expect.stringMatching(/-BATTERY$/), acceptedEvidence: ['test_report'] })]);
    expect(res.body.summary.commitmentsToObtain.map((m: Json) => m.statement)).toEqual(['take-back']);
    // 90 notebooks at 5 years (full points) and 10 monitors at 4 years (half): (90 × 1 + 10 × 0.5) / 100.
    expect(res.body.summary).toMatchObject({ compliant: true, scoreAggregation: 'quantityWeighted', awardScorePct: 95 });
  });

  it('refuses a claim for another model, an undated one and one registered for another market, and says why', async () => {
    const claim = { scheme: 'TCO_CERTIFIED', version: '10', certificateId: 'TCO-9', validUntil: '2029-01-01', covers: { manufacturer: 'Acme', models: ['Book 14'] } };
    const item = notebook({ battery: { hasBattery: true }, ecolabels: [
      { ...claim, certificateId: 'TCO-OTHER', covers: { manufacturer: 'Acme', models: ['Book 16'] } },
      { ...claim, certificateId: 'TCO-UNDATED', validUntil: undefined },
      { ...claim, certificateId: 'TCO-US', markets: ['US'] },
      { ...claim, certificateId: 'TCO-SHORT', validUntil: '2027-06-30' },
    ] });
    const res = await ctx.client.post('/api/v1/compliance-checks').send({ profileId: profile.id, offer: { supplier: { name: 'Claims' }, items: [item] } }).expect(201);
    const r = res.body.items[0].results.find((x: Json) => x.criterionId.endsWith('-BATTERY'));
    expect(r.outcome).toBe('evidence_missing');
    const text = r.messages.join('\n');
    expect(text).toContain('TCO-OTHER does not identify the offered item');
    expect(text).toContain('TCO-UNDATED has no validity date');
    expect(text).toContain('TCO-US is registered for US, not for SE');
    expect(text).toContain('TCO-SHORT is valid until 2027-06-30, before the end of the contract (2028-12-31)');
    const good = await ctx.client.post('/api/v1/compliance-checks').send({ profileId: profile.id, offer: { supplier: { name: 'Claims' }, items: [notebook({ battery: { hasBattery: true }, ecolabels: [claim] })] } }).expect(201);
    expect(good.body.items[0].results.find((x: Json) => x.criterionId.endsWith('-BATTERY'))).toMatchObject({ outcome: 'pass', verification: 'presumed', evidenceUsed: ['TCO-9'] });
  });

  it('shows what to verify and the commitments in the report, the ranking and the event, and ranks a refused clause as non-compliant', async () => {
    const consumer = await new EventConsumer(ctx.svc.config.amqpUrl, ctx.svc.config.amqpExchange).bind(['assessment.completed.v1.#']);
    try {
      const pending = await ctx.client.post('/api/v1/compliance-checks').send({ profileId: profile.id, offer: { supplier: { name: 'Pending AB' }, items: [notebook()] } }).expect(201);
      const refused = await ctx.client.post('/api/v1/compliance-checks').send({ profileId: profile.id, offer: { supplier: { name: 'Refuser AB' }, items: [notebook({ declarations: { 'take-back': false } })] } }).expect(201);
      expect(refused.body.summary).toMatchObject({ compliant: false, clausesRefused: 1 });

      const html = await ctx.client.get(`/api/v1/assessments/${String(pending.body.id)}/report`).expect(200);
      expect(html.text).toContain('To verify before award (1)');
      expect(html.text).toContain('Commitments to obtain before signing');
      expect(html.text).toContain('pending verification');

      const ranking = await ctx.client.get(`/api/v1/tender-profiles/${String(profile.id)}/ranking`).expect(200);
      const entry = ranking.body.entries.find((e: Json) => e.assessmentId === pending.body.id);
      expect(entry.pendingVerification).toBe(1);
      expect(entry.reason).toMatch(/verify before award: T-.*-BATTERY/);
      expect(ranking.body.entries.at(-1)).toMatchObject({ assessmentId: refused.body.id, compliant: false });
      expect(ranking.body.entries.at(-1).reason).toMatch(/non-compliant: fails T-.*-TAKEBACK/);

      const events = await consumer.collect((all) => all.some((m) => m.body.subject === pending.body.id));
      const data = events.find((m) => m.body.subject === pending.body.id)!.body.data as Json;
      expect(data).toMatchObject({ pendingVerification: 1, commitmentsToObtain: 1, clausesRefused: 0, conflicts: 0 });
    } finally {
      await consumer.delete();
    }
  });

  it('refuses likely unit mistakes and unknown properties, naming the property and the unit', async () => {
    const send = (item: Json, extra: Json = {}) => ctx.client.post('/api/v1/compliance-checks').send({ profileId: profile.id, offer: { supplier: { name: 'Units' }, items: [item] }, ...extra });
    const mm = await send(notebook({ durability: { dropTest: { standard: 'IEC 60068-2-31', heightCm: 450, passed: true } } })).expect(400);
    expect(mm.body.errors).toContainEqual({ pointer: '/body/offer/items/0/durability/dropTest/heightCm', reason: 'must be <= 300 (heightCm is in centimetres; millimetres entered as centimetres?)' });
    const months = await send(notebook({ lifetime: { warrantyYears: 36 } })).expect(400);
    expect(months.body.errors).toContainEqual({ pointer: '/body/offer/items/0/lifetime/warrantyYears', reason: 'must be <= 15 (warrantyYears is in years; months entered as years?)' });
    const pct = await send(notebook({ battery: { hasBattery: true, usedBatterySohPct: 180 } })).expect(400);
    expect(pct.body.errors[0].reason).toContain('percent, from 0 to 100');
    const unknown = await send(notebook(), { sets: ['x'] }).expect(400);
    expect(unknown.body.errors).toContainEqual({ pointer: '/body/sets', reason: '"sets" is not an allowed property' });
  });
});
