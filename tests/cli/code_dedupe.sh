#!/usr/bin/env bash
# tacitus code --dedupe day: the same (source, target, code, date) across
# stories becomes one event with the number of stories as "count"; keys
# leave the window (default 7 days); threads do not change the output.
. "$(dirname "$0")/../support/cli-lib.sh"
cameo=$(shared_file testdata/phoenix/CAMEO.2.0.txt) || exit $?
phoenix=$(dirname "$cameo")

lines() { wc -l < "$1" | tr -d ' '; }
# sum of the "count" members of a jsonl file
count_sum() { grep -o '"count":[0-9]*' "$1" | cut -d: -f2 | awk '{s += $1} END {print s + 0}'; }

# Three stories of one day report the same protest; the first also has another event.
cat > "$TMP/day.jsonl" <<'J'
{"id": "s1", "date": "2024-03-12", "text": "Poland lodged a formal protest with Belarus. Kenya criticized Ethiopia."}
{"id": "s2", "date": "2024-03-12", "text": "Poland lodged a formal protest with Belarus."}
{"id": "s3", "date": "2024-03-12", "text": "Poland lodged a formal protest with Belarus."}
J
expect_status 0 "code without --dedupe" "$TAC" code --quiet --dict "$phoenix" "$TMP/day.jsonl"
[ "$(lines "$TMP/out")" -eq 4 ] && pass "4 events without dedupe" || fail "wanted 4 events: $(cat "$TMP/out")"
grep -q '"count"' "$TMP/out" && fail "count printed without --dedupe" || pass "no count without --dedupe"

expect_status 0 "code --dedupe day" "$TAC" code --quiet --dict "$phoenix" --dedupe day "$TMP/day.jsonl"
cp "$TMP/out" "$TMP/day.out"
[ "$(lines "$TMP/day.out")" -eq 2 ] && pass "2 events with dedupe" || fail "wanted 2 events: $(cat "$TMP/day.out")"
[ "$(grep -c '"source":"POL".*"target":"BLR"' "$TMP/day.out")" -eq 1 ] && pass "one POL -> BLR event" \
    || fail "POL -> BLR not once: $(cat "$TMP/day.out")"
expect_grep "$TMP/day.out" '"doc_id":"s1".*"source":"POL".*"target":"BLR".*"count":3,' \
    "POL -> BLR counted 3, kept from the first story"
expect_grep "$TMP/day.out" '"source":"KEN".*"target":"ETH".*"count":1,' "KEN -> ETH counted 1"
[ "$(count_sum "$TMP/day.out")" -eq 4 ] && pass "counts add up to the 4 reports" \
    || fail "count sum $(count_sum "$TMP/day.out"), wanted 4"

expect_status 0 "--dedupe=day, text format" "$TAC" code --quiet --dict "$phoenix" --dedupe=day --format text "$TMP/day.jsonl"
expect_grep "$TMP/out" 'POL  110 .*BLR .*  x3$' "text line ends in x3"
expect_status 0 "--dedupe day, tsv" "$TAC" code --quiet --dict "$phoenix" --dedupe day --format tsv --header "$TMP/day.jsonl"
col=$(head -1 "$TMP/out" | tr '\t' '\n' | grep -nx Count | cut -d: -f1)
[ -n "$col" ] && [ "$(grep -P '\tPOL\t' "$TMP/out" | cut -f"$col")" = 3 ] && pass "tsv Count column 3" \
    || fail "tsv Count: $(cat "$TMP/out")"

# Held events go to --output too, including those written at the end.
expect_status 0 "--dedupe day --output" "$TAC" code --quiet --dict "$phoenix" --dedupe day --output "$TMP/o.jsonl" "$TMP/day.jsonl"
cmp -s "$TMP/o.jsonl" "$TMP/day.out" && pass "--output gets the same events" || fail "--output differs: $(cat "$TMP/o.jsonl")"

# Stories 10 days apart: outside the 7-day window they stay two events.
cat > "$TMP/apart.jsonl" <<'J'
{"id": "p1", "date": "2024-03-01", "text": "Poland lodged a formal protest with Belarus."}
{"id": "p2", "date": "2024-03-11", "text": "Poland lodged a formal protest with Belarus."}
J
expect_status 0 "stories 10 days apart" "$TAC" code --quiet --dict "$phoenix" --dedupe day "$TMP/apart.jsonl"
[ "$(lines "$TMP/out")" -eq 2 ] && pass "two events across the window" || fail "wanted 2: $(cat "$TMP/out")"
[ "$(grep -c '"count":1,' "$TMP/out")" -eq 2 ] && pass "each counted once" || fail "counts: $(cat "$TMP/out")"
expect_grep "$TMP/out" '"doc_id":"p1".*"date":"2024-03-01"' "first event dated March 1"
[ "$(sed -n 2p "$TMP/out" | grep -c '"doc_id":"p2"')" -eq 1 ] && pass "second is p2" || fail "order: $(cat "$TMP/out")"
# Same-date key, different story dates: the window decides (a story can
# report an earlier day; here both stories date the protest March 1).
cat > "$TMP/late.jsonl" <<'J'
{"id": "q1", "date": "2024-03-01", "text": "Poland lodged a formal protest with Belarus."}
{"id": "q2", "date": "2024-03-05", "text": "Poland lodged a formal protest with Belarus on March 1, 2024."}
{"id": "q3", "date": "2024-03-20", "text": "Poland lodged a formal protest with Belarus on March 1, 2024."}
J
expect_status 0 "a later story reporting the same day" "$TAC" code --quiet --dict "$phoenix" --dedupe day "$TMP/late.jsonl"
expect_grep "$TMP/out" '"doc_id":"q1".*"count":2,' "story 4 days later counts (2)"
[ "$(lines "$TMP/out")" -eq 2 ] && pass "story 19 days later is a new event" || fail "wanted 2: $(cat "$TMP/out")"
expect_status 0 "--dedupe-window 14" "$TAC" code --quiet --dict "$phoenix" --dedupe day --dedupe-window 14 "$TMP/apart.jsonl"
[ "$(lines "$TMP/out")" -eq 2 ] && pass "different event dates stay apart in a wide window" \
    || fail "wanted 2: $(cat "$TMP/out")"

# Many stories over a month: -j 2 writes exactly what -j 1 writes.
for i in $(seq 1 80); do
    printf '{"id": "m%d", "date": "2024-03-%02d", "text": "Poland lodged a formal protest with Belarus. Kenya criticized Ethiopia."}\n' \
        "$i" $(( (i - 1) / 4 + 1 ))
done > "$TMP/month.jsonl"
expect_status 0 "month -j 1" "$TAC" code --quiet --dict "$phoenix" --dedupe day -j 1 "$TMP/month.jsonl" && cp "$TMP/out" "$TMP/j1"
expect_status 0 "month -j 2" "$TAC" code --quiet --dict "$phoenix" --dedupe day -j 2 "$TMP/month.jsonl" && cp "$TMP/out" "$TMP/j2"
cmp -s "$TMP/j1" "$TMP/j2" && pass "-j 2 output equals -j 1" || fail "-j 2 output differs"
# 80 stories over 20 days, 4 a day, 2 events each: 40 events counted 4
[ "$(lines "$TMP/j1")" -eq 40 ] && pass "40 day-events" || fail "wanted 40, got $(lines "$TMP/j1")"
[ "$(grep -c '"count":4,' "$TMP/j1")" -eq 40 ] && pass "each counted 4" || fail "counts: $(grep -o '"count":[0-9]*' "$TMP/j1" | sort | uniq -c)"
[ "$(count_sum "$TMP/j1")" -eq 160 ] && pass "counts add up to 160 reports" || fail "sum $(count_sum "$TMP/j1")"

# --db keeps only the first sighting of each key.
db="$TMP/ev.db"
expect_status 0 "--dedupe day --db" "$TAC" code --quiet --dict "$phoenix" --dedupe day --db "$db" "$TMP/day.jsonl"
[ "$(lines "$TMP/out")" -eq 2 ] && pass "2 events printed with --db" || fail "printed: $(cat "$TMP/out")"
expect_status 0 "query the store" "$TAC" query --db "$db" --format csv
[ $(( $(lines "$TMP/out") - 1 )) -eq 2 ] && pass "2 events stored" || fail "stored: $(cat "$TMP/out")"
expect_status 0 "dyad query" "$TAC" query --db "$db" --dyad POL:BLR --format csv
[ $(( $(lines "$TMP/out") - 1 )) -eq 1 ] && pass "one POL -> BLR stored" || fail "POL:BLR: $(cat "$TMP/out")"
expect_grep "$TMP/out" 's1' "stored from the first story"

# Usage errors.
expect_status 2 "--dedupe week is a usage error" "$TAC" code --quiet --dict "$phoenix" --dedupe week "$TMP/day.jsonl"
expect_grep "$TMP/err" "week" "the error names the bad mode"
expect_status 2 "--dedupe-window 0" "$TAC" code --quiet --dict "$phoenix" --dedupe day --dedupe-window 0 "$TMP/day.jsonl"
expect_status 2 "--dedupe-window without --dedupe" "$TAC" code --quiet --dict "$phoenix" --dedupe-window 3 "$TMP/day.jsonl"
expect_status 0 "--help" "$TAC" code --help
expect_grep "$TMP/err" "--dedupe day" "--help documents --dedupe day"
expect_grep "$TMP/err" "--dedupe-window" "--help documents --dedupe-window"
finish
