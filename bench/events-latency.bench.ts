/**
 * End-to-end latency of assessment events: from the API's 201 to delivery at a consumer, at a
 * steady (open-loop) 200 compliance checks per second against a separate service process with
 * the real database and broker.
 *
 *   npm run bench:events-latency      (needs RabbitMQ on AMQP_URL, default amqp://localhost)
 *
 * Target: p99 < 100 ms.
 */
import { randomUUID } from 'node:crypto';
import amqplib from 'amqplib';
import { compliantNotebookOffer } from '../test/support/offer-fixtures';
import { benchAuth } from './support/bench-auth';
import { benchDatabase, percentile, round, reportResults } from './support/bench-env';
import { startServiceProcess } from './support/service-process';

const RATE = Number(process.env.RATE ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 20);
const AMQP_URL = process.env.AMQP_URL ?? 'amqp://localhost';

async function main(): Promise<void> {
  const db = await benchDatabase('latency_bench');
  const exchange = `bench.${randomUUID().slice(0, 8)}`;
  const auth = await benchAuth();
  const svc = await startServiceProcess({ ...auth.env, MONGODB_URI: db.uri, AMQP_URL, AMQP_EXCHANGE: exchange, LOG_LEVEL: 'info' });
  const conn = await amqplib.connect(AMQP_URL);
  const ch = await conn.createChannel();
  const { queue } = await ch.assertQueue('', { exclusive: true });
  await ch.bindQueue(queue, exchange, 'assessment.#');
  const received = new Map<string, number>();
  await ch.consume(queue, (msg) => {
    if (!msg) return;
    received.set((JSON.parse(msg.content.toString()) as { subject: string }).subject, performance.now());
    ch.ack(msg);
  });

  const profile = (await (await fetch(`${svc.baseUrl}/api/v1/tender-profiles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: auth.authorization },
    body: JSON.stringify({ criterionSetIds: ['eu-gpp-computers-2021', 'eu-legal-baseline', 'se-it-equipment'], category: 'notebook', level: 'core' }),
  })).json()) as { id: string; criteriaCount: number };

  const check = async (i: number) => {
    const started = performance.now();
    const res = await fetch(`${svc.baseUrl}/api/v1/compliance-checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth.authorization },
      body: JSON.stringify({ profileId: profile.id, offer: compliantNotebookOffer(`Latency ${i}`, 5 + (i % 20)) }),
    });
    const body = (await res.json()) as { id: string };
    return { status: res.status, id: body.id, http: performance.now() - started, respondedAt: performance.now() };
  };

  // warm-up, then the measured open-loop run: request i starts at t0 + i/RATE whatever happens
  await Promise.all(Array.from({ length: 100 }, (_, i) => check(-i - 1)));
  const total = RATE * SECONDS;
  const t0 = performance.now();
  const runs: Promise<Awaited<ReturnType<typeof check>>>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    runs.push(check(i));
  }
  const results = await Promise.all(runs);
  const deadline = performance.now() + 15_000;
  while (results.some((r) => !received.has(r.id)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));

  const e2e = results.filter((r) => received.has(r.id)).map((r) => Math.max(0, received.get(r.id)! - r.respondedAt)).sort((a, b) => a - b);
  const http = results.map((r) => r.http).sort((a, b) => a - b);
  const summary = {
    rate: RATE,
    seconds: SECONDS,
    profileCriteria: profile.criteriaCount,
    checks: total,
    failedRequests: results.filter((r) => r.status !== 201).length,
    eventsReceived: e2e.length,
    achievedRatePerSecond: round(total / ((performance.now() - t0 - 0) / 1000), 0),
    httpMs: { p50: round(percentile(http, 50)), p99: round(percentile(http, 99)), max: round(http.at(-1) ?? NaN) },
    endToEndMs: { p50: round(percentile(e2e, 50)), p99: round(percentile(e2e, 99)), max: round(e2e.at(-1) ?? NaN) },
    targetP99Ms: 100,
    meetsTarget: percentile(e2e, 99) < 100 && e2e.length === total,
  };
  reportResults('events-latency', summary);
  await ch.deleteExchange(exchange).catch(() => undefined);
  await conn.close();
  await svc.stop();
  await db.stop();
}

void main();
