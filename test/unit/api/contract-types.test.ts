import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/paths';

jest.setTimeout(60_000);

/** One generated file types both the service's HTTP adapter and the console's client. */
describe('the contract types', () => {
  it('are generated from the current api/openapi.yaml (npm run contract:types)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'contract-types-'));
    try {
      const out = path.join(dir, 'openapi.d.ts');
      const cli = path.join(PROJECT_ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
      // The same command as the npm script, writing elsewhere.
      const script = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['contract:types'] ?? '';
      const args = script.split(' ').slice(1).map((arg) => (arg === 'api/openapi.d.ts' ? out : arg));
      expect(args).toContain(out);
      const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: PROJECT_ROOT });
      expect(run.status).toBe(0);
      const committed = readFileSync(path.join(PROJECT_ROOT, 'api', 'openapi.d.ts'), 'utf8');
      expect(committed === readFileSync(out, 'utf8') ? 'current' : 'stale: run npm run contract:types').toBe('current');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
