/**
 * Assessments stored before verification states, contract clauses and quantities were recorded
 * lack those fields. Reading one fills them with what the old engine meant (nothing pending, no
 * clause refused, quantity 1), so old and new assessments answer the same contract.
 */
import type { AssessmentSummary } from './compliance.types';
import type { Assessment, ItemAssessment } from './assessment.types';

function upgradeSummary<S extends AssessmentSummary>(s: S): S {
  return { ...s, clausesRefused: s.clausesRefused ?? 0, commitmentsToObtain: s.commitmentsToObtain ?? [], toVerify: s.toVerify ?? [], conflicts: s.conflicts ?? 0 };
}

export function upgradeAssessment(a: Assessment): Assessment {
  if (a.summary.toVerify !== undefined && a.summary.scoreAggregation !== undefined) return a;
  const items: ItemAssessment[] = a.items.map((i) => ({ ...i, quantity: i.quantity ?? 1, summary: upgradeSummary(i.summary) }));
  return { ...a, items, summary: { ...upgradeSummary(a.summary), scoreAggregation: a.summary.scoreAggregation ?? 'mean' } };
}
