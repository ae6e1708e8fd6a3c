import type { AmbitionLevel, ProductCategory } from '../catalogue/catalogue.types';
import type { AssessmentSummary, CriterionResult, MissingEvidence, Offer, PendingVerification, SupplierInfo } from './compliance.types';
import type { SetVersion } from './tender-profile.types';

/** The assessment of one offered item. */
export interface ItemAssessment {
  offerId: string;
  itemIndex: number;
  criterionSet?: SetVersion;
  level: AmbitionLevel;
  evaluatedAt: string;
  category: ProductCategory;
  manufacturer: string;
  model: string;
  quantity: number;
  results: CriterionResult[];
  summary: AssessmentSummary;
}

export interface OfferSummary extends AssessmentSummary {
  missingEvidence: (MissingEvidence & { itemIndex: number })[];
  commitmentsToObtain: (MissingEvidence & { itemIndex: number })[];
  toVerify: (PendingVerification & { itemIndex: number })[];
  /** How the items' award scores were combined. */
  scoreAggregation: 'quantityWeighted' | 'mean';
}

/** A stored assessment of a whole offer. */
export interface Assessment {
  id: string;
  /** The organisation that ran the check (the profile's owner). */
  organisation: string;
  offerId: string;
  tenderRef?: string;
  lotRef?: string;
  supplier: SupplierInfo;
  profileId: string;
  implicitProfile: boolean;
  category: ProductCategory;
  level: AmbitionLevel;
  evaluatedAt: string;
  assessmentDate: string;
  criterionSet?: SetVersion;
  criterionSets: SetVersion[];
  items: ItemAssessment[];
  summary: OfferSummary;
  /** The offer as received, kept for audit and re-assessment. */
  offer: Offer;
  /** Hash of the request, to tell an idempotent retry from a reuse of its key. */
  requestHash: string;
  createdBy: string;
}
