import type { CriterionDefinition, StoredCriterionSet } from '../../domain/catalogue/catalogue.types';

export const API_BASE = '/api/v1';
const enc = encodeURIComponent;

export function criterionView(criterion: CriterionDefinition, set: StoredCriterionSet) {
  const setId = set.definition.id;
  return {
    ...criterion,
    setId,
    setVersion: set.definition.version,
    setStatus: set.status,
    links: { self: `${API_BASE}/criteria/${enc(criterion.id)}?set=${enc(setId)}`, set: `${API_BASE}/criterion-sets/${enc(setId)}` },
  };
}

export function setSummaryView(set: StoredCriterionSet) {
  const { criteria, ...metadata } = set.definition;
  const confidenceCounts = { verified: 0, 'partly-verified': 0, unverified: 0 };
  for (const c of criteria) confidenceCounts[c.confidence]++;
  const self = `${API_BASE}/criterion-sets/${enc(metadata.id)}`;
  return {
    ...metadata,
    ...(set.supersededBy ? { supersededBy: set.supersededBy } : {}),
    status: set.status,
    revision: set.revision,
    criteriaCount: criteria.length,
    confidenceCounts,
    createdAt: set.createdAt,
    updatedAt: set.updatedAt,
    ...(set.publishedAt ? { publishedAt: set.publishedAt } : {}),
    ...(set.retiredAt ? { retiredAt: set.retiredAt } : {}),
    links: { self, criteria: `${API_BASE}/criteria?set=${enc(metadata.id)}&status=${set.status}`, export: `${self}/export` },
  };
}

export function setView(set: StoredCriterionSet) {
  return {
    ...setSummaryView(set),
    criteria: set.definition.criteria.map((c) => criterionView(c, set)),
    history: set.history,
  };
}
