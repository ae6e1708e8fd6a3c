import type { Page } from '../page';
import type { CloudEvent } from '../events/event.types';
import type { Assessment } from './assessment.types';
import type { TenderProfile } from './tender-profile.types';

/** Persistence ports of the compliance capability; src/infra/mongo/compliance implements them. */
export interface ProfileStore {
  /** Stores the profile with its events in one write; an existing id is left as it is. */
  insert(profile: TenderProfile, events?: readonly CloudEvent[]): Promise<void>;
  get(id: string): Promise<TenderProfile | undefined>;
  list(filter: { tenderRef?: string; organisation?: string }, page: number, pageSize: number): Promise<Page<TenderProfile>>;
}

export interface AssessmentFilter {
  organisation?: string;
  tenderRef?: string;
  profileId?: string;
  offerId?: string;
  compliant?: boolean | 'undetermined';
}

export interface AssessmentStore {
  /** Stores the assessment with its events in one write; false when the id exists (idempotent retries). */
  insert(assessment: Assessment, events?: readonly CloudEvent[]): Promise<boolean>;
  /** Inserts many; resolves the ids that existed already. */
  insertMany(entries: readonly { assessment: Assessment; events: readonly CloudEvent[] }[]): Promise<Set<string>>;
  get(id: string): Promise<Assessment | undefined>;
  getMany(ids: readonly string[]): Promise<Assessment[]>;
  list(filter: AssessmentFilter, page: number, pageSize: number): Promise<Page<Assessment>>;
  forProfile(profileId: string): Promise<Assessment[]>;
}
