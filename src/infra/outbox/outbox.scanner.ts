import type { Connection } from 'mongoose';
import type { CloudEvent } from '../../domain/events/event.types';
import type { OutboxCollection } from './outbox.fields';

interface OutboxDoc {
  _id: string;
  outbox?: CloudEvent[];
}

export interface ScannedBatch {
  scanned: number;
  missing: CloudEvent[];
}

/** Reads unconfirmed events from the aggregates: a few documents by id, or a whole time window. */
export class OutboxScanner {
  constructor(
    private readonly connection: Connection,
    private readonly batchSize: number,
  ) {}

  /**
   * The events `wanted` from the documents named. The document is the authority: an event whose
   * write failed or never happened is not in it, and so is not published.
   */
  async *byIds(name: OutboxCollection, documentIds: Iterable<string>, wanted: ReadonlySet<string>): AsyncGenerator<ScannedBatch> {
    const collection = this.connection.collection<OutboxDoc>(name);
    let batch: CloudEvent[] = [];
    for (const _id of documentIds) {
      const doc = await collection.findOne({ _id }, { projection: { outbox: 1 } });
      batch.push(...(doc?.outbox ?? []).filter((e) => wanted.has(e.id)));
      if (batch.length >= this.batchSize) {
        yield { scanned: batch.length, missing: batch };
        batch = [];
      }
    }
    if (batch.length > 0) yield { scanned: batch.length, missing: batch };
  }

  /**
   * Batches of events written in [from, to) whose publication the broker has not confirmed. One
   * cursor over the window, no sort: FerretDB cannot push a sort down, so paging by _id would
   * rescan the window once per page.
   */
  async *window(name: OutboxCollection, from: Date, to: Date, confirmed: ReadonlySet<string>): AsyncGenerator<ScannedBatch> {
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
        }
        if (batch.length >= this.batchSize) yield flush();
      }
      if (batch.length > 0) yield flush();
    } finally {
      await cursor.close();
    }
  }
}
