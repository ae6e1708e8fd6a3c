import type { AmbitionLevel, ProductCategory } from '../catalogue/catalogue.types';
import type { LotSupply, ParameterValue, ProfileCriterion } from './compliance.types';

export interface CriteriaSelection {
  criterionSetIds: string[];
  category: ProductCategory;
  level: AmbitionLevel;
  include?: string[];
  exclude?: string[];
  /** criterion id → parameter name → value */
  parameters?: Record<string, Record<string, ParameterValue>>;
  /** criterion id → maximum points */
  awardWeights?: Record<string, number>;
  /** Further categories of a mixed lot (the main one is `category`). */
  lotCategories?: ProductCategory[];
  /** New devices, refurbished ones, or both (default). */
  supply?: LotSupply;
  deliveryDate?: string;
  contractEndDate?: string;
  country?: string;
  /** How a multi-item offer's award score combines its items (default: weighted by quantity). */
  scoreAggregation?: ScoreAggregation;
}
export type ScoreAggregation = 'quantityWeighted' | 'mean';

export interface SetVersion {
  id: string;
  version: string;
  revision?: number;
}

/** An immutable snapshot of the criteria a tender uses. */
export interface TenderProfile extends CriteriaSelection {
  id: string;
  /** The organisation that created it; only it (and administrators) can see or use it. */
  organisation: string;
  tenderRef?: string;
  title?: string;
  criterionSets: SetVersion[];
  criteria: ProfileCriterion[];
  implicit: boolean;
  createdAt: string;
  createdBy: string;
}
