import type { Config } from '../config';
import { EventFactory } from '../domain/events/event.factory';
import { newId } from '../domain/uuid';
import type { AmqpConnection } from '../infra/amqp/amqp.connection';
import { EventPublisher } from '../infra/amqp/event.publisher';
import type { Logger } from '../infra/logging/logger';
import type { Metrics } from '../infra/metrics/metrics';
import type { MongoConnection } from '../infra/mongo/mongo.connection';
import { OutboxMarkers } from '../infra/outbox/outbox.markers';
import { createOutboxMetrics } from '../infra/outbox/outbox.metrics';
import { OutboxRelay } from '../infra/outbox/outbox.relay';
import { OutboxSweeper } from '../infra/outbox/outbox.sweeper';
import type { Clock } from '../domain/clock';

export interface EventsModule {
  readonly factory: EventFactory;
  readonly relay: OutboxRelay;
  readonly sweeper: OutboxSweeper;
}

/** Assembles event publication: the factory the domain uses, the relay (fast path) and the sweeper. */
export function createEvents(deps: { config: Config; amqp: AmqpConnection; mongo: MongoConnection; metrics: Metrics; logger: Logger; clock: Clock }): EventsModule {
  const { config, amqp, mongo, logger } = deps;
  const metrics = createOutboxMetrics(deps.metrics.registry);
  const publisher = new EventPublisher(amqp);
  const markers = new OutboxMarkers(mongo.connection);
  const relay = new OutboxRelay(amqp, publisher, markers, metrics, logger, { batchSize: config.outbox.batchSize, maxQueued: 50_000, maxBackoffMs: 30_000 });
  const sweeper = new OutboxSweeper(mongo.connection, amqp, publisher, markers, metrics, logger, {
    intervalMs: config.outbox.sweepIntervalMs,
    graceMs: config.outbox.graceMs,
    overlapMs: config.outbox.overlapMs,
    leaseMs: config.outbox.leaseMs,
    batchSize: config.outbox.batchSize,
    markerRetentionMs: 300_000,
  }, config.instanceId);
  const factory = new EventFactory({ source: config.eventSource, newId, clock: deps.clock });
  return { factory, relay, sweeper };
}
