import type { Connection, mongo } from 'mongoose';
import { AUDIT_SCHEMA_VERSION } from '../../audit/audit.log';
import { fromAssessmentDocument, toAssessmentDocument, type LegacyAssessmentDocument } from '../compliance/assessment.document';
import { fromProfileDocument, toProfileDocument, type LegacyProfileDocument } from '../compliance/profile.document';
import { markSchemaVersion } from './schema-state';
import { outboxOf } from '../../outbox/outbox.fields';

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
  const convert = async <D extends { _id: string }>(name: keyof MigrationCounts, filter: Record<string, unknown>, rewrite: (d: D) => Promise<number>) => {
    for await (const doc of documentsStill(connection.collection<D>(name), filter, (d) => matchesOldForm(d, filter))) {
      counts[name] += await rewrite(doc);
      if (counts[name] % progressEvery === 0) progress(name, counts[name]);
    }
  };
  const replace = (name: string, _id: string, doc: Record<string, unknown>) => connection.collection(name).replaceOne({ _id } as never, doc).then((r) => r.modifiedCount);
  await convert<LegacyProfileDocument>('tender_profiles', LEGACY_BODY, (d) => replace('tender_profiles', d._id, toProfileDocument(fromProfileDocument(d), outboxOf(d))));
  await convert<LegacyAssessmentDocument>('assessments', LEGACY_BODY, (d) => replace('assessments', d._id, toAssessmentDocument(fromAssessmentDocument(d), outboxOf(d))));
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

/**
 * The documents matching `filter`: their ids read first in one pass (large batches, few round
 * trips), then each document by `_id`, yielded only if `still` holds for it when read (another run
 * may have rewritten it since).
 */
export async function* documentsStill<D extends { _id: string }>(collection: mongo.Collection<D>, filter: Record<string, unknown>, still: (doc: D) => boolean): AsyncGenerator<D> {
  const ids = (await collection.find(filter as never, { projection: { _id: 1 } }).batchSize(10_000).toArray()).map((d) => d._id);
  for (const _id of ids) {
    const doc = (await collection.findOne({ _id } as never)) as D | null;
    if (doc && still(doc)) yield doc;
  }
}

/** Whether the document is still in the old form (another run may have converted it since). */
function matchesOldForm(doc: object, filter: Record<string, unknown>): boolean {
  const d = doc as { body?: unknown; schemaVersion?: unknown };
  return filter === LEGACY_BODY ? typeof d.body === 'string' : d.schemaVersion === undefined;
}
