/*
 * The escapers of report/escape.c, one per output format (white-box: they
 * are the renderers' private functions).  Tables of inputs and outputs:
 * CSV formula neutralisation, and in every format, no byte that is not
 * UTF-8 and no terminal control getting through.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pekppp.h"
#include "report/report_internal.h"

typedef void (*escaper)(pekppp_sink *sink, const char *s);

static void csv_comma(pekppp_sink *sink, const char *s)
{
    pk_csv_text(sink, s, ',');
}

static void text_cell(pekppp_sink *sink, const char *s)
{
    pk_text_cell(sink, s, 0, 0);
}

/* @p f applied to @p in must give @p want. */
static void expect(escaper f, const char *in, const char *want, size_t i)
{
    pekppp_sink sink;
    pekppp_sink_init_buffer(&sink);
    f(&sink, in);
    if (strcmp(sink.data ? sink.data : "", want) != 0)
        fail_msg("case %zu: \"%s\" gave \"%s\", want \"%s\"", i, in, sink.data ? sink.data : "",
                 want);
    pekppp_sink_dispose(&sink);
}

static const struct {
    const char *in, *out;
} csv_cases[] = {
    { "Puskesmas", "Puskesmas" },
    { "=1+1", "'=1+1" },
    { "+62 21", "'+62 21" },
    { "-Kantor", "'-Kantor" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tx", "'\tx" },
    { "\rx", "\"'\rx\"" },
    { "  =1+1", "'  =1+1" },                           /* spaces first */
    { "\xc2\xa0=1", "'\xc2\xa0=1" },                   /* NBSP */
    { "\xe2\x80\x8b=1", "'\xe2\x80\x8b=1" },           /* zero-width space */
    { "\xe2\x80\x8c\xe2\x80\x8d+1", "'\xe2\x80\x8c\xe2\x80\x8d+1" }, /* ZWNJ ZWJ */
    { "\xe2\x81\xa0@x", "'\xe2\x81\xa0@x" },           /* word joiner */
    { "\xef\xbb\xbf=1", "'\xef\xbb\xbf=1" },           /* BOM */
    { "\xe3\x80\x80-1", "'\xe3\x80\x80-1" },           /* ideographic space */
    { "\xef\xbc\x9d" "1+1", "'\xef\xbc\x9d" "1+1" },   /* fullwidth = */
    { "\xef\xbc\x8b" "1", "'\xef\xbc\x8b" "1" },       /* fullwidth + */
    { "\xef\xbc\x8d" "1", "'\xef\xbc\x8d" "1" },       /* fullwidth - */
    { "\xef\xbc\xa0x", "'\xef\xbc\xa0x" },             /* fullwidth @ */
    { " \xc2\xa0\xe2\x80\x8b\xef\xbb\xbf\xef\xbc\x9dx", "' \xc2\xa0\xe2\x80\x8b\xef\xbb\xbf\xef\xbc\x9dx" },
    { "a=1", "a=1" },                                  /* not first */
    { "   ", "   " },
    { " x=1", " x=1" },
    { "\xef\xbc\xa1", "\xef\xbc\xa1" },                /* fullwidth A: no formula */
    { "=\"a,b\"", "\"'=\"\"a,b\"\"\"" },               /* quoted and defused */
    { "x\xff", "x?" },                                 /* not UTF-8 */
};

static void test_escape__csv_defuses_formulas_behind_invisible_characters(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(csv_cases) / sizeof(csv_cases[0]); i++)
        expect(csv_comma, csv_cases[i].in, csv_cases[i].out, i);
}

/* The same hostile text in every format: never a byte that is not UTF-8,
 * never a control a terminal would obey. */
static const char hostile[] = "a\x1b[2Jb\xc2\x9b" "c\xe2\x80\xae" "d\xff" "e\xc0\xaf";

static void test_escape__every_format_cleans_controls_and_bad_utf8(void **state)
{
    (void)state;
    expect(text_cell, hostile, "a?[2Jb?c?d?e??", 0);
    expect(pk_md_text, hostile, "a \\[2Jb?c?d?e??", 1);
    expect(pk_html_text, hostile, "a?[2Jb?c?d?e??", 2);
    expect(pk_json_string, hostile, "\"a\\u001b[2Jb\\u009bc\\u202ed?e??\"", 3);
    expect(csv_comma, hostile, "a\x1b[2Jb\xc2\x9b" "c\xe2\x80\xae" "d?e??", 4);
    /* tab and line feed stay in HTML, as before */
    expect(pk_html_text, "a\tb\nc", "a\tb\nc", 5);
    /* U+2028 would end a JavaScript string: escaped too */
    expect(pk_json_string, "x\xe2\x80\xa8y", "\"x\\u2028y\"", 6);
}

/* A cell is cut and padded by characters; an invalid byte counts as one. */
static void test_escape__text_cell_counts_characters(void **state)
{
    pekppp_sink sink;
    (void)state;
    pekppp_sink_init_buffer(&sink);
    pk_text_cell(&sink, "\xc3\xa9\xff", 4, 1);
    pekppp_sink_puts(&sink, "|");
    pk_text_cell(&sink, "abcdefgh", 6, 1);
    pekppp_sink_puts(&sink, "|");
    assert_string_equal(sink.data, "\xc3\xa9?  |abc...|");
    pekppp_sink_dispose(&sink);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape__csv_defuses_formulas_behind_invisible_characters),
        cmocka_unit_test(test_escape__every_format_cleans_controls_and_bad_utf8),
        cmocka_unit_test(test_escape__text_cell_counts_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
