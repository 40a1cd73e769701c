#!/usr/bin/env bash
# lint.exports (shared builds only): libpekppp.so exports exactly the
# functions the public headers declare with PEKPPP_EXTERN, nothing hidden
# leaks (the objects are built with -fvisibility=hidden) and nothing
# declared is missing.   Usage: exports.sh LIBPEKPPP_SO SOURCE_DIR
set -uo pipefail
lib=${1:?usage: $0 LIBPEKPPP_SO SOURCE_DIR} src=${2:?usage: $0 LIBPEKPPP_SO SOURCE_DIR}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
perl -0777 -ne 'print "$1\n" while /PEKPPP_EXTERN\([^()]*(?:\([^()]*\)[^()]*)*\)\s*\**\s*(pekppp_\w+)\s*\(/g' \
    "$src"/include/pekppp.h "$src"/include/pekppp/*.h | LC_ALL=C sort -u >"$tmp/declared"
# The linker's own markers of the data segment (__bss_start, _edata, _end) are
# not functions of ours: GNU ld defines them in a library that links
# libxlsxwriter (whose .so has them too).
nm -D --defined-only "$lib" | awk '{print $NF}' | grep -Ev '^(__bss_start|_edata|_end)$' |
    LC_ALL=C sort -u >"$tmp/exported" ||
    { echo "nm cannot read $lib"; exit 2; }
[ -s "$tmp/declared" ] || { echo "no PEKPPP_EXTERN declaration found under $src/include"; exit 1; }
if ! cmp -s "$tmp/declared" "$tmp/exported"; then
    echo "declared with PEKPPP_EXTERN (<) and exported by $lib (>) differ:"
    diff "$tmp/declared" "$tmp/exported"
    exit 1
fi
echo "libpekppp.so exports the $(wc -l <"$tmp/declared") PEKPPP_EXTERN functions and nothing else"
