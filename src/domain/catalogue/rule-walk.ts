/**
 * Walking rule trees with JSON Pointers, shared by the authoring checks (criterion-set.checks.ts)
 * and the rule renderer (rule.renderer.ts) so that both name a leaf by the same pointer.
 */
import type { Comparison, CriterionDefinition, DeclarationRule, EcolabelRule, RuleNode } from './catalogue.types';

export type RuleLeaf = Comparison | EcolabelRule | DeclarationRule;

export type RuleVisitor = (leaf: RuleLeaf, pointer: string) => void;

/** A rule tree of a criterion and the JSON Pointer of its root. */
export interface RuleRoot {
  node: RuleNode;
  pointer: string;
}

/**
 * Calls `visit` for every leaf (comparison, ecolabel or declaration rule) below `node`, depth
 * first in document order. `pointer` is the pointer of `node` itself; leaves get theirs appended
 * (`<pointer>/all/0/not`).
 */
export function walkRule(node: RuleNode, visit: RuleVisitor, pointer = ''): void {
  if ('all' in node) node.all.forEach((child, i) => walkRule(child, visit, `${pointer}/all/${i}`));
  else if ('any' in node) node.any.forEach((child, i) => walkRule(child, visit, `${pointer}/any/${i}`));
  else if ('not' in node) walkRule(node.not, visit, `${pointer}/not`);
  else visit(node, pointer);
}

export function isComparison(leaf: RuleLeaf): leaf is Comparison {
  return 'property' in leaf;
}

export function isDeclarationRule(leaf: RuleLeaf): leaf is DeclarationRule {
  return 'declared' in leaf;
}

export function isEcolabelRule(leaf: RuleLeaf): leaf is EcolabelRule {
  return 'ecolabel' in leaf;
}

/**
 * Every rule tree of a criterion: its rule, its applicability condition and each scoring band's
 * `when`. `pointer` is the criterion's own pointer (e.g. `/criteria/3`).
 */
export function criterionRules(criterion: CriterionDefinition, pointer = ''): RuleRoot[] {
  const roots: RuleRoot[] = [];
  if (criterion.rule !== undefined) roots.push({ node: criterion.rule, pointer: `${pointer}/rule` });
  if (criterion.appliesTo.condition !== undefined) {
    roots.push({ node: criterion.appliesTo.condition, pointer: `${pointer}/appliesTo/condition` });
  }
  criterion.scoring?.bands.forEach((band, i) => roots.push({ node: band.when, pointer: `${pointer}/scoring/bands/${i}/when` }));
  return roots;
}

/** Calls `visit` for every leaf of every rule tree of a criterion. */
export function walkCriterionRules(criterion: CriterionDefinition, visit: RuleVisitor, pointer = ''): void {
  for (const root of criterionRules(criterion, pointer)) walkRule(root.node, visit, root.pointer);
}
