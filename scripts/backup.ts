import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import mongoose from 'mongoose';
import { redactUri } from '../src/config';

/**
 * `npm run backup -- [--out DIR] [--uri URI]`: a logical backup of every collection of the
 * database named by MONGODB_URI (or --uri), through the MongoDB driver. It works wherever the
 * service works (MongoDB, FerretDB), needs no mongodump binary, and only the app's own readWrite
 * user. For large production databases prefer mongodump/mongorestore (docs/operations.md).
 *
 * Layout: one `<collection>.jsonl` per collection (canonical Extended JSON, one document per line,
 * sorted by _id) and `manifest.json` with each file's document count, SHA-256, indexes and options.
 */

export const MANIFEST_FORMAT = 'procurement-sustainability-backup/1';
const { EJSON } = mongoose.mongo.BSON;

export interface CollectionEntry {
  readonly name: string;
  readonly file: string;
  readonly count: number;
  readonly sha256: string;
  /** Collection options (capped, validator...) as listCollections reported them. */
  readonly options: Record<string, unknown>;
  /** Secondary indexes (not _id_) as listIndexes reported them, in Extended JSON. */
  readonly indexes: Record<string, unknown>[];
}

export interface Manifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly createdAt: string;
  readonly database: string;
  readonly source: string;
  readonly collections: CollectionEntry[];
}

type Db = NonNullable<mongoose.Connection['db']>;

/** User collections of the database (views and system collections are not data). */
export async function userCollections(db: Db): Promise<{ name: string; options: Record<string, unknown> }[]> {
  const infos = await db.listCollections({}, { nameOnly: false }).toArray();
  return infos
    .filter((info) => (info.type ?? 'collection') === 'collection' && !info.name.startsWith('system.'))
    .map((info) => ({ name: info.name, options: ('options' in info ? info.options : undefined) ?? {} }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Writes the backup of `db` into `dir` (which must not exist or be empty); returns the manifest. */
export async function backupDatabase(db: Db, dir: string, source: string): Promise<Manifest> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty: choose a new directory`);
  mkdirSync(dir, { recursive: true });
  const collections: CollectionEntry[] = [];
  for (const { name, options } of await userCollections(db)) {
    const file = `${name}.jsonl`;
    const hash = createHash('sha256');
    const out = createWriteStream(path.join(dir, file), { flags: 'wx' });
    let count = 0;
    // Sorted by _id so two backups of the same data are byte-identical (same SHA-256).
    for await (const doc of db.collection(name).find({}).sort({ _id: 1 })) {
      const line = `${EJSON.stringify(doc, { relaxed: false })}\n`;
      hash.update(line);
      if (!out.write(line)) await once(out, 'drain');
      count += 1;
    }
    out.end();
    await once(out, 'close');
    const indexes = (await db.collection(name).indexes())
      .filter((index) => index.name !== '_id_')
      .map((index) => JSON.parse(EJSON.stringify(index, { relaxed: false })) as Record<string, unknown>);
    collections.push({ name, file, count, sha256: hash.digest('hex'), options: JSON.parse(EJSON.stringify(options, { relaxed: false })) as Record<string, unknown>, indexes });
  }
  const manifest: Manifest = { format: MANIFEST_FORMAT, createdAt: new Date().toISOString(), database: db.databaseName, source, collections };
  // The manifest comes last: a directory without one is an interrupted backup.
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
  return manifest;
}

export function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function connect(uri: string): Promise<mongoose.Connection> {
  const connection = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000, autoIndex: false });
  return connection.asPromise();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const uri = argValue(args, '--uri') ?? process.env.MONGODB_URI;
  if (!uri) throw new Error('set MONGODB_URI (or --uri) to the database to back up');
  const connection = await connect(uri);
  try {
    const db = connection.db!;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const dir = path.resolve(argValue(args, '--out') ?? path.join('.data', 'backups', `${db.databaseName}-${stamp}`));
    const manifest = await backupDatabase(db, dir, redactUri(uri));
    for (const c of manifest.collections) process.stdout.write(`${c.name}: ${c.count} documents, sha256 ${c.sha256}\n`);
    process.stdout.write(`backup of ${manifest.database} written to ${dir}\n`);
  } finally {
    await connection.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`backup failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
