import type { Config } from '../config';
import { CatalogueLifecycle } from '../domain/catalogue/catalogue.lifecycle';
import type { Clock } from '../domain/clock';
import { CatalogueReader } from '../domain/catalogue/catalogue.reader';
import { seedCatalogue, type SeedReport } from '../domain/catalogue/catalogue.seeding';
import { CatalogueService } from '../domain/catalogue/catalogue.service';
import { buildOfferVocabulary } from '../domain/catalogue/offer-vocabulary';
import type { Contract } from '../infra/contract/contract';
import type { Logger } from '../infra/logging/logger';
import { MongoCatalogueRepository } from '../infra/mongo/catalogue/catalogue.repository';
import type { MongoConnection } from '../infra/mongo/mongo.connection';
import { loadSeedFiles } from '../infra/seed/seed-files';
import type { EventFactory } from '../domain/events/event.factory';
import { NO_SINK, type OutboxSink } from '../infra/outbox/outbox.sink';

export interface CatalogueModule {
  readonly service: CatalogueService;
  readonly reader: CatalogueReader;
  /** Loads data/criteria/*.yaml into the database (idempotent). */
  seed(): Promise<SeedReport>;
}

/** Assembles the criteria catalogue from its domain parts and their MongoDB adapter. */
export function createCatalogue(deps: {
  config: Config;
  contract: Contract;
  mongo: MongoConnection;
  logger: Logger;
  clock: Clock;
  events: EventFactory;
  sink?: OutboxSink;
}): CatalogueModule {
  const { config, contract, mongo, logger, clock, events } = deps;
  const vocabulary = buildOfferVocabulary(contract.schemas);
  const store = new MongoCatalogueRepository(mongo.connection, deps.sink ?? NO_SINK);
  const reader = new CatalogueReader(store, {
    freshnessMs: config.catalogueFreshnessMs,
    onStale: (err) => logger.warn({ err: { message: err instanceof Error ? err.message : String(err) } }, 'catalogue refresh failed; serving the cached catalogue'),
  });
  const service = new CatalogueService(reader, new CatalogueLifecycle(store, reader, vocabulary, clock, events), clock);
  return {
    service,
    reader,
    async seed() {
      const report = await seedCatalogue(store, loadSeedFiles(contract), vocabulary, clock, events);
      reader.invalidate();
      logger.info({ ...report, skipped: report.skipped.map((s) => s.id) }, 'criteria catalogue seeded');
      return report;
    },
  };
}
