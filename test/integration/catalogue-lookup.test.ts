import { criteriaFromCsv } from '../support/csv-reader';
import { loadSeedFiles } from '../../src/infra/seed/seed-files';
import { Contract } from '../../src/infra/contract/contract';
import { useTestService } from '../support/test-service';

const SEEDS = loadSeedFiles(new Contract()).map((s) => s.definition);
const SEED_IDS = SEEDS.map((d) => d.id).sort();
/** Seed sets another seed set supersedes: seeding retires them, they stay readable. */
const SUPERSEDED = new Map(SEEDS.flatMap((d) => (d.supersedes ?? []).map((old) => [old, d.id] as const)));
type Item = Record<string, any>;

describe('criteria lookup on the seeded catalogue', () => {
  const ctx = useTestService();

  async function all(query: string): Promise<Item[]> {
    const items: Item[] = [];
    for (let page = 1; ; page++) {
      const res = await ctx.client.get(`/api/v1/criteria?${query}&pageSize=200&page=${page}`).expect(200);
      items.push(...res.body.items);
      if (!res.body.links.next) return items;
    }
  }

  it('lists every seeded set with its metadata', async () => {
    const res = await ctx.client.get('/api/v1/criterion-sets').expect(200);
    expect(res.body.items.map((s: Item) => s.id)).toEqual(SEED_IDS);
    expect(SUPERSEDED.get('epeat-ieee-1680-1')).toBe('epeat-ieee-1680-1-2018');
    for (const set of res.body.items) {
      if (SUPERSEDED.has(set.id)) expect(set).toMatchObject({ status: 'retired', supersededBy: SUPERSEDED.get(set.id) });
      else expect(set.status).toBe('published');
      expect(set.cpvCodes.length).toBeGreaterThan(0);
      expect(['eu', 'national', 'other']).toContain(set.eforms.bt805);
      expect(set.criteriaCount).toBeGreaterThan(0);
    }
    const total = res.body.items.reduce((n: number, s: Item) => n + s.criteriaCount, 0);
    expect(total).toBeGreaterThanOrEqual(90);
  });

  it('answers "core criteria for notebooks" from every applicable set, each with source and confidence', async () => {
    const items = await all('category=notebook&level=core');
    expect([...new Set(items.map((i) => i.setId))]).toEqual(expect.arrayContaining(['epeat-ieee-1680-1-2018', 'eu-gpp-computers-2021', 'eu-legal-baseline', 'se-it-equipment']));
    // A retired (superseded) set is not offered: only published ones are looked up by default.
    expect(items.some((i) => i.setId === 'epeat-ieee-1680-1')).toBe(false);
    for (const item of items) {
      expect(item.level).toBe('core');
      expect(item.appliesTo.categories).toContain('notebook');
      expect(item.source.document.length).toBeGreaterThan(0);
      expect(['verified', 'partly-verified', 'unverified']).toContain(item.confidence);
      if (item.confidence !== 'verified') expect(item.notes.length).toBeGreaterThan(0);
    }
    expect(items.map((i) => i.id)).toEqual(expect.arrayContaining(['GPP21-TS6-core', 'GPP21-TS2-core']));
  });

  it('keeps the superseded EPEAT 2009 set readable, retired and pointing at its 2018 successor, with its history', async () => {
    const old = await ctx.client.get('/api/v1/criterion-sets/epeat-ieee-1680-1').expect(200);
    expect(old.body).toMatchObject({ status: 'retired', supersededBy: 'epeat-ieee-1680-1-2018' });
    expect(old.body.history.at(-1)).toMatchObject({ action: 'superseded', detail: 'superseded by epeat-ieee-1680-1-2018' });
    const current = await ctx.client.get('/api/v1/criterion-sets/epeat-ieee-1680-1-2018').expect(200);
    expect(current.body).toMatchObject({ status: 'published', supersedes: ['epeat-ieee-1680-1'] });
    const retiredCriteria = await all('set=epeat-ieee-1680-1&status=retired');
    expect(retiredCriteria.length).toBe(old.body.criteriaCount);
    const quoted = await ctx.client.get(`/api/v1/criteria/${String(current.body.criteria[0].id)}?set=epeat-ieee-1680-1-2018`).expect(200);
    expect(quoted.body.review.passages[0].quote.length).toBeGreaterThan(3);
  });

  it('combines filters with AND and repeated values with OR', async () => {
    const tsOrAc = await all('set=eu-gpp-computers-2021&type=TS&type=AC&theme=battery');
    expect(tsOrAc.length).toBeGreaterThan(3);
    for (const i of tsOrAc) {
      expect(i.setId).toBe('eu-gpp-computers-2021');
      expect(['TS', 'AC']).toContain(i.type);
      expect(i.theme).toBe('battery');
    }
    expect(new Set(tsOrAc.map((i) => i.type))).toEqual(new Set(['TS', 'AC']));
    const stage = await all('stage=contractPerformance&confidence=verified');
    for (const i of stage) expect([i.stage, i.confidence]).toEqual(['contractPerformance', 'verified']);
    const code = await all('sourceCode=ts6');
    expect(code.length).toBeGreaterThanOrEqual(2);
    for (const i of code) expect(i.sourceCode).toBe('TS6');
    const inSet = await all('sourceCode=ts6&set=eu-gpp-computers-2021');
    expect(inSet.map((i) => i.id).sort()).toEqual(['GPP21-TS6-comp', 'GPP21-TS6-core']);
    const text = await all('q=BATTERY%20cycles');
    expect(text.length).toBeGreaterThan(0);
    for (const i of text) expect(`${i.title} ${i.summary}`.toLowerCase()).toMatch(/battery[\s\S]*cycles|cycles[\s\S]*battery/);
  });

  it('pages through results in a stable order with links that keep the filters', async () => {
    const everything = await all('category=smartphone');
    const first = await ctx.client.get('/api/v1/criteria?category=smartphone&pageSize=7').expect(200);
    expect(first.body.total).toBe(everything.length);
    expect(first.body.links.next).toBe('/api/v1/criteria?category=smartphone&pageSize=7&page=2');
    expect(first.body.links.prev).toBeUndefined();
    const pages: Item[] = [...first.body.items];
    let next: string | undefined = first.body.links.next;
    while (next) {
      const res = await ctx.client.get(next).expect(200);
      pages.push(...res.body.items);
      expect(res.body.links.prev).toBeDefined();
      next = res.body.links.next;
    }
    expect(pages.map((i) => `${i.setId}/${i.id}`)).toEqual(everything.map((i) => `${i.setId}/${i.id}`));
    const setOrder = pages.map((i) => i.setId);
    expect(setOrder).toEqual([...setOrder].sort());
    const beyond = await ctx.client.get('/api/v1/criteria?category=smartphone&pageSize=7&page=999').expect(200);
    expect(beyond.body.items).toEqual([]);
  });

  it('rejects unknown filter values with the allowed values, and page sizes above 200', async () => {
    const bad = await ctx.client.get('/api/v1/criteria?level=platinum').expect(400);
    expect(bad.body.errors[0].pointer).toBe('/query/level/0');
    expect(bad.body.allowed).toEqual(['core', 'comprehensive', 'spearhead', 'recommended']);
    const unknownSet = await ctx.client.get('/api/v1/criteria?set=no-such-set').expect(400);
    expect(unknownSet.body.allowed).toEqual(SEED_IDS);
    const big = await ctx.client.get('/api/v1/criteria?pageSize=201').expect(400);
    expect(big.body.errors[0].pointer).toBe('/query/pageSize');
  });

  it('gets one criterion and one set by id, and 404s unknown ones', async () => {
    const c = await ctx.client.get('/api/v1/criteria/GPP21-TS6-core').expect(200);
    expect(c.body).toMatchObject({ id: 'GPP21-TS6-core', setId: 'eu-gpp-computers-2021', setStatus: 'published' });
    expect(c.body.rule).toEqual({ property: 'battery.cyclesAt80pct', operator: '>=', value: 300, unit: 'cycles' });
    await ctx.client.get('/api/v1/criteria/NOPE-1').expect(404);
    const set = await ctx.client.get('/api/v1/criterion-sets/no-dfo-it').expect(200);
    expect(set.body.criteria.length).toBe(set.body.criteriaCount);
    expect(set.body.history[0]).toMatchObject({ action: 'seeded', actor: 'seed', revision: 1 });
    await ctx.client.get('/api/v1/criterion-sets/not-a-set').expect(404);
  });

  it('answers 304 to If-None-Match with the current strong ETag', async () => {
    for (const url of ['/api/v1/criterion-sets', '/api/v1/criterion-sets/no-dfo-it', '/api/v1/criteria?category=tablet', '/api/v1/criteria/GPP21-TS6-core']) {
      const first = await ctx.client.get(url).expect(200);
      expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers['cache-control']).toMatch(/max-age=\d+/);
      const again = await ctx.client.get(url).set('If-None-Match', String(first.headers.etag)).expect(304);
      expect(again.text ?? '').toBe('');
      await ctx.client.get(url).set('If-None-Match', '"something-else"').expect(200);
    }
    const a = await ctx.client.get('/api/v1/criteria?category=tablet').expect(200);
    const b = await ctx.client.get('/api/v1/criteria?category=smartphone').expect(200);
    expect(a.headers.etag).not.toBe(b.headers.etag);
  });

  it('stores every seed set exactly as its file says, and seeding again changes nothing', async () => {
    const contract = new Contract();
    for (const seed of loadSeedFiles(contract)) {
      const exported = await ctx.client.get(`/api/v1/criterion-sets/${seed.definition.id}/export?format=json`).expect(200);
      expect(exported.body).toEqual(seed.definition);
    }
    const report = await ctx.svc.service.catalogue.seed();
    expect(report.inserted).toEqual([]);
    expect(report.updated).toEqual([]);
    expect([...report.unchanged].sort()).toEqual(SEED_IDS);
    expect(report.superseded).toEqual([]);
  });

  it('exports a set as CSV that parses back to the same criteria', async () => {
    const set = await ctx.client.get('/api/v1/criterion-sets/eu-gpp-computers-2021/export?format=json').expect(200);
    const csv = await ctx.client.get('/api/v1/criterion-sets/eu-gpp-computers-2021/export?format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="eu-gpp-computers-2021.csv"');
    const rows = criteriaFromCsv(csv.text);
    expect(rows.map((r) => r.criterion)).toEqual(set.body.criteria);
    expect(new Set(rows.map((r) => r.setId))).toEqual(new Set(['eu-gpp-computers-2021']));
  });

  it('exports filtered criteria as JSON, CSV and an OCDS sustainability fragment', async () => {
    const lookup = await all('category=notebook&level=core');
    const json = await ctx.client.get('/api/v1/criteria/export?format=json&category=notebook&level=core').expect(200);
    expect(json.body.criteria.map((c: Item) => `${c.setId}/${c.id}`)).toEqual(lookup.map((c) => `${c.setId}/${c.id}`));
    const csv = await ctx.client.get('/api/v1/criteria/export?format=csv&category=notebook&level=core').expect(200);
    expect(criteriaFromCsv(csv.text).map((r) => r.criterion.id)).toEqual(lookup.map((c) => c.id));
    const ocds = await ctx.client.get('/api/v1/criterion-sets/eu-gpp-computers-2021/export?format=ocds').expect(200);
    expect(ocds.body.tender.hasSustainability).toBe(true);
    const circular = ocds.body.tender.sustainability.find((s: Item) => s.goal === 'environmental.circularEconomy');
    expect(circular.strategies).toEqual(expect.arrayContaining(['technicalSpecifications', 'awardCriteria', 'euGPPCriteria']));
    expect(circular.description).toContain('GPP21-TS6-core');
  });
});
