import type { CriterionResult } from '../api/types';
import { label } from '../i18n/t';

/** Outcomes and verdicts as words (colour only repeats them). */
export function OutcomeBadge({ outcome }: { outcome: CriterionResult['outcome'] }) {
  return <span className={`badge outcome-${outcome}`}>{label('outcome', outcome)}</span>;
}

export function VerdictBadge({ compliant }: { compliant: boolean | 'undetermined' }) {
  const key = String(compliant);
  return <span className={`badge verdict-${key}`}>{label('verdict', key)}</span>;
}

export function ConfidenceBadge({ confidence }: { confidence: string }) {
  return <span className={`badge confidence-${confidence}`}>{label('confidence', confidence)}</span>;
}
