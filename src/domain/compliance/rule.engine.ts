/**
 * Pure three-valued evaluation of a RuleNode against one offered item:
 * a rule is true, false or unknown, and unknown (something undeclared) is never turned into false.
 * The trace records what the rule read, what would settle an unknown, and problems of the rule or
 * profile itself (e.g. a parameter without value), which make the criterion not evaluable.
 */
import type { Comparison, ComparisonValue, CriterionParameter, EcolabelScheme, RuleNode } from '../catalogue/catalogue.types';
import type { EvaluationInput, ParameterValue } from './compliance.types';
import { checkLabel } from './label-version';
import { readPath } from './offer-path';


export type Truth = boolean | 'unknown';

export type MissingRef = { property: string } | { statement: string } | { ecolabel: EcolabelScheme };

export interface RuleScope {
  input: EvaluationInput;
  /** The profile's values (procurer's over defaults). */
  parameters: Readonly<Record<string, ParameterValue>>;
  /** The criterion's parameter definitions, whose defaults back up `parameters`. */
  definitions?: readonly CriterionParameter[];
}

export interface RuleTrace {
  /** Declared values read, by path. */
  observed: Record<string, unknown>;
  /** Every path read, declared or not. */
  read: Set<string>;
  /** Only what made the result unknown: entries of branches that decided true/false are dropped. */
  missing: MissingRef[];
  messages: string[];
  /** Defects of the rule or profile, not of the offer. */
  problems: string[];
}

export function newTrace(): RuleTrace {
  return { observed: {}, read: new Set(), missing: [], messages: [], problems: [] };
}

// ------------------------------------------------------------------ reading the offer

function read(path: string, scope: RuleScope, trace: RuleTrace): unknown {
  const value = readPath(path, scope.input);
  trace.read.add(path);
  if (value !== undefined) {
    // A path named "__proto__" must become a key, not replace the prototype.
    if (path === '__proto__') Object.defineProperty(trace.observed, path, { value, enumerable: true, writable: true, configurable: true });
    else trace.observed[path] = value;
  }
  return value;
}

// ------------------------------------------------------------------ comparisons

const NO_VALUE = Symbol('no value');
type Primitive = number | string | boolean;

function isPrimitive(v: unknown): v is Primitive {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}
function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function resolveValue(value: ComparisonValue | undefined, scope: RuleScope, trace: RuleTrace): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const name: unknown = value.parameter;
  if (typeof name !== 'string') {
    trace.problems.push(`malformed value ${describe(value)}`);
    return NO_VALUE;
  }
  const resolved = Object.hasOwn(scope.parameters, name) ? scope.parameters[name] : scope.definitions?.find((d) => d.name === name)?.default;
  if (resolved === undefined) {
    trace.problems.push(`parameter "${name}" has no value: the procurer must set it`);
    return NO_VALUE;
  }
  const plus: unknown = value.plus;
  if (plus === undefined) return resolved;
  if (typeof plus !== 'number' || typeof resolved !== 'number') {
    trace.problems.push(`"plus" needs a number parameter and a number; parameter "${name}" is ${describe(resolved)}`);
    return NO_VALUE;
  }
  // Rounded so that 0.1-steps of years or percentages do not pick up float noise.
  return Math.round((resolved + plus) * 1e9) / 1e9;
}

/**
 * How far `value` lies below `baseline`, in percent. Rounded to 1e-9 so that thresholds hit
 * exactly (e.g. 80 %) are not missed by float noise. A zero baseline is taken at its limit: a
 * zero value is 0 % below it, a positive value infinitely above it.
 */
export function percentBelow(value: number, baseline: number): number {
  if (baseline === 0) return value === 0 ? 0 : value > 0 ? -Infinity : Infinity;
  return Math.round(((baseline - value) * 100 / baseline) * 1e9) / 1e9;
}

function describe(v: unknown): string {
  return Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}

function unknownProperty(path: string, trace: RuleTrace): Truth {
  trace.missing.push({ property: path });
  return 'unknown';
}

function wrongType(path: string, declared: unknown, c: Comparison, trace: RuleTrace): Truth {
  trace.messages.push(`${path} is declared as ${describe(declared)}, which "${c.operator}" cannot compare; treated as not declared`);
  return unknownProperty(path, trace);
}

function badRuleValue(c: Comparison, expected: string, got: unknown, trace: RuleTrace): Truth {
  trace.problems.push(`rule on ${c.property} ("${c.operator}") needs ${expected} as value, got ${describe(got)}`);
  return 'unknown';
}

function compare(c: Comparison, scope: RuleScope, trace: RuleTrace): Truth {
  const declared = read(c.property, scope, trace);
  if (c.operator === 'exists') return declared !== undefined ? true : unknownProperty(c.property, trace);
  const expected = resolveValue(c.value, scope, trace);
  if (expected === NO_VALUE) return 'unknown';
  let actual = declared;
  // A percentage computed from two finite numbers may be ±Infinity (zero baseline): still ordered.
  const computed = c.relativeTo !== undefined;
  if (c.relativeTo !== undefined) {
    const baseline = read(c.relativeTo.baseline, scope, trace);
    if (declared === undefined || baseline === undefined) {
      if (declared === undefined) trace.missing.push({ property: c.property });
      if (baseline === undefined) trace.missing.push({ property: c.relativeTo.baseline });
      return 'unknown';
    }
    if (!isNumber(declared)) return wrongType(c.property, declared, c, trace);
    if (!isNumber(baseline)) return wrongType(c.relativeTo.baseline, baseline, c, trace);
    actual = percentBelow(declared, baseline);
  } else if (declared === undefined) {
    return unknownProperty(c.property, trace);
  }
  switch (c.operator) {
    case '==':
    case '!=':
      if (!isPrimitive(expected)) return badRuleValue(c, 'a number, string or boolean', expected, trace);
      if (!isPrimitive(actual) && !computed) return wrongType(c.property, declared, c, trace);
      // Different primitive types are simply unequal: some properties admit several (e.g.
      // lifetime.repairability.value is a class "A" or a number).
      return (actual === expected) === (c.operator === '==');
    case '>=': case '>': case '<=': case '<':
      if (!isNumber(expected)) return badRuleValue(c, 'a number', expected, trace);
      if (typeof actual !== 'number' || (!computed && !isNumber(actual))) return wrongType(c.property, declared, c, trace);
      return c.operator === '>=' ? actual >= expected : c.operator === '>' ? actual > expected : c.operator === '<=' ? actual <= expected : actual < expected;
    case 'in':
      if (!Array.isArray(expected)) return badRuleValue(c, 'a list', expected, trace);
      if (!isPrimitive(actual)) return wrongType(c.property, declared, c, trace);
      return expected.includes(actual);
    case 'contains':
      if (!isPrimitive(expected)) return badRuleValue(c, 'a string', expected, trace);
      if (!Array.isArray(actual)) return wrongType(c.property, declared, c, trace);
      return actual.includes(expected);
    case 'containsAll': {
      if (!Array.isArray(expected)) return badRuleValue(c, 'a list', expected, trace);
      if (!Array.isArray(actual)) return wrongType(c.property, declared, c, trace);
      const list: unknown[] = actual;
      return expected.every((v) => list.includes(v));
    }
    default:
      trace.problems.push(`unknown operator "${String(c.operator)}" on ${c.property}`);
      return 'unknown';
  }
}

// ------------------------------------------------------------------ tree

function combine(children: readonly RuleNode[], isAll: boolean, scope: RuleScope, trace: RuleTrace): Truth {
  // Rules are validated upstream; a malformed one must still not crash the whole assessment.
  const list: unknown = children;
  if (!Array.isArray(list)) return malformed(trace);
  const start = trace.missing.length;
  // all: a false decides; any: a true decides. Every child is still read so that `observed`
  // shows the whole picture.
  let decided = false;
  let unknown = false;
  for (const child of children) {
    const t = evaluateRule(child, scope, trace);
    if (t === 'unknown') unknown = true;
    else if (t !== isAll) decided = true;
  }
  if (decided || !unknown) {
    trace.missing.length = start;
    return decided ? !isAll : isAll;
  }
  return 'unknown';
}

function malformed(trace: RuleTrace): Truth {
  trace.problems.push('malformed rule node');
  return 'unknown';
}

export function evaluateRule(node: RuleNode, scope: RuleScope, trace: RuleTrace): Truth {
  if (typeof node !== 'object' || node === null) return malformed(trace);
  if ('property' in node) return compare(node, scope, trace);
  if ('all' in node) return combine(node.all, true, scope, trace);
  if ('any' in node) return combine(node.any, false, scope, trace);
  if ('not' in node) {
    const t = evaluateRule(node.not, scope, trace);
    return t === 'unknown' ? t : !t;
  }
  if ('declared' in node) {
    const decls = scope.input.item.declarations;
    const value: unknown = typeof decls === 'object' && decls !== null && Object.hasOwn(decls, node.declared) ? decls[node.declared] : undefined;
    if (typeof value === 'boolean') return value;
    if (value !== undefined) trace.messages.push(`declaration "${node.declared}" is ${describe(value)}, not true or false`);
    trace.missing.push({ statement: node.declared });
    return 'unknown';
  }
  if ('ecolabel' in node) {
    const check = checkLabel(scope.input.item.ecolabels, node.ecolabel, scope.input);
    if (check.truth !== 'unknown') return check.truth;
    trace.messages.push(...check.rejected);
    trace.missing.push({ ecolabel: node.ecolabel.scheme });
    return 'unknown';
  }
  return malformed(trace);
}
