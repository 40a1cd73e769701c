#!/usr/bin/env bash
# lint -f sarif: a problem keeps its fingerprint when the file grows lines
# above it (so code scanning does not reopen the alert), while its region
# moves.  The rubric has a message that names another line ("already used at
# line N"), which moves too.  Usage: fingerprints.sh PEKPPP SOURCE_DIR
set -u
bin=$1 src=$2
rubric=$src/tests/cli/lint-sarif-format-has-stable-rules-and-fingerprints/rubric-with-seven-problems.yaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/before" "$tmp/after"
cp "$rubric" "$tmp/before/rubric.yaml"
{ printf '# Tiga baris baru di atas.\n\n\n'; cat "$rubric"; } > "$tmp/after/rubric.yaml"
read -r -a wrapper <<< "${PEKPPP_TEST_WRAPPER:-}"
for d in before after; do
    (cd "$tmp/$d" && "${wrapper[@]}" "$bin" lint -q -f sarif rubric.yaml > sarif.json)
    grep -o '"pekppp/v1": "[0-9a-f]*"' "$tmp/$d/sarif.json" > "$tmp/$d.fp"
    grep -o '"startLine": [0-9]*' "$tmp/$d/sarif.json" > "$tmp/$d.lines"
done
fail=0
n=$(wc -l < "$tmp/before.fp")
if [ "$n" -lt 7 ]; then
    echo "expected at least 7 fingerprints, got $n"; fail=1
fi
if ! cmp -s "$tmp/before.fp" "$tmp/after.fp"; then
    echo "fingerprints changed when lines were added above:"; diff "$tmp/before.fp" "$tmp/after.fp"; fail=1
fi
if cmp -s "$tmp/before.lines" "$tmp/after.lines"; then
    echo "the regions did not move: the test does not test anything"; fail=1
fi
if ! grep -qE '(at line|di baris) [0-9]' "$tmp/after/sarif.json"; then
    echo "no message names another line: the digit skipping is untested"; fail=1
fi
[ $fail = 0 ] && echo "fingerprints: $n stable across a 3-line shift"
exit $fail
