import type { CatalogueReader } from '../domain/catalogue/catalogue.reader';
import { ComplianceService } from '../domain/compliance/compliance.service';
import { assessmentModel, profileModel } from '../infra/mongo/compliance/compliance.models';
import { MongoAssessmentRepository, MongoProfileRepository } from '../infra/mongo/compliance/compliance.repositories';
import type { MongoConnection } from '../infra/mongo/mongo.connection';

/** Assembles compliance checks from the domain service and its MongoDB repositories. */
export function createCompliance(deps: { mongo: MongoConnection; catalogue: CatalogueReader; now: () => Date }): ComplianceService {
  const profiles = new MongoProfileRepository(profileModel(deps.mongo.connection));
  const assessments = new MongoAssessmentRepository(assessmentModel(deps.mongo.connection));
  return new ComplianceService(deps.catalogue, profiles, assessments, deps.now);
}
