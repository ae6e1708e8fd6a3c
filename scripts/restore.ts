import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import mongoose from 'mongoose';
import { MANIFEST_FORMAT, argValue, connect, userCollections, type Manifest } from './backup';

/**
 * `npm run restore -- --from DIR [--uri URI] [--force]`: restores a backup written by
 * `npm run backup` into the database named by MONGODB_URI (or --uri).
 *
 * Every file is checked against the manifest (count and SHA-256) before anything is written. A
 * database that holds any document is refused unless --force, which first drops every user
 * collection of it, so the result is exactly the backup. Indexes and collection options come from
 * the manifest (the service would also create its indexes at start). Stop the service (scale it
 * to 0) while restoring: nothing else may write meanwhile.
 */

const { EJSON } = mongoose.mongo.BSON;
type Db = NonNullable<mongoose.Connection['db']>;
const BATCH = 500;

export class RestoreRefused extends Error {}

async function* lines(file: string): AsyncGenerator<string> {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (line) yield line;
}

/** Recomputes each file's count and SHA-256; throws on the first difference from the manifest. */
export async function verifyBackup(dir: string): Promise<Manifest> {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.format !== MANIFEST_FORMAT) throw new Error(`unknown backup format "${String(manifest.format)}"`);
  for (const entry of manifest.collections) {
    const hash = createHash('sha256');
    let count = 0;
    for await (const line of lines(path.join(dir, entry.file))) {
      hash.update(`${line}\n`);
      count += 1;
    }
    const sha256 = hash.digest('hex');
    if (count !== entry.count || sha256 !== entry.sha256) {
      throw new Error(`${entry.file} does not match the manifest (count ${count} vs ${entry.count}, sha256 ${sha256} vs ${entry.sha256})`);
    }
  }
  return manifest;
}

export async function restoreDatabase(db: Db, dir: string, options: { force: boolean }): Promise<Manifest> {
  const manifest = await verifyBackup(dir);
  const existing = await userCollections(db);
  const nonEmpty: string[] = [];
  for (const { name } of existing) if ((await db.collection(name).estimatedDocumentCount()) > 0) nonEmpty.push(name);
  if (nonEmpty.length > 0 && !options.force) {
    throw new RestoreRefused(`database ${db.databaseName} is not empty (${nonEmpty.join(', ')}): restore refused; --force drops its collections first`);
  }
  for (const { name } of existing) await db.dropCollection(name);

  for (const entry of manifest.collections) {
    const collection = await db.createCollection(entry.name, EJSON.deserialize(entry.options, { relaxed: false }) as mongoose.mongo.CreateCollectionOptions);
    let batch: mongoose.mongo.Document[] = [];
    for await (const line of lines(path.join(dir, entry.file))) {
      batch.push(EJSON.parse(line, { relaxed: false }) as mongoose.mongo.Document);
      if (batch.length === BATCH) {
        await collection.insertMany(batch, { ordered: true });
        batch = [];
      }
    }
    if (batch.length > 0) await collection.insertMany(batch, { ordered: true });
    for (const index of entry.indexes) {
      // listIndexes' own fields (v, ns) are not creation options.
      const { key, v: _v, ns: _ns, ...indexOptions } = EJSON.deserialize(index, { relaxed: false }) as Record<string, unknown>;
      await collection.createIndex(key as mongoose.mongo.IndexSpecification, indexOptions);
    }
    const restored = await collection.countDocuments();
    if (restored !== entry.count) throw new Error(`${entry.name}: ${restored} documents restored, the manifest says ${entry.count}`);
  }
  return manifest;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const from = argValue(args, '--from');
  const uri = argValue(args, '--uri') ?? process.env.MONGODB_URI;
  if (!from || !uri) throw new Error('usage: npm run restore -- --from DIR [--uri URI] [--force]  (URI defaults to MONGODB_URI)');
  const connection = await connect(uri);
  try {
    const manifest = await restoreDatabase(connection.db!, path.resolve(from), { force: args.includes('--force') });
    for (const c of manifest.collections) process.stdout.write(`${c.name}: ${c.count} documents, ${c.indexes.length} indexes\n`);
    process.stdout.write(`restored ${manifest.database} (backup of ${manifest.createdAt}) into ${connection.db!.databaseName}\n`);
  } finally {
    await connection.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`restore failed: ${err instanceof Error ? err.message : String(err)}\n`);
    // 2 = refused (nothing was changed), 1 = failed.
    process.exit(err instanceof RestoreRefused ? 2 : 1);
  });
}
