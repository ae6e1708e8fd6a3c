import type { Connection } from 'mongoose';

const COLLECTION = 'schema_state';
const ID = 'stored-documents';
const CURRENT = 2;
const MIGRATED = ['tender_profiles', 'assessments', 'audit_events'];

/** Records the schema version every stored document is at (written by the migration). */
export async function markSchemaVersion(connection: Connection, schemaVersion: number): Promise<void> {
  await connection.collection<{ _id: string }>(COLLECTION).updateOne({ _id: ID }, { $set: { schemaVersion, at: new Date() } }, { upsert: true });
}

/**
 * The collections that may still hold documents of an earlier schema version, for a start-up
 * warning. Cheap on every engine: one read by `_id` and at most one unfiltered `findOne` per
 * collection (a search for old documents would scan every stored document). A new, empty store is
 * marked current at once.
 */
export async function collectionsToMigrate(connection: Connection): Promise<string[]> {
  const state = await connection.collection<{ _id: string; schemaVersion?: number }>(COLLECTION).findOne({ _id: ID });
  if ((state?.schemaVersion ?? 0) >= CURRENT) return [];
  const filled = await Promise.all(MIGRATED.map(async (name) => ((await connection.collection(name).findOne({}, { projection: { _id: 1 } })) ? [name] : [])));
  const names = filled.flat();
  if (names.length === 0) await markSchemaVersion(connection, CURRENT);
  return names;
}
