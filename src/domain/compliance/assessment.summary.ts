/**
 * The summary of one item's results. Technical specifications and selection criteria decide
 * compliance (a fail → non-compliant, evidence missing → undetermined); contract performance
 * clauses decide it too when the offer declares it will not meet one, and an undeclared clause is
 * a commitment the officer must obtain, not a reason to doubt the offer. Only outcomes that say
 * something about the offer (pass, fail, evidence_missing) count: a criterion that does not apply,
 * or that the profile left unevaluable, neither blocks compliance nor dilutes the award score.
 */
import type { AssessmentSummary, CriterionResult, MissingEvidence, Outcome, PendingVerification } from './compliance.types';

function isScored(outcome: Outcome): boolean {
  return outcome === 'pass' || outcome === 'fail' || outcome === 'evidence_missing';
}

export function summarise(results: readonly CriterionResult[]): AssessmentSummary {
  const counts: Record<Outcome, number> = { pass: 0, fail: 0, evidence_missing: 0, not_evaluated: 0, not_applicable: 0 };
  let mandatoryTotal = 0;
  let mandatoryPassed = 0;
  let mandatoryFailed = 0;
  let mandatoryMissingEvidence = 0;
  let clausesRefused = 0;
  let conflicts = 0;
  let awardPoints = 0;
  let awardMaxPoints = 0;
  const missingEvidence: MissingEvidence[] = [];
  const commitmentsToObtain: MissingEvidence[] = [];
  const toVerify: PendingVerification[] = [];

  for (const r of results) {
    counts[r.outcome] += 1;
    if (r.conflict === true) conflicts += 1;
    if (r.pendingVerification === true) {
      toVerify.push({ criterionId: r.criterionId, acceptedEvidence: r.verifyWith ?? [], reason: 'the pass rests on the supplier\'s declaration, which this criterion does not accept as proof' });
    }
    if (!isScored(r.outcome)) continue;
    if (r.type === 'TS' || r.type === 'SC') {
      mandatoryTotal += 1;
      if (r.outcome === 'pass') mandatoryPassed += 1;
      else if (r.outcome === 'fail') mandatoryFailed += 1;
      else mandatoryMissingEvidence += 1;
      if (r.missing !== undefined) missingEvidence.push(...r.missing);
    } else if (r.type === 'CPC') {
      if (r.outcome === 'fail') clausesRefused += 1;
      else if (r.outcome === 'evidence_missing') commitmentsToObtain.push(...(r.missing ?? [{ criterionId: r.criterionId, acceptedEvidence: [] }]));
    } else if (r.type === 'AC') {
      awardPoints += r.points ?? 0;
      awardMaxPoints += r.maxPoints ?? 0;
      if (r.missing !== undefined) missingEvidence.push(...r.missing);
    }
  }

  const compliant = mandatoryFailed > 0 || clausesRefused > 0 ? false : mandatoryMissingEvidence > 0 ? 'undetermined' : true;
  // Rounded sums: points such as 0.3 × 7 must not show float noise in the summary.
  awardPoints = Math.round(awardPoints * 1e6) / 1e6;
  awardMaxPoints = Math.round(awardMaxPoints * 1e6) / 1e6;
  const awardScorePct = awardMaxPoints > 0 ? Math.round((awardPoints / awardMaxPoints) * 1000) / 10 : 0;
  return {
    mandatoryTotal, mandatoryPassed, mandatoryFailed, mandatoryMissingEvidence,
    compliant, awardPoints, awardMaxPoints, awardScorePct, missingEvidence, counts,
    clausesRefused, commitmentsToObtain, toVerify, conflicts,
  };
}
