import { spawn, type ChildProcess } from 'node:child_process';
import { signalAndWait } from './child.signal';
import { closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import { imageNodeOptions } from '../../bench/support/service-process';
import { PROJECT_ROOT } from '../../src/paths';

/**
 * One replica of the service as production runs it (dist/main.js under the image's NODE_OPTIONS
 * heap limit) on a fixed port, so that after a SIGKILL it comes back where the load generator
 * expects it. Its JSON log is appended to `logFile`, kept when the run fails.
 */
export class ReplicaProcess {
  private child?: ChildProcess;
  /** True from the harness's kill until the restarted replica is ready again. */
  stoppedByHarness = false;
  /** Exits the harness did not ask for (a crash under load or under a hostile payload). */
  readonly unexpectedExits: string[] = [];

  constructor(
    readonly index: number,
    readonly port: number,
    private readonly env: Record<string, string>,
    readonly logFile: string,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Spawns it and resolves when /health/ready answers 200. */
  async start(timeoutMs = 60_000): Promise<void> {
    const entry = path.join(PROJECT_ROOT, 'dist', 'main.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
    const fd = openSync(this.logFile, 'a');
    const child = spawn(process.execPath, [entry], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_OPTIONS: imageNodeOptions(), LOG_LEVEL: 'info', HOST: '127.0.0.1', ...this.env, PORT: String(this.port) },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    this.child = child;
    let exited: string | undefined;
    child.once('exit', (code, signal) => {
      exited = `replica ${this.index} exited (code ${code}, signal ${signal})`;
      if (this.child === child && !this.stoppedByHarness) this.unexpectedExits.push(`${exited} at ${new Date().toISOString()}; log: ${this.logFile}`);
    });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exited) throw new Error(`${exited} while starting; log: ${this.logFile}`);
      if (Date.now() > deadline) throw new Error(`replica ${this.index} not ready within ${timeoutMs} ms; log: ${this.logFile}`);
      const res = await fetch(`${this.baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
      if (res?.status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    this.stoppedByHarness = false;
  }

  /** SIGKILL: no drain, no outbox flush; requests in flight are cut. */
  kill(): Promise<void> {
    this.stoppedByHarness = true;
    return signalAndWait(this.child, 'SIGKILL');
  }

  /** Synchronous, for the run's exit path: a replica must not outlive a run that crashed. */
  killNow(): void {
    this.stoppedByHarness = true;
    this.child?.kill('SIGKILL');
  }

  /** A graceful stop at the end of the run. */
  stop(): Promise<void> {
    this.stoppedByHarness = true;
    return signalAndWait(this.child, 'SIGTERM');
  }
}
