#!/usr/bin/env bash
# A CSV sheet and the same sheet saved by LibreOffice as .xlsx give the same results.
#
#   tests/lo/read_csv_as_xlsx.sh PEKPPP_BINARY SOURCE_DIR
#
# Takes CSV fixtures: the unit sheets of tests/cli that an Indonesian-locale spreadsheet
# writes (';' between cells, a decimal comma in survey scores, Indonesian text), read by
# LibreOffice as ';'-separated UTF-8 in the Indonesian locale (filter options
# 59,34,76,1,,1057: ';', '"', UTF-8, from line 1, standard cell formats, language 1057), so
# "4,35" becomes the number 4.35 as in Excel; and the respondent sheets of `skm` and
# `score --survey` as Google Forms exports them (',' and English, 44,34,76,1,,1033: the
# timestamps become date cells, the text answers stay text).  Converts each with
# `soffice --headless --convert-to xlsx`, runs the case's command on both with `-f json`
# and requires byte-identical JSON once the file names and the SHA-256 of the input are
# made the same (python3).  Exit 0 when all match, 1 when one differs, 77 (skipped)
# without soffice or python3.
set -u

bin=${1:?usage: read_csv_as_xlsx.sh PEKPPP_BINARY SOURCE_DIR}
src=${2:?usage: read_csv_as_xlsx.sh PEKPPP_BINARY SOURCE_DIR}

case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
case $src in /*) ;; *) src=$PWD/$src ;; esac

soffice=${SOFFICE:-$(command -v soffice || command -v libreoffice || true)}
if [ -z "$soffice" ] || ! command -v python3 >/dev/null; then
    echo "skipped: needs soffice (LibreOffice) and python3"
    exit 77
fi

# CSV (under tests/) | LibreOffice's CSV filter | the command, SHEET for the sheet
id=59,34,76,1,,1057
en=44,34,76,1,,1033
cases=(
    "cli/sheet-semicolon-sheet-with-decimal-comma-survey-score/penilaian-titik-koma.csv|$id|score -f json SHEET"
    "cli/sheet-excel-indonesian-export-bom-semicolon-crlf/ekspor-excel.csv|$id|score -f json SHEET"
    "cli/template-csv-dialect-id-example-row-scores-as-a-sheet/dari-template.csv|$id|score -f json SHEET"
    "cli/sheet-rows-of-empty-cells-are-skipped/lembar.csv|$id|score -f json SHEET"
    "fixtures/skm/google-forms-two-units.csv|$en|skm -f json SHEET"
    "fixtures/skm/google-forms-numbered-questions.csv|$en|skm -f json SHEET"
    "fixtures/survey-sheet/f03-responses-three-units.csv|$en|score -f json --survey SHEET $src/tests/fixtures/survey-sheet/units/kecamatan-bojong.yaml $src/tests/fixtures/survey-sheet/units/disdukcapil.yaml"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
profile="file://$work/profile"
fail=0
for entry in "${cases[@]}"; do
    IFS='|' read -r c filter cmd <<<"$entry"
    name=$(basename "$c" .csv)
    cp "$src/tests/$c" "$work/$name.csv"
    if ! (cd "$work" && "$soffice" --headless "-env:UserInstallation=$profile" \
            --infilter="CSV:$filter" --convert-to xlsx "$name.csv" >/dev/null 2>&1) ||
        [ ! -s "$work/$name.xlsx" ]; then
        echo "FAIL $c: soffice did not convert it"
        fail=1
        continue
    fi
    for ext in csv xlsx; do
        # shellcheck disable=SC2086 # the command's words
        (cd "$work" && env -i PATH=/usr/bin:/bin PEKPPP_RUBRIC_PATH="$src/rubrics" \
            SOURCE_DATE_EPOCH=1767225600 "$bin" ${cmd//SHEET/$name.$ext} \
            >"$name.$ext.json" 2>"$name.$ext.err")
        echo $? >"$work/$name.$ext.rc"
    done
    if ! python3 - "$work" "$name" <<'PY'
import re, sys
work, name = sys.argv[1], sys.argv[2]
def norm(ext):
    t = open(f"{work}/{name}.{ext}.json", encoding="utf-8").read()
    t = t.replace(f"{name}.{ext}", "SHEET")
    t = re.sub(r'"sha256": "[0-9a-f]{64}"', '"sha256": "-"', t)
    rc = open(f"{work}/{name}.{ext}.rc").read()
    return t, rc
a, b = norm("csv"), norm("xlsx")
if '"scored": 0,' in a[0] or '"units": []' in a[0] or not a[0]:
    print("the CSV itself scored no unit: not a useful fixture")
    sys.exit(1)
if a != b:
    import difflib
    sys.stdout.writelines(difflib.unified_diff(a[0].splitlines(True), b[0].splitlines(True),
                                               "csv", "xlsx", n=2))
    print("exit codes:", a[1].strip(), b[1].strip())
    sys.exit(1)
PY
    then
        echo "FAIL $c: the .xlsx scores differently (stderr of the xlsx run:)"
        head -5 "$work/$name.xlsx.err"
        fail=1
    else
        echo "ok   $c"
    fi
done
exit $fail
