/**
 * RFC 4180 CSV through csv-stringify. A cell a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return; OWASP "CSV injection") gets an apostrophe in front. A cell
 * that already starts with apostrophes before such a character gets one more, so that a reader who
 * removes exactly one leading apostrophe from such cells gets every value back unchanged.
 */
import { stringify } from 'csv-stringify/sync';

export const FORMULA_CELL = /^'*[=+\-@\t\r]/;

const defuse = (value: string): string => (FORMULA_CELL.test(value) ? `'${value}` : value);

export function encodeCsv(rows: readonly (readonly string[])[]): string {
  return stringify(rows.map((row) => row.map(defuse)), { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
