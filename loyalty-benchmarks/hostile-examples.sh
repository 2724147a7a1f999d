#!/usr/bin/env bash
# Replays every example of issue 15 ("the promises hold under hostile input, extreme values and scale") against the
# built command line, each in its own JVM with real files, devices and pipes, and checks the promise:
#
#   - exit 2 with ONE line on standard error naming what is wrong (no stack trace, no Java exception text), or
#   - exit 0 with a correct result (checked per example),
#   - never exit 0 with wrong or lost output, never exit 1 for bad data, never NaN or Infinity in any output.
#
# Prints one line per example (PASS/FAIL, exit code, the first 160 characters of standard error) and exits 1 when
# any example fails. The same examples run in process in the build: HostileExamplesTest (loyalty-cli).
#
# Usage (from the repository root, after `./mvnw -B -DskipTests package` or a first `./loyalty`):
#
#   loyalty-benchmarks/hostile-examples.sh
#   HOSTILE_JAR=/tmp/loyalty.jar loyalty-benchmarks/hostile-examples.sh
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${HOSTILE_JAR:-$root/loyalty-cli/target/loyalty-cli-0.1.0-SNAPSHOT-all.jar}"
[[ -f "$jar" ]] || { echo "hostile-examples: no jar at $jar (build with ./mvnw -B -DskipTests package)" >&2; exit 2; }
work="$(mktemp -d /tmp/loyalty-hostile.XXXXXX)"
trap 'rm -rf "$work"' EXIT
failures=0
total=0

# run NAME EXPECT CHECK -- ARGS...: EXPECT is "2" (bad input), "0" (a correct result) or "0|2"; CHECK is a shell
# expression over $out (standard output or the --out file), $err and $code that must hold (":" for none).
run() {
    local name="$1" expect="$2" check="$3"
    shift 4
    local stdout_target="$work/out.txt"
    if [[ -n "${STDOUT_TO:-}" ]]; then
        stdout_target="$STDOUT_TO"
    fi
    code=0
    timeout "${HOSTILE_TIMEOUT:-120}" java ${HOSTILE_JAVA_OPTS:--Xmx512m} -jar "$jar" "$@" >"$stdout_target" \
        2>"$work/err.txt" || code=$?
    out="$(cat "$work/out.txt" 2>/dev/null)"
    err="$(cat "$work/err.txt")"
    local verdict=PASS why=""
    if [[ $code -eq 124 ]]; then
        verdict=FAIL why="still running after ${HOSTILE_TIMEOUT:-120} s"
    elif [[ "|$expect|" != *"|$code|"* ]]; then
        verdict=FAIL why="exit $code, expected $expect"
    elif [[ $code -eq 2 ]] && [[ "$(printf '%s' "$err" | grep -c '')" -ne 1 ]]; then
        verdict=FAIL why="standard error is not one line"
    elif [[ $code -eq 2 ]] && ((${#err} > 2000)); then
        verdict=FAIL why="standard error is ${#err} characters"
    elif grep -Eq 'Exception|^\s+at |java\.lang\.' <<<"$err"; then
        verdict=FAIL why="Java exception text on standard error"
    elif grep -Eq 'NaN|Infinity' <<<"$out"; then
        verdict=FAIL why="NaN or Infinity in the output"
    elif ! eval "$check"; then
        verdict=FAIL why="check failed: $check"
    fi
    total=$((total + 1))
    if [[ $verdict == FAIL ]]; then
        failures=$((failures + 1))
    fi
    printf '%s %-62s exit %s %s| %s\n' "$verdict" "$name" "$code" "${why:+($why) }" "$(head -c 160 <<<"$err" | tr -d '\0' | head -1)"
}

w() { printf '%b' "$2" >"$work/$1"; echo "$work/$1"; }
big() { # a purchase file of about $2 MB whose line 2 holds $3
    local f="$work/$1"
    { printf 'customer_id,date,amount\n%b\n' "$3"; yes 'c1,2024-01-01,1.00' | head -c $(($2 * 1024 * 1024)); } >"$f"
    echo "$f"
}

# --- Overflow ---------------------------------------------------------------------------------------------------
p=$(w over.csv 'customer_id,date,amount\na,2024-01-01,90000000000000000.00\nb,2024-01-02,90000000000000000.00\n')
run "overflow: retention, two amounts of 9e16" 2 '[[ $err == *"over.csv:3"* ]]' -- retention --transactions "$p" --period 2024-01-01/2024-02-01
run "overflow: report, two amounts of 9e16" 2 '[[ $err == *"over.csv:3"* ]]' -- report --transactions "$p"
p=$(w max.csv 'customer_id,date,amount\na,2024-01-01,92233720368547758.07\na,2024-01-01,1.00\n')
run "overflow: rfm, 92233720368547758.07 + 1.00 on one day" 2 '[[ $err == *"max.csv:3"* ]]' -- rfm --transactions "$p" --calibration-end 2024-12-31
e=$(w ev.csv 'customer_id,date,event,points,tier,referred_customer_id\na,2024-01-01,earn,9000000000000000000,,\na,2024-01-02,earn,9000000000000000000,,\n')
run "overflow: program, two earns of 9e18 points" 2 '[[ $err == *"ev.csv"* ]]' -- program --events "$e"

# --- Encoding ---------------------------------------------------------------------------------------------------
p=$(w bad-utf8.csv 'customer_id,date,amount\nab\xff,2024-01-01,1.00\nab\xfe,2024-01-02,2.00\n')
run "encoding: invalid UTF-8 in an id (general path)" 2 '[[ $err == *"bad-utf8.csv:2"* && $err == *"customer_id"* ]]' -- cohort --transactions "$p"
p=$(big bad-utf8-big.csv 3 'ab\xff,2024-01-01,1.00\nab\xfe,2024-01-02,2.00')
run "encoding: invalid UTF-8 in an id (parallel path, 3 MB)" 2 '[[ $err == *"bad-utf8-big.csv:2"* ]]' -- cohort --transactions "$p"
printf '\xff\xfe' >"$work/utf16.csv"
printf 'customer_id,date,amount\na,2024-01-01,1.00\n' | iconv -f UTF-8 -t UTF-16LE >>"$work/utf16.csv"
run "encoding: a UTF-16 file" 2 '[[ $err == *"UTF-16"* ]]' -- cohort --transactions "$work/utf16.csv"

# --- Lost output ------------------------------------------------------------------------------------------------
STDOUT_TO=/dev/full run "lost output: report > /dev/full" 2 '[[ $err == *"standard output"* || $err == *"write"* ]]' -- report
STDOUT_TO=/dev/full run "lost output: sample > /dev/full" 2 ':' -- sample --customers 50
run "lost output: report --out /dev/full" 2 '[[ $err == *"/dev/full"* ]]' -- report --out /dev/full
run "lost output: report --out /proc/version" 2 '[[ $err == *"/proc/version"* ]]' -- report --out /proc/version
run "lost output: sample --out x.csv --responses-out x.csv" 2 '[[ $err == *"x.csv"* ]]' -- sample --customers 50 --out "$work/x.csv" --responses-out "$work/x.csv"

# --- Messages ---------------------------------------------------------------------------------------------------
p=$(big quote.csv 5 'a,2024-01-01,"1.00\nb,2024-01-02,2.00')
run "message: an unclosed quote in a 5 MB file" 2 '(( ${#err} < 600 ))' -- cohort --transactions "$p"
run "message: a directory as input" 2 '[[ $err == *"directory"* ]]' -- cohort --transactions "$work"
run "message: a device as input" 2 '[[ $err == *"/dev/null"* && $err != *"no such file"* ]]' -- cohort --transactions /dev/null
p=$(w nfe.csv 'customer_id,date,amount\na,2024-01-01,N\n')
run "message: no Java exception text (amount N)" 2 '[[ $err == *"nfe.csv:2"* ]]' -- cohort --transactions "$p"
run "message: no Java exception text (--point-value N)" 2 '[[ $err == *"--point-value"* ]]' -- program --point-value N

# --- NaN and Infinity -------------------------------------------------------------------------------------------
run "nan: survey --importance price=1e308 delivery=1e308" "0|2" ':' -- survey --importance price=1e308 --importance delivery=1e308 --importance range=1 --importance service=1 --format json
run "nan: value --expected-years 1e308" "0|2" '[[ $out != *9223372036854775807* ]]' -- value --expected-years 1e308
run "nan: survey --level 0.9999999999999999" "0|2" ':' -- survey --level 0.9999999999999999 --format json
s=$(w weights.csv 'respondent_id,date,question,score,weight\nr1,2024-01-01,nps,9,1e308\nr2,2024-01-01,nps,3,1e308\n')
run "nan: survey weights of 1e308" 2 '[[ $err == *"weights.csv"* ]]' -- survey --responses "$s" --format json
s=$(w tiny.csv 'respondent_id,date,question,score,weight\nr1,2024-01-01,nps,9,1e-320\nr2,2024-01-01,nps,3,1\n')
run "nan: survey weights of 1e-320" 2 '[[ $err == *"tiny.csv:2"* ]]' -- survey --responses "$s" --format json

# --- One outlier date -------------------------------------------------------------------------------------------
p=$(w far.csv 'customer_id,date,amount\na,0001-01-01,1.00\nb,2024-01-01,2.00\nb,2024-02-01,2.00\nc,9999-12-31,3.00\n')
run "outlier: cohort --granularity year" 2 '[[ $err == *"0001-01-01"* && $err == *"9999-12-31"* ]]' -- cohort --transactions "$p" --granularity year
run "outlier: report degrades a section, renders the rest" 0 '[[ $out == *"9999-12-31"* && $out == *"0001-01-01"* ]]' -- report --transactions "$p"
run "outlier: report --format json degrades a section" 0 '[[ $out == *"9999-12-31"* ]]' -- report --transactions "$p" --format json
run "outlier: report --format html degrades a section" 0 '[[ $(cat "$work/far.html") == *"9999-12-31"* ]]' -- report --transactions "$p" --format html --out "$work/far.html"
run "outlier: cohort --since 2000-01-01 --until 2100-01-01" 0 '[[ $err == *"2 rows"* || $out == *"2024"* ]]' -- cohort --transactions "$p" --since 2000-01-01 --until 2100-01-01
s=$(w far-s.csv 'respondent_id,date,question,score\nr1,0001-01-01,nps,9\nr2,9999-12-31,nps,3\n')
run "outlier: survey --by day --format json, 9,999 years" 2 '(( ${#out} < 100000 ))' -- survey --responses "$s" --by day --format json
run "outlier: retention --by day over 9,999 years" 2 '(( ${#out} < 100000 ))' -- retention --transactions "$p" --period 0001-01-01/9999-12-31 --by day

# --- Special functions ------------------------------------------------------------------------------------------
{
    echo customer_id,date,amount
    for c in $(seq 1 300); do
        for k in $(seq 0 $((c % 5))); do printf 'c%d,2024-%02d-%02d,25.00\n' "$c" $((1 + (c + 3 * k) % 12)) $((1 + (c * 7 + k) % 28)); done
    done
} >"$work/flat.csv"
run "special: clv fit pareto-nbd, every purchase 25.00" "0|2" ':' -- clv fit --model pareto-nbd --transactions "$work/flat.csv" --calibration-end 2024-12-31
run "special: clv predict --horizon 1e6" "0|2" ':' -- clv predict --model pareto-nbd --horizon 1e6 --transactions "$work/flat.csv" --calibration-end 2024-12-31
run "special: clv predict with spend, flat spend (q <= 1?)" "0|2" ':' -- clv predict --model bg-nbd --horizon 52 --transactions "$work/flat.csv" --calibration-end 2024-12-31
run "special: clv fit gamma-gamma, flat spend" "0|2" ':' -- clv fit --model gamma-gamma --transactions "$work/flat.csv" --calibration-end 2024-12-31

# --- Out of memory ----------------------------------------------------------------------------------------------
p=$(big oom.csv 40 'c0,2024-01-01,1.00')
HOSTILE_JAVA_OPTS=-Xmx24m run "out of memory: 40 MB under -Xmx24m" "0|2" '[[ $code -eq 0 || $err == *"out of memory"* ]]' -- report --transactions "$p"

# --- Silently lenient -------------------------------------------------------------------------------------------
p=$(w two-amounts.csv 'customer_id,date,amount,amount\na,2024-01-01,1.00,2.00\n')
run "lenient: two amount columns" 2 '[[ $err == *"amount"* ]]' -- cohort --transactions "$p"
p=$(w emspace.csv 'customer_id,date,amount\n\xe2\x80\x83a,2024-01-01,1.00\na,2024-01-02,2.00\n')
run "lenient: an id starting with an em space" "0|2" '[[ $code -eq 2 || $out == *"2 customers"* || $out != *"1 customer"* ]]' -- retention --transactions "$p" --period 2024-01-01/2024-02-01 --format json
p=$(w plus.csv 'customer_id,date,amount,quantity\na,2024-01-01,5.00,+2\n')
run "lenient: quantity +2 (one rule with amount +5.00)" 2 '[[ $err == *"quantity"* ]]' -- cohort --transactions "$p"
p=$(w plus-amount.csv 'customer_id,date,amount\na,2024-01-01,+5.00\n')
run "lenient: amount +5.00" 2 '[[ $err == *"amount"* ]]' -- cohort --transactions "$p"
p=$(w in-range.csv 'customer_id,date,amount\na,2024-01-01,5.00\na,2024-03-01,5.00\nb,2024-02-01,5.00\n')
r=$(w reviews.csv 'customer_id,date,rating,sentiment\na,2024-01-15,5,positive\nb,2019-01-01,1,negative\nb,2030-01-01,2,negative\n')
run "lenient: reviews outside the purchases' range are counted" 0 '[[ $out == *"2 reviews"* || $out == *"outside"* ]]' -- report --transactions "$p" --reviews "$r"

echo "$((total - failures)) of $total examples keep the promise"
((failures == 0))
