/**
 * The chaos suite: two replicas of the built service on one FerretDB of the run's own, under a
 * steady load of compliance checks, through a broker outage, a database SIGKILL, a replica
 * SIGKILL and hostile payloads. Prints the per-phase figures and exits non-zero when an event of
 * an accepted check was lost or a request failed outside the excused windows (docs/reliability.md).
 *
 *   npm run chaos      (needs RabbitMQ on AMQP_URL, which is never stopped: a proxy is cut instead)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchAuth } from '../../bench/support/bench-auth';
import { compliantNotebookOffer } from '../../test/support/offer-fixtures';
import { freePort } from '../../test/support/process';
import { startTcpProxy } from '../../test/support/tcp-proxy';
import { countedFailures, lateEvents, phaseFigures, phaseOf, verdict } from './chaos-figures.report';
import { runPhases } from './chaos-phases.plan';
import { hostileTable, phaseTable, verdictText } from './chaos-table.presenter';
import { EventLedger } from './event-ledger.consumer';
import { FerretDbProcess } from './ferretdb.process';
import { ReplicaProcess } from './replica.process';
import { SteadyLoad } from './steady-load.generator';

const AMQP_URL = process.env.AMQP_URL ?? 'amqp://localhost';
const CONCURRENCY = Number(process.env.CHAOS_CONCURRENCY ?? 6);
const RATE_PER_SECOND = Number(process.env.CHAOS_RATE ?? 40);
/** After the load stops, how long the events of accepted checks may take to arrive. */
const EVENT_GRACE_MS = Number(process.env.CHAOS_EVENT_GRACE_MS ?? 60_000);
/** Then a little longer: the sweepers run over the backlog again, and a double publish shows late. */
const LATE_DUPLICATES_MS = 8_000;

const log = (message: string) => console.error(`[chaos ${new Date().toISOString().slice(11, 23)}] ${message}`);
const checkBody = { criterionSetIds: ['eu-gpp-computers-2021'], category: 'notebook', level: 'core' };

async function main(): Promise<number> {
  const began = Date.now();
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'psbb-chaos-'));
  const auth = await benchAuth();
  const db = new FerretDbProcess(path.join(workDir, 'db'), await freePort());
  await db.start();
  const broker = new URL(AMQP_URL);
  const brokerProxy = await startTcpProxy(Number(broker.port || 5672), broker.hostname === 'localhost' ? '127.0.0.1' : broker.hostname);
  const viaProxy = new URL(AMQP_URL);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(brokerProxy.port);
  const exchange = `chaos.${randomUUID().slice(0, 8)}`;
  const env = { ...auth.env, MONGODB_URI: db.uri('chaos'), AMQP_URL: viaProxy.toString(), AMQP_EXCHANGE: exchange };
  const replicas: ReplicaProcess[] = [];
  for (const i of [0, 1]) replicas.push(new ReplicaProcess(i, await freePort(), { ...env, INSTANCE_ID: `chaos-replica-${i}` }, path.join(workDir, `replica-${i}.log`)));
  // FerretDB exits with the run by itself (-watch-stdin); the replicas' output goes to files, so
  // nothing would stop them if the run died half-way.
  process.once('exit', () => replicas.forEach((r) => r.killNow()));
  // One after the other: both seed the catalogue at start-up.
  for (const r of replicas) await r.start();
  const ledger = new EventLedger(AMQP_URL, exchange);
  await ledger.open();
  log(`2 replicas on FerretDB :${db.port}, broker via proxy :${brokerProxy.port}, exchange ${exchange}; load ${CONCURRENCY} workers, ${RATE_PER_SECOND} req/s`);

  let n = 0;
  const load = new SteadyLoad({
    replicas,
    path: '/api/v1/compliance-checks',
    headers: { authorization: auth.authorization, 'content-type': 'application/json' },
    body: () => JSON.stringify({ ...checkBody, offer: compliantNotebookOffer(`Chaos Supplier ${(n += 1)}`, 12) }),
    concurrency: CONCURRENCY,
    ratePerSecond: RATE_PER_SECOND,
    timeoutMs: 15_000,
  });
  load.start();
  let outcome: Awaited<ReturnType<typeof runPhases>>;
  try {
    outcome = await runPhases({ db, brokerProxy, replicas, authorization: auth.authorization, log });
  } finally {
    await load.stop();
  }

  const accepted = load.records.flatMap((r) => (r.assessmentId ? [r.assessmentId] : []));
  log(`load stopped; waiting up to ${EVENT_GRACE_MS / 1000} s for the events of ${accepted.length} accepted checks`);
  const missing = await ledger.waitFor(accepted, EVENT_GRACE_MS);
  await new Promise((r) => setTimeout(r, LATE_DUPLICATES_MS));

  const figures = phaseFigures(outcome.phases, load.records, ledger.deliveries);
  const result = verdict(figures, outcome.hostile, replicas.flatMap((r) => r.unexpectedExits));
  const acceptedSet = new Set(accepted);
  const unacknowledged = new Set(ledger.deliveries.filter((d) => !acceptedSet.has(d.subject)).map((d) => d.subject)).size;
  console.log(`\nChaos run of ${new Date(began).toISOString()} (${Math.round((Date.now() - began) / 1000)} s, node ${process.version}, ${os.cpus().length} CPUs)\n`);
  console.log(phaseTable(figures));
  console.log(`\n${hostileTable(outcome.hostile)}\n`);
  console.log(`Deliveries ${ledger.deliveries.length}, distinct event ids ${new Set(ledger.deliveries.map((d) => d.id)).size}, events of checks not answered 201 (committed, answer lost) ${unacknowledged}`);
  console.log(`Events arriving more than 5 s after their 201, by phase / accepting replica: ${JSON.stringify(lateEvents(outcome.phases, load.records, ledger.deliveries, 5_000))}`);
  if (missing.length > 0) console.log(`Assessments whose event never arrived: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', …' : ''}`);
  const errors = new Map<string, number>();
  for (const r of load.records) if (!r.routedAway && r.status !== 201) errors.set(String(r.status ?? r.error), (errors.get(String(r.status ?? r.error)) ?? 0) + 1);
  console.log(`Non-201 answers by status or error: ${JSON.stringify(Object.fromEntries(errors))}`);
  for (const r of countedFailures(outcome.phases, load.records).slice(0, 20)) {
    const p = phaseOf(outcome.phases, r.startedAt);
    const since = p?.faultAt === undefined ? '' : `, sent ${r.startedAt - p.faultAt} ms after the fault${p.exitedAt === undefined ? '' : ` (process exited at +${p.exitedAt - p.faultAt} ms)`}`;
    console.log(`Counted failure in ${p?.name ?? '?'}: replica ${r.replica}, ${r.status ?? r.error}${since}, ${r.endedAt - r.startedAt} ms`);
  }
  console.log(`\n${verdictText(result)}`);

  await Promise.all(replicas.map((r) => r.stop()));
  await ledger.close();
  await brokerProxy.close();
  await db.stop();
  if (result.pass && !process.env.CHAOS_KEEP_LOGS) rmSync(workDir, { recursive: true, force: true });
  else console.log(`replica logs and database kept in ${workDir}`);
  return result.pass ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
