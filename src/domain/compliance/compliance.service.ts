import { canonicalJson, sha256 } from '../catalogue/catalogue.hash';
import type { CatalogueReader } from '../catalogue/catalogue.reader';
import type { Page } from '../page';
import { conflict, DomainError, notFound } from '../errors';
import { nameBasedId, newId } from '../uuid';
import { checkAssessmentDate } from './assessment-date';
import { assessOffer } from './assessment.builder';
import type { Assessment } from './assessment.types';
import type { Offer } from './compliance.types';
import type { AssessmentFilter, AssessmentStore, ProfileStore } from './compliance.store';
import type { EventFactory } from '../events/event.factory';
import type { CommandContext } from '../command-context';
import { canSee, type Viewer } from '../security/principal';
import { rankAssessments, type RankingEntry } from './ranking';
import { buildTenderProfile } from './tender-profile.builder';
import type { CriteriaSelection, TenderProfile } from './tender-profile.types';
import type { IdempotencyKeys } from './idempotency';
import { systemClock, type Clock } from '../clock';

export type ProfileRequest = CriteriaSelection & { tenderRef?: string; title?: string };
type Selector = Partial<CriteriaSelection> & { profileId?: string; assessmentDate?: string };
export type CheckRequest = Selector & { offer: Offer };
export type BatchRequest = Selector & { offers: Offer[] };
export type BatchOutcome =
  | { index: number; kind: 'created' | 'replayed'; assessment: Assessment }
  | { index: number; kind: 'failed'; error: DomainError };

const viewerOfCommand = (ctx: CommandContext): Viewer => ({ organisation: ctx.organisation, admin: ctx.admin === true });

/** The implicit profile of an inline check belongs to the check: its id follows from the check's. */
const implicitProfileId = (organisation: string, ownerId: string): string => nameBasedId(`${organisation}:implicit-profile:${ownerId}`);

/**
 * Compliance checks: tender profiles, assessing offers, storing and ranking assessments. With an
 * Idempotency-Key the whole request is fingerprinted and the key bound to it (idempotency.ts):
 * a retry replays the first assessment, another request with the key is refused.
 */
export class ComplianceService {
  constructor(
    private readonly catalogue: CatalogueReader,
    private readonly profiles: ProfileStore,
    private readonly assessments: AssessmentStore,
    private readonly events: EventFactory,
    private readonly keys: IdempotencyKeys,
    private readonly clock: Clock = systemClock,
  ) {}

  async createProfile(request: ProfileRequest, ctx: CommandContext): Promise<TenderProfile> {
    const profile = await this.buildProfile(request, ctx, newId(), false);
    await this.profiles.insert(profile, [this.events.tenderProfileCreated(profile, ctx)]);
    return profile;
  }

  private async buildProfile(request: ProfileRequest, ctx: CommandContext, id: string, implicit: boolean): Promise<TenderProfile> {
    const { tenderRef, title, ...selection } = request;
    const meta = { id, organisation: ctx.organisation, ...(tenderRef ? { tenderRef } : {}), ...(title ? { title } : {}), implicit, createdAt: this.clock.now().toISOString(), createdBy: ctx.actor };
    return buildTenderProfile(selection, meta, await this.catalogue.index());
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

  /** The named profile, or an implicit one built (not yet stored) from the request's selection. */
  private async profileFor(request: Selector, ctx: CommandContext, implicitId: string, tenderRef?: string): Promise<{ profile: TenderProfile; implicit: boolean }> {
    if (request.profileId) return { profile: await this.getProfile(request.profileId, viewerOfCommand(ctx)), implicit: false };
    const r = request;
    const selection: CriteriaSelection = {
      criterionSetIds: r.criterionSetIds ?? [], category: r.category!, level: r.level!, include: r.include, exclude: r.exclude, parameters: r.parameters, awardWeights: r.awardWeights,
      lotCategories: r.lotCategories, supply: r.supply, deliveryDate: r.deliveryDate, contractEndDate: r.contractEndDate, country: r.country, scoreAggregation: r.scoreAggregation,
    };
    const profileRequest = JSON.parse(JSON.stringify({ ...selection, tenderRef })) as ProfileRequest;
    return { profile: await this.buildProfile(profileRequest, ctx, implicitId, true), implicit: true };
  }

  private async storeImplicit(prepared: { profile: TenderProfile; implicit: boolean }, ctx: CommandContext): Promise<void> {
    if (prepared.implicit) await this.profiles.insert(prepared.profile, [this.events.tenderProfileCreated(prepared.profile, ctx)]);
  }

  async check(request: CheckRequest, ctx: CommandContext, key?: string, raced = false): Promise<{ assessment: Assessment; replayed: boolean }> {
    const requestHash = sha256(canonicalJson(request));
    const earlier = key ? await this.keys.earlier(ctx.organisation, 'compliance-check', key, requestHash) : undefined;
    const id = earlier?.resultIds[0] ?? newId();
    if (earlier) {
      const stored = await this.assessments.get(id);
      if (stored) return this.replay(stored, requestHash);
    }
    // Everything that can refuse the request (date, profile, offer) runs before the key is bound.
    checkAssessmentDate(request.assessmentDate, this.clock.now());
    const prepared = await this.profileFor(request, ctx, implicitProfileId(ctx.organisation, id), request.offer.tenderRef);
    const assessment = assessOffer(prepared.profile, request.offer, this.meta(id, request.assessmentDate, requestHash, ctx.actor));
    if (key && !earlier) {
      const holder = await this.keys.claim(ctx.organisation, 'compliance-check', key, requestHash, [id]);
      if (holder.resultIds[0] !== id && !raced) return this.check(request, ctx, key, true);
    }
    await this.storeImplicit(prepared, ctx);
    if (await this.assessments.insert(assessment, [this.events.assessmentCompleted(assessment, ctx)])) return { assessment, replayed: false };
    const winner = await this.assessments.get(id);
    if (!winner) throw new Error(`assessment ${id} reported as existing but not found`);
    return this.replay(winner, requestHash);
  }

  async batch(request: BatchRequest, ctx: CommandContext, key?: string, raced = false): Promise<{ profile: TenderProfile; outcomes: BatchOutcome[] }> {
    const { offers, ...selector } = request;
    const fingerprint = sha256(canonicalJson(request));
    const earlier = key ? await this.keys.earlier(ctx.organisation, 'compliance-check-batch', key, fingerprint) : undefined;
    const ids = earlier?.resultIds ?? offers.map(() => newId());
    checkAssessmentDate(request.assessmentDate, this.clock.now());
    const prepared = await this.profileFor(selector, ctx, implicitProfileId(ctx.organisation, `batch:${ids[0] ?? ''}`));
    if (key && !earlier) {
      const holder = await this.keys.claim(ctx.organisation, 'compliance-check-batch', key, fingerprint, ids);
      if (holder.resultIds[0] !== ids[0] && !raced) return this.batch(request, ctx, key, true);
    }
    await this.storeImplicit(prepared, ctx);
    const { profile } = prepared;
    const hashes = offers.map((offer) => sha256(canonicalJson({ ...selector, offer })));
    const before = new Map((earlier ? await this.assessments.getMany(ids) : []).map((a) => [a.id, a]));
    const outcomes: BatchOutcome[] = [];
    const fresh: Assessment[] = [];
    offers.forEach((offer, index) => {
      const id = ids[index]!;
      const stored = before.get(id);
      try {
        if (stored) {
          outcomes.push({ index, kind: 'replayed', assessment: this.replay(stored, hashes[index]!).assessment });
        } else {
          const assessment = assessOffer(profile, offer, this.meta(id, request.assessmentDate, hashes[index]!, ctx.actor));
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
    const now = this.clock.now();
    return { id, evaluatedAt: now.toISOString(), assessmentDate: assessmentDate ?? now.toISOString().slice(0, 10), requestHash, createdBy };
  }

  private replay(earlier: Assessment, requestHash: string): { assessment: Assessment; replayed: true } {
    if (earlier.requestHash !== requestHash) throw conflict('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request');
    return { assessment: earlier, replayed: true };
  }
}
