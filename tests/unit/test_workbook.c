/*
 * The workbook writers' library contract (pekppp/workbook.h), through the
 * public API: a file only when asked, the same bytes for the same time, the
 * errors said (the sheets' content is checked in LibreOffice by tests/lo).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <zip.h>

#include "pekppp.h"

#define SMALL_RUBRIC PEKPPP_TEST_FIXTURES "/rubric/small-two-aspects.yaml"

static const char unit_text[] =
    "schema: pekppp/assessment/v1\nrubric: small-two-aspects\n"
    "unit: {id: \"=1+1\", name: \"+cmd\"}\nperiod: \"2025\"\n"
    "answers: {\"1.a\": 4, \"1.b\": na, \"1.c\": 4, \"2.a\": 5, \"2.b\": 3, \"INF.01\": 0}\n";

typedef struct {
    pekppp_rubric *rubric;
    pekppp_assessment *a;
    pekppp_result *res;
    char dir[64];
} fixture;

static int setup(void **state)
{
    static fixture f;
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_error err;
    memset(&f, 0, sizeof(f));
    snprintf(f.dir, sizeof(f.dir), "/tmp/pekppp-workbook-XXXXXX");
    if (!mkdtemp(f.dir) || pekppp_rubric_load_file(&f.rubric, SMALL_RUBRIC, NULL, &err) != 0)
        return -1;
    opts.rubric = f.rubric;
    if (pekppp_assessment_load_buffer(&f.a, unit_text, strlen(unit_text), "unit.yaml", &opts,
                                      &err) != 0 ||
        pekppp_score(&f.res, f.a, &err) != 0)
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    pekppp_result_free(f->res);
    pekppp_assessment_free(f->a);
    pekppp_rubric_free(f->rubric);
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* The whole file, malloc'd; NULL when it cannot be read. */
static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf;
    long n;
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    *len = buf ? fread(buf, 1, (size_t)n, fp) : 0;
    fclose(fp);
    return buf;
}

static void test_workbook__unit_is_a_zip_and_the_same_bytes_for_the_same_time(void **state)
{
    const fixture *f = *state;
    pekppp_report_options ro = PEKPPP_REPORT_OPTIONS_INIT;
    pekppp_error err;
    char p1[128], p2[128], p3[128];
    char *b1, *b2, *b3;
    size_t n1 = 0, n2 = 0, n3 = 0;
    snprintf(p1, sizeof(p1), "%s/a.xlsx", f->dir);
    snprintf(p2, sizeof(p2), "%s/b.xlsx", f->dir);
    snprintf(p3, sizeof(p3), "%s/c.xlsx", f->dir);
    ro.timestamp = "2026-01-01T00:00:00Z";
    assert_int_equal(pekppp_report_write_xlsx(p1, f->res, &ro, &err), 0);
    assert_int_equal(pekppp_report_write_xlsx(p2, f->res, &ro, &err), 0);
    ro.timestamp = "2026-01-01T00:00:01Z";
    assert_int_equal(pekppp_report_write_xlsx(p3, f->res, &ro, &err), 0);
    b1 = slurp(p1, &n1);
    b2 = slurp(p2, &n2);
    b3 = slurp(p3, &n3);
    assert_non_null(b1);
    assert_non_null(b2);
    assert_non_null(b3);
    assert_true(n1 > 4 && memcmp(b1, "PK\3\4", 4) == 0);
    assert_int_equal(n1, n2);
    assert_memory_equal(b1, b2, n1);
    /* Another time: the document's creation time (and the receipt) differ. */
    assert_true(n1 != n3 || memcmp(b1, b3, n1) != 0);
    free(b1);
    free(b2);
    free(b3);
}

static void test_workbook__batch_writes_nothing_until_asked(void **state)
{
    const fixture *f = *state;
    pekppp_workbook *wb = NULL;
    pekppp_batch *b = NULL;
    pekppp_error err;
    char path[128];
    snprintf(path, sizeof(path), "%s/never.xlsx", f->dir);
    assert_int_equal(pekppp_workbook_new(&wb, path, f->rubric, NULL, &err), 0);
    assert_int_equal(pekppp_workbook_add_unit(wb, f->res, &err), 0);
    assert_int_equal(pekppp_batch_new(&b, f->rubric, NULL), 0);
    assert_int_equal(pekppp_batch_add(b, f->res, &err), 0);
    /* An unfinished batch is refused, and nothing is written. */
    assert_int_equal(pekppp_batch_write_xlsx(wb, b, &err), PEKPPP_EINVALID);
    assert_int_equal(pekppp_batch_write_xlsx(NULL, b, &err), PEKPPP_EINVALID);
    pekppp_workbook_free(wb);
    assert_int_not_equal(access(path, F_OK), 0);
    /* Finished: written once; a second write is refused. */
    assert_int_equal(pekppp_workbook_new(&wb, path, f->rubric, NULL, &err), 0);
    assert_int_equal(pekppp_workbook_add_unit(wb, f->res, &err), 0);
    assert_int_equal(pekppp_batch_finish(b, &err), 0);
    assert_int_equal(pekppp_batch_write_xlsx(wb, b, &err), 0);
    assert_int_equal(access(path, F_OK), 0);
    assert_int_equal(pekppp_batch_write_xlsx(wb, b, &err), PEKPPP_EINVALID);
    pekppp_workbook_free(wb);
    pekppp_batch_free(b);
}

static void test_workbook__unwritable_path_is_an_io_error_said_in_both_languages(void **state)
{
    const fixture *f = *state;
    pekppp_error err;
    const char *path = "/nonexistent-pekppp-dir/form.xlsx";
    memset(&err, 0, sizeof(err));
    assert_int_equal(pekppp_template_write_xlsx(path, f->rubric, NULL, &err), PEKPPP_EIO);
    assert_int_equal(err.code, PEKPPP_EIO);
    assert_string_equal(err.file, path);
    assert_non_null(strstr(err.message, "cannot write the workbook"));
    assert_non_null(strstr(err.message_id, "buku kerja tidak dapat ditulis"));
    assert_int_equal(pekppp_report_write_xlsx(path, f->res, NULL, &err), PEKPPP_EIO);
}

static void test_workbook__what_if_and_newer_options_are_refused(void **state)
{
    const fixture *f = *state;
    pekppp_report_options ro = PEKPPP_REPORT_OPTIONS_INIT;
    pekppp_sink sink;
    pekppp_error err;
    char path[128];
    snprintf(path, sizeof(path), "%s/whatif.xlsx", f->dir);
    ro.baseline = f->res;
    assert_int_equal(pekppp_report_write_xlsx(path, f->res, &ro, &err), PEKPPP_EINVALID);
    ro.baseline = NULL;
    ro.version = PEKPPP_REPORT_OPTIONS_VERSION + 1;
    assert_int_equal(pekppp_report_write_xlsx(path, f->res, &ro, &err), PEKPPP_EINVALID);
    assert_int_equal(pekppp_template_write_xlsx(path, f->rubric, &ro, &err), PEKPPP_EINVALID);
    assert_int_not_equal(access(path, F_OK), 0);
    /* A workbook is no sink format. */
    pekppp_sink_init_buffer(&sink);
    assert_int_equal(pekppp_report_write(&sink, f->res, PEKPPP_FORMAT_XLSX, NULL), PEKPPP_EINVALID);
    assert_int_equal(pekppp_template_write(&sink, f->rubric, PEKPPP_FORMAT_XLSX, NULL),
                     PEKPPP_EINVALID);
    pekppp_sink_dispose(&sink);
}

/* Part @p name of the workbook @p path as a string (malloc'd), or NULL. */
static char *part(const char *path, const char *name)
{
    int e;
    zip_t *z = zip_open(path, ZIP_RDONLY, &e);
    zip_stat_t st;
    zip_file_t *f;
    char *buf = NULL;
    if (!z)
        return NULL;
    if (zip_stat(z, name, 0, &st) == 0 && (f = zip_fopen(z, name, 0)) != NULL) {
        buf = calloc(1, (size_t)st.size + 1);
        if (buf && zip_fread(f, buf, st.size) != (zip_int64_t)st.size) {
            free(buf);
            buf = NULL;
        }
        zip_fclose(f);
    }
    zip_close(z);
    return buf;
}

static void test_workbook__failures_are_located_by_line_or_by_sheet_cell(void **state)
{
    const fixture *f = *state;
    pekppp_workbook *wb = NULL;
    pekppp_batch *b = NULL;
    pekppp_error err, e1, e2;
    char path[128], *xml;
    snprintf(path, sizeof(path), "%s/failed.xlsx", f->dir);
    pekppp_error_clear(&e1);
    pekppp_error_set_file(&e1, "units/rusak.yaml");
    e1.code = PEKPPP_EPARSE;
    e1.line = 12;
    e1.column = 5;
    pekppp_error_set_message(&e1, "bad", "buruk");
    e2 = e1;
    pekppp_error_set_file(&e2, "formulir.xlsx");
    snprintf(e2.sheet, sizeof(e2.sheet), "Indikator");
    e2.line = 7;
    e2.column = 11;
    assert_int_equal(pekppp_batch_new(&b, f->rubric, NULL), 0);
    assert_int_equal(pekppp_batch_add_failure(b, &e1), 0);
    assert_int_equal(pekppp_batch_add_failure(b, &e2), 0);
    assert_int_equal(pekppp_batch_finish(b, &err), 0);
    assert_int_equal(pekppp_workbook_new(&wb, path, f->rubric, NULL, &err), 0);
    assert_int_equal(pekppp_batch_write_xlsx(wb, b, &err), 0);
    /* Sheet 6 lists the failures; constant memory writes inline strings. */
    xml = part(path, "xl/worksheets/sheet6.xml");
    assert_non_null(xml);
    assert_non_null(strstr(xml, "<t>units/rusak.yaml:12:5</t>"));
    assert_non_null(strstr(xml, "<t>formulir.xlsx:Indikator!K7</t>"));
    assert_non_null(strstr(xml, "<t>buruk</t>")); /* the Indonesian message by default */
    assert_null(strstr(xml, "<f>"));
    free(xml);
    /* The ranking lists them too: every unit found is in every sheet that lists units. */
    xml = part(path, "xl/worksheets/sheet2.xml");
    assert_non_null(xml);
    assert_non_null(strstr(xml, "<t>formulir.xlsx</t>"));
    assert_non_null(strstr(xml, "<t>gagal dimuat</t>"));
    free(xml);
    pekppp_workbook_free(wb);
    pekppp_batch_free(b);
}

static void test_workbook__input_text_is_never_a_formula(void **state)
{
    const fixture *f = *state;
    pekppp_error err;
    char path[128], *xml;
    snprintf(path, sizeof(path), "%s/names.xlsx", f->dir);
    assert_int_equal(pekppp_report_write_xlsx(path, f->res, NULL, &err), 0);
    xml = part(path, "xl/worksheets/sheet2.xml");
    assert_non_null(xml);
    assert_non_null(strstr(xml, "t=\"inlineStr\"><is><t>=1+1</t></is>"));
    assert_non_null(strstr(xml, "t=\"inlineStr\"><is><t>+cmd</t></is>"));
    assert_null(strstr(xml, "<f>"));
    free(xml);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_workbook__unit_is_a_zip_and_the_same_bytes_for_the_same_time),
        cmocka_unit_test(test_workbook__batch_writes_nothing_until_asked),
        cmocka_unit_test(test_workbook__unwritable_path_is_an_io_error_said_in_both_languages),
        cmocka_unit_test(test_workbook__what_if_and_newer_options_are_refused),
        cmocka_unit_test(test_workbook__failures_are_located_by_line_or_by_sheet_cell),
        cmocka_unit_test(test_workbook__input_text_is_never_a_formula),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
