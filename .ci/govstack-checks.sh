#!/usr/bin/env bash
# GovStack checks: (1) the conformance check of the specification against the contract and the
# tests (scripts/govstack-conformance.ts), then (2) the GovStack Gherkin suite
# (test/openAPI, cucumber-js + pactum) against a LIVE service started here:
#   - an embedded FerretDB (MongoDB wire protocol on SQLite) in a temporary directory;
#   - RabbitMQ at AMQP_URL (default amqp://localhost; must already run, .ci/run starts it);
#   - the service itself, `tsx src/main.ts` on Node 24, with real authentication: AUTH_MODE=jwt
#     against a JWKS generated for this run, and a random 48-character bootstrap administrator
#     API key generated for this run (nothing secret is kept in the repository).
# The service is stopped with SIGTERM at the end (its exit status is checked: graceful shutdown),
# everything started here is cleaned up by a trap, and the script exits non-zero when the
# conformance check fails, a scenario fails, or the service does not start or stop cleanly.
# The cucumber report (message format) is test/openAPI/result/example_result.message.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
export PATH="$ROOT/node_modules/.bin:$PATH"   # Node 24 from the node@24 devDependency
started=$(date +%s)

step() { printf '\n==== govstack: %s ====\n' "$*"; }
elapsed() { echo $(( $(date +%s) - started ))s; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/govstack-checks.XXXXXX")"
FERRET_PID=""
SERVICE_PID=""
EXCHANGE="govstack-checks.$(node -e "process.stdout.write(require('crypto').randomBytes(4).toString('hex'))")"
export AMQP_URL="${AMQP_URL:-amqp://localhost}"

cleanup() {
  local rc=$?
  set +e
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill -TERM "$SERVICE_PID" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SERVICE_PID" 2>/dev/null
  fi
  if [ -n "$FERRET_PID" ] && kill -0 "$FERRET_PID" 2>/dev/null; then
    kill -TERM "$FERRET_PID" 2>/dev/null
    for _ in $(seq 1 20); do kill -0 "$FERRET_PID" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$FERRET_PID" 2>/dev/null
  fi
  # The exchange, its alternate exchange and the unroutable queue of this run.
  EXCHANGE="$EXCHANGE" node -e "
    const amqp = require('amqplib');
    (async () => {
      const c = await amqp.connect(process.env.AMQP_URL); const ch = await c.createChannel();
      const x = process.env.EXCHANGE;
      await ch.deleteExchange(x); await ch.deleteQueue(x + '.unroutable'); await ch.deleteExchange(x + '.unroutable');
      await c.close();
    })().catch(() => undefined);" 2>/dev/null
  if [ "$rc" -ne 0 ] && [ -f "$WORK/service.log" ]; then
    echo "---- last lines of the service log ($WORK/service.log) ----" >&2
    tail -n 40 "$WORK/service.log" >&2
  fi
  rm -rf "$WORK"
  echo "govstack checks finished with status $rc after $(elapsed)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "conformance: contract ↔ Gherkin features, requirements ↔ tests"
tsx scripts/govstack-conformance.ts

step "embedded FerretDB"
if [ ! -x .cache/ferretdb-launcher ]; then npm run build:ferretdb; fi
mkdir -p "$WORK/ferretdb"
: >"$WORK/ferretdb.out"
.cache/ferretdb-launcher -listen 127.0.0.1:0 -sqlite-url "file:$WORK/ferretdb/" -log-level error >"$WORK/ferretdb.out" 2>&1 &
FERRET_PID=$!
MONGO_BASE=""
for _ in $(seq 1 120); do
  MONGO_BASE=$(sed -n 's/^READY //p' "$WORK/ferretdb.out" 2>/dev/null | head -n 1)
  [ -n "$MONGO_BASE" ] && break
  kill -0 "$FERRET_PID" 2>/dev/null || { cat "$WORK/ferretdb.out" >&2; echo "FerretDB exited" >&2; exit 1; }
  sleep 0.25
done
[ -n "$MONGO_BASE" ] || { echo "FerretDB did not print READY" >&2; exit 1; }
echo "FerretDB ready at $MONGO_BASE"

step "RabbitMQ at $AMQP_URL"
node -e "require('amqplib').connect(process.env.AMQP_URL).then((c) => c.close()).catch((e) => { console.error('RabbitMQ is not reachable: ' + e.message); process.exit(1); })"

step "identity provider for this run (JWKS + signing key) and a bootstrap API key"
node -e "
  const { generateKeyPair, exportJWK } = require('jose');
  const fs = require('fs');
  (async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = 'govstack-checks-' + Date.now();
    fs.writeFileSync(process.argv[1] + '/jwks.json', JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] }));
    fs.writeFileSync(process.argv[1] + '/signing-key.json', JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'ES256' }), { mode: 0o600 });
  })().catch((e) => { console.error(e); process.exit(1); });" "$WORK"
API_KEY=$(node -e "process.stdout.write(require('crypto').randomBytes(36).toString('base64url'))")
[ "${#API_KEY}" -eq 48 ] || { echo "could not generate a 48-character API key" >&2; exit 1; }
PORT=$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); })")
ISSUER="https://idp.govstack-checks.invalid/realms/govstack"
AUDIENCE="procurement-sustainability"

step "service on port $PORT (tsx src/main.ts on Node $(node --version), AUTH_MODE=jwt)"
# The harness drives several hundred requests per second from one API key and provokes dozens of
# 401s from one address on purpose, so the per-client limits are raised for this run; the limits
# themselves are tested in test/integration/security.test.ts.
env PORT="$PORT" HOST=127.0.0.1 \
  MONGODB_URI="${MONGO_BASE%/}/govstack_checks" \
  AMQP_URL="$AMQP_URL" AMQP_EXCHANGE="$EXCHANGE" \
  AUTH_MODE=jwt JWT_ISSUER="$ISSUER" JWT_AUDIENCE="$AUDIENCE" JWT_JWKS_FILE="$WORK/jwks.json" JWT_CLOCK_TOLERANCE_S=5 \
  BOOTSTRAP_ADMIN_API_KEY="$API_KEY" \
  RATE_LIMIT_PER_SECOND=100000 RATE_LIMIT_BURST=100000 \
  AUTH_FAILURE_LIMIT_PER_SECOND=100000 AUTH_FAILURE_LIMIT_BURST=100000 \
  LOG_LEVEL="${GOVSTACK_SERVICE_LOG_LEVEL:-warn}" INSTANCE_ID="govstack-checks" \
  node_modules/.bin/tsx src/main.ts >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
ready=""
for _ in $(seq 1 240); do
  if curl -fsS --max-time 2 "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; then ready=yes; break; fi
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "the service exited during start-up" >&2; exit 1; }
  sleep 0.5
done
[ -n "$ready" ] || { echo "the service did not become ready within 120 s" >&2; exit 1; }
echo "ready after $(elapsed): $(curl -fsS "http://127.0.0.1:$PORT/health/ready")"

step "GovStack Gherkin suite (test/openAPI/test_entrypoint.sh)"
suite_rc=0
BASE_URL="http://127.0.0.1:$PORT" \
  GOVSTACK_API_KEY="$API_KEY" \
  GOVSTACK_JWT_SIGNING_KEY_FILE="$WORK/signing-key.json" GOVSTACK_JWT_ISSUER="$ISSUER" GOVSTACK_JWT_AUDIENCE="$AUDIENCE" \
  bash test/openAPI/test_entrypoint.sh || suite_rc=$?

step "graceful stop (SIGTERM)"
kill -TERM "$SERVICE_PID"
service_rc=0
wait "$SERVICE_PID" || service_rc=$?
SERVICE_PID=""
echo "service exited with status $service_rc"

if [ "$suite_rc" -ne 0 ]; then echo "GOVSTACK SUITE FAILED (cucumber exit $suite_rc); report: test/openAPI/result/example_result.message" >&2; exit 1; fi
if [ "$service_rc" -ne 0 ]; then echo "GOVSTACK CHECK FAILED: the service did not stop cleanly on SIGTERM (exit $service_rc)" >&2; exit 1; fi
echo "GovStack conformance and Gherkin suite passed; report: test/openAPI/result/example_result.message"
