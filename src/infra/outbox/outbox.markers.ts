import type { Connection } from 'mongoose';
import { bulkWriteFailures, onlyDuplicates } from '../mongo/mongo-errors';

interface MarkerDoc {
  _id: string;
  at: Date;
}

/**
 * Which events the broker has confirmed: one tiny document per event id, written in batches.
 * Inserts are what MongoDB-compatible servers do fastest (FerretDB commits one transaction per
 * updated document but one per inserted batch), so publication never waits on updates of the
 * aggregates. Markers older than the sweeper's window are pruned.
 */
export class OutboxMarkers {
  constructor(private readonly connection: Connection) {}

  private get collection() {
    return this.connection.collection<MarkerDoc>('outbox_published');
  }

  async add(eventIds: readonly string[]): Promise<void> {
    if (eventIds.length === 0) return;
    const at = new Date();
    try {
      await this.collection.insertMany(eventIds.map((_id) => ({ _id, at })), { ordered: false });
    } catch (err) {
      if (!onlyDuplicates(bulkWriteFailures(err))) throw err;
    }
  }

  /**
   * Ids of events confirmed since `since`: one scan per sweep, instead of a lookup per batch
   * (FerretDB pushes only exact `_id` matches down to its storage, not `$in`).
   */
  async since(since: Date): Promise<Set<string>> {
    const docs = await this.collection.find({ at: { $gte: since } }, { projection: { _id: 1 } }).toArray();
    return new Set(docs.map((d) => d._id));
  }

  async prune(before: Date): Promise<number> {
    return (await this.collection.deleteMany({ at: { $lt: before } })).deletedCount;
  }
}
