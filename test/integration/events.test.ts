import { systemClock } from '../../src/domain/clock';
import { randomUUID } from 'node:crypto';
import amqplib from 'amqplib';
import { NO_SINK } from '../../src/infra/outbox/outbox.sink';
import { createCompliance } from '../../src/wiring/compliance.wiring';
import { assertEventMatchesAsyncApi, validateEventHeaders, loadAsyncApi } from '../support/asyncapi';
import { TEST_ORG } from '../support/auth';
import { api } from '../support/contract';
import { draftSet } from '../support/catalogue-fixtures';
import { EventConsumer, type Received } from '../support/event-consumer';
import { compliantNotebookOffer, handCheckedNotebookOffer } from '../support/offer-fixtures';
import { eventually, startTestService, type TestService } from '../support/test-service';

const inline = { criterionSetIds: ['eu-gpp-computers-2021'], category: 'notebook', level: 'core' };
const ENV = { OUTBOX_GRACE_MS: '300', OUTBOX_SWEEP_INTERVAL_MS: '60000' };

async function assertValid(messages: Received[]): Promise<void> {
  for (const m of messages) {
    await assertEventMatchesAsyncApi(m.body.type as string, m.body);
    expect(validateEventHeaders(m.body.type as string, m.properties.headers ?? {})).toEqual([]);
  }
}

describe('assessment and catalogue events on RabbitMQ', () => {
  let svc: TestService;
  let consumer: EventConsumer;
  beforeAll(async () => {
    await loadAsyncApi();
    svc = await startTestService(ENV);
    await eventually(() => expect(svc.service.amqp.state().up).toBe(true));
    consumer = await new EventConsumer(svc.config.amqpUrl, svc.config.amqpExchange).bind(['#']);
  });
  afterAll(async () => {
    await consumer.delete();
    await svc.stop();
  });

  it('publishes assessment.completed.v1 as a CloudEvent with the AMQP properties of the contract', async () => {
    const res = await api(svc.service.app)
      .post('/api/v1/compliance-checks')
      .set('X-Correlation-ID', 'corr-events-1')
      .set('Information-Mediator-Client', 'GOV/123/agency/tendering')
      .send({ ...inline, offer: handCheckedNotebookOffer() })
      .expect(201);
    const received = await consumer.collect((all) => all.some((m) => m.body.subject === res.body.id));
    const event = received.find((m) => m.body.subject === res.body.id)!;
    expect(event.routingKey).toBe('assessment.completed.v1.non-compliant');
    expect(event.body).toMatchObject({
      specversion: '1.0',
      type: 'assessment.completed.v1',
      source: '/procurement-sustainability',
      subject: res.body.id,
      datacontenttype: 'application/json',
      correlationid: 'corr-events-1',
      imclient: 'GOV/123/agency/tendering',
      data: {
        assessmentId: res.body.id,
        link: `/api/v1/assessments/${res.body.id}`,
        tenderRef: 'TENDER-2026-ICT-7',
        profileId: res.body.profileId,
        compliance: 'non-compliant',
        awardPoints: res.body.summary.awardPoints,
        outcomeCounts: res.body.summary.counts,
        pendingVerification: res.body.summary.toVerify.length,
        commitmentsToObtain: res.body.summary.commitmentsToObtain.length,
        clausesRefused: 0,
        conflicts: 0,
      },
    });
    expect(event.properties).toMatchObject({
      messageId: event.body.id,
      contentType: 'application/cloudevents+json; charset=utf-8',
      type: 'assessment.completed.v1',
      correlationId: 'corr-events-1',
      appId: 'procurement-sustainability',
      deliveryMode: 2,
      headers: { eventType: 'assessment.completed.v1', compliance: 'non-compliant' },
    });
    expect(Math.abs((event.properties.timestamp as number) * 1000 - Date.parse(event.body.time as string))).toBeLessThan(1000);
    await assertValid([event]);
  });

  it('lets a consumer bind to non-compliant assessments only', async () => {
    const filtered = await new EventConsumer(svc.config.amqpUrl, svc.config.amqpExchange).bind(['assessment.completed.v1.non-compliant']);
    try {
      const good = await api(svc.service.app).post('/api/v1/compliance-checks').send({ ...inline, offer: compliantNotebookOffer('Good Co', 5) }).expect(201);
      const bad = await api(svc.service.app).post('/api/v1/compliance-checks').send({ ...inline, offer: handCheckedNotebookOffer() }).expect(201);
      expect(good.body.summary.compliant).toBe(true);
      const received = await filtered.collect((all) => all.some((m) => m.body.subject === bad.body.id));
      await new Promise((r) => setTimeout(r, 300));
      received.push(...(await filtered.drain()));
      expect(received.map((m) => m.body.subject)).toEqual([bad.body.id]);
    } finally {
      await filtered.delete();
    }
  });

  it('announces tender profiles and the publication and retirement of criterion sets', async () => {
    await consumer.drain();
    const def = draftSet();
    await api(svc.service.app).post('/api/v1/criterion-sets').send(def).expect(201);
    await api(svc.service.app).post(`/api/v1/criterion-sets/${def.id}/publish`).set('X-Correlation-ID', 'corr-publish').expect(200);
    const profile = await api(svc.service.app).post('/api/v1/tender-profiles').send({ criterionSetIds: [def.id], category: 'notebook', level: 'core', tenderRef: 'T-EVENTS' }).expect(201);
    await api(svc.service.app).post(`/api/v1/criterion-sets/${def.id}/retire`).expect(200);
    const mine = (all: Received[]) => all.filter((m) => m.body.subject === def.id || m.body.subject === profile.body.id);
    const received = mine(await consumer.collect((all) => mine(all).length >= 3));
    expect(received.map((m) => m.routingKey)).toEqual(['criterion-set.published.v1', 'tender-profile.created.v1', 'criterion-set.retired.v1']);
    expect(received[0]!.body).toMatchObject({ subject: def.id, correlationid: 'corr-publish', data: { setId: def.id, version: def.version, criteriaCount: 2 } });
    expect(received[1]!.body.data).toMatchObject({ profileId: profile.body.id, tenderRef: 'T-EVENTS', criteriaCount: 1, implicit: false });
    expect(received[2]!.body.data).toMatchObject({ setId: def.id, retiredAt: expect.any(String) });
    await assertValid(received);
  });

  it('parks events nobody is bound to in the unroutable queue instead of losing them', async () => {
    const conn = await amqplib.connect(svc.config.amqpUrl);
    const ch = await conn.createChannel();
    try {
      await ch.purgeQueue(`${svc.config.amqpExchange}.unroutable`);
      await api(svc.service.app).post('/api/v1/criterion-sets').send(draftSet()).expect(201);
      // only the '#' consumer is bound; a routing key nobody binds needs a fresh exchange, so check the
      // queue of a second service whose exchange has no consumer at all
      const lonely = await startTestService(ENV);
      try {
        await eventually(() => expect(lonely.service.amqp.state().up).toBe(true));
        const profile = await api(lonely.service.app).post('/api/v1/tender-profiles').send(inline).expect(201);
        const parked = await eventually(async () => {
          const msg = await ch.get(`${lonely.config.amqpExchange}.unroutable`, { noAck: true });
          expect(msg).not.toBe(false);
          const body = JSON.parse((msg as amqplib.GetMessage).content.toString()) as { type: string; subject: string };
          if (body.type !== 'tender-profile.created.v1') throw new Error('seed event, keep looking');
          expect(body.subject).toBe(profile.body.id);
        });
        expect(parked).toBeLessThan(10_000);
      } finally {
        await lonely.stop();
      }
    } finally {
      await conn.close();
    }
  });

  /** assessment.completed.v1 events published by any sweep so far (the counter of /metrics). */
  async function sweptCount(): Promise<number> {
    const metrics = await api(svc.service.app).get('/metrics').expect(200);
    const match = /events_published_total\{type="assessment.completed.v1",path="sweeper"\} (\d+)/.exec(metrics.text);
    return match ? Number(match[1]) : 0;
  }

  it('publishes, through the sweeper, events whose writer died before publishing them, exactly once', async () => {
    await consumer.drain();
    const sweptBefore = await sweptCount();
    const crashedWriter = createCompliance({ mongo: svc.service.mongo, catalogue: svc.service.catalogue.reader, events: svc.service.events.factory, sink: NO_SINK, clock: systemClock, idempotencyKeyTtlMs: 60_000 }).service;
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { assessment } = await crashedWriter.check({ ...inline, offer: compliantNotebookOffer(`Orphan ${i}`, 10) } as never, { actor: 'test', organisation: TEST_ORG, correlationId: `orphan-${i}` });
      ids.push(assessment.id);
    }
    const status = await api(svc.service.app).get('/api/v1/admin/outbox').expect(200);
    expect(status.body.pending).toBeGreaterThanOrEqual(20);
    expect(Date.parse(status.body.oldestPendingAt as string)).toBeLessThanOrEqual(Date.now());
    await new Promise((r) => setTimeout(r, 400));
    const report = await svc.service.events.sweeper.sweep();
    expect(report).toMatchObject({ result: 'done' });
    const received = await consumer.collect((all) => ids.every((id) => all.some((m) => m.body.subject === id)));
    expect(received.filter((m) => ids.includes(m.body.subject as string)).map((m) => m.body.subject).sort()).toEqual([...ids].sort());
    // The service's own periodic sweep may take some of them before this one: count every sweeper publish.
    expect((await sweptCount()) - sweptBefore).toBeGreaterThanOrEqual(20);
    const again = await svc.service.events.sweeper.sweep();
    expect(again.republished).toBe(0);
    expect((await api(svc.service.app).get('/api/v1/admin/outbox').expect(200)).body.pending).toBe(0);
    const metrics = await api(svc.service.app).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/events_published_total\{type="assessment.completed.v1",path="sweeper"\} \d+/);
    expect(metrics.text).toMatch(/event_publish_latency_seconds_count\{path="fast"\} \d+/);
  });
});

describe('several replicas', () => {
  it('let only the lease holder sweep a backlog, so no event is published twice', async () => {
    const exchange = `test.${randomUUID().slice(0, 8)}`;
    const a = await startTestService({ ...ENV, AMQP_EXCHANGE: exchange, INSTANCE_ID: 'replica-a' });
    const b = await startTestService({ ...ENV, AMQP_EXCHANGE: exchange, INSTANCE_ID: 'replica-b', MONGODB_URI: a.config.mongodbUri, SEED_ON_START: 'false' });
    const consumer = await new EventConsumer(a.config.amqpUrl, exchange).bind(['assessment.#']);
    try {
      await eventually(() => expect([a.service.amqp.state().up, b.service.amqp.state().up]).toEqual([true, true]));
      const crashed = createCompliance({ mongo: a.service.mongo, catalogue: a.service.catalogue.reader, events: a.service.events.factory, sink: NO_SINK, clock: systemClock, idempotencyKeyTtlMs: 60_000 }).service;
      const profile = await api(a.service.app).post('/api/v1/tender-profiles').send(inline).expect(201);
      const ids: string[] = [];
      for (let i = 0; i < 50; i++) {
        ids.push((await crashed.check({ profileId: profile.body.id, offer: compliantNotebookOffer(`Backlog ${i}`, 12) } as never, { actor: 'test', organisation: TEST_ORG, correlationId: 'c' })).assessment.id);
      }
      await new Promise((r) => setTimeout(r, 400));
      const [ra, rb] = await Promise.all([a.service.events.sweeper.sweep(), b.service.events.sweeper.sweep()]);
      expect([ra.result, rb.result].sort()).toEqual(['done', 'skipped']);
      await Promise.all([a.service.events.sweeper.sweep(), b.service.events.sweeper.sweep()]);
      const received = await consumer.collect((all) => all.length >= 50);
      await new Promise((r) => setTimeout(r, 500));
      received.push(...(await consumer.drain()));
      expect(received.map((m) => m.body.subject).sort()).toEqual([...ids].sort());
    } finally {
      await consumer.delete();
      await b.service.stop();
      await a.stop();
    }
  });
});
