import { Schema, type Connection, type Model } from 'mongoose';
import { presentString } from '../mongo-fields';

/**
 * Mongoose models of the catalogue. A set and its criteria are one
 * document, so every lifecycle change is a single atomic write (FerretDB and standalone MongoDB
 * have no multi-document transactions). Criteria are validated against the contract at the API
 * and by the seed loader, and stored as they are (Mixed).
 * Arrays default to `undefined` so that "absent" survives a round trip as absent.
 */
const arr = <T>(type: T) => ({ type: [type], default: undefined });
const str = { type: String };

export interface CriterionSetDocument {
  _id: string;
  definition: Record<string, unknown>;
  status: string;
  revision: number;
  origin: string;
  seedHash?: string;
  supersededBy?: string;
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
  retiredAt?: string;
  history: { at: string; actor: string; action: string; revision: number; detail?: string }[];
  outbox?: unknown[];
  outboxAt?: Date;
}

const definitionSchema = new Schema(
  {
    id: { type: String, required: true },
    title: { type: String, required: true },
    // the contract allows an empty publisher
    publisher: { type: String, required: presentString('publisher') },
    documentRef: str,
    url: str,
    version: { type: String, required: true },
    publishedOn: str,
    supersedes: arr(String),
    productCategories: { type: [String], required: true },
    ambitionLevels: { type: [String], required: true },
    cpvCodes: { type: [String], required: true },
    eforms: { type: new Schema({ bt805: { type: String, required: true } }, { _id: false }), required: true },
    licence: str,
    description: str,
    // Criteria are validated against the contract's CriterionDefinition before they are stored;
    // re-declaring that recursive shape here would only drop the fields it forgot.
    criteria: { type: [Schema.Types.Mixed], required: true },
  },
  { _id: false },
);

const criterionSetSchema = new Schema<CriterionSetDocument>(
  {
    _id: { type: String, required: true },
    definition: { type: definitionSchema, required: true },
    status: { type: String, enum: ['draft', 'published', 'retired'], required: true },
    revision: { type: Number, required: true, min: 1 },
    origin: { type: String, enum: ['seed', 'api'], required: true },
    seedHash: str,
    supersededBy: str,
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    publishedAt: str,
    retiredAt: str,
    history: [new Schema({ at: str, actor: str, action: str, revision: Number, detail: str }, { _id: false })],
    outbox: { type: [Schema.Types.Mixed], default: undefined },
    outboxAt: Date,
  },
  { collection: 'criterion_sets', versionKey: false, minimize: false, strict: 'throw' },
);
criterionSetSchema.index({ status: 1 });
criterionSetSchema.index({ outboxAt: 1 });

export function criterionSetModel(connection: Connection): Model<CriterionSetDocument> {
  return connection.models.CriterionSet ?? connection.model<CriterionSetDocument>('CriterionSet', criterionSetSchema);
}
