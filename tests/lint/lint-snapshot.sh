#!/usr/bin/env bash
# Record what `pekppp lint` says about every input the repository holds, to
# compare two builds byte for byte (e.g. before and after moving where rule
# ids are decided).  For each file: lint -f sarif and -f json, in English and
# Indonesian, run from the repository root, stdout and exit code kept.  The
# inputs are the tracked files (git ls-files), so test leftovers do not count.
#
# Usage: lint-snapshot.sh PEKPPP SOURCE_DIR OUT_DIR
#        diff -r OLD_OUT NEW_OUT      (no output: the builds agree)
set -u
bin=$1 src=$2 out=$3
mkdir -p "$out"
cd "$src" || exit 2
n=0
while IFS= read -r f; do
    key=$(printf '%s' "$f" | tr '/' '%')
    for fmt in sarif json; do
        for lang in en id; do
            {
                "$bin" lint -q --rubric-path rubrics -f "$fmt" --lang "$lang" "$f" 2>/dev/null
                echo "exit $?"
            } > "$out/$key.$fmt.$lang"
        done
    done
    n=$((n + 1))
done < <({
    git ls-files tests/fixtures tests/cli rubrics examples examples-other-rubrics |
        grep -E '\.(yaml|yml|csv|json)$'
    git ls-files tests/fuzz/corpus
} | LC_ALL=C sort)
echo "lint-snapshot: $n files"
