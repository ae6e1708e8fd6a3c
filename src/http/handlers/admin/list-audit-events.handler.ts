import type { AuditFilter } from '../../../domain/audit/audit.types';
import type { HttpDeps } from '../../http-deps';
import type { OperationHandler } from '../../openapi/http-result';
import { API_BASE } from '../../../domain/api-paths';
import { pageLinks } from '../../presenters/page-links';
import { pageParams } from '../request-params';

export const listAuditEvents =
  (deps: HttpDeps): OperationHandler =>
  async (c, req) => {
    const q = c.request.query as Record<string, string | undefined>;
    const filter: AuditFilter = {};
    for (const key of ['action', 'actor', 'organisation', 'from', 'to'] as const) if (q[key]) filter[key] = q[key];
    if (q.outcome) filter.outcome = q.outcome as AuditFilter['outcome'];
    const { page, pageSize } = pageParams(c);
    const result = await deps.audit.list(filter, page, pageSize);
    return {
      status: 200,
      body: { items: result.items, page, pageSize, total: result.total, links: pageLinks(`${API_BASE}/audit-events`, req.query, page, result.lastPage) },
      headers: { 'Cache-Control': 'no-store' },
    };
  };
