import type { ProductCategory } from '../../../domain/catalogue/catalogue.types';
import type { StatisticsFilter } from '../../../domain/compliance/statistics.types';
import type { HttpDeps } from '../../http-deps';
import type { ResponseBody } from '../../openapi/contract.types';
import type { OperationHandler } from '../../openapi/http-result';
import { pathParam } from '../request-params';
import { viewer } from '../caller';

export const getCriteriaStatistics =
  (deps: HttpDeps): OperationHandler =>
  async (c, _req, res) => {
    const q = c.request.query as { from?: string; to?: string; tenderRef?: string; category?: ProductCategory; criterionSetId?: string };
    const filter: StatisticsFilter = {
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.tenderRef ? { tenderRef: q.tenderRef } : {}),
      ...(q.category ? { category: q.category } : {}),
      ...(q.criterionSetId ? { criterionSetId: q.criterionSetId } : {}),
    };
    const body: ResponseBody<'getCriteriaStatistics', 200> = await deps.statistics.criteria(filter, viewer(res));
    return { status: 200, body, headers: { 'Cache-Control': 'no-store' } };
  };

export const getTenderStatistics =
  (deps: HttpDeps): OperationHandler =>
  async (c, _req, res) => {
    const body: ResponseBody<'getTenderStatistics', 200> = await deps.statistics.tender(pathParam(c, 'tenderRef'), viewer(res));
    return { status: 200, body, headers: { 'Cache-Control': 'no-store' } };
  };
