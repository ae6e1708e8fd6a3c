import type { CriterionDefinition, ProductCategory } from '../catalogue.types';
import { decodeCsv, encodeCsv } from './csv.codec';

export interface CriterionRow {
  setId: string;
  criterion: CriterionDefinition;
}

type Kind = 'text' | 'json';
/** Column name, how it is encoded, and where it lives in a criterion. */
const COLUMNS: readonly [string, Kind, (c: CriterionDefinition) => unknown][] = [
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

/** The inverse of criteriaToCsv (used to prove exports round-trip, and to import spreadsheets). */
export function criteriaFromCsv(text: string): CriterionRow[] {
  const [header, ...lines] = decodeCsv(text);
  if (!header || header.join(',') !== CSV_HEADER.join(',')) throw new Error('not a criteria CSV export: unexpected header');
  return lines
    .filter((line) => line.some((cell) => cell !== ''))
    .map((line) => {
      const cell = (name: string): string | undefined => {
        const value = line[CSV_HEADER.indexOf(name)];
        return value === undefined || value === '' ? undefined : value;
      };
      const json = (name: string): unknown => {
        const value = cell(name);
        return value === undefined ? undefined : JSON.parse(value);
      };
      const criterion = {
        id: cell('id'),
        sourceCode: cell('sourceCode'),
        title: cell('title'),
        summary: cell('summary'),
        theme: cell('theme'),
        stage: cell('stage'),
        type: cell('type'),
        level: cell('level'),
        scope: cell('scope'),
        appliesTo: { categories: (cell('categories') ?? '').split('|') as ProductCategory[], condition: json('applicabilityCondition') },
        rule: json('rule'),
        scoring: json('scoring'),
        parameters: json('parameters'),
        statements: json('statements'),
        verification: json('verification'),
        eforms: json('eforms'),
        source: { document: cell('sourceDocument'), clause: cell('sourceClause'), url: cell('sourceUrl') },
        references: json('references'),
        confidence: cell('confidence'),
        notes: cell('notes'),
      };
      return { setId: cell('setId') ?? '', criterion: dropUndefined(criterion) as CriterionDefinition };
    });
}

function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, dropUndefined(v)]));
  }
  return value;
}
