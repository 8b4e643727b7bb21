#!/usr/bin/env bash
# tacitus eval: scores a small invented gold file coded with the Phoenix
# dictionaries and checks the recall/precision figures, worked out by hand
# below; then bad gold files.
set -u
. "$(dirname "$0")/../support/cli-lib.sh"

# (shared_file exits 77 or 1 inside $(...): pass its status on)
phoenix=$(shared_file testdata/phoenix/CAMEO.2.0.txt) || exit $?
phoenix=$(dirname "$phoenix")

# Six invented sentences. What the coder makes of them (Phoenix
# dictionaries), and how each scores:
#  T-1 JPNGOV 042 VNM   CONSULT    matches (source JPN, target VNM)
#      VNM 043 JPNGOV   CONSULT    does not: source VNM is not a gold source
#  T-2 CHN 111 USA      DISAPPROVE matches: 111 is PLOVER 0.8 ACCUSE/disapprove
#  T-3 ISR 195 PSE...   FIGHT      matches: 195 is 0.8 ASSAULT, root 19 -> FIGHT
#  T-4 DEU 025 FRA      DEMAND     matches: CAMEO 02 -> DEMAND; gold target ""
#                                  means no target is required
#  T-5 EGY 120 ISR      REJECT     gold says PROTEST: a miss, a wrong event
#  T-6 ---COP 173 ---OPP COERCE    gold source KEN: a miss, a wrong event
# Recall: T-1..T-4 recalled = 4/6 = 66.7%.
# Precision: 4 matching of 7 events = 57.1%.
cat > "$TMP/gold.json" <<'EOF'
[
 {"id": "T-1", "date": "2024-03-04", "text": "Japan's foreign minister visited Vietnam on Monday.",
  "source": [{"actorText": "Japan", "code": "JPN"}],
  "target": [{"actorText": "Vietnam", "code": "VNM"}], "event": "CONSULT"},
 {"id": "T-2", "date": "2024-03-05", "text": "China sharply criticized the United States on Tuesday.",
  "source": [{"actorText": "China", "code": "CHN", "sector": "GOV"}],
  "target": [{"actorText": "United States", "code": "USA"}], "event": "DISAPPROVE"},
 {"id": "T-3", "date": "2024-03-06", "text": "Israeli aircraft bombed Hamas positions in Gaza on Wednesday.",
  "source": [{"actorText": "Israeli", "code": "ISR"}],
  "target": [{"actorText": "Hamas", "code": "PSE"}], "event": "FIGHT"},
 {"id": "T-4", "date": "2024-03-07", "text": "Germany demanded that France withdraw its troops.",
  "source": [{"actorText": "Germany", "code": "DEU"}], "target": "", "event": "DEMAND"},
 {"id": "T-5", "date": "2024-03-07", "text": "Egypt rejected the Israeli proposal.",
  "source": [{"actorText": "Egypt", "code": "EGY"}],
  "target": [{"actorText": "Israeli", "code": "ISR"}], "event": "PROTEST"},
 {"id": "T-6", "date": "2024-03-07", "text": "Police arrested dozens of protesters in Nairobi.",
  "source": [{"actorText": "Police", "code": "KEN"}], "event": "COERCE"}
]
EOF

if expect_status 0 "eval on the invented gold file" \
        "$TAC" eval --quiet --dict "$phoenix" "$TMP/gold.json"; then
    expect_grep "$TMP/out" '^eval: recall 66.7% (4/6), precision 57.1% (4/7)$' "overall figures"
fi

if expect_status 0 "eval --per-category" \
        "$TAC" eval --quiet --per-category --dict "$phoenix" "$TMP/gold.json"; then
    # category gold recalled recall events matching precision
    check_row() {
        local got
        got=$(awk -v c="$1" '$1 == c { $1 = $1; print }' "$TMP/out")
        if [ "$got" = "$2" ]; then pass "row $1"; else fail "row $1: '$got', wanted '$2'"; fi
    }
    check_row CONSULT    "CONSULT 1 1 100.0% 2 1 50.0%"
    check_row DEMAND     "DEMAND 1 1 100.0% 1 1 100.0%"
    check_row DISAPPROVE "DISAPPROVE 1 1 100.0% 1 1 100.0%"
    check_row REJECT     "REJECT 0 0 - 1 0 0.0%"
    check_row PROTEST    "PROTEST 1 0 0.0% 0 0 -"
    check_row COERCE     "COERCE 1 0 0.0% 1 0 0.0%"
    check_row FIGHT      "FIGHT 1 1 100.0% 1 1 100.0%"
    check_row all        "all 6 4 66.7% 7 4 57.1%"
    if grep -q '^AGREE' "$TMP/out"; then fail "empty categories are listed"; else pass "empty rows left out"; fi
fi

if expect_status 0 "eval --show-misses" \
        "$TAC" eval --quiet --show-misses --dict "$phoenix" "$TMP/gold.json"; then
    expect_grep "$TMP/out" '^miss  T-5: gold PROTEST EGY -> ISR$' "T-5 missed"
    expect_grep "$TMP/out" '^      event: EGY 120 ISR (REJECT)$' "T-5's event listed"
    expect_grep "$TMP/out" '^miss  T-6: gold COERCE KEN -> -$' "T-6 missed"
    expect_grep "$TMP/out" '^extra T-1: VNM 043 JPNGOV (CONSULT); gold CONSULT JPN -> VNM$' \
        "T-1's non-matching event"
    n=$(grep -c '^miss' "$TMP/out")
    [ "$n" -eq 2 ] && pass "two misses" || fail "$n misses listed, wanted 2"
fi

# CAMEO 163 (sanctions) is early-PLOVER SANCTION, as the gold codes it
# (PLOVER 0.8 files it under COERCE); our default dictionaries code it.
cat > "$TMP/sanction.json" <<'EOF'
[
 {"id": "S-1", "date": "2024-03-04", "text": "The European Union imposed sanctions on Belarus on Monday.",
  "source": [{"code": "IGO"}], "target": [{"code": "BLR"}], "event": "SANCTION"}
]
EOF
if expect_status 0 "eval scores 163 as SANCTION" "$TAC" eval --quiet "$TMP/sanction.json"; then
    expect_grep "$TMP/out" '^eval: recall 100.0% (1/1), precision 100.0% (1/1)$' "163 matches SANCTION"
fi

# A record without text is skipped (exit 1) with file:line; the rest is scored.
cat > "$TMP/partial.json" <<'EOF'
[
 {"id": "T-1", "date": "2024-03-04", "text": "Japan's foreign minister visited Vietnam on Monday.",
  "source": [{"code": "JPN"}], "target": [{"code": "VNM"}], "event": "CONSULT"},
 {"id": "BAD", "date": "2024-03-04",
  "source": [{"code": "JPN"}], "event": "CONSULT"}
]
EOF
if expect_status 1 "a record without text is skipped" \
        "$TAC" eval --quiet --dict "$phoenix" "$TMP/partial.json"; then
    expect_grep "$TMP/err" 'partial.json:4: record BAD: no "text"; skipped' "skip names file:line"
    expect_grep "$TMP/out" '^eval: recall 100.0% (1/1), precision 50.0% (1/2)$' "the rest is scored"
fi

# Malformed JSON is fatal, with line:column.
printf '[\n {"id": "X", "text": "a" "event": "AGREE"}\n]\n' > "$TMP/broken.json"
if expect_status 2 "malformed JSON is fatal" "$TAC" eval --quiet --dict "$phoenix" "$TMP/broken.json"; then
    expect_grep "$TMP/err" "broken.json:2:26: expected ',' or '}' after an object element" \
        "error names line:column"
fi
printf '{"not": "an array"}' > "$TMP/object.json"
expect_status 2 "a non-array document is fatal" "$TAC" eval --quiet --dict "$phoenix" "$TMP/object.json"
expect_status 2 "a missing file is fatal" "$TAC" eval --quiet --dict "$phoenix" "$TMP/none.json"
expect_status 2 "no file is a usage error" "$TAC" eval --quiet
finish
