#!/usr/bin/env bash
# Validate pekppp's files against the JSON Schemas in docs/schema/ with a real
# validator (ajv-cli, JSON Schema draft 2020-12):
#   rubrics/*.yaml                        -> rubric.schema.json
#   examples/*.yaml                       -> unit.schema.json
#   tests/cli/*/expected.stdout that is pekppp JSON (found by its "schema" value)
#                                         -> result/batch/plan/diff/skm.schema.json
#   `pekppp score -f json` on each example, and on the examples of each rubric
#   at once                               -> result.schema.json, batch.schema.json
# plus negative checks: small invalid documents that must be rejected, each for
# the reason given.  YAML is converted to JSON first (PyYAML if python3 has it,
# else js-yaml), so a level is a JSON integer and `na` the string "na".
#
# Usage: validate.sh WORKDIR PEKPPP_BINARY [SOURCE_DIR]
#   WORKDIR      cache and scratch folder; ajv is installed under WORKDIR/npm
#                (default: $TMPDIR/pekppp-schema)
#   SOURCE_DIR   the checkout (default: two levels above this script)
# Needs node, and the first time npm with access to the npm registry.
# Prints one line per document and "N passed, N failed"; exits 1 on any failure.
set -u

AJV_CLI_VERSION=5.0.0
AJV_FORMATS_VERSION=3.0.1
JS_YAML_VERSION=4.1.0

here=$(cd "$(dirname "$0")" && pwd)
work=${1:-${TMPDIR:-/tmp}/pekppp-schema}
bin=${2:-}
src=${3:-$(cd "$here/../.." && pwd)}
schemas=$src/docs/schema

die() {
    echo "schema.validate: $*" >&2
    exit 1
}

# --- tools -------------------------------------------------------------------
node=$(command -v node || true)
[ -z "$node" ] && [ -x /usr/bin/node ] && node=/usr/bin/node
[ -n "$node" ] || die "node (Node.js) is needed to run the JSON Schema validator ajv-cli;" \
    "install nodejs and npm (Debian: apt-get install nodejs npm)"

mkdir -p "$work" || die "cannot create $work"
work=$(cd "$work" && pwd)
cache=$work/npm
ajv=$cache/node_modules/ajv-cli/dist/index.js

installed_version() { # package -> its installed version, or nothing
    "$node" -e 'try { console.log(require(process.argv[1]).version) } catch (e) {}' \
        "$cache/node_modules/$1/package.json" 2> /dev/null
}

if [ "$(installed_version ajv-cli)" != "$AJV_CLI_VERSION" ] ||
    [ "$(installed_version ajv-formats)" != "$AJV_FORMATS_VERSION" ] ||
    [ "$(installed_version js-yaml)" != "$JS_YAML_VERSION" ]; then
    npm=$(command -v npm || true)
    [ -z "$npm" ] && [ -x /usr/bin/npm ] && npm=/usr/bin/npm
    [ -n "$npm" ] || die "npm is needed (once) to install ajv-cli@$AJV_CLI_VERSION into $cache;" \
        "install npm (Debian: apt-get install npm)"
    echo "installing ajv-cli@$AJV_CLI_VERSION ajv-formats@$AJV_FORMATS_VERSION" \
        "js-yaml@$JS_YAML_VERSION into $cache"
    mkdir -p "$cache" || die "cannot create $cache"
    if ! "$npm" install --prefix "$cache" --no-audit --no-fund --save-exact --loglevel=error \
        "ajv-cli@$AJV_CLI_VERSION" "ajv-formats@$AJV_FORMATS_VERSION" \
        "js-yaml@$JS_YAML_VERSION" > "$work/npm-install.log" 2>&1; then
        cat "$work/npm-install.log" >&2
        die "npm install failed (is the npm registry reachable?); log: $work/npm-install.log"
    fi
fi
[ -f "$ajv" ] || die "ajv-cli is not in $cache after npm install"

# --- bookkeeping ---------------------------------------------------------------
data=$work/data
rm -rf "$data"
mkdir -p "$data" || die "cannot create $data"

# Parallel arrays, one entry per document: the schema it must (not) match, what
# to print, the JSON file ajv reads, "valid" or "invalid", the text a rejection
# must contain, and the YAML it is converted from (if any).
kinds=() labels=() files=() expect=() wants=() yamls=()
pass=0 fail=0 skip=0 n=0

add() { # kind label json-file [valid|invalid [expected-error [yaml-source]]]
    kinds+=("$1") labels+=("$2") files+=("$3") expect+=("${4:-valid}") wants+=("${5:-}")
    yamls+=("${6:-}")
}
drop_entry() { kinds[$1]=; } # leave entry $1 out of validation
report_fail() { # kind label detail...
    printf 'FAIL  %-6s  %s\n' "$1" "$2"
    shift 2
    [ $# -gt 0 ] && printf '%s\n' "$@" | sed 's/^/        /'
    fail=$((fail + 1))
}
next_file() { n=$((n + 1)); out=$data/$n.json; } # sets $out (the caller's local, if any)

yaml_doc() { # kind label yaml-file [valid|invalid [expected-error]]
    local out
    next_file
    add "$1" "$2" "$out" "${4:-valid}" "${5:-}" "$3"
}
tiny_doc() { # kind label yaml-text [valid|invalid [expected-error]]
    local yaml=$data/tiny-$((n + 1)).yaml
    printf '%s\n' "$3" > "$yaml"
    yaml_doc "$1" "$2" "$yaml" "${4:-valid}" "${5:-}"
}

cd "$src" || die "no source folder $src"

# --- rubrics and examples --------------------------------------------------------
for f in rubrics/*.yaml; do
    [ -e "$f" ] && yaml_doc rubric "$f" "$f"
done
for f in examples/*.yaml examples-other-rubrics/*.yaml; do
    [ -e "$f" ] && yaml_doc unit "$f" "$f"
done

# --- golden outputs that are pekppp JSON -----------------------------------------
for f in tests/cli/*/expected.stdout; do
    kind=$(grep -m1 -o '"schema": *"pekppp/[a-z]*/v[0-9]*"' "$f" |
        sed 's/.*"pekppp\/\([a-z]*\)\/.*/\1/')
    [ -n "$kind" ] || continue
    case $kind in
    result | batch | plan | diff | skm)
        # ajv-cli reads data by its extension: give it a .json copy.
        next_file
        cp "$f" "$out" && add "$kind" "$f" "$out"
        ;;
    *)
        printf 'SKIP  %-6s  %s (no schema for pekppp/%s)\n' "$kind" "$f" "$kind"
        skip=$((skip + 1))
        ;;
    esac
done

# --- live output of the tool on the shipped examples -------------------------------
run_tool() { # kind label args...
    local kind=$1 label=$2 out rc
    shift 2
    next_file
    env -i PATH=/usr/bin:/bin LANG=C PEKPPP_RUBRIC_PATH="$src/rubrics" \
        "$bin" "$@" > "$out" 2> "$out.err"
    rc=$?
    if [ $rc -ne 0 ]; then
        report_fail "$kind" "$label" "exit code $rc:" "$(head -5 "$out.err")"
    else
        add "$kind" "$label" "$out"
    fi
}
examples=(examples/*.yaml examples-other-rubrics/*.yaml)
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
    report_fail result "pekppp score -f json" "no pekppp binary given, or not executable: '$bin'"
elif [ -e "${examples[0]}" ]; then
    declare -A by_rubric=()
    for f in "${examples[@]}"; do
        run_tool result "pekppp score -f json $f" score -f json "$f"
        r=$(sed -n 's/^rubric: *"\{0,1\}\([^" ]*\).*/\1/p' "$f" | head -1)
        [ -n "$r" ] && by_rubric[$r]+="$f "
    done
    # A batch ranks units of one rubric: one batch per rubric with several examples.
    for r in $(printf '%s\n' "${!by_rubric[@]}" | sort); do
        read -r -a group <<< "${by_rubric[$r]}"
        [ ${#group[@]} -ge 2 ] &&
            run_tool batch "pekppp score -f json ${group[*]}" score -f json "${group[@]}"
    done
fi

# --- positive and negative checks on tiny documents --------------------------------
tiny_rubric='schema: pekppp/rubric/v1
id: tiny
version: "1"
scale: {min: 0, max: 2}
bands:
  - {grade: "A", label: "Good", min: 1}
  - {grade: "B", label: "Poor", min: 0}
aspects:
  - id: main
    name: Main
    weight: 100
    indicators:
      - {id: "I.1", name: One, weight: 100, levels: ["none", "some", "all"], na: true}'
tiny_unit='schema: pekppp/assessment/v1
rubric: tiny
unit:
  id: "u-1"
  name: "Unit One"
  institution:
  mode: mandiri
period: 2025
answers:'

# Controls: the documents the negatives are made from are valid.
tiny_doc rubric "positive: tiny rubric" "$tiny_rubric"
tiny_doc unit "positive: tiny unit; answers blank, na, a level and a mapping" "$tiny_unit
  I.1:
  I.2: na
  I.3: 2
  I.4: {level: na, evidence: [\"a.pdf\"], note: \"closed\"}"

tiny_doc rubric "negative: rubric with an unknown key" "$tiny_rubric
colour: red" invalid "must NOT have additional properties"
tiny_doc rubric "negative: rubric id with capitals" "${tiny_rubric/id: tiny/id: Tiny}" \
    invalid "must match pattern"
tiny_doc unit 'negative: unit with mode "provinsi"' "${tiny_unit/mode: mandiri/mode: provinsi}
  I.1: 1" invalid "must be equal to one of the allowed values"
tiny_doc unit "negative: unit with a quoted level" "$tiny_unit
  I.1: \"1\"" invalid "must match a schema in anyOf"
tiny_doc unit "negative: unit survey score without respondents" "$tiny_unit
  I.1: 1
survey: {score: 4.2}" invalid "must match exactly one schema in oneOf"

# A result without `index`, and a batch whose first unit lacks `exact` (which
# shows that the batch schema's $ref to the result schema is followed).
mutate() { # kind label source-json js-statement-on-doc expected-error
    local out
    next_file
    if [ -f "$3" ] && "$node" -e '
        const fs = require("fs");
        const doc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
        new Function("doc", process.argv[2])(doc);
        fs.writeFileSync(process.argv[3], JSON.stringify(doc));' "$3" "$4" "$out"; then
        add "$1" "$2" "$out" invalid "$5"
    else
        report_fail "$1" "$2" "cannot make it from $3"
    fi
}
mutate result "negative: result without index" \
    tests/cli/score-example-puskesmas-json/expected.stdout 'delete doc.index' \
    "must have required property 'index'"
mutate batch "negative: batch whose unit has no exact" \
    tests/cli/batch-folder-with-subfolders-json/expected.stdout 'delete doc.units[0].exact' \
    "must have required property 'exact'"

mutate skm "negative: skm unit without index" \
    tests/cli/skm-google-forms-two-units-json/expected.stdout 'delete doc.units[0].index' \
    "must have required property 'index'"

# --- convert the YAML, all in one run ---------------------------------------------
jobs=$data/yaml-jobs.tsv
: > "$jobs"
for i in "${!yamls[@]}"; do
    [ -n "${yamls[$i]}" ] && printf '%s\t%s\n' "${yamls[$i]}" "${files[$i]}" >> "$jobs"
done
if command -v python3 > /dev/null 2>&1 && python3 -c 'import yaml' > /dev/null 2>&1; then
    # PyYAML reads YAML 1.1, as libyaml does.
    python3 -c '
import json, sys, yaml
for line in open(sys.argv[1], encoding="utf-8"):
    src, out = line.rstrip("\n").split("\t")
    try:
        with open(src, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        with open(out, "w", encoding="utf-8") as f:
            json.dump(doc, f, default=str)
    except Exception as e:
        with open(out + ".err", "w", encoding="utf-8") as f:
            f.write(str(e))' "$jobs"
else
    "$node" -e '
const fs = require("fs"), yaml = require(process.argv[2]);
for (const line of fs.readFileSync(process.argv[1], "utf8").split("\n")) {
    if (!line) continue;
    const [src, out] = line.split("\t");
    try {
        fs.writeFileSync(out, JSON.stringify(yaml.load(fs.readFileSync(src, "utf8"))));
    } catch (e) {
        fs.writeFileSync(out + ".err", String(e.message));
    }
}' "$jobs" "$cache/node_modules/js-yaml"
fi
for i in "${!yamls[@]}"; do
    if [ -n "${yamls[$i]}" ] && [ -e "${files[$i]}.err" ]; then
        report_fail "${kinds[$i]}" "${labels[$i]}" "cannot convert YAML to JSON:" \
            "$(head -5 "${files[$i]}.err")"
        drop_entry "$i"
    fi
done

# --- every file must be one JSON document (ajv-cli stops at one that is not) ---------
list=$data/json-files.txt
: > "$list"
for i in "${!kinds[@]}"; do
    [ -n "${kinds[$i]}" ] && printf '%s\n' "${files[$i]}" >> "$list"
done
"$node" -e '
const fs = require("fs");
for (const f of fs.readFileSync(process.argv[1], "utf8").split("\n")) {
    if (!f) continue;
    try { JSON.parse(fs.readFileSync(f, "utf8")); } catch (e) { console.log(f); }
}' "$list" > "$data/not-json.txt"
for i in "${!kinds[@]}"; do
    if [ -n "${kinds[$i]}" ] && grep -qxF "${files[$i]}" "$data/not-json.txt"; then
        report_fail "${kinds[$i]}" "${labels[$i]}" "not a single JSON document"
        drop_entry "$i"
    fi
done

# --- validate: one ajv run per schema ------------------------------------------------
for kind in rubric unit result batch plan diff skm; do
    args=() idx=()
    for i in "${!kinds[@]}"; do
        if [ "${kinds[$i]}" = "$kind" ]; then
            args+=(-d "${files[$i]}")
            idx+=("$i")
        fi
    done
    [ ${#idx[@]} -gt 0 ] || continue
    refs=()
    [ "$kind" = batch ] && refs=(-r "$schemas/result.schema.json")
    "$node" "$ajv" validate --spec=draft2020 --strict=false --all-errors --errors=text \
        -c ajv-formats -s "$schemas/$kind.schema.json" "${refs[@]}" "${args[@]}" \
        > "$data/$kind.out" 2> "$data/$kind.err"
    for i in "${idx[@]}"; do
        f=${files[$i]} label=${labels[$i]}
        if grep -qxF "$f valid" "$data/$kind.out"; then
            if [ "${expect[$i]}" = valid ]; then
                printf 'PASS  %-6s  %s\n' "$kind" "$label"
                pass=$((pass + 1))
            else
                report_fail "$kind" "$label" "accepted, but must be rejected (${wants[$i]})"
            fi
        elif grep -qxF "$f invalid" "$data/$kind.err"; then
            why=$(grep -A1 -xF "$f invalid" "$data/$kind.err" | tail -1)
            if [ "${expect[$i]}" = valid ]; then
                report_fail "$kind" "$label" "$(printf '%s\n' "$why" | sed 's/, data/\ndata/g')"
            elif [[ $why == *"${wants[$i]}"* ]]; then
                printf 'PASS  %-6s  %s (rejected: %s)\n' "$kind" "$label" "${wants[$i]}"
                pass=$((pass + 1))
            else
                report_fail "$kind" "$label" "rejected, but not for \"${wants[$i]}\":" "$why"
            fi
        else
            report_fail "$kind" "$label" "ajv gave no verdict:" "$(head -5 "$data/$kind.err")"
        fi
    done
done

# --- SARIF: lint -f sarif against the official SARIF 2.1.0 schema -------------------
# The schema (draft-07) ships in the npm package @microsoft/jest-sarif; only that one
# file is taken from the package (npm pack, no dependencies installed).
SARIF_PKG=@microsoft/jest-sarif@1.0.0-beta.0
sarif_schema=$cache/sarif-2.1.0-rtm.5.json
if [ ! -s "$sarif_schema" ]; then
    npm=$(command -v npm || true)
    [ -n "$npm" ] || die "npm is needed (once) to fetch the SARIF schema ($SARIF_PKG)"
    (cd "$cache" && "$npm" pack --loglevel=error "$SARIF_PKG" > pack.log 2>&1 &&
        tar -xzf microsoft-jest-sarif-*.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json &&
        mv package/lib/schemas/sarif-2.1.0-rtm.5.json "$sarif_schema") ||
        die "cannot fetch the SARIF schema from $SARIF_PKG (see $cache/pack.log)"
fi
# The official file is draft-04, which ajv 8 does not read: declare it draft-07
# (its keywords mean the same there; it has no exclusiveMinimum/Maximum) and drop
# the one pattern that is not a valid regular expression (a stray "]" in the
# language-tag pattern), which our output never uses.
sarif7=$data/sarif-2.1.0-draft7.json
"$node" -e '
const fs = require("fs");
const s = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
s["$schema"] = "http://json-schema.org/draft-07/schema#";
s["$id"] = s.id; delete s.id;
(function walk(o) {
    if (!o || typeof o !== "object") return;
    if (typeof o.pattern === "string") { try { new RegExp(o.pattern, "u"); } catch (e) { delete o.pattern; } }
    for (const k of Object.keys(o)) walk(o[k]);
})(s);
fs.writeFileSync(process.argv[2], JSON.stringify(s));' "$sarif_schema" "$sarif7" ||
    die "cannot prepare the SARIF schema"
sarif_inputs=("$src/tests/cli/lint-broken-rubric-lists-every-problem/rubric-with-seven-problems.yaml"
              "$src/rubrics/pekppp-2017.yaml" "$src/rubrics/pekppp-2022-luring.yaml")
for i in "${!sarif_inputs[@]}"; do
    out=$data/sarif-$i.json
    "$bin" lint -q -f sarif -o "$out" "${sarif_inputs[$i]}" > /dev/null 2>&1
    label="lint -f sarif $(basename "${sarif_inputs[$i]}")"
    if "$node" "$ajv" validate --spec=draft7 --strict=false --all-errors --errors=text \
        -c ajv-formats -s "$sarif7" -d "$out" > "$data/sarif-$i.out" 2>&1; then
        printf 'PASS  %-6s  %s\n' sarif "$label"
        pass=$((pass + 1))
    else
        report_fail sarif "$label" "$(head -5 "$data/sarif-$i.out")"
    fi
done

# ... and the schema does reject a wrong document (a result level SARIF does not have).
"$node" -e '
const fs = require("fs");
const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
d.runs[0].results[0].level = "fatal";
fs.writeFileSync(process.argv[2], JSON.stringify(d));' "$data/sarif-0.json" "$data/sarif-bad.json"
if "$node" "$ajv" validate --spec=draft7 --strict=false -c ajv-formats -s "$sarif7" \
    -d "$data/sarif-bad.json" > /dev/null 2>&1; then
    report_fail sarif "a SARIF result with level \"fatal\"" "accepted, but must be rejected"
else
    printf 'PASS  %-6s  %s\n' sarif 'a SARIF result with level "fatal" (rejected)'
    pass=$((pass + 1))
fi

if [ $skip -gt 0 ]; then
    echo "$pass passed, $fail failed ($skip skipped: no schema for their kind)"
else
    echo "$pass passed, $fail failed"
fi
[ $fail -eq 0 ] && [ $pass -gt 0 ]
