import { readFileSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { mintToken } from '../support/auth';
import { api } from '../support/contract';
import { compliantNotebookOffer, handCheckedNotebookOffer } from '../support/offer-fixtures';
import { useTestService } from '../support/test-service';
import { migrateStoredDocuments } from '../../src/infra/mongo/migrations/stored-documents.migration';
import { runMigration } from '../../src/migrate';
import { collectionsToMigrate } from '../../src/infra/mongo/migrations/schema-state';
import { ensureStoreIndexes, STORE_INDEXES } from '../../src/infra/mongo/store.indexes';
import { createLogger } from '../../src/infra/logging/logger';

type Json = Record<string, any>;
type StoredDoc = Json & { _id: string };
const TODAY = '2026-11-28';
const { EJSON } = mongoose.mongo.BSON;

describe('stored documents as database users query them', () => {
  const started = Date.now();
  const clock = { now: () => new Date(Date.parse(`${TODAY}T12:00:00Z`) + Date.now() - started) };
  const ctx = useTestService({}, { clock });
  const db = () => ctx.svc.service.mongo.connection.db!;
  let profileId = '';
  const ids: string[] = [];
  const created: Json[] = [];

  beforeAll(async () => {
    const profile = await ctx.client.post('/api/v1/tender-profiles').send({ criterionSetIds: ['eu-gpp-computers-2021'], category: 'notebook', level: 'core', tenderRef: 'T-STATS' }).expect(201);
    profileId = profile.body.id;
    for (const offer of [handCheckedNotebookOffer(), compliantNotebookOffer('Acme', 14), { ...handCheckedNotebookOffer(), id: 'offer-hand-2' }]) {
      const res = await ctx.client.post('/api/v1/compliance-checks').send({ profileId, assessmentDate: TODAY, offer: { ...offer, tenderRef: 'T-STATS' } }).expect(201);
      ids.push(res.body.id);
      created.push(res.body);
    }
  });

  it('stores assessments whose results can be filtered by criterion and outcome, with dates as dates', async () => {
    const col = db().collection<StoredDoc>('assessments');
    const failedTs2 = await col.find({ tenderRef: 'T-STATS', 'results.criterionId': 'GPP21-TS2-core', 'results.outcome': 'fail' }, { projection: { _id: 1 } }).toArray();
    const api1 = await ctx.client.get(`/api/v1/assessments/${ids[0]}`).expect(200);
    // Read back from the stored document: the same JSON, field order included, as the check answered.
    expect(JSON.stringify(api1.body)).toBe(JSON.stringify(created[0]));
    const ts2 = api1.body.items[0].results.find((r: Json) => r.criterionId === 'GPP21-TS2-core');
    expect(ts2.outcome).toBe('fail');
    expect(failedTs2.map((d) => d._id)).toContain(ids[0]);
    const doc = (await col.findOne({ _id: ids[0] }))!;
    expect(doc.evaluatedAt).toBeInstanceOf(Date);
    expect(doc.evaluatedAt.toISOString()).toBe(api1.body.evaluatedAt);
    expect(doc).toMatchObject({ schemaVersion: 2, verdict: 'non_compliant', summary: { mandatoryFailed: api1.body.summary.mandatoryFailed } });
    expect(typeof doc.summary.awardScorePct).toBe('number');
    expect(doc.body).toBeUndefined();
    const profile = (await db().collection<StoredDoc>('tender_profiles').findOne({ _id: profileId }))!;
    expect(profile.createdAt).toBeInstanceOf(Date);
    expect(profile.criteria.length).toBeGreaterThan(10);
  });

  it('creates every declared index of every collection at start, where the engine uses them, and again on the next start', async () => {
    // FerretDB on SQLite filters every field but _id by reading each document (explain says so); it gets no indexes.
    const plan = await db().command({ explain: { find: 'assessments', filter: { organisation: 'org-a' } } });
    const usesIndexes = plan.filterPushdown !== false;
    const expectDeclared = async () => {
      for (const [collection, specs] of Object.entries(STORE_INDEXES)) {
        const keys = (await db().collection(collection).indexes()).map((i) => JSON.stringify(i.key));
        const expected = usesIndexes ? ['{"_id":1}', ...specs.map((s) => JSON.stringify(s.key))] : ['{"_id":1}'];
        expect({ collection, keys: keys.sort() }).toEqual({ collection, keys: expected.sort() });
      }
    };
    await expectDeclared(); // as the service left them at start
    await ensureStoreIndexes(ctx.svc.service.mongo.connection, createLogger('silent'));
    await expectDeclared();
  });

  it('stores the audit trail with dates, and filters it by them', async () => {
    const events = await ctx.client.get(`/api/v1/audit-events?action=createComplianceCheck&from=${encodeURIComponent(`${TODAY}T00:00:00Z`)}`).expect(200);
    expect(events.body.total).toBeGreaterThanOrEqual(3);
    const stored = (await db().collection<StoredDoc>('audit_events').findOne({ action: 'createComplianceCheck' }))!;
    expect(stored.at).toBeInstanceOf(Date);
    expect(stored.schemaVersion).toBe(2);
    const none = await ctx.client.get(`/api/v1/audit-events?action=createComplianceCheck&to=${encodeURIComponent('2000-01-01T00:00:00Z')}`).expect(200);
    expect(none.body.total).toBe(0);
  });

  it('counts each criterion\u2019s outcomes in the database, per tender and over a period', async () => {
    const results = await Promise.all(ids.map(async (id) => (await ctx.client.get(`/api/v1/assessments/${id}`).expect(200)).body.items[0].results as Json[]));
    const expected = (criterionId: string, outcome: string) => results.filter((rs) => rs.find((r) => r.criterionId === criterionId)?.outcome === outcome).length;
    const tender = await ctx.client.get('/api/v1/statistics/tenders/T-STATS').expect(200);
    expect(tender.body).toMatchObject({ tenderRef: 'T-STATS', assessments: 3, offers: 3 });
    expect(tender.body.verdicts.compliant + tender.body.verdicts.nonCompliant + tender.body.verdicts.undetermined).toBe(3);
    const row = (body: Json, id: string) => body.criteria.find((c: Json) => c.criterionId === id);
    for (const id of ['GPP21-TS2-core', 'GPP21-TS6-core', 'GPP21-TS1-core', 'GPP21-TS24-core']) {
      expect(row(tender.body, id)).toMatchObject({ pass: expected(id, 'pass'), fail: expected(id, 'fail'), evidenceMissing: expected(id, 'evidence_missing'), notApplicable: expected(id, 'not_applicable') });
    }
    const pending = results.filter((rs) => rs.find((r) => r.criterionId === 'GPP21-TS6-core')?.pendingVerification).length;
    expect(pending).toBeGreaterThan(0);
    expect(row(tender.body, 'GPP21-TS6-core').pendingVerification).toBe(pending);
    expect(row(tender.body, 'GPP21-TS2-core').assessed).toBe(3);

    const period = await ctx.client.get(`/api/v1/statistics/criteria?tenderRef=T-STATS&category=notebook&criterionSetId=eu-gpp-computers-2021&from=${encodeURIComponent(`${TODAY}T00:00:00Z`)}`).expect(200);
    expect(period.body.assessments).toBe(3);
    expect(row(period.body, 'GPP21-TS2-core')).toEqual(row(tender.body, 'GPP21-TS2-core'));
    const before = await ctx.client.get(`/api/v1/statistics/criteria?tenderRef=T-STATS&to=${encodeURIComponent(`${TODAY}T00:00:00Z`)}`).expect(200);
    expect(before.body).toEqual({ assessments: 0, criteria: [] });
    const otherCategory = await ctx.client.get('/api/v1/statistics/criteria?tenderRef=T-STATS&category=server').expect(200);
    expect(otherCategory.body.criteria).toEqual([]);
  });

  it('shows an organisation only its own assessments', async () => {
    const other = api(ctx.svc.service.app, { token: await mintToken({ org: 'other-org', sub: 'buyer', scopes: ['assessments:read'] }) });
    await other.get('/api/v1/statistics/tenders/T-STATS').expect(404);
    const mine = await other.get('/api/v1/statistics/criteria?tenderRef=T-STATS').expect(200);
    expect(mine.body).toEqual({ assessments: 0, criteria: [] });
    const bad = await ctx.client.get('/api/v1/statistics/criteria?from=yesterday').expect(400);
    expect(bad.body.errors[0].pointer).toBe('/query/from');
  });

  describe('npm run migrate on a store written before schema version 2', () => {
    const legacy = EJSON.parse(readFileSync(path.join(__dirname, '../fixtures/legacy-store.json'), 'utf8')) as Record<string, Json[]>;

    it('converts every document, reads the same, can stop and continue, and changes nothing on a second run', async () => {
      // The service marked its new store current at start, as a fresh install; an old store has no mark.
      expect(await collectionsToMigrate(ctx.svc.service.mongo.connection)).toEqual([]);
      await db().collection('schema_state').deleteMany({});
      for (const [name, docs] of Object.entries(legacy)) await db().collection(name).insertMany(docs);
      expect(await collectionsToMigrate(ctx.svc.service.mongo.connection)).toEqual(['tender_profiles', 'assessments', 'audit_events']);
      const legacyAssessment = JSON.parse(legacy.assessments![0]!.body as string) as Json;
      // Before the migration the service still reads the old form.
      const before = await ctx.client.get(`/api/v1/assessments/${legacyAssessment.id}`).expect(200);

      // A first run stopped after its first document...
      const stop = new Error('stopped');
      await expect(migrateStoredDocuments(ctx.svc.service.mongo.connection, { progressEvery: 1, progress: () => { throw stop; } })).rejects.toBe(stop);
      expect(await db().collection('tender_profiles').countDocuments({ body: { $exists: true } })).toBe(legacy.tender_profiles!.length - 1);
      // ...continues where it stopped.
      const counts = await migrateStoredDocuments(ctx.svc.service.mongo.connection);
      expect(counts).toEqual({ tender_profiles: legacy.tender_profiles!.length - 1, assessments: legacy.assessments!.length, audit_events: legacy.audit_events!.length });
      for (const name of ['assessments', 'tender_profiles']) expect(await db().collection(name).countDocuments({ body: { $exists: true } })).toBe(0);
      expect(await db().collection('audit_events').countDocuments({ schemaVersion: { $exists: false } })).toBe(0);

      const after = await ctx.client.get(`/api/v1/assessments/${legacyAssessment.id}`).expect(200);
      expect(JSON.stringify(after.body)).toBe(JSON.stringify(before.body));
      const doc = (await db().collection<StoredDoc>('assessments').findOne({ _id: legacyAssessment.id }))!;
      expect(doc).toMatchObject({ schemaVersion: 2, evaluatedAt: new Date(legacyAssessment.evaluatedAt as string), outbox: legacy.assessments![0]!.outbox });
      const audit = (await db().collection<StoredDoc>('audit_events').findOne({ _id: legacy.audit_events![0]!._id }))!;
      expect(audit.at).toEqual(new Date(legacy.audit_events![0]!.at as string));
      const stats = await ctx.client.get('/api/v1/statistics/tenders/T-2026-LEGACY').expect(200);
      expect(stats.body).toMatchObject({ assessments: 2, offers: expect.any(Number) });

      expect(await migrateStoredDocuments(ctx.svc.service.mongo.connection)).toEqual({ tender_profiles: 0, assessments: 0, audit_events: 0 });
      expect(await collectionsToMigrate(ctx.svc.service.mongo.connection)).toEqual([]);
    });

    it('converts them back for a rollback: the documents an earlier release wrote, field for field', async () => {
      const uri = ctx.svc.config.mongodbUri;
      expect(await runMigration(uri, ['--to', '1'])).toBe(0);
      expect(await collectionsToMigrate(ctx.svc.service.mongo.connection)).toEqual(['tender_profiles', 'assessments', 'audit_events']);
      for (const name of ['assessments', 'tender_profiles', 'audit_events']) {
        for (const original of legacy[name]!) {
          const back = (await db().collection<StoredDoc>(name).findOne({ _id: original._id }))!;
          const { body, ...fields } = back;
          const { body: originalBody, ...originalFields } = original;
          expect(fields).toEqual(originalFields);
          if (originalBody !== undefined) expect(JSON.parse(body as string)).toEqual(JSON.parse(originalBody as string));
        }
      }
      expect(await runMigration(uri, [])).toBe(0);
      expect(await db().collection('assessments').countDocuments({ body: { $exists: true } })).toBe(0);
      expect(await runMigration(uri, ['--to', '3'])).toBe(2);
    });
  });
});
