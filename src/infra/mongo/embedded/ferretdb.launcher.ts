import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../../../paths';
import type { EmbeddedMongo } from './embedded-mongo';

const SOURCE_DIR = path.join(PROJECT_ROOT, 'tools', 'ferretdb');
export const LAUNCHER_PATH = path.join(PROJECT_ROOT, '.cache', 'ferretdb-launcher');

/**
 * Builds tools/ferretdb (a few dozen lines of Go around FerretDB's embeddable package) when the
 * binary is missing or older than its sources. The first build downloads modules and takes a few
 * minutes; later builds come from Go's build cache.
 */
export function ensureFerretDbLauncher(log: (message: string) => void = () => undefined): string {
  const sources = ['main.go', 'go.mod', 'go.sum'].map((f) => statSync(path.join(SOURCE_DIR, f)).mtimeMs);
  if (existsSync(LAUNCHER_PATH) && statSync(LAUNCHER_PATH).mtimeMs >= Math.max(...sources)) return LAUNCHER_PATH;
  log('building the embedded FerretDB launcher with go build (first time only; can take a few minutes)');
  mkdirSync(path.dirname(LAUNCHER_PATH), { recursive: true });
  execFileSync('go', ['build', '-o', LAUNCHER_PATH, '.'], { cwd: SOURCE_DIR, stdio: ['ignore', 'inherit', 'inherit'] });
  return LAUNCHER_PATH;
}

/**
 * Where FerretDB keeps its data: SQLite files in a directory, or a PostgreSQL database, which must
 * exist (FerretDB creates one schema per MongoDB database in it, but never the database itself).
 */
export type FerretDbStorage = { readonly sqliteDir: string } | { readonly postgresUrl: string };

/** The launcher's command-line flags for `storage`. */
export function storageArgs(storage: FerretDbStorage): string[] {
  if ('postgresUrl' in storage) return ['-handler', 'postgresql', '-postgresql-url', storage.postgresUrl];
  return ['-handler', 'sqlite', '-sqlite-url', `file:${storage.sqliteDir}/`];
}

/**
 * FerretDB on PostgreSQL logs every failed statement at ERROR, a unique violation (SQLSTATE 23505)
 * too, although it answers it as MongoDB's duplicate-key error, which the service expects and
 * handles (the outbox lease is claimed by an insert every sweep, idempotency keys and outbox
 * markers by inserts): those lines would bury the real errors, so they are not passed on.
 */
export function isDuplicateKeyLog(line: string): boolean {
  return line.includes('(SQLSTATE 23505)');
}

/** Starts FerretDB on `storage`, listening on `listen` (default: a free loopback port). */
export async function startFerretDb(storage: FerretDbStorage, log: (message: string) => void, listen = '127.0.0.1:0'): Promise<EmbeddedMongo> {
  const binary = ensureFerretDbLauncher(log);
  if ('sqliteDir' in storage) mkdirSync(storage.sqliteDir, { recursive: true });
  // -watch-stdin: the launcher exits when our end of the pipe closes, even if we are SIGKILLed.
  const child = spawn(binary, ['-listen', listen, ...storageArgs(storage), '-watch-stdin', '-log-level', 'error'], { stdio: ['pipe', 'pipe', 'pipe'] });
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (!isDuplicateKeyLog(line)) process.stderr.write(`${line}\n`);
  });
  const uri = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve(line.slice('READY '.length).trim());
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`FerretDB exited before it was ready (code ${code})`)));
  });
  return {
    engine: 'postgresUrl' in storage ? 'ferretdb-postgres' : 'ferretdb',
    uri,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function goAvailable(): boolean {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
