import type { CatalogueReader } from '../domain/catalogue/catalogue.reader';
import { ComplianceService } from '../domain/compliance/compliance.service';
import { IdempotencyKeys } from '../domain/compliance/idempotency';
import { MongoIdempotencyStore } from '../infra/mongo/compliance/idempotency.repository';
import { MongoAssessmentRepository, MongoProfileRepository } from '../infra/mongo/compliance/compliance.repositories';
import { MongoStatisticsStore } from '../infra/mongo/compliance/compliance.statistics';
import { StatisticsService } from '../domain/compliance/statistics.service';
import type { MongoConnection } from '../infra/mongo/mongo.connection';
import type { EventFactory } from '../domain/events/event.factory';
import type { OutboxSink } from '../infra/outbox/outbox.sink';
import type { Clock } from '../domain/clock';

export interface ComplianceModule {
  readonly service: ComplianceService;
  readonly statistics: StatisticsService;
}

/** Assembles compliance checks and their statistics from the domain services and MongoDB. */
export function createCompliance(deps: {
  mongo: MongoConnection;
  catalogue: CatalogueReader;
  events: EventFactory;
  sink: OutboxSink;
  clock: Clock;
  idempotencyKeyTtlMs: number;
}): ComplianceModule {
  const profiles = new MongoProfileRepository(deps.mongo.connection, deps.sink);
  const assessments = new MongoAssessmentRepository(deps.mongo.connection, deps.sink);
  const keys = new IdempotencyKeys(new MongoIdempotencyStore(deps.mongo.connection), deps.idempotencyKeyTtlMs, deps.clock);
  return {
    service: new ComplianceService(deps.catalogue, profiles, assessments, deps.events, keys, deps.clock),
    statistics: new StatisticsService(new MongoStatisticsStore(deps.mongo.connection)),
  };
}
