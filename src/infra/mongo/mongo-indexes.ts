import type { Connection } from 'mongoose';

/** One index: its key and, for a TTL index, how long after the key's date a document expires. */
export interface IndexSpec {
  readonly key: Readonly<Record<string, 1 | -1>>;
  readonly expireAfterSeconds?: number;
}

const answered = new WeakMap<Connection, Promise<boolean>>();

/**
 * Whether the engine answers a filter on a field from its storage, where an index can serve it.
 * FerretDB 1.x on SQLite does not: its `explain` reports `filterPushdown: false` for every filter
 * but an exact `_id`, and it reads and decodes every document of the collection to filter it, so
 * an index there is never used and only makes each write slower (measured: ~25 % of its CPU per
 * stored assessment). MongoDB has no such field (its planner uses indexes); FerretDB on PostgreSQL
 * reports `true`. Asked once per connection, of a collection that exists (an engine may answer
 * `false` for a missing one).
 */
function usesFieldIndexes(connection: Connection, existing: string): Promise<boolean> {
  let probe = answered.get(connection);
  if (!probe) {
// An engine without explain is assumed to use its indexes, as MongoDB does.
    probe = connection
      .db!.command({ explain: { find: existing, filter: { schemaVersion: 0 } } })
      .then((plan) => plan.filterPushdown !== false, () => true);
    answered.set(connection, probe);
  }
  return probe;
}

async function createCollection(connection: Connection, name: string): Promise<void> {
  await connection.db!.createCollection(name).catch((err: { codeName?: string; code?: number }) => {
    if (err.codeName !== 'NamespaceExists' && err.code !== 48) throw err;
  });
}

/**
 * Creates a collection and its indexes, one at a time: FerretDB 1.24 fails a createIndexes batch
 * whose indexes all exist already. FerretDB also refuses TTL indexes ("not implemented yet"); such
 * an index is then created as a plain index on the same key, and whoever relies on the expiry also
 * checks it itself (reads that ignore expired documents, a pruning job). On an engine that cannot
 * use them (usesFieldIndexes) no index is created at all; the answer is returned, for the log.
 */
export async function ensureIndexes(connection: Connection, collection: string, specs: readonly IndexSpec[]): Promise<boolean> {
  await createCollection(connection, collection);
  if (!(await usesFieldIndexes(connection, collection))) return false;
  const target = connection.collection(collection);
  for (const { key, expireAfterSeconds } of specs) {
    if (expireAfterSeconds === undefined) await target.createIndex({ ...key });
    else await target.createIndex({ ...key }, { expireAfterSeconds }).catch(() => target.createIndex({ ...key }));
  }
  return true;
}
