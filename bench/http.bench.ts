/**
 * HTTP benchmarks against the real service (its own process, pinned to CPU 0; the load generator on
 * CPU 1) with the real database and broker, each scenario next to its baseline measured in the
 * same run:
 *
 *   npm run bench            (needs RabbitMQ on AMQP_URL; loopback only; ~4 minutes)
 *
 * bare node:http JSON → /healthcheck, criteria lookup (50 criteria), criterion by id;
 * bare insertOne of an assessment-sized document → compliance check (stored + event) at its
 * maximum rate (ROUNDS alternated rounds, default 3) and at half of it, and a batch of 100 offers.
 */
import { randomUUID } from 'node:crypto';
import amqplib from 'amqplib';
import mongoose from 'mongoose';
import { compliantNotebookOffer } from '../test/support/offer-fixtures';
import { benchAuth } from './support/bench-auth';
import { benchDatabase, percentile, settledAssessmentCount, round, reportResults } from './support/bench-env';
import { fiftyCriteriaProfile, getJson } from './support/bench-profile';
import { load, type LoadResult } from './support/load';
import { startServiceProcess } from './support/service-process';

const SECONDS = Number(process.env.SECONDS ?? 10);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const AMQP_URL = process.env.AMQP_URL ?? 'amqp://localhost';

/**
 * The baseline for a compliance check: inserting copies of a real stored assessment document (its
 * own size and shape, its outbox entry included) through the same driver into the same database,
 * with the same concurrency and nothing else: no HTTP, no validation, no rule evaluation, no event.
 */
async function bareInserts(uri: string, seconds: number, concurrency: number, ratePerSecond?: number): Promise<LoadResult & { documentBytes: number }> {
  const conn = await mongoose.createConnection(uri).asPromise();
  const template = await conn.collection('assessments').findOne({});
  if (!template) throw new Error('no stored assessment to copy');
  const col = conn.collection('bench_inserts');
  const latencies: number[] = [];
  const begin = performance.now();
  const until = begin + seconds * 1000;
  let issued = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        // At a fixed rate, insert n starts at begin + n / rate (open loop, as autocannon's overallRate).
        const slot = ratePerSecond ? begin + (issued++ * 1000) / ratePerSecond : 0;
        if (slot > performance.now()) await new Promise((r) => setTimeout(r, slot - performance.now()));
        if (performance.now() >= until) break;
        const started = performance.now();
        await col.insertOne({ ...template, _id: randomUUID() as never, outbox: [{ ...(template.outbox as object[])[0], id: randomUUID() }] });
        latencies.push(performance.now() - started);
      }
    }),
  );
  await conn.close();
  latencies.sort((a, b) => a - b);
  const documentBytes = Buffer.byteLength(JSON.stringify(template));
  return { requestsPerSecond: round(latencies.length / seconds, 0), p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)), errors: 0, non2xx: 0, documentBytes };
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

  const profileId = await fiftyCriteriaProfile(svc.baseUrl, headers);
  const check = JSON.stringify({ profileId, offer: compliantNotebookOffer('Bench Supplier', 12) });
  const checkLoad = (seconds: number) => load({ url: `${svc.baseUrl}/api/v1/compliance-checks`, method: 'POST', body: check, headers, connections: 16, seconds, pid });
  // Not measured: the service's first checks compile the code paths the rounds measure (JIT).
  await checkLoad(3);
  // Bare inserts and checks alternate, so that drift (a growing store, a busy neighbour) reaches
  // both sides of the ratio; the round with the median ratio stands for the maximum rate.
  const rounds: { bareInsert: LoadResult; complianceCheck: LoadResult; ratio: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const bareInsert = await bareInserts(db.uri, SECONDS, 16);
    const complianceCheck = await checkLoad(SECONDS);
    rounds.push({ bareInsert, complianceCheck, ratio: round(complianceCheck.requestsPerSecond / bareInsert.requestsPerSecond, 3) });
  }
  const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)]!;
  results.bareInsert = median.bareInsert;
  results.complianceCheckMax = median.complianceCheck;
  const half = Math.max(1, Math.floor(results.complianceCheckMax.requestsPerSecond / 2));
  // The database's own latency at the rate the checks are held to below: their p99 floor.
  results.bareInsertAtHalf = await bareInserts(db.uri, SECONDS, 32, half);
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
  ratio('complianceCheckAtHalf', 'bareInsertAtHalf');

  // Every assessment must reach the consumer (warm-up runs included in the count of both sides).
  const status = await getJson<{ pending: number }>(`${svc.baseUrl}/api/v1/admin/outbox`, headers);
  const stored = { total: await settledAssessmentCount(db.uri) };
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
  const complianceRounds = rounds.map((r) => ({ bareInsertPerSecond: r.bareInsert.requestsPerSecond, complianceCheckPerSecond: r.complianceCheck.requestsPerSecond, ratio: r.ratio, checkCpuUs: r.complianceCheck.cpuUsPerRequest }));
  const summary = { seconds: SECONDS, serverCpu: 'taskset -c 0', results, complianceRounds, targets };
  reportResults('http', summary);

  await ch.deleteExchange(exchange).catch(() => undefined);
  await conn.close();
  await svc.stop();
  await db.stop();
}

void main();
