/*
 * Long-format sheets (sheet.c): one row per unit x indicator, grouped by unit id.
 * White-box: the answers' notes and evidence are checked in the assessment.
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
#include "model.h"

#define RUBRIC PEKPPP_SOURCE_DIR "/rubrics/pekppp-2022-luring.yaml"

typedef struct {
    pekppp_error list[16];
    size_t n;
} seen_t;

static void keep(const pekppp_error *e, void *payload)
{
    seen_t *s = payload;
    if (s->n < 16)
        s->list[s->n++] = *e;
}

static pekppp_rubric *rubric(void)
{
    pekppp_rubric *r = NULL;
    pekppp_error err;
    assert_int_equal(pekppp_rubric_load_file(&r, RUBRIC, NULL, &err), 0);
    return r;
}

/* The rows of unit @p id with every scored indicator at @p level, but for @p skip. */
static void unit_rows(char *buf, size_t size, const pekppp_rubric *r, const char *id,
                      const char *level, const char *skip)
{
    size_t i, n = strlen(buf);
    for (i = 0; i < pekppp_rubric_indicator_count(r); i++) {
        const char *code = pekppp_rubric_indicator(r, i)->id;
        if (skip && strcmp(code, skip) == 0)
            continue;
        n += (size_t)snprintf(buf + n, size - n, "%s,Unit %s,%s,%s,,\n", id, id, code, level);
    }
}

static void test_sheet_long__units_in_order_of_first_row_with_notes_and_evidence(void **state)
{
    pekppp_rubric *r = rubric();
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_sheet *s = NULL;
    pekppp_assessment *a = NULL;
    pekppp_error err;
    static char csv[64 * 1024];
    const char *first = pekppp_rubric_indicator(r, 0)->id;
    (void)state;
    snprintf(csv, sizeof(csv), "OPD ID,Nama-OPD,Kode Indikator,NILAI,Keterangan,bukti\n"
                               "b,Unit b,%s,4,sudah ada SK,\" SK Kepala \n\nSOP \"\n", first);
    unit_rows(csv, sizeof(csv), r, "a", "3", NULL);
    unit_rows(csv, sizeof(csv), r, "b", "2", first);
    o.rubric = r;
    assert_int_equal(pekppp_sheet_open_buffer(&s, csv, strlen(csv), "l.csv", &o, &err), 0);
    assert_int_equal(pekppp_sheet_next(s, &a, &err), 1);
    assert_string_equal(a->unit_id, "b");
    assert_string_equal(a->unit_name, "Unit b");
    assert_int_equal(a->answers[0].level, 4);
    assert_string_equal(a->answers[0].note, "sudah ada SK");
    assert_int_equal(a->answers[0].nevidence, 2);
    assert_string_equal(a->answers[0].evidence[0], "SK Kepala");
    assert_string_equal(a->answers[0].evidence[1], "SOP");
    assert_int_equal(a->answers[1].level, 2);
    assert_null(a->answers[1].note);
    assert_int_equal(a->answers[1].nevidence, 0);
    assert_int_equal(a->id_line, 2);
    assert_false(a->incomplete);
    pekppp_assessment_free(a);
    assert_int_equal(pekppp_sheet_next(s, &a, &err), 1);
    assert_string_equal(a->unit_id, "a");
    assert_int_equal(a->answers[0].level, 3);
    pekppp_assessment_free(a);
    assert_int_equal(pekppp_sheet_next(s, &a, &err), 0);
    assert_int_equal(pekppp_sheet_rows(s), 2 * pekppp_rubric_indicator_count(r));
    pekppp_sheet_free(s);
    pekppp_rubric_free(r);
}

static void test_sheet_long__missing_indicator_fails_its_unit_unless_allowed(void **state)
{
    pekppp_rubric *r = rubric();
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_sheet *s = NULL;
    pekppp_assessment *a = NULL;
    pekppp_error err;
    seen_t seen = { .n = 0 };
    static char csv[64 * 1024];
    const char *third = pekppp_rubric_indicator(r, 2)->id;
    char want[200];
    (void)state;
    snprintf(csv, sizeof(csv), "unit_id,unit_name,indicator,level,note,evidence\n");
    unit_rows(csv, sizeof(csv), r, "x", "3", third);
    unit_rows(csv, sizeof(csv), r, "y", "5", NULL);
    o.rubric = r;
    o.diag = keep;
    o.payload = &seen;
    assert_int_equal(pekppp_sheet_open_buffer(&s, csv, strlen(csv), "l.csv", &o, &err), 0);
    assert_int_equal(pekppp_sheet_next(s, &a, &err), PEKPPP_EINVALID);
    assert_null(a);
    assert_int_equal(seen.n, 1);
    snprintf(want, sizeof(want),
             "unit 'x' has no row for indicator '%s' (use --allow-incomplete to count it as 0)",
             third);
    assert_string_equal(seen.list[0].message, want);
    assert_int_equal(seen.list[0].line, 2);
    assert_int_equal(seen.list[0].column, 1);
    assert_string_equal(seen.list[0].rule, "unit.missing-answer");
    assert_int_equal(pekppp_sheet_next(s, &a, &err), 1); /* the next unit is read on */
    assert_string_equal(a->unit_id, "y");
    pekppp_assessment_free(a);
    pekppp_sheet_free(s);

    o.allow_incomplete = true;
    assert_int_equal(pekppp_sheet_open_buffer(&s, csv, strlen(csv), "l.csv", &o, &err), 0);
    assert_int_equal(pekppp_sheet_next(s, &a, &err), 1);
    assert_true(a->incomplete);
    assert_int_equal(a->answers[2].level, PEKPPP_LEVEL_MISSING);
    pekppp_assessment_free(a);
    pekppp_sheet_free(s);
    pekppp_rubric_free(r);
}

/* A row that cannot be read (too many cells, no unit id) is a failure in its place. */
static void test_sheet_long__bad_rows_fail_alone_in_their_place(void **state)
{
    pekppp_rubric *r = rubric();
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_sheet *s = NULL;
    pekppp_assessment *a = NULL;
    pekppp_error err;
    static char csv[64 * 1024];
    (void)state;
    /* unit_rows writes six cells: a header of six, two of them ignored */
    snprintf(csv, sizeof(csv),
             "unit_id,unit_name,kode,nilai,aspek,bobot\n,x,1.a.Ak,3,,\np,x,1.a.Ak,3,,,\n");
    unit_rows(csv, sizeof(csv), r, "z", "1", NULL);
    o.rubric = r;
    assert_int_equal(pekppp_sheet_open_buffer(&s, csv, strlen(csv), "l.csv", &o, &err), 0);
    assert_int_equal(pekppp_sheet_next(s, &a, &err), PEKPPP_EINVALID);
    assert_string_equal(err.message, "the unit id is empty");
    assert_int_equal(err.line, 2);
    assert_int_equal(pekppp_sheet_next(s, &a, &err), PEKPPP_EINVALID);
    assert_string_equal(err.message, "this row has 7 cells, the header has 6");
    assert_int_equal(err.line, 3);
    assert_int_equal(pekppp_sheet_next(s, &a, &err), 1);
    assert_string_equal(a->unit_id, "z");
    pekppp_assessment_free(a);
    assert_int_equal(pekppp_sheet_next(s, &a, &err), 0);
    pekppp_sheet_free(s);
    pekppp_rubric_free(r);
}

static void test_sheet_long__header_needs_a_unit_id_and_knows_its_names(void **state)
{
    pekppp_rubric *r = rubric();
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_sheet *s = NULL;
    pekppp_error err;
    const char *no_id = "nama_unit,kode,nilai\n";
    const char *twice = "unit_id,opd_id,kode,nilai\n";
    const char *near = "unit_id,kode,nilai,Bukti Dukungan\n";
    (void)state;
    o.rubric = r;
    assert_int_equal(pekppp_sheet_open_buffer(&s, no_id, strlen(no_id), "l.csv", &o, &err),
                     PEKPPP_EINVALID);
    assert_string_equal(err.rule, "schema.required-key");
    assert_int_equal(pekppp_sheet_open_buffer(&s, twice, strlen(twice), "l.csv", &o, &err),
                     PEKPPP_EINVALID);
    assert_string_equal(err.message, "column 'opd_id' appears twice (as 'unit_id')");
    assert_int_equal(err.column, 9);
    assert_int_equal(pekppp_sheet_open_buffer(&s, near, strlen(near), "l.csv", &o, &err),
                     PEKPPP_EINVALID);
    assert_string_equal(err.message, "unknown column 'Bukti Dukungan': did you mean 'bukti_dukung'?");
    assert_null(s);
    pekppp_rubric_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sheet_long__units_in_order_of_first_row_with_notes_and_evidence),
        cmocka_unit_test(test_sheet_long__missing_indicator_fails_its_unit_unless_allowed),
        cmocka_unit_test(test_sheet_long__bad_rows_fail_alone_in_their_place),
        cmocka_unit_test(test_sheet_long__header_needs_a_unit_id_and_knows_its_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
