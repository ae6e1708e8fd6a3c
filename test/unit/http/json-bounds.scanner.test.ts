import fc from 'fast-check';
import { MAX_JSON_ELEMENTS, scanJsonBounds } from '../../../src/http/json-bounds.scanner';
import { contractDocument } from '../../support/contract';

const bounds = { maxDepth: 3, maxElements: 4 };
const scan = (text: string, b = bounds) => scanJsonBounds(Buffer.from(text), b);

describe('JSON bounds scanner', () => {
  it('accepts bodies within the bounds, whatever their strings contain', () => {
    expect(scan('{"a":[1,2,3,4],"b":{"c":{"d":[true,false,null,-1.5e3]}}}')).toBeUndefined();
    expect(scan('{"s":"[[[[[{{{{,,,,,\\"]]]]","t":"\\\\","u":"}"}')).toBeUndefined();
    expect(scan('  [ "a" , "b" , {"k" : [ ] } , 0 ]  ')).toBeUndefined();
    expect(scan('')).toBeUndefined();
    expect(scan('not json ]]]')).toBeUndefined();
  });

  it('names the first container nested too deep, with its pointer', () => {
    expect(scan('[[[[[]]]]]')).toEqual({ pointer: '/body/0/0/0/0', reason: 'is nested more than 3 levels deep' });
    expect(scan('{"a":{"b/c":{"d~":[{"x":1}]}}}')).toEqual({ pointer: '/body/a/b~1c/d~0/0', reason: 'is nested more than 3 levels deep' });
    expect(scan('{"a":[1,2,[3,[4,{"e\\"f":[]}]]]}')).toEqual({ pointer: '/body/a/2/1/1', reason: 'is nested more than 3 levels deep' });
  });

  it('names the first array or object with too many items, and stops there', () => {
    expect(scan('{"offers":[0,0,0,0,0' + ',0'.repeat(1_000_000) + ']}')).toEqual({ pointer: '/body/offers', reason: 'must NOT have more than 4 items' });
    expect(scan('[1,[],"x",{},[[]]]')).toEqual({ pointer: '/body', reason: 'must NOT have more than 4 items' });
    expect(scan('{"a":1,"b":2,"c":{"x":1,"y":2,"z":3,"w":[],"v":"5"}}')).toEqual({ pointer: '/body/c', reason: 'must NOT have more than 4 properties' });
  });

  it('agrees with JSON.parse on the depth and sizes of any JSON value', () => {
    const measure = (v: unknown, depth = 0): { depth: number; widest: number } => {
      if (v === null || typeof v !== 'object') return { depth: -1, widest: 0 };
      const children = Object.values(v).map((c) => measure(c, depth + 1));
      return { depth: Math.max(depth, ...children.map((c) => c.depth)), widest: Math.max(Object.keys(v).length, ...children.map((c) => c.widest)) };
    };
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = JSON.stringify(value);
        const { depth, widest } = measure(value);
        const b = { maxDepth: 3, maxElements: 3 };
        expect(scanJsonBounds(Buffer.from(text), b) === undefined).toBe(depth <= b.maxDepth && widest <= b.maxElements);
      }),
      { numRuns: 500 },
    );
  });

  it('bounds every container by the largest maxItems / maxProperties of the contract', () => {
    const declared = [...JSON.stringify(contractDocument).matchAll(/"max(?:Items|Properties)":(\d+)/g)].map((m) => Number(m[1]));
    expect(MAX_JSON_ELEMENTS).toBe(Math.max(...declared));
  });
});
