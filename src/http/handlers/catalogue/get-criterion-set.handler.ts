import { pathParam } from './query-params';
import { cacheable, quoteEtag } from '../../conditional';
import type { HttpDeps } from '../../http-deps';
import type { OperationHandler } from '../../openapi/http-result';
import { setView } from '../../presenters/catalogue.presenter';

export const getCriterionSet =
  (deps: HttpDeps): OperationHandler =>
  async (c, req) => {
    const { set, hash } = await deps.catalogue.getSet(pathParam(c, 'setId'));
    const cache = set.status === 'draft' ? 'no-cache' : 'public, max-age=300';
    return cacheable(req, quoteEtag(hash), cache, () => setView(set));
  };
