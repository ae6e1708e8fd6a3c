import type { SetStatus, StoredCriterionSet } from './catalogue.types';

/** Persistence port of the catalogue; src/infra/mongo/catalogue implements it. */
export interface CatalogueStore {
  list(): Promise<StoredCriterionSet[]>;
  get(id: string): Promise<StoredCriterionSet | undefined>;
  /** Inserts a new set; resolves false when the id is taken. */
  insert(set: StoredCriterionSet): Promise<boolean>;
  /**
   * Replaces the set only if it is still in `expected` status and revision (optimistic
   * concurrency in one atomic write); resolves false otherwise.
   */
  replaceIf(id: string, expected: { status: SetStatus; revision: number }, next: StoredCriterionSet): Promise<boolean>;
  deleteIf(id: string, expected: { status: SetStatus; revision: number }): Promise<boolean>;
  /** A cheap fingerprint that changes whenever any set changes (ids and revisions). */
  changeToken(): Promise<string>;
}
