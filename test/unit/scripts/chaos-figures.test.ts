import { countedFailures, lateEvents, phaseFigures, verdict } from '../../../scripts/chaos/chaos-figures.report';
import type { EventDelivery, HostileOutcome, PhaseWindow, RequestRecord } from '../../../scripts/chaos/chaos.types';

/** The rules that decide whether `npm run chaos` passes: a silent pass must be impossible. */

const ok = (replica: number, startedAt: number, endedAt: number, id: string): RequestRecord => ({ replica, startedAt, endedAt, status: 201, assessmentId: id });
const failed = (replica: number, startedAt: number, endedAt: number, status?: number): RequestRecord =>
  status === undefined ? { replica, startedAt, endedAt, error: 'UND_ERR_SOCKET' } : { replica, startedAt, endedAt, status };
const event = (id: string, subject: string, at: number): EventDelivery => ({ id, subject, at });
const hostileOk: HostileOutcome[] = [{ name: 'big', replica: 0, expectedStatus: 401, status: 401, ms: 5 }];

const phases: PhaseWindow[] = [
  { name: 'baseline', kind: 'none', startedAt: 0, endedAt: 100 },
  { name: 'broker', kind: 'broker', startedAt: 100, endedAt: 200, faultAt: 120, restoredAt: 150 },
  { name: 'database', kind: 'database', startedAt: 200, endedAt: 300, faultAt: 220, restoredAt: 250 },
  { name: 'replica', kind: 'replica', startedAt: 300, endedAt: 400, faultAt: 320, restoredAt: 350, replica: 1, exitedAt: 324 },
];

const byPhase = (records: RequestRecord[], deliveries: EventDelivery[]) => Object.fromEntries(phaseFigures(phases, records, deliveries).map((f) => [f.phase, f]));

describe('chaos figures', () => {
  it('counts an accepted check without an event as lost, and a second delivery of an id as duplicated', () => {
    const records = [ok(0, 10, 20, 'a1'), ok(1, 30, 40, 'a2'), ok(0, 50, 60, 'a3')];
    const deliveries = [event('e1', 'a1', 25), event('e1', 'a1', 90), event('e2', 'a2', 45)];
    const f = byPhase(records, deliveries).baseline!;
    expect(f).toMatchObject({ sent: 3, accepted: 3, eventsLost: 1, eventsDuplicated: 1, failed: 0 });
    expect(verdict(phaseFigures(phases.slice(0, 1), records, deliveries), hostileOk, []).reasons).toEqual(['baseline: 1 events lost']);
  });

  it('does not call two events with different ids for one assessment a duplicate', () => {
    const f = byPhase([ok(0, 10, 20, 'a1')], [event('e1', 'a1', 25), event('e2', 'a1', 26)]).baseline!;
    expect(f.eventsDuplicated).toBe(0);
  });

  it('excuses only failures that overlap the database outage window', () => {
    const records = [failed(0, 205, 215, 500), failed(0, 215, 230, 503), failed(1, 240, 260, 503), failed(0, 251, 260, 503)];
    const f = byPhase(records, []).database!;
    expect(f).toMatchObject({ sent: 4, failedInDbOutage: 2, failed: 2 });
  });

  it('excuses only the killed replica requests in flight at the kill; refusals of a stopped replica are routed away', () => {
    const records = [
      failed(1, 310, 321), // in flight on the killed replica: excused
      failed(0, 310, 321), // the other replica: counted
      { replica: 1, startedAt: 322, endedAt: 323, error: 'ECONNRESET' }, // sent between the signal and the exit: excused
      failed(1, 325, 330), // sent to the dead replica after it had exited, not refused: counted
      { replica: 1, startedAt: 326, endedAt: 326, error: 'ECONNREFUSED', routedAway: true },
    ];
    const f = byPhase(records, []).replica!;
    expect(f).toMatchObject({ sent: 4, inFlightAtKill: 2, failed: 2, routedAway: 1 });
    expect(countedFailures(phases, records).map((r) => [r.replica, r.startedAt])).toEqual([[0, 310], [1, 325]]);
  });

  it('names the events that arrived late by phase and accepting replica', () => {
    const records = [ok(0, 10, 20, 'a'), ok(1, 330, 340, 'b'), ok(1, 341, 342, 'c')];
    expect(lateEvents(phases, records, [event('e1', 'a', 21), event('e2', 'b', 400), event('e3', 'c', 343)], 50)).toEqual({ 'replica / replica 1': 1 });
  });

  it('attributes a request started before the first phase to it, so none escapes the figures', () => {
    const f = byPhase([failed(0, -5, 3, 500)], []).baseline!;
    expect(f).toMatchObject({ sent: 1, failed: 1 });
  });

  it('measures recovery from the restore: first success of the replica, of any request, or first event after a broker outage', () => {
    const records = [
      ok(0, 130, 140, 'during-broker'),
      ok(0, 230, 262, 'db-back'),
      ok(0, 355, 360, 'other-replica'),
      ok(1, 351, 372, 'replica-back'),
    ];
    const deliveries = [event('e1', 'during-broker', 158), event('e2', 'db-back', 263), event('e3', 'other-replica', 361), event('e4', 'replica-back', 373)];
    const f = byPhase(records, deliveries);
    expect(f.broker).toMatchObject({ recoveryMs: 8, eventsCaughtUpMs: 8 });
    expect(f.database).toMatchObject({ recoveryMs: 12, slowestSuccessMs: 32 });
    expect(f.replica!.recoveryMs).toBe(22);
    expect(f.baseline!.recoveryMs).toBeUndefined();
  });

  it('passes only a run with load in every phase, expected hostile answers and no unbidden exit', () => {
    const all = [ok(0, 10, 20, 'a'), ok(0, 110, 120, 'b'), ok(0, 210, 215, 'c'), ok(0, 310, 315, 'd')];
    const deliveries = all.map((r, i) => event(`e${i}`, r.assessmentId!, r.endedAt + 1));
    const figures = phaseFigures(phases, all, deliveries);
    expect(verdict(figures, hostileOk, [])).toEqual({ pass: true, reasons: [] });

    expect(verdict(phaseFigures(phases, all.slice(0, 3), deliveries), hostileOk, []).reasons).toEqual(['replica: no check was accepted, the phase did not run under load']);
    expect(verdict(figures, [], []).pass).toBe(false);
    expect(verdict(figures, [{ ...hostileOk[0]!, status: undefined, error: 'read ECONNRESET' }], []).reasons).toEqual(['hostile big on replica 0: expected 401, got read ECONNRESET']);
    expect(verdict(figures, hostileOk, ['replica 0 exited (code null, signal SIGABRT)']).pass).toBe(false);
    expect(verdict([], hostileOk, []).pass).toBe(false);
  });
});
