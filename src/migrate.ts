import mongoose from 'mongoose';
import { redactUri } from './config';
import { createLogger } from './infra/logging/logger';
import { migrateStoredDocuments } from './infra/mongo/migrations/stored-documents.migration';

/**
 * `npm run migrate` (in the image: `node dist/migrate.js`): converts the stored documents of the
 * database named by MONGODB_URI to the current schema versions. Safe to run while the service
 * runs, to stop, and to run again; docs/operations.md §6 says when to run it.
 */
export async function runMigration(uri: string | undefined = process.env.MONGODB_URI): Promise<number> {
  const logger = createLogger('info');
  if (!uri) {
    logger.fatal('MONGODB_URI is not set: name the database to migrate');
    return 2;
  }
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    logger.info({ target: redactUri(uri) }, 'migrating stored documents');
    const counts = await migrateStoredDocuments(connection, { progress: (collection, done) => logger.info({ collection, done }, 'migrating') });
    logger.info({ converted: counts }, 'migration finished: every document is at the current schema version');
    return 0;
  } catch (err) {
    logger.fatal({ err: { message: err instanceof Error ? err.message : String(err) } }, 'migration stopped; run it again to continue');
    return 1;
  } finally {
    await connection.close();
  }
}

if (require.main === module) void runMigration().then((code) => process.exit(code));
