/**
 * Scaling out on one machine: compliance checks and criterion lookups against one replica, then two
 * replicas of the service behind node:cluster's round-robin, on the same database and exchange,
 * with a consumer counting every event id: none may be published twice by the relays.
 *
 *   npm run bench:scale      (needs RabbitMQ on AMQP_URL; ~2 minutes)
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { compliantNotebookOffer } from '../test/support/offer-fixtures';
import { benchAuth } from './support/bench-auth';
import { benchDatabase, settledAssessmentCount, round, reportResults } from './support/bench-env';
import { countEvents } from './support/event-counter';
import { fiftyCriteriaProfile } from './support/bench-profile';
import { load, type LoadResult } from './support/load';
import { startServiceProcess } from './support/service-process';

const SECONDS = Number(process.env.SECONDS ?? 10);
const AMQP_URL = process.env.AMQP_URL ?? 'amqp://localhost';

async function run(replicas: number, auth: Awaited<ReturnType<typeof benchAuth>>): Promise<Record<string, unknown>> {
  const db = await benchDatabase(`scale_${replicas}`);
  const exchange = `bench.${randomUUID().slice(0, 8)}`;
  const headers = { authorization: auth.authorization, 'content-type': 'application/json' };
  const svc = await startServiceProcess(
    { ...auth.env, MONGODB_URI: db.uri, AMQP_URL, AMQP_EXCHANGE: exchange, REPLICAS: String(replicas) },
    { entry: path.join(__dirname, 'support', 'cluster-primary.ts') },
  );
  // Every replica must be up, not just the first to answer.
  for (let ok = 0; ok < 4 * replicas; ) ok = (await fetch(`${svc.baseUrl}/health/ready`)).status === 200 ? ok + 1 : 0;
  const events = await countEvents(AMQP_URL, exchange);
  const profileId = await fiftyCriteriaProfile(svc.baseUrl, headers);
  const body = JSON.stringify({ profileId, offer: compliantNotebookOffer('Scale Supplier', 12) });
  const results: Record<string, LoadResult> = {
    criterionById: await load({ url: `${svc.baseUrl}/api/v1/criteria/GPP21-TS6-core`, headers, connections: 100, seconds: SECONDS }),
    complianceCheck: await load({ url: `${svc.baseUrl}/api/v1/compliance-checks`, method: 'POST', body, headers, connections: 16 * replicas, seconds: SECONDS }),
  };
  const stored = { total: await settledAssessmentCount(db.uri) };
  const distinct = await events.waitFor(stored.total, 60_000);
  // Let the sweepers of both replicas run over the backlog once more: a double publish shows up late.
  await new Promise((r) => setTimeout(r, 8_000));
  const outcome = { replicas, ...results, assessmentsStored: stored.total, eventsDistinct: distinct, eventsDeliveries: events.deliveries, eventsDuplicates: events.duplicates };
  await events.close();
  await svc.stop();
  await db.stop();
  return outcome;
}

async function main(): Promise<void> {
  const auth = await benchAuth();
  const one = await run(1, auth);
  const two = await run(2, auth);
  const rps = (r: Record<string, unknown>, k: string) => (r[k] as LoadResult).requestsPerSecond;
  const summary = {
    seconds: SECONDS,
    one,
    two,
    ratios: {
      criterionById: round(rps(two, 'criterionById') / rps(one, 'criterionById'), 2),
      complianceCheck: round(rps(two, 'complianceCheck') / rps(one, 'complianceCheck'), 2),
    },
    targets: {
      noDoublePublish: { target: 'zero events published twice', met: two.eventsDuplicates === 0 && one.eventsDuplicates === 0 },
      everyEventDelivered: { target: 'one event per stored assessment', met: two.eventsDistinct === two.assessmentsStored && one.eventsDistinct === one.assessmentsStored },
    },
  };
  reportResults('scale', summary);
}

void main();
