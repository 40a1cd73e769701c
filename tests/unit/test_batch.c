/*
 * The batch's most-missed indicators: per indicator, the exact sum over the
 * units of the index points it loses below the top level.
 *
 * The units below use the small rubric (tests/fixtures/rubric), chosen so the
 * sums take every path: `na` answers change an aspect's weight sum, a whole
 * aspect `na` is left out (the total weight changes), and a survey makes the
 * evaluator count 75 %, so indicator 1.a meets five denominators: four fill
 * the buckets and the fifth goes to the exact rest.  The expected sums were
 * worked out by hand with fractions:
 *
 *   layanan 60 (1.a 50, 1.b 30, 1.c 20), sarana 40 (2.a 50, 2.b 50)
 *   U1 4 4 4 5 5, no survey: 1.a 3/10, 1.b 9/50, 1.c 3/25
 *   U2 2 na 5 3 na, no survey: 1.a 60/100 50/70 3 = 9/7, 2.a 40/100 50/50 2 = 4/5
 *   U3 5 0 3 na na, survey: sarana left out, 1.b 1 30/100 5 3/4 = 9/8,
 *                           1.c 1 20/100 2 3/4 = 3/10
 *   U4 4 na 4 na na, survey: 1.a 50/70 3/4 = 15/28, 1.c 20/70 3/4 = 3/14
 *   U5 3 5 5 5 5, survey: 1.a 60/100 50/100 2 3/4 = 9/20
 *   U6 0 5 5 na na, no survey: 1.a 50/100 5 = 5/2
 *   1.a 71/14 (5 units), 1.b 261/200 (2), 1.c 111/175 (3), 2.a 4/5 (1), 2.b 0 (0)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "pekppp.h"
#include "batch_internal.h"

#define SMALL_RUBRIC PEKPPP_TEST_FIXTURES "/rubric/small-two-aspects.yaml"

static const char *const units[] = {
    "schema: pekppp/assessment/v1\nrubric: small-two-aspects\n"
    "unit: {id: u1, name: \"Satu\"}\nperiod: \"2025\"\n"
    "answers: {\"1.a\": 4, \"1.b\": 4, \"1.c\": 4, \"2.a\": 5, \"2.b\": 5, \"INF.01\": 0}\n",
    "schema: pekppp/assessment/v1\nrubric: small-two-aspects\n"
    "unit: {id: u2, name: \"Dua\"}\nperiod: \"2025\"\n"
    "answers: {\"1.a\": 2, \"1.b\": na, \"1.c\": 5, \"2.a\": 3, \"2.b\": na, \"INF.01\": 0}\n",
    "schema: pekppp/assessment/v1\nrubric: small-two-aspects\n"
    "unit: {id: u3, name: \"Tiga\"}\nperiod: \"2025\"\n"
    "answers: {\"1.a\": 5, \"1.b\": 0, \"1.c\": 3, \"2.a\": na, \"2.b\": na, \"INF.01\": 0}\n"
    "survey: {score: 4, respondents: 5}\n",
    "schema: pekppp/assessment/v1\nrubric: small-two-aspects\n"
    "unit: {id: u4, name: \"Empat\"}\nperiod: \"2025\"\n"
    "answers: {\"1.a\": 4, \"1.b\": na, \"1.c\": 4, \"2.a\": na, \"2.b\": na, \"INF.01\": 0}\n"
    "survey: {score: 4, respondents: 5}\n",
    "schema: pekppp/assessment/v1\nrubric: small-two-aspects\n"
    "unit: {id: u5, name: \"Lima\"}\nperiod: \"2025\"\n"
    "answers: {\"1.a\": 3, \"1.b\": 5, \"1.c\": 5, \"2.a\": 5, \"2.b\": 5, \"INF.01\": 0}\n"
    "survey: {score: 4, respondents: 5}\n",
    "schema: pekppp/assessment/v1\nrubric: small-two-aspects\n"
    "unit: {id: u6, name: \"Enam\"}\nperiod: \"2025\"\n"
    "answers: {\"1.a\": 0, \"1.b\": 5, \"1.c\": 5, \"2.a\": na, \"2.b\": na, \"INF.01\": 0}\n",
};

typedef struct {
    pekppp_rubric *rubric;
    pekppp_batch *batch;
} fixture;

static int setup(void **state)
{
    static fixture f;
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_error err;
    size_t i;
    memset(&f, 0, sizeof(f));
    if (pekppp_rubric_load_file(&f.rubric, SMALL_RUBRIC, NULL, &err) != 0 ||
        pekppp_batch_new(&f.batch, f.rubric, NULL) != 0)
        return -1;
    opts.rubric = f.rubric;
    for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        pekppp_assessment *a = NULL;
        pekppp_result *res = NULL;
        int rc = pekppp_assessment_load_buffer(&a, units[i], strlen(units[i]), "unit.yaml", &opts,
                                               &err);
        if (rc == 0)
            rc = pekppp_score(&res, a, &err);
        if (rc == 0)
            rc = pekppp_batch_add(f.batch, res, &err);
        pekppp_result_free(res);
        pekppp_assessment_free(a);
        if (rc != 0) {
            print_error("unit %zu: %u:%u: %s\n", i + 1, err.line, err.column, err.message);
            return -1;
        }
    }
    if (pekppp_batch_finish(f.batch, &err) != 0)
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    pekppp_batch_free(f->batch);
    pekppp_rubric_free(f->rubric);
    return 0;
}

static void test_batch__lost_points_per_indicator_are_exact_sums_over_the_units(void **state)
{
    const fixture *f = *state;
    static const struct {
        const char *id;
        long num, den;
        unsigned units;
    } want[] = {
        { "1.a", 71, 14, 5 }, { "1.b", 261, 200, 2 }, { "1.c", 111, 175, 3 },
        { "2.a", 4, 5, 1 },    { "2.b", 0, 1, 0 },
    };
    size_t i;
    assert_int_equal(pekppp_rubric_indicator_count(f->rubric), 5);
    /* 1.a's fifth denominator went to the rest: the path is covered. */
    assert_true(f->batch->missed[0].den[PK_MISSED_BUCKETS - 1] != 0);
    assert_false(pk_rat_is_zero(f->batch->missed[0].rest));
    for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        long pos = pekppp_rubric_find_indicator(f->rubric, want[i].id);
        pk_rat expect, lost;
        char got[100];
        assert_true(pos >= 0);
        assert_int_equal(pk_rat_make(&expect, want[i].num, want[i].den), 0);
        assert_int_equal(pk_missed_total(&f->batch->missed[pos], &lost), 0);
        if (pk_rat_format(got, sizeof(got), lost) < 0)
            strcpy(got, "?");
        if (pk_rat_cmp(lost, expect) != 0)
            fail_msg("%s: lost %s, want %ld/%ld", want[i].id, got, want[i].num, want[i].den);
        assert_int_equal(f->batch->missed[pos].units, want[i].units);
    }
}

/* The page lists them largest first, each total and mean (over the six
 * units) rounded once, half-up: 261/200 = 1.305 -> 1.31. */
static void test_batch__html_lists_the_most_missed_largest_first_rounded_once(void **state)
{
    const fixture *f = *state;
    static const char *const rows[] = {
        "<td><code>1.a</code> Standar layanan</td><td>I</td><td class=\"n\">5 / 6</td>"
        "<td class=\"n lost\">−5.07</td><td class=\"n\">−0.85</td>",
        "<td><code>1.b</code> Maklumat</td><td>I</td><td class=\"n\">2 / 6</td>"
        "<td class=\"n lost\">−1.31</td><td class=\"n\">−0.22</td>",
        "<td><code>2.a</code> Ruang tunggu</td><td>II</td><td class=\"n\">1 / 6</td>"
        "<td class=\"n lost\">−0.80</td><td class=\"n\">−0.13</td>",
        "<td><code>1.c</code> Survei kepuasan</td><td>I</td><td class=\"n\">3 / 6</td>"
        "<td class=\"n lost\">−0.63</td><td class=\"n\">−0.11</td>",
    };
    pekppp_sink sink;
    const char *table, *end, *at;
    size_t i;
    pekppp_sink_init_buffer(&sink);
    assert_int_equal(pekppp_batch_write(&sink, f->batch, PEKPPP_FORMAT_HTML, NULL, NULL, NULL), 0);
    table = strstr(sink.data, "<table id=\"missed-table\">");
    assert_non_null(table);
    end = strstr(table, "</table>");
    assert_non_null(end);
    at = table;
    for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        const char *row = strstr(at, rows[i]);
        if (!row || row > end)
            fail_msg("row %zu missing or out of order: %s", i + 1, rows[i]);
        at = row + strlen(rows[i]);
    }
    /* 2.b is at the top level in every unit that answers it: not listed. */
    at = strstr(table, "<code>2.b</code>");
    assert_true(at == NULL || at > end);
    pekppp_sink_dispose(&sink);
}

/* ------------------------------------------------------------------------ */
/* Sums that outgrow 128 bits                                               */

/* One aspect of twelve indicators that all allow na, with weights 1..11 and
 * 34: each pattern of na answers gives another weight sum, so another
 * denominator, and the exact sums soon outgrow 128 bits.  That must only
 * leave those indicators out of the page, never fail a unit or the batch. */
static void test_batch__sums_too_large_leave_indicators_out_not_units(void **state)
{
    static const int weights[12] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 34 };
    char rubric_text[8192], unit[2048];
    size_t len, i, k;
    pekppp_rubric *r = NULL;
    pekppp_batch *b = NULL;
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_error err;
    pekppp_sink sink;
    (void)state;
    len = (size_t)snprintf(rubric_text, sizeof(rubric_text),
                           "schema: pekppp/rubric/v1\nid: many-na\nversion: \"1\"\n"
                           "scale: {min: 0, max: 5}\nrounding: {decimals: 2}\n"
                           "combine: {evaluator: 100, survey: 0}\n"
                           "bands:\n  - {grade: \"A\", label: \"Prima\", min: 4.51}\n"
                           "  - {grade: \"B\", label: \"Baik\", min: 2.51}\n"
                           "  - {grade: \"F\", label: \"Gagal\", min: 0}\n"
                           "aspects:\n  - id: semua\n    name: \"Semua\"\n    weight: 100\n"
                           "    indicators:\n");
    for (k = 0; k < 12; k++)
        len += (size_t)snprintf(rubric_text + len, sizeof(rubric_text) - len,
                                "      - {id: \"i%zu\", name: \"Indikator %zu\", weight: %d, na: true,"
                                " evidence: [\"bukti\"], levels: [\"l0\", \"l1\", \"l2\", \"l3\", \"l4\", \"l5\"]}\n",
                                k, k, weights[k]);
    assert_true(len < sizeof(rubric_text));
    assert_int_equal(pekppp_rubric_load_buffer(&r, rubric_text, len, "many-na.yaml", NULL, &err), 0);
    assert_int_equal(pekppp_batch_new(&b, r, NULL), 0);
    opts.rubric = r;
    for (i = 1; i <= 200; i++) {
        pekppp_assessment *a = NULL;
        pekppp_result *res = NULL;
        len = (size_t)snprintf(unit, sizeof(unit),
                               "schema: pekppp/assessment/v1\nrubric: many-na\n"
                               "unit: {id: u%03zu, name: \"Unit %zu\"}\nperiod: \"2025\"\nanswers:\n",
                               i, i);
        for (k = 0; k < 12; k++)
            len += (size_t)snprintf(unit + len, sizeof(unit) - len, "  i%zu: %s\n", k,
                                    (i >> k) & 1 ? "na" : "0");
        assert_int_equal(pekppp_assessment_load_buffer(&a, unit, len, "u.yaml", &opts, &err), 0);
        assert_int_equal(pekppp_score(&res, a, &err), 0);
        if (pekppp_batch_add(b, res, &err) != 0)
            fail_msg("unit %zu: %s", i, err.message);
        pekppp_result_free(res);
        pekppp_assessment_free(a);
    }
    assert_int_equal(pekppp_batch_finish(b, &err), 0);
    assert_int_equal(pekppp_batch_scored(b), 200);
    /* Some indicator did outgrow 128 bits, or the test tests nothing. */
    for (k = 0; k < 12 && !b->missed[k].overflow; k++)
        ;
    assert_true(k < 12);
    pekppp_sink_init_buffer(&sink);
    assert_int_equal(pekppp_batch_write(&sink, b, PEKPPP_FORMAT_HTML, NULL, NULL, NULL), 0);
    assert_non_null(strstr(sink.data, "<p class=\"hint\" id=\"missed-left-out\">"));
    pekppp_sink_dispose(&sink);
    pekppp_sink_init_buffer(&sink);
    assert_int_equal(pekppp_batch_write(&sink, b, PEKPPP_FORMAT_TEXT, NULL, NULL, NULL), 0);
    pekppp_sink_dispose(&sink);
    pekppp_batch_free(b);
    pekppp_rubric_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_batch__lost_points_per_indicator_are_exact_sums_over_the_units),
        cmocka_unit_test(test_batch__html_lists_the_most_missed_largest_first_rounded_once),
    };
    const struct CMUnitTest alone[] = {
        cmocka_unit_test(test_batch__sums_too_large_leave_indicators_out_not_units),
    };
    int failed = cmocka_run_group_tests(tests, setup, teardown);
    return failed + cmocka_run_group_tests(alone, NULL, NULL);
}
