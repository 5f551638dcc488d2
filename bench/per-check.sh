#!/usr/bin/env bash
# What one host check costs the machine: 200 `command` checks on one real sshd node (one SSH
# connection), beside one check whose command does the same 200 reads in a loop.
# Wall time, and the CPU of the whole machine (lab, sshd and what it ran) from /proc/stat.
# Needs root (it starts a node with e2e/nodes.sh and tears it down).
# Usage: bench/per-check.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
n=200
export KUBELAB_E2E="${KUBELAB_E2E:-/var/lib/kubelab-e2e}"
work=$(mktemp -d)
cleanup() { e2e/nodes.sh down >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
./lab --version >/dev/null 2>&1
e2e/nodes.sh up 1 >/dev/null
mkdir -p "$work/many/many" "$work/one/one" "$work/home/.ssh"
cp "$KUBELAB_E2E/known_hosts" "$work/home/.ssh/known_hosts"
lab_yaml() { # id, checks
  printf 'format: 1\nid: %s\ntitle: {en: %s, zh-CN: %s}\nsteps:\n  - id: s\n    title: {en: S, zh-CN: S}\n    checks:\n%s\n' \
    "$1" "$1" "$1" "$2"
}
read='cat /proc/sys/net/ipv4/ip_forward'
lab_yaml many "$(for i in $(seq $n); do echo "      - {id: c$i, kind: command, on: all, title: {en: c, zh-CN: c}, with: {command: '$read'}}"; done)" \
  >"$work/many/many/lab.yaml"
lab_yaml one "      - {id: c, kind: command, on: all, title: {en: c, zh-CN: c}, with: {command: 'for i in \$(seq $n); do $read; done >/dev/null'}}" \
  >"$work/one/one/lab.yaml"
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }  # jiffies (10 ms) the machine was busy
echo "| run | $n checks | one check doing the $n reads |"
echo "|---|---|---|"
for r in $(seq "$runs"); do
  row="| $r |"
  for lab in many one; do
    b=$(busy); s=$(date +%s%N)
    HOME="$work/home" ./lab check "$work/$lab/$lab" --inventory "$KUBELAB_E2E/inventory.yaml" --state-dir "$work/state" \
      -o json >"$work/$lab.json" 2>/dev/null || true
    row="$row $(( ($(date +%s%N) - s) / 1000000 )) ms wall, $(( ($(busy) - b) * 10 )) ms CPU |"
  done
  echo "$row"
done
