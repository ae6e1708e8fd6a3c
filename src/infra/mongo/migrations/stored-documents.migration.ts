import type { Connection, mongo } from 'mongoose';
import { AUDIT_SCHEMA_VERSION } from '../../audit/audit.log';
import { fromAssessmentDocument, toAssessmentDocument, type LegacyAssessmentDocument } from '../compliance/assessment.document';
import { fromProfileDocument, toProfileDocument, type LegacyProfileDocument } from '../compliance/profile.document';
import { markSchemaVersion } from './schema-state';

export interface MigrationCounts {
  tender_profiles: number;
  assessments: number;
  audit_events: number;
}

const LEGACY_BODY = { body: { $exists: true } };
const LEGACY_AUDIT = { schemaVersion: { $exists: false } };
const PROGRESS_EVERY = 200;

/**
 * Rewrites documents stored as JSON text (version 1) as the BSON documents of version 2, and
 * turns the audit trail's ISO-string times into dates. The ids of the old documents are read
 * first, in one query (~40 bytes each in memory); then each document is read and rewritten by
 * single-document operations addressed by `_id` alone, the only filter FerretDB 1.x resolves
 * without decoding every document of the collection (a filter on `_id` and the old form took
 * ~11 s per document on 1,000 stored assessments, and a cursor kept open across the rewrites
 * re-read the growing converted part: 65 s for 300). A run can be stopped at any point and run
 * again: it finds only what is still in the old form. Assessments
 * and profiles are never changed once written, so two overlapping runs write the same content.
 * A denial record's `at` could move back by the instant between read and write if a refusal is
 * counted into it meanwhile; only records of the window open during the migration can be hit.
 */
export async function migrateStoredDocuments(connection: Connection, options: { progressEvery?: number; progress?: (collection: string, done: number) => void } = {}): Promise<MigrationCounts> {
  const { progressEvery = PROGRESS_EVERY, progress = () => undefined } = options;
  const counts: MigrationCounts = { tender_profiles: 0, assessments: 0, audit_events: 0 };
  const convert = async <D extends { _id: string; outbox?: unknown; outboxAt?: Date }>(name: keyof MigrationCounts, filter: Record<string, unknown>, rewrite: (d: D) => Promise<number>) => {
    const collection = connection.collection<D>(name);
    for (const _id of await idsOf(connection.collection(name), filter)) {
      const doc = await collection.findOne({ _id } as never);
      if (!doc || !matchesOldForm(doc, filter)) continue;
      counts[name] += await rewrite(doc as D);
      if (counts[name] % progressEvery === 0) progress(name, counts[name]);
    }
  };
  const outbox = (d: { outbox?: unknown; outboxAt?: Date }) => ({ ...(d.outbox ? { outbox: d.outbox as never } : {}), ...(d.outboxAt ? { outboxAt: d.outboxAt } : {}) });
  const replace = (name: string, _id: string, doc: Record<string, unknown>) => connection.collection(name).replaceOne({ _id } as never, doc).then((r) => r.modifiedCount);
  await convert<LegacyProfileDocument>('tender_profiles', LEGACY_BODY, (d) => replace('tender_profiles', d._id, toProfileDocument(fromProfileDocument(d), outbox(d))));
  await convert<LegacyAssessmentDocument>('assessments', LEGACY_BODY, (d) => replace('assessments', d._id, toAssessmentDocument(fromAssessmentDocument(d), outbox(d))));
  await convert<{ _id: string; at: string | Date; windowStart?: string | Date; windowEnd?: string | Date }>('audit_events', LEGACY_AUDIT, async (doc) => {
    const set: Record<string, unknown> = { schemaVersion: AUDIT_SCHEMA_VERSION };
    for (const key of ['at', 'windowStart', 'windowEnd'] as const) {
      const value = doc[key];
      if (typeof value === 'string') set[key] = new Date(value);
    }
    return (await connection.collection('audit_events').updateOne({ _id: doc._id } as never, { $set: set })).modifiedCount;
  });
  await markSchemaVersion(connection, 2);
  return counts;
}

/** The ids of the documents in the old form, read in one pass (large batches: few round trips). */
export async function idsOf(collection: mongo.Collection<{ _id: string }>, filter: Record<string, unknown>): Promise<string[]> {
  const docs = await collection.find(filter as never, { projection: { _id: 1 } }).batchSize(10_000).toArray();
  return docs.map((d) => d._id);
}

/** Whether the document is still in the old form (another run may have converted it since). */
function matchesOldForm(doc: Record<string, unknown>, filter: Record<string, unknown>): boolean {
  return filter === LEGACY_BODY ? typeof doc.body === 'string' : doc.schemaVersion === undefined;
}
