import type { HttpDeps } from '../http-deps';
import type { OperationHandler } from '../openapi/http-result';
import { requestContext } from '../request-context';

export const getReadiness =
  (deps: HttpDeps): OperationHandler =>
  async (_c, _req, res) => {
    const report = await deps.readiness();
    if (report.status !== 'ready') {
      // Starting and stopping are expected states (every rollout passes through them).
      requestContext(res).unavailableLogLevel = report.checks.startup || report.checks.shutdown ? 'info' : 'warn';
    }
    return { status: report.status === 'ready' ? 200 : 503, body: report, headers: { 'Cache-Control': 'no-store' } };
  };
