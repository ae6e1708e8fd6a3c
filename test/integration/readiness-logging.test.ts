import { authEnv } from '../support/auth';
import { api } from '../support/contract';
import { freePort, spawnService } from '../support/process';
import { startTcpProxy } from '../support/tcp-proxy';
import { startTestService, testDatabaseUri, type LogRecord } from '../support/test-service';

/*
 * Readiness answers 503 on every rollout, while a pod starts and while it drains: those are states
 * the probe reports, not errors, and must not page anyone. A dependency that is down (the database:
 * a broker outage leaves the service ready) is a warning.
 */
const readinessLines = (lines: readonly LogRecord[]) =>
  lines.filter((l) => l.msg === 'request completed' && l.route === '/health/ready' && l.status === 503);

describe('how readiness 503s are logged', () => {
  it('while the service starts (MongoDB not reached yet): info, not error', async () => {
    const svc = spawnService('main', {
      ...authEnv(),
      MONGODB_URI: `mongodb://127.0.0.1:${await freePort()}/late_db`,
      MONGODB_SERVER_SELECTION_TIMEOUT_MS: '300',
      AMQP_URL: process.env.AMQP_URL ?? 'amqp://localhost',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      // A stop during start-up waits for the last-resort exit (this bound + 5 s): keep it short.
      SHUTDOWN_TIMEOUT_MS: '1000',
    });
    try {
      const { port } = (await svc.waitForLog((l) => l.msg === 'http server listening')) as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { checks: { startup?: unknown } }).checks.startup).toBeDefined();
      const line = await svc.waitForLog((l) => readinessLines([l]).length === 1);
      expect(line.level).toBe('info');
    } finally {
      svc.child.kill('SIGTERM');
      await svc.exited;
    }
  });

  it('with a dependency down: warn; while the service stops: info', async () => {
    const dbUrl = new URL(testDatabaseUri());
    const database = await startTcpProxy(Number(dbUrl.port || 27017), dbUrl.hostname);
    dbUrl.host = `127.0.0.1:${database.port}`;
    const svc = await startTestService({ MONGODB_URI: dbUrl.toString() });
    let stopped: Promise<void> | undefined;
    try {
      await database.cut();
      await api(svc.service.app).get('/health/ready').expect(503);
      expect(readinessLines(svc.logs).map((l) => l.level)).toEqual(['warn']);
      await database.restore();
      stopped = svc.service.stop();
      const res = await api(svc.service.app).get('/health/ready').expect(503);
      expect(res.body.checks.shutdown.status).toBe('down');
      expect(readinessLines(svc.logs).map((l) => l.level)).toEqual(['warn', 'info']);
    } finally {
      await database.restore();
      await stopped;
      await svc.stop();
      await database.close();
    }
    expect(svc.logs.filter((l) => l.level === 'error' && l.msg === 'request completed')).toEqual([]);
  });
});
