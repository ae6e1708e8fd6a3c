import type { Server } from 'node:http';
import type { Express } from 'express';
import { buildApp } from './app';
import type { Config } from './config';
import { checkReadiness } from './domain/health/readiness';
import type { HttpDeps } from './http/http-deps';
import { systemClock, type Clock } from './domain/clock';
import { createOpenApiRuntime } from './http/openapi/openapi.runtime';
import { closeConnectionsWhen, drainServer } from './http/server.drain';
import { AmqpConnection } from './infra/amqp/amqp.connection';
import type { Logger } from './infra/logging/logger';
import { registerDependencyGauge } from './infra/metrics/dependency.metrics';
import { createMetrics } from './infra/metrics/metrics';
import { Contract } from './infra/contract/contract';
import { MongoConnection } from './infra/mongo/mongo.connection';
import { ensureStoreIndexes } from './infra/mongo/store.indexes';
import { collectionsToMigrate } from './infra/mongo/migrations/schema-state';
import { OPENAPI_PATH } from './paths';
import { createCatalogue, type CatalogueModule } from './wiring/catalogue.wiring';
import { createCompliance } from './wiring/compliance.wiring';
import { createEvents, type EventsModule } from './wiring/events.wiring';
import { createSecurity } from './wiring/security.wiring';

export interface Service {
  readonly app: Express;
  readonly mongo: MongoConnection;
  readonly amqp: AmqpConnection;
  readonly catalogue: CatalogueModule;
  readonly events: EventsModule;
  /** Listens, then connects to RabbitMQ (in the background) and MongoDB (awaited, with retries). */
  start(): Promise<Server>;
  /** Readiness turns 503, the server stops accepting and drains (src/http/server.drain.ts), then the dependencies close. */
  stop(): Promise<void>;
}

/**
 * How long a connection idle at SIGTERM stays open: long enough for a request already on its way
 * to be read and answered (with `Connection: close`) instead of reset, short against the bound.
 */
const IDLE_CONNECTION_GRACE_MS = 1_000;

/**
 * A "ready" verdict is reused this long by /healthcheck, which answers it without I/O: a burst of
 * health checks (a monitor, a load test) then costs one database ping, not one each.
 */
const READY_REUSE_MS = 500;

export interface ServiceOptions {
  /** What "today" is for assessments, events and records; tests fix it, production never does. */
  readonly clock?: Clock;
}

/** Wires the service from its configuration: the one place that knows every concrete part. */
export async function createService(config: Config, logger: Logger, options: ServiceOptions = {}): Promise<Service> {
  const startedAt = Date.now();
  let lastReady: number | undefined;
  const metrics = createMetrics();
  const mongo = new MongoConnection(config.mongodbUri, logger, { serverSelectionTimeoutMS: config.mongodbServerSelectionTimeoutMs });
  const amqp = new AmqpConnection(config.amqpUrl, config.amqpExchange, logger);
  registerDependencyGauge(metrics.registry, { mongodb: () => mongo.check(), rabbitmq: () => amqp.state() });
  const contract = new Contract(OPENAPI_PATH);
  const openapi = await createOpenApiRuntime(contract);
  const clock = options.clock ?? systemClock;
  const security = createSecurity(config, mongo, logger);
  const events = createEvents({ config, amqp, mongo, metrics, logger, clock });
  const sink = events.relay;
  const catalogue = createCatalogue({ config, contract, mongo, logger, clock, events: events.factory, sink });
  const compliance = createCompliance({ mongo, catalogue: catalogue.reader, events: events.factory, sink, clock, idempotencyKeyTtlMs: config.idempotencyKeyTtlSeconds * 1000 });
  let started = false;
  let shuttingDown = false;
  let server: Server | undefined;

  const deps: HttpDeps = {
    serviceVersion: config.serviceVersion,
    startedAt,
    metrics,
    contract: { yaml: contract.yaml, json: JSON.stringify(contract.document) },
    catalogue: catalogue.service,
    compliance: compliance.service,
    statistics: compliance.statistics,
    apiKeys: security.apiKeys,
    audit: security.audit,
    outbox: () => events.sweeper.status().then((status) => ({ ...status, relayQueue: events.relay.size, broker: amqp.state(), lastSweep: events.sweeper.last })),
    readiness: async () => {
      const report = await checkReadiness({ mongodb: () => mongo.check(), rabbitmq: () => amqp.state(), started: () => started, shuttingDown: () => shuttingDown });
      lastReady = report.status === 'ready' ? performance.now() : undefined;
      return report;
    },
    recentlyReady: () => !shuttingDown && lastReady !== undefined && performance.now() - lastReady < READY_REUSE_MS,
  };
  const app = buildApp({
    logger,
    bodyLimitBytes: config.bodyLimitBytes,
    batchBodyLimitBytes: config.batchBodyLimitBytes,
    preAuthBodyLimitBytes: config.preAuthBodyLimitBytes,
    openapi,
    deps,
    security: security.deps,
    audit: security.audit,
    corsOrigins: config.corsOrigins,
    requestTimeoutMs: config.limits.requestTimeoutMs,
    ...(config.trustProxy !== undefined ? { trustProxy: config.trustProxy } : {}),
  });

  return {
    app,
    mongo,
    amqp,
    catalogue,
    events,
    async start() {
      const listening = app.listen(config.port, config.host);
      server = listening;
      closeConnectionsWhen(listening, () => shuttingDown);
      await new Promise<void>((resolve, reject) => {
        listening.once('listening', resolve);
        listening.once('error', reject);
      });
      const address = listening.address();
      logger.info({ port: typeof address === 'object' && address ? address.port : config.port }, 'http server listening');
      await amqp.start();
      await mongo.connect(config.mongodbStartupTimeoutMs);
      await ensureStoreIndexes(mongo.connection, logger);
      void collectionsToMigrate(mongo.connection).then(
        (collections) => collections.length > 0 && logger.warn({ collections }, 'stored documents may be of an earlier schema version: run `npm run migrate` (docs/operations.md §6.1)'),
        () => undefined,
      );
      if (config.seedOnStart) await catalogue.seed();
      events.sweeper.start();
      void events.sweeper.sweep();
      started = true;
      logger.info({ version: config.serviceVersion, startupMs: Date.now() - startedAt }, 'service started');
      return listening;
    },
    async stop() {
      shuttingDown = true;
      if (server) {
        await drainServer(server, {
          idleGraceMs: IDLE_CONNECTION_GRACE_MS,
          timeoutMs: config.shutdownTimeoutMs,
          onTimeout: () => logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'in-flight requests did not finish in time; closing their connections'),
        });
      }
      await security.audit.flush().catch((err: unknown) => logger.warn({ err }, 'flushing the audit trail failed'));
      await events.sweeper.stop();
      await events.relay.stop(Math.min(5_000, config.shutdownTimeoutMs));
      await amqp.close().catch((err: unknown) => logger.warn({ err }, 'closing rabbitmq failed'));
      await mongo.close().catch((err: unknown) => logger.warn({ err }, 'closing mongodb failed'));
    },
  };
}
