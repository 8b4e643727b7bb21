#!/usr/bin/env bash
# Directory mode of the dictionary loader and `tacitus dict check`: our own
# names (verbs.txt, actors-*.txt, agents.txt, discards.txt, issues.txt) are
# found in a directory like the PETRARCH ones (CAMEO*.txt, *.actors.txt), and
# `tacitus dict check` without arguments checks the default set.
. "$(dirname "$0")/../support/cli-lib.sh"
DATA=$(cd "$(dirname "$0")/../../data" && pwd)

# data/ as a directory: every kind found, nothing skipped, no warnings.
expect_status 0 "dict check data/" "$TAC" dict check "$DATA"
expect_grep "$TMP/out" '^skipped: 0$' "data/: no skipped entries"
if grep -q 'warning' "$TMP/err"; then fail "data/: warnings: $(head -c 600 "$TMP/err")"; else pass "data/: no warnings"; fi
dir_actors=$(sed -n 's/^actors: \([0-9]*\).*/\1/p' "$TMP/out")
files_actors=$(cat "$DATA"/actors-*.txt | grep -c '^[A-Z0-9]')
[ "${dir_actors:-0}" -ge "$files_actors" ] && pass "data/: all actor files ($dir_actors entries)" \
    || fail "data/: $dir_actors actor entries, the actor files have $files_actors"
for kind in agents discards issues; do
    n=$(sed -n "s/^$kind: \([0-9]*\).*/\1/p" "$TMP/out")
    [ "${n:-0}" -gt 0 ] && pass "data/: $kind loaded ($n)" || fail "data/: no $kind"
done

# No arguments: the default set, i.e. data/ plus the generated countries.
expect_status 0 "dict check (default set)" "$TAC" dict check
expect_grep "$TMP/out" '^skipped: 0$' "default set: no skipped entries"
def_actors=$(sed -n 's/^actors: \([0-9]*\).*/\1/p' "$TMP/out")
[ "${def_actors:-0}" -gt "${dir_actors:-0}" ] && pass "default set adds the generated countries" \
    || fail "default set has $def_actors actors, data/ alone $dir_actors"

# tacitus code --dict data/ codes with our dictionaries.
cat > "$TMP/one.ptb" <<'PTB'
(ROOT (S (NP (NNP Russia)) (VP (VBD imposed) (NP (NNS sanctions)) (PP (IN on) (NP (NNP Britain)))) (. .)))
PTB
expect_status 0 "code --dict data/" "$TAC" code --quiet --dict "$DATA" --date 2024-03-12 "$TMP/one.ptb"
expect_grep "$TMP/out" '"source":"RUS".*"target":"GBR"' "code --dict data/: RUS -> GBR"

# Mixed-case names of both families in one directory; several actor files.
mkdir "$TMP/d"
printf -- '--- IMPOSE [163] ---\nIMPOSE\n' > "$TMP/d/Verbs-test.txt"
printf 'FREEDONIA [FRE]\n' > "$TMP/d/actors-a.txt"
printf 'SYLVANIA [SYL]\n' > "$TMP/d/Test.Actors.txt"
printf 'GOVERNMENT [~GOV]\n' > "$TMP/d/AGENTS.txt"
printf 'FOOTBALL\n' > "$TMP/d/my-discards.txt"
printf 'SANCTIONS [SANCTIONS]\n' > "$TMP/d/issues.txt"
printf 'not a dictionary\n' > "$TMP/d/notes.txt"
expect_status 0 "dict check on a mixed directory" "$TAC" dict check "$TMP/d"
for want in 'verbs: 1 ' 'actors: 2 ' 'agents: [1-9]' 'discards: [1-9]' 'issues: 1'; do
    expect_grep "$TMP/out" "^$want" "mixed directory: $want"
done
rm "$TMP/d/Verbs-test.txt"
expect_status 2 "a directory without verbs is an error" "$TAC" dict check "$TMP/d"
expect_grep "$TMP/err" 'no verb dictionary' "says what is missing"

# The PETRARCH/Phoenix directory still loads as it is.
if [ -r "${TAC_SHARED_DIR:-../shared}/testdata/phoenix/CAMEO.2.0.txt" ]; then
    "$TAC" dict check "${TAC_SHARED_DIR:-../shared}/testdata/phoenix" >"$TMP/out" 2>"$TMP/err"
    n=$(sed -n 's/^actors: \([0-9]*\).*/\1/p' "$TMP/out")
    [ "${n:-0}" -gt 20000 ] && pass "phoenix directory: $n actors" || fail "phoenix directory: ${n:-0} actors"
    expect_grep "$TMP/out" '^issues: [1-9]' "phoenix directory: issues"
fi
finish
