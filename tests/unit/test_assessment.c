/*
 * Loading one unit's answers (FORMATS.md section 2) against its rubric.
 *
 * Units are checked against the small fixture rubric, given directly or found
 * through the resolver callback.  A table of bad units lists the exact
 * diagnostics each must report; JSON units go through the same loader.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "pekppp.h"
#include "model.h"

#define SMALL_RUBRIC PEKPPP_TEST_FIXTURES "/rubric/small-two-aspects.yaml"
#define SHIPPED_RUBRIC PEKPPP_SOURCE_DIR "/rubrics/pekppp-2022-luring.yaml"

/* ------------------------------------------------------------------------ */
/* Collecting diagnostics                                                   */

#define MAX_DIAGS 32

typedef struct {
    pekppp_error d[MAX_DIAGS];
    size_t n;
    size_t total;
} diag_list;

static void collect(const pekppp_error *d, void *payload)
{
    diag_list *l = payload;
    if (l->n < MAX_DIAGS)
        l->d[l->n++] = *d;
    l->total++;
}

typedef struct {
    int code;
    unsigned line, column;
    const char *path;
    const char *message;
} expected_diag;

static int diags_match(const diag_list *got, const expected_diag *want, size_t nwant)
{
    size_t i;
    if (got->total != nwant)
        return 0;
    for (i = 0; i < nwant; i++) {
        const pekppp_error *d = &got->d[i];
        if (d->severity != PEKPPP_SEV_ERROR || d->code != want[i].code || d->line != want[i].line ||
            d->column != want[i].column || strcmp(d->path, want[i].path) != 0 ||
            strcmp(d->message, want[i].message) != 0)
            return 0;
    }
    return 1;
}

static void print_both(const diag_list *got, const expected_diag *want, size_t nwant)
{
    size_t i;
    print_message("got %zu diagnostic(s):\n", got->total);
    for (i = 0; i < got->n; i++)
        print_message("  %s(%d) %u:%u [%s] %s\n",
                      got->d[i].severity == PEKPPP_SEV_ERROR ? "E" : "W", got->d[i].code,
                      got->d[i].line, got->d[i].column, got->d[i].path, got->d[i].message);
    print_message("expected %zu diagnostic(s):\n", nwant);
    for (i = 0; i < nwant; i++)
        print_message("  E(%d) %u:%u [%s] %s\n", want[i].code, want[i].line, want[i].column,
                      want[i].path, want[i].message);
}

/* ------------------------------------------------------------------------ */
/* Fixture: the small rubric, loaded once for the whole group               */

static int setup_rubric(void **state)
{
    pekppp_rubric *r = NULL;
    if (pekppp_rubric_load_file(&r, SMALL_RUBRIC, NULL, NULL) != 0)
        return -1;
    *state = r;
    return 0;
}

static int teardown_rubric(void **state)
{
    pekppp_rubric_free(*state);
    return 0;
}

/* The resolver of these tests: the payload is the one rubric it knows. */
static int resolve_small(const pekppp_rubric **out, const char *id, void *payload, pekppp_error *err)
{
    const pekppp_rubric *r = payload;
    if (strcmp(id, pekppp_rubric_id(r)) != 0) {
        snprintf(err->message, sizeof(err->message), "no rubric '%s' on the test path", id);
        return PEKPPP_ENOTFOUND;
    }
    *out = r;
    return 0;
}

/* A resolver that finds a rubric, but the wrong one. */
static int resolve_wrong(const pekppp_rubric **out, const char *id, void *payload, pekppp_error *err)
{
    (void)id;
    (void)err;
    *out = payload;
    return 0;
}

static int load(pekppp_assessment **out, const char *text, const pekppp_rubric *r,
                bool allow_incomplete, diag_list *diags, pekppp_error *err)
{
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    opts.rubric = r;
    opts.allow_incomplete = allow_incomplete;
    opts.diag = collect;
    opts.payload = diags;
    memset(diags, 0, sizeof(*diags));
    return pekppp_assessment_load_buffer(out, text, strlen(text), "unit.yaml", &opts, err);
}

/* ------------------------------------------------------------------------ */
/* The base unit, in pieces.  Lines: 1 schema  2 rubric  3-6 unit  7 period  */
/* 8-13 answers (1.a 1.b 1.c 2.a 2.b)  14-16 survey                          */

#define SCHEMA "schema: pekppp/assessment/v1\n"
#define RUBRIC_ID "rubric: small-two-aspects\n"
#define UNIT_WITH(mode) \
    "unit:\n"           \
    "  id: \"u-1\"\n"   \
    "  name: \"Unit Satu\"\n" mode
#define MODE "  mode: mandiri\n"
#define PERIOD "period: \"2025\"\n"
#define ANSWERS_WITH(a, b, c, d, e) "answers:\n" a b c d e
#define A_1A "  \"1.a\": 4\n"
#define A_1B "  \"1.b\": 3\n"
#define A_1C "  \"1.c\": 2\n"
#define A_2A "  \"2.a\": 5\n"
#define A_2B "  \"2.b\": 1\n"
#define SURVEY_WITH(x) "survey:\n" x
#define SURVEY_SCORE "  score: 4.2\n  respondents: 12\n"

#define UNIT(schema, rubric, unit, period, answers, survey) schema rubric unit period answers survey
#define BASE_UNIT                                                                    \
    UNIT(SCHEMA, RUBRIC_ID, UNIT_WITH(MODE), PERIOD, ANSWERS_WITH(A_1A, A_1B, A_1C, A_2A, A_2B), \
         SURVEY_WITH(SURVEY_SCORE))
#define WITH_ANSWERS(a, b, c, d, e) \
    UNIT(SCHEMA, RUBRIC_ID, UNIT_WITH(MODE), PERIOD, ANSWERS_WITH(a, b, c, d, e), SURVEY_WITH(SURVEY_SCORE))
#define WITH_SURVEY(x) \
    UNIT(SCHEMA, RUBRIC_ID, UNIT_WITH(MODE), PERIOD, ANSWERS_WITH(A_1A, A_1B, A_1C, A_2A, A_2B), x)

#define EI PEKPPP_EINVALID

typedef struct {
    const char *name;
    const char *yaml;
    int rc;
    size_t ndiags;
    expected_diag diags[4];
} unit_case;

static const unit_case unit_cases[] = {
    { "the base unit", BASE_UNIT, 0, 0, { { 0 } } },
    { "no survey at all", WITH_SURVEY(""), 0, 0, { { 0 } } },

    /* answers */
    { "unknown indicator id with a near one",
      WITH_ANSWERS(A_1A, A_1B, "  \"1.cc\": 2\n", A_2A, A_2B), EI, 2,
      { { EI, 11, 3, "answers.1.cc",
          "rubric 'small-two-aspects' has no indicator '1.cc': did you mean '1.c'?" },
        { EI, 8, 1, "answers", "no answer for indicator '1.c' (use --allow-incomplete to count it as 0)" } } },
    { "unknown indicator id with no near one",
      WITH_ANSWERS(A_1A, A_1B, A_1C, A_2A, A_2B "  \"zzz.9\": 1\n"), EI, 1,
      { { EI, 14, 3, "answers.zzz.9", "rubric 'small-two-aspects' has no indicator 'zzz.9'" } } },
    { "level above the scale", WITH_ANSWERS("  \"1.a\": 6\n", A_1B, A_1C, A_2A, A_2B), EI, 1,
      { { EI, 9, 10, "answers.1.a", "level 6 of '1.a' is outside the scale 0 to 5" } } },
    { "level below the scale", WITH_ANSWERS("  \"1.a\": -1\n", A_1B, A_1C, A_2A, A_2B), EI, 1,
      { { EI, 9, 10, "answers.1.a", "level -1 of '1.a' is outside the scale 0 to 5" } } },
    { "level that is not a whole number", WITH_ANSWERS("  \"1.a\": 2.5\n", A_1B, A_1C, A_2A, A_2B),
      EI, 1, { { EI, 9, 10, "answers.1.a", "expected a whole number, got '2.5'" } } },
    { "na where the rubric does not allow it",
      WITH_ANSWERS("  \"1.a\": na\n", A_1B, A_1C, A_2A, A_2B), EI, 1,
      { { EI, 9, 10, "answers.1.a", "indicator '1.a' does not allow 'na': answer a level from 0 to 5" } } },
    { "na where the rubric allows it", WITH_ANSWERS(A_1A, "  \"1.b\": na\n", A_1C, A_2A, A_2B), 0, 0,
      { { 0 } } },
    { "missing answer", WITH_ANSWERS(A_1A, A_1B, "", A_2A, A_2B), EI, 1,
      { { EI, 8, 1, "answers", "no answer for indicator '1.c' (use --allow-incomplete to count it as 0)" } } },
    { "answer as a mapping",
      WITH_ANSWERS("  \"1.a\": {level: 4, evidence: [\"sk.pdf\", \"foto.jpg\"], note: \"catatan\"}\n",
                   A_1B, A_1C, A_2A, A_2B),
      0, 0, { { 0 } } },
    { "unknown key inside an answer mapping",
      WITH_ANSWERS("  \"1.a\": {level: 4, evidense: [\"sk.pdf\"]}\n", A_1B, A_1C, A_2A, A_2B), EI, 1,
      { { EI, 9, 21, "answers.1.a.evidense", "unknown key 'evidense': did you mean 'evidence'?" } } },
    { "answer mapping without a level",
      WITH_ANSWERS("  \"1.a\": {note: \"belum dinilai\"}\n", A_1B, A_1C, A_2A, A_2B), EI, 1,
      { { EI, 9, 10, "answers.1.a", "missing required key 'level'" } } },
    { "supplementary answer outside the scale",
      WITH_ANSWERS(A_1A, A_1B, A_1C, A_2A, A_2B "  \"INF.01\": 7\n"), EI, 1,
      { { EI, 14, 13, "answers.INF.01", "level 7 of 'INF.01' is outside the scale 0 to 5" } } },
    { "supplementary answered na",
      WITH_ANSWERS(A_1A, A_1B, A_1C, A_2A, A_2B "  \"INF.01\": na\n"), EI, 1,
      { { EI, 14, 13, "answers.INF.01", "'na' is not an answer for supplementary item 'INF.01'" } } },

    /* the rubric */
    { "rubric id mismatch",
      UNIT(SCHEMA, "rubric: other-rubric\n", UNIT_WITH(MODE), PERIOD,
           ANSWERS_WITH(A_1A, A_1B, A_1C, A_2A, A_2B), SURVEY_WITH(SURVEY_SCORE)),
      EI, 1,
      { { EI, 2, 9, "rubric",
          "this unit is for rubric 'other-rubric', but the rubric given is 'small-two-aspects'" } } },

    /* survey */
    { "survey with both score and responses",
      WITH_SURVEY(SURVEY_WITH(SURVEY_SCORE "  responses: [{S01: 4}]\n")), EI, 1,
      { { EI, 17, 14, "survey", "give the survey either as 'score' or as 'responses', not both" } } },
    { "survey score without respondents", WITH_SURVEY(SURVEY_WITH("  score: 4.2\n")), EI, 1,
      { { EI, 15, 3, "survey.respondents", "'respondents' is required with 'score'" } } },
    { "survey score above the scale", WITH_SURVEY(SURVEY_WITH("  score: 5.5\n  respondents: 12\n")),
      EI, 1, { { EI, 15, 10, "survey.score", "survey score 5.5 is outside the scale 0 to 5" } } },
    { "survey score with 5 decimals",
      WITH_SURVEY(SURVEY_WITH("  score: 4.12345\n  respondents: 12\n")), EI, 1,
      { { EI, 15, 10, "survey.score", "expected a number with at most 4 decimal places, got '4.12345'" } } },
    { "survey responses with an unknown item id and a near one",
      WITH_SURVEY(SURVEY_WITH("  responses:\n    - {S01: 4, S1: 3}\n")), EI, 1,
      { { EI, 16, 16, "survey.responses[0].S1", "no survey item 'S1': did you mean 'S01'?" } } },
    { "survey responses with an unknown item id and no near one",
      WITH_SURVEY(SURVEY_WITH("  responses:\n    - {S01: 4}\n    - {X99: 3}\n")), EI, 1,
      { { EI, 17, 8, "survey.responses[1].X99", "no survey item 'X99'" } } },
    { "survey responses with a level outside the scale",
      WITH_SURVEY(SURVEY_WITH("  responses:\n    - {S01: 4, S02: 6}\n")), EI, 1,
      { { EI, 16, 21, "survey.responses[0].S02", "expected a whole number from 0 to 5, got '6'" } } },
    { "survey responses with respondents",
      WITH_SURVEY(SURVEY_WITH("  respondents: 3\n  responses:\n    - {S01: 4}\n")), EI, 1,
      { { EI, 15, 16, "survey.respondents", "'respondents' is counted from 'responses': remove it" } } },

    /* the head of the file */
    { "wrong schema",
      UNIT("schema: pekppp/assessment/v2\n", RUBRIC_ID, UNIT_WITH(MODE), PERIOD,
           ANSWERS_WITH(A_1A, A_1B, A_1C, A_2A, A_2B), SURVEY_WITH(SURVEY_SCORE)),
      EI, 1,
      { { EI, 1, 9, "schema", "schema is 'pekppp/assessment/v2': expected 'pekppp/assessment/v1'" } } },
    { "a rubric's schema",
      UNIT("schema: pekppp/rubric/v1\n", RUBRIC_ID, UNIT_WITH(MODE), PERIOD,
           ANSWERS_WITH(A_1A, A_1B, A_1C, A_2A, A_2B), SURVEY_WITH(SURVEY_SCORE)),
      EI, 1,
      { { EI, 1, 9, "schema", "schema is 'pekppp/rubric/v1': expected 'pekppp/assessment/v1'" } } },
    { "mode with a near valid mode",
      UNIT(SCHEMA, RUBRIC_ID, UNIT_WITH("  mode: mandri\n"), PERIOD,
           ANSWERS_WITH(A_1A, A_1B, A_1C, A_2A, A_2B), SURVEY_WITH(SURVEY_SCORE)),
      EI, 1,
      { { EI, 6, 9, "unit.mode", "mode 'mandri' is not 'mandiri' or 'nasional': did you mean 'mandiri'?" } } },
    { "mode that is neither mandiri nor nasional",
      UNIT(SCHEMA, RUBRIC_ID, UNIT_WITH("  mode: daerah\n"), PERIOD,
           ANSWERS_WITH(A_1A, A_1B, A_1C, A_2A, A_2B), SURVEY_WITH(SURVEY_SCORE)),
      EI, 1, { { EI, 6, 9, "unit.mode", "mode 'daerah' is not 'mandiri' or 'nasional'" } } },
    { "period as an integer",
      UNIT(SCHEMA, RUBRIC_ID, UNIT_WITH(MODE), "period: 2025\n",
           ANSWERS_WITH(A_1A, A_1B, A_1C, A_2A, A_2B), SURVEY_WITH(SURVEY_SCORE)),
      0, 0, { { 0 } } },
    { "missing period",
      UNIT(SCHEMA, RUBRIC_ID, UNIT_WITH(MODE), "", ANSWERS_WITH(A_1A, A_1B, A_1C, A_2A, A_2B),
           SURVEY_WITH(SURVEY_SCORE)),
      EI, 1, { { EI, 1, 1, "", "missing required key 'period'" } } },
    { "unit without a name",
      UNIT(SCHEMA, RUBRIC_ID, "unit:\n  id: \"u-1\"\n", PERIOD,
           ANSWERS_WITH(A_1A, A_1B, A_1C, A_2A, A_2B), SURVEY_WITH(SURVEY_SCORE)),
      EI, 1, { { EI, 4, 3, "unit", "missing required key 'name'" } } },
};

static void test_assessment__bad_units_report_exact_diagnostics(void **state)
{
    const pekppp_rubric *r = *state;
    size_t i, failed = 0, n = sizeof(unit_cases) / sizeof(unit_cases[0]);
    for (i = 0; i < n; i++) {
        const unit_case *c = &unit_cases[i];
        pekppp_assessment *a = NULL;
        pekppp_error err;
        diag_list diags;
        int rc;
        pekppp_error_clear(&err);
        rc = load(&a, c->yaml, r, false, &diags, &err);
        if (rc != c->rc || !diags_match(&diags, c->diags, c->ndiags)) {
            print_message("MISMATCH case '%s': rc %d (expected %d)\n", c->name, rc, c->rc);
            print_both(&diags, c->diags, c->ndiags);
            failed++;
        } else if (rc == 0 ? a == NULL : (a != NULL || err.code != rc || err.line != c->diags[0].line ||
                                         strcmp(err.file, "unit.yaml") != 0)) {
            print_message("MISMATCH case '%s': handle or error record wrong\n", c->name);
            failed++;
        }
        pekppp_assessment_free(a);
    }
    if (failed)
        fail_msg("%zu of %zu unit cases do not match", failed, n);
}

/* ------------------------------------------------------------------------ */
/* What a valid unit holds                                                  */

static void test_assessment__base_unit_records_every_answer(void **state)
{
    static const char yaml[] = BASE_UNIT;
    static const int levels[] = { 4, 3, 2, 5, 1 };
    const pekppp_rubric *r = *state;
    pekppp_assessment *a = NULL;
    diag_list diags;
    size_t i;
    assert_int_equal(load(&a, yaml, r, false, &diags, NULL), 0);
    assert_ptr_equal(pekppp_assessment_rubric(a), r);
    assert_string_equal(pekppp_assessment_unit_id(a), "u-1");
    assert_string_equal(pekppp_assessment_unit_name(a), "Unit Satu");
    assert_string_equal(a->mode, "mandiri");
    assert_string_equal(a->period, "2025");
    for (i = 0; i < 5; i++)
        assert_int_equal(pekppp_assessment_level(a, i), levels[i]);
    assert_int_equal(a->supplement_levels[0], PEKPPP_LEVEL_MISSING);
    assert_false(a->incomplete);
    assert_int_equal(a->survey_kind, PK_SURVEY_SCORE);
    assert_int_equal(a->survey_score, 42000);
    assert_int_equal(a->respondents, 12);
    pekppp_assessment_free(a);
}

static void test_assessment__na_is_accepted_where_the_rubric_allows_it(void **state)
{
    static const char yaml[] = WITH_ANSWERS(A_1A, "  \"1.b\": na\n", A_1C, "  \"2.a\": na\n", A_2B);
    pekppp_assessment *a = NULL;
    diag_list diags;
    assert_int_equal(load(&a, yaml, *state, false, &diags, NULL), 0);
    assert_int_equal(pekppp_assessment_level(a, 1), PEKPPP_LEVEL_NA);
    assert_int_equal(pekppp_assessment_level(a, 3), PEKPPP_LEVEL_NA);
    assert_int_equal(pekppp_assessment_level(a, 4), 1);
    pekppp_assessment_free(a);
}

static void test_assessment__allow_incomplete_accepts_a_missing_answer(void **state)
{
    static const char yaml[] = WITH_ANSWERS(A_1A, A_1B, "", A_2A, A_2B);
    pekppp_assessment *a = NULL;
    diag_list diags;
    assert_int_equal(load(&a, yaml, *state, true, &diags, NULL), 0);
    assert_int_equal(diags.total, 0);
    assert_non_null(a);
    assert_true(a->incomplete);
    assert_int_equal(pekppp_assessment_level(a, 2), PEKPPP_LEVEL_MISSING);
    pekppp_assessment_free(a);
}

static void test_assessment__answer_mapping_keeps_level_evidence_and_note(void **state)
{
    static const char yaml[] = WITH_ANSWERS(
        "  \"1.a\": {level: 4, evidence: [\"sk.pdf\", \"foto.jpg\"], note: \"catatan\"}\n", A_1B,
        A_1C, A_2A, A_2B);
    pekppp_assessment *a = NULL;
    diag_list diags;
    assert_int_equal(load(&a, yaml, *state, false, &diags, NULL), 0);
    assert_int_equal(pekppp_assessment_level(a, 0), 4);
    assert_int_equal(a->answers[0].nevidence, 2);
    assert_string_equal(a->answers[0].evidence[0], "sk.pdf");
    assert_string_equal(a->answers[0].evidence[1], "foto.jpg");
    assert_string_equal(a->answers[0].note, "catatan");
    assert_int_equal(a->answers[0].line, 9);
    assert_int_equal(a->answers[0].col, 3);
    assert_null(a->answers[1].note);
    pekppp_assessment_free(a);
}

static void test_assessment__period_given_as_an_integer_is_read_as_text(void **state)
{
    static const char yaml[] = UNIT(SCHEMA, RUBRIC_ID, UNIT_WITH(MODE), "period: 2025\n",
                                    ANSWERS_WITH(A_1A, A_1B, A_1C, A_2A, A_2B), "");
    pekppp_assessment *a = NULL;
    diag_list diags;
    assert_int_equal(load(&a, yaml, *state, false, &diags, NULL), 0);
    assert_string_equal(a->period, "2025");
    pekppp_assessment_free(a);
}

static void test_assessment__survey_responses_are_summed_per_item(void **state)
{
    static const char yaml[] =
        WITH_SURVEY(SURVEY_WITH("  responses:\n"
                                "    - {S01: 4, S02: 5}\n"
                                "    - {S01: 2, S03: 3}\n"
                                "    - {S01: 3}\n"));
    pekppp_assessment *a = NULL;
    diag_list diags;
    assert_int_equal(load(&a, yaml, *state, false, &diags, NULL), 0);
    assert_int_equal(a->survey_kind, PK_SURVEY_RESPONSES);
    assert_int_equal(a->respondents, 3);
    assert_int_equal(a->item_sums[0], 9);
    assert_int_equal(a->item_counts[0], 3);
    assert_int_equal(a->item_sums[1], 5);
    assert_int_equal(a->item_counts[1], 1);
    assert_int_equal(a->item_counts[2], 1);
    assert_int_equal(a->item_counts[3], 0);
    pekppp_assessment_free(a);
}

/* ------------------------------------------------------------------------ */
/* The resolver                                                             */

static void test_assessment__resolver_finds_the_rubric_named_by_the_unit(void **state)
{
    static const char yaml[] = BASE_UNIT;
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_assessment *a = NULL;
    opts.resolve = resolve_small;
    opts.resolve_payload = *state;
    assert_int_equal(pekppp_assessment_load_buffer(&a, yaml, strlen(yaml), "unit.yaml", &opts, NULL), 0);
    assert_ptr_equal(pekppp_assessment_rubric(a), *state);
    pekppp_assessment_free(a);
}

static void test_assessment__resolver_failure_is_reported_at_the_rubric_key(void **state)
{
    static const char yaml[] = UNIT(SCHEMA, "rubric: pekppp-2030\n", UNIT_WITH(MODE), PERIOD,
                                    ANSWERS_WITH(A_1A, A_1B, A_1C, A_2A, A_2B), "");
    static const expected_diag want[] = {
        { PEKPPP_ENOTFOUND, 2, 9, "rubric", "no rubric 'pekppp-2030' on the test path" } };
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_assessment *a = NULL;
    pekppp_error err;
    diag_list diags;
    int rc;
    memset(&diags, 0, sizeof(diags));
    pekppp_error_clear(&err);
    opts.resolve = resolve_small;
    opts.resolve_payload = *state;
    opts.diag = collect;
    opts.payload = &diags;
    rc = pekppp_assessment_load_buffer(&a, yaml, strlen(yaml), "unit.yaml", &opts, &err);
    if (!diags_match(&diags, want, 1)) {
        print_both(&diags, want, 1);
        fail_msg("resolver failure diagnostics do not match");
    }
    assert_int_equal(rc, PEKPPP_ENOTFOUND);
    assert_null(a);
    assert_int_equal(err.code, PEKPPP_ENOTFOUND);
    assert_int_equal(err.line, 2);
}

static void test_assessment__resolver_returning_another_rubric_is_a_mismatch(void **state)
{
    static const char yaml[] = BASE_UNIT;
    static const expected_diag want[] = {
        { PEKPPP_EINVALID, 2, 9, "rubric",
          "this unit is for rubric 'small-two-aspects', but the rubric found is 'pekppp-2022-luring'" } };
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_rubric *shipped = NULL;
    pekppp_assessment *a = NULL;
    diag_list diags;
    int rc;
    (void)state;
    assert_int_equal(pekppp_rubric_load_file(&shipped, SHIPPED_RUBRIC, NULL, NULL), 0);
    memset(&diags, 0, sizeof(diags));
    opts.resolve = resolve_wrong;
    opts.resolve_payload = shipped;
    opts.diag = collect;
    opts.payload = &diags;
    rc = pekppp_assessment_load_buffer(&a, yaml, strlen(yaml), "unit.yaml", &opts, NULL);
    if (!diags_match(&diags, want, 1))
        print_both(&diags, want, 1);
    assert_true(diags_match(&diags, want, 1));
    assert_int_equal(rc, PEKPPP_EINVALID);
    assert_null(a);
    pekppp_rubric_free(shipped);
}

static void test_assessment__no_rubric_and_no_resolver_is_not_found(void **state)
{
    static const char yaml[] = BASE_UNIT;
    static const expected_diag want[] = {
        { PEKPPP_ENOTFOUND, 2, 9, "rubric", "no rubric was given to check this unit against" } };
    pekppp_assessment *a = NULL;
    diag_list diags;
    int rc;
    (void)state;
    rc = load(&a, yaml, NULL, false, &diags, NULL);
    if (!diags_match(&diags, want, 1))
        print_both(&diags, want, 1);
    assert_true(diags_match(&diags, want, 1));
    assert_int_equal(rc, PEKPPP_ENOTFOUND);
    assert_null(a);
}

/* ------------------------------------------------------------------------ */
/* "Did you mean" names the nearest id, not merely the first close one       */

static void test_assessment__unknown_indicator_suggests_the_nearest_id(void **state)
{
    /* "2.a.Pk" is one edit from "2.a.P" but also two edits from "1.a.Ak",
     * which comes first in the rubric. */
    static const char yaml[] = "schema: pekppp/assessment/v1\n"
                               "rubric: pekppp-2022-luring\n"
                               "unit: {id: u, name: U}\n"
                               "period: \"2025\"\n"
                               "answers:\n"
                               "  \"2.a.Pk\": 3\n";
    pekppp_rubric *shipped = NULL;
    pekppp_assessment *a = NULL;
    diag_list diags;
    (void)state;
    assert_int_equal(pekppp_rubric_load_file(&shipped, SHIPPED_RUBRIC, NULL, NULL), 0);
    assert_int_equal(load(&a, yaml, shipped, true, &diags, NULL), PEKPPP_EINVALID);
    assert_int_equal(diags.total, 1);
    assert_int_equal(diags.d[0].line, 6);
    assert_int_equal(diags.d[0].column, 3);
    assert_string_equal(diags.d[0].message,
                        "rubric 'pekppp-2022-luring' has no indicator '2.a.Pk': did you mean '2.a.P'?");
    assert_null(a);
    pekppp_rubric_free(shipped);
}

/* ------------------------------------------------------------------------ */
/* JSON units                                                               */

static void test_assessment__json_unit_loads_through_the_same_loader(void **state)
{
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_assessment *a = NULL;
    diag_list diags;
    memset(&diags, 0, sizeof(diags));
    opts.rubric = *state;
    opts.diag = collect;
    opts.payload = &diags;
    assert_int_equal(pekppp_assessment_load_file(&a, PEKPPP_TEST_FIXTURES "/unit/small-valid.json",
                                                 &opts, NULL),
                     0);
    assert_int_equal(diags.total, 0);
    assert_string_equal(pekppp_assessment_unit_id(a), "u-json");
    assert_string_equal(a->mode, "nasional");
    assert_string_equal(a->category, "kantor");
    assert_string_equal(a->period, "2025");
    assert_int_equal(pekppp_assessment_level(a, 0), 5);
    assert_int_equal(pekppp_assessment_level(a, 1), PEKPPP_LEVEL_NA);
    assert_int_equal(pekppp_assessment_level(a, 2), 2);
    assert_string_equal(a->answers[2].note, "baru sekali");
    assert_int_equal(a->answers[2].nevidence, 1);
    assert_int_equal(a->supplement_levels[0], 1);
    assert_int_equal(a->survey_kind, PK_SURVEY_RESPONSES);
    assert_int_equal(a->respondents, 3);
    pekppp_assessment_free(a);
}

static void test_assessment__json_unit_error_names_the_right_line_and_column(void **state)
{
    static const expected_diag want[] = {
        { PEKPPP_EINVALID, 9, 14, "answers.1.c", "level 9 of '1.c' is outside the scale 0 to 5" } };
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_assessment *a = NULL;
    pekppp_error err;
    diag_list diags;
    memset(&diags, 0, sizeof(diags));
    pekppp_error_clear(&err);
    opts.rubric = *state;
    opts.diag = collect;
    opts.payload = &diags;
    assert_int_equal(pekppp_assessment_load_file(
                         &a, PEKPPP_TEST_FIXTURES "/unit/small-level-out-of-scale.json", &opts, &err),
                     PEKPPP_EINVALID);
    if (!diags_match(&diags, want, 1))
        print_both(&diags, want, 1);
    assert_true(diags_match(&diags, want, 1));
    assert_null(a);
    assert_string_equal(err.file, PEKPPP_TEST_FIXTURES "/unit/small-level-out-of-scale.json");
    assert_int_equal(err.line, 9);
    assert_int_equal(err.column, 14);
}

/* ------------------------------------------------------------------------ */
/* What-if changes                                                          */

static void test_assessment__set_level_checks_the_scale_and_na(void **state)
{
    static const char yaml[] = BASE_UNIT;
    pekppp_assessment *a = NULL;
    diag_list diags;
    assert_int_equal(load(&a, yaml, *state, false, &diags, NULL), 0);
    assert_int_equal(pekppp_assessment_set_level(a, 0, 5), 0);
    assert_int_equal(pekppp_assessment_level(a, 0), 5);
    assert_int_equal(pekppp_assessment_set_level(a, 0, 6), PEKPPP_EINVALID);
    assert_int_equal(pekppp_assessment_set_level(a, 0, -1), PEKPPP_EINVALID);
    assert_int_equal(pekppp_assessment_set_level(a, 0, PEKPPP_LEVEL_NA), PEKPPP_EINVALID);
    assert_int_equal(pekppp_assessment_set_level(a, 1, PEKPPP_LEVEL_NA), 0);
    assert_int_equal(pekppp_assessment_set_level(a, 5, 3), PEKPPP_EINVALID);
    assert_int_equal(pekppp_assessment_level(a, 0), 5);
    assert_int_equal(pekppp_assessment_level(a, 1), PEKPPP_LEVEL_NA);
    pekppp_assessment_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_assessment__bad_units_report_exact_diagnostics),
        cmocka_unit_test(test_assessment__base_unit_records_every_answer),
        cmocka_unit_test(test_assessment__na_is_accepted_where_the_rubric_allows_it),
        cmocka_unit_test(test_assessment__allow_incomplete_accepts_a_missing_answer),
        cmocka_unit_test(test_assessment__answer_mapping_keeps_level_evidence_and_note),
        cmocka_unit_test(test_assessment__period_given_as_an_integer_is_read_as_text),
        cmocka_unit_test(test_assessment__survey_responses_are_summed_per_item),
        cmocka_unit_test(test_assessment__resolver_finds_the_rubric_named_by_the_unit),
        cmocka_unit_test(test_assessment__resolver_failure_is_reported_at_the_rubric_key),
        cmocka_unit_test(test_assessment__resolver_returning_another_rubric_is_a_mismatch),
        cmocka_unit_test(test_assessment__no_rubric_and_no_resolver_is_not_found),
        cmocka_unit_test(test_assessment__unknown_indicator_suggests_the_nearest_id),
        cmocka_unit_test(test_assessment__json_unit_loads_through_the_same_loader),
        cmocka_unit_test(test_assessment__json_unit_error_names_the_right_line_and_column),
        cmocka_unit_test(test_assessment__set_level_checks_the_scale_and_na),
    };
    return cmocka_run_group_tests(tests, setup_rubric, teardown_rubric);
}
