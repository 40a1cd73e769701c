#!/usr/bin/env bash
# The blank respondent workbook (template --respondents -f xlsx), filled in and read back.
#
#   tests/survey/respondents-xlsx.sh PEKPPP_BINARY SOURCE_DIR
#
# For the F-03 survey of the default rubric and for the SKM instrument skm-2017:
#   - the workbook's header row is the CSV template's, cell for cell, in Indonesian and
#     English sheets (Responden / Respondents);
#   - every answer column takes only a whole number on the rubric's scale (a data
#     validation over 1000 rows), its input title the item id;
#   - filled with the rows of a CSV of answers (respondents.py fill edits the sheet XML, numbers
#     as number cells as a spreadsheet saves them), it gives byte-identical JSON to that CSV
#     (`skm -f json`, `score --survey ... -f json`), the file names and hashes made the same.
# Exit 0 when every check passes, 1 when one fails, 77 (skipped) without python3.
set -u
bin=${1:?usage: respondents-xlsx.sh PEKPPP_BINARY SOURCE_DIR}
src=${2:?usage: respondents-xlsx.sh PEKPPP_BINARY SOURCE_DIR}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
case $src in /*) ;; *) src=$PWD/$src ;; esac
if ! command -v python3 >/dev/null; then
    echo "skipped: needs python3"
    exit 77
fi
here=$src/tests/survey
work=$(mktemp -d)
trap "rm -rf $work" EXIT; [ -n "${KEEP:-}" ] && trap - EXIT && echo "work: $work"
cd "$work" || exit 2
export PEKPPP_RUBRIC_PATH="$src/rubrics" SOURCE_DATE_EPOCH=1767225600 LANG=C.UTF-8
fail=0
check() { # description, command...
    local what=$1
    shift
    if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fail=1; fi
}
units=("$src/tests/fixtures/survey-sheet/units/kecamatan-bojong.yaml"
       "$src/tests/fixtures/survey-sheet/units/disdukcapil.yaml")
cp "$src/tests/fixtures/survey-sheet/f03-responses-three-units.csv" f03.csv
cp "$src/tests/fixtures/skm/numbers-two-units.csv" skm.csv
for c in "f03 pekppp-2022-luring 0 5" "skm skm-2017 1 4"; do
    set -- $c
    name=$1 rubric=$2 lo=$3 hi=$4
    for lang in id en; do
        "$bin" template --lang "$lang" --respondents -r "$rubric" -f xlsx -o "$name-$lang.xlsx"
        check "template --respondents -r $rubric -f xlsx --lang $lang exits 0" [ $? = 0 ]
        "$bin" template --lang "$lang" --respondents -r "$rubric" -o "$name-$lang.csv"
        sheet=Responden
        [ "$lang" = en ] && sheet=Respondents
        check "... its header row is the CSV template's, on sheet $sheet, validated $lo-$hi" \
            python3 "$here/respondents.py" layout "$name-$lang.xlsx" "$name-$lang.csv" "$sheet" "$lo" "$hi"
    done
    check "$name: the blank workbook filled with $name.csv's rows" \
        python3 "$here/respondents.py" fill "$name-id.xlsx" "$name.csv" "$name-filled.xlsx"
    for f in "$name.csv" "$name-filled.xlsx"; do
        if [ "$name" = skm ]; then
            "$bin" skm -f json "$f" >"$f.json" 2>"$f.err"
        else
            "$bin" score -f json --survey "$f" "${units[@]}" >"$f.json" 2>"$f.err"
        fi
        echo $? >"$f.rc"
    done
    check "$name: the filled workbook gives the CSV's JSON and exit code" \
        python3 "$here/respondents.py" same "$name.csv" "$name-filled.xlsx"
done
sleep 1.1
"$bin" template --respondents -f xlsx -o again.xlsx
check "the same bytes a second later (SOURCE_DATE_EPOCH)" cmp -s f03-id.xlsx again.xlsx
exit $fail
