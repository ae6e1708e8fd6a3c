/**
 * One criterion of a tender profile against one offered item: applicability, the rule on the
 * declared data, the presumption of conformity by ecolabel where the data leave it open, award
 * bands, and how far the result is established. Pure.
 *
 * Declared data decide before a label: a declared value that fails the rule fails the criterion
 * whatever label is claimed (the result is flagged as a conflict), and a label is read only where
 * the declared data leave the rule open.
 */
import type { CriterionResult, EvaluationInput, MissingEvidence, Outcome, ProfileCriterion } from './compliance.types';
import { scoreBands } from './award-bands';
import { checkApplicability } from './criterion-applicability';
import { checkLabel, claimRef } from './label-version';
import { evaluateRule, newTrace, type RuleScope, type RuleTrace, type Truth } from './rule.engine';
import { expectedText, parameterRefs } from './rule.renderer';
import { findEvidence } from './verification-state';

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

function missingKey(m: RuleTrace['missing'][number]): string {
  return 'property' in m ? `p:${m.property}` : 'statement' in m ? `s:${m.statement}` : `e:${m.ecolabel}`;
}

function finish(result: CriterionResult, outcome: Outcome, trace: RuleTrace, messages: string[], pc: ProfileCriterion): CriterionResult {
  result.outcome = outcome;
  result.observed = trace.observed;
  if (messages.length + trace.messages.length + trace.problems.length > 0) {
    result.messages = [...new Set([...trace.messages, ...messages, ...trace.problems])];
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

/** A label claim, accepted for this item, that the criterion lists as presuming conformity. */
function presumption(pc: ProfileCriterion, input: EvaluationInput, messages: string[]): string | undefined {
  for (const req of pc.criterion.verification.presumptionByLabel ?? []) {
    const check = checkLabel(input.item.ecolabels, req, input);
    if (check.truth === true && check.claim !== undefined) return claimRef(check.claim);
    messages.push(...check.rejected);
  }
  return undefined;
}

export function evaluateCriterion(pc: ProfileCriterion, input: EvaluationInput): CriterionResult {
  const c = pc.criterion;
  const award = c.type === 'AC';
  const result: CriterionResult = { criterionId: c.id, setId: pc.setId, title: c.title, type: c.type, outcome: 'not_evaluated', expected: expectedText(pc) };
  if (award) {
    result.points = 0;
    result.maxPoints = maxPointsOf(pc);
  }
  const trace = newTrace();
  const messages: string[] = [];
  const scope: RuleScope = { input, parameters: pc.parameters, definitions: c.parameters };
  const applicability = checkApplicability(c, scope, trace, pc.parameters);
  if (!applicability.applies) {
    if (applicability.message !== undefined) messages.push(applicability.message);
    if (applicability.effectiveFrom !== undefined) result.effectiveFrom = applicability.effectiveFrom;
    if (applicability.effectiveUntil !== undefined) result.effectiveUntil = applicability.effectiveUntil;
    return finish(result, applicability.outcome, trace, messages, pc);
  }
  if (c.type === 'guidance') {
    messages.push('guidance for the procurer');
    return finish(result, 'not_evaluated', trace, messages, pc);
  }
  if (c.rule === undefined && c.scoring === undefined) {
    messages.push(`no machine-checkable rule; verify manually: ${c.verification.acceptedEvidence.join(', ')}`);
    return finish(result, 'not_evaluated', trace, messages, pc);
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

  if (truth !== true) {
    const labelMessages: string[] = [];
    const claim = presumption(pc, input, labelMessages);
    if (claim !== undefined && truth === 'unknown') {
      trace.missing.length = 0;
      result.via = 'ecolabel_presumption';
      result.verification = 'presumed';
      result.evidenceUsed = [claim];
      if (award) result.points = result.maxPoints ?? 0;
      messages.push(`presumed to conform: ${claim} is a valid label for this item`);
      return finish(result, 'pass', trace, messages, pc);
    }
    if (claim !== undefined) {
      result.conflict = true;
      messages.push(`the declared data fail the criterion although ${claim} presumes conformity: the declared data decide; ask the supplier to explain the contradiction`);
    } else {
      messages.push(...labelMessages);
    }
  }

  const outcome: Outcome = truth === 'unknown' ? 'evidence_missing' : truth ? 'pass' : 'fail';
  if (award && outcome === 'pass') result.points = Math.round(fraction * (result.maxPoints ?? 0) * 1e6) / 1e6;
  if (outcome !== 'evidence_missing') {
    const found = findEvidence(c, input, trace);
    result.via = found.via;
    result.verification = found.state;
    if (found.refs.length > 0) result.evidenceUsed = found.refs;
    if (outcome === 'pass' && found.pending !== undefined) {
      result.pendingVerification = true;
      result.verifyWith = [...found.pending.acceptedEvidence];
      messages.push(found.pending.reason);
    }
  }
  return finish(result, outcome, trace, messages, pc);
}
