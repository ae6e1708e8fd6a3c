/**
 * One criterion of a tender profile against one offered item: applicability, the presumption of
 * conformity by ecolabel, the rule, and for award criteria the scoring bands. Pure.
 */
import type { CriterionDefinition } from '../catalogue/catalogue.types';
import type { CriterionResult, EvaluationInput, MissingEvidence, Outcome, ProfileCriterion } from './compliance.types';
import { checkLabel, claimMeets, claimRef, expiredMessage } from './label-version';
import { evaluateRule, newTrace, type RuleScope, type RuleTrace, type Truth } from './rule.engine';
import { expectedText, parameterRefs, renderRule } from './rule.renderer';

const DEFAULT_MAX_POINTS = 10;

function unsetParameters(pc: ProfileCriterion): string[] {
  return parameterRefs(pc.criterion).filter(
    (name) => !Object.hasOwn(pc.parameters, name) && pc.criterion.parameters?.find((d) => d.name === name)?.default === undefined,
  );
}

function maxPointsOf(pc: ProfileCriterion): number {
  const fromSet = pc.criterion.scoring?.maxPoints;
  return pc.maxPoints ?? (typeof fromSet === 'number' ? fromSet : DEFAULT_MAX_POINTS);
}

function missingName(m: RuleTrace['missing'][number]): string {
  return 'property' in m ? m.property : 'statement' in m ? `statement "${m.statement}"` : `${m.ecolabel} label`;
}

/** Evidence items naming the criterion or a path the rule read: what the verdict rests on. */
function evidenceFor(criterionId: string, input: EvaluationInput, trace: RuleTrace): { refs: string[]; testReport: boolean } {
  const refs: string[] = [];
  let testReport = false;
  const evidence = input.item.evidence;
  if (!Array.isArray(evidence)) return { refs, testReport };
  for (const e of evidence) {
    if (!Array.isArray(e?.covers) || !e.covers.some((c) => c === criterionId || trace.read.has(c))) continue;
    if (typeof e.ref === 'string' && !refs.includes(e.ref)) refs.push(e.ref);
    if (e.kind === 'test_report') testReport = true;
  }
  return { refs, testReport };
}

function missingKey(m: RuleTrace['missing'][number]): string {
  return 'property' in m ? `p:${m.property}` : 'statement' in m ? `s:${m.statement}` : `e:${m.ecolabel}`;
}

function finish(result: CriterionResult, outcome: Outcome, trace: RuleTrace, messages: string[], pc: ProfileCriterion): CriterionResult {
  result.outcome = outcome;
  result.observed = trace.observed;
  if (messages.length + trace.messages.length + trace.problems.length > 0) {
    result.messages = [...new Set([...messages, ...trace.messages, ...trace.problems])];
  }
  if (outcome === 'evidence_missing' && trace.missing.length > 0) {
    // Lists are short (a few leaves), so a linear scan beats building a Set.
    const keys: string[] = [];
    const missing: MissingEvidence[] = [];
    for (const m of trace.missing) {
      const key = missingKey(m);
      if (keys.includes(key)) continue;
      keys.push(key);
      missing.push({ criterionId: pc.criterion.id, ...m, acceptedEvidence: [...pc.criterion.verification.acceptedEvidence] });
    }
    result.missing = missing;
  }
  return result;
}

/** The presumption of conformity: a valid claim of a listed label settles the criterion. */
function presumption(pc: ProfileCriterion, input: EvaluationInput, messages: string[]): string | undefined {
  for (const req of pc.criterion.verification.presumptionByLabel ?? []) {
    const check = checkLabel(input.item.ecolabels, req, input.assessmentDate);
    if (check.truth === true && check.claim !== undefined) return claimRef(check.claim);
    for (const claim of check.expired) if (claimMeets(claim, req) !== false) messages.push(expiredMessage(claim));
  }
  return undefined;
}

export function evaluateCriterion(pc: ProfileCriterion, input: EvaluationInput): CriterionResult {
  const c = pc.criterion;
  const award = c.type === 'AC';
  const result: CriterionResult = {
    criterionId: c.id, setId: pc.setId, title: c.title, type: c.type, outcome: 'not_evaluated',
    expected: expectedText(pc),
  };
  if (award) {
    result.points = 0;
    result.maxPoints = maxPointsOf(pc);
  }
  const trace = newTrace();
  const messages: string[] = [];
  if (!c.appliesTo.categories.includes(input.item.category)) {
    messages.push(`applies to ${c.appliesTo.categories.join(', ')}, not to ${String(input.item.category)}`);
    return finish(result, 'not_applicable', trace, messages, pc);
  }
  const scope: RuleScope = { input, parameters: pc.parameters, definitions: c.parameters };
  const condition = c.appliesTo.condition;
  if (condition !== undefined) {
    const applies = evaluateRule(condition, scope, trace);
    if (trace.problems.length > 0) return finish(result, 'not_evaluated', trace, messages, pc);
    if (applies === false) {
      messages.push(`applies only when ${renderRule(condition, { parameters: pc.parameters })}`);
      return finish(result, 'not_applicable', trace, messages, pc);
    }
    if (applies === 'unknown') {
      messages.push(`applicability could not be confirmed (${trace.missing.map(missingName).join(', ')} not declared); evaluated anyway`);
      // What settles the condition is not what settles the criterion.
      trace.missing.length = 0;
    }
  }
  if (c.type === 'guidance') {
    messages.push('guidance for the procurer');
    return finish(result, 'not_evaluated', trace, messages, pc);
  }
  if (c.rule === undefined && c.scoring === undefined) {
    messages.push(`no machine-checkable rule; verify manually: ${c.verification.acceptedEvidence.join(', ')}`);
    return finish(result, 'not_evaluated', trace, messages, pc);
  }
  if (!award) {
    const claim = presumption(pc, input, messages);
    if (claim !== undefined) {
      result.via = 'ecolabel_presumption';
      result.evidenceUsed = [claim];
      return finish(result, 'pass', trace, messages, pc);
    }
  }
  const unset = unsetParameters(pc);
  if (unset.length > 0) {
    for (const name of unset) messages.push(`parameter "${name}" has no value: the procurer must set it`);
    return finish(result, 'not_evaluated', trace, messages, pc);
  }

  let truth: Truth = c.rule === undefined ? true : evaluateRule(c.rule, scope, trace);
  let fraction = 1;
  if (award && truth === true && c.scoring !== undefined) [truth, fraction] = scoreBands(c, scope, trace, messages);
  if (trace.problems.length > 0) return finish(result, 'not_evaluated', trace, messages, pc);

  const outcome: Outcome = truth === 'unknown' ? 'evidence_missing' : truth ? 'pass' : 'fail';
  if (award && outcome === 'pass') result.points = Math.round(fraction * (result.maxPoints ?? 0) * 1e6) / 1e6;
  if (outcome !== 'evidence_missing') {
    const evidence = evidenceFor(c.id, input, trace);
    result.via = evidence.testReport ? 'test_report' : 'declaration';
    if (evidence.refs.length > 0) result.evidenceUsed = evidence.refs;
  }
  return finish(result, outcome, trace, messages, pc);
}

/**
 * First band whose `when` holds wins. An unknown band before it could have been the winner, so
 * then the score is undetermined; bands after the first unknown are still read for `missing`.
 */
function scoreBands(c: CriterionDefinition, scope: RuleScope, trace: RuleTrace, messages: string[]): [Truth, number] {
  const bands = c.scoring?.bands ?? [];
  let unknown = false;
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i];
    if (band === undefined) continue;
    const t = evaluateRule(band.when, scope, trace);
    if (t === 'unknown') unknown = true;
    else if (t) {
      if (unknown) return ['unknown', 0];
      messages.push(`band ${i + 1} of ${bands.length}${band.label !== undefined ? ` (${band.label})` : ''}: ${Math.round(band.fractionOfMax * 1000) / 10} % of the points`);
      return [true, band.fractionOfMax];
    }
  }
  if (!unknown) messages.push('no scoring band is met');
  return [unknown ? 'unknown' : false, 0];
}
