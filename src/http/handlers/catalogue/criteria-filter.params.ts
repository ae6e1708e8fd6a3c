import type { OperationContext } from '../../request-context';
import type { CriteriaFilter } from '../../../domain/catalogue/criteria.query';
import type { SetStatus } from '../../../domain/catalogue/catalogue.types';
import type { Query } from '../request-params';

const list = (value: Query[string]): string[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [String(value)];

export function criteriaFilter(c: OperationContext): CriteriaFilter {
  const q = c.request.query as Query;
  const filter: CriteriaFilter = {};
  for (const key of ['set', 'category', 'stage', 'type', 'level', 'theme', 'sourceCode', 'confidence'] as const) {
    const values = list(q[key]);
    if (values) filter[key] = values;
  }
  const status = list(q.status);
  if (status) filter.status = status as SetStatus[];
  if (typeof q.q === 'string') filter.q = q.q;
  return filter;
}
