/**
 * Whether a criterion applies to an offered item before its rule is read: the item's category,
 * whether it is new or refurbished, the dates the criterion is in force, and its own condition.
 */
import type { CriterionDefinition } from '../catalogue/catalogue.types';
import type { EvaluationInput, ParameterValue, ProductDeclaration } from './compliance.types';
import { evaluateRule, type RuleScope, type RuleTrace } from './rule.engine';
import { renderRule } from './rule.renderer';

export type Applicability =
  | { applies: true }
  | { applies: false; outcome: 'not_applicable' | 'not_evaluated'; message?: string; effectiveFrom?: string; effectiveUntil?: string };

/** Criteria apply as in force on the delivery date when the tender names one, else on the assessment date. */
export function evaluationDate(input: EvaluationInput): { date: string; what: string } {
  return input.deliveryDate !== undefined ? { date: input.deliveryDate, what: 'delivery date' } : { date: input.assessmentDate, what: 'assessment date' };
}

/** Refurbished when the item says so, or when it is silent in a lot of refurbished devices. */
export function isRefurbished(item: ProductDeclaration, input: EvaluationInput): boolean {
  return item.isRefurbished === true || (item.isRefurbished === undefined && input.lotSupply === 'refurbished');
}

const APPLIES: Applicability = { applies: true };

function inTime(c: CriterionDefinition, input: EvaluationInput): Applicability {
  if (c.effectiveFrom === undefined && c.effectiveUntil === undefined) return APPLIES;
  const { date, what } = evaluationDate(input);
  const dates = { ...(c.effectiveFrom !== undefined ? { effectiveFrom: c.effectiveFrom } : {}), ...(c.effectiveUntil !== undefined ? { effectiveUntil: c.effectiveUntil } : {}) };
  if (c.effectiveFrom !== undefined && date < c.effectiveFrom) {
    return { applies: false, outcome: 'not_applicable', message: `applies from ${c.effectiveFrom}, after the ${what} ${date}`, ...dates };
  }
  if (c.effectiveUntil !== undefined && date > c.effectiveUntil) {
    return { applies: false, outcome: 'not_applicable', message: `applied until ${c.effectiveUntil}, before the ${what} ${date}`, ...dates };
  }
  return APPLIES;
}

export function checkApplicability(c: CriterionDefinition, scope: RuleScope, trace: RuleTrace, parameters: Readonly<Record<string, ParameterValue>>): Applicability {
  const { input } = scope;
  if (!c.appliesTo.categories.includes(input.item.category)) {
    return { applies: false, outcome: 'not_applicable', message: `applies to ${c.appliesTo.categories.join(', ')}, not to ${String(input.item.category)}` };
  }
  const supply = c.appliesTo.supply ?? 'any';
  if (supply !== 'any' && (supply === 'refurbished') !== isRefurbished(input.item, input)) {
    return { applies: false, outcome: 'not_applicable', message: supply === 'refurbished' ? 'applies only to refurbished devices; the item is not declared refurbished' : 'applies only to new devices; the item is refurbished' };
  }
  const time = inTime(c, input);
  if (!time.applies) return time;
  const condition = c.appliesTo.condition;
  if (condition === undefined) return APPLIES;
  const applies = evaluateRule(condition, scope, trace);
  if (trace.problems.length > 0) return { applies: false, outcome: 'not_evaluated' };
  if (applies === false) return { applies: false, outcome: 'not_applicable', message: `applies only when ${renderRule(condition, { parameters })}` };
  if (applies === 'unknown') {
    const names = trace.missing.map((m) => ('property' in m ? m.property : 'statement' in m ? `statement "${m.statement}"` : `${m.ecolabel} label`));
    trace.messages.push(`applicability could not be confirmed (${names.join(', ')} not declared); evaluated anyway`);
    // What settles the condition is not what settles the criterion.
    trace.missing.length = 0;
  }
  return APPLIES;
}
