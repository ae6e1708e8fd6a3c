/**
 * The `expected` text of a result: a rule in words, with the profile's parameter values filled in,
 * so that a supplier reads "lifetime.sparePartsYears ≥ 5 years" rather than a parameter name.
 */
import type { Comparison, CriterionDefinition, CriterionParameter, RuleNode, Scoring } from '../catalogue/catalogue.types';
import { criterionRules, isComparison, walkRule } from '../catalogue/rule-walk';
import type { ParameterValue, ProfileCriterion } from './compliance.types';

export interface RenderContext {
  parameters: Readonly<Record<string, ParameterValue>>;
  /** Parameter definitions, whose defaults back up `parameters`. */
  definitions?: readonly CriterionParameter[];
  /** Statements, whose text replaces the id of a DeclarationRule. */
  statements?: readonly { id: string; text: string }[];
}

const SYMBOLS: Readonly<Record<string, string>> = { '==': '=', '!=': '≠', '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

function plain(value: unknown): string {
  if (Array.isArray(value)) return value.map(plain).join(', ');
  return typeof value === 'string' ? value : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function valueText(value: Comparison['value'], ctx: RenderContext): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return plain(value);
  const name = value.parameter;
  const resolved = Object.hasOwn(ctx.parameters, name) ? ctx.parameters[name] : ctx.definitions?.find((d) => d.name === name)?.default;
  if (resolved === undefined) return `<${name}: not set>`;
  return typeof value.plus === 'number' && typeof resolved === 'number' ? plain(Math.round((resolved + value.plus) * 1e9) / 1e9) : plain(resolved);
}

function unitText(unit: string | undefined): string {
  if (unit === undefined) return '';
  return unit === 'percent' ? ' %' : ` ${unit}`;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

function renderComparison(c: Comparison, ctx: RenderContext): string {
  const value = valueText(c.value, ctx);
  const symbol = SYMBOLS[c.operator];
  switch (c.operator) {
    case 'exists': return `exists ${c.property}`;
    case 'in': return `${c.property} is one of ${value}`;
    case 'contains': return `${c.property} contains ${value}`;
    case 'containsAll': return `${c.property} contains all of ${value}`;
    default:
      if (symbol === undefined) return `${c.property} ${String(c.operator)} ${value}`;
      if (c.relativeTo !== undefined) {
        const b = c.relativeTo.baseline;
        return `(${lastSegment(b)} − ${lastSegment(c.property)}) / ${lastSegment(b)} ${symbol} ${value} % below ${b}`;
      }
      return `${c.property} ${symbol} ${value}${unitText(c.unit)}`;
  }
}

/** Nested groups are parenthesised, so "all of: A; (any of: B; C)" stays unambiguous. */
function nested(node: RuleNode, ctx: RenderContext): string {
  const text = renderRule(node, ctx);
  return 'all' in node || 'any' in node ? `(${text})` : text;
}

export function renderRule(node: RuleNode, ctx: RenderContext): string {
  if (typeof node !== 'object' || node === null) return '<malformed rule>';
  if ('property' in node) return renderComparison(node, ctx);
  if ('all' in node) return `all of: ${node.all.map((n) => nested(n, ctx)).join('; ')}`;
  if ('any' in node) return `any of: ${node.any.map((n) => nested(n, ctx)).join('; ')}`;
  if ('not' in node) return `not (${renderRule(node.not, ctx)})`;
  if ('declared' in node) {
    const text = ctx.statements?.find((s) => s.id === node.declared)?.text ?? node.declared;
    return `supplier affirms "${text}"`;
  }
  if ('ecolabel' in node) {
    const { scheme, minVersion, minTier } = node.ecolabel;
    const version = minVersion !== undefined ? ` label, version ${minVersion} or later` : '';
    const tier = minTier !== undefined ? `${version === '' ? '' : ','} at tier ${minTier} or better` : '';
    return version === '' && tier === '' ? `${scheme} label` : `${scheme}${version}${tier}`;
  }
  return '<malformed rule>';
}

function percent(fraction: number): string {
  return String(Math.round(fraction * 1000) / 10);
}

export function renderScoring(scoring: Scoring, ctx: RenderContext): string {
  const bands = scoring.bands.map((b) => `${b.label ?? nested(b.when, ctx)} → ${percent(b.fractionOfMax)} %`);
  return `bands: ${bands.join('; ')}`;
}

/**
 * The expected text of a criterion: its rule, then its bands. A criterion with neither is
 * described by its summary, which is what a manual check has to confirm.
 */
export function renderExpected(criterion: CriterionDefinition, parameters: Readonly<Record<string, ParameterValue>>): string {
  const ctx: RenderContext = { parameters, definitions: criterion.parameters, statements: criterion.statements };
  const parts: string[] = [];
  if (criterion.rule !== undefined) parts.push(renderRule(criterion.rule, ctx));
  if (criterion.scoring !== undefined) parts.push(renderScoring(criterion.scoring, ctx));
  return parts.length > 0 ? parts.join('; ') : criterion.summary;
}

// Parameter names a criterion refers to, per definition object: definitions are immutable
// snapshots of the catalogue, so walking their rules once is enough.
const PARAMETER_REFS = new WeakMap<CriterionDefinition, string[]>();

/** The names of the parameters a criterion's rules refer to. */
export function parameterRefs(criterion: CriterionDefinition): string[] {
  let names = PARAMETER_REFS.get(criterion);
  if (names === undefined) {
    const found = new Set<string>();
    for (const root of criterionRules(criterion)) {
      walkRule(root.node, (leaf) => {
        const v = isComparison(leaf) ? leaf.value : undefined;
        if (typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v.parameter === 'string') found.add(v.parameter);
      });
    }
    names = [...found];
    PARAMETER_REFS.set(criterion, names);
  }
  return names;
}

interface RenderedVariant { values: unknown[]; text: string }
const EXPECTED = new WeakMap<CriterionDefinition, RenderedVariant[]>();
const MAX_VARIANTS = 8;

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/**
 * The rendered rule, cached per criterion and values of the parameters it refers to: rendering
 * costs as much as evaluating, and a profile evaluates the same criterion for every offer.
 */
export function expectedText(pc: ProfileCriterion): string {
  const c = pc.criterion;
  const values = parameterRefs(c).map((name) => (Object.hasOwn(pc.parameters, name) ? pc.parameters[name] : undefined));
  let variants = EXPECTED.get(c);
  const hit = variants?.find((v) => v.values.every((x, i) => sameValue(x, values[i])));
  if (hit !== undefined) return hit.text;
  const text = renderExpected(c, pc.parameters);
  if (variants === undefined) EXPECTED.set(c, (variants = []));
  if (variants.length >= MAX_VARIANTS) variants.shift();
  // Arrays are copied: a caller mutating its parameter list must not get a stale text.
  variants.push({ values: values.map((v) => (Array.isArray(v) ? [...v] : v)), text });
  return text;
}
