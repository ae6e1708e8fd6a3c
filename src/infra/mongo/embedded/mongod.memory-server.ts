import { mkdirSync } from 'node:fs';
import type { EmbeddedMongo } from './embedded-mongo';

/**
 * A real mongod through mongodb-memory-server, the Node ecosystem's embedded MongoDB. It needs a
 * mongod binary: MONGOMS_SYSTEM_BINARY, or a download from mongodb.org (unreachable on the
 * project's build machines, which use FerretDB instead).
 */
export async function startMongod(dataDir: string): Promise<EmbeddedMongo> {
  // Loaded lazily: it is a devDependency and absent from production images.
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  mkdirSync(dataDir, { recursive: true });
  const server = await MongoMemoryServer.create({ instance: { dbPath: dataDir, storageEngine: 'wiredTiger' } });
  return {
    engine: 'mongod',
    uri: server.getUri(),
    stop: async () => {
      await server.stop({ doCleanup: false });
    },
  };
}
