/*
 * The fill-in workbook read back (form.c), through CSV texts standing for its sheets:
 * the reader consumes rows of named sheets, so a workbook's cells and these give the
 * same unit.  The real workbook path (H1's reader) is covered by the CLI case
 * tests/cli/form-xlsx-... once that reader is in.
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
#include "form.h"
#include "model.h"

#define RUBRIC PEKPPP_SOURCE_DIR "/rubrics/pekppp-2022-luring.yaml"
#define EXAMPLE PEKPPP_SOURCE_DIR "/examples/disdukcapil.yaml"

/* Sheets as CSV texts. */
typedef struct {
    const char *names[4];
    char *texts[4];
    size_t n, current;
    pk_csv csv;
} book;

static size_t b_count(void *ctx)
{
    return ((book *)ctx)->n;
}

static const char *b_name(void *ctx, size_t i)
{
    return ((book *)ctx)->names[i];
}

static int b_select(void *ctx, size_t i, pk_report *rep)
{
    book *b = ctx;
    pk_csv_free(&b->csv);
    pk_csv_init(&b->csv, b->texts[i], strlen(b->texts[i]));
    b->current = i;
    rep->sheet = b->names[i];
    return 0;
}

static int b_next(void *ctx, pk_csv_cell **cells, size_t *n, pk_report *rep)
{
    book *b = ctx;
    size_t i;
    int rc;
    rep->sheet = b->names[b->current];
    rc = pk_csv_next(&b->csv, cells, n, rep);
    for (i = 0; rc > 0 && i < *n; i++)
        (*cells)[i].col = (unsigned)i + 1; /* as a workbook numbers its columns */
    return rc;
}

static bool b_bad(void *ctx)
{
    return ((book *)ctx)->csv.bad != 0;
}

typedef struct {
    pekppp_error list[32];
    size_t n;
} seen_t;

static void keep(const pekppp_error *e, void *payload)
{
    seen_t *s = payload;
    if (s->n < 32)
        s->list[s->n++] = *e;
}

static int read_book(book *b, const pekppp_rubric *r, bool allow, seen_t *seen,
                     pekppp_assessment **out)
{
    pk_form_source src = { b_count, b_name, b_select, b_next, b_bad, true, b };
    pk_report rep;
    pekppp_error err;
    int rc;
    memset(&b->csv, 0, sizeof(b->csv));
    b->csv.fd = -1;
    pk_report_init(&rep, "formulir.xlsx", keep, seen, &err);
    static const char sha[65] = "0000000000000000000000000000000000000000000000000000000000000000";
    rc = pk_form_read(out, &src, r, allow, "formulir.xlsx", sha, &rep);
    pk_csv_free(&b->csv);
    return rc;
}

static void append(char **buf, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void append(char **buf, size_t *len, const char *fmt, ...)
{
    va_list ap;
    int k;
    char tmp[4096];
    va_start(ap, fmt);
    k = vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    *buf = realloc(*buf, *len + (size_t)k + 1);
    memcpy(*buf + *len, tmp, (size_t)k + 1);
    *len += (size_t)k;
}

/* The example unit's survey rows ("- {S01: 4, S02: 4, ...}") as survey sheet rows. */
static char *survey_sheet(const pekppp_rubric *r)
{
    FILE *f = fopen(EXAMPLE, "r");
    char line[1024], *out = NULL;
    size_t len = 0, i, resp = 0;
    assert_non_null(f);
    append(&out, &len, "responden");
    for (i = 0; i < pekppp_rubric_survey_item_count(r); i++)
        append(&out, &len, ",%s", r->survey_items[i].id);
    append(&out, &len, "\n");
    while (fgets(line, sizeof(line), f)) {
        const char *p = strstr(line, "- {S");
        if (!p)
            continue;
        append(&out, &len, "%zu", ++resp);
        for (i = 0; i < r->nsurvey_items; i++) {
            char key[16];
            const char *q;
            snprintf(key, sizeof(key), "%s: ", r->survey_items[i].id);
            q = strstr(p, key);
            append(&out, &len, q ? ",%c" : ",", q ? q[strlen(key)] : 0);
        }
        append(&out, &len, "\n");
    }
    fclose(f);
    for (i = 0; i < 3; i++) /* prepared rows nobody filled */
        append(&out, &len, "%zu%s\n", ++resp, ",,,");
    return out;
}

/* The example unit as the template's three sheets (Indonesian labels). */
static void example_book(book *b, const pekppp_assessment *y, const pekppp_rubric *r)
{
    char *id = NULL, *ind = NULL;
    size_t il = 0, nl = 0, i, k;
    append(&id, &il, "kunci,isian,keterangan\nschema,pekppp/assessment/v1,dikunci\n"
                     "rubric,%s,\nunit_id,%s,\nunit_name,%s,\ninstitution,%s,\ncategory,%s,\n"
                     "mode,%s,\nperiod,%s,\nassessor,%s,\nsurvey_score,,\nsurvey_respondents,,\n",
           r->id, y->unit_id, y->unit_name, y->institution, y->category, y->mode, y->period,
           y->assessor);
    append(&ind, &nl, "aspek,kode,indikator,bobot,level_0,level_1,level_2,level_3,level_4,"
                      "level_5,level,bukti,catatan\n");
    for (i = 0; i < r->nindicators; i++) {
        const pk_answer *a = &y->answers[i];
        append(&ind, &nl, "x,%s,\"nama, panjang\",1,a,b,c,d,e,f,", r->indicators[i].id);
        if (a->level == PEKPPP_LEVEL_NA)
            append(&ind, &nl, "na");
        else
            append(&ind, &nl, "%d", a->level);
        append(&ind, &nl, ",\"");
        for (k = 0; k < a->nevidence; k++)
            append(&ind, &nl, "%s%s", k ? "\n" : "", a->evidence[k]);
        append(&ind, &nl, "\",\"%s\"\n", a->note ? a->note : "");
    }
    for (i = 0; i < r->nsupplements; i++)
        append(&ind, &nl, ",%s,pelengkap,,,,,,,,%d,,\n", r->supplements[i].id,
               y->supplement_levels[i] == PEKPPP_LEVEL_MISSING ? 0 : y->supplement_levels[i]);
    b->names[0] = "Petunjuk";
    b->texts[0] = strdup("Isi lembar Identitas, Indikator dan Survei.\n");
    b->names[1] = "Identitas";
    b->texts[1] = id;
    b->names[2] = "Indikator";
    b->texts[2] = ind;
    b->names[3] = "Survei";
    b->texts[3] = survey_sheet(r);
    b->n = 4;
}

static void book_free(book *b)
{
    size_t i;
    for (i = 0; i < b->n; i++)
        free(b->texts[i]);
}

static void test_form__gives_the_unit_the_yaml_file_gives(void **state)
{
    pekppp_rubric *r = NULL;
    pekppp_assessment *y = NULL, *f = NULL;
    pekppp_result *ry = NULL, *rf = NULL;
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_error err;
    seen_t seen = { .n = 0 };
    book b;
    size_t i, k;
    (void)state;
    assert_int_equal(pekppp_rubric_load_file(&r, RUBRIC, NULL, &err), 0);
    o.rubric = r;
    assert_int_equal(pekppp_assessment_load_file(&y, EXAMPLE, &o, &err), 0);
    memset(&b, 0, sizeof(b));
    example_book(&b, y, r);
    assert_int_equal(read_book(&b, r, false, &seen, &f), 0);
    assert_int_equal(seen.n, 0);
    assert_string_equal(f->unit_id, y->unit_id);
    assert_string_equal(f->unit_name, y->unit_name);
    assert_string_equal(f->mode, y->mode);
    assert_string_equal(f->assessor, y->assessor);
    assert_string_equal(f->sheet, "Identitas");
    for (i = 0; i < r->nindicators; i++) {
        assert_int_equal(f->answers[i].level, y->answers[i].level);
        assert_int_equal(f->answers[i].nevidence, y->answers[i].nevidence);
        for (k = 0; k < y->answers[i].nevidence; k++)
            assert_string_equal(f->answers[i].evidence[k], y->answers[i].evidence[k]);
        if (y->answers[i].note)
            assert_string_equal(f->answers[i].note, y->answers[i].note);
        else
            assert_null(f->answers[i].note);
    }
    assert_int_equal(f->survey_kind, PK_SURVEY_RESPONSES);
    assert_int_equal(f->respondents, y->respondents);
    for (i = 0; i < r->nsurvey_items; i++) {
        assert_int_equal(f->item_sums[i], y->item_sums[i]);
        assert_int_equal(f->item_counts[i], y->item_counts[i]);
    }
    assert_int_equal(pekppp_score(&ry, y, &err), 0);
    assert_int_equal(pekppp_score(&rf, f, &err), 0);
    assert_int_equal(pekppp_fixed_compare(pekppp_result_index(ry), pekppp_result_index(rf)), 0);
    assert_int_equal(pekppp_result_flags(ry), pekppp_result_flags(rf));
    pekppp_result_free(ry);
    pekppp_result_free(rf);
    pekppp_assessment_free(f);
    pekppp_assessment_free(y);
    book_free(&b);
    pekppp_rubric_free(r);
}

static const pekppp_error *find(const seen_t *s, const char *message)
{
    size_t i;
    for (i = 0; i < s->n; i++)
        if (strcmp(s->list[i].message, message) == 0)
            return &s->list[i];
    print_error("no problem '%s'; got:\n", message);
    for (i = 0; i < s->n; i++)
        print_error("  %s!%u,%u %s\n", s->list[i].sheet, s->list[i].line, s->list[i].column,
                    s->list[i].message);
    return NULL;
}

static void at(const seen_t *s, const char *message, const char *sheet, unsigned line,
               unsigned col)
{
    const pekppp_error *e = find(s, message);
    assert_non_null(e);
    assert_string_equal(e->sheet, sheet);
    assert_int_equal(e->line, line);
    assert_int_equal(e->column, col);
}

static void test_form__problems_are_located_at_their_sheet_and_cell(void **state)
{
    pekppp_rubric *r = NULL;
    pekppp_assessment *f = NULL;
    pekppp_error err;
    seen_t seen = { .n = 0 };
    book b;
    (void)state;
    assert_int_equal(pekppp_rubric_load_file(&r, RUBRIC, NULL, &err), 0);
    memset(&b, 0, sizeof(b));
    b.names[0] = "Identity";
    b.texts[0] = strdup("key,value,description\nschema,pekppp/unit/v1,\nrubric,pekppp-2022-luring,\n"
                        "unit_id,u-1,\nunit_name,Dinas,\nunitname,Dinas,\nmode,luring,\n"
                        "period,2025,\nperiod,2026,\nsurvey_score,\"4,2\",\n"
                        "survey_respondents,40,\n");
    b.names[1] = "Indicators";
    b.texts[1] = strdup("aspect,code,indicator,weight,level,evidence,note,komentar\n"
                        "x,1.a.Ak,n,1,4,,,\nx,1.a.Ak,n,1,3,,,\nx,2.a.Pk,n,1,3,,,\nx,3.a.T,n,1,9,,,\n"
                        "x,4.a.K,n,1,,,,\n");
    b.names[2] = "Survey";
    b.texts[2] = strdup("respondent,S01,S02,S99\n1,4,7,\n2,,,\n");
    b.n = 3;
    assert_true(read_book(&b, r, false, &seen, &f) < 0);
    assert_null(f);
    at(&seen, "schema is 'pekppp/unit/v1': expected 'pekppp/assessment/v1'", "Identity", 2, 2);
    at(&seen, "unknown key 'unitname': did you mean 'unit_name'?", "Identity", 6, 1);
    at(&seen, "mode 'luring' is not 'mandiri' or 'nasional'", "Identity", 7, 2);
    at(&seen, "key 'period' appears twice: first in row 8", "Identity", 9, 1);
    at(&seen, "unknown column 'komentar' (not a column of the indicator sheet)", "Indicators", 1, 8);
    at(&seen, "no survey item 'S99': did you mean 'S09'?", "Survey", 1, 4);
    at(&seen, "give the survey either as 'score' or as 'responses', not both", "Identity", 10, 2);
    assert_int_equal(seen.n, 8); /* a header problem leaves the indicator rows unread */
    book_free(&b);

    /* The header is right now: the rows' problems. */
    seen.n = 0;
    b.texts[0] = strdup("key,value\nunit_id,u-1\nunit_name,Dinas\nsurvey_score,\"4,2\"\n"
                        "survey_respondents,40\n");
    b.texts[1] = strdup("aspect,code,indicator,weight,level,evidence,note\n"
                        "x,1.a.Ak,n,1,4,,\nx,1.a.Ak,n,1,3,,\nx,2.a.Pk,n,1,3,,\nx,3.a.T,n,1,9,,\n"
                        "x,4.a.K,n,1,,,\n");
    b.texts[2] = strdup("respondent,S01,S02,S99\n1,4,7,\n2,,,\n");
    assert_true(read_book(&b, r, false, &seen, &f) < 0);
    at(&seen, "indicator '1.a.Ak' is given twice: first in row 2", "Indicators", 3, 2);
    at(&seen, "rubric 'pekppp-2022-luring' has no indicator '2.a.Pk': did you mean '2.a.P'?",
       "Indicators", 4, 2);
    at(&seen, "level 9 of '3.a.T' is outside the scale 0 to 5", "Indicators", 5, 5);
    at(&seen, "no answer for indicator '4.a.K' (use --allow-incomplete to count it as 0)",
       "Indicators", 6, 5);
    at(&seen, "the indicator sheet has no rows for 27 indicators: 2.a.P, 5.a.K, 6.a.B, 7.a.T, "
              "8.a.Ak, 9.a.Ak, 10.b.As, 11.b.K, 12.b.Ak, 13.b.K, 14.b.K, 15.c.K, 16.c.As, 17.c.As, "
              "18.c.K, 19.c.As, 20.c.B, 21.d.T, 22.d.B, 23.d.As, 24.d.T, 25.e.P, 26.e.P, 27.e.Ak, "
              "28.e.Ak, 29.f.B, 30.f.B (use --allow-incomplete to count them as 0)",
       "Indicators", 1, 2);
    at(&seen, "no survey item 'S99': did you mean 'S09'?", "Survey", 1, 4);
    at(&seen, "expected a whole number from 0 to 5 for survey item 'S02', got '7'", "Survey", 2, 3);
    at(&seen, "give the survey either as 'score' or as 'responses', not both", "Identity", 4, 2);
    book_free(&b);
    pekppp_rubric_free(r);
}

static void test_form__aggregated_survey_and_incomplete_answers(void **state)
{
    pekppp_rubric *r = NULL;
    pekppp_assessment *f = NULL;
    pekppp_error err;
    seen_t seen = { .n = 0 };
    book b;
    (void)state;
    assert_int_equal(pekppp_rubric_load_file(&r, RUBRIC, NULL, &err), 0);
    memset(&b, 0, sizeof(b));
    b.names[0] = "Identitas";
    b.texts[0] = strdup("kunci,isian,keterangan\nunit_id,u-2,\nunit_name,Kecamatan,\n"
                        "survey_score,\"4,25\",\nsurvey_respondents,120,\n");
    b.names[1] = "Indikator";
    b.texts[1] = strdup("kode,level\n1.a.Ak,5\n");
    b.n = 2;
    assert_int_equal(read_book(&b, r, true, &seen, &f), 0);
    assert_int_equal(seen.n, 0);
    assert_true(f->incomplete);
    assert_int_equal(f->answers[0].level, 5);
    assert_int_equal(f->survey_kind, PK_SURVEY_SCORE);
    assert_int_equal(f->survey_score, 42500);
    assert_int_equal(f->respondents, 120);
    pekppp_assessment_free(f);
    book_free(&b);
    pekppp_rubric_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_form__gives_the_unit_the_yaml_file_gives),
        cmocka_unit_test(test_form__problems_are_located_at_their_sheet_and_cell),
        cmocka_unit_test(test_form__aggregated_survey_and_incomplete_answers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
