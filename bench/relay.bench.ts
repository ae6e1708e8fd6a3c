/**
 * Relay throughput with publisher confirms, against a bare confirm-channel baseline run in the
 * same process on the same broker (ratios, since these machines are noisy).
 *
 *   npm run bench:relay        (needs RabbitMQ on AMQP_URL, default amqp://localhost)
 *
 * 1. baseline: 20,000 messages published on a confirm channel, all confirms awaited;
 * 2. fast path: 20,000 just-written events handed to the relay, until all are confirmed and
 *    recorded as published;
 * 3. sweeper: 20,000 events left in the outbox of stored documents (their writer "crashed"),
 *    found and published by one sweep.
 */
import { randomUUID } from 'node:crypto';
import amqplib from 'amqplib';
import mongoose from 'mongoose';
import { Registry } from 'prom-client';
import { EventFactory } from '../src/domain/events/event.factory';
import type { CloudEvent } from '../src/domain/events/event.types';
import { AmqpConnection } from '../src/infra/amqp/amqp.connection';
import { EventPublisher } from '../src/infra/amqp/event.publisher';
import { createLogger } from '../src/infra/logging/logger';
import { outboxFields } from '../src/infra/outbox/outbox.fields';
import { OutboxMarkers } from '../src/infra/outbox/outbox.markers';
import { createOutboxMetrics } from '../src/infra/outbox/outbox.metrics';
import { OutboxRelay } from '../src/infra/outbox/outbox.relay';
import { OutboxSweeper } from '../src/infra/outbox/outbox.sweeper';
import { OutboxPending } from '../src/infra/outbox/outbox.pending';
import { benchDatabase, round, reportResults } from './support/bench-env';
import { systemClock } from '../src/domain/clock';

const EVENTS = 20_000;
const AMQP_URL = process.env.AMQP_URL ?? 'amqp://localhost';

function fakeEvents(factory: EventFactory, n: number, at: Date): CloudEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    ...factory.tenderProfileCreated(
      { id: randomUUID(), organisation: 'bench', category: 'notebook', level: 'core', criterionSets: [{ id: 'eu-gpp-computers-2021', version: '2021' }], criteria: [], implicit: true, createdAt: at.toISOString(), createdBy: 'bench', criterionSetIds: [] },
      { actor: 'bench', organisation: 'bench', correlationId: `bench-${i}` },
    ),
    time: at.toISOString(),
  }));
}

async function baseline(exchange: string): Promise<number> {
  const conn = await amqplib.connect(AMQP_URL);
  const ch = await conn.createConfirmChannel();
  const body = Buffer.from(JSON.stringify(fakeEvents(new EventFactory({ source: '/bench', newId: randomUUID, clock: systemClock }), 1, new Date())[0]));
  const started = performance.now();
  for (let i = 0; i < EVENTS; i++) ch.publish(exchange, 'bench.baseline', body, { persistent: true, mandatory: true, messageId: String(i) });
  await ch.waitForConfirms();
  const ms = performance.now() - started;
  await conn.close();
  return ms;
}

async function main(): Promise<void> {
  const db = await benchDatabase('relay_bench');
  const logger = createLogger('warn');
  const connection = await mongoose.createConnection(db.uri).asPromise();
  const exchange = `bench.${randomUUID().slice(0, 8)}`;
  const amqp = new AmqpConnection(AMQP_URL, exchange, logger);
  await amqp.start();
  while (!amqp.state().up) await new Promise((r) => setTimeout(r, 50));
  const consumer = await amqplib.connect(AMQP_URL);
  const cch = await consumer.createChannel();
  const queue = (await cch.assertQueue('', { exclusive: true })).queue;
  await cch.bindQueue(queue, exchange, '#');

  const metrics = createOutboxMetrics(new Registry());
  const publisher = new EventPublisher(amqp);
  const markers = new OutboxMarkers(connection);
  const factory = new EventFactory({ source: '/bench', newId: randomUUID, clock: systemClock });

  const baselineMs = await baseline(exchange);

  // fast path
  const relay = new OutboxRelay(amqp, publisher, markers, metrics, logger, { batchSize: 500, maxQueued: 100_000, maxBackoffMs: 1000 });
  const fresh = fakeEvents(factory, EVENTS, new Date());
  let started = performance.now();
  relay.written('tender_profiles', fresh);
  while (relay.size > 0 || (await metrics.published.get()).values.reduce((n, v) => n + v.value, 0) < EVENTS) await new Promise((r) => setTimeout(r, 5));
  const fastMs = performance.now() - started;
  await relay.stop(1000);

  // sweeper: documents whose writer died before publishing
  const old = new Date(Date.now() - 10_000);
  const orphans = fakeEvents(factory, EVENTS, old);
  const docs = orphans.map((e) => ({ _id: e.subject, createdAt: old.toISOString(), body: {}, ...outboxFields([e]) }));
  // Written as the repositories write: pending entries first, then the documents.
  await new OutboxPending(connection).recordMany('tender_profiles', orphans.map((e) => ({ documentId: e.subject, events: [e] })));
  for (let i = 0; i < docs.length; i += 5000) await connection.collection('tender_profiles').insertMany(docs.slice(i, i + 5000) as never[]);
  // A sweeper that has been running: a recent checkpoint.
  await connection.collection('outbox_state').insertOne({ _id: 'sweeper', owner: '', leaseUntil: new Date(0), sweptUntil: new Date(old.getTime() - 60_000), pendingTracked: true } as never);
  const sweeper = new OutboxSweeper(connection, amqp, publisher, markers, metrics, logger, {
    intervalMs: 3_600_000, graceMs: 1000, overlapMs: 60_000, leaseMs: 60_000, batchSize: 2000, markerRetentionMs: 3_600_000,
  }, 'bench');
  started = performance.now();
  const report = await sweeper.sweep();
  const sweepMs = performance.now() - started;
  // The next sweep finds everything confirmed (what it still reads is the cost of the overlap).
  started = performance.now();
  const followUp = await sweeper.sweep();
  const followUpMs = performance.now() - started;
  await sweeper.stop();

  const rate = (ms: number) => round(EVENTS / (ms / 1000), 0);
  const results = {
    events: EVENTS,
    baselineConfirmChannel: { ms: round(baselineMs), eventsPerSecond: rate(baselineMs) },
    relayFastPath: { ms: round(fastMs), eventsPerSecond: rate(fastMs), ratioToBaseline: round(baselineMs / fastMs, 2) },
    sweeper: { ms: round(sweepMs), eventsPerSecond: rate(sweepMs), ratioToBaseline: round(baselineMs / sweepMs, 2), republished: report.republished, result: report.result },
    sweeperFollowUp: { ms: round(followUpMs), republished: followUp.republished, result: followUp.result },
    targetEventsPerSecond: 5000,
    fastPathMeetsTarget: rate(fastMs) >= 5000,
    sweeperMeetsTarget: rate(sweepMs) >= 5000,
  };
  reportResults('relay', results);

  await cch.deleteExchange(exchange).catch(() => undefined);
  await consumer.close();
  await amqp.close();
  await connection.close();
  await db.stop();
}

void main();
