import type { Connection, mongo } from 'mongoose';
import type { IdempotencyRecord, IdempotencyStore } from '../../../domain/compliance/idempotency';
import { isDuplicateKey } from '../mongo-errors';

/** An idempotency key as stored: its request's fingerprint and the resources it created. */
export interface IdempotencyDocument {
  _id: string;
  fingerprint: string;
  resultIds: string[];
  createdAt: Date;
  expiresAt: Date;
}

export const IDEMPOTENCY_COLLECTION = 'idempotency_keys';


const toRecord = (d: IdempotencyDocument): IdempotencyRecord => ({
  id: d._id, fingerprint: d.fingerprint, resultIds: d.resultIds, createdAt: d.createdAt.toISOString(), expiresAt: d.expiresAt.toISOString(),
});
const toDocument = (r: IdempotencyRecord): IdempotencyDocument => ({
  _id: r.id, fingerprint: r.fingerprint, resultIds: [...r.resultIds], createdAt: new Date(r.createdAt), expiresAt: new Date(r.expiresAt),
});

/**
 * MongoDB removes expired keys by itself (a TTL index, compliance.indexes.ts); expiry is also
 * checked on every read, so a server without TTL monitors (FerretDB) still treats an expired key
 * as free.
 */
export class MongoIdempotencyStore implements IdempotencyStore {
  private readonly collection: mongo.Collection<IdempotencyDocument>;

  constructor(connection: Connection) {
    this.collection = connection.collection<IdempotencyDocument>(IDEMPOTENCY_COLLECTION);
  }

  async get(id: string, now: string): Promise<IdempotencyRecord | undefined> {
    const doc = await this.collection.findOne({ _id: id });
    return doc && doc.expiresAt > new Date(now) ? toRecord(doc) : undefined;
  }

  async claim(record: IdempotencyRecord, now: string): Promise<IdempotencyRecord> {
    try {
      await this.collection.insertOne(toDocument(record));
      return record;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const live = await this.get(record.id, now);
    if (live) return live;
    // The key expired: take it over, unless a concurrent request took it first.
    const replaced = await this.collection.replaceOne({ _id: record.id, expiresAt: { $lte: new Date(now) } }, toDocument(record));
    if (replaced.modifiedCount === 1) return record;
    return (await this.get(record.id, now)) ?? record;
  }
}
