import type { Response } from 'express';
import type { OperationContext } from '../request-context';
import type { CommandContext } from '../../domain/command-context';
import { isAdmin, viewerOf, type Viewer } from '../../domain/security/principal';
import { requestContext } from '../request-context';

export function actorOf(c: OperationContext, imClient?: string): string {
  const header = (c.request.headers as Record<string, string | string[] | undefined>)['x-actor'];
  return (typeof header === 'string' && header.trim()) || imClient || 'anonymous';
}

/**
 * Who asks and in which business transaction: recorded in history, events and the audit trail.
 * The actor is the authenticated subject; X-Actor is honoured only without authentication
 * (AUTH_MODE=none, the local default).
 */
export function commandContext(c: OperationContext, res: Response): CommandContext {
  const ctx = requestContext(res);
  const principal = ctx.principal;
  const actor = principal && principal.kind !== 'none' ? principal.subject : actorOf(c, ctx.imClient);
  return {
    actor,
    organisation: principal?.organisation ?? 'local',
    admin: principal ? isAdmin(principal) : false,
    correlationId: ctx.correlationId,
    ...(ctx.imClient ? { imClient: ctx.imClient } : {}),
  };
}

/** What the caller may read of organisation-owned data. */
export function viewer(res: Response): Viewer {
  const principal = requestContext(res).principal;
  return principal ? viewerOf(principal) : { organisation: '', admin: false };
}
