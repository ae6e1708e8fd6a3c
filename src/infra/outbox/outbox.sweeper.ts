import type { Connection } from 'mongoose';
import type { CloudEvent } from '../../domain/events/event.types';
import type { AmqpConnection } from '../amqp/amqp.connection';
import type { EventPublisher } from '../amqp/event.publisher';
import type { Logger } from '../logging/logger';
import { OUTBOX_COLLECTIONS, type OutboxCollection } from './outbox.fields';
import type { OutboxMarkers } from './outbox.markers';
import type { OutboxMetrics } from './outbox.metrics';
import { OutboxLease } from './outbox.lease';

export interface SweeperOptions {
  readonly intervalMs: number;
  /** Younger events are left to the fast path of the replica that wrote them. */
  readonly graceMs: number;
  /** Re-examined before the checkpoint: covers clock skew and writes that committed late. */
  readonly overlapMs: number;
  readonly leaseMs: number;
  readonly batchSize: number;
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

interface OutboxDoc {
  _id: string;
  outbox?: CloudEvent[];
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
    let scannedEvents = 0;
    let republished = 0;
    for (const name of OUTBOX_COLLECTIONS) {
      for await (const events of this.unconfirmed(name, new Date(state.sweptUntil.getTime() - this.options.overlapMs), to)) {
        scannedEvents += events.scanned;
        const results = await this.publisher.publish(events.missing);
        const confirmed = events.missing.filter((_, i) => results[i] === 'ack');
        await this.markers.add(confirmed.map((e) => e.id));
        for (const e of confirmed) {
          this.metrics.published.inc({ type: e.type, path: 'sweeper' });
          this.metrics.latency.observe({ path: 'sweeper' }, (Date.now() - Date.parse(e.time)) / 1000);
        }
        republished += confirmed.length;
        if (confirmed.length < events.missing.length) return { result: 'incomplete', scannedEvents, republished, at };
        if (!(await this.lease.renew())) return { result: 'incomplete', scannedEvents, republished, at };
      }
    }
    await this.lease.advance(to);
    await this.markers.prune(new Date(to.getTime() - this.options.overlapMs - this.options.markerRetentionMs));
    if (republished > 0) this.logger.info({ republished, scannedEvents }, 'outbox sweeper published events the fast path had not');
    return { result: 'done', scannedEvents, republished, at };
  }

  /** Batches of events written in [from, to) whose publication the broker has not confirmed. */
  private async *unconfirmed(name: OutboxCollection, from: Date, to: Date): AsyncGenerator<{ scanned: number; missing: CloudEvent[] }> {
    const collection = this.connection.collection<OutboxDoc>(name);
    let lastId: string | undefined;
    for (;;) {
      const filter = { outboxAt: { $gte: from }, ...(lastId ? { _id: { $gt: lastId } } : {}) };
      const docs = await collection.find(filter, { projection: { outbox: 1 } }).sort({ _id: 1 }).limit(this.options.batchSize).toArray();
      const candidates = docs.flatMap((d) => (d.outbox ?? []).filter((e) => {
        const t = Date.parse(e.time);
        return t >= from.getTime() && t < to.getTime();
      }));
      const confirmed = await this.markers.published(candidates.map((e) => e.id));
      yield { scanned: candidates.length, missing: candidates.filter((e) => !confirmed.has(e.id)) };
      if (docs.length < this.options.batchSize) return;
      lastId = docs[docs.length - 1]?._id;
    }
  }

  /** Events written since the checkpoint (minus the overlap) that the broker has not confirmed yet. */
  async status(): Promise<PendingStatus> {
    const state = await this.lease.read();
    const from = new Date((state?.sweptUntil.getTime() ?? 0) - this.options.overlapMs);
    const byCollection = {} as Record<OutboxCollection, number>;
    let oldest: number | undefined;
    for (const name of OUTBOX_COLLECTIONS) {
      byCollection[name] = 0;
      for await (const { missing } of this.unconfirmed(name, from, new Date(Date.now() + 60_000))) {
        byCollection[name] += missing.length;
        for (const e of missing) oldest = Math.min(oldest ?? Infinity, Date.parse(e.time));
      }
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
