import type { Page } from '../catalogue/criteria.query';
import type { Assessment } from './assessment.types';
import type { TenderProfile } from './tender-profile.types';

/** Persistence ports of the compliance capability; src/infra/mongo/compliance implements them. */
export interface ProfileStore {
  insert(profile: TenderProfile): Promise<void>;
  get(id: string): Promise<TenderProfile | undefined>;
  list(filter: { tenderRef?: string }, page: number, pageSize: number): Promise<Page<TenderProfile>>;
}

export interface AssessmentFilter {
  tenderRef?: string;
  profileId?: string;
  offerId?: string;
  compliant?: boolean | 'undetermined';
}

export interface AssessmentStore {
  /** Resolves false when an assessment with this id exists already (idempotent retries). */
  insert(assessment: Assessment): Promise<boolean>;
  /** Inserts many; resolves the ids that existed already. */
  insertMany(assessments: readonly Assessment[]): Promise<Set<string>>;
  get(id: string): Promise<Assessment | undefined>;
  getMany(ids: readonly string[]): Promise<Assessment[]>;
  list(filter: AssessmentFilter, page: number, pageSize: number): Promise<Page<Assessment>>;
  forProfile(profileId: string): Promise<Assessment[]>;
}
