import type { TenderProfile } from '../../../domain/compliance/tender-profile.types';
import type { OutboxFields } from '../../outbox/outbox.fields';
import { fromStoredKeys, toStoredKeys } from '../stored-keys';
import { mapFields } from '../field-order';

/**
 * A tender profile as stored (schema version 2): the snapshot's criteria, parameters and weights
 * as subdocuments, its creation time and the tender's dates as BSON dates. Version 1 documents
 * held the profile as JSON text in `body`; they are still read, and `npm run migrate` rewrites them.
 */
export const PROFILE_SCHEMA_VERSION = 2;

export interface ProfileDocument extends OutboxFields {
  _id: string;
  schemaVersion: number;
  organisation: string;
  tenderRef?: string;
  createdAt: Date;
  deliveryDate?: Date;
  contractEndDate?: Date;
  [field: string]: unknown;
}

export interface LegacyProfileDocument extends OutboxFields {
  _id: string;
  body: string;
}

const day = (d: string): Date => new Date(`${d}T00:00:00Z`);
const DAY_FIELDS = new Set(['deliveryDate', 'contractEndDate']);

export function toProfileDocument(p: TenderProfile, outbox: OutboxFields): ProfileDocument {
  const stored = mapFields(toStoredKeys(p), (key, v) => {
    if (key === 'id') return [['_id', v], ['schemaVersion', PROFILE_SCHEMA_VERSION]];
    if (key === 'createdAt') return [[key, new Date(v as string)]];
    if (DAY_FIELDS.has(key)) return [[key, day(v as string)]];
    return undefined;
  });
  return { ...outbox, ...stored } as ProfileDocument;
}

export function fromProfileDocument(doc: ProfileDocument | LegacyProfileDocument): TenderProfile {
  if (typeof doc.body === 'string') return JSON.parse(doc.body) as TenderProfile;
  return mapFields(fromStoredKeys(doc), (key, v) => {
    if (key === '_id') return [['id', v]];
    if (key === 'schemaVersion' || key === 'outbox' || key === 'outboxAt') return [];
    if (key === 'createdAt') return [[key, (v as Date).toISOString()]];
    if (DAY_FIELDS.has(key)) return [[key, (v as Date).toISOString().slice(0, 10)]];
    return undefined;
  }) as unknown as TenderProfile;
}
