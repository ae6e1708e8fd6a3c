import { invalid } from '../errors';
import type { CatalogueIndex, IndexedCriterion } from './catalogue.index';
import type { SetStatus } from './catalogue.types';
import { codeMatches, normaliseCode } from './source-code';

export interface CriteriaFilter {
  set?: readonly string[];
  category?: readonly string[];
  stage?: readonly string[];
  type?: readonly string[];
  level?: readonly string[];
  theme?: readonly string[];
  sourceCode?: readonly string[];
  confidence?: readonly string[];
  status?: readonly SetStatus[];
  q?: string;
}

const nonEmpty = (values: readonly string[] | undefined): values is readonly string[] => values !== undefined && values.length > 0;

/**
 * Filters combine with AND, the values of one filter with OR. Enumerated filters are checked by
 * the contract; set ids are dynamic, so an unknown one is rejected here with the allowed ids.
 */
export function filterCriteria(index: CatalogueIndex, filter: CriteriaFilter): IndexedCriterion[] {
  if (nonEmpty(filter.set)) {
    const unknown = filter.set.filter((id) => !index.set(id));
    if (unknown.length > 0) {
      throw invalid(
        `Unknown criterion set: ${unknown.join(', ')}`,
        unknown.map(() => ({ pointer: '/query/set', reason: 'is not a criterion set of the catalogue' })),
        index.sets.map((s) => s.definition.id),
      );
    }
  }
  const statuses = nonEmpty(filter.status) ? filter.status : ['published'];
  const sourceCodes = filter.sourceCode?.map(normaliseCode);
  const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const has = (values: readonly string[] | undefined, value: string): boolean => !nonEmpty(values) || values.includes(value);

  return index.criteria.filter(({ criterion: c, set, text, sourceCode }) => {
    if (!statuses.includes(set.status)) return false;
    if (!has(filter.set, set.definition.id)) return false;
    if (nonEmpty(filter.category) && !c.appliesTo.categories.some((cat) => filter.category?.includes(cat))) return false;
    if (!has(filter.stage, c.stage) || !has(filter.type, c.type) || !has(filter.level, c.level)) return false;
    if (!has(filter.theme, c.theme) || !has(filter.confidence, c.confidence)) return false;
    if (nonEmpty(sourceCodes) && (sourceCode === undefined || !sourceCodes.some((q) => codeMatches(q, sourceCode)))) return false;
    return words.every((w) => text.includes(w));
  });
}
