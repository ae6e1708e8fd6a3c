import type { HttpDeps } from '../http-deps';
import type { OperationHandler } from '../openapi/http-result';

export const getOutboxStatus =
  (deps: HttpDeps): OperationHandler =>
  async () => ({ status: 200, body: await deps.outbox(), headers: { 'Cache-Control': 'no-store' } });
