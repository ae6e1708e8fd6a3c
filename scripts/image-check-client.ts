/**
 * The client side of scripts/image-check.sh, which runs the image in a container:
 *   keys <dir>              a throw-away identity provider: <dir>/jwks.json, <dir>/token, <dir>/api-key
 *   probe <baseUrl> <dir>   readiness from the first second, then the probes, an authenticated lookup
 *                           (JWT and API key) and a compliance check with an inline selection
 *   cleanup <exchange>      deletes the run's exchanges and queue from the machine's RabbitMQ
 * Each check prints one line; the first failure throws (exit 1).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import amqplib from 'amqplib';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { PROJECT_ROOT } from '../src/paths';

const ISSUER = 'https://image-check.invalid/';
const AUDIENCE = 'procurement-sustainability';

async function keys(dir: string): Promise<void> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'image-check', alg: 'ES256' }] }));
  chmodSync(path.join(dir, 'jwks.json'), 0o644); // read by uid 1000 in the container
  const token = await new SignJWT({ scope: 'criteria:read assessments:write', org: 'image-check' })
    .setProtectedHeader({ alg: 'ES256', kid: 'image-check' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject('image-check')
    .setIssuedAt()
    .setExpirationTime('30m')
    .sign(privateKey);
  writeFileSync(path.join(dir, 'token'), token);
  writeFileSync(path.join(dir, 'api-key'), randomBytes(24).toString('hex'));
}

type Body = { version?: string; items?: unknown[] } | undefined;

async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Body }> {
  try {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(5_000) });
    const text = await res.text();
    return { status: res.status, body: text.startsWith('{') ? (JSON.parse(text) as Body) : undefined };
  } catch {
    return { status: 0, body: undefined };
  }
}

function expectStatus(what: string, actual: number, expected: number, body?: unknown): void {
  if (actual !== expected) throw new Error(`${what} -> ${actual} (expected ${expected}) ${JSON.stringify(body ?? '').slice(0, 400)}`);
  console.log(`${what} -> ${actual}`);
}

async function probe(base: string, dir: string): Promise<void> {
  // Readiness from the container's first second: 503 (or no answer) while it starts, then 200.
  const seen: number[] = [];
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { status } = await get(`${base}/health/ready`);
    if (seen.at(-1) !== status) seen.push(status);
    if (status === 200) break;
    if (Date.now() > deadline) throw new Error(`not ready within 120 s (statuses seen: ${seen.join(' -> ')})`);
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(`GET /health/ready while starting: ${seen.map((s) => (s === 0 ? 'no answer' : s)).join(' -> ')}`);
  const health = await get(`${base}/healthcheck`);
  expectStatus('GET /healthcheck', health.status, 200, health.body);
  if (health.body?.version !== 'image-check') throw new Error(`/healthcheck version ${health.body?.version} (expected the build argument)`);

  const token = readFileSync(path.join(dir, 'token'), 'utf8');
  const apiKey = readFileSync(path.join(dir, 'api-key'), 'utf8');
  const sets = await get(`${base}/api/v1/criterion-sets`, { authorization: `Bearer ${token}` });
  expectStatus(`GET /api/v1/criterion-sets (JWT, ${sets.body?.items?.length ?? '?'} sets)`, sets.status, 200, sets.body);
  const viaKey = await get(`${base}/api/v1/criterion-sets/eu-gpp-computers-2021`, { 'x-api-key': apiKey });
  expectStatus('GET /api/v1/criterion-sets/eu-gpp-computers-2021 (bootstrap admin API key)', viaKey.status, 200, viaKey.body);
  const anonymous = await get(`${base}/api/v1/criterion-sets`);
  expectStatus('GET /api/v1/criterion-sets without credentials', anonymous.status, 401, anonymous.body);

  const offer = JSON.parse(
    readFileSync(path.join(PROJECT_ROOT, 'test', 'openAPI', 'test-data', 'offer-notebook-compliant.json'), 'utf8').replaceAll('${tag}', 'image-check'),
  ) as unknown;
  const request = { criterionSetIds: ['eu-gpp-computers-2021'], category: 'notebook', level: 'core', offer };
  const res = await fetch(`${base}/api/v1/compliance-checks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(10_000),
  });
  const assessment = (await res.json()) as { summary?: { compliant: unknown; mandatoryTotal: number; mandatoryPassed: number } };
  const summary = assessment.summary;
  expectStatus(
    `POST /api/v1/compliance-checks (JWT; eu-gpp-computers-2021 notebook core, inline): compliant ${String(summary?.compliant)}, ${summary?.mandatoryPassed}/${summary?.mandatoryTotal} mandatory passed`,
    res.status,
    201,
    assessment,
  );
  if (!summary || summary.mandatoryTotal === 0) throw new Error('the assessment checked no mandatory criterion');
}

async function cleanup(exchange: string): Promise<void> {
  const conn = await amqplib.connect('amqp://127.0.0.1');
  const ch = await conn.createChannel();
  await ch.deleteQueue(`${exchange}.unroutable`);
  await ch.deleteExchange(`${exchange}.unroutable`);
  await ch.deleteExchange(exchange);
  await conn.close();
}

const [command, ...args] = process.argv.slice(2);
const run: Record<string, () => Promise<void>> = {
  keys: () => keys(args[0]!),
  probe: () => probe(args[0]!, args[1]!),
  cleanup: () => cleanup(args[0]!),
};
const chosen = command ? run[command] : undefined;
if (!chosen) {
  console.error('usage: image-check-client.ts keys <dir> | probe <baseUrl> <dir> | cleanup <exchange>');
  process.exit(2);
}
chosen().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
