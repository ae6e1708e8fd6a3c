import type { HttpDeps } from '../http-deps';
import type { OperationHandler } from '../openapi/http-result';

export const getOpenApiYaml =
  (deps: HttpDeps): OperationHandler =>
  () => ({ status: 200, body: deps.contract.yaml, contentType: 'application/yaml', headers: { 'Cache-Control': 'public, max-age=300' } });
