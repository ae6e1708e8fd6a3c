import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import supertest from 'supertest';
import { mintToken } from '../support/auth';
import { draftSet } from '../support/catalogue-fixtures';
import { assertMatchesContract, contractDocument } from '../support/contract';
import { ContractArbitraries } from '../support/contract-arbitraries';
import { mutationPlans, Mutator } from '../support/mutation-arbitraries';
import { compliantNotebookOffer } from '../support/offer-fixtures';
import { HOSTILE_PATH_SEGMENTS, hostileQueryPairs, queryPairs, queryString, type Parameter } from '../support/query-arbitraries';
import type { Schema } from '../support/schema-resolver';
import { useTestService } from '../support/test-service';

/**
 * Schema-driven fuzzing of every operation of api/openapi.yaml against one running service:
 * valid requests generated from the contract's schemas (using the seeded criterion sets often
 * enough that profiles and compliance checks succeed) mixed with invalid and hostile variants.
 * Every response must be < 500 and match the contract. A second phase sends only invalid
 * requests and checks that none of them stored anything.
 *
 * Each phase is one fast-check property (fc.assert): every run draws its requests through fc.gen()
 * and sends them CONCURRENCY at a time, and a run with a finding is shrunk (bodies and choices) and
 * reported with fast-check's seed. Replay with FUZZ_SEED=<seed>: the service's state is built up
 * by the runs before, so a replay starts from the first run (fast-check's `path` would skip them).
 */

type Json = Record<string, any>;
type Method = 'get' | 'post' | 'put' | 'delete' | 'head' | 'patch' | 'options';

const SEED = Number.isInteger(Number(process.env.FUZZ_SEED || 'x')) ? Number(process.env.FUZZ_SEED) | 0 : (Date.now() ^ (Math.random() * 0x100000000)) | 0;
const MIXED_REQUESTS = Number(process.env.FUZZ_MIXED_REQUESTS ?? 3600);
const INVALID_REQUESTS = Number(process.env.FUZZ_INVALID_REQUESTS ?? 1600);
/** Each property run: CONCURRENCY lanes of PER_LANE requests, each lane's sent one after the other. */
const CONCURRENCY = 8;
const PER_LANE = 4;
/** Shrinking sends every candidate run again: bounded, so that a failure is reported in minutes. */
const MAX_SHRINKS = 40;

// The mixed phase took about 4 minutes while assessments were stored as JSON text; since they are
// BSON documents (schema version 2), the embedded FerretDB decodes every stored document for each
// list and statistics request (docs/operations.md §10) and the phase takes 6-8 minutes here. A
// failing run needs time to shrink as well.
jest.setTimeout(900_000);

// ------------------------------------------------------------------------------ the operations

interface Operation {
  readonly operationId: string;
  readonly path: string;
  readonly method: Method;
  readonly pathParams: readonly Parameter[];
  readonly query: readonly Parameter[];
  readonly headers: readonly Parameter[];
  readonly body?: Schema;
  readonly bodyPointer?: string;
  readonly secured: boolean;
}

const esc = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

function resolveParameter(p: Json): Json {
  let current = p;
  while (typeof current.$ref === 'string') {
    const name = current.$ref.replace('#/components/parameters/', '');
    current = (contractDocument.components as Json).parameters[name] as Json;
  }
  return current;
}

function contractOperations(): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(contractDocument.paths as Record<string, Json>)) {
    const shared = ((item.parameters ?? []) as Json[]).map(resolveParameter);
    for (const method of ['get', 'post', 'put', 'delete'] as const) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const params = [...shared, ...((op.parameters ?? []) as Json[]).map(resolveParameter)];
      const of = (where: string) => params.filter((p) => p.in === where).map((p) => ({ name: p.name as string, schema: p.schema as Schema, required: p.required === true }));
      const bodySchema = op.requestBody?.content?.['application/json']?.schema as Schema | undefined;
      out.push({
        operationId: op.operationId as string,
        path,
        method,
        pathParams: of('path'),
        query: of('query'),
        headers: of('header'),
        ...(bodySchema ? { body: bodySchema, bodyPointer: `#/paths/${esc(path)}/${method}/requestBody/content/application~1json/schema` } : {}),
        secured: Array.isArray(op.security) ? op.security.length > 0 : true,
      });
    }
  }
  return out;
}

const OPERATIONS = contractOperations();
const OPERATION_BY_ID = new Map(OPERATIONS.map((op) => [op.operationId, op]));
// body-taking operations twice as often (they have more to break), except new versions: their
// two-field bodies are quickly covered and each copy grows the catalogue
const WEIGHTED_OPERATIONS = OPERATIONS.flatMap((op) => (op.body && op.operationId !== 'createCriterionSetVersion' ? [op, op] : [op]));

// -------------------------------------------------------------------- values drawn by fast-check

const ARBITRARIES = new ContractArbitraries(contractDocument);
const MUTATOR = new Mutator(ARBITRARIES.schemas);
// Builders for fc.gen(): one function each, called with plain keys, so that fast-check caches the
// arbitraries and can replay (and shrink) what a run drew.
const valueOf = (schema: Schema) => ARBITRARIES.of(schema);
const bodyOf = (pointer: string) => ARBITRARIES.at(pointer);
const queryOf = (operationId: string) => queryPairs(ARBITRARIES, OPERATION_BY_ID.get(operationId)!.query);
const hostileQueryOf = (operationId: string) => hostileQueryPairs(ARBITRARIES, OPERATION_BY_ID.get(operationId)!.query);
const percent = () => fc.noBias(fc.integer({ min: 0, max: 9999 }));
const index = (length: number) => fc.noBias(fc.nat(length - 1));
// unbiased: fast-check's bias towards small values would make these fresh ids collide
const freshSuffix = (length: number) => fc.noBias(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: length, maxLength: length }));
const freshUuid = () => fc.noBias(fc.uuid({ version: 4 }));

/** The random choices of one property run, drawn through fc.gen(): replayed from the seed, shrunk on failure. */
class Draw {
  constructor(private readonly g: fc.GeneratorValue) {}

  /** A value of the arbitrary `build(...args)`: a copy, as the requests change bodies and fast-check keeps what it drew. */
  value<A extends unknown[], T>(build: (...args: A) => fc.Arbitrary<T>, ...args: A): T {
    return structuredClone(this.g(build, ...args));
  }

  chance(p: number): boolean {
    return this.g(percent) < p * 10_000;
  }

  fraction(): number {
    return this.g(percent) / 10_000;
  }

  int(min: number, max: number): number {
    return this.g(fc.integer, { min, max });
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.g(index, items.length)]!;
  }

  /** Some of the items (at least one), in a random order. */
  some<T>(items: readonly T[]): T[] {
    return this.g(fc.shuffledSubarray<T>, [...items], { minLength: 1 });
  }
}

// The service validates request bodies with Ajv 2020 + formats; so does the oracle that decides
// whether a mutant really is invalid (some, such as NUL in free text, are valid input).
const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats(ajv);
ajv.addSchema(contractDocument, 'openapi.json');
const bodyIsValid = (op: Operation, body: unknown): boolean => ajv.getSchema(`openapi.json${op.bodyPointer ?? ''}`)!(body) === true;

// ------------------------------------------------------------------------------ request model

interface FuzzRequest {
  readonly phase: 'mixed' | 'invalid' | 'raw';
  readonly op?: Operation;
  readonly method: Method;
  readonly url: string;
  readonly headers: Record<string, string>;
  /** A JSON body, serialised by supertest. */
  readonly body?: unknown;
  /** The exact bytes or text to send. */
  readonly raw?: string | Buffer;
  readonly label: string;
  /** Built to be rejected: must answer 4xx. */
  readonly mustReject: boolean;
}

interface Finding {
  readonly request: string;
  readonly status: number;
  readonly problem: string;
}

const SEEDED_COMBOS = [
  { criterionSetIds: ['eu-gpp-computers-2021'], category: 'notebook', level: 'core' },
  { criterionSetIds: ['eu-gpp-computers-2021'], category: 'desktop', level: 'comprehensive' },
  { criterionSetIds: ['eu-gpp-computers-2021', 'eu-legal-baseline'], category: 'notebook', level: 'core' },
  { criterionSetIds: ['eu-gpp-computers-2021', 'se-it-equipment'], category: 'tablet', level: 'comprehensive' },
  { criterionSetIds: ['no-dfo-it'], category: 'notebook', level: 'core' },
  { criterionSetIds: ['epeat-ieee-1680-1-2018'], category: 'monitor', level: 'core' },
  { criterionSetIds: ['eu-gpp-datacentres-2020'], category: 'server', level: 'core' },
  { criterionSetIds: ['eu-gpp-imaging-2020'], category: 'imaging_equipment', level: 'comprehensive' },
  { criterionSetIds: ['tco-certified-gen10'], category: 'smartphone', level: 'recommended' },
] as const;

/**
 * The probes are answered ahead of request validation and take no input (src/http/probes.middleware.ts):
 * they ignore an unknown query parameter by design, so "must be refused" does not apply to them
 * (< 500 and the contract still do).
 */
const UNVALIDATED_PROBES = new Set(['getHealthcheck', 'getLiveness', 'getReadiness']);

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=fuzz',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/vnd.fuzz+json',
  'application/octet-stream',
];

/** What the fuzz has created so far, so that later requests address real resources. */
class Pools {
  readonly seededSets: string[] = SEEDED_COMBOS.flatMap((c) => c.criterionSetIds).filter((v, i, a) => a.indexOf(v) === i);
  readonly drafts: string[] = [];
  /** Drafts that supersede a seeded set: never published, or they would retire it. */
  readonly versionDrafts: string[] = [];
  readonly published: string[] = [];
  readonly profiles = new Map<string, string>();
  readonly assessments: string[] = [];
  readonly keys: string[] = [];
  readonly idempotencyKeys: string[] = [];
  /** Sets made of generated rule trees (see ruleSet), and those of them published. */
  readonly ruleSets = new Set<string>();
  readonly publishedRuleSets: string[] = [];
  /** How many such sets were stored and published, and offers assessed against them. */
  ruleSetsStored = 0;
  ruleSetsPublished = 0;
  ruleSetAssessments = 0;
  /** The last ETag seen per path, for If-None-Match (304) and If-Match (200 instead of 412). */
  readonly etags = new Map<string, string>();
  criteria: string[] = [];

  remove(list: string[], id: string): void {
    const at = list.indexOf(id);
    if (at >= 0) list.splice(at, 1);
  }
}

// ------------------------------------------------------------------- random but sound rule trees

/** Offer properties by value type, so that generated rules pass the semantic checks of a set. */
const NUMERIC_PROPERTIES: readonly (readonly [string, boolean, number, number])[] = [
  ['battery.cyclesAt80pct', true, 0, 3000],
  ['lifetime.warrantyYears', false, 0, 10],
  ['lifetime.sparePartsYears', false, 0, 10],
  ['energy.tecKWhPerYear', false, 0, 300],
  ['materials.recycledPlasticPct', false, 0, 100],
  ['supplier.renewableElectricityShareFinalAssemblyPct', false, 0, 100],
  ['service.take_back.durationYears', false, 0, 10],
  ['quantity', true, 1, 100],
  ['carbon.pcfKgCO2e', false, 0, 1000],
];
const BOOLEAN_PROPERTIES = ['battery.hasBattery', 'lifetime.repairManualPublic', 'interoperability.usbCCharging', 'supplier.iso14001', 'isRefurbished', 'endOfLife.takeBackOffered'];
const ENUM_PROPERTIES: readonly (readonly [string, readonly string[]])[] = [
  ['energy.euEnergyClass', ['A', 'B', 'C', 'D', 'E', 'F', 'G']],
  ['rugged', ['none', 'semi', 'full']],
  ['durability.freeFallClass', ['A', 'B', 'C', 'D', 'E']],
];
const ARRAY_PROPERTIES: readonly (readonly [string, readonly string[]])[] = [
  ['lifetime.replaceableWithCommonTools', ['battery', 'display', 'keyboard', 'memory']],
  ['durability.testsPassed', ['drop', 'shock', 'vibration', 'screen_resilience', 'temperature_stress']],
];
const ECOLABELS = ['TCO_CERTIFIED', 'EPEAT', 'EU_ECOLABEL', 'BLUE_ANGEL', 'ENERGY_STAR', 'NORDIC_SWAN', 'OTHER_TYPE1'];

class RuleBuilder {
  readonly parameters: Json[] = [];
  readonly statements: Json[] = [];

  constructor(private readonly draw: Draw) {}

  private number(integer: boolean, lo: number, hi: number): number {
    const edge = this.draw.chance(0.2);
    const v = edge ? this.draw.pick([lo, hi, 0]) : lo + this.draw.fraction() * (hi - lo);
    return integer ? Math.round(v) : Math.round(v * 100) / 100;
  }

  comparison(): Json {
    const r = this.draw;
    switch (r.int(0, 7)) {
      case 0: {
        const [property, integer, lo, hi] = r.pick(NUMERIC_PROPERTIES);
        return { property, operator: r.pick(['==', '!=', '>=', '>', '<=', '<']), value: this.number(integer, lo, hi) };
      }
      case 1:
        return { property: r.pick(BOOLEAN_PROPERTIES), operator: r.pick(['==', '!=']), value: r.chance(0.5) };
      case 2: {
        const [property, values] = r.pick(ENUM_PROPERTIES);
        return r.chance(0.5) ? { property, operator: r.pick(['==', '!=']), value: r.pick(values) } : { property, operator: 'in', value: r.some(values) };
      }
      case 3: {
        const [property, values] = r.pick(ARRAY_PROPERTIES);
        return r.chance(0.5) ? { property, operator: 'contains', value: r.pick(values) } : { property, operator: 'containsAll', value: r.some(values) };
      }
      case 4:
        return { property: r.pick([...BOOLEAN_PROPERTIES, ...NUMERIC_PROPERTIES.map((p) => p[0]), 'supplier.refurbishmentQa', 'battery']), operator: 'exists' };
      case 5:
        // percentage below a baseline: the offer may declare a zero or missing baseline
        return { property: 'energy.tecKWhPerYear', operator: r.pick(['>=', '>', '<=']), value: this.number(false, -50, 100), relativeTo: { baseline: 'energy.tecLimitKWhPerYear', mode: 'percentBelow' }, ...(r.chance(0.5) ? { unit: 'percent' } : {}) };
      case 6: {
        const [property, integer, lo, hi] = r.pick(NUMERIC_PROPERTIES.filter((p) => !p[1]));
        const name = `p${this.parameters.length}`;
        this.parameters.push({ name, description: 'set by the procurer', type: 'number', default: this.number(integer, lo, hi), ...(r.chance(0.5) ? { minimum: lo, maximum: hi } : {}) });
        return { property, operator: r.pick(['>=', '<=', '==']), value: { parameter: name } };
      }
      default:
        if (r.chance(0.5)) {
          const id = `stmt-${this.statements.length}`;
          this.statements.push({ id, text: 'The supplier affirms this.' });
          return { declared: id };
        }
        return { ecolabel: { scheme: r.pick(ECOLABELS), ...(r.chance(0.5) ? { minVersion: r.pick(['9', '10', 'IEEE 1680.1-2018', '']) } : {}), ...(r.chance(0.3) ? { minTier: r.pick(['bronze', 'silver', 'gold']) } : {}) } };
    }
  }

  tree(depth = 0): Json {
    const r = this.draw;
    if (depth >= 3 || r.chance(0.5)) return this.comparison();
    const kind = r.pick(['all', 'any', 'not']);
    if (kind === 'not') return { not: this.tree(depth + 1) };
    return { [kind]: Array.from({ length: r.int(1, 3) }, () => this.tree(depth + 1)) };
  }
}

/** A set whose criteria have random rule trees that pass the semantic checks, for the rule engine. */
function ruleSet(draw: Draw, id: string): Json {
  const criteria = Array.from({ length: draw.int(1, 4) }, (_, i) => {
    const rules = new RuleBuilder(draw);
    const sampled = draw.value(bodyOf, '#/components/schemas/CriterionDefinition') as Json;
    const type = draw.pick(['TS', 'TS', 'SC', 'AC', 'AC', 'CPC', 'guidance']);
    const condition = draw.chance(0.3) ? { condition: rules.tree(1) } : {};
    const rule = type !== 'AC' || draw.chance(0.3) ? { rule: rules.tree() } : {};
    const scoring =
      type === 'AC'
        ? { scoring: { maxPoints: draw.chance(0.5) ? 'procurerDefined' : draw.int(1, 50), bands: Array.from({ length: draw.int(1, 3) }, () => ({ when: rules.tree(1), fractionOfMax: Math.round(draw.fraction() * 100) / 100 })) } }
        : {};
    // The review record decides the confidence a criterion may claim (a sampled "verified" with a
    // random review is rightly refused), and a sampled validity window may end before it starts:
    // keep what the sample says of both only where it is consistent, so that most sets are stored.
    const { rule: _r, scoring: _s, parameters: _p, statements: _st, appliesTo: _a, review, confidence: _c, notes: _n, effectiveFrom: _f, effectiveUntil: _u, ...rest } = sampled;
    const reviewed = review && draw.chance(0.5) ? { review: { ...(review as Json), missing: 'the final text was not read' } } : {};
    return {
      ...rest,
      ...reviewed,
      confidence: 'unverified',
      notes: 'Generated by the fuzz test; not verified against any source.',
      id: `${id.toUpperCase()}-C${i}`,
      type,
      level: draw.pick(['core', 'comprehensive']),
      appliesTo: { categories: ['notebook'], ...condition },
      ...rule,
      ...scoring,
      ...(rules.parameters.length > 0 ? { parameters: rules.parameters } : {}),
      ...(rules.statements.length > 0 ? { statements: rules.statements } : {}),
    };
  });
  return { id, title: 'Fuzzed rule trees', publisher: 'Fuzz', version: '1', productCategories: ['notebook', 'tablet'], ambitionLevels: ['core', 'comprehensive'], cpvCodes: ['30213100-6'], eforms: { bt805: 'other' }, criteria };
}

// -------------------------------------------------------------------------------- the generator

type Tokens = Record<'admin' | 'reader' | 'otherOrg' | 'expired', string>;

/** Makes the requests of one property run from its draws and what the service holds (the pools). */
class RequestFactory {
  constructor(
    private readonly draw: Draw,
    private readonly pools: Pools,
    private readonly tokens: Tokens,
  ) {}

  private some<T>(list: readonly T[], p: number): T | undefined {
    return list.length > 0 && this.draw.chance(p) ? this.draw.pick(list) : undefined;
  }

  /** A value for a path parameter: a real id from the pools, a generated one, or a hostile one. */
  private pathValue(op: Operation, param: Parameter, hostile: boolean): string {
    if (hostile) return this.draw.pick(HOSTILE_PATH_SEGMENTS);
    const generated = () => encodeURIComponent(String(this.draw.value(valueOf, param.schema)));
    const pools = this.pools;
    switch (param.name) {
      case 'setId':
        switch (op.operationId) {
          case 'retireCriterionSet':
            return this.some(pools.published, 0.6) ?? generated();
          case 'publishCriterionSet':
            // sets of generated rule trees first: once published, compliance checks use them
            return this.some(pools.drafts.filter((id) => pools.ruleSets.has(id)), 0.5) ?? this.some(pools.drafts, 0.6) ?? generated();
          case 'createCriterionSetVersion':
            // A version copies its source; copies of the large seeded sets make every catalogue
            // rebuild slower, so copy the fuzz's own small drafts mostly and a seeded set rarely.
            return this.some(pools.drafts, 0.7) ?? this.some(pools.seededSets, pools.versionDrafts.length < 4 ? 0.3 : 0) ?? generated();
          case 'replaceCriterionSet':
          case 'deleteCriterionSet':
            return this.some(pools.drafts, 0.5) ?? this.some(pools.versionDrafts, 0.5) ?? this.some(pools.seededSets, 0.2) ?? generated();
          default:
            return this.some(pools.seededSets, 0.5) ?? this.some([...pools.drafts, ...pools.published], 0.5) ?? generated();
        }
      case 'profileId':
        return this.some([...pools.profiles.keys()], 0.7) ?? generated();
      case 'assessmentId':
        return this.some(pools.assessments, 0.7) ?? generated();
      case 'criterionId':
        return this.some(pools.criteria, 0.7) ?? generated();
      case 'keyId':
        return this.some(pools.keys, op.operationId === 'revokeApiKey' ? 0.3 : 0.6) ?? generated();
      default:
        return generated();
    }
  }

  private url(op: Operation, values: Record<string, string>, pairs: [string, string][]): string {
    return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => values[name] ?? 'x') + queryString(pairs);
  }

  private headersFor(op: Operation, hostile: boolean): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const h of op.headers) {
      if (!this.draw.chance(hostile ? 0.5 : 0.3)) continue;
      if (h.name === 'Idempotency-Key') {
        if (hostile) headers[h.name] = this.draw.pick(['short', 'x'.repeat(201), 'has space', '']);
        else {
          const reuse = this.some(this.pools.idempotencyKeys, 0.3);
          const key = reuse ?? `fuzz-${this.draw.value(freshUuid)}`;
          if (!reuse) this.pools.idempotencyKeys.push(key);
          headers[h.name] = key;
        }
      } else if (hostile) {
        headers[h.name] = this.draw.pick(['x'.repeat(1001), '', '{"$ne":null}']);
      } else {
        headers[h.name] = String(this.draw.value(valueOf, h.schema)).replace(/[^\x20-\x7e]/g, '?');
      }
    }
    if (this.draw.chance(0.05)) headers['X-Request-ID'] = this.draw.pick(['fuzz-req', 'x'.repeat(200), '../../etc', '<script>']);
    return headers;
  }

  private authHeaders(op: Operation, anonymous: boolean): Record<string, string> {
    if (!op.secured) return {};
    if (!anonymous) return { Authorization: `Bearer ${this.draw.chance(0.9) ? this.tokens.admin : this.tokens.otherOrg}` };
    return this.draw.pick<Record<string, string>>([
      {},
      { Authorization: 'Bearer not.a.jwt' },
      { Authorization: `Bearer ${this.tokens.expired}` },
      { Authorization: `Bearer ${this.tokens.reader}` },
      { Authorization: 'Basic YWRtaW46YWRtaW4=' },
      { 'X-API-Key': `psbb_${'A'.repeat(12)}_${'g'.repeat(43)}` },
      { 'X-API-Key': '{"$ne":null}' },
    ]);
  }

  /** Makes a valid body more likely to pass the semantic checks and reach the deep code. */
  private realistic(op: Operation, sampled: unknown, pathValues: Record<string, string>): unknown {
    const body = sampled as Json;
    const ruleSetId = this.some(this.pools.publishedRuleSets, 0.35);
    // comprehensive selects core criteria as well, so a generated set always has some to apply
    const combo = ruleSetId ? { criterionSetIds: [ruleSetId], category: 'notebook', level: 'comprehensive' } : this.draw.pick(SEEDED_COMBOS);
    const useProfile = (): string | undefined => this.some([...this.pools.profiles.keys()], 0.4);
    const fitOffer = (offer: Json, category: string) => {
      for (const item of offer.items as Json[]) item.category = category;
      return offer;
    };
    switch (op.operationId) {
      case 'createCriterionSet':
      case 'replaceCriterionSet': {
        const id = op.operationId === 'replaceCriterionSet' ? safeDecode(pathValues.setId ?? '') : `fuzz-set-${this.draw.value(freshSuffix, 8)}`;
        if (op.operationId === 'createCriterionSet' && this.draw.chance(0.6)) {
          this.pools.ruleSets.add(id);
          return ruleSet(this.draw, id);
        }
        if (this.draw.chance(0.5)) {
          // a set that passes the semantic checks, carrying generated (sometimes unusual) text
          const fixture = draftSet();
          const texts = body.criteria?.[0] as Json | undefined;
          const criteria = fixture.criteria.map((c, i) => (i === 0 && texts ? { ...c, title: texts.title as string, summary: texts.summary as string } : c));
          return { ...fixture, id, title: body.title, publisher: body.publisher, ...(body.description ? { description: body.description } : {}), criteria };
        }
        const { supersedes: _s, ...rest } = body;
        return { ...rest, id, criteria: [] };
      }
      case 'createTenderProfile': {
        const { include: _i, exclude: _e, parameters: _p, awardWeights: _w, ...rest } = body;
        return { ...rest, ...structuredClone(combo) };
      }
      case 'createComplianceCheck': {
        const { include: _i, exclude: _e, parameters: _p, awardWeights: _w, profileId: _id, criterionSetIds: _c, category: _cat, level: _l, ...rest } = body;
        const profileId = useProfile();
        const category = profileId ? this.pools.profiles.get(profileId)! : combo.category;
        const offer = this.draw.chance(0.3) && category === 'notebook' ? compliantNotebookOffer(`Fuzz ${this.draw.int(1, 99)}`, this.draw.int(5, 40)) : fitOffer(rest.offer as Json, category);
        return { ...rest, ...this.assessmentDateNearToday(rest), offer, ...(profileId ? { profileId } : structuredClone(combo)) };
      }
      case 'createComplianceCheckBatch': {
        const { include: _i, exclude: _e, parameters: _p, awardWeights: _w, profileId: _id, criterionSetIds: _c, category: _cat, level: _l, ...rest } = body;
        const profileId = useProfile();
        const category = profileId ? this.pools.profiles.get(profileId)! : combo.category;
        const offers = (rest.offers as Json[]).map((o) => fitOffer(o, category));
        return { ...rest, ...this.assessmentDateNearToday(rest), offers, ...(profileId ? { profileId } : structuredClone(combo)) };
      }
      default:
        return body;
    }
  }

  /** A sampled assessmentDate (any year) moved into the accepted window, one year either side of today. */
  private assessmentDateNearToday(body: Json): { assessmentDate?: string } {
    if (body.assessmentDate === undefined) return {};
    return { assessmentDate: new Date(Date.now() + this.draw.int(-300, 300) * 86_400_000).toISOString().slice(0, 10) };
  }

  private describe(op: Operation, what: string): string {
    return `${op.operationId}: ${what}`;
  }

  /** Phase 1: about half valid requests, half invalid or hostile ones. */
  mixed(op: Operation = this.draw.pick(WEIGHTED_OPERATIONS)): FuzzRequest {
    const valid = this.draw.chance(0.5);
    const anonymous = this.draw.chance(0.06);
    const hostilePath = !valid && op.pathParams.length > 0 && this.draw.chance(0.25);
    const hostileQuery = !valid && !hostilePath && this.draw.chance(op.body ? 0.15 : 0.6);
    const hostileHeaders = !valid && !hostilePath && !hostileQuery && this.draw.chance(0.1);
    const pathValues = Object.fromEntries(op.pathParams.map((p) => [p.name, this.pathValue(op, p, hostilePath)]));
    const pairs = hostileQuery ? this.draw.value(hostileQueryOf, op.operationId).pairs : this.draw.value(queryOf, op.operationId);
    const headers = { ...this.headersFor(op, hostileHeaders), ...this.authHeaders(op, anonymous) };
    const url = this.url(op, pathValues, pairs);
    const known = this.pools.etags.get(url.split('?')[0]!);
    for (const name of ['If-None-Match', 'If-Match']) {
      if (known && op.headers.some((h) => h.name === name) && this.draw.chance(0.4)) headers[name] = known;
    }
    const labels = [valid ? 'valid' : 'invalid', anonymous ? 'anonymous' : '', hostilePath ? 'hostile path' : '', hostileQuery ? 'hostile query' : '', hostileHeaders ? 'hostile headers' : ''].filter(Boolean);
    const method: Method = op.method === 'get' && this.draw.chance(0.05) ? 'head' : op.method;
    if (this.draw.chance(0.03)) {
      // a method the path does not declare, or a spelling of the path that no route has: 404/405
      const declared = OPERATIONS.filter((o) => o.path === op.path).map((o) => o.method);
      const odd = this.draw.pick<Method>((['get', 'post', 'put', 'delete', 'patch', 'options'] as const).filter((m) => !declared.includes(m)));
      const oddUrl = this.draw.pick([url, url.replace('/api/v1/', '/api/v1//'), url.replace('/api/v1/', '/API/V1/'), `${url.split('?')[0]!}/extra`]);
      return { ...mixedBase(op, odd, oddUrl, headers), label: this.describe(op, `method ${odd.toUpperCase()} on ${oddUrl.slice(0, 60)}`) };
    }
    const base = { phase: 'mixed' as const, op, method, url, headers, mustReject: false };
    if (!op.body) return { ...base, label: this.describe(op, [...labels, method === 'head' ? 'HEAD' : ''].filter(Boolean).join(', ')) };

    const sampled = this.draw.value(bodyOf, op.bodyPointer!);
    const body = this.draw.chance(0.6) ? this.realistic(op, sampled, pathValues) : sampled;
    if (valid || hostilePath || hostileQuery || hostileHeaders) return { ...base, body, label: this.describe(op, labels.join(', ')) };
    return { ...base, ...this.invalidBody(op, body, headers), label: this.describe(op, labels.join(', ')) };
  }

  /** An invalid body: a mutant, a wrong content type, or none at all. */
  private invalidBody(op: Operation, body: unknown, headers: Record<string, string>): { body?: unknown; raw?: string | Buffer; label?: string } {
    const roll = this.draw.fraction();
    if (roll < 0.08) {
      headers['Content-Type'] = this.draw.pick(WRONG_CONTENT_TYPES);
      return { raw: headers['Content-Type'].includes('json') ? JSON.stringify(body) : 'id=x&title=y' };
    }
    if (roll < 0.12) return {};
    // a realistic body is mutated as it is: the mutator finds its sites in the value
    const mutant = MUTATOR.mutate(body, op.body!, this.draw.value(mutationPlans));
    if (mutant.raw !== undefined) headers['Content-Type'] = 'application/json';
    return mutant.raw !== undefined ? { raw: mutant.raw } : { body: mutant.body };
  }

  /** Phase 2: only requests the contract rejects (so none may store anything). */
  invalid(op: Operation = this.draw.pick(OPERATIONS)): FuzzRequest {
    const anonymous = op.secured && this.draw.chance(0.05);
    const headers = { ...this.headersFor(op, false), ...this.authHeaders(op, anonymous) };
    // Idempotency keys of phase 1 would replay stored assessments: fine, but not "nothing stored".
    delete headers['Idempotency-Key'];
    const base = { phase: 'invalid' as const, op, method: op.method, headers, mustReject: !UNVALIDATED_PROBES.has(op.operationId) };
    if (op.body) {
      const pathValues = Object.fromEntries(op.pathParams.map((p) => [p.name, this.pathValue(op, p, false)]));
      const url = this.url(op, pathValues, this.draw.value(queryOf, op.operationId));
      for (let attempt = 0; attempt < 20; attempt++) {
        const sampled = this.draw.value(bodyOf, op.bodyPointer!);
        const roll = this.draw.fraction();
        if (roll < 0.08) {
          const contentType = this.draw.pick(WRONG_CONTENT_TYPES);
          return { ...base, url, headers: { ...headers, 'Content-Type': contentType }, raw: JSON.stringify(sampled), label: this.describe(op, `Content-Type ${contentType}`) };
        }
        if (roll < 0.1) return { ...base, url, label: this.describe(op, 'no body') };
        const mutant = MUTATOR.mutate(sampled, op.body, this.draw.value(mutationPlans));
        if (mutant.raw === undefined && bodyIsValid(op, mutant.body)) continue; // e.g. NUL in free text: valid
        const label = this.describe(op, `${mutant.kind} at ${mutant.pointer || '/'}: ${mutant.description}`);
        return mutant.raw !== undefined ? { ...base, url, headers: { ...headers, 'Content-Type': 'application/json' }, raw: mutant.raw, label } : { ...base, url, body: mutant.body, label };
      }
      return { ...base, url, raw: '{', headers: { ...headers, 'Content-Type': 'application/json' }, label: this.describe(op, 'malformed JSON') };
    }
    // No body: the path or the query must be wrong. Real ids never appear here, so a DELETE or a
    // publish can only answer 400/404.
    const breakPath = op.pathParams.length > 0 && this.draw.chance(0.5);
    const pathValues = Object.fromEntries(
      op.pathParams.map((p) => [p.name, breakPath ? this.draw.pick(HOSTILE_PATH_SEGMENTS.filter((s) => !pathAccepts(p, s))) : encodeURIComponent(String(this.draw.value(valueOf, p.schema)))]),
    );
    const hostile = breakPath ? undefined : this.draw.value(hostileQueryOf, op.operationId);
    const url = this.url(op, pathValues, hostile ? hostile.pairs : []);
    return { ...base, url, label: this.describe(op, breakPath ? `hostile path ${url}` : `hostile query: ${hostile?.description ?? ''}`) };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function mixedBase(op: Operation, method: Method, url: string, headers: Record<string, string>) {
  return { phase: 'mixed' as const, op, method, url, headers, mustReject: false };
}

/** Whether a (percent-encoded) segment would pass the parameter's schema. */
function pathAccepts(param: Parameter, segment: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return false;
  }
  const pattern = typeof param.schema.pattern === 'string' ? new RegExp(param.schema.pattern, 'u') : undefined;
  if (param.schema.format === 'uuid') return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(decoded);
  if (typeof param.schema.maxLength === 'number' && decoded.length > param.schema.maxLength) return false;
  return pattern ? pattern.test(segment) : true;
}

// ------------------------------------------------------------------------------------- running

class Recorder {
  readonly byStatus = new Map<number, number>();
  readonly byClass = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, network: 0 };
  readonly byOperation = new Map<string, Map<string, number>>();
  readonly findings: Finding[] = [];
  readonly timeByOperation = new Map<string, { total: number; max: number }>();
  total = 0;

  time(op: string, ms: number): void {
    const t = this.timeByOperation.get(op) ?? { total: 0, max: 0 };
    this.timeByOperation.set(op, { total: t.total + ms, max: Math.max(t.max, ms) });
  }

  count(op: string, status: number): void {
    this.total++;
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    const cls = status === 0 ? 'network' : (`${Math.floor(status / 100)}xx` as keyof Recorder['byClass']);
    this.byClass[cls] = (this.byClass[cls] ?? 0) + 1;
    const perOp = this.byOperation.get(op) ?? new Map<string, number>();
    perOp.set(String(status), (perOp.get(String(status)) ?? 0) + 1);
    this.byOperation.set(op, perOp);
  }

  summary(): string {
    const statuses = [...this.byStatus.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}: ${n}`).join(', ');
    return `seed ${SEED}: ${this.total} requests; by class ${JSON.stringify(this.byClass)}; by status {${statuses}}`;
  }
}

/** All findings grouped (problem kind × request kind), then the first ones in full. */
function describeFindings(findings: readonly Finding[]): string {
  const groups = new Map<string, number>();
  for (const f of findings) {
    const kind = `${f.problem.split(':')[0]!.slice(0, 60)} ← ${f.request.split('\n')[0]!.replace(/^\[\w+\] /, '').slice(0, 90)}`;
    groups.set(kind, (groups.get(kind) ?? 0) + 1);
  }
  const grouped = [...groups.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${n}× ${k}`);
  return `${findings.length} finding(s) (seed ${SEED}):\n${grouped.join('\n')}\n\nthe first ones in full:\n${findings
    .slice(0, 15)
    .map((f) => `${f.problem}\n${f.request}`)
    .join('\n\n')}`;
}

function describeRequest(r: FuzzRequest): string {
  const shown = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, /authorization|api-key/i.test(k) ? `${v.slice(0, 12)}…` : v.slice(0, 80)]));
  const body = r.raw !== undefined ? (Buffer.isBuffer(r.raw) ? `<bytes ${r.raw.toString('hex').slice(0, 200)}…>` : r.raw.slice(0, 400)) : r.body !== undefined ? JSON.stringify(r.body).slice(0, 400) : '<none>';
  return `[${r.phase}] ${r.label}\n  ${r.method.toUpperCase()} ${r.url.slice(0, 300)}\n  headers ${JSON.stringify(shown)}\n  body ${body}`;
}

async function send(baseUrl: string, r: FuzzRequest, recorder: Recorder): Promise<supertest.Response | undefined> {
  const agent = supertest(baseUrl);
  let test = agent[r.method](r.url);
  for (const [k, v] of Object.entries(r.headers)) test = test.set(k, v);
  // superagent would JSON-serialise a Buffer sent as application/json: send the bytes as they are
  if (r.raw !== undefined) test = test.serialize((b: unknown) => b as string).send(r.raw as never);
  else if (typeof r.body === 'object' && r.body !== null) test = test.send(r.body);
  // supertest only serialises objects: scalars (a mutated root) go as JSON text
  else if (r.body !== undefined) test = test.set('Content-Type', 'application/json').send(JSON.stringify(r.body));
  let res: supertest.Response;
  const started = Date.now();
  try {
    res = await test;
    recorder.time(r.op?.operationId ?? 'raw', Date.now() - started);
  } catch (err) {
    recorder.count(r.op?.operationId ?? 'raw', 0);
    recorder.findings.push({ request: describeRequest(r), status: 0, problem: `no response: ${String(err)}` });
    return undefined;
  }
  recorder.count(r.op?.operationId ?? 'raw', res.status);
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`server error ${res.status}: ${res.text.slice(0, 300)}`);
  if (r.mustReject && (res.status < 400 || res.status >= 500)) problems.push(`an invalid request was answered ${res.status}`);
  try {
    assertMatchesContract(r.method, r.url, res);
  } catch (err) {
    problems.push(`contract: ${(err as Error).message.slice(0, 600)}`);
  }
  if (problems.length > 0) recorder.findings.push({ request: describeRequest(r), status: res.status, problem: problems.join('; ') });
  return res;
}

interface Fuzz {
  readonly baseUrl: string;
  readonly recorder: Recorder;
  readonly pools: Pools;
  readonly tokens: Tokens;
}

/**
 * About `count` requests as one fast-check property. Each run draws CONCURRENCY lanes of PER_LANE
 * requests through fc.gen() (up front and in one order, so that the seed replays them and shrinking
 * can simplify them) and sends each lane's requests one after the other, the lanes side by side.
 * A run with a finding fails; fast-check shrinks it and reports the seed. Returns the requests sent.
 */
async function fuzz(count: number, make: (factory: RequestFactory) => FuzzRequest, env: Fuzz, onResponse: (r: FuzzRequest, res: supertest.Response) => void): Promise<number> {
  const numRuns = Math.ceil(count / (CONCURRENCY * PER_LANE));
  await fc.assert(
    fc.asyncProperty(fc.limitShrink(fc.gen(), MAX_SHRINKS), async (g) => {
      const factory = new RequestFactory(new Draw(g), env.pools, env.tokens);
      const lanes = Array.from({ length: CONCURRENCY }, () => Array.from({ length: PER_LANE }, () => make(factory)));
      const findingsBefore = env.recorder.findings.length;
      const sendLane = async (lane: FuzzRequest[]) => {
        for (const request of lane) {
          const res = await send(env.baseUrl, request, env.recorder);
          if (res) onResponse(request, res);
        }
      };
      await Promise.all(lanes.map(sendLane));
      const findings = env.recorder.findings.slice(findingsBefore);
      if (findings.length > 0) throw new Error(describeFindings(findings));
    }),
    { seed: SEED, numRuns },
  );
  return numRuns * CONCURRENCY * PER_LANE;
}

/** Keeps the pools up to date with what the service created or changed. */
function learn(pools: Pools) {
  return (r: FuzzRequest, res: supertest.Response): void => {
    const body = res.body as Json;
    const op = r.op?.operationId;
    const etag: unknown = res.headers.etag;
    if (typeof etag === 'string' && res.status < 300) pools.etags.set(r.url.split('?')[0]!, etag);
    if (res.status >= 300 || !op) return;
    switch (op) {
      case 'createCriterionSet':
        pools.drafts.push(body.id as string);
        if (pools.ruleSets.has(body.id as string)) pools.ruleSetsStored++;
        break;
      case 'createCriterionSetVersion':
        pools.versionDrafts.push(body.id as string);
        break;
      case 'publishCriterionSet':
        pools.remove(pools.drafts, body.id as string);
        pools.published.push(body.id as string);
        if (pools.ruleSets.has(body.id as string)) {
          pools.publishedRuleSets.push(body.id as string);
          pools.ruleSetsPublished++;
        }
        break;
      case 'retireCriterionSet':
        pools.remove(pools.published, body.id as string);
        pools.remove(pools.publishedRuleSets, body.id as string);
        break;
      case 'deleteCriterionSet': {
        const id = decodeURIComponent(r.url.split('/')[4] ?? '');
        pools.remove(pools.drafts, id);
        pools.remove(pools.versionDrafts, id);
        break;
      }
      case 'createTenderProfile':
        pools.profiles.set(body.id as string, body.category as string);
        break;
      case 'createComplianceCheck':
        pools.assessments.push(body.id as string);
        if ((body.criterionSets as Json[]).some((cs) => pools.ruleSets.has(cs.id as string))) pools.ruleSetAssessments++;
        pools.profiles.set(body.profileId as string, body.category as string);
        break;
      case 'createComplianceCheckBatch':
        for (const result of body.results as Json[]) if (result.assessmentId) pools.assessments.push(result.assessmentId as string);
        break;
      case 'createApiKey':
        pools.keys.push(body.id as string);
        break;
    }
  };
}

// ----------------------------------------------------------------------------------- the tests

describe(`schema-driven fuzzing of every operation (seed ${SEED})`, () => {
  const ctx = useTestService();
  const pools = new Pools();
  const recorder = new Recorder();
  let env: Fuzz;

  const countStored = async (): Promise<Record<string, number>> => {
    const db = ctx.svc.service.mongo.connection.db!;
    const names = ['criterion_sets', 'assessments', 'tender_profiles', 'api_keys'];
    return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await db.collection(n).countDocuments()] as const)));
  };

  beforeAll(async () => {
    console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
    const tokens = {
      admin: await mintToken(),
      reader: await mintToken({ scopes: ['criteria:read'], org: 'fuzz-reader', sub: 'fuzz-reader' }),
      otherOrg: await mintToken({ scopes: ['assessments:read', 'assessments:write', 'criteria:read'], org: 'fuzz-other', sub: 'fuzz-other' }),
      expired: await mintToken({ expiresIn: -3600 }),
    };
    env = { baseUrl: ctx.svc.baseUrl, recorder, pools, tokens };
    const criteria = await supertest(ctx.svc.baseUrl).get('/api/v1/criteria?pageSize=200').set('Authorization', `Bearer ${tokens.admin}`).expect(200);
    pools.criteria = (criteria.body.items as Json[]).map((c) => c.id as string);
  });

  afterAll(() => {
    const perOp = [...recorder.byOperation.entries()]
      .map(([op, m]) => {
        const t = recorder.timeByOperation.get(op);
        return `  ${op}: ${[...m.entries()].map(([s, n]) => `${s}×${n}`).join(' ')}${t ? ` (${Math.round(t.total)} ms in all, slowest ${t.max} ms)` : ''}`;
      })
      .join('\n');
    const rules = `rule-tree sets: ${pools.ruleSets.size} sent, ${pools.ruleSetsStored} stored, ${pools.ruleSetsPublished} published, ${pools.ruleSetAssessments} offers assessed against them`;
    console.log(`${recorder.summary()}\n${rules}\nby operation:\n${perOp}`);
  });


  it('answers valid and invalid requests to every operation with < 500 and within the contract', async () => {
    await fuzz(MIXED_REQUESTS, (factory) => factory.mixed(), env, learn(pools));

    console.log(recorder.summary());
    // Every operation was exercised, and the fuzz reached past validation into the handlers.
    expect(OPERATIONS.filter((op) => !recorder.byOperation.has(op.operationId)).map((op) => op.operationId)).toEqual([]);
    const created = (op: string, status: string) => recorder.byOperation.get(op)?.get(status) ?? 0;
    expect(created('createComplianceCheck', '201')).toBeGreaterThan(10);
    expect(created('createTenderProfile', '201')).toBeGreaterThan(10);
    expect(created('createCriterionSet', '201')).toBeGreaterThan(5);
    expect(pools.ruleSetsPublished).toBeGreaterThan(0);
    expect(created('createComplianceCheckBatch', '200')).toBeGreaterThan(5);
    expect(recorder.byClass['4xx']).toBeGreaterThan(MIXED_REQUESTS / 4);
    expect(recorder.byClass['2xx']).toBeGreaterThan(MIXED_REQUESTS / 5);
  });

  it('stores nothing for requests the contract rejects', async () => {
    const before = await countStored();
    const totalBefore = recorder.total;
    const sent = await fuzz(INVALID_REQUESTS, (factory) => factory.invalid(), env, () => undefined);
    expect(recorder.total - totalBefore).toBe(sent);
    expect(await countStored()).toEqual(before);
  });

  it('survives hostile raw requests that supertest cannot express as JSON values', async () => {
    const before = await countStored();
    const findingsBefore = recorder.findings.length;
    const auth = { Authorization: `Bearer ${await mintToken()}` };
    const json = { ...auth, 'Content-Type': 'application/json' };
    const set = JSON.stringify(draftSet());
    const check = JSON.stringify({ ...SEEDED_COMBOS[0], offer: compliantNotebookOffer('Raw', 10) });
    const raws: [string, string, Record<string, string>, string | Buffer][] = [
      ['/api/v1/criterion-sets', 'invalid UTF-8 (C3 28) in a string', json, Buffer.concat([Buffer.from(set.slice(0, 20)), Buffer.from([0xc3, 0x28]), Buffer.from(set.slice(20))])],
      ['/api/v1/criterion-sets', 'lone continuation byte', json, Buffer.from([0x7b, 0x22, 0x80, 0x22, 0x3a, 0x31, 0x7d])],
      ['/api/v1/criterion-sets', 'overlong encoding of "/"', json, Buffer.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d])],
      ['/api/v1/criterion-sets', 'UTF-16 surrogate encoded in UTF-8', json, Buffer.from([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d])],
      ['/api/v1/criterion-sets', 'UTF-16LE body declared as JSON', json, Buffer.from(set, 'utf16le')],
      ['/api/v1/compliance-checks', '1e400 in the offer', json, check.replace('"tecKWhPerYear":10', '"tecKWhPerYear":1e400')],
      ['/api/v1/compliance-checks', '-1e400 as quantity', json, check.replace('"category":"notebook","manufacturer"', '"category":"notebook","quantity":-1e400,"manufacturer"')],
      ['/api/v1/compliance-checks', 'duplicate key: offer repeated as an operator', json, `${check.slice(0, -1)},"offer":{"$ne":null}}`],
      ['/api/v1/compliance-checks', 'duplicate key: category replaced by __proto__', json, `${check.slice(0, -1)},"category":{"__proto__":{"polluted":"yes"}}}`],
      ['/api/v1/tender-profiles', 'duplicate __proto__ keys', json, '{"__proto__":{"polluted":"yes"},"__proto__":{"admin":true},"criterionSetIds":["eu-gpp-computers-2021"],"category":"notebook","level":"core"}'],
      ['/api/v1/tender-profiles', 'a 5,000-deep array', json, `{"criterionSetIds":${'['.repeat(5000)}${']'.repeat(5000)},"category":"notebook","level":"core"}`],
      ['/api/v1/tender-profiles', 'a 50-deep object', json, `{"parameters":${'{"a":'.repeat(50)}1${'}'.repeat(50)},"criterionSetIds":["eu-gpp-computers-2021"],"category":"notebook","level":"core"}`],
      ['/api/v1/tender-profiles', 'a top-level JSON string', json, '"just a string"'],
      ['/api/v1/tender-profiles', 'a top-level number 1e400', json, '1e400'],
      ['/api/v1/tender-profiles', 'null', json, 'null'],
      ['/api/v1/tender-profiles', 'a top-level array of operators', json, '[{"$where":"1"}]'],
      ['/api/v1/tender-profiles', 'NUL byte outside a string', json, Buffer.from('{"category":\u0000"notebook"}')],
      ['/api/v1/tender-profiles', 'gzip declared, plain sent', { ...json, 'Content-Encoding': 'gzip' }, '{"category":"notebook"}'],
      ['/api/v1/tender-profiles', 'unknown content encoding', { ...json, 'Content-Encoding': 'zstd-fuzz' }, '{"category":"notebook"}'],
      ['/api/v1/admin/api-keys', 'JSON with a charset the parser does not know', { ...auth, 'Content-Type': 'application/json; charset=ebcdic' }, '{"name":"x","organisation":"o","scopes":["admin"]}'],
      ['/api/v1/compliance-checks/batch', 'batch of 1,001 offers', json, JSON.stringify({ ...SEEDED_COMBOS[0], offers: Array.from({ length: 1001 }, () => ({ supplier: { name: 'x' }, items: [{ category: 'notebook', manufacturer: 'm', model: 'm' }] })) })],
    ];
    for (const [url, label, headers, raw] of raws) {
      await send(ctx.svc.baseUrl, { phase: 'raw', method: 'post', url, headers, raw, label, mustReject: true }, recorder);
    }
    const newFindings = recorder.findings.slice(findingsBefore);
    expect(newFindings.length === 0 ? 'no findings' : describeFindings(newFindings)).toBe('no findings');
    expect(await countStored()).toEqual(before);
    expect(({} as Json).polluted).toBeUndefined();
    expect(({} as Json).admin).toBeUndefined();
  });

  it('is still alive and ready afterwards, having answered at least 5,000 requests', async () => {
    const ready = await supertest(ctx.svc.baseUrl).get('/health/ready').expect(200);
    assertMatchesContract('get', '/health/ready', ready);
    expect(ready.body.status).toBe('ready');
    await supertest(ctx.svc.baseUrl).get('/health/live').expect(200);
    const list = await supertest(ctx.svc.baseUrl).get('/api/v1/criterion-sets').set('Authorization', `Bearer ${await mintToken()}`).expect(200);
    expect((list.body.items as Json[]).filter((s) => pools.seededSets.includes(s.id as string)).every((s) => s.status === 'published')).toBe(true);
    expect(recorder.total).toBeGreaterThanOrEqual(5000);
    expect(recorder.byClass['5xx']).toBe(0);
    expect(({} as Json).polluted).toBeUndefined();
  });
});
