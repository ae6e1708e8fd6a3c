import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/paths';
import { contractDocument } from '../../support/contract';

type Json = Record<string, any>;
const SRC = path.join(PROJECT_ROOT, 'console', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : []));
}

/** `api.GET('/api/v1/x/{id}')` and the paths fetched directly (downloads): method and template. */
function consoleCalls(): { method: string; path: string; file: string }[] {
  return sources(SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const typed = [...text.matchAll(/api\.(GET|POST|PUT|DELETE)\('([^']+)'/g)].map((m) => ({ method: m[1]!.toLowerCase(), path: m[2]! }));
    const fetched = [...text.matchAll(/`(\/api\/v1\/[^`?]*)/g)].map((m) => ({ method: 'get', path: m[1]!.replace(/\$\{[^}]+\}/g, '{id}') }));
    return [...typed, ...fetched].map((c) => ({ ...c, file: path.relative(PROJECT_ROOT, file) }));
  });
}

const template = (p: string) => p.replace(/\{[^}]+\}/g, '{}');

describe('the console is a client of the public API only', () => {
  const calls = consoleCalls();
  const operations = new Set(Object.entries(contractDocument.paths as Json).flatMap(([p, item]) => Object.keys(item as Json).map((m) => `${m} ${template(p)}`)));

  it('finds the console’s calls', () => {
    expect(calls.length).toBeGreaterThan(10);
  });

  // Every call is an operation of the contract, so the schema-driven fuzzing of every operation
  // (test/integration/fuzz.test.ts) and the hostile-input tests cover what the console sends.
  it('calls nothing but operations of api/openapi.yaml', () => {
    expect(calls.filter((c) => !operations.has(`${c.method} ${template(c.path)}`))).toEqual([]);
  });

  // React escapes every text it renders; raw HTML would bypass that.
  it('never stores anything in the browser (tokens stay in memory) nor writes raw HTML', () => {
    const code = (f: string) => readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const offenders = sources(SRC).filter((f) => /localStorage|sessionStorage|document\.cookie|indexedDB|dangerouslySetInnerHTML|innerHTML/.test(code(f)));
    expect(offenders.map((f) => path.relative(PROJECT_ROOT, f))).toEqual([]);
  });
});
