import type { CloudEvent } from '../../domain/events/event.types';
import type { AmqpConnection } from '../amqp/amqp.connection';
import type { EventPublisher } from '../amqp/event.publisher';
import type { Logger } from '../logging/logger';
import type { OutboxCollection } from './outbox.fields';
import type { OutboxSink } from './outbox.sink';
import type { OutboxMarkers } from './outbox.markers';
import type { OutboxMetrics } from './outbox.metrics';

interface Queued {
  event: CloudEvent;
  attempts: number;
  notBefore: number;
}

export interface RelayOptions {
  readonly batchSize: number;
  /** Beyond this, new events are left to the sweeper (they are safe in the database). */
  readonly maxQueued: number;
  readonly maxBackoffMs: number;
}

/**
 * The fast path of the outbox: events this replica has just written are published at once, many
 * in flight on the confirm channel, and recorded as published only after the broker confirms.
 * Failures (broker down, nack, unroutable return) are retried with backoff. If the process dies
 * first, the sweeper finds the events in the database; either way delivery is at least once.
 */
export class OutboxRelay implements OutboxSink {
  private queue: Queued[] = [];
  /** Confirmed ids not yet recorded: written together, since only the sweeper reads them, after its grace period. */
  private unrecorded: string[] = [];
  private recording?: NodeJS.Timeout;
  private running?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly amqp: AmqpConnection,
    private readonly publisher: EventPublisher,
    private readonly markers: OutboxMarkers,
    private readonly metrics: OutboxMetrics,
    private readonly logger: Logger,
    private readonly options: RelayOptions,
  ) {
    amqp.onConnect(() => this.kick());
  }

  written(_collection: OutboxCollection, events: readonly CloudEvent[]): void {
    if (this.stopped || events.length === 0) return;
    if (this.queue.length + events.length > this.options.maxQueued) {
      this.logger.warn({ queued: this.queue.length }, 'relay queue full; leaving events to the outbox sweeper');
      return;
    }
    for (const event of events) this.queue.push({ event, attempts: 0, notBefore: 0 });
    this.metrics.queued.set(this.queue.length);
    this.kick();
  }

  get size(): number {
    return this.queue.length;
  }

  kick(): void {
    if (!this.running && !this.stopped) this.running = this.run().finally(() => (this.running = undefined));
  }

  /** Stops accepting events and waits (bounded) for what is in flight; the rest stays in the outbox. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.race([this.running, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    await this.flushRecords();
  }

  private async run(): Promise<void> {
    while (this.queue.length > 0 && this.amqp.state().up) {
      const now = Date.now();
      const batch: Queued[] = [];
      const later: Queued[] = [];
      for (const q of this.queue) (q.notBefore <= now && batch.length < this.options.batchSize ? batch : later).push(q);
      if (batch.length === 0) {
        this.schedule(Math.min(...later.map((q) => q.notBefore)) - now);
        return;
      }
      this.queue = later;
      const results = await this.publisher.publish(batch.map((q) => q.event));
      const confirmed = batch.filter((_, i) => results[i] === 'ack');
      const failed = batch.filter((_, i) => results[i] !== 'ack');
      for (const q of confirmed) {
        this.metrics.published.inc({ type: q.event.type, path: 'fast' });
        this.metrics.latency.observe({ path: 'fast' }, (Date.now() - Date.parse(q.event.time)) / 1000);
      }
      results.filter((r) => r !== 'ack').forEach((reason) => this.metrics.failures.inc({ reason }));
      this.record(confirmed.map((q) => q.event.id));
      for (const q of failed) {
        q.attempts += 1;
        q.notBefore = Date.now() + Math.min(this.options.maxBackoffMs, 100 * 2 ** q.attempts);
        this.metrics.retries.inc();
      }
      this.queue.unshift(...failed);
      this.metrics.queued.set(this.queue.length);
    }
  }

  private record(ids: string[]): void {
    this.unrecorded.push(...ids);
    if (this.unrecorded.length >= this.options.batchSize) void this.flushRecords();
    else this.recording ??= setTimeout(() => void this.flushRecords(), 200);
  }

  private async flushRecords(): Promise<void> {
    clearTimeout(this.recording);
    this.recording = undefined;
    const ids = this.unrecorded;
    this.unrecorded = [];
    await this.markers.add(ids).catch((err: unknown) =>
      this.logger.warn({ err: { message: (err as Error).message } }, 'could not record published events; the sweeper may publish them again'),
    );
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.kick(), Math.max(10, delayMs));
    this.timer.unref();
  }
}
