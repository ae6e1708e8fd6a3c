import type { CloudEvent } from '../events/event.types';
import type { SetStatus, StoredCriterionSet } from './catalogue.types';

/** Persistence port of the catalogue; src/infra/mongo/catalogue implements it. */
export interface CatalogueStore {
  list(): Promise<StoredCriterionSet[]>;
  get(id: string): Promise<StoredCriterionSet | undefined>;
  /** Inserts a new set (with the events to announce, in the same write); false when the id is taken. */
  insert(set: StoredCriterionSet, events?: readonly CloudEvent[]): Promise<boolean>;
  /**
   * Replaces the set only if it is still in `expected` status and revision (optimistic
   * concurrency in one atomic write); resolves false otherwise.
   */
  replaceIf(id: string, expected: { status: SetStatus; revision: number }, next: StoredCriterionSet, events?: readonly CloudEvent[]): Promise<boolean>;
  deleteIf(id: string, expected: { status: SetStatus; revision: number }): Promise<boolean>;
  /** A cheap fingerprint that changes whenever any set changes (ids and revisions). */
  changeToken(): Promise<string>;
}
