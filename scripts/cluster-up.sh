# Sourced by scripts/cluster-check.sh: starts a throw-away Kubernetes control plane on 127.0.0.1
# (etcd, kube-apiserver, kube-controller-manager; no scheduler or kubelet, so pods are admitted and
# stay Pending) with certificates made by openssl, all under one work folder.
#   cluster_up <work-dir> <bin-dir>   sets KUBECONFIG and the pids in CLUSTER_PIDS
#   cluster_down                      stops what cluster_up started
# The binaries come from scripts/cluster-build.sh. Nothing listens beyond the loopback interface;
# the service IP range is only bookkeeping (no proxy ever routes it).

CLUSTER_PIDS=()

free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }

# sign <name> <subject> [extensions]: a key and a certificate signed by the CA in the current folder.
sign() {
  openssl req -new -newkey rsa:2048 -nodes -keyout "$1.key" -subj "$2" -out "$1.csr" 2>/dev/null
  printf '%s\n' "${3:-extendedKeyUsage=clientAuth}" >"$1.ext"
  openssl x509 -req -in "$1.csr" -CA "${CA:-ca}.crt" -CAkey "${CA:-ca}.key" -CAcreateserial -days 2 -extfile "$1.ext" -out "$1.crt" 2>/dev/null
}

make_certificates() {
  openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj /CN=cluster-check-ca 2>/dev/null
  sign apiserver /CN=kube-apiserver "$(printf '%s\n' 'extendedKeyUsage=serverAuth' \
    'subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc')"
  sign admin "/O=system:masters/CN=cluster-check-admin"
  sign controller-manager /CN=system:kube-controller-manager
  openssl genrsa -out service-account.key 2048 2>/dev/null
  openssl rsa -in service-account.key -pubout -out service-account.pub 2>/dev/null
  # The aggregation layer's front proxy has a CA of its own.
  openssl req -x509 -newkey rsa:2048 -nodes -keyout front-proxy-ca.key -out front-proxy-ca.crt -days 2 -subj /CN=front-proxy-ca 2>/dev/null
  CA=front-proxy-ca sign front-proxy-client /CN=front-proxy-client
}

kubeconfig() { # file user server
  local file=$1
  "$KUBECTL" config --kubeconfig "$file" set-cluster local --server "$3" --certificate-authority ca.crt --embed-certs >/dev/null
  "$KUBECTL" config --kubeconfig "$file" set-credentials "$2" --client-certificate "$2.crt" --client-key "$2.key" --embed-certs >/dev/null
  "$KUBECTL" config --kubeconfig "$file" set-context local --cluster local --user "$2" >/dev/null
  "$KUBECTL" config --kubeconfig "$file" use-context local >/dev/null
}

wait_for() { # seconds description command...
  local seconds=$1 what=$2; shift 2
  for _ in $(seq 1 $((seconds * 4))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
  echo "$what did not come up within $seconds s" >&2; return 1
}

cluster_up() {
  local work=$1 bin=$2
  mkdir -p "$work/pki" "$work/etcd" "$work/logs"
  (cd "$work/pki" && make_certificates)
  local etcd_port peer_port api_port cm_port
  etcd_port=$(free_port); peer_port=$(free_port); api_port=$(free_port); cm_port=$(free_port)

  etcd --name cluster-check --data-dir "$work/etcd" \
    --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
    --listen-peer-urls "http://127.0.0.1:$peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$peer_port" \
    --initial-cluster "cluster-check=http://127.0.0.1:$peer_port" >"$work/logs/etcd.log" 2>&1 &
  CLUSTER_PIDS+=($!)

  local pki=$work/pki
  "$bin/kube-apiserver" --etcd-servers "http://127.0.0.1:$etcd_port" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$api_port" --cert-dir "$work/apiserver-certs" \
    --tls-cert-file "$pki/apiserver.crt" --tls-private-key-file "$pki/apiserver.key" --client-ca-file "$pki/ca.crt" \
    --service-account-issuer https://kubernetes.default.svc --service-account-key-file "$pki/service-account.pub" \
    --service-account-signing-key-file "$pki/service-account.key" --service-cluster-ip-range 10.96.0.0/16 \
    --authorization-mode Node,RBAC --endpoint-reconciler-type none \
    --requestheader-client-ca-file "$pki/front-proxy-ca.crt" --requestheader-allowed-names front-proxy-client \
    --requestheader-username-headers X-Remote-User --requestheader-group-headers X-Remote-Group \
    --requestheader-extra-headers-prefix X-Remote-Extra- \
    --proxy-client-cert-file "$pki/front-proxy-client.crt" --proxy-client-key-file "$pki/front-proxy-client.key" \
    >"$work/logs/kube-apiserver.log" 2>&1 &
  CLUSTER_PIDS+=($!)
  local server=https://127.0.0.1:$api_port
  (cd "$pki" && kubeconfig "$work/admin.kubeconfig" admin "$server" && kubeconfig "$work/controller-manager.kubeconfig" controller-manager "$server")
  export KUBECONFIG=$work/admin.kubeconfig
  wait_for 60 "kube-apiserver" "$KUBECTL" get --raw /readyz || { tail -n 20 "$work/logs/kube-apiserver.log" >&2; return 1; }

  "$bin/kube-controller-manager" --kubeconfig "$work/controller-manager.kubeconfig" \
    --authentication-kubeconfig "$work/controller-manager.kubeconfig" --authorization-kubeconfig "$work/controller-manager.kubeconfig" \
    --use-service-account-credentials=true --service-account-private-key-file "$pki/service-account.key" \
    --root-ca-file "$pki/ca.crt" --cluster-signing-cert-file "$pki/ca.crt" --cluster-signing-key-file "$pki/ca.key" \
    --leader-elect=false --bind-address 127.0.0.1 --secure-port "$cm_port" --cert-dir "$work/controller-manager-certs" \
    >"$work/logs/kube-controller-manager.log" 2>&1 &
  CLUSTER_PIDS+=($!)
  # The namespace controller and ServiceAccount tokens need the controller manager's own accounts.
  wait_for 60 "kube-controller-manager" "$KUBECTL" -n default get serviceaccount default \
    || { tail -n 20 "$work/logs/kube-controller-manager.log" >&2; return 1; }
  echo "control plane up: etcd $(etcd --version | awk '/etcd Version/ { print $3 }'), $("$bin/kube-apiserver" --version) on $server, kube-controller-manager"
}

cluster_down() {
  local pid
  for pid in "${CLUSTER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${CLUSTER_PIDS[@]}"; do timeout 20 tail --pid="$pid" -f /dev/null 2>/dev/null || kill -9 "$pid" 2>/dev/null || true; done
  CLUSTER_PIDS=()
}
