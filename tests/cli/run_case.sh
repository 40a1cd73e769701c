#!/usr/bin/env bash
# Run one golden CLI case: tests/cli/<behaviour>/ holds
#   args             the arguments, one per line (no shell quoting needed)
#   stdin            optional standard input
#   env              optional NAME=VALUE lines, set after (so over) the fixed ones
#   expected.stdout  expected.stderr  expected.rc
# The command runs inside the case directory with a fixed environment, and its
# output must match byte for byte, once the checkout's path and the install
# data directory are replaced by <repo> and <datadir> (so cases do not depend
# on where the tree lives).  UPDATE_GOLDEN=1 rewrites the expected files
# instead (review the diff before committing).
set -u
bin=$1
case_dir=$2
repo=$3
datadir=${4:-/nonexistent}
cd "$case_dir" || exit 2
mapfile -t args < args
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
stdin=/dev/null
[ -f stdin ] && stdin=stdin
# PEKPPP_TEST_WRAPPER (say, valgrind with its options) runs the binary under it.
read -r -a wrapper <<< "${PEKPPP_TEST_WRAPPER:-}"
extra_env=()
[ -f env ] && mapfile -t extra_env < env
env -i PATH=/usr/bin:/bin LANG=C PEKPPP_RUBRIC_PATH="$repo/rubrics" SOURCE_DATE_EPOCH=1767225600 \
    "${extra_env[@]}" \
    "${wrapper[@]}" "$bin" "${args[@]}" <"$stdin" >"$out" 2>"$err"
rc=$?
for f in "$out" "$err"; do
    sed -i -e "s|$datadir|<datadir>|g" -e "s|$repo|<repo>|g" "$f"
done
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$out" expected.stdout
    cp "$err" expected.stderr
    echo "$rc" > expected.rc
    exit 0
fi
fail=0
if ! diff -u expected.stdout "$out" > /dev/null; then
    echo "--- stdout differs:"; diff -u expected.stdout "$out" | head -40; fail=1
fi
if ! diff -u expected.stderr "$err" > /dev/null; then
    echo "--- stderr differs:"; diff -u expected.stderr "$err" | head -40; fail=1
fi
if [ "$rc" != "$(cat expected.rc)" ]; then
    echo "--- exit code $rc, expected $(cat expected.rc)"; fail=1
fi
exit $fail
