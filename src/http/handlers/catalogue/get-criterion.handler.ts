import { pathParam } from './query-params';
import { cacheable, quoteEtag } from '../../conditional';
import type { HttpDeps } from '../../http-deps';
import { JsonText, type OperationHandler } from '../../openapi/http-result';
import { criterionJson } from '../../presenters/catalogue.presenter';

export const getCriterion =
  (deps: HttpDeps): OperationHandler =>
  async (c, req) => {
    const setId = (c.request.query as { set?: string }).set;
    const found = await deps.catalogue.getCriterion(pathParam(c, 'criterionId'), setId);
    const cache = found.set.status === 'draft' ? 'no-cache' : 'public, max-age=300';
    return cacheable(req, quoteEtag(found.hash), cache, () => new JsonText(criterionJson(found)));
  };
