#!/usr/bin/env bash
# `uxcx survey` tests: run by ctest as `survey.sh UXCX_BINARY`. Small answer files written here with
# their aggregates worked by hand (NPS counts, top-2-box counts, means and SDs on the 1-7 scale,
# weighted shares and Kish's effective n, segments), N/A codes (global numbers and texts, a
# reading's own list), invalid cells reported with row and column, CSV quirks of real exports, and
# the errors and exit codes a user meets (0 done, 1 errors in the files, 2 usage). JSON is checked
# with node.
set -uo pipefail

UXCX=${1:?usage: survey.sh UXCX_BINARY}
. "$(dirname "$0")/lib.sh"

# run CODE DESCRIPTION -- ARGS...: runs uxcx ARGS, stderr to $T/err.
run() {
    local want=$1 what=$2
    shift 3
    "$UXCX" "$@" >"$T/stdout" 2>"$T/err" </dev/null
    local got=$?
    if [ "$got" -eq "$want" ]; then ok; else fail "$what: exit $got, expected $want; stderr: $(head -c 400 "$T/err")"; fi
}
# json FILE EXPR DESCRIPTION: the JavaScript expression over `d` (FILE parsed) is true. Helpers:
# tp(id) the touchpoint, set(id, tpId) its readings in set id (the first set: on the touchpoint).
json() {
    if node -e "const d = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
                const near = (a, b, eps = 1e-9) => Math.abs(a - b) <= eps;
                const tp = (id) => d.touchpoints.find((t) => t.id === id);
                const set = (s, id) => s === d.sets[0].id ? tp(id) : tp(id).measurements[s];
                process.exit(($2) ? 0 : 1)" "$1" 2>"$T/jserr"; then
        ok
    else
        fail "$3: ($2) is false for $(head -c 900 "$1") $(head -c 300 "$T/jserr")"
    fi
}

# Six respondents. Global N/A codes 99 and "N/A"; the NPS column has its own list [11] (0 is a real
# answer). Row 4 (CSV row 4) has "x" in food: invalid. Row 7 (respondent 6) is in no labelled segment.
cat >"$T/a.csv" <<'EOF'
id,seg,rec,food,ease,wt,overall
1,1,10,5,5,1,5
2,1,9,4,4,2,4
3,2,0,x,3,1,3
4,2,11,99,N/A,0.5,2
5,1,7,2,,1,1
6,3,6,1,1,abc,2
EOF
cat >"$T/m.json" <<'EOF'
{ "title": "T", "na": [99, "N/A"],
  "segments": [ { "column": "seg", "labels": { "1": "Business", "2": "Leisure" } } ],
  "outcome": { "column": "overall", "scale": [1, 5] },
  "stages": [ { "id": "s", "name": "S" } ], "channels": [ { "id": "web", "name": "Web" } ],
  "touchpoints": [ { "id": "food", "name": "Food", "stage": "s", "channel": "web",
      "cx": { "csat": { "column": "food" }, "nps": { "column": "rec", "na": [11] } },
      "ux": { "seq": { "column": "ease", "scale": [1, 5] } } } ] }
EOF

# ---- aggregates, worked by hand ------------------------------------------------------------------
run 0 "a small survey" -- survey "$T/a.csv" "$T/m.json" "$T/o.json"
json "$T/o.json" 'd.sets.map((s) => s.id).join() === "all,business,leisure"' "sets: All, then the labelled segments in label order"
# CSAT: food 5, 4, (x invalid), (99 N/A), 2, 1 -> counts of answers 1..5.
json "$T/o.json" 'set("all", "food").cx.csat.counts.join() === "1,1,0,1,1"' "CSAT counts; 99 is N/A, x is not used"
# NPS: 10, 9, 0, (11: its own N/A), 7, 6 -> promoters 2, passives 1, detractors 2 (0 is a real answer).
json "$T/o.json" '((r) => r.promoters === 2 && r.passives === 1 && r.detractors === 2)(set("all", "food").cx.nps)' "NPS counts with the reading's own N/A list"
# SEQ on 1-5 placed on 1-7: 5, 4, 3, (N/A), (blank), 1 -> 7, 5.5, 4, 1: mean 4.375, sample SD
# sqrt(((2.625)^2 + (1.125)^2 + (0.375)^2 + (3.375)^2) / 3) = sqrt(6.5625) = 2.5617376914898995.
json "$T/o.json" '((r) => near(r.mean, 4.375) && near(r.sd, Math.sqrt(6.5625)) && r.n === 4)(set("all", "food").ux.seq)' "SEQ mean, SD and n on 1-7"
# Segments: Business = respondents 1, 2, 5; Leisure = 3, 4.
json "$T/o.json" '((r) => near(r.mean, 6.25) && r.n === 2)(set("business", "food").ux.seq)' "Business: SEQ 7 and 5.5"
json "$T/o.json" 'set("business", "food").cx.csat.counts.join() === "0,1,0,1,1"' "Business: CSAT counts"
json "$T/o.json" '((r) => r.promoters === 0 && r.passives === 0 && r.detractors === 1)(set("leisure", "food").cx.nps)' "Leisure: one detractor (0), the 11 is N/A"
json "$T/o.json" 'd.drivers && d.drivers.outcome === "overall" && d.drivers.touchpoints.food' "drivers of the outcome, per touchpoint"
has 'row 4, column `food`: "x" is neither an answer from 1 to 5 nor an N/A code' err "an invalid cell is reported with its row and column"
has "a.csv:4:7: warning" err "...and its line and character column"
has "1 rows have a blank or unlabelled answer in a segment column" err "unlabelled segment answers are reported"
hasnt ":0:0:" err "a warning about the whole file has no made-up line 0, column 0"
has "6 rows, 3 measurement sets, 3 N/A and 1 blank cells, 1 invalid cells not used" err "the summary line"
hasnt "abc" err "no weight column in this mapping: wt is not read"

# ---- weights -------------------------------------------------------------------------------------
node -e 'const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); m.weight = "wt";
         require("fs").writeFileSync(process.argv[2], JSON.stringify(m))' "$T/m.json" "$T/w.json"
run 0 "weighted" -- survey "$T/a.csv" "$T/w.json" "$T/w.out.json"
# Respondent 6's weight "abc" is no weight: the row is skipped and reported.
has 'row 7, column `wt`: "abc" is neither a weight (a number, 0 or more)' err "a bad weight is reported with its row"
# CSAT answers 5 (w 1), 4 (w 2), 2 (w 1): W 4, Σw² 6, Kish n 16/6; counts = share × n.
json "$T/w.out.json" '((r) => [0, 1/4, 0, 2/4, 1/4].every((p, i) => near(r.counts[i], p * 16 / 6)) && r.weighted.n === 3)(set("all", "food").cx.csat)' "weighted CSAT shares on Kish's n"
# NPS 10 (1), 9 (2), 0 (1), 7 (1): W 5, Σw² 7, n 25/7: promoters 3/5, passives 1/5, detractors 1/5.
json "$T/w.out.json" '((r) => near(r.promoters, 0.6 * 25 / 7) && near(r.passives, 0.2 * 25 / 7) && near(r.detractors, 0.2 * 25 / 7) && r.weighted.n === 4)(set("all", "food").cx.nps)' "weighted NPS"
# SEQ 7 (1), 5.5 (2), 4 (1): mean 22/4 = 5.5; Σw(y-m)²/W = (2.25 + 0 + 2.25)/4 = 1.125; × n/(n-1) with n = 8/3: 1.8.
json "$T/w.out.json" '((r) => near(r.mean, 5.5) && near(r.sd, Math.sqrt(1.8)) && near(r.n, 8 / 3))(set("all", "food").ux.seq)' "weighted mean and SD on Kish's n"

# ---- CSV quirks: BOM, CRLF, semicolons, quoted fields, decimal comma, spaces around headers -------
{
    printf '\xef\xbb\xbfid;"seg";"rec  ";food ;ease;wt;overall\r\n'
    printf '1;1;10;5;5;1;5\r\n2;"1";9;4;4;2;4\r\n3;2;0;x;3;1;3\r\n4;2;11;99;N/A;0,5;2\r\n5;1;7;2;;1;1\r\n6;3;6;1;1;abc;2\r\n'
} >"$T/quirks.csv"
run 0 "an export with quirks" -- survey "$T/quirks.csv" "$T/w.json" "$T/q.json"
json "$T/q.json" 'JSON.stringify(d.touchpoints) === JSON.stringify(JSON.parse(require("fs").readFileSync(process.argv[1].replace("q.json", "w.out.json"), "utf8")).touchpoints)' "the same journey as from the plain file (0,5 read as 0.5)"

# ---- standard input ----------------------------------------------------------------------------
if "$UXCX" survey - "$T/m.json" "$T/stdin.json" <"$T/a.csv" 2>/dev/null && cmp -s "$T/stdin.json" "$T/o.json"; then ok; else fail "DATA '-' reads the answers from standard input"; fi

# ---- seeded bootstrap: reproducible ------------------------------------------------------------
run 0 "bootstrap" -- survey "$T/a.csv" "$T/m.json" "$T/b1.json" --bootstrap 40 --seed 3
run 0 "bootstrap again" -- survey "$T/a.csv" "$T/m.json" "$T/b2.json" --bootstrap 40 --seed 3
if cmp -s "$T/b1.json" "$T/b2.json"; then ok; else fail "the same seed gives the same intervals"; fi
json "$T/b1.json" '((x) => typeof x.low === "number" && x.low <= x.high)(d.drivers.touchpoints.food)' "a bootstrap interval is stored"
json "$T/o.json" 'd.drivers.touchpoints.food.low === undefined' "none without --bootstrap"

# ---- errors in the files: exit 1, saying where ---------------------------------------------------
sed 's/"column": "food"/"column": "fod"/' "$T/m.json" >"$T/typo.json"
run 1 "a column the CSV does not have" -- survey "$T/a.csv" "$T/typo.json" "$T/x.json"
has 'the CSV has no column `fod`' err "names the missing column"
has 'did you mean `food`?' err "and suggests the closest header"
has "/touchpoints/0/cx/csat/column" err "and says where in the mapping"
if [ -e "$T/x.json" ]; then fail "nothing is written on errors"; else ok; fi
printf '{ "title": "T",\n  "stages": [ }' >"$T/broken.json"
run 1 "a mapping that is not JSON" -- survey "$T/a.csv" "$T/broken.json" "$T/x.json"
has "broken.json:2:15: error" err "a broken mapping is located by line and column"
run 1 "no such answers file" -- survey "$T/nope.csv" "$T/m.json" "$T/x.json"
has "nope.csv: error: cannot open" err "a missing file is named"
run 1 "no such mapping" -- survey "$T/a.csv" "$T/nope.json" "$T/x.json"
printf 'id,seg,rec,food,ease,wt,overall\n1,1,10,"5\n' >"$T/unclosed.csv"
run 1 "an unclosed quote" -- survey "$T/unclosed.csv" "$T/m.json" "$T/x.json"
has "unclosed.csv:2:8: error: (root): a quoted field is never closed" err "an unclosed quote is located"

# ---- usage: exit 2 ------------------------------------------------------------------------------
run 2 "too few arguments" -- survey "$T/a.csv" "$T/m.json"
has "expected DATA.csv MAPPING.json OUT.json" err "says what is expected"
run 2 "an unknown option" -- survey "$T/a.csv" "$T/m.json" "$T/x.json" --frob
has 'unknown option `--frob`' err "names the option"
run 2 "a bad method" -- survey "$T/a.csv" "$T/m.json" "$T/x.json" --method magic
run 2 "a bootstrap that is not a number" -- survey "$T/a.csv" "$T/m.json" "$T/x.json" --bootstrap ten

finish
