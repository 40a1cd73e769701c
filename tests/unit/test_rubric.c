/*
 * Rubric loading and validation (FORMATS.md section 1 and its Lint paragraph).
 *
 * The shipped rubric must load clean.  Then a table of broken rubrics, each a
 * small valid base rubric with one piece replaced, lists the exact
 * diagnostics (severity, line, column, path, message) that loading must
 * report through the diag callback, and the code it must return.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "pekppp.h"
#include "model.h"

#define SHIPPED_RUBRIC PEKPPP_SOURCE_DIR "/rubrics/pekppp-2022-luring.yaml"

/* ------------------------------------------------------------------------ */
/* Collecting diagnostics                                                   */

#define MAX_DIAGS 32

typedef struct {
    pekppp_error d[MAX_DIAGS];
    size_t n;       /* stored */
    size_t total;   /* reported, may exceed MAX_DIAGS */
    size_t errors, warnings;
} diag_list;

static void collect(const pekppp_error *d, void *payload)
{
    diag_list *l = payload;
    if (l->n < MAX_DIAGS)
        l->d[l->n++] = *d;
    l->total++;
    if (d->severity == PEKPPP_SEV_ERROR)
        l->errors++;
    else
        l->warnings++;
}

static void print_diags(const char *title, const diag_list *l)
{
    size_t i;
    print_message("%s: %zu diagnostic(s)\n", title, l->total);
    for (i = 0; i < l->n; i++)
        print_message("  %s %u:%u [%s] %s\n", l->d[i].severity == PEKPPP_SEV_ERROR ? "E" : "W",
                      l->d[i].line, l->d[i].column, l->d[i].path, l->d[i].message);
}

typedef struct {
    pekppp_severity severity;
    unsigned line, column;
    const char *path;
    const char *message;
} expected_diag;

#define E_ PEKPPP_SEV_ERROR
#define W_ PEKPPP_SEV_WARNING

/* Compare every field of every diagnostic; print both lists on a mismatch. */
static int diags_match(const diag_list *got, const expected_diag *want, size_t nwant)
{
    size_t i;
    if (got->total != nwant)
        return 0;
    for (i = 0; i < nwant; i++) {
        const pekppp_error *d = &got->d[i];
        if (d->severity != want[i].severity || d->line != want[i].line ||
            d->column != want[i].column || strcmp(d->path, want[i].path) != 0 ||
            strcmp(d->message, want[i].message) != 0)
            return 0;
    }
    return 1;
}

static void print_expected(const expected_diag *want, size_t nwant)
{
    size_t i;
    print_message("expected: %zu diagnostic(s)\n", nwant);
    for (i = 0; i < nwant; i++)
        print_message("  %s %u:%u [%s] %s\n", want[i].severity == PEKPPP_SEV_ERROR ? "E" : "W",
                      want[i].line, want[i].column, want[i].path, want[i].message);
}

/* ------------------------------------------------------------------------ */
/* The shipped rubric                                                       */

static void test_rubric__shipped_rubric_loads_without_errors_or_warnings(void **state)
{
    pekppp_load_options opts = PEKPPP_LOAD_OPTIONS_INIT;
    pekppp_rubric *r = NULL;
    pekppp_error err;
    diag_list diags;
    (void)state;
    memset(&diags, 0, sizeof(diags));
    opts.diag = collect;
    opts.payload = &diags;
    pekppp_error_clear(&err);

    assert_int_equal(pekppp_rubric_load_file(&r, SHIPPED_RUBRIC, &opts, &err), 0);
    if (diags.total)
        print_diags("shipped rubric", &diags);
    assert_int_equal(diags.errors, 0);
    assert_int_equal(diags.warnings, 0);
    assert_int_equal(err.code, 0);
    assert_non_null(r);
    assert_string_equal(pekppp_rubric_id(r), "pekppp-2022-luring");
    assert_string_equal(pekppp_rubric_version(r), "2025.1");
    pekppp_rubric_free(r);
}

static void test_rubric__shipped_rubric_has_the_official_structure(void **state)
{
    static const struct {
        const char *id;
        int64_t weight; /* scaled by 10^4 */
        size_t indicators;
    } aspects[] = { { "kebijakan", 240000, 9 }, { "sdm", 250000, 5 },
                    { "sarpras", 180000, 6 },   { "sipp", 110000, 4 },
                    { "konsultasi", 100000, 4 }, { "inovasi", 120000, 2 } };
    static const struct {
        const char *grade;
        int64_t min;
    } bands[] = { { "A", 45100 },  { "A-", 40100 }, { "B", 35100 }, { "B-", 30100 }, { "C", 25100 },
                  { "C-", 20100 }, { "D", 15100 },  { "E", 10100 }, { "F", 0 } };
    pekppp_rubric *r = NULL;
    size_t i, j;
    (void)state;

    assert_int_equal(pekppp_rubric_load_file(&r, SHIPPED_RUBRIC, NULL, NULL), 0);
    assert_int_equal(pekppp_rubric_scale_min(r), 0);
    assert_int_equal(pekppp_rubric_scale_max(r), 5);
    assert_int_equal(pekppp_rubric_decimals(r), 2);

    assert_int_equal(pekppp_rubric_aspect_count(r), 6);
    for (i = 0; i < 6; i++) {
        const pekppp_aspect *a = pekppp_rubric_aspect(r, i);
        int64_t sum = 0;
        assert_string_equal(a->id, aspects[i].id);
        assert_int_equal(a->weight, aspects[i].weight);
        assert_int_equal(a->count, aspects[i].indicators);
        for (j = a->first; j < a->first + a->count; j++) {
            assert_int_equal(pekppp_rubric_indicator(r, j)->aspect, i);
            sum += pekppp_rubric_indicator(r, j)->weight;
        }
        assert_int_equal(sum, 1000000); /* 100 */
    }
    assert_int_equal(pekppp_rubric_indicator_count(r), 30);
    assert_string_equal(pekppp_rubric_indicator(r, 0)->id, "1.a.Ak");
    assert_string_equal(pekppp_rubric_indicator(r, 29)->id, "30.f.B");

    assert_int_equal(pekppp_rubric_band_count(r), 9);
    for (i = 0; i < 9; i++) {
        assert_string_equal(pekppp_rubric_band(r, i)->grade, bands[i].grade);
        assert_int_equal(pekppp_rubric_band(r, i)->min.units, bands[i].min);
        assert_int_equal(pekppp_rubric_band(r, i)->min.decimals, 4);
    }
    assert_string_equal(pekppp_rubric_band(r, 5)->label, "Cukup (Dengan Catatan)");

    assert_int_equal(pekppp_rubric_supplement_count(r), 1);
    assert_string_equal(pekppp_rubric_supplement(r, 0)->id, "INF.01");
    assert_int_equal(pekppp_rubric_survey_item_count(r), 14);
    assert_string_equal(pekppp_rubric_survey_item(r, 13)->id, "S14");

    /* combine {evaluator: 75, survey: 25}, with a survey of at least 10 respondents */
    assert_true(r->combines_survey);
    assert_int_equal(r->combine_evaluator, 750000);
    assert_int_equal(r->combine_survey, 250000);
    assert_true(r->has_survey);
    assert_int_equal(r->min_respondents, 10);

    assert_int_equal(pekppp_rubric_find_indicator(r, "14.b.K"), 13);
    assert_int_equal(pekppp_rubric_find_indicator(r, "INF.01"), -1);
    pekppp_rubric_free(r);
}

/* pekppp_rubric_band_for() compares a rounded index with the band minimums
 * exactly, whatever its decimals: 4.01 is A- and 4.00 is B, written with 2,
 * 4 or 0 decimals. */
static void test_rubric__band_for_compares_the_index_exactly(void **state)
{
    static const struct {
        pekppp_fixed rounded;
        const char *grade;
    } cases[] = { { { 50000, 4 }, "A" }, { { 451, 2 }, "A" },  { { 45000, 4 }, "A-" },
                  { { 401, 2 }, "A-" },  { { 4, 0 }, "B" },     { { 40000, 4 }, "B" },
                  { { 239, 2 }, "C-" },  { { 10100, 4 }, "E" }, { { 1, 0 }, "F" },
                  { { 0, 0 }, "F" },     { { 4009999, 6 }, "B" } };
    pekppp_rubric *r = NULL;
    size_t i, failed = 0;
    (void)state;
    assert_int_equal(pekppp_rubric_load_file(&r, SHIPPED_RUBRIC, NULL, NULL), 0);
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const pekppp_band *b = pekppp_rubric_band_for(r, cases[i].rounded);
        if (!b || strcmp(b->grade, cases[i].grade) != 0) {
            print_message("band_for(%lld/10^%d): expected %s, got %s\n",
                          (long long)cases[i].rounded.units, cases[i].rounded.decimals,
                          cases[i].grade, b ? b->grade : "NULL");
            failed++;
        }
    }
    pekppp_rubric_free(r);
    if (failed)
        fail_msg("%zu of %zu band lookups wrong", failed, sizeof(cases) / sizeof(cases[0]));
}

/* ------------------------------------------------------------------------ */
/* The base rubric, in pieces.  Line numbers of the assembled text:          */
/*   1 schema  2 id  3 version  4 title  5 scale  6 rounding  7 combine      */
/*   8-11 bands  12 aspects:  13-16 aspect layanan  17-22 indicator 1.a      */
/*   23-27 indicator 1.b  28-36 aspect sarana with 2.a  37-38 supplementary  */
/*   39-43 survey                                                            */

#define SCHEMA "schema: pekppp/rubric/v1\n"
#define ID "id: base\n"
#define VERSION "version: \"1\"\n"
#define TITLE "title: \"Base\"\n"
#define SCALE "scale: {min: 0, max: 5}\n"
#define ROUNDING "rounding: {decimals: 2}\n"
#define COMBINE "combine: {evaluator: 75, survey: 25}\n"
#define BANDS                                      \
    "bands:\n"                                     \
    "  - {grade: \"A\", label: \"Prima\", min: 4.51}\n" \
    "  - {grade: \"B\", label: \"Baik\", min: 3.51}\n"  \
    "  - {grade: \"C\", label: \"Cukup\", min: 0}\n"
#define ASPECT1                 \
    "  - id: layanan\n"         \
    "    name: \"Layanan\"\n"   \
    "    weight: 60\n"          \
    "    indicators:\n"
#define IND_1A                                                 \
    "      - id: \"1.a\"\n"                                    \
    "        name: \"Satu\"\n"                                 \
    "        weight: 70\n"                                     \
    "        levels: [\"l0\", \"l1\", \"l2\", \"l3\", \"l4\", \"l5\"]\n" \
    "        evidence: [\"e\"]\n"                              \
    "        advice: {3: \"naikkan\"}\n"
#define IND_1B                                                 \
    "      - id: \"1.b\"\n"                                    \
    "        name: \"Dua\"\n"                                  \
    "        weight: 30\n"                                     \
    "        levels: [\"m0\", \"m1\", \"m2\", \"m3\", \"m4\", \"m5\"]\n" \
    "        evidence: [\"e\"]\n"
#define ASPECT2                                                \
    "  - id: sarana\n"                                         \
    "    name: \"Sarana\"\n"                                   \
    "    weight: 40\n"                                         \
    "    indicators:\n"                                        \
    "      - id: \"2.a\"\n"                                    \
    "        name: \"Tiga\"\n"                                 \
    "        weight: 100\n"                                    \
    "        levels: [\"n0\", \"n1\", \"n2\", \"n3\", \"n4\", \"n5\"]\n" \
    "        evidence: [\"e\"]\n"
#define SUPP                                                                     \
    "supplementary:\n"                                                           \
    "  - {id: \"INF.01\", name: \"Antrian\", levels: [\"s0\", \"s1\", \"s2\", \"s3\", \"s4\", \"s5\"]}\n"
#define SURVEY                                                 \
    "survey:\n"                                                \
    "  min_respondents: 10\n"                                  \
    "  items:\n"                                               \
    "    - {id: \"S01\", aspect: layanan, text: \"Mudah\"}\n"  \
    "    - {id: \"S02\", aspect: sarana, text: \"Nyaman\"}\n"

#define RUBRIC(schema, id, version, title, scale, rounding, combine, bands, aspect1, ind1a, ind1b, \
               aspect2, supp, survey)                                                            \
    schema id version title scale rounding combine bands "aspects:\n" aspect1 ind1a ind1b aspect2 \
        supp survey

#define BASE_RUBRIC                                                                          \
    RUBRIC(SCHEMA, ID, VERSION, TITLE, SCALE, ROUNDING, COMBINE, BANDS, ASPECT1, IND_1A, IND_1B, \
           ASPECT2, SUPP, SURVEY)

/* The base rubric with one piece replaced. */
#define WITH_SCHEMA(x) RUBRIC(x, ID, VERSION, TITLE, SCALE, ROUNDING, COMBINE, BANDS, ASPECT1, IND_1A, IND_1B, ASPECT2, SUPP, SURVEY)
#define WITH_ID(x) RUBRIC(SCHEMA, x, VERSION, TITLE, SCALE, ROUNDING, COMBINE, BANDS, ASPECT1, IND_1A, IND_1B, ASPECT2, SUPP, SURVEY)
#define WITH_VERSION(x) RUBRIC(SCHEMA, ID, x, TITLE, SCALE, ROUNDING, COMBINE, BANDS, ASPECT1, IND_1A, IND_1B, ASPECT2, SUPP, SURVEY)
#define WITH_TITLE(x) RUBRIC(SCHEMA, ID, VERSION, x, SCALE, ROUNDING, COMBINE, BANDS, ASPECT1, IND_1A, IND_1B, ASPECT2, SUPP, SURVEY)
#define WITH_SCALE(x) RUBRIC(SCHEMA, ID, VERSION, TITLE, x, ROUNDING, COMBINE, BANDS, ASPECT1, IND_1A, IND_1B, ASPECT2, SUPP, SURVEY)
#define WITH_ROUNDING(x) RUBRIC(SCHEMA, ID, VERSION, TITLE, SCALE, x, COMBINE, BANDS, ASPECT1, IND_1A, IND_1B, ASPECT2, SUPP, SURVEY)
#define WITH_COMBINE(x) RUBRIC(SCHEMA, ID, VERSION, TITLE, SCALE, ROUNDING, x, BANDS, ASPECT1, IND_1A, IND_1B, ASPECT2, SUPP, SURVEY)
#define WITH_BANDS(x) RUBRIC(SCHEMA, ID, VERSION, TITLE, SCALE, ROUNDING, COMBINE, x, ASPECT1, IND_1A, IND_1B, ASPECT2, SUPP, SURVEY)
#define WITH_ASPECT1(x) RUBRIC(SCHEMA, ID, VERSION, TITLE, SCALE, ROUNDING, COMBINE, BANDS, x, IND_1A, IND_1B, ASPECT2, SUPP, SURVEY)
#define WITH_IND_1A(x) RUBRIC(SCHEMA, ID, VERSION, TITLE, SCALE, ROUNDING, COMBINE, BANDS, ASPECT1, x, IND_1B, ASPECT2, SUPP, SURVEY)
#define WITH_IND_1B(x) RUBRIC(SCHEMA, ID, VERSION, TITLE, SCALE, ROUNDING, COMBINE, BANDS, ASPECT1, IND_1A, x, ASPECT2, SUPP, SURVEY)
#define WITH_ASPECT2(x) RUBRIC(SCHEMA, ID, VERSION, TITLE, SCALE, ROUNDING, COMBINE, BANDS, ASPECT1, IND_1A, IND_1B, x, SUPP, SURVEY)
#define WITH_SUPP(x) RUBRIC(SCHEMA, ID, VERSION, TITLE, SCALE, ROUNDING, COMBINE, BANDS, ASPECT1, IND_1A, IND_1B, ASPECT2, x, SURVEY)
#define WITH_SURVEY(x) RUBRIC(SCHEMA, ID, VERSION, TITLE, SCALE, ROUNDING, COMBINE, BANDS, ASPECT1, IND_1A, IND_1B, ASPECT2, SUPP, x)

/* Indicator 1.b (lines 23-27) with a given weight line, levels line and evidence line. */
#define IND_1B_WITH(weight, levels, evidence) \
    "      - id: \"1.b\"\n"                   \
    "        name: \"Dua\"\n" weight levels evidence
#define LEVELS_1B "        levels: [\"m0\", \"m1\", \"m2\", \"m3\", \"m4\", \"m5\"]\n"
#define EVIDENCE "        evidence: [\"e\"]\n"

/* Indicator 1.a (lines 17-22) with a given id/name/weight block, levels and advice. */
#define IND_1A_WITH(weight, levels, advice) \
    "      - id: \"1.a\"\n"                 \
    "        name: \"Satu\"\n" weight levels EVIDENCE advice
#define LEVELS_1A "        levels: [\"l0\", \"l1\", \"l2\", \"l3\", \"l4\", \"l5\"]\n"
#define ADVICE_1A "        advice: {3: \"naikkan\"}\n"

#define SURVEY_WITH(item1, item2) \
    "survey:\n"                   \
    "  min_respondents: 10\n"     \
    "  items:\n" item1 item2
#define ITEM_S01 "    - {id: \"S01\", aspect: layanan, text: \"Mudah\"}\n"
#define ITEM_S02 "    - {id: \"S02\", aspect: sarana, text: \"Nyaman\"}\n"

#define BANDS_WITH(a, b, c) "bands:\n" a b c
#define BAND_A "  - {grade: \"A\", label: \"Prima\", min: 4.51}\n"
#define BAND_B "  - {grade: \"B\", label: \"Baik\", min: 3.51}\n"
#define BAND_C "  - {grade: \"C\", label: \"Cukup\", min: 0}\n"

typedef struct {
    const char *name;
    const char *yaml;
    int rc;
    size_t ndiags;
    expected_diag diags[6];
} rubric_case;

static const rubric_case rubric_cases[] = {
    { "the base rubric", BASE_RUBRIC, 0, 0, { { 0 } } },
    { "combine absent and no survey: evaluator only", WITH_COMBINE("\n") , 0, 0, { { 0 } } },
    { "combine.survey 0 needs no survey section",
      RUBRIC(SCHEMA, ID, VERSION, TITLE, SCALE, ROUNDING, "combine: {evaluator: 100, survey: 0}\n",
             BANDS, ASPECT1, IND_1A, IND_1B, ASPECT2, SUPP, ""),
      0, 0, { { 0 } } },

    /* schema and ids */
    { "wrong schema", WITH_SCHEMA("schema: pekppp/rubric/v2\n"), PEKPPP_EINVALID, 1,
      { { E_, 1, 9, "schema", "schema is 'pekppp/rubric/v2': expected 'pekppp/rubric/v1'" } } },
    { "bad rubric id", WITH_ID("id: Base Rubric\n"), PEKPPP_EINVALID, 1,
      { { E_, 2, 5, "id", "rubric id 'Base Rubric' may hold only a-z, 0-9, '.', '_' and '-'" } } },
    { "bad indicator id",
      WITH_IND_1B("      - id: \"1 b\"\n"
                  "        name: \"Dua\"\n"
                  "        weight: 30\n" LEVELS_1B EVIDENCE),
      PEKPPP_EINVALID, 1,
      { { E_, 23, 13, "aspects[0].indicators[1].id",
          "indicator id '1 b' may hold only letters, digits, '.', '_' and '-'" } } },
    { "bad aspect id (and the survey item naming it no longer matches)",
      WITH_ASPECT1("  - id: Layanan\n"
                   "    name: \"Layanan\"\n"
                   "    weight: 60\n"
                   "    indicators:\n"),
      PEKPPP_EINVALID, 2,
      { { E_, 13, 9, "aspects[0].id", "aspect id 'Layanan' may hold only a-z, 0-9, '.', '_' and '-'" },
        { E_, 42, 27, "survey.items[0].aspect", "no aspect 'layanan': did you mean 'Layanan'?" } } },

    { "duplicate aspect id (and the survey item naming the second no longer matches)",
      WITH_ASPECT2("  - id: layanan\n"
                   "    name: \"Sarana\"\n"
                   "    weight: 40\n"
                   "    indicators:\n"
                   "      - id: \"2.a\"\n"
                   "        name: \"Tiga\"\n"
                   "        weight: 100\n"
                   "        levels: [\"n0\", \"n1\", \"n2\", \"n3\", \"n4\", \"n5\"]\n" EVIDENCE),
      PEKPPP_EINVALID, 2,
      { { E_, 28, 9, "aspects[1].id", "aspect id 'layanan' appears twice" },
        { E_, 43, 27, "survey.items[1].aspect", "no aspect 'sarana'" } } },

    /* structure */
    { "no aspects",
      RUBRIC(SCHEMA, ID, VERSION, TITLE, SCALE, ROUNDING, COMBINE, BANDS, "  []\n", "", "", "", SUPP,
             SURVEY),
      PEKPPP_EINVALID, 1, { { E_, 13, 3, "aspects", "expected at least one aspect" } } },
    { "aspect without indicators",
      WITH_ASPECT2("  - id: sarana\n"
                   "    name: \"Sarana\"\n"
                   "    weight: 40\n"
                   "    indicators: []\n"),
      PEKPPP_EINVALID, 1,
      { { E_, 31, 17, "aspects[1].indicators", "expected at least one indicator" } } },
    { "scale bound that is not a whole number", WITH_SCALE("scale: {min: 0.5, max: 5}\n"),
      PEKPPP_EINVALID, 1, { { E_, 5, 14, "scale.min", "expected a whole number, got '0.5'" } } },
    { "na that is not true or false",
      WITH_IND_1B(IND_1B_WITH("        weight: 30\n", LEVELS_1B, "        na: yes\n" EVIDENCE)),
      PEKPPP_EINVALID, 1,
      { { E_, 27, 13, "aspects[0].indicators[1].na", "expected true or false, got 'yes'" } } },
    { "supplementary item with the wrong number of levels",
      WITH_SUPP("supplementary:\n"
                "  - {id: \"INF.01\", name: \"Antrian\", levels: [\"s0\", \"s1\", \"s2\", \"s3\", \"s4\"]}\n"),
      PEKPPP_EINVALID, 1,
      { { E_, 38, 45, "supplementary[0].levels",
          "expected exactly 6 level descriptions (levels 0 to 5), got 5" } } },
    { "grade given twice",
      WITH_BANDS(BANDS_WITH(BAND_A, "  - {grade: \"A\", label: \"Baik\", min: 3.51}\n", BAND_C)),
      PEKPPP_EINVALID, 1, { { E_, 10, 13, "bands[1]", "grade 'A' appears twice" } } },

    /* required and unknown keys */
    { "missing required top-level key", WITH_VERSION(""), PEKPPP_EINVALID, 1,
      { { E_, 1, 1, "", "missing required key 'version'" } } },
    { "missing required indicator key",
      WITH_IND_1B(IND_1B_WITH("        weight: 30\n", "", EVIDENCE)), PEKPPP_EINVALID, 1,
      { { E_, 23, 9, "aspects[0].indicators[1]", "missing required key 'levels'" } } },
    { "unknown key with a near known key",
      WITH_IND_1A(IND_1A_WITH("        weigth: 70\n", LEVELS_1A, ADVICE_1A)), PEKPPP_EINVALID, 2,
      { { E_, 19, 9, "aspects[0].indicators[0].weigth", "unknown key 'weigth': did you mean 'weight'?" },
        { E_, 17, 9, "aspects[0].indicators[0]", "missing required key 'weight'" } } },
    { "unknown key with no near known key", WITH_TITLE("colour: red\n"), PEKPPP_EINVALID, 1,
      { { E_, 4, 1, "colour", "unknown key 'colour'" } } },

    /* weights */
    { "aspect weights not summing to 100",
      WITH_ASPECT2("  - id: sarana\n"
                   "    name: \"Sarana\"\n"
                   "    weight: 30\n"
                   "    indicators:\n"
                   "      - id: \"2.a\"\n"
                   "        name: \"Tiga\"\n"
                   "        weight: 100\n"
                   "        levels: [\"n0\", \"n1\", \"n2\", \"n3\", \"n4\", \"n5\"]\n" EVIDENCE),
      PEKPPP_EINVALID, 1, { { E_, 12, 1, "aspects", "aspect weights sum to 90, not exactly 100 (or set 'normalise: true' to divide by the sum)" } } },
    { "indicator weights not summing to 100 in an aspect",
      WITH_IND_1B(IND_1B_WITH("        weight: 20\n", LEVELS_1B, EVIDENCE)), PEKPPP_EINVALID, 1,
      { { E_, 16, 5, "aspects[0].indicators",
          "the indicator weights of aspect 'layanan' sum to 90, not exactly 100 (or set 'normalise: true' to divide by the sum)" } } },
    { "zero indicator weight",
      RUBRIC(SCHEMA, ID, VERSION, TITLE, SCALE, ROUNDING, COMBINE, BANDS, ASPECT1,
             IND_1A_WITH("        weight: 100\n", LEVELS_1A, ADVICE_1A),
             IND_1B_WITH("        weight: 0\n", LEVELS_1B, EVIDENCE), ASPECT2, SUPP, SURVEY),
      PEKPPP_EINVALID, 1,
      { { E_, 25, 17, "aspects[0].indicators[1].weight",
          "weight must be above 0 (an unscored item belongs under 'supplementary')" } } },
    { "zero aspect weight",
      RUBRIC(SCHEMA, ID, VERSION, TITLE, SCALE, ROUNDING, COMBINE, BANDS,
             "  - id: layanan\n"
             "    name: \"Layanan\"\n"
             "    weight: 100\n"
             "    indicators:\n",
             IND_1A, IND_1B,
             "  - id: sarana\n"
             "    name: \"Sarana\"\n"
             "    weight: 0\n"
             "    indicators:\n"
             "      - id: \"2.a\"\n"
             "        name: \"Tiga\"\n"
             "        weight: 100\n"
             "        levels: [\"n0\", \"n1\", \"n2\", \"n3\", \"n4\", \"n5\"]\n" EVIDENCE,
             SUPP, SURVEY),
      PEKPPP_EINVALID, 1, { { E_, 30, 13, "aspects[1].weight", "aspect weight must be above 0" } } },
    /* levels */
    { "wrong number of levels",
      WITH_IND_1A(IND_1A_WITH("        weight: 70\n",
                              "        levels: [\"l0\", \"l1\", \"l2\", \"l3\", \"l4\"]\n", ADVICE_1A)),
      PEKPPP_EINVALID, 1,
      { { E_, 20, 17, "aspects[0].indicators[0].levels",
          "expected exactly 6 level descriptions (levels 0 to 5), got 5" } } },

    /* bands */
    { "bands not strictly decreasing",
      WITH_BANDS(BANDS_WITH(BAND_A, "  - {grade: \"B\", label: \"Baik\", min: 4.51}\n", BAND_C)),
      PEKPPP_EINVALID, 1,
      { { E_, 10, 38, "bands[1].min",
          "band minimums must strictly decrease: 4.51 is not below 4.51, the minimum of band 'A'" } } },
    { "band min off the rounding grid",
      WITH_BANDS(BANDS_WITH("  - {grade: \"A\", label: \"Prima\", min: 4.505}\n", BAND_B, BAND_C)),
      PEKPPP_EINVALID, 1,
      { { E_, 9, 39, "bands[0].min",
          "band minimum 4.505 is not on the rounding grid of 2 decimal places: no rounded index "
          "can equal it" } } },
    { "band min on a coarser grid",
      RUBRIC(SCHEMA, ID, VERSION, TITLE, SCALE, "rounding: {decimals: 1}\n", COMBINE, BANDS, ASPECT1,
             IND_1A, IND_1B, ASPECT2, SUPP, SURVEY),
      PEKPPP_EINVALID, 2,
      { { E_, 9, 39, "bands[0].min",
          "band minimum 4.51 is not on the rounding grid of 1 decimal places: no rounded index "
          "can equal it" },
        { E_, 10, 38, "bands[1].min",
          "band minimum 3.51 is not on the rounding grid of 1 decimal places: no rounded index "
          "can equal it" } } },
    { "last band min not equal to scale.min",
      WITH_BANDS(BANDS_WITH(BAND_A, BAND_B, "  - {grade: \"C\", label: \"Cukup\", min: 1}\n")),
      PEKPPP_EINVALID, 1,
      { { E_, 11, 39, "bands[2].min",
          "the last band's minimum must equal scale.min (0), so every index has a grade" } } },
    { "band above scale.max is unreachable",
      WITH_BANDS(BANDS_WITH("  - {grade: \"A\", label: \"Prima\", min: 5.01}\n", BAND_B, BAND_C)),
      PEKPPP_EINVALID, 1,
      { { E_, 9, 39, "bands[0].min", "band 'A' is unreachable: its minimum 5.01 is above scale.max 5" } } },

    /* ids */
    { "duplicate indicator id",
      WITH_IND_1B("      - id: \"1.a\"\n"
                  "        name: \"Dua\"\n"
                  "        weight: 30\n" LEVELS_1B EVIDENCE),
      PEKPPP_EINVALID, 1,
      { { E_, 23, 13, "aspects[0].indicators[1].id", "indicator id '1.a' is already used at line 17" } } },
    { "supplementary id repeating a scored id",
      WITH_SUPP("supplementary:\n"
                "  - {id: \"2.a\", name: \"Antrian\", levels: [\"s0\", \"s1\", \"s2\", \"s3\", \"s4\", \"s5\"]}\n"),
      PEKPPP_EINVALID, 1,
      { { E_, 38, 10, "supplementary[0].id", "indicator id '2.a' is already used at line 32" } } },

    /* advice */
    { "advice for the top level",
      WITH_IND_1A(IND_1A_WITH("        weight: 70\n", LEVELS_1A, "        advice: {5: \"naikkan\"}\n")),
      PEKPPP_EINVALID, 1,
      { { E_, 22, 18, "aspects[0].indicators[0].advice.5",
          "advice for level 5: it is the top level, there is nothing above it" } } },
    { "advice key above the scale",
      WITH_IND_1A(IND_1A_WITH("        weight: 70\n", LEVELS_1A, "        advice: {7: \"naikkan\"}\n")),
      PEKPPP_EINVALID, 1,
      { { E_, 22, 18, "aspects[0].indicators[0].advice.7", "advice key '7' is not a level from 0 to 5" } } },
    { "advice key that is not a number",
      WITH_IND_1A(IND_1A_WITH("        weight: 70\n", LEVELS_1A, "        advice: {tiga: \"naikkan\"}\n")),
      PEKPPP_EINVALID, 1,
      { { E_, 22, 18, "aspects[0].indicators[0].advice.tiga", "advice key 'tiga' is not a level from 0 to 5" } } },

    /* survey */
    { "survey item with an unknown aspect and a near one",
      WITH_SURVEY(SURVEY_WITH("    - {id: \"S01\", aspect: layann, text: \"Mudah\"}\n", ITEM_S02)),
      PEKPPP_EINVALID, 1,
      { { E_, 42, 27, "survey.items[0].aspect", "no aspect 'layann': did you mean 'layanan'?" } } },
    { "survey item with an unknown aspect and no near one",
      WITH_SURVEY(SURVEY_WITH(ITEM_S01, "    - {id: \"S02\", aspect: parkir, text: \"Nyaman\"}\n")),
      PEKPPP_EINVALID, 1, { { E_, 43, 27, "survey.items[1].aspect", "no aspect 'parkir'" } } },
    { "duplicate survey item id",
      WITH_SURVEY(SURVEY_WITH(ITEM_S01, "    - {id: \"S01\", aspect: sarana, text: \"Nyaman\"}\n")),
      PEKPPP_EINVALID, 1, { { E_, 43, 12, "survey.items[1].id", "survey item id 'S01' appears twice" } } },

    /* combine */
    { "combine not summing to 100", WITH_COMBINE("combine: {evaluator: 70, survey: 25}\n"),
      PEKPPP_EINVALID, 1,
      { { E_, 7, 10, "combine",
          "combine.evaluator (70) and combine.survey (25) must sum to 100, not 95" } } },
    { "combine.survey above 0 with no survey section", WITH_SURVEY(""), PEKPPP_EINVALID, 1,
      { { E_, 7, 10, "", "combine.survey is above 0 but the rubric has no 'survey' section" } } },

    /* syntax-level rules */
    /* The repeat is dropped and the rest still checked: the missing name too. */
    { "duplicate key, and another problem",
      WITH_IND_1A("      - id: \"1.a\"\n"
                  "        weight: 70\n"
                  "        weight: 70\n" LEVELS_1A EVIDENCE ADVICE_1A),
      PEKPPP_EINVALID, 2,
      { { E_, 19, 9, "", "duplicate key 'weight' (first at line 18)" },
        { E_, 17, 9, "aspects[0].indicators[0]", "missing required key 'name'" } } },
    { "two YAML documents", BASE_RUBRIC "---\nid: other\n", PEKPPP_EINVALID, 1,
      { { E_, 44, 1, "", "a second YAML document: a file holds exactly one" } } },

    /* scale and rounding */
    { "scale.min equal to scale.max", WITH_SCALE("scale: {min: 5, max: 5}\n"), PEKPPP_EINVALID, 1,
      { { E_, 5, 8, "scale", "scale.min (5) must be below scale.max (5)" } } },
    { "scale.min above scale.max", WITH_SCALE("scale: {min: 5, max: 0}\n"), PEKPPP_EINVALID, 1,
      { { E_, 5, 8, "scale", "scale.min (5) must be below scale.max (0)" } } },
    { "rounding decimals above 4", WITH_ROUNDING("rounding: {decimals: 5}\n"), PEKPPP_EINVALID, 1,
      { { E_, 6, 22, "rounding.decimals", "expected a whole number from 0 to 4, got '5'" } } },

    /* warnings: the rubric still loads */
    { "indicator without evidence",
      WITH_IND_1B(IND_1B_WITH("        weight: 30\n", LEVELS_1B, "")), 0, 1,
      { { W_, 23, 9, "aspects[0].indicators[1]", "indicator '1.b' lists no evidence (bukti dukung)" } } },
    { "indicator with an empty evidence list",
      WITH_IND_1B(IND_1B_WITH("        weight: 30\n", LEVELS_1B, "        evidence: []\n")), 0, 1,
      { { W_, 23, 9, "aspects[0].indicators[1]", "indicator '1.b' lists no evidence (bukti dukung)" } } },
    { "a repeated level text",
      WITH_IND_1B(IND_1B_WITH("        weight: 30\n",
                              "        levels: [\"m0\", \"m1\", \"m1\", \"m3\", \"m4\", \"m5\"]\n",
                              EVIDENCE)),
      0, 1,
      { { W_, 26, 30, "aspects[0].indicators[1].levels[2]", "level 2 repeats the text of level 1" } } },
    { "a bidi override in the title, an escape in the version; a tab is fine",
      RUBRIC(SCHEMA, ID, "version: \"1\\x1b\"\n", "title: \"Ba\\tse \\u202eesaB\"\n", SCALE,
             ROUNDING, COMBINE, BANDS, ASPECT1, IND_1A, IND_1B, ASPECT2, SUPP, SURVEY),
      0, 2,
      { { W_, 3, 10, "version",
          "text holds the control character U+001B (character 2): it can hide or reorder what "
          "readers see" },
        { W_, 4, 8, "title",
          "text holds the control character U+202E (character 7): it can hide or reorder what "
          "readers see" } } },
};

/* Load one case; 1 when the code, every diagnostic and the error record match. */
static int check_rubric_case(const rubric_case *c)
{
    pekppp_load_options opts = PEKPPP_LOAD_OPTIONS_INIT;
    pekppp_rubric *r = NULL;
    pekppp_error err;
    diag_list diags;
    int rc, ok = 1;
    size_t first;

    memset(&diags, 0, sizeof(diags));
    opts.diag = collect;
    opts.payload = &diags;
    pekppp_error_clear(&err);
    rc = pekppp_rubric_load_buffer(&r, c->yaml, strlen(c->yaml), "case.yaml", &opts, &err);
    if (rc != c->rc || !diags_match(&diags, c->diags, c->ndiags)) {
        print_message("MISMATCH case '%s': rc %d (expected %d)\n", c->name, rc, c->rc);
        print_diags("got", &diags);
        print_expected(c->diags, c->ndiags);
        ok = 0;
    } else if (rc == 0) {
        /* Warnings alone do not stop the rubric. */
        if (!r || err.code != 0) {
            print_message("MISMATCH case '%s': no rubric handed out\n", c->name);
            ok = 0;
        }
    } else {
        /* The error record holds the first error, with the file name. */
        for (first = 0; first < diags.n && diags.d[first].severity != PEKPPP_SEV_ERROR; first++)
            ;
        if (r || first == diags.n || err.code != c->rc || err.line != diags.d[first].line ||
            err.column != diags.d[first].column || strcmp(err.message, diags.d[first].message) != 0 ||
            strcmp(err.file, "case.yaml") != 0) {
            print_message("MISMATCH case '%s': handle or error record wrong\n", c->name);
            ok = 0;
        }
    }
    pekppp_rubric_free(r);
    return ok;
}

static void test_rubric__broken_rubrics_report_exact_diagnostics(void **state)
{
    size_t i, failed = 0, n = sizeof(rubric_cases) / sizeof(rubric_cases[0]);
    (void)state;
    for (i = 0; i < n; i++)
        failed += !check_rubric_case(&rubric_cases[i]);
    if (failed)
        fail_msg("%zu of %zu rubric cases do not match", failed, n);
}

/* A weight that does not parse is one error: the indicator weights are not
 * also summed without it (aspects already behave so). */
static void test_rubric__unreadable_weight_is_not_also_reported_as_a_wrong_sum(void **state)
{
    static const rubric_case c = {
        "weight with five decimal places",
        WITH_IND_1B(IND_1B_WITH("        weight: 30.00001\n", LEVELS_1B, EVIDENCE)), PEKPPP_EINVALID, 1,
        { { E_, 25, 17, "aspects[0].indicators[1].weight",
            "expected a number with at most 4 decimal places, got '30.00001'" } }
    };
    (void)state;
    assert_true(check_rubric_case(&c));
}

/* Level 5 repeating the text of levels 1 and 2 is one repeated text: one warning. */
static void test_rubric__repeated_level_text_is_warned_once_per_level(void **state)
{
    static const rubric_case c = {
        "repeated level texts",
        WITH_IND_1B(IND_1B_WITH("        weight: 30\n",
                                "        levels: [\"m0\", \"m1\", \"m1\", \"m3\", \"m4\", \"m1\"]\n",
                                EVIDENCE)),
        0, 2,
        { { W_, 26, 30, "aspects[0].indicators[1].levels[2]", "level 2 repeats the text of level 1" },
          { W_, 26, 48, "aspects[0].indicators[1].levels[5]", "level 5 repeats the text of level 1" } }
    };
    (void)state;
    assert_true(check_rubric_case(&c));
}

/*
 * One load lists every problem, not just the first.  (A wrong schema is the
 * one gate: a file of another kind is not checked as a rubric.)
 */
static void test_rubric__a_rubric_with_several_problems_reports_all_of_them(void **state)
{
    static const char yaml[] =
        RUBRIC(SCHEMA, "id: Base Rubric\n", VERSION, TITLE, SCALE, ROUNDING,
               "combine: {evaluator: 70, survey: 25}\n",
               BANDS_WITH("  - {grade: \"A\", label: \"Prima\", min: 4.505}\n", BAND_B, BAND_C),
               ASPECT1, IND_1A_WITH("        weigth: 70\n", LEVELS_1A, ADVICE_1A),
               IND_1B_WITH("        weight: 30\n", LEVELS_1B, ""),
               "  - id: sarana\n"
               "    name: \"Sarana\"\n"
               "    weight: 30\n"
               "    indicators:\n"
               "      - id: \"2.a\"\n"
               "        name: \"Tiga\"\n"
               "        weight: 100\n"
               "        levels: [\"n0\", \"n1\", \"n2\", \"n3\", \"n4\", \"n5\"]\n" EVIDENCE,
               SUPP, SURVEY_WITH("    - {id: \"S01\", aspect: layann, text: \"Mudah\"}\n", ITEM_S02));
    static const expected_diag want[] = {
        { E_, 2, 5, "id", "rubric id 'Base Rubric' may hold only a-z, 0-9, '.', '_' and '-'" },
        { E_, 7, 10, "combine",
          "combine.evaluator (70) and combine.survey (25) must sum to 100, not 95" },
        { E_, 9, 39, "bands[0].min",
          "band minimum 4.505 is not on the rounding grid of 2 decimal places: no rounded index "
          "can equal it" },
        { E_, 19, 9, "aspects[0].indicators[0].weigth", "unknown key 'weigth': did you mean 'weight'?" },
        { E_, 17, 9, "aspects[0].indicators[0]", "missing required key 'weight'" },
        { W_, 23, 9, "aspects[0].indicators[1]", "indicator '1.b' lists no evidence (bukti dukung)" },
        { E_, 12, 1, "aspects", "aspect weights sum to 90, not exactly 100 (or set 'normalise: true' to divide by the sum)" },
        { E_, 41, 27, "survey.items[0].aspect", "no aspect 'layann': did you mean 'layanan'?" },
    };
    pekppp_load_options opts = PEKPPP_LOAD_OPTIONS_INIT;
    pekppp_rubric *r = NULL;
    diag_list diags;
    int rc;
    (void)state;
    memset(&diags, 0, sizeof(diags));
    opts.diag = collect;
    opts.payload = &diags;
    rc = pekppp_rubric_load_buffer(&r, yaml, strlen(yaml), "several.yaml", &opts, NULL);
    if (!diags_match(&diags, want, sizeof(want) / sizeof(want[0]))) {
        print_diags("got", &diags);
        print_expected(want, sizeof(want) / sizeof(want[0]));
        fail_msg("several problems: diagnostics do not match");
    }
    assert_int_equal(rc, PEKPPP_EINVALID);
    assert_null(r);
    assert_int_equal(diags.errors, 7);
    assert_int_equal(diags.warnings, 1);
}

/* Without a diag callback, the error record still gets the first error. */
static void test_rubric__error_record_holds_the_first_error_without_a_callback(void **state)
{
    static const char yaml[] = WITH_COMBINE("combine: {evaluator: 70, survey: 25}\n");
    pekppp_rubric *r = NULL;
    pekppp_error err;
    (void)state;
    pekppp_error_clear(&err);
    assert_int_equal(pekppp_rubric_load_buffer(&r, yaml, strlen(yaml), "x.yaml", NULL, &err),
                     PEKPPP_EINVALID);
    assert_null(r);
    assert_int_equal(err.code, PEKPPP_EINVALID);
    assert_int_equal(err.severity, PEKPPP_SEV_ERROR);
    assert_string_equal(err.file, "x.yaml");
    assert_int_equal(err.line, 7);
    assert_int_equal(err.column, 10);
    assert_string_equal(err.path, "combine");
}

/*
 * FORMATS.md: "a JSON file is accepted wherever YAML is".  JSON object keys
 * are always strings, so a JSON rubric can only write advice keys quoted:
 * {"3": "..."} must mean advice for level 3.
 */
static void test_rubric__json_rubric_with_advice_loads(void **state)
{
    static const char json[] =
        "{\n"
        "  \"schema\": \"pekppp/rubric/v1\",\n"
        "  \"id\": \"json-rubric\",\n"
        "  \"version\": \"1\",\n"
        "  \"scale\": {\"min\": 0, \"max\": 5},\n"
        "  \"bands\": [{\"grade\": \"A\", \"label\": \"Prima\", \"min\": 4.51},\n"
        "            {\"grade\": \"B\", \"label\": \"Baik\", \"min\": 0}],\n"
        "  \"aspects\": [{\"id\": \"satu\", \"name\": \"Satu\", \"weight\": 100, \"indicators\": [\n"
        "    {\"id\": \"1.a\", \"name\": \"Satu\", \"weight\": 100, \"evidence\": [\"e\"],\n"
        "     \"levels\": [\"l0\", \"l1\", \"l2\", \"l3\", \"l4\", \"l5\"],\n"
        "     \"advice\": {\"3\": \"naikkan\"}}]}]\n"
        "}\n";
    pekppp_load_options opts = PEKPPP_LOAD_OPTIONS_INIT;
    pekppp_rubric *r = NULL;
    diag_list diags;
    int rc;
    (void)state;
    memset(&diags, 0, sizeof(diags));
    opts.diag = collect;
    opts.payload = &diags;
    const char *advice = NULL;
    rc = pekppp_rubric_load_buffer(&r, json, strlen(json), "rubric.json", &opts, NULL);
    if (rc != 0)
        print_diags("json rubric", &diags);
    if (r && pekppp_rubric_indicator(r, 0)->advice)
        advice = pekppp_rubric_indicator(r, 0)->advice[3];
    /* Compare a copy so the rubric is freed before any assertion. */
    {
        char copy[32] = "";
        if (advice)
            snprintf(copy, sizeof(copy), "%s", advice);
        pekppp_rubric_free(r);
        assert_int_equal(rc, 0);
        assert_string_equal(copy, "naikkan");
    }
}

static void test_rubric__missing_file_is_not_found(void **state)
{
    pekppp_rubric *r = NULL;
    pekppp_error err;
    (void)state;
    pekppp_error_clear(&err);
    assert_int_equal(pekppp_rubric_load_file(&r, PEKPPP_TEST_FIXTURES "/rubric/does-not-exist.yaml",
                                             NULL, &err),
                     PEKPPP_ENOTFOUND);
    assert_null(r);
    assert_int_equal(err.code, PEKPPP_ENOTFOUND);
}

static void test_rubric__fixture_rubrics_load_clean(void **state)
{
    static const char *const files[] = { PEKPPP_TEST_FIXTURES "/rubric/small-two-aspects.yaml",
                                         PEKPPP_TEST_FIXTURES "/rubric/one-aspect-fine-weights.yaml" };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        pekppp_load_options opts = PEKPPP_LOAD_OPTIONS_INIT;
        pekppp_rubric *r = NULL;
        diag_list diags;
        memset(&diags, 0, sizeof(diags));
        opts.diag = collect;
        opts.payload = &diags;
        assert_int_equal(pekppp_rubric_load_file(&r, files[i], &opts, NULL), 0);
        assert_int_equal(diags.total, 0);
        pekppp_rubric_free(r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rubric__shipped_rubric_loads_without_errors_or_warnings),
        cmocka_unit_test(test_rubric__shipped_rubric_has_the_official_structure),
        cmocka_unit_test(test_rubric__band_for_compares_the_index_exactly),
        cmocka_unit_test(test_rubric__broken_rubrics_report_exact_diagnostics),
        cmocka_unit_test(test_rubric__unreadable_weight_is_not_also_reported_as_a_wrong_sum),
        cmocka_unit_test(test_rubric__repeated_level_text_is_warned_once_per_level),
        cmocka_unit_test(test_rubric__a_rubric_with_several_problems_reports_all_of_them),
        cmocka_unit_test(test_rubric__error_record_holds_the_first_error_without_a_callback),
        cmocka_unit_test(test_rubric__json_rubric_with_advice_loads),
        cmocka_unit_test(test_rubric__missing_file_is_not_found),
        cmocka_unit_test(test_rubric__fixture_rubrics_load_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
