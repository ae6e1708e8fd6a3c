import type { Comparison, CriterionFields, ParameterValue, RuleNode } from '../api/types';
import { label, t } from '../i18n/t';

type Statements = CriterionFields['statements'];
type Values = Record<string, ParameterValue | undefined>;

const UNIT_WORDS: Record<string, string> = { percent: '%', years: 'years', months: 'months', cycles: 'cycles' };

function valueWords(c: Comparison, values: Values): string {
  const v = c.value;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const set = values[v.parameter];
    return set === undefined ? t('rule.parameter', { name: v.parameter }) : t('rule.parameterSet', { value: plain(set) });
  }
  const unit = c.unit ? ` ${UNIT_WORDS[c.unit] ?? c.unit}` : '';
  return `${plain(v)}${unit}`;
}

function plain(v: ParameterValue | undefined): string {
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  return String(v ?? '');
}

/**
 * A rule tree in plain words, with the buyer's values where a profile sets them:
 * `battery.cyclesAt80pct is at least 300 cycles`.
 */
export function ruleWords(rule: RuleNode, statements: Statements = [], values: Values = {}): string {
  if ('all' in rule) return rule.all.length === 1 ? ruleWords(rule.all[0]!, statements, values) : t('rule.all', { parts: rule.all.map((r) => `(${ruleWords(r, statements, values)})`).join('; ') });
  if ('any' in rule) return t('rule.any', { parts: rule.any.map((r) => `(${ruleWords(r, statements, values)})`).join('; ') });
  if ('not' in rule) return t('rule.not', { part: ruleWords(rule.not, statements, values) });
  if ('ecolabel' in rule) {
    const e = rule.ecolabel;
    return t('rule.ecolabel', { scheme: e.scheme }) + (e.minVersion ? t('rule.ecolabelVersion', { version: e.minVersion }) : '') + (e.minTier ? t('rule.ecolabelTier', { tier: e.minTier }) : '');
  }
  if ('declared' in rule) {
    const text = statements?.find((s) => s.id === rule.declared)?.text ?? rule.declared;
    return t('rule.declared', { statement: text });
  }
  if (rule.operator === 'exists') return t('rule.exists', { property: rule.property });
  if (rule.relativeTo) return t('rule.relative', { property: rule.property, value: valueWords({ ...rule, unit: undefined }, values), baseline: rule.relativeTo.baseline });
  return t('rule.compare', { property: rule.property, operator: label('op', rule.operator), value: valueWords(rule, values) });
}

/** Every comparison of a rule tree, in order: the thresholds a criterion sets. */
export function comparisons(rule: RuleNode | undefined): Comparison[] {
  if (!rule) return [];
  if ('all' in rule) return rule.all.flatMap(comparisons);
  if ('any' in rule) return rule.any.flatMap(comparisons);
  if ('not' in rule) return comparisons(rule.not);
  if ('property' in rule) return [rule];
  return [];
}

/** The threshold of one comparison in words (a buyer parameter named as such). */
export function thresholdWords(c: Comparison, values: Values = {}): string {
  return c.operator === 'exists' ? '' : valueWords({ ...c, unit: undefined }, values);
}

export const operatorWords = (c: Comparison): string => label('op', c.operator);

