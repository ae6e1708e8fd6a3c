/**
 * Offers and assessments (domain-criteria.md §5), mirrored from api/openapi.yaml, which validates
 * them before they reach the domain. Units are part of the property names (warrantyYears,
 * tecKWhPerYear, heightCm), so a value can never be read in the wrong unit.
 */
import type { CriterionDefinition, CriterionType, EcolabelScheme, EcolabelTier, EvidenceKind, ProductCategory } from '../catalogue/catalogue.types';

export interface EcolabelClaim {
  scheme: EcolabelScheme;
  version?: string;
  tier?: EcolabelTier;
  certificateId?: string;
  issuer?: string;
  validUntil?: string;
  url?: string;
  country?: string;
}
export interface EvidenceItem { kind: EvidenceKind; ref: string; url?: string; issuer?: string; date?: string; covers?: string[] }
export interface SupplierInfo { name: string; country?: string; [field: string]: unknown }
export interface ServiceDeclaration { kind: string; [field: string]: unknown }
export interface ProductDeclaration {
  category: ProductCategory;
  manufacturer: string;
  model: string;
  quantity?: number;
  declarations?: Record<string, boolean>;
  ecolabels?: EcolabelClaim[];
  evidence?: EvidenceItem[];
  [group: string]: unknown;
}
export interface Offer {
  id?: string;
  tenderRef?: string;
  lotRef?: string;
  supplier: SupplierInfo;
  items: ProductDeclaration[];
  services?: ServiceDeclaration[];
}

export type Outcome = 'pass' | 'fail' | 'evidence_missing' | 'not_evaluated' | 'not_applicable';
export type Via = 'declaration' | 'ecolabel_presumption' | 'registry' | 'test_report';
export type ParameterValue = number | string | boolean | string[];

/** What would settle an `evidence_missing` outcome. */
export interface MissingEvidence {
  criterionId: string;
  property?: string;
  statement?: string;
  ecolabel?: EcolabelScheme;
  acceptedEvidence: EvidenceKind[];
}

export interface CriterionResult {
  criterionId: string;
  setId: string;
  title: string;
  type: CriterionType;
  outcome: Outcome;
  /** The declared values the rule read, by property path (undeclared ones are absent). */
  observed?: Record<string, unknown>;
  /** The rule in words, with the procurer's parameter values filled in. */
  expected?: string;
  via?: Via;
  evidenceUsed?: string[];
  points?: number;
  maxPoints?: number;
  messages?: string[];
  missing?: MissingEvidence[];
}

/** One criterion as a tender profile fixed it: definition, resolved parameters and weight. */
export interface ProfileCriterion {
  setId: string;
  setVersion: string;
  criterion: CriterionDefinition;
  /** Procurer values over the criterion's defaults; a parameter without either is absent. */
  parameters: Record<string, ParameterValue>;
  /** For award criteria: the maximum points (award weight). */
  maxPoints?: number;
}

export interface EvaluationInput {
  item: ProductDeclaration;
  supplier: SupplierInfo;
  services: readonly ServiceDeclaration[];
  /** ISO date (YYYY-MM-DD) on which ecolabel claims must be valid. */
  assessmentDate: string;
}

export interface AssessmentSummary {
  mandatoryTotal: number;
  mandatoryPassed: number;
  mandatoryFailed: number;
  mandatoryMissingEvidence: number;
  /** false if any mandatory criterion fails; "undetermined" if none fails but evidence is missing. */
  compliant: boolean | 'undetermined';
  awardPoints: number;
  awardMaxPoints: number;
  awardScorePct: number;
  missingEvidence: MissingEvidence[];
  counts: Record<Outcome, number>;
}
