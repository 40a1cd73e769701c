#!/usr/bin/env bash
# Before/after: two pekppp binaries measured on the same workloads in one run,
# their runs interleaved (A B A B ...), so machine noise falls on both alike.
#
#   bench/compare.sh OLD_PEKPPP NEW_PEKPPP > compare.md
#
# Workloads: 10,000 generated unit files scored as text and as JSON with -j1,
# and a 100,000-row sheet as CSV (the data sets of bench/run.sh, generated the
# same way into $PEKPPP_BENCH_DATA).  REPS (default 5) timed runs each after
# one untimed warm-up; the table gives the median wall times and NEW/OLD.
set -u
export LC_ALL=C
[ $# -eq 2 ] || { echo "usage: bench/compare.sh OLD_PEKPPP NEW_PEKPPP" >&2; exit 2; }
OLD=$1 NEW=$2
for t in "$OLD" "$NEW"; do [ -x "$t" ] || { echo "compare.sh: no executable $t" >&2; exit 2; }; done
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUBRIC=$ROOT/rubrics/pekppp-2022-luring.yaml
DATA=${PEKPPP_BENCH_DATA:-${TMPDIR:-/tmp}/pekppp-bench-data}
REPS=${REPS:-5}
SEED=${SEED:-1}
mkdir -p "$DATA"

gen() { # gen NAME COUNT [csv]
    local out=$DATA/$1
    [ -e "$out" ] && return 0
    echo "data: generating $out" >&2
    python3 "$ROOT/bench/gen_units.py" --rubric "$RUBRIC" --count "$2" --seed "$SEED" \
        ${3:+--format csv} --out "$out" >&2 || exit 1
}
gen u10k 10000
gen sheet100k.csv 100000 csv

now_ns() { date +%s%N; }
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

echo "| workload | old (s) | new (s) | new/old |"
echo "|---|---:|---:|---:|"
row() { # row LABEL ARGS...
    local label=$1 i t0 a b
    shift
    : >"$DATA/.old" ; : >"$DATA/.new"
    "$OLD" "$@" >/dev/null 2>&1; "$NEW" "$@" >/dev/null 2>&1
    for ((i = 0; i < REPS; i++)); do
        t0=$(now_ns); "$OLD" "$@" >/dev/null 2>&1; echo $(( $(now_ns) - t0 )) >>"$DATA/.old"
        t0=$(now_ns); "$NEW" "$@" >/dev/null 2>&1; echo $(( $(now_ns) - t0 )) >>"$DATA/.new"
    done
    a=$(median <"$DATA/.old") b=$(median <"$DATA/.new")
    awk -v l="$label" -v a="$a" -v b="$b" \
        'BEGIN {printf "| %s | %.3f | %.3f | %.2f |\n", l, a / 1e9, b / 1e9, b / a}'
}
row "score -q -j1, 10k files, text" score -q -j1 -o /dev/null "$DATA/u10k"
row "score -q -j1 -f json, 10k files" score -q -j1 -f json -o /dev/null "$DATA/u10k"
row "score -q -j2, 10k files, text" score -q -j2 -o /dev/null "$DATA/u10k"
row "score -f csv, 100k-row sheet" score -q -f csv -o /dev/null "$DATA/sheet100k.csv"
