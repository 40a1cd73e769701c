/*
 * Sheets of a workbook through pk_rows (sheet.c, sheet_long.c, form.c) with a stand-in
 * reader (fake_xlsx.c): the sheet chosen, --sheet, workbook rows that end early, locations
 * naming the sheet and cell, and the fill-in workbook end to end.
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

static char *book_text(const pekppp_rubric *r, const char *level_of_4aK)
{
    static char buf[32768];
    size_t n = 0, i, u;
    n += (size_t)snprintf(buf + n, sizeof(buf) - n,
                          "FAKEXLSX\n=== Catatan\nCatatan rapat\n=== Rekap 2024\n"
                          "opd_id,opd_name,kode_indikator,nilai,keterangan\n");
    for (u = 0; u < 2; u++)
        for (i = 0; i < r->nindicators; i++)
            n += (size_t)snprintf(buf + n, sizeof(buf) - n, "opd-%zu,Dinas %zu,%s,%s,\n", u, u,
                                  r->indicators[i].id,
                                  u == 1 && strcmp(r->indicators[i].id, "4.a.K") == 0
                                      ? level_of_4aK : "3");
    return buf;
}

static void test_workbook__first_sheet_with_units_and_locations(void **state)
{
    pekppp_rubric *r = rubric();
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_sheet *s = NULL;
    pekppp_assessment *a = NULL;
    pekppp_error err;
    char *t = book_text(r, "7"), where[128];
    (void)state;
    o.rubric = r;
    assert_int_equal(pekppp_sheet_open_buffer(&s, t, strlen(t), "book.xlsx", &o, &err), 0);
    assert_false(pekppp_sheet_is_form(s));
    assert_int_equal(pekppp_sheet_next(s, &a, &err), 1);
    assert_string_equal(a->unit_id, "opd-0");
    assert_string_equal(a->sheet, "Rekap 2024");
    assert_int_equal(a->id_line, 2);
    assert_int_equal(a->id_col, 1);
    pekppp_assessment_free(a);
    assert_int_equal(pekppp_sheet_next(s, &a, &err), PEKPPP_EINVALID);
    assert_string_equal(err.sheet, "Rekap 2024");
    pekppp_error_location(&err, 0, where, sizeof(where));
    assert_string_equal(where, "book.xlsx:'Rekap 2024'!D35");
    assert_string_equal(err.message, "level 7 of '4.a.K' is outside the scale 0 to 5");
    assert_int_equal(pekppp_sheet_next(s, &a, &err), 0);
    pekppp_sheet_free(s);

    o.sheet = "Rekap"; /* no such sheet: the error lists them, and names no sheet */
    assert_int_equal(pekppp_sheet_open_buffer(&s, t, strlen(t), "book.xlsx", &o, &err),
                     PEKPPP_EINVALID);
    assert_string_equal(err.message,
                        "the workbook has no sheet 'Rekap' (its sheets: 'Catatan', 'Rekap 2024')");
    assert_string_equal(err.sheet, "");
    assert_string_equal(err.rule, "unit.sheet");
    o.sheet = "Catatan"; /* a sheet that is no unit sheet: its header is wrong */
    assert_int_equal(pekppp_sheet_open_buffer(&s, t, strlen(t), "book.xlsx", &o, &err),
                     PEKPPP_EINVALID);
    assert_string_equal(err.sheet, "Catatan");
    pekppp_rubric_free(r);
}

static void test_workbook__no_sheet_with_units_names_each(void **state)
{
    pekppp_rubric *r = rubric();
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_sheet *s = NULL;
    pekppp_error err;
    seen_t seen = { .n = 0 };
    const char *t = "FAKEXLSX\n=== Catatan\nrapat\n=== Lain\nno,hal\n1,x\n";
    (void)state;
    o.rubric = r;
    o.diag = keep;
    o.payload = &seen;
    assert_int_equal(pekppp_sheet_open_buffer(&s, t, strlen(t), "c.xlsx", &o, &err),
                     PEKPPP_EINVALID);
    assert_int_equal(seen.n, 2);
    assert_string_equal(seen.list[0].sheet, "Catatan");
    assert_string_equal(seen.list[1].sheet, "Lain");
    assert_int_equal(seen.list[1].line, 1);
    assert_int_equal(seen.list[1].column, 1);
    assert_string_equal(seen.list[1].rule, "unit.sheet");
    pekppp_rubric_free(r);
}

/* A wide sheet whose rows end at their last value, and a decimal comma in a text cell. */
static void test_workbook__wide_rows_ending_early_are_filled_with_empty_cells(void **state)
{
    pekppp_rubric *r = rubric();
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_sheet *s = NULL;
    pekppp_assessment *a = NULL;
    pekppp_error err;
    const char *t = "FAKEXLSX\n=== Data\nunit_id,unit_name,survey_score,survey_respondents,1.a.Ak,2.a.P\n"
                    "u1,Satu,\"4,2\",30,4\n";
    (void)state;
    o.rubric = r;
    o.allow_incomplete = true;
    assert_int_equal(pekppp_sheet_open_buffer(&s, t, strlen(t), "w.xlsx", &o, &err), 0);
    assert_int_equal(pekppp_sheet_next(s, &a, &err), 1);
    assert_int_equal(a->survey_score, 42000);
    assert_int_equal(a->answers[0].level, 4);
    assert_int_equal(a->answers[1].level, PEKPPP_LEVEL_MISSING);
    assert_true(a->incomplete);
    pekppp_assessment_free(a);
    pekppp_sheet_free(s);
    pekppp_rubric_free(r);
}

static void test_workbook__fill_in_workbook_gives_its_one_unit(void **state)
{
    pekppp_rubric *r = rubric();
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_sheet *s = NULL;
    pekppp_assessment *a = NULL;
    pekppp_error err;
    static char t[16384];
    size_t n, i;
    char where[128];
    (void)state;
    n = (size_t)snprintf(t, sizeof(t), "FAKEXLSX\n=== Petunjuk\nIsi lembar berikut.\n"
                                       "=== Identitas\nkunci,isian,keterangan\nschema,pekppp/assessment/v1,\n"
                                       "rubric,pekppp-2022-luring,\nunit_id,f-1,\nunit_name,Formulir,\n"
                                       "=== Indikator\naspek,kode,indikator,bobot,level,bukti,catatan\n");
    for (i = 0; i < r->nindicators; i++)
        n += (size_t)snprintf(t + n, sizeof(t) - n, "x,%s,nama,1,%s,\"a\nb\",\n",
                              r->indicators[i].id, i == 5 ? "9" : "4");
    n += (size_t)snprintf(t + n, sizeof(t) - n, "=== Survei\nresponden,S01\n1,\n");
    o.rubric = r;
    assert_int_equal(pekppp_sheet_open_buffer(&s, t, n, "formulir.xlsx", &o, &err),
                     PEKPPP_EINVALID);
    pekppp_error_location(&err, 0, where, sizeof(where));
    assert_string_equal(where, "formulir.xlsx:Indikator!E7");
    /* the same workbook answered right */
    t[strstr(t, ",9,") - t + 1] = '5';
    assert_int_equal(pekppp_sheet_open_buffer(&s, t, n, "formulir.xlsx", &o, &err), 0);
    assert_true(pekppp_sheet_is_form(s));
    assert_int_equal(pekppp_sheet_next(s, &a, &err), 1);
    assert_string_equal(a->unit_id, "f-1");
    assert_string_equal(a->sheet, "Identitas");
    assert_int_equal(a->answers[5].level, 5);
    assert_int_equal(a->answers[0].nevidence, 2);
    assert_int_equal(a->survey_kind, PK_SURVEY_NONE); /* its one prepared row is empty */
    pekppp_assessment_free(a);
    assert_int_equal(pekppp_sheet_next(s, &a, &err), 0);
    pekppp_sheet_free(s);
    pekppp_rubric_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_workbook__first_sheet_with_units_and_locations),
        cmocka_unit_test(test_workbook__no_sheet_with_units_names_each),
        cmocka_unit_test(test_workbook__wide_rows_ending_early_are_filled_with_empty_cells),
        cmocka_unit_test(test_workbook__fill_in_workbook_gives_its_one_unit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
