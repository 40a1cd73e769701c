#!/usr/bin/env bash
# The dependency rule (docs/architecture.md): the core (src/lib/*.c, *.h
# outside src/lib/report/) computes and never writes bytes.  It fails when a
# core file includes a renderer header (any .h in src/lib/report/) or calls a
# sink (pk_sink_*, pekppp_sink_*) or a function a renderer header declares.
# Usage: core-includes.sh SOURCE_DIR
set -u
lib=$1/src/lib
fail=0
headers=$(cd "$lib/report" && ls ./*.h | sed 's#^\./##')
# Functions the renderer headers declare: "name(" after a type at line start.
funcs=$(cat "$lib"/report/*.h | perl -0777 -pe 's#/\*.*?\*/##gs' |
        grep -oE '^[a-z][a-z_ ]*[ *]+pk_[a-z0-9_]+\(' | grep -oE 'pk_[a-z0-9_]+')
calls="pk_sink_[a-z0-9_]+|pekppp_sink_[a-z0-9_]+"
for f in $funcs; do
    calls="$calls|$f"
done
# check NAME CODE: print each breach of the rule; status 1 when there is one.
check() {
    local name=$1 code=$2 h hits bad=0
    for h in $headers; do
        if grep -qE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[\"<](report/)?$h[\">]" <<< "$code"; then
            echo "$name: includes the renderer header $h"; bad=1
        fi
    done
    if grep -qE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"report/' <<< "$code"; then
        echo "$name: includes a header from report/"; bad=1
    fi
    hits=$(grep -noE "\\b($calls)[[:space:]]*\\(" <<< "$code" | sort -u)
    if [ -n "$hits" ]; then
        echo "$name: writes bytes (renderer calls at line:name):"
        sed 's/^/    /' <<< "$hits"; bad=1
    fi
    return $bad
}
# The check must catch what plan.c once did: a renderer header, a sink call.
for canary in '#include "report_internal.h"' '#include "report/msg.h"' \
              'static void f(pekppp_sink *s) { pk_sink_printf(s, "x"); }' \
              '    pekppp_sink_puts (s, "x");' '    pk_text_cell(s, t, 0, 0);'; do
    if check canary "$canary" > /dev/null; then
        echo "the check does not catch: $canary"; fail=1
    fi
done
for file in "$lib"/*.c "$lib"/*.h; do
    # Comments may name anything; code may not.
    code=$(perl -0777 -pe 's{/\*.*?\*/}{"\n" x ($& =~ tr/\n//)}gse; s{//[^\n]*}{}g' "$file")
    check "${file#"$1"/}" "$code" || fail=1
done
n=$(ls "$lib"/*.c | wc -l)
if [ "$n" -lt 10 ] || [ -z "$headers" ] || [ -z "$funcs" ]; then
    echo "found $n core files, headers '$headers': the test does not test anything"; fail=1
fi
exit $fail
