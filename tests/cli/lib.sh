# lib.sh: what the CLI test scripts share (sourced, not run): a scratch folder $T, removed on exit;
# the ok/fail counters; has/hasnt on a file in $T; and finish, which prints the line scripts/test
# adds up ("cli: P passed, F failed") and fails when any check did.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
# has TEXT FILE DESCRIPTION: FILE (in $T) contains TEXT; hasnt: it does not.
has() { if grep -qF -- "$1" "$T/$2"; then ok; else fail "$3: no '$1' in $2: $(head -c 600 "$T/$2")"; fi; }
hasnt() { if grep -qF -- "$1" "$T/$2"; then fail "$3: '$1' in $2"; else ok; fi; }
finish() {
    echo "cli: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
