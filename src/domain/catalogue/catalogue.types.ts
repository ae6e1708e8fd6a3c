/**
 * The catalogue's public data model, mirrored from the schemas of
 * api/openapi.yaml, which stay the source of truth: requests are validated against them before
 * they reach the domain.
 */
export type ProductCategory =
  | 'notebook' | 'desktop' | 'all_in_one' | 'thin_client' | 'workstation' | 'monitor' | 'tablet' | 'smartphone'
  | 'server' | 'data_storage' | 'network_equipment' | 'imaging_equipment' | 'accessory'
  | 'data_centre_service' | 'cloud_service' | 'print_service';
export type Stage = 'needsAssessment' | 'selection' | 'technicalSpecification' | 'award' | 'contractPerformance' | 'endOfLife';
export type CriterionType = 'SC' | 'TS' | 'AC' | 'CPC' | 'guidance';
/** Whom or what a criterion is about. */
export type CriterionScope = 'organisation' | 'procedure' | 'supplier' | 'product' | 'service';
export type AmbitionLevel = 'core' | 'comprehensive' | 'spearhead' | 'recommended';
export type Confidence = 'verified' | 'partly-verified' | 'unverified';
export type SetStatus = 'draft' | 'published' | 'retired';
export type EcolabelScheme = 'TCO_CERTIFIED' | 'EPEAT' | 'EU_ECOLABEL' | 'BLUE_ANGEL' | 'ENERGY_STAR' | 'NORDIC_SWAN' | 'OTHER_TYPE1';
export type EcolabelTier = 'bronze' | 'silver' | 'gold';
export type EvidenceKind =
  | 'ecolabel_certificate' | 'test_report' | 'technical_file' | 'supplier_declaration' | 'registry_record'
  | 'service_manual' | 'contract_document' | 'management_certificate' | 'report_during_contract';
export type Bt774Code = 'circ-econ' | 'clim-mitig' | 'pollu-prev' | 'biodiv-eco' | 'clim-adapt' | 'water-mar' | 'other';

export type ComparisonOperator = '==' | '!=' | '>=' | '>' | '<=' | '<' | 'in' | 'contains' | 'containsAll' | 'exists';
/** A procurer's value; `plus` offsets a number ("the tender's minimum + 2 years"). */
export interface ParameterRef { parameter: string; plus?: number }
export type ComparisonValue = number | string | boolean | string[] | ParameterRef;

/** The units a threshold or parameter is stated in. */
export type Unit = 'years' | 'months' | 'days' | 'hours' | 'cycles' | 'percent' | 'kWh/yr' | 'kWh/week' | 'W' | 'g' | 'kg' | 'cm' | 'degC' | 'points' | 'falls' | 'kgCO2e' | 'ratio';

export interface Comparison {
  property: string;
  operator: ComparisonOperator;
  value?: ComparisonValue;
  unit?: Unit;
  relativeTo?: { baseline: string; mode: 'percentBelow' };
}
export interface EcolabelRule { ecolabel: { scheme: EcolabelScheme; minVersion?: string; minTier?: EcolabelTier } }
export interface DeclarationRule { declared: string }
export type RuleNode = { all: RuleNode[] } | { any: RuleNode[] } | { not: RuleNode } | Comparison | EcolabelRule | DeclarationRule;

export interface ScoringBand { when: RuleNode; fractionOfMax: number; label?: string }
export interface Scoring { maxPoints: number | 'procurerDefined'; bands: ScoringBand[] }
export interface CriterionParameter {
  name: string;
  description: string;
  type: 'number' | 'string' | 'boolean' | 'stringArray';
  unit?: Unit;
  default?: number | string | boolean | string[];
  minimum?: number;
  maximum?: number;
  allowed?: string[];
}
export type PassageText = 'final' | 'draft' | 'secondary';
export type PassageSupport = 'requirement' | 'level' | 'type' | 'date' | 'scope';
/** A passage of a source as a reviewer read it. */
export interface SourcePassage {
  quote: string;
  clause?: string;
  url: string;
  readOn: string;
  text: PassageText;
  supports?: PassageSupport[];
}
/** The record a criterion's confidence rests on (see criterion-review.ts). */
export interface CriterionReview {
  passages: SourcePassage[];
  missing?: string;
  reviewedOn?: string;
}
export interface LabelPresumption {
  scheme: EcolabelScheme;
  /** The lowest label version whose requirement is at least as strict as the criterion. */
  minVersion: string;
  minTier?: EcolabelTier;
  /** The passage that shows that this version proves the criterion. */
  basis: SourcePassage;
  note?: string;
}
export type Supply = 'new' | 'refurbished' | 'any';
export interface Verification {
  acceptedEvidence: EvidenceKind[];
  presumptionByLabel?: LabelPresumption[];
  testStandards?: string[];
  accreditation?: 'ISO/IEC 17025' | 'ISO/IEC 17065';
  equivalentAccepted: boolean;
}

export interface CriterionDefinition {
  id: string;
  sourceCode?: string;
  title: string;
  summary: string;
  theme: string;
  stage: Stage;
  type: CriterionType;
  level: AmbitionLevel;
  scope: CriterionScope;
  appliesTo: { categories: ProductCategory[]; supply?: Supply; condition?: RuleNode };
  rule?: RuleNode;
  scoring?: Scoring;
  parameters?: CriterionParameter[];
  statements?: { id: string; text: string }[];
  verification: Verification;
  eforms?: { bt774?: Bt774Code[] };
  source: { document: string; clause?: string; url?: string };
  references?: { title: string; url?: string; clause?: string }[];
  /** First and last day the criterion applies (ISO dates); legal requirements carry the first. */
  effectiveFrom?: string;
  effectiveUntil?: string;
  review?: CriterionReview;
  confidence: Confidence;
  notes?: string;
}

export interface CriterionSetDefinition {
  id: string;
  title: string;
  publisher: string;
  documentRef?: string;
  url?: string;
  version: string;
  publishedOn?: string;
  supersedes?: string[];
  productCategories: ProductCategory[];
  ambitionLevels: AmbitionLevel[];
  cpvCodes: string[];
  eforms: { bt805: 'eu' | 'national' | 'other' };
  licence?: string;
  description?: string;
  criteria: CriterionDefinition[];
}

export type HistoryAction = 'created' | 'replaced' | 'published' | 'retired' | 'superseded' | 'seeded' | 'reseeded';
export interface HistoryEntry { at: string; actor: string; action: HistoryAction; revision: number; detail?: string }

/** A set as the catalogue keeps it: the definition plus its lifecycle. */
export interface StoredCriterionSet {
  definition: CriterionSetDefinition;
  status: SetStatus;
  revision: number;
  origin: 'seed' | 'api';
  seedHash?: string;
  supersededBy?: string;
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
  retiredAt?: string;
  history: HistoryEntry[];
}
