import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  /** The service's JSON log (at the LOG_LEVEL given, `info` by default). */
  readonly logFile: string;
  stop(): Promise<void>;
}

/** The NODE_OPTIONS the image runs the service with (and the chart, test/deploy checks they agree). */
export function imageNodeOptions(): string {
  const dockerfile = readFileSync(path.join(__dirname, '..', '..', 'Dockerfile'), 'utf8');
  const options = /NODE_OPTIONS="([^"]*)"/.exec(dockerfile)?.[1];
  if (options === undefined) throw new Error('no NODE_OPTIONS in the Dockerfile');
  return options;
}

/**
 * Runs the service as in production (the compiled dist/main.js, on the same Node binary, with the
 * image's NODE_OPTIONS unless `env` sets others) in its own
 * process, optionally pinned to CPUs (`taskset -c`), so that the load generator does not share its
 * core. Its log goes to a file: parsing every request's log line here would steal the load
 * generator's CPU and lower every figure.
 */
export async function startServiceProcess(env: Record<string, string>, options: { cpus?: string; entry?: string } = {}): Promise<ServiceProcess> {
  const root = path.join(__dirname, '..', '..');
  const entry = options.entry ?? path.join(root, 'dist', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const args = [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []), ...loader, entry];
  const logFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-svc-')), 'service.log');
  const logFd = openSync(logFile, 'w');
  const port = await freePort();
  const [command, commandArgs] = options.cpus ? ['taskset', ['-c', options.cpus, process.execPath, ...args]] : [process.execPath, args];
  const child = spawn(command, commandArgs, {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_OPTIONS: imageNodeOptions(), LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env, PORT: String(port) },
    stdio: ['ignore', logFd, 'inherit'],
  });
  closeSync(logFd);
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (;;) {
    if (exited !== undefined) throw new Error(`service exited with ${exited}; log: ${logFile}`);
    const res = await fetch(`${baseUrl}/health/ready`).catch(() => undefined);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    baseUrl,
    logFile,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A port free right now on loopback: given to the service, so that any LOG_LEVEL works. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}
