#!/usr/bin/env bash
# Installs, upgrades and uninstalls the Helm chart with each ci/*-values.yaml on a real Kubernetes
# API server (scripts/cluster-up.sh), so every object is admitted by the server itself: schema,
# defaulting, the Pod Security "restricted" profile (namespaces labelled to enforce it), and the
# controllers turning Deployments and StatefulSets into Pods. Server warnings are counted.
# The in-chart values also go through uninstall -> reinstall: the dependencies' Secrets survive and
# keep their contents, as their kept volumes need.
# The control plane binaries are built once by scripts/cluster-build.sh into the cluster cache
# ($PSBB_CLUSTER_CACHE, default ${XDG_CACHE_HOME:-$HOME/.cache}/psbb-cluster). Without them this
# script skips (exit 0), unless --build is given, which builds them first (~20 minutes).
# Usage: bash scripts/cluster-check.sh [--build]      (`npm run cluster-check`)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CHART=helm/procurement-sustainability
CACHE=${PSBB_CLUSTER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/psbb-cluster}
BIN=$CACHE/bin
CRD=$CACHE/crds/monitoring.coreos.com_servicemonitors.yaml
HELM=$ROOT/.cache/bin/helm
started=$SECONDS
skip() { echo "cluster-check: SKIPPED — $*"; exit 0; }

have_binaries() { [ -x "$BIN/kube-apiserver" ] && [ -x "$BIN/kube-controller-manager" ] && [ -x "$BIN/kubectl" ] && [ -s "$CRD" ]; }
if ! have_binaries; then
  [ "${1:-}" = --build ] || skip "no cached control plane in $CACHE (build it once: bash scripts/cluster-check.sh --build, ~20 minutes)"
  bash scripts/cluster-build.sh
fi
if ! command -v etcd >/dev/null; then
  [ "$(id -u)" = 0 ] || skip "etcd is not installed (apt-get install -y etcd-server)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq etcd-server >/dev/null 2>&1 || skip "etcd-server could not be installed"
fi
[ -x "$HELM" ] || bash scripts/render-helm.sh >/dev/null
export KUBECTL=$BIN/kubectl
# shellcheck source=scripts/cluster-up.sh
source scripts/cluster-up.sh

work=$(mktemp -d /tmp/cluster-check.XXXXXX)
cleanup() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "cluster-check FAILED (exit $rc); last API server lines:" >&2
    tail -n 5 "$work/logs/kube-apiserver.log" >&2 2>/dev/null || true
  fi
  cluster_down
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cluster_up "$work" "$BIN"
k() { "$KUBECTL" "$@"; }
warnings=0
# helm <args>: runs helm against the cluster, counts the server's warnings (client-go logs each as
# "warnings.go:...] <text>", kubectl-style clients "Warning: <text>"; helm still exits 0), fails on
# any error.
helm_run() {
  local out=$work/helm.out
  "$HELM" "$@" >"$out" 2>&1 || { cat "$out" >&2; return 1; }
  local n; n=$(grep -cE 'warnings\.go:[0-9]+\]|^Warning: ' "$out" || true)
  warnings=$((warnings + n))
  [ "$n" -eq 0 ] || grep -E 'warnings\.go:[0-9]+\]|^Warning: ' "$out" | sed 's/.*warnings\.go:[0-9]*\] //; s/^Warning: //; s/^/  server warning: /'

}
# pods_created <ns> <count>: the controllers made that many Pods (admitted; Pending without a kubelet).
pods_created() {
  local ns=$1 want=$2 have=0
  for _ in $(seq 1 120); do
    have=$(k -n "$ns" get pods --no-headers 2>/dev/null | grep -vc -- '-test-' || true)
    [ "$have" -ge "$want" ] && break; sleep 0.25
  done
  local refused; refused=$(k -n "$ns" get events --field-selector reason=FailedCreate -o jsonpath='{range .items[*]}{.message}{"\n"}{end}')
  [ -z "$refused" ] || { echo "pod creation refused in $ns: $refused" >&2; return 1; }
  [ "$have" -ge "$want" ] || { echo "$ns: $have pods created, expected $want" >&2; k -n "$ns" get all >&2; return 1; }
}
secret_data() { k -n "$1" get secret "$2" -o jsonpath='{.data}'; }

for values in "$CHART"/ci/*-values.yaml; do
  name=$(basename "$values" -values.yaml)
  ns=cc-$name
  release=procurement
  echo
  echo "== $name ($values)"
  # Namespaces enforce the restricted Pod Security profile: a pod the chart renders outside it is refused.
  k create namespace "$ns" >/dev/null
  k label namespace "$ns" pod-security.kubernetes.io/enforce=restricted pod-security.kubernetes.io/enforce-version=latest >/dev/null
  args=(-n "$ns" -f "$values")
  if grep -q 'serviceMonitor:' "$values" && [ "$(sed -n '/serviceMonitor:/,/^[^ ]/p' "$values" | grep -c 'enabled: true')" -gt 0 ]; then
    k apply -f "$CRD" >/dev/null
    k wait --for condition=Established --timeout 60s crd/servicemonitors.monitoring.coreos.com >/dev/null
    echo "ServiceMonitor CRD installed (controller-gen, Prometheus Operator API types)"
  fi
  helm_run install "$release" "$CHART" "${args[@]}"
  objects=$("$HELM" get manifest "$release" -n "$ns" | grep -c '^kind:')
  kinds=$("$HELM" get manifest "$release" -n "$ns" | awk '/^kind:/ { print $2 }' | sort | uniq -c | awk '{ printf "%s%s×%s", sep, $2, $1; sep=", " }')
  want=$(k -n "$ns" get deploy,statefulset -o jsonpath='{range .items[*]}{.spec.replicas}{"\n"}{end}' | awk '{ s += $1 } END { print s }')
  pods_created "$ns" "$want"
  echo "install: $objects objects admitted ($kinds); $want pods created by the controllers (restricted profile enforced)"
  if [ "$name" = in-chart ]; then
    dep_secrets=$(k -n "$ns" get secrets -l 'app.kubernetes.io/name in (mongodb,rabbitmq)' -o name | sed 's|secret/||' | sort)
    for s in $dep_secrets; do secret_data "$ns" "$s" >"$work/$s.install"; done
  fi

  helm_run upgrade "$release" "$CHART" "${args[@]}" --set-string podAnnotations.cluster-check/upgraded=yes
  pods_created "$ns" "$want"
  echo "upgrade: revision $("$HELM" status "$release" -n "$ns" -o json | node -e 'let s = ""; process.stdin.on("data", (c) => (s += c)).on("end", () => console.log(JSON.parse(s).version))'), every object admitted again"

  helm_run uninstall "$release" -n "$ns" --wait --timeout 120s
  left=$(k -n "$ns" get deploy,statefulset,service,configmap,ingress,hpa,pdb,networkpolicy,serviceaccount -l "app.kubernetes.io/instance=$release" --no-headers 2>/dev/null | wc -l)
  [ "$left" -eq 0 ] || { echo "uninstall left $left objects" >&2; k -n "$ns" get all >&2; exit 1; }
  if [ "$name" = in-chart ]; then
    kept=$(k -n "$ns" get secrets -l 'app.kubernetes.io/name in (mongodb,rabbitmq)' -o name | sed 's|secret/||' | sort)
    [ "$kept" = "$dep_secrets" ] || { echo "after uninstall, the dependency Secrets are [$kept], expected [$dep_secrets]" >&2; exit 1; }
    echo "uninstall: workloads gone; kept: $(echo $kept) and $(k -n "$ns" get pvc --no-headers | wc -l) volume claims"
    helm_run install "$release" "$CHART" "${args[@]}"
    for s in $dep_secrets; do
      secret_data "$ns" "$s" >"$work/$s.reinstall"
      cmp -s "$work/$s.install" "$work/$s.reinstall" || { echo "reinstall changed the contents of Secret $s: the kept volumes' passwords no longer match" >&2; exit 1; }
    done
    echo "reinstall: Secrets $(echo $dep_secrets) adopted with unchanged contents (same passwords and URIs for the kept volumes)"
    helm_run uninstall "$release" -n "$ns" --wait --timeout 120s
  else
    echo "uninstall: every object gone"
  fi
  k delete namespace "$ns" --wait=false >/dev/null
done

# The one refusal the schema cannot foresee: a PriorityClass that does not exist. The install
# succeeds, and the ReplicaSet controller's pod creates are refused (documented in the chart README).
echo
echo "== priorityClassName naming no PriorityClass (a documented limit, not a chart error)"
k create namespace cc-priority >/dev/null
helm_run install "$release" "$CHART" -n cc-priority -f "$CHART/ci/external-values.yaml" --set priorityClassName=no-such-class
for _ in $(seq 1 120); do
  refused=$(k -n cc-priority get events --field-selector reason=FailedCreate -o jsonpath='{.items[0].message}' 2>/dev/null || true)
  [ -z "$refused" ] || break; sleep 0.25
done
[[ "$refused" == *"no PriorityClass with name no-such-class"* ]] || { echo "expected the pod creates to be refused, saw: ${refused:-nothing}" >&2; exit 1; }
echo "install succeeded; every pod create refused: ${refused#*: }"
helm_run uninstall "$release" -n cc-priority --wait --timeout 120s

echo
echo "cluster-check: PASS in $((SECONDS - started)) s — $(ls "$CHART"/ci/*-values.yaml | wc -l) values files installed, upgraded and uninstalled on $("$BIN/kube-apiserver" --version); server warnings: $warnings"
