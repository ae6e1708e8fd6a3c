import { pathParam } from '../request-params';
import { cacheable, catalogueCacheControl, quoteEtag } from '../../conditional';
import type { HttpDeps } from '../../http-deps';
import type { OperationHandler } from '../../openapi/http-result';
import { setView } from '../../presenters/catalogue.presenter';

export const getCriterionSet =
  (deps: HttpDeps): OperationHandler =>
  async (c, req) => {
    const { set, hash } = await deps.catalogue.getSet(pathParam(c, 'setId'));
    const cache = catalogueCacheControl(req, 300, set.status === 'draft');
    return cacheable(req, quoteEtag(hash), cache, () => setView(set));
  };
