/*
 * Fuzz the unit loader (YAML and JSON) against the shipped rubric, then the
 * scorer and the text and JSON reports.
 *
 * The bytes are loaded strictly; a unit that fails is loaded again with
 * allow_incomplete, so the scorer also sees units with missing answers.  A
 * loaded unit holds only levels its rubric allows; its result lies on the
 * scale, in the band of its rounded index; every report renders, and the
 * JSON report is JSON.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "pekppp/assessment.h"
#include "pekppp/report.h"
#include "pekppp/rubric.h"
#include "pekppp/score.h"
#include "fuzz.h"

static void check_levels(const pekppp_assessment *a, const pekppp_rubric *r, int incomplete)
{
    size_t i, n = pekppp_rubric_indicator_count(r);
    FUZZ_CHECK(pekppp_assessment_rubric(a) == r);
    for (i = 0; i < n; i++) {
        int level = pekppp_assessment_level(a, i);
        if (level == PEKPPP_LEVEL_MISSING)
            FUZZ_CHECK(incomplete);
        else if (level == PEKPPP_LEVEL_NA)
            FUZZ_CHECK(pekppp_rubric_indicator(r, i)->na_allowed);
        else
            FUZZ_CHECK(level >= pekppp_rubric_scale_min(r) && level <= pekppp_rubric_scale_max(r));
    }
}

static void check_result(const pekppp_result *res, const pekppp_rubric *r, int incomplete)
{
    pekppp_fixed ix = pekppp_result_index(res);
    pekppp_fixed lo = { pekppp_rubric_scale_min(r), 0 }, hi = { pekppp_rubric_scale_max(r), 0 };
    char buf[64];
    FUZZ_CHECK(ix.decimals == pekppp_rubric_decimals(r) && ix.decimals <= 4);
    FUZZ_CHECK(pekppp_fixed_compare(ix, lo) >= 0);
    FUZZ_CHECK(pekppp_fixed_compare(ix, hi) <= 0);
    FUZZ_CHECK(pekppp_result_band(res) != NULL);
    FUZZ_CHECK(pekppp_result_band(res) == pekppp_rubric_band_for(r, ix));
    FUZZ_CHECK(pekppp_result_compare_index(res, lo) >= 0);
    FUZZ_CHECK(pekppp_result_compare_index(res, hi) <= 0);
    if (!incomplete)
        FUZZ_CHECK(!(pekppp_result_flags(res) & PEKPPP_FLAG_INCOMPLETE));
    FUZZ_CHECK(pekppp_fixed_format(buf, sizeof(buf), ix) > 0);
}

static void render(const pekppp_result *res)
{
    pekppp_report_options ro = PEKPPP_REPORT_OPTIONS_INIT;
    int lang;
    for (lang = 0; lang < 2; lang++) {
        pekppp_sink sink;
        cJSON *json;
        ro.lang = lang ? PEKPPP_LANG_EN : PEKPPP_LANG_ID;

        pekppp_sink_init_buffer(&sink);
        fuzz_check_sink(&sink, pekppp_report_write(&sink, res, PEKPPP_FORMAT_TEXT, &ro));
        pekppp_sink_dispose(&sink);

        pekppp_sink_init_buffer(&sink);
        fuzz_check_sink(&sink, pekppp_report_write(&sink, res, PEKPPP_FORMAT_JSON, &ro));
        json = cJSON_ParseWithLength(sink.data, sink.len);
        FUZZ_CHECK(json != NULL && cJSON_IsObject(json));
        cJSON_Delete(json);
        pekppp_sink_dispose(&sink);
    }
}

/* Load with or without allow_incomplete; score and render what loads. */
static int run(const uint8_t *data, size_t size, const pekppp_rubric *r, int incomplete)
{
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_assessment *a = NULL;
    pekppp_result *res = NULL;
    pekppp_error err;
    unsigned long diags = 0;
    int rc;

    opts.rubric = r;
    opts.allow_incomplete = incomplete != 0;
    opts.diag = fuzz_diag;
    opts.payload = &diags;
    pekppp_error_clear(&err);
    rc = pekppp_assessment_load_buffer(&a, (const char *)data, size, "fuzz.yaml", &opts, &err);
    if (rc < 0) {
        FUZZ_CHECK(a == NULL);
        fuzz_check_failure(rc, &err, diags);
        return rc;
    }
    FUZZ_CHECK(rc == 0 && a != NULL);
    check_levels(a, r, incomplete);

    pekppp_error_clear(&err);
    rc = pekppp_score(&res, a, &err);
    if (rc == 0) {
        FUZZ_CHECK(res != NULL && pekppp_result_assessment(res) == a);
        check_result(res, r, incomplete);
        render(res);
        pekppp_result_free(res);
    } else {
        /* Only exact values outgrowing 128 bits may stop the scorer. */
        FUZZ_CHECK(res == NULL && rc == PEKPPP_ERANGE);
    }
    pekppp_assessment_free(a);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const pekppp_rubric *r = fuzz_shipped_rubric();
    if (run(data, size, r, 0) == PEKPPP_EINVALID)
        (void)run(data, size, r, 1);
    return 0;
}
