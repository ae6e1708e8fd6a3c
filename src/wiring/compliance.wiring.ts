import type { CatalogueReader } from '../domain/catalogue/catalogue.reader';
import { ComplianceService } from '../domain/compliance/compliance.service';
import { assessmentModel, profileModel } from '../infra/mongo/compliance/compliance.models';
import { MongoAssessmentRepository, MongoProfileRepository } from '../infra/mongo/compliance/compliance.repositories';
import type { MongoConnection } from '../infra/mongo/mongo.connection';
import type { EventFactory } from '../domain/events/event.factory';
import type { OutboxSink } from '../infra/outbox/outbox.fields';

/** Assembles compliance checks from the domain service and its MongoDB repositories. */
export function createCompliance(deps: { mongo: MongoConnection; catalogue: CatalogueReader; events: EventFactory; sink: OutboxSink; now: () => Date }): ComplianceService {
  const profiles = new MongoProfileRepository(profileModel(deps.mongo.connection), deps.sink);
  const assessments = new MongoAssessmentRepository(assessmentModel(deps.mongo.connection), deps.sink);
  return new ComplianceService(deps.catalogue, profiles, assessments, deps.events, deps.now);
}
