#!/usr/bin/env bash
# tacitus code: parsed and raw input, output formats, threading, bad input.
. "$(dirname "$0")/../support/cli-lib.sh"
cameo=$(shared_file testdata/phoenix/CAMEO.2.0.txt) || exit $?
phoenix=$(dirname "$cameo")

# A parsed sentence codes to exactly the event its parse supports.
cat > "$TMP/one.ptb" <<'PTB'
(ROOT (S (NP (NNP Poland)) (VP (VBD lodged) (NP (DT a) (JJ formal) (NN protest)) (PP (IN with) (NP (NNP Belarus)))) (. .)))
PTB
expect_status 0 "code a PTB tree" "$TAC" code --quiet --dict "$phoenix" --date 2024-03-12 "$TMP/one.ptb"
[ "$(wc -l < "$TMP/out")" -eq 1 ] && pass "one event" || fail "wanted one event: $(cat "$TMP/out")"
expect_grep "$TMP/out" '"source":"POL"' "source POL"
expect_grep "$TMP/out" '"target":"BLR"' "target BLR"
expect_grep "$TMP/out" '"date":"2024-03-12"' "date from --date"
expect_grep "$TMP/out" '"verb_where":"[^"]*CAMEO.2.0.txt:[0-9]*"' "provenance names the verb pattern's file:line"
expect_grep "$TMP/out" '"source_entry":"POLAND_ \[POL\]' "provenance names the actor entry"

expect_status 0 "tsv with header" "$TAC" code --quiet --dict "$phoenix" --date 2024-03-12 --format tsv --header "$TMP/one.ptb"
[ "$(wc -l < "$TMP/out")" -eq 2 ] && pass "header + one row" || fail "tsv: $(cat "$TMP/out")"

# Raw text runs through the front end; -j 2 keeps input order.
for i in $(seq 1 60); do
    printf '{"id": "a%d", "date": "2024-03-%02d", "text": "Poland lodged a formal protest with Belarus on Tuesday. Kenya offered to mediate between Ethiopia and Somalia."}\n' "$i" $(( (i % 28) + 1 ))
done > "$TMP/raw.jsonl"
expect_status 0 "raw text -j 1" "$TAC" code --quiet --dict "$phoenix" "$TMP/raw.jsonl" && cp "$TMP/out" "$TMP/j1"
expect_status 0 "raw text -j 2" "$TAC" code --quiet --dict "$phoenix" -j 2 "$TMP/raw.jsonl" && cp "$TMP/out" "$TMP/j2"
cmp -s "$TMP/j1" "$TMP/j2" && pass "-j 2 output equals -j 1" || fail "-j 2 output differs"
[ "$(grep -c '"doc_id":"a60"' "$TMP/j1")" -ge 1 ] && pass "last record coded" || fail "a60 missing"
expect_grep "$TMP/j1" '"source":"POL".*"target":"BLR"' "raw text codes POL -> BLR"

# Bad records: no date, broken tree. Reported, skipped, the rest coded.
{
    echo '(ROOT (S (NP (NNP Poland)) (VP (VBD lodged) (NP (DT a) (NN protest)) (PP (IN with) (NP (NNP Belarus)))) (. .)))'
    echo '(ROOT (S (NP (NNP Poland)) (VP (VBD lodged)'
    echo '(ROOT (S (NP (NNP Kenya)) (VP (VBD criticized) (NP (NNP Ethiopia))) (. .)))'
} > "$TMP/mixed.ptb"
expect_status 1 "broken tree makes exit 1" "$TAC" code --quiet --dict "$phoenix" --date 2024-03-12 "$TMP/mixed.ptb"
expect_grep "$TMP/err" "mixed.ptb:2" "broken tree named by file:line"
expect_grep "$TMP/out" '"source":"KEN"' "record after the broken one coded"

echo '{"id": "nodate", "text": "Poland lodged a protest with Belarus."}' > "$TMP/nodate.jsonl"
expect_status 1 "record without a date is skipped" "$TAC" code --quiet --dict "$phoenix" "$TMP/nodate.jsonl"
expect_grep "$TMP/err" "nodate" "dateless record named"

expect_status 2 "unknown output format" "$TAC" code --format xml "$TMP/one.ptb"
expect_status 2 "missing dictionary" "$TAC" code --verbs /nonexistent/verbs.txt "$TMP/one.ptb"
finish
