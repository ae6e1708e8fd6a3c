import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startFerretDb } from '../../src/infra/mongo/embedded/ferretdb.launcher';
import { authEnv } from '../support/auth';
import { ownFerretDbStorage } from '../support/postgres.scratch-database';
import { freePort, spawnService, type ServiceProcess } from '../support/process';
import { eventually, startTestService, testDatabaseUri } from '../support/test-service';

const baseEnv = () => ({
  ...authEnv(),
  MONGODB_URI: testDatabaseUri(),
  AMQP_URL: process.env.AMQP_URL ?? 'amqp://localhost',
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
});

async function listeningPort(svc: ServiceProcess): Promise<number> {
  const line = await svc.waitForLog((l) => l.msg === 'http server listening');
  return line.port as number;
}

async function ready(port: number): Promise<void> {
  await eventually(async () => {
    const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(res.status).toBe(200);
  }, 20_000);
}

describe('the service process', () => {
  it('refuses to start without MONGODB_URI and names every invalid variable', async () => {
    const svc = spawnService('main', { PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(await svc.exited).toBe(1);
    const stderr = svc.stderr.join('\n');
    expect(stderr).toContain('MONGODB_URI: is required');
    expect(stderr).toContain('PORT: must be an integer, got "eighty"');
    expect(stderr).toContain('LOG_LEVEL: must be one of');
  });

  it('refuses AUTH_MODE=none outside `npm run dev`', async () => {
    const svc = spawnService('main', { ...baseEnv(), AUTH_MODE: 'none' });
    expect(await svc.exited).toBe(1);
    expect(svc.lines.some((l) => typeof l.msg === 'string' && l.msg.includes('AUTH_MODE=none is only accepted by `npm run dev`'))).toBe(true);
    expect(svc.lines.some((l) => l.msg === 'http server listening')).toBe(false);
  });

  it('finishes an in-flight request on SIGTERM, refuses new connections, closes its dependencies and exits 0', async () => {
    const svc = spawnService('main', baseEnv());
    const port = await listeningPort(svc);
    await ready(port);

    // A request whose body is still arriving when the signal comes. It goes to a real route:
    // the body gate answers an unknown route or method at once, without waiting for the body.
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    const body = '{"title":"in flight"}';
    socket.write(`POST /api/v1/tender-profiles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`);
    let response = '';
    socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
    await new Promise((r) => setTimeout(r, 200));

    svc.child.kill('SIGTERM');
    await svc.waitForLog((l) => l.msg === 'shutting down');
    await eventually(async () => {
      await expect(fetch(`http://127.0.0.1:${port}/healthcheck`)).rejects.toThrow();
    });

    socket.write(body.slice(5));
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // Read in full after the signal, then answered (no credentials: 401) before the connection closed.
    expect(response).toMatch(/^HTTP\/1\.1 401 /);
    expect(response).toContain('"code":"UNAUTHORIZED"');

    expect(await svc.exited).toBe(0);
    expect(svc.lines.some((l) => l.msg === 'stopped' && l.reason === 'SIGTERM')).toBe(true);
  });

  it('on SIGTERM answers every request already sent on a keep-alive connection, with Connection: close, and resets none', async () => {
    const svc = spawnService('main', baseEnv());
    const port = await listeningPort(svc);
    await ready(port);
    type Outcome = { sentBeforeSignal: boolean; status?: number; connection?: string; error?: string };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    const outcomes: Outcome[] = [];
    let signalled = false;
    let answered = 0;
    const send = () =>
      new Promise<Outcome>((resolve) => {
        const outcome: Outcome = { sentBeforeSignal: false };
        outcomes.push(outcome);
        const req = http.get({ host: '127.0.0.1', port, path: '/health/live', agent }, (res) => {
          res.resume();
          res.once('end', () => {
            Object.assign(outcome, { status: res.statusCode, connection: res.headers.connection });
            answered += 1;
            resolve(outcome);
          });
        });
        // Fully written to the socket while the process had not been signalled yet.
        req.once('finish', () => (outcome.sentBeforeSignal = !signalled));
        req.once('error', (err: NodeJS.ErrnoException) => {
          outcome.error = err.code ?? err.message;
          resolve(outcome);
        });
      });
    // 32 clients (a load balancer's pool), each sending its next request on its keep-alive
    // connection as soon as the last is answered, before and after the signal, until refused.
    const client = async () => {
      for (;;) {
        const outcome = await send();
        if (outcome.error) return;
      }
    };
    try {
      const clients = Array.from({ length: 32 }, client);
      await eventually(() => expect(answered).toBeGreaterThan(1_000), 20_000, 10);
      signalled = true;
      svc.child.kill('SIGTERM');
      await Promise.all(clients);

      const sentBefore = outcomes.filter((o) => o.sentBeforeSignal);
      expect(sentBefore.filter((o) => o.error)).toEqual([]);
      for (const o of sentBefore) expect(o.status).toBe(200);
      // After the signal the server asks each client to close, then refuses new connections: no resets.
      expect(outcomes.filter((o) => o.error === 'ECONNRESET')).toEqual([]);
      expect(outcomes.some((o) => o.connection === 'close')).toBe(true);
      expect(await svc.exited).toBe(0);
      // Drained well within SHUTDOWN_TIMEOUT_MS: nothing had to be cut off at the bound.
      expect(svc.lines.some((l) => l.msg === 'in-flight requests did not finish in time; closing their connections')).toBe(false);
      expect(svc.lines.some((l) => l.msg === 'stopped' && l.reason === 'SIGTERM')).toBe(true);
    } finally {
      signalled = true;
      agent.destroy();
      if (svc.child.exitCode === null) svc.child.kill('SIGKILL');
    }
  });

  it('survives rabbitmqctl close_all_connections and is ready again within seconds', async () => {
    const svc = spawnService('main', baseEnv());
    try {
      const port = await listeningPort(svc);
      await ready(port);
      execFileSync('rabbitmqctl', ['close_all_connections', 'test: simulated broker failure'], { stdio: 'ignore' });
      await svc.waitForLog((l) => l.msg === 'rabbitmq disconnected');
      const tookMs = await eventually(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
        expect(res.status).toBe(200);
        expect(((await res.json()) as { checks: { rabbitmq: { status: string } } }).checks.rabbitmq.status).toBe('up');
      }, 15_000);
      expect(tookMs).toBeLessThan(10_000);
      expect(svc.child.exitCode).toBeNull();
      expect(svc.lines.filter((l) => l.msg === 'rabbitmq connected').length).toBeGreaterThanOrEqual(2);
    } finally {
      svc.child.kill('SIGTERM');
      expect(await svc.exited).toBe(0);
    }
  });

  it('keeps retrying MongoDB at start-up until it appears', async () => {
    const port = await freePort();
    const starting = startTestService({ MONGODB_URI: `mongodb://127.0.0.1:${port}/late_db`, MONGODB_SERVER_SELECTION_TIMEOUT_MS: '300' });
    await new Promise((r) => setTimeout(r, 1_500));
    const late = await startFerretDb(ownFerretDbStorage(mkdtempSync(path.join(os.tmpdir(), 'psbb-late-'))), () => undefined, `127.0.0.1:${port}`);
    try {
      const svc = await starting;
      try {
        expect(svc.logs.some((l) => l.msg === 'mongodb not reachable yet, retrying')).toBe(true);
        expect(svc.logs.some((l) => l.msg === 'mongodb connected')).toBe(true);
        expect((await svc.service.mongo.check()).up).toBe(true);
      } finally {
        await svc.stop();
      }
    } finally {
      await late.stop();
    }
  });
});
