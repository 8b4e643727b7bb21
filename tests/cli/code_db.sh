#!/usr/bin/env bash
# tacitus code --db: documents and events land in the store, re-coding
# replaces instead of duplicating, and query/explain see them.
. "$(dirname "$0")/../support/cli-lib.sh"
cameo=$(shared_file testdata/phoenix/CAMEO.2.0.txt) || exit $?
phoenix=$(dirname "$cameo")

cat > "$TMP/in.jsonl" <<'J'
{"id": "d1", "date": "2024-03-12", "text": "Poland lodged a formal protest with Belarus on Tuesday. Kenya criticized Ethiopia."}
{"id": "d2", "date": "2024-04-02", "text": "Kenya offered to mediate between Ethiopia and Somalia."}
J
db="$TMP/events.db"
expect_status 0 "code --db" "$TAC" code --quiet --dict "$phoenix" --db "$db" "$TMP/in.jsonl"
printed=$(wc -l < "$TMP/out")
[ "$printed" -ge 3 ] && pass "events still printed ($printed)" || fail "printed $printed events"
expect_status 0 "query all" "$TAC" query --db "$db" --format csv
stored=$(($(wc -l < "$TMP/out") - 1))
[ "$stored" -eq "$printed" ] && pass "every printed event stored" || fail "stored $stored, printed $printed"

expect_status 0 "re-code the same documents" "$TAC" code --quiet --dict "$phoenix" --db "$db" "$TMP/in.jsonl"
expect_status 0 "query again" "$TAC" query --db "$db" --format csv
again=$(($(wc -l < "$TMP/out") - 1))
[ "$again" -eq "$stored" ] && pass "re-ingesting replaces, no duplicates" || fail "$again events after re-ingest, wanted $stored"

expect_status 0 "dyad query" "$TAC" query --db "$db" --dyad POL:BLR --format csv
expect_grep "$TMP/out" "POL" "POL -> BLR event found"
id=$(sed -n 2p "$TMP/out" | cut -d, -f1)
expect_status 0 "explain the event" "$TAC" explain --db "$db" "$id"
expect_grep "$TMP/out" "CAMEO.2.0.txt:[0-9]" "explain names the verb pattern's file:line"
expect_grep "$TMP/out" "Poland lodged" "explain shows the sentence"
finish
