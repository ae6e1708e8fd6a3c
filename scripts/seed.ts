import { systemClock } from '../src/domain/clock';
import { loadConfigOrExit } from '../src/config';
import { Contract } from '../src/infra/contract/contract';
import { createLogger } from '../src/infra/logging/logger';
import { MongoConnection } from '../src/infra/mongo/mongo.connection';
import { EventFactory } from '../src/domain/events/event.factory';
import { newId } from '../src/domain/uuid';
import { createCatalogue } from '../src/wiring/catalogue.wiring';

/**
 * `npm run seed`: loads data/criteria/*.yaml into the database named by MONGODB_URI, the same
 * idempotent load the service runs at start-up (SEED_ON_START). Prints what it did.
 */
async function seed(): Promise<void> {
  // Seeding serves no requests, so it needs no identity provider settings.
  const config = loadConfigOrExit({ AUTH_MODE: 'none', ...process.env });
  const logger = createLogger(config.logLevel);
  const mongo = new MongoConnection(config.mongodbUri, logger, { serverSelectionTimeoutMS: config.mongodbServerSelectionTimeoutMs });
  await mongo.connect(config.mongodbStartupTimeoutMs);
  try {
    const clock = systemClock;
    // No broker here: the events of newly seeded sets wait in their outbox for a running
    // service's sweeper to publish them.
    const events = new EventFactory({ source: config.eventSource, newId, clock });
    const catalogue = createCatalogue({ config, contract: new Contract(), mongo, logger, clock, events });
    const report = await catalogue.seed();
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await mongo.close();
  }
}

void seed();
