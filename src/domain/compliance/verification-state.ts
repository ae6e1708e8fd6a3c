/**
 * How far a pass or a fail is established, from the evidence the item lists: a document of a kind
 * the criterion accepts makes it `evidenced`; otherwise it rests on the supplier's word
 * (`declared`), which is enough only where the criterion accepts a supplier declaration. A pass on
 * an unaccepted declaration is still a pass, but one the officer must verify before award.
 */
import type { CriterionDefinition } from '../catalogue/catalogue.types';
import type { EvaluationInput, PendingVerification, VerificationState, Via } from './compliance.types';
import type { RuleTrace } from './rule.engine';

export interface EvidenceFinding {
  refs: string[];
  via: Via;
  state: VerificationState;
  /** Set when a pass resting on this finding must be verified before award. */
  pending?: PendingVerification;
}

/** Evidence items naming the criterion or a path the rule read: what the verdict rests on. */
export function findEvidence(c: CriterionDefinition, input: EvaluationInput, trace: RuleTrace): EvidenceFinding {
  const accepted = c.verification.acceptedEvidence;
  const refs: string[] = [];
  let testReport = false;
  let acceptedDocument = false;
  const evidence = input.item.evidence;
  if (Array.isArray(evidence)) {
    for (const e of evidence) {
      if (!Array.isArray(e?.covers) || !e.covers.some((x) => x === c.id || trace.read.has(x))) continue;
      if (typeof e.ref === 'string' && !refs.includes(e.ref)) refs.push(e.ref);
      if (e.kind === 'test_report') testReport = true;
      if (e.kind !== 'supplier_declaration' && accepted.includes(e.kind)) acceptedDocument = true;
    }
  }
  const via: Via = testReport ? 'test_report' : 'declaration';
  if (acceptedDocument) return { refs, via, state: 'evidenced' };
  const pending = pendingOf(c);
  return pending === undefined ? { refs, via, state: 'declared' } : { refs, via, state: 'declared', pending };
}

// Criteria are immutable snapshots evaluated millions of times: what a declared pass lacks is
// worked out once per criterion.
const PENDING = new WeakMap<CriterionDefinition, PendingVerification | null>();

function pendingOf(c: CriterionDefinition): PendingVerification | undefined {
  let pending = PENDING.get(c);
  if (pending === undefined) {
    const accepted = c.verification.acceptedEvidence;
    const wanted = accepted.filter((k) => k !== 'supplier_declaration');
    pending = accepted.includes('supplier_declaration') ? null : { criterionId: c.id, acceptedEvidence: wanted, reason: `pending verification: rests on the supplier's declaration; the criterion accepts only ${wanted.join(', ')}` };
    PENDING.set(c, pending);
  }
  return pending ?? undefined;
}
