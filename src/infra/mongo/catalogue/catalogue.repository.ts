import type { Connection, mongo } from 'mongoose';
import type { CatalogueStore } from '../../../domain/catalogue/catalogue.store';
import type { SetStatus, StoredCriterionSet } from '../../../domain/catalogue/catalogue.types';
import type { CloudEvent } from '../../../domain/events/event.types';
import { outboxFields, outboxPush } from '../../outbox/outbox.fields';
import { NO_SINK, type OutboxSink } from '../../outbox/outbox.sink';
import { OutboxWriter } from '../../outbox/outbox.writer';
import { CRITERION_SETS_COLLECTION, fromCriterionSetDocument, OPTIONAL_SET_FIELDS, toCriterionSetDocument, type CriterionSetDocument } from './criterion-set.document';
import { unlessDuplicate } from '../mongo-errors';

/** Reads map documents to the domain; writes are single-document and conditional. */
export class MongoCatalogueRepository implements CatalogueStore {
  private readonly outbox: OutboxWriter;
  private readonly collection: mongo.Collection<CriterionSetDocument>;

  constructor(connection: Connection, sink: OutboxSink = NO_SINK) {
    this.collection = connection.collection<CriterionSetDocument>(CRITERION_SETS_COLLECTION);
    this.outbox = new OutboxWriter(connection, CRITERION_SETS_COLLECTION, sink);
  }

  async list(): Promise<StoredCriterionSet[]> {
    const docs = await this.collection.find().sort({ _id: 1 }).toArray();
    return docs.map((d) => fromCriterionSetDocument(d as CriterionSetDocument));
  }

  async get(id: string): Promise<StoredCriterionSet | undefined> {
    const doc = await this.collection.findOne({ _id: id });
    return doc ? fromCriterionSetDocument(doc) : undefined;
  }

  insert(set: StoredCriterionSet, events: readonly CloudEvent[] = []): Promise<boolean> {
    return this.outbox.write(set.definition.id, events, () => unlessDuplicate(() => this.collection.insertOne(toCriterionSetDocument(set, outboxFields(events)))));
  }

  /** $set rather than a replacement, so that events already in the document's outbox stay. */
  replaceIf(id: string, expected: { status: SetStatus; revision: number }, next: StoredCriterionSet, events: readonly CloudEvent[] = []): Promise<boolean> {
    const { _id: _ignored, ...fields } = toCriterionSetDocument(next);
    const unset = Object.fromEntries(OPTIONAL_SET_FIELDS.filter((f) => next[f] === undefined).map((f) => [f, '' as const]));
    const push = outboxPush(events) as { $push?: mongo.PushOperator<CriterionSetDocument>; $set?: Record<string, unknown> };
    const update: mongo.UpdateFilter<CriterionSetDocument> = {
      $set: { ...fields, ...push.$set },
      ...(push.$push ? { $push: push.$push } : {}),
      ...(Object.keys(unset).length ? { $unset: unset } : {}),
    };
    const filter = { _id: id, status: expected.status, revision: expected.revision };
    return this.outbox.write(id, events, async () => (await this.collection.updateOne(filter, update)).matchedCount === 1);
  }

  async deleteIf(id: string, expected: { status: SetStatus; revision: number }): Promise<boolean> {
    const result = await this.collection.deleteOne({ _id: id, status: expected.status, revision: expected.revision });
    return result.deletedCount === 1;
  }

  async changeToken(): Promise<string> {
    const docs = await this.collection.find({}, { projection: { _id: 1, revision: 1, status: 1 } }).sort({ _id: 1 }).toArray();
    return docs.map((d) => `${d._id}@${d.revision}:${d.status}`).join('|');
  }
}
