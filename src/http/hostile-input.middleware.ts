import { isUtf8 as nodeIsUtf8 } from 'node:buffer';
import type { NextFunction, Request, Response } from 'express';
import type { FieldError } from '../domain/errors';
import { HttpProblemError } from './problem';
import { escapePointer } from './json-pointer';

/** Deeper than any schema of the contract nests; also the body gate's bound. */
export const MAX_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Rejects JSON bodies that no operation of the contract accepts but that could hurt a naive
 * consumer downstream: MongoDB operators (`$where`, `$gt` as keys), prototype-pollution keys,
 * non-finite numbers (1e400 parses as Infinity) and nesting deeper than any schema allows
 * (deep rule trees would otherwise exhaust the validator's stack).
 */
export function hostileInputMiddleware(req: Request, _res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (body === null || typeof body !== 'object') return next();
  const errors: FieldError[] = [];
  const walk = (value: unknown, pointer: string, depth: number): void => {
    if (errors.length >= 20) return;
    if (typeof value === 'number' && !Number.isFinite(value)) errors.push({ pointer, reason: 'must be a finite number' });
    if (value === null || typeof value !== 'object') return;
    if (depth > MAX_DEPTH) {
      errors.push({ pointer, reason: `is nested more than ${MAX_DEPTH} levels deep` });
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      const at = `${pointer}/${escapePointer(key)}`;
      if (key.startsWith('$') || FORBIDDEN_KEYS.has(key)) errors.push({ pointer: at, reason: 'is a reserved name and not accepted' });
      else walk(child, at, depth + 1);
    }
  };
  walk(body, '/body', 0);
  if (errors.length === 0) return next();
  next(new HttpProblemError({ status: 400, code: 'VALIDATION_FAILED', detail: `The request body contains forbidden content: ${errors.map((e) => `${e.pointer} ${e.reason}`).join('; ')}`, errors }));
}

/** body-parser `verify`: the body must be valid UTF-8, not silently "repaired". */
export function verifyUtf8(_req: Request, _res: Response, buf: Buffer): void {
  if (!isUtf8(buf)) {
    const err = new Error('The request body is not valid UTF-8') as Error & { status: number; type: string };
    err.status = 400;
    err.type = 'encoding.invalid';
    throw err;
  }
}

function isUtf8(buf: Buffer): boolean {
  // node:buffer's isUtf8 (Node ≥ 18.14) validates without copying.
  return nodeIsUtf8(buf);
}
