#!/bin/sh
# countries-iso.sh - write Tacitus's country actor dictionary from Debian iso-codes.
#
# usage: countries-iso.sh ISO_3166-1.JSON OUTPUT.txt
#
# Reads the ISO 3166-1 table shipped by the Debian package iso-codes
# (/usr/share/iso-codes/json/iso_3166-1.json) and writes one PETRARCH actor
# record per country:
#
#     REPUBLIC_OF_KOREA [KOR]          <- primary: common name, else ISO name
#     +KOREA,_REPUBLIC_OF ...          <- never: ISO's inverted forms are turned
#                                         round ("Korea, Republic of" becomes
#                                         REPUBLIC_OF_KOREA) and commas dropped
#     +SOUTH_KOREA ...                 <- hand-written forms live in
#                                         data/actors-countries.txt, not here
#
# The ISO alpha-3 code is the CAMEO country code. Names are folded to ASCII
# capitals with underscores; accented Latin letters lose their accents
# (COTE_D'IVOIRE, CURACAO, TURKIYE). A phrase that two countries would share
# is emitted only for the first. Only POSIX sh and awk are used, so the
# generator runs wherever the build does; the JSON file is one key per line,
# which is all the parsing relies on.
set -eu

if [ "$#" -ne 2 ]; then
    echo "usage: $0 ISO_3166-1.JSON OUTPUT.txt" >&2
    exit 2
fi
in=$1
out=$2
if [ ! -r "$in" ]; then
    echo "$0: cannot read $in (install the Debian package iso-codes)" >&2
    exit 1
fi

tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT HUP INT TERM

LC_ALL=C awk -v src="$in" '
function jsonval(line,    v) {
    v = line
    sub(/^[^:]*:[ \t]*"/, "", v)
    sub(/",?[ \t\r]*$/, "", v)
    gsub(/\\"/, "\"", v)
    gsub(/\\\\/, "\\", v)
    return v
}

# Accented Latin letters to plain ASCII. Byte-wise in the C locale, so each
# UTF-8 sequence is replaced as a whole.
function fold(s,    i) {
    for (i = 1; i <= nacc; i++)
        gsub(acc[i], plain[i], s)
    return s
}

function phrase(s) {
    s = toupper(fold(s))
    gsub(/,/, "", s)
    gsub(/[ \t]+/, " ", s)
    sub(/^ /, "", s); sub(/ $/, "", s)
    gsub(/ /, "_", s)
    return s
}

# Add phrase p (and its unhyphenated twin) to the current record.
function add(p,    q) {
    if (p == "") return
    q = phrase(p)
    if (!(q in seen)) { seen[q] = 1; names[++nnames] = q }
    if (index(q, "-") > 0) {
        gsub(/-/, "_", q)
        if (!(q in seen)) { seen[q] = 1; names[++nnames] = q }
    }
}

# Turn an ISO display name into the forms news text uses.
function variants(s,    inner, base, inline, head, tail, n) {
    if (s == "") return
    if (match(s, /\([^)]*\)/)) {
        # Compute every piece before recursing: the calls below reset RSTART.
        inner = substr(s, RSTART + 1, RLENGTH - 2)
        base = substr(s, 1, RSTART - 1) substr(s, RSTART + RLENGTH)
        inline = substr(s, 1, RSTART - 1) inner substr(s, RSTART + RLENGTH)
        variants(base)
        if (inner ~ / part$/) return              # "Saint Martin (French part)"
        if (index(inner, " ") > 0) { variants(inner); return }  # "(Vatican City State)"
        variants(inline)                           # "Cocos (Keeling) Islands"
        return
    }
    n = index(s, ", ")
    if (n > 0) {
        head = substr(s, 1, n - 1)
        tail = substr(s, n + 2)
        if (tail ~ / of$/ || tail ~ / of the$/ || tail !~ / /) {
            sub(/^The /, "", tail)                 # "Congo, The Democratic Republic of the"
            add(tail " " head)                     # -> DEMOCRATIC_REPUBLIC_OF_THE_CONGO
        } else {
            add(head " " tail)                     # "Saint Helena, Ascension and ..."
        }
        return
    }
    add(s)
}

function flush(    i, primary) {
    if (code == "") return
    nnames = 0
    variants(common); variants(name); variants(official)
    if (nnames > 0) {
        printf "%s [%s]\n", names[1], code
        for (i = 2; i <= nnames; i++) printf "+%s\n", names[i]
        printf "\n"
        count++
    }
    code = name = official = common = ""
}

BEGIN {
    split("\303\200 \303\201 \303\202 \303\203 \303\204 \303\205 \303\207 \303\210 \303\211 \303\212 \303\213 \303\214 \303\215 \303\216 \303\217 \303\221 \303\222 \303\223 \303\224 \303\225 \303\226 \303\230 \303\231 \303\232 \303\233 \303\234 \303\235 \303\240 \303\241 \303\242 \303\243 \303\244 \303\245 \303\247 \303\250 \303\251 \303\252 \303\253 \303\254 \303\255 \303\256 \303\257 \303\261 \303\262 \303\263 \303\264 \303\265 \303\266 \303\270 \303\271 \303\272 \303\273 \303\274 \303\275 \303\277", acc, " ")
    nacc = split("A A A A A A C E E E E I I I I N O O O O O O U U U U Y a a a a a a c e e e e i i i i n o o o o o o u u u u y y", plain, " ")
    print "# actors-countries-iso.txt - GENERATED at build time by tools/gen/countries-iso.sh"
    print "# from " src " (Debian package iso-codes). Do not edit: hand-written"
    print "# country forms (demonyms, short forms, capitals) are in data/actors-countries.txt."
    print "#"
    print "# One record per ISO 3166-1 country: primary name [ISO alpha-3 = CAMEO code],"
    print "# then the ISO name, official name and common name as + synonyms."
    print ""
}
/^[ \t]*\{/          { code = name = official = common = "" }
/"alpha_3"[ \t]*:/    { code = jsonval($0) }
/"name"[ \t]*:/       { name = jsonval($0) }
/"official_name"[ \t]*:/ { official = jsonval($0) }
/"common_name"[ \t]*:/   { common = jsonval($0) }
/^[ \t]*\}/          { flush() }
END {
    if (count == 0) { print "countries-iso: no countries found in " src > "/dev/stderr"; exit 1 }
    printf "# %d countries\n", count
}
' "$in" > "$tmp"

mv "$tmp" "$out"
trap - EXIT HUP INT TERM
