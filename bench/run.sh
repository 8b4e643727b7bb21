#!/usr/bin/env bash
# make bench: runs every benchmark built into BUILD/bench and prints its
# figures. Record them in docs/benchmarks.md with the date and machine.
set -u
build=${1:-build}
shared=${TAC_SHARED_DIR:-$(cd "$(dirname "$0")/.." && pwd)/../shared}
export TAC_SHARED_DIR=$shared
status=0
echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
for b in "$build"/bench/bench_*; do
    [ -x "$b" ] || continue
    echo "== $(basename "$b")"
    "$b" || { echo "   FAILED: $(basename "$b")"; status=1; }
done
exit $status
