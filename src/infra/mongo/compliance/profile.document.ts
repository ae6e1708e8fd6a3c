import type { TenderProfile } from '../../../domain/compliance/tender-profile.types';
import type { OutboxFields } from '../../outbox/outbox.fields';
import { fromStoredKeys, toStoredKeys } from '../stored-keys';

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

export function toProfileDocument(p: TenderProfile, outbox: OutboxFields): ProfileDocument {
  const { id, createdAt, deliveryDate, contractEndDate, ...rest } = p;
  return {
    ...outbox,
    _id: id,
    schemaVersion: PROFILE_SCHEMA_VERSION,
    ...toStoredKeys(rest),
    createdAt: new Date(createdAt),
    ...(deliveryDate ? { deliveryDate: day(deliveryDate) } : {}),
    ...(contractEndDate ? { contractEndDate: day(contractEndDate) } : {}),
  };
}

export function fromProfileDocument(doc: ProfileDocument | LegacyProfileDocument): TenderProfile {
  if (typeof doc.body === 'string') return JSON.parse(doc.body) as TenderProfile;
  const { _id, schemaVersion: _v, outbox: _o, outboxAt: _oa, createdAt, deliveryDate, contractEndDate, ...rest } = fromStoredKeys(doc as ProfileDocument);
  return {
    ...(rest as unknown as Omit<TenderProfile, 'id' | 'createdAt'>),
    id: _id,
    createdAt: createdAt.toISOString(),
    ...(deliveryDate ? { deliveryDate: deliveryDate.toISOString().slice(0, 10) } : {}),
    ...(contractEndDate ? { contractEndDate: contractEndDate.toISOString().slice(0, 10) } : {}),
  };
}
