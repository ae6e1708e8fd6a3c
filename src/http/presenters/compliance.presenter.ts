import type { Schema } from '../openapi/contract.types';
import type { Assessment } from '../../domain/compliance/assessment.types';
import { isMandatory } from '../../domain/compliance/tender-profile.builder';
import type { TenderProfile } from '../../domain/compliance/tender-profile.types';
import { API_BASE } from '../../domain/api-paths';
import { criterionFields } from './catalogue.presenter';

export function profileView(profile: TenderProfile, withCriteria: true): Schema<'TenderProfile'>;
export function profileView(profile: TenderProfile, withCriteria: false): Schema<'TenderProfileSummary'>;
export function profileView(profile: TenderProfile, withCriteria: boolean): Schema<'TenderProfile'> | Schema<'TenderProfileSummary'> {
  const { criteria, ...rest } = profile;
  const self = `${API_BASE}/tender-profiles/${profile.id}`;
  const summary = {
    ...rest,
    criteriaCount: criteria.length,
    links: { self, ranking: `${self}/ranking`, assessments: `${API_BASE}/assessments?profileId=${profile.id}` },
  };
  if (!withCriteria) return summary;
  return { ...summary, criteria: criteria.map((pc) => ({ ...pc, criterion: criterionFields(pc.criterion), mandatory: isMandatory(pc) })) };
}

export const assessmentLocation = (id: string): string => `${API_BASE}/assessments/${id}`;

/** The stored assessment minus what stays internal: the raw offer, the request hash, the actor. */
export function assessmentView(assessment: Assessment, withItems: true): Schema<'Assessment'>;
export function assessmentView(assessment: Assessment, withItems: false): Schema<'AssessmentListItem'>;
export function assessmentView(assessment: Assessment, withItems: boolean): Schema<'Assessment'> | Schema<'AssessmentListItem'> {
  const { offer: _offer, requestHash: _hash, createdBy: _by, items, ...rest } = assessment;
  const self = assessmentLocation(assessment.id);
  const fields = { ...rest, links: { self, report: `${self}/report`, profile: `${API_BASE}/tender-profiles/${assessment.profileId}` } };
  return withItems ? { ...fields, items } : fields;
}
