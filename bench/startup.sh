#!/usr/bin/env bash
# Start-up time of `lab`, as ./lab starts it: on Java 17 with its CDS archive (the default), and with
# KUBELAB_AOT=on on a JDK 24 or later with its AOT cache, beside the tool a learner already runs
# every day (kubectl). Prints the median wall time of N runs of each command, and peak memory.
# `check minikube` reaches a cluster that is not there: the cluster checks' classes still load.
# Usage: bench/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
jar=shell/target/lab.jar

export XDG_STATE_HOME="$(mktemp -d)"
trap 'rm -rf "$XDG_STATE_HOME"' EXIT
export KUBECONFIG="$XDG_STATE_HOME/kubeconfig"
printf 'apiVersion: v1\nkind: Config\nclusters: [{name: m, cluster: {server: "http://127.0.0.1:1"}}]\n%s\n%s\n' \
  'contexts: [{name: minikube, context: {cluster: m, user: m}}]' 'current-context: minikube
users: [{name: m, user: {token: t}}]' >"$KUBECONFIG"

median() { # command... -> median seconds over $runs runs
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m/1000}'
}

# Peak memory (max resident set) of one run, in MB.
memory() {
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%d", $1/1024}'
}

commands=("--version" "list" "validate" "show minikube" "check minikube")
KUBELAB_AOT=off ./lab --version >/dev/null 2>&1   # build, and the CDS archive for Java 17
declare -A cds aot
for c in "${commands[@]}"; do
  # shellcheck disable=SC2086 # the words of $c are meant to split
  cds[$c]=$(KUBELAB_AOT=off median ./lab $c)
done
cds_mem=$(KUBELAB_AOT=off memory ./lab list)
export KUBELAB_AOT=on
./lab --version >/dev/null 2>&1                    # the AOT cache, when a JDK 24+ is there
if [ -f shell/target/lab.aot ]; then
  for c in "${commands[@]}"; do
    # shellcheck disable=SC2086
    aot[$c]=$(median ./lab $c)
  done
  aot_mem=$(memory ./lab list)
  aot_java=$(cat shell/target/lab.java)
else
  aot_mem="-"; aot_java="(no JDK 24 or later here)"
fi

printf '%-40s %16s %16s\n' "command ($runs runs, median seconds)" "Java 17 + CDS" "AOT cache"
for c in "${commands[@]}"; do
  printf '%-40s %16s %16s\n' "lab $c" "${cds[$c]}" "${aot[$c]:--}"
done
printf '%-40s %16s %16s\n' "lab list, peak memory (MB)" "$cds_mem" "$aot_mem"
printf '%-40s %16s\n' "lab list (plain java -jar, no archive)" "$(median java -jar "$jar" list)"
printf '%-40s %16s\n' "kubectl version --client" "$(median kubectl version --client)"
echo "AOT cache made with: $aot_java"
KUBELAB_AOT=off ./lab --version >/dev/null 2>&1   # leave the default behind
