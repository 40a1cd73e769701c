/*
 * Fuzz the result/batch JSON reader of `pekppp diff`: the bytes are read as
 * the new side of a comparison whose old side is a fixed, valid batch, and as
 * the old side against themselves; each finished comparison is rendered in
 * every format and language.
 *
 * Checks: a failed read returns the code of the error it recorded, with a
 * message and a rule; the comparison still finishes and renders in every
 * format (or says PEKPPP_ERANGE); the JSON output parses as an object.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "pekppp/diff.h"
#include "fuzz.h"

/* A valid batch of one unit with two aspects, one of them left out, and an
 * indicator of each kind (a level, na, missing). */
static const char old_side[] =
    "{\"schema\": \"pekppp/batch/v1\", \"units\": [{\"schema\": \"pekppp/result/v1\","
    " \"unit\": {\"id\": \"u1\", \"name\": \"Unit satu\"},"
    " \"rubric\": {\"id\": \"r\", \"version\": \"1\"}, \"grade\": \"B\","
    " \"aspects\": [{\"id\": \"A\", \"indicators\": [{\"id\": \"1.a\", \"level\": 3},"
    " {\"id\": \"1.b\", \"na\": true}, {\"id\": \"1.c\"}]}, {\"id\": \"B\"}],"
    " \"exact\": {\"index\": \"7/2\", \"decimals\": 2, \"aspects\": {\"A\": \"3\"}}}]}";

static void render(const pekppp_diff *d)
{
    static const pekppp_report_format formats[] = { PEKPPP_FORMAT_TEXT, PEKPPP_FORMAT_JSON,
                                                    PEKPPP_FORMAT_CSV };
    pekppp_report_options ro = PEKPPP_REPORT_OPTIONS_INIT;
    size_t i;
    int lang;
    for (lang = 0; lang < 2; lang++) {
        ro.lang = lang ? PEKPPP_LANG_EN : PEKPPP_LANG_ID;
        ro.csv_dialect = lang ? PEKPPP_CSV_ID : PEKPPP_CSV_PLAIN;
        for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
            pekppp_sink sink;
            int rc;
            pekppp_sink_init_buffer(&sink);
            rc = pekppp_diff_write(&sink, d, formats[i], &ro);
            /* A difference of two 128-bit fractions can outgrow 128 bits: an error, never
             * a wrong digit. */
            if (rc == PEKPPP_ERANGE) {
                pekppp_sink_dispose(&sink);
                continue;
            }
            fuzz_check_sink(&sink, rc);
            if (formats[i] == PEKPPP_FORMAT_JSON) {
                cJSON *json = cJSON_ParseWithLength(sink.data, sink.len);
                FUZZ_CHECK(json != NULL && cJSON_IsObject(json));
                cJSON_Delete(json);
            }
            pekppp_sink_dispose(&sink);
        }
    }
}

/* Read the two sides, finish, render. */
static void compare(const char *old_data, size_t old_len, const char *new_data, size_t new_len)
{
    pekppp_diff *d = NULL;
    pekppp_error err;
    int rc;
    FUZZ_CHECK(pekppp_diff_new(&d) == 0 && d != NULL);
    pekppp_error_clear(&err);
    rc = pekppp_diff_add_json(d, PEKPPP_DIFF_OLD, old_data, old_len, "lama.json", &err);
    if (rc < 0) {
        FUZZ_CHECK(rc == err.code && rc >= PEKPPP_ERANGE);
        fuzz_check_error(&err);
        FUZZ_CHECK(err.message[0] != '\0' && err.rule[0] != '\0');
    }
    pekppp_error_clear(&err);
    rc = pekppp_diff_add_json(d, PEKPPP_DIFF_NEW, new_data, new_len, "baru.json", &err);
    if (rc < 0) {
        FUZZ_CHECK(rc == err.code && rc >= PEKPPP_ERANGE);
        fuzz_check_error(&err);
        FUZZ_CHECK(err.message[0] != '\0' && err.rule[0] != '\0');
    }
    pekppp_error_clear(&err);
    FUZZ_CHECK(pekppp_diff_finish(d, &err) == 0);
    render(d);
    pekppp_diff_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    compare(old_side, sizeof(old_side) - 1, (const char *)data, size);
    compare((const char *)data, size, (const char *)data, size);
    return 0;
}
