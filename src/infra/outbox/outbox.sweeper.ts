import type { Connection } from 'mongoose';
import type { CloudEvent } from '../../domain/events/event.types';
import type { AmqpConnection } from '../amqp/amqp.connection';
import type { EventPublisher } from '../amqp/event.publisher';
import type { Logger } from '../logging/logger';
import { OUTBOX_COLLECTIONS } from './outbox.fields';
import type { OutboxMarkers } from './outbox.markers';
import type { OutboxMetrics } from './outbox.metrics';
import { OutboxLease } from './outbox.lease';
import { OutboxScanner } from './outbox.scanner';
import { OutboxPending } from './outbox.pending';
import { pendingStatus, readBacklog, type PendingStatus } from './outbox.backlog';

export interface SweeperOptions {
  readonly intervalMs: number;
  /** Younger events are left to the fast path of the replica that wrote them. */
  readonly graceMs: number;
  /** Re-examined before the checkpoint: covers clock skew and writes that committed late. */
  readonly overlapMs: number;
  readonly leaseMs: number;
  readonly batchSize: number;
  /** Markers are kept this long beyond the window: slack for clock skew between replicas. */
  readonly markerRetentionMs: number;
  /** Beyond this many documents with due events, a collection's time window is read instead of each document. */
  readonly byIdLimit?: number;
}

export interface SweepReport {
  result: 'done' | 'skipped' | 'incomplete';
  scannedEvents: number;
  republished: number;
  at: string;
}

/**
 * The safety net of the outbox. One replica at a time (holding the lease) reads the pending
 * entries, drops those the broker has confirmed, publishes the rest from their documents
 * (crashed writers, exhausted retries, restarts; a collection with many reads its time window
 * instead) and moves the checkpoint forward only when all were confirmed. An idle sweep reads no
 * aggregate. Idempotent: running it again publishes nothing new.
 */
export class OutboxSweeper {
  private timer?: NodeJS.Timeout;
  private running?: Promise<SweepReport>;
  readonly lease: OutboxLease;
  private readonly scanner: OutboxScanner;
  private readonly pending: OutboxPending;
  last?: SweepReport;

  constructor(
    private readonly connection: Connection,
    private readonly amqp: AmqpConnection,
    private readonly publisher: EventPublisher,
    private readonly markers: OutboxMarkers,
    private readonly metrics: OutboxMetrics,
    private readonly logger: Logger,
    private readonly options: SweeperOptions,
    owner: string,
  ) {
    this.lease = new OutboxLease(connection, owner, options.leaseMs);
    this.scanner = new OutboxScanner(connection, options.batchSize);
    this.pending = new OutboxPending(connection);
    amqp.onConnect(() => setTimeout(() => void this.sweep(), 200).unref());
  }

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    await this.lease.release().catch(() => undefined);
  }

  /** Sweeps now unless a sweep is already running (then waits for it). */
  sweep(): Promise<SweepReport> {
    this.running ??= this.sweepOnce()
      .catch((err: unknown) => {
        this.logger.warn({ err: { message: (err as Error).message } }, 'outbox sweep failed');
        return { result: 'incomplete' as const, scannedEvents: 0, republished: 0, at: new Date().toISOString() };
      })
      .then((report) => {
        this.last = report;
        this.metrics.sweeps.inc({ result: report.result });
        return report;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepOnce(): Promise<SweepReport> {
    const at = new Date().toISOString();
    if (!this.amqp.state().up) return { result: 'skipped', scannedEvents: 0, republished: 0, at };
    const state = await this.lease.acquire();
    if (!state) return { result: 'skipped', scannedEvents: 0, republished: 0, at };
    const to = new Date(Date.now() - this.options.graceMs);
    const from = new Date(state.sweptUntil.getTime() - this.options.overlapMs);
    const confirmedIds = await this.markers.since(from);
    const backlog = await readBacklog(this.pending, confirmedIds, { since: from, dueBefore: to }, { batchSize: this.options.batchSize, byIdLimit: this.options.byIdLimit ?? 16 });
    // Entries before the window were dealt with by the sweep that moved the checkpoint. Cleared
    // only when the read met some (a delete by range reads the whole collection on FerretDB).
    if (backlog.stale > 0) await this.pending.clear(from);
    const byId = state.pendingTracked === true && !backlog.overflow;
    let scannedEvents = 0;
    let republished = 0;
    let failed = 0;
    let complete = true;
    let renewedAt = Date.now();
    // Publishing a batch overlaps with reading the next ones (a few batches in flight).
    const inFlight = new Set<Promise<void>>();
    const publish = async (missing: CloudEvent[]): Promise<void> => {
      const results = await this.publisher.publish(missing);
      const confirmed = missing.filter((_, i) => results[i] === 'ack');
      await this.markers.add(confirmed.map((e) => e.id));
      for (const e of confirmed) {
        this.metrics.published.inc({ type: e.type, path: 'sweeper' });
        this.metrics.latency.observe({ path: 'sweeper' }, (Date.now() - Date.parse(e.time)) / 1000);
      }
      republished += confirmed.length;
      failed += missing.length - confirmed.length;
      if (confirmed.length < missing.length) complete = false;
    };
    for (const name of OUTBOX_COLLECTIONS) {
      const work = backlog.byCollection[name];
      if (byId && work.due === 0) continue;
      const batches = byId ? this.scanner.byIds(name, work.documents, work.events) : this.scanner.window(name, from, to, confirmedIds);
      for await (const events of batches) {
        scannedEvents += events.scanned;
        if (events.missing.length > 0) {
          const p: Promise<void> = publish(events.missing).finally(() => inFlight.delete(p));
          inFlight.add(p);
          if (inFlight.size >= 4) await Promise.race(inFlight);
        }
        if (!complete) break;
        if (Date.now() - renewedAt > this.options.leaseMs / 3) {
          if (!(await this.lease.renew())) complete = false;
          renewedAt = Date.now();
        }
      }
    }
    await Promise.all(inFlight);
    // Entries still unconfirmed: the young ones, and what this sweep could not publish.
    const oldest = complete ? backlog.oldestYoung : Math.min(backlog.oldestDue ?? Infinity, backlog.oldestYoung ?? Infinity);
    // (After an overflow the counts are partial: the admin endpoint's status reads them all.)
    this.metrics.pending.set(complete ? backlog.unconfirmed - backlog.due : Math.max(failed, backlog.unconfirmed - republished));
    this.metrics.oldestAge.set(oldest === undefined || oldest === Infinity ? 0 : (Date.now() - oldest) / 1000);
    if (!complete) return { result: 'incomplete', scannedEvents, republished, at };
    await this.lease.advance(to);
    // A marker is never older than its event, so markers before the next window's start are done with.
    await this.markers.prune(new Date(to.getTime() - this.options.overlapMs - this.options.markerRetentionMs));
    if (republished > 0) this.logger.info({ republished, scannedEvents }, 'outbox sweeper published events the fast path had not');
    return { result: 'done', scannedEvents, republished, at };
  }

  /** Events recorded as pending (since the checkpoint, minus the overlap) that the broker has not confirmed yet. */
  async status(): Promise<PendingStatus> {
    const status = await pendingStatus(this.pending, this.markers, this.lease, this.options);
    this.metrics.pending.set(status.pending);
    this.metrics.oldestAge.set(status.oldestPendingAt === undefined ? 0 : (Date.now() - Date.parse(status.oldestPendingAt)) / 1000);
    return status;
  }
}
