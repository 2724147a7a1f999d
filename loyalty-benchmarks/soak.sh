#!/usr/bin/env bash
# Soak of the command line at scale (issue 15): the sample shop's purchases at 10M and 50M rows, written as CSV, then
# read end to end by `cohort`, `rfm` and `report` under a stated heap; records the wall time, the peak resident set
# size (GNU time's %M) and the exit code of every run, and prints them as Markdown rows for RESULTS.md.
#
# Not a unit test: it takes minutes to hours and gigabytes of disk. Usage (from the repository root):
#
#   loyalty-benchmarks/soak.sh                    # 10M and 50M purchases, -Xmx8g, files under /tmp/loyalty-soak
#   SOAK_XMX=4g loyalty-benchmarks/soak.sh 10000000
#   SOAK_DIR=/data/soak loyalty-benchmarks/soak.sh 50000000
#   SOAK_JAR=/tmp/loyalty.jar loyalty-benchmarks/soak.sh   # a copy of the jar, while a build replaces the original
#
# Needs: a JDK 17+, GNU time (/usr/bin/time), about 2 GB of disk per 50M purchases. The purchase files are kept for
# reruns (delete SOAK_DIR to regenerate). A run that needs more heap than it has ends with exit 2 and one line saying
# so (the command line catches OutOfMemoryError); the table shows that exit code.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${SOAK_JAR:-$root/loyalty-cli/target/loyalty-cli-0.1.0-SNAPSHOT-all.jar}"
xmx="${SOAK_XMX:-8g}"
work="${SOAK_DIR:-/tmp/loyalty-soak}"
sizes=("$@")
if [[ ${#sizes[@]} -eq 0 ]]; then
    sizes=(10000000 50000000)
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "soak: needs GNU time at /usr/bin/time (apt-get install time)" >&2
    exit 2
fi
if [[ ! -f "$jar" ]]; then
    "$root/mvnw" -B -q -f "$root/pom.xml" -pl loyalty-cli -am -DskipTests -Dspotless.check.skip=true package
fi
mkdir -p "$work"
echo "soak: $(java -version 2>&1 | head -1), -Xmx$xmx, $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB," \
    "$(date -u +%Y-%m-%dT%H:%MZ)" >&2

# one run: prints "| purchases | command | seconds | peak RSS MiB | exit |"
measure() {
    local n="$1" label="$2"
    shift 2
    local stats="$work/time.txt" code=0
    /usr/bin/time -o "$stats" -f "%e %M" java "-Xmx$xmx" -jar "$jar" "$@" >/dev/null 2>"$work/stderr.txt" || code=$?
    read -r seconds kib <"$stats"
    printf '| %s | `%s` | %s | %s | %s |\n' "$n" "$label" "$seconds" "$((kib / 1024))" "$code"
    if [[ $code -ne 0 ]]; then
        sed 's/^/    /' "$work/stderr.txt" >&2
    fi
}

echo "| purchases | command | wall s | peak RSS MiB | exit |"
echo "| ---: | --- | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
    file="$work/purchases-$n.csv"
    if [[ ! -f "$file" ]]; then
        # the sample shop makes about 9.9 purchases a customer
        measure "$n" "sample --customers $((n / 10)) --out FILE" sample --customers "$((n / 10))" --out "$file"
    fi
    rows=$(($(wc -l <"$file") - 1))
    measure "$rows" "cohort" cohort --transactions "$file"
    measure "$rows" "rfm --calibration-end 2025-12-31" rfm --transactions "$file" --calibration-end 2025-12-31
    measure "$rows" "report" report --transactions "$file"
done
