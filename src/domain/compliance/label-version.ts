/**
 * Ecolabel claims against a required scheme, version and tier. Shared by EcolabelRule leaves and
 * by the presumption of conformity (verification.presumptionByLabel), so both read a claim the
 * same way: only claims accepted for the item (label-claim.ts) count.
 */
import type { EcolabelScheme, EcolabelTier } from '../catalogue/catalogue.types';
import type { EcolabelClaim, EvaluationInput } from './compliance.types';
import { acceptClaim } from './label-claim';
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
  /** Why claims of the scheme were not accepted for this item (identity, validity, market). */
  rejected: string[];
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
 * An accepted claim that meets the requirement → true; accepted claims of the scheme that are all
 * too old or too low → false; no accepted claim of the scheme → unknown, because the supplier may
 * still hold a current certificate for this item that it did not submit.
 */
export function checkLabel(claims: unknown, req: LabelRequirement, input: EvaluationInput): LabelCheck {
  const rejected: string[] = [];
  if (!Array.isArray(claims)) return { truth: 'unknown', rejected };
  let sawAccepted = false;
  let sawUnknown = false;
  for (const claim of claims as EcolabelClaim[]) {
    if (typeof claim !== 'object' || claim === null || claim.scheme !== req.scheme) continue;
    const acceptance = acceptClaim(claim, input);
    if (!acceptance.ok) {
      rejected.push(acceptance.reason);
      continue;
    }
    sawAccepted = true;
    const meets = claimMeets(claim, req);
    if (meets === true) return { truth: true, claim, rejected };
    if (meets === 'unknown') sawUnknown = true;
  }
  return { truth: sawUnknown || !sawAccepted ? 'unknown' : false, rejected };
}

/** How a claim is named in results: its certificate id, else "<scheme> <version>". */
export function claimRef(claim: EcolabelClaim): string {
  if (typeof claim.certificateId === 'string' && claim.certificateId !== '') return claim.certificateId;
  return typeof claim.version === 'string' ? `${claim.scheme} ${claim.version}` : claim.scheme;
}
