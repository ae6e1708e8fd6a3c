#!/usr/bin/env bash
# Deployment checks that need no Docker engine and no cluster (scripts/image-check.sh and
# scripts/cluster-check.sh use real ones where they can be had): lint the Dockerfile and replay its
# build on a copy of the files it COPYs, then smoke-test the runtime tree on Node 24 as uid 1000; build Helm from the Go module
# proxy, lint and render the chart, validate the renderings (jest, test/deploy); run the backup /
# restore drill. Run from anywhere: `bash .ci/deploy-checks.sh`. Expects `npm ci` to have run
# (node_modules holds the node@24 binary) and RabbitMQ on 127.0.0.1:5672 (.ci/run starts it).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD


started=$SECONDS
step_name=""
step_started=$SECONDS
step() { # prints how long the previous step took, then the next step's header
  if [ -n "$step_name" ]; then printf -- '---- %ds: %s\n' $((SECONDS - step_started)) "$step_name"; fi
  step_name=$*; step_started=$SECONDS
  printf '\n==== deploy-checks: %s ====\n' "$*"
}

work=$(mktemp -d /tmp/deploy-checks.XXXXXX)
pids=()
cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
  [ "$rc" -eq 0 ] || echo "deploy-checks FAILED (exit $rc) in step: ${step_name:-setup}" >&2
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Node 24 as in the image: the node@24 package that `npm ci` put in the unpruned checkout.
NODE24=$(readlink -f "$ROOT/node_modules/.bin/node")
node24_version=$("$NODE24" --version)
image_node=$(sed -n 's/^ARG NODE_IMAGE=node:\([0-9.]*\)-.*/v\1/p' Dockerfile)
[ "$node24_version" = "$image_node" ] || { echo "node_modules/.bin/node is $node24_version but the Dockerfile's image has $image_node" >&2; exit 1; }
mkdir -p "$work/node24"
cp "$NODE24" "$work/node24/node"      # a copy any uid can execute, whatever the checkout's permissions
export PATH="$work/node24:$ROOT/node_modules/.bin:$PATH"

step "Dockerfile lint (dockerfile-utils; errors fail)"
dockerfile-utils lint Dockerfile
echo "Dockerfile: no errors"

step "Dockerfile replay: COPY the same files, run the build stages' RUN steps"
# Logical lines of the Dockerfile: continuations joined, comments dropped.
logical_lines() { awk '/^[[:space:]]*#/ { next } { if (sub(/\\[[:space:]]*$/, "")) { buf = buf $0 " "; next } print buf $0; buf = "" }' Dockerfile; }
stage=0; stages=$(grep -c '^FROM ' Dockerfile); declare -A stage_dir=()
while read -r instr rest; do
  case "$instr" in
    FROM)
      stage=$((stage + 1)); mkdir -p "$work/stage$stage"; echo "stage $stage: FROM $rest"
      read -r -a words <<<"$rest"
      [ "${#words[@]}" -lt 3 ] || stage_dir[${words[2]}]="$work/stage$stage" ;;
    COPY)
      read -r -a words <<<"$rest"
      from="$ROOT"; args=()
      for w in "${words[@]}"; do
        case "$w" in --from=*) from=${stage_dir[${w#--from=}]} ;; --*) ;; *) args+=("$w") ;; esac
      done
      dest="$work/stage$stage/${args[-1]}"
      for src in "${args[@]:0:${#args[@]}-1}"; do
        src=${src#/app/}
        echo "  COPY ${src} -> ${args[-1]}"
        mkdir -p "$(dirname "$dest")"  # as docker does for a file copied into a new folder
        cp -a "$from/$src" "$dest"
      done ;;
    RUN)
      if [ "$stage" -lt "$stages" ]; then
        echo "  RUN $rest"
        ( cd "$work/stage$stage" && timeout 900 bash -euo pipefail -c "$rest" )
      else
        echo "  (skipped here: RUN $rest — system packages of the runtime image)"
      fi ;;
  esac
done < <(logical_lines)
runtime="$work/stage$stage"
[ -f "$runtime/dist/main.js" ] || { echo "the replay produced no dist/main.js" >&2; exit 1; }
[ -f "$runtime/dist/console/index.html" ] || { echo "the replay produced no dist/console (the web console)" >&2; exit 1; }
[ ! -e "$runtime/node_modules/typescript" ] || { echo "devDependencies reached the runtime tree" >&2; exit 1; }
[ ! -e "$runtime/node_modules/node" ] || { echo "the node@24 devDependency reached the runtime tree" >&2; exit 1; }
for dir in "$work"/stage*/node_modules/node; do
  [ ! -e "$dir/bin/node" ] || { echo "a build stage downloaded the node@24 package's binary ($dir/bin/node)" >&2; exit 1; }
done
echo "runtime tree: $(du -sh "$runtime" | cut -f1), $(ls "$runtime/node_modules" | wc -l) top-level packages"

step "Dockerfile replay: start the pruned tree with npm start (Node 24, uid 1000, read-only app files)"
launcher=$ROOT/.cache/ferretdb-launcher
[ -x "$launcher" ] || npm run build:ferretdb
mkdir -p "$work/ferretdb"
"$launcher" -listen 127.0.0.1:0 -sqlite-url "file:$work/ferretdb/" -log-level error >"$work/ferretdb.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do grep -q '^READY ' "$work/ferretdb.out" && break; sleep 0.1; done
mongo_base=$(sed -n 's/^READY //p' "$work/ferretdb.out")
[ -n "$mongo_base" ] || { cat "$work/ferretdb.out"; echo "FerretDB did not start" >&2; exit 1; }
(exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null || { echo "RabbitMQ is not accepting connections on 127.0.0.1:5672" >&2; exit 1; }

# A throw-away identity provider: JWKS for the service, a token for the smoke requests (jose stays
# after the prune, but we use the unpruned checkout's copy so the runtime tree stays untouched).
node -e '
  const { generateKeyPair, exportJWK, SignJWT } = require("jose"); const fs = require("fs");
  (async () => {
    const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
    fs.writeFileSync(process.argv[1] + "/jwks.json", JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: "ci", alg: "ES256" }] }));
    const token = await new SignJWT({ scope: "criteria:read", org: "ci" }).setProtectedHeader({ alg: "ES256", kid: "ci" })
      .setIssuer("https://deploy-checks.invalid/").setAudience("procurement-sustainability").setSubject("ci").setIssuedAt().setExpirationTime("10m").sign(privateKey);
    fs.writeFileSync(process.argv[1] + "/token", token);
  })();' "$work"
chmod 644 "$work/jwks.json"

api_key=$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')
port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
exchange="deploy-checks.$$"
mkdir -p "$work/home"
as_app_user=()
if [ "$(id -u)" = 0 ]; then
  # As in the image: uid 1000, and the app's files (owned by root) are not writable by it.
  chown 1000:1000 "$work/home"; chmod 755 "$work"
  as_app_user=(setpriv --reuid=1000 --regid=1000 --clear-groups)
fi
(
  cd "$runtime"
  exec env -i PATH="$PATH" HOME="$work/home" npm_config_cache="$work/home/.npm" NODE_ENV=production \
    PORT="$port" HOST=127.0.0.1 SERVICE_VERSION=replay \
    MONGODB_URI="${mongo_base}procurement_sustainability" AMQP_URL=amqp://localhost AMQP_EXCHANGE="$exchange" \
    JWT_ISSUER=https://deploy-checks.invalid/ JWT_AUDIENCE=procurement-sustainability JWT_JWKS_FILE="$work/jwks.json" \
    BOOTSTRAP_ADMIN_API_KEY="$api_key" \
    "${as_app_user[@]}" npm start --silent
) >"$work/service.log" 2>&1 &
npm_pid=$!
pids+=("$npm_pid")

http_get() { # url [header-name header-value] -> "<status> <body>" (status 000 when nothing answers)
  node -e '
    const [url, name, value] = process.argv.slice(1);
    require("http").get(url, { headers: name ? { [name]: value } : {} }, (r) => {
      let body = ""; r.on("data", (c) => (body += c)); r.on("end", () => console.log(r.statusCode, body));
    }).on("error", () => console.log("000"));' "$@"
}
http_status() { http_get "$@" | cut -d' ' -f1; }
wait_for() { # path expected-status seconds
  local status=000
  for _ in $(seq 1 $(($3 * 4))); do
    status=$(http_status "http://127.0.0.1:$port$1")
    [ "$status" = "$2" ] && { echo "GET $1 -> $status"; return 0; }
    kill -0 "$npm_pid" 2>/dev/null || break
    sleep 0.25
  done
  echo "GET $1 -> $status (expected $2)" >&2; cat "$work/service.log" >&2; return 1
}
wait_for /healthcheck 200 60
wait_for /health/ready 200 60
# Readiness does not wait for the seed: "service started" comes after it.
for _ in $(seq 1 240); do grep -q '"msg":"service started"' "$work/service.log" && break; sleep 0.25; done
status=$(http_status "http://127.0.0.1:$port/api/v1/criterion-sets" authorization "Bearer $(cat "$work/token")")
[ "$status" = 200 ] || { echo "GET /api/v1/criterion-sets with a token -> $status" >&2; exit 1; }
echo "GET /api/v1/criterion-sets (JWT) -> 200"
# The GovStack harness check (examples/procurement-sustainability/test_entrypoint.sh): every seed set, via the API key.
sets=$(http_get "http://127.0.0.1:$port/api/v1/criterion-sets" x-api-key "$api_key")
for file in data/criteria/*.yaml; do
  grep -q "\"id\":\"$(basename "$file" .yaml)\"" <<<"$sets" || { echo "seed set $(basename "$file" .yaml) not served: $sets" >&2; exit 1; }
done
echo "GET /api/v1/criterion-sets (X-API-Key: bootstrap admin key) -> all $(ls data/criteria/*.yaml | wc -l) seed sets"
status=$(http_status "http://127.0.0.1:$port/api/v1/criterion-sets")
[ "$status" = 401 ] || { echo "GET /api/v1/criterion-sets without a token -> $status (expected 401)" >&2; exit 1; }
echo "GET /api/v1/criterion-sets without a token -> 401"
for line in "http server listening" "rabbitmq connected" "mongodb connected" "criteria catalogue seeded" "service started"; do
  grep -q "\"msg\":\"$line\"" "$work/service.log" || { echo "start-up log line missing: $line" >&2; cat "$work/service.log" >&2; exit 1; }
done
echo "start-up log lines present: http server listening, rabbitmq connected, mongodb connected, criteria catalogue seeded, service started"

# SIGTERM the node process itself, as tini does in the image (npm only wraps it here).
node_pid=""
for candidate in $(pgrep -P "$npm_pid") $(for c in $(pgrep -P "$npm_pid"); do pgrep -P "$c"; done); do
  if tr '\0' ' ' <"/proc/$candidate/cmdline" | grep -q 'dist/main.js'; then node_pid=$candidate; fi
done
[ -n "$node_pid" ] || { echo "could not find the node dist/main.js process" >&2; exit 1; }
pids+=("$node_pid")
echo "service process $node_pid: $(readlink "/proc/$node_pid/exe") $("$(readlink "/proc/$node_pid/exe")" --version), uid $(awk '/^Uid:/ { print $2 }' "/proc/$node_pid/status")"
if [ "${#as_app_user[@]}" -gt 0 ] && [ "$(awk '/^Uid:/ { print $2 }' "/proc/$node_pid/status")" != 1000 ]; then echo "the service does not run as uid 1000" >&2; exit 1; fi
kill -TERM "$node_pid"
rc=0
timeout 30 tail --pid="$npm_pid" -f /dev/null || { echo "the service did not exit within 30 s of SIGTERM" >&2; exit 1; }
wait "$npm_pid" || rc=$?
grep -q '"msg":"stopped"' "$work/service.log" || { echo "no 'stopped' log line" >&2; cat "$work/service.log" >&2; exit 1; }
[ "$rc" -eq 0 ] || { echo "npm start exited $rc after SIGTERM (expected 0)" >&2; cat "$work/service.log" >&2; exit 1; }
echo "SIGTERM -> graceful stop, exit 0"
node -e '
  const amqp = require("amqplib"); const x = process.argv[1];
  (async () => { const c = await amqp.connect("amqp://localhost"); const ch = await c.createChannel();
    await ch.deleteQueue(x + ".unroutable"); await ch.deleteExchange(x + ".unroutable"); await ch.deleteExchange(x); await c.close(); })()
    .catch(() => undefined);' "$exchange"

step "Helm chart version: bumped and recorded for every change under helm/ (scripts/chart-version-check.sh)"
bash scripts/chart-version-check.sh

step "Helm: build (cached in .cache/bin), lint --strict, render -> .cache/helm-rendered/ (scripts/render-helm.sh)"
bash scripts/render-helm.sh
# The renderings are checked by the jest project "deploy" (test/deploy), which npm test runs.

step "restore drill (npm run restore-drill: seed + API data, backup, wipe, restore, compare)"
timeout 300 npm run --silent restore-drill

step "done"
echo "deploy-checks passed in $((SECONDS - started)) s"
step_name=""
