/**
 * Benchmark of the rule engine: 10,000 realistic notebook offers (one item each) against 50 real
 * seeded criteria with rules (TS and AC), on one core, after a warm-up.
 *
 *   node_modules/.bin/tsx bench/engine.bench.ts
 *
 * Targets: < 1 s for 10,000 offers × 50 criteria, ≥ 500,000 criterion evaluations per second.
 * Offers come from a seeded PRNG, so every run evaluates the same data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CriterionDefinition, CriterionSetDefinition, EcolabelScheme } from '../src/domain/catalogue/catalogue.types';
import type { CriterionResult, EvaluationInput, Outcome, ParameterValue, ProductDeclaration, ProfileCriterion } from '../src/domain/compliance/compliance.types';
import { evaluateCriterion } from '../src/domain/compliance/criterion.evaluator';
import { summarise } from '../src/domain/compliance/assessment.summary';

const OFFERS = 10_000;
const CRITERIA = 50;
const WARMUP_OFFERS = 2_000;
const ROOT = join(__dirname, '..');

// ------------------------------------------------------------------ criteria

function loadProfile(): ProfileCriterion[] {
  const dir = join(ROOT, 'data', 'criteria');
  const all: { setId: string; setVersion: string; c: CriterionDefinition }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const set = parse(readFileSync(join(dir, file), 'utf8')) as CriterionSetDefinition;
    for (const c of set.criteria) all.push({ setId: set.id, setVersion: set.version, c: structuredClone(c) });
  }
  const usable = all.filter(({ c }) => (c.type === 'TS' || c.type === 'AC') && (c.rule !== undefined || c.scoring !== undefined)
    && c.appliesTo.categories.includes('notebook'));
  // Mix: 35 technical specifications and 15 award criteria, spread over all sets.
  const ts = usable.filter(({ c }) => c.type === 'TS');
  const ac = usable.filter(({ c }) => c.type === 'AC');
  const pick = <T>(list: T[], n: number): T[] => Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)] as T);
  const chosen = [...pick(ts, CRITERIA - 15), ...pick(ac, 15)];
  return chosen.map(({ setId, setVersion, c }) => {
    const parameters: Record<string, ParameterValue> = {};
    for (const p of c.parameters ?? []) parameters[p.name] = p.default ?? (p.type === 'number' ? (p.minimum ?? 0) + 1 : p.type === 'boolean' ? true : p.type === 'stringArray' ? [] : '');
    return { setId, setVersion, criterion: c, parameters, ...(c.type === 'AC' ? { maxPoints: 10 } : {}) };
  });
}

// ------------------------------------------------------------------ offers

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeOffers(n: number, seed: number, statementIds: string[]): EvaluationInput[] {
  const rnd = mulberry32(seed);
  const chance = (p: number) => rnd() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const oneOf = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const subset = (xs: readonly string[]) => xs.filter(() => chance(0.6));
  const parts = ['battery', 'display', 'keyboard', 'memory', 'storage', 'eps', 'fan', 'speakers'];
  const tests = ['drop', 'shock', 'vibration', 'screen_resilience', 'temperature_stress'];
  const schemes: EcolabelScheme[] = ['TCO_CERTIFIED', 'EPEAT', 'ENERGY_STAR', 'EU_ECOLABEL'];
  const out: EvaluationInput[] = [];
  for (let i = 0; i < n; i++) {
    const tecLimit = int(20, 60);
    const manufacturer = oneOf(['Acme', 'Globex', 'Initech']);
    const item: ProductDeclaration = {
      category: 'notebook', manufacturer, model: `NB-${i}`, quantity: int(1, 500),
      isRefurbished: chance(0.15), rugged: oneOf(['none', 'none', 'semi', 'full']),
      battery: { hasBattery: true, cyclesAt80pct: int(200, 1500), cyclesAt60pct: int(300, 2500), userReplaceable: chance(0.5), sohSoftware: chance(0.7), chargeLimitSoftware: chance(0.6), adaptiveCharging: chance(0.5), newBatteryFitted: chance(0.5) },
      energy: chance(0.8) ? { tecKWhPerYear: int(5, tecLimit + 5), tecLimitKWhPerYear: tecLimit, energyStarTecLimitKWhPerYear: tecLimit, ecodesignTecLimitKWhPerYear: tecLimit + 10, energyStarCertified: chance(0.7), energyStarVersion: oneOf(['7.1', '8.0']) } : {},
      lifetime: {
        warrantyYears: int(1, 6), serviceAgreementYears: int(0, 5), sparePartsYears: int(2, 8), sparePartsList: subset(parts),
        osUpdateYears: int(2, 8), securityUpdateYears: int(3, 10), repairManualPublic: chance(0.5), warrantyCoversBattery: chance(0.6),
        extendedWarrantyOfferedYears: int(0, 5), replaceableWithCommonTools: subset(parts),
        ...(chance(0.4) ? { repairability: { scheme: 'EU_2023_1669', value: oneOf(['A', 'B', 'C', 'D', 'E']) } } : {}),
      },
      durability: { testsPassed: subset(tests), dropTest: { standard: 'IEC 60068-2-31', heightCm: int(30, 120), passed: chance(0.9) }, ...(chance(0.5) ? { ipRating: oneOf(['IP54', 'IP65', 'IP67', 'IP20']) } : {}), freeFallClass: oneOf(['A', 'B', 'C', 'D', 'E']) },
      interoperability: { usbCCharging: chance(0.8), epsIec63002: chance(0.5), detachableDcCable: chance(0.6), offeredWithoutCharger: chance(0.4), secureEraseBuiltIn: chance(0.7) },
      materials: { rohsCompliant: chance(0.95), recycledPlasticPct: int(0, 60), halogenFreePlasticsOver25g: chance(0.5), plasticPartsMarkedIso11469: chance(0.8), svhcAbove0_1pct: 'none' },
      endOfLife: { takeBackOffered: chance(0.7), dataSanitisationStandard: 'NIST SP 800-88r1' },
      declarations: Object.fromEntries(statementIds.filter(() => chance(0.8)).map((id) => [id, chance(0.9)])),
      ecolabels: schemes.filter(() => chance(0.4)).map((scheme) => ({
        scheme, version: scheme === 'TCO_CERTIFIED' ? String(int(8, 10)) : scheme === 'EPEAT' ? 'IEEE 1680.1-2018' : '8.0',
        ...(scheme === 'EPEAT' ? { tier: oneOf(['bronze', 'silver', 'gold'] as const) } : {}),
        // Most certificates name the offered model; some were issued for another one.
        certificateId: `${scheme}-${i}`, validUntil: chance(0.8) ? '2027-12-31' : '2024-06-30', covers: { manufacturer, models: [chance(0.9) ? `NB-${i}` : `NB-${i + 1}`] },
      })),
      evidence: chance(0.3) ? [{ kind: 'test_report', ref: `TR-${i}`, covers: ['battery.cyclesAt80pct'] }] : [],
    };
    out.push({
      item,
      supplier: { name: `Supplier ${i % 97}`, iso14001: chance(0.6), conformantSmeltersPct: int(50, 100), renewableElectricityShareFinalAssemblyPct: int(0, 100) },
      services: chance(0.7) ? [{ kind: 'take_back', reuseFirst: chance(0.5), dataSanitisationStandard: 'NIST SP 800-88r1', recyclerCertification: oneOf(['WEEELABEX', 'R2', 'e-Stewards']) }] : [],
      assessmentDate: '2026-03-01',
    });
  }
  return out;
}

// ------------------------------------------------------------------ run

function run(profile: readonly ProfileCriterion[], offers: readonly EvaluationInput[], sink: Record<Outcome, number>): void {
  const results: CriterionResult[] = new Array<CriterionResult>(profile.length);
  for (const input of offers) {
    for (let j = 0; j < profile.length; j++) results[j] = evaluateCriterion(profile[j] as ProfileCriterion, input);
    for (const r of results) sink[r.outcome] += 1;
  }
}

const profile = loadProfile();
const statementIds = profile.flatMap((pc) => (pc.criterion.statements ?? []).map((s) => s.id));
const warmup = makeOffers(WARMUP_OFFERS, 7, statementIds);
const offers = makeOffers(OFFERS, 42, statementIds);
const counts = (): Record<Outcome, number> => ({ pass: 0, fail: 0, evidence_missing: 0, not_evaluated: 0, not_applicable: 0 });

run(profile, warmup, counts());
const sink = counts();
const started = process.hrtime.bigint();
run(profile, offers, sink);
const ms = Number(process.hrtime.bigint() - started) / 1e6;

const evaluations = OFFERS * profile.length;
const perSecond = evaluations / (ms / 1000);
// Summaries are not part of the target, but their cost is shown for completeness.
const sumStart = process.hrtime.bigint();
for (const input of offers.slice(0, 1000)) summarise(profile.map((pc) => evaluateCriterion(pc, input)));
const sumMs = Number(process.hrtime.bigint() - sumStart) / 1e6;

console.log(`criteria: ${profile.length} (${profile.filter((p) => p.criterion.type === 'TS').length} TS, ${profile.filter((p) => p.criterion.type === 'AC').length} AC); offers: ${OFFERS}`);
console.log(`outcomes: ${JSON.stringify(sink)}`);
console.log(`evaluations: ${evaluations} in ${ms.toFixed(1)} ms → ${Math.round(perSecond).toLocaleString('en')} evaluations/s`);
console.log(`1,000 offers evaluated and summarised: ${sumMs.toFixed(1)} ms`);
console.log(`< 1 s for ${OFFERS} offers × ${profile.length} criteria: ${ms < 1000 ? 'MET' : 'NOT MET'}`);
console.log(`≥ 500,000 criterion evaluations per second: ${perSecond >= 500_000 ? 'MET' : 'NOT MET'}`);
