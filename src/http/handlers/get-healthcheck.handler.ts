import type { HttpDeps } from '../http-deps';
import type { OperationHandler } from '../openapi/http-result';
import { markUnavailable } from './get-readiness.handler';

/**
 * The GovStack harness, `helm test` and the image's HEALTHCHECK ask this one: it tells the same
 * truth as readiness, so it cannot say "ok" while the database is unreachable.
 */
export const getHealthcheck =
  (deps: HttpDeps): OperationHandler =>
  (_c, _req, res) => {
    const uptimeSeconds = () => Math.round((Date.now() - deps.startedAt) / 1000);
    const ok = () => ({ status: 200, body: { status: 'ok', version: deps.serviceVersion, uptimeSeconds: uptimeSeconds() } });
    // Answered synchronously while a recent readiness check said "ready" (see recentlyReady).
    if (deps.recentlyReady()) return ok();
    return deps.readiness().then((report) => {
      if (report.status === 'ready') return ok();
      markUnavailable(res, report);
      return { status: 503, body: { status: 'unavailable', version: deps.serviceVersion, uptimeSeconds: uptimeSeconds() }, headers: { 'Cache-Control': 'no-store' } };
    });
  };
