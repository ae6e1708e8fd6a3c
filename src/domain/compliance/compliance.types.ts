/**
 * Offers and assessments, mirrored from api/openapi.yaml, which validates
 * them before they reach the domain. Units are part of the property names (warrantyYears,
 * tecKWhPerYear, heightCm), so a value can never be read in the wrong unit.
 */
import type { CriterionDefinition, CriterionType, EcolabelScheme, EcolabelTier, EvidenceKind, ProductCategory } from '../catalogue/catalogue.types';

/** What a certificate or registration says it covers, as the schemes' certificates list it. */
export interface ClaimCoverage { manufacturer?: string; models?: string[]; gtins?: string[] }
export interface EcolabelClaim {
  scheme: EcolabelScheme;
  version?: string;
  tier?: EcolabelTier;
  certificateId?: string;
  issuer?: string;
  validFrom?: string;
  validUntil?: string;
  url?: string;
  /** The one country of a registration (kept for compatibility; see markets). */
  country?: string;
  /** Countries the certificate or registration is valid for (EPEAT registers per country). */
  markets?: string[];
  covers?: ClaimCoverage;
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
/**
 * How far a pass or fail is established: the supplier's word, a listed evidence document the
 * criterion accepts, a valid label that identifies the item, or (later) a registry lookup.
 */
export type VerificationState = 'declared' | 'evidenced' | 'presumed' | 'registry';
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
  /** For pass and fail: how far the result is established. */
  verification?: VerificationState;
  /** A pass resting on the supplier's word where the criterion does not accept declarations. */
  pendingVerification?: true;
  /** For a pass pending verification: the evidence that would establish it. */
  verifyWith?: EvidenceKind[];
  /** The declared data contradicts a valid label claim; the declared data decided. */
  conflict?: true;
  /** When the result is not_applicable because of the date: the criterion's dates. */
  effectiveFrom?: string;
  effectiveUntil?: string;
}

/** A pass the officer must still verify before award: what would establish it. */
export interface PendingVerification {
  criterionId: string;
  acceptedEvidence: EvidenceKind[];
  reason: string;
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
  /** The tender's delivery date: criteria apply as in force on it, claims must still be valid. */
  deliveryDate?: string;
  /** The contract's end: claims must be valid until it. */
  contractEndDate?: string;
  /** ISO 3166-1 alpha-2 country of delivery, for claims registered per market. */
  country?: string;
  /** The lot the profile declares: new devices, refurbished ones, or both. */
  lotSupply?: LotSupply;
}
export type LotSupply = 'new' | 'refurbished' | 'both';

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
  /** Contract performance clauses the offer declares it will not meet (non-compliant). */
  clausesRefused: number;
  /** Undeclared contract performance clauses: commitments the officer must obtain. */
  commitmentsToObtain: MissingEvidence[];
  /** Passes that rest on a declaration the criterion does not accept as proof. */
  toVerify: PendingVerification[];
  /** Results where the declared data contradicted a valid label claim. */
  conflicts: number;
}
