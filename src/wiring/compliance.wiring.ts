import type { CatalogueReader } from '../domain/catalogue/catalogue.reader';
import { ComplianceService } from '../domain/compliance/compliance.service';
import { IdempotencyKeys } from '../domain/compliance/idempotency';
import { idempotencyModel, MongoIdempotencyStore } from '../infra/mongo/compliance/idempotency.repository';
import { assessmentModel, profileModel } from '../infra/mongo/compliance/compliance.models';
import { MongoAssessmentRepository, MongoProfileRepository } from '../infra/mongo/compliance/compliance.repositories';
import type { MongoConnection } from '../infra/mongo/mongo.connection';
import type { EventFactory } from '../domain/events/event.factory';
import type { OutboxSink } from '../infra/outbox/outbox.sink';
import type { Clock } from '../domain/clock';

/** Assembles compliance checks from the domain service and its MongoDB repositories. */
export function createCompliance(deps: {
  mongo: MongoConnection;
  catalogue: CatalogueReader;
  events: EventFactory;
  sink: OutboxSink;
  clock: Clock;
  idempotencyKeyTtlMs: number;
}): ComplianceService {
  const profiles = new MongoProfileRepository(profileModel(deps.mongo.connection), deps.sink);
  const assessments = new MongoAssessmentRepository(assessmentModel(deps.mongo.connection), deps.sink);
  const keys = new IdempotencyKeys(new MongoIdempotencyStore(idempotencyModel(deps.mongo.connection)), deps.idempotencyKeyTtlMs, deps.clock);
  return new ComplianceService(deps.catalogue, profiles, assessments, deps.events, keys, deps.clock);
}
