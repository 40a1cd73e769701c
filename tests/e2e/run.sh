#!/usr/bin/env bash
# The HTML reports in a real browser: Debian's Chromium, headless.
#
#   tests/e2e/run.sh PEKPPP_BINARY SOURCE_DIR
#
# Renders a unit page, an English unit page, a unit page with a plan
# (score --target), a batch page and the two
# injection pages (tests/cli/html-*) into a temporary folder, loads each in
# Chromium, and checks the DOM Chromium built (--dump-dom) and a screenshot:
#   - the index, grade and every aspect score shown are those of the JSON
#     report of the same input;
#   - the plan on the unit page has the target, the index after it and the
#     steps, in order, that `pekppp plan -f json` gives;
#   - the radar chart has one axis (class "axis") per aspect, and a title and
#     description;
#   - the injected texts stay text: no element made from them, no script run
#     from them (an injected script would set the title to "pwned"), the unit
#     page has no script at all and the batch page only its own sort script
#     (which did run: it marks the ranking table data-sortable="yes");
#   - no page asks for anything over the network (no src/href/url()/@import);
#   - the screenshot is a PNG of 1200x1600 that is not blank.
# Exit 0 when every check passes, 1 when one fails, 77 (skipped) without
# Chromium.  Needs bash, coreutils, grep and sed; python3, when present, also
# decodes the screenshots' pixels.
set -u

bin=${1:?usage: run.sh PEKPPP_BINARY SOURCE_DIR}
src=${2:?usage: run.sh PEKPPP_BINARY SOURCE_DIR}

chromium=${CHROMIUM:-}
if [ -z "$chromium" ]; then
    for c in chromium chromium-browser; do
        if command -v "$c" >/dev/null 2>&1; then
            chromium=$c
            break
        fi
    done
fi
if [ -z "$chromium" ]; then
    echo "e2e.html: skipped: this test needs the 'chromium' package (apt-get install chromium)"
    exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_CACHE_HOME="$tmp/home/.cache"
mkdir -p "$HOME"
export PEKPPP_RUBRIC_PATH="$src/rubrics"

failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() { # description, command...
    local what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

# One headless Chromium run with a fresh profile; its chatter goes to a log.
browse() { # what (--dump-dom or --screenshot=FILE), file
    local profile
    profile=$(mktemp -d "$tmp/profile.XXXXXX")
    timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-extensions --user-data-dir="$profile" --window-size=1200,1600 \
        "$1" "file://$2" 2>>"$tmp/chromium.log"
}

dom() { # page.html -> page.dom
    browse --dump-dom "$tmp/$1.html" >"$tmp/$1.dom"
    if [ ! -s "$tmp/$1.dom" ]; then
        fail "$1: Chromium dumped no DOM (see its log below)"
        grep -v dbus "$tmp/chromium.log" | tail -n 20
        return 1
    fi
}

render() { # name, rc expected, pekppp args...
    local name=$1 want=$2 rc
    shift 2
    (cd "$src" && "$bin" "$@") >"$tmp/$name.html" 2>"$tmp/$name.err"
    rc=$?
    if [ "$rc" != "$want" ] || [ ! -s "$tmp/$name.html" ]; then
        fail "$name: pekppp $* exited $rc (expected $want)"
        cat "$tmp/$name.err"
        return 1
    fi
}

has() { grep -qF -- "$2" "$tmp/$1"; }
lacks() { ! grep -qE -- "$2" "$tmp/$1"; }
count() { grep -oE -- "$2" "$tmp/$1" | wc -l; }
# Like has, with an extended regex over the whole file as one line.
matches() { tr '\n' ' ' <"$tmp/$1" | grep -qE -- "$2"; }

# --- render -----------------------------------------------------------
inj_case=tests/cli/html-injected-unit-fields-are-escaped-text
batch_inj_case=tests/cli/html-batch-escapes-injected-names-and-lists-failed-units
render unit 0 score -f html examples/puskesmas-kajen.yaml || exit 1
render unit-en 0 score -f html --lang en examples/puskesmas-kajen.yaml || exit 1
render unit-plan 0 score -f html examples/disdukcapil.yaml --target A- || exit 1
render batch 0 score -f html examples || exit 1
render inject 0 score -f html "$inj_case/unit.yaml" || exit 1
render batch-inject 3 score -f html "$batch_inj_case/units" examples/kecamatan-bojong.yaml || exit 1
skm_inj_case=tests/cli/html-skm-escapes-injected-unit-names
render skm 0 skm -f html tests/fixtures/skm/google-forms-two-units.csv || exit 1
render skm-inject 0 skm -f html "$skm_inj_case/responses.csv" || exit 1
(cd "$src" && "$bin" score -f json examples/puskesmas-kajen.yaml) >"$tmp/unit.json" || exit 1
(cd "$src" && "$bin" score -f json examples) >"$tmp/batch.json" 2>/dev/null || exit 1
(cd "$src" && "$bin" plan -f json examples/disdukcapil.yaml --target A-) >"$tmp/plan.json" || exit 1

# --- self-contained: nothing fetched ----------------------------------
for p in unit unit-en batch inject batch-inject skm skm-inject; do
    check "$p: no src/href attribute, url() or @import (nothing to fetch)" \
        lacks "$p.html" '<[^>]*[[:space:]](src|href|srcset|action|data)=|url\(|@import'
    check "$p: a Content-Security-Policy forbids every fetch" \
        has "$p.html" "content=\"default-src 'none';"
done

# --- the unit page ----------------------------------------------------
dom unit || exit 1
index=$(sed -n 's/^  "index": \(.*\),$/\1/p' "$tmp/unit.json")
grade=$(sed -n 's/^  "grade": "\(.*\)",$/\1/p' "$tmp/unit.json")
mapfile -t scores < <(sed -n 's/^      "score": \(.*\),$/\1/p' "$tmp/unit.json")
check "unit: the JSON report gives an index ($index), a grade ($grade) and aspect scores (${#scores[@]})" \
    test -n "$index" -a -n "$grade" -a "${#scores[@]}" -gt 0
expected=$(sed -n 's/^# Diharapkan: indeks \([0-9.]*\), predikat \([^ ]*\) .*/\1 \2/p' \
    "$src/examples/puskesmas-kajen.yaml")
if [ -n "$expected" ]; then
    check "unit: index and grade are the example's expected ones ($expected)" \
        test "$index $grade" = "$expected"
fi
check "unit: the page shows the index $index in large type" has unit.dom "<div class=\"idx\" id=\"index\">$index</div>"
check "unit: the page shows the grade $grade in its band's colour" \
    grep -qE "<div id=\"grade\"><span class=\"badge c[0-9]\"><span class=\"g\">$grade</span>" "$tmp/unit.dom"
mapfile -t shown < <(grep -oE '<td class="n score">[^<]*</td>' "$tmp/unit.dom" | sed 's/<[^>]*>//g')
check "unit: the aspect table shows the aspect scores ${scores[*]}" test "${shown[*]}" = "${scores[*]}"
for s in "${scores[@]}"; do
    check "unit: the radar labels an axis with $s" has unit.dom "<tspan class=\"val\">$s</tspan>"
done
axes=$(count unit.dom '<line class="axis"')
check "unit: the radar has one axis per aspect ($axes axes, ${#scores[@]} aspects)" test "$axes" = "${#scores[@]}"
check "unit: the radar is an image with a title and a description" \
    matches unit.dom '<svg class="radar"[^>]* role="img"[^>]*>[[:space:]]*<title id="radar-t">[^<]+</title>[[:space:]]*<desc id="radar-d">[^<]+</desc>'
check "unit: the radar polygon has one point per aspect" \
    test "$(grep -o '<polygon class="area" points="[^"]*"' "$tmp/unit.dom" | tr ' ' '\n' | grep -c ,)" = "${#scores[@]}"
check "unit: tables have column headers" test "$(count unit.dom '<th scope="col"')" -gt 10
check "unit: every indicator unfolds (details/summary) to its levels, the current one marked" \
    test "$(count unit.dom '<details><summary>')" -gt 0 -a \
         "$(count unit.dom '<details><summary>')" = "$(count unit.dom '<li class="cur" aria-current="true">')"
check "unit: no script in the page" lacks unit.dom '<script'
check "unit: html lang is id" has unit.dom '<html lang="id">'
check "unit: the receipt names the tool and the rubric's sha256" \
    has unit.dom "$(sed -n 's/^    "sha256": "\(.*\)"$/\1/p' "$tmp/unit.json" | head -n 1)"

dom unit-en || exit 1
check "unit-en: html lang is en" has unit-en.dom '<html lang="en">'
check "unit-en: English headings" has unit-en.dom '<h2>Scores by aspect (scale 0–5)</h2>'
check "unit-en: same index" has unit-en.dom "<div class=\"idx\" id=\"index\">$index</div>"

# --- the plan inside the unit page (score --target) --------------------
dom unit-plan || exit 1
after=$(sed -n 's/^  "after": {"index": \([0-9.]*\), .*/\1/p' "$tmp/plan.json")
mapfile -t want < <(sed -n 's/^    {"indicator": "\([^"]*\)", "from": \([0-9]*\), "to": \([0-9]*\).*/\1 \2 \3/p' "$tmp/plan.json")
mapfile -t got < <(grep -oE '<tr><td class="n">[0-9]+</td><td><code>[^<]*</code>[^<]*</td><td><strong>[0-9]+ → [0-9]+' \
    "$tmp/unit-plan.dom" | sed 's/.*<code>\([^<]*\)<.*<strong>\([0-9]*\) → \([0-9]*\)/\1 \2 \3/' | tail -n "${#want[@]}")
check "unit-plan: the plan command gives a plan (${#want[@]} steps, to $after)" test "${#want[@]}" -gt 0 -a -n "$after"
check "unit-plan: the page shows the plan's target and the index after it" \
    matches unit-plan.dom "<span id=\"plan-target\">A-</span>.*<strong id=\"plan-after\">$after</strong>"
check "unit-plan: the page says how many steps (${#want[@]})" has unit-plan.dom "<span id=\"plan-steps\">${#want[@]}</span>"
check "unit-plan: the plan table lists the plan command's steps in order" \
    test "$(count unit-plan.dom '<table id="plan-table">')" = 1 -a "${got[*]}" = "${want[*]}"
check "unit-plan: the plan comes after the recommendations and starts a printed page" \
    matches unit-plan.dom 'id="recommendations".*<section id="plan" class="pb">'

# --- the batch page ---------------------------------------------------
dom batch || exit 1
mean=$(sed -n 's/^    "mean": \(.*\),$/\1/p' "$tmp/batch.json")
mapfile -t idx < <(grep -oE '"rank": [0-9]+, "unit": "[^"]*", "name": "[^"]*", "index": [0-9.]+' "$tmp/batch.json" |
    sed 's/.*"index": //')
nunits=${#idx[@]}
check "batch: the JSON report ranks units ($nunits) with a mean ($mean)" test "$nunits" -gt 0 -a -n "$mean"
check "batch: the page shows the mean $mean" has batch.dom "<strong id=\"mean\">$mean</strong>"
mapfile -t rows < <(grep -oE '<tr data-rank="[0-9]+" data-id="[^"]*" data-name="[^"]*" data-index="[^"]*"' "$tmp/batch.dom" |
    sed 's/.*data-index="\([^"]*\)"/\1/')
check "batch: the ranking rows carry the indices ${idx[*]}" test "${rows[*]}" = "${idx[*]}"
check "batch: the sort script ran (and only it: the policy allows it by its hash)" \
    has batch.dom 'data-sortable="yes"'
check "batch: its column headers became sort buttons" test "$(count batch.dom '<button type="button" class="sort">')" = 5
check "batch: one script, the page's own" test "$(count batch.dom '<script')" = 1
nbands=$(sed -n 's/^    "grades": {\(.*\)},\{0,1\}$/\1/p' "$tmp/batch.json" | tr ',' '\n' | grep -c :)
check "batch: the grade chart is an image with a title and a description" \
    matches batch.dom '<svg class="gchart"[^>]* role="img"[^>]*>[[:space:]]*<title id="gchart-t">[^<]+</title>[[:space:]]*<desc id="gchart-d">[^<]+</desc>'
check "batch: the grade chart has one bar per band ($nbands)" \
    test "$(count batch.dom '<rect class="bar f[0-8]"')" = "$nbands" -a "$nbands" -gt 0
naspects=$(count batch.dom '<th scope="col" title=') # the heatmap's aspect columns
check "batch: the heatmap has a shaded cell per unit and aspect ($nunits x $naspects)" \
    test "$(count batch.dom '<td class="h[0-8]">[0-9.]+</td>')" = $((nunits * naspects)) -a "$naspects" -gt 0
check "batch: the lowest aspects are listed" has batch.dom '<table id="lowest-table">'
check "batch: the ten most-missed indicators are listed, with their lost points" \
    test "$(sed -n '/<table id="missed-table">/,/<\/table>/p' "$tmp/batch.dom" | grep -c '<td class="n lost">−[0-9.]*</td>')" = 10

# The sort itself: a copy of the page without its policy, with a click on a
# column heading appended, sorts the rows by that column (twice: reversed).
click() { # page, copy, key, clicks
    local js="var b=document.querySelector('th[data-key=$3] button');for(var i=0;i<$4;i++)b.click();"
    sed -e '/http-equiv="Content-Security-Policy"/d' -e "s|</body>|<script>$js</script></body>|" \
        "$tmp/$1.html" >"$tmp/$2.html"
    dom "$2"
}
order() { # dom, attribute: its values down the ranking table, one a line
    grep -oE "<tr data-rank=\"[^>]*" "$tmp/$1" | grep -oE " data-$2=\"[^\"]*\"" | cut -d'"' -f2
}
if click batch sorted-index index 1; then
    check "batch: a click on Index sorts the rows by index, lowest first" \
        test "$(order sorted-index.dom index)" = "$(printf '%s\n' "${idx[@]}" | sort -n)"
fi
if click batch sorted-rank rank 1; then
    check "batch: a click on No (sorted already) reverses the ranking" \
        test "$(order sorted-rank.dom index)" = "$(printf '%s\n' "${idx[@]}" | tac)"
fi
if click batch sorted-name name 2; then
    check "batch: two clicks on Unit sort by name, Z to A" \
        test "$(order sorted-name.dom name)" = "$(order batch.dom name | LC_ALL=C sort -r)"
fi

# --- injection --------------------------------------------------------
dom inject || exit 1
check "inject: no script ran (the title is the unit's escaped name, not 'pwned')" \
    has inject.dom "<title>&lt;script&gt;document.title='pwned'&lt;/script&gt; Kajen \"I\" &amp; 'II' (x&lt;script&gt;alert(1)&lt;/script&gt;\"'&amp;amp;) — PEKPPP</title>"
check "inject: the name is shown as text" \
    has inject.dom "<h1 id=\"unit-name\">&lt;script&gt;document.title='pwned'&lt;/script&gt; Kajen \"I\" &amp; 'II'</h1>"
check "inject: no script element" lacks inject.dom '<script'
check "inject: no element made from the injected texts (img, iframe, a, b)" \
    lacks inject.dom '<(img|iframe|a|b)[[:space:]>]'
check "inject: no attribute made from the injected texts (onerror, onmouseover)" \
    lacks inject.dom '<[^>]*[[:space:]](onerror|onmouseover)='
check "inject: the raw page has no '<script' either" lacks inject.html '<script'
check "inject: the scores are unharmed" has inject.dom "<div class=\"idx\" id=\"index\">$index</div>"

dom batch-inject || exit 1
check "batch-inject: no injected script ran (title as written)" \
    has batch-inject.dom '<title>Peringkat — pekppp-2022-luring — PEKPPP</title>'
check "batch-inject: the only script is the page's own" test "$(count batch-inject.dom '<script')" = 1
check "batch-inject: no element made from the injected texts" lacks batch-inject.dom '<(img|iframe|a|b)[[:space:]>]'
check "batch-inject: the unit that failed to load is listed, its message escaped" \
    has batch-inject.dom "tidak punya indikator '&lt;img src=x onerror=alert(1)&gt;'"
check "batch-inject: the injected name is a data attribute and text" \
    has batch-inject.dom "data-name=\"&lt;script&gt;document.title='pwned'&lt;/script&gt; Kajen &quot;I&quot; &amp; 'II'\""

dom skm || exit 1
check "skm: one bar per answered unsur of each unit (9 + 9)" test "$(count skm.dom '<rect class="bar"')" = 18
check "skm: the band lines are drawn at the grades' NRR (A at 3,5324)" has skm.dom 'A ≥ 3,5324'
check "skm: the unit's IKM and mutu are shown" has skm.dom '<strong>84,72</strong>'
check "skm: no script at all" lacks skm.dom '<script'
dom skm-inject || exit 1
check "skm-inject: no script ran (the title is the page's own)" \
    has skm-inject.dom '<title>Survei Kepuasan Masyarakat (SKM)</title>'
check "skm-inject: the unit id and name are text" \
    has skm-inject.dom "<h2>&lt;script&gt;document.title='pwned'&lt;/script&gt; — &lt;img src=x onerror=alert(1)&gt; Kajen \"I\" &amp; 'II'</h2>"
check "skm-inject: no element or attribute made from the injected texts" \
    lacks skm-inject.dom '<(img|script)[[:space:]>]|<[^>]*[[:space:]]onerror='

# --- screenshots ------------------------------------------------------
png_ok() { # file: PNG signature, 1200x1600, not blank
    local f=$1 sig dims size
    [ -s "$f" ] || { echo "     no screenshot written"; return 1; }
    sig=$(od -An -tx1 -N8 "$f" | tr -d ' \n')
    [ "$sig" = 89504e470d0a1a0a ] || { echo "     not a PNG ($sig)"; return 1; }
    dims=$(od -An -tu1 -j16 -N8 "$f" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}')
    [ "$dims" = 1200x1600 ] || { echo "     size $dims, expected 1200x1600"; return 1; }
    size=$(wc -c <"$f")
    # A blank 1200x1600 page compresses to a few kilobytes.
    [ "$size" -gt 30000 ] || { echo "     only $size bytes: blank?"; return 1; }
    if command -v python3 >/dev/null 2>&1; then
        python3 "$src/tests/e2e/png_check.py" "$f" || return 1
    fi
}
for p in unit batch inject; do
    browse --screenshot="$tmp/$p.png" "$tmp/$p.html" >/dev/null
    check "$p: the screenshot is a non-blank 1200x1600 PNG" png_ok "$tmp/$p.png"
done

if [ -n "${PEKPPP_E2E_KEEP:-}" ]; then
    mkdir -p "$PEKPPP_E2E_KEEP" && cp "$tmp"/*.html "$tmp"/*.png "$tmp"/*.dom "$PEKPPP_E2E_KEEP"/
fi
if [ "$failures" -gt 0 ]; then
    echo "e2e.html: $failures check(s) failed"
    exit 1
fi
echo "e2e.html: every check passed"
