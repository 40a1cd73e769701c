/*
 * Fuzz the CSV sheet reader against the shipped rubric: open the bytes as a
 * sheet, read every row, score each unit and gather the results in a batch,
 * as `pekppp score` does for a sheet; then render the batch in every format.
 *
 * A sheet whose header fails strictly is opened again with allow_incomplete.
 * Each call to pekppp_sheet_next reads on (a bad row is skipped, never read
 * again), so the rows end after at most one call per input byte.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "pekppp/batch.h"
#include "fuzz.h"

static void render(const pekppp_batch *b)
{
    static const pekppp_report_format formats[] = { PEKPPP_FORMAT_TEXT, PEKPPP_FORMAT_JSON,
                                                    PEKPPP_FORMAT_CSV };
    pekppp_report_options ro = PEKPPP_REPORT_OPTIONS_INIT;
    size_t i;
    for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
        pekppp_sink sink;
        pekppp_sink_init_buffer(&sink);
        fuzz_check_sink(&sink, pekppp_batch_write(&sink, b, formats[i], &ro, NULL, NULL));
        if (formats[i] == PEKPPP_FORMAT_JSON) {
            cJSON *json = cJSON_ParseWithLength(sink.data, sink.len);
            FUZZ_CHECK(json != NULL && cJSON_IsObject(json));
            cJSON_Delete(json);
        }
        pekppp_sink_dispose(&sink);
    }
    /* The other dialect and language, once. */
    {
        pekppp_sink sink;
        ro.csv_dialect = PEKPPP_CSV_ID;
        ro.lang = PEKPPP_LANG_EN;
        pekppp_sink_init_buffer(&sink);
        fuzz_check_sink(&sink, pekppp_batch_write(&sink, b, PEKPPP_FORMAT_CSV, &ro, NULL, NULL));
        pekppp_sink_dispose(&sink);
        pekppp_sink_init_buffer(&sink);
        fuzz_check_sink(&sink, pekppp_batch_write(&sink, b, PEKPPP_FORMAT_TEXT, &ro, NULL, NULL));
        pekppp_sink_dispose(&sink);
    }
}

/* Score one row's unit into the batch. */
static void add_unit(pekppp_batch *b, pekppp_assessment *a, int incomplete)
{
    const pekppp_rubric *r = pekppp_assessment_rubric(a);
    pekppp_result *res = NULL;
    pekppp_error err;
    int rc;
    FUZZ_CHECK(r == fuzz_shipped_rubric());
    pekppp_error_clear(&err);
    rc = pekppp_score(&res, a, &err);
    if (rc < 0) {
        FUZZ_CHECK(res == NULL && rc == PEKPPP_ERANGE);
        FUZZ_CHECK(pekppp_batch_add_failure(b, &err) == 0);
        return;
    }
    FUZZ_CHECK(res != NULL && pekppp_result_band(res) != NULL);
    if (!incomplete)
        FUZZ_CHECK(!(pekppp_result_flags(res) & PEKPPP_FLAG_INCOMPLETE));
    pekppp_error_clear(&err);
    rc = pekppp_batch_add(b, res, &err);
    if (rc < 0) {
        /* A unit id seen before is left out, and said so. */
        FUZZ_CHECK(rc == PEKPPP_EINVALID && err.code == rc);
        fuzz_check_error(&err);
        FUZZ_CHECK(pekppp_batch_add_failure(b, &err) == 0);
    }
    pekppp_result_free(res);
}

static int run(const uint8_t *data, size_t size, const pekppp_rubric *r, int incomplete)
{
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_batch_options bo = PEKPPP_BATCH_OPTIONS_INIT;
    pekppp_sheet *sheet = NULL;
    pekppp_batch *b = NULL;
    pekppp_error err;
    unsigned long diags = 0;
    size_t calls = 0, units = 0, failed = 0;
    int rc;

    opts.rubric = r;
    opts.allow_incomplete = incomplete != 0;
    opts.diag = fuzz_diag;
    opts.payload = &diags;
    pekppp_error_clear(&err);
    rc = pekppp_sheet_open_buffer(&sheet, (const char *)data, size, "fuzz.csv", &opts, &err);
    if (rc < 0) {
        FUZZ_CHECK(sheet == NULL);
        fuzz_check_failure(rc, &err, diags);
        return rc;
    }
    FUZZ_CHECK(rc == 0 && sheet != NULL);

    bo.group_by = PEKPPP_GROUP_CATEGORY | PEKPPP_GROUP_INSTITUTION | PEKPPP_GROUP_MODE;
    FUZZ_CHECK(pekppp_batch_new(&b, r, &bo) == 0 && b != NULL);
    for (;;) {
        pekppp_assessment *a = NULL;
        unsigned long before = diags;
        /* Every row takes at least one byte: more calls than bytes is a hang. */
        FUZZ_CHECK(++calls <= size + 2);
        pekppp_error_clear(&err);
        rc = pekppp_sheet_next(sheet, &a, &err);
        if (rc == 0) {
            FUZZ_CHECK(a == NULL);
            break;
        }
        if (rc < 0) {
            /* A bad row: reported through diag and err, then skipped. */
            FUZZ_CHECK(a == NULL);
            fuzz_check_failure(rc, &err, diags - before);
            FUZZ_CHECK(pekppp_batch_add_failure(b, &err) == 0);
            failed++;
            continue;
        }
        FUZZ_CHECK(rc == 1 && a != NULL);
        add_unit(b, a, incomplete);
        pekppp_assessment_free(a);
        units++;
    }
    FUZZ_CHECK(pekppp_sheet_rows(sheet) <= calls);
    pekppp_sheet_free(sheet);

    FUZZ_CHECK(pekppp_batch_scored(b) <= units);
    FUZZ_CHECK(pekppp_batch_scored(b) + pekppp_batch_failed(b) == units + failed);
    pekppp_error_clear(&err);
    rc = pekppp_batch_finish(b, &err);
    if (rc == 0)
        render(b);
    else
        FUZZ_CHECK(rc == PEKPPP_ERANGE);
    pekppp_batch_free(b);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const pekppp_rubric *r = fuzz_shipped_rubric();
    if (run(data, size, r, 0) == PEKPPP_EINVALID)
        (void)run(data, size, r, 1);
    return 0;
}
