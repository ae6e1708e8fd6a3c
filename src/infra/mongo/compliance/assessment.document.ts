import type { Assessment, ItemAssessment, OfferSummary } from '../../../domain/compliance/assessment.types';
import type { AssessmentSummary, CriterionResult } from '../../../domain/compliance/compliance.types';
import { upgradeAssessment } from '../../../domain/compliance/assessment.upgrade';
import type { OutboxFields } from '../../outbox/outbox.fields';
import { fromStoredKeys, toStoredKeys } from '../stored-keys';
import { mapFields } from '../field-order';

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

function storeSummary<S extends AssessmentSummary>(summary: S): StoredSummary<S> {
  return mapFields(summary, (key, v) => (key === 'compliant' ? [['verdict', verdictOf(v as S['compliant'])]] : undefined)) as StoredSummary<S>;
}
function readSummary<S extends AssessmentSummary>(summary: StoredSummary<S>): S {
  return mapFields(summary, (key, v) => (key === 'verdict' ? [['compliant', compliantOf(v as Verdict)]] : undefined)) as S;
}

// One per item and criterion, on every check: a plain loop, as the fields are the engine's own.
function storeResult(r: CriterionResult, item: ItemAssessment): StoredResult {
  const stored: Record<string, unknown> = { itemIndex: item.itemIndex, category: item.category };
  for (const [key, v] of Object.entries(r)) stored[key] = key === 'observed' ? Object.entries(v as Record<string, unknown>).map(([property, value]) => ({ property, value })) : v;
  return stored as StoredResult;
}
function readResult(r: StoredResult): CriterionResult {
  const result: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(r)) {
    if (key === 'observed') result[key] = Object.fromEntries((v as { property: string; value: unknown }[]).map((o) => [o.property, o.value]));
    else if (key !== 'itemIndex' && key !== 'category') result[key] = v;
  }
  return result as unknown as CriterionResult;
}

const dateOnly = (d: Date): string => d.toISOString().slice(0, 10);

export function toAssessmentDocument(a: Assessment, outbox: OutboxFields): AssessmentDocument {
  // The results are escaped once, below, as the top-level array: not also inside the items.
  const withoutResults = { ...a, items: a.items.map(({ results: _r, ...item }) => item) };
  const stored = mapFields(toStoredKeys(withoutResults), (key, v) => {
    switch (key) {
      case 'id':
        return [['_id', v], ['schemaVersion', ASSESSMENT_SCHEMA_VERSION]];
      case 'evaluatedAt':
        return [[key, new Date(v as string)]];
      case 'assessmentDate':
        return [[key, new Date(`${v as string}T00:00:00Z`)]];
      case 'items':
        return [
          [key, (v as Omit<ItemAssessment, 'results'>[]).map((item) => mapFields(item, (k, f) => (k === 'evaluatedAt' ? [[k, new Date(f as string)]] : k === 'summary' ? [[k, storeSummary(f as AssessmentSummary)]] : undefined)))],
          // From the unescaped items: observed property paths become values, which need no escaping.
          ['results', toStoredKeys(a.items.flatMap((item) => item.results.map((r) => storeResult(r, item))))],
        ];
      case 'summary':
        return [['verdict', verdictOf(a.summary.compliant)], [key, storeSummary(v as OfferSummary)]];
      default:
        return undefined;
    }
  });
  return { ...outbox, ...stored } as AssessmentDocument;
}

export function fromAssessmentDocument(doc: AssessmentDocument | LegacyAssessmentDocument): Assessment {
  if (typeof doc.body === 'string') return upgradeAssessment(JSON.parse(doc.body) as Assessment);
  const stored = fromStoredKeys(doc as AssessmentDocument);
  const byItem = new Map<number, CriterionResult[]>();
  for (const r of stored.results) {
    const results = byItem.get(r.itemIndex) ?? [];
    results.push(readResult(r));
    byItem.set(r.itemIndex, results);
  }
  const readItem = (item: StoredItem): ItemAssessment =>
    mapFields(item, (k, f) => {
      if (k === 'evaluatedAt') return [[k, (f as Date).toISOString()]];
      if (k === 'summary') return [['results', byItem.get(item.itemIndex) ?? []], [k, readSummary(f as StoredSummary<AssessmentSummary>)]];
      return undefined;
    }) as unknown as ItemAssessment;
  return upgradeAssessment(
    mapFields(stored, (key, v) => {
      switch (key) {
        case '_id':
          return [['id', v]];
        case 'schemaVersion':
        case 'verdict':
        case 'results':
        case 'outbox':
        case 'outboxAt':
          return [];
        case 'evaluatedAt':
          return [[key, (v as Date).toISOString()]];
        case 'assessmentDate':
          return [[key, dateOnly(v as Date)]];
        case 'items':
          return [[key, (v as StoredItem[]).map(readItem)]];
        case 'summary':
          return [[key, readSummary(v as StoredSummary<OfferSummary>)]];
        default:
          return undefined;
      }
    }) as unknown as Assessment,
  );
}
