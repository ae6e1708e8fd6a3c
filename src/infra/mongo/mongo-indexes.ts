import type { Connection } from 'mongoose';

/** One index: its key and, for a TTL index, how long after the key's date a document expires. */
export interface IndexSpec {
  readonly key: Readonly<Record<string, 1 | -1>>;
  readonly expireAfterSeconds?: number;
}

/**
 * Creates a collection's indexes, one at a time: FerretDB 1.24 fails a createIndexes batch whose
 * indexes all exist already. FerretDB also refuses TTL indexes ("not implemented yet"); such an
 * index is then created as a plain index on the same key, and whoever relies on the expiry also
 * checks it itself (reads that ignore expired documents, a pruning job).
 */
export async function ensureIndexes(connection: Connection, collection: string, specs: readonly IndexSpec[]): Promise<void> {
  const target = connection.collection(collection);
  for (const { key, expireAfterSeconds } of specs) {
    if (expireAfterSeconds === undefined) await target.createIndex({ ...key });
    else await target.createIndex({ ...key }, { expireAfterSeconds }).catch(() => target.createIndex({ ...key }));
  }
}
