import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../infra/logging/logger';
import { PROBES } from './probes.middleware';
import { requestContext, routeLabel } from './request-context';

/**
 * One JSON line per request with the fields operators search by. Headers are not logged at all,
 * so credentials cannot leak through them; the GovStack Information-Mediator-Client is.
 *
 * Written by hand rather than with pino-http: pino-http builds a child logger per request, and
 * pino redacts the child's bindings each time — about 10 % of the CPU of a /healthcheck under load
 * (docs/performance.md). One child, made once, logs a flat object per request; it skips redaction,
 * which halves the cost of a line, because every field below is chosen here and none is a secret.
 */
export function httpLoggerMiddleware(root: Logger) {
  const logger = root.child({}, { redact: { paths: [] } });
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    let logged = false;
    const log = (finished: boolean) => {
      if (logged) return;
      logged = true;
      const ctx = requestContext(res);
      // Successful probes arrive every few seconds from every kubelet: noise at info level.
      const probe = ctx.route !== undefined && ctx.route in PROBES && res.statusCode < 400;
      const level = !finished ? 'warn' : res.statusCode >= 500 ? (ctx.unavailableLogLevel ?? 'error') : probe ? 'debug' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          requestId: ctx.requestId,
          method: req.method,
          route: routeLabel(req, res),
          operationId: ctx.operationId,
          status: res.statusCode,
          durationMs: Math.round(performance.now() - started),
          correlationId: ctx.correlationId,
          imClient: ctx.imClient,
          // Who was served, so that access decisions on reads are logged too (never credentials).
          actor: ctx.principal?.subject,
          organisation: ctx.principal?.organisation,
        },
        finished ? 'request completed' : 'request aborted before the response was sent',
      );
    };
    res.once('finish', () => log(true));
    res.once('close', () => log(res.writableFinished));
    next();
  };
}
