import { randomUUID } from 'node:crypto';
import amqplib, { type ChannelModel } from 'amqplib';

export interface EventCounter {
  /** Messages received, duplicates (redeliveries, double publishes) included. */
  readonly deliveries: number;
  /** Distinct CloudEvent ids (the AMQP messageId) received. */
  readonly distinct: number;
  /** Deliveries whose id had been received before. */
  readonly duplicates: number;
  /** Waits until `distinct` reaches `expected` or `timeoutMs` passes; returns `distinct`. */
  waitFor(expected: number, timeoutMs: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * A consumer of the assessment events on `exchange`, as another building block would run one: a
 * durable queue of its own (so nothing is lost while its connection is down), manual acks, and a
 * reconnect loop, since the benchmarks drop every broker connection on purpose.
 */
export async function countEvents(url: string, exchange: string, bindingKey = 'assessment.#'): Promise<EventCounter> {
  const queue = `bench.events.${randomUUID().slice(0, 8)}`;
  const ids = new Set<string>();
  let deliveries = 0;
  let conn: ChannelModel | undefined;
  let closing = false;

  const connect = async (): Promise<void> => {
    const c = await amqplib.connect(url);
    conn = c;
    c.on('error', () => undefined);
    c.on('close', () => {
      if (!closing) setTimeout(() => void connectWithRetry(), 500);
    });
    const ch = await c.createChannel();
    await ch.checkExchange(exchange); // declared by the service (with its alternate exchange)
    await ch.assertQueue(queue, { durable: true });
    await ch.bindQueue(queue, exchange, bindingKey);
    await ch.prefetch(500);
    await ch.consume(queue, (msg) => {
      if (!msg) return;
      deliveries += 1;
      ids.add(String(msg.properties.messageId));
      ch.ack(msg);
    });
  };
  const connectWithRetry = async (): Promise<void> => {
    while (!closing) {
      try {
        await connect();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };
  await connect();

  return {
    get deliveries() {
      return deliveries;
    },
    get distinct() {
      return ids.size;
    },
    get duplicates() {
      return deliveries - ids.size;
    },
    async waitFor(expected, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (ids.size < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      return ids.size;
    },
    async close() {
      closing = true;
      try {
        const ch = await conn!.createChannel();
        await ch.deleteQueue(queue);
        await conn!.close();
      } catch {
        // the broker may be gone at the end of a drill; the queue is then deleted with the vhost's next cleanup
      }
    },
  };
}
