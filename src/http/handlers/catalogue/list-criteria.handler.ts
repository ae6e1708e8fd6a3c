import { sha256 } from '../../../domain/catalogue/catalogue.hash';
import { cacheable, catalogueCacheControl, quoteEtag } from '../../conditional';
import type { HttpDeps } from '../../http-deps';
import { JsonText, type OperationHandler } from '../../openapi/http-result';
import { API_BASE } from '../../../domain/api-paths';
import { criterionJson, jsonArrayBytes } from '../../presenters/catalogue.presenter';
import { RepresentationCache } from '../../representation-cache';
import { criteriaFilter } from './criteria-filter.params';
import { pageLinks } from '../../presenters/page-links';
import { pageParams } from '../request-params';

interface Answer {
  readonly etag: string;
  /** Whether drafts are listed: the Cache-Control itself depends on the caller, so it is not cached. */
  readonly draft: boolean;
  readonly body: JsonText;
}

export const listCriteria = (deps: HttpDeps): OperationHandler => {
  // The answer depends only on the catalogue state and the query (links echo the query), never on
  // the caller: the same query against the same catalogue is served from its cached bytes.
  const answers = new RepresentationCache<Answer>();
  return async (c, req) => {
    const key = JSON.stringify(req.query);
    const current = await deps.catalogue.reader.index();
    const answer = answers.get(current, key) ?? (await compute());
    return cacheable(req, answer.etag, catalogueCacheControl(req, 60, answer.draft), () => answer.body);

    async function compute(): Promise<Answer> {
      const filter = criteriaFilter(c);
      const { page, pageSize } = pageParams(c);
      const result = await deps.catalogue.findCriteria(filter, page, pageSize);
      const links = pageLinks(`${API_BASE}/criteria`, req.query, page, result.page.lastPage);
      const tail = `],"page":${page},"pageSize":${pageSize},"total":${result.page.total},"links":${JSON.stringify(links)}}`;
      const computed: Answer = {
        etag: quoteEtag(sha256(`${result.index.fingerprint}?${JSON.stringify({ filter, page, pageSize })}`).slice(0, 27)),
        draft: filter.status?.includes('draft') === true,
        body: new JsonText(jsonArrayBytes('{"items":[', result.page.items.map(criterionJson), tail)),
      };
      answers.set(result.index, key, computed);
      return computed;
    }
  };
};
