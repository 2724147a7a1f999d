#!/usr/bin/env bash
# The whole report against the cohort matrix, end to end (issue 13): `loyalty cohort` and `loyalty report` on the same
# purchase file, each a fresh JVM, in alternating pairs (cohort, then report), timed by GNU time (wall seconds and the
# peak resident set size). Prints one Markdown row per pair for RESULTS.md: the load average before the pair, both
# times, the ratio report / cohort and both peaks. Not a JMH figure: JVM start-up, reading the CSV file and writing
# the output (to a file) are in it, as a user sees them.
#
# Usage (from the repository root):
#
#   loyalty-benchmarks/report-e2e.sh FILE [PAIRS]            # PAIRS defaults to 3
#   E2E_JAR=/tmp/loyalty.jar loyalty-benchmarks/report-e2e.sh FILE   # a copy of the jar, while a build replaces it
#   E2E_JAVA_OPTS=-Xmx4g loyalty-benchmarks/report-e2e.sh FILE       # JVM options of both commands
#
# FILE is a purchase CSV in the library's default format, for example the 10M sample shop of the benchmarks:
# `java -jar loyalty-cli/target/loyalty-cli-0.1.0-SNAPSHOT-all.jar sample --customers 1000000 --out FILE`.
# Needs a JDK 17+ (`java` on the PATH, or E2E_JAVA) and GNU time at /usr/bin/time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${E2E_JAR:-$root/loyalty-cli/target/loyalty-cli-0.1.0-SNAPSHOT-all.jar}"
java="${E2E_JAVA:-java}"
file="${1:?usage: report-e2e.sh FILE [PAIRS]}"
pairs="${2:-3}"
# shellcheck disable=SC2206
opts=(${E2E_JAVA_OPTS:-})
if [[ ! -x /usr/bin/time ]]; then
    echo "report-e2e: needs GNU time at /usr/bin/time (apt-get install time)" >&2
    exit 2
fi
[[ -f "$jar" ]] || { echo "report-e2e: no jar at $jar (build: ./mvnw -pl loyalty-cli -am package)" >&2; exit 2; }
out="$(mktemp -d /tmp/loyalty-e2e.XXXXXX)"
trap 'rm -rf "$out"' EXIT
echo "jar $jar; $("$java" -version 2>&1 | head -1); $(nproc) cores; $(grep MemTotal /proc/meminfo | tr -s ' ')"
echo "| pair | load before (1, 5 min) | \`loyalty cohort\` | \`loyalty report\` | ratio | max RSS cohort / report |"
echo "| ---: | --- | ---: | ---: | ---: | ---: |"
for ((i = 1; i <= pairs; i++)); do
    load="$(cut -d' ' -f1-2 /proc/loadavg | tr ' ' '/')"
    for cmd in cohort report; do
        if ! /usr/bin/time -f "%e %M" -o "$out/$cmd.time" "$java" "${opts[@]}" -jar "$jar" "$cmd" \
                --transactions "$file" >"$out/$cmd.out" 2>"$out/$cmd.err"; then
            echo "report-e2e: $cmd failed:" >&2
            cat "$out/$cmd.err" >&2
            exit 1
        fi
    done
    read -r cw cmem <"$out/cohort.time"
    read -r rw rmem <"$out/report.time"
    awk -v i="$i" -v load="$load" -v cw="$cw" -v cm="$cmem" -v rw="$rw" -v rm="$rmem" 'BEGIN {
        printf "| %d | %s | %.1f s | %.1f s | %.1fx | %.2f GB / %.2f GB |\n", i, load, cw, rw, rw / cw, cm / 1048576, rm / 1048576
    }'
done
