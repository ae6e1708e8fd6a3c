import type { Assessment, ItemAssessment, OfferSummary } from '../../../domain/compliance/assessment.types';
import type { AssessmentSummary, CriterionResult } from '../../../domain/compliance/compliance.types';
import { upgradeAssessment } from '../../../domain/compliance/assessment.upgrade';
import type { OutboxFields } from '../../outbox/outbox.fields';
import { fromStoredKeys, toStoredKeys } from '../stored-keys';

/**
 * An assessment as MongoDB users query it (schema version 2): dates are BSON dates, the verdict a
 * string of its own, and every per-item, per-criterion result one subdocument of the top-level
 * `results` array, tagged with its item, so `{ 'results.criterionId': …, 'results.outcome': … }`
 * finds offers and `$unwind: '$results'` counts outcomes. The results sit at the top level rather
 * than inside `items` because FerretDB 1.x cannot `$unwind` a nested array path.
 * The values a rule read (`observed`, keyed by property paths such as "battery.cyclesAt80pct")
 * are stored as {property, value} pairs. Version 1 documents held the assessment as JSON text in
 * `body`; they are still read, and `npm run migrate` rewrites them.
 */
export const ASSESSMENT_SCHEMA_VERSION = 2;
export type Verdict = 'compliant' | 'non_compliant' | 'undetermined';

type StoredSummary<S extends AssessmentSummary> = Omit<S, 'compliant'> & { verdict: Verdict };
export type StoredResult = Omit<CriterionResult, 'observed'> & { itemIndex: number; category: string; observed?: { property: string; value: unknown }[] };
type StoredItem = Omit<ItemAssessment, 'results' | 'summary' | 'evaluatedAt'> & { evaluatedAt: Date; summary: StoredSummary<AssessmentSummary> };

export interface AssessmentDocument extends OutboxFields {
  _id: string;
  schemaVersion: number;
  organisation: string;
  offerId: string;
  tenderRef?: string;
  profileId: string;
  verdict: Verdict;
  evaluatedAt: Date;
  assessmentDate: Date;
  items: StoredItem[];
  results: StoredResult[];
  summary: StoredSummary<OfferSummary>;
  [field: string]: unknown;
}

/** A version 1 document: the assessment as JSON text. */
export interface LegacyAssessmentDocument extends OutboxFields {
  _id: string;
  body: string;
}

export const verdictOf = (compliant: boolean | 'undetermined'): Verdict => (compliant === 'undetermined' ? 'undetermined' : compliant ? 'compliant' : 'non_compliant');
const compliantOf = (verdict: Verdict): boolean | 'undetermined' => (verdict === 'undetermined' ? 'undetermined' : verdict === 'compliant');

function storeSummary<S extends AssessmentSummary>({ compliant, ...rest }: S): StoredSummary<S> {
  return { ...rest, verdict: verdictOf(compliant) };
}
function readSummary<S extends AssessmentSummary>({ verdict, ...rest }: StoredSummary<S>): S {
  return { ...rest, compliant: compliantOf(verdict) } as unknown as S;
}

function storeResult(r: CriterionResult, item: ItemAssessment): StoredResult {
  const { observed, ...rest } = r;
  return { itemIndex: item.itemIndex, category: item.category, ...rest, ...(observed ? { observed: Object.entries(observed).map(([property, value]) => ({ property, value })) } : {}) };
}
function readResult({ itemIndex: _i, category: _c, observed, ...rest }: StoredResult): CriterionResult {
  return { ...rest, ...(observed ? { observed: Object.fromEntries(observed.map((o) => [o.property, o.value])) } : {}) };
}

const dateOnly = (d: Date): string => d.toISOString().slice(0, 10);

export function toAssessmentDocument(a: Assessment, outbox: OutboxFields): AssessmentDocument {
  const { id, items, summary, evaluatedAt, assessmentDate, ...rest } = a;
  const stored = toStoredKeys({
    ...rest,
    items: items.map(({ results: _r, summary: s, evaluatedAt: at, ...item }) => ({ ...item, evaluatedAt: new Date(at), summary: storeSummary(s) })),
    results: items.flatMap((item) => item.results.map((r) => storeResult(r, item))),
    summary: storeSummary(summary),
  });
  return { ...outbox, _id: id, schemaVersion: ASSESSMENT_SCHEMA_VERSION, ...stored, verdict: verdictOf(summary.compliant), evaluatedAt: new Date(evaluatedAt), assessmentDate: new Date(`${assessmentDate}T00:00:00Z`) };
}

export function fromAssessmentDocument(doc: AssessmentDocument | LegacyAssessmentDocument): Assessment {
  if (typeof doc.body === 'string') return upgradeAssessment(JSON.parse(doc.body) as Assessment);
  const { _id, schemaVersion: _v, verdict: _verdict, outbox: _o, outboxAt: _oa, evaluatedAt, assessmentDate, items, results, summary, ...rest } = fromStoredKeys(doc as AssessmentDocument);
  const byItem = new Map<number, CriterionResult[]>();
  for (const r of results) byItem.set(r.itemIndex, [...(byItem.get(r.itemIndex) ?? []), readResult(r)]);
  return upgradeAssessment({
    ...(rest as unknown as Omit<Assessment, 'id' | 'evaluatedAt' | 'assessmentDate' | 'items' | 'summary'>),
    id: _id,
    evaluatedAt: evaluatedAt.toISOString(),
    assessmentDate: dateOnly(assessmentDate),
    items: items.map(({ summary: s, evaluatedAt: at, ...item }) => ({ ...item, evaluatedAt: at.toISOString(), results: byItem.get(item.itemIndex) ?? [], summary: readSummary(s) })),
    summary: readSummary(summary),
  });
}
