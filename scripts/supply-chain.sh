#!/usr/bin/env bash
# Supply-chain gate: npm audit of the production dependencies (fails on high/critical findings)
# and a CycloneDX SBOM. npm audit exits non-zero both for findings and when it cannot reach the
# registry's audit endpoint, and exits 0 ("found 0 vulnerabilities") without asking anything when
# npm is offline, so the endpoint's answer is read from npm's HTTP log.
set -euo pipefail
cd "$(dirname "$0")/.."

audit_out=$(mktemp)
audit_log=$(mktemp)
trap 'rm -f "$audit_out" "$audit_log"' EXIT
audit_rc=0
npm audit --omit=dev --audit-level=high --loglevel=http >"$audit_out" 2>"$audit_log" || audit_rc=$?
cat "$audit_out"

if ! grep -Eq '^npm http fetch POST 200 [^ ]*/-/npm/v1/security/advisories/bulk' "$audit_log"; then
  # Known on the project's build machines: the registry proxy answers 405 to the audit endpoint.
  # Not auditing is reported loudly, never as "0 vulnerabilities"; findings still fail the build.
  echo "WARNING: npm audit was NOT performed: the registry's audit endpoint did not answer 200." >&2
  grep -E 'advisories/bulk' "$audit_log" >&2 || echo "(no request to the audit endpoint was made: is npm offline?)" >&2
  echo "Run 'npm audit --omit=dev --audit-level=high' where the registry's audit endpoint is reachable." >&2
elif [ "$audit_rc" -ne 0 ]; then
  if grep -Eq '^Severity: (high|critical)' "$audit_out"; then
    echo "SUPPLY CHAIN CHECK FAILED: high or critical vulnerabilities in production dependencies (above)." >&2
  else
    echo "SUPPLY CHAIN CHECK FAILED: npm audit exited $audit_rc; see npm's errors above." >&2
  fi
  exit 1
fi

npm run sbom
