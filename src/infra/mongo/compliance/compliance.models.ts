import { Schema, type Connection, type Model } from 'mongoose';
import { presentString } from '../mongo-fields';

/**
 * Tender profiles and assessments. Both are write-once documents, read whole through the API;
 * their deep parts (criteria snapshots, per-criterion results, the offer as received) were
 * validated against the contract and are kept as JSON text in `body`. Measured on FerretDB this
 * doubles insert throughput (it converts nested documents field by field) and it keeps keys such
 * as property paths ("battery.cyclesAt80pct"), which FerretDB refuses as field names, intact.
 * The fields queries use are top-level, typed and indexed.
 */
export interface ProfileDocument {
  _id: string;
  organisation: string;
  tenderRef?: string;
  createdAt: string;
  body: string;
  outbox?: unknown[];
  outboxAt?: Date;
}

export interface AssessmentDocument {
  _id: string;
  organisation: string;
  offerId: string;
  tenderRef?: string;
  profileId: string;
  compliant: boolean | string;
  evaluatedAt: string;
  body: string;
  outbox?: unknown[];
  outboxAt?: Date;
}

const profileSchema = new Schema<ProfileDocument>(
  {
    _id: { type: String, required: true },
    organisation: { type: String, required: true },
    tenderRef: String,
    createdAt: { type: String, required: true },
    body: { type: String, required: true },
    outbox: { type: [Schema.Types.Mixed], default: undefined },
    outboxAt: Date,
  },
  { collection: 'tender_profiles', versionKey: false, minimize: false },
);
profileSchema.index({ outboxAt: 1 });
profileSchema.index({ organisation: 1, tenderRef: 1, createdAt: -1 });
profileSchema.index({ createdAt: -1 });

const assessmentSchema = new Schema<AssessmentDocument>(
  {
    _id: { type: String, required: true },
    organisation: { type: String, required: true },
    // the offer's own id, which the contract allows to be empty
    offerId: { type: String, required: presentString('offerId') },
    tenderRef: String,
    profileId: { type: String, required: true },
    compliant: { type: Schema.Types.Mixed, required: true },
    evaluatedAt: { type: String, required: true },
    body: { type: String, required: true },
    outbox: { type: [Schema.Types.Mixed], default: undefined },
    outboxAt: Date,
  },
  { collection: 'assessments', versionKey: false, minimize: false },
);
assessmentSchema.index({ outboxAt: 1 });
assessmentSchema.index({ profileId: 1, evaluatedAt: -1 });
assessmentSchema.index({ organisation: 1, tenderRef: 1, evaluatedAt: -1 });
assessmentSchema.index({ evaluatedAt: -1 });

export function profileModel(connection: Connection): Model<ProfileDocument> {
  return connection.models.TenderProfile ?? connection.model<ProfileDocument>('TenderProfile', profileSchema);
}

export function assessmentModel(connection: Connection): Model<AssessmentDocument> {
  return connection.models.Assessment ?? connection.model<AssessmentDocument>('Assessment', assessmentSchema);
}
