/*
 * Fuzz the rubric loader: pekppp_rubric_load_buffer() on arbitrary bytes.
 *
 * A load either fails with a located error or gives a rubric that keeps the
 * promises of rubric.h and FORMATS.md section 1: weights that sum to exactly
 * 100 per level, contiguous aspects, strictly falling bands that end at
 * scale.min, unique indicator ids.  A loaded rubric must also render its
 * blank unit and sheet templates.
 */
#include <stdint.h>
#include <string.h>

#include "pekppp/rubric.h"
#include "pekppp/score.h"
#include "pekppp/template.h"
#include "fuzz.h"

#define HUNDRED ((int64_t)100 * PEKPPP_DEC_SCALE)

static int is_hex64(const char *s)
{
    size_t i;
    for (i = 0; i < 64; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return s[64] == '\0';
}

static void check_bands(const pekppp_rubric *r)
{
    size_t i, n = pekppp_rubric_band_count(r);
    pekppp_fixed lo = { pekppp_rubric_scale_min(r), 0 }, hi = { pekppp_rubric_scale_max(r), 0 };
    pekppp_fixed below = { (int64_t)pekppp_rubric_scale_min(r) * 10000 - 1, 4 };
    FUZZ_CHECK(n >= 1);
    for (i = 0; i < n; i++) {
        const pekppp_band *b = pekppp_rubric_band(r, i);
        FUZZ_CHECK(b && b->grade && b->label);
        FUZZ_CHECK(pekppp_fixed_compare(b->min, lo) >= 0 && pekppp_fixed_compare(b->min, hi) <= 0);
        if (i > 0)
            FUZZ_CHECK(pekppp_fixed_compare(b->min, pekppp_rubric_band(r, i - 1)->min) == -1);
        FUZZ_CHECK(pekppp_rubric_band_for(r, b->min) == b);
    }
    FUZZ_CHECK(pekppp_fixed_compare(pekppp_rubric_band(r, n - 1)->min, lo) == 0);
    FUZZ_CHECK(pekppp_rubric_band_for(r, lo) == pekppp_rubric_band(r, n - 1));
    FUZZ_CHECK(pekppp_rubric_band_for(r, hi) != NULL);
    FUZZ_CHECK(pekppp_rubric_band_for(r, below) == NULL);
}

static void check_aspects(const pekppp_rubric *r)
{
    size_t a, i, next = 0;
    size_t na = pekppp_rubric_aspect_count(r), ni = pekppp_rubric_indicator_count(r);
    size_t nlevels = (size_t)(pekppp_rubric_scale_max(r) - pekppp_rubric_scale_min(r)) + 1;
    int64_t total = 0;
    FUZZ_CHECK(na >= 1 && ni >= na && ni <= PEKPPP_MAX_INDICATORS);
    for (a = 0; a < na; a++) {
        const pekppp_aspect *asp = pekppp_rubric_aspect(r, a);
        int64_t sum = 0;
        FUZZ_CHECK(asp && asp->id && asp->name);
        FUZZ_CHECK(asp->weight > 0 && asp->weight <= HUNDRED);
        FUZZ_CHECK(asp->first == next && asp->count >= 1 && asp->count <= ni - next);
        for (i = asp->first; i < asp->first + asp->count; i++) {
            const pekppp_indicator *ind = pekppp_rubric_indicator(r, i);
            size_t k;
            FUZZ_CHECK(ind && ind->id && ind->name && ind->levels);
            FUZZ_CHECK(ind->aspect == a);
            FUZZ_CHECK(ind->weight > 0 && ind->weight <= HUNDRED);
            FUZZ_CHECK(pekppp_rubric_find_indicator(r, ind->id) == (long)i);
            for (k = 0; k < nlevels; k++)
                FUZZ_CHECK(ind->levels[k] != NULL);
            for (k = 0; k < ind->evidence_count; k++)
                FUZZ_CHECK(ind->evidence[k] != NULL);
            sum += ind->weight;
        }
        FUZZ_CHECK(sum == HUNDRED);
        total += asp->weight;
        next += asp->count;
    }
    FUZZ_CHECK(next == ni && total == HUNDRED);
    FUZZ_CHECK(pekppp_rubric_find_indicator(r, "") == -1);
}

static void check_rest(const pekppp_rubric *r)
{
    size_t i, n;
    FUZZ_CHECK(pekppp_rubric_id(r) && pekppp_rubric_version(r));
    FUZZ_CHECK(is_hex64(pekppp_rubric_sha256(r)));
    FUZZ_CHECK(pekppp_rubric_scale_min(r) < pekppp_rubric_scale_max(r));
    FUZZ_CHECK(pekppp_rubric_decimals(r) >= 0);
    n = pekppp_rubric_supplement_count(r);
    for (i = 0; i < n; i++) {
        const pekppp_supplement *s = pekppp_rubric_supplement(r, i);
        FUZZ_CHECK(s && s->id && s->name && s->levels);
    }
    n = pekppp_rubric_survey_item_count(r);
    for (i = 0; i < n; i++) {
        const pekppp_survey_item *s = pekppp_rubric_survey_item(r, i);
        FUZZ_CHECK(s && s->id && s->text && s->aspect < pekppp_rubric_aspect_count(r));
    }
}

static void check_templates(const pekppp_rubric *r)
{
    static const pekppp_report_format formats[] = { PEKPPP_FORMAT_TEXT, PEKPPP_FORMAT_CSV };
    pekppp_report_options ro = PEKPPP_REPORT_OPTIONS_INIT;
    size_t i;
    for (i = 0; i < 2 * sizeof(formats) / sizeof(formats[0]); i++) {
        pekppp_sink sink;
        ro.csv_dialect = i & 1 ? PEKPPP_CSV_ID : PEKPPP_CSV_PLAIN;
        pekppp_sink_init_buffer(&sink);
        fuzz_check_sink(&sink, pekppp_template_write(&sink, r, formats[i / 2], &ro));
        pekppp_sink_dispose(&sink);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pekppp_rubric *r = NULL;
    pekppp_load_options opts = PEKPPP_LOAD_OPTIONS_INIT;
    pekppp_error err;
    unsigned long diags = 0;
    int rc;

    opts.diag = fuzz_diag;
    opts.payload = &diags;
    pekppp_error_clear(&err);
    rc = pekppp_rubric_load_buffer(&r, (const char *)data, size, "fuzz.yaml", &opts, &err);
    if (rc < 0) {
        FUZZ_CHECK(r == NULL);
        fuzz_check_failure(rc, &err, diags);
        return 0;
    }
    FUZZ_CHECK(rc == 0 && r != NULL);
    check_bands(r);
    check_aspects(r);
    check_rest(r);
    check_templates(r);
    pekppp_rubric_free(r);
    return 0;
}
