import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import amqplib from 'amqplib';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/infra/logging/logger';
import { createService, type ServiceOptions, type Service } from '../../src/service';
import { authEnv } from './auth';
import { api } from './contract';

export type LogRecord = Record<string, unknown> & { msg?: string; level?: string };

/** A MongoDB URI on the test server with a database of its own. */
export function testDatabaseUri(): string {
  const base = process.env.TEST_MONGODB_URI;
  if (!base) throw new Error('TEST_MONGODB_URI is not set: run integration tests through jest (global setup)');
  const url = new URL(base);
  url.pathname = `/test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  return url.toString();
}

export interface TestService {
  readonly service: Service;
  readonly config: Config;
  readonly server: Server;
  readonly baseUrl: string;
  readonly logs: LogRecord[];
  stop(): Promise<void>;
}

/**
 * A real service (real MongoDB-compatible server, real RabbitMQ) listening on an ephemeral port,
 * with a database and an exchange of its own and its log lines captured for assertions.
 */
export async function startTestService(env: Record<string, string> = {}, options: ServiceOptions = {}): Promise<TestService> {
  const config = loadConfig({
    MONGODB_URI: testDatabaseUri(),
    AMQP_URL: process.env.AMQP_URL ?? 'amqp://localhost',
    AMQP_EXCHANGE: `test.${randomUUID().slice(0, 8)}`,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'debug',
    MONGODB_STARTUP_TIMEOUT_MS: '15000',
    RATE_LIMIT_PER_SECOND: '100000',
    RATE_LIMIT_BURST: '100000',
    AUTH_FAILURE_LIMIT_PER_SECOND: '100000',
    AUTH_FAILURE_LIMIT_BURST: '100000',
    ...authEnv(),
    ...env,
  });
  const logs: LogRecord[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line) logs.push(JSON.parse(line) as LogRecord);
      done();
    },
  });
  const service = await createService(config, createLogger(config.logLevel, sink), options);
  const server = await service.start();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    service,
    config,
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    logs,
    async stop() {
      const db = service.mongo.connection.db;
      if (db) await db.dropDatabase().catch(() => undefined);
      await service.stop();
      await deleteExchange(config.amqpUrl, config.amqpExchange);
    },
  };
}

async function deleteExchange(url: string, exchange: string): Promise<void> {
  try {
    const conn = await amqplib.connect(url);
    const ch = await conn.createChannel();
    await ch.deleteExchange(exchange);
    await ch.deleteQueue(`${exchange}.unroutable`);
    await ch.deleteExchange(`${exchange}.unroutable`);
    await conn.close();
  } catch {
    // best effort: a leftover test exchange is harmless
  }
}

/** Polls until `check` passes or `timeoutMs` elapses; returns the time it took. */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 10_000, intervalMs = 100): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      await check();
      return Date.now() - started;
    } catch (err) {
      if (Date.now() - started > timeoutMs) throw err;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

/** One service per describe block: started before its tests, stopped (database dropped) after. */
export function useTestService(env: Record<string, string> = {}, options: ServiceOptions = {}): { svc: TestService; client: ReturnType<typeof api> } {
  const ctx = {} as { svc: TestService; client: ReturnType<typeof api> };
  beforeAll(async () => {
    ctx.svc = await startTestService(env, options);
    ctx.client = api(ctx.svc.service.app);
  });
  afterAll(() => ctx.svc.stop());
  return ctx;
}
