import type { ProductCategory } from '../catalogue/catalogue.types';

/** Which stored assessments the statistics count (all bounds optional, all combined). */
export interface StatisticsFilter {
  /** Evaluated at or after (ISO date-time). */
  from?: string;
  /** Evaluated before (ISO date-time). */
  to?: string;
  tenderRef?: string;
  /** Counts only the results of offered items of this category. */
  category?: ProductCategory;
  /** Counts only the results of criteria of this set. */
  criterionSetId?: string;
}

/**
 * How one criterion fared: counted per offered item it was assessed for. `assessed` counts every
 * result but `not_applicable`; `pendingVerification` counts the passes that rest on a declaration
 * the criterion does not accept as proof (included in `pass`).
 */
export interface CriterionTally {
  criterionId: string;
  assessed: number;
  pass: number;
  fail: number;
  evidenceMissing: number;
  notEvaluated: number;
  notApplicable: number;
  pendingVerification: number;
}

export interface CriteriaStatistics {
  /** Stored assessments (offers as checked) that matched the filter. */
  assessments: number;
  criteria: CriterionTally[];
}

export interface TenderStatistics extends CriteriaStatistics {
  tenderRef: string;
  /** Distinct offers (an offer re-assessed counts once). */
  offers: number;
  verdicts: { compliant: number; nonCompliant: number; undetermined: number };
}

/** Computed by the database (aggregation pipelines), never by loading assessments. */
export interface StatisticsStore {
  criteria(filter: StatisticsFilter & { organisation?: string }): Promise<CriteriaStatistics>;
  tender(tenderRef: string, organisation?: string): Promise<TenderStatistics>;
}
