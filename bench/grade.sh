#!/usr/bin/env bash
# Grading a class: LEARNERS learners (default 100), each with three real OpenSSH nodes (network
# namespaces: 300 sshd by default) and a mock API server of their own, graded by the kubeadm lab's
# host and cluster checks. `lab grade` of the whole class (a whole process, JVM start included)
# beside the same checks run learner by learner with `lab check`, as an instructor would without it.
# Needs root (it starts the nodes with e2e/nodes.sh and tears them down).
# Usage: bench/grade.sh [learners] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
learners="${1:-100}"
runs="${2:-3}"
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
node_ip() { echo "10.77.$(( $1 / 201 )).$(( 10 + $1 % 201 ))"; }  # as e2e/nodes.sh numbers them
start=$(date +%s)
e2e/nodes.sh up $((learners * 3)) --fixtures shell/src/test/resources/fixtures/kubeadm >/dev/null
echo "bench: $((learners * 3)) sshd nodes up in $(( $(date +%s) - start )) s" >&2

# One healthy kubeadm-made cluster per learner (nodes cp, worker-1, worker-2), in one process.
mkdir -p "$work/kube" "$work/inv" "$work/home/.ssh"
mkfifo "$work/api.in"
java -cp "$cp" io.kubelab.checks.testing.MockClusterServer 127.0.0.1 0 "$work/kube/{n}.conf" healthy "$learners" \
  <"$work/api.in" >"$work/api.out" 2>/dev/null &
api_pid=$!
exec 9>"$work/api.in"
for _ in $(seq 600); do grep -q '^ready' "$work/api.out" 2>/dev/null && break; sleep 0.1; done
grep -q '^ready' "$work/api.out" || { echo "bench: the mock clusters did not start" >&2; exit 1; }
cp "$S/known_hosts" "$work/home/.ssh/known_hosts"

# The roster, and each learner's inventory named as their cluster names its nodes.
{
  echo "title: bench class"
  echo "learners:"
} >"$work/roster.yaml"
for i in $(seq 1 "$learners"); do
  cat >"$work/inv/$i.yaml" <<INV
all:
  vars: {ansible_user: root, ansible_ssh_private_key_file: $S/id_ed25519}
  hosts:
    cp: {ansible_host: $(node_ip $((3 * i - 2)))}
    worker-1: {ansible_host: $(node_ip $((3 * i - 1)))}
    worker-2: {ansible_host: $(node_ip $((3 * i)))}
  children:
    kube_control_plane: {hosts: {cp: }}
    kube_node: {hosts: {worker-1: , worker-2: }}
    etcd: {hosts: {cp: }}
INV
  printf '  - {id: l%d, inventory: inv/%d.yaml, kubeconfig: kube/%d.conf}\n' "$i" "$i" "$i" >>"$work/roster.yaml"
  # lab check reads the cluster from the lab's work folder, as the kubeadm lab fetched it there.
  mkdir -p "$work/s$i/work/kubeadm"
  cp "$work/kube/$i.conf" "$work/s$i/work/kubeadm/admin.conf"
done

export HOME="$work/home"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

grade_times=()
for _ in $(seq "$runs"); do
  s=$(date +%s%N)
  ./lab grade kubeadm --roster "$work/roster.yaml" --state-dir "$work/state" -o json >"$work/grade.json" || true
  grade_times+=("$(ms "$s")")
done
checks=$(python3 -c "import json,sys; g=json.load(open(sys.argv[1])); print(sum(len(l['checks']) for l in g['learners']))" "$work/grade.json")
statuses=$(python3 -c "
import json,sys,collections
g=json.load(open(sys.argv[1]))
c=collections.Counter(ch['status'] for l in g['learners'] for ch in l['checks'])
print(', '.join(f'{k} {v}' for k,v in sorted(c.items())))" "$work/grade.json")

s=$(date +%s%N)
for i in $(seq 1 "$learners"); do
  ./lab check kubeadm --inventory "$work/inv/$i.yaml" --state-dir "$work/s$i" -o json >"$work/check-$i.json" || true
done
one_by_one=$(ms "$s")
check_statuses=$(python3 -c "
import json,sys,collections
c=collections.Counter()
for f in sys.argv[1:]:
    c.update(r['status'] for r in json.load(open(f))['results'])
print(', '.join(f'{k} {v}' for k,v in sorted(c.items())))" "$work"/check-*.json)

echo "| learners × nodes | lab grade (whole class, median of $runs) | lab check, learner by learner |"
echo "|---|---|---|"
echo "| $learners × 3 | $(printf '%s\n' "${grade_times[@]}" | median) ms | $one_by_one ms |"
echo
echo "lab grade looked at $checks check results: $statuses"
echo "lab check × $learners: $check_statuses"
