#!/usr/bin/env bash
# Tacitus's own default dictionaries (data/ + the countries generated from
# iso-codes): they load without a single skipped entry, the generated file is
# complete, and key news sentences code to the events the entries intend.
. "$(dirname "$0")/../support/cli-lib.sh"
DATA=$(cd "$(dirname "$0")/../../data" && pwd)
GEN="${TAC_BUILD_DIR:?TAC_BUILD_DIR not set}/data/actors-countries-iso.txt"

# --- the generated country file --------------------------------------
if [ -r "$GEN" ]; then pass "generated $GEN exists"; else fail "no $GEN (cmake/dicts.cmake)"; fi
n=$(grep -c '^[A-Z].* \[[A-Z][A-Z][A-Z]\]$' "$GEN")
[ "$n" -ge 240 ] && pass "$n ISO countries" || fail "only $n country records in $GEN"
expect_grep "$GEN" '^NORTH_KOREA \[PRK\]$' "common name is the primary phrase"
expect_grep "$GEN" "^+DEMOCRATIC_PEOPLE'S_REPUBLIC_OF_KOREA$" "official name is a synonym"
expect_grep "$GEN" '^REPUBLIC_OF_KOREA$\|^+REPUBLIC_OF_KOREA$' "inverted ISO name turned round"
expect_grep "$GEN" "^COTE_D'IVOIRE \[CIV\]$" "accents folded to ASCII"
if LC_ALL=C grep -q '[^ -~]' "$GEN"; then fail "non-ASCII bytes in $GEN"; else pass "ASCII only"; fi

# The generator fails cleanly on a missing input and writes nothing.
gen="$DATA/../tools/gen/countries-iso.sh"
expect_status 1 "generator: missing input fails" sh "$gen" "$TMP/none.json" "$TMP/out.txt"
[ ! -e "$TMP/out.txt" ] && pass "no output on failure" || fail "output left behind"
printf '{\n  "3166-1": [\n    {\n      "alpha_3": "XYZ",\n      "name": "Freedonia, Republic of"\n    }\n  ]\n}\n' > "$TMP/one.json"
expect_status 0 "generator: small input" sh "$gen" "$TMP/one.json" "$TMP/one.txt"
expect_grep "$TMP/one.txt" '^REPUBLIC_OF_FREEDONIA \[XYZ\]$' "generator inverts 'X, Republic of'"

# --- lint: every entry of every file loads ------------------------------
files=("$DATA/verbs.txt" "$DATA/agents.txt" "$DATA/discards.txt" "$DATA/issues.txt" "$GEN")
for f in "$DATA"/actors-*.txt; do files+=("$f"); done
expect_status 0 "dict check on the default set" "$TAC" dict check "${files[@]}"
expect_grep "$TMP/out" '^skipped: 0$' "no skipped entries"
if grep -q 'warning' "$TMP/err"; then fail "warnings: $(head -c 600 "$TMP/err")"; else pass "no warnings"; fi
verbs=$(sed -n 's/^verbs: \([0-9]*\).*/\1/p' "$TMP/out")
patterns=$(sed -n 's/^patterns: \([0-9]*\)$/\1/p' "$TMP/out")
[ "${verbs:-0}" -ge 600 ] && pass "$verbs verb lines" || fail "only ${verbs:-0} verb lines"
[ "${patterns:-0}" -ge 2000 ] && pass "$patterns patterns" || fail "only ${patterns:-0} patterns"

# Every CAMEO event code of the codebook is reachable from the verb file.
missing=""
for c in $(awk -F'\t' '/^[0-9]/ && length($1) >= 3 {print $1}' "$DATA/cameo-codebook.tsv"); do
    grep -q "\[\(${c}\|[0-9]*:${c}\|${c}:[0-9]*\)\]" "$DATA/verbs.txt" || missing="$missing $c"
done
[ -z "$missing" ] && pass "every CAMEO code has a verb or pattern" || fail "codes without patterns:$missing"

# --- coding with the default dictionaries -------------------------------
cat > "$TMP/news.ptb" <<'PTB'
(ROOT (S (NP (DT The) (JJ Chinese) (NN premier)) (VP (VBD visited) (NP (NNP Pyongyang))) (. .)))
(ROOT (S (NP (NNP Russia)) (VP (VBD imposed) (NP (NNS sanctions)) (PP (IN on) (NP (NNP Britain)))) (. .)))
(ROOT (S (NP (DT The) (NNP Kremlin)) (VP (VBD held) (NP (NNS talks)) (PP (IN with) (NP (NNP Iran)))) (. .)))
(ROOT (S (NP (JJ Israeli) (NNS troops)) (VP (VBD launched) (NP (DT an) (NN attack)) (PP (IN on) (NP (NNP Hamas)))) (. .)))
(ROOT (S (NP (NNP Japan)) (VP (VBD expressed) (NP (NN concern)) (PP (IN over) (NP (NNP China)))) (. .)))
(ROOT (S (NP (NNP Seoul)) (VP (VBD signed) (NP (DT an) (NN agreement)) (PP (IN with) (NP (NNP Tokyo)))) (. .)))
(ROOT (S (NP (NNP North) (NNP Korea)) (VP (VBD condemned) (NP (DT the) (NNP United) (NNPS States))) (. .)))
PTB
expect_status 0 "code with the default dictionaries" "$TAC" code --quiet --input ptb --date 2026-11-01 "$TMP/news.ptb"
ev() {  # ev SOURCE TARGET CODE: an event with these fields was coded
    if grep -q "\"source\":\"$1\".*\"target\":\"$2\".*\"cameo\":\"$3\"" "$TMP/out"; then
        pass "$1 $2 $3"
    else
        fail "no event $1 $2 $3 in: $(cut -c1-200 "$TMP/out")"
    fi
}
ev CHNGOV PRKGOV 042     # demonym + agent, capital as government, paired visit
ev PRKGOV CHNGOV 043
ev RUS GBR 163           # light verb IMPOSE + &SANCTION (ON +)
ev RUSGOV IRN 040        # seat of government; HOLD TALKS
ev ISRMIL PSEREBHMS 190  # agent TROOPS; armed group code; LAUNCH ATTACK
ev JPN CHN 012           # EXPRESS CONCERN
ev KORGOV JPNGOV 057     # SIGN AGREEMENT
ev PRK USA 111           # CONDEMN; generated country names
grep -q '"issues":\[[^]]*SANCTIONS' "$TMP/out" && pass "issue SANCTIONS attached" || fail "no SANCTIONS issue"

# A compound that holds a summit consults each other, not the place; being
# expected to act is no comment of one's own.
cat > "$TMP/more.ptb" <<'PTB'
(ROOT (S (NP (NNP South) (NNP Korea) (CC and) (NNP Japan)) (VP (VBD held) (NP (DT a) (NN summit)) (PP (IN in) (NP (NNP Tokyo)))) (. .)))
(ROOT (S (NP (NNP Japan)) (VP (VBD was) (VP (VBN expected) (S (VP (TO to) (VP (VB meet) (NP (NNP Vietnam))))))) (. .)))
PTB
expect_status 0 "code compound summits and expectations" "$TAC" code --quiet --input ptb --date 2026-11-01 "$TMP/more.ptb"
ev KOR JPN 040           # HOLD: - % * SUMMIT [040:040]
ev JPN KOR 040
if grep -q '"cameo":"013"' "$TMP/out"; then fail "'was expected to' coded as 013"; else pass "EXPECT is no 013"; fi
if grep -q '"target":"JPNGOV"' "$TMP/out"; then fail "Tokyo (the place) became a target"; else pass "the summit's place is no target"; fi

# A discard phrase stops coding of its sentence.
cat > "$TMP/sport.ptb" <<'PTB'
(ROOT (S (NP (NNP Brazil)) (VP (VBD attacked) (NP (NNP Argentina)) (PP (IN in) (NP (DT the) (NNP World) (NNP Cup)))) (. .)))
PTB
expect_status 0 "code a sports sentence" "$TAC" code --quiet --input ptb --date 2026-11-01 "$TMP/sport.ptb"
[ ! -s "$TMP/out" ] && pass "World Cup sentence discarded" || fail "sport coded: $(cat "$TMP/out")"

[ "$failures" -eq 0 ]
