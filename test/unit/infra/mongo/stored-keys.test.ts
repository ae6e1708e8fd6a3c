import fc from 'fast-check';
import { fromStoredKeys, toStoredKeys } from '../../../../src/infra/mongo/stored-keys';

describe('stored field names', () => {
  it('encodes only the keys an engine refuses, and leaves values alone', () => {
    const at = new Date('2026-12-06T10:00:00Z');
    const stored = toStoredKeys({ 'battery.cyclesAt80pct': 300, $where: 'x', 'a%b': 1, plain: { 'x.y': [{ '$k': 'v.w' }] }, at, gone: undefined });
    expect(stored).toEqual({ 'battery%2EcyclesAt80pct': 300, '%24where': 'x', 'a%25b': 1, plain: { 'x%2Ey': [{ '%24k': 'v.w' }] }, at });
    expect((stored as Record<string, unknown>).at).toBe(at);
    expect('gone' in stored).toBe(false);
  });

  it('copies only what needs rewriting, and never changes its input', () => {
    const clean = { a: { b: [{ c: 1 }] }, at: new Date(0) };
    expect(toStoredKeys(clean)).toBe(clean);
    expect(fromStoredKeys(clean)).toBe(clean);
    const deep = { a: { b: [{ 'c.d': 1 }] } };
    const stored = toStoredKeys(deep);
    expect(stored).not.toBe(deep);
    expect(deep).toEqual({ a: { b: [{ 'c.d': 1 }] } });
    expect(fromStoredKeys(stored)).toEqual(deep);
    const withUndefined = { a: [{ b: undefined, c: 2 }] };
    expect(toStoredKeys(withUndefined)).toEqual({ a: [{ c: 2 }] });
    expect(withUndefined.a[0]).toHaveProperty('b');
  });

  it('round-trips any JSON document, whatever its keys', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('.', '$', '%', '%2E', '%24', '%25', '$%2E.', 'a.b.c', '__proto__'));
    const doc = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
    })).value;
    fc.assert(
      fc.property(fc.dictionary(key, doc, { maxKeys: 5 }), (d) => {
        const stored = toStoredKeys(d);
        expect(collectKeys(stored).every((k) => !k.includes('.') && !k.startsWith('$'))).toBe(true);
        expect(fromStoredKeys(stored)).toEqual(d);
      }),
      { numRuns: 300 },
    );
  });
});

function collectKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(collectKeys);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...collectKeys(v)]);
  return [];
}
