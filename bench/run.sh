#!/usr/bin/env bash
# make bench: runs every benchmark and prints one table. Reports; never fails the build.
set -uo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
status=0
for b in "$root"/bench/bench_*.sh; do
    [ -e "$b" ] || continue
    "$b" "$root/$build" || { echo "benchmark $(basename "$b") failed to run"; status=0; }
done
exit $status
