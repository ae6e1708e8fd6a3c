import type { AssessmentFilter } from '../../../domain/compliance/compliance.store';
import type { HttpDeps } from '../../http-deps';
import type { OperationHandler } from '../../openapi/http-result';
import { assessmentCsv, assessmentHtml } from '../../presenters/assessment-report';
import { API_BASE } from '../../../domain/api-paths';
import { assessmentView } from '../../presenters/compliance.presenter';
import { pageLinks } from '../../presenters/page-links';
import { pageParams, pathParam } from '../request-params';
import { viewer } from '../caller';

export const getAssessment =
  (deps: HttpDeps): OperationHandler =>
  async (c, _req, res) => ({ status: 200, body: assessmentView(await deps.compliance.getAssessment(pathParam(c, 'assessmentId'), viewer(res)), true) });

export const listAssessments =
  (deps: HttpDeps): OperationHandler =>
  async (c, req, res) => {
    const q = c.request.query as { tenderRef?: string; profileId?: string; offerId?: string; compliant?: string };
    const filter: AssessmentFilter = {
      ...(q.tenderRef ? { tenderRef: q.tenderRef } : {}),
      ...(q.profileId ? { profileId: q.profileId } : {}),
      ...(q.offerId ? { offerId: q.offerId } : {}),
      ...(q.compliant ? { compliant: q.compliant === 'undetermined' ? 'undetermined' : q.compliant === 'true' } : {}),
    };
    const { page, pageSize } = pageParams(c);
    const result = await deps.compliance.listAssessments(filter, viewer(res), page, pageSize);
    return {
      status: 200,
      body: { items: result.items.map((a) => assessmentView(a, false)), page, pageSize, total: result.total, links: pageLinks(`${API_BASE}/assessments`, req.query, page, result.lastPage) },
    };
  };

export const getAssessmentReport =
  (deps: HttpDeps): OperationHandler =>
  async (c, _req, res) => {
    const assessment = await deps.compliance.getAssessment(pathParam(c, 'assessmentId'), viewer(res));
    if ((c.request.query as { format?: string }).format === 'csv') {
      return { status: 200, body: assessmentCsv(assessment), contentType: 'text/csv; charset=utf-8', headers: { 'Content-Disposition': `attachment; filename="assessment-${assessment.id}.csv"` } };
    }
    const profile = await deps.compliance.getProfile(assessment.profileId, viewer(res)).catch(() => undefined);
    return { status: 200, body: assessmentHtml(assessment, profile), contentType: 'text/html; charset=utf-8' };
  };
