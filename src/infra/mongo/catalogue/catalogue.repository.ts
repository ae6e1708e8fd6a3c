import type { Model } from 'mongoose';
import type { CatalogueStore } from '../../../domain/catalogue/catalogue.store';
import type { CriterionSetDefinition, SetStatus, StoredCriterionSet } from '../../../domain/catalogue/catalogue.types';
import type { CriterionSetDocument } from './criterion-set.model';

const DUPLICATE_KEY = 11000;

function toDocument(set: StoredCriterionSet): CriterionSetDocument {
  const { definition, ...lifecycle } = set;
  return { _id: definition.id, definition: definition as unknown as Record<string, unknown>, ...lifecycle };
}

function toDomain(doc: CriterionSetDocument): StoredCriterionSet {
  const { _id: _ignored, definition, ...lifecycle } = doc;
  return { ...(lifecycle as Omit<StoredCriterionSet, 'definition'>), definition: definition as unknown as CriterionSetDefinition };
}

/** Lean reads (plain objects, no hydration); writes are single-document and conditional. */
export class MongoCatalogueRepository implements CatalogueStore {
  constructor(private readonly model: Model<CriterionSetDocument>) {}

  async list(): Promise<StoredCriterionSet[]> {
    const docs = await this.model.find().sort({ _id: 1 }).lean<CriterionSetDocument[]>();
    return docs.map(toDomain);
  }

  async get(id: string): Promise<StoredCriterionSet | undefined> {
    const doc = await this.model.findById(id).lean<CriterionSetDocument>();
    return doc ? toDomain(doc) : undefined;
  }

  async insert(set: StoredCriterionSet): Promise<boolean> {
    try {
      await this.model.create(toDocument(set));
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === DUPLICATE_KEY) return false;
      throw err;
    }
  }

  async replaceIf(id: string, expected: { status: SetStatus; revision: number }, next: StoredCriterionSet): Promise<boolean> {
    const result = await this.model.replaceOne({ _id: id, status: expected.status, revision: expected.revision }, toDocument(next));
    return result.modifiedCount === 1 || result.matchedCount === 1;
  }

  async deleteIf(id: string, expected: { status: SetStatus; revision: number }): Promise<boolean> {
    const result = await this.model.deleteOne({ _id: id, status: expected.status, revision: expected.revision });
    return result.deletedCount === 1;
  }

  async changeToken(): Promise<string> {
    const docs = await this.model.find({}, { _id: 1, revision: 1, status: 1 }).sort({ _id: 1 }).lean<Pick<CriterionSetDocument, '_id' | 'revision' | 'status'>[]>();
    return docs.map((d) => `${d._id}@${d.revision}:${d.status}`).join('|');
  }
}
