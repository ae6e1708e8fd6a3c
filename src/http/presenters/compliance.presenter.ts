import type { Assessment } from '../../domain/compliance/assessment.types';
import { isMandatory } from '../../domain/compliance/tender-profile.builder';
import type { TenderProfile } from '../../domain/compliance/tender-profile.types';
import { API_BASE } from '../../domain/api-paths';

export function profileView(profile: TenderProfile, withCriteria: boolean) {
  const { criteria, ...rest } = profile;
  const self = `${API_BASE}/tender-profiles/${profile.id}`;
  return {
    ...rest,
    criteriaCount: criteria.length,
    links: { self, ranking: `${self}/ranking`, assessments: `${API_BASE}/assessments?profileId=${profile.id}` },
    ...(withCriteria ? { criteria: criteria.map((pc) => ({ ...pc, mandatory: isMandatory(pc) })) } : {}),
  };
}

export const assessmentLocation = (id: string): string => `${API_BASE}/assessments/${id}`;

/** The stored assessment minus what stays internal: the raw offer, the request hash, the actor. */
export function assessmentView(assessment: Assessment, withItems: boolean) {
  const { offer: _offer, requestHash: _hash, createdBy: _by, items, ...rest } = assessment;
  const self = assessmentLocation(assessment.id);
  return {
    ...rest,
    links: { self, report: `${self}/report`, profile: `${API_BASE}/tender-profiles/${assessment.profileId}` },
    ...(withItems ? { items } : {}),
  };
}
