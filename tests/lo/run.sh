#!/usr/bin/env bash
# The workbooks pekppp writes (-f xlsx), opened by a real client: LibreOffice.
#
#   tests/lo/run.sh PEKPPP_BINARY SOURCE_DIR
#
# Writes a batch workbook (a CSV sheet with formula-like names and a failing
# row, plus a JSON unit), a unit workbook and the fill-in workbook, in both
# languages, converts every sheet to CSV with headless LibreOffice (a private
# profile, a timeout) and checks with check_book.py that
#   - the ranking sheet has the batch CSV's units, values and order (same
#     index and grade text), the aspect sheet its aspect scores, the levels
#     sheet the inputs' answers, the recommendations the JSON's, the summary
#     the JSON's grade counts and mean, the failed sheet each failure with
#     its place, the receipt the rubric's and each input's SHA-256;
#   - no cell of any workbook is a formula, and names such as "=1+1",
#     "+cmd", "@SUM(A1:A9)" and =HYPERLINK(...) are string cells that
#     LibreOffice shows as that text;
#   - the sheet names follow --lang;
#   - with SOURCE_DATE_EPOCH two runs a second apart, -j 1 and -j 2, and a
#     pipe give the same bytes;
#   - a failed run leaves an existing -o file as it was and no temporary
#     file (a usage error after scoring; a write cut short by `ulimit -f`);
#   - -f xlsx to a terminal is refused with exit 2 (through `script`);
#   - the fill-in workbook has the layout of docs/formats.md ("Fill-in
#     workbook"): sheets, headers, keys, one row per indicator, level lists
#     with "na" only where allowed, protection, only the cells to fill
#     unlocked.
# Exit 0 when every check passes, 1 when one fails, 77 (skipped) without
# LibreOffice or python3.
set -u

bin=${1:?usage: run.sh PEKPPP_BINARY SOURCE_DIR}
src=${2:?usage: run.sh PEKPPP_BINARY SOURCE_DIR}
here=$src/tests/lo

soffice=${SOFFICE:-}
if [ -z "$soffice" ]; then
    for c in soffice libreoffice; do
        if command -v "$c" >/dev/null 2>&1; then
            soffice=$c
            break
        fi
    done
fi
if [ -z "$soffice" ]; then
    echo "lo.xlsx: skipped: this test needs LibreOffice (apt-get install libreoffice-calc)"
    exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "lo.xlsx: skipped: this test needs python3"
    exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home"
mkdir -p "$HOME" "$tmp/work"
export PEKPPP_RUBRIC_PATH="$src/rubrics" SOURCE_DATE_EPOCH=1767225600 LANG=C.UTF-8

failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() { # description, command...
    local what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

# Every sheet of BOOK as CSV in DIR (LibreOffice 7.4 writes BOOK-<sheet>.csv
# with the last token -1), the cells as shown (token 9 true: two decimals), UTF-8.
lo_csv() { # book dir
    mkdir -p "$2"
    timeout 300 "$soffice" -env:UserInstallation="file://$tmp/lo-profile" --headless \
        --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
        --outdir "$2" "$1" >>"$tmp/lo.log" 2>&1
}

cd "$tmp/work" || exit 2
cp "$here/batch/rumus.csv" rumus.csv
cp "$here/units/disdukcapil.json" disdukcapil.json
inputs=(rumus.csv disdukcapil.json)

# ---- the batch workbook, Indonesian and English ----
for lang in id en; do
    "$bin" score --lang "$lang" -q -f xlsx -o "rekap-$lang.xlsx" "${inputs[@]}" 2>/dev/null
    check "batch -f xlsx --lang $lang exits 3 (one unit failed)" [ $? = 3 ]
    "$bin" score --lang "$lang" -q -f csv -o "rekap-$lang.csv" "${inputs[@]}" 2>/dev/null
    "$bin" score --lang "$lang" -q -f json -o "rekap-$lang.json" "${inputs[@]}" 2>/dev/null
    lo_csv "rekap-$lang.xlsx" "lo-$lang"
    check "LibreOffice converts every sheet of the $lang batch workbook" \
        [ "$(ls "lo-$lang" | wc -l)" = 7 ]
    check "batch workbook ($lang) matches the batch CSV, JSON and inputs" \
        python3 "$here/check_book.py" batch "lo-$lang" "rekap-$lang" "rekap-$lang.csv" \
        "rekap-$lang.json" "$lang" "${inputs[@]}"
done
check "sheet names in Indonesian" python3 "$here/check_book.py" sheets rekap-id.xlsx \
    Ringkasan Peringkat "Nilai aspek" "Level indikator" Rekomendasi "Gagal dimuat" "Jejak perhitungan"
check "sheet names in English with --lang en" python3 "$here/check_book.py" sheets rekap-en.xlsx \
    Summary Ranking "Aspect scores" "Indicator levels" Recommendations Failed Receipt
check "no formula; formula-like names are string cells" \
    python3 "$here/check_book.py" xml rekap-id.xlsx "+cmd" "=1+1" "@SUM(A1:A9)" \
    '=HYPERLINK("http://contoh.invalid","klik")' "+62 Pemerintah Kabupaten"
check "LibreOffice shows =HYPERLINK(...) as its text" \
    grep -qF '"=HYPERLINK(""http://contoh.invalid"",""klik"")"' "lo-id/rekap-id-Peringkat.csv"
check "aspect scores have a colour scale" \
    sh -c 'unzip -p rekap-id.xlsx xl/worksheets/sheet3.xml | grep -q "<colorScale>"'
unzip -p rekap-id.xlsx xl/worksheets/sheet2.xml >ranking.xml
check "the ranking has a frozen header" grep -qF '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' ranking.xml
check "... and an autofilter over its rows (4 scored, 1 failed)" grep -qF '<autoFilter ref="A1:S6"/>' ranking.xml
unzip -p rekap-id.xlsx xl/charts/chart1.xml >chart.xml
check "the summary has a column chart of the grade counts" \
    sh -c 'grep -qF "<c:barChart>" chart.xml && grep -qF "<c:f>Ringkasan!\$C\$12:\$C\$20</c:f>" chart.xml'
check "the failed row is located file:line:column" grep -q '^rumus.csv,rumus.csv:5:82,3.a.T,' \
    "lo-id/rekap-id-Gagal dimuat.csv"
check "the receipt has the time of SOURCE_DATE_EPOCH" \
    grep -q '2026-01-01T00:00:00Z' "lo-id/rekap-id-Jejak perhitungan.csv"

# ---- reproducible: a second later, another -j, through a pipe ----
sleep 1.1
"$bin" score -q -j 2 -f xlsx -o again.xlsx "${inputs[@]}" 2>/dev/null
check "the same bytes a second later (SOURCE_DATE_EPOCH) and with -j 2" cmp -s rekap-id.xlsx again.xlsx
"$bin" score -q -j 1 -f xlsx "${inputs[@]}" 2>/dev/null | cat >piped.xlsx
check "the same bytes through a pipe" cmp -s rekap-id.xlsx piped.xlsx
check "the workbook says it was created at SOURCE_DATE_EPOCH" \
    sh -c 'unzip -p rekap-id.xlsx docProps/core.xml | grep -q "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z<"'

# ---- atomic -o: a failure leaves the old file and no temporary file ----
echo old >kept.xlsx
"$bin" score -q -f xlsx -o kept.xlsx --fail-under ZZ "${inputs[@]}" 2>/dev/null
rc=$?
check "a usage error after scoring exits 2" [ $rc = 2 ]
check "... and leaves the old -o file as it was" [ "$(cat kept.xlsx)" = old ]
check "... and no temporary file" [ -z "$(ls -A | grep '^\.kept\.xlsx\.')" ]
(trap '' XFSZ; ulimit -f 4; "$bin" score -q -f xlsx -o kept.xlsx "${inputs[@]}" 2>"$tmp/xfsz.err")
rc=$?
check "a write cut short (ulimit -f) fails with exit 4" [ $rc = 4 ]
check "... and leaves the old -o file as it was" [ "$(cat kept.xlsx)" = old ]
check "... and no temporary file" [ -z "$(ls -A | grep '^\.kept\.xlsx\.')" ]

# ---- a terminal is refused ----
if command -v script >/dev/null 2>&1; then
    script -qec "$bin score -f xlsx disdukcapil.json" /dev/null >tty.out 2>&1
    rc=$?
    check "score -f xlsx to a terminal exits 2" [ $rc = 2 ]
    check "... saying why (Indonesian)" grep -q 'beri -o BERKAS.xlsx' tty.out
    script -qec "$bin template --lang en -f xlsx" /dev/null >tty-en.out 2>&1
    rc=$?
    check "template -f xlsx to a terminal exits 2" [ $rc = 2 ]
    check "... saying why (English)" grep -q 'give -o FILE.xlsx' tty-en.out
else
    fail "the terminal check needs script(1) (util-linux)"
fi

# ---- one unit: the same sheets for that unit ----
mkdir one && cp disdukcapil.json one/
"$bin" score -f xlsx -o unit.xlsx one/disdukcapil.json
check "unit -f xlsx exits 0" [ $? = 0 ]
"$bin" score -q -f csv -o unit.csv one/disdukcapil.json
"$bin" score -q -f json -o unit.json one
lo_csv unit.xlsx lo-unit
check "unit workbook matches the unit's CSV, JSON and input" \
    python3 "$here/check_book.py" batch lo-unit unit unit.csv unit.json id one/disdukcapil.json
"$bin" score -f xlsx -o unit2.xlsx one/disdukcapil.json
check "unit workbook: the same bytes twice" cmp -s unit.xlsx unit2.xlsx
"$bin" score -f xlsx -o unit3.xlsx --set 1.a.Ak=5 one/disdukcapil.json 2>/dev/null
check "unit -f xlsx with --set is a usage error (a workbook shows no what-if)" [ $? = 2 ]

# ---- the fill-in workbook ----
"$bin" template -f xlsx -o formulir.xlsx
check "template -f xlsx exits 0" [ $? = 0 ]
lo_csv formulir.xlsx lo-form
check "fill-in workbook (id) has the layout of docs/formats.md" \
    python3 "$here/check_book.py" form formulir.xlsx lo-form formulir id \
    "$here/expected/pekppp-2022-luring.form.json"
"$bin" template --lang en -r "$src/tests/fixtures/rubric/small-two-aspects.yaml" -f xlsx -o form-en.xlsx
lo_csv form-en.xlsx lo-form-en
check "fill-in workbook (en, a rubric with na) has the layout" \
    python3 "$here/check_book.py" form form-en.xlsx lo-form-en form-en en \
    "$here/expected/small-two-aspects.form.json"
check "fill-in workbook: no formula" python3 "$here/check_book.py" xml formulir.xlsx
sleep 1.1
"$bin" template -f xlsx -o formulir2.xlsx
check "fill-in workbook: the same bytes a second later" cmp -s formulir.xlsx formulir2.xlsx

# ---- skm -f xlsx: the SKM workbook ----
cp "$here/batch/skm-rumus.csv" skm-rumus.csv
cp "$src/tests/fixtures/skm/google-forms-two-units.csv" gforms.csv
cp "$src/tests/fixtures/skm/mutu-differs-with-0-11.csv" mutu.csv
for c in "gforms id" "skm-rumus id" "mutu en --weights 0.11" "mutu id"; do
    set -- $c
    stem=$1 lang=$2
    shift 2
    "$bin" skm --lang "$lang" "$@" -f xlsx -o "skm-$stem-$lang.xlsx" "$stem.csv"
    check "skm -f xlsx --lang $lang $* ($stem) exits 0" [ $? = 0 ]
    "$bin" skm --lang "$lang" "$@" -f csv -o "skm-$stem-$lang.csv" "$stem.csv"
    "$bin" skm --lang "$lang" "$@" -f json -o "skm-$stem-$lang.json" "$stem.csv"
    lo_csv "skm-$stem-$lang.xlsx" "lo-skm-$stem-$lang"
    check "SKM workbook ($stem, $lang $*) matches skm -f csv and -f json" \
        python3 "$here/check_book.py" skm "lo-skm-$stem-$lang" "skm-$stem-$lang" "skm-$stem-$lang.csv" \
        "skm-$stem-$lang.json" "$lang" "skm-$stem-$lang.xlsx"
done
check "SKM workbook: the 0.11 convention gives another grade, and says so" \
    grep -q 'with weight 1/9: [0-9.]* A' "lo-skm-mutu-en/skm-mutu-en-IKM.csv"
check "SKM workbook: no formula; formula-like ids and names are string cells" \
    python3 "$here/check_book.py" xml skm-skm-rumus-id.xlsx "=1+1" "+cmd" "@SUM(A1:A9)" "-2+3" \
    '=HYPERLINK("http://contoh.invalid","klik")'
check "SKM workbook: the unsur NRR have a colour scale" \
    sh -c 'unzip -p skm-gforms-id.xlsx xl/worksheets/sheet2.xml | grep -q "<colorScale>"'
check "SKM workbook: a column chart of the units per mutu" \
    sh -c 'unzip -p skm-gforms-id.xlsx xl/charts/chart1.xml | grep -qF "<c:f>Ringkasan!\$C\$9:\$C\$12</c:f>"'
sleep 1.1
"$bin" skm -f xlsx gforms.csv | cat >skm-piped.xlsx
check "SKM workbook: the same bytes a second later and through a pipe" cmp -s skm-gforms-id.xlsx skm-piped.xlsx
echo old >kept-skm.xlsx
"$bin" skm -f xlsx -o kept-skm.xlsx "$src/tests/fixtures/skm/answer-out-of-scale-and-typo.csv" 2>/dev/null
rc=$?
check "skm -f xlsx on a sheet with a 5 exits 3" [ $rc = 3 ]
check "... and leaves the old -o file as it was, no temporary file" \
    sh -c '[ "$(cat kept-skm.xlsx)" = old ] && [ -z "$(ls -A | grep "^\.kept-skm\.xlsx\.")" ]'
if command -v script >/dev/null 2>&1; then
    script -qec "$bin skm -f xlsx gforms.csv" /dev/null >tty-skm.out 2>&1
    rc=$?
    check "skm -f xlsx to a terminal exits 2, saying why" sh -c "[ $rc = 2 ] && grep -q 'beri -o BERKAS.xlsx' tty-skm.out"
fi

if [ $failures -gt 0 ]; then
    echo "lo.xlsx: $failures check(s) failed; LibreOffice's log:"
    tail -20 "$tmp/lo.log"
    exit 1
fi
echo "lo.xlsx: every check passed"
exit 0
