import { createHash } from 'node:crypto';
import type { StoredCriterionSet } from './catalogue.types';

/** Deterministic JSON: object keys sorted, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** Identifies one stored state of a set; the basis of its ETag and of If-Match checks. */
export function setContentHash(set: StoredCriterionSet): string {
  return sha256(canonicalJson(set)).slice(0, 27);
}
