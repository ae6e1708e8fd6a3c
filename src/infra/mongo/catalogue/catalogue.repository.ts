import type { Model } from 'mongoose';
import type { CatalogueStore } from '../../../domain/catalogue/catalogue.store';
import type { CriterionSetDefinition, SetStatus, StoredCriterionSet } from '../../../domain/catalogue/catalogue.types';
import type { CloudEvent } from '../../../domain/events/event.types';
import { outboxFields, outboxPush } from '../../outbox/outbox.fields';
import { NO_SINK, type OutboxSink } from '../../outbox/outbox.sink';
import { OutboxWriter } from '../../outbox/outbox.writer';
import type { CriterionSetDocument } from './criterion-set.model';
import { unlessDuplicate } from '../mongo-errors';


function toDocument(set: StoredCriterionSet): CriterionSetDocument {
  const { definition, ...lifecycle } = set;
  return { _id: definition.id, definition: definition as unknown as Record<string, unknown>, ...lifecycle };
}

const OPTIONAL_FIELDS = ['seedHash', 'supersededBy', 'publishedAt', 'retiredAt'] as const;

function toDomain(doc: CriterionSetDocument): StoredCriterionSet {
  const { _id: _ignored, definition, outbox: _outbox, outboxAt: _outboxAt, ...lifecycle } = doc;
  return { ...(lifecycle as Omit<StoredCriterionSet, 'definition'>), definition: definition as unknown as CriterionSetDefinition };
}

/** Lean reads (plain objects, no hydration); writes are single-document and conditional. */
export class MongoCatalogueRepository implements CatalogueStore {
  private readonly outbox: OutboxWriter;

  constructor(
    private readonly model: Model<CriterionSetDocument>,
    sink: OutboxSink = NO_SINK,
  ) {
    this.outbox = new OutboxWriter(model.db, 'criterion_sets', sink);
  }

  async list(): Promise<StoredCriterionSet[]> {
    const docs = await this.model.find().sort({ _id: 1 }).lean<CriterionSetDocument[]>();
    return docs.map(toDomain);
  }

  async get(id: string): Promise<StoredCriterionSet | undefined> {
    const doc = await this.model.findById(id).lean<CriterionSetDocument>();
    return doc ? toDomain(doc) : undefined;
  }

  insert(set: StoredCriterionSet, events: readonly CloudEvent[] = []): Promise<boolean> {
    return this.outbox.write(set.definition.id, events, () => unlessDuplicate(() => this.model.create({ ...toDocument(set), ...outboxFields(events) })));
  }

  /** $set rather than a replacement, so that events already in the document's outbox stay. */
  replaceIf(id: string, expected: { status: SetStatus; revision: number }, next: StoredCriterionSet, events: readonly CloudEvent[] = []): Promise<boolean> {
    const { _id: _ignored, ...fields } = toDocument(next);
    const unset = Object.fromEntries(OPTIONAL_FIELDS.filter((f) => next[f] === undefined).map((f) => [f, '']));
    const push = outboxPush(events) as { $push?: unknown; $set?: Record<string, unknown> };
    const update = { $set: { ...fields, ...push.$set }, ...(push.$push ? { $push: push.$push } : {}), ...(Object.keys(unset).length ? { $unset: unset } : {}) };
    const filter = { _id: id, status: expected.status, revision: expected.revision };
    return this.outbox.write(id, events, async () => (await this.model.updateOne(filter, update)).matchedCount === 1);
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
