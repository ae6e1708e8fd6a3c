/**
 * Serialised answers to read queries, per catalogue state: a published catalogue changes rarely
 * and is read constantly, mostly with the same few filters. Entries hang off the immutable index
 * object they were computed from (a WeakMap), so a change to the catalogue, which yields a new
 * index, drops them all without any invalidation logic. Bounded per state, oldest out first.
 */
export class RepresentationCache<V> {
  private readonly byState = new WeakMap<object, Map<string, V>>();

  constructor(private readonly maxEntries = 512) {}

  get(state: object, key: string): V | undefined {
    return this.byState.get(state)?.get(key);
  }

  set(state: object, key: string, value: V): void {
    let entries = this.byState.get(state);
    if (!entries) this.byState.set(state, (entries = new Map<string, V>()));
    if (entries.size >= this.maxEntries) entries.delete(entries.keys().next().value as string);
    entries.set(key, value);
  }
}
