import type { Model } from 'mongoose';
import type { CatalogueStore } from '../../../domain/catalogue/catalogue.store';
import type { CriterionSetDefinition, SetStatus, StoredCriterionSet } from '../../../domain/catalogue/catalogue.types';
import type { CloudEvent } from '../../../domain/events/event.types';
import { outboxFields, outboxPush } from '../../outbox/outbox.fields';
import { NO_SINK, type OutboxSink } from '../../outbox/outbox.sink';
import { OutboxPending } from '../../outbox/outbox.pending';
import type { CriterionSetDocument } from './criterion-set.model';
import { isDuplicateKey } from '../mongo-errors';


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
  private readonly pending: OutboxPending;

  constructor(
    private readonly model: Model<CriterionSetDocument>,
    private readonly sink: OutboxSink = NO_SINK,
  ) {
    this.pending = new OutboxPending(model.db);
  }

  async list(): Promise<StoredCriterionSet[]> {
    const docs = await this.model.find().sort({ _id: 1 }).lean<CriterionSetDocument[]>();
    return docs.map(toDomain);
  }

  async get(id: string): Promise<StoredCriterionSet | undefined> {
    const doc = await this.model.findById(id).lean<CriterionSetDocument>();
    return doc ? toDomain(doc) : undefined;
  }

  async insert(set: StoredCriterionSet, events: readonly CloudEvent[] = []): Promise<boolean> {
    try {
      await this.pending.record('criterion_sets', set.definition.id, events);
      await this.model.create({ ...toDocument(set), ...outboxFields(events) });
      this.sink.written('criterion_sets', events);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** $set rather than a replacement, so that events already in the document's outbox stay. */
  async replaceIf(id: string, expected: { status: SetStatus; revision: number }, next: StoredCriterionSet, events: readonly CloudEvent[] = []): Promise<boolean> {
    const { _id: _ignored, ...fields } = toDocument(next);
    const unset = Object.fromEntries(OPTIONAL_FIELDS.filter((f) => next[f] === undefined).map((f) => [f, '']));
    const push = outboxPush(events) as { $push?: unknown; $set?: Record<string, unknown> };
    const update = { $set: { ...fields, ...push.$set }, ...(push.$push ? { $push: push.$push } : {}), ...(Object.keys(unset).length ? { $unset: unset } : {}) };
    await this.pending.record('criterion_sets', id, events);
    const result = await this.model.updateOne({ _id: id, status: expected.status, revision: expected.revision }, update);
    if (result.matchedCount !== 1) return false;
    this.sink.written('criterion_sets', events);
    return true;
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
