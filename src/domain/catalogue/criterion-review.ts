/**
 * The confidence a criterion may claim follows from its review record alone: the passages a
 * reviewer quoted from the source and what is still missing. A buyer who reads `verified` must be
 * able to find the final published text that says so in the criterion itself.
 */
import type { Confidence, CriterionDefinition, CriterionSetDefinition, PassageSupport } from './catalogue.types';

const RANK: Readonly<Record<Confidence, number>> = { unverified: 0, 'partly-verified': 1, verified: 2 };

/**
 * What the final text must establish for `verified`. EU and national GPP sets define ambition
 * levels and criterion types themselves, so those must be quoted too; for laws, labels and
 * standards the level and type are this catalogue's mapping and only the requirement is quoted.
 */
export function requiredSupport(set: Pick<CriterionSetDefinition, 'eforms'>): PassageSupport[] {
  return set.eforms.bt805 === 'other' ? ['requirement'] : ['requirement', 'level', 'type'];
}

/** What the final-text passages of the review establish. */
function finalSupport(c: CriterionDefinition): Set<PassageSupport> {
  const out = new Set<PassageSupport>();
  for (const p of c.review?.passages ?? []) if (p.text === 'final') for (const s of p.supports ?? []) out.add(s);
  return out;
}

/** The highest confidence the review record supports, with the reason it is not higher. */
export function supportedConfidence(c: CriterionDefinition, set: Pick<CriterionSetDefinition, 'eforms'>): { confidence: Confidence; reason?: string } {
  const review = c.review;
  if (review === undefined || review.passages.length === 0) return { confidence: 'unverified', reason: 'the review quotes no passage of the source' };
  // A document's title page, contents or a list of criterion names is not the criterion: at least
  // one passage (of any text) must state what is required.
  if (!review.passages.some((p) => p.supports?.includes('requirement'))) {
    return { confidence: 'unverified', reason: 'no passage read states the requirement itself' };
  }
  const have = finalSupport(c);
  const lacking = requiredSupport(set).filter((s) => !have.has(s));
  if (lacking.length > 0) return { confidence: 'partly-verified', reason: `no passage of the final text establishes the ${lacking.join(', ')}` };
  if (review.missing !== undefined) return { confidence: 'partly-verified', reason: `the review names something missing: ${review.missing}` };
  return { confidence: 'verified' };
}

/** Problems of a criterion's review record, as (pointer suffix, reason) pairs. */
export function reviewProblems(c: CriterionDefinition, set: Pick<CriterionSetDefinition, 'eforms'>): { at: string; reason: string }[] {
  const problems: { at: string; reason: string }[] = [];
  const supported = supportedConfidence(c, set);
  if (RANK[c.confidence] > RANK[supported.confidence]) {
    problems.push({ at: '/confidence', reason: `"${c.confidence}" is more than the review supports (${supported.confidence}): ${supported.reason ?? ''}` });
  }
  if (c.confidence !== 'verified' && c.review !== undefined && c.review.missing === undefined) {
    problems.push({ at: '/review/missing', reason: `a ${c.confidence} criterion names what is missing for it to be verified` });
  }
  if (c.effectiveFrom !== undefined && c.effectiveUntil !== undefined && c.effectiveUntil < c.effectiveFrom) {
    problems.push({ at: '/effectiveUntil', reason: `ends (${c.effectiveUntil}) before it starts (${c.effectiveFrom})` });
  }
  return problems;
}
