import type { HttpDeps } from '../http-deps';
import type { OperationHandler } from '../openapi/http-result';

export const getReadiness =
  (deps: HttpDeps): OperationHandler =>
  async () => {
    const report = await deps.readiness();
    return { status: report.status === 'ready' ? 200 : 503, body: report, headers: { 'Cache-Control': 'no-store' } };
  };
