import type { Model } from 'mongoose';
import type { Page } from '../../../domain/catalogue/criteria.query';
import type { Assessment } from '../../../domain/compliance/assessment.types';
import type { AssessmentFilter, AssessmentStore, ProfileStore } from '../../../domain/compliance/compliance.store';
import type { TenderProfile } from '../../../domain/compliance/tender-profile.types';
import { decodeKeys, encodeKeys } from '../key-codec';
import type { AssessmentDocument, ProfileDocument } from './compliance.models';

const DUPLICATE_KEY = 11000;
const isDuplicate = (err: unknown): boolean => (err as { code?: number }).code === DUPLICATE_KEY;

async function page<D, T>(model: Model<D>, filter: Record<string, unknown>, sort: Record<string, 1 | -1>, pageNo: number, size: number, map: (d: D) => T): Promise<Page<T>> {
  const [total, docs] = await Promise.all([
    model.countDocuments(filter),
    model.find(filter).sort(sort).skip((pageNo - 1) * size).limit(size).lean<D[]>(),
  ]);
  const lastPage = Math.max(1, Math.ceil(total / size));
  return { items: docs.map(map), page: pageNo, pageSize: size, total, lastPage };
}

export class MongoProfileRepository implements ProfileStore {
  constructor(private readonly model: Model<ProfileDocument>) {}

  async insert(profile: TenderProfile): Promise<void> {
    try {
      await this.model.create({ _id: profile.id, ...(profile.tenderRef ? { tenderRef: profile.tenderRef } : {}), createdAt: profile.createdAt, body: encodeKeys(profile) as unknown as Record<string, unknown> });
    } catch (err) {
      // An implicit profile of an idempotent retry already exists: the same snapshot.
      if (!isDuplicate(err)) throw err;
    }
  }

  async get(id: string): Promise<TenderProfile | undefined> {
    const doc = await this.model.findById(id).lean<ProfileDocument>();
    return doc ? decodeKeys(doc.body as unknown as TenderProfile) : undefined;
  }

  list(filter: { tenderRef?: string }, pageNo: number, size: number): Promise<Page<TenderProfile>> {
    const query = filter.tenderRef ? { tenderRef: filter.tenderRef } : {};
    return page(this.model, query, { createdAt: -1, _id: 1 }, pageNo, size, (d) => decodeKeys(d.body as unknown as TenderProfile));
  }
}

function toDocument(a: Assessment): AssessmentDocument {
  return {
    _id: a.id,
    offerId: a.offerId,
    ...(a.tenderRef ? { tenderRef: a.tenderRef } : {}),
    profileId: a.profileId,
    compliant: a.summary.compliant,
    evaluatedAt: a.evaluatedAt,
    body: encodeKeys(a) as unknown as Record<string, unknown>,
  };
}
const toDomain = (d: AssessmentDocument): Assessment => decodeKeys(d.body as unknown as Assessment);

export class MongoAssessmentRepository implements AssessmentStore {
  constructor(private readonly model: Model<AssessmentDocument>) {}

  async insert(assessment: Assessment): Promise<boolean> {
    try {
      await this.model.collection.insertOne(toDocument(assessment) as never);
      return true;
    } catch (err) {
      if (isDuplicate(err)) return false;
      throw err;
    }
  }

  async insertMany(assessments: readonly Assessment[]): Promise<Set<string>> {
    if (assessments.length === 0) return new Set();
    try {
      await this.model.collection.insertMany(assessments.map(toDocument) as never[], { ordered: false });
      return new Set();
    } catch (err) {
      const writeErrors = (err as { writeErrors?: { code?: number; index?: number; err?: { index?: number; code?: number } }[] }).writeErrors;
      if (!writeErrors || !writeErrors.every((e) => (e.code ?? e.err?.code) === DUPLICATE_KEY)) throw err;
      return new Set(writeErrors.map((e) => assessments[e.index ?? e.err?.index ?? -1]?.id).filter((id): id is string => id !== undefined));
    }
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

