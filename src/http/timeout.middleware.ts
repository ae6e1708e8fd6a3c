import type { NextFunction, Request, Response } from 'express';
import { buildProblem, sendProblem } from './problem';
import { requestContext } from './request-context';

/**
 * Bounds how long a request may take: past the limit the client gets a 503 problem (and can
 * retry) instead of a hanging connection; the late result, if any, is discarded.
 */
export function timeoutMiddleware(timeoutMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      const problem = buildProblem({ status: 503, code: 'REQUEST_TIMEOUT', detail: `The request took longer than ${timeoutMs} ms; retry later` }, req.path, requestContext(res).requestId);
      sendProblem(res, problem, { 'Retry-After': '1' });
    }, timeoutMs);
    timer.unref();
    res.on('finish', () => clearTimeout(timer));
    res.on('close', () => clearTimeout(timer));
    next();
  };
}
