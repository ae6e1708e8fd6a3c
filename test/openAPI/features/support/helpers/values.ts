/**
 * Small helpers for the steps: `${name.path}` placeholders filled from the scenario's remembered
 * values, and dotted paths (`items.0.results`) into JSON documents.
 */
export type Vars = Record<string, unknown>;

/** Reads `a.b.0.c` from a JSON value; `undefined` when any step is missing. */
export function getPath(value: unknown, path: string): unknown {
  if (path === '' || path === '.') return value;
  let node: unknown = value;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Sets `a.b.0.c` in a JSON object, creating objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = target;
  keys.slice(0, -1).forEach((key) => {
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1] ?? ''] = value;
}

export function deletePath(target: Record<string, unknown>, path: string): void {
  const keys = path.split('.');
  const parent = getPath(target, keys.slice(0, -1).join('.') || '.');
  if (parent !== null && typeof parent === 'object') {
    const last = keys[keys.length - 1] ?? '';
    if (Array.isArray(parent) && /^\d+$/.test(last)) parent.splice(Number(last), 1);
    else delete (parent as Record<string, unknown>)[last];
  }
}

/** Replaces every `${name}` / `${name.path}` with the remembered value (JSON for non-strings). */
export function interpolate(text: string, vars: Vars): string {
  return text.replace(/\$\{([A-Za-z_][\w.-]*)\}/g, (_, expr: string) => {
    const [name = '', ...rest] = expr.split('.');
    if (!(name in vars)) throw new Error(`unknown placeholder \${${expr}}: remember "${name}" in an earlier step`);
    const value = getPath(vars[name], rest.join('.'));
    if (value === undefined) throw new Error(`placeholder \${${expr}} has no value`);
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** Interpolates every string inside a JSON value. */
export function interpolateJson<T>(value: T, vars: Vars): T {
  if (typeof value === 'string') return interpolate(value, vars) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => interpolateJson(v, vars)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [interpolate(k, vars), interpolateJson(v, vars)])) as T;
  }
  return value;
}

/**
 * Compares an observed JSON value with the text of a step: strings compare as they are, other
 * values by their JSON text (so "true", "3" and "null" match true, 3 and null).
 */
export function sameValue(actual: unknown, expected: string): boolean {
  return typeof actual === 'string' ? actual === expected : JSON.stringify(actual) === expected;
}

export const show = (value: unknown): string => (value === undefined ? 'undefined' : JSON.stringify(value)).slice(0, 500);
