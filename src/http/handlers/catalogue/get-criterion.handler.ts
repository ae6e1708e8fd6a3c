import { pathParam } from '../request-params';
import { cacheable, catalogueCacheControl, quoteEtag } from '../../conditional';
import type { HttpDeps } from '../../http-deps';
import { JsonText, type OperationHandler } from '../../openapi/http-result';
import { criterionJson } from '../../presenters/catalogue.presenter';

export const getCriterion =
  (deps: HttpDeps): OperationHandler =>
  async (c, req) => {
    const setId = (c.request.query as { set?: string }).set;
    const found = await deps.catalogue.getCriterion(pathParam(c, 'criterionId'), setId);
    const cache = catalogueCacheControl(req, 300, found.set.status === 'draft');
    return cacheable(req, quoteEtag(found.hash), cache, () => new JsonText(criterionJson(found)));
  };
