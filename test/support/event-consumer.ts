import { randomUUID } from 'node:crypto';
import amqplib, { type ChannelModel, type ConsumeMessage } from 'amqplib';

export interface Received {
  body: Record<string, any>;
  properties: ConsumeMessage['properties'];
  routingKey: string;
}

/**
 * A consumer of the service's events, as another GovStack building block would run it: a durable
 * queue of its own, bound before the events happen, read with explicit acks. The queue survives
 * connection losses and broker restarts, so it can be drained afterwards.
 */
export class EventConsumer {
  readonly queue = `test.consumer.${randomUUID().slice(0, 8)}`;
  private conn?: ChannelModel;

  constructor(
    private readonly url: string,
    private readonly exchange: string,
  ) {}

  async bind(routingKeys: string[] = ['#']): Promise<this> {
    await this.withChannel(async (ch) => {
      await ch.assertQueue(this.queue, { durable: true });
      for (const key of routingKeys) await ch.bindQueue(this.queue, this.exchange, key);
    });
    return this;
  }

  /** Every message currently in the queue, acknowledged. */
  async drain(): Promise<Received[]> {
    const out: Received[] = [];
    await this.withChannel(async (ch) => {
      for (;;) {
        const msg = await ch.get(this.queue, { noAck: false });
        if (!msg) break;
        out.push({ body: JSON.parse(msg.content.toString()) as Record<string, any>, properties: msg.properties, routingKey: msg.fields.routingKey });
        ch.ack(msg);
      }
    });
    return out;
  }

  /** Drains until `done(all so far)` holds or the time is up; returns everything received. */
  async collect(done: (all: Received[]) => boolean, timeoutMs = 20_000): Promise<Received[]> {
    const all: Received[] = [];
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      try {
        all.push(...(await this.drain()));
      } catch {
        // broker restarting: try again
      }
      if (done(all)) return all;
      await new Promise((r) => setTimeout(r, 200));
    }
    return all;
  }

  async delete(): Promise<void> {
    await this.withChannel((ch) => ch.deleteQueue(this.queue).then(() => undefined)).catch(() => undefined);
    await this.conn?.close().catch(() => undefined);
  }

  private async withChannel<T>(use: (ch: amqplib.Channel) => Promise<T>): Promise<T> {
    this.conn ??= await amqplib.connect(this.url);
    const conn = this.conn;
    conn.on('error', () => undefined);
    conn.on('close', () => {
      if (this.conn === conn) this.conn = undefined;
    });
    const ch = await conn.createChannel();
    ch.on('error', () => undefined);
    try {
      return await use(ch);
    } finally {
      await ch.close().catch(() => undefined);
    }
  }
}
