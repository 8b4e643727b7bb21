#!/usr/bin/env bash
# tacitus validate on the PETRARCH unit-test records (needs ../shared), and
# tacitus validate / dict check on small hand-made inputs (always run).
. "$(dirname "$0")/../support/cli-lib.sh"

# --- a hand-made validation file: dictionaries relative to the file
cat > "$TMP/t.verbs.txt" <<'V'
--- CONDEMN [122] ---
CONDEMN
--- MEET [031:031] ---
MEET {MET}
V
printf 'ARNOR [ARN]\nGONDOR [GON]\n' > "$TMP/t.actors.txt"
printf 'GOVERNMENT [~GOV]\nBROKEN [GOV]\n' > "$TMP/t.agents.txt"
cat > "$TMP/v.xml" <<'X'
<Validation>
<Environment>
  <Verbfile>t.verbs.txt</Verbfile>
  <Actorfile>t.actors.txt</Actorfile>
  <Agentfile>t.agents.txt</Agentfile>
</Environment>
<Sentences>
<Sentence date="19950101" id="OK-1" category="T" sentence="true">
<EventCoding sourcecode="ARNGOV" targetcode="GON" eventcode="122"></EventCoding>
<Text>The Arnor government condemned Gondor.</Text>
<Parse>(ROOT (S (NP (DT The) (NNP Arnor) (NN government)) (VP (VBD condemned) (NP (NNP Gondor))) (. .)))</Parse>
</Sentence>
<Sentence date="19950101" id="OK-2" category="T" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Arnor slept.</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD slept)) (. .)))</Parse>
</Sentence>
<Sentence date="19950101" id="MISSING-EVENT" category="T" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="031"></EventCoding>
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="031"></EventCoding>
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="042"></EventCoding>
<Text>Arnor met Gondor.</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor))) (. .)))</Parse>
</Sentence>
<Sentence date="19950101" id="BAD-PARSE" category="T" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Arnor met Gondor.</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor)))</Parse>
</Sentence>
</Sentences>
</Validation>
X
expect_status 0 "validate a small file" "$TAC" validate "$TMP/v.xml"
expect_grep "$TMP/out" "^PASS OK-1" "agent + actor record passes"
expect_grep "$TMP/out" "^PASS OK-2" "no-event record passes"
expect_grep "$TMP/out" "^FAIL MISSING-EVENT: expected .*GON ARN 042.* got " "missing event fails with both sets"
expect_grep "$TMP/out" "^PASS BAD-PARSE" "malformed parse expected as an error passes"
expect_grep "$TMP/out" "^records: 3 pass, 1 fail (75.0%)" "summary line"
expect_grep "$TMP/err" "t.agents.txt:2" "bad dictionary entry reported with file:line"
expect_status 0 "--quiet" "$TAC" validate --quiet "$TMP/v.xml"
if grep -q '^PASS' "$TMP/out"; then fail "--quiet printed PASS lines"; else pass "--quiet hides PASS lines"; fi
expect_status 1 "--min-pass above the rate fails" "$TAC" validate --quiet --min-pass 80 "$TMP/v.xml"
expect_status 0 "--min-pass below the rate passes" "$TAC" validate --quiet --min-pass 70 "$TMP/v.xml"
expect_status 2 "missing file is fatal" "$TAC" validate "$TMP/nope.xml"

# --- dict check
expect_status 1 "dict check reports skipped entries" "$TAC" dict check "$TMP/t.verbs.txt" "$TMP/t.actors.txt" "$TMP/t.agents.txt"
expect_grep "$TMP/err" "t.agents.txt:2" "dict check names file:line"
expect_grep "$TMP/out" "^agents: 2$" "dict check counts agents (with plural)"
expect_grep "$TMP/out" "^skipped: 1$" "dict check counts skipped"
expect_status 0 "dict check on clean files" "$TAC" dict check "$TMP/t.verbs.txt" "$TMP/t.actors.txt"
expect_status 2 "dict check on an unknown file kind" "$TAC" dict check "$TMP/v.xml"

# --- the PETRARCH unit-test records: at least 95% must pass
shared=${TAC_SHARED_DIR:-../shared}
records="$shared/testdata/petrarch/PETR.UnitTest.records.xml"
if [ ! -r "$records" ]; then
    if [ -n "${TAC_REQUIRE_SHARED:-}" ]; then
        fail "$records required but missing"
    elif [ "$failures" -eq 0 ]; then
        echo "skipping the PETRARCH records: $records not found" >&2
        exit 77
    fi
    finish
fi
expect_status 0 "PETR.UnitTest.records.xml passes >= 95%" "$TAC" validate --quiet --min-pass 95 "$records"
tail -n 1 "$TMP/out"
# The raw-text front end (our splitter, tagger and parser instead of the
# gold parses) must still pass >= 85%.
expect_status 0 "--from-text passes >= 85%" "$TAC" validate --quiet --from-text --min-pass 85 "$records"
tail -n 1 "$TMP/out"
"$TAC" dict check "$shared/testdata/phoenix" >"$TMP/out" 2>"$TMP/err"
expect_grep "$TMP/out" "^actors: [0-9]\{5\}" "Phoenix dictionaries load"

finish
