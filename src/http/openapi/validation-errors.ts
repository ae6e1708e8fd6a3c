import type { ErrorObject } from 'ajv';
import type { FieldError } from '../../domain/errors';
import { escapePointer } from '../json-pointer';

const MAX_ERRORS = 50;


/** Units carried by property names, with the mistake a too large or too small value most likely is. */
const UNITS: readonly [RegExp, string, string][] = [
  [/Cm$/, 'centimetres', 'millimetres entered as centimetres?'],
  [/Years$/, 'years', 'months entered as years?'],
  [/Pct$/, 'percent, from 0 to 100', 'a ratio or a per-mille value?'],
  [/KWhPerYear$/, 'kWh per year', 'Wh entered as kWh?'],
  [/KWhPerWeek$/, 'kWh per week', 'Wh entered as kWh?'],
  [/KgCO2e$/, 'kg CO2e', 'grams entered as kilograms?'],
  [/Kg$/, 'kilograms', 'grams entered as kilograms?'],
  [/(?:^|[a-z])W$/, 'watts', 'milliwatts entered as watts?'],
  [/(?:High|Low)C$/, 'degrees Celsius', 'Fahrenheit entered as Celsius?'],
  [/^cyclesAt\d+pct$/, 'full charge cycles', 'a percentage entered as cycles?'],
];

/** "must be <= 300 (heightCm is in centimetres; millimetres entered as centimetres?)" */
function withUnit(reason: string, pointer: string): string {
  const name = pointer.slice(pointer.lastIndexOf('/') + 1);
  const unit = UNITS.find(([pattern]) => pattern.test(name));
  return unit ? `${reason} (${name} is in ${unit[1]}; ${unit[2]})` : reason;
}

/** Turns openapi-backend's Ajv errors into `{pointer, reason}` pairs a client can act on. */
export function toFieldErrors(errors: readonly ErrorObject[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    let pointer = e.instancePath;
    let reason = e.message ?? 'is invalid';
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'required' && typeof params.missingProperty === 'string') {
      pointer += `/${escapePointer(params.missingProperty)}`;
      reason = 'is required';
    } else if (e.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      pointer += `/${escapePointer(params.additionalProperty)}`;
      reason = 'is not an allowed property';
    } else if (e.keyword === 'unevaluatedProperties' && typeof params.unevaluatedProperty === 'string') {
      pointer += `/${escapePointer(params.unevaluatedProperty)}`;
      reason = `"${params.unevaluatedProperty}" is not an allowed property`;
    } else if (e.keyword === 'maximum' || e.keyword === 'minimum' || e.keyword === 'exclusiveMinimum' || e.keyword === 'exclusiveMaximum') {
      reason = withUnit(reason, pointer);
    } else if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) {
      reason = `must be one of: ${params.allowedValues.map(String).join(', ')}`;
    }
    // openapi-backend validates {path, query, header, cookie, requestBody}; clients know the body as "body".
    pointer = pointer.replace(/^\/requestBody(?=\/|$)/, '/body') || '/';
    const key = `${pointer}\u0000${reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer, reason });
    if (out.length === MAX_ERRORS) break;
  }
  return out;
}

/** For enum violations, the values that would have been accepted (the problem's `allowed`). */
export function allowedValues(errors: readonly ErrorObject[]): string[] | undefined {
  const values = new Set<string>();
  for (const e of errors) {
    const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues;
    if (e.keyword === 'enum' && Array.isArray(allowed)) allowed.forEach((v) => values.add(String(v)));
  }
  return values.size > 0 ? [...values] : undefined;
}
