import type { HttpDeps } from '../http-deps';
import { ok, type OperationHandler } from '../openapi/http-result';

export const getHealthcheck =
  (deps: HttpDeps): OperationHandler =>
  () =>
    ok({ status: 'ok', version: deps.serviceVersion, uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000) });
