/*
 * Never lose a unit, never mislead a reader (issue 12), through the public
 * API only: the diff's failures of a side, and the one text cleaner for the
 * terminal (pekppp_text_safe).
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

/* A result file of one unit @p id with exact index @p index, added to @p side. */
static int add_unit_json(pekppp_diff *d, pekppp_diff_side side, const char *id, const char *index,
                         pekppp_error *err)
{
    char doc[1024];
    snprintf(doc, sizeof(doc),
             "{\"schema\": \"pekppp/result/v1\", \"unit\": {\"id\": \"%s\", \"name\": \"N %s\"},"
             " \"rubric\": {\"id\": \"r\", \"version\": \"1\"}, \"grade\": \"B\", \"aspects\": [],"
             " \"exact\": {\"index\": \"%s\", \"aspects\": {}, \"decimals\": 2}}",
             id, id, index);
    return pekppp_diff_add_json(d, side, doc, strlen(doc), "x.json", err);
}

/* The diff written in @p format; the caller disposes of the sink. */
static void write_diff(pekppp_sink *sink, const pekppp_diff *d, pekppp_report_format format)
{
    pekppp_report_options o = PEKPPP_REPORT_OPTIONS_INIT;
    o.lang = PEKPPP_LANG_EN;
    pekppp_sink_init_buffer(sink);
    assert_int_equal(pekppp_diff_write(sink, d, format, &o), 0);
    assert_non_null(sink->data);
}

/* A file that failed on the new side (added by the caller) names no unit:
 * the old side's unit it may have held is "not found", never "only in the
 * old side", and the failure is listed in every format. */
static void test_integrity__a_failed_file_makes_the_other_side_unmatched(void **state)
{
    pekppp_diff *d = NULL;
    pekppp_error err, fail;
    pekppp_sink sink;
    (void)state;
    assert_int_equal(pekppp_diff_new(&d), 0);
    assert_int_equal(add_unit_json(d, PEKPPP_DIFF_OLD, "a", "3", &err), 0);
    assert_int_equal(pekppp_diff_failed(d), 0);
    pekppp_error_clear(&fail);
    fail.code = PEKPPP_EPARSE;
    pekppp_error_set_file(&fail, "new/a.yaml");
    fail.line = 3;
    fail.column = 7;
    pekppp_error_set_message(&fail, "did not find expected key", NULL);
    assert_int_equal(pekppp_diff_add_failure(d, PEKPPP_DIFF_NEW, &fail), 0);
    assert_int_equal(pekppp_diff_failed(d), 1);
    assert_int_equal(pekppp_diff_finish(d, &err), 0);
    assert_int_equal(pekppp_diff_add_failure(d, PEKPPP_DIFF_NEW, &fail), PEKPPP_EINVALID);

    write_diff(&sink, d, PEKPPP_FORMAT_TEXT);
    assert_null(strstr(sink.data, "Only in the old side"));
    assert_non_null(strstr(sink.data, "Not found on the new side (it may be in a file that "
                                      "failed there):\n  a  N a\n"));
    assert_non_null(strstr(sink.data, "Failed on the new side (not compared):\n"
                                      "  new/a.yaml:3:7: did not find expected key\n"));
    pekppp_sink_dispose(&sink);

    write_diff(&sink, d, PEKPPP_FORMAT_JSON);
    assert_non_null(strstr(sink.data, "\"only_old\": [],"));
    assert_non_null(strstr(sink.data, "\"unmatched_old\": [\"a\"],"));
    assert_non_null(strstr(sink.data, "{\"side\": \"new\", \"unit\": null, \"name\": null,\n"
                                      "     \"file\": \"new/a.yaml\", \"line\": 3, \"column\": 7"));
    pekppp_sink_dispose(&sink);

    write_diff(&sink, d, PEKPPP_FORMAT_CSV);
    assert_non_null(strstr(sink.data, "a,N a,unmatched_old,,,,,,,,,,,\r\n"));
    assert_non_null(strstr(sink.data, ",,failed_new,,,,,,,new/a.yaml,3,7,,did not find "
                                      "expected key\r\n"));
    pekppp_sink_dispose(&sink);
    pekppp_diff_free(d);
}

/* A result whose shape is wrong after its unit id is a failure naming that
 * unit: the other side's unit of that id is in the failure, in no list. */
static void test_integrity__a_bad_result_names_its_unit(void **state)
{
    static const char bad[] =
        "{\"schema\": \"pekppp/result/v1\", \"unit\": {\"id\": \"a\", \"name\": \"N a\"},"
        " \"rubric\": {\"id\": \"r\", \"version\": \"1\"}, \"grade\": \"B\", \"aspects\": {}}";
    pekppp_diff *d = NULL;
    pekppp_error err;
    pekppp_sink sink;
    (void)state;
    assert_int_equal(pekppp_diff_new(&d), 0);
    assert_int_equal(add_unit_json(d, PEKPPP_DIFF_OLD, "a", "3", &err), 0);
    assert_int_equal(add_unit_json(d, PEKPPP_DIFF_OLD, "b", "3", &err), 0);
    assert_int_equal(pekppp_diff_add_json(d, PEKPPP_DIFF_NEW, bad, strlen(bad), "new.json", &err),
                     PEKPPP_EINVALID);
    assert_string_equal(err.path, "aspects");
    assert_int_equal(pekppp_diff_failed(d), 1);
    assert_int_equal(pekppp_diff_finish(d, &err), 0);
    write_diff(&sink, d, PEKPPP_FORMAT_JSON);
    /* b may be in no failed file: the failure names a */
    assert_non_null(strstr(sink.data, "\"only_old\": [\"b\"],"));
    assert_non_null(strstr(sink.data, "\"unmatched_old\": [],"));
    assert_non_null(strstr(sink.data, "{\"side\": \"new\", \"unit\": \"a\", \"name\": \"N a\","));
    pekppp_sink_dispose(&sink);
    pekppp_diff_free(d);
}

/* The errors a batch file recorded are failures of its side, with their own
 * place and the batch file they came through; a batch without errors adds none. */
static void test_integrity__batch_errors_are_carried_into_the_diff(void **state)
{
    static const char batch[] =
        "{\"schema\": \"pekppp/batch/v1\", \"units\": [], \"errors\": ["
        "{\"file\": \"u/x.yaml\", \"line\": 4, \"column\": 2, \"path\": null, \"message\": \"m1\"},"
        "{\"file\": \"u/y.yaml\", \"line\": null, \"column\": null, \"path\": \"p\", \"message\": \"m2\"},"
        "7]}";
    static const char clean[] = "{\"schema\": \"pekppp/batch/v1\", \"units\": [], \"errors\": []}";
    pekppp_diff *d = NULL;
    pekppp_error err;
    pekppp_sink sink;
    (void)state;
    assert_int_equal(pekppp_diff_new(&d), 0);
    assert_int_equal(pekppp_diff_add_json(d, PEKPPP_DIFF_OLD, clean, strlen(clean), "o.json", &err),
                     0);
    assert_int_equal(pekppp_diff_add_json(d, PEKPPP_DIFF_NEW, batch, strlen(batch), "b.json", &err),
                     0);
    assert_int_equal(pekppp_diff_failed(d), 3);
    assert_int_equal(pekppp_diff_finish(d, &err), 0);
    write_diff(&sink, d, PEKPPP_FORMAT_TEXT);
    assert_non_null(strstr(sink.data, "  u/x.yaml:4:2: m1\n    (recorded in b.json)\n"
                                      "  u/y.yaml: p: m2\n    (recorded in b.json)\n"
                                      "  b.json: failed (no message recorded)\n"));
    pekppp_sink_dispose(&sink);
    pekppp_diff_free(d);
}

/* 3.194 -> 4.155 shows as 3.19 -> 4.16 (+0.96): the exact change rounded
 * once, not 0.97; the text says so in one line, and only then. */
static void test_integrity__diff_says_why_a_delta_differs_from_the_shown_values(void **state)
{
    static const char note[] = "Changes are the exact differences rounded once";
    pekppp_diff *d = NULL;
    pekppp_error err;
    pekppp_sink sink;
    (void)state;
    assert_int_equal(pekppp_diff_new(&d), 0);
    assert_int_equal(add_unit_json(d, PEKPPP_DIFF_OLD, "a", "1597/500", &err), 0);
    assert_int_equal(add_unit_json(d, PEKPPP_DIFF_NEW, "a", "831/200", &err), 0);
    assert_int_equal(pekppp_diff_finish(d, &err), 0);
    write_diff(&sink, d, PEKPPP_FORMAT_TEXT);
    assert_non_null(strstr(sink.data, "  3.19 B -> 4.16 B  (+0.96)\n"));
    assert_non_null(strstr(sink.data, note));
    pekppp_sink_dispose(&sink);
    pekppp_diff_free(d);

    assert_int_equal(pekppp_diff_new(&d), 0);
    assert_int_equal(add_unit_json(d, PEKPPP_DIFF_OLD, "a", "319/100", &err), 0);
    assert_int_equal(add_unit_json(d, PEKPPP_DIFF_NEW, "a", "416/100", &err), 0);
    assert_int_equal(pekppp_diff_finish(d, &err), 0);
    write_diff(&sink, d, PEKPPP_FORMAT_TEXT);
    assert_non_null(strstr(sink.data, "(+0.97)\n"));
    assert_null(strstr(sink.data, note));
    pekppp_sink_dispose(&sink);
    pekppp_diff_free(d);
}

#define SMALL_RUBRIC PEKPPP_TEST_FIXTURES "/rubric/small-two-aspects.yaml"
#define SMALL_UNIT PEKPPP_TEST_FIXTURES "/report/small-unit.yaml"

/* The batch HTML page of the small unit, with batch options @p bo. */
static void batch_page(pekppp_sink *sink, const pekppp_batch_options *bo)
{
    pekppp_assessment_options ao = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_report_options ro = PEKPPP_REPORT_OPTIONS_INIT;
    pekppp_rubric *r = NULL;
    pekppp_assessment *a = NULL;
    pekppp_result *res = NULL;
    pekppp_batch *b = NULL;
    pekppp_error err;
    assert_int_equal(pekppp_rubric_load_file(&r, SMALL_RUBRIC, NULL, NULL), 0);
    ao.rubric = r;
    assert_int_equal(pekppp_assessment_load_file(&a, SMALL_UNIT, &ao, &err), 0);
    assert_int_equal(pekppp_score(&res, a, &err), 0);
    assert_int_equal(pekppp_batch_new(&b, r, bo), 0);
    assert_int_equal(pekppp_batch_add(b, res, &err), 0);
    assert_int_equal(pekppp_batch_finish(b, &err), 0);
    ro.lang = PEKPPP_LANG_EN;
    pekppp_sink_init_buffer(sink);
    assert_int_equal(pekppp_batch_write(sink, b, PEKPPP_FORMAT_HTML, &ro, NULL, NULL), 0);
    assert_non_null(sink->data);
    pekppp_batch_free(b);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
    pekppp_rubric_free(r);
}

/* The page is titled by the batch's title when one is given (escaped),
 * else by the institution and period the units share; a version 1 caller's
 * struct is never read past its end (its title is not looked for). */
static void test_integrity__batch_page_title_is_the_title_or_what_units_share(void **state)
{
    pekppp_batch_options bo = PEKPPP_BATCH_OPTIONS_INIT;
    struct {
        unsigned version, group_by;
    } v1 = { 1, PEKPPP_GROUP_CATEGORY };
    pekppp_sink sink;
    (void)state;
    bo.title = "Kabupaten <Contoh> 2025";
    batch_page(&sink, &bo);
    assert_non_null(strstr(sink.data, "<title>Kabupaten &lt;Contoh&gt; 2025 — Ranking — PEKPPP</title>"));
    assert_non_null(strstr(sink.data, "<h1>Kabupaten &lt;Contoh&gt; 2025</h1>"));
    pekppp_sink_dispose(&sink);

    batch_page(&sink, (const pekppp_batch_options *)(const void *)&v1);
    assert_null(strstr(sink.data, "&lt;Contoh&gt;"));
    assert_non_null(strstr(sink.data, "<h1>Pemerintah Kabupaten Contoh · Period 2025</h1>"));
    assert_non_null(strstr(sink.data, "<li><strong>"));  /* the heatmap's aspect names, printed */
    pekppp_sink_dispose(&sink);
}

/* pekppp_text_safe: one table of inputs and what a terminal gets. */
static const struct {
    const char *in, *out;
} safe_cases[] = {
    { "Puskesmas Kajen I", "Puskesmas Kajen I" },
    { "", "" },
    { "Dinas Pendapatan – Daerah ✓", "Dinas Pendapatan – Daerah ✓" }, /* UTF-8 kept */
    { "a\tb\nc\rd", "a?b?c?d" },                                  /* C0 */
    { "\x1b[31mmerah\x1b[0m", "?[31mmerah?[0m" },                  /* ESC */
    { "del\x7f", "del?" },
    { "csi\xc2\x9b" "2J", "csi?2J" },                               /* U+009B, one-byte CSI */
    { "\xc2\x80\xc2\x9f\xc2\xa0", "??\xc2\xa0" },                  /* C1 ends; NBSP kept */
    { "4.25 \xe2\x80\xae" "52.4", "4.25 ?52.4" },                  /* RLO */
    { "\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad", "????" },  /* LRE RLE PDF LRO */
    { "\xe2\x81\xa6x\xe2\x81\xa7y\xe2\x81\xa8z\xe2\x81\xa9", "?x?y?z?" }, /* isolates */
    { "\xe2\x80\xa8\xe2\x80\xa9", "??" },                          /* LS PS */
    { "\xe2\x80\x8f\xe2\x81\xa0", "\xe2\x80\x8f\xe2\x81\xa0" },   /* RLM, WJ kept */
    { "bad\xff", "bad?" },                                           /* never UTF-8 */
    { "\x80x", "?x" },                                                /* stray continuation */
    { "\xc0\xaf", "??" },                                             /* overlong '/' */
    { "\xe0\x80\xaf", "???" },                                        /* overlong, 3 bytes */
    { "\xed\xa0\x80", "???" },                                        /* surrogate */
    { "\xf4\x90\x80\x80", "????" },                                   /* above U+10FFFF */
    { "\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80" },                     /* U+1F600 kept */
    { "cut\xe2\x82", "cut??" },                                      /* cut short */
    { "\xe2\x82z", "??z" },
};

static void test_integrity__text_safe_cleans_what_a_terminal_must_not_see(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(safe_cases) / sizeof(safe_cases[0]); i++) {
        char out[64];
        size_t n = pekppp_text_safe(out, sizeof(out), safe_cases[i].in);
        if (strcmp(out, safe_cases[i].out) != 0)
            fail_msg("case %zu: got \"%s\", want \"%s\"", i, out, safe_cases[i].out);
        assert_int_equal(n, strlen(safe_cases[i].out));
    }
}

/* Too small a buffer: the text is cut at a character boundary, and the
 * return says how much room the whole text needs (as snprintf). */
static void test_integrity__text_safe_cuts_whole_characters(void **state)
{
    char out[8];
    (void)state;
    /* "ab" then three 3-byte characters (9 bytes): 2 + 3 fit in 7 bytes, not 2 + 6 */
    assert_int_equal(pekppp_text_safe(out, sizeof(out), "ab\xe2\x80\x93\xe2\x80\x93\xe2\x80\x93"), 11);
    assert_string_equal(out, "ab\xe2\x80\x93");
    /* a '?' fits where the bytes it stands for would not */
    assert_int_equal(pekppp_text_safe(out, 4, "ab\x1b\x1b"), 4);
    assert_string_equal(out, "ab?");
    assert_int_equal(pekppp_text_safe(out, 1, "abc"), 3);
    assert_string_equal(out, "");
    assert_int_equal(pekppp_text_safe(NULL, 0, "abc"), 3);
    assert_int_equal(pekppp_text_safe(out, sizeof(out), NULL), 0);
    assert_string_equal(out, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_integrity__batch_page_title_is_the_title_or_what_units_share),
        cmocka_unit_test(test_integrity__diff_says_why_a_delta_differs_from_the_shown_values),
        cmocka_unit_test(test_integrity__text_safe_cleans_what_a_terminal_must_not_see),
        cmocka_unit_test(test_integrity__text_safe_cuts_whole_characters),
        cmocka_unit_test(test_integrity__a_failed_file_makes_the_other_side_unmatched),
        cmocka_unit_test(test_integrity__a_bad_result_names_its_unit),
        cmocka_unit_test(test_integrity__batch_errors_are_carried_into_the_diff),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
