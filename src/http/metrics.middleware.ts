import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from '../infra/metrics/metrics';
import { routeLabel } from './request-context';

/** Observes every request by route template (never the raw path, which would explode cardinality). */
export function metricsMiddleware(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      end({ method: req.method, route: routeLabel(req, res), status_code: String(res.statusCode) });
    });
    next();
  };
}
