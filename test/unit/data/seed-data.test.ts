/**
 * Checks the seed data of the criteria catalogue (data/criteria/*.yaml) against the API contract
 * (api/openapi.yaml). The semantic rules that the service also enforces at runtime (property paths,
 * value types, parameter/statement references, levels/categories) come from the domain
 * (checkCriterionSet); this file adds what only matters for the curated seed: the expected sets,
 * ids unique across files, unused ambition levels, units, band order and confidence notes.
 *
 * Every seed-only check is a pure function returning a list of human-readable problems; the last
 * block feeds deliberately broken copies of the real data to every check to prove that it can fail.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CriterionSetDefinition } from '../../../src/domain/catalogue/catalogue.types';
import { checkCriterionSet } from '../../../src/domain/catalogue/criterion-set.checks';
import { buildOfferVocabulary } from '../../../src/domain/catalogue/offer-vocabulary';
import { isComparison, walkCriterionRules } from '../../../src/domain/catalogue/rule-walk';
import { PROJECT_ROOT } from '../../../src/paths';

type Obj = Record<string, unknown>;

interface LoadedSet {
  /** File name without directory, e.g. "eu-gpp-computers-2021.yaml". */
  file: string;
  data: Obj;
}

const ROOT = PROJECT_ROOT;
const CRITERIA_DIR = join(ROOT, 'data', 'criteria');
const OPENAPI_PATH = join(ROOT, 'api', 'openapi.yaml');

const EXPECTED_SET_IDS = [
  'itu-t-l1061-2023',
  'eu-gpp-computers-2021',
  'eu-gpp-datacentres-2020',
  'eu-gpp-imaging-2020',
  'se-it-equipment',
  'no-dfo-it',
  'epeat-ieee-1680-1',
  'epeat-ieee-1680-1-2018',
  'tco-certified-gen10',
  'eu-legal-baseline',
];
const MIN_TOTAL_CRITERIA = 90;

// ------------------------------------------------------------------ small helpers

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObjArray(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter(isObj) : [];
}

function setId(set: LoadedSet): string {
  return typeof set.data.id === 'string' ? set.data.id : `<no id in ${set.file}>`;
}

function criteriaOf(set: LoadedSet): Obj[] {
  return asObjArray(set.data.criteria);
}

/** The set as the domain sees it; test 1 proves the seed files have that shape. */
function definition(set: LoadedSet): CriterionSetDefinition {
  return set.data as unknown as CriterionSetDefinition;
}

function label(set: LoadedSet, criterion: Obj): string {
  return `${set.file} › ${typeof criterion.id === 'string' ? criterion.id : '<no id>'}`;
}

// ------------------------------------------------------------------ loading

const openapi = parse(readFileSync(OPENAPI_PATH, 'utf8')) as Obj;
const schemas = (openapi.components as Obj).schemas as Obj;
const vocabulary = buildOfferVocabulary(schemas);

function loadSets(): { sets: LoadedSet[]; errors: string[] } {
  const sets: LoadedSet[] = [];
  const errors: string[] = [];
  const files = readdirSync(CRITERIA_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  for (const file of files) {
    try {
      const data: unknown = parse(readFileSync(join(CRITERIA_DIR, file), 'utf8'));
      if (!isObj(data)) {
        errors.push(`${file}: top level is not a mapping`);
        continue;
      }
      sets.push({ file, data });
    } catch (err) {
      errors.push(`${file}: YAML does not parse: ${(err as Error).message}`);
    }
  }
  return { sets, errors };
}

const loaded = loadSets();

// ------------------------------------------------------------------ 1. JSON Schema validation

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(openapi, 'openapi.json');
const validateSet = ajv.getSchema('openapi.json#/components/schemas/CriterionSetDefinition');
if (!validateSet) throw new Error('CriterionSetDefinition not found in api/openapi.yaml');

function checkSchema(sets: LoadedSet[]): string[] {
  const problems: string[] = [];
  for (const set of sets) {
    if (validateSet!(set.data)) continue;
    for (const e of validateSet!.errors ?? []) {
      problems.push(`${set.file}: ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    }
  }
  return problems;
}

// ------------------------------------------------------------------ 2. set ids, file names, counts, ids unique across files

function checkIdentity(sets: LoadedSet[]): string[] {
  const problems: string[] = [];
  const ids = sets.map(setId);
  for (const expected of EXPECTED_SET_IDS) {
    if (!ids.includes(expected)) problems.push(`criterion set "${expected}" is missing (expected file ${expected}.yaml)`);
  }
  for (const set of sets) {
    const expectedFile = `${setId(set)}.yaml`;
    if (set.file !== expectedFile) problems.push(`${set.file}: file name must equal the set id (${expectedFile})`);
  }
  const seenSets = new Set<string>();
  for (const id of ids) {
    if (seenSets.has(id)) problems.push(`set id "${id}" is used by more than one file`);
    seenSets.add(id);
  }
  const total = sets.reduce((n, s) => n + criteriaOf(s).length, 0);
  if (total < MIN_TOTAL_CRITERIA) problems.push(`only ${total} criteria in all; at least ${MIN_TOTAL_CRITERIA} are required`);
  const owner = new Map<string, string>();
  for (const set of sets) {
    for (const c of criteriaOf(set)) {
      const id = String(c.id);
      const first = owner.get(id);
      if (first !== undefined) problems.push(`criterion id "${id}" is used twice (${first} and ${set.file})`);
      else owner.set(id, set.file);
    }
  }
  return problems;
}

// ------------------------------------------------------------------ 3. the domain's semantic checks

/** checkCriterionSet on every set, as "<file>: <pointer> <reason>". */
function checkSemantics(sets: LoadedSet[]): string[] {
  return sets.flatMap((set) => checkCriterionSet(definition(set), vocabulary).map((e) => `${set.file}: ${e.pointer} ${e.reason}`));
}

// ------------------------------------------------------------------ 4. declared ambition levels are used

function checkUnusedLevels(sets: LoadedSet[]): string[] {
  const problems: string[] = [];
  for (const set of sets) {
    const used = new Set(definition(set).criteria.map((c) => c.level));
    for (const level of definition(set).ambitionLevels) {
      if (!used.has(level)) problems.push(`${set.file}: ambition level "${level}" is declared but no criterion uses it`);
    }
  }
  return problems;
}

// ------------------------------------------------------------------ 5. units of numeric comparisons

function checkUnits(sets: LoadedSet[]): string[] {
  const problems: string[] = [];
  for (const set of sets) {
    definition(set).criteria.forEach((criterion, i) => {
      walkCriterionRules(
        criterion,
        (leaf, pointer) => {
          if (!isComparison(leaf) || leaf.operator === 'exists') return;
          const where = `${set.file}: ${pointer} (${criterion.id})`;
          const shown = `${leaf.property} ${leaf.operator} ${JSON.stringify(leaf.value)}`;
          if (leaf.relativeTo) {
            if (leaf.unit !== 'percent') problems.push(`${where}: a percentBelow comparison must have unit "percent" (${shown})`);
            return;
          }
          const r = vocabulary.resolve(leaf.property);
          const numeric = r.ok && r.alternatives.length > 0 && r.alternatives.every((a) => a.kind === 'number' || a.kind === 'integer');
          if (numeric && leaf.unit === undefined) problems.push(`${where}: numeric comparison without a unit (${shown})`);
        },
        `/criteria/${i}`,
      );
    });
  }
  return problems;
}

// ------------------------------------------------------------------ 6. award scoring and confidence notes

function checkScoringAndNotes(sets: LoadedSet[]): string[] {
  const problems: string[] = [];
  for (const set of sets) {
    for (const c of criteriaOf(set)) {
      if (c.type === 'AC' && !isObj(c.scoring)) problems.push(`${label(set, c)}: award criterion (AC) without scoring`);
      if (isObj(c.scoring)) {
        const fractions = asObjArray(c.scoring.bands).map((b) => Number(b.fractionOfMax));
        if (fractions.some((f, i) => i > 0 && f > fractions[i - 1]!)) {
          problems.push(`${label(set, c)}: scoring bands must be ordered best first (fractions ${fractions.join(', ')})`);
        }
      }
      if (c.confidence !== 'verified' && (typeof c.notes !== 'string' || c.notes.trim() === '')) {
        problems.push(`${label(set, c)}: confidence "${String(c.confidence)}" requires notes saying what is unverified`);
      }
    }
  }
  return problems;
}

// ------------------------------------------------------------------ the tests

describe('seed data: criterion sets in data/criteria', () => {
  const { sets } = loaded;

  it('every file parses as a YAML mapping', () => {
    expect(loaded.errors).toEqual([]);
    expect(sets.length).toBeGreaterThanOrEqual(EXPECTED_SET_IDS.length);
  });

  it('1. every file validates against CriterionSetDefinition of api/openapi.yaml', () => {
    expect(checkSchema(sets)).toEqual([]);
  });

  it('2. all nine sets exist, file name = set id, enough criteria, criterion ids unique across files', () => {
    expect(checkIdentity(sets)).toEqual([]);
  });

  it('3. checkCriterionSet finds no semantic problem (paths, value types, references, levels, categories)', () => {
    expect(checkSemantics(sets)).toEqual([]);
  });

  it('4. every ambition level a set declares is used by one of its criteria', () => {
    expect(checkUnusedLevels(sets)).toEqual([]);
  });

  it('5. numeric comparisons carry a unit, percentBelow comparisons the unit "percent"', () => {
    expect(checkUnits(sets)).toEqual([]);
  });

  it('6. award criteria have scoring, bands are ordered best first, criteria that are not verified have notes', () => {
    expect(checkScoringAndNotes(sets)).toEqual([]);
  });
});

describe('seed data checks detect broken data', () => {
  const { sets } = loaded;

  /** A deep copy of all sets with one criterion changed. */
  function withCriterion(id: string, change: (c: Obj) => void): LoadedSet[] {
    const copy = structuredClone(sets);
    const target = copy.flatMap(criteriaOf).find((c) => c.id === id);
    if (!target) throw new Error(`test fixture: criterion ${id} not found`);
    change(target);
    return copy;
  }

  /** "<file>: /criteria/<index>" of a criterion of the real data, the prefix of its problems. */
  function at(id: string): string {
    for (const set of sets) {
      const index = criteriaOf(set).findIndex((c) => c.id === id);
      if (index >= 0) return `${set.file}: /criteria/${index}`;
    }
    throw new Error(`test fixture: criterion ${id} not found`);
  }

  function firstBand(c: Obj): Obj {
    return asObjArray((c.scoring as Obj).bands)[0]!;
  }

  it('1. schema: an unknown theme is rejected', () => {
    const broken = withCriterion('GPP21-TS6-core', (c) => {
      c.theme = 'sparkle';
    });
    expect(checkSchema(broken).join('\n')).toMatch(/eu-gpp-computers-2021\.yaml: \/criteria\/\d+\/theme/);
  });

  it('2. identity: a duplicate criterion id across files, a missing set and a wrong file name are reported', () => {
    const dup = withCriterion('NO-ROBUST-NB', (c) => {
      c.id = 'GPP21-TS6-core';
    });
    expect(checkIdentity(dup)).toEqual([expect.stringContaining('"GPP21-TS6-core" is used twice')]);
    const missing = sets.filter((s) => setId(s) !== 'no-dfo-it');
    expect(checkIdentity(missing)).toContainEqual(expect.stringContaining('"no-dfo-it" is missing'));
    const renamed = structuredClone(sets).map((s) => (setId(s) === 'se-it-equipment' ? { ...s, file: 'sweden.yaml' } : s));
    expect(checkIdentity(renamed)).toContainEqual(expect.stringContaining('sweden.yaml: file name must equal the set id'));
  });

  it('3a. semantics: a duplicate id within a set, a level or category outside the set are reported', () => {
    const dup = withCriterion('GPP21-TS6-comp', (c) => {
      c.id = 'GPP21-TS6-core';
    });
    expect(checkSemantics(dup)).toEqual([`${at('GPP21-TS6-comp')}/id criterion id "GPP21-TS6-core" is already used by ${at('GPP21-TS6-core').split(': ')[1]!}`]);
    const level = withCriterion('NO-ROBUST-NB', (c) => {
      c.level = 'spearhead';
    });
    expect(checkSemantics(level)).toEqual([expect.stringMatching(`^${at('NO-ROBUST-NB')}/level level "spearhead" is not in`)]);
    const category = withCriterion('NO-ROBUST-NB', (c) => {
      c.appliesTo = { categories: ['notebook', 'server'] };
    });
    expect(checkSemantics(category)).toEqual([expect.stringMatching(`^${at('NO-ROBUST-NB')}/appliesTo/categories/1 category "server" is not in`)]);
  });

  it('3b. semantics: unknown properties, service kinds and baselines are reported', () => {
    const prop = withCriterion('GPP21-TS6-core', (c) => {
      c.rule = { property: 'battery.cyclesAt81pct', operator: '>=', value: 300, unit: 'cycles' };
    });
    expect(checkSemantics(prop)).toEqual([expect.stringMatching(`^${at('GPP21-TS6-core')}/rule/property property "battery.cyclesAt81pct" does not resolve`)]);
    const kind = withCriterion('GPP21-TS23-core', (c) => {
      c.rule = { property: 'service.teleport.reuseFirst', operator: '==', value: true };
    });
    expect(checkSemantics(kind)).toEqual([expect.stringMatching(`^${at('GPP21-TS23-core')}/rule/property .*service kind "teleport"`)]);
    const baseline = withCriterion('SE-11169', (c) => {
      (firstBand(c).when as Obj).relativeTo = { baseline: 'energy.tecCeiling', mode: 'percentBelow' };
    });
    expect(checkSemantics(baseline)).toEqual([
      expect.stringMatching(`^${at('SE-11169')}/scoring/bands/0/when/relativeTo/baseline baseline "energy.tecCeiling" does not resolve`),
    ]);
  });

  it('3c. semantics: wrong value types, non-enum values and misused operators are reported', () => {
    const str = withCriterion('GPP21-TS6-core', (c) => {
      c.rule = { property: 'battery.cyclesAt80pct', operator: '>=', value: '300', unit: 'cycles' };
    });
    expect(checkSemantics(str)).toEqual([expect.stringMatching(`^${at('GPP21-TS6-core')}/rule/value .*does not fit the property type integer`)]);
    const enumValue = withCriterion('GPP21-AC6-core', (c) => {
      firstBand(c).when = { property: 'energy.euEnergyClass', operator: '==', value: 'A+++' };
    });
    // GPP21-AC6-core and -comp share their bands through a YAML alias, so both report it.
    expect(checkSemantics(enumValue)).toEqual(
      ['GPP21-AC6-core', 'GPP21-AC6-comp'].map(
        (id) => `${at(id)}/scoring/bands/0/when/value energy.euEnergyClass == "A+++" does not fit the property type string enum [A, B, C, D, E, F, G]`,
      ),
    );
    const op = withCriterion('GPP21-TS8-core', (c) => {
      c.rule = { property: 'battery.sohSoftware', operator: 'contains', value: 'yes' };
    });
    expect(checkSemantics(op)).toEqual([`${at('GPP21-TS8-core')}/rule/operator operator "contains" does not apply to battery.sohSoftware, which is boolean`]);
    const arrayItem = withCriterion('SE-NB-DURABILITY', (c) => {
      firstBand(c).when = { property: 'durability.testsPassed', operator: 'contains', value: 'bite' };
    });
    expect(checkSemantics(arrayItem)).toEqual([expect.stringMatching(`^${at('SE-NB-DURABILITY')}/scoring/bands/0/when/value .*"bite" does not fit`)]);
  });

  it('3d. semantics: undeclared parameters and statements are reported', () => {
    const param = withCriterion('GPP21-TS1-core', (c) => {
      c.rule = { property: 'lifetime.serviceAgreementYears', operator: '>=', value: { parameter: 'years' }, unit: 'years' };
    });
    expect(checkSemantics(param)).toEqual([`${at('GPP21-TS1-core')}/rule/value/parameter parameter "years" is not declared in the criterion's parameters`]);
    const statement = withCriterion('TCO10-ANTI-BRIBERY', (c) => {
      c.rule = { declared: 'iso-37001' };
    });
    expect(checkSemantics(statement)).toEqual([`${at('TCO10-ANTI-BRIBERY')}/rule/declared statement "iso-37001" is not in the criterion's statements`]);
  });

  it('4. unused levels: a declared ambition level no criterion uses is reported', () => {
    const broken = structuredClone(sets);
    const noDfo = broken.find((s) => setId(s) === 'no-dfo-it')!;
    noDfo.data.ambitionLevels = [...(noDfo.data.ambitionLevels as string[]), 'spearhead'];
    expect(checkUnusedLevels(broken)).toEqual(['no-dfo-it.yaml: ambition level "spearhead" is declared but no criterion uses it']);
  });

  it('5. units: a numeric comparison without a unit and a percentBelow in another unit are reported', () => {
    const noUnit = withCriterion('GPP21-TS6-core', (c) => {
      c.rule = { property: 'battery.cyclesAt80pct', operator: '>=', value: 300 };
    });
    expect(checkUnits(noUnit)).toEqual([expect.stringMatching(`^${at('GPP21-TS6-core')}/rule \\(GPP21-TS6-core\\): numeric comparison without a unit`)]);
    const wrongUnit = withCriterion('SE-11169', (c) => {
      (firstBand(c).when as Obj).unit = 'kWh/yr';
    });
    expect(checkUnits(wrongUnit)).toEqual([expect.stringContaining('/scoring/bands/0/when (SE-11169): a percentBelow comparison must have unit "percent"')]);
  });

  it('6. scoring/notes: an AC without scoring, bands out of order and an unverified criterion without notes are reported', () => {
    const noScoring = withCriterion('SE-11193', (c) => {
      delete c.scoring;
    });
    expect(checkScoringAndNotes(noScoring)).toEqual([expect.stringContaining('SE-11193: award criterion (AC) without scoring')]);
    const reversed = withCriterion('SE-11169', (c) => {
      (c.scoring as Obj).bands = asObjArray((c.scoring as Obj).bands).reverse();
    });
    expect(checkScoringAndNotes(reversed)).toEqual([expect.stringContaining('SE-11169: scoring bands must be ordered best first')]);
    const noNotes = withCriterion('GPP21-TS7-comp', (c) => {
      c.notes = '  ';
    });
    expect(checkScoringAndNotes(noNotes)).toEqual([expect.stringContaining('GPP21-TS7-comp: confidence "unverified" requires notes')]);
  });
});

describe('eForms codes and stages', () => {
  it('gives every seeded criterion its BT-774 codes and a stage, and every set its BT-805 value and CPV codes', () => {
    for (const set of loaded.sets) {
      const data = set.data as { eforms?: { bt805?: string }; cpvCodes?: string[]; criteria: { id: string; stage?: string; eforms?: { bt774?: string[] } }[] };
      expect([set.file, data.eforms?.bt805]).toEqual([set.file, expect.stringMatching(/^(eu|national|other)$/)]);
      expect(data.cpvCodes?.length).toBeGreaterThan(0);
      for (const c of data.criteria) {
        expect(c.eforms?.bt774?.length).toBeGreaterThan(0);
        expect(c.stage).toBeDefined();
      }
    }
  });
});
