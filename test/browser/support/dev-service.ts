import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, spawnService, type ServiceProcess } from '../../support/process';
import { consoleTestSet } from './console-catalogue';

export interface DevService {
  readonly baseUrl: string;
  readonly seeded: boolean;
  readonly setId: string;
  stop(): Promise<void>;
}

async function waitReady(baseUrl: string, proc: ServiceProcess, timeoutMs: number): Promise<boolean> {
  const exited = proc.exited.then(() => 'exited' as const);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await Promise.race([fetch(`${baseUrl}/health/ready`).then((r) => r.status, () => 0), exited]);
    if (res === 'exited') return false;
    if (res === 200) return true;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the service did not become ready within ${timeoutMs} ms; stderr: ${proc.stderr.slice(-20).join('\n')}`);
}

async function stopProcess(proc: ServiceProcess): Promise<void> {
  if (proc.child.exitCode !== null) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 15_000);
  await proc.exited;
  clearTimeout(timer);
}

/**
 * `npm run dev` as a newcomer runs it (src/dev.ts: embedded database, no authentication, the
 * catalogue seeded at start) on a free port with a data directory of its own. Should the seed
 * data not load (they are revised independently), it starts again without seeding. Either way
 * the test's own criterion set is created and published through the API.
 */
export async function startDevService(): Promise<DevService> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'console-browser-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { PORT: String(port), HOST: '127.0.0.1', EMBEDDED_MONGO_DIR: dataDir, LOG_LEVEL: 'warn', AMQP_URL: process.env.AMQP_URL ?? 'amqp://localhost', AMQP_EXCHANGE: `console-browser.${port}`, RATE_LIMIT_PER_SECOND: '10000', RATE_LIMIT_BURST: '10000' };
  let proc = spawnService('dev', env);
  const seeded = await waitReady(baseUrl, proc, 120_000);
  if (!seeded) {
    process.stderr.write(`[browser test] the service did not start with the seed data; starting it without seeding:\n${proc.lines.filter((l) => l.level === 'fatal').map((l) => JSON.stringify(l).slice(0, 600)).join('\n')}\n`);
    proc = spawnService('dev', { ...env, SEED_ON_START: 'false' });
    if (!(await waitReady(baseUrl, proc, 120_000))) throw new Error(`the service exited at start; stderr: ${proc.stderr.join('\n')}`);
  }
  const setId = `console-test-${port}`;
  const post = async (url: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${url}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  };
  await post('/api/v1/criterion-sets', consoleTestSet(setId));
  await post(`/api/v1/criterion-sets/${setId}/publish`);
  const running = proc;
  return {
    baseUrl,
    seeded,
    setId,
    async stop() {
      await stopProcess(running);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
