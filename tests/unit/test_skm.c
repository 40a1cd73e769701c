/*
 * The SKM (issue 14): PermenPANRB 14/2017 scored by the one exact engine.
 *
 * Every expected value was worked out with exact fractions (Python's
 * fractions.Fraction):
 * - the worked example (29 respondents, unsur totals 105 101 100 116 102 105
 *   106 105 115): 23875/261 = 91.48 with 1/9, 21201/232 = 91.38 with
 *   0.111, 10505/116 = 90.56 with 0.11;
 * - nine NRR of 3.5324: 88.31 (A) exactly, 87.4269 = 87.43 (B) with 0.11;
 * - every band edge at x.xx5 on the converted scale and just below it:
 *   converted = 25/9 x (sum of the NRR); eight unsur at b and U1 made of
 *   1 000 000 answers, so the sum hits the edge to 10^-6.
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
#include "responses.h"
#include "skm_internal.h"

#define SKM_RUBRIC PEKPPP_SOURCE_DIR "/rubrics/skm-2017.yaml"
#define SKM_2004 PEKPPP_SOURCE_DIR "/rubrics/skm-2004.yaml"
#define FIX PEKPPP_TEST_FIXTURES "/skm/"

static pekppp_rubric *skm;

static int setup(void **state)
{
    (void)state;
    return pekppp_rubric_load_file(&skm, SKM_RUBRIC, NULL, NULL);
}

static int teardown(void **state)
{
    (void)state;
    pekppp_rubric_free(skm);
    return 0;
}

/* A unit whose unsur i has answer sum sums[i] over counts[i] respondents. */
typedef struct {
    pekppp_assessment a;
    pk_answer answers[16];
    int supp[1];
    int64_t sums[16], counts[16];
} fake_unit;

static void fake(fake_unit *u, const pekppp_rubric *r)
{
    size_t i;
    memset(u, 0, sizeof(*u));
    u->a.rubric = r;
    u->a.file = "fake";
    u->a.unit_id = u->a.unit_name = "fake";
    u->a.answers = u->answers;
    u->a.supplement_levels = u->supp;
    u->a.ind_sums = u->sums;
    u->a.ind_counts = u->counts;
    for (i = 0; i < r->nindicators; i++)
        u->answers[i].level = r->scale_min;
}

/* Score with every unsur weighing @p weight (x 10^4; 0: the rubric's);
 * the rounded index as text and its grade. */
static void score(const fake_unit *u, int64_t weight, char *index, const char **grade,
                  char *exact)
{
    pk_rat w[16];
    pekppp_result *res = NULL;
    size_t i;
    for (i = 0; i < 16; i++)
        w[i] = pk_rat_dec(weight);
    assert_int_equal(pk_score_weighted(&res, &u->a, weight ? w : NULL, NULL), 0);
    assert_true(pekppp_fixed_format(index, 32, pekppp_result_index(res)) > 0);
    *grade = res->band ? res->band->grade : "?";
    if (exact)
        assert_true(pk_rat_format(exact, 96, res->index) > 0);
    pekppp_result_free(res);
}

static void test_skm__worked_example_under_three_conventions(void **state)
{
    static const int64_t totals[9] = { 105, 101, 100, 116, 102, 105, 106, 105, 115 };
    static const struct {
        int64_t weight;
        const char *index, *exact;
    } cases[] = {
        { 0, "91.48", "23875/261" },
        { 1110, "91.38", "21201/232" },
        { 1100, "90.56", "10505/116" },
    };
    fake_unit u;
    size_t i;
    (void)state;
    fake(&u, skm);
    for (i = 0; i < 9; i++) {
        u.sums[i] = totals[i];
        u.counts[i] = 29;
    }
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char index[32], exact[96];
        const char *grade;
        score(&u, cases[i].weight, index, &grade, exact);
        assert_string_equal(index, cases[i].index);
        assert_string_equal(exact, cases[i].exact);
        assert_string_equal(grade, "A");
    }
}

static void test_skm__nine_nrr_of_3_5324_are_an_a_exactly_and_a_b_with_0_11(void **state)
{
    fake_unit u;
    char index[32], exact[96];
    const char *grade;
    size_t i;
    (void)state;
    fake(&u, skm);
    for (i = 0; i < 9; i++) {
        u.sums[i] = 35324;
        u.counts[i] = 10000;
    }
    score(&u, 0, index, &grade, exact);
    assert_string_equal(index, "88.31");
    assert_string_equal(exact, "8831/100");
    assert_string_equal(grade, "A");
    score(&u, 1100, index, &grade, exact);
    assert_string_equal(index, "87.43");
    assert_string_equal(exact, "874269/10000");
    assert_string_equal(grade, "B");
    score(&u, 1110, index, &grade, NULL);
    assert_string_equal(index, "88.22");
    assert_string_equal(grade, "B");
}

/* Band edges: the converted value exactly at x.xx5 rounds up into the band;
 * 25/9 x 10^-6 below it rounds down out of it. */
static void test_skm__band_edges_at_x_xx5_on_the_converted_scale(void **state)
{
    static const struct {
        int64_t u1_millionths; /* U1's NRR x 10^6, the other eight at base/2 */
        int64_t base2;         /* twice the other unsur's NRR */
        const char *index, *grade;
    } cases[] = {
        /* 88.305 = 25/9 x 31.7898: 8 x 3.5 + 3.7898 */
        { 3789800, 7, "88.31", "A" },
        { 3789799, 7, "88.30", "B" },
        /* 76.605 = 25/9 x 27.5778: 8 x 3 + 3.5778 */
        { 3577800, 6, "76.61", "B" },
        { 3577799, 6, "76.60", "C" },
        /* 64.995 = 25/9 x 23.3982: 8 x 2.5 + 3.3982 */
        { 3398200, 5, "65.00", "C" },
        { 3398199, 5, "64.99", "D" },
    };
    size_t k, i;
    (void)state;
    for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        fake_unit u;
        char index[32];
        const char *grade;
        fake(&u, skm);
        u.sums[0] = cases[k].u1_millionths;
        u.counts[0] = 1000000;
        for (i = 1; i < 9; i++) {
            u.sums[i] = cases[k].base2;
            u.counts[i] = 2;
        }
        score(&u, 0, index, &grade, NULL);
        assert_string_equal(index, cases[k].index);
        assert_string_equal(grade, cases[k].grade);
    }
}

static void test_skm__extremes_are_25_and_100_and_an_unanswered_unsur_is_left_out(void **state)
{
    fake_unit u;
    char index[32];
    const char *grade;
    size_t i;
    (void)state;
    fake(&u, skm);
    for (i = 0; i < 9; i++) {
        u.sums[i] = 4;
        u.counts[i] = 1;
    }
    score(&u, 0, index, &grade, NULL);
    assert_string_equal(index, "100.00");
    /* With 0.11 the best a sheet can give is 99.00. */
    score(&u, 1100, index, &grade, NULL);
    assert_string_equal(index, "99.00");
    for (i = 0; i < 9; i++)
        u.sums[i] = 1;
    score(&u, 0, index, &grade, NULL);
    assert_string_equal(index, "25.00");
    assert_string_equal(grade, "D");
    /* U4 answered by nobody: the other eight, renormalised (all 1 -> 25). */
    u.counts[3] = 0;
    u.sums[3] = 0;
    score(&u, 0, index, &grade, NULL);
    assert_string_equal(index, "25.00");
}

static void test_skm__the_2004_instrument_has_14_unsur_and_its_bands(void **state)
{
    pekppp_rubric *r = NULL;
    fake_unit u;
    char index[32];
    const char *grade;
    size_t i;
    (void)state;
    assert_int_equal(pekppp_rubric_load_file(&r, SKM_2004, NULL, NULL), 0);
    assert_int_equal(pekppp_rubric_indicator_count(r), 14);
    fake(&u, r);
    /* all 3.25: 81.25 exactly, the top of B; 0.071 gives 80.7625 -> 80.76 */
    for (i = 0; i < 14; i++) {
        u.sums[i] = 13;
        u.counts[i] = 4;
    }
    score(&u, 0, index, &grade, NULL);
    assert_string_equal(index, "81.25");
    assert_string_equal(grade, "B");
    score(&u, 710, index, &grade, NULL);
    assert_string_equal(index, "80.76");
    pekppp_rubric_free(r);
}

/* Google Forms: question texts as headers, label answers, a timestamp,
 * profile columns, two units; a blank is not answered, an empty row not a
 * respondent. */
static void test_skm__google_forms_export_is_read_by_question_and_label(void **state)
{
    const char *paths[1] = { FIX "google-forms-two-units.csv" };
    pekppp_skm *s = NULL;
    const pk_skm_unit *u;
    char buf[96];
    (void)state;
    assert_int_equal(pekppp_skm_read(&s, skm, paths, 1, NULL, NULL), 0);
    assert_int_equal(pekppp_skm_unit_count(s), 2);
    u = &s->units[0];
    assert_string_equal(u->label, "pkm-kajen-1");
    assert_string_equal(u->ru->unit_name, "Puskesmas Kajen I");
    assert_int_equal(u->ru->respondents, 3);
    assert_int_equal(u->ru->empty, 1);
    assert_int_equal(u->ru->counts[2], 2); /* U3 left blank once */
    assert_int_equal(u->ru->sums[2], 7);
    assert_true(pk_rat_format(buf, sizeof(buf), u->res->index) > 0);
    assert_string_equal(buf, "1525/18");
    assert_string_equal(u->res->band->grade, "B");
    assert_true(s->rs.has_profile[PK_PROFILE_SEX]);
    /* "Perempuan" and "perempuan" are one value */
    assert_int_equal(u->ru->profiles[PK_PROFILE_SEX].n, 2);
    assert_int_equal(u->ru->profiles[PK_PROFILE_SEX].v[0].count, 2);
    /* the lowest NRR first: U8 (3.00) */
    assert_string_equal(skm->indicators[u->rank[0]].id, "U8");
    u = &s->units[1];
    assert_string_equal(u->label, "disdukcapil");
    assert_true(pk_rat_format(buf, sizeof(buf), u->res->index) > 0);
    assert_string_equal(buf, "625/9");
    assert_string_equal(u->res->band->grade, "C");
    pekppp_skm_free(s);
}

typedef struct {
    unsigned line[8], col[8];
    char msg[8][512];
    int n;
} seen;

static void collect(const pekppp_error *e, void *payload)
{
    seen *s = payload;
    if (e->severity != PEKPPP_SEV_ERROR || s->n >= 8)
        return;
    s->line[s->n] = e->line;
    s->col[s->n] = e->column;
    snprintf(s->msg[s->n], sizeof(s->msg[0]), "%s", e->message);
    s->n++;
}

static void test_skm__a_5_and_a_typo_are_located_and_list_the_allowed_answers(void **state)
{
    const char *paths[1] = { FIX "answer-out-of-scale-and-typo.csv" };
    pekppp_skm_options o = PEKPPP_SKM_OPTIONS_INIT;
    pekppp_skm *s = NULL;
    seen got;
    (void)state;
    memset(&got, 0, sizeof(got));
    o.diag = collect;
    o.payload = &got;
    assert_int_equal(pekppp_skm_read(&s, skm, paths, 1, &o, NULL), PEKPPP_EINVALID);
    assert_null(s);
    assert_int_equal(got.n, 2);
    assert_int_equal(got.line[0], 2);
    assert_int_equal(got.col[0], 5);
    assert_string_equal(got.msg[0], "answer '5' is not one of: 1, 2, 3, 4, 'Tidak cepat', "
                                    "'Kurang cepat', 'Cepat', 'Sangat cepat'");
    assert_int_equal(got.line[1], 3);
    assert_int_equal(got.col[1], 9);
}

static void test_skm__fraction_weights_must_sum_to_the_total(void **state)
{
    static const char bad[] =
        "schema: pekppp/rubric/v1\nid: x\nversion: '1'\nscale: {min: 1, max: 4}\n"
        "convert: {factor: 25}\nweighting: {total: 1}\n"
        "bands: [{grade: A, label: a, min: 50.00}, {grade: D, label: d, min: 25.00}]\n"
        "aspects:\n  - id: u\n    name: u\n    weight: 100\n    indicators:\n"
        "      - {id: U1, name: a, question: q, weight: 1/3, levels: [a, b, c, d]}\n"
        "      - {id: U2, name: b, question: q, weight: 1/3, levels: [a, b, c, d]}\n";
    pekppp_rubric *r = NULL;
    pekppp_error err;
    (void)state;
    assert_int_equal(pekppp_rubric_load_buffer(&r, bad, sizeof(bad) - 1, "bad.yaml", NULL, &err),
                     PEKPPP_EINVALID);
    assert_string_equal(err.message, "the indicator weights of aspect 'u' sum to 2/3, not "
                                     "exactly weighting.total 1/1");
    assert_null(r);
}

/* The header forms the reader takes, each for one unsur; a repeated unsur
 * and a missing unit column (when required) are errors; an unknown column
 * is a warning. */
typedef struct {
    int errors, warnings;
    char first[512];
} counted;

static void count_diag(const pekppp_error *e, void *payload)
{
    counted *c = payload;
    if (e->severity == PEKPPP_SEV_ERROR && c->errors++ == 0)
        snprintf(c->first, sizeof(c->first), "%s", e->message);
    if (e->severity == PEKPPP_SEV_WARNING)
        c->warnings++;
}

static int read_text(pk_responses *rs, const pk_resp_spec *spec, const char *text, counted *c)
{
    pk_report rep;
    memset(c, 0, sizeof(*c));
    pk_report_init(&rep, "t.csv", count_diag, c, NULL);
    pk_responses_init(rs, spec);
    return pk_responses_read(rs, NULL, text, strlen(text), &rep, NULL);
}

static void test_skm__headers_by_id_prefix_grid_number_and_question(void **state)
{
    static const char *const labels[4] = { "Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah" };
    pk_resp_item items[4] = {
        { "U1", "Persyaratan", "Apakah persyaratan jelas?", labels },
        { "U2", "Prosedur", NULL, labels },
        { "U3", "Waktu", "Berapa lama?", labels },
        { "U4", "Biaya", NULL, NULL },
    };
    pk_resp_spec spec = { items, 4, 1, 4, false };
    pk_responses rs;
    counted c;
    (void)state;
    assert_int_equal(read_text(&rs, &spec,
                               "Stempel waktu,Penilaian [Persyaratan],U2. Prosedur pelayanan,"
                               "3) Berapa lama,biaya,Catatan\n"
                               "x,  sangat   MUDAH ,,2,4,apa saja\n"
                               "x,,,,,\n",
                               &c),
                     0);
    assert_int_equal(c.errors, 0);
    assert_int_equal(c.warnings, 1); /* Catatan */
    assert_int_equal(rs.nunits, 1);
    assert_null(rs.units[0].unit_id);
    assert_int_equal(rs.units[0].respondents, 1);
    assert_int_equal(rs.units[0].empty, 1);
    assert_int_equal(rs.units[0].sums[0], 4);
    assert_int_equal(rs.units[0].counts[1], 0); /* blank: not answered */
    assert_int_equal(rs.units[0].sums[2], 2);
    assert_int_equal(rs.units[0].sums[3], 4);
    pk_responses_free(&rs);

    /* U1 twice; an item without labels takes numbers only */
    assert_int_equal(read_text(&rs, &spec, "U1,Persyaratan,U2,U3,U4\n1,1,1,1,Murah\n", &c),
                     PEKPPP_EINVALID);
    assert_string_equal(c.first, "column 2 is item 'U1' again (column 1 is)");
    pk_responses_free(&rs);
    assert_int_equal(read_text(&rs, &spec, "U1,U2,U3,U4\n1,1,1,Murah\n", &c), PEKPPP_EINVALID);
    assert_string_equal(c.first, "answer 'Murah' is not one of: 1, 2, 3, 4");
    pk_responses_free(&rs);

    /* F-03: the unit column is required, and every row must name its unit */
    spec.unit_required = true;
    assert_int_equal(read_text(&rs, &spec, "U1,U2,U3,U4\n1,1,1,1\n", &c), PEKPPP_EINVALID);
    assert_string_equal(c.first, "no 'unit_id' column: each row must name its unit");
    pk_responses_free(&rs);
    assert_int_equal(read_text(&rs, &spec, "id_unit,U1,U2,U3,U4\na,1,1,1,1\n,2,2,2,2\nb,3,3,3,3\n"
                                           "a,4,4,4,4\n",
                               &c),
                     PEKPPP_EINVALID);
    assert_string_equal(c.first, "this row names no unit: its 'unit_id' cell is empty");
    assert_int_equal(rs.nunits, 2);
    assert_string_equal(pk_responses_find(&rs, "a")->unit_id, "a");
    assert_int_equal(pk_responses_find(&rs, "a")->respondents, 2);
    assert_int_equal(pk_responses_find(&rs, "a")->sums[0], 5);
    assert_int_equal(rs.bad_rows, 1);
    pk_responses_free(&rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_skm__worked_example_under_three_conventions),
        cmocka_unit_test(test_skm__nine_nrr_of_3_5324_are_an_a_exactly_and_a_b_with_0_11),
        cmocka_unit_test(test_skm__band_edges_at_x_xx5_on_the_converted_scale),
        cmocka_unit_test(test_skm__extremes_are_25_and_100_and_an_unanswered_unsur_is_left_out),
        cmocka_unit_test(test_skm__the_2004_instrument_has_14_unsur_and_its_bands),
        cmocka_unit_test(test_skm__google_forms_export_is_read_by_question_and_label),
        cmocka_unit_test(test_skm__a_5_and_a_typo_are_located_and_list_the_allowed_answers),
        cmocka_unit_test(test_skm__fraction_weights_must_sum_to_the_total),
        cmocka_unit_test(test_skm__headers_by_id_prefix_grid_number_and_question),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
