/**
 * The summary of one item's results: whether the mandatory criteria (TS, SC) are met, and the
 * award score. Only outcomes that say something about the offer (pass, fail, evidence_missing)
 * count: a criterion that does not apply, or that the profile left unevaluable, neither blocks
 * compliance nor dilutes the award score.
 */
import type { AssessmentSummary, CriterionResult, MissingEvidence, Outcome } from './compliance.types';

function isScored(outcome: Outcome): boolean {
  return outcome === 'pass' || outcome === 'fail' || outcome === 'evidence_missing';
}

export function summarise(results: readonly CriterionResult[]): AssessmentSummary {
  const counts: Record<Outcome, number> = { pass: 0, fail: 0, evidence_missing: 0, not_evaluated: 0, not_applicable: 0 };
  let mandatoryTotal = 0;
  let mandatoryPassed = 0;
  let mandatoryFailed = 0;
  let mandatoryMissingEvidence = 0;
  let awardPoints = 0;
  let awardMaxPoints = 0;
  const missingEvidence: MissingEvidence[] = [];

  for (const r of results) {
    counts[r.outcome] += 1;
    if (!isScored(r.outcome)) continue;
    if (r.type === 'TS' || r.type === 'SC') {
      mandatoryTotal += 1;
      if (r.outcome === 'pass') mandatoryPassed += 1;
      else if (r.outcome === 'fail') mandatoryFailed += 1;
      else mandatoryMissingEvidence += 1;
      if (r.missing !== undefined) missingEvidence.push(...r.missing);
    } else if (r.type === 'AC') {
      awardPoints += r.points ?? 0;
      awardMaxPoints += r.maxPoints ?? 0;
      if (r.missing !== undefined) missingEvidence.push(...r.missing);
    }
  }

  const compliant = mandatoryFailed > 0 ? false : mandatoryMissingEvidence > 0 ? 'undetermined' : true;
  // Rounded sums: points such as 0.3 × 7 must not show float noise in the summary.
  awardPoints = Math.round(awardPoints * 1e6) / 1e6;
  awardMaxPoints = Math.round(awardMaxPoints * 1e6) / 1e6;
  const awardScorePct = awardMaxPoints > 0 ? Math.round((awardPoints / awardMaxPoints) * 1000) / 10 : 0;
  return {
    mandatoryTotal, mandatoryPassed, mandatoryFailed, mandatoryMissingEvidence,
    compliant, awardPoints, awardMaxPoints, awardScorePct, missingEvidence, counts,
  };
}
