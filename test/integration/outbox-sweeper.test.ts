import mongoose from 'mongoose';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { systemClock } from '../../src/domain/clock';
import { EventPublisher } from '../../src/infra/amqp/event.publisher';
import { createLogger } from '../../src/infra/logging/logger';
import { OUTBOX_COLLECTIONS } from '../../src/infra/outbox/outbox.fields';
import { OutboxMarkers } from '../../src/infra/outbox/outbox.markers';
import { createOutboxMetrics } from '../../src/infra/outbox/outbox.metrics';
import { OutboxPending } from '../../src/infra/outbox/outbox.pending';
import { NO_SINK } from '../../src/infra/outbox/outbox.sink';
import { OutboxSweeper } from '../../src/infra/outbox/outbox.sweeper';
import { MongoAssessmentRepository } from '../../src/infra/mongo/compliance/compliance.repositories';
import { createCompliance } from '../../src/wiring/compliance.wiring';
import { TEST_ORG } from '../support/auth';
import { api } from '../support/contract';
import { EventConsumer } from '../support/event-consumer';
import { compliantNotebookOffer } from '../support/offer-fixtures';
import { eventually, startTestService, type TestService } from '../support/test-service';

const inline = { criterionSetIds: ['eu-gpp-computers-2021'], category: 'notebook', level: 'core' };
const AGGREGATES = new Set<string>(OUTBOX_COLLECTIONS);

interface Command {
  name: string;
  collection: string;
  filter?: Record<string, unknown>;
}

/**
 * What a sweep asks the database, seen by the driver's command monitoring on a connection of the
 * test's own: the point of the pending entries is that an idle sweep reads no aggregate.
 */
describe('outbox sweeper cost follows the pending events, not the stored ones', () => {
  let svc: TestService;
  let connection: mongoose.Connection;
  let sweeper: OutboxSweeper;
  let consumer: EventConsumer;
  const commands: Command[] = [];
  let profileId: string;

  beforeAll(async () => {
    // The service's own sweeper runs once at start and then holds a 1-second lease only.
    svc = await startTestService({ OUTBOX_SWEEP_INTERVAL_MS: '3600000', OUTBOX_LEASE_MS: '1000' });
    await eventually(() => expect(svc.service.amqp.state().up).toBe(true));
    consumer = await new EventConsumer(svc.config.amqpUrl, svc.config.amqpExchange).bind(['#']);
    profileId = (await api(svc.service.app).post('/api/v1/tender-profiles').send(inline).expect(201)).body.id as string;
    connection = await mongoose.createConnection(svc.config.mongodbUri, { monitorCommands: true }).asPromise();
    connection.getClient().on('commandStarted', (e) => {
      const target = e.command[e.commandName] as unknown;
      const collection = e.commandName === 'getMore' ? String(e.command.collection) : String(target);
      commands.push({ name: e.commandName, collection, filter: (e.command.filter ?? e.command.q) as Record<string, unknown> | undefined });
    });
    sweeper = new OutboxSweeper(connection, svc.service.amqp, new EventPublisher(svc.service.amqp), new OutboxMarkers(connection), createOutboxMetrics(new Registry()), createLogger('warn'), {
      intervalMs: 3_600_000, graceMs: 200, overlapMs: 300, leaseMs: 1_000, batchSize: 100, markerRetentionMs: 60_000, byIdLimit: 8,
    }, 'probe');
  });
  afterAll(async () => {
    await sweeper.stop();
    await connection.close();
    await consumer.delete();
    await svc.stop();
  });

  /** Sweeps (waiting out the service's lease) and returns the report and the commands it sent. */
  async function sweep() {
    await new Promise((r) => setTimeout(r, 400));
    let report = await sweeper.sweep();
    for (let i = 0; report.result === 'skipped' && i < 20; i++) {
      await new Promise((r) => setTimeout(r, 200));
      report = await sweeper.sweep();
    }
    const sent = commands.splice(0);
    return { report, sent, aggregates: sent.filter((c) => AGGREGATES.has(c.collection)) };
  }

  /** A writer that dies before publishing: checks against a published profile, one event each. */
  const crashedWriter = () =>
    createCompliance({ mongo: svc.service.mongo, catalogue: svc.service.catalogue.reader, events: svc.service.events.factory, sink: NO_SINK, clock: systemClock, idempotencyKeyTtlMs: 60_000 }).service;

  it('reads no assessment, profile or criterion set when every event was published', async () => {
    for (let i = 0; i < 30; i++) await api(svc.service.app).post('/api/v1/compliance-checks').send({ ...inline, offer: compliantNotebookOffer(`Idle ${i}`, 10) }).expect(201);
    await eventually(async () => expect((await sweeper.status()).pending).toBe(0));
    expect((await sweep()).report.result).toBe('done');
    const idle = await sweep();
    expect(idle.report).toMatchObject({ result: 'done', republished: 0, scannedEvents: 0 });
    expect(idle.aggregates).toEqual([]);
    expect(idle.sent.map((c) => c.collection)).toContain('outbox_pending');
    // Once the entries are cleared, a sweep reads the pending collection and deletes nothing.
    const quiet = await sweep();
    expect(quiet.sent.filter((c) => c.collection === 'outbox_pending').map((c) => c.name)).toEqual(['find']);
  });

  it('reads only the documents of unpublished events, by id, and publishes them once', async () => {
    const writer = crashedWriter();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await writer.check({ profileId, offer: compliantNotebookOffer(`Orphan ${i}`, 10) } as never, { actor: 'test', organisation: TEST_ORG, correlationId: `o-${i}` })).assessment.id);
    }
    expect((await sweeper.status()).byCollection.assessments).toBeGreaterThanOrEqual(3);
    const swept = await sweep();
    expect(swept.report).toMatchObject({ result: 'done', republished: 3 });
    const reads = swept.aggregates.filter((c) => c.collection === 'assessments');
    expect(reads.map((c) => c.filter?._id).sort()).toEqual([...ids].sort());
    const received = await consumer.collect((all) => ids.every((id) => all.some((m) => m.body.subject === id)));
    expect(received.filter((m) => ids.includes(m.body.subject as string))).toHaveLength(3);
    const after = await sweep();
    expect(after.report.republished).toBe(0);
    expect(after.aggregates).toEqual([]);
    expect((await sweeper.status()).pending).toBe(0);
  });

  it('reads the time window instead when more documents are due than are worth reading one by one', async () => {
    const writer = crashedWriter();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      ids.push((await writer.check({ profileId, offer: compliantNotebookOffer(`Backlog ${i}`, 10) } as never, { actor: 'test', organisation: TEST_ORG, correlationId: `b-${i}` })).assessment.id);
    }
    const swept = await sweep();
    expect(swept.report).toMatchObject({ result: 'done', republished: 10 });
    const reads = swept.aggregates.filter((c) => c.collection === 'assessments' && c.name === 'find');
    expect(reads).toHaveLength(1);
    expect(reads[0]?.filter).toHaveProperty('outboxAt');
    await consumer.collect((all) => ids.every((id) => all.some((m) => m.body.subject === id)));
    expect((await sweep()).aggregates).toEqual([]);
  });

  it('publishes nothing for an entry whose document was never written, and clears it', async () => {
    const eventId = randomUUID();
    await new OutboxPending(connection).record('assessments', randomUUID(), [{ id: eventId } as never]);
    expect((await sweeper.status()).pending).toBe(1);
    // Re-examined while within the overlap (its document might still be on its way), then cleared.
    const remaining = async () => connection.collection('outbox_pending').countDocuments({ _id: eventId as never });
    for (let i = 0; i < 6 && (await remaining()) > 0; i++) expect((await sweep()).report).toMatchObject({ result: 'done', republished: 0 });
    expect(await remaining()).toBe(0);
    expect((await sweeper.status()).pending).toBe(0);
  });

  it('finds, once after an upgrade, events an earlier version wrote without a pending entry', async () => {
    const { assessment } = await crashedWriter().check({ profileId, offer: compliantNotebookOffer('Legacy', 10) } as never, { actor: 'test', organisation: TEST_ORG, correlationId: 'legacy' });
    await connection.collection('outbox_pending').deleteMany({ documentId: assessment.id });
    await connection.collection('outbox_state').updateOne({ _id: 'sweeper' as never }, { $unset: { pendingTracked: '' }, $set: { sweptUntil: new Date(Date.now() - 60_000) } });
    const upgrade = await sweep();
    expect(upgrade.report).toMatchObject({ result: 'done', republished: 1 });
    expect(upgrade.aggregates.map((c) => c.collection).sort()).toEqual([...AGGREGATES].sort());
    await consumer.collect((all) => all.some((m) => m.body.subject === assessment.id));
    expect((await connection.collection('outbox_state').findOne({ _id: 'sweeper' as never }))?.pendingTracked).toBe(true);
    expect((await sweep()).aggregates).toEqual([]);
  });

  it('records the entries of concurrent writes in shared inserts', async () => {
    const pending = new OutboxPending(connection);
    const ids = Array.from({ length: 20 }, () => randomUUID());
    commands.splice(0);
    await Promise.all(ids.map((id) => pending.record('assessments', randomUUID(), [{ id } as never])));
    const inserts = commands.splice(0).filter((c) => c.collection === 'outbox_pending' && c.name === 'insert');
    // The first write goes alone; the 19 that arrive meanwhile share the next insert.
    expect(inserts).toHaveLength(2);
    const entries = connection.collection('outbox_pending');
    expect(await entries.countDocuments({ _id: { $in: ids as never[] } })).toBe(20);
    await entries.deleteMany({ _id: { $in: ids as never[] } });
  });

  it('records the pending entry before the aggregate is written, and hands the event to the relay only when it was', async () => {
    const relayed: string[] = [];
    const repo = new MongoAssessmentRepository(connection, { written: (_c, events) => relayed.push(...events.map((e) => e.id)) });
    const { assessment } = await crashedWriter().check({ profileId, offer: compliantNotebookOffer('Order', 10) } as never, { actor: 'test', organisation: TEST_ORG, correlationId: 'order' });
    const copy = { ...assessment, id: randomUUID() };
    const event = { id: randomUUID(), subject: copy.id, time: new Date().toISOString() } as never;
    commands.splice(0);
    expect(await repo.insert(copy, [event])).toBe(true);
    const inserts = commands.splice(0).filter((c) => c.name === 'insert').map((c) => c.collection);
    expect(inserts).toEqual(['outbox_pending', 'assessments']);
    expect(relayed).toEqual([(event as { id: string }).id]);
    // A retry of the same write finds the document: nothing more for the relay.
    expect(await repo.insert(copy, [event])).toBe(false);
    expect(relayed).toHaveLength(1);
  });
});
