import type { Connection } from 'mongoose';
import type { CloudEvent } from '../../domain/events/event.types';
import type { OutboxCollection } from './outbox.fields';
import { OutboxPending } from './outbox.pending';
import type { OutboxSink } from './outbox.sink';

export interface DocumentEvents {
  documentId: string;
  events: readonly CloudEvent[];
}

/**
 * The one order of an outbox write, for every repository whose documents carry events: the
 * pending entries first (a crash after them leaves an entry whose document lacks the event, which
 * publishes nothing; the other order could lose the event), then the aggregate's own write, then
 * the relay, and only for the documents that were written.
 */
export class OutboxWriter {
  private readonly pending: OutboxPending;

  constructor(
    connection: Connection,
    private readonly collection: OutboxCollection,
    private readonly sink: OutboxSink,
  ) {
    this.pending = new OutboxPending(connection);
  }

  /** `write` says whether it wrote (false: a duplicate or a failed condition, nothing to publish). */
  async write(documentId: string, events: readonly CloudEvent[], write: () => Promise<boolean>): Promise<boolean> {
    await this.pending.record(this.collection, documentId, events);
    const wrote = await write();
    if (wrote) this.sink.written(this.collection, events);
    return wrote;
  }

  /** `write` returns the ids of the documents that already existed (not written by it). */
  async writeMany(writes: readonly DocumentEvents[], write: () => Promise<Set<string>>): Promise<Set<string>> {
    await this.pending.recordMany(this.collection, writes);
    const existed = await write();
    this.sink.written(this.collection, writes.filter((w) => !existed.has(w.documentId)).flatMap((w) => w.events));
    return existed;
  }
}
