#!/usr/bin/env bash
# Start-up time of `lab` beside the tool a learner already runs every day (kubectl).
# Prints the median wall time of N runs of each command. Usage: bench/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
./lab --version >/dev/null 2>&1   # build (and make the class-data archive) first

export XDG_STATE_HOME="$(mktemp -d)"
trap 'rm -rf "$XDG_STATE_HOME"' EXIT

median() { # command... -> median seconds over $runs runs
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m/1000}'
}

jar=shell/target/lab.jar
printf '%-44s %s\n' "command ($runs runs, median seconds)" "time"
printf '%-44s %s\n' "lab --version" "$(median ./lab --version)"
printf '%-44s %s\n' "lab list" "$(median ./lab list)"
printf '%-44s %s\n' "lab list (plain java -jar, no CDS, no flags)" "$(median java -Xshare:auto -jar "$jar" list)"
printf '%-44s %s\n' "lab validate (all bundled labs)" "$(median ./lab validate)"
printf '%-44s %s\n' "kubectl version --client" "$(median kubectl version --client)"
