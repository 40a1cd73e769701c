/*
 * Fuzz the respondent-row reader (src/lib/responses.c) through `pekppp skm`'s
 * library entry: open the bytes as a respondent sheet of the SKM instrument
 * (rubrics/skm-2017.yaml), score every unit exactly, then render the results
 * in every format.  Checks: a failure is reported (located, non-empty) and
 * gives no result; a result renders, its JSON parses.  Under both weight
 * conventions, so the legacy path is fuzzed too.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "pekppp/skm.h"
#include "fuzz.h"

static pekppp_rubric *skm;

static void skm_free(void)
{
    pekppp_rubric_free(skm);
}

/* The SKM instrument (PEKPPP_FUZZ_SKM_RUBRIC, set by the build), loaded once. */
static const pekppp_rubric *skm_rubric(void)
{
    if (!skm) {
        FUZZ_CHECK(pekppp_rubric_load_file(&skm, PEKPPP_FUZZ_SKM_RUBRIC, NULL, NULL) == 0);
        atexit(skm_free);
    }
    return skm;
}

static void render(const pekppp_skm *s)
{
    static const pekppp_report_format formats[] = { PEKPPP_FORMAT_TEXT, PEKPPP_FORMAT_JSON,
                                                    PEKPPP_FORMAT_MD, PEKPPP_FORMAT_HTML,
                                                    PEKPPP_FORMAT_CSV };
    pekppp_report_options ro = PEKPPP_REPORT_OPTIONS_INIT;
    size_t i;
    for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
        pekppp_sink sink;
        ro.lang = i % 2 ? PEKPPP_LANG_EN : PEKPPP_LANG_ID;
        ro.csv_dialect = i % 2 ? PEKPPP_CSV_ID : PEKPPP_CSV_PLAIN;
        pekppp_sink_init_buffer(&sink);
        fuzz_check_sink(&sink, pekppp_skm_write(&sink, s, formats[i], &ro));
        if (formats[i] == PEKPPP_FORMAT_JSON) {
            cJSON *json = cJSON_ParseWithLength(sink.data, sink.len);
            FUZZ_CHECK(json != NULL && cJSON_IsObject(json));
            cJSON_Delete(json);
        }
        pekppp_sink_dispose(&sink);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int64_t weights[] = { 0, 1100 };
    size_t k;
    for (k = 0; k < 2; k++) {
        pekppp_skm_options o = PEKPPP_SKM_OPTIONS_INIT;
        pekppp_skm *s = NULL;
        pekppp_error err;
        unsigned long diags = 0;
        int rc;
        o.weight = weights[k];
        o.diag = fuzz_diag;
        o.payload = &diags;
        pekppp_error_clear(&err);
        rc = pekppp_skm_read_buffer(&s, skm_rubric(), (const char *)data, size, "fuzz.csv", &o,
                                    &err);
        if (rc < 0) {
            FUZZ_CHECK(s == NULL);
            fuzz_check_failure(rc, &err, diags);
            continue;
        }
        FUZZ_CHECK(s != NULL && pekppp_skm_unit_count(s) > 0);
        render(s);
        pekppp_skm_free(s);
    }
    return 0;
}
