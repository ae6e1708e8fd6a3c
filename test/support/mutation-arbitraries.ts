import fc from 'fast-check';
import { HOSTILE_MUTATION_RULES } from './hostile-mutations';
import { fits, pointerOf, type Flat, type Path, type Schema, type SchemaResolver } from './schema-resolver';
import { isObject, SCHEMA_MUTATION_RULES, type Choose, type MutationRule, type Site } from './schema-mutations';

export { deepJson, MONGO_OPERATORS } from './hostile-mutations';

/**
 * Invalid and hostile variants of a valid body. A mutation is a plan drawn by fast-check (the order
 * in which the kinds are tried, and one number that picks the site and every variant) applied to
 * a value: one from contract-arbitraries.ts, or one a test adjusted afterwards. Shrinking the plan
 * leads to the first site and the first variant of each choice.
 */
const RULES: Readonly<Record<string, MutationRule>> = { ...SCHEMA_MUTATION_RULES, ...HOSTILE_MUTATION_RULES };
export const SCHEMA_MUTATIONS = Object.keys(SCHEMA_MUTATION_RULES) as (keyof typeof SCHEMA_MUTATION_RULES)[];
export const MUTATIONS = [...SCHEMA_MUTATIONS, ...(Object.keys(HOSTILE_MUTATION_RULES) as (keyof typeof HOSTILE_MUTATION_RULES)[])];
export type MutationKind = (typeof MUTATIONS)[number];

/** An invalid variant of a body: a JSON value to send, or (for hostile JSON text) the exact text or bytes. */
export interface Mutant {
  readonly kind: MutationKind;
  readonly pointer: string;
  readonly description: string;
  readonly body?: unknown;
  readonly raw?: string | Buffer;
}

export interface MutationPlan {
  readonly kinds: readonly MutationKind[];
  readonly choice: number;
}

/** Plans that try the given kinds in a random order (malformed JSON applies when none does). */
export const mutationPlans = (kinds: readonly MutationKind[] = MUTATIONS): fc.Arbitrary<MutationPlan> => fc.record({ kinds: fc.shuffledSubarray([...kinds], { minLength: kinds.length }), choice: fc.nat() });

/** Successive choices from one number: each takes the remainder, the rest goes on (0 picks the first of each). */
const chooser = (n: number): Choose => (items) => {
  const item = items[n % items.length]!;
  n = Math.floor(n / items.length);
  return item;
};

export class Mutator {
  constructor(private readonly schemas: SchemaResolver) {}

  /** The variant of `value` (valid for `schema`) made by the first kind of the plan that applies. */
  mutate(value: unknown, schema: Schema, plan: MutationPlan): Mutant {
    const sites = this.sites(value, this.schemas.alternatives(schema));
    for (const kind of plan.kinds) {
      const mutant = this.mutateAs(kind, value, schema, plan.choice, sites);
      if (mutant) return mutant;
    }
    return this.mutateAs('malformedJson', value, schema, plan.choice, sites)!;
  }

  /** The variant of one kind, or undefined when the value has no site that kind applies to. */
  mutateAs(kind: MutationKind, value: unknown, schema: Schema, choice: number, sites = this.sites(value, this.schemas.alternatives(schema))): Mutant | undefined {
    const rule = RULES[kind]!;
    const candidates = sites.filter((s) => rule.applies(s));
    if (candidates.length === 0) return undefined;
    const choose = chooser(choice);
    const site = choose(candidates);
    const [description, out] = rule.make(site, choose, value);
    return { kind, pointer: pointerOf(site.path), description, ...(typeof out === 'string' || Buffer.isBuffer(out) ? { raw: out } : { body: out.body }) };
  }

  /** Every site of the value, with the schema alternatives at it. */
  private sites(value: unknown, flats: readonly Flat[], path: Path = []): Site[] {
    const fitting = flats.filter((f) => fits(f, value));
    const here: Site = { path, value, flats, ...(fitting.length === 1 ? { own: fitting[0]!.schema } : {}) };
    const children: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : isObject(value) ? Object.entries(value) : [];
    return [here, ...children.flatMap(([seg, v]) => this.sites(v, this.schemas.step(fitting.length > 0 ? fitting : flats, seg), [...path, seg]))];
  }
}
