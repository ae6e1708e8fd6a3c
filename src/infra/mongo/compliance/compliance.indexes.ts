import type { Connection } from 'mongoose';

type IndexKey = Record<string, 1 | -1>;

/**
 * The indexes of the compliance collections: the API's own queries (an organisation's profiles
 * and assessments by tender, profile or offer, newest first), the statistics (an organisation's
 * assessments over a period, per tender, per criterion and outcome) and the outbox sweep.
 */
export const COMPLIANCE_INDEXES: Readonly<Record<'tender_profiles' | 'assessments', readonly IndexKey[]>> = {
  tender_profiles: [{ outboxAt: 1 }, { organisation: 1, tenderRef: 1, createdAt: -1 }, { createdAt: -1 }],
  assessments: [
    { outboxAt: 1 },
    { profileId: 1, evaluatedAt: -1 },
    { organisation: 1, tenderRef: 1, evaluatedAt: -1 },
    { organisation: 1, evaluatedAt: -1 },
    { evaluatedAt: -1 },
    { offerId: 1, evaluatedAt: -1 },
    { 'results.criterionId': 1, 'results.outcome': 1 },
  ],
};

/** Creates them one at a time: FerretDB 1.24 fails a createIndexes batch whose indexes all exist. */
export async function ensureComplianceIndexes(connection: Connection): Promise<void> {
  for (const [collection, keys] of Object.entries(COMPLIANCE_INDEXES)) {
    for (const key of keys) await connection.collection(collection).createIndex(key);
  }
}
