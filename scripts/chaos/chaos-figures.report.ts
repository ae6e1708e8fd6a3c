import type { EventDelivery, HostileOutcome, PhaseFigures, PhaseWindow, RequestRecord, Verdict } from './chaos.types';

/**
 * The figures of a chaos run and its verdict, computed from the records alone (no clock, no I/O),
 * so that the rules deciding pass or fail are unit-tested rather than trusted.
 */

export const isSuccess = (r: RequestRecord): boolean => r.status !== undefined && r.status >= 200 && r.status < 300;

/**
 * The phase a request belongs to: the last one that had started when the request did. The load
 * starts a moment before the first phase, so what came before belongs to the first phase: no
 * request may escape the figures.
 */
export function phaseOf(phases: readonly PhaseWindow[], at: number): PhaseWindow | undefined {
  let found = phases[0];
  for (const p of phases) if (p.startedAt <= at) found = p;
  return found;
}

/** A failure the database outage explains: the request was open at some moment of the outage. */
export function inDbOutage(phases: readonly PhaseWindow[], r: RequestRecord): boolean {
  return phases.some((p) => p.kind === 'database' && p.faultAt !== undefined && p.restoredAt !== undefined && r.startedAt <= p.restoredAt && r.endedAt >= p.faultAt);
}

/**
 * A failure the replica kill explains: sent to the killed replica before its process had exited
 * (between the signal and the exit, the kernel may still accept a connection that is then reset),
 * ended after the kill.
 */
export function inFlightAtKill(phases: readonly PhaseWindow[], r: RequestRecord): boolean {
  return phases.some((p) => p.kind === 'replica' && p.faultAt !== undefined && p.replica === r.replica && r.startedAt < (p.exitedAt ?? p.faultAt) && r.endedAt >= p.faultAt);
}

/** First arrival of each subject, and the number of deliveries of an id already delivered. */
export function indexDeliveries(deliveries: readonly EventDelivery[]): { firstArrival: Map<string, number>; duplicatesBySubject: Map<string, number> } {
  const firstArrival = new Map<string, number>();
  const duplicatesBySubject = new Map<string, number>();
  const seen = new Set<string>();
  for (const d of [...deliveries].sort((a, b) => a.at - b.at)) {
    if (seen.has(d.id)) duplicatesBySubject.set(d.subject, (duplicatesBySubject.get(d.subject) ?? 0) + 1);
    seen.add(d.id);
    if (!firstArrival.has(d.subject)) firstArrival.set(d.subject, d.at);
  }
  return { firstArrival, duplicatesBySubject };
}

/** How long after the restore the faulty part served again. */
function recoveryMs(p: PhaseWindow, requests: readonly RequestRecord[], firstArrival: Map<string, number>): number | undefined {
  if (p.faultAt === undefined || p.restoredAt === undefined) return undefined;
  const { faultAt, restoredAt } = p;
  if (p.kind === 'broker') {
    // HTTP does not depend on the broker: recovery is the first event published after the restore
    // for a check accepted during the outage.
    const arrivals = requests
      .filter((r) => r.assessmentId !== undefined && r.endedAt >= faultAt && r.endedAt <= restoredAt)
      .map((r) => firstArrival.get(r.assessmentId!))
      .filter((at): at is number => at !== undefined && at >= restoredAt);
    return arrivals.length > 0 ? Math.min(...arrivals) - restoredAt : undefined;
  }
  const served = requests.filter(
    (r) => isSuccess(r) && r.endedAt >= restoredAt && (p.kind === 'replica' ? r.replica === p.replica && r.startedAt >= restoredAt : r.startedAt >= faultAt),
  );
  return served.length > 0 ? Math.min(...served.map((r) => r.endedAt)) - restoredAt : undefined;
}

/** Until every event of a check accepted before the restore had arrived (0 if none was late). */
function eventsCaughtUpMs(p: PhaseWindow, accepted: readonly RequestRecord[], firstArrival: Map<string, number>): number | undefined {
  if (p.restoredAt === undefined) return undefined;
  const restoredAt = p.restoredAt;
  const arrivals = accepted.filter((r) => r.endedAt <= restoredAt).map((r) => firstArrival.get(r.assessmentId!));
  if (arrivals.some((at) => at === undefined)) return undefined;
  return Math.max(0, ...(arrivals as number[]).map((at) => at - restoredAt));
}

/** The failures no fault window explains: what makes a phase fail, listed when it does. */
export function countedFailures(phases: readonly PhaseWindow[], requests: readonly RequestRecord[]): RequestRecord[] {
  return requests.filter((r) => !r.routedAway && !isSuccess(r) && !inDbOutage(phases, r) && !inFlightAtKill(phases, r));
}

export function phaseFigures(phases: readonly PhaseWindow[], requests: readonly RequestRecord[], deliveries: readonly EventDelivery[]): PhaseFigures[] {
  const { firstArrival, duplicatesBySubject } = indexDeliveries(deliveries);
  return phases.map((p) => {
    const mine = requests.filter((r) => phaseOf(phases, r.startedAt) === p);
    const sent = mine.filter((r) => !r.routedAway);
    const failures = sent.filter((r) => !isSuccess(r));
    const dbOutage = failures.filter((r) => inDbOutage(phases, r));
    const killed = failures.filter((r) => !inDbOutage(phases, r) && inFlightAtKill(phases, r));
    const accepted = sent.filter((r) => r.status === 201 && r.assessmentId !== undefined);
    const caughtUp = eventsCaughtUpMs(p, accepted, firstArrival);
    const recovery = recoveryMs(p, requests, firstArrival);
    const successes = sent.filter(isSuccess).map((r) => r.endedAt - r.startedAt);
    return {
      phase: p.name,
      sent: sent.length,
      failed: failures.length - dbOutage.length - killed.length,
      failedInDbOutage: dbOutage.length,
      inFlightAtKill: killed.length,
      routedAway: mine.length - sent.length,
      ...(successes.length > 0 ? { slowestSuccessMs: Math.max(...successes) } : {}),
      accepted: accepted.length,
      eventsLost: accepted.filter((r) => !firstArrival.has(r.assessmentId!)).length,
      eventsDuplicated: accepted.reduce((n, r) => n + (duplicatesBySubject.get(r.assessmentId!) ?? 0), 0),
      ...(recovery !== undefined ? { recoveryMs: recovery } : {}),
      ...(caughtUp !== undefined ? { eventsCaughtUpMs: caughtUp } : {}),
    };
  });
}

/** Events that arrived more than `thresholdMs` after their check's 201, by phase and accepting replica. */
export function lateEvents(phases: readonly PhaseWindow[], requests: readonly RequestRecord[], deliveries: readonly EventDelivery[], thresholdMs: number): Record<string, number> {
  const { firstArrival } = indexDeliveries(deliveries);
  const late: Record<string, number> = {};
  for (const r of requests) {
    const at = r.assessmentId === undefined ? undefined : firstArrival.get(r.assessmentId);
    if (at === undefined || at - r.endedAt <= thresholdMs) continue;
    const key = `${phaseOf(phases, r.startedAt)?.name ?? '?'} / replica ${r.replica}`;
    late[key] = (late[key] ?? 0) + 1;
  }
  return late;
}

/**
 * Pass only when no event of an accepted check was lost, no request failed outside the excused
 * windows, every hostile payload got the answer expected, no replica died unbidden, and every
 * phase really ran under load (a phase without accepted checks would make "0 lost" vacuous).
 */
export function verdict(figures: readonly PhaseFigures[], hostile: readonly HostileOutcome[], unexpectedExits: readonly string[]): Verdict {
  const reasons: string[] = [];
  for (const f of figures) {
    if (f.eventsLost > 0) reasons.push(`${f.phase}: ${f.eventsLost} events lost`);
    if (f.failed > 0) reasons.push(`${f.phase}: ${f.failed} requests failed outside the excused windows`);
    if (f.accepted === 0) reasons.push(`${f.phase}: no check was accepted, the phase did not run under load`);
  }
  if (figures.length === 0) reasons.push('no phase ran');
  if (hostile.length === 0) reasons.push('no hostile payload was sent');
  for (const h of hostile) {
    if (h.status !== h.expectedStatus) reasons.push(`hostile ${h.name} on replica ${h.replica}: expected ${h.expectedStatus}, got ${h.status ?? h.error ?? 'nothing'}`);
  }
  for (const exit of unexpectedExits) reasons.push(`replica exited unbidden: ${exit}`);
  return { pass: reasons.length === 0, reasons };
}
