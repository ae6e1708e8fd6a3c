/**
 * Reading a rule's PropertyPath from an offer: a dotted path into the item, `supplier.<field>`
 * into the supplier, or `service.<kind>.<field>` into the first service of that kind.
 */
import type { EvaluationInput } from './compliance.types';

interface CompiledPath { root: 'item' | 'supplier' | 'service' | 'invalid'; kind: string; segs: string[] }

// Paths are split once: the hot loop evaluates the same few hundred catalogue paths millions of
// times. Cleared when full, because criteria sent through the API could bring arbitrary paths.
const PATHS = new Map<string, CompiledPath>();
const MAX_PATHS = 10_000;

function compile(path: string): CompiledPath {
  let compiled = PATHS.get(path);
  if (compiled !== undefined) return compiled;
  const segs = path.split('.');
  if (segs[0] === 'supplier') compiled = { root: segs.length > 1 ? 'supplier' : 'invalid', kind: '', segs: segs.slice(1) };
  else if (segs[0] === 'service') compiled = { root: segs.length > 2 ? 'service' : 'invalid', kind: segs[1] ?? '', segs: segs.slice(2) };
  else compiled = { root: 'item', kind: '', segs };
  if (PATHS.size >= MAX_PATHS) PATHS.clear();
  PATHS.set(path, compiled);
  return compiled;
}

/** The declared value at `path`, or undefined. Only own properties of plain objects are followed. */
export function readPath(path: string, input: EvaluationInput): unknown {
  const p = compile(path);
  let current: unknown;
  if (p.root === 'item') current = input.item;
  else if (p.root === 'supplier') current = input.supplier;
  else if (p.root === 'service') current = input.services.find((s) => s.kind === p.kind);
  else return undefined;
  for (const seg of p.segs) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, seg)) return undefined;
    current = (current as Record<string, unknown>)[seg];
  }
  return current === null ? undefined : current;
}
