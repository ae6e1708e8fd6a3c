import type { CriterionDefinition } from '../catalogue.types';
import { encodeCsv } from './csv.codec';

export interface CriterionRow {
  setId: string;
  criterion: CriterionDefinition;
}

type CsvCellKind = 'text' | 'json';
/** Column name, how it is encoded, and where it lives in a criterion. */
const COLUMNS: readonly [string, CsvCellKind, (c: CriterionDefinition) => unknown][] = [
  ['id', 'text', (c) => c.id],
  ['sourceCode', 'text', (c) => c.sourceCode],
  ['title', 'text', (c) => c.title],
  ['summary', 'text', (c) => c.summary],
  ['theme', 'text', (c) => c.theme],
  ['stage', 'text', (c) => c.stage],
  ['type', 'text', (c) => c.type],
  ['level', 'text', (c) => c.level],
  ['scope', 'text', (c) => c.scope],
  ['categories', 'text', (c) => c.appliesTo.categories.join('|')],
  ['supply', 'text', (c) => c.appliesTo.supply],
  ['effectiveFrom', 'text', (c) => c.effectiveFrom],
  ['effectiveUntil', 'text', (c) => c.effectiveUntil],
  ['confidence', 'text', (c) => c.confidence],
  ['notes', 'text', (c) => c.notes],
  ['sourceDocument', 'text', (c) => c.source.document],
  ['sourceClause', 'text', (c) => c.source.clause],
  ['sourceUrl', 'text', (c) => c.source.url],
  ['applicabilityCondition', 'json', (c) => c.appliesTo.condition],
  ['rule', 'json', (c) => c.rule],
  ['scoring', 'json', (c) => c.scoring],
  ['parameters', 'json', (c) => c.parameters],
  ['statements', 'json', (c) => c.statements],
  ['verification', 'json', (c) => c.verification],
  ['eforms', 'json', (c) => c.eforms],
  ['references', 'json', (c) => c.references],
  ['review', 'json', (c) => c.review],
];

export const CSV_HEADER = ['setId', ...COLUMNS.map(([name]) => name)];

/** One row per criterion; nested structures are JSON cells, absent values empty cells. */
export function criteriaToCsv(rows: readonly CriterionRow[]): string {
  const lines = rows.map(({ setId, criterion }) => [
    setId,
    ...COLUMNS.map(([, kind, get]) => {
      const value = get(criterion);
      if (value === undefined) return '';
      return kind === 'json' ? JSON.stringify(value) : (value as string);
    }),
  ]);
  return encodeCsv([CSV_HEADER, ...lines]);
}
