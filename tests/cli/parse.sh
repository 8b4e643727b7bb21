#!/usr/bin/env bash
# tacitus parse: one Penn Treebank tree per sentence from raw text.
. "$(dirname "$0")/../support/cli-lib.sh"

printf 'BEIJING - China criticized Japan on Monday. The ministry said that Japan had attacked a boat.\n' > "$TMP/a.txt"
expect_status 0 "parse a text file" "$TAC" parse "$TMP/a.txt"
[ "$(wc -l < "$TMP/out")" -eq 2 ] && pass "two body sentences" || fail "expected 2 trees: $(cat "$TMP/out")"
expect_grep "$TMP/out" '^(ROOT (S (NP (NNP China)) (VP (VBD criticized) (NP (NNP Japan))' "subject, verb, object"
expect_grep "$TMP/out" '(VP (VBD said) (SBAR (IN that) (S (NP (NNP Japan))' "said that"

expect_status 0 "parse --ids --all" "$TAC" parse --ids --all "$TMP/a.txt"
[ "$(wc -l < "$TMP/out")" -eq 3 ] && pass "dateline parsed with --all" || fail "expected 3 trees: $(cat "$TMP/out")"
expect_grep "$TMP/out" $'^a:2\t(ROOT' "id prefix"

printf '{"id":"j1","date":"2024-01-02","text":"Rebels attacked the army."}\n' > "$TMP/b.jsonl"
expect_status 0 "parse jsonl from stdin" sh -c "\"$TAC\" parse --input jsonl < \"$TMP/b.jsonl\""
expect_grep "$TMP/out" '(NP (NNS Rebels)) (VP (VBD attacked) (NP (DT the) (NN army)))' "jsonl record parsed"

expect_status 2 "missing model" "$TAC" parse --model "$TMP/missing.bin" "$TMP/a.txt"
expect_grep "$TMP/err" "missing.bin" "error names the model"
expect_status 2 "bad option" "$TAC" parse --bogus
finish
