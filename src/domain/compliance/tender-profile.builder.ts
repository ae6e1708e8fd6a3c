import type { CatalogueIndex } from '../catalogue/catalogue.index';
import type { CriterionDefinition, CriterionParameter, ProductCategory, StoredCriterionSet } from '../catalogue/catalogue.types';
import { invalid, type FieldError } from '../errors';
import type { ParameterValue, ProfileCriterion } from './compliance.types';
import type { CriteriaSelection, TenderProfile } from './tender-profile.types';

const LEVEL_ORDER: Record<string, number> = { core: 0, comprehensive: 1, spearhead: 2 };
const DEFAULT_AWARD_POINTS = 10;

/** Whether the criterion is written for the lot's devices (new, refurbished or both). */
function fitsSupply(c: CriterionDefinition, selection: CriteriaSelection): boolean {
  const supply = c.appliesTo.supply ?? 'any';
  const lot = selection.supply ?? 'both';
  return supply === 'any' || lot === 'both' || supply === lot;
}

/** The lot's categories: the main one and those of a mixed lot. */
export function lotCategories(selection: CriteriaSelection): ProductCategory[] {
  return [...new Set([selection.category, ...(selection.lotCategories ?? [])])];
}

/**
 * Per set and category: the criteria for the category at the chosen level, plus lower-level
 * criteria of a source code that has no variant at that level ("the most ambitious variant up to
 * the level"), for the lot's supply. `recommended` criteria (guidance, label-level) only through
 * `include`.
 */
function selectFromSet(set: StoredCriterionSet, selection: CriteriaSelection, category: ProductCategory): CriterionDefinition[] {
  const applicable = set.definition.criteria.filter((c) => c.appliesTo.categories.includes(category) && fitsSupply(c, selection));
  if (selection.level === 'recommended') return applicable.filter((c) => c.level === 'recommended');
  const max = LEVEL_ORDER[selection.level] ?? 0;
  const best = new Map<string, CriterionDefinition>();
  for (const c of applicable) {
    const rank = LEVEL_ORDER[c.level];
    if (rank === undefined || rank > max) continue;
    const key = c.sourceCode ?? c.id;
    const current = best.get(key);
    if (!current || (LEVEL_ORDER[current.level] ?? 0) < rank) best.set(key, c);
  }
  const chosen = new Set(best.values());
  return applicable.filter((c) => chosen.has(c));
}

function parameterError(param: CriterionParameter, value: ParameterValue): string | undefined {
  const kind = Array.isArray(value) ? 'stringArray' : typeof value;
  if (kind !== param.type) return `must be a ${param.type}`;
  if (typeof value === 'number' && param.minimum !== undefined && value < param.minimum) return `must be at least ${param.minimum}`;
  if (typeof value === 'number' && param.maximum !== undefined && value > param.maximum) return `must be at most ${param.maximum}`;
  const strings = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const bad = param.allowed ? strings.filter((s) => !param.allowed?.includes(s)) : [];
  return bad.length > 0 ? `must be one of: ${param.allowed?.join(', ')}` : undefined;
}

export interface ProfileMeta {
  id: string;
  organisation: string;
  tenderRef?: string;
  title?: string;
  implicit: boolean;
  createdAt: string;
  createdBy: string;
}

/** Resolves a selection against the catalogue into an immutable profile; 400-kind errors point at the body. */
export function buildTenderProfile(selection: CriteriaSelection, meta: ProfileMeta, index: CatalogueIndex, base = '/body'): TenderProfile {
  const errors: FieldError[] = [];
  const sets: StoredCriterionSet[] = [];
  selection.criterionSetIds.forEach((id, i) => {
    const set = index.set(id);
    if (!set) errors.push({ pointer: `${base}/criterionSetIds/${i}`, reason: `criterion set "${id}" does not exist` });
    else if (set.status !== 'published') errors.push({ pointer: `${base}/criterionSetIds/${i}`, reason: `criterion set "${id}" is ${set.status}; only published sets are offered for new checks` });
    else sets.push(set);
  });
  if (errors.length > 0) throw invalid('The tender profile names unusable criterion sets', errors);

  const inSets = new Map(sets.flatMap((set) => set.definition.criteria.map((c) => [c.id, { set, c }] as const)));
  const categories = lotCategories(selection);
  const chosen = new Map(sets.flatMap((set) => categories.flatMap((category) => selectFromSet(set, selection, category).map((c) => [c.id, { set, c }] as const))));
  (selection.include ?? []).forEach((id, i) => {
    const found = inSets.get(id);
    if (!found) errors.push({ pointer: `${base}/include/${i}`, reason: `criterion "${id}" is not in the chosen sets` });
    else if (!found.c.appliesTo.categories.some((c) => categories.includes(c))) errors.push({ pointer: `${base}/include/${i}`, reason: `criterion "${id}" does not apply to ${categories.join(', ')}` });
    else chosen.set(id, found);
  });
  (selection.exclude ?? []).forEach((id, i) => {
    if (!chosen.delete(id)) errors.push({ pointer: `${base}/exclude/${i}`, reason: `criterion "${id}" is not selected` });
  });
  for (const [id, values] of Object.entries(selection.parameters ?? {})) {
    const found = chosen.get(id);
    if (!found) errors.push({ pointer: `${base}/parameters/${id}`, reason: `criterion "${id}" is not selected` });
    for (const [name, value] of Object.entries(values)) {
      const param = found?.c.parameters?.find((p) => p.name === name);
      if (found && !param) errors.push({ pointer: `${base}/parameters/${id}/${name}`, reason: `criterion "${id}" has no parameter "${name}"` });
      const problem = param && parameterError(param, value);
      if (problem) errors.push({ pointer: `${base}/parameters/${id}/${name}`, reason: problem });
    }
  }
  for (const id of Object.keys(selection.awardWeights ?? {})) {
    const found = chosen.get(id);
    if (found?.c.type !== 'AC') errors.push({ pointer: `${base}/awardWeights/${id}`, reason: found ? `criterion "${id}" is not an award criterion` : `criterion "${id}" is not selected` });
  }
  if (errors.length === 0 && chosen.size === 0) {
    errors.push({ pointer: `${base}/category`, reason: `no criterion of the chosen sets applies to ${categories.join(', ')} at level ${selection.level}` });
  }
  if (errors.length > 0) throw invalid('The tender profile is not consistent with the catalogue', errors);

  const ordered = [...inSets.values()].filter(({ c }) => chosen.has(c.id));
  const criteria: ProfileCriterion[] = ordered.map(({ set, c }) => {
    const parameters: Record<string, ParameterValue> = {};
    for (const p of c.parameters ?? []) if (p.default !== undefined) parameters[p.name] = p.default;
    Object.assign(parameters, selection.parameters?.[c.id]);
    const weight = selection.awardWeights?.[c.id] ?? (typeof c.scoring?.maxPoints === 'number' ? c.scoring.maxPoints : DEFAULT_AWARD_POINTS);
    return { setId: set.definition.id, setVersion: set.definition.version, criterion: c, parameters, ...(c.type === 'AC' ? { maxPoints: weight } : {}) };
  });
  return {
    ...meta,
    ...selection,
    criterionSets: sets.map((s) => ({ id: s.definition.id, version: s.definition.version, revision: s.revision })),
    criteria,
  };
}

export const isMandatory = (pc: ProfileCriterion): boolean => pc.criterion.type === 'TS' || pc.criterion.type === 'SC';
