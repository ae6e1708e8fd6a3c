import mongoose from 'mongoose';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../src/infra/mongo/embedded/embedded-mongo';

/** A MongoDB-compatible server for a benchmark: MONGODB_URI when set, else a fresh embedded one. */
export async function benchDatabase(name: string): Promise<{ uri: string; stop: () => Promise<void> }> {
  if (process.env.MONGODB_URI) {
    const url = new URL(process.env.MONGODB_URI);
    url.pathname = `/${name}_${Date.now()}`;
    return { uri: url.toString(), stop: () => Promise.resolve() };
  }
  const embedded: EmbeddedMongo = await startEmbeddedMongo(mkdtempSync(path.join(os.tmpdir(), 'psbb-bench-')));
  return { uri: `${embedded.uri}${name}`, stop: () => embedded.stop() };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Prints `shown` (the results, or a shorter view of them) and saves the results (saveResults). */
export function reportResults(name: string, results: unknown, shown: unknown = results): void {
  console.log(JSON.stringify(shown, null, 2));
  console.log(`saved ${saveResults(name, results)}`);
}

/** Writes bench/results/<date>-<name>.json and returns its path. */
export function saveResults(name: string, results: unknown): string {
  const dir = path.join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-${name}.json`);
  const machine = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30) };
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2)}\n`);
  return file;
}

/**
 * Assessments stored, counted in the database itself: listing them through the API on the embedded
 * FerretDB scans every document (it pushes down only _id filters), which after a benchmark's tens
 * of thousands of checks takes longer than the request timeout.
 */
export async function countStoredAssessments(uri: string): Promise<number> {
  const conn = await mongoose.createConnection(uri).asPromise();
  try {
    return await conn.collection('assessments').countDocuments({});
  } finally {
    await conn.close();
  }
}

/**
 * The stored assessment count once it stops changing: when a load run ends, requests still in
 * flight on the server complete (and store) after the client has gone, for a moment.
 */
export async function settledAssessmentCount(uri: string): Promise<number> {
  let last = -1;
  for (;;) {
    await new Promise((r) => setTimeout(r, 2_000));
    const count = await countStoredAssessments(uri);
    if (count === last) return count;
    last = count;
  }
}
