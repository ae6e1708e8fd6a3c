import mongoose from 'mongoose';
import { redactUri } from './config';
import { createLogger } from './infra/logging/logger';
import { migrateStoredDocuments } from './infra/mongo/migrations/stored-documents.migration';
import { rollbackStoredDocuments } from './infra/mongo/migrations/stored-documents.rollback';

/**
 * `npm run migrate` (in the image: `node dist/migrate.js`): converts the stored documents of the
 * database named by MONGODB_URI to the current schema versions. Safe to run while the service
 * runs, to stop, and to run again. `--to 1` converts them back for a rollback to a release before
 * schema version 2 (with that release's service stopped). docs/operations.md §6 says when.
 */
export async function runMigration(uri: string | undefined = process.env.MONGODB_URI, args: readonly string[] = process.argv.slice(2)): Promise<number> {
  const logger = createLogger('info');
  if (!uri) {
    logger.fatal('MONGODB_URI is not set: name the database to migrate');
    return 2;
  }
  const target = args[0] === '--to' ? args[1] : args.length === 0 ? '2' : undefined;
  if (target !== '1' && target !== '2') {
    logger.fatal({ args }, 'usage: migrate [--to 1|2] (default: the current schema version, 2)');
    return 2;
  }
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    logger.info({ target: redactUri(uri), schemaVersion: Number(target) }, 'migrating stored documents');
    const counts = target === '1' ? await rollbackStoredDocuments(connection) : await migrateStoredDocuments(connection, { progress: (collection, done) => logger.info({ collection, done }, 'migrating') });
    logger.info({ converted: counts, schemaVersion: Number(target) }, 'migration finished: every document is at the schema version asked for');
    return 0;
  } catch (err) {
    logger.fatal({ err: { message: err instanceof Error ? err.message : String(err) } }, 'migration stopped; run it again to continue');
    return 1;
  } finally {
    await connection.close();
  }
}

if (require.main === module) void runMigration().then((code) => process.exit(code));
