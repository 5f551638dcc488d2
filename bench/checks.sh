#!/usr/bin/env bash
# A full check pass: 20 checks over 3 real sshd nodes and one API server, with `lab check` (a
# whole process, JVM start included) beside the same probes as separate ssh and kubectl commands
# in a shell script, as one would write it by hand. Median wall time of several runs.
# Needs root (it starts the nodes with e2e/nodes.sh and tears them down).
# Usage: bench/checks.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
export KUBELAB_E2E="${KUBELAB_E2E:-/var/lib/kubelab-e2e}"
S=$KUBELAB_E2E
work=$(mktemp -d)
api_pid=""
cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null || true
  e2e/nodes.sh down >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
./lab --version >/dev/null 2>&1
cp=$(e2e/fixture-classpath.sh)
e2e/nodes.sh up 3 >/dev/null

# The API: the mock server holding a healthy kubeadm cluster (nodes, system pods, CoreDNS).
mkfifo "$work/api.in"
java -cp "$cp" io.kubelab.checks.testing.MockClusterServer 127.0.0.1 0 "$work/kubeconfig" healthy \
  <"$work/api.in" >"$work/api.out" 2>/dev/null &
api_pid=$!
exec 9>"$work/api.in"
for _ in $(seq 100); do grep -q '^ready' "$work/api.out" 2>/dev/null && break; sleep 0.1; done
export KUBECONFIG="$work/kubeconfig"

mkdir -p "$work/lab" "$work/home/.ssh"
cp "$S/known_hosts" "$work/home/.ssh/known_hosts"
cat >"$work/lab/lab.yaml" <<LAB
format: 1
id: lab
title: {en: Check pass, zh-CN: 检查}
steps:
  - id: all
    title: {en: Everything, zh-CN: 全部}
    checks:
      - {id: forward, kind: sysctl, on: all, with: {key: net.ipv4.ip_forward, value: "1"}}  # e2e/nodes.sh sets it on every node
      - {id: modules, kind: kernel-modules, on: all, with: {modules: [printk]}}
      - {id: swap, kind: swap-off, on: all}
      - {id: ports, kind: port-free, on: all, with: {ports: [6443, 10250, 2379-2380]}}
      - {id: hostname, kind: file, on: all, with: {path: /etc/hostname}}
      - {id: api, kind: api-health}
      - {id: count, kind: node-count, with: {min: 3}}
      - {id: ready, kind: nodes-ready}
      - {id: dns, kind: pods-running, with: {selector: k8s-app=kube-dns, min: 2}}
      - {id: role, kind: node-role, with: {node: cp}}
LAB

median() {
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N); "$@" >"$work/last.out" 2>&1 || { echo "failed: $*" >&2; cat "$work/last.out" >&2; return 1; }; e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

script_pass() { # the same 20 probes, one ssh or kubectl command each, in order
  local ssh_opts=(-o BatchMode=yes -o UserKnownHostsFile="$S/known_hosts" -i "$S/id_ed25519")
  for i in 1 2 3; do
    local h="root@10.77.0.$((10 + i))"
    ssh "${ssh_opts[@]}" "$h" cat /proc/sys/net/ipv4/ip_forward >/dev/null
    ssh "${ssh_opts[@]}" "$h" 'test -d /sys/module/printk' >/dev/null
    ssh "${ssh_opts[@]}" "$h" cat /proc/swaps >/dev/null
    ssh "${ssh_opts[@]}" "$h" ss -Hltn >/dev/null
    ssh "${ssh_opts[@]}" "$h" stat /etc/hostname >/dev/null
  done
  kubectl get --raw '/readyz?verbose' >/dev/null
  kubectl get nodes --no-headers >/dev/null
  kubectl get nodes -o jsonpath='{.items[*].status.conditions[?(@.type=="Ready")].status}' >/dev/null
  kubectl -n kube-system get pods -l k8s-app=kube-dns --no-headers >/dev/null
  kubectl get node cp -o jsonpath='{.metadata.labels}' >/dev/null
}

HOME="$work/home" XDG_STATE_HOME="$work/state" ./lab check "$work/lab" --inventory "$S/inventory.yaml" >"$work/first.out" 2>&1 \
  || { cat "$work/first.out" >&2; exit 1; }
checks=$(grep -c '^✓' "$work/first.out" || true)
t_lab=$(HOME="$work/home" XDG_STATE_HOME="$work/state" median ./lab check "$work/lab" --inventory "$S/inventory.yaml")
t_script=$(median script_pass)
printf '%-50s %10s\n' "full check pass ($checks checks, 3 nodes + API; median of $runs)" "ms"
printf '%-50s %10s\n' "lab check (one process, checks in parallel)" "$t_lab"
printf '%-50s %10s\n' "shell script: one ssh / kubectl per probe" "$t_script"
awk -v a="$t_script" -v b="$t_lab" 'BEGIN {printf "%-50s %9.1fx\n", "lab is faster by", a / b}'
