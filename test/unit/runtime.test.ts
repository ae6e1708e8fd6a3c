import { readFileSync } from 'node:fs';
import path from 'node:path';

// `npm test` must run on a Node that package.json's `engines` admits, even where the system Node
// is older (the node@24 devDependency puts its binary first on the PATH of npm scripts).
function satisfies(version: string, range: string): boolean {
  const m = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
  if (!m) throw new Error(`engines.node "${range}" is not a ">=x.y.z" range this test understands`);
  const [a, b] = [version.split('.').map(Number), m.slice(1).map(Number)];
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

it('runs on a Node version that package.json engines admits', () => {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { engines: { node: string } };
  expect(satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  expect(satisfies('26.0.0', pkg.engines.node)).toBe(true);
  expect(satisfies('20.20.2', pkg.engines.node)).toBe(false);
});
