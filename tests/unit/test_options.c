/*
 * Options structs: each *_options_init() gives what its INIT macro gives,
 * and every function that takes options refuses a struct version newer
 * than the library with PEKPPP_EINVALID and a message in both languages.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "pekppp.h"

#define SMALL_RUBRIC PEKPPP_TEST_FIXTURES "/rubric/small-two-aspects.yaml"
#define SMALL_UNIT PEKPPP_TEST_FIXTURES "/unit/small-valid.json"
#define NO_SUCH_FILE PEKPPP_TEST_FIXTURES "/no-such-file.yaml"

static const char sheet_text[] = "unit_id,unit_name,1.a\r\nu1,Satu,3\r\n";

/* @p err holds the future-version error for the struct @p name. */
static void assert_future_version_error(const pekppp_error *err, const char *name,
                                        unsigned version)
{
    char want[128];
    assert_int_equal(err->code, PEKPPP_EINVALID);
    snprintf(want, sizeof(want), "%s version %u is newer than this library", name, version);
    if (!strstr(err->message, want))
        fail_msg("message \"%s\" does not say \"%s\"", err->message, want);
    assert_non_null(strstr(err->message, "newer pekppp"));
    snprintf(want, sizeof(want), "%s versi %u lebih baru", name, version);
    if (!strstr(err->message_id, want))
        fail_msg("Indonesian message \"%s\" does not say \"%s\"", err->message_id, want);
    assert_string_equal(err->rule, "pekppp.other");
}

/* ------------------------------------------------------------------------ */
/* Init functions                                                           */

static void test_options__init_functions_match_the_init_macros(void **state)
{
    pekppp_load_options lo, lm = PEKPPP_LOAD_OPTIONS_INIT;
    pekppp_assessment_options ao, am = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_batch_options bo, bm = PEKPPP_BATCH_OPTIONS_INIT;
    pekppp_plan_options po, pm = PEKPPP_PLAN_OPTIONS_INIT;
    pekppp_report_options ro, rm = PEKPPP_REPORT_OPTIONS_INIT;
    (void)state;
    memset(&lo, 0x5a, sizeof(lo));
    assert_int_equal(pekppp_load_options_init(&lo, PEKPPP_LOAD_OPTIONS_VERSION), 0);
    assert_int_equal(lo.version, lm.version);
    assert_ptr_equal(lo.diag, lm.diag);
    assert_ptr_equal(lo.payload, lm.payload);

    memset(&ao, 0x5a, sizeof(ao));
    assert_int_equal(pekppp_assessment_options_init(&ao, PEKPPP_ASSESSMENT_OPTIONS_VERSION), 0);
    assert_int_equal(ao.version, am.version);
    assert_ptr_equal(ao.rubric, am.rubric);
    assert_true(ao.resolve == am.resolve);
    assert_ptr_equal(ao.resolve_payload, am.resolve_payload);
    assert_int_equal(ao.allow_incomplete, am.allow_incomplete);
    assert_true(ao.diag == am.diag);
    assert_ptr_equal(ao.payload, am.payload);

    memset(&bo, 0x5a, sizeof(bo));
    assert_int_equal(pekppp_batch_options_init(&bo, PEKPPP_BATCH_OPTIONS_VERSION), 0);
    assert_int_equal(bo.version, bm.version);
    assert_int_equal(bo.group_by, bm.group_by);

    memset(&po, 0x5a, sizeof(po));
    assert_int_equal(pekppp_plan_options_init(&po, PEKPPP_PLAN_OPTIONS_VERSION), 0);
    assert_int_equal(po.version, pm.version);
    assert_int_equal(po.max_level_step, pm.max_level_step);
    assert_ptr_equal(po.fixed, pm.fixed);
    assert_int_equal(po.nfixed, pm.nfixed);

    memset(&ro, 0x5a, sizeof(ro));
    assert_int_equal(pekppp_report_options_init(&ro, PEKPPP_REPORT_OPTIONS_VERSION), 0);
    assert_int_equal(ro.version, rm.version);
    assert_int_equal(ro.lang, rm.lang);
    assert_int_equal(ro.json_depth, rm.json_depth);
    assert_int_equal(ro.csv_dialect, rm.csv_dialect);
    assert_ptr_equal(ro.baseline, rm.baseline);
    assert_ptr_equal(ro.changes, rm.changes);
    assert_int_equal(ro.nchanges, rm.nchanges);
    assert_ptr_equal(ro.timestamp, rm.timestamp);
    assert_ptr_equal(ro.plan, rm.plan);
}

/* Version 0 and a future version are refused and leave the struct alone. */
static void test_options__init_refuses_unknown_versions(void **state)
{
    static const unsigned char untouched[512] = { 0 }; /* larger than every options struct */
    pekppp_load_options lo;
    pekppp_assessment_options ao;
    pekppp_batch_options bo;
    pekppp_plan_options po;
    pekppp_report_options ro;
    unsigned bad[2];
    size_t i;
    (void)state;
    for (i = 0; i < 2; i++) {
        memset(&lo, 0, sizeof(lo));
        memset(&ao, 0, sizeof(ao));
        memset(&bo, 0, sizeof(bo));
        memset(&po, 0, sizeof(po));
        memset(&ro, 0, sizeof(ro));
        bad[0] = PEKPPP_LOAD_OPTIONS_VERSION + 1;
        bad[1] = 0;
        assert_int_equal(pekppp_load_options_init(&lo, bad[i]), PEKPPP_EINVALID);
        assert_memory_equal(&lo, untouched, sizeof(lo));
        bad[0] = PEKPPP_ASSESSMENT_OPTIONS_VERSION + 1;
        assert_int_equal(pekppp_assessment_options_init(&ao, bad[i]), PEKPPP_EINVALID);
        assert_memory_equal(&ao, untouched, sizeof(ao));
        bad[0] = PEKPPP_BATCH_OPTIONS_VERSION + 1;
        assert_int_equal(pekppp_batch_options_init(&bo, bad[i]), PEKPPP_EINVALID);
        assert_memory_equal(&bo, untouched, sizeof(bo));
        bad[0] = PEKPPP_PLAN_OPTIONS_VERSION + 1;
        assert_int_equal(pekppp_plan_options_init(&po, bad[i]), PEKPPP_EINVALID);
        assert_memory_equal(&po, untouched, sizeof(po));
        bad[0] = PEKPPP_REPORT_OPTIONS_VERSION + 1;
        assert_int_equal(pekppp_report_options_init(&ro, bad[i]), PEKPPP_EINVALID);
        assert_memory_equal(&ro, untouched, sizeof(ro));
    }
    assert_int_equal(pekppp_load_options_init(NULL, PEKPPP_LOAD_OPTIONS_VERSION),
                     PEKPPP_EINVALID);
    assert_int_equal(pekppp_report_options_init(NULL, PEKPPP_REPORT_OPTIONS_VERSION),
                     PEKPPP_EINVALID);
}

/* A program built against version 1 of the report options has a struct that
 * ends before `plan`: init for version 1 writes nothing past it. */
static void test_options__report_init_for_version_1_stays_inside_it(void **state)
{
    pekppp_report_options ro;
    const unsigned char *tail = (const unsigned char *)&ro + offsetof(pekppp_report_options, plan);
    size_t i;
    (void)state;
    memset(&ro, 0x5a, sizeof(ro));
    assert_int_equal(pekppp_report_options_init(&ro, 1), 0);
    assert_int_equal(ro.version, 1);
    assert_int_equal(ro.lang, PEKPPP_LANG_ID);
    assert_ptr_equal(ro.timestamp, NULL);
    for (i = 0; i < sizeof(ro) - offsetof(pekppp_report_options, plan); i++)
        assert_int_equal(tail[i], 0x5a);
}

/* A program built against version 1 of the assessment options has a struct that ends
 * before `sheet`: init for version 1 writes nothing past it, and a sheet opened with a
 * version 1 struct never reads it (the bytes there are not the caller's). */
static void test_options__assessment_init_for_version_1_stays_inside_it(void **state)
{
    pekppp_assessment_options ao;
    const unsigned char *tail =
        (const unsigned char *)&ao + offsetof(pekppp_assessment_options, sheet);
    pekppp_rubric *r = NULL;
    pekppp_sheet *s = NULL;
    pekppp_error err;
    size_t i;
    (void)state;
    memset(&ao, 0x5a, sizeof(ao));
    assert_int_equal(pekppp_assessment_options_init(&ao, 1), 0);
    assert_int_equal(ao.version, 1);
    assert_ptr_equal(ao.rubric, NULL);
    for (i = 0; i < sizeof(ao) - offsetof(pekppp_assessment_options, sheet); i++)
        assert_int_equal(tail[i], 0x5a);
    /* The stray `sheet` bytes would name a sheet of a CSV file: an error if read. */
    ao.sheet = "Rekap";
    ao.allow_incomplete = true;
    assert_int_equal(pekppp_rubric_load_file(&r, PEKPPP_SOURCE_DIR "/rubrics/pekppp-2022-luring.yaml", NULL, &err), 0);
    ao.rubric = r;
    assert_int_equal(pekppp_sheet_open_buffer(&s, "unit_id,unit_name\n", 18, "v1.csv", &ao, &err),
                     0);
    pekppp_sheet_free(s);
    ao.version = 2;
    assert_int_equal(pekppp_sheet_open_buffer(&s, "unit_id,unit_name\n", 18, "v2.csv", &ao, &err),
                     PEKPPP_EINVALID);
    assert_string_equal(err.rule, "unit.sheet");
    pekppp_rubric_free(r);
}

/* ------------------------------------------------------------------------ */
/* Future versions are refused                                              */

static void test_options__loaders_refuse_future_load_and_assessment_options(void **state)
{
    pekppp_load_options lo = PEKPPP_LOAD_OPTIONS_INIT;
    pekppp_assessment_options ao = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_rubric *r = NULL;
    pekppp_assessment *a = NULL;
    pekppp_sheet *s = NULL;
    pekppp_error err;
    const char *text = "schema: pekppp/rubric/v1\n";
    (void)state;
    lo.version = PEKPPP_LOAD_OPTIONS_VERSION + 1;
    assert_int_equal(pekppp_rubric_load_buffer(&r, text, strlen(text), "r.yaml", &lo, &err),
                     PEKPPP_EINVALID);
    assert_null(r);
    assert_future_version_error(&err, "pekppp_load_options", lo.version);
    /* Checked before the file is read: not PEKPPP_ENOTFOUND. */
    assert_int_equal(pekppp_rubric_load_file(&r, NO_SUCH_FILE, &lo, &err), PEKPPP_EINVALID);
    assert_future_version_error(&err, "pekppp_load_options", lo.version);
    assert_int_equal(pekppp_rubric_load_file(&r, SMALL_RUBRIC, NULL, &err), 0);

    ao.rubric = r;
    ao.version = PEKPPP_ASSESSMENT_OPTIONS_VERSION + 7;
    assert_int_equal(pekppp_assessment_load_file(&a, SMALL_UNIT, &ao, &err), PEKPPP_EINVALID);
    assert_null(a);
    assert_future_version_error(&err, "pekppp_assessment_options", ao.version);
    assert_int_equal(pekppp_assessment_load_buffer(&a, "{}", 2, "u.json", &ao, &err),
                     PEKPPP_EINVALID);
    assert_future_version_error(&err, "pekppp_assessment_options", ao.version);
    assert_int_equal(pekppp_sheet_open_buffer(&s, sheet_text, strlen(sheet_text), "s.csv", &ao,
                                              &err),
                     PEKPPP_EINVALID);
    assert_null(s);
    assert_future_version_error(&err, "pekppp_assessment_options", ao.version);
    assert_int_equal(pekppp_sheet_open_file(&s, NO_SUCH_FILE, &ao, &err), PEKPPP_EINVALID);
    assert_future_version_error(&err, "pekppp_assessment_options", ao.version);

    /* A zeroed struct reads as version 1. */
    memset(&ao, 0, sizeof(ao));
    ao.rubric = r;
    assert_int_equal(pekppp_assessment_load_file(&a, SMALL_UNIT, &ao, &err), 0);
    pekppp_assessment_free(a);
    pekppp_rubric_free(r);
}

static void test_options__batch_and_plan_refuse_future_options(void **state)
{
    pekppp_batch_options bo = PEKPPP_BATCH_OPTIONS_INIT;
    pekppp_plan_options po = PEKPPP_PLAN_OPTIONS_INIT;
    pekppp_assessment_options ao = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_rubric *r = NULL;
    pekppp_assessment *a = NULL;
    pekppp_result *res = NULL;
    pekppp_batch *b = (pekppp_batch *)&bo; /* must come back NULL */
    pekppp_plan *p = (pekppp_plan *)&po;
    pekppp_error err;
    (void)state;
    assert_int_equal(pekppp_rubric_load_file(&r, SMALL_RUBRIC, NULL, &err), 0);
    bo.version = PEKPPP_BATCH_OPTIONS_VERSION + 1;
    assert_int_equal(pekppp_batch_new(&b, r, &bo), PEKPPP_EINVALID);
    assert_null(b);
    bo.version = PEKPPP_BATCH_OPTIONS_VERSION;
    assert_int_equal(pekppp_batch_new(&b, r, &bo), 0);
    pekppp_batch_free(b);

    ao.rubric = r;
    assert_int_equal(pekppp_assessment_load_file(&a, SMALL_UNIT, &ao, &err), 0);
    assert_int_equal(pekppp_score(&res, a, &err), 0);
    po.version = PEKPPP_PLAN_OPTIONS_VERSION + 1;
    assert_int_equal(pekppp_plan_make(&p, res, "A", &po, &err), PEKPPP_EINVALID);
    assert_null(p);
    assert_future_version_error(&err, "pekppp_plan_options", po.version);
    po.version = PEKPPP_PLAN_OPTIONS_VERSION;
    assert_int_equal(pekppp_plan_make(&p, res, "A", &po, &err), 0);
    pekppp_plan_free(p);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
    pekppp_rubric_free(r);
}

/* Every writer refuses report options newer than the library, writing nothing. */
static void test_options__writers_refuse_future_report_options(void **state)
{
    pekppp_report_options ro = PEKPPP_REPORT_OPTIONS_INIT, old;
    pekppp_assessment_options ao = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_rubric *r = NULL;
    pekppp_assessment *a = NULL;
    pekppp_result *res = NULL;
    pekppp_batch *b = NULL;
    pekppp_plan *p = NULL;
    pekppp_diff *d = NULL;
    pekppp_sink sink;
    pekppp_error err;
    (void)state;
    assert_int_equal(pekppp_rubric_load_file(&r, SMALL_RUBRIC, NULL, &err), 0);
    ao.rubric = r;
    assert_int_equal(pekppp_assessment_load_file(&a, SMALL_UNIT, &ao, &err), 0);
    assert_int_equal(pekppp_score(&res, a, &err), 0);
    assert_int_equal(pekppp_batch_new(&b, r, NULL), 0);
    assert_int_equal(pekppp_batch_add(b, res, &err), 0);
    assert_int_equal(pekppp_batch_finish(b, &err), 0);
    assert_int_equal(pekppp_plan_make(&p, res, "A", NULL, &err), 0);
    assert_int_equal(pekppp_diff_new(&d), 0);
    assert_int_equal(pekppp_diff_add(d, PEKPPP_DIFF_OLD, res, &err), 0);
    assert_int_equal(pekppp_diff_add(d, PEKPPP_DIFF_NEW, res, &err), 0);
    assert_int_equal(pekppp_diff_finish(d, &err), 0);

    ro.version = PEKPPP_REPORT_OPTIONS_VERSION + 1;
    pekppp_sink_init_buffer(&sink);
    assert_int_equal(pekppp_report_write(&sink, res, PEKPPP_FORMAT_TEXT, &ro), PEKPPP_EINVALID);
    assert_int_equal(pekppp_batch_write(&sink, b, PEKPPP_FORMAT_TEXT, &ro, NULL, NULL),
                     PEKPPP_EINVALID);
    assert_int_equal(pekppp_plan_write(&sink, p, PEKPPP_FORMAT_TEXT, &ro), PEKPPP_EINVALID);
    assert_int_equal(pekppp_diff_write(&sink, d, PEKPPP_FORMAT_TEXT, &ro), PEKPPP_EINVALID);
    assert_int_equal(pekppp_template_write(&sink, r, PEKPPP_FORMAT_TEXT, &ro), PEKPPP_EINVALID);
    assert_int_equal(sink.len, 0);

    /* The current and the first version are read. */
    ro.version = PEKPPP_REPORT_OPTIONS_VERSION;
    assert_int_equal(pekppp_report_write(&sink, res, PEKPPP_FORMAT_TEXT, &ro), 0);
    assert_int_equal(pekppp_report_options_init(&old, 1), 0);
    assert_int_equal(pekppp_template_write(&sink, r, PEKPPP_FORMAT_TEXT, &old), 0);
    assert_int_equal(pekppp_diff_write(&sink, d, PEKPPP_FORMAT_TEXT, &old), 0);
    assert_true(sink.len > 0);
    pekppp_sink_dispose(&sink);

    pekppp_diff_free(d);
    pekppp_plan_free(p);
    pekppp_batch_free(b);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
    pekppp_rubric_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_options__init_functions_match_the_init_macros),
        cmocka_unit_test(test_options__init_refuses_unknown_versions),
        cmocka_unit_test(test_options__report_init_for_version_1_stays_inside_it),
        cmocka_unit_test(test_options__assessment_init_for_version_1_stays_inside_it),
        cmocka_unit_test(test_options__loaders_refuse_future_load_and_assessment_options),
        cmocka_unit_test(test_options__batch_and_plan_refuse_future_options),
        cmocka_unit_test(test_options__writers_refuse_future_report_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
