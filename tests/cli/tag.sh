#!/usr/bin/env bash
# tacitus tag: tags sentences, prints lemmas, fails clearly without a model.
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

printf 'The president visited Beijing on Tuesday. Rebels fought the army.\n' > "$tmp/a.txt"
out=$("$bin" tag --lemmas "$tmp/a.txt") || fail "tag exited $?"
echo "$out" | grep -qx 'The/DT/the president/NN/president visited/VBD/visit Beijing/NNP/Beijing on/IN/on Tuesday/NNP/Tuesday ././.' \
    || fail "unexpected first sentence: $out"
echo "$out" | grep -q 'fought/VBD/fight' || fail "no fight lemma: $out"
[ "$(echo "$out" | wc -l)" -eq 2 ] || fail "expected 2 sentences: $out"

out=$("$bin" tag --ids "$tmp/a.txt") || fail "tag --ids exited $?"
echo "$out" | head -1 | grep -q $'^[^\t]*:0\tThe/DT' || fail "no id prefix: $out"

"$bin" tag --model "$tmp/missing.bin" "$tmp/a.txt" 2> "$tmp/err"
rc=$?
[ $rc -eq 2 ] || fail "missing model: exit $rc, expected 2"
grep -q "missing.bin" "$tmp/err" || fail "error does not name the model: $(cat "$tmp/err")"

"$bin" tag --bogus 2>/dev/null
[ $? -eq 2 ] || fail "bad option not a usage error"
exit 0
