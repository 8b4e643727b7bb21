#!/usr/bin/env bash
# tacitus tokenize: output shape, threading order, and bad input handling.
. "$(dirname "$0")/../support/cli-lib.sh"

# --- input order is kept with -j 2 on many records
for i in $(seq 1 400); do
    printf '{"id": "r%d", "date": "2026-01-%02d", "text": "Record %d. The U.S.-led talks ended on Tuesday. Officials didn'"'"'t comment."}\n' \
        "$i" $(( (i % 28) + 1 )) "$i"
done > "$TMP/many.jsonl"
expect_status 0 "tokenize -j 1" "$TAC" tokenize --quiet "$TMP/many.jsonl" && cp "$TMP/out" "$TMP/j1"
expect_status 0 "tokenize -j 2" "$TAC" tokenize --quiet -j 2 "$TMP/many.jsonl" && cp "$TMP/out" "$TMP/j2"
if cmp -s "$TMP/j1" "$TMP/j2"; then pass "-j 2 output equals -j 1"; else fail "-j 2 output differs"; fi
[ "$(wc -l < "$TMP/j1")" -eq 1200 ] && pass "3 sentences per record" || fail "wanted 1200 lines, got $(wc -l < "$TMP/j1")"
expect_grep "$TMP/j1" "did@.* n't@" "contraction split"

# --- bad records are reported with file:line, skipped, and the run goes on
{
    echo '{"id": "good1", "text": "First good record."}'
    echo '{"id": "bad", "text": "unterminated}'
    echo '{"id": "notext"}'
    echo '{"id": "good2", "text": "Second good record."}'
} > "$TMP/mixed.jsonl"
expect_status 1 "bad JSON lines make exit status 1" "$TAC" tokenize "$TMP/mixed.jsonl"
expect_grep "$TMP/err" "mixed.jsonl:2" "malformed line named by file:line"
expect_grep "$TMP/err" "notext" "record without text named by id"
expect_grep "$TMP/out" "^good1" "record before the bad ones kept"
expect_grep "$TMP/out" "^good2" "record after the bad ones kept"

: > "$TMP/empty.txt"
expect_status 1 "empty file is reported" "$TAC" tokenize "$TMP/empty.txt"
expect_grep "$TMP/err" "empty" "empty file message"

head -c 3000 /dev/urandom > "$TMP/blob.bin"; printf '\0\0\0' >> "$TMP/blob.bin"
expect_status 1 "binary file is reported" "$TAC" tokenize "$TMP/blob.bin" "$TMP/mixed.jsonl"
expect_grep "$TMP/err" "blob.bin" "binary file named"
expect_grep "$TMP/out" "^good2" "files after a binary one still processed"

{ printf '{"id": "huge", "text": "'; head -c 10485760 /dev/zero | tr '\0' 'a'; printf '"}\n'
  echo '{"id": "after", "text": "After the huge line."}'; } > "$TMP/huge.jsonl"
expect_status 1 "10 MB line is skipped" "$TAC" tokenize "$TMP/huge.jsonl"
expect_grep "$TMP/err" "huge.jsonl:1" "10 MB line named by file:line"
expect_grep "$TMP/out" "^after" "record after the 10 MB line kept"

printf 'Bad byte \xff\xfe here. Fine.\n' > "$TMP/latin.txt"
expect_status 0 "invalid UTF-8 is replaced, not skipped" "$TAC" tokenize "$TMP/latin.txt"
expect_grep "$TMP/err" "latin" "invalid UTF-8 warning names the record"

expect_status 1 "missing file" "$TAC" tokenize "$TMP/does-not-exist.txt"
expect_grep "$TMP/err" "does-not-exist.txt" "missing file named"
expect_status 2 "unknown option" "$TAC" tokenize --bogus
expect_status 2 "bad --date" "$TAC" tokenize --date 2025-13-45 "$TMP/latin.txt"

# --- stdin
echo "Stdin works. Really." | "$TAC" tokenize --forms --input text - > "$TMP/stdin.out" 2>&1
[ "$(wc -l < "$TMP/stdin.out")" -eq 2 ] && pass "stdin" || fail "stdin: $(cat "$TMP/stdin.out")"

# --- the wire story: 13 sentences, the dateline apart
seed=$(shared_file testdata/examples/seed-article.jsonl) || exit $?
expect_status 0 "tokenize the wire story" "$TAC" tokenize "$seed"
[ "$(grep -c $'\tdateline\t' "$TMP/out")" -eq 1 ] && pass "one dateline" || fail "dateline count"
[ "$(grep -c $'\t[0-9]*\t' "$TMP/out")" -eq 13 ] && pass "13 sentences" || fail "wanted 13 sentences: $(cat "$TMP/out")"
expect_grep "$TMP/out" $'\tdateline\tBEIJING@0:7' "dateline is BEIJING"
expect_grep "$TMP/out" "No.@[0-9:]* 2@" "No. 2 not split"
finish
