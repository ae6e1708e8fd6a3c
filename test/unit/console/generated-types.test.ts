import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/paths';

jest.setTimeout(60_000);

describe('the console client types', () => {
  it('are generated from the current api/openapi.yaml (npm run console:types)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'console-types-'));
    try {
      const out = path.join(dir, 'schema.d.ts');
      const cli = path.join(PROJECT_ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
      const run = spawnSync(process.execPath, [cli, path.join(PROJECT_ROOT, 'api', 'openapi.yaml'), '-o', out], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      const committed = readFileSync(path.join(PROJECT_ROOT, 'console', 'src', 'api', 'schema.d.ts'), 'utf8');
      expect(committed === readFileSync(out, 'utf8') ? 'current' : 'stale: run npm run console:types').toBe('current');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
