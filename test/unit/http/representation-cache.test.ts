import { RepresentationCache } from '../../../src/http/representation-cache';

describe('representation cache (serialised read answers per catalogue state)', () => {
  it('answers only for the state an entry was computed from', () => {
    const cache = new RepresentationCache<string>();
    const before = {};
    const after = {};
    cache.set(before, 'category=notebook', 'old answer');
    expect(cache.get(before, 'category=notebook')).toBe('old answer');
    expect(cache.get(after, 'category=notebook')).toBeUndefined();
    expect(cache.get(before, 'category=server')).toBeUndefined();
  });

  it('keeps at most maxEntries per state, dropping the oldest', () => {
    const cache = new RepresentationCache<number>(2);
    const state = {};
    cache.set(state, 'a', 1);
    cache.set(state, 'b', 2);
    cache.set(state, 'c', 3);
    expect([cache.get(state, 'a'), cache.get(state, 'b'), cache.get(state, 'c')]).toEqual([undefined, 2, 3]);
  });
});
