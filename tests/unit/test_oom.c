/*
 * Allocation-failure injection: every allocation the library makes can fail.
 *
 * For each operation (loading a rubric, loading a unit, scoring, writing the
 * reports, reading a sheet, a batch) the test fails the N-th allocation, for
 * N = 1, 2, ... until the operation no longer needs N allocations.  Each run
 * must end in success or in PEKPPP_ENOMEM, never in a crash or another error,
 * and must leave nothing allocated (counted here, and checked by ASan and
 * valgrind when the suite runs under them).  libyaml allocates on its own and
 * is outside this test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pekppp.h"

static long calls, fail_at, live;

static void *t_malloc(size_t n)
{
    void *p;
    if (++calls == fail_at)
        return NULL;
    p = malloc(n);
    if (p)
        live++;
    return p;
}

static void *t_realloc(void *p, size_t n)
{
    void *q;
    if (++calls == fail_at)
        return NULL;
    q = realloc(p, n);
    if (q && !p)
        live++;
    return q;
}

static void t_free(void *p)
{
    if (p)
        live--;
    free(p);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    assert_true(n > 0);
    rewind(f);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

typedef int (*operation)(void *ctx);

/* Run @p op failing allocation 1, 2, ... until it succeeds without a failure
 * being injected; every run must give 0 or PEKPPP_ENOMEM and free all. */
static void sweep(operation op, void *ctx, const char *what)
{
    long n;
    for (n = 1;; n++) {
        int rc;
        calls = 0;
        live = 0;
        fail_at = n;
        pekppp_set_allocator(t_malloc, t_realloc, t_free);
        rc = op(ctx);
        pekppp_set_allocator(NULL, NULL, NULL);
        if (rc != 0 && rc != PEKPPP_ENOMEM)
            fail_msg("%s: failing allocation %ld gave %d, not PEKPPP_ENOMEM", what, n, rc);
        if (live != 0)
            fail_msg("%s: failing allocation %ld left %ld blocks allocated", what, n, live);
        if (calls < n) {
            assert_int_equal(rc, 0); /* no failure was injected: it must succeed */
            break;
        }
        if (n > 200000)
            fail_msg("%s: more than 200000 allocations", what);
    }
    print_message("%s: %ld allocation points, each failing cleanly\n", what, n - 1);
}

typedef struct {
    const char *rubric_text, *unit_text, *sheet_text;
    size_t rubric_len, unit_len, sheet_len;
    const char *long_text; /* a long-format sheet, read the same way */
    size_t long_len;
} inputs;

static int op_rubric(void *ctx)
{
    inputs *in = ctx;
    pekppp_rubric *r = NULL;
    int rc = pekppp_rubric_load_buffer(&r, in->rubric_text, in->rubric_len, "r.yaml", NULL, NULL);
    pekppp_rubric_free(r);
    return rc;
}

/* Load the rubric without injection, then run the rest under it. */
static int with_rubric(inputs *in, int (*rest)(inputs *, const pekppp_rubric *))
{
    pekppp_rubric *r = NULL;
    long saved = fail_at;
    int rc;
    fail_at = -1;
    rc = pekppp_rubric_load_buffer(&r, in->rubric_text, in->rubric_len, "r.yaml", NULL, NULL);
    fail_at = saved;
    calls = 0;
    if (rc < 0)
        return -100; /* the fixture itself must load */
    rc = rest(in, r);
    pekppp_rubric_free(r);
    return rc;
}

static int unit_and_reports(inputs *in, const pekppp_rubric *r)
{
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_assessment *a = NULL;
    pekppp_result *res = NULL;
    pekppp_sink sink;
    int rc;
    o.rubric = r;
    pekppp_sink_init_buffer(&sink);
    rc = pekppp_assessment_load_buffer(&a, in->unit_text, in->unit_len, "u.yaml", &o, NULL);
    if (rc == 0)
        rc = pekppp_score(&res, a, NULL);
    if (rc == 0)
        rc = pekppp_report_write(&sink, res, PEKPPP_FORMAT_TEXT, NULL);
    if (rc == 0)
        rc = pekppp_report_write(&sink, res, PEKPPP_FORMAT_JSON, NULL);
    pekppp_sink_dispose(&sink);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
    return rc;
}

static int op_unit(void *ctx)
{
    return with_rubric(ctx, unit_and_reports);
}

static int sheet_batch(inputs *in, const pekppp_rubric *r)
{
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_sheet *sheet = NULL;
    pekppp_batch *b = NULL;
    pekppp_sink sink;
    int rc, row;
    o.rubric = r;
    pekppp_sink_init_buffer(&sink);
    rc = pekppp_batch_new(&b, r, NULL);
    if (rc == 0)
        rc = pekppp_sheet_open_buffer(&sheet, in->sheet_text, in->sheet_len, "s.csv", &o, NULL);
    while (rc == 0) {
        pekppp_assessment *a = NULL;
        pekppp_result *res = NULL;
        row = pekppp_sheet_next(sheet, &a, NULL);
        if (row == 0)
            break;
        if (row < 0) {
            rc = row;
            break;
        }
        rc = pekppp_score(&res, a, NULL);
        if (rc == 0)
            rc = pekppp_batch_add(b, res, NULL);
        pekppp_result_free(res);
        pekppp_assessment_free(a);
    }
    if (rc == 0)
        rc = pekppp_batch_finish(b, NULL);
    if (rc == 0)
        rc = pekppp_batch_write(&sink, b, PEKPPP_FORMAT_TEXT, NULL, NULL, NULL);
    if (rc == 0)
        rc = pekppp_batch_write(&sink, b, PEKPPP_FORMAT_CSV, NULL, NULL, NULL);
    pekppp_sink_dispose(&sink);
    pekppp_sheet_free(sheet);
    pekppp_batch_free(b);
    return rc;
}

static int op_sheet(void *ctx)
{
    return with_rubric(ctx, sheet_batch);
}

static int op_long_sheet(void *ctx)
{
    inputs in = *(inputs *)ctx;
    in.sheet_text = in.long_text;
    in.sheet_len = in.long_len;
    return with_rubric(&in, sheet_batch);
}

/* pekppp_diff_add_json: the inputs' own problems (PEKPPP_EINVALID) are
 * expected.  An allocation failing inside cJSON's parser comes back as
 * PEKPPP_EPARSE ("invalid JSON"): cJSON does not say why it failed.  That is
 * a known gap (docs/hardening.md, "Open"), counted here as the ENOMEM it is
 * so the sweep checks everything after it. */
static int add_json(pekppp_diff *d, pekppp_diff_side side, const char *s, size_t n,
                    const char *name)
{
    int rc = pekppp_diff_add_json(d, side, s, n, name, NULL);
    return rc == PEKPPP_EINVALID ? 0 : rc == PEKPPP_EPARSE ? PEKPPP_ENOMEM : rc;
}

/* A diff with failures on both sides: a batch file whose errors are carried,
 * a result that cannot be read, a failure the caller adds; then every
 * format. */
static int op_diff(void *ctx)
{
    static const char batch[] =
        "{\"schema\": \"pekppp/batch/v1\", \"units\": [{\"schema\": \"pekppp/result/v1\","
        " \"unit\": {\"id\": \"u1\", \"name\": \"Satu\"}, \"rubric\": {\"id\": \"r\", \"version\": \"1\"},"
        " \"grade\": \"B\", \"aspects\": [{\"id\": \"A\", \"indicators\": [{\"id\": \"1.a\", \"level\": 3}]}],"
        " \"exact\": {\"index\": \"1597/500\", \"decimals\": 2, \"aspects\": {\"A\": \"3\"}}}],"
        " \"errors\": [{\"file\": \"u/x.yaml\", \"line\": 4, \"column\": 2, \"path\": \"p\","
        " \"message\": \"m\"}]}";
    static const char bad[] =
        "{\"schema\": \"pekppp/result/v1\", \"unit\": {\"id\": \"u2\", \"name\": \"Dua\"},"
        " \"rubric\": {\"id\": \"r\", \"version\": \"1\"}, \"grade\": \"B\", \"aspects\": {}}";
    static const pekppp_report_format formats[] = { PEKPPP_FORMAT_TEXT, PEKPPP_FORMAT_JSON,
                                                    PEKPPP_FORMAT_CSV };
    pekppp_diff *d = NULL;
    pekppp_error e;
    size_t i;
    int rc;
    (void)ctx;
    pekppp_error_clear(&e);
    pekppp_error_set_file(&e, "u3.yaml");
    pekppp_error_set_message(&e, "did not load", NULL);
    if ((rc = pekppp_diff_new(&d)) < 0)
        return rc;
    rc = add_json(d, PEKPPP_DIFF_OLD, batch, sizeof(batch) - 1, "lama.json");
    if (rc == 0)
        rc = add_json(d, PEKPPP_DIFF_NEW, bad, sizeof(bad) - 1, "baru.json");
    if (rc == 0)
        rc = add_json(d, PEKPPP_DIFF_NEW, batch, sizeof(batch) - 1, "baru2.json");
    if (rc == 0)
        rc = pekppp_diff_add_failure(d, PEKPPP_DIFF_NEW, &e);
    if (rc == 0)
        rc = pekppp_diff_finish(d, NULL);
    for (i = 0; rc == 0 && i < sizeof(formats) / sizeof(formats[0]); i++) {
        pekppp_sink sink;
        pekppp_sink_init_buffer(&sink);
        rc = pekppp_diff_write(&sink, d, formats[i], NULL);
        pekppp_sink_dispose(&sink);
    }
    pekppp_diff_free(d);
    return rc;
}

static void test_oom__every_allocation_failure_is_clean(void **state)
{
    inputs in;
    char *rubric, *unit;
    static const char sheet[] =
        "unit_id,unit_name,category,1.a.Ak,2.a.P,3.a.T,4.a.K,5.a.K,6.a.B,7.a.T,8.a.Ak,9.a.Ak,"
        "10.b.As,11.b.K,12.b.Ak,13.b.K,14.b.K,15.c.K,16.c.As,17.c.As,18.c.K,19.c.As,20.c.B,"
        "21.d.T,22.d.B,23.d.As,24.d.T,25.e.P,26.e.P,27.e.Ak,28.e.Ak,29.f.B,30.f.B,"
        "survey_score,survey_respondents\n"
        "u1,\"Unit, Satu\",puskesmas,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,"
        "4.00,12\n"
        "u2,Unit Dua,kecamatan,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,0,0,,\n";
    (void)state;
    rubric = slurp(PEKPPP_SOURCE_DIR "/rubrics/pekppp-2022-luring.yaml", &in.rubric_len);
    unit = slurp(PEKPPP_SOURCE_DIR "/examples/disdukcapil.yaml", &in.unit_len);
    in.rubric_text = rubric;
    in.unit_text = unit;
    in.sheet_text = sheet;
    in.sheet_len = sizeof(sheet) - 1;
    sweep(op_rubric, &in, "load the shipped rubric");
    sweep(op_unit, &in, "load, score and report a unit with raw survey responses");
    sweep(op_sheet, &in, "read a sheet into a batch and write it");
    {
        /* Two units whose rows alternate, with notes and evidence: every indicator of the
         * wide sheet's header, one row each. */
        static const char *const ids[] = {
            "1.a.Ak", "2.a.P", "3.a.T", "4.a.K", "5.a.K", "6.a.B", "7.a.T", "8.a.Ak", "9.a.Ak",
            "10.b.As", "11.b.K", "12.b.Ak", "13.b.K", "14.b.K", "15.c.K", "16.c.As", "17.c.As",
            "18.c.K", "19.c.As", "20.c.B", "21.d.T", "22.d.B", "23.d.As", "24.d.T", "25.e.P",
            "26.e.P", "27.e.Ak", "28.e.Ak", "29.f.B", "30.f.B" };
        static char longsheet[8192];
        size_t k, n = (size_t)snprintf(longsheet, sizeof(longsheet),
                                       "opd_id,nama_opd,kategori,kode_indikator,nilai,catatan,bukti\n");
        for (k = 0; k < 2 * sizeof(ids) / sizeof(ids[0]); k++)
            n += (size_t)snprintf(longsheet + n, sizeof(longsheet) - n,
                                  "u%zu,Unit %zu,dinas,%s,%zu,catatan,\"SK\nSOP\"\n", k % 2,
                                  k % 2, ids[k / 2], 3 + k % 2);
        in.long_text = longsheet;
        in.long_len = n;
        sweep(op_long_sheet, &in, "read a long-format sheet into a batch and write it");
    }
    sweep(op_diff, &in, "compare two sides with failures and write every format");
    free(rubric);
    free(unit);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_oom__every_allocation_failure_is_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
