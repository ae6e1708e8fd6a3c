/**
 * Cost of an idle outbox sweep (nothing to publish) as stored assessments grow: the point is that
 * it should not grow with them. Small documents, each with one event published long ago (outside
 * the sweeper's window), so only what the sweep itself reads is measured.
 *
 *   npm run bench:outbox-idle      (needs RabbitMQ on AMQP_URL; OUTBOX_BENCH_SIZES=10000,100000)
 */
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { Registry } from 'prom-client';
import { AmqpConnection } from '../src/infra/amqp/amqp.connection';
import { EventPublisher } from '../src/infra/amqp/event.publisher';
import { createLogger } from '../src/infra/logging/logger';
import { outboxFields } from '../src/infra/outbox/outbox.fields';
import { OutboxMarkers } from '../src/infra/outbox/outbox.markers';
import { createOutboxMetrics } from '../src/infra/outbox/outbox.metrics';
import { OutboxSweeper } from '../src/infra/outbox/outbox.sweeper';
import { benchDatabase, round, reportResults } from './support/bench-env';

const SIZES = (process.env.OUTBOX_BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const SWEEPS = 5;
const AMQP_URL = process.env.AMQP_URL ?? 'amqp://localhost';

function storedAssessment(at: Date) {
  const id = randomUUID();
  const event = { specversion: '1.0', id: randomUUID(), type: 'assessment.completed.v1', source: '/bench', subject: id, time: at.toISOString(), data: { assessmentId: id } };
  return { _id: id, organisation: 'bench', offerId: id, profileId: 'p', compliant: true, evaluatedAt: at.toISOString(), body: '{}', ...outboxFields([event as never]) };
}

async function main(): Promise<void> {
  const db = await benchDatabase('outbox_idle_bench');
  const logger = createLogger('warn');
  const connection = await mongoose.createConnection(db.uri, { monitorCommands: true }).asPromise();
  // Server time per command and collection during the measured sweeps: shows what a sweep reads.
  const started = new Map<number, string>();
  let perCommand: Record<string, number> | undefined;
  connection.getClient().on('commandStarted', (e) => {
    const target: unknown = e.commandName === 'getMore' ? e.command.collection : e.command[e.commandName];
    started.set(e.requestId, `${e.commandName} ${String(target)}`);
  });
  connection.getClient().on('commandSucceeded', (e) => {
    const key = started.get(e.requestId);
    started.delete(e.requestId);
    if (perCommand && key) perCommand[key] = (perCommand[key] ?? 0) + e.duration;
  });
  const amqp = new AmqpConnection(AMQP_URL, `bench.${randomUUID().slice(0, 8)}`, logger);
  await amqp.start();
  while (!amqp.state().up) await new Promise((r) => setTimeout(r, 50));
  const metrics = createOutboxMetrics(new Registry());
  const sweeper = new OutboxSweeper(connection, amqp, new EventPublisher(amqp), new OutboxMarkers(connection), metrics, logger, {
    intervalMs: 3_600_000, graceMs: 1000, overlapMs: 60_000, leaseMs: 60_000, batchSize: 500, markerRetentionMs: 300_000,
  }, 'bench');
  const longAgo = new Date(Date.now() - 86_400_000);
  // A service that has been sweeping all along: its checkpoint is recent and the stored events
  // were published (and their markers pruned) long ago.
  await connection.collection('outbox_state').insertOne({ _id: 'sweeper', owner: '', leaseUntil: new Date(0), sweptUntil: new Date(Date.now() - 60_000) } as never);
  const results: Record<string, unknown>[] = [];
  let stored = 0;
  for (const size of SIZES) {
    while (stored < size) {
      const n = Math.min(5000, size - stored);
      await connection.collection('assessments').insertMany(Array.from({ length: n }, () => storedAssessment(longAgo)) as never[]);
      stored += n;
    }
    await sweeper.sweep(); // the first sweep after an upgrade reads every window once
    const times: number[] = [];
    perCommand = {};
    for (let i = 0; i < SWEEPS; i++) {
      const sweepStarted = performance.now();
      const report = await sweeper.sweep();
      times.push(performance.now() - sweepStarted);
      if (report.result !== 'done' || report.republished !== 0) throw new Error(`unexpected sweep ${JSON.stringify(report)}`);
    }
    const commandMsPerSweep = Object.fromEntries(Object.entries(perCommand).map(([k, ms]) => [k, round(ms / SWEEPS)]));
    perCommand = undefined;
    const statusStarted = performance.now();
    await sweeper.status();
    const statusMs = performance.now() - statusStarted;
    times.sort((a, b) => a - b);
    results.push({ storedAssessments: size, idleSweepMsMedian: round(times[Math.floor(SWEEPS / 2)] ?? NaN), idleSweepMsMin: round(times[0] ?? NaN), statusMs: round(statusMs), commandMsPerSweep });
    console.log(JSON.stringify(results.at(-1)));
  }
  reportResults('outbox-idle', { sweepsPerSize: SWEEPS, sizes: results });
  await sweeper.stop();
  await amqp.close();
  await connection.close();
  await db.stop();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
