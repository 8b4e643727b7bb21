#!/usr/bin/env bash
# The flagship wire story (shared/testdata/examples/seed-article.jsonl, story
# date 2025-10-07) coded from raw text with our default dictionaries: the
# events a careful reader would list, with the right actors, and none of the
# tempting wrong ones. Sentence numbers are the text stage's (1 = the
# sentence after the dateline).
. "$(dirname "$0")/../support/cli-lib.sh"
story=$(shared_file testdata/examples/seed-article.jsonl) || exit $?
VERBS="$(dirname "$0")/../../data/verbs.txt"

expect_status 0 "code the wire story" "$TAC" code --quiet "$story"
# one line per event: SENTENCE SOURCE TARGET CAMEO
sed -n 's/.*"sentence":\([0-9]*\),.*"source":"\([^"]*\)",.*"target":"\([^"]*\)",.*"cameo":"\([^"]*\)".*/\1 \2 \3 \4/p' \
    "$TMP/out" > "$TMP/events"
echo "events:"; sed 's/^/  /' "$TMP/events"

# has SENT SOURCE TARGET CAMEO DESC: an event matching (regexes, whole fields)
has() { grep -Eq "^$1 $2 $3 $4\$" "$TMP/events"; }
must() { if has "$1" "$2" "$3" "$4"; then pass "$5"; else fail "$5: no '$1 $2 $3 $4'"; fi; }
must_not() { if has "$1" "$2" "$3" "$4"; then fail "$5: $(grep -E "^$1 $2 $3 $4\$" "$TMP/events" | head -3 | tr '\n' ';')"; else pass "$5"; fi; }

# --- must have ---------------------------------------------------------
must 1 CHNGOV 'PRK[A-Z]*' 042 "s1: Chinese Premier Li Qiang (CHNGOV) visits North Korea"
must 3 'CHN[A-Z]*' 'PRK[A-Z]*' '03[0-9]*' "s3: China ready to work with North Korea (03x)"
must 9 PRKGOV 'CHN[A-Z]*' 042 "s9: Kim Jong Un (PRKGOV) visited Beijing"

# --- must not have -----------------------------------------------------
must_not '[0-9]+' '[A-Z-]*' 'JPN[A-Z]*' '[0-9]+' "nothing targets Japan (s9: 'Japan's surrender' is in a purpose clause)"
must_not '[0-9]+' 'PRK[A-Z]*' 'JPN[A-Z]*' '[0-9]+' "no PRK -> JPN"
must_not 5 '[A-Z-]+' '[A-Z-]+' '[0-9]+' "s5: 'guests attending the celebrations' is not Air Koryo meeting anyone"
must_not 11 'RUSPTY[A-Z]*' '[A-Z-]+' '[0-9]+' "s11: the appositive (United Russia chairman) makes no second actor"
must_not 11 'RUSELI[A-Z]*' '[A-Z-]+' '[0-9]+' "s11: Medvedev has his code of 2025 (not 'former' = ELI)"
must_not 13 '[A-Z-]+' 'KOR[A-Z]*' '[0-9]+' "s13: 'according to a source close to South Korea's armed forces' is no target"
must_not 13 '[A-Z-]+' '---MIL' '[0-9]+' "s13: 'a military parade' is the event, not its target"
must_not 2 '[A-Z-]+' 'RUS[A-Z]*' '[0-9]+' "s2: Russia is inside a relative clause"

# --- must have, waiting for other stages ----------------------------------
# Sentence 11 needs (a) the tagger/parser to keep "To Lam" a name, not the
# particle TO, and (b) a dictionary pattern coding "attend ... in <place>" as
# a visit (042) rather than ATTEND's 044. Each assertion is enforced as soon
# as its precondition holds, so it cannot stay silently skipped once fixed.
parse11=$(printf '{"id":"p","date":"2025-10-07","text":"Meanwhile, Vietnam%s top leader To Lam and former Russian President Dmitry Medvedev are also set to attend the events in Pyongyang."}\n' "'s" |
    "$TAC" parse --quiet 2>/dev/null)
attend_visit=0
awk '/^--- ATTEND /{on=1; next} /^---/{on=0} on && /\(IN \+\) \[042/' "$VERBS" | grep -q . && attend_visit=1
if [ "$attend_visit" -eq 1 ]; then
    must 11 'RUS[A-Z]*' 'PRK[A-Z]*' 042 "s11: Medvedev (RUS) set to attend events in Pyongyang = visit PRK"
    must_not 11 '[A-Z-]+' '[A-Z-]+' 044 "s11: attending events in Pyongyang is a visit, not a third-location meeting"
else
    echo "pending (dictionary): ATTEND has no '(IN +) [042]' pattern; s11 Medvedev visit not enforced"
fi
if [ "$attend_visit" -eq 1 ] && ! grep -q '(TO To)' <<<"$parse11"; then
    must 11 'VNM[A-Z]*' 'PRK[A-Z]*' 042 "s11: To Lam (VNM) set to attend events in Pyongyang = visit PRK"
else
    echo "pending (parser/dictionary): 'To Lam' parsed as the particle TO or ATTEND (IN +) missing; s11 To Lam visit not enforced"
fi

# --- must have, with coreference (the document stage's memory) ------------
if "$TAC" code --help 2>&1 | grep -q coreference; then
    must 10 PRKGOV CHNGOV '03[0-9]*' "s10: 'the two' (Kim, Xi) agreed: PRKGOV -> CHNGOV"
    must 10 CHNGOV PRKGOV '03[0-9]*' "s10: 'the two' (Kim, Xi) agreed: CHNGOV -> PRKGOV"
    must 12 PRKGOV LAOGOV 036 "s12: Kim (PRKGOV, coreference) invited Lao President Thongloun Sisoulith"
    must_not 10 'JPN[A-Z]*' '[A-Z-]+' '[0-9]+' "s10: 'the two' is not Japan"
else
    echo "skipped: coreference not wired"
fi
finish
