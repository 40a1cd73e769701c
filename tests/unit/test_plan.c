/*
 * Plans to a target grade (SCORING.md "Recommendations and plans", plan.h).
 *
 * Three kinds of checks:
 *
 * - exact plans, worked out by hand with fractions (every step, the rounded
 *   index and grade before and after, feasibility), on two small fixture
 *   rubrics (tests/fixtures/plan/) and on the shipped rubric with the shipped
 *   examples;
 * - optimality against exhaustive search: on small rubrics, every unit (every
 *   combination of levels, na included) and every target grade, all the ways
 *   to raise levels are enumerated, giving the fewest one-level steps whose
 *   ROUNDED index reaches the band and, among those, the largest exact index;
 * - optimality on the shipped rubric, where enumeration is out of reach: for
 *   random units, an independent dynamic programme over the indicators
 *   (a knapsack on step counts with exact integers on a common denominator)
 *   gives the best index reachable with exactly k steps.
 *
 * The index is computed here on its own, in integers, from the weights: the
 * planner's steps are applied to the levels and the result re-evaluated, so
 * the test never trusts the planner's own arithmetic.
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
#include "plan_internal.h"

#define SHIPPED_RUBRIC PEKPPP_SOURCE_DIR "/rubrics/pekppp-2022-luring.yaml"
#define SMALL_RUBRIC PEKPPP_TEST_FIXTURES "/rubric/small-two-aspects.yaml"
#define TIES_RUBRIC PEKPPP_TEST_FIXTURES "/plan/plan-ties-0-3.yaml"
#define NEAR_RUBRIC PEKPPP_TEST_FIXTURES "/plan/plan-near-ties-0-5.yaml"
#define EXAMPLES PEKPPP_SOURCE_DIR "/examples/"

#define NA PEKPPP_LEVEL_NA
#define MISSING PEKPPP_LEVEL_MISSING
#define MAX_IND 32
#define MAX_STEPS 200

enum { R_SHIPPED, R_SMALL, R_TIES, R_NEAR, R_COUNT };

static pekppp_rubric *rubrics[R_COUNT];

static int setup_rubrics(void **state)
{
    static const char *const files[R_COUNT] = { SHIPPED_RUBRIC, SMALL_RUBRIC, TIES_RUBRIC,
                                                NEAR_RUBRIC };
    size_t i;
    for (i = 0; i < R_COUNT; i++) {
        pekppp_error err;
        if (pekppp_rubric_load_file(&rubrics[i], files[i], NULL, &err) != 0) {
            print_error("%s:%u:%u: %s\n", files[i], err.line, err.column, err.message);
            return -1;
        }
    }
    *state = rubrics;
    return 0;
}

static int teardown_rubrics(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < R_COUNT; i++)
        pekppp_rubric_free(rubrics[i]);
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Building, scoring and planning units                                     */

/* A unit answering indicator i with levels[i] (NA: "na", MISSING: left out),
 * followed by @p survey (YAML text, may be ""). */
static void make_unit(char *buf, size_t size, const pekppp_rubric *r, const int *levels,
                      const char *survey)
{
    size_t i, n = pekppp_rubric_indicator_count(r);
    int len = snprintf(buf, size,
                       "schema: pekppp/assessment/v1\n"
                       "rubric: %s\n"
                       "unit: {id: \"u-plan\", name: \"Unit Rencana\"}\n"
                       "period: \"2025\"\n"
                       "answers:\n",
                       pekppp_rubric_id(r));
    assert_true(len > 0 && (size_t)len < size);
    for (i = 0; i < n; i++) {
        size_t used = (size_t)len;
        const char *id = pekppp_rubric_indicator(r, i)->id;
        if (levels[i] == MISSING)
            continue;
        if (levels[i] == NA)
            len += snprintf(buf + used, size - used, "  \"%s\": na\n", id);
        else
            len += snprintf(buf + used, size - used, "  \"%s\": %d\n", id, levels[i]);
        assert_true((size_t)len < size);
    }
    /* Every supplementary item answered: it must never show up in a plan. */
    for (i = 0; i < pekppp_rubric_supplement_count(r); i++) {
        size_t used = (size_t)len;
        len += snprintf(buf + used, size - used, "  \"%s\": %d\n", pekppp_rubric_supplement(r, i)->id,
                        pekppp_rubric_scale_min(r));
        assert_true((size_t)len < size);
    }
    len += snprintf(buf + len, size - (size_t)len, "%s", survey);
    assert_true((size_t)len < size);
}

static pekppp_assessment *load_levels(const pekppp_rubric *r, const int *levels, const char *survey,
                                      bool allow_incomplete)
{
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_assessment *a = NULL;
    pekppp_error err;
    char text[8192];
    make_unit(text, sizeof(text), r, levels, survey);
    opts.rubric = r;
    opts.allow_incomplete = allow_incomplete;
    pekppp_error_clear(&err);
    if (pekppp_assessment_load_buffer(&a, text, strlen(text), "unit.yaml", &opts, &err) != 0)
        fail_msg("unit does not load: %u:%u: %s\n%s", err.line, err.column, err.message, text);
    return a;
}

static pekppp_assessment *load_example(const pekppp_rubric *r, const char *file)
{
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_assessment *a = NULL;
    pekppp_error err;
    opts.rubric = r;
    pekppp_error_clear(&err);
    if (pekppp_assessment_load_file(&a, file, &opts, &err) != 0)
        fail_msg("%s:%u:%u: %s", file, err.line, err.column, err.message);
    return a;
}

static pekppp_result *score(const pekppp_assessment *a)
{
    pekppp_result *res = NULL;
    pekppp_error err;
    pekppp_error_clear(&err);
    if (pekppp_score(&res, a, &err) != 0)
        fail_msg("unit does not score: %s", err.message);
    return res;
}

static pekppp_plan *make_plan(const pekppp_result *res, const char *target, int max_step,
                              const char *const *fixed, size_t nfixed)
{
    pekppp_plan_options po = PEKPPP_PLAN_OPTIONS_INIT;
    pekppp_plan *plan = NULL;
    pekppp_error err;
    int rc;
    po.max_level_step = max_step;
    po.fixed = fixed;
    po.nfixed = nfixed;
    pekppp_error_clear(&err);
    rc = pekppp_plan_make(&plan, res, target, &po, &err);
    if (rc != 0)
        fail_msg("plan to %s fails (%d): %s", target, rc, err.message);
    assert_non_null(plan);
    return plan;
}

static void format_fixed(char *buf, size_t size, pekppp_fixed v)
{
    assert_true(pekppp_fixed_format(buf, size, v) > 0);
}

/* The grade of a rounded index (scaled by 10^4): the band with the highest
 * minimum at or below it, found here without pekppp_rubric_band_for(). */
static const pekppp_band *grade_of(const pekppp_rubric *r, int64_t scaled)
{
    const pekppp_band *best = NULL;
    size_t i;
    for (i = 0; i < pekppp_rubric_band_count(r); i++) {
        const pekppp_band *b = pekppp_rubric_band(r, i);
        if (pk_fixed_dec(b->min) <= scaled &&
            (!best || pk_fixed_dec(b->min) > pk_fixed_dec(best->min)))
            best = b;
    }
    return best;
}

static int64_t pow10_i(int n)
{
    int64_t v = 1;
    while (n-- > 0)
        v *= 10;
    return v;
}

/* ------------------------------------------------------------------------ */
/* Exact plans, worked out by hand                                          */

typedef struct {
    const char *indicator;
    int from, to;
} xstep;

typedef struct {
    const char *what;
    int rubric;
    const char *file;        /* an example unit, or NULL: levels and survey */
    int levels[8];
    const char *survey;
    const char *target;
    int max_step;
    const char *fixed[4];
    bool feasible;
    const char *before, *before_grade;
    const char *after, *after_grade;
    int64_t after_num, after_den; /* the exact index after every step */
    size_t nsteps;
    xstep steps[40];
} plan_case;

/*
 * plan-ties-0-3 (one decimal; thresholds are min - 0.05):
 *   p (50): p1 40, p2 40, p3 20 (na)   q (50): q1 40, q2 30 (na), q3 30
 *   one step adds 0.2 on p1, p2, q1; 0.15 on q2, q3; 0.1 on p3.
 * plan-near-ties-0-5 (survey 25 %, so gains x 0.75):
 *   x (50): x1 50, x2 50             y (50): y1 50.01, y2 49.99 (na)
 *   gains y1 0.1875375 > x1 = x2 0.1875 > y2 0.1874625, all shown as 0.19.
 * pekppp-2022-luring, gains (x 0.75 with a counting survey):
 *   14.b.K 25x30 = 0.075; 29.f.B, 30.f.B 12x50 = 0.06; 11/12/13.b 25x20 =
 *   0.05; 16.c.As 18x23 = 0.0414; 1.a.Ak, 6.a.B 24x17 = 0.0408; 17.c.As,
 *   18.c.K 18x20 = 0.036; 2.a.P, 4.a.K 24x14 = 0.0336; 21.d.T, 24.d.T 11x30.
 */
static const plan_case plan_cases[] = {
    /* Three 0.2 gains tie: rubric order gives p1 all three steps. */
    { "ties: all 0 to E takes p1 three times (rubric order)", R_TIES, NULL, { 0, 0, 0, 0, 0, 0 }, "",
      "E", 0, { NULL }, true, "0.0", "F", "0.6", "E", 3, 5, 3,
      { { "p1", 0, 1 }, { "p1", 1, 2 }, { "p1", 2, 3 } } },
    /* With one level per indicator, the tie goes p1, p2, q1. */
    { "ties: max-level-step 1 spreads the tie in rubric order", R_TIES, NULL, { 0, 0, 0, 0, 0, 0 },
      "", "E", 1, { NULL }, true, "0.0", "F", "0.6", "E", 3, 5, 3,
      { { "p1", 0, 1 }, { "p2", 0, 1 }, { "q1", 0, 1 } } },
    /* 0.15 + 8 x 0.2 = 1.75 exactly: rounds half-up to 1.8, grade C. */
    { "ties: an exact index on the threshold reaches the band", R_TIES, NULL, { 0, 0, 0, 0, 0, 1 },
      "", "C", 0, { NULL }, true, "0.2", "F", "1.8", "C", 7, 4, 8,
      { { "p1", 0, 1 }, { "p1", 1, 2 }, { "p1", 2, 3 }, { "p2", 0, 1 }, { "p2", 1, 2 },
        { "p2", 2, 3 }, { "q1", 0, 1 }, { "q1", 1, 2 } } },
    /* 8 x 0.2 = 1.6 rounds to 1.6: the ninth step is needed. */
    { "ties: just below the threshold needs one more step", R_TIES, NULL, { 0, 0, 0, 0, 0, 0 }, "",
      "C", 0, { NULL }, true, "0.0", "F", "1.8", "C", 9, 5, 9,
      { { "p1", 0, 1 }, { "p1", 1, 2 }, { "p1", 2, 3 }, { "p2", 0, 1 }, { "p2", 1, 2 },
        { "p2", 2, 3 }, { "q1", 0, 1 }, { "q1", 1, 2 }, { "q1", 2, 3 } } },
    /* p3 and q2 na: gains q1 2/7, p1 = p2 1/4, q3 3/14.  9 steps give
     * 6/7 + 3/2 = 2.357; two q3 steps more give 39/14 = 2.786 -> 2.8 A. */
    { "ties: na indicators are never planned and renormalise the gains", R_TIES, NULL,
      { 0, 0, NA, 0, NA, 0 }, "", "A", 0, { NULL }, true, "0.0", "F", "2.8", "A", 39, 14, 11,
      { { "q1", 0, 1 }, { "q1", 1, 2 }, { "q1", 2, 3 }, { "p1", 0, 1 }, { "p1", 1, 2 },
        { "p1", 2, 3 }, { "p2", 0, 1 }, { "p2", 1, 2 }, { "p2", 2, 3 }, { "q3", 0, 1 },
        { "q3", 1, 2 } } },
    /* Only p1 and p2 could rise and both are fixed: nothing to plan. */
    { "ties: fixed indicators leave no step: infeasible, zero steps", R_TIES, NULL,
      { 0, 0, 3, 3, 3, 3 }, "", "A", 0, { "p1", "p2", NULL }, false, "1.8", "C", "1.8", "C", 9, 5,
      0, { { NULL, 0, 0 } } },
    /* Every indicator +1 gives 1.0 (E): the plan leads to E in 3 steps. */
    { "ties: infeasible with max-level-step 1 plans to the best grade", R_TIES, NULL,
      { 0, 0, 0, 0, 0, 0 }, "", "B", 1, { NULL }, false, "0.0", "F", "0.6", "E", 3, 5, 3,
      { { "p1", 0, 1 }, { "p2", 0, 1 }, { "q1", 0, 1 } } },
    { "ties: a unit at the top needs no step", R_TIES, NULL, { 3, 3, 3, 3, 3, 3 }, "", "A", 0,
      { NULL }, true, "3.0", "A", "3.0", "A", 3, 1, 0, { { NULL, 0, 0 } } },
    { "ties: a target below the unit's grade needs no step", R_TIES, NULL, { 3, 3, 3, 3, 3, 3 }, "",
      "F", 0, { NULL }, true, "3.0", "A", "3.0", "A", 3, 1, 0, { { NULL, 0, 0 } } },
    /* 1.15 -> 2.35 (2.4, B): q1 fixed; max 2 levels each. */
    { "ties: fix and max-level-step together", R_TIES, NULL, { 1, 2, 0, 2, 1, 0 }, "", "B", 2,
      { "q1", NULL }, true, "1.2", "E", "2.4", "B", 47, 20, 7,
      { { "p1", 1, 2 }, { "p1", 2, 3 }, { "p2", 2, 3 }, { "q2", 1, 2 }, { "q2", 2, 3 },
        { "q3", 0, 1 }, { "q3", 1, 2 } } },
    /* An unanswered p1 counts as 0 (allow_incomplete) and is planned from 0. */
    { "ties: a missing answer is planned from the lowest level", R_TIES, NULL,
      { MISSING, 0, 0, 0, 0, 0 }, "", "E", 0, { NULL }, true, "0.0", "F", "0.6", "E", 3, 5, 3,
      { { "p1", 0, 1 }, { "p1", 1, 2 }, { "p1", 2, 3 } } },
    /* Survey 4.00 counts: index 1.00.  Every rounded gain is 0.19; the exact
     * gains put y1 first: 1 + 3 x 0.1875375 = 1.5626125 -> 1.56 D. */
    { "near ties: exact gains, not rounded ones, order the steps", R_NEAR, NULL, { 0, 0, 0, 0 },
      "survey: {score: 4.00, respondents: 5}\n", "D", 0, { NULL }, true, "1.00", "F", "1.56", "D",
      125009, 80000, 3, { { "y1", 0, 1 }, { "y1", 1, 2 }, { "y1", 2, 3 } } },
    { "near ties: max-level-step 1 takes y1, then x1 and x2 before y2", R_NEAR, NULL,
      { 0, 0, 0, 0 }, "survey: {score: 4.00, respondents: 5}\n", "D", 1, { NULL }, true, "1.00",
      "F", "1.56", "D", 125003, 80000, 3, { { "y1", 0, 1 }, { "x1", 0, 1 }, { "x2", 0, 1 } } },
    /* Survey below the minimum is left out: gains are the full share
     * (y1 0.25005, x1 0.25); 2 + 3 x 0.25005 + 2 x 0.25 = 3.25015. */
    { "near ties: a survey left out gives the full gains", R_NEAR, NULL, { 2, 2, 2, 2 },
      "survey: {score: 4.00, respondents: 4}\n", "B-", 0, { NULL }, true, "2.00", "D", "3.25",
      "B-", 65003, 20000, 5,
      { { "y1", 2, 3 }, { "y1", 3, 4 }, { "y1", 4, 5 }, { "x1", 2, 3 }, { "x1", 3, 4 } } },
    /* y2 na: y1 carries all of aspect y, 0.375 a step: 2.5 + 0.75 = 3.25. */
    { "near ties: na on y2 doubles y1's gain", R_NEAR, NULL, { 2, 2, 2, NA },
      "survey: {score: 4.00, respondents: 5}\n", "B-", 0, { NULL }, true, "2.50", "C-", "3.25",
      "B-", 13, 4, 2, { { "y1", 2, 3 }, { "y1", 3, 4 } } },
    /* Kecamatan Bojong: 2987/1250 = 2.3896, no survey; B- needs 3.005:
     * 0.075 + 5 x 0.06 + 5 x 0.05 = 0.625 -> 3.0146. */
    { "bojong to B-", R_SHIPPED, EXAMPLES "kecamatan-bojong.yaml", { 0 }, NULL, "B-", 0, { NULL },
      true, "2.39", "C-", "3.01", "B-", 15073, 5000, 11,
      { { "14.b.K", 4, 5 }, { "29.f.B", 3, 4 }, { "29.f.B", 4, 5 }, { "30.f.B", 2, 3 },
        { "30.f.B", 3, 4 }, { "30.f.B", 4, 5 }, { "11.b.K", 3, 4 }, { "11.b.K", 4, 5 },
        { "12.b.Ak", 2, 3 }, { "12.b.Ak", 3, 4 }, { "12.b.Ak", 4, 5 } } },
    /* B needs 3.505: + 4 x 0.05 (13.b.K), 2 x 0.0414, 4 x 0.0408, then two
     * 0.036 steps (one leaves it 0.0084 short): 3.5326. */
    { "bojong to B", R_SHIPPED, EXAMPLES "kecamatan-bojong.yaml", { 0 }, NULL, "B", 0, { NULL },
      true, "2.39", "C-", "3.53", "B", 17663, 5000, 23,
      { { "14.b.K", 4, 5 }, { "29.f.B", 3, 4 }, { "29.f.B", 4, 5 }, { "30.f.B", 2, 3 },
        { "30.f.B", 3, 4 }, { "30.f.B", 4, 5 }, { "11.b.K", 3, 4 }, { "11.b.K", 4, 5 },
        { "12.b.Ak", 2, 3 }, { "12.b.Ak", 3, 4 }, { "12.b.Ak", 4, 5 }, { "13.b.K", 1, 2 },
        { "13.b.K", 2, 3 }, { "13.b.K", 3, 4 }, { "13.b.K", 4, 5 }, { "16.c.As", 3, 4 },
        { "16.c.As", 4, 5 }, { "1.a.Ak", 3, 4 }, { "1.a.Ak", 4, 5 }, { "6.a.B", 3, 4 },
        { "6.a.B", 4, 5 }, { "17.c.As", 3, 4 }, { "17.c.As", 4, 5 } } },
    { "bojong to B- with max-level-step 1", R_SHIPPED, EXAMPLES "kecamatan-bojong.yaml", { 0 }, NULL,
      "B-", 1, { NULL }, true, "2.39", "C-", "3.03", "B-", 15149, 5000, 14,
      { { "14.b.K", 4, 5 }, { "29.f.B", 3, 4 }, { "30.f.B", 2, 3 }, { "11.b.K", 3, 4 },
        { "12.b.Ak", 2, 3 }, { "13.b.K", 1, 2 }, { "16.c.As", 3, 4 }, { "1.a.Ak", 3, 4 },
        { "6.a.B", 3, 4 }, { "17.c.As", 3, 4 }, { "18.c.K", 2, 3 }, { "2.a.P", 2, 3 },
        { "4.a.K", 1, 2 }, { "21.d.T", 2, 3 } } },
    /* Every indicator +1 adds exactly 1 (3.3896, B-): A- is out of reach. */
    { "bojong to A- with max-level-step 1 is infeasible", R_SHIPPED,
      EXAMPLES "kecamatan-bojong.yaml", { 0 }, NULL, "A-", 1, { NULL }, false, "2.39", "C-", "3.03",
      "B-", 15149, 5000, 14,
      { { "14.b.K", 4, 5 }, { "29.f.B", 3, 4 }, { "30.f.B", 2, 3 }, { "11.b.K", 3, 4 },
        { "12.b.Ak", 2, 3 }, { "13.b.K", 1, 2 }, { "16.c.As", 3, 4 }, { "1.a.Ak", 3, 4 },
        { "6.a.B", 3, 4 }, { "17.c.As", 3, 4 }, { "18.c.K", 2, 3 }, { "2.a.P", 2, 3 },
        { "4.a.K", 1, 2 }, { "21.d.T", 2, 3 } } },
    { "bojong to B- with the three largest gains fixed", R_SHIPPED,
      EXAMPLES "kecamatan-bojong.yaml", { 0 }, NULL, "B-", 0, { "14.b.K", "29.f.B", "30.f.B", NULL },
      true, "2.39", "C-", "3.04", "B-", 1903, 625, 14,
      { { "11.b.K", 3, 4 }, { "11.b.K", 4, 5 }, { "12.b.Ak", 2, 3 }, { "12.b.Ak", 3, 4 },
        { "12.b.Ak", 4, 5 }, { "13.b.K", 1, 2 }, { "13.b.K", 2, 3 }, { "13.b.K", 3, 4 },
        { "13.b.K", 4, 5 }, { "16.c.As", 3, 4 }, { "16.c.As", 4, 5 }, { "1.a.Ak", 3, 4 },
        { "1.a.Ak", 4, 5 }, { "6.a.B", 3, 4 } } },
    /* Disdukcapil: 501763/140000 = 3.58402, survey counts (x 0.75); A- needs
     * 4.005: 0.05625 + 3 x 0.045 + 7 x 0.0375 = 0.45375 -> 4.03777. */
    { "disdukcapil to A-", R_SHIPPED, EXAMPLES "disdukcapil.yaml", { 0 }, NULL, "A-", 0, { NULL },
      true, "3.58", "B", "4.04", "A-", 70661, 17500, 11,
      { { "14.b.K", 4, 5 }, { "29.f.B", 4, 5 }, { "30.f.B", 3, 4 }, { "30.f.B", 4, 5 },
        { "11.b.K", 3, 4 }, { "11.b.K", 4, 5 }, { "12.b.Ak", 3, 4 }, { "12.b.Ak", 4, 5 },
        { "13.b.K", 2, 3 }, { "13.b.K", 3, 4 }, { "13.b.K", 4, 5 } } },
    { "disdukcapil to A- with max-level-step 1 lands at 4.0142", R_SHIPPED,
      EXAMPLES "disdukcapil.yaml", { 0 }, NULL, "A-", 1, { NULL }, true, "3.58", "B", "4.01", "A-",
      561991, 140000, 12,
      { { "14.b.K", 4, 5 }, { "29.f.B", 4, 5 }, { "30.f.B", 3, 4 }, { "11.b.K", 3, 4 },
        { "12.b.Ak", 3, 4 }, { "13.b.K", 2, 3 }, { "16.c.As", 4, 5 }, { "1.a.Ak", 4, 5 },
        { "6.a.B", 4, 5 }, { "17.c.As", 3, 4 }, { "18.c.K", 3, 4 }, { "2.a.P", 3, 4 } } },
    { "disdukcapil to A with max-level-step 1 is infeasible: plan to A-", R_SHIPPED,
      EXAMPLES "disdukcapil.yaml", { 0 }, NULL, "A", 1, { NULL }, false, "3.58", "B", "4.01", "A-",
      561991, 140000, 12,
      { { "14.b.K", 4, 5 }, { "29.f.B", 4, 5 }, { "30.f.B", 3, 4 }, { "11.b.K", 3, 4 },
        { "12.b.Ak", 3, 4 }, { "13.b.K", 2, 3 }, { "16.c.As", 4, 5 }, { "1.a.Ak", 4, 5 },
        { "6.a.B", 4, 5 }, { "17.c.As", 3, 4 }, { "18.c.K", 3, 4 }, { "2.a.P", 3, 4 } } },
    /* 126233/28000 = 4.50832: just over the 4.505 threshold. */
    { "disdukcapil to A with max-level-step 2 lands at 4.5083", R_SHIPPED,
      EXAMPLES "disdukcapil.yaml", { 0 }, NULL, "A", 2, { NULL }, true, "3.58", "B", "4.51", "A",
      126233, 28000, 32,
      { { "14.b.K", 4, 5 }, { "29.f.B", 4, 5 }, { "30.f.B", 3, 4 }, { "30.f.B", 4, 5 },
        { "11.b.K", 3, 4 }, { "11.b.K", 4, 5 }, { "12.b.Ak", 3, 4 }, { "12.b.Ak", 4, 5 },
        { "13.b.K", 2, 3 }, { "13.b.K", 3, 4 }, { "16.c.As", 4, 5 }, { "1.a.Ak", 4, 5 },
        { "6.a.B", 4, 5 }, { "17.c.As", 3, 4 }, { "17.c.As", 4, 5 }, { "18.c.K", 3, 4 },
        { "18.c.K", 4, 5 }, { "2.a.P", 3, 4 }, { "2.a.P", 4, 5 }, { "4.a.K", 3, 4 },
        { "4.a.K", 4, 5 }, { "24.d.T", 4, 5 }, { "28.e.Ak", 4, 5 }, { "15.c.K", 3, 4 },
        { "15.c.K", 4, 5 }, { "10.b.As", 4, 5 }, { "27.e.Ak", 3, 4 }, { "27.e.Ak", 4, 5 },
        { "22.d.B", 4, 5 }, { "23.d.As", 4, 5 }, { "25.e.P", 3, 4 }, { "25.e.P", 4, 5 } } },
    { "disdukcapil already at B", R_SHIPPED, EXAMPLES "disdukcapil.yaml", { 0 }, NULL, "B", 0,
      { NULL }, true, "3.58", "B", "3.58", "B", 501763, 140000, 0, { { NULL, 0, 0 } } },
    { "disdukcapil above C", R_SHIPPED, EXAMPLES "disdukcapil.yaml", { 0 }, NULL, "C", 0, { NULL },
      true, "3.58", "B", "3.58", "B", 501763, 140000, 0, { { NULL, 0, 0 } } },
    /* Puskesmas Kajen 4.25 A- to A: 90639/20000 = 4.53195. */
    { "puskesmas to A", R_SHIPPED, EXAMPLES "puskesmas-kajen.yaml", { 0 }, NULL, "A", 0, { NULL },
      true, "4.25", "A-", "4.53", "A", 90639, 20000, 8,
      { { "30.f.B", 4, 5 }, { "11.b.K", 4, 5 }, { "12.b.Ak", 4, 5 }, { "13.b.K", 3, 4 },
        { "13.b.K", 4, 5 }, { "16.c.As", 4, 5 }, { "17.c.As", 4, 5 }, { "18.c.K", 3, 4 } } },
};

static size_t count_fixed(const plan_case *c)
{
    size_t n = 0;
    while (n < 4 && c->fixed[n])
        n++;
    return n;
}

static void run_plan_case(const plan_case *c)
{
    const pekppp_rubric *r = rubrics[c->rubric];
    size_t nind = pekppp_rubric_indicator_count(r), nfixed = count_fixed(c), i, j;
    bool incomplete = false;
    pekppp_assessment *a;
    pekppp_result *res, *after;
    pekppp_plan *plan;
    char got[32];
    pk_rat want;

    if (c->file) {
        a = load_example(r, c->file);
    } else {
        for (i = 0; i < nind; i++)
            incomplete |= c->levels[i] == MISSING;
        a = load_levels(r, c->levels, c->survey, incomplete);
    }
    res = score(a);
    format_fixed(got, sizeof(got), pekppp_result_index(res));
    if (strcmp(got, c->before) != 0 || strcmp(pekppp_result_band(res)->grade, c->before_grade) != 0)
        fail_msg("%s: before %s %s, expected %s %s", c->what, got, pekppp_result_band(res)->grade,
                 c->before, c->before_grade);

    plan = make_plan(res, c->target, c->max_step, c->fixed, nfixed);
    if (pekppp_plan_step_count(plan) != c->nsteps || pekppp_plan_feasible(plan) != (int)c->feasible) {
        for (i = 0; i < pekppp_plan_step_count(plan); i++) {
            size_t ind;
            int from, to;
            assert_int_equal(pekppp_plan_step(plan, i, &ind, &from, &to), 0);
            print_message("  step %zu: %s %d -> %d\n", i + 1, pekppp_rubric_indicator(r, ind)->id,
                          from, to);
        }
        fail_msg("%s: %zu steps, feasible %d; expected %zu, %d", c->what,
                 pekppp_plan_step_count(plan), pekppp_plan_feasible(plan), c->nsteps,
                 (int)c->feasible);
    }
    for (i = 0; i < c->nsteps; i++) {
        size_t ind;
        int from, to;
        assert_int_equal(pekppp_plan_step(plan, i, &ind, &from, &to), 0);
        assert_true(ind < nind); /* a scored indicator, never a supplementary item */
        if (strcmp(pekppp_rubric_indicator(r, ind)->id, c->steps[i].indicator) != 0 ||
            from != c->steps[i].from || to != c->steps[i].to)
            fail_msg("%s: step %zu is %s %d -> %d, expected %s %d -> %d", c->what, i + 1,
                     pekppp_rubric_indicator(r, ind)->id, from, to, c->steps[i].indicator,
                     c->steps[i].from, c->steps[i].to);
        for (j = 0; j < nfixed; j++)
            assert_string_not_equal(pekppp_rubric_indicator(r, ind)->id, c->fixed[j]);
        /* Apply the step: it must start from the current answer. */
        assert_int_equal(pekppp_assessment_level(a, ind) == MISSING ? pekppp_rubric_scale_min(r)
                                                                   : pekppp_assessment_level(a, ind),
                         from);
        assert_int_equal(pekppp_assessment_set_level(a, ind, to), 0);
    }
    format_fixed(got, sizeof(got), pekppp_plan_after(plan));
    if (strcmp(got, c->after) != 0)
        fail_msg("%s: after %s, expected %s", c->what, got, c->after);

    /* The answers with every step applied score exactly as expected. */
    after = score(a);
    assert_int_equal(pk_rat_make(&want, c->after_num, c->after_den), 0);
    if (pk_rat_cmp(after->index, want) != 0)
        fail_msg("%s: exact index after the steps is not %lld/%lld", c->what,
                 (long long)c->after_num, (long long)c->after_den);
    format_fixed(got, sizeof(got), pekppp_result_index(after));
    assert_string_equal(got, c->after);
    assert_string_equal(pekppp_result_band(after)->grade, c->after_grade);

    pekppp_result_free(after);
    pekppp_plan_free(plan);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

static void test_plan__exact_plans_worked_out_by_hand(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(plan_cases) / sizeof(plan_cases[0]); i++)
        run_plan_case(&plan_cases[i]);
}

/* The plan's JSON carries what the table checks, in FORMATS.md section 6
 * form: here the infeasible plan with no step at all. */
static void test_plan__json_of_an_infeasible_plan_without_steps(void **state)
{
    static const int levels[6] = { 0, 0, 3, 3, 3, 3 };
    static const char *const fixed[] = { "p1", "p2" };
    const pekppp_rubric *r = rubrics[R_TIES];
    pekppp_assessment *a;
    pekppp_result *res;
    pekppp_plan *plan;
    pekppp_sink sink;
    (void)state;
    a = load_levels(r, levels, "", false);
    res = score(a);
    plan = make_plan(res, "A", 0, fixed, 2);
    pekppp_sink_init_buffer(&sink);
    assert_int_equal(pekppp_plan_write(&sink, plan, PEKPPP_FORMAT_JSON, NULL), 0);
    assert_string_equal(sink.data,
                        "{\n"
                        "  \"schema\": \"pekppp/plan/v1\",\n"
                        "  \"unit\": {\"id\": \"u-plan\", \"name\": \"Unit Rencana\"},\n"
                        "  \"target\": {\"grade\": \"A\", \"min\": 2.8},\n"
                        "  \"feasible\": false,\n"
                        "  \"before\": {\"index\": 1.8, \"grade\": \"C\"},\n"
                        "  \"after\": {\"index\": 1.8, \"grade\": \"C\"},\n"
                        "  \"best\": {\"index\": 1.8, \"grade\": \"C\"},\n"
                        "  \"steps\": []\n"
                        "}\n");
    pekppp_sink_dispose(&sink);
    assert_int_equal(pekppp_plan_write(&sink, plan, PEKPPP_FORMAT_CSV, NULL), PEKPPP_EINVALID);
    pekppp_sink_dispose(&sink);
    pekppp_plan_free(plan);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

static void test_plan__unknown_grade_or_fixed_id_is_invalid(void **state)
{
    static const char *const unknown[] = { "99.z" };
    static const char *const supplementary[] = { "INF.01" };
    const pekppp_rubric *r = rubrics[R_SHIPPED];
    pekppp_plan_options po = PEKPPP_PLAN_OPTIONS_INIT;
    pekppp_assessment *a = load_example(r, EXAMPLES "kecamatan-bojong.yaml");
    pekppp_result *res = score(a);
    pekppp_plan *plan = (pekppp_plan *)(uintptr_t)0x10; /* must be reset to NULL */
    pekppp_error err;
    (void)state;

    pekppp_error_clear(&err);
    assert_int_equal(pekppp_plan_make(&plan, res, "Z", &po, &err), PEKPPP_EINVALID);
    assert_null(plan);
    assert_non_null(strstr(err.message, "'Z'"));
    assert_int_equal(pekppp_plan_make(&plan, res, "a-", NULL, NULL), PEKPPP_EINVALID);
    assert_null(plan);

    po.fixed = unknown;
    po.nfixed = 1;
    pekppp_error_clear(&err);
    assert_int_equal(pekppp_plan_make(&plan, res, "B", &po, &err), PEKPPP_EINVALID);
    assert_null(plan);
    assert_non_null(strstr(err.message, "'99.z'"));
    /* A supplementary item is not an indicator a plan could keep fixed. */
    po.fixed = supplementary;
    assert_int_equal(pekppp_plan_make(&plan, res, "B", &po, NULL), PEKPPP_EINVALID);
    assert_null(plan);

    /* No options at all: no limit, nothing fixed. */
    assert_int_equal(pekppp_plan_make(&plan, res, "B-", NULL, NULL), 0);
    assert_int_equal(pekppp_plan_step_count(plan), 11);
    {
        size_t ind = 7;
        int from = 7, to = 7;
        assert_int_equal(pekppp_plan_step(plan, 11, &ind, &from, &to), PEKPPP_EINVALID);
    }
    pekppp_plan_free(plan);
    pekppp_plan_free(NULL);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

/* ------------------------------------------------------------------------ */
/* An independent exact evaluator                                          */

/*
 * index = sum_a W(a) S(a) / sum W(a), S(a) = sum w(i) L(i) / sum w(i) over the
 * non-na indicators, and with a counting survey (ev E + su U) / 100.  Weights
 * and U are integers scaled by 10^4.  The value is returned as N / D with D
 * depending only on which answers are na (and the survey), so raising a
 * level changes N alone: N(L + e_i) - N(L) is the step gain on i over D.
 */
typedef struct {
    const pekppp_rubric *r;
    size_t n;
    int smin, smax, decimals;
    bool survey_counts;
    int64_t ev, su, U;
} exact_model;

static pk_i128 gcd128(pk_i128 a, pk_i128 b)
{
    while (b) {
        pk_i128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static void exact_index(const exact_model *m, const int *levels, pk_i128 *N, pk_i128 *D)
{
    size_t na = pekppp_rubric_aspect_count(m->r), a, i;
    pk_i128 wsum[16], snum[16], L = 1, wtot = 0, ne = 0, de;
    assert_true(na <= 16);
    for (a = 0; a < na; a++) {
        const pekppp_aspect *asp = pekppp_rubric_aspect(m->r, a);
        wsum[a] = snum[a] = 0;
        for (i = asp->first; i < asp->first + asp->count; i++) {
            int lv = levels[i];
            if (lv == NA)
                continue;
            if (lv == MISSING)
                lv = m->smin;
            wsum[a] += pekppp_rubric_indicator(m->r, i)->weight;
            snum[a] += (pk_i128)pekppp_rubric_indicator(m->r, i)->weight * lv;
        }
        if (wsum[a] == 0)
            continue;
        L = L / gcd128(L, wsum[a]) * wsum[a];
        wtot += asp->weight;
    }
    assert_true(wtot > 0);
    for (a = 0; a < na; a++)
        if (wsum[a])
            ne += pekppp_rubric_aspect(m->r, a)->weight * snum[a] * (L / wsum[a]);
    de = wtot * L;
    if (m->survey_counts) {
        /* (ev/10^4 E + su/10^4 U/10^4) / 100 */
        *N = (pk_i128)m->ev * ne * 10000 + (pk_i128)m->su * m->U * de;
        *D = de * (pk_i128)10000000000LL;
    } else {
        *N = ne;
        *D = de;
    }
}

/* N / D rounded half-up to the rubric's places, scaled by 10^4 (N >= 0). */
static int64_t rounded_scaled(const exact_model *m, pk_i128 N, pk_i128 D)
{
    pk_i128 q = (2 * N * pow10_i(m->decimals) + D) / (2 * D);
    return (int64_t)q * pow10_i(4 - m->decimals);
}

/* One set of planner options. */
typedef struct {
    int max_step;       /* 0: no limit */
    int fixed;          /* an indicator kept as it is, or -1 */
} setting;

/* best[k]: the largest N gain of exactly k steps (-1: no such plan); kmax
 * the number of steps available. */
typedef struct {
    pk_i128 best[MAX_STEPS + 1];
    int kmax;
} best_table;

static void describe_unit(char *buf, size_t size, const exact_model *m, const int *levels)
{
    size_t i, len = 0;
    buf[0] = '\0';
    for (i = 0; i < m->n && len + 8 < size; i++) {
        int w;
        if (levels[i] == NA)
            w = snprintf(buf + len, size - len, "%s=na ", pekppp_rubric_indicator(m->r, i)->id);
        else
            w = snprintf(buf + len, size - len, "%s=%d ", pekppp_rubric_indicator(m->r, i)->id,
                         levels[i]);
        if (w < 0)
            break;
        len += (size_t)w;
    }
    if (m->survey_counts && len + 24 < size)
        snprintf(buf + len, size - len, "U=%lld/10000", (long long)m->U);
}

static int planned_count;

/*
 * Run the planner on @p res for band @p band_i under @p s and check it
 * against @p bt: the fewest steps, the largest exact index among plans of
 * that size, feasibility, and that every step is legal.  @p gain[i] is the
 * N gain of one step on i (for the order check).
 */
static void verify_plan(const exact_model *m, const pekppp_result *res, const int *levels,
                        pk_i128 N, pk_i128 D, const pk_i128 *gain, const best_table *bt,
                        size_t band_i, const setting *s)
{
    const pekppp_band *target = pekppp_rubric_band(m->r, band_i), *goal = target;
    const char *fixed_id = s->fixed >= 0 ? pekppp_rubric_indicator(m->r, (size_t)s->fixed)->id : NULL;
    int after[MAX_IND], raised[MAX_IND];
    int k, kmin = -1, feasible;
    size_t i, prev = (size_t)-1;
    pk_i128 N2, D2;
    pekppp_plan *plan;
    char unit[512];

    for (k = 0; k <= bt->kmax && kmin < 0; k++)
        if (bt->best[k] >= 0 && rounded_scaled(m, N + bt->best[k], D) >= pk_fixed_dec(target->min))
            kmin = k;
    feasible = kmin >= 0;
    if (!feasible) {
        goal = grade_of(m->r, rounded_scaled(m, N + bt->best[bt->kmax], D));
        assert_non_null(goal);
        for (k = 0; k <= bt->kmax && kmin < 0; k++)
            if (bt->best[k] >= 0 &&
                rounded_scaled(m, N + bt->best[k], D) >= pk_fixed_dec(goal->min))
                kmin = k;
        assert_true(kmin >= 0);
    }

    plan = make_plan(res, target->grade, s->max_step, fixed_id ? &fixed_id : NULL, fixed_id ? 1 : 0);
    planned_count++;
    if (pekppp_plan_feasible(plan) != feasible || pekppp_plan_step_count(plan) != (size_t)kmin) {
        describe_unit(unit, sizeof(unit), m, levels);
        fail_msg("%s: unit %s to %s (max step %d, fixed %s): planner gives %zu steps, feasible %d; "
                 "the search: %d steps, feasible %d",
                 pekppp_rubric_id(m->r), unit, target->grade, s->max_step,
                 fixed_id ? fixed_id : "-", pekppp_plan_step_count(plan),
                 pekppp_plan_feasible(plan), kmin, feasible);
    }
    memcpy(after, levels, m->n * sizeof(int));
    memset(raised, 0, sizeof(raised));
    for (i = 0; i < (size_t)kmin; i++) {
        size_t ind;
        int from, to, cur;
        assert_int_equal(pekppp_plan_step(plan, i, &ind, &from, &to), 0);
        assert_true(ind < m->n);
        cur = after[ind] == MISSING ? m->smin : after[ind];
        if (after[ind] == NA || (int)ind == s->fixed || from != cur || to != from + 1 ||
            to > m->smax || (s->max_step && raised[ind] + 1 > s->max_step)) {
            describe_unit(unit, sizeof(unit), m, levels);
            fail_msg("%s: unit %s to %s: illegal step %zu: %s %d -> %d", pekppp_rubric_id(m->r), unit,
                     target->grade, i + 1, pekppp_rubric_indicator(m->r, ind)->id, from, to);
        }
        /* Largest exact gain first, ties in rubric order. */
        if (prev != (size_t)-1 && (gain[ind] > gain[prev] || (gain[ind] == gain[prev] && ind < prev))) {
            describe_unit(unit, sizeof(unit), m, levels);
            fail_msg("%s: unit %s to %s: step %zu (%s) out of order after %s", pekppp_rubric_id(m->r),
                     unit, target->grade, i + 1, pekppp_rubric_indicator(m->r, ind)->id,
                     pekppp_rubric_indicator(m->r, prev)->id);
        }
        prev = ind;
        raised[ind]++;
        after[ind] = to;
    }
    exact_index(m, after, &N2, &D2);
    assert_true(D2 == D);
    if (N2 != N + bt->best[kmin]) {
        describe_unit(unit, sizeof(unit), m, levels);
        fail_msg("%s: unit %s to %s (max step %d, fixed %s): the planner's %d steps do not reach "
                 "the largest index of %d steps",
                 pekppp_rubric_id(m->r), unit, target->grade, s->max_step,
                 fixed_id ? fixed_id : "-", kmin, kmin);
    }
    {
        pekppp_fixed f = pekppp_plan_after(plan);
        assert_int_equal(f.decimals, m->decimals);
        assert_int_equal(f.units * pow10_i(4 - m->decimals), rounded_scaled(m, N2, D));
    }
    pekppp_plan_free(plan);
}

/* Score @p a, check the score against the evaluator and return the
 * evaluator's N / D and the step gains. */
static pekppp_result *score_checked(const exact_model *m, const pekppp_assessment *a,
                                    const int *levels, pk_i128 *N, pk_i128 *D, pk_i128 *gain)
{
    pekppp_result *res = score(a);
    pk_rat mine;
    size_t i;
    exact_index(m, levels, N, D);
    assert_int_equal(res->survey_counts, m->survey_counts);
    assert_int_equal(pk_rat_make(&mine, *N, *D), 0);
    if (pk_rat_cmp(res->index, mine) != 0) {
        char unit[512];
        describe_unit(unit, sizeof(unit), m, levels);
        fail_msg("%s: unit %s: the scorer and the test's evaluator disagree", pekppp_rubric_id(m->r),
                 unit);
    }
    for (i = 0; i < m->n; i++) {
        int tmp[MAX_IND];
        pk_i128 n1, d1;
        gain[i] = -1;
        if (levels[i] == NA || levels[i] >= m->smax)
            continue;
        memcpy(tmp, levels, m->n * sizeof(int));
        tmp[i] = (levels[i] == MISSING ? m->smin : levels[i]) + 1;
        exact_index(m, tmp, &n1, &d1);
        assert_true(d1 == *D);
        gain[i] = n1 - *N;
        assert_true(gain[i] > 0);
    }
    return res;
}

/* ------------------------------------------------------------------------ */
/* (a) Exhaustive search on small rubrics                                   */

#define MAX_SETTINGS 6

/* Every way to raise the levels of @p levels, each indicator by 0 up to its
 * top: for each setting, the largest N gain of exactly k steps. */
static void enumerate_raises(const exact_model *m, const int *levels, const pk_i128 *gain,
                             const setting *settings, size_t nsettings, best_table *bt)
{
    size_t idx[MAX_IND], np = 0, i, s;
    int cap[MAX_IND], r[MAX_IND];
    for (i = 0; i < m->n; i++)
        if (gain[i] >= 0) {
            idx[np] = i;
            cap[np] = m->smax - (levels[i] == MISSING ? m->smin : levels[i]);
            r[np] = 0;
            np++;
        }
    for (s = 0; s < nsettings; s++) {
        int k;
        for (k = 0; k <= MAX_STEPS; k++)
            bt[s].best[k] = -1;
        bt[s].kmax = 0;
    }
    for (;;) {
        int k = 0, mx = 0;
        pk_i128 g = 0;
        size_t j;
        for (j = 0; j < np; j++) {
            k += r[j];
            if (r[j] > mx)
                mx = r[j];
            g += gain[idx[j]] * r[j];
        }
        assert_true(k <= MAX_STEPS);
        for (s = 0; s < nsettings; s++) {
            bool ok = settings[s].max_step == 0 || mx <= settings[s].max_step;
            for (j = 0; ok && j < np; j++)
                if ((int)idx[j] == settings[s].fixed && r[j] > 0)
                    ok = false;
            if (!ok)
                continue;
            if (g > bt[s].best[k])
                bt[s].best[k] = g;
            if (k > bt[s].kmax)
                bt[s].kmax = k;
        }
        /* next raise vector */
        for (j = 0; j < np; j++) {
            if (r[j] < cap[j]) {
                r[j]++;
                break;
            }
            r[j] = 0;
        }
        if (j == np)
            break;
    }
    /* Every count of steps up to the total is possible. */
    for (s = 0; s < nsettings; s++) {
        int k;
        for (k = 0; k <= bt[s].kmax; k++)
            assert_true(bt[s].best[k] >= 0);
    }
}

/* Every unit of @p m's rubric (every level, and na where allowed), every
 * target grade, every setting. */
static void exhaustive(const exact_model *base, const char *survey, const setting *settings,
                       size_t nsettings)
{
    const pekppp_rubric *r = base->r;
    exact_model m = *base;
    int levels[MAX_IND], lo[MAX_IND];
    size_t i, nb = pekppp_rubric_band_count(r), units = 0;
    pekppp_assessment *a;
    static best_table bt[MAX_SETTINGS];

    assert_true(nsettings <= MAX_SETTINGS);

    for (i = 0; i < m.n; i++) {
        lo[i] = pekppp_rubric_indicator(r, i)->na_allowed ? NA : m.smin;
        levels[i] = m.smin;
    }
    a = load_levels(r, levels, survey, false);
    for (i = 0; i < m.n; i++)
        levels[i] = lo[i];
    for (;;) {
        pekppp_result *res;
        pk_i128 N, D, gain[MAX_IND];
        size_t s, b;
        for (i = 0; i < m.n; i++)
            assert_int_equal(pekppp_assessment_set_level(a, i, levels[i]), 0);
        /* A unit with every indicator na has nothing to score. */
        for (i = 0; i < m.n && levels[i] == NA; i++)
            ;
        if (i < m.n) {
            res = score_checked(&m, a, levels, &N, &D, gain);
            enumerate_raises(&m, levels, gain, settings, nsettings, bt);
            for (s = 0; s < nsettings; s++)
                for (b = 0; b < nb; b++)
                    verify_plan(&m, res, levels, N, D, gain, &bt[s], b, &settings[s]);
            pekppp_result_free(res);
            units++;
        }
        /* next unit */
        for (i = 0; i < m.n; i++) {
            if (levels[i] == NA) {
                levels[i] = m.smin;
                break;
            }
            if (levels[i] < m.smax) {
                levels[i]++;
                break;
            }
            levels[i] = lo[i];
        }
        if (i == m.n)
            break;
    }
    assert_true(units > 0);
    pekppp_assessment_free(a);
}

static exact_model model_for(const pekppp_rubric *r, bool survey_counts, int64_t U)
{
    exact_model m;
    memset(&m, 0, sizeof(m));
    m.r = r;
    m.n = pekppp_rubric_indicator_count(r);
    m.smin = pekppp_rubric_scale_min(r);
    m.smax = pekppp_rubric_scale_max(r);
    m.decimals = pekppp_rubric_decimals(r);
    m.survey_counts = survey_counts;
    m.ev = r->combine_evaluator;
    m.su = r->combine_survey;
    m.U = U;
    assert_true(m.n <= MAX_IND);
    return m;
}

/* plan-ties-0-3: 4 x 5 x 4 x 4 x 5 x 4 = 6400 units (p3, q2 may be na). */
static void test_plan__exhaustive_ties_rubric(void **state)
{
    static const setting settings[] = { { 0, -1 }, { 1, -1 }, { 2, -1 }, { 0, 0 }, { 1, 3 }, { 2, 5 } };
    exact_model m = model_for(rubrics[R_TIES], false, 0);
    (void)state;
    exhaustive(&m, "", settings, sizeof(settings) / sizeof(settings[0]));
}

/* plan-near-ties-0-5: 6 x 6 x 6 x 7 units, with a survey of 4.02 (counts),
 * of 3.98 (counts), of 5 from too few respondents (left out), and none. */
static void test_plan__exhaustive_near_ties_rubric_with_and_without_survey(void **state)
{
    static const setting settings[] = { { 0, -1 }, { 1, -1 }, { 2, -1 }, { 0, 2 }, { 2, 0 } };
    static const struct {
        const char *text;
        bool counts;
        int64_t U;
    } surveys[] = {
        { "survey: {score: 4.02, respondents: 5}\n", true, 40200 },
        { "survey: {score: 3.98, respondents: 9}\n", true, 39800 },
        { "survey: {score: 5, respondents: 4}\n", false, 0 },
        { "", false, 0 },
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(surveys) / sizeof(surveys[0]); i++) {
        exact_model m = model_for(rubrics[R_NEAR], surveys[i].counts, surveys[i].U);
        exhaustive(&m, surveys[i].text, settings, sizeof(settings) / sizeof(settings[0]));
    }
}

/* small-two-aspects (tests/fixtures/rubric): 0..5, five indicators, three of
 * them allowing na, 6 x 7 x 6 x 7 x 7 units, with a counting survey of 3.33. */
static void test_plan__exhaustive_small_rubric(void **state)
{
    static const setting settings[] = { { 0, -1 }, { 1, -1 }, { 2, 1 } };
    exact_model m = model_for(rubrics[R_SMALL], true, 33300);
    (void)state;
    exhaustive(&m, "survey: {score: 3.33, respondents: 3}\n", settings,
               sizeof(settings) / sizeof(settings[0]));
}

/* ------------------------------------------------------------------------ */
/* (b) The shipped rubric: random units against a dynamic programme         */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
    /* splitmix64 */
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int rng_int(int lo, int hi)
{
    return lo + (int)(rng_next() % (uint64_t)(hi - lo + 1));
}

/*
 * best[k] over indicators, a knapsack on step counts: indicator i may take
 * j = 0..cap(i) steps, each adding gain(i), and best[k] is the largest total
 * of exactly k steps.  Nothing here sorts gains.
 */
static void dp_best(const exact_model *m, const int *levels, const pk_i128 *gain, const setting *s,
                    best_table *bt)
{
    pk_i128 next[MAX_STEPS + 1];
    size_t i;
    int k, j;
    for (k = 0; k <= MAX_STEPS; k++)
        bt->best[k] = -1;
    bt->best[0] = 0;
    bt->kmax = 0;
    for (i = 0; i < m->n; i++) {
        int cap;
        if (gain[i] < 0 || (int)i == s->fixed)
            continue;
        cap = m->smax - levels[i];
        if (s->max_step && cap > s->max_step)
            cap = s->max_step;
        for (k = 0; k <= MAX_STEPS; k++)
            next[k] = -1;
        for (k = 0; k <= bt->kmax; k++) {
            if (bt->best[k] < 0)
                continue;
            for (j = 0; j <= cap; j++) {
                pk_i128 v = bt->best[k] + gain[i] * j;
                assert_true(k + j <= MAX_STEPS);
                if (v > next[k + j])
                    next[k + j] = v;
            }
        }
        bt->kmax += cap;
        memcpy(bt->best, next, sizeof(next));
    }
}

static void test_plan__random_units_of_the_shipped_rubric_match_a_dp(void **state)
{
    const pekppp_rubric *r = rubrics[R_SHIPPED];
    size_t nb = pekppp_rubric_band_count(r), n = pekppp_rubric_indicator_count(r);
    int unit;
    (void)state;
    rng_state = 20250605;
    assert_true(n == 30);
    for (unit = 0; unit < 300; unit++) {
        int levels[MAX_IND], kind = unit % 3, lo = unit % 2 ? 2 : 0;
        char survey[96] = "";
        int64_t U = 0;
        exact_model m;
        pekppp_assessment *a;
        pekppp_result *res;
        pk_i128 N, D, gain[MAX_IND];
        setting settings[4];
        size_t i, s, b;

        /* Half the units spread over 0..5, half over 2..5 (near the top
         * bands, where targets become infeasible). */
        for (i = 0; i < n; i++)
            levels[i] = rng_int(lo, 5);
        if (kind == 0) {
            U = (int64_t)rng_int(100, 500) * 100;
            snprintf(survey, sizeof(survey), "survey: {score: %d.%02d, respondents: 10}\n",
                     (int)(U / 10000), (int)(U / 100 % 100));
        } else if (kind == 1) {
            snprintf(survey, sizeof(survey), "survey: {score: 4.5, respondents: 9}\n");
        }
        m = model_for(r, kind == 0, U);
        a = load_levels(r, levels, survey, false);
        res = score_checked(&m, a, levels, &N, &D, gain);
        settings[0].max_step = 0;
        settings[1].max_step = 1;
        settings[2].max_step = 2;
        settings[0].fixed = settings[1].fixed = settings[2].fixed = -1;
        settings[3].max_step = rng_int(0, 2);
        settings[3].fixed = rng_int(0, (int)n - 1);
        for (s = 0; s < 4; s++) {
            best_table bt;
            dp_best(&m, levels, gain, &settings[s], &bt);
            for (b = 0; b < nb; b++)
                verify_plan(&m, res, levels, N, D, gain, &bt, b, &settings[s]);
        }
        pekppp_result_free(res);
        pekppp_assessment_free(a);
    }
}

/* Each step's "index after" is what scoring the unit with that step and the
 * ones before it gives: re-score the unit after every step and compare the
 * rounded index and the grade.  Random units of the shipped rubric, with
 * and without a survey, planned to every grade. */
static void test_plan__each_step_shows_the_index_scoring_would_give(void **state)
{
    const pekppp_rubric *r = rubrics[R_SHIPPED];
    size_t nb = pekppp_rubric_band_count(r), n = pekppp_rubric_indicator_count(r);
    int unit, checked = 0;
    (void)state;
    rng_state = 4242;
    for (unit = 0; unit < 12; unit++) {
        int levels[MAX_IND], now[MAX_IND];
        const char *survey = unit % 2 ? "survey: {score: 3.9, respondents: 12}\n" : "";
        pekppp_assessment *a;
        pekppp_result *res;
        size_t i, b, k;
        for (i = 0; i < n; i++)
            levels[i] = rng_int(0, 5);
        a = load_levels(r, levels, survey, false);
        res = score(a);
        for (b = 0; b < nb; b++) {
            pekppp_plan *plan = make_plan(res, pekppp_rubric_band(r, b)->grade, 0, NULL, 0);
            memcpy(now, levels, sizeof(now));
            for (k = 0; k < pekppp_plan_step_count(plan); k++) {
                const pk_step *st = &plan->steps[k];
                pekppp_assessment *a2;
                pekppp_result *r2;
                now[st->indicator] = st->to;
                a2 = load_levels(r, now, survey, false);
                r2 = score(a2);
                if (r2->index_rounded != st->after_rounded || r2->band != st->after_band)
                    fail_msg("unit %d, plan to %s, step %zu: scoring gives %lld, the plan shows %lld",
                             unit, pekppp_rubric_band(r, b)->grade, k + 1,
                             (long long)r2->index_rounded, (long long)st->after_rounded);
                checked++;
                pekppp_result_free(r2);
                pekppp_assessment_free(a2);
            }
            if (k > 0)
                assert_true(plan->steps[k - 1].after_rounded == pekppp_plan_after(plan).units);
            pekppp_plan_free(plan);
        }
        pekppp_result_free(res);
        pekppp_assessment_free(a);
    }
    assert_true(checked > 500);
}

/* The DP agrees with brute force where both can run (a guard on the guard). */
static void test_plan__dp_agrees_with_enumeration_on_small_units(void **state)
{
    static const setting settings[] = { { 0, -1 }, { 1, -1 }, { 2, 2 } };
    const pekppp_rubric *r = rubrics[R_TIES];
    exact_model m = model_for(r, false, 0);
    int levels[6] = { 0, 1, 2, 0, 3, 1 };
    pekppp_assessment *a = load_levels(r, levels, "", false);
    pekppp_result *res;
    pk_i128 N, D, gain[MAX_IND];
    best_table bt[3], dp;
    size_t s;
    int k;
    (void)state;
    res = score_checked(&m, a, levels, &N, &D, gain);
    enumerate_raises(&m, levels, gain, settings, 3, bt);
    for (s = 0; s < 3; s++) {
        dp_best(&m, levels, gain, &settings[s], &dp);
        assert_int_equal(dp.kmax, bt[s].kmax);
        for (k = 0; k <= dp.kmax; k++)
            assert_true(dp.best[k] == bt[s].best[k]);
    }
    pekppp_result_free(res);
    pekppp_assessment_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan__exact_plans_worked_out_by_hand),
        cmocka_unit_test(test_plan__json_of_an_infeasible_plan_without_steps),
        cmocka_unit_test(test_plan__unknown_grade_or_fixed_id_is_invalid),
        cmocka_unit_test(test_plan__dp_agrees_with_enumeration_on_small_units),
        cmocka_unit_test(test_plan__exhaustive_ties_rubric),
        cmocka_unit_test(test_plan__exhaustive_near_ties_rubric_with_and_without_survey),
        cmocka_unit_test(test_plan__exhaustive_small_rubric),
        cmocka_unit_test(test_plan__random_units_of_the_shipped_rubric_match_a_dp),
        cmocka_unit_test(test_plan__each_step_shows_the_index_scoring_would_give),
    };
    int rc = cmocka_run_group_tests(tests, setup_rubrics, teardown_rubrics);
    print_message("%d plans checked against exhaustive search or the DP\n", planned_count);
    return rc;
}
