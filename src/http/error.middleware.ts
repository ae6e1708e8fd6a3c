import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../infra/logging/logger';
import { toProblemInput } from './error-mapping';
import { buildProblem, sendProblem } from './problem';
import { requestContext } from './request-context';

/** The last middleware: every error becomes problem+json; 5xx are logged with the cause, never returned. */
export function errorMiddleware(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const ctx = requestContext(res);
    const input = toProblemInput(err);
    if (input.status >= 500) {
      logger.error({ err, requestId: ctx.requestId, correlationId: ctx.correlationId }, 'request failed');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const headers: Record<string, string> = { ...(input.status === 503 ? { 'Retry-After': '5' } : {}), ...input.headers };
    sendProblem(res, buildProblem(input, req.originalUrl.split('?')[0] ?? '/', ctx.requestId), headers);
  };
}
