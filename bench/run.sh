#!/usr/bin/env bash
# Benchmark of pekppp batch scoring, measured side by side in one run (issue 3, "Scale and speed").
#
#   bench/run.sh > bench-results.md        the Markdown report goes to stdout, progress to stderr
#
# Environment:
#   PEKPPP_BENCH_DATA   where the generated data sets live (default: $TMPDIR/pekppp-bench-data);
#                       kept between runs, regenerated when gen_units.py or the seed changes
#   PEKPPP_BENCH_BUILD  Release build folder of the tool (default: <repo>/build-bench)
#   PEKPPP_BENCH_TOOL   measure this pekppp binary instead of building one
#   REPS                timed repetitions per measurement, median reported (default 3)
#   SEED                generator seed (default 1)
#   JOBS                parallel jobs for building (default: nproc)
#
# Each measurement runs once untimed (warm page cache, and detects an unsupported flag), then
# REPS times under /usr/bin/time -f '%e %M'. The table shows the median of %e (10 ms steps), the
# median wall time from a nanosecond clock taken around the same runs, and the median peak RSS.
# Ratios use the nanosecond wall times.
set -u
export LC_ALL=C

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/bench
RUBRIC=$ROOT/rubrics/pekppp-2022-luring.yaml
BUILD=${PEKPPP_BENCH_BUILD:-$ROOT/build-bench}
DATA=${PEKPPP_BENCH_DATA:-${TMPDIR:-/tmp}/pekppp-bench-data}
REPS=${REPS:-3}
SEED=${SEED:-1}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
TOOL=$BUILD/pekppp
BARE=$BENCH/bare_parse
TIME=/usr/bin/time

log() { printf '%s\n' "$*" >&2; }
die() { log "run.sh: $*"; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pekppp-bench-run.XXXXXX") || die "cannot make a temp dir"
trap 'rm -rf "$WORK"' EXIT

# ---------------------------------------------------------------------------------------------
# Prerequisites
# ---------------------------------------------------------------------------------------------
command -v python3 >/dev/null || die "python3 is required (data generator)"
command -v cmake >/dev/null || die "cmake is required"
command -v pkg-config >/dev/null || die "pkg-config is required"
if [ ! -x "$TIME" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        log "installing GNU time (apt-get install -y time)"
        apt-get install -y time >&2 || die "cannot install GNU time"
    else
        die "$TIME (GNU time) is required: apt-get install time"
    fi
fi

HAVE_PYYAML=0
if python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null; then
    HAVE_PYYAML=1
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "PyYAML with its C loader is missing: apt-get install -y python3-yaml"
    apt-get install -y python3-yaml >&2 && python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null \
        && HAVE_PYYAML=1
fi
[ "$HAVE_PYYAML" = 1 ] || log "PyYAML (C loader) not available: the Python row is skipped"

# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------
if [ -n "${PEKPPP_BENCH_TOOL:-}" ]; then
    TOOL=$PEKPPP_BENCH_TOOL
    BUILD="given by PEKPPP_BENCH_TOOL"
    log "using the tool $TOOL as given (not built)"
else
    log "building the tool (Release) in $BUILD"
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DPEKPPP_BUILD_TESTS=OFF \
        >"$WORK/cmake.log" 2>&1 || { cat "$WORK/cmake.log" >&2; die "cmake configure failed"; }
    cmake --build "$BUILD" -j "$JOBS" >>"$WORK/cmake.log" 2>&1 \
        || { tail -40 "$WORK/cmake.log" >&2; die "build failed"; }
fi
[ -x "$TOOL" ] || die "no executable $TOOL"

log "building bench/bare_parse"
# shellcheck disable=SC2046
cc -O2 -o "$BARE" "$BENCH/bare_parse.c" $(pkg-config --cflags --libs yaml-0.1) \
    || die "cannot build bare_parse"

# ---------------------------------------------------------------------------------------------
# Data sets (kept in $DATA; a stamp records the generator's checksum and the seed)
# ---------------------------------------------------------------------------------------------
mkdir -p "$DATA" || die "cannot create $DATA"
GEN_SUM=$( (cat "$BENCH/gen_units.py" "$RUBRIC"; echo "seed=$SEED") | cksum | cut -d' ' -f1)

gen_dir() {   # gen_dir NAME COUNT
    local name=$1 count=$2 stamp="$DATA/.$1.stamp"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$GEN_SUM $count" ]; then
        log "data: $DATA/$name exists"
        return 0
    fi
    log "data: generating $count units into $DATA/$name"
    rm -rf "${DATA:?}/$name" "$stamp"
    python3 "$BENCH/gen_units.py" --rubric "$RUBRIC" --count "$count" --seed "$SEED" \
        --out "$DATA/$name" || die "generator failed for $name"
    echo "$GEN_SUM $count" >"$stamp"
}
gen_csv() {   # gen_csv NAME COUNT
    local name=$1 count=$2 stamp="$DATA/.$1.stamp"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$GEN_SUM $count" ]; then
        log "data: $DATA/$name exists"
        return 0
    fi
    log "data: generating a $count-row sheet $DATA/$name"
    rm -f "$DATA/$name" "$stamp"
    python3 "$BENCH/gen_units.py" --rubric "$RUBRIC" --count "$count" --seed "$SEED" \
        --format csv --out "$DATA/$name" || die "generator failed for $name"
    echo "$GEN_SUM $count" >"$stamp"
}
gen_long() {  # gen_long NAME COUNT: one row per unit x indicator
    local name=$1 count=$2 stamp="$DATA/.$1.stamp"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$GEN_SUM $count" ]; then
        log "data: $DATA/$name exists"
        return 0
    fi
    log "data: generating a long-format sheet of $count units $DATA/$name"
    rm -f "$DATA/$name" "$stamp"
    python3 "$BENCH/gen_units.py" --rubric "$RUBRIC" --count "$count" --seed "$SEED" \
        --format long --out "$DATA/$name" || die "generator failed for $name"
    echo "$GEN_SUM $count" >"$stamp"
}
# The 100,000-row sheet saved as .xlsx by a real spreadsheet program (LibreOffice, headless;
# about 15 s, once).  Without LibreOffice the workbook row is reported as skipped.
gen_xlsx() {  # gen_xlsx CSV_NAME
    local csv=$1 name=${1%.csv}.xlsx stamp="$DATA/.${1%.csv}.xlsx.stamp" prof
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(cat "$DATA/.$csv.stamp")" ]; then
        log "data: $DATA/$name exists"
        return 0
    fi
    command -v soffice >/dev/null || { log "LibreOffice (soffice) missing: no workbook"; return 1; }
    log "data: saving $csv as $name with LibreOffice"
    prof=$(mktemp -d "${TMPDIR:-/tmp}/pekppp-bench-lo.XXXXXX")
    rm -f "$DATA/$name" "$stamp"
    soffice --headless "-env:UserInstallation=file://$prof" --convert-to xlsx --outdir "$DATA" \
        "$DATA/$csv" >&2 || { rm -rf "$prof"; die "LibreOffice could not convert $csv"; }
    rm -rf "$prof"
    cp "$DATA/.$csv.stamp" "$stamp"
}
gen_dir u1k 1000
gen_dir u10k 10000
gen_dir u100k 100000
gen_csv sheet100k.csv 100000
gen_long long10k.csv 10000
HAVE_XLSX=0
gen_xlsx sheet100k.csv && HAVE_XLSX=1

# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------
ROWS=()          # Markdown rows, in order
declare -A WALL  # key -> median ns-clock wall seconds (only for rows that ran)
declare -A RSS   # key -> median peak RSS KB

median() { sort -g | awk '{v[NR]=$1} END {if (NR) print v[int((NR+1)/2)]}'; }

# measure KEY "LABEL" CMD...   -> adds a row; sets WALL[KEY], RSS[KEY] on success
measure() {
    local key=$1 label=$2 i rc t0 t1 first te tkb
    shift 2
    log "measure: $label"
    "$@" >"$WORK/out" 2>"$WORK/err"
    rc=$?
    if [ "$rc" != 0 ]; then
        first=$(grep -m1 . "$WORK/err" | cut -c1-100 | tr '|' '/')
        if [ "$rc" = 2 ]; then
            ROWS+=("| $label | not supported yet | | | exit 2: ${first:-usage error} |")
        else
            ROWS+=("| $label | failed | | | exit $rc: ${first:-no message} |")
        fi
        log "  -> exit $rc: $first"
        return 1
    fi
    : >"$WORK/e" ; : >"$WORK/ns" ; : >"$WORK/kb"
    for ((i = 0; i < REPS; i++)); do
        t0=$(date +%s%N)
        "$TIME" -f '%e %M' -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err"
        rc=$?
        t1=$(date +%s%N)
        if [ "$rc" != 0 ]; then
            first=$(grep -m1 . "$WORK/err" | cut -c1-100 | tr '|' '/')
            ROWS+=("| $label | failed | | | exit $rc on a timed run: ${first:-no message} |")
            return 1
        fi
        read -r te tkb < <(tail -n1 "$WORK/time")
        echo "$te" >>"$WORK/e"
        echo "$tkb" >>"$WORK/kb"
        echo $(((t1 - t0) / 1000)) | awk '{printf "%.6f\n", $1 / 1e6}' >>"$WORK/ns"
    done
    local e ns kb
    e=$(median <"$WORK/e")
    ns=$(median <"$WORK/ns")
    kb=$(median <"$WORK/kb")
    WALL[$key]=$ns
    RSS[$key]=$kb
    ROWS+=("$(awk -v l="$label" -v e="$e" -v ns="$ns" -v kb="$kb" -v r="$REPS" \
        'BEGIN {printf "| %s | %.3f | %.2f | %.1f | median of %d |", l, ns, e, kb / 1024, r}')")
    log "  -> $ns s, $kb KB"
    return 0
}

D1=$DATA/u1k
D10=$DATA/u10k
D100=$DATA/u100k
SHEET=$DATA/sheet100k.csv
NFILES=$(find "$D10" -type f -name '*.yaml' | wc -l)

measure bare "bare libyaml parse, $NFILES files (bare_parse)" "$BARE" "$D10"
measure j1 "pekppp score -q -j1 -f json, 10k files" "$TOOL" score -q -j1 -f json -o /dev/null "$D10"
measure j2 "pekppp score -q -j2 -f json, 10k files" "$TOOL" score -q -j2 -f json -o /dev/null "$D10"
measure t1 "pekppp score -q -j1 (text ranking), 10k files" "$TOOL" score -q -j1 -o /dev/null "$D10"
measure t2 "pekppp score -q -j2 (text ranking), 10k files" "$TOOL" score -q -j2 -o /dev/null "$D10"
if [ "$HAVE_PYYAML" = 1 ]; then
    measure py "Python + PyYAML CSafeLoader + Fraction, 10k files" \
        python3 "$BENCH/score_pyyaml.py" --rubric "$RUBRIC" "$D10"
else
    ROWS+=("| Python + PyYAML CSafeLoader, 10k files | skipped | | | PyYAML (C loader) missing, not root |")
fi
measure m1 "pekppp score -j1 -f json, 1,000 units (memory)" "$TOOL" score -j1 -f json -o /dev/null "$D1"
measure m10 "pekppp score -j1 -f json, 10,000 units (memory)" "$TOOL" score -j1 -f json -o /dev/null "$D10"
measure m100 "pekppp score -j1 -f json, 100,000 units (memory)" "$TOOL" score -j1 -f json -o /dev/null "$D100"
measure m100t "pekppp score -j1 (text), 100,000 units (memory)" "$TOOL" score -j1 -o /dev/null "$D100"
measure csv "pekppp score -f csv, 100,000-row sheet" "$TOOL" score -f csv -o /dev/null "$SHEET"
measure long "pekppp score -f csv, long-format sheet, 10,000 units x 31 rows" \
    "$TOOL" score -f csv -o /dev/null "$DATA/long10k.csv"
if [ "$HAVE_XLSX" = 1 ]; then
    measure xlsx "pekppp score -f csv, the 100,000-row sheet as .xlsx (LibreOffice)" \
        "$TOOL" score -f csv -o /dev/null "$DATA/sheet100k.xlsx"
else
    ROWS+=("| 100,000-row .xlsx | skipped | | | LibreOffice missing: no workbook |")
fi

# Cross-check: the tool and the Python script agree on the exact mean of the 10k set.
CHECK="not run"
if [ -n "${WALL[j1]:-}" ] && [ "$HAVE_PYYAML" = 1 ]; then
    if "$TOOL" score -q -f json -o "$WORK/batch.json" "$D10" 2>/dev/null \
        && python3 "$BENCH/score_pyyaml.py" --rubric "$RUBRIC" "$D10" >"$WORK/py.txt" 2>/dev/null; then
        tm=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]), parse_float=str, parse_int=str); s=d["summary"]; print(s["mean"], s["grade"], s["scored"])' "$WORK/batch.json")
        pm=$(tail -n1 "$WORK/py.txt" | awk '{print $2, $3, substr($4, 2)}')
        if [ "$tm" = "$pm" ]; then CHECK="same mean, grade and count ($tm)"
        else CHECK="DIFFERENT: tool '$tm', python '$pm'"; fi
    else
        CHECK="could not run"
    fi
fi

# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
ratio() {   # ratio A B -> A/B with 2 decimals, or "n/a"
    local a=${WALL[$1]:-} b=${WALL[$2]:-}
    if [ -n "$a" ] && [ -n "$b" ]; then awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a / b}'
    else echo "n/a"; fi
}
verdict() { # verdict VALUE OP LIMIT
    [ "$1" = "n/a" ] && { echo "n/a"; return; }
    awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {
        ok = (op == "<=") ? (v <= l) : (v < l); printf "%s", ok ? "met" : "MISSED" }'
}

CPU=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null)
PYV=$(python3 -c 'import sys; print(sys.version.split()[0])' 2>/dev/null)
PYYV=$(python3 -c 'import yaml; print(yaml.__version__)' 2>/dev/null || echo none)
BYTES10=$(du -sb "$D10" 2>/dev/null | cut -f1)

echo "# pekppp benchmark"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); host: $(uname -srm)"
echo "- CPU: ${CPU:-unknown}; cores: $(nproc 2>/dev/null)"
echo "- tool: $("$TOOL" version 2>/dev/null | head -n1) ($TOOL, Release build: $BUILD); libyaml $(pkg-config --modversion yaml-0.1); $(cc --version | head -n1)"
echo "- Python $PYV, PyYAML $PYYV; data: $DATA (seed $SEED), 10k set $NFILES files, ${BYTES10:-?} bytes"
echo "- each row: one untimed warm-up, then $REPS timed run(s) under \`/usr/bin/time -f '%e %M'\`; medians"
echo
echo "| measurement | wall s | wall s (%e) | peak RSS MB | note |"
echo "|---|---:|---:|---:|---|"
for r in "${ROWS[@]}"; do echo "$r"; done
echo
R1=$(ratio j1 bare); R2=$(ratio j2 bare); P1=$(ratio j1 py); P2=$(ratio j2 py)
T1=$(ratio t1 bare); T2=$(ratio t2 bare)
RSS100=n/a; [ -n "${RSS[m100]:-}" ] && RSS100=$(awk -v k="${RSS[m100]}" 'BEGIN {printf "%.1f", k / 1024}')
RSS100T=n/a; [ -n "${RSS[m100t]:-}" ] && RSS100T=$(awk -v k="${RSS[m100t]}" 'BEGIN {printf "%.1f", k / 1024}')
CSVS=n/a; [ -n "${WALL[csv]:-}" ] && CSVS=$(awk -v s="${WALL[csv]}" 'BEGIN {printf "%.3f", s}')
LONGS=n/a; [ -n "${WALL[long]:-}" ] && LONGS=$(awk -v s="${WALL[long]}" 'BEGIN {printf "%.3f", s}')
XLSXS=n/a; [ -n "${WALL[xlsx]:-}" ] && XLSXS=$(awk -v s="${WALL[xlsx]}" 'BEGIN {printf "%.3f", s}')
XLSXM=n/a; [ -n "${RSS[xlsx]:-}" ] && XLSXM=$(awk -v k="${RSS[xlsx]}" 'BEGIN {printf "%.1f", k / 1024}')
echo "| ratio / target | value | target | verdict |"
echo "|---|---:|---:|---|"
echo "| tool -j1 / bare parse | $R1 | <= 1.2 | $(verdict "$R1" "<=" 1.2) |"
echo "| tool -j2 / bare parse | $R2 | <= 0.7 | $(verdict "$R2" "<=" 0.7) |"
echo "| tool -j1 / bare parse, text output | $T1 | <= 1.2 | $(verdict "$T1" "<=" 1.2) |"
echo "| tool -j2 / bare parse, text output | $T2 | <= 0.7 | $(verdict "$T2" "<=" 0.7) |"
echo "| tool -j1 / Python | $P1 | | |"
echo "| tool -j2 / Python | $P2 | | |"
echo "| peak RSS at 100,000 units, JSON (MB) | $RSS100 | < 32 | $(verdict "$RSS100" "<" 32) |"
echo "| peak RSS at 100,000 units, text (MB) | $RSS100T | < 32 | $(verdict "$RSS100T" "<" 32) |"
echo "| 100,000-row sheet (s) | $CSVS | < 1 | $(verdict "$CSVS" "<" 1) |"
echo "| long-format sheet, 10,000 units x 31 rows (s) | $LONGS | < 1 | $(verdict "$LONGS" "<" 1) |"
echo "| 100,000-row .xlsx (s) | $XLSXS | < 3 | $(verdict "$XLSXS" "<" 3) |"
echo "| 100,000-row .xlsx, peak RSS (MB) | $XLSXM | < 64 | $(verdict "$XLSXM" "<" 64) |"
echo
echo "Cross-check on the 10k set (tool vs Python: mean, grade, units): $CHECK"
