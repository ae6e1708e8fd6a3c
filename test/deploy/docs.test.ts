import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { configVariables } from './support/config-vars';

/*
 * docs/operations.md must keep up with the code: every variable src/config.ts reads is in its
 * table, and the start-up lines it promises are ones the service really logs.
 */
const operations = readFileSync(path.join(PROJECT_ROOT, 'docs', 'operations.md'), 'utf8');

function sourceText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

describe('docs/operations.md', () => {
  it('documents every environment variable src/config.ts reads, in the variables table', () => {
    const variables = configVariables();
    expect(variables.length).toBeGreaterThan(30);
    const rows = new Set([...operations.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]));
    expect(variables.filter((name) => !rows.has(name))).toEqual([]);
  });

  it('lists no variable the service does not read', () => {
    const known = new Set(configVariables());
    const rows = [...operations.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]!);
    expect(rows.filter((name) => !known.has(name))).toEqual([]);
  });

  it('promises only start-up log lines the service emits', () => {
    const src = sourceText(path.join(PROJECT_ROOT, 'src'));
    const promised = [...operations.matchAll(/"msg":"([^"]+)"/g)].map((m) => m[1]!);
    expect(promised).toEqual(['http server listening', 'rabbitmq connected', 'mongodb connected', 'criteria catalogue seeded', 'service started']);
    for (const msg of promised) expect([msg, src.includes(`'${msg}'`)]).toEqual([msg, true]);
  });

  it('covers deployment, verification, upgrade/rollback and backup/restore', () => {
    for (const topic of ['helm upgrade --install', 'mongodb.enabled=true', 'docker compose up', 'helm rollback', 'mongodump', 'mongorestore', 'npm run backup', 'npm run restore', 'npm run restore-drill', '/health/ready', '/metrics', 'rabbitmqadmin']) {
      expect([topic, operations.includes(topic)]).toEqual([topic, true]);
    }
  });
});
