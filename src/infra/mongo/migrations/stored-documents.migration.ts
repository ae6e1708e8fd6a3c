import type { Connection } from 'mongoose';
import { AUDIT_SCHEMA_VERSION } from '../../audit/audit.log';
import { fromAssessmentDocument, toAssessmentDocument, type LegacyAssessmentDocument } from '../compliance/assessment.document';
import { fromProfileDocument, toProfileDocument, type LegacyProfileDocument } from '../compliance/profile.document';

export interface MigrationCounts {
  tender_profiles: number;
  assessments: number;
  audit_events: number;
}

const LEGACY_BODY = { body: { $exists: true } };
const LEGACY_AUDIT = { schemaVersion: { $exists: false } };
const BATCH = 200;

/**
 * Rewrites documents stored as JSON text (version 1) as the BSON documents of version 2, and
 * turns the audit trail's ISO-string times into dates. Each document is replaced by one
 * single-document write whose filter still asks for the old form, so a run can be stopped at any
 * point and run again (it continues where it stopped, and a document is never converted twice),
 * and runs may overlap with the service writing new documents. One cursor per collection:
 * re-querying per batch would rescan the collection on engines that cannot use an index for it.
 */
export async function migrateStoredDocuments(connection: Connection, options: { batchSize?: number; progress?: (collection: string, done: number) => void } = {}): Promise<MigrationCounts> {
  const { batchSize = BATCH, progress = () => undefined } = options;
  const counts: MigrationCounts = { tender_profiles: 0, assessments: 0, audit_events: 0 };
  const convert = async <D extends { _id: string; body: string; outbox?: unknown; outboxAt?: Date }>(name: 'tender_profiles' | 'assessments', rewrite: (d: D) => Record<string, unknown>) => {
    const collection = connection.collection<D>(name);
    for await (const doc of collection.find(LEGACY_BODY as never).batchSize(batchSize)) {
      const result = await collection.replaceOne({ _id: doc._id, ...LEGACY_BODY } as never, rewrite(doc as D) as never);
      counts[name] += result.modifiedCount;
      if (counts[name] % batchSize === 0) progress(name, counts[name]);
    }
  };
  const outbox = (d: { outbox?: unknown; outboxAt?: Date }) => ({ ...(d.outbox ? { outbox: d.outbox as never } : {}), ...(d.outboxAt ? { outboxAt: d.outboxAt } : {}) });
  await convert<LegacyProfileDocument>('tender_profiles', (d) => toProfileDocument(fromProfileDocument(d), outbox(d)));
  await convert<LegacyAssessmentDocument>('assessments', (d) => toAssessmentDocument(fromAssessmentDocument(d), outbox(d)));

  const audit = connection.collection<{ _id: string; at: string | Date; windowStart?: string | Date; windowEnd?: string | Date }>('audit_events');
  for await (const doc of audit.find(LEGACY_AUDIT as never).batchSize(batchSize)) {
    const set: Record<string, unknown> = { schemaVersion: AUDIT_SCHEMA_VERSION };
    for (const key of ['at', 'windowStart', 'windowEnd'] as const) {
      const value = doc[key];
      if (typeof value === 'string') set[key] = new Date(value);
    }
    const result = await audit.updateOne({ _id: doc._id, ...LEGACY_AUDIT }, { $set: set });
    counts.audit_events += result.modifiedCount;
    if (counts.audit_events % batchSize === 0) progress('audit_events', counts.audit_events);
  }
  return counts;
}

/** Whether any document still needs the migration (a cheap probe for a start-up warning). */
export async function legacyDocumentsRemain(connection: Connection): Promise<string[]> {
  const probes: [string, Record<string, unknown>][] = [['tender_profiles', LEGACY_BODY], ['assessments', LEGACY_BODY], ['audit_events', LEGACY_AUDIT]];
  const found = await Promise.all(probes.map(async ([name, filter]) => ((await connection.collection(name).findOne(filter, { projection: { _id: 1 } })) ? [name] : [])));
  return found.flat();
}
