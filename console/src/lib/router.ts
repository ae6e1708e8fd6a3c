import { useSyncExternalStore } from 'react';

/**
 * Pages are addressed by the URL fragment (`/console#/profiles/<id>`), so the service serves one
 * page (the contract's getConsole) and a reload or a bookmark opens the same view.
 */
export interface Route {
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  return { segments: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(search) };
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}

/** A link target: `href('criteria', id, { set })` → `#/criteria/<id>?set=…`. */
export function href(...parts: (string | Record<string, string | string[] | undefined>)[]): string {
  const query = new URLSearchParams();
  const path: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') path.push(encodeURIComponent(part));
    else for (const [k, v] of Object.entries(part)) for (const one of Array.isArray(v) ? v : v ? [v] : []) query.append(k, one);
  }
  const search = query.toString();
  return `#/${path.join('/')}${search ? `?${search}` : ''}`;
}

export function navigate(target: string): void {
  window.location.hash = target;
}
