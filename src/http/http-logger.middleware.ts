import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../infra/logging/logger';
import { requestContext, routeLabel } from './request-context';

/**
 * One JSON line per request with the fields operators search by. Headers are not logged at all,
 * so credentials cannot leak through them; the GovStack Information-Mediator-Client is.
 */
export function httpLoggerMiddleware(logger: Logger) {
  const fields = (req: IncomingMessage, res: ServerResponse, responseTime: number) => {
    const ctx = requestContext(res as Response);
    return {
      method: req.method,
      route: routeLabel(req as Request, res as Response),
      operationId: ctx.operationId,
      status: res.statusCode,
      durationMs: responseTime,
      correlationId: ctx.correlationId,
      imClient: ctx.imClient,
      // Who was served, so that access decisions on reads are logged too (never credentials).
      actor: ctx.principal?.subject,
      organisation: ctx.principal?.organisation,
    };
  };
  return pinoHttp({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    genReqId: (_req, res) => requestContext(res as Response).requestId,
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, val: { responseTime: number }) => fields(req, res, val.responseTime),
    customErrorObject: (req, res, _err, val: { responseTime: number }) => fields(req, res, val.responseTime),
  });
}
