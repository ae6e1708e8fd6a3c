import { spawn, type ChildProcess } from 'node:child_process';
import { signalAndWait } from './child.signal';
import { existsSync, mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ensureFerretDbLauncher, LAUNCHER_PATH } from '../../src/infra/mongo/embedded/ferretdb.launcher';

/**
 * A FerretDB of the run's own (SQLite in `dataDir`, on a fixed `port`) that can be SIGKILLed and
 * started again on the same port and data, as a database node that crashes and is restarted.
 * The shared embedded helpers only stop it gracefully, which would not test crash recovery.
 */
export class FerretDbProcess {
  private child?: ChildProcess;

  constructor(
    private readonly dataDir: string,
    readonly port: number,
  ) {}

  /** The connection string of database `name`. */
  uri(name: string): string {
    return `mongodb://127.0.0.1:${this.port}/${name}`;
  }

  /** Starts it and resolves once it listens (its READY line). */
  async start(): Promise<void> {
    // An existing launcher is used as is: a rebuild is only needed when it is missing, and
    // rebuilding would replace a binary other runs on the machine may be using.
    const binary = existsSync(LAUNCHER_PATH) ? LAUNCHER_PATH : ensureFerretDbLauncher((m) => console.error(`[chaos] ${m}`));
    mkdirSync(this.dataDir, { recursive: true });
    // -watch-stdin: the launcher exits when the run ends, even if the run itself is killed.
    const child = spawn(binary, ['-listen', `127.0.0.1:${this.port}`, '-sqlite-url', `file:${this.dataDir}/`, '-watch-stdin', '-log-level', 'error'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith('READY ')) resolve();
      });
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`FerretDB exited before it was ready (code ${code})`)));
    });
  }

  /** SIGKILL: no shutdown, no flush beyond what SQLite already committed. */
  kill(): Promise<void> {
    return signalAndWait(this.child, 'SIGKILL');
  }

  stop(): Promise<void> {
    return signalAndWait(this.child, 'SIGTERM');
  }
}
