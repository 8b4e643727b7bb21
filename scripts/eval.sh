#!/usr/bin/env bash
# make eval: scores the coder on three gold files, each twice — with Tacitus's
# own dictionaries and with the Phoenix dictionaries — side by side:
#   1. the PLOVER gold-standard development records
#      (../shared/testdata/plover-gsr-dev), which the dictionaries and the
#      coder were tuned on;
#   2. the invented blind set (tests/eval/invented.json, in this repository),
#      which they were not;
#   3. the invented development set (tests/eval/dev-invented.json, in this
#      repository), which the dictionaries were tuned on.
#   bash scripts/eval.sh BUILD/tacitus [EXTRA EVAL OPTIONS...]
# Without ../shared (or $TAC_SHARED_DIR) the development file and the Phoenix
# runs are skipped (said so, exit 0); the invented set is still scored with
# our dictionaries, and so is the invented development set. See
# docs/evaluation.md.
set -u
bin=${1:?usage: scripts/eval.sh PATH/TO/tacitus [eval options]}
shift
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${TAC_SHARED_DIR:-$repo/../shared}
gold=$shared/testdata/plover-gsr-dev/plover_gsr_dev.json
phoenix=$shared/testdata/phoenix
invented=$repo/tests/eval/invented.json
devinvented=$repo/tests/eval/dev-invented.json

if [ ! -x "$bin" ]; then
    echo "eval: $bin is not built" >&2
    exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() {  # run NAME FILE [options]: the table into $tmp/NAME
    local name=$1 file=$2
    shift 2
    "$bin" eval --quiet --per-category "$@" "$file" >"$tmp/$name" 2>"$tmp/$name.err"
    local st=$?
    if [ "$st" -ge 2 ]; then
        echo "eval: tacitus eval failed ($name):" >&2
        cat "$tmp/$name.err" >&2
        exit 1
    fi
    # Gold-file warnings are the same for both runs: show them once.
    case $name in *-ours) cat "$tmp/$name.err" >&2 ;; esac
}

table() {  # table OURS [PHOENIX]: the per-category rows side by side
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
    ' "$@"
}

have_shared=1
if [ ! -r "$gold" ] || [ ! -d "$phoenix" ]; then
    have_shared=0
fi

# 1. The development records (tuned on).
if [ "$have_shared" = 1 ]; then
    run dev-ours "$gold" "$@"
    run dev-phoenix "$gold" --dict "$phoenix" "$@"
    echo "tacitus eval: $(basename "$gold") (development set, tuned on) — our dictionaries (data/) vs Phoenix ($phoenix)"
    echo "recall = gold records recalled / gold records; precision = matching events / events"
    table "$tmp/dev-ours" "$tmp/dev-phoenix"
    echo
    echo "ours:    $(grep '^eval:' "$tmp/dev-ours")"
    echo "phoenix: $(grep '^eval:' "$tmp/dev-phoenix")"
else
    echo "eval: skipped: $gold or $phoenix not found (the reference data in ../shared is absent)"
fi
echo

# score_set KEY LABEL FILE [eval options]: one of our invented sets (they need
# no ../shared), ours and, when ../shared is there, Phoenix side by side.
score_set() {
    local key=$1 label=$2 file=$3
    shift 3
    if [ ! -r "$file" ]; then
        echo "eval: $file not found" >&2
        exit 1
    fi
    run "$key-ours" "$file" "$@"
    if [ "$have_shared" = 1 ]; then
        run "$key-phoenix" "$file" --dict "$phoenix" "$@"
        echo "tacitus eval: $label ($(basename "$file")) — our dictionaries (data/) vs Phoenix ($phoenix)"
    else
        echo "tacitus eval: $label ($(basename "$file")) — our dictionaries (data/); Phoenix skipped (../shared absent)"
    fi
    echo "recall = gold records recalled / gold records; precision = matching events / events"
    if [ "$have_shared" = 1 ]; then
        table "$tmp/$key-ours" "$tmp/$key-phoenix"
    else
        table "$tmp/$key-ours"
    fi
    echo
    echo "$label, ours:    $(grep '^eval:' "$tmp/$key-ours")"
    if [ "$have_shared" = 1 ]; then
        echo "$label, phoenix: $(grep '^eval:' "$tmp/$key-phoenix")"
    else
        echo "$label, phoenix: skipped: $phoenix not found"
    fi
    echo
}

# 2. The invented blind set (never tuned on), 3. the invented development set.
score_set inv "invented blind set" "$invented" "$@"
score_set devinv "invented development set (tuned on)" "$devinvented" "$@"
exit 0
