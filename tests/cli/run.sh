#!/usr/bin/env bash
# CLI tests: run by ctest as `run.sh UXCX_BINARY SOURCE_DIR`. Exit codes, the diagnostic line
# format, `stats` figures worked by hand, and conversions that must keep what they promise.
set -uo pipefail

UXCX=${1:?usage: run.sh UXCX_BINARY SOURCE_DIR}
SRC=${2:?usage: run.sh UXCX_BINARY SOURCE_DIR}
. "$(dirname "$0")/lib.sh"

# expect_exit CODE DESCRIPTION -- COMMAND...: runs COMMAND, output to $T/out and $T/err.
expect_exit() {
    local want=$1 what=$2
    shift 3
    "$@" >"$T/out" 2>"$T/err"
    local got=$?
    if [ "$got" -eq "$want" ]; then ok; else fail "$what: exit $got, expected $want; stderr: $(head -c 300 "$T/err")"; fi
}
# expect_line FILE LINE DESCRIPTION: FILE contains LINE exactly (a whole line).
expect_line() {
    if grep -qxF -- "$2" "$1"; then ok; else fail "$3: no line '$2' in: $(head -c 500 "$1")"; fi
}
# expect_json FILE EXPR DESCRIPTION: the JavaScript expression over `d` (the parsed file) is true;
# same(a, b) compares values deeply (arrays, objects, null).
expect_json() {
    if node -e "const d = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
                const same = require('util').isDeepStrictEqual;
                process.exit(($2) ? 0 : 1)" "$1" 2>"$T/jserr"; then
        ok
    else
        fail "$3: ($2) is false for $(head -c 600 "$1") $(head -c 300 "$T/jserr")"
    fi
}

# ---- a small journey, worked by hand -----------------------------------------------------------
cat >"$T/small.json" <<'EOF'
{
  "version": 1,
  "title": "Small shop",
  "stages": [{"id": "buy", "name": "Buy"}, {"id": "help", "name": "Get help"}],
  "channels": [{"id": "web", "name": "Website", "digital": true}, {"id": "phone", "name": "Phone", "digital": false}],
  "touchpoints": [
    {"id": "checkout", "name": "Check out", "stage": "buy", "channel": "web", "volume": 300,
     "ux": {"sus": 80, "n": 12}, "cx": {"csat": 70, "n": 50}, "emotion": 1},
    {"id": "call", "name": "Call: the help line", "stage": "help", "channel": "phone", "volume": 100,
     "cx": {"nps": {"promoters": 10, "passives": 5, "detractors": 25}}, "emotion": -2,
     "painPoints": ["=cmd|' /C calc'!A0", "Long wait"]}
  ]
}
EOF

# ---- help, version, usage errors ---------------------------------------------------------------
expect_exit 0 "--help" -- "$UXCX" --help
expect_line "$T/out" "  uxcx --help | help      this text" "--help lists the commands"
expect_exit 0 "help" -- "$UXCX" help
expect_exit 0 "--version" -- "$UXCX" --version
if grep -q '^uxcx [0-9]' "$T/out"; then ok; else fail "--version prints 'uxcx N...'"; fi
expect_exit 2 "no arguments" -- "$UXCX"
expect_exit 2 "unknown command" -- "$UXCX" frobnicate
expect_line "$T/err" "uxcx: unknown command \`frobnicate\` (see uxcx --help)" "unknown command names itself"
expect_exit 2 "validate without files" -- "$UXCX" validate
expect_exit 2 "stats without a file" -- "$UXCX" stats
expect_exit 2 "convert with one argument" -- "$UXCX" convert "$T/small.json"
expect_exit 2 "convert to an unknown extension" -- "$UXCX" convert "$T/small.json" "$T/out.txt"

# ---- validate ----------------------------------------------------------------------------------
expect_exit 0 "validate a good file" -- "$UXCX" validate "$T/small.json"
if [ ! -s "$T/out" ]; then ok; else fail "a good file prints no diagnostics: $(cat "$T/out")"; fi

# Line 3 is `  "stages": [{"id": "a"}, {"id": "a"}],`: the second "a" starts at column 34.
printf '{\n  "title": "Dup",\n  "stages": [{"id": "a"}, {"id": "a"}],\n  "touchpoints": []\n}\n' >"$T/dup.json"
expect_exit 1 "validate a file with an error" -- "$UXCX" validate "$T/dup.json"
expect_line "$T/out" "$T/dup.json:3:34: error: /stages/1/id: stage id \"a\" is used twice (stages 1 and 2); each stage needs its own id" "diagnostic line format"

# JSON syntax error: `1 2` in line 3; the 2 is at column 16.
printf '{\n  "title": "Bad",\n  "stages": [1 2]\n}\n' >"$T/syntax.json"
expect_exit 1 "validate broken JSON" -- "$UXCX" validate "$T/syntax.json"
if grep -q "^$T/syntax.json:3:16: error: " "$T/out"; then ok; else fail "syntax error at 3:16: $(cat "$T/out")"; fi

# Mermaid refuses a `;`: "    Make tea; 9: Me" has it at column 4 + 8 + 1 = 13.
printf 'journey\n  section S\n    Make tea; 9: Me\n' >"$T/bad.mmd"
expect_exit 1 "validate bad Mermaid" -- "$UXCX" validate "$T/bad.mmd"
expect_line "$T/out" "$T/bad.mmd:3:13: error: /touchpoints/0: expected \`: score\` after the task name \`Make tea\`, found \`;\`, which Mermaid does not accept (write \`#59;\` for a semicolon)" "Mermaid diagnostic"
# A score Mermaid draws off its 1-5 scale: the task is kept, with a warning; "    Make tea: 9" puts
# the 9 at column 4 + 8 + 1 + 1 + 1 = 15.
printf 'journey\n  section S\n    Make tea: 9: Me\n' >"$T/off.mmd"
expect_exit 0 "validate Mermaid score off the scale" -- "$UXCX" validate "$T/off.mmd"
expect_line "$T/out" "$T/off.mmd:3:15: warning: /touchpoints/0/emotion: the score \`9\` is outside Mermaid's 1-5 scale; the touchpoint is kept without an emotion" "Mermaid warning"

# Several files: every file is checked, exit 1 if any has errors; warnings alone exit 0.
expect_exit 1 "validate good and bad together" -- "$UXCX" validate "$T/small.json" "$T/dup.json" "$T/bad.mmd"
[ "$(grep -c ': error: ' "$T/out")" -eq 2 ] && ok || fail "two errors from three files: $(cat "$T/out")"
printf '{"title": "W", "stages": [], "touchpoints": [{"id": "x", "name": "X"}]}' >"$T/warn.json"
expect_exit 0 "warnings alone" -- "$UXCX" validate "$T/warn.json"
if grep -q "^$T/warn.json:1:[0-9]*: warning: /touchpoints/0: " "$T/out"; then ok; else fail "warning line: $(cat "$T/out")"; fi

# A CSV cell's problem also names its row and column as a spreadsheet shows them: the 150 is in
# row 2 (the header is row 1), column 5, and starts at character 11 of line 2.
printf 'id,name,stage,channel,csat\na,A,s,web,150\n' >"$T/cell.csv"
expect_exit 0 "validate a CSV with a value out of range" -- "$UXCX" validate "$T/cell.csv"
if grep -qF "$T/cell.csv:2:11: warning: /touchpoints/0/cx/csat (row 2, column 5): " "$T/out"; then ok; else fail "CSV cell located: $(cat "$T/out")"; fi

expect_exit 1 "validate a missing file" -- "$UXCX" validate "$T/missing.json"
if grep -q "cannot open" "$T/out"; then ok; else fail "missing file says so: $(cat "$T/out")"; fi
truncate -s 40M "$T/big.json"
expect_exit 1 "a 40 MB file is refused" -- "$UXCX" validate "$T/big.json"
if grep -q "the limit is 32 MiB" "$T/out"; then ok; else fail "size limit message: $(cat "$T/out")"; fi
expect_exit 0 "validate reads stdin as -" -- sh -c "\"$UXCX\" validate - < \"$T/small.json\""

# ---- stats -------------------------------------------------------------------------------------
expect_exit 0 "stats" -- "$UXCX" stats "$T/small.json"
cp "$T/out" "$T/stats.json"
# checkout: SUS 80 is already 0-100 -> ux 80; CSAT 70 % -> cx 70; gap 80 - 70 = 10; both >= 60.
expect_json "$T/stats.json" "d.touchpoints[0].id === 'checkout' && d.touchpoints[0].ux === 80 && d.touchpoints[0].cx === 70" "checkout ux 80, cx 70"
expect_json "$T/stats.json" "d.touchpoints[0].gap === 10 && d.touchpoints[0].quadrant === 'good-ux-good-cx'" "checkout gap and quadrant"
# SUS given without sd: no interval (null); n 12 from the ux block.
expect_json "$T/stats.json" "same(d.touchpoints[0].metrics.sus, {value: 80, score: 80, low: null, high: null, n: 12})" "sus metric entry"
# call: NPS (10 - 25) / 40 * 100 = -37.5, score (-37.5 + 100) / 2 = 31.25, n = 40 answers; no UX.
expect_json "$T/stats.json" "d.touchpoints[1].ux === null && d.touchpoints[1].cx === 31.25 && d.touchpoints[1].gap === null" "call cx 31.25, ux null"
expect_json "$T/stats.json" "d.touchpoints[1].metrics.nps.value === -37.5 && d.touchpoints[1].metrics.nps.n === 40" "nps value and n"
expect_json "$T/stats.json" "0 <= d.touchpoints[1].metrics.nps.low && d.touchpoints[1].metrics.nps.low < 31.25 && 31.25 < d.touchpoints[1].metrics.nps.high && d.touchpoints[1].metrics.nps.high <= 100" "nps interval around its score"
expect_json "$T/stats.json" "d.touchpoints[1].quadrant === 'cx-only'" "offline touchpoint is cx-only"
expect_json "$T/stats.json" "same(d.stages.map((s) => s.id), ['buy', 'help']) && same(d.channels.map((c) => c.digital), [true, false])" "stages and channels"
# Journey UX: only checkout has one -> 80. Every number has at most 4 decimals.
expect_json "$T/stats.json" "d.journey.ux === 80" "journey ux"
if ! grep -Eq '[0-9]\.[0-9]{5,}' "$T/stats.json"; then ok; else fail "stats prints at most 4 decimals"; fi
expect_exit 1 "stats on a file with errors" -- "$UXCX" stats "$T/dup.json"

# ---- convert -----------------------------------------------------------------------------------
# JSON -> Mermaid -> JSON keeps stage and touchpoint names exactly (the ':' written as Mermaid's
# entity code, which Mermaid draws as ':').
expect_exit 0 "convert json -> mmd" -- "$UXCX" convert "$T/small.json" "$T/small.mmd"
expect_line "$T/small.mmd" "journey" "Mermaid starts with journey"
expect_line "$T/small.mmd" "    Call#58; the help line: 1" "emotion -2 -> score 1, ':' as #58;"
expect_exit 0 "convert mmd -> json" -- "$UXCX" convert "$T/small.mmd" "$T/from-mmd.json"
expect_json "$T/from-mmd.json" "same(d.stages.map((s) => s.name), ['Buy', 'Get help'])" "stage names survive Mermaid"
expect_json "$T/from-mmd.json" "same(d.touchpoints.map((t) => t.name), ['Check out', 'Call: the help line'])" "touchpoint names survive Mermaid"
expect_json "$T/from-mmd.json" "same(d.touchpoints.map((t) => t.emotion), [1, -2])" "emotion survives Mermaid"

# JSON -> CSV -> JSON keeps metric values.
expect_exit 0 "convert json -> csv" -- "$UXCX" convert "$T/small.json" "$T/small.csv"
if head -1 "$T/small.csv" | grep -q '^id,name,stage,channel,channel_digital,'; then ok; else fail "CSV header"; fi
# A cell starting with '=' gets a leading apostrophe; the number -37.5 and emotion -2 do not.
if grep -qF ",'=cmd|' /C calc'!A0 | Long wait," "$T/small.csv"; then ok; else fail "formula guard in CSV: $(cat "$T/small.csv")"; fi
if grep -qF ",-2,,,,,,,,,-37.5,10,5,25," "$T/small.csv"; then ok; else fail "negative numbers unguarded: $(cat "$T/small.csv")"; fi
expect_exit 0 "convert csv -> json" -- "$UXCX" convert "$T/small.csv" "$T/from-csv.json"
expect_json "$T/from-csv.json" "d.touchpoints[0].ux.sus === 80 && d.touchpoints[0].cx.csat === 70 && d.touchpoints[0].ux.n === 12" "UX/CX values survive CSV"
expect_json "$T/from-csv.json" "same(d.touchpoints[1].cx.nps, {promoters: 10, passives: 5, detractors: 25})" "NPS counts survive CSV"
expect_json "$T/from-csv.json" "same(d.touchpoints[1].painPoints, [\"=cmd|' /C calc'!A0\", 'Long wait'])" "pain points survive CSV unguarded"
expect_json "$T/from-csv.json" "same(d.channels.map((c) => c.digital), [true, false])" "channel kinds survive CSV"
"$UXCX" stats "$T/from-csv.json" >"$T/stats-csv.json" 2>/dev/null
# The analysis is the same after CSV (stage and channel ids are rebuilt from names, so compare the
# touchpoints and the journey).
if node -e "const [a, b] = process.argv.slice(1).map((f) => JSON.parse(require('fs').readFileSync(f, 'utf8')));
             const same = require('util').isDeepStrictEqual;
             process.exit(same(a.touchpoints, b.touchpoints) && same(a.journey, b.journey) ? 0 : 1)" "$T/stats.json" "$T/stats-csv.json"; then ok; else fail "stats after a CSV round trip differ: $(diff "$T/stats.json" "$T/stats-csv.json" | head -5)"; fi

# Every sample: JSON -> JSON gives the same analysis, and saving again gives the same bytes.
for f in "$SRC"/assets/samples/*.json; do
    [ "$(basename "$f")" = index.json ] && continue
    name=$(basename "$f" .json)
    "$UXCX" stats "$f" >"$T/$name.a" 2>/dev/null
    expect_exit 0 "convert sample $name" -- "$UXCX" convert "$f" "$T/$name.1.json"
    "$UXCX" convert "$T/$name.1.json" "$T/$name.2.json" 2>/dev/null
    "$UXCX" stats "$T/$name.1.json" >"$T/$name.b" 2>/dev/null
    if cmp -s "$T/$name.a" "$T/$name.b"; then ok; else fail "sample $name: stats changed by a save"; fi
    if cmp -s "$T/$name.1.json" "$T/$name.2.json"; then ok; else fail "sample $name: saving twice differs"; fi
done

finish
