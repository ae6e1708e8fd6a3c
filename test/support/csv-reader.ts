/**
 * Reading the service's CSV exports back, as a spreadsheet user would: csv-parse, then the one
 * apostrophe the export put in front of formula-like cells removed (src/domain/catalogue/export/
 * csv.codec.ts). Used to prove that exports round-trip.
 */
import { parse } from 'csv-parse/sync';
import type { CriterionDefinition, ProductCategory } from '../../src/domain/catalogue/catalogue.types';
import { CSV_HEADER, type CriterionRow } from '../../src/domain/catalogue/export/criteria.csv';
import { FORMULA_CELL } from '../../src/domain/catalogue/export/csv.codec';

export function decodeCsv(text: string): string[][] {
  const rows: string[][] = parse(text, { relax_column_count: true });
  return rows.map((row) => row.map((cell) => (cell.startsWith("'") && FORMULA_CELL.test(cell) ? cell.slice(1) : cell)));
}

function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, dropUndefined(v)]));
  }
  return value;
}

/** The inverse of criteriaToCsv. */
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
        id: cell('id'), sourceCode: cell('sourceCode'), title: cell('title'), summary: cell('summary'), theme: cell('theme'), stage: cell('stage'),
        type: cell('type'), level: cell('level'), scope: cell('scope'),
        appliesTo: { categories: (cell('categories') ?? '').split('|') as ProductCategory[], supply: cell('supply'), condition: json('applicabilityCondition') },
        rule: json('rule'), scoring: json('scoring'), parameters: json('parameters'), statements: json('statements'), verification: json('verification'),
        eforms: json('eforms'), source: { document: cell('sourceDocument'), clause: cell('sourceClause'), url: cell('sourceUrl') }, references: json('references'),
        effectiveFrom: cell('effectiveFrom'), effectiveUntil: cell('effectiveUntil'), review: json('review'), confidence: cell('confidence'), notes: cell('notes'),
      };
      return { setId: cell('setId') ?? '', criterion: dropUndefined(criterion) as CriterionDefinition };
    });
}
