#!/usr/bin/env bash
# GovStack test-harness entry point of the "openAPI" suite: runs the Gherkin features in
# test/openAPI/features (one per operation of api/openapi.yaml) with cucumber-js + pactum against
# a running candidate at BASE_URL, and writes the cucumber report in message format to
# test/openAPI/result/example_result.message (what the GovStack CI orb uploads to
# testing.govstack.global).
#
#   BASE_URL          the candidate (default http://localhost:3333); must answer /healthcheck
#   GOVSTACK_API_KEY  an administrator API key of the candidate (X-API-Key)        [required]
#   GOVSTACK_JWT_SIGNING_KEY_FILE, GOVSTACK_JWT_ISSUER, GOVSTACK_JWT_AUDIENCE
#                     a private JWK the candidate trusts, to mint narrower tokens; without them
#                     the scenarios tagged @jwt are skipped
#   CUCUMBER_TAGS     an extra tag expression (e.g. "@smoke")
#   Extra arguments are passed to cucumber-js.
#
# It runs from a checkout with `npm ci` done (Node 24 from node_modules/.bin) and exits with
# cucumber's status: non-zero when any scenario failed or a step is undefined.
set -euo pipefail
SUITE_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$SUITE_DIR/../.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$PATH"
export BASE_URL="${BASE_URL:-http://localhost:3333}"
RESULT_DIR="$SUITE_DIR/result"
RESULT_FILE="$RESULT_DIR/${RESULT_NAME:-example_result}.message"
mkdir -p "$RESULT_DIR"

if [ -z "${GOVSTACK_API_KEY:-}" ]; then
  echo "test_entrypoint.sh: GOVSTACK_API_KEY (an administrator API key of the candidate) is required" >&2
  exit 2
fi

echo "Waiting for ${BASE_URL}/healthcheck ..."
for i in $(seq 1 "${API_HEALTHCHECK_RETRIES:-60}"); do
  if curl -fsS --max-time 5 "${BASE_URL}/healthcheck" >/dev/null 2>&1; then
    echo "API available."
    break
  fi
  if [ "$i" -eq "${API_HEALTHCHECK_RETRIES:-60}" ]; then
    echo "Gherkin tests will not be executed: ${BASE_URL}/healthcheck does not answer." >&2
    exit 1
  fi
  sleep "${API_HEALTHCHECK_INTERVAL:-2}"
done

tags=()
filters=()
if [ -z "${GOVSTACK_JWT_SIGNING_KEY_FILE:-}" ]; then
  echo "No GOVSTACK_JWT_SIGNING_KEY_FILE: skipping the scenarios tagged @jwt."
  filters+=("not @jwt")
fi
[ -n "${CUCUMBER_TAGS:-}" ] && filters+=("(${CUCUMBER_TAGS})")
if [ "${#filters[@]}" -gt 0 ]; then
  expr="${filters[0]}"
  for f in "${filters[@]:1}"; do expr="$expr and $f"; done
  tags=(--tags "$expr")
fi

exec cucumber-js --config test/openAPI/cucumber.json \
  --format progress \
  --format "message:${RESULT_FILE#"$ROOT"/}" \
  --format "html:${RESULT_DIR#"$ROOT"/}/report.html" \
  "${tags[@]}" "$@"
