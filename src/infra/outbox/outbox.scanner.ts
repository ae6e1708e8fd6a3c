import type { Connection } from 'mongoose';
import type { CloudEvent } from '../../domain/events/event.types';
import type { OutboxCollection } from './outbox.fields';

interface OutboxDoc {
  _id: string;
  outbox?: CloudEvent[];
}

/** Reads the events of one outbox collection within a time window, minus confirmed ones. */
export class OutboxScanner {
  constructor(
    private readonly connection: Connection,
    private readonly batchSize: number,
  ) {}

  /**
   * Batches of events written in [from, to) whose publication the broker has not confirmed. One
   * cursor over the window, no sort: FerretDB cannot push a sort down, so paging by _id would
   * rescan the window once per page.
   */
  async *unconfirmed(
    name: OutboxCollection,
    from: Date,
    to: Date,
    confirmed: ReadonlySet<string>,
    younger?: { count: number; oldest?: number },
  ): AsyncGenerator<{ scanned: number; missing: CloudEvent[] }> {
    const cursor = this.connection
      .collection<OutboxDoc>(name)
      .find({ outboxAt: { $gte: from } }, { projection: { outbox: 1 } })
      .batchSize(this.batchSize);
    let batch: CloudEvent[] = [];
    const flush = () => {
      const result = { scanned: batch.length, missing: batch.filter((e) => !confirmed.has(e.id)) };
      batch = [];
      return result;
    };
    try {
      for await (const doc of cursor) {
        for (const e of doc.outbox ?? []) {
          const t = Date.parse(e.time);
          if (t >= from.getTime() && t < to.getTime()) batch.push(e);
          else if (younger && t >= to.getTime() && !confirmed.has(e.id)) {
            younger.count += 1;
            younger.oldest = Math.min(younger.oldest ?? t, t);
          }
        }
        if (batch.length >= this.batchSize) yield flush();
      }
      if (batch.length > 0) yield flush();
    } finally {
      await cursor.close();
    }
  }
}
