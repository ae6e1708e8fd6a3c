import type { Connection, mongo } from 'mongoose';
import { fromAssessmentDocument, type AssessmentDocument } from '../compliance/assessment.document';
import { fromProfileDocument, type ProfileDocument } from '../compliance/profile.document';
import { documentsStill, type MigrationCounts } from './stored-documents.migration';
import { outboxOf } from '../../outbox/outbox.fields';
import { markSchemaVersion } from './schema-state';

const CURRENT = { schemaVersion: 2 };

/** The documents of version 2, one read by `_id` each, still of version 2 when read. */
const current = <D extends { _id: string; schemaVersion?: number }>(collection: mongo.Collection<D>) => documentsStill(collection, CURRENT, (d) => d.schemaVersion === CURRENT.schemaVersion);

/**
 * Writes the documents of schema version 2 back in the form of version 1, which the releases
 * before it read (assessments and profiles as JSON text in `body` beside their query fields, audit
 * times as ISO strings): the way back when a release must be rolled back after the migration.
 * Like the migration, one single-document write per document, addressed by `_id` alone, so it
 * can be stopped and run again. Stop the current release first: it would
 * keep writing version 2 documents.
 */
export async function rollbackStoredDocuments(connection: Connection): Promise<MigrationCounts> {
  const counts: MigrationCounts = { tender_profiles: 0, assessments: 0, audit_events: 0 };
  const profiles = connection.collection<ProfileDocument>('tender_profiles');
  for await (const doc of current(profiles)) {
    const p = fromProfileDocument(doc);
    const v1 = { _id: p.id, organisation: p.organisation, ...(p.tenderRef ? { tenderRef: p.tenderRef } : {}), createdAt: p.createdAt, body: JSON.stringify(p), ...outboxOf(doc) };
    counts.tender_profiles += (await profiles.replaceOne({ _id: doc._id, ...CURRENT }, v1)).modifiedCount;
  }
  const assessments = connection.collection<AssessmentDocument>('assessments');
  for await (const doc of current(assessments)) {
    const a = fromAssessmentDocument(doc);
    const v1 = { _id: a.id, organisation: a.organisation, offerId: a.offerId, ...(a.tenderRef ? { tenderRef: a.tenderRef } : {}), profileId: a.profileId, compliant: a.summary.compliant, evaluatedAt: a.evaluatedAt, body: JSON.stringify(a), ...outboxOf(doc) };
    counts.assessments += (await assessments.replaceOne({ _id: doc._id, ...CURRENT }, v1)).modifiedCount;
  }
  const audit = connection.collection<{ _id: string; at: Date; windowStart?: Date; windowEnd?: Date }>('audit_events');
  for await (const doc of current(audit)) {
    const set: Record<string, string> = {};
    for (const key of ['at', 'windowStart', 'windowEnd'] as const) {
      const value = doc[key];
      if (value instanceof Date) set[key] = value.toISOString();
    }
    counts.audit_events += (await audit.updateOne({ _id: doc._id }, { $set: set, $unset: { schemaVersion: '' } })).modifiedCount;
  }
  await markSchemaVersion(connection, 1);
  return counts;
}
