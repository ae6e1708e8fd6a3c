import { Schema, type Connection, type Model } from 'mongoose';
import type { IdempotencyRecord, IdempotencyStore } from '../../../domain/compliance/idempotency';
import { isDuplicateKey } from '../mongo-errors';

interface IdempotencyDocument {
  _id: string;
  fingerprint: string;
  resultIds: string[];
  createdAt: Date;
  expiresAt: Date;
}

const schema = new Schema<IdempotencyDocument>(
  {
    _id: { type: String, required: true },
    fingerprint: { type: String, required: true },
    resultIds: { type: [String], required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'idempotency_keys', versionKey: false },
);
// MongoDB removes expired keys by itself; expiry is also checked on every read, so a server
// without TTL monitors (FerretDB) still treats an expired key as free.
schema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export function idempotencyModel(connection: Connection): Model<IdempotencyDocument> {
  return connection.models.IdempotencyKey ?? connection.model<IdempotencyDocument>('IdempotencyKey', schema);
}

const toRecord = (d: IdempotencyDocument): IdempotencyRecord => ({
  id: d._id, fingerprint: d.fingerprint, resultIds: d.resultIds, createdAt: d.createdAt.toISOString(), expiresAt: d.expiresAt.toISOString(),
});
const toDocument = (r: IdempotencyRecord): IdempotencyDocument => ({
  _id: r.id, fingerprint: r.fingerprint, resultIds: r.resultIds, createdAt: new Date(r.createdAt), expiresAt: new Date(r.expiresAt),
});

export class MongoIdempotencyStore implements IdempotencyStore {
  constructor(private readonly model: Model<IdempotencyDocument>) {}

  async get(id: string, now: string): Promise<IdempotencyRecord | undefined> {
    const doc = await this.model.findById(id).lean<IdempotencyDocument>();
    return doc && doc.expiresAt > new Date(now) ? toRecord(doc) : undefined;
  }

  async claim(record: IdempotencyRecord, now: string): Promise<IdempotencyRecord> {
    try {
      await this.model.create(toDocument(record));
      return record;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const live = await this.get(record.id, now);
    if (live) return live;
    // The key expired: take it over, unless a concurrent request took it first.
    const replaced = await this.model.replaceOne({ _id: record.id, expiresAt: { $lte: new Date(now) } }, toDocument(record));
    if (replaced.modifiedCount === 1) return record;
    return (await this.get(record.id, now)) ?? record;
  }
}
