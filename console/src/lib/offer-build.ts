import type { Offer } from '../api/types';
import type { FieldSpec } from './offer-fields';

type Json = Record<string, unknown>;

/** Thrown for a value that cannot be read as its field's type; names the field. */
export class OfferInputError extends Error {}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/**
 * A typed value from what a person typed (a form field or a CSV cell); undefined when empty,
 * which means "not declared". Out-of-range numbers are passed on: the service answers them with
 * the unit and the likely mistake.
 */
export function convert(raw: string, spec: FieldSpec | undefined, where: string): unknown {
  const text = raw.trim();
  if (text === '') return undefined;
  const fail = (what: string): never => {
    throw new OfferInputError(`${where}: "${text}" is not ${what}`);
  };
  const kind = spec?.kind;
  if (kind === 'boolean') return TRUE.has(text.toLowerCase()) ? true : FALSE.has(text.toLowerCase()) ? false : fail('yes or no');
  if (kind === 'number' || kind === 'integer') {
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n) ? n : fail('a number');
  }
  if (kind === 'stringList' || kind === 'enumList') return text.split(/[;,]/).map((s) => s.trim()).filter(Boolean);
  if (kind === 'stringOrNumber') return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  if (kind === 'json' || (!spec && /^[[{]/.test(text))) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return kind === 'json' ? fail('JSON') : text;
    }
  }
  if (!spec) return TRUE.has(text) || FALSE.has(text) ? text === 'true' : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  return text;
}

function setPath(target: Json, segments: readonly string[], value: unknown): void {
  let node = target;
  for (const segment of segments.slice(0, -1)) {
    if (typeof node[segment] !== 'object' || node[segment] === null) node[segment] = {};
    node = node[segment] as Json;
  }
  node[segments[segments.length - 1]!] = value;
}

/**
 * Puts one declared value where the offer keeps it: `supplier.x` in the supplier,
 * `service.<kind>.x` in that service, `declarations.<id>` and anything else in the item.
 */
export function place(offer: Offer, item: Json, path: string, value: unknown): void {
  if (value === undefined) return;
  const segments = path.split('.');
  if (segments[0] === 'supplier') setPath(offer.supplier, segments.slice(1), value);
  else if (segments[0] === 'service' && segments.length > 2) {
    const services = (offer.services ??= []);
    let service = services.find((s) => s.kind === segments[1]) as Json | undefined;
    if (!service) {
      service = { kind: segments[1] };
      services.push(service as never);
    }
    setPath(service, segments.slice(2), value);
  } else setPath(item, segments, value);
}

/** Removes nulls, empty strings, empty arrays and empty objects: all mean "not declared". */
export function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const kept = value.map(prune).filter((v) => v !== undefined);
    return kept.length ? kept : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, prune(v)] as const).filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value === null || value === '' ? undefined : value;
}
