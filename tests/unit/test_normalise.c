/*
 * Rubrics whose weights do not sum to 100 (`normalise: true`) and provisional
 * rubrics: what lint says, and that scoring divides by the actual sums exactly.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "pekppp.h"

typedef struct {
    int errors, warnings;
    char last[600];
} seen;

static void record(const pekppp_error *d, void *payload)
{
    seen *s = payload;
    if (d->severity == PEKPPP_SEV_WARNING)
        s->warnings++;
    else
        s->errors++;
    snprintf(s->last, sizeof(s->last), "%u:%u %s", d->line, d->column, d->message);
}

/* Two aspects weighted 60 and 39.5 (sum 99.5); the first has indicators of
 * 50 and 49.9 (sum 99.9). */
static const char rubric_text[] =
    "schema: pekppp/rubric/v1\n"
    "id: uji-normal\n"
    "version: \"1\"\n"
    "%s"
    "scale: {min: 0, max: 5}\n"
    "bands:\n"
    "  - {grade: A, label: Baik, min: 2.51}\n"
    "  - {grade: B, label: Kurang, min: 0}\n"
    "aspects:\n"
    "  - id: satu\n"
    "    name: Satu\n"
    "    weight: 60\n"
    "    indicators:\n"
    "      - {id: a1, name: A1, weight: 50, evidence: [x], levels: [l0, l1, l2, l3, l4, l5]}\n"
    "      - {id: a2, name: A2, weight: 49.9, evidence: [x], levels: [l0, l1, l2, l3, l4, l5]}\n"
    "  - id: dua\n"
    "    name: Dua\n"
    "    weight: 39.5\n"
    "    indicators:\n"
    "      - {id: b1, name: B1, weight: 100, evidence: [x], levels: [l0, l1, l2, l3, l4, l5]}\n";

static int load(pekppp_rubric **r, const char *extra, seen *s)
{
    char text[2048];
    pekppp_load_options o = PEKPPP_LOAD_OPTIONS_INIT;
    memset(s, 0, sizeof(*s));
    o.diag = record;
    o.payload = s;
    snprintf(text, sizeof(text), rubric_text, extra);
    return pekppp_rubric_load_buffer(r, text, strlen(text), "n.yaml", &o, NULL);
}

static void test_normalise__sums_off_100_are_errors_without_it(void **state)
{
    pekppp_rubric *r = NULL;
    seen s;
    (void)state;
    assert_int_equal(load(&r, "", &s), PEKPPP_EINVALID);
    assert_null(r);
    assert_int_equal(s.errors, 2);
}

static void test_normalise__sums_off_100_are_warnings_with_it(void **state)
{
    pekppp_rubric *r = NULL;
    seen s;
    (void)state;
    assert_int_equal(load(&r, "normalise: true\n", &s), 0);
    assert_int_equal(s.errors, 0);
    assert_int_equal(s.warnings, 2);
    assert_string_equal(s.last, "9:1 aspect weights sum to 99.5, not 100: normalised (each "
                                "weight is divided by the sum)");
    pekppp_rubric_free(r);
}

/* a1 = 5, a2 = 0, b1 = 3:  S(satu) = 5 x 50 / 99.9 = 2500/999,
 * E = (60 x 2500/999 + 39.5 x 3) / 99.5 = 178921/66267 = 2.7000015...: exact. */
static void test_normalise__scores_divide_by_the_actual_sums(void **state)
{
    static const char unit[] = "schema: pekppp/assessment/v1\nrubric: uji-normal\n"
                               "unit: {id: u, name: U}\nperiod: \"1\"\n"
                               "answers: {a1: 5, a2: 0, b1: 3}\n";
    pekppp_rubric *r = NULL;
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_assessment *a = NULL;
    pekppp_result *res = NULL;
    seen s;
    char buf[32];
    (void)state;
    assert_int_equal(load(&r, "normalise: true\nprovisional: \"bobot belum resmi\"\n", &s), 0);
    assert_int_equal(s.warnings, 3); /* two sums and the provisional note */
    o.rubric = r;
    assert_int_equal(pekppp_assessment_load_buffer(&a, unit, strlen(unit), "u.yaml", &o, NULL), 0);
    assert_int_equal(pekppp_score(&res, a, NULL), 0);
    /* E = 178921/66267 = 2.70000150... -> 2.70 */
    assert_int_equal(pekppp_fixed_format(buf, sizeof(buf), pekppp_result_index(res)), 4);
    assert_string_equal(buf, "2.70");
    assert_string_equal(pekppp_result_band(res)->grade, "A");
    assert_true(pekppp_result_flags(res) & PEKPPP_FLAG_PROVISIONAL_RUBRIC);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
    pekppp_rubric_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalise__sums_off_100_are_errors_without_it),
        cmocka_unit_test(test_normalise__sums_off_100_are_warnings_with_it),
        cmocka_unit_test(test_normalise__scores_divide_by_the_actual_sums),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
