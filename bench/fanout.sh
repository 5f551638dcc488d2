#!/usr/bin/env bash
# Fan-out: `hostname` on every node, with lab (a whole `lab run` process, JVM start included),
# parallel-ssh and `ansible -m command` (both from Debian), and lab warm inside one session
# (connections reused). Median wall time of several runs, for 3, 10 and 30 nodes.
# Needs root (it starts real sshd nodes with e2e/nodes.sh and tears them down).
# Usage: bench/fanout.sh [runs] [node counts...]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"; shift || true
counts=("${@:-3 10 30}")
[ ${#counts[@]} -eq 1 ] && read -r -a counts <<<"${counts[0]}"
export KUBELAB_E2E="${KUBELAB_E2E:-/var/lib/kubelab-e2e}"
S=$KUBELAB_E2E
work=$(mktemp -d)
trap 'e2e/nodes.sh down >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
./lab --version >/dev/null 2>&1

mkdir -p "$work/lab"
cat >"$work/lab/lab.yaml" <<'LAB'
format: 1
id: lab
title: {en: Fan-out, zh-CN: 扇出}
steps:
  - id: hostname
    title: {en: hostname everywhere, zh-CN: 在每台主机上运行 hostname}
    actions:
      - {run: hostname, on: all}
LAB

median() { # command... -> median ms
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }; e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

printf '%-6s %14s %14s %14s %14s\n' nodes "lab run (ms)" "pssh (ms)" "ansible (ms)" "lab warm (ms)"
for n in "${counts[@]}"; do
  e2e/nodes.sh up "$n" >/dev/null
  mkdir -p "$work/home/.ssh"; cp "$S/known_hosts" "$work/home/.ssh/known_hosts"
  : >"$work/hosts.txt"; for i in $(seq 1 "$n"); do echo "root@10.77.0.$((10 + i))" >>"$work/hosts.txt"; done
  t_lab=$(HOME="$work/home" XDG_STATE_HOME="$work/state" median ./lab run "$work/lab" hostname --inventory "$S/inventory.yaml" --parallel "$n")
  t_pssh=$(median parallel-ssh -h "$work/hosts.txt" -p "$n" -t 30 -x "-i $S/id_ed25519 -o UserKnownHostsFile=$S/known_hosts -o StrictHostKeyChecking=yes -o BatchMode=yes" hostname)
  # ControlPersist off: otherwise ssh masters outlive the run (and later runs would be measured warm).
  t_ansible=$(ANSIBLE_HOST_KEY_CHECKING=True ANSIBLE_SSH_ARGS="-o ControlMaster=no -o UserKnownHostsFile=$S/known_hosts" \
    median ansible all -i "$S/inventory.yaml" -m command -a hostname -f "$n")
  t_warm=$(HOME="$work/home" java -cp shell/target/lab.jar bench/WarmFanout.java "$work/lab" "$S/inventory.yaml" "$runs")
  printf '%-6s %14s %14s %14s %14s\n' "$n" "$t_lab" "$t_pssh" "$t_ansible" "$t_warm"
done
