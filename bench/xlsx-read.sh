#!/usr/bin/env bash
# The .xlsx reader on a wide workbook: time and peak RSS of reading every row.
#
#   bench/xlsx-read.sh [ROWS [COLS]]     (default 100000 x 40)
#
# Builds a Release library in build-bench-xlsx (or PEKPPP_BENCH_BUILD), writes
# the workbook with libxlsxwriter (bench/xlsx_make.c) into $TMPDIR, reads it
# with bench/xlsx_read.c (the reader's own API), REPS times (default 3), and
# prints each run's wall time and peak RSS from /usr/bin/time.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROWS=${1:-100000} COLS=${2:-40} REPS=${REPS:-3}
BUILD=${PEKPPP_BENCH_BUILD:-$ROOT/build-bench-xlsx}
TMP=${TMPDIR:-/tmp}
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DPEKPPP_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD" -j"${JOBS:-2}" --target pekppp >/dev/null
cc -O2 -o "$TMP/xlsx_make" "$ROOT/bench/xlsx_make.c" $(pkg-config --cflags --libs xlsxwriter)
cc -O2 -D_POSIX_C_SOURCE=200809L -I"$ROOT/include" -I"$ROOT/src/lib" -o "$TMP/xlsx_read" \
    "$ROOT/bench/xlsx_read.c" "$BUILD/libpekppp.a" \
    $(pkg-config --libs libzip expat yaml-0.1 libcjson xlsxwriter)
BOOK=$TMP/pekppp-bench-${ROWS}x${COLS}.xlsx
[ -e "$BOOK" ] || "$TMP/xlsx_make" "$BOOK" "$ROWS" "$COLS"
echo "workbook: $BOOK ($(stat -c %s "$BOOK") bytes; sheet XML $(unzip -l "$BOOK" xl/worksheets/sheet1.xml | awk 'NR==4{print $1}') bytes)"
for i in $(seq "$REPS"); do
    /usr/bin/time -f "run $i: %e s, peak RSS %M KB" "$TMP/xlsx_read" "$BOOK"
done
