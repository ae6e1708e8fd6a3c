import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHART_DIR } from './support/manifests';
import { PROJECT_ROOT } from '../../src/paths';

/*
 * Chart.yaml asks for a version bump on every chart change; scripts/chart-version-check.sh holds
 * the chart to it with helm/chart-versions.txt (a checksum of the chart's files per version), so
 * it needs no git history and works on a fresh clone.
 */
const SCRIPT = path.join(PROJECT_ROOT, 'scripts', 'chart-version-check.sh');

function run(...args: string[]): { code: number; output: string } {
  try {
    return { code: 0, output: execFileSync('bash', [SCRIPT, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}

describe('chart version check', () => {
  let dir: string;
  let chart: string;
  let versions: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'chart-version-'));
    chart = path.join(dir, 'chart');
    versions = path.join(dir, 'versions.txt');
    cpSync(CHART_DIR, chart, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const setVersion = (v: string) =>
    writeFileSync(path.join(chart, 'Chart.yaml'), readFileSync(path.join(chart, 'Chart.yaml'), 'utf8').replace(/^version: .*$/m, `version: ${v}`));

  it('the repository\'s chart is recorded under its current version', () => {
    expect(run()).toEqual({ code: 0, output: expect.stringMatching(/files match the checksum recorded for this version/) });
  });

  it('fails when a file changes without a bump, and passes once the new version is recorded', () => {
    setVersion('9.0.0');
    expect(run('--record', chart, versions).code).toBe(0);
    expect(run(chart, versions).code).toBe(0);

    appendFileSync(path.join(chart, 'values.yaml'), '# a changed default\n');
    expect(run(chart, versions)).toEqual({ code: 1, output: expect.stringMatching(/changed since version 9\.0\.0 was recorded: bump version/) });
    expect(run('--record', chart, versions)).toEqual({ code: 1, output: expect.stringMatching(/already recorded with other files/) });

    setVersion('9.0.1');
    expect(run(chart, versions)).toEqual({ code: 1, output: expect.stringMatching(/9\.0\.1 is not recorded/) });
    expect(run('--record', chart, versions).code).toBe(0);
    expect(run(chart, versions).code).toBe(0);
  });

  it('sees new files and template changes, not only values; refuses a version older than a recorded one', () => {
    setVersion('9.1.0');
    expect(run('--record', chart, versions).code).toBe(0);
    writeFileSync(path.join(chart, 'templates', 'extra.yaml'), '# new\n');
    expect(run(chart, versions).code).toBe(1);
    setVersion('9.0.5');
    expect(run('--record', chart, versions)).toEqual({ code: 1, output: expect.stringMatching(/older than the recorded 9\.1\.0/) });
  });
});
