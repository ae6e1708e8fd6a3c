import { execFileSync } from 'node:child_process';
import { goAvailable, startFerretDb } from './ferretdb.launcher';
import { startMongod } from './mongod.memory-server';

/** A MongoDB-compatible server started by the process itself, for `npm run dev` and the tests. */
export interface EmbeddedMongo {
  readonly engine: 'ferretdb' | 'mongod';
  /** Server URI ending in "/"; append a database name. */
  readonly uri: string;
  stop(): Promise<void>;
}

export type EmbeddedEngine = 'auto' | 'ferretdb' | 'mongod';

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
 * `auto` prefers a real mongod when one is installed, then FerretDB when Go is available to build
 * it, and finally lets mongodb-memory-server try to download mongod.
 */
export async function startEmbeddedMongo(
  dataDir: string,
  engine: EmbeddedEngine = 'auto',
  log: (message: string) => void = () => undefined,
): Promise<EmbeddedMongo> {
  const chosen = engine !== 'auto' ? engine : mongodAvailable() || !goAvailable() ? 'mongod' : 'ferretdb';
  log(`starting embedded ${chosen === 'ferretdb' ? 'FerretDB (MongoDB wire protocol, SQLite storage)' : 'mongod'} in ${dataDir}`);
  return chosen === 'ferretdb' ? startFerretDb(`${dataDir}/ferretdb`, log) : startMongod(`${dataDir}/mongod`);
}
