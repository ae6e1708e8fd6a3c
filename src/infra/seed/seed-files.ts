import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { canonicalJson, sha256 } from '../../domain/catalogue/catalogue.hash';
import type { SeedSet } from '../../domain/catalogue/catalogue.seeding';
import type { CriterionSetDefinition } from '../../domain/catalogue/catalogue.types';
import { PROJECT_ROOT } from '../../paths';
import type { Contract } from '../contract/contract';

export const SEED_DIR = path.join(PROJECT_ROOT, 'data', 'criteria');

/** Reads data/criteria/*.yaml and checks each file against the contract's CriterionSetDefinition. */
export function loadSeedFiles(contract: Contract, dir: string = SEED_DIR): SeedSet[] {
  const validate = contract.validator('CriterionSetDefinition');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      // structuredClone: YAML anchors make parsed nodes share objects; stored sets must not.
      const definition = structuredClone(parse(readFileSync(path.join(dir, file), 'utf8'))) as CriterionSetDefinition;
      if (!validate(definition)) {
        const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
        throw new Error(`Seed file ${file} does not match CriterionSetDefinition: ${problems}`);
      }
      return { definition, hash: sha256(canonicalJson(definition)) };
    });
}
