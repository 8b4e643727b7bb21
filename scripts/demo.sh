#!/usr/bin/env bash
# make demo: codes the bundled examples with the default dictionaries.
set -euo pipefail
bin=${1:-build/tacitus}
cd "$(dirname "$0")/.."
shopt -s nullglob
echo "== tacitus $($bin version | cut -d' ' -f2): coding examples/"
for f in examples/*.txt; do
    echo "-- $f"
    "$bin" code --format text --date 2026-11-20 "$f"
done
for f in examples/*.jsonl examples/*.xml; do
    echo "-- $f"
    "$bin" code --format text "$f"
done
