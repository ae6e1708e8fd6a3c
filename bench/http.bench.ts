/**
 * HTTP benchmarks against the real service (its own process, pinned to CPU 0) with the real
 * database and broker, each scenario next to its baseline measured in the same run:
 *
 *   npm run bench            (needs RabbitMQ on AMQP_URL; loopback only; ~3 minutes)
 *
 * bare node:http JSON → /healthcheck, criteria lookup (50 criteria), criterion by id;
 * bare insertOne of an assessment-sized document → compliance check (stored + event) at its
 * maximum rate and at half of it, and a batch of 100 offers.
 */
import { randomUUID } from 'node:crypto';
import amqplib from 'amqplib';
import mongoose from 'mongoose';
import { compliantNotebookOffer } from '../test/support/offer-fixtures';
import { benchAuth } from './support/bench-auth';
import { benchDatabase, percentile, round, saveResults } from './support/bench-env';
import { load, type LoadResult } from './support/load';
import { startServiceProcess } from './support/service-process';

const SECONDS = Number(process.env.SECONDS ?? 10);
const AMQP_URL = process.env.AMQP_URL ?? 'amqp://localhost';
const SETS = ['eu-gpp-computers-2021', 'eu-legal-baseline', 'se-it-equipment', 'no-dfo-it', 'epeat-ieee-1680-1', 'tco-certified-gen10', 'itu-t-l1061-2023'];

async function json<T>(url: string, init: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A profile of exactly 50 criteria for notebooks (comprehensive level, topped up or trimmed). */
async function fiftyCriteriaProfile(baseUrl: string, headers: Record<string, string>): Promise<string> {
  const create = (body: object) => json<{ id: string; criteriaCount: number; criteria: { criterion: { id: string; level: string } }[] }>(`${baseUrl}/api/v1/tender-profiles`, { method: 'POST', headers, body: JSON.stringify(body) });
  const selection = { criterionSetIds: SETS, category: 'notebook', level: 'comprehensive' };
  const first = await create(selection);
  const ids = first.criteria.map((c) => c.criterion.id);
  if (ids.length === 50) return first.id;
  if (ids.length > 50) return (await create({ ...selection, exclude: ids.slice(50) })).id;
  throw new Error(`only ${ids.length} criteria apply; adjust the bench selection`);
}

async function bareInserts(uri: string, seconds: number, concurrency: number): Promise<LoadResult> {
  const conn = await mongoose.createConnection(uri).asPromise();
  const col = conn.collection('bench_inserts');
  // Shaped like a stored assessment: indexed top-level fields, a JSON body of ~10 KB, one event.
  const body = JSON.stringify({ items: [{ results: Array.from({ length: 50 }, (_, i) => ({ criterionId: `C-${i}`, outcome: 'pass', expected: 'x'.repeat(120), observed: { a: i } })) }] });
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        await col.insertOne({ _id: randomUUID() as never, organisation: 'bench', offerId: 'o', profileId: 'p', compliant: true, evaluatedAt: new Date().toISOString(), body, outbox: [{ id: randomUUID(), type: 'assessment.completed.v1' }], outboxAt: new Date() });
        latencies.push(performance.now() - started);
      }
    }),
  );
  await conn.close();
  latencies.sort((a, b) => a - b);
  return { requestsPerSecond: round(latencies.length / seconds, 0), p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)), errors: 0, non2xx: 0 };
}

async function main(): Promise<void> {
  const db = await benchDatabase('http_bench');
  const auth = await benchAuth();
  const exchange = `bench.${randomUUID().slice(0, 8)}`;
  const headers = { authorization: auth.authorization, 'content-type': 'application/json' };
  const results: Record<string, LoadResult & { ratio?: number; baseline?: string }> = {};

  const bare = await startServiceProcess({}, { cpus: '0', entry: `${__dirname}/support/bare-server.ts` });
  results.bareHttp = await load({ url: `${bare.baseUrl}/`, connections: 100, seconds: SECONDS, pid: bare.child.pid! });
  await bare.stop();

  const svc = await startServiceProcess({ ...auth.env, MONGODB_URI: db.uri, AMQP_URL, AMQP_EXCHANGE: exchange, LOG_LEVEL: 'info' }, { cpus: '0' });
  const pid = svc.child.pid!;
  const conn = await amqplib.connect(AMQP_URL);
  const ch = await conn.createChannel();
  const { queue } = await ch.assertQueue('', { exclusive: true });
  await ch.bindQueue(queue, exchange, 'assessment.#');
  let delivered = 0;
  await ch.consume(queue, (msg) => {
    if (msg) {
      delivered += 1;
      ch.ack(msg);
    }
  });

  results.healthcheck = await load({ url: `${svc.baseUrl}/healthcheck`, connections: 100, seconds: SECONDS, pid });
  results.criteriaLookup50 = await load({ url: `${svc.baseUrl}/api/v1/criteria?category=notebook&pageSize=50`, headers, connections: 100, seconds: SECONDS, pid });
  results.criterionById = await load({ url: `${svc.baseUrl}/api/v1/criteria/GPP21-TS6-core`, headers, connections: 100, seconds: SECONDS, pid });

  results.bareInsert = await bareInserts(db.uri, SECONDS, 16);
  const profileId = await fiftyCriteriaProfile(svc.baseUrl, headers);
  const check = JSON.stringify({ profileId, offer: compliantNotebookOffer('Bench Supplier', 12) });
  results.complianceCheckMax = await load({ url: `${svc.baseUrl}/api/v1/compliance-checks`, method: 'POST', body: check, headers, connections: 16, seconds: SECONDS, pid });
  const half = Math.max(1, Math.floor(results.complianceCheckMax.requestsPerSecond / 2));
  results.complianceCheckAtHalf = await load({ url: `${svc.baseUrl}/api/v1/compliance-checks`, method: 'POST', body: check, headers, connections: 32, seconds: SECONDS, overallRate: half, pid });
  const batch = JSON.stringify({ profileId, offers: Array.from({ length: 100 }, (_, i) => compliantNotebookOffer(`Batch ${i}`, 5 + (i % 20))) });
  results.batch100 = await load({ url: `${svc.baseUrl}/api/v1/compliance-checks/batch`, method: 'POST', body: batch, headers, connections: 2, seconds: SECONDS, pid });

  const ratio = (name: string, baseline: string) => {
    results[name]!.ratio = round(results[name]!.requestsPerSecond / results[baseline]!.requestsPerSecond, 3);
    results[name]!.baseline = baseline;
  };
  ratio('healthcheck', 'bareHttp');
  ratio('criteriaLookup50', 'bareHttp');
  ratio('criterionById', 'bareHttp');
  ratio('complianceCheckMax', 'bareInsert');
  ratio('complianceCheckAtHalf', 'bareInsert');

  // Every assessment must reach the consumer (warm-up runs included in the count of both sides).
  const status = await json<{ pending: number }>(`${svc.baseUrl}/api/v1/admin/outbox`, { headers });
  const stored = await json<{ total: number }>(`${svc.baseUrl}/api/v1/assessments?pageSize=1`, { headers });
  const deadline = Date.now() + 30_000;
  while (delivered < stored.total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));

  const targets = {
    healthcheckRatio: { target: '≥ 0.5 × bare', met: (results.healthcheck.ratio ?? 0) >= 0.5 },
    lookupRatio: { target: '≥ 0.15 × bare, p99 < 50 ms at 100 connections', met: (results.criteriaLookup50.ratio ?? 0) >= 0.15 && results.criteriaLookup50.p99Ms < 50 },
    byIdRatio: { target: '≥ 0.2 × bare', met: (results.criterionById.ratio ?? 0) >= 0.2 },
    complianceRatio: { target: '≥ 0.5 × bare insert', met: (results.complianceCheckMax.ratio ?? 0) >= 0.5 },
    complianceP99AtHalf: { target: 'p99 < 100 ms at half the maximum rate', met: results.complianceCheckAtHalf.p99Ms < 100 },
    peakRss: { target: '< 250 MB', met: Math.max(...Object.values(results).map((r) => r.peakRssMiB ?? 0)) < 250 },
    eventsDelivered: { target: 'every stored assessment delivered', met: delivered >= stored.total, stored: stored.total, delivered, pendingAtEnd: status.pending },
  };
  const summary = { seconds: SECONDS, serverCpu: 'taskset -c 0', results, targets };
  console.log(JSON.stringify(summary, null, 2));
  console.log(`saved ${saveResults('http', summary)}`);

  await ch.deleteExchange(exchange).catch(() => undefined);
  await conn.close();
  await svc.stop();
  await db.stop();
}

void main();
