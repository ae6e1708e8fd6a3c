#!/usr/bin/env bash
# GovStack test harness entry point (test-utils orb): start the reference implementation with
# docker compose on the host, wait until it is healthy and ready, and check the seeded catalogue
# is there. Runs wherever Docker runs; the harness then runs test/<suite>/ against
# http://localhost:3333. The harness passes `--version <tag>`, which needs nothing here.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
base=http://localhost:3333

compose() { if docker compose version >/dev/null 2>&1; then docker compose "$@"; else docker-compose "$@"; fi; }

# Secrets for this throw-away instance: generated once into the git-ignored .env.
if [ ! -f .env ]; then
  umask 077
  {
    echo "BOOTSTRAP_ADMIN_API_KEY=$(openssl rand -hex 24)"
    echo "RABBITMQ_PASSWORD=$(openssl rand -hex 16)"
  } >.env
  echo "wrote .env with generated credentials"
fi
set -a; . ./.env; set +a

compose up --build --detach --wait --wait-timeout 300 2>/dev/null || compose up --build --detach

echo "waiting for $base/healthcheck and /health/ready"
for _ in $(seq 1 120); do
  if curl -fsS "$base/healthcheck" >/dev/null 2>&1 && curl -fsS "$base/health/ready" >/dev/null 2>&1; then ready=1; break; fi
  sleep 2
done
if [ -z "${ready:-}" ]; then compose ps; compose logs --tail 100 procurement-sustainability; exit 1; fi
curl -fsS "$base/healthcheck"; echo

# Seed data: the service loads data/criteria/*.yaml at start (SEED_ON_START); all nine sets must be served.
# Readiness can come before the first start's seed has finished: retry for a minute.
expected=$(ls "$root"/data/criteria/*.yaml | wc -l)
for _ in $(seq 1 30); do
  sets=$(curl -fsS -H "X-API-Key: $BOOTSTRAP_ADMIN_API_KEY" "$base/api/v1/criterion-sets")
  missing=""
  for file in "$root"/data/criteria/*.yaml; do
    id=$(basename "$file" .yaml)
    echo "$sets" | grep -q "\"id\":\"$id\"" || missing="$missing $id"
  done
  [ -z "$missing" ] && break
  sleep 2
done
[ -z "$missing" ] || { echo "seed sets missing:$missing"; exit 1; }
echo "procurement-sustainability is up on $base with all $expected seeded criterion sets"
