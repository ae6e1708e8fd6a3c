import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ValidationSeverity, validate, type ValidatorSettings } from 'dockerfile-utils';
import { PROJECT_ROOT } from '../../src/paths';

/*
 * The Dockerfile cannot be built here (no engine): it is linted, its build steps are replayed by
 * .ci/deploy-checks.sh, and these tests pin down the properties the image must have.
 */
const dockerfile = readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
const dockerignore = readFileSync(path.join(PROJECT_ROOT, '.dockerignore'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
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
    expect(all.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(' ')[0])).toEqual(['${NODE_IMAGE}', '${NODE_IMAGE}']);
  });

  it('installs with npm ci, builds, and prunes devDependencies in the build stage', () => {
    const runs = inStage(1, 'RUN').join(' && ');
    expect(runs).toMatch(/npm ci\b/);
    expect(runs).toMatch(/npm run build\b.*npm prune --omit=dev/);
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

  it('ships api/ and data/ with the compiled service, and never sets AUTH_MODE or a secret', () => {
    const copies = inStage(lastStage, 'COPY');
    expect(copies).toEqual(expect.arrayContaining(['api ./api', 'data ./data', '--from=build /app/dist ./dist', '--from=build /app/node_modules ./node_modules']));
    const env = [...inStage(lastStage, 'ENV'), ...all.filter((i) => i.keyword === 'ARG').map((i) => i.args)].join(' ');
    expect(env).not.toMatch(/AUTH_MODE/);
    expect(env).not.toMatch(/(PASSWORD|SECRET|TOKEN|API_KEY|MONGODB_URI|AMQP_URL)/);
  });

  it('.dockerignore lets in exactly what the Dockerfile COPYs from the context', () => {
    const allowed = dockerignore.split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1)).sort();
    const sources = all
      .filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from'))
      .flatMap((i) => i.args.split(' ').slice(0, -1))
      .sort();
    expect(allowed).toEqual(sources);
    expect(dockerignore.split('\n').find((l) => l.trim() && !l.startsWith('#'))).toBe('*');
  });
});
