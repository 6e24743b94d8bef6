#!/usr/bin/env bash
# `uxcx drivers` tests: run by ctest as `drivers.sh UXCX_BINARY`. Published figures (R's `rwa` on
# mtcars, iopsych::relWt's matrix), CSV quirks of real exports, N/A codes, weights, listwise,
# seeded bootstrap, and the errors and exit codes a user meets. JSON is checked with node.
set -uo pipefail

UXCX=${1:?usage: drivers.sh UXCX_BINARY}
. "$(dirname "$0")/lib.sh"

# run CODE DESCRIPTION -- ARGS...: runs uxcx ARGS, stdout to $T/out, stderr to $T/err.
run() {
    local want=$1 what=$2
    shift 3
    "$UXCX" "$@" >"$T/out" 2>"$T/err"
    local got=$?
    if [ "$got" -eq "$want" ]; then ok; else fail "$what: exit $got, expected $want; stderr: $(head -c 400 "$T/err")"; fi
}
# json EXPR DESCRIPTION: the JavaScript expression over `d` (the parsed $T/out) is true.
json() {
    if node -e "const d = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
                const near = (a, b, eps) => Math.abs(a - b) <= eps;
                const sum = (f) => d.drivers.reduce((s, x) => s + x[f], 0);
                process.exit(($1) ? 0 : 1)" "$T/out" 2>"$T/jserr"; then
        ok
    else
        fail "$2: ($1) is false for $(head -c 700 "$T/out") $(head -c 300 "$T/jserr")"
    fi
}

# mtcars (R's datasets; Henderson & Velleman 1981, from Motor Trend 1974), the columns rwa's README
# uses, written as R's write.csv writes it: the row names' column has the empty header "".
cat >"$T/mtcars.csv" <<'EOF'
"","mpg","cyl","disp","hp","gear"
"Mazda RX4",21,6,160,110,4
"Mazda RX4 Wag",21,6,160,110,4
"Datsun 710",22.8,4,108,93,4
"Hornet 4 Drive",21.4,6,258,110,3
"Hornet Sportabout",18.7,8,360,175,3
"Valiant",18.1,6,225,105,3
"Duster 360",14.3,8,360,245,3
"Merc 240D",24.4,4,146.7,62,4
"Merc 230",22.8,4,140.8,95,4
"Merc 280",19.2,6,167.6,123,4
"Merc 280C",17.8,6,167.6,123,4
"Merc 450SE",16.4,8,275.8,180,3
"Merc 450SL",17.3,8,275.8,180,3
"Merc 450SLC",15.2,8,275.8,180,3
"Cadillac Fleetwood",10.4,8,472,205,3
"Lincoln Continental",10.4,8,460,215,3
"Chrysler Imperial",14.7,8,440,230,3
"Fiat 128",32.4,4,78.7,66,4
"Honda Civic",30.4,4,75.7,52,4
"Toyota Corolla",33.9,4,71.1,65,4
"Toyota Corona",21.5,4,120.1,97,3
"Dodge Challenger",15.5,8,318,150,3
"AMC Javelin",15.2,8,304,150,3
"Camaro Z28",13.3,8,350,245,3
"Pontiac Firebird",19.2,8,400,175,3
"Fiat X1-9",27.3,4,79,66,4
"Porsche 914-2",26,4,120.3,91,5
"Lotus Europa",30.4,4,95.1,113,5
"Ford Pantera L",15.8,8,351,264,5
"Ferrari Dino",19.7,6,145,175,5
"Maserati Bora",15,8,301,335,5
"Volvo 142E",21.4,4,121,109,4
EOF

# ---- rwa's README, to its printed precision ----------------------------------------------------
run 0 "mtcars relweights" -- drivers "$T/mtcars.csv" --outcome mpg --drivers cyl,disp,hp,gear --method relweights
json 'd.outcome === "mpg" && d.method === "relweights" && d.n === 32' "mtcars: outcome, method, n"
json 'near(d.r2, 0.7791896, 5e-8)' "mtcars: R² 0.7791896"
json '[0.2284797, 0.2221469, 0.2321744, 0.0963886].every((w, i) => near(d.drivers[i].importance, w, 5e-8))' "mtcars: raw weights"
json '[29.32274, 28.50999, 29.79691, 12.37037].every((w, i) => near(d.drivers[i].share, w, 5e-6))' "mtcars: rescaled weights"
json 'd.drivers.map(x => x.sign).join() === "-1,-1,-1,1"' "mtcars: signs - - - +"
json 'd.drivers.map(x => x.column).join() === "cyl,disp,hp,gear" && d.drivers.every(x => x.n === 32 && !("low" in x))' "mtcars: columns, n, no interval without --bootstrap"

run 0 "mtcars shapley (default)" -- drivers "$T/mtcars.csv" --outcome mpg --drivers cyl,disp,hp,gear
json 'd.method === "shapley" && near(sum("importance"), d.r2, 1e-12) && near(sum("share"), 100, 1e-9)' "shapley: importance sums to R², shares to 100"

# ---- seeded bootstrap --------------------------------------------------------------------------
run 0 "bootstrap seed 7" -- drivers "$T/mtcars.csv" --outcome mpg --drivers cyl,disp,hp,gear --bootstrap 200 --seed 7
cp "$T/out" "$T/boot7a"
json 'd.bootstrap === 200 && d.seed === 7 && d.drivers.every(x => x.low < x.importance && x.importance < x.high)' "bootstrap: intervals bracket the importance"
run 0 "bootstrap seed 7 again" -- drivers "$T/mtcars.csv" --outcome mpg --drivers cyl,disp,hp,gear --bootstrap 200 --seed 7
if cmp -s "$T/out" "$T/boot7a"; then ok; else fail "bootstrap: the same seed gave different output"; fi
run 0 "bootstrap seed 8" -- drivers "$T/mtcars.csv" --outcome mpg --drivers cyl,disp,hp,gear --bootstrap 200 --seed 8
if cmp -s "$T/out" "$T/boot7a"; then fail "bootstrap: another seed gave the same intervals"; else ok; fi

# ---- a real export's quirks: BOM, CRLF, semicolons, padded headers, N/A codes, text ------------
printf '\xef\xbb\xbfid;Overall  ;  wifi ;food\r\n1;5;4;3\r\n2;4;99;2\r\n3;2;1;N/A\r\n4;3;2;2\r\n5;5;5;4\r\n6;1;1;1\r\n7;4;3;abc\r\n8;2;2;1\r\n9;;3;3\r\n' >"$T/export.csv"
run 0 "semicolons, BOM, CRLF, padded headers" -- drivers "$T/export.csv" --outcome Overall --drivers wifi,food --na 99,N/A
json 'd.drivers[0].n === 7 && d.drivers[1].n === 6 && d.n === 5' "N/A codes, blank and text cells are missing: pairwise n 7 and 6, complete 5"
has 'export.csv:8:7: warning: column `food`: `abc` is neither a number nor an N/A code' err "text in a number column is reported with line and column"
# Without --na, 99 is an answer: the result changes (wifi's n grows by one).
run 0 "99 as an answer" -- drivers "$T/export.csv" --outcome Overall --drivers wifi,food
json 'd.drivers[0].n === 8' "without --na, 99 counts"
run 0 "listwise" -- drivers "$T/export.csv" --outcome Overall --drivers wifi,food --na 99,N/A --listwise
json 'd.drivers.every(x => x.n === 5) && d.n === 5' "--listwise: every n is the complete cases"

# A Qualtrics export: question texts and ImportIds under the header are not answers.
cat >"$T/qualtrics.csv" <<'EOF'
ResponseId,Q1,Q2,Q3
Response ID,"Overall, how satisfied were you?","The wifi was...
(1-5)",Food
"{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2""}","{""ImportId"":""QID3""}"
R_1,5,4,3
R_2,4,5,2
R_3,2,1,2
R_4,3,2,2
R_5,5,5,4
R_6,1,1,1
EOF
run 0 "Qualtrics header rows" -- drivers "$T/qualtrics.csv" --outcome Q1 --drivers Q2,Q3
json 'd.n === 6 && d.drivers.every(x => x.n === 6)' "Qualtrics: the two extra header rows are skipped, not counted as answers"
if [ -s "$T/err" ]; then fail "Qualtrics: no warnings expected, got $(head -c 300 "$T/err")"; else ok; fi
# Standard input.
"$UXCX" drivers - --outcome Q1 --drivers Q2,Q3 <"$T/qualtrics.csv" >"$T/out" 2>"$T/err" && ok || fail "stdin: $(cat "$T/err")"
json 'd.n === 6' "DATA - reads standard input"

# ---- weights: a weight of 2 is the row written twice -------------------------------------------
printf 'y,a,b,w\n1,2,1,1\n2,1,3,2\n3,4,2,1\n4,3,5,2\n5,5,4,1\n2,2,2,1\n' >"$T/w.csv"
printf 'y,a,b\n1,2,1\n2,1,3\n2,1,3\n3,4,2\n4,3,5\n4,3,5\n5,5,4\n2,2,2\n' >"$T/w2.csv"
run 0 "weighted" -- drivers "$T/w.csv" --outcome y --drivers a,b --weight w
cp "$T/out" "$T/weighted"
run 0 "copies" -- drivers "$T/w2.csv" --outcome y --drivers a,b
node -e 'const f = (p) => JSON.parse(require("fs").readFileSync(p, "utf8"));
         const a = f(process.argv[1]), b = f(process.argv[2]);
         process.exit(Math.abs(a.r2 - b.r2) < 1e-12 && a.drivers.every((x, i) => Math.abs(x.importance - b.drivers[i].importance) < 1e-12) && a.n === 6 ? 0 : 1)' \
    "$T/weighted" "$T/out" && ok || fail "weights: weight 2 should equal the row twice (n counts respondents: 6)"

# ---- a correlation matrix ----------------------------------------------------------------------
cat >"$T/R.csv" <<'EOF'
"",x1,x2,x3,x4,y
x1,1.0,0.2,0.3,0.4,-0.4
x2,0.2,1.0,0.5,0.1,0.1
x3,0.3,0.5,1.0,0.2,-0.3
x4,0.4,0.1,0.2,1.0,0.4
y,-0.4,0.1,-0.3,0.4,1.0
EOF
run 0 "iopsych matrix" -- drivers --matrix "$T/R.csv" --n 100 --method relweights
json 'd.outcome === "y" && near(d.r2, 0.6986045, 5e-8) && d.n === 100' "matrix: outcome y (the last), R² 0.6986045"
json '[0.24066119, 0.05492664, 0.12143476, 0.28158189].every((w, i) => near(d.drivers[i].importance, w, 5e-9))' "matrix: iopsych raw weights"
run 0 "matrix, chosen drivers" -- drivers --matrix "$T/R.csv" --n 100 --outcome y --drivers x4,x1
json 'd.drivers.map(x => x.column).join() === "x4,x1" && near(sum("share"), 100, 1e-9)' "matrix: --drivers picks and orders"
sed 's/^x3,0.3,0.5/x3,0.35,0.5/' "$T/R.csv" >"$T/asym.csv"
run 1 "asymmetric matrix" -- drivers --matrix "$T/asym.csv" --n 100
has "not symmetric" err "an asymmetric matrix is refused, saying why"

# ---- errors and exit codes ---------------------------------------------------------------------
run 1 "unknown column" -- drivers "$T/mtcars.csv" --outcome mpg --drivers cyl,wheels
has 'no column `wheels` in the header; the columns are: `` `mpg` `cyl`' err "unknown column named, with the columns there are"
run 2 "no outcome" -- drivers "$T/mtcars.csv" --drivers cyl
run 2 "outcome as a driver" -- drivers "$T/mtcars.csv" --outcome mpg --drivers mpg,cyl
run 2 "bad method" -- drivers "$T/mtcars.csv" --outcome mpg --drivers cyl --method lasso
run 2 "seed without bootstrap" -- drivers "$T/mtcars.csv" --outcome mpg --drivers cyl --seed 3
run 2 "matrix without n" -- drivers --matrix "$T/R.csv"
run 2 "bootstrap on a matrix" -- drivers --matrix "$T/R.csv" --n 10 --bootstrap 10
printf 'y,a\n1,3\n2,3\n3,3\n' >"$T/const.csv"
run 1 "constant driver" -- drivers "$T/const.csv" --outcome y --drivers a
has '`a` has no variance' err "a constant driver is named"
run 1 "missing file" -- drivers "$T/nope.csv" --outcome y --drivers a

finish
