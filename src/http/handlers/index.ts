import type { HttpDeps } from '../http-deps';
import type { OperationHandler } from '../openapi/http-result';
import { getDocs } from './get-docs.handler';
import { getHealthcheck } from './get-healthcheck.handler';
import { getLiveness } from './get-liveness.handler';
import { getMetrics } from './get-metrics.handler';
import { getOpenApiJson } from './get-open-api-json.handler';
import { getOpenApiYaml } from './get-open-api-yaml.handler';
import { getReadiness } from './get-readiness.handler';

/** One handler per operationId of api/openapi.yaml. */
export function createHandlers(deps: HttpDeps): Record<string, OperationHandler> {
  return {
    getHealthcheck: getHealthcheck(deps),
    getLiveness: getLiveness(),
    getReadiness: getReadiness(deps),
    getMetrics: getMetrics(deps),
    getDocs: getDocs(),
    getOpenApiJson: getOpenApiJson(deps),
    getOpenApiYaml: getOpenApiYaml(deps),
  };
}
