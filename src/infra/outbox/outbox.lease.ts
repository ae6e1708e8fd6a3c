import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../mongo/mongo-errors';

interface StateDoc {
  _id: string;
  owner: string;
  leaseUntil: Date;
  sweptUntil: Date;
  /**
   * Set by the first complete sweep of a version that records pending entries. Until then the
   * aggregates may hold events written without one (by an earlier version), so sweeps read the
   * time window of every collection, as those versions did.
   */
  pendingTracked?: boolean;
}

/**
 * The sweeper's lease and checkpoint, one small document. Only the replica holding an unexpired
 * lease sweeps, so several replicas never publish the same backlog together; a crashed holder's
 * lease simply expires.
 */
export class OutboxLease {
  constructor(
    private readonly connection: Connection,
    private readonly owner: string,
    private readonly leaseMs: number,
  ) {}

  private get collection() {
    return this.connection.collection<StateDoc>('outbox_state');
  }

  read(): Promise<StateDoc | null> {
    return this.collection.findOne({ _id: 'sweeper' });
  }

  async acquire(): Promise<StateDoc | null> {
    const now = new Date();
    try {
      await this.collection.insertOne({ _id: 'sweeper', owner: '', leaseUntil: new Date(0), sweptUntil: new Date(0) });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    return this.collection.findOneAndUpdate(
      { _id: 'sweeper', $or: [{ leaseUntil: { $lt: now } }, { owner: this.owner }] },
      { $set: { owner: this.owner, leaseUntil: new Date(now.getTime() + this.leaseMs) } },
      { returnDocument: 'after' },
    );
  }

  async renew(): Promise<boolean> {
    const result = await this.collection.updateOne({ _id: 'sweeper', owner: this.owner }, { $set: { leaseUntil: new Date(Date.now() + this.leaseMs) } });
    return result.matchedCount === 1;
  }

  async advance(sweptUntil: Date): Promise<void> {
    await this.collection.updateOne({ _id: 'sweeper', owner: this.owner }, { $set: { sweptUntil, pendingTracked: true } });
  }

  async release(): Promise<void> {
    await this.collection.updateOne({ _id: 'sweeper', owner: this.owner }, { $set: { leaseUntil: new Date(0) } });
  }
}
