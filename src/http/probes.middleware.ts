import type { NextFunction, Request, Response } from 'express';
import { writeResult, type OperationHandler } from './openapi/http-result';
import { requestContext } from './request-context';

/** Probe paths of the contract and their operations. They take no input beyond the path. */
export const PROBES: Readonly<Record<string, string>> = {
  '/healthcheck': 'getHealthcheck',
  '/health/live': 'getLiveness',
  '/health/ready': 'getReadiness',
};

/**
 * Answers the probes ahead of the contract pipeline. Kubernetes and the GovStack harness call them
 * every few seconds on every replica; they take no parameters, need no authentication and have
 * nothing to validate, so routing them through openapi-backend would only add cost (~60 % of a
 * /healthcheck's CPU, docs/performance.md). Their responses are still the contract's (the tests
 * validate them), they keep their request ids, metrics and security headers, and the request log
 * records them at debug level only.
 */
export function probesMiddleware(handlers: Readonly<Record<string, OperationHandler>>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const operationId = PROBES[req.path];
    const handler = operationId ? handlers[operationId] : undefined;
    if (!handler || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const ctx = requestContext(res);
    ctx.route = req.path;
    ctx.operationId = operationId;
    const result = handler(undefined as never, req, res);
    // Liveness answers synchronously: no promise round trip for the probe called most often.
    if (result instanceof Promise) result.then((r) => writeResult(res, r), next);
    else writeResult(res, result);
  };
}
