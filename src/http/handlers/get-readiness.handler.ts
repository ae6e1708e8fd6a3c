import type { ReadinessReport } from '../../domain/health/readiness';
import type { HttpDeps } from '../http-deps';
import type { OperationHandler } from '../openapi/http-result';
import { requestContext } from '../request-context';
import type { Response } from 'express';

/** Starting and stopping are expected states (every rollout passes through them): info, not error. */
export function markUnavailable(res: Response, report: ReadinessReport): void {
  requestContext(res).unavailableLogLevel = report.checks.startup || report.checks.shutdown ? 'info' : 'warn';
}

export const getReadiness =
  (deps: HttpDeps): OperationHandler =>
  async (_c, _req, res) => {
    const report = await deps.readiness();
    if (report.status !== 'ready') markUnavailable(res, report);
    return { status: report.status === 'ready' ? 200 : 503, body: report, headers: { 'Cache-Control': 'no-store' } };
  };
