import type { Bt774Code, CriterionDefinition, CriterionType } from '../catalogue.types';

/** OCDS sustainability extension: https://github.com/open-contracting-extensions/ocds_sustainability_extension */
export const OCDS_SUSTAINABILITY_EXTENSION =
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_sustainability_extension/master/extension.json';

// eForms BT-774 → sustainabilityGoal codes (the 2023 additions of the extension's open codelist;
// climate adaptation has no code there, so a narrower code is formed as the extension allows).
const GOAL_BY_BT774: Record<Bt774Code, string> = {
  'circ-econ': 'environmental.circularEconomy',
  'clim-mitig': 'environmental.climateChangeMitigation',
  'clim-adapt': 'environmental.climateChangeAdaptation',
  'pollu-prev': 'environmental.pollutionPrevention',
  'biodiv-eco': 'environmental.biodiversityProtectionRestoration',
  'water-mar': 'environmental.waterResourcesProtection',
  other: 'environmental',
};

const STRATEGY_BY_TYPE: Partial<Record<CriterionType, string>> = {
  SC: 'selectionCriteria',
  TS: 'technicalSpecifications',
  AC: 'awardCriteria',
  CPC: 'contractPerformanceConditions',
};

const STRATEGY_BY_BT805 = { eu: 'euGPPCriteria', national: 'nationalGPPCriteria', other: 'otherGPPCriteria' } as const;

export interface OcdsInput {
  criterion: CriterionDefinition;
  bt805: keyof typeof STRATEGY_BY_BT805;
}

export interface OcdsFragment {
  extensions: string[];
  tender: { hasSustainability: boolean; sustainability: { goal: string; strategies: string[]; description: string }[] };
}

/**
 * A fragment a buyer pastes into a tender publication: one entry per sustainability goal, with
 * the strategies (criterion types and the kind of GPP criteria) used for it. Guidance criteria
 * are advice to the buyer and appear in no tender, so they are left out.
 */
export function ocdsFragment(inputs: readonly OcdsInput[]): OcdsFragment {
  const goals = new Map<string, { strategies: Set<string>; ids: string[] }>();
  for (const { criterion, bt805 } of inputs) {
    const strategy = STRATEGY_BY_TYPE[criterion.type];
    if (!strategy) continue;
    const codes = criterion.eforms?.bt774?.length ? criterion.eforms.bt774 : (['other'] as Bt774Code[]);
    for (const code of codes) {
      const goal = GOAL_BY_BT774[code];
      const entry = goals.get(goal) ?? { strategies: new Set<string>(), ids: [] };
      entry.strategies.add(strategy).add(STRATEGY_BY_BT805[bt805]);
      entry.ids.push(criterion.id);
      goals.set(goal, entry);
    }
  }
  const sustainability = [...goals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([goal, { strategies, ids }]) => ({
      goal,
      strategies: [...strategies].sort(),
      description: `Criteria from the Procurement Sustainability Building Block catalogue: ${ids.join(', ')}`,
    }));
  return { extensions: [OCDS_SUSTAINABILITY_EXTENSION], tender: { hasSustainability: sustainability.length > 0, sustainability } };
}
