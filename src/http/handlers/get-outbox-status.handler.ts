import type { Schema } from '../openapi/contract.types';
import type { HttpDeps } from '../http-deps';
import type { OperationHandler } from '../openapi/http-result';

export const getOutboxStatus =
  (deps: HttpDeps): OperationHandler =>
  async () => {
    const body: Schema<'OutboxStatus'> = await deps.outbox();
    return { status: 200, body, headers: { 'Cache-Control': 'no-store' } };
  };
