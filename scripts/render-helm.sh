#!/usr/bin/env bash
# Builds Helm from the Go module proxy (once; cached in .cache/bin), lints the chart with
# --strict under its default values and each ci/*-values.yaml, and renders it into
# .cache/helm-rendered/<name>.yaml for the jest project "deploy" (test/deploy), whose global setup
# runs this script. No cluster is needed: `helm template` only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

HELM_VERSION=v3.22.0             # the newest v3 the Go module proxy serves here
KUBE_VERSION=1.31.0              # helm template's target (a go-installed helm defaults to 1.20)
RENDER_NAMESPACE=procurement-ci  # test/deploy/support/manifests.ts checks against it
CHART=helm/procurement-sustainability
HELM=$ROOT/.cache/bin/helm
RENDERED=$ROOT/.cache/helm-rendered

if [ ! -x "$HELM" ] || ! "$HELM" version --short | grep -q "^$HELM_VERSION"; then
  echo "building helm $HELM_VERSION with go install (first run only, ~2 minutes)"
  GOBIN=$ROOT/.cache/bin timeout 1500 go install "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"
fi
"$HELM" version --short

"$HELM" lint --strict --quiet "$CHART"
for values in "$CHART"/ci/*-values.yaml; do "$HELM" lint --strict --quiet "$CHART" -f "$values"; done

tmp=$(mktemp -d "$ROOT/.cache/helm-rendered.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
render() { # name [helm template args...]
  local name=$1; shift
  "$HELM" template procurement "$CHART" --namespace "$RENDER_NAMESPACE" --kube-version "$KUBE_VERSION" "$@" >"$tmp/$name.yaml"
  echo "$name: $(grep -c '^kind:' "$tmp/$name.yaml") objects ($(grep '^kind:' "$tmp/$name.yaml" | awk '{ print $2 }' | sort | uniq -c | awk '{ printf "%s%s×%s", sep, $2, $1; sep=", " }'))"
}
render default
render external -f "$CHART/ci/external-values.yaml"
render in-chart -f "$CHART/ci/in-chart-values.yaml"
render ingress-monitoring -f "$CHART/ci/ingress-monitoring-values.yaml" --api-versions monitoring.coreos.com/v1 --api-versions monitoring.coreos.com/v1/PrometheusRule
render ingress-monitoring-no-crd -f "$CHART/ci/ingress-monitoring-values.yaml"
# Replace the renderings at once, so that a failed run never leaves a mix of old and new.
rm -rf "$RENDERED"; mv "$tmp" "$RENDERED"; trap - EXIT
