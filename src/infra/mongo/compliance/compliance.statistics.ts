import type { Connection, mongo } from 'mongoose';
import type { Outcome } from '../../../domain/compliance/compliance.types';
import type { CriteriaStatistics, CriterionTally, StatisticsFilter, StatisticsStore, TenderStatistics } from '../../../domain/compliance/statistics.types';
import type { AssessmentDocument, Verdict } from './assessment.document';

const MEASURE: Partial<Record<Outcome, 'pass' | 'fail' | 'evidenceMissing' | 'notEvaluated' | 'notApplicable'>> = {
  pass: 'pass',
  fail: 'fail',
  evidence_missing: 'evidenceMissing',
  not_evaluated: 'notEvaluated',
  not_applicable: 'notApplicable',
};
type TallyRow = { _id: { c: string; o: Outcome; p?: boolean | null }; n: number };

/**
 * Statistics over the stored assessments, computed by aggregation pipelines in the database:
 * Node receives one row per criterion, outcome and verification state (or per offer and
 * verdict), never an assessment. The pipelines use only what MongoDB and FerretDB 1.x both run
 * ($match, $unwind of a top-level array, $group on field paths with $sum; FerretDB has no $cond
 * or $facet), and as few as possible, since FerretDB reads every stored document for each.
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
    const [criteria, byOffer] = await Promise.all([
      this.tally(match, {}),
      this.collection.aggregate<{ _id: { offer: string; verdict: Verdict }; n: number }>([{ $match: match }, { $group: { _id: { offer: '$offerId', verdict: '$verdict' }, n: { $sum: 1 } } }]).toArray(),
    ]);
    const count = (v: Verdict) => byOffer.filter((r) => r._id.verdict === v).reduce((n, r) => n + r.n, 0);
    const verdicts = { compliant: count('compliant'), nonCompliant: count('non_compliant'), undetermined: count('undetermined') };
    return { tenderRef, assessments: verdicts.compliant + verdicts.nonCompliant + verdicts.undetermined, offers: new Set(byOffer.map((r) => r._id.offer)).size, verdicts, criteria };
  }

  private async tally(match: Record<string, unknown>, results: Record<string, unknown>): Promise<CriterionTally[]> {
    const rows = await this.collection
      .aggregate<TallyRow>([
        { $match: match },
        { $unwind: '$results' },
        ...(Object.keys(results).length > 0 ? [{ $match: results }] : []),
        { $group: { _id: { c: '$results.criterionId', o: '$results.outcome', p: '$results.pendingVerification' }, n: { $sum: 1 } } },
      ])
      .toArray();
    const tallies = new Map<string, CriterionTally>();
    for (const { _id, n } of rows) {
      const t = tallies.get(_id.c) ?? { criterionId: _id.c, assessed: 0, pass: 0, fail: 0, evidenceMissing: 0, notEvaluated: 0, notApplicable: 0, pendingVerification: 0 };
      const measure = MEASURE[_id.o];
      if (measure) t[measure] += n;
      if (_id.o === 'pass' && _id.p === true) t.pendingVerification += n;
      if (_id.o !== 'not_applicable') t.assessed += n;
      tallies.set(_id.c, t);
    }
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
