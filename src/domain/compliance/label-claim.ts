/**
 * Whether an ecolabel claim may stand for the offered item at all, before its version or tier is
 * read: a certificate proves something only about the product it was issued for, only while it is
 * valid (over the delivery or contract period, not just today) and only where it is registered.
 */
import type { EcolabelClaim, EvaluationInput, ProductDeclaration } from './compliance.types';

export type ClaimAcceptance = { ok: true } | { ok: false; reason: string };

/** Letters and digits only, lower case: "ThinkPad X1 Carbon Gen. 11" = "thinkpad x1 carbon gen 11". */
function norm(value: unknown): string {
  return typeof value === 'string' ? value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') : '';
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function identifierValues(item: ProductDeclaration): string[] {
  const ids = item.identifiers;
  if (typeof ids !== 'object' || ids === null) return [];
  return Object.values(ids as Record<string, unknown>).flatMap((v) => (typeof v === 'string' ? [norm(v)] : []));
}

/** The certificate id is one of the item's identifiers, a GTIN is shared, or manufacturer and model match. */
export function identifiesItem(claim: EcolabelClaim, item: ProductDeclaration): boolean {
  const certificate = norm(claim.certificateId);
  if (certificate !== '' && identifierValues(item).includes(certificate)) return true;
  const covers = claim.covers;
  if (typeof covers !== 'object' || covers === null) return false;
  const gtins = new Set(strings((item.identifiers as { gtin?: unknown } | undefined)?.gtin).map((g) => g.replace(/^0+/, '')));
  if (strings(covers.gtins).some((g) => gtins.has(g.replace(/^0+/, '')))) return true;
  const manufacturer = norm(covers.manufacturer);
  const model = norm(item.model);
  return manufacturer !== '' && manufacturer === norm(item.manufacturer) && model !== '' && strings(covers.models).some((m) => norm(m) === model);
}

/** The last day a claim must still be valid: the contract's end or the delivery date, else the assessment date. */
export function periodEnd(input: EvaluationInput): { date: string; what: string } {
  const { assessmentDate, deliveryDate, contractEndDate } = input;
  if (contractEndDate !== undefined && contractEndDate >= (deliveryDate ?? assessmentDate)) return { date: contractEndDate, what: 'the end of the contract' };
  if (deliveryDate !== undefined && deliveryDate >= assessmentDate) return { date: deliveryDate, what: 'the delivery date' };
  return { date: assessmentDate, what: 'the assessment date' };
}

const day = (value: string): string => value.slice(0, 10);

export function claimName(claim: EcolabelClaim): string {
  const id = typeof claim.certificateId === 'string' && claim.certificateId !== '' ? ` ${claim.certificateId}` : '';
  return `${String(claim.scheme)} claim${id}`;
}

interface Memo { item: unknown; assessmentDate: string; deliveryDate?: string; contractEndDate?: string; country?: string; result: ClaimAcceptance }
// One offer's claims are read by every criterion of the profile: the answer for a claim is kept
// for the last item and dates it was asked about (an offer is assessed item by item).
const MEMO = new WeakMap<object, Memo>();

/** Identity, validity over the period and market; the first reason it fails, in that order. */
export function acceptClaim(claim: EcolabelClaim, input: EvaluationInput): ClaimAcceptance {
  const memo = MEMO.get(claim);
  if (
    memo !== undefined && memo.item === input.item && memo.assessmentDate === input.assessmentDate && memo.deliveryDate === input.deliveryDate
    && memo.contractEndDate === input.contractEndDate && memo.country === input.country
  ) return memo.result;
  const result = judgeClaim(claim, input);
  MEMO.set(claim, { item: input.item, assessmentDate: input.assessmentDate, deliveryDate: input.deliveryDate, contractEndDate: input.contractEndDate, country: input.country, result });
  return result;
}

function judgeClaim(claim: EcolabelClaim, input: EvaluationInput): ClaimAcceptance {
  const name = claimName(claim);
  if (!identifiesItem(claim, input.item)) {
    return { ok: false, reason: `${name} does not identify the offered item (no certificate id among its identifiers, no shared GTIN, no matching manufacturer and model): not applied` };
  }
  if (typeof claim.validUntil !== 'string') return { ok: false, reason: `${name} has no validity date (validUntil): not applied` };
  if (typeof claim.validFrom === 'string' && day(claim.validFrom) > input.assessmentDate) {
    return { ok: false, reason: `${name} is valid only from ${day(claim.validFrom)}: not applied on ${input.assessmentDate}` };
  }
  const until = day(claim.validUntil);
  if (until < input.assessmentDate) return { ok: false, reason: `${name} expired on ${until} and is not accepted` };
  const end = periodEnd(input);
  if (until < end.date) return { ok: false, reason: `${name} is valid until ${until}, before ${end.what} (${end.date}): not applied` };
  const markets = Array.isArray(claim.markets) ? claim.markets : typeof claim.country === 'string' ? [claim.country] : [];
  if (input.country !== undefined && markets.length > 0 && !markets.includes(input.country)) {
    return { ok: false, reason: `${name} is registered for ${markets.join(', ')}, not for ${input.country}: not applied` };
  }
  return { ok: true };
}
