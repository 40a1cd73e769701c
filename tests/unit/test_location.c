/*
 * Locations name the sheet and cell everywhere (pekppp_error_location): the
 * function itself, then every renderer that shows a place, given a problem in
 * a workbook (`sheet` set) and one in a CSV file.  Real workbooks come through
 * the xlsx reader; here the problems are made by hand, as the reader makes them.
 * Links the CLI's lint and diagnostic printers (src/cli) too.
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
#include "cli_msg.h"
#include "diag_print.h"
#include "lint_report.h"

#define RUBRIC PEKPPP_SOURCE_DIR "/rubrics/pekppp-2022-luring.yaml"

static pekppp_error at(const char *file, const char *sheet, unsigned line, unsigned col)
{
    pekppp_error e;
    pekppp_error_clear(&e);
    e.code = PEKPPP_EINVALID;
    snprintf(e.file, sizeof(e.file), "%s", file);
    snprintf(e.sheet, sizeof(e.sheet), "%s", sheet);
    e.line = line;
    e.column = col;
    snprintf(e.rule, sizeof(e.rule), "unit.level");
    snprintf(e.path, sizeof(e.path), "4.a.K");
    pekppp_error_set_message(&e, "level 6 of '4.a.K' is outside the scale 0 to 5",
                             "level 6 untuk '4.a.K' di luar skala 0 sampai 5");
    return e;
}

static const char *loc(const pekppp_error *e, unsigned flags)
{
    static char buf[256];
    pekppp_error_location(e, flags, buf, sizeof(buf));
    return buf;
}

static void test_location__forms(void **state)
{
    pekppp_error e;
    char small[8];
    (void)state;
    e = at("a.csv", "", 3, 125);
    assert_string_equal(loc(&e, 0), "a.csv:3:125");
    assert_string_equal(loc(&e, PEKPPP_LOCATION_NO_FILE), "3:125");
    assert_string_equal(loc(&e, PEKPPP_LOCATION_CELL), "");
    e = at("a.csv", "", 0, 0);
    assert_string_equal(loc(&e, 0), "a.csv");
    e = at("", "", 0, 0);
    assert_string_equal(loc(&e, 0), "");
    e = at("book.xlsx", "Rekap", 7, 3);
    assert_string_equal(loc(&e, 0), "book.xlsx:Rekap!C7");
    assert_string_equal(loc(&e, PEKPPP_LOCATION_NO_FILE), "Rekap!C7");
    assert_string_equal(loc(&e, PEKPPP_LOCATION_CELL), "C7");
    e = at("book.xlsx", "Rekap 2024", 7, 26);
    assert_string_equal(loc(&e, 0), "book.xlsx:'Rekap 2024'!Z7");
    e = at("book.xlsx", "O'Neil", 1, 27);
    assert_string_equal(loc(&e, 0), "book.xlsx:'O''Neil'!AA1");
    e = at("b.xlsx", "Q4", 2, 702);
    assert_string_equal(loc(&e, 0), "b.xlsx:'Q4'!ZZ2");
    e = at("b.xlsx", "2024", 2, 703);
    assert_string_equal(loc(&e, 0), "b.xlsx:'2024'!AAA2");
    e = at("b.xlsx", "Penilaian_Mandiri.v2", 2, 16384);
    assert_string_equal(loc(&e, 0), "b.xlsx:Penilaian_Mandiri.v2!XFD2");
    e = at("b.xlsx", "Survei", 0, 0);
    assert_string_equal(loc(&e, 0), "b.xlsx:Survei");
    e = at("b.xlsx", "Survei", 9, 0);
    assert_string_equal(loc(&e, 0), "b.xlsx:Survei!9:9");
    e = at("book.xlsx", "Rekap", 7, 3);
    assert_int_equal(pekppp_error_location(&e, 0, small, sizeof(small)), strlen("book.xlsx:Rekap!C7"));
    assert_string_equal(small, "book.xl");
}

/* The CLI's stderr line and the four lint formats. */
static void test_location__cli_and_lint(void **state)
{
    pekppp_error e = at("book.xlsx", "Rekap 2024", 7, 3), c = at("a.csv", "", 3, 125);
    pekppp_sink s;
    lint_report r;
    (void)state;
    cli_set_lang(1);
    pekppp_sink_init_buffer(&s);
    cli_format_diag(&s, &e);
    cli_format_diag(&s, &c);
    assert_non_null(strstr(s.data, "book.xlsx:'Rekap 2024'!C7: error: 4.a.K: level 6"));
    assert_non_null(strstr(s.data, "a.csv:3:125: error: 4.a.K: level 6"));
    pekppp_sink_dispose(&s);

    memset(&r, 0, sizeof(r));
    pekppp_sink_init_buffer(&s);
    r.out = &s;
    r.format = LINT_JSON;
    lint_report_begin(&r);
    lint_report_problem(&e, &r);
    lint_report_problem(&c, &r);
    lint_report_end(&r, 1);
    assert_non_null(strstr(s.data, "{\"file\": \"book.xlsx\", \"line\": 7, \"column\": 3, "
                                   "\"sheet\": \"Rekap 2024\", \"cell\": \"C7\", \"severity\""));
    assert_non_null(strstr(s.data, "{\"file\": \"a.csv\", \"line\": 3, \"column\": 125, "
                                   "\"severity\""));
    pekppp_sink_dispose(&s);

    memset(&r, 0, sizeof(r));
    pekppp_sink_init_buffer(&s);
    r.out = &s;
    r.format = LINT_GITHUB;
    lint_report_problem(&e, &r);
    lint_report_problem(&c, &r);
    assert_string_equal(s.data,
                        "::error file=book.xlsx,line=7,col=3,title=pekppp unit.level::'Rekap "
                        "2024'!C7: 4.a.K: level 6 of '4.a.K' is outside the scale 0 to 5\n"
                        "::error file=a.csv,line=3,col=125,title=pekppp unit.level::4.a.K: level "
                        "6 of '4.a.K' is outside the scale 0 to 5\n");
    pekppp_sink_dispose(&s);

    memset(&r, 0, sizeof(r));
    pekppp_sink_init_buffer(&s);
    r.out = &s;
    r.format = LINT_SARIF;
    lint_report_begin(&r);
    lint_report_problem(&e, &r);
    lint_report_problem(&c, &r);
    lint_report_end(&r, 1);
    assert_non_null(strstr(s.data, "\"region\": {\"startLine\": 7, \"startColumn\": 3}},\n"
                                   "           \"logicalLocations\": [{\"name\": \"C7\", "
                                   "\"fullyQualifiedName\": \"'Rekap 2024'!C7\", \"kind\": "
                                   "\"cell\"}]}],"));
    assert_non_null(strstr(s.data, "\"region\": {\"startLine\": 3, \"startColumn\": 125}}}],"));
    pekppp_sink_dispose(&s);
    cli_set_lang(0);
}

static char *written(pekppp_report_format f, const pekppp_batch *b, const pekppp_diff *d)
{
    pekppp_sink s;
    pekppp_report_options o = PEKPPP_REPORT_OPTIONS_INIT;
    o.lang = PEKPPP_LANG_EN;
    pekppp_sink_init_buffer(&s);
    if (b)
        assert_int_equal(pekppp_batch_write(&s, b, f, &o, NULL, NULL), 0);
    else
        assert_int_equal(pekppp_diff_write(&s, d, f, &o), 0);
    {
        char *t = strdup(s.data);
        pekppp_sink_dispose(&s);
        return t;
    }
}

/* Batch failures in text, Markdown, HTML, JSON and CSV; diff failures in text, JSON, CSV. */
static void test_location__batch_and_diff_failures(void **state)
{
    pekppp_rubric *rub = NULL;
    pekppp_batch *b = NULL;
    pekppp_diff *d = NULL;
    pekppp_error e = at("book.xlsx", "Rekap 2024", 7, 3), c = at("a.csv", "", 3, 125), err;
    char *t;
    (void)state;
    assert_int_equal(pekppp_rubric_load_file(&rub, RUBRIC, NULL, &err), 0);
    assert_int_equal(pekppp_batch_new(&b, rub, NULL), 0);
    assert_int_equal(pekppp_batch_add_failure(b, &e), 0);
    assert_int_equal(pekppp_batch_add_failure(b, &c), 0);
    assert_int_equal(pekppp_batch_finish(b, &err), 0);
    t = written(PEKPPP_FORMAT_TEXT, b, NULL);
    assert_non_null(strstr(t, "  book.xlsx:'Rekap 2024'!C7: 4.a.K: level 6"));
    assert_non_null(strstr(t, "  a.csv:3:125: 4.a.K: level 6"));
    free(t);
    t = written(PEKPPP_FORMAT_MD, b, NULL);
    assert_non_null(strstr(t, "- book.xlsx:'Rekap 2024'!C7: 4.a.K: level 6"));
    assert_non_null(strstr(t, "- a.csv:3:125: 4.a.K: level 6"));
    free(t);
    t = written(PEKPPP_FORMAT_HTML, b, NULL);
    assert_non_null(strstr(t, "<li><code>book.xlsx:&#39;Rekap 2024&#39;!C7</code>: ") ||
                    strstr(t, "<li><code>book.xlsx:'Rekap 2024'!C7</code>: "));
    assert_non_null(strstr(t, "<li><code>a.csv:3:125</code>: "));
    free(t);
    t = written(PEKPPP_FORMAT_JSON, b, NULL);
    assert_non_null(strstr(t, "{\"file\": \"book.xlsx\", \"line\": 7, \"column\": 3, \"sheet\": "
                              "\"Rekap 2024\", \"cell\": \"C7\", \"path\": \"4.a.K\""));
    assert_non_null(strstr(t, "{\"file\": \"a.csv\", \"line\": 3, \"column\": 125, \"path\""));
    free(t);
    t = written(PEKPPP_FORMAT_CSV, b, NULL);
    assert_non_null(strstr(t, ",book.xlsx,'Rekap 2024'!C7,,4.a.K,level 6"));
    assert_non_null(strstr(t, ",a.csv,3,125,4.a.K,level 6"));
    free(t);
    pekppp_batch_free(b);

    assert_int_equal(pekppp_diff_new(&d), 0);
    assert_int_equal(pekppp_diff_add_failure(d, PEKPPP_DIFF_NEW, &e), 0);
    assert_int_equal(pekppp_diff_add_failure(d, PEKPPP_DIFF_OLD, &c), 0);
    assert_int_equal(pekppp_diff_finish(d, &err), 0);
    t = written(PEKPPP_FORMAT_TEXT, NULL, d);
    assert_non_null(strstr(t, "  book.xlsx:'Rekap 2024'!C7: 4.a.K: level 6"));
    assert_non_null(strstr(t, "  a.csv:3:125: 4.a.K: level 6"));
    free(t);
    t = written(PEKPPP_FORMAT_JSON, NULL, d);
    assert_non_null(strstr(t, "\"file\": \"book.xlsx\", \"line\": 7, \"column\": 3, \"sheet\": "
                              "\"Rekap 2024\", \"cell\": \"C7\", \"path\": \"4.a.K\""));
    free(t);
    t = written(PEKPPP_FORMAT_CSV, NULL, d);
    assert_non_null(strstr(t, "book.xlsx,'Rekap 2024'!C7,,4.a.K,level 6"));
    assert_non_null(strstr(t, "a.csv,3,125,4.a.K,level 6"));
    free(t);
    pekppp_diff_free(d);
    pekppp_rubric_free(rub);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_location__forms),
        cmocka_unit_test(test_location__cli_and_lint),
        cmocka_unit_test(test_location__batch_and_diff_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
