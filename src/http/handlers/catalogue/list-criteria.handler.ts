import { sha256 } from '../../../domain/catalogue/catalogue.hash';
import { cacheable, quoteEtag } from '../../conditional';
import type { HttpDeps } from '../../http-deps';
import { JsonText, type OperationHandler } from '../../openapi/http-result';
import { API_BASE, criterionJson, jsonArrayBytes } from '../../presenters/catalogue.presenter';
import { criteriaFilter, pageLinks, pageParams } from './query-params';

export const listCriteria =
  (deps: HttpDeps): OperationHandler =>
  async (c, req) => {
    const filter = criteriaFilter(c);
    const { page, pageSize } = pageParams(c);
    const result = await deps.catalogue.findCriteria(filter, page, pageSize);
    const etag = quoteEtag(sha256(`${result.index.fingerprint}?${JSON.stringify({ filter, page, pageSize })}`).slice(0, 27));
    const cache = filter.status?.includes('draft') ? 'no-cache' : 'public, max-age=60';
    return cacheable(req, etag, cache, () => {
      const links = pageLinks(`${API_BASE}/criteria`, req.query, page, result.page.lastPage);
      const tail = `],"page":${page},"pageSize":${pageSize},"total":${result.page.total},"links":${JSON.stringify(links)}}`;
      return new JsonText(jsonArrayBytes('{"items":[', result.page.items.map(criterionJson), tail));
    });
  };
