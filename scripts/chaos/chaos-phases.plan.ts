import type { TcpProxy } from '../../test/support/tcp-proxy';
import type { FaultKind, HostileOutcome, PhaseWindow } from './chaos.types';
import type { FerretDbProcess } from './ferretdb.process';
import { sendHostilePayloads } from './hostile-payload.sender';
import type { ReplicaProcess } from './replica.process';

export interface PhaseTargets {
  readonly db: FerretDbProcess;
  /** The proxy between the replicas and the broker: cutting it is the broker outage. */
  readonly brokerProxy: TcpProxy;
  readonly replicas: readonly ReplicaProcess[];
  readonly authorization: string;
  readonly log: (message: string) => void;
}

/** Seconds of steady load before each fault, of the outage, and after the restore. */
export const TIMINGS = { baselineMs: 10_000, beforeMs: 3_000, outageMs: 5_000, afterMs: 10_000 } as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Fault = Pick<PhaseWindow, 'faultAt' | 'restoredAt' | 'replica'>;

/**
 * The phases, one after the other under the steady load the caller runs: baseline, broker
 * outage, database SIGKILL, replica SIGKILL, hostile payloads. Each returns its window and the
 * moments of its fault, from which the figures are computed.
 */
export async function runPhases(t: PhaseTargets): Promise<{ phases: PhaseWindow[]; hostile: HostileOutcome[] }> {
  const phases: PhaseWindow[] = [];
  const phase = async (name: string, kind: FaultKind, body: () => Promise<Fault>): Promise<void> => {
    const startedAt = Date.now();
    t.log(`phase: ${name}`);
    const fault = await body();
    phases.push({ name, kind, startedAt, endedAt: Date.now(), ...fault });
  };

  await phase('baseline', 'none', async () => {
    await sleep(TIMINGS.baselineMs);
    return {};
  });

  await phase('broker outage', 'broker', async () => {
    await sleep(TIMINGS.beforeMs);
    const faultAt = Date.now();
    await t.brokerProxy.cut();
    await sleep(TIMINGS.outageMs);
    await t.brokerProxy.restore();
    const restoredAt = Date.now();
    await sleep(TIMINGS.afterMs);
    return { faultAt, restoredAt };
  });

  await phase('database SIGKILL', 'database', async () => {
    await sleep(TIMINGS.beforeMs);
    const faultAt = Date.now();
    await t.db.kill();
    await sleep(TIMINGS.outageMs);
    await t.db.start(); // same port, same data directory
    const restoredAt = Date.now();
    await sleep(TIMINGS.afterMs);
    return { faultAt, restoredAt };
  });

  const victim = t.replicas[t.replicas.length - 1]!;
  await phase('replica SIGKILL', 'replica', async () => {
    await sleep(TIMINGS.beforeMs);
    const faultAt = Date.now();
    await victim.kill();
    const exitedAt = Date.now();
    await sleep(TIMINGS.outageMs);
    // Restored = re-spawned: the recovery time then includes the replica's own start-up.
    const restoredAt = Date.now();
    await victim.start();
    await sleep(TIMINGS.afterMs);
    return { faultAt, restoredAt, replica: victim.index, exitedAt };
  });

  let hostile: HostileOutcome[] = [];
  await phase('hostile payloads', 'hostile', async () => {
    await sleep(TIMINGS.beforeMs);
    const faultAt = Date.now();
    hostile = await sendHostilePayloads(t.replicas, t.authorization);
    await sleep(TIMINGS.afterMs);
    return { faultAt };
  });

  return { phases, hostile };
}
