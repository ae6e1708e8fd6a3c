import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import amqplib from 'amqplib';
import { embeddedEngineFromEnv, startEmbeddedMongo, type EmbeddedMongo } from '../../src/infra/mongo/embedded/embedded-mongo';
import { createTestIdentityProvider } from './auth';
import { createScratchPostgresDatabase, type ScratchPostgresDatabase } from './postgres.scratch-database';

declare global {
  var __embeddedMongo: EmbeddedMongo | undefined;
  var __scratchPostgres: ScratchPostgresDatabase | undefined;
}

/**
 * Integration tests run against a real MongoDB-compatible server and the real RabbitMQ.
 * MONGODB_URI, when set, points at the server to use (each test file gets its own database);
 * otherwise one embedded server is started here for the whole run (EMBEDDED_MONGO_ENGINE; on
 * `ferretdb-postgres`, in a database of the run's own on the server of POSTGRES_URL). AMQP_URL
 * defaults to amqp://localhost, which must answer: there is no fake broker.
 */
export default async function globalSetup(): Promise<void> {
  const amqpUrl = (process.env.AMQP_URL ??= 'amqp://localhost');
  try {
    const conn = await amqplib.connect(amqpUrl);
    await conn.close();
  } catch (err) {
    throw new Error(`RabbitMQ is not reachable at ${amqpUrl} (${String(err)}); start it (rabbitmq-server -detached) or set AMQP_URL`);
  }

  const idp = await createTestIdentityProvider(mkdtempSync(path.join(os.tmpdir(), 'psbb-test-idp-')));
  process.env.TEST_JWKS_FILE = idp.jwksFile;
  process.env.TEST_SIGNING_KEY_FILE = idp.signingKeyFile;

  if (process.env.MONGODB_URI) {
    process.env.TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'psbb-test-db-'));
  const { engine, postgresUrl } = embeddedEngineFromEnv(process.env);
  if (postgresUrl) {
    globalThis.__scratchPostgres = createScratchPostgresDatabase(postgresUrl);
    process.env.TEST_POSTGRES_URL = globalThis.__scratchPostgres.url;
  }
  const log = (m: string) => process.stderr.write(`[test] ${m}\n`);
  try {
    globalThis.__embeddedMongo = await startEmbeddedMongo(dir, engine, log, globalThis.__scratchPostgres?.url);
  } catch (err) {
    globalThis.__scratchPostgres?.drop();
    throw err;
  }
  process.env.TEST_MONGODB_URI = globalThis.__embeddedMongo.uri;
}
