import type { StoredCriterionSet } from '../../../domain/catalogue/catalogue.types';
import type { OutboxFields } from '../../outbox/outbox.fields';
import type { IndexSpec } from '../mongo-indexes';
import { fromStoredKeys, toStoredKeys } from '../stored-keys';

export const CRITERION_SETS_COLLECTION = 'criterion_sets';

/**
 * A criterion set as stored: the set and its criteria are one document, so every lifecycle
 * change is a single atomic write (FerretDB and standalone MongoDB have no multi-document
 * transactions). The definition is validated against the contract at the API and by the seed
 * loader and stored as it is, its keys made storable (stored-keys.ts), so no second description of
 * the contract's recursive criterion shape can drop a field it forgot. Absent optional fields stay
 * absent (never null).
 */
export type CriterionSetDocument = Omit<StoredCriterionSet, 'definition'> &
  OutboxFields & {
    _id: string;
    definition: Record<string, unknown>;
  };

/** The lifecycle fields a replacement clears when the next state has none. */
export const OPTIONAL_SET_FIELDS = ['seedHash', 'supersededBy', 'publishedAt', 'retiredAt'] as const;

/** The catalogue's queries: sets by status, and the outbox sweep. */
export const CRITERION_SET_INDEXES: readonly IndexSpec[] = [{ key: { status: 1 } }, { key: { outboxAt: 1 } }];

export function toCriterionSetDocument(set: StoredCriterionSet, outbox: OutboxFields = {}): CriterionSetDocument {
  const { definition, ...lifecycle } = set;
  return { _id: definition.id, ...toStoredKeys({ definition, ...lifecycle }), ...outbox } as unknown as CriterionSetDocument;
}

export function fromCriterionSetDocument(doc: CriterionSetDocument): StoredCriterionSet {
  const { _id: _ignored, outbox: _outbox, outboxAt: _outboxAt, ...stored } = doc;
  return fromStoredKeys(stored) as unknown as StoredCriterionSet;
}
