import { summarise } from './assessment.summary';
import type { AssessmentSummary, EvaluationInput, MissingEvidence, Offer, Outcome } from './compliance.types';
import { evaluateCriterion } from './criterion.evaluator';
import type { Assessment, ItemAssessment, OfferSummary } from './assessment.types';
import type { ScoreAggregation, TenderProfile } from './tender-profile.types';

export interface AssessmentMeta {
  id: string;
  evaluatedAt: string;
  assessmentDate: string;
  requestHash: string;
  createdBy: string;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

function withItem<T extends object>(items: readonly ItemAssessment[], pick: (s: AssessmentSummary) => readonly T[]): (T & { itemIndex: number })[] {
  return items.flatMap((i) => pick(i.summary).map((m) => ({ ...m, itemIndex: i.itemIndex })));
}

/** A commitment (contract clause) is the offer's, not an item's: listed once, at its first item. */
function uniqueCommitments(items: readonly ItemAssessment[]): (MissingEvidence & { itemIndex: number })[] {
  const seen = new Set<string>();
  return withItem(items, (s) => s.commitmentsToObtain).filter((m) => {
    const key = `${m.criterionId}|${m.property ?? ''}|${m.statement ?? ''}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * Combines item summaries: an offer is non-compliant if any item is, undetermined if any item is.
 * Its award score is the average of the items that can score (an accessory with no award criterion
 * does not dilute it), weighted by quantity unless the profile asks for the plain mean, so that
 * 500 notebooks weigh more than 5 docking stations.
 */
export function combineSummaries(items: readonly ItemAssessment[], aggregation: ScoreAggregation = 'quantityWeighted'): OfferSummary {
  const summaries = items.map((i) => i.summary);
  const sum = (f: (s: AssessmentSummary) => number) => summaries.reduce((n, s) => n + f(s), 0);
  const counts = { pass: 0, fail: 0, evidence_missing: 0, not_evaluated: 0, not_applicable: 0 } as Record<Outcome, number>;
  for (const s of summaries) for (const k of Object.keys(counts) as Outcome[]) counts[k] += s.counts[k];
  const scoring = items.filter((i) => i.summary.awardMaxPoints > 0);
  const weight = (i: ItemAssessment) => (aggregation === 'mean' ? 1 : i.quantity);
  const total = scoring.reduce((n, i) => n + weight(i), 0);
  const weighted = (f: (s: AssessmentSummary) => number) => (total > 0 ? scoring.reduce((n, i) => n + weight(i) * f(i.summary), 0) / total : 0);
  const points = weighted((s) => s.awardPoints);
  const maxPoints = weighted((s) => s.awardMaxPoints);
  return {
    mandatoryTotal: sum((s) => s.mandatoryTotal),
    mandatoryPassed: sum((s) => s.mandatoryPassed),
    mandatoryFailed: sum((s) => s.mandatoryFailed),
    mandatoryMissingEvidence: sum((s) => s.mandatoryMissingEvidence),
    compliant: summaries.some((s) => s.compliant === false) ? false : summaries.some((s) => s.compliant === 'undetermined') ? 'undetermined' : true,
    awardPoints: round1(points),
    awardMaxPoints: round1(maxPoints),
    awardScorePct: maxPoints > 0 ? round1((points / maxPoints) * 100) : 0,
    missingEvidence: withItem(items, (s) => s.missingEvidence),
    counts,
    clausesRefused: new Set(items.flatMap((i) => i.results.filter((r) => r.type === 'CPC' && r.outcome === 'fail').map((r) => r.criterionId))).size,
    commitmentsToObtain: uniqueCommitments(items),
    toVerify: withItem(items, (s) => s.toVerify),
    conflicts: sum((s) => s.conflicts),
    scoreAggregation: aggregation,
  };
}

/** The tender's context every criterion of the profile is evaluated in. */
function contextOf(profile: TenderProfile): Omit<EvaluationInput, 'item' | 'supplier' | 'services' | 'assessmentDate'> {
  const { deliveryDate, contractEndDate, country, supply } = profile;
  return {
    ...(deliveryDate !== undefined ? { deliveryDate } : {}),
    ...(contractEndDate !== undefined ? { contractEndDate } : {}),
    ...(country !== undefined ? { country } : {}),
    ...(supply !== undefined ? { lotSupply: supply } : {}),
  };
}

/**
 * Assesses every item of an offer against a profile. Each item meets the criteria of its own
 * category; an item whose category no criterion covers (an accessory, a category outside the lot)
 * gets not_applicable results, not an error. Pure: the caller stores the result.
 */
export function assessOffer(profile: TenderProfile, offer: Offer, meta: AssessmentMeta): Assessment {
  const offerId = offer.id ?? meta.id;
  const single = profile.criterionSets.length === 1 ? profile.criterionSets[0] : undefined;
  const context = contextOf(profile);
  const items: ItemAssessment[] = offer.items.map((item, itemIndex) => {
    const input: EvaluationInput = { item, supplier: offer.supplier, services: offer.services ?? [], assessmentDate: meta.assessmentDate, ...context };
    const results = profile.criteria.map((pc) => evaluateCriterion(pc, input));
    return {
      offerId,
      itemIndex,
      ...(single ? { criterionSet: { id: single.id, version: single.version } } : {}),
      level: profile.level,
      evaluatedAt: meta.evaluatedAt,
      category: item.category,
      manufacturer: item.manufacturer,
      model: item.model,
      quantity: item.quantity ?? 1,
      results,
      summary: summarise(results),
    };
  });
  return {
    id: meta.id,
    organisation: profile.organisation,
    offerId,
    ...(offer.tenderRef ? { tenderRef: offer.tenderRef } : profile.tenderRef ? { tenderRef: profile.tenderRef } : {}),
    ...(offer.lotRef ? { lotRef: offer.lotRef } : {}),
    supplier: offer.supplier,
    profileId: profile.id,
    implicitProfile: profile.implicit,
    category: profile.category,
    level: profile.level,
    evaluatedAt: meta.evaluatedAt,
    assessmentDate: meta.assessmentDate,
    ...(single ? { criterionSet: { id: single.id, version: single.version } } : {}),
    criterionSets: profile.criterionSets,
    items,
    summary: combineSummaries(items, profile.scoreAggregation),
    offer,
    requestHash: meta.requestHash,
    createdBy: meta.createdBy,
  };
}
