import type { Connection } from 'mongoose';
import type { Logger } from '../logging/logger';
import { AUDIT_INDEXES } from '../audit/audit.log';
import { CRITERION_SET_INDEXES, CRITERION_SETS_COLLECTION } from './catalogue/criterion-set.document';
import { COMPLIANCE_INDEXES } from './compliance/compliance.indexes';
import { ensureIndexes, type IndexSpec } from './mongo-indexes';

/** Every collection's indexes, as each store declares them. */
export const STORE_INDEXES: Readonly<Record<string, readonly IndexSpec[]>> = {
  audit_events: AUDIT_INDEXES,
  [CRITERION_SETS_COLLECTION]: CRITERION_SET_INDEXES,
  ...COMPLIANCE_INDEXES,
};

/**
 * Creates them at start. A collection is still written without its indexes, and queries are only
 * slower, so a failure is logged and start goes on.
 */
export async function ensureStoreIndexes(connection: Connection, logger: Logger): Promise<void> {
  let skipped = false;
  for (const [collection, specs] of Object.entries(STORE_INDEXES)) {
    try {
      skipped = !(await ensureIndexes(connection, collection, specs)) || skipped;
    } catch (err) {
      logger.warn({ err, collection }, 'creating indexes failed');
    }
  }
  if (skipped) logger.info('indexes not created: the database reads every document for any filter but _id and would not use them (explain: filterPushdown false)');
}
