import { API_BASE } from '../api-paths';
import type { Clock } from '../clock';
import type { CommandContext } from '../command-context';
import type { Assessment } from '../compliance/assessment.types';
import type { StoredCriterionSet } from '../catalogue/catalogue.types';
import type { TenderProfile } from '../compliance/tender-profile.types';
import type {
  AssessmentCompletedData,
  CloudEvent,
  Compliance,
  CriterionSetPublishedData,
  CriterionSetRetiredData,
  EventType,
  TenderProfileCreatedData,
} from './event.types';


export interface EventFactoryOptions {
  /** CloudEvents `source`: identifies this building block instance (a URI-reference). */
  readonly source: string;
  readonly newId: () => string;
  readonly clock: Clock;
}

export const complianceOf = (compliant: boolean | 'undetermined'): Compliance =>
  compliant === true ? 'compliant' : compliant === 'undetermined' ? 'undetermined' : 'non-compliant';

/** Builds the CloudEvents the domain emits; the aggregates store them in their outbox. */
export class EventFactory {
  constructor(private readonly options: EventFactoryOptions) {}

  private envelope<D>(type: EventType, subject: string, data: D, ctx: CommandContext): CloudEvent<D> {
    return {
      specversion: '1.0',
      id: this.options.newId(),
      source: this.options.source,
      type,
      time: this.options.clock.now().toISOString(),
      subject,
      datacontenttype: 'application/json',
      correlationid: ctx.correlationId,
      ...(ctx.imClient ? { imclient: ctx.imClient } : {}),
      data,
    };
  }

  assessmentCompleted(a: Assessment, ctx: CommandContext): CloudEvent<AssessmentCompletedData> {
    const s = a.summary;
    return this.envelope('assessment.completed.v1', a.id, {
      assessmentId: a.id,
      link: `${API_BASE}/assessments/${a.id}`,
      organisation: a.organisation,
      offerId: a.offerId,
      ...(a.tenderRef ? { tenderRef: a.tenderRef } : {}),
      profileId: a.profileId,
      supplierName: a.supplier.name,
      category: a.category,
      level: a.level,
      compliance: complianceOf(s.compliant),
      awardPoints: s.awardPoints,
      awardMaxPoints: s.awardMaxPoints,
      awardScorePct: s.awardScorePct,
      outcomeCounts: { ...s.counts },
      itemCount: a.items.length,
      criterionSets: a.criterionSets.map(({ id, version }) => ({ id, version })),
      evaluatedAt: a.evaluatedAt,
      pendingVerification: s.toVerify.length,
      clausesRefused: s.clausesRefused,
      commitmentsToObtain: s.commitmentsToObtain.length,
      conflicts: s.conflicts,
    }, ctx);
  }

  criterionSetPublished(set: StoredCriterionSet, ctx: CommandContext): CloudEvent<CriterionSetPublishedData> {
    const d = set.definition;
    return this.envelope('criterion-set.published.v1', d.id, {
      setId: d.id,
      version: d.version,
      title: d.title,
      publisher: d.publisher,
      criteriaCount: d.criteria.length,
      productCategories: [...d.productCategories],
      ...(d.supersedes?.length ? { supersedes: [...d.supersedes] } : {}),
      publishedAt: set.publishedAt ?? set.updatedAt,
      link: `${API_BASE}/criterion-sets/${d.id}`,
    }, ctx);
  }

  criterionSetRetired(set: StoredCriterionSet, ctx: CommandContext): CloudEvent<CriterionSetRetiredData> {
    const d = set.definition;
    return this.envelope('criterion-set.retired.v1', d.id, {
      setId: d.id,
      version: d.version,
      retiredAt: set.retiredAt ?? set.updatedAt,
      ...(set.supersededBy ? { supersededBy: set.supersededBy } : {}),
      link: `${API_BASE}/criterion-sets/${d.id}`,
    }, ctx);
  }

  tenderProfileCreated(p: TenderProfile, ctx: CommandContext): CloudEvent<TenderProfileCreatedData> {
    return this.envelope('tender-profile.created.v1', p.id, {
      profileId: p.id,
      organisation: p.organisation,
      ...(p.tenderRef ? { tenderRef: p.tenderRef } : {}),
      category: p.category,
      level: p.level,
      criterionSets: p.criterionSets.map(({ id, version }) => ({ id, version })),
      criteriaCount: p.criteria.length,
      implicit: p.implicit,
      createdAt: p.createdAt,
      link: `${API_BASE}/tender-profiles/${p.id}`,
    }, ctx);
  }
}
