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
must 4 'CHN[A-Z]*' 'PRK[A-Z]*' 042 "s4: Zhao Leji (CHN) 'traveled there' (North Korea) in April 2024"

# --- must not have -----------------------------------------------------
must_not '[0-9]+' '[A-Z-]*' 'JPN[A-Z]*' '[0-9]+' "nothing targets Japan (s9: 'Japan's surrender' is in a purpose clause)"
must_not '[0-9]+' 'PRK[A-Z]*' 'JPN[A-Z]*' '[0-9]+' "no PRK -> JPN"
must_not 5 '[A-Z-]+' '[A-Z-]+' '[0-9]+' "s5: 'guests attending the celebrations' is not Air Koryo meeting anyone"
must_not 11 'RUSPTY[A-Z]*' '[A-Z-]+' '[0-9]+' "s11: the appositive (United Russia chairman) makes no second actor"
must_not 11 'RUSELI[A-Z]*' '[A-Z-]+' '[0-9]+' "s11: Medvedev has his code of 2025 (not 'former' = ELI)"
must_not 13 '[A-Z-]+' 'KOR[A-Z]*' '[0-9]+' "s13: 'according to a source close to South Korea's armed forces' is no target"
must_not 13 '[A-Z-]+' '---MIL' '[0-9]+' "s13: 'a military parade' is the event, not its target"
must_not 2 '[A-Z-]+' 'RUS[A-Z]*' '[0-9]+' "s2: Russia is inside a relative clause"

# --- sentence 11: "Vietnam's top leader To Lam" stays a name (tagger), and
# attending "events in Pyongyang" is a visit to the host (ATTEND (IN +)).
must 11 'RUS[A-Z]*' 'PRK[A-Z]*' 042 "s11: Medvedev (RUS) set to attend events in Pyongyang = visit PRK"
must 11 'VNM[A-Z]*' 'PRK[A-Z]*' 042 "s11: To Lam (VNM) set to attend events in Pyongyang = visit PRK"
must_not 11 '[A-Z-]+' '[A-Z-]+' 044 "s11: attending events in Pyongyang is a visit, not a third-location meeting"

# --- coreference (the document stage's memory) ---------------------------
must 10 PRKGOV CHNGOV '03[0-9]*' "s10: 'the two' (Kim, Xi) agreed: PRKGOV -> CHNGOV"
must 10 CHNGOV PRKGOV '03[0-9]*' "s10: 'the two' (Kim, Xi) agreed: CHNGOV -> PRKGOV"
must 12 PRKGOV LAOGOV 036 "s12: Kim (PRKGOV, coreference) invited Lao President Thongloun Sisoulith"
must_not 10 'JPN[A-Z]*' '[A-Z-]+' '[0-9]+' "s10: 'the two' is not Japan"

# --- dates and places (the document stage) --------------------------------
# SENTENCE SOURCE CAMEO EVENT_DATE PRECISION HISTORICAL PLACE
sed -n 's/.*"sentence":\([0-9]*\),.*"source":"\([^"]*\)",.*"cameo":"\([^"]*\)",.*"event_date":"\([^"]*\)","date_precision":"\([^"]*\)",.*"historical":\([a-z]*\)\(,"place":"\([^"]*\)"\)\{0,1\}.*/\1 \2 \3 \4 \5 \6 \8/p' \
    "$TMP/out" > "$TMP/dated"
dated() { if grep -Eq "^$1\$" "$TMP/dated"; then pass "$2"; else fail "$2: no '$1' in: $(tr '\n' ';' < "$TMP/dated")"; fi; }
dated "1 CHNGOV 042 2025-10-09 day false North Korea" "s1: the visit 'from Thursday' is 2025-10-09, in North Korea"
dated "9 PRKGOV 042 2025-09 month false Beijing" "s9: 'Last month' Kim visited Beijing: 2025-09"
dated "7 (CHN|PRK) 190 1950..1953 range true ?" "s7: the Korean War is 1950..1953 and historical"
dated "11 VNMGOV 042 2025-10-07 day false Pyongyang" "s11: To Lam's visit is in Pyongyang"
dated "4 CHN[A-Z]* 042 2024-04 month true North Korea" "s4: Zhao Leji's trip is April 2024, more than a year back: historical"
finish
