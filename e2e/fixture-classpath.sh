#!/usr/bin/env bash
# Prints the class path of the test fixtures (the mock API server and its dependencies),
# building them first when needed. Used by the benchmarks and the end-to-end scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=checks/target/fixture.classpath
if [ ! -f "$cp_file" ] || [ ! -d checks/target/test-classes ] || [ -n "$(find checks/src -newer "$cp_file" -print -quit)" ]; then
  mvn -q -B -pl checks test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/deps.classpath >&2
  echo "$PWD/checks/target/test-classes:$PWD/checks/target/classes:$(cat checks/target/deps.classpath)" >"$cp_file"
fi
cat "$cp_file"
