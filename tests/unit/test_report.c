/*
 * Rendering one unit's result (FORMATS.md section 4) into a sink.
 *
 * The JSON of a small unit is compared byte for byte with a hand-written
 * expected file; the text report is checked for its index, grade and label
 * lines in Indonesian and English; strings are escaped; unknown formats fail.
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
#include "report/report_internal.h"

#define SMALL_RUBRIC PEKPPP_TEST_FIXTURES "/rubric/small-two-aspects.yaml"
#define SMALL_UNIT PEKPPP_TEST_FIXTURES "/report/small-unit.yaml"
#define SMALL_UNIT_JSON PEKPPP_TEST_FIXTURES "/report/small-unit.json"

/* Read a whole fixture file; the caller frees. */
static char *read_fixture(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data;
    long size;
    if (!f)
        fail_msg("cannot open %s", path);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    size = ftell(f);
    assert_true(size >= 0);
    assert_int_equal(fseek(f, 0, SEEK_SET), 0);
    data = malloc((size_t)size + 1);
    assert_non_null(data);
    assert_int_equal(fread(data, 1, (size_t)size, f), (size_t)size);
    data[size] = '\0';
    fclose(f);
    if (len)
        *len = (size_t)size;
    return data;
}

/* Replace every @p from in @p s with @p to; the caller frees the result. */
static char *replace_all(const char *s, const char *from, const char *to)
{
    size_t n = 0, fl = strlen(from), tl = strlen(to);
    const char *p;
    char *out, *o;
    for (p = s; (p = strstr(p, from)); p += fl)
        n++;
    out = malloc(strlen(s) + n * tl + 1);
    assert_non_null(out);
    for (o = out; (p = strstr(s, from)); s = p + fl) {
        memcpy(o, s, (size_t)(p - s));
        o += p - s;
        memcpy(o, to, tl);
        o += tl;
    }
    strcpy(o, s);
    return out;
}

typedef struct {
    pekppp_rubric *rubric;
    pekppp_assessment *unit;
    pekppp_result *result;
} scored;

/* Load @p text (labelled @p name) against the small rubric and score it. */
static void score_unit(scored *s, const char *text, size_t len, const char *name)
{
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_error err;
    memset(s, 0, sizeof(*s));
    pekppp_error_clear(&err);
    assert_int_equal(pekppp_rubric_load_file(&s->rubric, SMALL_RUBRIC, NULL, NULL), 0);
    opts.rubric = s->rubric;
    if (pekppp_assessment_load_buffer(&s->unit, text, len, name, &opts, &err) != 0)
        fail_msg("%s:%u:%u: %s", name, err.line, err.column, err.message);
    assert_int_equal(pekppp_score(&s->result, s->unit, &err), 0);
}

static void scored_free(scored *s)
{
    pekppp_result_free(s->result);
    pekppp_assessment_free(s->unit);
    pekppp_rubric_free(s->rubric);
}

static int setup_small_unit(void **state)
{
    scored *s = malloc(sizeof(*s));
    size_t len;
    char *text;
    if (!s)
        return -1;
    text = read_fixture(SMALL_UNIT, &len);
    score_unit(s, text, len, "small-unit.yaml");
    free(text);
    *state = s;
    return 0;
}

static int teardown_small_unit(void **state)
{
    scored_free(*state);
    free(*state);
    return 0;
}

static char *render(const pekppp_result *res, pekppp_report_format format, pekppp_lang lang)
{
    pekppp_report_options opts = PEKPPP_REPORT_OPTIONS_INIT;
    pekppp_sink sink;
    char *copy;
    opts.lang = lang;
    pekppp_sink_init_buffer(&sink);
    assert_int_equal(pekppp_report_write(&sink, res, format, &opts), 0);
    assert_int_equal(sink.error, 0);
    assert_non_null(sink.data);
    assert_int_equal(strlen(sink.data), sink.len);
    copy = malloc(sink.len + 1);
    assert_non_null(copy);
    memcpy(copy, sink.data, sink.len + 1);
    pekppp_sink_dispose(&sink);
    return copy;
}

/* Show where two texts first differ. */
static void assert_same_text(const char *got, const char *want)
{
    size_t i = 0, line = 1;
    if (strcmp(got, want) == 0)
        return;
    while (got[i] && got[i] == want[i]) {
        if (got[i] == '\n')
            line++;
        i++;
    }
    fail_msg("texts differ at line %zu:\n--- got:\n%.200s\n--- expected:\n%.200s", line, got + i,
             want + i);
}

/* ------------------------------------------------------------------------ */
/* JSON                                                                     */

static void test_report__json_of_a_small_unit_matches_the_expected_file(void **state)
{
    scored *s = *state;
    char *got = render(s->result, PEKPPP_FORMAT_JSON, PEKPPP_LANG_ID);
    char *raw = read_fixture(SMALL_UNIT_JSON, NULL);
    char *want = replace_all(raw, "@PEKPPP_VERSION@", PEKPPP_VERSION);
    assert_same_text(got, want);
    free(want);
    free(raw);
    free(got);
}

static void test_report__json_is_the_same_in_either_language_and_every_run(void **state)
{
    scored *s = *state;
    char *a = render(s->result, PEKPPP_FORMAT_JSON, PEKPPP_LANG_ID);
    char *b = render(s->result, PEKPPP_FORMAT_JSON, PEKPPP_LANG_EN);
    char *c = render(s->result, PEKPPP_FORMAT_JSON, PEKPPP_LANG_ID);
    assert_string_equal(a, b);
    assert_string_equal(a, c);
    free(a);
    free(b);
    free(c);
}

/* Decimal values are exact literals rounded to rounding.decimals. */
static void test_report__json_numbers_are_exact_decimal_literals(void **state)
{
    static const char *const present[] = {
        "\"index\": 4.45,\n", "\"evaluator\": 4.40,\n", "\"survey\": 4.60,\n",
        "\"score\": 4.00,\n", "\"contribution\": 2.40,\n", "\"score\": 5.00,\n",
        "\"contribution\": 2.00,\n", "\"gain\": 0.23,\n", "\"gain\": 0.09,\n",
        "\"weight\": 60,\n", "\"respondents\": 5,\n",
    };
    static const char *const absent[] = { "4.4000", "4.3999", "4.4500", "e+", "E+", "e-0" };
    scored *s = *state;
    char *got = render(s->result, PEKPPP_FORMAT_JSON, PEKPPP_LANG_ID);
    size_t i;
    for (i = 0; i < sizeof(present) / sizeof(present[0]); i++)
        if (!strstr(got, present[i]))
            fail_msg("missing %s", present[i]);
    for (i = 0; i < sizeof(absent) / sizeof(absent[0]); i++)
        if (strstr(got, absent[i]))
            fail_msg("unexpected %s", absent[i]);
    free(got);
}

/* The top-level keys, in the order of FORMATS.md section 4. */
static void test_report__json_keys_come_in_the_documented_order(void **state)
{
    static const char *const keys[] = {
        "\n  \"schema\": ",     "\n  \"unit\": ",      "\n  \"period\": ",
        "\n  \"rubric\": ",     "\n  \"input\": ",     "\n  \"tool\": ",
        "\n  \"index\": ",      "\n  \"grade\": ",     "\n  \"label\": ",
        "\n  \"evaluator\": ",  "\n  \"survey\": ",    "\n  \"respondents\": ",
        "\n  \"complete\": ",   "\n  \"flags\": ",     "\n  \"aspects\": ",
        "\n  \"supplementary\": ", "\n  \"recommendations\": ",
    };
    static const char *const aspect_keys[] = { "\"id\": ",     "\"code\": ",         "\"name\": ",
                                               "\"weight\": ", "\"score\": ",        "\"contribution\": ",
                                               "\"indicators\": " };
    static const char *const indicator_keys[] = { "\"id\": ",    "\"name\": ", "\"weight\": ",
                                                  "\"level\": ", "\"max\": ",  "\"na\": " };
    static const char *const rec_keys[] = { "\"indicator\": ", "\"from\": ", "\"to\": ",
                                            "\"gain\": ",      "\"advice\": " };
    scored *s = *state;
    char *got = render(s->result, PEKPPP_FORMAT_JSON, PEKPPP_LANG_ID);
    const char *p = got, *q;
    size_t i;
    for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        q = strstr(p, keys[i]);
        if (!q)
            fail_msg("top-level key %s missing or out of order", keys[i]);
        p = q + 1;
    }
    p = strstr(got, "\"aspects\": ");
    for (i = 0; i < sizeof(aspect_keys) / sizeof(aspect_keys[0]); i++) {
        q = strstr(p, aspect_keys[i]);
        if (!q)
            fail_msg("aspect key %s missing or out of order", aspect_keys[i]);
        p = q + 1;
    }
    for (i = 0; i < sizeof(indicator_keys) / sizeof(indicator_keys[0]); i++) {
        q = strstr(p, indicator_keys[i]);
        if (!q)
            fail_msg("indicator key %s missing or out of order", indicator_keys[i]);
        p = q + 1;
    }
    p = strstr(got, "\"recommendations\": ");
    for (i = 0; i < sizeof(rec_keys) / sizeof(rec_keys[0]); i++) {
        q = strstr(p, rec_keys[i]);
        if (!q)
            fail_msg("recommendation key %s missing or out of order", rec_keys[i]);
        p = q + 1;
    }
    q = strstr(got, "\"unit\": {\n    \"id\": \"u-report\",\n    \"name\": \"Unit Laporan\",\n"
                    "    \"institution\": ");
    assert_non_null(q);
    free(got);
}

/* Quotes, backslashes and control characters are escaped; UTF-8 passes. */
static void test_report__json_strings_are_escaped(void **state)
{
    static const char unit[] =
        "schema: pekppp/assessment/v1\n"
        "rubric: small-two-aspects\n"
        "unit:\n"
        "  id: \"u\\\\1\"\n"
        "  name: \"Unit \\\"Kutip\\\" \\\\ garis\\tmiring\\x01\\nbaris \\u2014 \\x1f\"\n"
        "  institution: \"Dinas \\u00e9\"\n"
        "period: \"2025\"\n"
        "answers: {\"1.a\": 4, \"1.b\": 4, \"1.c\": 4, \"2.a\": 5, \"2.b\": 5}\n";
    static const char *const want[] = {
        "\"id\": \"u\\\\1\",\n",
        "\"name\": \"Unit \\\"Kutip\\\" \\\\ garis\\tmiring\\u0001\\nbaris \xe2\x80\x94 \\u001f\",\n",
        "\"institution\": \"Dinas \xc3\xa9\",\n",
        "\"file\": \"dir\\\\unit \\\"q\\\".yaml\",\n",
    };
    scored s;
    char *got;
    size_t i;
    (void)state;
    score_unit(&s, unit, strlen(unit), "dir\\unit \"q\".yaml");
    got = render(s.result, PEKPPP_FORMAT_JSON, PEKPPP_LANG_ID);
    for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        if (!strstr(got, want[i]))
            fail_msg("missing %s in\n%.600s", want[i], got);
    /* No raw control character survives anywhere. */
    for (i = 0; got[i]; i++)
        if ((unsigned char)got[i] < 0x20 && got[i] != '\n')
            fail_msg("raw control character 0x%02x at offset %zu", (unsigned char)got[i], i);
    free(got);
    scored_free(&s);
}

/* No survey and an na answer: survey and respondents are null and the flags say why. */
static void test_report__json_without_a_survey_has_nulls_and_flags(void **state)
{
    static const char unit[] =
        "schema: pekppp/assessment/v1\n"
        "rubric: small-two-aspects\n"
        "unit: {id: u-na, name: \"Unit NA\"}\n"
        "period: \"2025\"\n"
        "answers: {\"1.a\": 5, \"1.b\": na, \"1.c\": 2, \"2.a\": na, \"2.b\": na}\n";
    static const char *const want[] = {
        "\"institution\": null,\n",
        "\"index\": 4.14,\n",
        ("\"survey\": null,\n  \"respondents\": null,\n  \"complete\": true,\n"
         "  \"flags\": [\n    \"survey-missing\",\n    \"na-renormalised\"\n  ],\n"),
        "\"level\": null,\n          \"max\": 5,\n          \"na\": true\n",
        "\"score\": null,\n      \"contribution\": null,\n",
    };
    scored s;
    char *got;
    size_t i;
    (void)state;
    score_unit(&s, unit, strlen(unit), "na.yaml");
    got = render(s.result, PEKPPP_FORMAT_JSON, PEKPPP_LANG_ID);
    for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        if (!strstr(got, want[i]))
            fail_msg("missing %s in\n%s", want[i], got);
    free(got);
    scored_free(&s);
}

static void test_report__json_of_an_incomplete_unit_is_not_complete(void **state)
{
    static const char unit[] =
        "schema: pekppp/assessment/v1\n"
        "rubric: small-two-aspects\n"
        "unit: {id: u-inc, name: \"Unit Belum Lengkap\"}\n"
        "period: \"2025\"\n"
        "answers: {\"1.a\": 5, \"1.b\": 5, \"2.a\": 5, \"2.b\": 5}\n"
        "survey: {score: 4, respondents: 2}\n";
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_rubric *r = NULL;
    pekppp_assessment *a = NULL;
    pekppp_result *res = NULL;
    char *got;
    (void)state;
    assert_int_equal(pekppp_rubric_load_file(&r, SMALL_RUBRIC, NULL, NULL), 0);
    opts.rubric = r;
    opts.allow_incomplete = true;
    assert_int_equal(pekppp_assessment_load_buffer(&a, unit, strlen(unit), "inc.yaml", &opts, NULL), 0);
    assert_int_equal(pekppp_score(&res, a, NULL), 0);
    got = render(res, PEKPPP_FORMAT_JSON, PEKPPP_LANG_ID);
    if (!strstr(got, "\"index\": 4.40,\n") ||
        !strstr(got, "\"complete\": false,\n  \"flags\": [\n    \"survey-below-min-respondents\",\n"
                     "    \"incomplete\"\n  ],\n") ||
        !strstr(got, "\"id\": \"1.c\",\n          \"name\": \"Survei kepuasan\",\n"
                     "          \"weight\": 20,\n          \"level\": null,\n"))
        fail_msg("unexpected JSON:\n%s", got);
    free(got);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
    pekppp_rubric_free(r);
}

/* ------------------------------------------------------------------------ */
/* Caveats and what-ifs come first (issue 12)                               */

/* The caveat view counts what each flag stands for, most serious first. */
static void test_report__caveats_carry_the_numbers_behind_each_flag(void **state)
{
    static const char unit[] =
        "schema: pekppp/assessment/v1\n"
        "rubric: small-two-aspects\n"
        "unit: {id: u-cav, name: \"Unit Catatan\"}\n"
        "period: \"2025\"\n"
        "answers: {\"1.a\": 5, \"1.b\": na, \"2.a\": na, \"2.b\": na}\n"
        "survey: {score: 4, respondents: 2}\n";
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_rubric *r = NULL;
    pekppp_assessment *a = NULL;
    pekppp_result *res = NULL;
    pk_caveats c;
    char *got;
    (void)state;
    assert_int_equal(pekppp_rubric_load_file(&r, SMALL_RUBRIC, NULL, NULL), 0);
    opts.rubric = r;
    opts.allow_incomplete = true;
    assert_int_equal(pekppp_assessment_load_buffer(&a, unit, strlen(unit), "cav.yaml", &opts, NULL), 0);
    assert_int_equal(pekppp_score(&res, a, NULL), 0);
    assert_int_equal(pk_caveats_make(&c, res), 0);
    assert_int_equal(c.n, 3);
    assert_int_equal(c.items[0].flag, PEKPPP_FLAG_INCOMPLETE);
    assert_int_equal(c.items[0].unanswered, 1);
    assert_int_equal(c.items[0].indicators, 5);
    assert_int_equal(c.items[1].flag, PEKPPP_FLAG_SURVEY_BELOW_MIN);
    assert_int_equal(c.items[1].respondents, 2);
    assert_int_equal(c.items[1].min_respondents, 3);
    assert_int_equal(c.items[2].flag, PEKPPP_FLAG_NA_RENORMALISED);
    assert_int_equal(c.items[2].naspects, 2);
    assert_int_equal(c.items[2].aspects[0].aspect, 0);
    assert_int_equal(c.items[2].aspects[0].na, 1);
    assert_int_equal(c.items[2].aspects[0].count, 3);
    assert_false(c.items[2].aspects[0].left_out);
    assert_int_equal(c.items[2].aspects[1].na, 2);
    assert_true(c.items[2].aspects[1].left_out);
    pk_caveats_free(&c);
    /* ... and the text report says so before its first table. */
    got = render(res, PEKPPP_FORMAT_TEXT, PEKPPP_LANG_EN);
    {
        const char *cav = strstr(got, "Caveats:\n  - Incomplete answers: 1 of 5 indicators");
        const char *table = strstr(got, "Aspect ");
        assert_non_null(cav);
        assert_non_null(strstr(got, "  - Survey (F-03) left out: 2 respondents, fewer than the "
                                    "minimum of 3;"));
        assert_non_null(strstr(got, "in aspect I (1 of 3 indicators na), II (every indicator na:"));
        assert_non_null(table);
        assert_true(cav < table);
    }
    free(got);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
    pekppp_rubric_free(r);
}

/* A what-if names itself before its index in every format, with the real score. */
static void test_report__what_if_is_marked_at_the_top_of_every_format(void **state)
{
    static const struct {
        pekppp_report_format format;
        const char *mark, *index;
    } want[] = {
        { PEKPPP_FORMAT_TEXT, "What if (--set): Public Service Index (IPP) would be", "Real score" },
        { PEKPPP_FORMAT_MD, "**What if (--set): Public Service Index (IPP) would be", "Real score" },
        { PEKPPP_FORMAT_HTML, "id=\"hypothetical\"", "id=\"actual-index\"" },
        { PEKPPP_FORMAT_JSON, "\"hypothetical\": true,\n  \"actual\": {", "\"index\":" },
    };
    scored *s = *state;
    pekppp_assessment_options opts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_assessment *changed = NULL;
    pekppp_result *res = NULL;
    pekppp_change change = { 0, 4, 5 };
    size_t i, len;
    char *text = read_fixture(SMALL_UNIT, &len);
    opts.rubric = s->rubric;
    assert_int_equal(pekppp_assessment_load_buffer(&changed, text, len, "w.yaml", &opts, NULL), 0);
    assert_int_equal(pekppp_assessment_set_level(changed, 0, 5), 0);
    assert_int_equal(pekppp_score(&res, changed, NULL), 0);
    for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        pekppp_report_options ro = PEKPPP_REPORT_OPTIONS_INIT;
        pekppp_sink sink;
        const char *mark, *index, *aspect;
        ro.lang = PEKPPP_LANG_EN;
        ro.baseline = s->result;
        ro.changes = &change;
        ro.nchanges = 1;
        pekppp_sink_init_buffer(&sink);
        assert_int_equal(pekppp_report_write(&sink, res, want[i].format, &ro), 0);
        mark = strstr(sink.data, want[i].mark);
        index = mark ? strstr(mark, want[i].index) : NULL;
        if (!mark || !index)
            fail_msg("format %d: no what-if mark before the index in\n%s", (int)want[i].format,
                     sink.data);
        /* The aspect table comes after the mark. */
        aspect = strstr(sink.data, "Aspect");
        assert_true(aspect == NULL || mark < aspect);
        pekppp_sink_dispose(&sink);
    }
    free(text);
    pekppp_result_free(res);
    pekppp_assessment_free(changed);
}

/* A plan written with the --set changes in its options says it starts from them. */
static void test_report__plan_of_changed_answers_is_marked_hypothetical(void **state)
{
    scored *s = *state;
    pekppp_plan_options po = PEKPPP_PLAN_OPTIONS_INIT;
    pekppp_report_options ro = PEKPPP_REPORT_OPTIONS_INIT;
    pekppp_change change = { 0, 4, 5 };
    pekppp_plan *plan = NULL;
    pekppp_sink sink;
    assert_int_equal(pekppp_plan_make(&plan, s->result, "A", &po, NULL), 0);
    ro.changes = &change;
    ro.nchanges = 1;
    pekppp_sink_init_buffer(&sink);
    assert_int_equal(pekppp_plan_write(&sink, plan, PEKPPP_FORMAT_TEXT, &ro), 0);
    assert_non_null(strstr(sink.data, "Rencana ini mulai dari jawaban andaikan (--set)"));
    assert_non_null(strstr(sink.data, "\nJawaban diubah dengan --set: 1.a 4 -> 5\nAndaikan: "));
    pekppp_sink_dispose(&sink);
    pekppp_sink_init_buffer(&sink);
    assert_int_equal(pekppp_plan_write(&sink, plan, PEKPPP_FORMAT_JSON, &ro), 0);
    assert_non_null(strstr(sink.data, "\"hypothetical\": true,\n  \"changes\": [\n    "
                                      "{\"indicator\": \"1.a\", \"from\": 4, \"to\": 5}\n  ],\n"));
    pekppp_sink_dispose(&sink);
    /* Without changes, nothing of it. */
    ro.nchanges = 0;
    pekppp_sink_init_buffer(&sink);
    assert_int_equal(pekppp_plan_write(&sink, plan, PEKPPP_FORMAT_MD, &ro), 0);
    assert_null(strstr(sink.data, "andaikan"));
    assert_non_null(strstr(sink.data, "Sekarang: **"));
    pekppp_sink_dispose(&sink);
    pekppp_plan_free(plan);
}

/* ------------------------------------------------------------------------ */
/* Text                                                                     */

static void test_report__text_in_indonesian_names_index_grade_and_label(void **state)
{
    static const char *const want[] = {
        "Unit      : Unit Laporan (u-report)\n",
        "Indeks Pelayanan Publik (IPP): 4.45  A-  Sangat Baik  (0.06 di bawah A)\n",
        "  Nilai evaluator (F-02)  : 4.40  (bobot 75%)\n",
        "  Nilai survei (F-03)     : 4.60  (5 responden, bobot 25%)\n",
        "untuk mencapai level 5: B5 ditinjau\n",
    };
    scored *s = *state;
    char *got = render(s->result, PEKPPP_FORMAT_TEXT, PEKPPP_LANG_ID);
    size_t i;
    for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        if (!strstr(got, want[i]))
            fail_msg("missing \"%s\" in\n%s", want[i], got);
    assert_null(strstr(got, "Public Service Index"));
    free(got);
}

static void test_report__text_in_english_names_index_grade_and_label(void **state)
{
    static const char *const want[] = {
        "Public Service Index (IPP): 4.45  A-  Sangat Baik  (0.06 below A)\n",
        "  Evaluator score (F-02)  : 4.40  (weight 75%)\n",
        "  Survey score (F-03)     : 4.60  (5 respondents, weight 25%)\n",
        "to reach level 5: B5 ditinjau\n",
    };
    scored *s = *state;
    char *got = render(s->result, PEKPPP_FORMAT_TEXT, PEKPPP_LANG_EN);
    size_t i;
    for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        if (!strstr(got, want[i]))
            fail_msg("missing \"%s\" in\n%s", want[i], got);
    assert_null(strstr(got, "Indeks Pelayanan Publik"));
    free(got);
}

static void test_report__text_of_a_c_minus_unit_shows_its_label(void **state)
{
    static const char unit[] =
        "schema: pekppp/assessment/v1\n"
        "rubric: small-two-aspects\n"
        "unit: {id: u-c, name: \"Unit C\"}\n"
        "period: \"2025\"\n"
        "answers: {\"1.a\": 2, \"1.b\": 2, \"1.c\": 2, \"2.a\": 3, \"2.b\": 2}\n";
    scored s;
    char *id, *en;
    (void)state;
    score_unit(&s, unit, strlen(unit), "c.yaml");
    /* E = 0.6 x 2 + 0.4 x 2.5 = 2.2 */
    id = render(s.result, PEKPPP_FORMAT_TEXT, PEKPPP_LANG_ID);
    en = render(s.result, PEKPPP_FORMAT_TEXT, PEKPPP_LANG_EN);
    if (!strstr(id, "Indeks Pelayanan Publik (IPP): 2.20  C-  Cukup (Dengan Catatan)  (0.31 di bawah C)\n"))
        fail_msg("unexpected text:\n%s", id);
    if (!strstr(en, "Public Service Index (IPP): 2.20  C-  Cukup (Dengan Catatan)  (0.31 below C)\n"))
        fail_msg("unexpected text:\n%s", en);
    if (!strstr(id, "survei (F-03) tidak ada: indeks = nilai evaluator"))
        fail_msg("no survey note in:\n%s", id);
    if (!strstr(en, "no survey (F-03): index = evaluator score"))
        fail_msg("no survey note in:\n%s", en);
    free(id);
    free(en);
    scored_free(&s);
}

/* ------------------------------------------------------------------------ */
/* Sinks and formats                                                        */

static void test_report__unknown_format_is_invalid(void **state)
{
    scored *s = *state;
    pekppp_sink sink;
    pekppp_sink_init_buffer(&sink);
    assert_int_equal(pekppp_report_write(&sink, s->result, (pekppp_report_format)99, NULL),
                     PEKPPP_EINVALID);
    assert_int_equal(sink.len, 0);
    pekppp_sink_dispose(&sink);
}

/* A caller built against version 1 of the options has no `plan` field: the
 * library must not read one.  Here the field holds a pointer that would
 * crash if followed; version 1 makes the report the same as with no plan. */
static void test_report__version_1_options_never_read_the_plan_field(void **state)
{
    scored *s = *state;
    pekppp_report_options v1 = PEKPPP_REPORT_OPTIONS_INIT;
    pekppp_sink a, b;
    v1.version = 1;
    v1.plan = (const struct pekppp_plan *)(uintptr_t)1;
    pekppp_sink_init_buffer(&a);
    pekppp_sink_init_buffer(&b);
    assert_int_equal(pekppp_report_write(&a, s->result, PEKPPP_FORMAT_TEXT, &v1), 0);
    assert_int_equal(pekppp_report_write(&b, s->result, PEKPPP_FORMAT_TEXT, NULL), 0);
    assert_string_equal(a.data, b.data);
    pekppp_sink_dispose(&a);
    pekppp_sink_dispose(&b);
}

static void test_report__file_sink_writes_the_same_bytes_as_the_buffer(void **state)
{
    scored *s = *state;
    char *want = render(s->result, PEKPPP_FORMAT_JSON, PEKPPP_LANG_ID);
    FILE *f = tmpfile();
    pekppp_sink sink;
    char *got;
    long size;
    assert_non_null(f);
    pekppp_sink_init_file(&sink, f);
    assert_int_equal(pekppp_report_write(&sink, s->result, PEKPPP_FORMAT_JSON, NULL), 0);
    pekppp_sink_dispose(&sink);
    size = ftell(f);
    assert_int_equal((size_t)size, strlen(want));
    rewind(f);
    got = malloc((size_t)size + 1);
    assert_non_null(got);
    assert_int_equal(fread(got, 1, (size_t)size, f), (size_t)size);
    got[size] = '\0';
    assert_string_equal(got, want);
    fclose(f);
    free(got);
    free(want);
}

/* pk_sink_printf once cut at 1,023 bytes; a long text now comes out whole,
 * in a buffer sink and in a file sink alike. */
static void test_report__printf_writes_a_long_text_whole(void **state)
{
    char *text = malloc(5001);
    pekppp_sink sink;
    FILE *f = tmpfile();
    char *got;
    (void)state;
    assert_non_null(text);
    assert_non_null(f);
    memset(text, 'x', 5000);
    text[5000] = '\0';
    text[4999] = 'y';
    pekppp_sink_init_buffer(&sink);
    pk_sink_printf(&sink, "<%s>%d", text, 42);
    assert_int_equal(sink.error, 0);
    assert_int_equal(sink.len, 5000 + 4);
    assert_memory_equal(sink.data + 1, text, 5000);
    assert_string_equal(sink.data + 5001, ">42");
    pekppp_sink_dispose(&sink);

    pekppp_sink_init_file(&sink, f);
    pk_sink_printf(&sink, "%s", text);
    pekppp_sink_dispose(&sink);
    assert_int_equal(sink.error, 0);
    assert_int_equal(ftell(f), 5000);
    rewind(f);
    got = malloc(5001);
    assert_non_null(got);
    assert_int_equal(fread(got, 1, 5000, f), 5000);
    got[5000] = '\0';
    assert_string_equal(got, text);
    fclose(f);
    free(got);
    free(text);
}

/* A result file for the diff: one unit, its name as given (JSON text). */
static void diff_side(pekppp_diff *d, pekppp_diff_side side, const char *name_json,
                      const char *index)
{
    char doc[1024];
    pekppp_error err;
    snprintf(doc, sizeof(doc),
             "{\"schema\": \"pekppp/result/v1\", \"unit\": {\"id\": \"u\\u001b1\", \"name\": %s},"
             " \"rubric\": {\"id\": \"r\", \"version\": \"1\"}, \"grade\": \"B\", \"aspects\": [],"
             " \"exact\": {\"index\": \"%s\", \"aspects\": {}, \"decimals\": 2}}",
             name_json, index);
    assert_int_equal(pekppp_diff_add_json(d, side, doc, strlen(doc), "x.json", &err), 0);
}

/* Unit ids and names reach the terminal through the text cleaner: a control
 * character (here ESC and BEL) shows as '?', in diff text as in the unit
 * report. */
static void test_report__diff_text_cleans_control_characters(void **state)
{
    pekppp_diff *d = NULL;
    pekppp_sink sink;
    pekppp_error err;
    (void)state;
    assert_int_equal(pekppp_diff_new(&d), 0);
    diff_side(d, PEKPPP_DIFF_OLD, "\"Unit \\u001b[31mmerah\\u0007\"", "7/2");
    diff_side(d, PEKPPP_DIFF_NEW, "\"Unit \\u001b[31mmerah\\u0007\"", "4");
    assert_int_equal(pekppp_diff_finish(d, &err), 0);
    pekppp_sink_init_buffer(&sink);
    assert_int_equal(pekppp_diff_write(&sink, d, PEKPPP_FORMAT_TEXT, NULL), 0);
    assert_non_null(sink.data);
    assert_null(strchr(sink.data, '\x1b'));
    assert_null(strchr(sink.data, '\a'));
    assert_non_null(strstr(sink.data, "u?1  Unit ?[31mmerah?\n"));
    assert_non_null(strstr(sink.data, "3.50 B -> 4.00 B  (+0.50)\n"));
    pekppp_sink_dispose(&sink);
    pekppp_diff_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report__json_of_a_small_unit_matches_the_expected_file),
        cmocka_unit_test(test_report__json_is_the_same_in_either_language_and_every_run),
        cmocka_unit_test(test_report__json_numbers_are_exact_decimal_literals),
        cmocka_unit_test(test_report__json_keys_come_in_the_documented_order),
        cmocka_unit_test(test_report__json_strings_are_escaped),
        cmocka_unit_test(test_report__json_without_a_survey_has_nulls_and_flags),
        cmocka_unit_test(test_report__json_of_an_incomplete_unit_is_not_complete),
        cmocka_unit_test(test_report__caveats_carry_the_numbers_behind_each_flag),
        cmocka_unit_test_setup_teardown(test_report__what_if_is_marked_at_the_top_of_every_format,
                                        setup_small_unit, teardown_small_unit),
        cmocka_unit_test_setup_teardown(test_report__plan_of_changed_answers_is_marked_hypothetical,
                                        setup_small_unit, teardown_small_unit),
        cmocka_unit_test(test_report__text_in_indonesian_names_index_grade_and_label),
        cmocka_unit_test(test_report__text_in_english_names_index_grade_and_label),
        cmocka_unit_test(test_report__text_of_a_c_minus_unit_shows_its_label),
        cmocka_unit_test(test_report__unknown_format_is_invalid),
        cmocka_unit_test(test_report__version_1_options_never_read_the_plan_field),
        cmocka_unit_test(test_report__file_sink_writes_the_same_bytes_as_the_buffer),
        cmocka_unit_test(test_report__printf_writes_a_long_text_whole),
        cmocka_unit_test(test_report__diff_text_cleans_control_characters),
    };
    return cmocka_run_group_tests(tests, setup_small_unit, teardown_small_unit);
}
