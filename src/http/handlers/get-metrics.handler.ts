import type { HttpDeps } from '../http-deps';
import type { OperationHandler } from '../openapi/http-result';

export const getMetrics =
  (deps: HttpDeps): OperationHandler =>
  async () => ({
    status: 200,
    body: await deps.metrics.registry.metrics(),
    contentType: deps.metrics.registry.contentType,
  });
