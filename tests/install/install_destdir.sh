#!/usr/bin/env bash
# install.destdir: install the build into a scratch DESTDIR, then use only the
# installed copy, as a user of the Debian-style install would.
#
#   install_destdir.sh BUILD_DIR SOURCE_DIR
#
# Checks that every file is in place (binary, library, headers, pkg-config
# file, CMake package, rubrics, man page, bash completion, docs), that nothing
# lands outside the prefix, that examples/embed.c builds against the installed
# library with pkg-config and scores the example unit, that it builds with
# find_package(pekppp) too and prints the same, and that the installed binary
# works from another directory.  The prefix, the install folders and the compiler
# come from the build's CMakeCache.txt, so the binary's compiled-in data
# folder and pekppp.pc agree with where the files go (by default /usr/local).
set -uo pipefail

build=$(cd "${1:?usage: $0 BUILD_DIR SOURCE_DIR}" && pwd) || exit 2
src=$(cd "${2:?usage: $0 BUILD_DIR SOURCE_DIR}" && pwd) || exit 2

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
ok() { echo "ok: $*"; }

cache() { # the value of a CMakeCache.txt entry, or $2
    local v
    v=$(sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt" | head -n 1)
    echo "${v:-$2}"
}
[ -f "$build/CMakeCache.txt" ] || fail "$build is not a CMake build folder"
prefix=$(cache CMAKE_INSTALL_PREFIX /usr/local)
under_prefix() { # an install folder, relative to the prefix or absolute
    case $1 in /*) echo "$1" ;; *) echo "$prefix/$1" ;; esac
}
bindir=$(under_prefix "$(cache CMAKE_INSTALL_BINDIR bin)")
libdir=$(under_prefix "$(cache CMAKE_INSTALL_LIBDIR lib)")
includedir=$(under_prefix "$(cache CMAKE_INSTALL_INCLUDEDIR include)")
datadir=$(under_prefix "$(cache CMAKE_INSTALL_DATADIR share)")
mandir=$(under_prefix "$(cache CMAKE_INSTALL_MANDIR share/man)")
docdir=$(under_prefix "$(cache CMAKE_INSTALL_DOCDIR share/doc/pekppp)")
cc=$(cache CMAKE_C_COMPILER cc)
version=$(sed -n 's/^project(pekppp VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
[ -n "$version" ] || fail "cannot read the project version from $src/CMakeLists.txt"
extra_flags=()
[ "$(cache PEKPPP_ENABLE_SANITIZERS OFF)" = ON ] && extra_flags=("-fsanitize=address,undefined")

dest=$(mktemp -d "${TMPDIR:-/tmp}/pekppp-destdir.XXXXXX") || fail "cannot make a scratch folder"
work=$(mktemp -d "${TMPDIR:-/tmp}/pekppp-work.XXXXXX") || fail "cannot make a scratch folder"
trap 'rm -rf "$dest" "$work"' EXIT

# 1. Install.
echo "installing $build into DESTDIR=$dest with prefix $prefix"
if ! DESTDIR=$dest cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1; then
    cat "$work/install.log" >&2
    fail "cmake --install failed (log above)"
fi
ok "cmake --install --prefix $prefix with DESTDIR"

# 2. Every expected file, each at its place.
expect() { # test-flag path what
    test "$1" "$dest$2" || fail "$3 is missing: expected $2 under DESTDIR"
    ok "$3: $2"
}
expect -x "$bindir/pekppp" "the pekppp binary"
lib=""
for f in "$libdir/libpekppp.a" "$libdir/libpekppp.so"; do
    [ -e "$dest$f" ] && lib=$f
done
[ -n "$lib" ] || fail "the library is missing: neither libpekppp.a nor libpekppp.so in $libdir"
ok "the library: $lib"
expect -f "$libdir/pkgconfig/pekppp.pc" "the pkg-config file"
for f in pekpppConfig.cmake pekpppConfigVersion.cmake pekpppTargets.cmake; do
    expect -f "$libdir/cmake/pekppp/$f" "the CMake package's $f"
done
expect -f "$includedir/pekppp.h" "the umbrella header"
for h in "$src"/include/pekppp/*.h; do
    expect -f "$includedir/pekppp/${h##*/}" "header pekppp/${h##*/}"
done
for r in "$src"/rubrics/*.yaml; do
    expect -f "$datadir/pekppp/rubrics/${r##*/}" "rubric ${r##*/}"
done
expect -f "$mandir/man1/pekppp.1" "the man page pekppp(1)"
expect -f "$datadir/bash-completion/completions/pekppp" "the bash completion"
for d in "$src"/docs/*.md; do
    expect -f "$docdir/${d##*/}" "doc ${d##*/}"
done
outside=$(find "$dest" \( -type f -o -type l \) ! -path "$dest$prefix/*")
[ -z "$outside" ] || fail "files installed outside the prefix $prefix: $outside"
ok "nothing is installed outside $prefix"


export LANG=C LC_ALL=C
unset PEKPPP_RUBRIC_PATH LC_MESSAGES
# A shared library is not where the dynamic linker looks until DESTDIR is gone.
[ "${lib##*.}" = so ] && export LD_LIBRARY_PATH=$dest$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}

# 3. The completion loads and registers itself.
bash -c "source '$dest$datadir/bash-completion/completions/pekppp' && complete -p pekppp" \
    >/dev/null 2>&1 || fail "the bash completion does not load or does not register 'pekppp'"
ok "the bash completion loads and registers pekppp"

# 4. The man page: its version is the project's, and man renders it.
grep -q "^\.TH PEKPPP 1 .*\"pekppp $version\"" "$dest$mandir/man1/pekppp.1" ||
    fail "the man page's .TH line does not say pekppp $version (docs/pekppp.1 is out of date)"
ok "the man page is for pekppp $version"
if command -v man >/dev/null 2>&1; then
    MANWIDTH=80 MAN_DISABLE_SECCOMP=1 man -l "$dest$mandir/man1/pekppp.1" >"$work/man.txt" 2>&1 ||
        { cat "$work/man.txt" >&2; fail "man -l cannot render the installed page"; }
    for section in NAME SYNOPSIS COMMANDS "RUBRIC LOOKUP" "EXIT STATUS" ENVIRONMENT FILES; do
        grep -q "^$section" "$work/man.txt" || fail "the rendered man page has no $section section"
    done
    ok "man -l renders the installed page (NAME ... FILES sections present)"
else
    echo "skip: man is not installed, the page was not rendered"
fi

# 5. Build examples/embed.c against the installed copy only, with pkg-config.
command -v pkg-config >/dev/null 2>&1 || fail "pkg-config is not installed"
export PKG_CONFIG_PATH=$dest$libdir/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
export PKG_CONFIG_SYSROOT_DIR=$dest
static=--static
[ "${lib##*.}" = so ] && static=""
got=$(pkg-config --modversion pekppp) || fail "pkg-config cannot read the installed pekppp.pc"
[ "$got" = "$version" ] || fail "pkg-config says version '$got', the project is $version"
flags=$(pkg-config $static --cflags --libs pekppp) || fail "pkg-config $static --cflags --libs pekppp failed"
ok "pkg-config ${static:+$static }--cflags --libs pekppp: $flags"
case " $flags " in
    *" -I$dest$includedir "*) ;;
    *) fail "pkg-config's flags do not point at the installed headers $dest$includedir" ;;
esac
# shellcheck disable=SC2086  # $flags is a list of compiler flags
if ! "$cc" -std=c11 -Wall -Wextra -Werror "${extra_flags[@]}" "$src/examples/embed.c" \
        $flags -o "$work/embed" >"$work/cc.log" 2>&1; then
    cat "$work/cc.log" >&2
    fail "examples/embed.c does not build against the installed library (log above)"
fi
ok "examples/embed.c builds against the installed library"

rubric=$dest$datadir/pekppp/rubrics/pekppp-2022-luring.yaml
"$work/embed" "$rubric" "$src/examples/puskesmas-kajen.yaml" >"$work/embed.out" 2>&1 ||
    { cat "$work/embed.out" >&2; fail "the embed example failed on examples/puskesmas-kajen.yaml"; }
grep -q '^index : 4\.25$' "$work/embed.out" || fail "embed did not print index 4.25: $(head -5 "$work/embed.out")"
grep -q '^grade : A- ' "$work/embed.out" || fail "embed did not print grade A-: $(head -5 "$work/embed.out")"
grep -q '"schema": "pekppp/result/v1"' "$work/embed.out" || fail "embed did not print the JSON report"
ok "embed on the installed rubric: index 4.25, grade A-, and the JSON report"
if "$work/embed" "$rubric" "$src/examples/no-such-unit.yaml" >/dev/null 2>"$work/embed.err"; then
    fail "embed succeeded on a missing file"
fi
grep -q "no-such-unit.yaml: " "$work/embed.err" || fail "embed's error does not name the file: $(cat "$work/embed.err")"
ok "embed reports a missing unit file and exits non-zero"

# 6. The same example through the installed CMake package: find_package(pekppp)
# with CMAKE_PREFIX_PATH into the DESTDIR, target_link_libraries to
# pekppp::pekppp (tests/install/find_package/CMakeLists.txt).  It prints
# exactly what the pkg-config build printed.
consumer_flags=()
if [ ${#extra_flags[@]} -gt 0 ]; then
    consumer_flags=("-DCMAKE_C_FLAGS=${extra_flags[*]}" "-DCMAKE_EXE_LINKER_FLAGS=${extra_flags[*]}")
fi
if ! env -u PKG_CONFIG_PATH -u PKG_CONFIG_SYSROOT_DIR \
        cmake -S "$src/tests/install/find_package" -B "$work/find_package" \
              -DCMAKE_PREFIX_PATH="$dest$prefix" -DCMAKE_C_COMPILER="$cc" \
              -DEMBED_SOURCE="$src/examples/embed.c" "${consumer_flags[@]}" \
              >"$work/find_package.log" 2>&1 ||
   ! cmake --build "$work/find_package" >>"$work/find_package.log" 2>&1; then
    cat "$work/find_package.log" >&2
    fail "examples/embed.c does not build with find_package(pekppp) against the installed package (log above)"
fi
ok "examples/embed.c builds with find_package(pekppp) and pekppp::pekppp"
"$work/find_package/embed" "$rubric" "$src/examples/puskesmas-kajen.yaml" >"$work/embed-cmake.out" 2>&1 ||
    { cat "$work/embed-cmake.out" >&2; fail "the find_package build of embed failed on examples/puskesmas-kajen.yaml"; }
cmp -s "$work/embed.out" "$work/embed-cmake.out" ||
    fail "the find_package build of embed prints other bytes than the pkg-config build: $(diff "$work/embed.out" "$work/embed-cmake.out" | head -5)"
ok "the find_package build of embed prints the same bytes (index 4.25, grade A-, the JSON report)"

# 7. The installed binary, run from another folder (no ./rubrics there).
bin=$dest$bindir/pekppp
cd "$work" || fail "cannot enter $work"
got=$("$bin" --version) || fail "pekppp --version failed"
[ "$got" = "pekppp $version" ] || fail "pekppp --version says '$got', expected 'pekppp $version'"
ok "pekppp --version: $got"
"$bin" help score >/dev/null || fail "pekppp help score failed"
ok "pekppp help score"
# The unit names its rubric by id; the binary looks in $datadir/pekppp/rubrics,
# which under DESTDIR is elsewhere, so point --rubric-path at the installed copy.
"$bin" score --rubric-path "$dest$datadir/pekppp/rubrics" "$src/examples/puskesmas-kajen.yaml" \
    >"$work/score.out" 2>&1 || { cat "$work/score.out" >&2; fail "the installed pekppp score failed (from $work)"; }
grep -q '4\.25  A-' "$work/score.out" || fail "the installed pekppp score did not give 4.25 A-: $(grep -i indeks "$work/score.out")"
ok "installed pekppp score (run in $work, rubric by id from the installed rubrics): 4.25 A-"
"$bin" rubric list --rubric-path "$dest$datadir/pekppp/rubrics" >"$work/list.out" 2>&1 ||
    fail "pekppp rubric list failed: $(cat "$work/list.out")"
grep -q 'pekppp-2022-luring' "$work/list.out" || fail "pekppp rubric list does not show the installed rubric"
ok "pekppp rubric list shows the installed rubric"
# Without --rubric-path the lookup ends in the compiled-in data folder.
if [ ! -d "$datadir/pekppp/rubrics" ]; then
    "$bin" score "$src/examples/puskesmas-kajen.yaml" >/dev/null 2>"$work/notfound.err"
    rc=$?
    [ $rc -eq 3 ] || fail "with no rubric anywhere, pekppp score exited $rc, expected 3"
    grep -q "$datadir/pekppp/rubrics" "$work/notfound.err" ||
        fail "the lookup does not end in $datadir/pekppp/rubrics: $(cat "$work/notfound.err")"
    ok "without --rubric-path the binary searches $datadir/pekppp/rubrics"
fi

echo "install.destdir: all checks passed"
