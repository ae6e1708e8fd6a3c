/**
 * The events this building block publishes (api/asyncapi.yaml), as CloudEvents 1.0 in structured
 * mode. The event type is also the AMQP routing key. Data schemas are versioned: a breaking
 * change makes a new type (…v2) published next to the old one.
 */
export const EVENT_TYPES = ['assessment.completed.v1', 'criterion-set.published.v1', 'criterion-set.retired.v1', 'tender-profile.created.v1'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface CloudEvent<D = object> {
  specversion: '1.0';
  id: string;
  source: string;
  type: EventType;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  /** Extension attribute: the correlation id of the request that caused the event. */
  correlationid: string;
  /** Extension attribute: the GovStack Information-Mediator-Client of that request, when sent. */
  imclient?: string;
  data: D;
}

export type Compliance = 'compliant' | 'undetermined' | 'non-compliant';

export interface AssessmentCompletedData {
  assessmentId: string;
  link: string;
  /** The organisation that ran the check: consumers route or filter per tenant on it. */
  organisation: string;
  offerId: string;
  tenderRef?: string;
  profileId: string;
  supplierName: string;
  category: string;
  level: string;
  compliance: Compliance;
  awardPoints: number;
  awardMaxPoints: number;
  awardScorePct: number;
  outcomeCounts: { pass: number; fail: number; evidence_missing: number; not_evaluated: number; not_applicable: number };
  itemCount: number;
  criterionSets: { id: string; version: string }[];
  evaluatedAt: string;
  /** Added within v1 (tolerant readers ignore it): passes to verify before award. */
  pendingVerification?: number;
  /** Added within v1: contract clauses refused, and commitments the officer must obtain. */
  clausesRefused?: number;
  commitmentsToObtain?: number;
  /** Added within v1: declared values that contradicted a label claim. */
  conflicts?: number;
}

export interface CriterionSetPublishedData {
  setId: string;
  version: string;
  title: string;
  publisher: string;
  criteriaCount: number;
  productCategories: string[];
  supersedes?: string[];
  publishedAt: string;
  link: string;
}

export interface CriterionSetRetiredData {
  setId: string;
  version: string;
  retiredAt: string;
  supersededBy?: string;
  link: string;
}

export interface TenderProfileCreatedData {
  profileId: string;
  /** The organisation that owns the profile. */
  organisation: string;
  tenderRef?: string;
  category: string;
  level: string;
  criterionSets: { id: string; version: string }[];
  criteriaCount: number;
  implicit: boolean;
  createdAt: string;
  link: string;
}
