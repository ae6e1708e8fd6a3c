import type { IndexSpec } from '../mongo-indexes';
import { IDEMPOTENCY_COLLECTION } from './idempotency.repository';

const plain = (...keys: Record<string, 1 | -1>[]): IndexSpec[] => keys.map((key) => ({ key }));

/**
 * The indexes of the compliance collections: the API's own queries (an organisation's profiles
 * and assessments by tender, profile or offer, newest first), the statistics (an organisation's
 * assessments over a period, per tender, per criterion and outcome), the outbox sweep, and the
 * expiry of idempotency keys (a TTL index where the engine has them; reads check expiry anyway).
 */
export const COMPLIANCE_INDEXES: Readonly<Record<'tender_profiles' | 'assessments' | typeof IDEMPOTENCY_COLLECTION, readonly IndexSpec[]>> = {
  tender_profiles: plain({ outboxAt: 1 }, { organisation: 1, tenderRef: 1, createdAt: -1 }, { createdAt: -1 }),
  assessments: plain(
    { outboxAt: 1 },
    { profileId: 1, evaluatedAt: -1 },
    { organisation: 1, tenderRef: 1, evaluatedAt: -1 },
    { organisation: 1, evaluatedAt: -1 },
    { evaluatedAt: -1 },
    { offerId: 1, evaluatedAt: -1 },
    { 'results.criterionId': 1, 'results.outcome': 1 },
  ),
  [IDEMPOTENCY_COLLECTION]: [{ key: { expiresAt: 1 }, expireAfterSeconds: 0 }],
};
