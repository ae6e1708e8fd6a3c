import { execFileSync } from 'node:child_process';
import { goAvailable, startFerretDb } from './ferretdb.launcher';
import { startMongod } from './mongod.memory-server';

/** A MongoDB-compatible server started by the process itself, for `npm run dev` and the tests. */
export interface EmbeddedMongo {
  readonly engine: Exclude<EmbeddedEngine, 'auto'>;
  /** Server URI ending in "/"; append a database name. */
  readonly uri: string;
  stop(): Promise<void>;
}

const ENGINES = ['auto', 'ferretdb', 'ferretdb-postgres', 'mongod'] as const;

/** `ferretdb` stores in SQLite files, `ferretdb-postgres` in the PostgreSQL database of POSTGRES_URL. */
export type EmbeddedEngine = (typeof ENGINES)[number];

/** The engine chosen by EMBEDDED_MONGO_ENGINE and, for FerretDB on PostgreSQL, where it stores. */
export interface EmbeddedEngineChoice {
  readonly engine: EmbeddedEngine;
  readonly postgresUrl?: string;
}

/**
 * Reads EMBEDDED_MONGO_ENGINE (default `auto`) and POSTGRES_URL. Refuses an unknown engine rather
 * than silently starting another one, and `ferretdb-postgres` without the database to store in.
 */
export function embeddedEngineFromEnv(env: NodeJS.ProcessEnv): EmbeddedEngineChoice {
  const engine = env.EMBEDDED_MONGO_ENGINE || 'auto';
  if (!(ENGINES as readonly string[]).includes(engine)) {
    throw new Error(`EMBEDDED_MONGO_ENGINE=${engine} is not one of ${ENGINES.join(', ')}`);
  }
  if (engine !== 'ferretdb-postgres') return { engine: engine as EmbeddedEngine };
  return { engine, postgresUrl: requirePostgresUrl(env.POSTGRES_URL) };
}

function requirePostgresUrl(url: string | undefined): string {
  if (!url) {
    throw new Error(
      'EMBEDDED_MONGO_ENGINE=ferretdb-postgres needs POSTGRES_URL, the existing PostgreSQL database FerretDB stores in (e.g. postgres://postgres@127.0.0.1:5432/psbb)',
    );
  }
  return url;
}

function mongodAvailable(): boolean {
  if (process.env.MONGOMS_SYSTEM_BINARY) return true;
  try {
    execFileSync('mongod', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * `auto` prefers a real mongod when one is installed, then FerretDB on SQLite when Go is available
 * to build it, and finally lets mongodb-memory-server try to download mongod. PostgreSQL is never
 * chosen by `auto`: it is a server to provide, not something the process can start itself.
 */
export async function startEmbeddedMongo(
  dataDir: string,
  engine: EmbeddedEngine = 'auto',
  log: (message: string) => void = () => undefined,
  postgresUrl?: string,
): Promise<EmbeddedMongo> {
  if (engine === 'ferretdb-postgres') {
    const url = requirePostgresUrl(postgresUrl);
    log(`starting embedded FerretDB (MongoDB wire protocol, PostgreSQL storage at ${redactPassword(url)})`);
    return startFerretDb({ postgresUrl: url }, log);
  }
  const chosen = engine !== 'auto' ? engine : mongodAvailable() || !goAvailable() ? 'mongod' : 'ferretdb';
  log(`starting embedded ${chosen === 'ferretdb' ? 'FerretDB (MongoDB wire protocol, SQLite storage)' : 'mongod'} in ${dataDir}`);
  return chosen === 'ferretdb' ? startFerretDb({ sqliteDir: `${dataDir}/ferretdb` }, log) : startMongod(`${dataDir}/mongod`);
}

/** The URL as it may appear in a log line. */
export function redactPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable POSTGRES_URL)';
  }
}
