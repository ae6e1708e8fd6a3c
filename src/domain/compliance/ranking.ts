import type { Assessment } from './assessment.types';

export interface RankingEntry {
  rank: number;
  assessmentId: string;
  offerId: string;
  supplierName: string;
  compliant: boolean | 'undetermined';
  awardPoints: number;
  awardMaxPoints: number;
  awardScorePct: number;
  evaluatedAt: string;
  /** Passes the officer must still verify before award (they rest on unaccepted declarations). */
  pendingVerification: number;
  reason: string;
}

const GROUP = (c: boolean | 'undetermined'): number => (c === true ? 0 : c === 'undetermined' ? 1 : 2);

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

/** What the officer still has to do for this offer, appended to its reason. */
function toDo(a: Assessment): string {
  const s = a.summary;
  const parts: string[] = [];
  if (s.toVerify.length > 0) parts.push(`verify before award: ${unique(s.toVerify.map((v) => v.criterionId)).join(', ')}`);
  if (s.commitmentsToObtain.length > 0) parts.push(`obtain commitments: ${unique(s.commitmentsToObtain.map((m) => m.criterionId)).join(', ')}`);
  if (s.conflicts > 0) parts.push(`${s.conflicts} declared value(s) contradict a label claim`);
  return parts.length > 0 ? `; ${parts.join('; ')}` : '';
}

function reasonFor(a: Assessment): string {
  const s = a.summary;
  const score = `${s.awardPoints} of ${s.awardMaxPoints} award points (${s.awardScorePct} %)`;
  if (s.compliant === true) return `compliant with all ${s.mandatoryTotal} mandatory criteria; ${score}${toDo(a)}`;
  if (s.compliant === 'undetermined') {
    const ids = unique(s.missingEvidence.map((m) => m.criterionId));
    return `undetermined: evidence missing for ${ids.join(', ')}; ranked after compliant offers; ${score}${toDo(a)}`;
  }
  const failed = unique(a.items.flatMap((i) => i.results.filter((r) => r.outcome === 'fail' && (r.type === 'TS' || r.type === 'SC' || r.type === 'CPC')).map((r) => r.criterionId)));
  return `non-compliant: fails ${failed.join(', ')}; ranked last; ${score}${toDo(a)}`;
}

/**
 * The latest assessment of each offer, compliant first, then undetermined, then non-compliant;
 * within a group by award score (percentage, then points), then by who was assessed first.
 */
export function rankAssessments(assessments: readonly Assessment[]): RankingEntry[] {
  const latest = new Map<string, Assessment>();
  for (const a of assessments) {
    const seen = latest.get(a.offerId);
    if (!seen || seen.evaluatedAt < a.evaluatedAt) latest.set(a.offerId, a);
  }
  return [...latest.values()]
    .sort(
      (a, b) =>
        GROUP(a.summary.compliant) - GROUP(b.summary.compliant) ||
        b.summary.awardScorePct - a.summary.awardScorePct ||
        b.summary.awardPoints - a.summary.awardPoints ||
        a.evaluatedAt.localeCompare(b.evaluatedAt) ||
        a.id.localeCompare(b.id),
    )
    .map((a, i) => ({
      rank: i + 1,
      assessmentId: a.id,
      offerId: a.offerId,
      supplierName: a.supplier.name,
      compliant: a.summary.compliant,
      awardPoints: a.summary.awardPoints,
      awardMaxPoints: a.summary.awardMaxPoints,
      awardScorePct: a.summary.awardScorePct,
      evaluatedAt: a.evaluatedAt,
      pendingVerification: a.summary.toVerify.length,
      reason: reasonFor(a),
    }));
}
