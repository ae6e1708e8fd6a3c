import { randomUUID } from 'node:crypto';
import amqplib, { type ChannelModel } from 'amqplib';
import type { EventDelivery } from './chaos.types';

/**
 * The run's consumer of assessment events, as another building block would run one: a durable
 * queue of its own bound to the service's exchange, manual acks, a reconnect loop. It talks to
 * the broker directly, not through the proxy the replicas use: the outage simulated is the
 * service's, and the consumer must see everything the service manages to publish.
 */
export class EventLedger {
  readonly deliveries: EventDelivery[] = [];
  private readonly queue = `chaos.events.${randomUUID().slice(0, 8)}`;
  private conn?: ChannelModel;
  private closing = false;

  constructor(
    private readonly url: string,
    private readonly exchange: string,
  ) {}

  /** Binds the queue (the exchange must exist: the service declares it with its alternate exchange). */
  async open(): Promise<void> {
    const conn = await amqplib.connect(this.url);
    this.conn = conn;
    conn.on('error', () => undefined);
    conn.on('close', () => {
      if (!this.closing) setTimeout(() => void this.reopen(), 500);
    });
    const ch = await conn.createChannel();
    await ch.checkExchange(this.exchange);
    await ch.assertQueue(this.queue, { durable: true });
    await ch.bindQueue(this.queue, this.exchange, 'assessment.#');
    await ch.prefetch(500);
    await ch.consume(this.queue, (msg) => {
      if (!msg) return;
      const body = JSON.parse(msg.content.toString()) as { id?: string; subject?: string };
      this.deliveries.push({ id: String(msg.properties.messageId ?? body.id), subject: String(body.subject), at: Date.now() });
      ch.ack(msg);
    });
  }

  /** Waits until every subject has arrived or the time is up; returns the subjects still missing. */
  async waitFor(subjects: readonly string[], timeoutMs: number): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = new Set(this.deliveries.map((d) => d.subject));
      const missing = subjects.filter((s) => !seen.has(s));
      if (missing.length === 0 || Date.now() > deadline) return missing;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** Deletes the queue, and the exchange the run created with its alternate exchange and queue. */
  async close(): Promise<void> {
    this.closing = true;
    try {
      const ch = await this.conn!.createChannel();
      await ch.deleteQueue(this.queue);
      await ch.deleteExchange(this.exchange);
      await ch.deleteExchange(`${this.exchange}.unroutable`);
      await ch.deleteQueue(`${this.exchange}.unroutable`);
      await this.conn!.close();
    } catch {
      // best effort: the run's figures are already taken
    }
  }

  private async reopen(): Promise<void> {
    while (!this.closing) {
      try {
        await this.open();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
}
