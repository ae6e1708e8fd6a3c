import type { Connection, mongo } from 'mongoose';

type Collection<D extends mongo.Document> = mongo.Collection<D>;
type Filter<D> = mongo.Filter<D>;
import type { Page } from '../../../domain/page';
import type { Assessment } from '../../../domain/compliance/assessment.types';
import type { AssessmentFilter, AssessmentStore, ProfileStore } from '../../../domain/compliance/compliance.store';
import type { TenderProfile } from '../../../domain/compliance/tender-profile.types';
import type { CloudEvent } from '../../../domain/events/event.types';
import { outboxFields } from '../../outbox/outbox.fields';
import { NO_SINK, type OutboxSink } from '../../outbox/outbox.sink';
import { OutboxWriter } from '../../outbox/outbox.writer';
import { fromAssessmentDocument, toAssessmentDocument, verdictOf, type AssessmentDocument } from './assessment.document';
import { fromProfileDocument, toProfileDocument, type ProfileDocument } from './profile.document';
import { bulkWriteFailures, onlyDuplicates, unlessDuplicate } from '../mongo-errors';
import { exactMatch } from '../mongo-filters';
import { readPage } from '../mongo-paging';
import { findByIds } from '../mongo-lookup';

function page<D extends { _id: string }, T>(collection: Collection<D>, filter: Filter<D>, sort: mongo.Sort, pageNo: number, size: number, map: (d: D) => T): Promise<Page<T>> {
  const query = {
    count: () => collection.countDocuments(exactMatch(filter) as Filter<D>),
    slice: (skip: number, limit: number) => collection.find(exactMatch(filter) as Filter<D>).sort(sort).skip(skip).limit(limit).toArray() as Promise<D[]>,
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
  private readonly collection: Collection<ProfileDocument>;

  constructor(connection: Connection, sink: OutboxSink = NO_SINK) {
    this.collection = connection.collection<ProfileDocument>('tender_profiles');
    this.outbox = new OutboxWriter(connection, 'tender_profiles', sink);
  }

  async insert(profile: TenderProfile, events: readonly CloudEvent[] = []): Promise<void> {
    const doc = toProfileDocument(profile, outboxFields(events));
    // An implicit profile of an idempotent retry may already exist: the same snapshot.
    if (await this.outbox.write(profile.id, events, () => unlessDuplicate(() => this.collection.insertOne(doc)))) this.remember(profile);
  }

  async get(id: string): Promise<TenderProfile | undefined> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const doc = await this.collection.findOne({ _id: id });
    if (!doc) return undefined;
    const profile = fromProfileDocument(doc);
    this.remember(profile);
    return profile;
  }

  private remember(profile: TenderProfile): void {
    if (this.cache.size >= PROFILE_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(profile.id, profile);
  }

  list(filter: { tenderRef?: string; organisation?: string }, pageNo: number, size: number): Promise<Page<TenderProfile>> {
    const query = { ...(filter.tenderRef ? { tenderRef: filter.tenderRef } : {}), ...(filter.organisation ? { organisation: filter.organisation } : {}) };
    return page(this.collection, query, { createdAt: -1, _id: 1 }, pageNo, size, fromProfileDocument);
  }
}

export class MongoAssessmentRepository implements AssessmentStore {
  private readonly outbox: OutboxWriter;
  private readonly collection: Collection<AssessmentDocument>;

  constructor(connection: Connection, sink: OutboxSink = NO_SINK) {
    this.collection = connection.collection<AssessmentDocument>('assessments');
    this.outbox = new OutboxWriter(connection, 'assessments', sink);
  }

  insert(assessment: Assessment, events: readonly CloudEvent[] = []): Promise<boolean> {
    return this.outbox.write(assessment.id, events, () => unlessDuplicate(() => this.collection.insertOne(toAssessmentDocument(assessment, outboxFields(events)))));
  }

  async insertMany(entries: readonly { assessment: Assessment; events: readonly CloudEvent[] }[]): Promise<Set<string>> {
    if (entries.length === 0) return new Set();
    const writes = entries.map((e) => ({ documentId: e.assessment.id, events: e.events }));
    return this.outbox.writeMany(writes, async () => {
      try {
        await this.collection.insertMany(entries.map((e) => toAssessmentDocument(e.assessment, outboxFields(e.events))), { ordered: false });
        return new Set<string>();
      } catch (err) {
        const failures = bulkWriteFailures(err);
        if (!onlyDuplicates(failures)) throw err;
        return new Set(failures.map((f) => entries[f.index]?.assessment.id).filter((id): id is string => id !== undefined));
      }
    });
  }

  async get(id: string): Promise<Assessment | undefined> {
    const doc = await this.collection.findOne({ _id: id });
    return doc ? fromAssessmentDocument(doc) : undefined;
  }

  async getMany(ids: readonly string[]): Promise<Assessment[]> {
    return (await findByIds(this.collection, ids)).map(fromAssessmentDocument);
  }

  list(filter: AssessmentFilter, pageNo: number, size: number): Promise<Page<Assessment>> {
    const query: Filter<AssessmentDocument> = {};
    if (filter.organisation) query.organisation = filter.organisation;
    if (filter.tenderRef) query.tenderRef = filter.tenderRef;
    if (filter.profileId) query.profileId = filter.profileId;
    if (filter.offerId) query.offerId = filter.offerId;
    if (filter.compliant !== undefined) query.verdict = verdictOf(filter.compliant);
    return page(this.collection, query, { evaluatedAt: -1, _id: 1 }, pageNo, size, fromAssessmentDocument);
  }

  async forProfile(profileId: string): Promise<Assessment[]> {
    return (await this.collection.find({ profileId }).toArray()).map(fromAssessmentDocument);
  }
}
