import type { Connection } from 'mongoose';
import type { CloudEvent } from '../../domain/events/event.types';
import type { OutboxCollection } from './outbox.fields';
import { bulkWriteFailures, onlyDuplicates } from '../mongo/mongo-errors';

/** One tiny entry per event about to be written: which collection and document will hold it. */
export interface PendingEntry {
  _id: string;
  collection: OutboxCollection;
  documentId: string;
  /** When the entry was recorded, on the writer's clock: the sweeper's grace and overlap apply to it. */
  at: Date;
}

/**
 * The sweeper's index of what may still need publishing, kept in its own small collection so
 * that finding it costs what is pending, not what is stored (FerretDB evaluates any filter but
 * an exact `_id` by reading the whole collection, so an index on the aggregates' `outboxAt`
 * does not help there). Recorded *before* the aggregate's write: a crash between the two leaves
 * an entry whose document lacks the event, which publishes nothing; the other order could lose
 * an event. Entries are cleared by time range after a complete sweep, never by id lists.
 */
export class OutboxPending {
  private queued: PendingEntry[] = [];
  private waiting: { resolve: () => void; reject: (err: unknown) => void }[] = [];
  private flushing = false;

  constructor(private readonly connection: Connection) {}

  private get entries() {
    return this.connection.collection<PendingEntry>('outbox_pending');
  }

  record(collection: OutboxCollection, documentId: string, events: readonly CloudEvent[]): Promise<void> {
    return this.recordMany(collection, [{ documentId, events }]);
  }

  /**
   * Several documents' events, resolved once they are stored. Writes that arrive while an insert
   * is under way share the next one (group commit): on FerretDB an insert costs one transaction
   * whatever it holds, so concurrent checks do not each pay for an extra write.
   */
  recordMany(collection: OutboxCollection, writes: readonly { documentId: string; events: readonly CloudEvent[] }[]): Promise<void> {
    const at = new Date();
    const docs = writes.flatMap((w) => w.events.map((e) => ({ _id: e.id, collection, documentId: w.documentId, at })));
    if (docs.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queued.push(...docs);
      this.waiting.push({ resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queued.length > 0) {
      const docs = this.queued;
      const waiting = this.waiting;
      this.queued = [];
      this.waiting = [];
      try {
        await this.insert(docs);
        for (const w of waiting) w.resolve();
      } catch (err) {
        // Nothing was written after a failed entry's write: the callers' writes fail, safely.
        for (const w of waiting) w.reject(err);
      }
    }
    this.flushing = false;
  }

  private async insert(docs: PendingEntry[]): Promise<void> {
    try {
      await this.entries.insertMany(docs, { ordered: false });
    } catch (err) {
      // A retried write records the same event ids again.
      if (!onlyDuplicates(bulkWriteFailures(err))) throw err;
    }
  }

  /** Every entry, streamed: the collection holds only what was written within about one sweep, or a backlog. */
  all(batchSize: number): AsyncIterable<PendingEntry> {
    return this.entries.find({}).batchSize(batchSize);
  }

  async clear(before: Date): Promise<number> {
    return (await this.entries.deleteMany({ at: { $lt: before } })).deletedCount;
  }
}
