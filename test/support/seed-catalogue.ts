/**
 * The seed catalogue (data/criteria/*.yaml) run through the real domain, for tests that pin what a
 * seeded criterion answers: `checkSeed` evaluates one criterion against an item as a compliance
 * check would, `selectSeed` lists what a tender profile selects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CatalogueIndex } from '../../src/domain/catalogue/catalogue.index';
import type { CriterionDefinition, CriterionSetDefinition, StoredCriterionSet } from '../../src/domain/catalogue/catalogue.types';
import type { CriterionResult, EvaluationInput, ParameterValue, ProductDeclaration, ServiceDeclaration, SupplierInfo } from '../../src/domain/compliance/compliance.types';
import { evaluateCriterion } from '../../src/domain/compliance/criterion.evaluator';
import { buildTenderProfile } from '../../src/domain/compliance/tender-profile.builder';
import type { CriteriaSelection, TenderProfile } from '../../src/domain/compliance/tender-profile.types';

const DIR = join(__dirname, '..', '..', 'data', 'criteria');

export const seedSets: readonly CriterionSetDefinition[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => structuredClone(parse(readFileSync(join(DIR, f), 'utf8'))) as CriterionSetDefinition);

export function seedSet(id: string): CriterionSetDefinition {
  const set = seedSets.find((s) => s.id === id);
  if (!set) throw new Error(`no seed set ${id}`);
  return set;
}

export function seedCriterion(id: string): { set: CriterionSetDefinition; criterion: CriterionDefinition } {
  for (const set of seedSets) {
    const criterion = set.criteria.find((c) => c.id === id);
    if (criterion) return { set, criterion };
  }
  throw new Error(`no seeded criterion ${id}`);
}

/** The seed catalogue as stored after seeding: every set published, superseded ones retired. */
export function seedIndex(): CatalogueIndex {
  const at = '2026-01-01T00:00:00.000Z';
  const superseded = new Set(seedSets.flatMap((s) => s.supersedes ?? []));
  const stored: StoredCriterionSet[] = seedSets.map((definition) => ({
    definition,
    status: superseded.has(definition.id) ? 'retired' : 'published',
    revision: 1,
    origin: 'seed',
    createdAt: at,
    updatedAt: at,
    history: [],
  }));
  return new CatalogueIndex(stored);
}

export interface SeedCheckOptions {
  assessmentDate?: string;
  deliveryDate?: string;
  contractEndDate?: string;
  country?: string;
  lotSupply?: EvaluationInput['lotSupply'];
  parameters?: Record<string, ParameterValue>;
  supplier?: SupplierInfo;
  services?: ServiceDeclaration[];
}

type Item = Partial<ProductDeclaration> & Pick<ProductDeclaration, 'category'>;

/** One seeded criterion against one item, with its defaults and the buyer's `parameters`. */
export function checkSeed(criterionId: string, item: Item, options: SeedCheckOptions = {}): CriterionResult {
  const { set, criterion } = seedCriterion(criterionId);
  const parameters: Record<string, ParameterValue> = {};
  for (const p of criterion.parameters ?? []) if (p.default !== undefined) parameters[p.name] = p.default;
  Object.assign(parameters, options.parameters);
  const { assessmentDate = '2026-12-01', supplier = { name: 'Supplier' }, services = [], parameters: _p, ...context } = options;
  const input: EvaluationInput = { item: { manufacturer: 'Acme', model: 'X1', ...item }, supplier, services, assessmentDate, ...context };
  return evaluateCriterion({ setId: set.id, setVersion: set.version, criterion, parameters }, input);
}

/** The profile a buyer gets for this selection from the seed catalogue. */
export function seedProfile(selection: CriteriaSelection): TenderProfile {
  const meta = { id: '00000000-0000-4000-8000-000000000000', organisation: 'test', implicit: false, createdAt: '2026-12-01T00:00:00.000Z', createdBy: 'test' };
  return buildTenderProfile(selection, meta, seedIndex());
}

/** The ids of the criteria a tender profile selects for this selection. */
export function selectSeed(selection: CriteriaSelection): string[] {
  return seedProfile(selection).criteria.map((pc) => pc.criterion.id);
}
