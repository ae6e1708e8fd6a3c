import { canonicalJson, sha256 } from '../catalogue/catalogue.hash';
import type { CatalogueReader } from '../catalogue/catalogue.reader';
import type { Page } from '../catalogue/criteria.query';
import { conflict, DomainError, notFound } from '../errors';
import { nameBasedId, newId } from '../uuid';
import { assessOffer } from './assessment.builder';
import type { Assessment } from './assessment.types';
import type { Offer } from './compliance.types';
import type { AssessmentFilter, AssessmentStore, ProfileStore } from './compliance.store';
import type { EventFactory } from '../events/event.factory';
import type { CommandContext } from '../events/event.types';
import { canSee, type Viewer } from '../security/principal';
import { rankAssessments, type RankingEntry } from './ranking';
import { buildTenderProfile } from './tender-profile.builder';
import type { CriteriaSelection, TenderProfile } from './tender-profile.types';

export type ProfileRequest = CriteriaSelection & { tenderRef?: string; title?: string };
type Selector = Partial<CriteriaSelection> & { profileId?: string; assessmentDate?: string };
export type CheckRequest = Selector & { offer: Offer };
export type BatchRequest = Selector & { offers: Offer[] };
export type BatchOutcome =
  | { index: number; kind: 'created' | 'replayed'; assessment: Assessment }
  | { index: number; kind: 'failed'; error: DomainError };

const viewerOf = (ctx: CommandContext): Viewer => ({ organisation: ctx.organisation, admin: ctx.admin === true });

const keyConflict = () => conflict('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request');

/**
 * Compliance checks: tender profiles, assessing offers, storing and ranking assessments.
 * An Idempotency-Key maps to a name-based assessment id, so a retried request finds (or, racing,
 * collides with) the first assessment instead of creating a second one.
 */
export class ComplianceService {
  constructor(
    private readonly catalogue: CatalogueReader,
    private readonly profiles: ProfileStore,
    private readonly assessments: AssessmentStore,
    private readonly events: EventFactory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async createProfile(request: ProfileRequest, ctx: CommandContext, implicitId?: string): Promise<TenderProfile> {
    const { tenderRef, title, ...selection } = request;
    const meta = {
      id: implicitId ?? newId(),
      organisation: ctx.organisation,
      ...(tenderRef ? { tenderRef } : {}),
      ...(title ? { title } : {}),
      implicit: implicitId !== undefined,
      createdAt: this.now().toISOString(),
      createdBy: ctx.actor,
    };
    const profile = buildTenderProfile(selection, meta, await this.catalogue.index());
    await this.profiles.insert(profile, [this.events.tenderProfileCreated(profile, ctx)]);
    return profile;
  }

  /** Another organisation's profile is reported as missing, not forbidden: its existence is not disclosed. */
  async getProfile(id: string, viewer: Viewer): Promise<TenderProfile> {
    const profile = await this.profiles.get(id);
    if (!profile || !canSee(viewer, profile.organisation)) throw notFound('Tender profile', id);
    return profile;
  }

  listProfiles(filter: { tenderRef?: string }, viewer: Viewer, page: number, pageSize: number): Promise<Page<TenderProfile>> {
    return this.profiles.list({ ...filter, ...(viewer.admin ? {} : { organisation: viewer.organisation }) }, page, pageSize);
  }

  private async profileFor(request: Selector, ctx: CommandContext, key: string | undefined, tenderRef?: string): Promise<TenderProfile> {
    if (request.profileId) return this.getProfile(request.profileId, viewerOf(ctx));
    const { criterionSetIds, category, level, include, exclude, parameters, awardWeights } = request;
    const selection = { criterionSetIds: criterionSetIds ?? [], category: category!, level: level!, include, exclude, parameters, awardWeights };
    const implicitId = key ? nameBasedId(`${ctx.organisation}:implicit-profile:${key}`) : newId();
    const existing = key ? await this.profiles.get(implicitId) : undefined;
    return existing ?? this.createProfile(JSON.parse(JSON.stringify({ ...selection, tenderRef })) as ProfileRequest, ctx, implicitId);
  }

  async check(request: CheckRequest, ctx: CommandContext, key?: string): Promise<{ assessment: Assessment; replayed: boolean }> {
    const requestHash = sha256(canonicalJson(request));
    // Keys are scoped to the organisation: one tenant can neither see nor block another's keys.
    const id = key ? nameBasedId(`${ctx.organisation}:compliance-check:${key}`) : newId();
    if (key) {
      const earlier = await this.assessments.get(id);
      if (earlier) return this.replay(earlier, requestHash);
    }
    const profile = await this.profileFor(request, ctx, key, request.offer.tenderRef);
    const assessment = assessOffer(profile, request.offer, this.meta(id, request.assessmentDate, requestHash, ctx.actor));
    if (await this.assessments.insert(assessment, [this.events.assessmentCompleted(assessment, ctx)])) return { assessment, replayed: false };
    const winner = await this.assessments.get(id);
    if (!winner) throw new Error(`assessment ${id} reported as existing but not found`);
    return this.replay(winner, requestHash);
  }

  async batch(request: BatchRequest, ctx: CommandContext, key?: string): Promise<{ profile: TenderProfile; outcomes: BatchOutcome[] }> {
    const { offers, ...selector } = request;
    const profile = await this.profileFor(selector, ctx, key);
    const ids = offers.map((_, i) => (key ? nameBasedId(`${ctx.organisation}:compliance-check:${key}#${i}`) : newId()));
    const hashes = offers.map((offer) => sha256(canonicalJson({ ...selector, offer })));
    const earlier = new Map((key ? await this.assessments.getMany(ids) : []).map((a) => [a.id, a]));
    const outcomes: BatchOutcome[] = [];
    const fresh: Assessment[] = [];
    offers.forEach((offer, index) => {
      const id = ids[index]!;
      const before = earlier.get(id);
      try {
        if (before) {
          outcomes.push({ index, kind: 'replayed', assessment: this.replay(before, hashes[index]!).assessment });
        } else {
          const assessment = assessOffer(profile, offer, this.meta(id, request.assessmentDate, hashes[index]!, ctx.actor), `/body/offers/${index}`);
          fresh.push(assessment);
          outcomes.push({ index, kind: 'created', assessment });
        }
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        outcomes.push({ index, kind: 'failed', error: err });
      }
    });
    const existed = await this.assessments.insertMany(fresh.map((assessment) => ({ assessment, events: [this.events.assessmentCompleted(assessment, ctx)] })));
    if (existed.size > 0) {
      const winners = new Map((await this.assessments.getMany([...existed])).map((a) => [a.id, a]));
      for (const o of outcomes) {
        const winner = o.kind === 'created' ? winners.get(o.assessment.id) : undefined;
        if (winner) Object.assign(o, { kind: 'replayed', assessment: winner });
      }
    }
    return { profile, outcomes };
  }

  async getAssessment(id: string, viewer: Viewer): Promise<Assessment> {
    const assessment = await this.assessments.get(id);
    if (!assessment || !canSee(viewer, assessment.organisation)) throw notFound('Assessment', id);
    return assessment;
  }

  listAssessments(filter: AssessmentFilter, viewer: Viewer, page: number, pageSize: number): Promise<Page<Assessment>> {
    return this.assessments.list({ ...filter, ...(viewer.admin ? {} : { organisation: viewer.organisation }) }, page, pageSize);
  }

  async ranking(profileId: string, viewer: Viewer): Promise<{ profile: TenderProfile; entries: RankingEntry[] }> {
    const profile = await this.getProfile(profileId, viewer);
    return { profile, entries: rankAssessments(await this.assessments.forProfile(profileId)) };
  }

  private meta(id: string, assessmentDate: string | undefined, requestHash: string, createdBy: string) {
    const now = this.now();
    return { id, evaluatedAt: now.toISOString(), assessmentDate: assessmentDate ?? now.toISOString().slice(0, 10), requestHash, createdBy };
  }

  private replay(earlier: Assessment, requestHash: string): { assessment: Assessment; replayed: true } {
    if (earlier.requestHash !== requestHash) throw keyConflict();
    return { assessment: earlier, replayed: true };
  }
}
