import type { Connection, mongo } from 'mongoose';
import type { Outcome } from '../../../domain/compliance/compliance.types';
import type { CriteriaStatistics, CriterionTally, StatisticsFilter, StatisticsStore, TenderStatistics } from '../../../domain/compliance/statistics.types';
import type { AssessmentDocument, Verdict } from './assessment.document';

type Measure = Exclude<keyof CriterionTally, 'criterionId' | 'assessed'>;
/** Each measure is one `$match` on the unwound results. */
const MEASURES: Record<Measure, Record<string, unknown>> = {
  pass: { 'results.outcome': 'pass' satisfies Outcome },
  fail: { 'results.outcome': 'fail' satisfies Outcome },
  evidenceMissing: { 'results.outcome': 'evidence_missing' satisfies Outcome },
  notEvaluated: { 'results.outcome': 'not_evaluated' satisfies Outcome },
  notApplicable: { 'results.outcome': 'not_applicable' satisfies Outcome },
  pendingVerification: { 'results.outcome': 'pass' satisfies Outcome, 'results.pendingVerification': true },
};

/**
 * Statistics over the stored assessments, computed by aggregation pipelines in the database:
 * Node receives one row per criterion and measure, never an assessment. The pipelines use only
 * what MongoDB and FerretDB 1.x both run ($match, $unwind of a top-level array, $group on one
 * field path with $sum): FerretDB has no $cond, $facet or compound group keys, so each measure is
 * its own pipeline (run side by side) instead of one $group with conditional sums.
 */
export class MongoStatisticsStore implements StatisticsStore {
  private readonly collection: mongo.Collection<AssessmentDocument>;

  constructor(connection: Connection) {
    this.collection = connection.collection<AssessmentDocument>('assessments');
  }

  async criteria(filter: StatisticsFilter & { organisation?: string }): Promise<CriteriaStatistics> {
    const match = assessmentMatch(filter);
    const [assessments, criteria] = await Promise.all([this.collection.countDocuments(match), this.tally(match, resultMatch(filter))]);
    return { assessments, criteria };
  }

  async tender(tenderRef: string, organisation?: string): Promise<TenderStatistics> {
    const match = assessmentMatch({ tenderRef, ...(organisation ? { organisation } : {}) });
    const [criteria, offers, verdicts] = await Promise.all([
      this.tally(match, {}),
      this.collection.aggregate<{ n: number }>([{ $match: match }, { $group: { _id: '$offerId' } }, { $count: 'n' }]).toArray(),
      this.collection.aggregate<{ _id: Verdict; n: number }>([{ $match: match }, { $group: { _id: '$verdict', n: { $sum: 1 } } }]).toArray(),
    ]);
    const byVerdict = (v: Verdict) => verdicts.find((r) => r._id === v)?.n ?? 0;
    const compliant = byVerdict('compliant');
    const nonCompliant = byVerdict('non_compliant');
    const undetermined = byVerdict('undetermined');
    return { tenderRef, assessments: compliant + nonCompliant + undetermined, offers: offers[0]?.n ?? 0, verdicts: { compliant, nonCompliant, undetermined }, criteria };
  }

  private async tally(match: Record<string, unknown>, results: Record<string, unknown>): Promise<CriterionTally[]> {
    const rows = await Promise.all(
      Object.entries(MEASURES).map(async ([measure, condition]) => {
        const pipeline = [{ $match: match }, { $unwind: '$results' }, { $match: { ...results, ...condition } }, { $group: { _id: '$results.criterionId', n: { $sum: 1 } } }];
        return { measure: measure as Measure, counts: await this.collection.aggregate<{ _id: string; n: number }>(pipeline).toArray() };
      }),
    );
    const tallies = new Map<string, CriterionTally>();
    for (const { measure, counts } of rows) {
      for (const { _id, n } of counts) {
        const t = tallies.get(_id) ?? { criterionId: _id, assessed: 0, pass: 0, fail: 0, evidenceMissing: 0, notEvaluated: 0, notApplicable: 0, pendingVerification: 0 };
        t[measure] = n;
        tallies.set(_id, t);
      }
    }
    for (const t of tallies.values()) t.assessed = t.pass + t.fail + t.evidenceMissing + t.notEvaluated;
    return [...tallies.values()].sort((a, b) => a.criterionId.localeCompare(b.criterionId));
  }
}

function assessmentMatch(f: StatisticsFilter & { organisation?: string }): Record<string, unknown> {
  const evaluatedAt = { ...(f.from ? { $gte: new Date(f.from) } : {}), ...(f.to ? { $lt: new Date(f.to) } : {}) };
  return {
    ...(f.organisation ? { organisation: f.organisation } : {}),
    ...(f.tenderRef ? { tenderRef: f.tenderRef } : {}),
    ...(f.from || f.to ? { evaluatedAt } : {}),
    ...(f.criterionSetId ? { 'results.setId': f.criterionSetId } : {}),
    ...(f.category ? { 'results.category': f.category } : {}),
  };
}

function resultMatch(f: StatisticsFilter): Record<string, unknown> {
  return { ...(f.criterionSetId ? { 'results.setId': f.criterionSetId } : {}), ...(f.category ? { 'results.category': f.category } : {}) };
}
