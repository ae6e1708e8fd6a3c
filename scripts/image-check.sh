#!/usr/bin/env bash
# Builds the production Dockerfile on a real Docker engine and runs the image as production would
# (read-only root filesystem, uid 1000, no capabilities) against the machine's RabbitMQ and an
# embedded FerretDB: probes, HEALTHCHECK, an authenticated lookup, a compliance check, no error
# log line, `docker stop` -> exit 0 within the default 10 s; reports the image size.
# Needs a Docker engine: with --start-engine (CI) it installs docker.io if missing and starts
# dockerd itself (vfs storage, host network only); without one it prints why and skips (exit 0).
# The base image is made by scripts/image-base.sh when no registry serves it.
# Usage: bash scripts/image-check.sh [--start-engine]      (`npm run image-check`)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
IMAGE=procurement-sustainability:image-check
client=("$ROOT/node_modules/.bin/tsx" "$ROOT/scripts/image-check-client.ts")   # keys, probe, cleanup
started=$SECONDS
skip() { echo "image-check: SKIPPED — $*"; exit 0; }

work=$(mktemp -d /tmp/image-check.XXXXXX)
chmod 755 "$work"
container="" dockerd_pid="" ferret_pid=""
cleanup() {
  local rc=$?
  [ -z "$container" ] || docker rm -f "$container" >/dev/null 2>&1 || true
  [ -z "$ferret_pid" ] || kill "$ferret_pid" 2>/dev/null || true
  if [ -n "$dockerd_pid" ]; then kill "$dockerd_pid" 2>/dev/null; timeout 30 tail --pid="$dockerd_pid" -f /dev/null || true; fi
  rm -rf "$work"
  [ "$rc" -eq 0 ] || echo "image-check FAILED (exit $rc)" >&2
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- the engine
if ! docker info >/dev/null 2>&1; then
  [ "${1:-}" = --start-engine ] || skip "no Docker engine answers (start one, or pass --start-engine to let this script start dockerd)"
  [ "$(id -u)" = 0 ] || skip "starting dockerd needs root"
  if ! command -v dockerd >/dev/null; then
    echo "installing docker.io (Debian)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >"$work/apt.log" 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >"$work/apt.log" 2>&1; } \
      || skip "docker.io could not be installed: $(tail -n 1 "$work/apt.log")"
  fi
  # vfs works on any filesystem (no overlay mounts); no bridge or iptables: containers use the host network.
  dockerd --storage-driver=vfs --iptables=false --bridge=none >"$work/dockerd.log" 2>&1 &
  dockerd_pid=$!
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 1; done
  docker info >/dev/null 2>&1 || skip "dockerd did not start: $(tail -n 3 "$work/dockerd.log" | tr '\n' ' ')"
  echo "dockerd started (pid $dockerd_pid, vfs storage)"
fi
echo "engine: Docker $(docker version --format '{{.Server.Version}}'), storage $(docker info --format '{{.Driver}}')"

# ---- the image
# The base image is the one thing no registry serves here; making it is bounded (cold: ~3-10 min).
timeout 900 bash scripts/image-base.sh || skip "the base image could not be made (no registry serves it, and the stand-in build failed or took over 15 minutes)"
build_started=$SECONDS
DOCKER_BUILDKIT=0 docker build --network host --build-arg SERVICE_VERSION=image-check -t "$IMAGE" . >"$work/build.log" 2>&1 \
  || { tail -n 40 "$work/build.log" >&2; exit 1; }
build_seconds=$((SECONDS - build_started))
size_mb=$(( $(docker image inspect -f '{{.Size}}' "$IMAGE") / 1000000 ))
base_mb=$(( $(docker image inspect -f '{{.Size}}' "$(sed -n 's/^ARG NODE_IMAGE=//p' Dockerfile)") / 1000000 ))
echo "built $IMAGE in ${build_seconds} s: ${size_mb} MB (base ${base_mb} MB)"

# ---- its dependencies: the machine's RabbitMQ, an embedded FerretDB, a throw-away identity provider
(exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null || { echo "RabbitMQ is not accepting connections on 127.0.0.1:5672" >&2; exit 1; }
launcher=$ROOT/.cache/ferretdb-launcher
[ -x "$launcher" ] || npm run --silent build:ferretdb
mkdir -p "$work/ferretdb"
"$launcher" -listen 127.0.0.1:0 -sqlite-url "file:$work/ferretdb/" -log-level error >"$work/ferretdb.out" 2>&1 &
ferret_pid=$!
for _ in $(seq 1 100); do grep -q '^READY ' "$work/ferretdb.out" && break; sleep 0.1; done
mongo_base=$(sed -n 's/^READY //p' "$work/ferretdb.out")
[ -n "$mongo_base" ] || { cat "$work/ferretdb.out" >&2; echo "FerretDB did not start" >&2; exit 1; }
"${client[@]}" keys "$work" >/dev/null
api_key=$(cat "$work/api-key")
port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
exchange="image-check.$$"

# ---- run it as production does; a port other than the image's 3333 shows the HEALTHCHECK follows PORT
container=psbb-image-check-$$
docker run -d --name "$container" --network host --read-only --user 1000:1000 --cap-drop ALL \
  --security-opt no-new-privileges --health-interval 2s --health-start-period 60s \
  -v "$work/jwks.json:/etc/procurement-sustainability/jwks.json:ro" \
  -e HOST=127.0.0.1 -e PORT="$port" -e MONGODB_URI="${mongo_base}image_check" -e AMQP_URL=amqp://127.0.0.1 \
  -e AMQP_EXCHANGE="$exchange" -e JWT_ISSUER=https://image-check.invalid/ -e JWT_AUDIENCE=procurement-sustainability \
  -e JWT_JWKS_FILE=/etc/procurement-sustainability/jwks.json -e BOOTSTRAP_ADMIN_API_KEY="$api_key" \
  "$IMAGE" >/dev/null
echo "container $container: --read-only --user 1000:1000 --cap-drop ALL, HOST=127.0.0.1 PORT=$port"
"${client[@]}" probe "http://127.0.0.1:$port" "$work"
echo "inside: uid $(docker exec "$container" node -e 'process.stdout.write(String(process.getuid()))'), PID 1 $(docker exec "$container" cat /proc/1/comm)"
for _ in $(seq 1 60); do [ "$(docker inspect -f '{{.State.Health.Status}}' "$container")" = healthy ] && break; sleep 1; done
health=$(docker inspect -f '{{.State.Health.Status}}' "$container")
[ "$health" = healthy ] || { docker inspect -f '{{json .State.Health}}' "$container" >&2; echo "HEALTHCHECK: $health" >&2; exit 1; }
echo "HEALTHCHECK (on HOST:PORT): healthy"

# ---- stop as `docker stop` does by default: SIGTERM, SIGKILL after 10 s
stop_started=$(date +%s%N)
docker stop "$container" >/dev/null
stop_ms=$(( ($(date +%s%N) - stop_started) / 1000000 ))
exit_code=$(docker inspect -f '{{.State.ExitCode}}' "$container")
docker logs "$container" >"$work/service.log" 2>&1
[ "$exit_code" = 0 ] || { tail -n 20 "$work/service.log" >&2; echo "docker stop: exit code $exit_code" >&2; exit 1; }
grep -q '"msg":"stopped"' "$work/service.log" || { echo "no 'stopped' log line" >&2; exit 1; }
echo "docker stop: exit code 0 after ${stop_ms} ms (graceful: 'stopped' logged)"
errors=$(grep -cE '"level":"(error|fatal)"' "$work/service.log" || true)
[ "$errors" = 0 ] || { grep -E '"level":"(error|fatal)"' "$work/service.log" >&2; echo "$errors error lines in the service log" >&2; exit 1; }
echo "service log: $(wc -l <"$work/service.log") lines, none at error or fatal"
"${client[@]}" cleanup "$exchange" || true

echo "image-check: PASS in $((SECONDS - started)) s — image ${size_mb} MB (base ${base_mb} MB), build ${build_seconds} s, docker stop ${stop_ms} ms, exit 0"
