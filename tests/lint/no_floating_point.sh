#!/usr/bin/env bash
# lint.no_floating_point: the library and the CLI compute with exact integers
# and fractions, so no floating point may appear in src/lib or src/cli.
#
#   no_floating_point.sh SOURCE_DIR
#
# Every .c and .h file under src/lib and src/cli (subfolders too) is read
# with its comments, string literals and character constants blanked out (so
# "double quote" in a comment or a message does not count), and the script
# fails on each line that still has the word `float`, `double`, `float_t` or
# `double_t`, or a floating constant (`0.5`, `.5`, `1e9`, `2.f`).  Line
# numbers stay those of the file.  A use that is allowed is listed, with its
# reason, in floating-point-allowed.txt as "path: code" (the line as printed
# here), so a new one fails even in the same file.  The compiler's part is
# -Wdouble-promotion -Wfloat-equal -Wfloat-conversion (CMakeLists.txt).
set -uo pipefail
src=$(cd "${1:?usage: $0 SOURCE_DIR}" && pwd) || exit 2
here=$(cd "$(dirname "$0")" && pwd)

# Print "path:line: code" for each floating-point line of the files given.
scan() {
    perl -e '
        local $/;
        for my $path (@ARGV) {
            open(my $fh, "<", $path) or die "cannot read $path: $!\n";
            my $text = <$fh>;
            close($fh);
            # Blank comments, strings and character constants, keeping newlines.
            $text =~ s{
                (//[^\n]*) | (/\*.*?\*/) | ("(?:\\.|[^"\\\n])*") | (\x27(?:\\.|[^\x27\\\n])*\x27)
            }{
                my $m = $&; my $keep = defined $3 ? "\"\"" : defined $4 ? "\x27\x27" : " ";
                $keep . ("\n" x ($m =~ tr/\n//))
            }gsex;
            my $n = 0;
            for my $line (split /\n/, $text, -1) {
                $n++;
                next unless $line =~ m{
                    \b(?:float|double|float_t|double_t)\b
                  | (?<![\w.]) (?: \d+\.\d*(?:[eE][+-]?\d+)? | \.\d+(?:[eE][+-]?\d+)? | \d+[eE][+-]?\d+ )
                    [fFlL]? (?![\w.])
                }x;
                (my $code = $line) =~ s/^\s+|\s+$//g;
                $code =~ s/\s+/ /g;
                print "$path:$n: $code\n";
            }
        }' "$@"
}

# First the scanner itself: what a comment or a string holds is not code.
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/sample.c" <<'SAMPLE'
/* a double
   float in a comment */ int a; // double
static const char *s = "float \" double", c = '"';
double d;
int x = 0x1e5, v = 2, w = 1.5;
int y = 3 /* 0.5 " */, z = 1e9;
SAMPLE
printf '%s\n' "$tmp/sample.c:4: double d;" \
    "$tmp/sample.c:5: int x = 0x1e5, v = 2, w = 1.5;" \
    "$tmp/sample.c:6: int y = 3 , z = 1e9;" >"$tmp/want"
scan "$tmp/sample.c" >"$tmp/got" 2>&1
if ! cmp -s "$tmp/want" "$tmp/got"; then
    echo "the scanner is wrong on its own sample:"
    diff "$tmp/want" "$tmp/got"
    exit 1
fi

cd "$src" || exit 2
mapfile -t files < <(find src/lib src/cli -type f \( -name '*.c' -o -name '*.h' \) | LC_ALL=C sort)
[ ${#files[@]} -gt 0 ] || { echo "no C files under $src/src/lib and src/cli"; exit 1; }
scan "${files[@]}" >"$tmp/found" || exit 2
grep -v '^#' "$here/floating-point-allowed.txt" | grep -v '^[[:space:]]*$' >"$tmp/allowed"
fail=0
while IFS= read -r hit; do
    path=${hit%%:*} rest=${hit#*:}
    key="$path: ${rest#*: }"
    if ! grep -qxF -- "$key" "$tmp/allowed"; then
        echo "floating point: $hit"
        fail=1
    fi
done <"$tmp/found"
while IFS= read -r allowed; do
    path=${allowed%%: *} code=${allowed#*: }
    grep -qF -- ": $code" <(grep -F -- "$path:" "$tmp/found") ||
        { echo "floating-point-allowed.txt lists what is no longer there: $allowed"; fail=1; }
done <"$tmp/allowed"
[ $fail = 0 ] && echo "no floating point in ${#files[@]} files of src/lib and src/cli" \
    "but the $(wc -l <"$tmp/found") allowed lines"
exit $fail
