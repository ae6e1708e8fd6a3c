import { requestBody, type Schema } from '../../openapi/contract.types';
import { toProblemInput } from '../../error-mapping';
import type { HttpDeps } from '../../http-deps';
import type { OperationHandler } from '../../openapi/http-result';
import { assessmentLocation, assessmentView } from '../../presenters/compliance.presenter';
import { buildProblem } from '../../problem';
import { requestContext } from '../../request-context';
import { commandContext } from '../caller';

const idempotencyKey = (headers: unknown): string | undefined => (headers as Record<string, string | undefined>)['idempotency-key'];

export const createComplianceCheck =
  (deps: HttpDeps): OperationHandler =>
  async (c, _req, res) => {
    const cmd = commandContext(c, res);
    const { assessment, replayed } = await deps.compliance.check(requestBody(c, 'createComplianceCheck'), cmd, idempotencyKey(c.request.headers));
    return { status: replayed ? 200 : 201, body: assessmentView(assessment, true), headers: { Location: assessmentLocation(assessment.id) } };
  };

export const createComplianceCheckBatch =
  (deps: HttpDeps): OperationHandler =>
  async (c, req, res) => {
    const ctx = requestContext(res);
    const { profile, outcomes } = await deps.compliance.batch(requestBody(c, 'createComplianceCheckBatch'), commandContext(c, res), idempotencyKey(c.request.headers));
    const results = outcomes.map((o) => {
      if (o.kind === 'failed') {
        const problem = buildProblem(toProblemInput(o.error), req.path, ctx.requestId);
        return { index: o.index, status: problem.status, problem };
      }
      const { summary } = o.assessment;
      return {
        index: o.index,
        status: o.kind === 'created' ? 201 : 200,
        assessmentId: o.assessment.id,
        location: assessmentLocation(o.assessment.id),
        compliant: summary.compliant,
        awardScorePct: summary.awardScorePct,
      };
    });
    const count = (kind: string) => outcomes.filter((o) => o.kind === kind).length;
    const body: Schema<'ComplianceCheckBatchResult'> = { profileId: profile.id, total: outcomes.length, created: count('created'), replayed: count('replayed'), failed: count('failed'), results };
    return { status: 200, body };
  };
