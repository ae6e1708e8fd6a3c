import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/paths';
import { SECRET_KEY_NAME, configVariables, looksSecret } from './support/config-vars';
import { CHART_DIR, type Json } from './support/manifests';

/*
 * docker-compose.yml cannot be started here (no engine), so its contract is checked statically:
 * the services and their health, pinned images (the same as the chart's), and secrets only as
 * ${VAR} references to the git-ignored .env.
 */
const compose = parse(readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8')) as Json;
const chartValues = parse(readFileSync(path.join(CHART_DIR, 'values.yaml'), 'utf8')) as Json;
const services = compose.services as Record<string, Json>;
const app = services['procurement-sustainability']!;
const withoutReferences = (value: string): string => value.replace(/\$\{[A-Z0-9_]+(?::?[-?][^}]*)?\}/g, '');

describe('docker-compose.yml', () => {
  it('runs the service built from the Dockerfile with MongoDB and RabbitMQ', () => {
    expect(Object.keys(services).sort()).toEqual(['mongodb', 'procurement-sustainability', 'rabbitmq']);
    expect(app.build).toBe('.');
    expect(app.depends_on).toEqual({ mongodb: { condition: 'service_healthy' }, rabbitmq: { condition: 'service_healthy' } });
  });

  it('gives every service a healthcheck', () => {
    for (const [name, service] of Object.entries(services)) {
      expect([name, Array.isArray(service.healthcheck?.test) && service.healthcheck.test[0] === 'CMD']).toEqual([name, true]);
    }
    expect(app.healthcheck.test.join(' ')).toContain('/health/ready');
  });

  it('pins every image to a version, the dependencies to the chart\'s tags', () => {
    for (const [name, service] of Object.entries(services)) {
      expect([name, /:(?!latest$)[A-Za-z0-9][A-Za-z0-9._-]*$/.test(String(service.image))]).toEqual([name, true]);
    }
    expect(services.mongodb!.image).toBe(`mongo:${chartValues.mongodb.image.tag as string}`);
    expect(services.rabbitmq!.image).toBe(`rabbitmq:${chartValues.rabbitmq.image.tag as string}`);
    expect(services.mongodb!.image).toMatch(/^mongo:7\.0(\.\d+)?$/);
    expect(services.rabbitmq!.image).toMatch(/^rabbitmq:3\.13(\.\d+)?-management$/);
  });

  it('publishes the API on 3333 and the RabbitMQ management UI on 15672, on the loopback interface only', () => {
    const ports = Object.values(services).flatMap((s) => (s.ports ?? []) as string[]);
    expect(app.ports).toContain('127.0.0.1:3333:3333');
    expect(services.rabbitmq!.ports).toContain('127.0.0.1:15672:15672');
    for (const port of ports) expect(port).toMatch(/^127\.0\.0\.1:/);
  });

  it('inlines no secret: credentials only as ${VAR} references', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [key, value] of Object.entries((service.environment ?? {}) as Record<string, string>)) {
        const where = `${name}.${key}`;
        expect([where, looksSecret(withoutReferences(String(value)))]).toEqual([where, false]);
        if (SECRET_KEY_NAME.test(key) && !/^(MONGODB_URI|AMQP_URL)$/.test(key)) {
          expect([where, withoutReferences(String(value))]).toEqual([where, '']);
        }
      }
    }
    expect(app.environment.AMQP_URL).toMatch(/:\$\{RABBITMQ_PASSWORD[^}]*\}@/);
  });

  it('sets only variables the service reads, and never AUTH_MODE=none', () => {
    const known = new Set(configVariables());
    expect(Object.keys(app.environment as Json).filter((k) => !known.has(k))).toEqual([]);
    expect(app.environment.AUTH_MODE).toBeUndefined();
  });

  it('runs the service like the chart does: read-only root, a /tmp, no capabilities', () => {
    expect(app.read_only).toBe(true);
    expect(app.tmpfs).toContain('/tmp');
    expect(app.cap_drop).toEqual(['ALL']);
  });

  it('mounts a committed JWKS that holds public keys only, and ships an empty env example (not matched by the .env.* ignore rule)', () => {
    const mount = (app.volumes as string[]).find((v) => v.includes('jwks.json'))!;
    const jwks = JSON.parse(readFileSync(path.join(PROJECT_ROOT, mount.split(':')[0]!), 'utf8')) as { keys: Json[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const key of jwks.keys) expect(Object.keys(key).filter((k) => ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'].includes(k))).toEqual([]);
    const example = readFileSync(path.join(PROJECT_ROOT, 'examples', 'compose', 'env.example'), 'utf8');
    for (const line of example.split('\n').filter((l) => /^[A-Z_]+=/.test(l))) expect(line).toMatch(/=$/);
    expect(readFileSync(path.join(PROJECT_ROOT, '.gitignore'), 'utf8')).toMatch(/^\.env$/m);
  });

  it('has the GovStack harness entry point, executable, on the same stack', () => {
    const entry = path.join(PROJECT_ROOT, 'examples', 'procurement-sustainability', 'test_entrypoint.sh');
    expect(existsSync(entry)).toBe(true);
    accessSync(entry, constants.X_OK);
    const script = readFileSync(entry, 'utf8');
    expect(script).toContain('/healthcheck');
    expect(script).toMatch(/compose up/);
    expect(script).toContain('data/criteria');
  });
});
