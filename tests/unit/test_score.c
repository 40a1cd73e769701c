/*
 * Scoring one unit exactly (SCORING.md).
 *
 * Every expected value below was worked out by hand from SCORING.md with
 * exact fractions: the worked checks on the shipped rubric, the float trap,
 * band edges at x.xx5 and just below, na renormalisation, the survey from raw
 * responses, incomplete units, recommendations, and the shipped examples.
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
#include "model.h"

#define SHIPPED_RUBRIC PEKPPP_SOURCE_DIR "/rubrics/pekppp-2022-luring.yaml"
#define SMALL_RUBRIC PEKPPP_TEST_FIXTURES "/rubric/small-two-aspects.yaml"
#define FINE_RUBRIC PEKPPP_TEST_FIXTURES "/rubric/one-aspect-fine-weights.yaml"

#define NA PEKPPP_LEVEL_NA
#define MISSING PEKPPP_LEVEL_MISSING

typedef struct {
    pekppp_rubric *shipped; /* pekppp-2022-luring: 30 indicators */
    pekppp_rubric *small;   /* small-two-aspects: 1.a 1.b(na) 1.c | 2.a(na) 2.b(na) */
    pekppp_rubric *fine;    /* one-aspect-fine-weights: big mid small tiny */
} rubrics;

/* A threshold of 4 decimal places: 40050 is 4.005. */
static pekppp_fixed dec4(int64_t units)
{
    pekppp_fixed v;
    v.units = units;
    v.decimals = 4;
    return v;
}

static rubrics fixtures;

static int setup_rubrics(void **state)
{
    if (pekppp_rubric_load_file(&fixtures.shipped, SHIPPED_RUBRIC, NULL, NULL) != 0 ||
        pekppp_rubric_load_file(&fixtures.small, SMALL_RUBRIC, NULL, NULL) != 0 ||
        pekppp_rubric_load_file(&fixtures.fine, FINE_RUBRIC, NULL, NULL) != 0)
        return -1;
    *state = &fixtures;
    return 0;
}

static int teardown_rubrics(void **state)
{
    (void)state;
    pekppp_rubric_free(fixtures.shipped);
    pekppp_rubric_free(fixtures.small);
    pekppp_rubric_free(fixtures.fine);
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Building and scoring units                                               */

/*
 * Write a unit for @p r answering indicator i with levels[i] ("na" for NA,
 * left out for MISSING), followed by @p survey (YAML text, may be "").
 */
static void make_unit(char *buf, size_t size, const pekppp_rubric *r, const int *levels,
                      const char *survey)
{
    size_t i, n = pekppp_rubric_indicator_count(r);
    int len = snprintf(buf, size,
                       "schema: pekppp/assessment/v1\n"
                       "rubric: %s\n"
                       "unit: {id: \"u-test\", name: \"Unit Uji\", mode: mandiri}\n"
                       "period: \"2025\"\n"
                       "answers:\n",
                       pekppp_rubric_id(r));
    assert_true(len > 0 && (size_t)len < size);
    for (i = 0; i < n; i++) {
        size_t used = (size_t)len;
        if (levels[i] == MISSING)
            continue;
        if (levels[i] == NA)
            len += snprintf(buf + used, size - used, "  \"%s\": na\n", pekppp_rubric_indicator(r, i)->id);
        else
            len += snprintf(buf + used, size - used, "  \"%s\": %d\n", pekppp_rubric_indicator(r, i)->id,
                            levels[i]);
        assert_true((size_t)len < size);
    }
    len += snprintf(buf + len, size - (size_t)len, "%s", survey);
    assert_true((size_t)len < size);
}

/* Load and score; both handles are returned to be freed by the caller. */
static pekppp_result *score_text(pekppp_assessment **a, const char *text, const pekppp_rubric *r,
                                 bool allow_incomplete)
{
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_result *res = NULL;
    pekppp_error err;
    int rc;
    opts.rubric = r;
    opts.allow_incomplete = allow_incomplete;
    pekppp_error_clear(&err);
    rc = pekppp_assessment_load_buffer(a, text, strlen(text), "unit.yaml", &opts, &err);
    if (rc != 0)
        fail_msg("unit does not load: %u:%u: %s", err.line, err.column, err.message);
    rc = pekppp_score(&res, *a, &err);
    if (rc != 0)
        fail_msg("unit does not score: %s", err.message);
    return res;
}

static pekppp_result *score_levels(pekppp_assessment **a, const pekppp_rubric *r, const int *levels,
                                   const char *survey, bool allow_incomplete)
{
    char text[8192];
    make_unit(text, sizeof(text), r, levels, survey);
    return score_text(a, text, r, allow_incomplete);
}

static void fill(int *levels, size_t n, int level)
{
    size_t i;
    for (i = 0; i < n; i++)
        levels[i] = level;
}

static void set_level(int *levels, const pekppp_rubric *r, const char *id, int level)
{
    long i = pekppp_rubric_find_indicator(r, id);
    assert_true(i >= 0);
    levels[i] = level;
}

static void assert_fixed(pekppp_fixed v, const char *text)
{
    char buf[32];
    assert_true(pekppp_fixed_format(buf, sizeof(buf), v) > 0);
    assert_string_equal(buf, text);
}

static pekppp_fixed fixed(int64_t units, const pekppp_rubric *r)
{
    pekppp_fixed f;
    f.units = units;
    f.decimals = pekppp_rubric_decimals(r);
    return f;
}

/* An exact rational equals num/den in value (recommendation gains are kept
 * unreduced, so compare values, not parts). */
static void assert_rat(pk_rat v, int64_t num, int64_t den)
{
    pk_rat want;
    if (pk_rat_make(&want, num, den) == 0 && pk_rat_cmp(v, want) == 0)
        return;
    fail_msg("expected %lld/%lld, got %lld/%lld", (long long)num, (long long)den,
             (long long)v.num, (long long)v.den);
}

/* ------------------------------------------------------------------------ */
/* SCORING.md "Worked check" on the shipped rubric                          */

static void test_score__all_level_3_with_survey_4_gives_3_25_grade_b_minus(void **state)
{
    rubrics *f = *state;
    int levels[64];
    pekppp_assessment *a = NULL;
    pekppp_result *res;
    fill(levels, 30, 3);
    res = score_levels(&a, f->shipped, levels, "survey: {score: 4.00, respondents: 10}\n", false);
    assert_int_equal(res->evaluator_rounded, 300);
    assert_true(res->survey_counts);
    assert_int_equal(res->survey_rounded, 400);
    assert_fixed(pekppp_result_index(res), "3.25");
    assert_rat(res->index, 13, 4);
    assert_string_equal(pekppp_result_band(res)->grade, "B-");
    assert_string_equal(pekppp_result_band(res)->label, "Baik (Dengan Catatan)");
    assert_int_equal(pekppp_result_flags(res), 0);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

static void test_score__all_level_3_without_survey_is_evaluator_3_00_grade_c(void **state)
{
    rubrics *f = *state;
    int levels[64];
    pekppp_assessment *a = NULL;
    pekppp_result *res;
    fill(levels, 30, 3);
    res = score_levels(&a, f->shipped, levels, "", false);
    assert_fixed(pekppp_result_index(res), "3.00");
    assert_string_equal(pekppp_result_band(res)->grade, "C");
    assert_int_equal(pekppp_result_flags(res), PEKPPP_FLAG_SURVEY_MISSING);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

static void test_score__all_5_but_innovation_at_0_gives_4_40_grade_a_minus(void **state)
{
    rubrics *f = *state;
    int levels[64];
    pekppp_assessment *a = NULL;
    pekppp_result *res;
    fill(levels, 30, 5);
    set_level(levels, f->shipped, "29.f.B", 0);
    set_level(levels, f->shipped, "30.f.B", 0);
    res = score_levels(&a, f->shipped, levels, "", false);
    assert_int_equal(res->evaluator_rounded, 440);
    assert_fixed(pekppp_result_index(res), "4.40");
    assert_rat(res->index, 22, 5);
    assert_string_equal(pekppp_result_band(res)->grade, "A-");
    assert_false(res->survey_counts);
    assert_int_equal(pekppp_result_flags(res), PEKPPP_FLAG_SURVEY_MISSING);
    assert_true(res->aspects[5].rounded == 0 && !res->aspects[5].left_out);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

/* Evaluator exactly 4.00 and survey 4.02: the exact index is 4.005, which
 * must round half-up to 4.01 (A-), where binary floating point gives 4.00 (B). */
static void test_score__float_trap_grades_a_minus(void **state)
{
    rubrics *f = *state;
    int levels[64];
    pekppp_assessment *a = NULL;
    pekppp_result *res;
    fill(levels, 30, 4);
    res = score_levels(&a, f->shipped, levels, "survey: {score: 4.02, respondents: 10}\n", false);
    assert_int_equal(res->evaluator_rounded, 400);
    assert_int_equal(res->survey_rounded, 402);
    assert_rat(res->index, 801, 200);
    assert_int_equal(pekppp_result_compare_index(res, dec4(40050)), 0);
    assert_int_equal(pekppp_result_compare_index(res, dec4(40049)), 1);
    assert_int_equal(pekppp_result_compare_index(res, dec4(40051)), -1);
    assert_fixed(pekppp_result_index(res), "4.01");
    assert_string_equal(pekppp_result_band(res)->grade, "A-");
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

/* ------------------------------------------------------------------------ */
/* Band edges through real scoring: index = (50 big + 49.4999 mid +          */
/* 0.5 small + 0.0001 tiny) / 100 on one-aspect-fine-weights                 */

static const struct {
    int big, mid, small, tiny;
    const char *exact; /* for the reader */
    const char *index;
    const char *grade;
} band_edges[] = {
    { 5, 4, 5, 4, "4.505", "4.51", "A" },
    { 5, 4, 5, 5, "4.505001", "4.51", "A" },
    { 5, 4, 5, 3, "4.504999", "4.50", "A-" },
    { 4, 4, 5, 4, "4.005", "4.01", "A-" },
    { 4, 4, 5, 3, "4.004999", "4.00", "B" },
    { 4, 3, 4, 3, "3.505", "3.51", "B" },
    { 4, 3, 4, 2, "3.504999", "3.50", "B-" },
    { 3, 2, 3, 2, "2.505", "2.51", "C" },
    { 3, 2, 3, 1, "2.504999", "2.50", "C-" },
    { 5, 5, 5, 5, "5", "5.00", "A" },
    { 0, 0, 0, 0, "0", "0.00", "F" },
};

static void test_score__band_edges_round_half_up_before_grading(void **state)
{
    rubrics *f = *state;
    size_t i;
    for (i = 0; i < sizeof(band_edges) / sizeof(band_edges[0]); i++) {
        int levels[4];
        pekppp_assessment *a = NULL;
        pekppp_result *res;
        char got[32];
        levels[0] = band_edges[i].big;
        levels[1] = band_edges[i].mid;
        levels[2] = band_edges[i].small;
        levels[3] = band_edges[i].tiny;
        res = score_levels(&a, f->fine, levels, "", false);
        pekppp_fixed_format(got, sizeof(got), pekppp_result_index(res));
        if (strcmp(got, band_edges[i].index) != 0 ||
            strcmp(pekppp_result_band(res)->grade, band_edges[i].grade) != 0)
            print_message("exact %s: expected %s %s, got %s %s\n", band_edges[i].exact,
                          band_edges[i].index, band_edges[i].grade, got,
                          pekppp_result_band(res)->grade);
        assert_string_equal(got, band_edges[i].index);
        assert_string_equal(pekppp_result_band(res)->grade, band_edges[i].grade);
        assert_int_equal(pekppp_result_flags(res), 0);
        pekppp_result_free(res);
        pekppp_assessment_free(a);
    }
}

/* ------------------------------------------------------------------------ */
/* na renormalisation (small rubric: layanan 60 = 1.a 50, 1.b 30, 1.c 20;    */
/* sarana 40 = 2.a 50, 2.b 50)                                               */

static void test_score__na_indicator_leaves_the_weighted_mean_of_the_rest(void **state)
{
    rubrics *f = *state;
    int levels[5] = { 5, NA, 2, 3, 4 };
    pekppp_assessment *a = NULL;
    pekppp_result *res = score_levels(&a, f->small, levels, "", false);
    /* S(layanan) = (50x5 + 20x2) / 70 = 29/7 = 4.142857...; S(sarana) = 3.5 */
    assert_rat(res->aspects[0].score, 29, 7);
    assert_int_equal(res->aspects[0].rounded, 414);
    assert_rat(res->aspects[1].score, 7, 2);
    /* E = (60 x 29/7 + 40 x 3.5) / 100 = 136/35 = 3.885714... */
    assert_rat(res->evaluator, 136, 35);
    assert_int_equal(res->evaluator_rounded, 389);
    assert_fixed(pekppp_result_index(res), "3.89");
    assert_string_equal(pekppp_result_band(res)->grade, "B");
    assert_int_equal(pekppp_result_flags(res), PEKPPP_FLAG_NA_RENORMALISED | PEKPPP_FLAG_SURVEY_MISSING);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

static void test_score__aspect_all_na_is_left_out_and_the_rest_reweighted(void **state)
{
    rubrics *f = *state;
    int levels[5] = { 5, 3, 2, NA, NA };
    pekppp_assessment *a = NULL;
    pekppp_result *res = score_levels(&a, f->small, levels, "", false);
    /* S(layanan) = (250 + 90 + 40) / 100 = 3.8; sarana left out; E = 60 x 3.8 / 60 */
    assert_false(res->aspects[0].left_out);
    assert_true(res->aspects[1].left_out);
    assert_rat(res->evaluator, 19, 5);
    assert_fixed(pekppp_result_index(res), "3.80");
    assert_string_equal(pekppp_result_band(res)->grade, "B");
    assert_int_equal(res->aspects[0].contribution, 380);
    assert_true(pekppp_result_flags(res) & PEKPPP_FLAG_NA_RENORMALISED);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

/* ------------------------------------------------------------------------ */
/* The survey                                                               */

/* Item means: S01 (5+3+4)/3 = 4, S02 (4+2)/2 = 3, S03 3/1 = 3, S04 unanswered.
 * U = (4 + 3 + 3) / 3 = 10/3, where the mean of all six answers is 3.5 and
 * counting S04 as 0 would give 2.5. */
static void test_score__survey_is_the_mean_of_item_means_over_answered_items(void **state)
{
    rubrics *f = *state;
    int levels[5] = { 4, 4, 4, 4, 4 };
    pekppp_assessment *a = NULL;
    pekppp_result *res = score_levels(&a, f->small, levels,
                                      "survey:\n"
                                      "  responses:\n"
                                      "    - {S01: 5, S02: 4, S03: 3}\n"
                                      "    - {S01: 3, S02: 2}\n"
                                      "    - {S01: 4}\n",
                                      false);
    assert_true(res->survey_counts);
    assert_rat(res->survey, 10, 3);
    assert_int_equal(res->survey_rounded, 333);
    /* I = 0.75 x 4 + 0.25 x 10/3 = 23/6 = 3.8333... */
    assert_rat(res->index, 23, 6);
    assert_fixed(pekppp_result_index(res), "3.83");
    assert_string_equal(pekppp_result_band(res)->grade, "B");
    assert_int_equal(pekppp_result_flags(res), 0);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

static void test_score__too_few_respondents_leave_the_survey_out(void **state)
{
    static const char *const surveys[] = {
        "survey:\n  responses:\n    - {S01: 5, S02: 5}\n    - {S01: 5}\n",
        "survey: {score: 5, respondents: 2}\n",
    };
    rubrics *f = *state;
    int levels[5] = { 4, 4, 4, 4, 4 };
    size_t i;
    for (i = 0; i < 2; i++) {
        pekppp_assessment *a = NULL;
        pekppp_result *res = score_levels(&a, f->small, levels, surveys[i], false);
        assert_false(res->survey_counts);
        assert_int_equal(pekppp_result_flags(res), PEKPPP_FLAG_SURVEY_BELOW_MIN);
        assert_fixed(pekppp_result_index(res), "4.00");
        assert_string_equal(pekppp_result_band(res)->grade, "B");
        pekppp_result_free(res);
        pekppp_assessment_free(a);
    }
}

static void test_score__missing_survey_is_flagged_and_the_index_is_the_evaluator(void **state)
{
    rubrics *f = *state;
    int levels[5] = { 4, 4, 4, 4, 5 };
    pekppp_assessment *a = NULL;
    pekppp_result *res = score_levels(&a, f->small, levels, "", false);
    /* E = 0.6 x 4 + 0.4 x 4.5 = 4.2 */
    assert_false(res->survey_counts);
    assert_int_equal(pekppp_result_flags(res), PEKPPP_FLAG_SURVEY_MISSING);
    assert_fixed(pekppp_result_index(res), "4.20");
    assert_string_equal(pekppp_result_band(res)->grade, "A-");
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

/* ------------------------------------------------------------------------ */
/* Incomplete units                                                         */

static void test_score__missing_answer_counts_as_scale_min_when_allowed(void **state)
{
    rubrics *f = *state;
    int levels[5] = { 5, 5, MISSING, 5, 5 };
    pekppp_assessment *a = NULL;
    pekppp_result *res = score_levels(&a, f->small, levels, "", true);
    /* S(layanan) = (250 + 150 + 20 x 0) / 100 = 4 (not 400/80 = 5); E = 2.4 + 2 = 4.4 */
    assert_rat(res->aspects[0].score, 4, 1);
    assert_fixed(pekppp_result_index(res), "4.40");
    assert_string_equal(pekppp_result_band(res)->grade, "A-");
    assert_int_equal(pekppp_result_flags(res), PEKPPP_FLAG_INCOMPLETE | PEKPPP_FLAG_SURVEY_MISSING);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

/* ------------------------------------------------------------------------ */
/* Recommendations                                                          */

typedef struct {
    const char *indicator;
    int from, to;
    int64_t num, den; /* exact gain */
    int64_t rounded;  /* gain in hundredths */
} expected_rec;

static void assert_recs(const pekppp_result *res, const expected_rec *want, size_t n)
{
    size_t i;
    if (res->nrecs != n) {
        for (i = 0; i < res->nrecs; i++)
            print_message("  rec %s %d->%d %lld\n", res->rubric->indicators[res->recs[i].indicator].id,
                          res->recs[i].from, res->recs[i].to, (long long)res->recs[i].gain_rounded);
        fail_msg("expected %zu recommendations, got %zu", n, res->nrecs);
    }
    for (i = 0; i < n; i++) {
        const pk_recommendation *rec = &res->recs[i];
        assert_string_equal(res->rubric->indicators[rec->indicator].id, want[i].indicator);
        assert_int_equal(rec->from, want[i].from);
        assert_int_equal(rec->to, want[i].to);
        assert_rat(rec->gain, want[i].num, want[i].den);
        assert_int_equal(rec->gain_rounded, want[i].rounded);
    }
}

/* gain = W(a) w(i) / 10000 x 0.75 when the survey counts; ties in rubric order. */
static void test_score__recommendation_gains_are_exact_and_ordered(void **state)
{
    static const expected_rec want[] = {
        { "1.a", 3, 4, 9, 40, 23 },   /* 60 x 50 / 10000 x 0.75 = 0.225 */
        { "2.a", 3, 4, 3, 20, 15 },   /* 40 x 50 / 10000 x 0.75 = 0.15 */
        { "2.b", 3, 4, 3, 20, 15 },   /* tie with 2.a: rubric order */
        { "1.b", 3, 4, 27, 200, 14 }, /* 60 x 30 / 10000 x 0.75 = 0.135 */
        { "1.c", 3, 4, 9, 100, 9 },   /* 60 x 20 / 10000 x 0.75 = 0.09 */
    };
    rubrics *f = *state;
    int levels[5] = { 3, 3, 3, 3, 3 };
    pekppp_assessment *a = NULL;
    pekppp_result *res =
        score_levels(&a, f->small, levels, "survey: {score: 4, respondents: 3}\n", false);
    assert_true(res->survey_counts);
    assert_recs(res, want, sizeof(want) / sizeof(want[0]));
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

static void test_score__recommendation_gains_without_survey_are_the_full_share(void **state)
{
    static const expected_rec want[] = {
        { "1.a", 2, 3, 3, 10, 30 }, { "2.a", 0, 1, 1, 5, 20 }, { "2.b", 4, 5, 1, 5, 20 },
        { "1.b", 1, 2, 9, 50, 18 }, { "1.c", 3, 4, 3, 25, 12 },
    };
    rubrics *f = *state;
    int levels[5] = { 2, 1, 3, 0, 4 };
    pekppp_assessment *a = NULL;
    pekppp_result *res = score_levels(&a, f->small, levels, "", false);
    assert_false(res->survey_counts);
    assert_recs(res, want, sizeof(want) / sizeof(want[0]));
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

static void test_score__no_recommendation_for_indicators_at_max_or_na(void **state)
{
    static const expected_rec want[] = {
        { "2.b", 3, 4, 1, 5, 20 },   /* 40 x 50 / 10000 */
        { "1.c", 3, 4, 6, 35, 17 },  /* 60 x 20 / 70 / 100: 1.b is na */
    };
    rubrics *f = *state;
    int levels[5] = { 5, NA, 3, 5, 3 };
    pekppp_assessment *a = NULL;
    pekppp_result *res = score_levels(&a, f->small, levels, "", false);
    assert_recs(res, want, sizeof(want) / sizeof(want[0]));
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

static void test_score__recommendations_on_the_shipped_rubric(void **state)
{
    /* All at 3 with a counting survey: gain = W w / 10000 x 0.75. */
    static const expected_rec want[] = {
        { "14.b.K", 3, 4, 9, 160, 6 },   /* 25 x 30 -> 0.05625 */
        { "29.f.B", 3, 4, 9, 200, 5 },   /* 12 x 50 -> 0.045 */
        { "30.f.B", 3, 4, 9, 200, 5 },
        { "11.b.K", 3, 4, 3, 80, 4 },    /* 25 x 20 -> 0.0375 */
        { "12.b.Ak", 3, 4, 3, 80, 4 },
        { "13.b.K", 3, 4, 3, 80, 4 },
        { "16.c.As", 3, 4, 621, 20000, 3 }, /* 18 x 23 -> 0.03105 */
        { "1.a.Ak", 3, 4, 153, 5000, 3 },   /* 24 x 17 -> 0.0306 */
    };
    rubrics *f = *state;
    int levels[64];
    pekppp_assessment *a = NULL;
    pekppp_result *res;
    size_t i;
    fill(levels, 30, 3);
    res = score_levels(&a, f->shipped, levels, "survey: {score: 4.00, respondents: 10}\n", false);
    assert_int_equal(res->nrecs, 30);
    for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        const pk_recommendation *rec = &res->recs[i];
        assert_string_equal(res->rubric->indicators[rec->indicator].id, want[i].indicator);
        assert_rat(rec->gain, want[i].num, want[i].den);
        assert_int_equal(rec->gain_rounded, want[i].rounded);
    }
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

/* The advice is the rubric's advice for the current level, else the text of
 * the next level.  Checked in the JSON result, where users read it. */
static void test_score__recommendation_advice_is_rubric_advice_else_next_level(void **state)
{
    static const struct {
        int levels[5];
        const char *indicator;
        const char *advice;
    } cases[] = {
        { { 3, 3, 5, 5, 5 }, "1.a", "Bahas standar layanan bersama masyarakat" }, /* advice[3] */
        { { 4, 3, 5, 5, 5 }, "1.a", "Evaluasi standar layanan setiap tahun" },    /* advice[4] */
        { { 2, 3, 5, 5, 5 }, "1.a", "A3 ditetapkan" },                            /* no advice[2] */
        { { 5, 3, 5, 5, 5 }, "1.b", "B4 dipublikasikan" },                        /* no advice */
    };
    rubrics *f = *state;
    size_t i;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        pekppp_assessment *a = NULL;
        pekppp_result *res = score_levels(&a, f->small, cases[i].levels, "", false);
        pekppp_sink sink;
        char want[256];
        const char *rec, *advice;
        pekppp_sink_init_buffer(&sink);
        assert_int_equal(pekppp_report_write(&sink, res, PEKPPP_FORMAT_JSON, NULL), 0);
        /* The advice that follows this indicator's recommendation. */
        snprintf(want, sizeof(want), "\"indicator\": \"%s\",", cases[i].indicator);
        rec = strstr(sink.data, want);
        assert_non_null(rec);
        advice = strstr(rec, "\"advice\": ");
        assert_non_null(advice);
        snprintf(want, sizeof(want), "\"advice\": \"%s\",\n", cases[i].advice);
        if (strncmp(advice, want, strlen(want)) != 0)
            fail_msg("case %zu: expected %s in\n%s", i, want, rec);
        pekppp_sink_dispose(&sink);
        pekppp_result_free(res);
        pekppp_assessment_free(a);
    }
}

/* ------------------------------------------------------------------------ */
/* Supplementary items never count                                          */

static void test_score__supplementary_answer_does_not_change_the_index(void **state)
{
    rubrics *f = *state;
    int levels[5] = { 4, 4, 4, 4, 4 };
    char text[4096], with[4096];
    const char *answers;
    size_t head;
    pekppp_assessment *a = NULL, *b = NULL;
    pekppp_result *ra, *rb;
    make_unit(text, sizeof(text), f->small, levels, "");
    ra = score_text(&a, text, f->small, false);
    /* The same unit with INF.01 answered 0 and then 5. */
    answers = strstr(text, "answers:\n");
    assert_non_null(answers);
    head = (size_t)(answers - text) + strlen("answers:\n");
    memcpy(with, text, head);
    snprintf(with + head, sizeof(with) - head, "  \"INF.01\": 0\n%s", text + head);
    rb = score_text(&b, with, f->small, false);
    assert_int_equal(a->supplement_levels[0], PEKPPP_LEVEL_MISSING);
    assert_int_equal(b->supplement_levels[0], 0);
    assert_int_equal(pekppp_result_compare_index(ra, dec4(40000)), 0);
    assert_int_equal(pekppp_result_compare_index(rb, dec4(40000)), 0);
    assert_int_equal(ra->nrecs, rb->nrecs);
    pekppp_result_free(ra);
    pekppp_result_free(rb);
    pekppp_assessment_free(a);
    pekppp_assessment_free(b);
}

/* ------------------------------------------------------------------------ */
/* The shipped examples                                                     */

static void test_score__examples_score_as_documented(void **state)
{
    static const struct {
        const char *file;
        const char *index;
        const char *grade;
        const char *label;
    } examples[] = {
        { PEKPPP_SOURCE_DIR "/examples/puskesmas-kajen.yaml", "4.25", "A-", "Sangat Baik" },
        { PEKPPP_SOURCE_DIR "/examples/disdukcapil.yaml", "3.58", "B", "Baik" },
        { PEKPPP_SOURCE_DIR "/examples/kecamatan-bojong.yaml", "2.39", "C-", "Cukup (Dengan Catatan)" },
    };
    rubrics *f = *state;
    size_t i;
    for (i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
        pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
        pekppp_assessment *a = NULL;
        pekppp_result *res = NULL;
        pekppp_error err;
        char got[32];
        opts.rubric = f->shipped;
        pekppp_error_clear(&err);
        if (pekppp_assessment_load_file(&a, examples[i].file, &opts, &err) != 0)
            fail_msg("%s:%u:%u: %s", examples[i].file, err.line, err.column, err.message);
        assert_int_equal(pekppp_score(&res, a, &err), 0);
        pekppp_fixed_format(got, sizeof(got), pekppp_result_index(res));
        assert_string_equal(got, examples[i].index);
        assert_string_equal(pekppp_result_band(res)->grade, examples[i].grade);
        assert_string_equal(pekppp_result_band(res)->label, examples[i].label);
        pekppp_result_free(res);
        pekppp_assessment_free(a);
    }
}

/* The kecamatan example has no survey; disdukcapil's comes from 12 responses. */
static void test_score__examples_have_the_documented_parts(void **state)
{
    rubrics *f = *state;
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_assessment *a = NULL;
    pekppp_result *res = NULL;
    opts.rubric = f->shipped;
    assert_int_equal(pekppp_assessment_load_file(&a, PEKPPP_SOURCE_DIR "/examples/disdukcapil.yaml",
                                                 &opts, NULL),
                     0);
    assert_int_equal(pekppp_score(&res, a, NULL), 0);
    assert_true(res->survey_counts);
    assert_int_equal(a->respondents, 12);
    assert_rat(res->survey, 26, 7);
    assert_int_equal(res->evaluator_rounded, 354);
    assert_int_equal(res->survey_rounded, 371);
    pekppp_result_free(res);
    pekppp_assessment_free(a);

    assert_int_equal(pekppp_assessment_load_file(
                         &a, PEKPPP_SOURCE_DIR "/examples/kecamatan-bojong.yaml", &opts, NULL),
                     0);
    assert_int_equal(pekppp_score(&res, a, NULL), 0);
    assert_int_equal(pekppp_result_flags(res), PEKPPP_FLAG_SURVEY_MISSING);
    assert_rat(res->index, 2987, 1250);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

static void test_score__fixed_format_writes_exact_decimals(void **state)
{
    static const struct {
        int64_t units;
        int decimals;
        const char *text;
    } cases[] = { { 440, 2, "4.40" }, { 5, 2, "0.05" }, { -5, 2, "-0.05" }, { 0, 2, "0.00" },
                  { 401, 2, "4.01" }, { 4, 0, "4" },    { 45100, 4, "4.5100" } };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char buf[32];
        pekppp_fixed v;
        v.units = cases[i].units;
        v.decimals = cases[i].decimals;
        assert_int_equal(pekppp_fixed_format(buf, sizeof(buf), v), (int)strlen(cases[i].text));
        assert_string_equal(buf, cases[i].text);
    }
    {
        char tiny[3];
        assert_int_equal(pekppp_fixed_format(tiny, sizeof(tiny), fixed(440, fixtures.small)), -1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_score__all_level_3_with_survey_4_gives_3_25_grade_b_minus),
        cmocka_unit_test(test_score__all_level_3_without_survey_is_evaluator_3_00_grade_c),
        cmocka_unit_test(test_score__all_5_but_innovation_at_0_gives_4_40_grade_a_minus),
        cmocka_unit_test(test_score__float_trap_grades_a_minus),
        cmocka_unit_test(test_score__band_edges_round_half_up_before_grading),
        cmocka_unit_test(test_score__na_indicator_leaves_the_weighted_mean_of_the_rest),
        cmocka_unit_test(test_score__aspect_all_na_is_left_out_and_the_rest_reweighted),
        cmocka_unit_test(test_score__survey_is_the_mean_of_item_means_over_answered_items),
        cmocka_unit_test(test_score__too_few_respondents_leave_the_survey_out),
        cmocka_unit_test(test_score__missing_survey_is_flagged_and_the_index_is_the_evaluator),
        cmocka_unit_test(test_score__missing_answer_counts_as_scale_min_when_allowed),
        cmocka_unit_test(test_score__recommendation_gains_are_exact_and_ordered),
        cmocka_unit_test(test_score__recommendation_gains_without_survey_are_the_full_share),
        cmocka_unit_test(test_score__no_recommendation_for_indicators_at_max_or_na),
        cmocka_unit_test(test_score__recommendations_on_the_shipped_rubric),
        cmocka_unit_test(test_score__recommendation_advice_is_rubric_advice_else_next_level),
        cmocka_unit_test(test_score__supplementary_answer_does_not_change_the_index),
        cmocka_unit_test(test_score__examples_score_as_documented),
        cmocka_unit_test(test_score__examples_have_the_documented_parts),
        cmocka_unit_test(test_score__fixed_format_writes_exact_decimals),
    };
    return cmocka_run_group_tests(tests, setup_rubrics, teardown_rubrics);
}
