/**
 * Precompiled operation matching for openapi-backend.
 *
 * openapi-backend's router rebuilds its operation list and compiles one RegExp per path on every
 * request, a cost that grows with the size of the contract. This matcher
 * compiles once, keeps openapi-backend's semantics (exact paths first, then templates with the
 * longest literal part, 404 versus 405) and also answers which methods a path allows.
 */
export interface RoutableOperation {
  readonly path: string;
  readonly method: string;
  readonly operationId?: string;
}

interface CompiledPath<O> {
  readonly template: string;
  readonly pattern: RegExp;
  readonly literalLength: number;
  readonly byMethod: Map<string, O>;
}

export type MatchResult<O> =
  | { readonly kind: 'match'; readonly operation: O }
  | { readonly kind: 'methodNotAllowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'notFound' };

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function normalizePath(path: string): string {
  let p = path.split('?')[0] ?? '';
  if (!p.startsWith('/')) p = `/${p}`;
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

export class FastRouter<O extends RoutableOperation> {
  private readonly exact = new Map<string, CompiledPath<O>>();
  private readonly templates: CompiledPath<O>[] = [];

  constructor(operations: readonly O[]) {
    const byPath = new Map<string, CompiledPath<O>>();
    for (const op of operations) {
      let compiled = byPath.get(op.path);
      if (!compiled) {
        const literal = op.path.replace(/\{[^}]+\}/g, '');
        const source = op.path.split(/\{[^}]+\}/).map(escapeRegExp).join('[^/]+');
        compiled = { template: op.path, pattern: new RegExp(`^${source}$`), literalLength: literal.length, byMethod: new Map() };
        byPath.set(op.path, compiled);
      }
      compiled.byMethod.set(op.method.toLowerCase(), op);
    }
    for (const compiled of byPath.values()) {
      if (compiled.template.includes('{')) this.templates.push(compiled);
      else this.exact.set(compiled.template, compiled);
    }
    this.templates.sort((a, b) => b.literalLength - a.literalLength);
  }

  match(method: string, rawPath: string): MatchResult<O> {
    const path = normalizePath(rawPath);
    const m = method.toLowerCase();
    const exact = this.exact.get(path);
    const exactOp = exact?.byMethod.get(m);
    if (exactOp) return { kind: 'match', operation: exactOp };

    const candidates = this.templates.filter((t) => t.pattern.test(path));
    for (const candidate of candidates) {
      const op = candidate.byMethod.get(m);
      if (op) return { kind: 'match', operation: op };
    }
    if (exact) candidates.unshift(exact);
    if (candidates.length === 0) return { kind: 'notFound' };
    const allowed = new Set<string>();
    for (const candidate of candidates) for (const key of candidate.byMethod.keys()) allowed.add(key.toUpperCase());
    if (allowed.has('GET')) allowed.add('HEAD');
    return { kind: 'methodNotAllowed', allowed: [...allowed].sort() };
  }
}
