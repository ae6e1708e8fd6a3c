import { execFileSync } from 'node:child_process';
import type { FerretDbStorage } from '../../src/infra/mongo/embedded/ferretdb.launcher';

/** A PostgreSQL database of one test run's own, dropped at its end. */
export interface ScratchPostgresDatabase {
  readonly url: string;
  drop(): void;
}

/**
 * A run on `ferretdb-postgres` stores in a fresh database on the server of POSTGRES_URL, named
 * after the database POSTGRES_URL names (which need not exist): a run then starts empty, as one on
 * SQLite does in its temporary directory, and runs sharing a server (CI, several worktrees) never
 * meet, including the fixed database names of the tests that start a FerretDB of their own.
 * The PostgreSQL client tools create and drop it: the service has no PostgreSQL driver to use.
 */
export function createScratchPostgresDatabase(postgresUrl: string): ScratchPostgresDatabase {
  const base = new URL(postgresUrl);
  const name = `${base.pathname.slice(1) || 'psbb'}_test_${Date.now().toString(36)}_${process.pid}`;
  const maintenance = new URL(base);
  maintenance.pathname = '/postgres';
  const run = (tool: string, args: string[]) => {
    try {
      execFileSync(tool, [`--maintenance-db=${maintenance}`, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (err) {
      const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
      throw new Error(`${tool} ${name} on the server of POSTGRES_URL failed: ${stderr || String(err)}`);
    }
  };
  run('createdb', [name]);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run('dropdb', ['--if-exists', '--force', name]) };
}

/**
 * Where a test's own FerretDB (one it stops and starts again) stores: the run's PostgreSQL
 * database on `ferretdb-postgres` runs, so that those tests exercise the engine under test too,
 * otherwise SQLite in `sqliteDir`.
 */
export function ownFerretDbStorage(sqliteDir: string): FerretDbStorage {
  const postgresUrl = process.env.TEST_POSTGRES_URL;
  return postgresUrl ? { postgresUrl } : { sqliteDir };
}
