#!/bin/sh
# lab, with the Java runtime it ships with. The first run keeps lab's classes in a class-data
# archive in the user's cache (about a second once); later runs start from it.
set -e
self=$(readlink -f "$0")
home=$(dirname "$(dirname "$self")")
java="$home/runtime/bin/java"
jar="$home/lib/lab.jar"
version=$(cat "$home/lib/VERSION" 2>/dev/null || echo dev)
cache="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/kubelab"
archive="$cache/lab-$version-$(echo "$home" | cksum | cut -d' ' -f1).jsa"
# C1 only for the commands that run briefly (quicker start); running steps keeps the full JIT, which
# makes RSA keys (the certificates action) ten times faster.
jit=""
for arg in "$@"; do
  case "$arg" in
    __complete|completion|list|show|validate|check|vars|set|status|hint|answer|solution|actions|checks|doctor|reset|env|machines|help|version|--version|-V|--help|-h)
      jit="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"; break ;;
  esac
done
# shellcheck disable=SC2086 # $jit is two flags or none
set -- $jit -XX:+UseSerialGC -Xss2m -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar" "$@"
if [ -f "$archive" ]; then
  exec "$java" -XX:SharedArchiveFile="$archive" "$@"
fi
if mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
  exec "$java" -XX:ArchiveClassesAtExit="$archive" "$@"
fi
exec "$java" "$@"
