#!/usr/bin/env bash
# make eval: scores the coder on the PLOVER gold-standard development records
# (../shared/testdata/plover-gsr-dev) twice — with Tacitus's own dictionaries
# and with the Phoenix dictionaries — and prints the two side by side.
#   bash scripts/eval.sh BUILD/tacitus [EXTRA EVAL OPTIONS...]
# Without ../shared (or $TAC_SHARED_DIR) there is nothing to score: it says
# so and exits 0. See docs/evaluation.md.
set -u
bin=${1:?usage: scripts/eval.sh PATH/TO/tacitus [eval options]}
shift
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${TAC_SHARED_DIR:-$repo/../shared}
gold=$shared/testdata/plover-gsr-dev/plover_gsr_dev.json
phoenix=$shared/testdata/phoenix

if [ ! -r "$gold" ] || [ ! -d "$phoenix" ]; then
    echo "eval: skipped: $gold or $phoenix not found (the reference data in ../shared is absent)"
    exit 0
fi
if [ ! -x "$bin" ]; then
    echo "eval: $bin is not built" >&2
    exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() {  # run NAME [options]: the table into $tmp/NAME
    local name=$1
    shift
    "$bin" eval --quiet --per-category "$@" "$gold" >"$tmp/$name" 2>"$tmp/$name.err"
    local st=$?
    if [ "$st" -ge 2 ]; then
        echo "eval: tacitus eval failed ($name dictionaries):" >&2
        cat "$tmp/$name.err" >&2
        exit 1
    fi
    # Gold-file warnings are the same for both runs: show them once.
    [ "$name" = ours ] && cat "$tmp/$name.err" >&2
}

run ours "$@"
run phoenix --dict "$phoenix" "$@"

echo "tacitus eval: $(basename "$gold") — our dictionaries (data/) vs Phoenix ($phoenix)"
echo "recall = gold records recalled / gold records; precision = matching events / events"
awk '
    function row(c, g, r1, p1, r2, p2,    line) {
        line = sprintf("%-12s %5s | %-14s %-14s | %-14s %-14s", c, g, r1, p1, r2, p2)
        sub(/ +$/, "", line)
        print line
    }
    FNR == 1 { file++ }
    $1 == "category" || $1 == "eval:" { next }
    {
        key = $1
        if (!(key in seen)) { seen[key] = 1; order[++n] = key }
        gold[key] = $2
        recall[file, key] = sprintf("%s/%s %s", $3, $2, $4)
        prec[file, key] = sprintf("%s/%s %s", $6, $5, $7)
    }
    END {
        row("", "", "ours", "", "phoenix", "")
        row("category", "gold", "recall", "precision", "recall", "precision")
        for (i = 1; i <= n; i++) {
            k = order[i]
            row(k, gold[k],
                ((1, k) in recall) ? recall[1, k] : "-", ((1, k) in prec) ? prec[1, k] : "-",
                ((2, k) in recall) ? recall[2, k] : "-", ((2, k) in prec) ? prec[2, k] : "-")
        }
    }
' "$tmp/ours" "$tmp/phoenix"
echo
echo "ours:    $(grep '^eval:' "$tmp/ours")"
echo "phoenix: $(grep '^eval:' "$tmp/phoenix")"
