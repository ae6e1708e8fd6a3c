import { invalid } from '../errors';
import { summarise } from './assessment.summary';
import type { AssessmentSummary, Offer, Outcome } from './compliance.types';
import { evaluateCriterion } from './criterion.evaluator';
import type { Assessment, ItemAssessment, OfferSummary } from './assessment.types';
import type { TenderProfile } from './tender-profile.types';

export interface AssessmentMeta {
  id: string;
  evaluatedAt: string;
  assessmentDate: string;
  requestHash: string;
  createdBy: string;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Combines item summaries: an offer is non-compliant if any item is, undetermined if any item is,
 * and scores the mean of its items' award points, so offers with different numbers of items rank
 * on the same scale.
 */
export function combineSummaries(items: readonly ItemAssessment[]): OfferSummary {
  const summaries = items.map((i) => i.summary);
  const sum = (f: (s: AssessmentSummary) => number) => summaries.reduce((n, s) => n + f(s), 0);
  const counts = { pass: 0, fail: 0, evidence_missing: 0, not_evaluated: 0, not_applicable: 0 } as Record<Outcome, number>;
  for (const s of summaries) for (const k of Object.keys(counts) as Outcome[]) counts[k] += s.counts[k];
  const awardPoints = round1(sum((s) => s.awardPoints) / Math.max(1, items.length));
  const awardMaxPoints = round1(sum((s) => s.awardMaxPoints) / Math.max(1, items.length));
  return {
    mandatoryTotal: sum((s) => s.mandatoryTotal),
    mandatoryPassed: sum((s) => s.mandatoryPassed),
    mandatoryFailed: sum((s) => s.mandatoryFailed),
    mandatoryMissingEvidence: sum((s) => s.mandatoryMissingEvidence),
    compliant: summaries.some((s) => s.compliant === false) ? false : summaries.some((s) => s.compliant === 'undetermined') ? 'undetermined' : true,
    awardPoints,
    awardMaxPoints,
    awardScorePct: awardMaxPoints > 0 ? round1((awardPoints / awardMaxPoints) * 100) : 0,
    missingEvidence: items.flatMap((i) => i.summary.missingEvidence.map((m) => ({ ...m, itemIndex: i.itemIndex }))),
    counts,
  };
}

/** Assesses every item of an offer against a profile. Pure: the caller stores the result. */
export function assessOffer(profile: TenderProfile, offer: Offer, meta: AssessmentMeta, base = '/body/offer'): Assessment {
  const wrong = offer.items.flatMap((item, i) =>
    item.category === profile.category ? [] : [{ pointer: `${base}/items/${i}/category`, reason: `the tender profile is for ${profile.category}, not ${item.category}` }],
  );
  if (wrong.length > 0) throw invalid('Offered items do not match the tender profile', wrong);
  const offerId = offer.id ?? meta.id;
  const single = profile.criterionSets.length === 1 ? profile.criterionSets[0] : undefined;
  const items: ItemAssessment[] = offer.items.map((item, itemIndex) => {
    const input = { item, supplier: offer.supplier, services: offer.services ?? [], assessmentDate: meta.assessmentDate };
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
    summary: combineSummaries(items),
    offer,
    requestHash: meta.requestHash,
    createdBy: meta.createdBy,
  };
}
