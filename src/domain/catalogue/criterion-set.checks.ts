/**
 * Semantic checks of a criterion set that JSON Schema cannot express: every rule must be
 * evaluable against an offer (its property exists, its value has the property's type), and every
 * reference inside the set must resolve. The shape of the set has already been validated against
 * CriterionSetDefinition (request validation, seed loader), so it is trusted here.
 */
import type { FieldError } from '../errors';
import type { Comparison, CriterionDefinition, CriterionParameter, CriterionSetDefinition } from './catalogue.types';
import type { OfferVocabulary, PropertyAlternative, PropertyResolution, ValueKind } from './offer-vocabulary';
import { reviewProblems } from './criterion-review';
import { isComparison, isDeclarationRule, walkCriterionRules } from './rule-walk';

type Report = (pointer: string, reason: string) => void;

// '==' and '!=' count as numeric operators too: a band may well ask for exactly 0 of something.
const NUMERIC_OPERATORS: readonly string[] = ['==', '!=', '>=', '>', '<=', '<'];
const EQUALITY_OPERATORS: readonly string[] = ['==', '!='];
const OPERATORS_BY_KIND: Readonly<Record<ValueKind, readonly string[]>> = {
  number: NUMERIC_OPERATORS,
  integer: NUMERIC_OPERATORS,
  boolean: EQUALITY_OPERATORS,
  string: [...EQUALITY_OPERATORS, 'in'],
  array: ['contains', 'containsAll'],
};

/** The type of a comparison's value, written literally or taken from a parameter. */
interface ValueShape {
  kind: CriterionParameter['type'] | 'invalid';
  /** Strings that must lie in the property's enum. */
  strings: readonly string[];
  /** Numbers that must be whole for an integer property. */
  numbers: readonly number[];
}

function literalShape(value: unknown): ValueShape {
  if (typeof value === 'number') return { kind: 'number', strings: [], numbers: [value] };
  if (typeof value === 'string') return { kind: 'string', strings: [value], numbers: [] };
  if (typeof value === 'boolean') return { kind: 'boolean', strings: [], numbers: [] };
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) {
    return { kind: 'stringArray', strings: value, numbers: [] };
  }
  return { kind: 'invalid', strings: [], numbers: [] };
}

// The procurer may set a parameter to any allowed value, so the default and every allowed value
// must fit the property just as a literal would.
function parameterShape(p: CriterionParameter): ValueShape {
  const d = literalShape(p.default);
  return { kind: p.type, strings: [...(p.allowed ?? []), ...d.strings], numbers: d.numbers };
}

function inEnum(alt: PropertyAlternative, strings: readonly string[]): boolean {
  const allowed = alt.enum;
  return !allowed || strings.every((s) => allowed.includes(s));
}

function fits(alt: PropertyAlternative, operator: string, v: ValueShape): boolean {
  if (!OPERATORS_BY_KIND[alt.kind].includes(operator)) return false;
  switch (alt.kind) {
    case 'number':
      return v.kind === 'number';
    case 'integer':
      return v.kind === 'number' && v.numbers.every(Number.isInteger);
    case 'boolean':
      return v.kind === 'boolean';
    case 'string':
      return v.kind === (operator === 'in' ? 'stringArray' : 'string') && inEnum(alt, v.strings);
    case 'array': {
      const wanted = operator === 'contains' ? 'string' : 'stringArray';
      return v.kind === wanted && (alt.items ?? []).some((item) => item.kind === 'string' && inEnum(item, v.strings));
    }
  }
}

function isNumeric(alts: readonly PropertyAlternative[]): boolean {
  return alts.length > 0 && alts.every((a) => a.kind === 'number' || a.kind === 'integer');
}

function describe(alts: readonly PropertyAlternative[]): string {
  if (alts.length === 0) return 'an object';
  return alts
    .map((a) => `${a.kind}${a.enum ? ` enum [${a.enum.join(', ')}]` : ''}${a.items ? ` of ${describe(a.items)}` : ''}`)
    .join(' | ');
}

/** Undefined when the value names an undeclared parameter (reported here). */
function valueShape(c: Comparison, criterion: CriterionDefinition, at: string, report: Report): ValueShape | undefined {
  const v = c.value;
  if (typeof v !== 'object' || Array.isArray(v)) return literalShape(v);
  const parameter = criterion.parameters?.find((p) => p.name === v.parameter);
  if (!parameter) report(`${at}/value/parameter`, `parameter "${v.parameter}" is not declared in the criterion's parameters`);
  else if (v.plus !== undefined && parameter.type !== 'number') report(`${at}/value/plus`, `"plus" needs a number parameter; "${v.parameter}" is a ${parameter.type}`);
  return parameter && parameterShape(parameter);
}

// percentBelow turns property and baseline into a percentage, so both must be numbers and the
// threshold a number compared by order.
function checkRelative(
  c: Comparison,
  at: string,
  resolved: { property: PropertyResolution; baseline: PropertyResolution; value: ValueShape | undefined },
  report: Report,
): void {
  const { property, baseline, value } = resolved;
  if (property.ok && !isNumeric(property.alternatives)) {
    report(`${at}/property`, `percentBelow needs a numeric property; ${c.property} is ${describe(property.alternatives)}`);
  }
  if (baseline.ok && !isNumeric(baseline.alternatives)) {
    const shown = `${c.relativeTo?.baseline ?? ''} is ${describe(baseline.alternatives)}`;
    report(`${at}/relativeTo/baseline`, `percentBelow needs a numeric baseline; ${shown}`);
  }
  if (!NUMERIC_OPERATORS.includes(c.operator)) report(`${at}/operator`, `percentBelow needs an order operator, not "${c.operator}"`);
  else if (value && value.kind !== 'number') report(`${at}/value`, `percentBelow compares against a number (${JSON.stringify(c.value)})`);
}

function checkComparison(c: Comparison, at: string, criterion: CriterionDefinition, vocabulary: OfferVocabulary, report: Report): void {
  const property = vocabulary.resolve(c.property);
  if (!property.ok) report(`${at}/property`, `property "${c.property}" does not resolve in the offer: ${property.reason}`);
  const baseline = c.relativeTo && vocabulary.resolve(c.relativeTo.baseline);
  if (baseline && !baseline.ok) {
    report(`${at}/relativeTo/baseline`, `baseline "${c.relativeTo?.baseline ?? ''}" does not resolve in the offer: ${baseline.reason}`);
  }
  const value = valueShape(c, criterion, at, report);
  if (baseline) {
    checkRelative(c, at, { property, baseline, value }, report);
    return;
  }
  if (!property.ok) return;
  const alts = property.alternatives;
  const shown = `${c.property} ${c.operator} ${JSON.stringify(c.value)}`;
  if (c.operator === 'exists') {
    if (c.value !== undefined) report(`${at}/value`, `"exists" takes no value (${shown})`);
  } else if (c.value === undefined) {
    report(`${at}/value`, `operator "${c.operator}" needs a value`);
  } else if (!alts.some((a) => OPERATORS_BY_KIND[a.kind].includes(c.operator))) {
    report(`${at}/operator`, `operator "${c.operator}" does not apply to ${c.property}, which is ${describe(alts)}`);
  } else if (value && !alts.some((a) => fits(a, c.operator, value))) {
    report(`${at}/value`, `${shown} does not fit the property type ${describe(alts)}`);
  }
}

function checkPlacement(set: CriterionSetDefinition, c: CriterionDefinition, at: string, report: Report): void {
  if (!set.ambitionLevels.includes(c.level)) {
    report(`${at}/level`, `level "${c.level}" is not in the set's ambitionLevels [${set.ambitionLevels.join(', ')}]`);
  }
  c.appliesTo.categories.forEach((category, j) => {
    if (!set.productCategories.includes(category)) {
      report(`${at}/appliesTo/categories/${j}`, `category "${category}" is not in the set's productCategories [${set.productCategories.join(', ')}]`);
    }
  });
}

function checkDeclarations(c: CriterionDefinition, at: string, report: Report): void {
  const names = new Set<string>();
  c.parameters?.forEach((p, k) => {
    if (names.has(p.name)) report(`${at}/parameters/${k}/name`, `parameter "${p.name}" is declared twice`);
    names.add(p.name);
    if (p.default !== undefined && literalShape(p.default).kind !== p.type) {
      report(`${at}/parameters/${k}/default`, `default ${JSON.stringify(p.default)} is not of the parameter's type ${p.type}`);
    }
  });
  const ids = new Set<string>();
  c.statements?.forEach((s, k) => {
    if (ids.has(s.id)) report(`${at}/statements/${k}/id`, `statement "${s.id}" is declared twice`);
    ids.add(s.id);
  });
}

/** Every semantic problem of `set`, each with a JSON Pointer into the set; empty when it is sound. */
export function checkCriterionSet(set: CriterionSetDefinition, vocabulary: OfferVocabulary): FieldError[] {
  const errors: FieldError[] = [];
  const report: Report = (pointer, reason) => {
    errors.push({ pointer, reason });
  };
  const firstIndex = new Map<string, number>();
  set.criteria.forEach((criterion, i) => {
    const at = `/criteria/${i}`;
    const first = firstIndex.get(criterion.id);
    if (first === undefined) firstIndex.set(criterion.id, i);
    else report(`${at}/id`, `criterion id "${criterion.id}" is already used by /criteria/${first}`);
    checkPlacement(set, criterion, at, report);
    checkDeclarations(criterion, at, report);
    for (const p of reviewProblems(criterion, set)) report(`${at}${p.at}`, p.reason);
    walkCriterionRules(
      criterion,
      (leaf, pointer) => {
        if (isComparison(leaf)) checkComparison(leaf, pointer, criterion, vocabulary, report);
        else if (isDeclarationRule(leaf) && !criterion.statements?.some((s) => s.id === leaf.declared)) {
          report(`${pointer}/declared`, `statement "${leaf.declared}" is not in the criterion's statements`);
        }
        // Ecolabel rules name a scheme the schema already restricts: nothing to cross-check.
      },
      at,
    );
  });
  return errors;
}
