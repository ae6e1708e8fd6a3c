import type { Model } from 'mongoose';
import type { Page } from '../../../domain/page';
import type { Assessment } from '../../../domain/compliance/assessment.types';
import type { AssessmentFilter, AssessmentStore, ProfileStore } from '../../../domain/compliance/compliance.store';
import type { TenderProfile } from '../../../domain/compliance/tender-profile.types';
import type { CloudEvent } from '../../../domain/events/event.types';
import { outboxFields } from '../../outbox/outbox.fields';
import { NO_SINK, type OutboxSink } from '../../outbox/outbox.sink';
import { OutboxWriter } from '../../outbox/outbox.writer';
import type { AssessmentDocument, ProfileDocument } from './compliance.models';
import { upgradeAssessment } from '../../../domain/compliance/assessment.upgrade';
import { bulkWriteFailures, onlyDuplicates, unlessDuplicate } from '../mongo-errors';
import { exactMatch } from '../mongo-filters';
import { readPage } from '../mongo-paging';

function page<D, T>(model: Model<D>, equalities: Record<string, unknown>, sort: Record<string, 1 | -1>, pageNo: number, size: number, map: (d: D) => T): Promise<Page<T>> {
  const filter = exactMatch(equalities);
  const query = {
    count: () => model.countDocuments(filter).exec(),
    slice: (skip: number, limit: number) => model.find(filter).sort(sort).skip(skip).limit(limit).lean<D[]>().exec(),
  };
  return readPage(query, pageNo, size, map);
}

/**
 * Profiles are immutable snapshots, so a bounded in-memory cache is always correct; it saves a
 * read of a large document on every compliance check and keeps criterion objects stable, which
 * the rule engine's per-criterion caches rely on.
 */
const PROFILE_CACHE_SIZE = 1_000;

export class MongoProfileRepository implements ProfileStore {
  private readonly cache = new Map<string, TenderProfile>();
  private readonly outbox: OutboxWriter;

  constructor(
    private readonly model: Model<ProfileDocument>,
    sink: OutboxSink = NO_SINK,
  ) {
    this.outbox = new OutboxWriter(model.db, 'tender_profiles', sink);
  }

  async insert(profile: TenderProfile, events: readonly CloudEvent[] = []): Promise<void> {
    const body = JSON.stringify(profile);
    const doc = { _id: profile.id, organisation: profile.organisation, ...(profile.tenderRef ? { tenderRef: profile.tenderRef } : {}), createdAt: profile.createdAt, body, ...outboxFields(events) };
    // An implicit profile of an idempotent retry may already exist: the same snapshot.
    if (await this.outbox.write(profile.id, events, () => unlessDuplicate(() => this.model.collection.insertOne(doc as never)))) this.remember(profile);
  }

  async get(id: string): Promise<TenderProfile | undefined> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const doc = await this.model.findById(id).lean<ProfileDocument>();
    if (!doc) return undefined;
    const profile = JSON.parse(doc.body) as TenderProfile;
    this.remember(profile);
    return profile;
  }

  private remember(profile: TenderProfile): void {
    if (this.cache.size >= PROFILE_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(profile.id, profile);
  }

  list(filter: { tenderRef?: string; organisation?: string }, pageNo: number, size: number): Promise<Page<TenderProfile>> {
    const query = { ...(filter.tenderRef ? { tenderRef: filter.tenderRef } : {}), ...(filter.organisation ? { organisation: filter.organisation } : {}) };
    return page(this.model, query, { createdAt: -1, _id: 1 }, pageNo, size, (d) => JSON.parse(d.body) as TenderProfile);
  }
}

function toDocument(a: Assessment, events: readonly CloudEvent[]): AssessmentDocument {
  return {
    ...outboxFields(events),
    _id: a.id,
    organisation: a.organisation,
    offerId: a.offerId,
    ...(a.tenderRef ? { tenderRef: a.tenderRef } : {}),
    profileId: a.profileId,
    compliant: a.summary.compliant,
    evaluatedAt: a.evaluatedAt,
    body: JSON.stringify(a),
  };
}
const toDomain = (d: AssessmentDocument): Assessment => upgradeAssessment(JSON.parse(d.body) as Assessment);

export class MongoAssessmentRepository implements AssessmentStore {
  private readonly outbox: OutboxWriter;

  constructor(
    private readonly model: Model<AssessmentDocument>,
    sink: OutboxSink = NO_SINK,
  ) {
    this.outbox = new OutboxWriter(model.db, 'assessments', sink);
  }

  insert(assessment: Assessment, events: readonly CloudEvent[] = []): Promise<boolean> {
    return this.outbox.write(assessment.id, events, () => unlessDuplicate(() => this.model.collection.insertOne(toDocument(assessment, events) as never)));
  }

  async insertMany(entries: readonly { assessment: Assessment; events: readonly CloudEvent[] }[]): Promise<Set<string>> {
    if (entries.length === 0) return new Set();
    const writes = entries.map((e) => ({ documentId: e.assessment.id, events: e.events }));
    return this.outbox.writeMany(writes, async () => {
      try {
        await this.model.collection.insertMany(entries.map((e) => toDocument(e.assessment, e.events)) as never[], { ordered: false });
        return new Set<string>();
      } catch (err) {
        const failures = bulkWriteFailures(err);
        if (!onlyDuplicates(failures)) throw err;
        return new Set(failures.map((f) => entries[f.index]?.assessment.id).filter((id): id is string => id !== undefined));
      }
    });
  }

  async get(id: string): Promise<Assessment | undefined> {
    const doc = await this.model.findById(id).lean<AssessmentDocument>();
    return doc ? toDomain(doc) : undefined;
  }

  async getMany(ids: readonly string[]): Promise<Assessment[]> {
    if (ids.length === 0) return [];
    return (await this.model.find({ _id: { $in: ids } }).lean<AssessmentDocument[]>()).map(toDomain);
  }

  list(filter: AssessmentFilter, pageNo: number, size: number): Promise<Page<Assessment>> {
    const query: Record<string, unknown> = {};
    if (filter.organisation) query.organisation = filter.organisation;
    if (filter.tenderRef) query.tenderRef = filter.tenderRef;
    if (filter.profileId) query.profileId = filter.profileId;
    if (filter.offerId) query.offerId = filter.offerId;
    if (filter.compliant !== undefined) query.compliant = filter.compliant;
    return page(this.model, query, { evaluatedAt: -1, _id: 1 }, pageNo, size, toDomain);
  }

  async forProfile(profileId: string): Promise<Assessment[]> {
    return (await this.model.find({ profileId }).lean<AssessmentDocument[]>()).map(toDomain);
  }
}

