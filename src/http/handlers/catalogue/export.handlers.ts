import type { ExportFormat, ExportResult } from '../../../domain/catalogue/catalogue.service';
import type { HttpDeps } from '../../http-deps';
import type { HttpResult, OperationHandler } from '../../openapi/http-result';
import { criteriaFilter } from './criteria-filter.params';
import { pathParam } from '../request-params';

function download(result: ExportResult): HttpResult {
  return {
    status: 200,
    body: result.body,
    contentType: result.contentType,
    headers: { 'Content-Disposition': `attachment; filename="${result.filename}"` },
  };
}

const formatOf = (query: unknown): ExportFormat => (query as { format?: ExportFormat }).format ?? 'json';

export const exportCriterionSet =
  (deps: HttpDeps): OperationHandler =>
  async (c) =>
    download(await deps.catalogue.exportSet(pathParam(c, 'setId'), formatOf(c.request.query)));

export const exportCriteria =
  (deps: HttpDeps): OperationHandler =>
  async (c) =>
    download(await deps.catalogue.exportCriteria(criteriaFilter(c), formatOf(c.request.query)));
