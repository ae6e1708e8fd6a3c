/**
 * `npm run catalogue:report`: per criterion set, how many criteria are verified, partly verified
 * and unverified, as their review records support (a criterion never claims more than its record
 * supports: the seed tests and the service's own checks refuse it). `--json` prints the figures as
 * JSON; `--list` also lists every criterion that is not verified with what is missing.
 */
import { parse } from 'yaml';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Confidence, CriterionSetDefinition } from '../src/domain/catalogue/catalogue.types';
import { supportedConfidence } from '../src/domain/catalogue/criterion-review';
import { SEED_DIR } from '../src/infra/seed/seed-files';

interface SetReport { id: string; version: string; criteria: number; counts: Record<Confidence, number>; withPassages: number; open: { id: string; confidence: Confidence; missing: string }[] }

function reportSet(set: CriterionSetDefinition): SetReport {
  const counts: Record<Confidence, number> = { verified: 0, 'partly-verified': 0, unverified: 0 };
  const open: SetReport['open'] = [];
  let withPassages = 0;
  for (const c of set.criteria) {
    counts[c.confidence] += 1;
    if ((c.review?.passages.length ?? 0) > 0) withPassages += 1;
    if (c.confidence !== 'verified') open.push({ id: c.id, confidence: c.confidence, missing: c.review?.missing ?? supportedConfidence(c, set).reason ?? '' });
  }
  return { id: set.id, version: set.version, criteria: set.criteria.length, counts, withPassages, open };
}

const sets = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => parse(readFileSync(path.join(SEED_DIR, f), 'utf8')) as CriterionSetDefinition);
const reports = sets.map(reportSet);

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(reports.map(({ open: _open, ...r }) => r), null, 2)}\n`);
} else {
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  // Versions are free text ("online, read 2026-12-05"): size the column to the longest.
  const versionWidth = Math.max(8, ...reports.map((r) => r.version.length)) + 2;
  const total: Record<Confidence, number> = { verified: 0, 'partly-verified': 0, unverified: 0 };
  process.stdout.write(`${pad('set', 34)}${pad('version', versionWidth)}${pad('criteria', 10)}${pad('verified', 10)}${pad('partly', 8)}${pad('unverified', 12)}quoted\n`);
  for (const r of reports) {
    for (const k of Object.keys(total) as Confidence[]) total[k] += r.counts[k];
    process.stdout.write(`${pad(r.id, 34)}${pad(r.version, versionWidth)}${pad(r.criteria, 10)}${pad(r.counts.verified, 10)}${pad(r.counts['partly-verified'], 8)}${pad(r.counts.unverified, 12)}${r.withPassages}\n`);
    if (process.argv.includes('--list')) for (const o of r.open) process.stdout.write(`    ${o.id} (${o.confidence}): ${o.missing}\n`);
  }
  const n = reports.reduce((s, r) => s + r.criteria, 0);
  process.stdout.write(`${pad('all sets', 34 + versionWidth)}${pad(n, 10)}${pad(total.verified, 10)}${pad(total['partly-verified'], 8)}${pad(total.unverified, 12)}\n`);
  process.stdout.write(`(${path.relative(process.cwd(), SEED_DIR) || SEED_DIR}; "quoted": criteria whose review quotes at least one passage)\n`);
}
