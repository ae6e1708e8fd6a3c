import type { NextFunction, Request, Response } from 'express';
import type { AuditLog } from '../infra/audit/audit.log';
import { requestContext } from './request-context';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SECURITY_ACTIONS: Record<number, { action: string; outcome: 'failure' | 'denied' }> = {
  401: { action: 'authentication.failed', outcome: 'failure' },
  403: { action: 'authorization.denied', outcome: 'denied' },
  429: { action: 'rate-limit.exceeded', outcome: 'denied' },
};

/**
 * Audits, when the response is sent: every change (a mutating operation of the contract, whatever
 * its outcome, so no new endpoint can be forgotten) and every authentication failure, permission
 * denial and rate-limit refusal. The trail stores the refusals counted per client and window
 * (AuditLog), since anyone can cause them without credentials.
 */
export function auditMiddleware(audit: AuditLog) {
  return (req: Request, res: Response, next: NextFunction): void => {
    res.on('finish', () => {
      const ctx = requestContext(res);
      const security = SECURITY_ACTIONS[res.statusCode];
      if (!security && !(MUTATING.has(req.method) && ctx.operationId)) return;
      const principal = ctx.principal;
      audit.record({
        action: security?.action ?? ctx.operationId ?? req.method,
        outcome: security?.outcome ?? (res.statusCode < 400 ? 'success' : 'failure'),
        status: res.statusCode,
        actor: principal?.subject ?? 'anonymous',
        ...(principal?.organisation ? { organisation: principal.organisation } : {}),
        ...(principal ? { authentication: principal.kind } : {}),
        resource: `${req.method} ${req.originalUrl.split('?')[0] ?? ''}`,
        ...(req.ip ? { clientAddress: req.ip } : {}),
        ...(ctx.imClient ? { imClient: ctx.imClient } : {}),
        requestId: ctx.requestId,
        correlationId: ctx.correlationId,
        ...(ctx.authFailure ? { detail: ctx.authFailure } : {}),
      });
    });
    next();
  };
}
