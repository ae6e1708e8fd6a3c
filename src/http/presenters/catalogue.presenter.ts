import type { Schema } from '../openapi/contract.types';
import type { IndexedCriterion } from '../../domain/catalogue/catalogue.index';
import type { CriterionDefinition, StoredCriterionSet } from '../../domain/catalogue/catalogue.types';
import { API_BASE } from '../../domain/api-paths';

const enc = encodeURIComponent;

/**
 * A criterion as the contract describes it. Its theme is a free string in the domain; every stored
 * set was validated against the contract's `Theme` when it was seeded or written through the API.
 */
export const criterionFields = (criterion: CriterionDefinition): Schema<'CriterionDefinition'> => ({ ...criterion, theme: criterion.theme as Schema<'Theme'> });

export function criterionView(criterion: CriterionDefinition, set: StoredCriterionSet): Schema<'Criterion'> {
  const setId = set.definition.id;
  return {
    ...criterionFields(criterion),
    setId,
    setVersion: set.definition.version,
    setStatus: set.status,
    links: { self: `${API_BASE}/criteria/${enc(criterion.id)}?set=${enc(setId)}`, set: `${API_BASE}/criterion-sets/${enc(setId)}` },
  };
}

// Entries of the catalogue index are immutable (a change builds a new index), so an entry's JSON
// can be kept, UTF-8 encoded, for as long as the entry lives: a page of criteria is then a copy of
// bytes, not a serialisation and an encoding of ~50 objects.
const serialised = new WeakMap<IndexedCriterion, Buffer>();

/** The criterion's JSON view as UTF-8 bytes, serialised once per catalogue index entry. */
export function criterionJson(entry: IndexedCriterion): Buffer {
  let bytes = serialised.get(entry);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(criterionView(entry.criterion, entry.set)));
    serialised.set(entry, bytes);
  }
  return bytes;
}

const COMMA = Buffer.from(',');

/** `prefix` + the items separated by commas + `suffix`, as one buffer. */
export function jsonArrayBytes(prefix: string, items: readonly Buffer[], suffix: string): Buffer {
  const parts: Buffer[] = [Buffer.from(prefix)];
  items.forEach((item, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(item);
  });
  parts.push(Buffer.from(suffix));
  return Buffer.concat(parts);
}

export function setSummaryView(set: StoredCriterionSet): Schema<'CriterionSetSummary'> {
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

export function setView(set: StoredCriterionSet): Schema<'CriterionSet'> {
  return {
    ...setSummaryView(set),
    criteria: set.definition.criteria.map((c) => criterionView(c, set)),
    history: set.history,
  };
}
