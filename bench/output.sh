#!/usr/bin/env bash
# A step whose command prints 10 million lines (78 MB): `lab run` streaming it to the terminal
# (here a pipe to /dev/null, as a terminal would take it) and keeping its tail, beside `cat` of the
# same output. Wall time of each, best of a few runs. Needs only Java and coreutils.
# Usage: bench/output.sh [lines] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-10000000}"
runs="${2:-3}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./lab --version >/dev/null 2>&1
seq "$lines" >"$work/out.txt"
mkdir -p "$work/lab"
cat >"$work/lab/lab.yaml" <<LAB
format: 1
id: lab
title: {en: Output, zh-CN: 输出}
steps:
  - id: print
    title: {en: Print, zh-CN: 打印}
    actions:
      - run: cat $work/out.txt
        timeout: 30m
LAB
best() { # best wall time in ms of "$@" over $runs runs
  local b=""
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }; e=$(date +%s%N)
    local ms=$(( (e - s) / 1000000 ))
    if [ -z "$b" ] || [ "$ms" -lt "$b" ]; then b=$ms; fi
  done
  echo "$b"
}
export XDG_STATE_HOME="$work/state"
printf '%-34s %10s\n' "what ($lines lines)" "ms (best of $runs)"
printf '%-34s %10s\n' "cat" "$(best cat "$work/out.txt")"
printf '%-34s %10s\n' "cat | awk (indent each line)" "$(best sh -c "cat '$work/out.txt' | awk '{print \"  \" \$0}'")"
printf '%-34s %10s\n' "lab run (output streamed)" "$(best ./lab run "$work/lab" print)"
