#!/usr/bin/env bash
# Fails when the chart's files changed but its version did not. helm/chart-versions.txt records,
# for every chart version, a checksum of the chart's files (Chart.yaml without its version line,
# and every other file under the chart directory); the current version must be recorded with the
# current checksum, and be newer than every other recorded one. Works on a fresh clone: it needs no
# git history. After a chart change: bump `version:` in Chart.yaml, then
#   bash scripts/chart-version-check.sh --record
# Usage: chart-version-check.sh [--record] [chart-dir] [versions-file]
set -euo pipefail
cd "$(dirname "$0")/.."

record=false
if [ "${1:-}" = --record ]; then record=true; shift; fi
CHART=${1:-helm/procurement-sustainability}
VERSIONS=${2:-helm/chart-versions.txt}

version=$(sed -n 's/^version:[[:space:]]*"\{0,1\}\([^"[:space:]]*\)"\{0,1\}[[:space:]]*$/\1/p' "$CHART/Chart.yaml")
[ -n "$version" ] || { echo "no version: line in $CHART/Chart.yaml" >&2; exit 1; }

# One line per file (path relative to the chart, sha256 of the content), sorted bytewise; the
# checksum of those lines is the chart's.
checksum=$(
  cd "$CHART"
  find . -type f ! -name Chart.yaml -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum
  grep -v '^version:' Chart.yaml | sha256sum | sed 's|-$|./Chart.yaml (without version)|'
)
checksum=$(sha256sum <<<"$checksum" | cut -d' ' -f1)

touch "$VERSIONS"
recorded=$(awk -v v="$version" '$1 == v { print $2 }' "$VERSIONS")
newest=$(awk '!/^#/ && NF { print $1 }' "$VERSIONS" | sort -V | tail -n 1)

if $record; then
  if [ -n "$recorded" ] && [ "$recorded" != "$checksum" ]; then
    echo "chart $version is already recorded with other files: bump version: in $CHART/Chart.yaml first" >&2; exit 1
  fi
  if [ -n "$newest" ] && [ "$newest" != "$version" ] && [ "$(printf '%s\n%s\n' "$newest" "$version" | sort -V | tail -n 1)" != "$version" ]; then
    echo "chart $version is older than the recorded $newest: choose a newer version" >&2; exit 1
  fi
  [ -n "$recorded" ] || echo "$version $checksum" >>"$VERSIONS"
  echo "chart $version recorded in $VERSIONS ($checksum)"; exit 0
fi

if [ -z "$recorded" ]; then
  echo "chart $version is not recorded in $VERSIONS: run bash scripts/chart-version-check.sh --record" >&2; exit 1
fi
if [ "$recorded" != "$checksum" ]; then
  echo "the chart's files changed since version $version was recorded: bump version: in $CHART/Chart.yaml" >&2
  echo "(semver: patch for fixes, minor for new values), then run bash scripts/chart-version-check.sh --record" >&2
  exit 1
fi
if [ "$newest" != "$version" ]; then
  echo "chart $version is recorded, but $VERSIONS also records the newer $newest" >&2; exit 1
fi
echo "chart $version: files match the checksum recorded for this version"
