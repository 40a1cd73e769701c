#!/usr/bin/env bash
# lint.ci-example: the GitHub Actions example of docs/ci.md passes on this
# repository's rubrics/*.yaml and examples/ (as units/), as the page says.
# The commands of its Lint and Score steps and its .pekppp-lint.yaml are
# taken from the page itself, so the test follows the page; the page also
# says that without the config file the Lint step fails with exit 2.
#
# Usage: ci-example.sh PEKPPP_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
doc=$src/docs/ci.md

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/repo/rubrics" "$work/repo/units"
ln -s "$bin" "$work/bin/pekppp"
cp "$src"/rubrics/*.yaml "$work/repo/rubrics/"
cp "$src"/examples/*.yaml "$work/repo/units/"

# The steps' commands: the Lint step's `run:` line, the Score step's lines.
lint_cmd=$(sed -n 's/^ *run: \(pekppp lint .*\)$/\1/p' "$doc" | head -1)
mapfile -t score_cmds < <(awk '/- name: Score/ {s = 1; next}
    s && /^ *- / {s = 0}
    s && /^ *pekppp / {sub(/^ */, ""); print}' "$doc")
# The .pekppp-lint.yaml block: the first ```yaml block that names the file.
awk '/^```yaml$/ {b = 1; n = 0; next}
    b && /^```$/ {if (named) exit; b = 0; next}
    b && n++ == 0 && $0 == "# .pekppp-lint.yaml" {named = 1}
    b && named {print}' "$doc" > "$work/repo/.pekppp-lint.yaml"

fail=0
check() { # expected-rc label command...
    local want=$1 label=$2 rc
    shift 2
    (cd "$work/repo" && env -u PEKPPP_RUBRIC_PATH PATH="$work/bin:/usr/bin:/bin" LANG=C \
        GITHUB_STEP_SUMMARY="$work/summary.md" bash -c "$*" > "$work/out" 2>&1)
    rc=$?
    if [ "$rc" = "$want" ]; then
        echo "PASS  $label (exit $rc)"
    else
        echo "FAIL  $label: exit $rc, expected $want"
        sed 's/^/      /' "$work/out" | head -20
        fail=1
    fi
}

[ -n "$lint_cmd" ] || { echo "FAIL  no Lint step in $doc"; exit 1; }
[ "${#score_cmds[@]}" -ge 1 ] || { echo "FAIL  no Score step in $doc"; exit 1; }
grep -q '^disable:' "$work/repo/.pekppp-lint.yaml" ||
    { echo "FAIL  no .pekppp-lint.yaml block in $doc"; exit 1; }

check 0 "lint step: $lint_cmd" "$lint_cmd"
for c in "${score_cmds[@]}"; do
    check 0 "score step: $c" "$c"
done
mv "$work/repo/.pekppp-lint.yaml" "$work/lint-config.yaml"
check 2 "lint step without .pekppp-lint.yaml" "$lint_cmd"
exit $fail
