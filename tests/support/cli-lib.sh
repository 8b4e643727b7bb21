# Helpers for CLI tests. Source it; $1 of the test is the tacitus binary.
TAC=${TAC:-$1}
TMP=$(mktemp -d /tmp/tac-cli-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# shared_file REL: prints the path under ../shared, or exits 77 (skip) / 1 (CI).
# It runs in $(...), so call it as: x=$(shared_file REL) || exit $?
shared_file() {
    local p="${TAC_SHARED_DIR:-../shared}/$1"
    if [ ! -r "$p" ]; then
        if [ -n "${TAC_REQUIRE_SHARED:-}" ]; then
            echo "FAIL: $p required but missing" >&2
            exit 1
        fi
        echo "skipping: $p not found" >&2
        exit 77
    fi
    printf '%s\n' "$p"
}

# expect_status WANT DESC CMD...: runs CMD, stdout to $TMP/out, stderr to $TMP/err.
expect_status() {
    local want=$1 desc=$2
    shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"
    local got=$?
    if [ "$got" -ne "$want" ]; then
        fail "$desc: exit $got, wanted $want; stderr: $(head -c 400 "$TMP/err")"
        return 1
    fi
    pass "$desc"
}

expect_grep() {  # expect_grep FILE PATTERN DESC
    if grep -q -- "$2" "$1"; then pass "$3"; else fail "$3: no '$2' in $(head -c 300 "$1")"; fi
}

finish() {
    if [ "$failures" -ne 0 ]; then
        echo "$failures check(s) failed" >&2
        exit 1
    fi
    exit 0
}
