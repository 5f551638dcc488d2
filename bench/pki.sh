#!/usr/bin/env bash
# The whole certificate set of Kubernetes the Hard Way (a CA, admin, two workers, kube-proxy, the
# controller manager, the scheduler, the API server and service accounts: nine keys) made by lab's
# certificates action — `lab run`, a whole process, JVM start included — beside the openssl recipe
# KTHW uses (a key, a request and a signature per certificate, one after another), and the same
# recipe with the keys made in parallel (xargs -P, one per core). Same key sizes, same subjects,
# same SANs; every set is made from nothing. Median wall time of several runs, seconds.
# Usage: bench/pki.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./lab --version >/dev/null 2>&1
cores=$(nproc)

cat >"$work/hosts.yaml" <<'INV'
all:
  hosts:
    server: {ansible_host: 192.0.2.10}
    node-0: {ansible_host: 192.0.2.20}
    node-1: {ansible_host: 192.0.2.21}
  children:
    kube_control_plane: {hosts: {server: {}}}
    kube_node: {hosts: {node-0: {}, node-1: {}}}
INV

lab_yaml() { # algorithm
  mkdir -p "$work/pki-bench"
  cat >"$work/pki-bench/lab.yaml" <<LAB
format: 1
id: pki-bench
title: {en: PKI, zh-CN: PKI}
steps:
  - id: certificates
    title: {en: Certificates, zh-CN: 证书}
    actions:
      - certificates: pki
        algorithm: $1
        issue:
          - {name: admin, cn: admin, o: [system:masters]}
          - {name: "{{host.name}}", for_each: kube_node, cn: "system:node:{{host.name}}", o: [system:nodes], sans: ["{{host.name}}", 127.0.0.1], usages: [client, server]}
          - {name: kube-proxy, cn: "system:kube-proxy", o: [system:node-proxier], sans: [kube-proxy, 127.0.0.1], usages: [client, server]}
          - {name: kube-controller-manager, cn: "system:kube-controller-manager", o: [system:kube-controller-manager], sans: [kube-controller-manager, 127.0.0.1], usages: [client, server]}
          - {name: kube-scheduler, cn: "system:kube-scheduler", o: [system:kube-scheduler], sans: [kube-scheduler, 127.0.0.1], usages: [client, server]}
          - {name: kube-api-server, cn: kubernetes, sans: [127.0.0.1, 10.32.0.1, kubernetes, kubernetes.default, kubernetes.default.svc, kubernetes.default.svc.cluster.local, server.kubernetes.local, api-server.kubernetes.local], usages: [client, server]}
          - {name: service-accounts, cn: service-accounts}
LAB
}

# name|subject|SANs|extended key usage, as KTHW's ca.conf gives them.
certs='admin|/O=system:masters/CN=admin||clientAuth
node-0|/O=system:nodes/CN=system:node:node-0|DNS:node-0,IP:127.0.0.1|clientAuth,serverAuth
node-1|/O=system:nodes/CN=system:node:node-1|DNS:node-1,IP:127.0.0.1|clientAuth,serverAuth
kube-proxy|/O=system:node-proxier/CN=system:kube-proxy|DNS:kube-proxy,IP:127.0.0.1|clientAuth,serverAuth
kube-controller-manager|/O=system:kube-controller-manager/CN=system:kube-controller-manager|DNS:kube-controller-manager,IP:127.0.0.1|clientAuth,serverAuth
kube-scheduler|/O=system:kube-scheduler/CN=system:kube-scheduler|DNS:kube-scheduler,IP:127.0.0.1|clientAuth,serverAuth
kube-api-server|/CN=kubernetes|IP:127.0.0.1,IP:10.32.0.1,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,DNS:server.kubernetes.local,DNS:api-server.kubernetes.local|clientAuth,serverAuth
service-accounts|/CN=service-accounts||clientAuth'

key() { # algorithm file
  if [ "$1" = rsa-4096 ]; then openssl genrsa -out "$2" 4096 2>/dev/null
  else openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$2" 2>/dev/null; fi
}
export -f key

sign() { # the CA exists; each line of $certs: request and signature
  while IFS='|' read -r name subject sans eku; do
    ext=(-addext "basicConstraints=critical,CA:FALSE" -addext "keyUsage=critical,digitalSignature,keyEncipherment"
         -addext "extendedKeyUsage=$eku" -addext "subjectKeyIdentifier=hash")
    [ -n "$sans" ] && ext+=(-addext "subjectAltName=$sans")
    openssl req -new -key "$name.key" -sha256 -subj "$subject" "${ext[@]}" -out "$name.csr" 2>/dev/null
    openssl x509 -req -days 3653 -in "$name.csr" -copy_extensions copyall -sha256 -CA ca.crt -CAkey ca.key \
      -CAcreateserial -out "$name.crt" 2>/dev/null
  done <<<"$certs"
}

openssl_sequential() { # algorithm
  rm -rf "$work/o" && mkdir -p "$work/o" && cd "$work/o"
  key "$1" ca.key
  openssl req -x509 -new -sha256 -key ca.key -days 3653 -subj /CN=CA -out ca.crt 2>/dev/null
  while IFS='|' read -r name _; do key "$1" "$name.key"; done <<<"$certs"
  sign
  cd - >/dev/null
}

openssl_parallel() { # algorithm
  rm -rf "$work/o" && mkdir -p "$work/o" && cd "$work/o"
  { echo ca; cut -d'|' -f1 <<<"$certs"; } | xargs -P "$cores" -I{} bash -c 'key "$0" "{}.key"' "$1"
  openssl req -x509 -new -sha256 -key ca.key -days 3653 -subj /CN=CA -out ca.crt 2>/dev/null
  sign
  cd - >/dev/null
}

with_lab() { # algorithm
  rm -rf "$work/state"
  ./lab --state-dir "$work/state" run "$work/pki-bench" certificates --inventory "$work/hosts.yaml" >/dev/null 2>&1
  [ "$(ls "$work"/state/work/pki-bench*/pki/*.crt | wc -l)" = 9 ] || { echo "lab did not make the set" >&2; exit 1; }
}

median() { # command args...; prints the median seconds of $runs runs
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s.%N); "$@"; e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p" | xargs printf '%.2f'
}

echo "Nine keys and certificates, median of $runs runs, seconds ($cores cores)"
echo
echo "| keys | lab (certificates action) | openssl, KTHW's recipe | openssl, keys in parallel |"
echo "|---|---|---|---|"
for alg in rsa-4096 ecdsa-p256; do
  lab_yaml "$alg"
  echo "| $alg | $(median with_lab "$alg") | $(median openssl_sequential "$alg") | $(median openssl_parallel "$alg") |"
done
