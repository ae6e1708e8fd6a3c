/**
 * Lookup finds what people type: ids and source codes in free text, and source codes whatever
 * their case, spacing or scheme prefix.
 */
import { CatalogueIndex } from '../../../../src/domain/catalogue/catalogue.index';
import type { StoredCriterionSet } from '../../../../src/domain/catalogue/catalogue.types';
import { filterCriteria } from '../../../../src/domain/catalogue/criteria.query';
import { codeMatches, normaliseCode } from '../../../../src/domain/catalogue/source-code';
import { draftSet } from '../../../support/catalogue-fixtures';

const base = draftSet();
const template = base.criteria[0]!;
const codes = ['R 4.4.1.1', 'TS6', '11185', 'R 4.4.1.10', 'AC6'];
const definition = { ...base, criteria: codes.map((sourceCode, i) => ({ ...template, id: `X-${i}`, sourceCode })) };
const at = '2026-01-01T00:00:00.000Z';
const stored: StoredCriterionSet = { definition, status: 'published', revision: 1, origin: 'api', createdAt: at, updatedAt: at, history: [] };
const index = new CatalogueIndex([stored]);
const codesOf = (filter: Parameters<typeof filterCriteria>[1]) => filterCriteria(index, filter).map((e) => e.criterion.sourceCode);

describe('criteria search', () => {
  it('q matches source codes, including without the scheme prefix, and criterion ids', () => {
    expect(codesOf({ q: '4.4.1.1' })).toEqual(['R 4.4.1.1', 'R 4.4.1.10']);
    expect(codesOf({ q: 'r 4.4.1.1' })).toEqual(['R 4.4.1.1', 'R 4.4.1.10']);
    expect(codesOf({ q: 'X-2' })).toEqual(['11185']);
    expect(codesOf({ q: 'ts6 battery' })).toEqual(['TS6']);
  });

  it('the sourceCode filter ignores case, spacing and a letter prefix, but not another code', () => {
    expect(codesOf({ sourceCode: ['4.4.1.1'] })).toEqual(['R 4.4.1.1']);
    expect(codesOf({ sourceCode: ['R4.4.1.1'] })).toEqual(['R 4.4.1.1']);
    expect(codesOf({ sourceCode: ['ts 6'] })).toEqual(['TS6']);
    expect(codesOf({ sourceCode: ['11 185'] })).toEqual(['11185']);
    expect(codesOf({ sourceCode: ['TS'] })).toEqual([]);
    expect(codesOf({ sourceCode: ['4.4.1'] })).toEqual([]);
  });

  it('compares normalised codes', () => {
    expect(normaliseCode(' R\u00a04.4.1.1 ')).toBe('r4.4.1.1');
    expect(codeMatches('6', 'ts6')).toBe(true);
    expect(codeMatches('6', 'ts16')).toBe(false);
    expect(codeMatches('s6', 'ts6')).toBe(false);
  });
});
