import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { criteriaToCsv } from '../../../../../src/domain/catalogue/export/criteria.csv';
import { encodeCsv } from '../../../../../src/domain/catalogue/export/csv.codec';
import { criteriaFromCsv, decodeCsv } from '../../../../support/csv-reader';
import { ocdsFragment } from '../../../../../src/domain/catalogue/export/ocds.fragment';
import { draftSet } from '../../../../support/catalogue-fixtures';

/** The cells as a spreadsheet would see them, apostrophes included. */
function decodeRaw(text: string): string[][] {
  const rows: string[][] = parse(text, { relax_column_count: true });
  return rows;
}

describe('CSV', () => {
  it('round-trips quotes, commas, new lines and empty cells', () => {
    const rows = [['a', 'b,c', 'say "hi"', 'line\nbreak', ''], ['', 'x', '', '', 'y']];
    expect(decodeCsv(encodeCsv(rows))).toEqual(rows);
  });

  it('defuses spreadsheet formulas and restores them when read back', () => {
    const encoded = encodeCsv([['=SUM(A1)', '+1', '-2', '@x', 'plain', "'=x", "'plain"]]);
    expect(encoded).toBe("'=SUM(A1),'+1,'-2,'@x,plain,''=x,'plain\r\n");
    expect(decodeCsv(encoded)).toEqual([['=SUM(A1)', '+1', '-2', '@x', 'plain', "'=x", "'plain"]]);
  });

  it('round-trips any table of strings, and no cell of the output starts a formula', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('=1+1', "'=x", "''@y", '-2', '\t=z', '"q"', 'a,b', 'l\r\nm', ''));
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), (rows) => {
      const encoded = encodeCsv(rows);
      expect(decodeCsv(encoded)).toEqual(rows);
      const raw = decodeRaw(encoded);
      for (const value of raw.flat()) expect(/^[=+\-@\t\r]/.test(value)).toBe(false);
    }), { numRuns: 500 });
  });

  it('exports criteria that parse back to the same criteria', () => {
    const set = draftSet();
    const csv = criteriaToCsv(set.criteria.map((criterion) => ({ setId: set.id, criterion })));
    expect(csv.split('\r\n')[0]).toMatch(/^setId,id,sourceCode,title,summary,/);
    expect(criteriaFromCsv(csv)).toEqual(set.criteria.map((criterion) => ({ setId: set.id, criterion })));
  });

  it('refuses a CSV with another header', () => {
    expect(() => criteriaFromCsv('a,b\r\n1,2\r\n')).toThrow('unexpected header');
  });
});

describe('OCDS sustainability fragment', () => {
  it('maps BT-774 codes to goals and criterion types plus BT-805 to strategies, leaving guidance out', () => {
    const [ts, ac] = draftSet().criteria;
    const guidance = { ...ts!, id: 'G1', type: 'guidance' as const, eforms: { bt774: ['clim-mitig' as const] } };
    const fragment = ocdsFragment([
      { criterion: ts!, bt805: 'eu' },
      { criterion: ac!, bt805: 'national' },
      { criterion: guidance, bt805: 'eu' },
    ]);
    expect(fragment.tender.hasSustainability).toBe(true);
    expect(fragment.tender.sustainability).toEqual([
      { goal: 'environmental', strategies: ['awardCriteria', 'nationalGPPCriteria'], description: expect.stringContaining(ac!.id) },
      { goal: 'environmental.circularEconomy', strategies: ['euGPPCriteria', 'technicalSpecifications'], description: expect.stringContaining(ts!.id) },
    ]);
  });

  it('says "no sustainability" for guidance only', () => {
    const guidance = { ...draftSet().criteria[0]!, type: 'guidance' as const };
    expect(ocdsFragment([{ criterion: guidance, bt805: 'other' }]).tender).toEqual({ hasSustainability: false, sustainability: [] });
  });
});
