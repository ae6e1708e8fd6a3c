/**
 * Soak drill: the real service (its own process, pinned to CPU 0) under a steady load of compliance
 * checks at half its measured capacity, with every broker connection dropped once a minute:
 *
 *   npm run bench:soak       (SOAK_SECONDS=600 by default; needs RabbitMQ on AMQP_URL)
 *
 * Reports memory growth after warm-up, failed requests, and events delivered against assessments
 * stored (counted by a consumer on a durable queue of its own).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { compliantNotebookOffer } from '../test/support/offer-fixtures';
import { benchAuth } from './support/bench-auth';
import { benchDatabase, percentile, reportResults, round, settledAssessmentCount } from './support/bench-env';
import { countEvents } from './support/event-counter';
import { fiftyCriteriaProfile } from './support/bench-profile';
import { load } from './support/load';
import { startServiceProcess } from './support/service-process';

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const DROP_EVERY_S = Number(process.env.DROP_EVERY_S ?? 60);
const AMQP_URL = process.env.AMQP_URL ?? 'amqp://localhost';

const rssMiB = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function main(): Promise<void> {
  const db = await benchDatabase('soak_bench');
  const auth = await benchAuth();
  const exchange = `bench.${randomUUID().slice(0, 8)}`;
  const headers = { authorization: auth.authorization, 'content-type': 'application/json' };
  const svc = await startServiceProcess({ ...auth.env, MONGODB_URI: db.uri, AMQP_URL, AMQP_EXCHANGE: exchange }, { cpus: '0' });
  const pid = svc.child.pid!;
  const events = await countEvents(AMQP_URL, exchange);
  const profileId = await fiftyCriteriaProfile(svc.baseUrl, headers);
  const url = `${svc.baseUrl}/api/v1/compliance-checks`;
  const body = JSON.stringify({ profileId, offer: compliantNotebookOffer('Soak Supplier', 12) });

  const capacity = await load({ url, method: 'POST', body, headers, connections: 16, seconds: 10, pid });
  const rate = Math.max(1, Math.floor(capacity.requestsPerSecond / 2));
  console.log(`capacity ${capacity.requestsPerSecond}/s; soaking at ${rate}/s for ${SOAK_SECONDS} s, dropping broker connections every ${DROP_EVERY_S} s`);

  const samples: { atS: number; rssMiB: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(() => samples.push({ atS: round((Date.now() - started) / 1000, 0), rssMiB: round(rssMiB(pid)) }), 5_000);
  let drops = 0;
  const dropper = setInterval(() => {
    // Every connection, the consumer's too: it reconnects to its durable queue like a real one.
    dropWindows.add(Math.floor((Date.now() - started) / 10_000));
    execFileSync('rabbitmqctl', ['close_all_connections', 'soak drill'], { stdio: 'ignore', timeout: 30_000 });
    drops += 1;
  }, DROP_EVERY_S * 1000);
  // Latency per 10-second window, to tell the windows with a broker drop from the others.
  const windows = new Map<number, number[]>();
  const dropWindows = new Set<number>();
  const windowOf = () => Math.floor((Date.now() - started) / 10_000);
  // Without a callback autocannon returns its event emitter, made thenable (lib/init.js).
  const instance = autocannon({ url, method: 'POST', body, headers, connections: 32, overallRate: rate, duration: SOAK_SECONDS });
  (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    const w = windowOf();
    if (!windows.has(w)) windows.set(w, []);
    windows.get(w)!.push(ms);
  });
  const result = await instance;
  clearInterval(dropper);
  clearInterval(sampler);
  const p99 = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 99);
  const windowP99 = [...windows].map(([w, xs]) => ({ window: w, p99Ms: round(p99(xs)), drop: dropWindows.has(w) }));
  const medianP99 = (drop: boolean) => round(percentile(windowP99.filter((x) => x.drop === drop).map((x) => x.p99Ms).sort((a, b) => a - b), 50), 0);

  const stored = { total: await settledAssessmentCount(db.uri) };
  const delivered = await events.waitFor(stored.total, 120_000);
  // Growth from the end of the first minute (heap and caches warmed) to the highest later sample.
  const warm = samples.find((s) => s.atS >= 60) ?? samples[0]!;
  const peakAfter = Math.max(...samples.filter((s) => s.atS >= warm.atS).map((s) => s.rssMiB));
  const summary = {
    seconds: SOAK_SECONDS,
    capacityPerSecond: capacity.requestsPerSecond,
    ratePerSecond: rate,
    brokerDrops: drops,
    requests: result.requests.total,
    failedRequests: result.errors + result.timeouts + result.non2xx,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    // The median over 10-second windows of each window's p99: with and without a broker drop in it.
    windowP99MedianMs: { withDrop: medianP99(true), withoutDrop: medianP99(false) },
    worstWindows: [...windowP99].sort((a, b) => b.p99Ms - a.p99Ms).slice(0, 5),
    rssWarmMiB: warm.rssMiB,
    rssPeakAfterWarmMiB: peakAfter,
    memoryGrowthPercent: round(((peakAfter - warm.rssMiB) / warm.rssMiB) * 100),
    assessmentsStored: stored.total,
    eventsDistinct: delivered,
    eventsDeliveries: events.deliveries,
    eventsDuplicates: events.duplicates,
    rssSamples: samples,
  };
  const targets = {
    memoryGrowth: { target: '< 10 %', met: summary.memoryGrowthPercent < 10 },
    noFailedRequests: { target: '0 failed requests', met: summary.failedRequests === 0 },
    everyEventDelivered: { target: 'one event per stored assessment', met: delivered === stored.total },
  };
  reportResults('soak', { ...summary, targets }, { ...summary, rssSamples: `${samples.length} samples`, targets });
  await events.close();
  await svc.stop();
  await db.stop();
}

void main();
