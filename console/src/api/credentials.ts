/**
 * The caller's credentials, held in memory only: never in localStorage, sessionStorage or a
 * cookie, so a script injected elsewhere on the origin cannot read them later and a reload forgets
 * them. `none` is for a service running without authentication (npm run dev).
 */
export type Credentials = { kind: 'none' } | { kind: 'bearer'; token: string } | { kind: 'apiKey'; key: string };

let current: Credentials = { kind: 'none' };
const listeners = new Set<() => void>();

export const credentialsStore = {
  get: (): Credentials => current,
  set: (next: Credentials): void => {
    current = next;
    for (const listener of listeners) listener();
  },
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The request headers that authenticate the caller, as any other client of the API sends them. */
export function authHeaders(c: Credentials = current): Record<string, string> {
  if (c.kind === 'bearer') return { Authorization: `Bearer ${c.token}` };
  if (c.kind === 'apiKey') return { 'X-API-Key': c.key };
  return {};
}
