import type { ErrorObject } from 'ajv';
import type { FieldError } from '../../domain/errors';

const MAX_ERRORS = 50;

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

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
