import type { Connection } from 'mongoose';
import type { CloudEvent } from '../../domain/events/event.types';
import type { AmqpConnection } from '../amqp/amqp.connection';
import type { EventPublisher } from '../amqp/event.publisher';
import type { Logger } from '../logging/logger';
import { OUTBOX_COLLECTIONS, type OutboxCollection } from './outbox.fields';
import type { OutboxMarkers } from './outbox.markers';
import type { OutboxMetrics } from './outbox.metrics';
import { OutboxLease } from './outbox.lease';
import { OutboxScanner } from './outbox.scanner';

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
}

export interface PendingStatus {
  pending: number;
  byCollection: Record<OutboxCollection, number>;
  oldestPendingAt?: string;
  sweptUntil?: string;
}

export interface SweepReport {
  result: 'done' | 'skipped' | 'incomplete';
  scannedEvents: number;
  republished: number;
  at: string;
}

/**
 * The safety net of the outbox. One replica at a time (holding the lease) scans the events
 * written since its checkpoint, minus an overlap, publishes every one the broker has not
 * confirmed (crashed writers, exhausted retries, restarts) and moves the checkpoint forward only
 * when all were confirmed. Idempotent: running it again publishes nothing new.
 */
export class OutboxSweeper {
  private timer?: NodeJS.Timeout;
  private running?: Promise<SweepReport>;
  readonly lease: OutboxLease;
  private readonly scanner: OutboxScanner;
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
    let scannedEvents = 0;
    let republished = 0;
    let complete = true;
    // Unconfirmed events still in their grace period, and ones this sweep failed to publish: the
    // outbox depth and oldest-pending gauges, updated as a by-product of the scan.
    const pending = { count: 0, oldest: undefined as number | undefined };
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
      for (const e of missing.filter((_, i) => results[i] !== 'ack')) {
        pending.count += 1;
        pending.oldest = Math.min(pending.oldest ?? Date.parse(e.time), Date.parse(e.time));
      }
      if (confirmed.length < missing.length) complete = false;
    };
    for (const name of OUTBOX_COLLECTIONS) {
      for await (const events of this.scanner.unconfirmed(name, from, to, confirmedIds, pending)) {
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
    this.metrics.pending.set(pending.count);
    this.metrics.oldestAge.set(pending.oldest === undefined ? 0 : (Date.now() - pending.oldest) / 1000);
    if (!complete) return { result: 'incomplete', scannedEvents, republished, at };
    await this.lease.advance(to);
    // A marker is never older than its event, so markers before the next window's start are done with.
    await this.markers.prune(new Date(to.getTime() - this.options.overlapMs - this.options.markerRetentionMs));
    if (republished > 0) this.logger.info({ republished, scannedEvents }, 'outbox sweeper published events the fast path had not');
    return { result: 'done', scannedEvents, republished, at };
  }

  /** Events written since the checkpoint (minus the overlap) that the broker has not confirmed yet. */
  async status(): Promise<PendingStatus> {
    const state = await this.lease.read();
    const from = new Date((state?.sweptUntil.getTime() ?? 0) - this.options.overlapMs);
    const confirmed = await this.markers.since(from);
    const byCollection = {} as Record<OutboxCollection, number>;
    let oldest: number | undefined;
    for (const name of OUTBOX_COLLECTIONS) {
      const young = { count: 0, oldest: undefined as number | undefined };
      for await (const { missing } of this.scanner.unconfirmed(name, from, new Date(Date.now() + 60_000), confirmed, young)) {
        young.count += missing.length;
        for (const e of missing) young.oldest = Math.min(young.oldest ?? Infinity, Date.parse(e.time));
      }
      byCollection[name] = young.count;
      if (young.oldest !== undefined) oldest = Math.min(oldest ?? young.oldest, young.oldest);
    }
    const pending = Object.values(byCollection).reduce((a, b) => a + b, 0);
    this.metrics.pending.set(pending);
    this.metrics.oldestAge.set(oldest === undefined ? 0 : (Date.now() - oldest) / 1000);
    return {
      pending,
      byCollection,
      ...(oldest !== undefined ? { oldestPendingAt: new Date(oldest).toISOString() } : {}),
      ...(state ? { sweptUntil: state.sweptUntil.toISOString() } : {}),
    };
  }
}
