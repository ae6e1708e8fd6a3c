import path from 'node:path';
import { embeddedEngineFromEnv, startEmbeddedMongo, type EmbeddedMongo } from './infra/mongo/embedded/embedded-mongo';
import { runMain } from './main';
import { PROJECT_ROOT } from './paths';

/**
 * `npm run dev`: the whole service with nothing configured. Without MONGODB_URI it starts an
 * embedded MongoDB-compatible server that keeps its data in .data/ across restarts.
 */
async function dev(): Promise<void> {
  let embedded: EmbeddedMongo | undefined;
  if (!process.env.MONGODB_URI) {
    const dataDir = process.env.EMBEDDED_MONGO_DIR ?? path.join(PROJECT_ROOT, '.data');
    const { engine, postgresUrl } = embeddedEngineFromEnv(process.env);
    embedded = await startEmbeddedMongo(dataDir, engine, (message) => process.stderr.write(`[dev] ${message}\n`), postgresUrl);
    process.env.MONGODB_URI = `${embedded.uri}procurement_sustainability`;
    process.stderr.write(`[dev] embedded ${embedded.engine} ready at ${embedded.uri}\n`);
  }
  // The local embedded default runs without an identity provider; src/wiring/security.wiring.ts logs a loud warning.
  process.env.AUTH_MODE ??= 'none';
  await runMain({ allowNoAuth: true, afterStop: () => embedded?.stop() ?? Promise.resolve() });
}

void dev();
