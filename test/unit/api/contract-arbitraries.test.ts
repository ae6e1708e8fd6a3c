import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { ContractArbitraries } from '../../support/contract-arbitraries';
import { contract } from '../../support/contract-oracle';
import { MUTATIONS, Mutator, SCHEMA_MUTATIONS, type Mutant, type MutationKind } from '../../support/mutation-arbitraries';

/**
 * The fuzz tests' generators (test/support/contract-arbitraries.ts, mutation-arbitraries.ts) against
 * the contract validator: every request body and parameter schema yields values it accepts, the
 * generated values cover the schemas' alternatives, each schema mutation yields bodies it rejects
 * at the mutated site, and each hostile mutation yields what it says.
 */
type Json = Record<string, any>;
const doc = contract.document as Json;
const arbs = new ContractArbitraries(doc);
const mutator = new Mutator(arbs.schemas);
const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

const operations = Object.entries(doc.paths as Json).flatMap(([path, item]) => ['get', 'put', 'post', 'delete'].filter((m) => item[m]).map((m) => ({ path, method: m, item: item as Json, op: item[m] as Json })));
const BODIES = operations.filter(({ op }) => op.requestBody).map(({ path, method }) => `#/paths/${esc(path)}/${method}/requestBody/content/application~1json/schema`);
const PARAMETERS = [
  ...new Set(
    operations.flatMap(({ path, method, item, op }) => [
      ...((item.parameters ?? []) as Json[]).map((p, i) => (p.$ref ? `${p.$ref}/schema` : `#/paths/${esc(path)}/parameters/${i}/schema`)),
      ...((op.parameters ?? []) as Json[]).map((p, i) => (p.$ref ? `${p.$ref}/schema` : `#/paths/${esc(path)}/${method}/parameters/${i}/schema`)),
    ]),
  ),
];
const bodies = fc.constantFrom(...BODIES).chain((pointer) => fc.tuple(fc.constant(pointer), arbs.at(pointer), fc.nat()));

function expectValid(pointer: string, value: unknown): void {
  const validate = contract.validatorAt(pointer);
  if (!validate(value)) throw new Error(`${pointer}: ${contract.errorsText(validate)}\n${JSON.stringify(value).slice(0, 1000)}`);
}

const at = (value: unknown, pointer: string): unknown => pointer.split('/').slice(1).reduce<any>((node, seg) => node?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')], value);
const parse = (m: Mutant): unknown => (m.body !== undefined ? m.body : JSON.parse(m.raw!.toString()));
const fails = (f: () => unknown): boolean => {
  try {
    f();
    return false;
  } catch {
    return true;
  }
};
const hasOwn = (v: unknown, pred: (k: string) => boolean) => typeof v === 'object' && v !== null && Object.keys(v).some(pred);
/** Whether `n` objects or arrays are nested, each the first child of the one before. */
const nestedAtLeast = (v: unknown, n: number): boolean => {
  for (let i = 0; i < n; i++, v = Object.values(v)[0]) if (typeof v !== 'object' || v === null) return false;
  return true;
};

/** What each hostile mutation claims to send, checked on what it made from `original`. */
const CLAIMS: Readonly<Record<Exclude<MutationKind, (typeof SCHEMA_MUTATIONS)[number]>, (m: Mutant, original: unknown) => boolean>> = {
  mongoOperatorKey: (m) => hasOwn(at(m.body, m.pointer), (k) => k.startsWith('$')),
  mongoOperatorValue: (m) => hasOwn(at(m.body, m.pointer), (k) => k.startsWith('$')),
  prototypeKey: (m) => hasOwn(at(parse(m), m.pointer), (k) => ['__proto__', 'constructor', 'prototype'].includes(k)),
  hugeNumber: (m) => Math.abs(at(m.body, m.pointer) as number) >= 9e25,
  rawInfinity: (m) => !Number.isFinite(at(parse(m), m.pointer)),
  deepNesting: (m) => nestedAtLeast(at(parse(m), m.pointer), 50),
  controlChars: (m, original) => (m.raw !== undefined ? fails(() => JSON.parse(m.raw!.toString())) : [...(at(m.body, m.pointer) as string)].some((c) => c < ' ' || ['\u202e', '\ufeff'].includes(c) || /\p{Cs}/u.test(c)) && m.body !== original),
  invalidUtf8: (m) => Buffer.isBuffer(m.raw) && fails(() => new TextDecoder('utf-8', { fatal: true }).decode(m.raw as Buffer)),
  duplicateKey: (m, original) => typeof m.raw === 'string' && JSON.stringify(at(parse(m), m.pointer)) !== JSON.stringify(at(original, m.pointer)),
  malformedJson: (m) => typeof m.raw === 'string' && fails(() => JSON.parse(m.raw as string)),
};

describe('contract arbitraries', () => {
  it.each(BODIES)('generate bodies the contract accepts: %s', (pointer) => {
    fc.assert(fc.property(arbs.at(pointer), (body) => expectValid(pointer, body)), { numRuns: 60 });
  });

  it.each(PARAMETERS)('generate parameter values the contract accepts: %s', (pointer) => {
    fc.assert(fc.property(arbs.at(pointer), (value) => expectValid(pointer, value)), { numRuns: 50 });
  });

  it('cover the alternatives: both ways of selecting criteria, every kind of rule, nested rules, optional fields', () => {
    const checks = fc.sample(arbs.at('#/components/schemas/ComplianceCheckRequest'), { numRuns: 200, seed: 1 }) as Json[];
    expect(checks.filter((c) => 'profileId' in c).length).toBeGreaterThan(20);
    expect(checks.filter((c) => 'criterionSetIds' in c && 'category' in c && 'level' in c).length).toBeGreaterThan(20);
    expect(new Set(checks.map((c) => Object.keys(c.offer).sort().join())).size).toBeGreaterThan(5);
    const rules = fc.sample(arbs.at('#/components/schemas/RuleNode'), { numRuns: 300, seed: 1 }) as Json[];
    const kind = (r: Json) => ['all', 'any', 'not', 'operator', 'ecolabel', 'declared'].find((k) => k in r);
    expect(new Set(rules.map(kind))).toEqual(new Set(['all', 'any', 'not', 'operator', 'ecolabel', 'declared']));
    const nesting = (r: Json): number => (r.not ? 1 + nesting(r.not) : r.all || r.any ? 1 + Math.max(...(r.all ?? r.any).map(nesting)) : 0);
    expect(Math.max(...rules.map(nesting))).toBeGreaterThanOrEqual(2);
    expect(Math.max(...rules.map(nesting))).toBeLessThanOrEqual(4); // maxDepth
  });
  it("keep to the bounds of strings, numbers, arrays and maps, also at fast-check's larger sizes", () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const schemas = [
      { type: 'string', minLength: 2, maxLength: 4 },
      { type: 'string', pattern: '^[a-z]{2,9}$', maxLength: 3 },
      { type: 'string', format: 'uri', maxLength: 30 },
      { type: 'integer', exclusiveMinimum: 0, maximum: 3 },
      { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      { type: 'array', minItems: 1, maxItems: 2, uniqueItems: true, items: { enum: ['a', 'b', 'c'] } },
      { type: 'object', propertyNames: { pattern: '^[a-z]+$', maxLength: 3 }, maxProperties: 2, additionalProperties: { type: 'boolean' } },
    ];
    fc.configureGlobal({ ...fc.readConfigureGlobal(), baseSize: 'large' });
    try {
      for (const schema of schemas) fc.assert(fc.property(arbs.of(schema), (value) => expect({ schema, value, valid: ajv.validate(schema, value) }).toEqual({ schema, value, valid: true })), { numRuns: 200 });
    } finally {
      fc.resetConfigureGlobal();
    }
  });
});

describe('mutations', () => {
  /** Runs `check` on every mutant of `kind` the generated bodies allow; returns how many there were. */
  const eachMutant = (kind: MutationKind, numRuns: number, check: (mutant: Mutant, pointer: string, body: unknown) => void): number => {
    let applied = 0;
    fc.assert(
      fc.property(bodies, ([pointer, body, choice]) => {
        const mutant = mutator.mutateAs(kind, body, arbs.schemas.at(pointer), choice);
        if (!mutant) return;
        applied++;
        check(mutant, pointer, body);
      }),
      { numRuns },
    );
    return applied;
  };

  it.each(SCHEMA_MUTATIONS)('%s makes bodies the contract rejects, with an error at the site it names', (kind) => {
    const applied = eachMutant(kind, 100, (mutant, pointer) => {
      const validate = contract.validatorAt(pointer);
      expect(mutant.raw).toBeUndefined();
      expect(validate(mutant.body)).toBe(false);
      // at the site itself (an enclosing oneOf may report more)
      expect(validate.errors!.map((e) => e.instancePath)).toContain(mutant.pointer);
    });
    expect(applied).toBeGreaterThan(20);
  });

  it.each(Object.keys(CLAIMS) as (keyof typeof CLAIMS)[])('%s makes what it claims', (kind) => {
    const applied = eachMutant(kind, 60, (mutant, _pointer, body) => {
      expect({ kind, pointer: mutant.pointer, claim: CLAIMS[kind](mutant, body) }).toEqual({ kind, pointer: mutant.pointer, claim: true });
    });
    expect(applied).toBeGreaterThan(20);
  });

  it('follow the plan: the first kind that applies, malformed JSON when none does', () => {
    const body = fc.sample(arbs.at(BODIES[0]!), { numRuns: 1, seed: 3 })[0];
    const schema = arbs.schemas.at(BODIES[0]!);
    expect(mutator.mutate(body, schema, { kinds: ['unknownProperty', 'dropRequired'], choice: 0 }).kind).toBe('unknownProperty');
    expect(mutator.mutate('a string', { type: 'string' }, { kinds: ['dropRequired', 'unknownProperty'], choice: 0 }).kind).toBe('malformedJson');
    expect(MUTATIONS).toHaveLength(16);
  });
});
