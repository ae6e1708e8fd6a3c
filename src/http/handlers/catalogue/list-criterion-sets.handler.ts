import { sha256 } from '../../../domain/catalogue/catalogue.hash';
import type { ProductCategory, SetStatus } from '../../../domain/catalogue/catalogue.types';
import { cacheable, catalogueCacheControl, quoteEtag } from '../../conditional';
import type { HttpDeps } from '../../http-deps';
import type { OperationHandler } from '../../openapi/http-result';
import { setSummaryView } from '../../presenters/catalogue.presenter';

export const listCriterionSets =
  (deps: HttpDeps): OperationHandler =>
  async (c, req) => {
    const query = c.request.query as { status?: SetStatus[]; category?: ProductCategory };
    const { index, sets } = await deps.catalogue.listSets({ ...(query.status ? { status: query.status } : {}), ...(query.category ? { category: query.category } : {}) });
    const etag = quoteEtag(sha256(`${index.fingerprint}?${JSON.stringify(query)}`).slice(0, 27));
    return cacheable(req, etag, catalogueCacheControl(req, 60, query.status?.includes('draft') === true), () => ({ items: sets.map(setSummaryView), total: sets.length }));
  };
