import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONSOLE_DIR } from '../../src/http/console/console.page';
import { PROJECT_ROOT } from '../../src/paths';
import { api } from '../support/contract';
import { useTestService } from '../support/test-service';

jest.setTimeout(120_000);

/** The web console is served by the service: one page from the contract, hashed static assets. */
describe('GET /console', () => {
  beforeAll(() => {
    // `npm run build` makes dist/console; a test run straight after a clone builds it here.
    if (!existsSync(path.join(CONSOLE_DIR, 'index.html'))) {
      const vite = path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
      expect(spawnSync(process.execPath, [vite, 'build', 'console', '--logLevel', 'warn'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).status).toBe(0);
    }
  });
  // The page and its assets do not depend on the catalogue: no seeding needed.
  const svc = useTestService({ SEED_ON_START: 'false' });

  it('serves the page under a strict CSP: scripts and styles from this origin only, nothing inline', async () => {
    const page = await api(svc.svc.service.app, { token: null }).get('/console').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(page.text).not.toMatch(/<style|\sstyle=/);
    const assets = [...page.text.matchAll(/<(?:script|link)[^>]*\s(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      expect(asset.startsWith('/console/assets/')).toBe(true);
      const res = await fetch(`${svc.svc.baseUrl}${asset}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type')).toMatch(/^(text\/javascript|application\/javascript|text\/css)/);
      expect((await res.text()).length).toBeGreaterThan(100);
    }
  });

  it('keeps the API docs under their own policy and answers unknown assets with a 404 problem', async () => {
    const docs = await api(svc.svc.service.app, { token: null }).get('/docs').expect(200);
    expect(docs.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    const missing = await fetch(`${svc.svc.baseUrl}/console/assets/nothing-here.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const traversal = await fetch(`${svc.svc.baseUrl}/console/assets/..%2f..%2fpackage.json`);
    expect(traversal.status).toBe(404);
  });

  it('labels asset requests in the metrics by route, not by file name', async () => {
    const page = await api(svc.svc.service.app, { token: null }).get('/console').expect(200);
    const asset = /src="(\/console\/assets\/[^"]+)"/.exec(page.text)![1]!;
    await fetch(`${svc.svc.baseUrl}${asset}`);
    const metrics = await api(svc.svc.service.app).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/route="\/console\/assets",status_code="200"/);
    expect(metrics.text).toMatch(/route="\/console",status_code="200"/);
  });
});
