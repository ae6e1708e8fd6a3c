import type { HttpDeps } from '../http-deps';
import type { OperationHandler } from '../openapi/http-result';

export const getOpenApiJson =
  (deps: HttpDeps): OperationHandler =>
  () => ({ status: 200, body: deps.contract.json, contentType: 'application/json', headers: { 'Cache-Control': 'public, max-age=300' } });
