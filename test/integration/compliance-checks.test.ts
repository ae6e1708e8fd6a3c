import { randomUUID } from 'node:crypto';
import { decodeCsv } from '../support/csv-reader';
import { draftSet } from '../support/catalogue-fixtures';
import { compliantNotebookOffer, handCheckedNotebookOffer } from '../support/offer-fixtures';
import { useTestService } from '../support/test-service';

type Json = Record<string, any>;
const inline = { criterionSetIds: ['eu-gpp-computers-2021'], category: 'notebook', level: 'core' };

/** The day the hand-checked outcomes below were worked out; assessments are dated from it. */
const TODAY = '2026-11-28';

describe('compliance checks', () => {
  // The service's clock starts on TODAY and runs from there, so that the assessment dates stay
  // within the window it accepts around today however late this test runs, and later checks are
  // still later (the ranking takes the latest assessment of an offer).
  const started = Date.now();
  const clock = { now: () => new Date(Date.parse(`${TODAY}T12:00:00Z`) + Date.now() - started) };
  // The embedded FerretDB/SQLite decodes every stored document in full on each query and insert
  // (no pushdown; ~6 ms per assessment, docs/operations.md §9): a 1,000-offer batch and a list
  // over it take seconds there, so this suite allows requests more than the 30 s default.
  const ctx = useTestService({ REQUEST_TIMEOUT_MS: '120000' }, { clock });

  const resultsById = (assessment: Json): Record<string, Json> =>
    Object.fromEntries(assessment.items[0].results.map((r: Json) => [r.criterionId, r]));

  it('assesses a notebook against EU GPP 2021 core with outcomes a procurement officer can check by hand', async () => {
    const res = await ctx.client.post('/api/v1/compliance-checks').send({ ...inline, assessmentDate: TODAY, offer: handCheckedNotebookOffer() }).expect(201);
    expect(res.headers.location).toBe(`/api/v1/assessments/${res.body.id}`);
    const r = resultsById(res.body);
    expect(r['GPP21-TS6-core']).toMatchObject({ outcome: 'pass', via: 'declaration', observed: { 'battery.cyclesAt80pct': 300 } });
    expect(r['GPP21-TS6-core']!.expected).toContain('300');
    expect(r['GPP21-TS8-core']).toMatchObject({ outcome: 'pass', observed: { 'battery.sohSoftware': true }, via: 'test_report', evidenceUsed: ['LAB-2026-0042'] });
    expect(r['GPP21-TS9-core']).toMatchObject({ outcome: 'fail', observed: { 'battery.chargeLimitSoftware': false } });
    expect(r['GPP21-TS3-core']!.outcome).toBe('pass');
    expect(r['GPP21-TS2-core']).toMatchObject({ outcome: 'fail', observed: { 'lifetime.sparePartsYears': 2 } });
    expect(r['GPP21-TS1-core']).toMatchObject({ outcome: 'evidence_missing' });
    expect(r['GPP21-TS1-core']!.missing[0]).toMatchObject({ property: 'lifetime.serviceAgreementYears' });
    expect(r['GPP21-TS4-core']!.outcome).toBe('pass');
    expect(r['GPP21-TS14-core']!.outcome).toBe('pass');
    expect(r['GPP21-TS18-core']!.outcome).toBe('pass');
    expect(r['GPP21-TS11-core']!.outcome).toBe('pass');
    // No label version is known to be as strict as TS21, so the EPEAT claim presumes nothing.
    expect(r['GPP21-TS21-core']).toMatchObject({ outcome: 'evidence_missing' });
    expect(r['GPP21-TS6-core']).toMatchObject({ verification: 'declared', pendingVerification: true, verifyWith: ['test_report'] });
    expect(r['GPP21-TS5-core']!.outcome).toBe('evidence_missing');
    expect(r['GPP21-TS23-core']!.outcome).toBe('evidence_missing');
    for (const id of ['GPP21-TS24-core', 'GPP21-TS25-core', 'GPP21-TS26-core', 'GPP21-SC2-core']) expect(r[id]!.outcome).toBe('not_applicable');
    const ac5 = r['GPP21-AC5-core']!;
    expect(ac5.maxPoints).toBe(10);
    expect(ac5.points).toBeGreaterThan(0);
    expect(ac5.points).toBeLessThan(10);

    const s = res.body.summary;
    expect(s.compliant).toBe(false);
    expect(s.mandatoryFailed).toBe(2);
    expect(s.mandatoryMissingEvidence).toBe(4);
    expect(s.missingEvidence.map((m: Json) => m.criterionId)).toEqual(expect.arrayContaining(['GPP21-TS1-core', 'GPP21-TS5-core', 'GPP21-TS21-core', 'GPP21-TS23-core']));
    expect(s.toVerify.map((v: Json) => v.criterionId)).toEqual(expect.arrayContaining(['GPP21-TS3-core', 'GPP21-TS6-core']));
    expect(res.body.criterionSet).toEqual({ id: 'eu-gpp-computers-2021', version: expect.any(String) });
    expect(res.body.offer).toBeUndefined();

    const read = await ctx.client.get(res.headers.location as string).expect(200);
    expect(read.body).toEqual(res.body);
  });

  it('does not accept an expired ecolabel claim, and says so', async () => {
    const offer = handCheckedNotebookOffer();
    const claim = { scheme: 'EPEAT', version: 'IEEE 1680.1-2018', tier: 'silver', certificateId: 'EPEAT-OLD', validUntil: '2025-01-31', covers: { manufacturer: 'Acme', models: ['EcoBook 14'] } };
    offer.items = [{ ...(offer.items as Json[])[0], ecolabels: [claim] }];
    const epeat = { criterionSetIds: ['epeat-ieee-1680-1-2018'], category: 'notebook', level: 'core' };
    const res = await ctx.client.post('/api/v1/compliance-checks').send({ ...epeat, assessmentDate: TODAY, offer }).expect(201);
    const bronze = resultsById(res.body)['EPEAT18-TIER-BRONZE']!;
    expect(bronze.outcome).toBe('evidence_missing');
    expect(bronze.messages.join(' ')).toMatch(/EPEAT-OLD expired on 2025-01-31/);
    offer.items = [{ ...(offer.items as Json[])[0], ecolabels: [{ ...claim, validUntil: '2030-01-01' }] }];
    const valid = await ctx.client.post('/api/v1/compliance-checks').send({ ...epeat, assessmentDate: TODAY, offer }).expect(201);
    expect(resultsById(valid.body)['EPEAT18-TIER-BRONZE']!.outcome).toBe('pass');
  });

  it('refuses an assessment date outside one year either side of today, so expired labels cannot be revived by backdating', async () => {
    const day = (years: number, days = 0) => {
      const d = clock.now();
      d.setUTCFullYear(d.getUTCFullYear() + years);
      d.setUTCDate(d.getUTCDate() + days);
      return d.toISOString().slice(0, 10);
    };
    const before = (await ctx.client.get('/api/v1/assessments').expect(200)).body.total as number;
    for (const assessmentDate of ['0000-01-01', day(-1, -1), day(1, 1)]) {
      const single = await ctx.client.post('/api/v1/compliance-checks').send({ ...inline, assessmentDate, offer: compliantNotebookOffer('Backdated', 9) }).expect(400);
      expect(single.headers['content-type']).toContain('application/problem+json');
      expect(single.body.errors).toEqual([{ pointer: '/body/assessmentDate', reason: `must be between ${day(-1)} and ${day(1)} (one year either side of today)` }]);
      const batch = await ctx.client.post('/api/v1/compliance-checks/batch').send({ ...inline, assessmentDate, offers: [compliantNotebookOffer('Backdated', 9)] }).expect(400);
      expect(batch.body.errors).toEqual([expect.objectContaining({ pointer: '/body/assessmentDate' })]);
    }
    expect((await ctx.client.get('/api/v1/assessments').expect(200)).body.total).toBe(before);
    await ctx.client.post('/api/v1/compliance-checks').send({ ...inline, assessmentDate: day(-1, 1), offer: compliantNotebookOffer('Last year', 9) }).expect(201);
  });

  it('rejects values of the wrong type or unit at the API, storing nothing', async () => {
    const offer = handCheckedNotebookOffer();
    (offer.items as Json[])[0]!.battery.cyclesAt80pct = '300 cycles';
    (offer.items as Json[])[0]!.lifetime.warrantyMonths = 36;
    const res = await ctx.client.post('/api/v1/compliance-checks').send({ ...inline, offer }).expect(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/body/offer/items/0/battery/cyclesAt80pct', reason: 'must be integer' },
        { pointer: '/body/offer/items/0/lifetime/warrantyMonths', reason: 'is not an allowed property' },
      ]),
    );
    const listed = await ctx.client.get(`/api/v1/assessments?offerId=${String(offer.id)}`).expect(200);
    expect(listed.body.total).toBe(0);
    // An item of a category the tender's criteria do not cover is not applicable, not an error.
    const otherCategory = handCheckedNotebookOffer();
    (otherCategory.items as Json[])[0]!.category = 'server';
    const outside = await ctx.client.post('/api/v1/compliance-checks').send({ ...inline, offer: otherCategory }).expect(201);
    expect(outside.body.items[0].results.every((r: Json) => r.outcome === 'not_applicable')).toBe(true);
  });

  it('returns the first assessment for a retried Idempotency-Key, and refuses the key for another request', async () => {
    const key = `idem-${randomUUID()}`;
    const body = { ...inline, offer: handCheckedNotebookOffer() };
    const first = await ctx.client.post('/api/v1/compliance-checks').set('Idempotency-Key', key).send(body).expect(201);
    const retries = await Promise.all([1, 2, 3].map(() => ctx.client.post('/api/v1/compliance-checks').set('Idempotency-Key', key).send(body).expect(200)));
    for (const retry of retries) expect(retry.body.id).toBe(first.body.id);
    const listed = await ctx.client.get(`/api/v1/assessments?offerId=${String(body.offer.id)}`).expect(200);
    expect(listed.body.total).toBe(1);
    const other = await ctx.client.post('/api/v1/compliance-checks').set('Idempotency-Key', key).send({ ...inline, offer: handCheckedNotebookOffer() }).expect(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const racingKey = `race-${randomUUID()}`;
    const racingBody = { ...inline, offer: handCheckedNotebookOffer() };
    const racers = await Promise.all([1, 2, 3, 4].map(() => ctx.client.post('/api/v1/compliance-checks').set('Idempotency-Key', racingKey).send(racingBody)));
    expect(new Set(racers.map((r) => r.body.id)).size).toBe(1);
    expect(racers.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    expect((await ctx.client.get(`/api/v1/assessments?offerId=${String(racingBody.offer.id)}`).expect(200)).body.total).toBe(1);
  });

  it('keeps a profile and its assessments unchanged when a set is retired, and refuses retired sets for new profiles', async () => {
    const def = draftSet();
    await ctx.client.post('/api/v1/criterion-sets').send(def).expect(201);
    await ctx.client.post(`/api/v1/criterion-sets/${def.id}/publish`).expect(200);
    const profile = await ctx.client
      .post('/api/v1/tender-profiles')
      .send({ tenderRef: 'T-RETIRE', criterionSetIds: [def.id], category: 'notebook', level: 'comprehensive', parameters: { [def.criteria[1]!.id]: { topYears: 6 } }, awardWeights: { [def.criteria[1]!.id]: 40 } })
      .expect(201);
    expect(profile.body.criteria.map((c: Json) => c.criterion.id)).toEqual(def.criteria.map((c) => c.id));
    expect(profile.body.criteria[1]).toMatchObject({ parameters: { topYears: 6 }, maxPoints: 40, mandatory: false });
    expect(profile.body.criterionSets).toEqual([{ id: def.id, version: def.version, revision: 2 }]);
    const offer = {
      supplier: { name: 'Repairable Ltd' },
      items: [{ category: 'notebook', manufacturer: 'A', model: 'B', battery: { hasBattery: true, cyclesAt80pct: 800 }, lifetime: { warrantyYears: 4 } }],
    };
    const before = await ctx.client.post('/api/v1/compliance-checks').send({ profileId: profile.body.id, offer }).expect(201);
    const award = before.body.items[0].results[1];
    expect(award).toMatchObject({ outcome: 'pass', points: 20, maxPoints: 40 });
    await ctx.client.post(`/api/v1/criterion-sets/${def.id}/retire`).expect(200);
    expect((await ctx.client.get(`/api/v1/tender-profiles/${profile.body.id}`).expect(200)).body).toEqual(profile.body);
    expect((await ctx.client.get(`/api/v1/assessments/${before.body.id}`).expect(200)).body).toEqual(before.body);
    await ctx.client.post('/api/v1/compliance-checks').send({ profileId: profile.body.id, offer }).expect(201);
    const refused = await ctx.client.post('/api/v1/tender-profiles').send({ criterionSetIds: [def.id], category: 'notebook', level: 'core' }).expect(400);
    expect(refused.body.errors[0]).toEqual({ pointer: '/body/criterionSetIds/0', reason: `criterion set "${def.id}" is retired; only published sets are offered for new checks` });
  });

  it('validates profile choices against the catalogue', async () => {
    const res = await ctx.client
      .post('/api/v1/tender-profiles')
      .send({ criterionSetIds: ['eu-gpp-computers-2021', 'nope-set'], category: 'notebook', level: 'core' })
      .expect(400);
    expect(res.body.errors).toEqual([{ pointer: '/body/criterionSetIds/1', reason: 'criterion set "nope-set" does not exist' }]);
    const bad = await ctx.client
      .post('/api/v1/tender-profiles')
      .send({ ...inline, exclude: ['GPP21-TS99'], parameters: { 'GPP21-TS1-core': { serviceAgreementYears: 'three' } }, awardWeights: { 'GPP21-TS1-core': 5 } })
      .expect(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/body/exclude/0', reason: 'criterion "GPP21-TS99" is not selected' },
        { pointer: '/body/parameters/GPP21-TS1-core/serviceAgreementYears', reason: 'must be a number' },
        { pointer: '/body/awardWeights/GPP21-TS1-core', reason: 'criterion "GPP21-TS1-core" is not an award criterion' },
      ]),
    );
    const comp = await ctx.client.post('/api/v1/tender-profiles').send({ ...inline, level: 'comprehensive' }).expect(201);
    const ids = comp.body.criteria.map((c: Json) => c.criterion.id);
    expect(ids).toContain('GPP21-TS6-comp');
    expect(ids).not.toContain('GPP21-TS6-core');
    expect(ids).toContain('GPP21-TS14-comp');
  });

  it('ranks a tender: compliant by award score, then undetermined, non-compliant last, with reasons', async () => {
    const profile = await ctx.client
      .post('/api/v1/tender-profiles')
      .send({ tenderRef: `RANK-${randomUUID().slice(0, 6)}`, ...inline, awardWeights: { 'GPP21-AC5-core': 20 } })
      .expect(201);
    const check = (offer: Json) => ctx.client.post('/api/v1/compliance-checks').send({ profileId: profile.body.id, offer }).expect(201);
    const bestFailing = compliantNotebookOffer('Cheap Batteries', 3);
    (bestFailing.items as Json[])[0]!.battery.cyclesAt80pct = 100;
    const undetermined = compliantNotebookOffer('Vague Declarations', 3);
    delete (undetermined.items as Json[])[0]!.lifetime.serviceAgreementYears;
    const low = await check(compliantNotebookOffer('Average Energy', 20));
    const high = await check(compliantNotebookOffer('Efficient Machines', 3));
    const und = await check(undetermined);
    const failing = await check(bestFailing);
    expect(high.body.summary).toMatchObject({ compliant: true });
    expect(high.body.summary.awardPoints).toBeGreaterThan(low.body.summary.awardPoints);

    const ranking = await ctx.client.get(`/api/v1/tender-profiles/${profile.body.id}/ranking`).expect(200);
    expect(ranking.body.entries.map((e: Json) => e.assessmentId)).toEqual([high.body.id, low.body.id, und.body.id, failing.body.id]);
    expect(ranking.body.entries.map((e: Json) => e.rank)).toEqual([1, 2, 3, 4]);
    expect(ranking.body.entries[0].reason).toMatch(/^compliant/);
    expect(ranking.body.entries[2].reason).toMatch(/^undetermined: evidence missing for GPP21-TS1-core/);
    expect(ranking.body.entries[3].reason).toMatch(/^non-compliant: fails GPP21-TS6-core/);

    // a re-assessment of the same offer replaces the earlier one in the ranking
    const fixed = { ...bestFailing };
    (fixed.items as Json[])[0]!.battery.cyclesAt80pct = 1000;
    (fixed.items as Json[])[0]!.energy.tecKWhPerYear = 1;
    const reassessed = await check(fixed);
    const again = await ctx.client.get(`/api/v1/tender-profiles/${profile.body.id}/ranking`).expect(200);
    expect(again.body.entries).toHaveLength(4);
    const entry = again.body.entries.find((e: Json) => e.offerId === bestFailing.id);
    expect(entry).toMatchObject({ assessmentId: reassessed.body.id, compliant: true });
    expect(entry.rank).toBeLessThan(3);
    expect(again.body.entries.at(-1).assessmentId).toBe(und.body.id);

    const nonCompliant = await ctx.client.get(`/api/v1/assessments?profileId=${profile.body.id}&compliant=false`).expect(200);
    expect(nonCompliant.body.items.map((a: Json) => a.id)).toEqual([failing.body.id]);
  });

  it('checks a batch: each offer stored and addressable, each item against its own category, retries replayed', async () => {
    const profile = await ctx.client.post('/api/v1/tender-profiles').send(inline).expect(201);
    const tablet = handCheckedNotebookOffer();
    (tablet.items as Json[])[0]!.category = 'tablet';
    const offers = [handCheckedNotebookOffer(), tablet, compliantNotebookOffer('Batch Co', 10)];
    // Each item meets the criteria of its own category: the tablet is assessed, not refused.
    const key = `batch-${randomUUID()}`;
    const res = await ctx.client.post('/api/v1/compliance-checks/batch').set('Idempotency-Key', key).send({ profileId: profile.body.id, offers }).expect(200);
    expect(res.body).toMatchObject({ total: 3, created: 3, replayed: 0, failed: 0 });
    expect(res.body.results.map((r: Json) => r.status)).toEqual([201, 201, 201]);
    const tabletAssessment = await ctx.client.get(res.body.results[1].location).expect(200);
    expect(tabletAssessment.body.items[0].results.filter((r: Json) => r.outcome !== 'not_applicable').length).toBeGreaterThan(0);
    for (const r of [res.body.results[0], res.body.results[2]]) await ctx.client.get(r.location).expect(200);
    const retry = await ctx.client.post('/api/v1/compliance-checks/batch').set('Idempotency-Key', key).send({ profileId: profile.body.id, offers }).expect(200);
    expect(retry.body).toMatchObject({ created: 0, replayed: 3, failed: 0 });
    expect(retry.body.results[0].assessmentId).toBe(res.body.results[0].assessmentId);
  });

  it('takes 1,000 offers in one batch and refuses 1,001', async () => {
    const profile = await ctx.client.post('/api/v1/tender-profiles').send(inline).expect(201);
    const offers = Array.from({ length: 1000 }, (_, i) => compliantNotebookOffer(`Supplier ${i}`, 5 + (i % 20)));
    const res = await ctx.client.post('/api/v1/compliance-checks/batch').send({ profileId: profile.body.id, offers }).expect(200);
    expect(res.body).toMatchObject({ total: 1000, created: 1000, failed: 0 });
    expect(new Set(res.body.results.map((r: Json) => r.assessmentId)).size).toBe(1000);
    const stored = await ctx.client.get(`/api/v1/assessments?profileId=${profile.body.id}&pageSize=1`).expect(200);
    expect(stored.body.total).toBe(1000);
    const tooMany = await ctx.client.post('/api/v1/compliance-checks/batch').send({ profileId: profile.body.id, offers: [...offers, offers[0]] }).expect(400);
    expect(tooMany.body.errors[0].pointer).toBe('/body/offers');
  }, 120_000);

  it('renders the assessment as a printable HTML page and as CSV', async () => {
    const offer = handCheckedNotebookOffer({ supplier: { name: 'Evil <script>alert(1)</script> Corp' } });
    const created = await ctx.client.post('/api/v1/compliance-checks').send({ ...inline, offer }).expect(201);
    const html = await ctx.client.get(`/api/v1/assessments/${created.body.id}/report`).expect(200).expect('Content-Type', /text\/html/);
    expect(html.text).toContain('Evil &lt;script&gt;alert(1)&lt;/script&gt; Corp');
    expect(html.text).not.toContain('<script>');
    expect(html.text).toContain('Not compliant');
    expect(html.text).toContain('GPP21-TS9-core');
    expect(html.text).toContain('Missing evidence');
    const csv = await ctx.client.get(`/api/v1/assessments/${created.body.id}/report?format=csv`).expect(200).expect('Content-Type', /text\/csv/);
    const rows = decodeCsv(csv.text);
    expect(rows[0]).toContain('outcome');
    expect(rows.length - 1).toBe(created.body.items[0].results.length);
  });
});
