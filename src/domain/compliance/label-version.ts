/**
 * Ecolabel claims against a required scheme, version and tier. Shared by EcolabelRule leaves and
 * by the presumption of conformity (verification.presumptionByLabel), so both read a claim the
 * same way.
 */
import type { EcolabelScheme, EcolabelTier } from '../catalogue/catalogue.types';
import type { EcolabelClaim } from './compliance.types';
import type { Truth } from './rule.engine';

const TIER_RANK: Readonly<Record<string, number>> = { bronze: 1, silver: 2, gold: 3 };

/**
 * The numeric segments of a version ("gen 9" → [9], "IEEE 1680.1-2018" → [1680, 1, 2018]), or
 * undefined when it has none. Labels write versions freely, so only the numbers are compared.
 */
function segments(version: string): number[] | undefined {
  const found = version.match(/\d+/g);
  return found === null ? undefined : found.map(Number);
}

/**
 * Whether `version` is at least `min`, numerically segment by segment ("10" > "9",
 * "1.10" > "1.2", "8" == "8.0"). Versions without digits can only be matched literally; a
 * version that cannot be compared at all is unknown rather than false.
 */
export function versionAtLeast(version: string, min: string): Truth {
  const v = segments(version);
  const m = segments(min);
  if (m === undefined) return version.trim().toLowerCase() === min.trim().toLowerCase() ? true : 'unknown';
  if (v === undefined) return 'unknown';
  const n = Math.max(v.length, m.length);
  for (let i = 0; i < n; i++) {
    const a = v[i] ?? 0;
    const b = m[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

export function tierAtLeast(tier: unknown, min: EcolabelTier): Truth {
  const rank = typeof tier === 'string' && Object.hasOwn(TIER_RANK, tier) ? TIER_RANK[tier] : undefined;
  const wanted = TIER_RANK[min];
  return rank === undefined || wanted === undefined ? 'unknown' : rank >= wanted;
}

export interface LabelRequirement { scheme: EcolabelScheme; minVersion?: string; minTier?: EcolabelTier }

export interface LabelCheck {
  truth: Truth;
  /** The claim that satisfied the requirement (truth === true). */
  claim?: EcolabelClaim;
  /** Claims of the scheme that had expired on the assessment date. */
  expired: EcolabelClaim[];
}

/** Dates are ISO (YYYY-MM-DD); a date-time is cut to its day so both sides compare as strings. */
function isValidOn(claim: EcolabelClaim, date: string): boolean {
  const until = claim.validUntil;
  return typeof until !== 'string' || until.slice(0, 10) >= date.slice(0, 10);
}

export function claimMeets(claim: EcolabelClaim, req: LabelRequirement): Truth {
  let truth: Truth = true;
  if (req.minVersion !== undefined) {
    truth = typeof claim.version === 'string' ? versionAtLeast(claim.version, req.minVersion) : 'unknown';
    if (truth === false) return false;
  }
  if (req.minTier !== undefined) {
    const tier = claim.tier === undefined ? 'unknown' : tierAtLeast(claim.tier, req.minTier);
    if (tier === false) return false;
    if (tier === 'unknown') truth = 'unknown';
  }
  return truth;
}

/**
 * A valid claim that meets the requirement → true; valid claims of the scheme that are all too
 * old or too low → false; no valid claim of the scheme (none, or only expired ones) → unknown,
 * because the supplier may still hold a current certificate it did not submit.
 */
export function checkLabel(claims: unknown, req: LabelRequirement, date: string): LabelCheck {
  const expired: EcolabelClaim[] = [];
  if (!Array.isArray(claims)) return { truth: 'unknown', expired };
  let sawValid = false;
  let sawUnknown = false;
  for (const claim of claims as EcolabelClaim[]) {
    if (typeof claim !== 'object' || claim === null || claim.scheme !== req.scheme) continue;
    if (!isValidOn(claim, date)) {
      expired.push(claim);
      continue;
    }
    sawValid = true;
    const meets = claimMeets(claim, req);
    if (meets === true) return { truth: true, claim, expired };
    if (meets === 'unknown') sawUnknown = true;
  }
  return { truth: sawUnknown || !sawValid ? 'unknown' : false, expired };
}

/** How a claim is named in results: its certificate id, else "<scheme> <version>". */
export function claimRef(claim: EcolabelClaim): string {
  if (typeof claim.certificateId === 'string' && claim.certificateId !== '') return claim.certificateId;
  return typeof claim.version === 'string' ? `${claim.scheme} ${claim.version}` : claim.scheme;
}

export function expiredMessage(claim: EcolabelClaim): string {
  const id = typeof claim.certificateId === 'string' ? ` ${claim.certificateId}` : '';
  return `${claim.scheme} certificate${id} expired on ${String(claim.validUntil)} and is not accepted`;
}
