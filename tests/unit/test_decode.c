/*
 * Unit tests for decode.c (typed getters over a pk_node tree) and the
 * pk_report of diag.c that carries their messages.
 *
 * Each test parses a small YAML text, walks it with a pk_dec whose report
 * records every diagnostic, and checks the exact message, place and path.
 * The rules come from FORMATS.md: unknown keys are errors with the nearest
 * known key, every error names line:column and the path
 * (aspects[2].indicators[0].weight), numbers are plain decimal text.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "decode.h"
#include "yaml_tree.h"

#include "recorder.h"

typedef struct {
    recorder rec;
    pekppp_error first;
    pk_report rep;
    pk_doc doc;
    pk_arena arena;
    pk_dec dec;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof(*f));
    if (!f)
        return -1;
    pk_report_init(&f->rep, "t.yaml", record, &f->rec, &f->first);
    pk_dec_init(&f->dec, &f->rep, &f->arena);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    pk_doc_free(&f->doc);
    pk_arena_free(&f->arena);
    free(f);
    return 0;
}

/* Parse @p text (which must be valid) and return its root. */
static const pk_node *load(fixture *f, const char *text)
{
    assert_int_equal(pk_doc_parse(&f->doc, text, strlen(text), &f->rep), 0);
    assert_int_equal(f->rec.count, 0);
    return f->doc.root;
}

static void expect_diag(const fixture *f, int i, unsigned line, unsigned col, const char *path,
                        const char *message)
{
    const pekppp_error *d;
    assert_true(i < f->rec.count && i < MAX_SEEN);
    d = &f->rec.seen[i];
    assert_string_equal(d->message, message);
    assert_int_equal(d->code, PEKPPP_EINVALID);
    assert_int_equal(d->severity, PEKPPP_SEV_ERROR);
    assert_int_equal(d->line, line);
    assert_int_equal(d->column, col);
    assert_string_equal(d->path, path);
    assert_string_equal(d->file, "t.yaml");
}

/* ------------------------------------------------------------------------ */
/* paths                                                                    */

static void test_path__builds_a_nested_path_and_pops_back(void **state)
{
    fixture *f = *state;
    pk_dec *d = &f->dec;
    size_t l0, l1, l2, l3, l4;

    assert_string_equal(d->path, "");
    l0 = pk_path_key(d, "aspects");
    assert_int_equal(l0, 0);
    l1 = pk_path_index(d, 2);
    l2 = pk_path_key(d, "indicators");
    l3 = pk_path_index(d, 0);
    l4 = pk_path_key(d, "weight");
    assert_string_equal(d->path, "aspects[2].indicators[0].weight");
    assert_int_equal(d->plen, strlen("aspects[2].indicators[0].weight"));

    pk_path_pop(d, l4);
    assert_string_equal(d->path, "aspects[2].indicators[0]");
    pk_path_pop(d, l3);
    assert_string_equal(d->path, "aspects[2].indicators");
    pk_path_pop(d, l2);
    assert_string_equal(d->path, "aspects[2]");
    pk_path_pop(d, l1);
    assert_string_equal(d->path, "aspects");
    pk_path_pop(d, l0);
    assert_string_equal(d->path, "");

    /* a list at the top has no leading dot, and neither does a key after it */
    l0 = pk_path_index(d, 12);
    l1 = pk_path_key(d, "id");
    assert_string_equal(d->path, "[12].id");
    pk_path_pop(d, l1);
    pk_path_pop(d, l0);
    assert_string_equal(d->path, "");
}

static void test_path__truncates_instead_of_overflowing(void **state)
{
    fixture *f = *state;
    pk_dec *d = &f->dec;
    size_t marks[100], i;
    for (i = 0; i < N_ELEMS(marks); i++) {
        marks[i] = pk_path_key(d, "indicators");
        assert_true(d->plen < sizeof(d->path));
        assert_int_equal(strlen(d->path), d->plen);
    }
    assert_int_equal(d->plen, sizeof(d->path) - 1);
    (void)pk_path_index(d, 123456);
    assert_int_equal(strlen(d->path), sizeof(d->path) - 1);
    pk_path_pop(d, marks[1]);
    assert_string_equal(d->path, "indicators");
}

/* ------------------------------------------------------------------------ */
/* pk_fields and pk_nearest                                                 */

static const pk_field indicator_fields[] = {
    { "id", true },
    { "name", false },
    { "weight", true },
    { "levels", false },
};

static const char nested_text[] = "aspects:\n"
                                  "  - id: a\n"
                                  "  - id: b\n"
                                  "  - id: c\n"
                                  "    indicators:\n"
                                  "      - id: x\n"
                                  "        wieght: 17\n";

static void test_fields__names_an_unknown_key_with_a_hint_and_its_path(void **state)
{
    fixture *f = *state;
    const pk_node *root = load(f, nested_text), *aspect, *ind, *vals[N_ELEMS(indicator_fields)];
    int rc;

    aspect = pk_map_get(root, "aspects")->items[2];
    ind = pk_map_get(aspect, "indicators")->items[0];
    (void)pk_path_key(&f->dec, "aspects");
    (void)pk_path_index(&f->dec, 2);
    (void)pk_path_key(&f->dec, "indicators");
    (void)pk_path_index(&f->dec, 0);

    rc = pk_fields(&f->dec, ind, indicator_fields, N_ELEMS(indicator_fields), vals);
    assert_int_equal(rc, PEKPPP_EINVALID);
    assert_int_equal(f->rec.count, 2);
    expect_diag(f, 0, 7, 9, "aspects[2].indicators[0].wieght",
                "unknown key 'wieght': did you mean 'weight'?");
    /* the required key is missing too: reported at the mapping */
    expect_diag(f, 1, 6, 9, "aspects[2].indicators[0]", "missing required key 'weight'");
    /* the path is back where it was */
    assert_string_equal(f->dec.path, "aspects[2].indicators[0]");
    /* known keys still get their values */
    assert_true(pk_scalar_is(vals[0], "x"));
    assert_null(vals[1]);
    assert_null(vals[2]);
    assert_null(vals[3]);
    /* the report keeps the first error */
    assert_int_equal(f->rep.errors, 2);
    assert_string_equal(f->first.message, "unknown key 'wieght': did you mean 'weight'?");
}

static void test_fields__names_an_unknown_key_without_a_hint_when_nothing_is_close(void **state)
{
    fixture *f = *state;
    const pk_node *root = load(f, "id: x\nweight: 5\ncolour: red\n");
    const pk_node *vals[N_ELEMS(indicator_fields)];
    assert_int_equal(pk_fields(&f->dec, root, indicator_fields, N_ELEMS(indicator_fields), vals),
                     PEKPPP_EINVALID);
    assert_int_equal(f->rec.count, 1);
    expect_diag(f, 0, 3, 1, "colour", "unknown key 'colour'");
    assert_true(pk_scalar_is(vals[2], "5"));
}

static void test_fields__accepts_known_keys_in_any_order(void **state)
{
    fixture *f = *state;
    const pk_node *root = load(f, "weight: 17\nlevels: [a, b]\nid: x\n");
    const pk_node *vals[N_ELEMS(indicator_fields)];
    assert_int_equal(pk_fields(&f->dec, root, indicator_fields, N_ELEMS(indicator_fields), vals),
                     0);
    assert_int_equal(f->rec.count, 0);
    assert_true(pk_scalar_is(vals[0], "x"));
    assert_null(vals[1]);
    assert_true(pk_scalar_is(vals[2], "17"));
    assert_int_equal(vals[3]->kind, PK_SEQ);
}

static void test_fields__reports_every_missing_required_key(void **state)
{
    fixture *f = *state;
    const pk_node *root = load(f, "\n  name: n\n");
    const pk_node *vals[N_ELEMS(indicator_fields)];
    assert_int_equal(pk_fields(&f->dec, root, indicator_fields, N_ELEMS(indicator_fields), vals),
                     PEKPPP_EINVALID);
    assert_int_equal(f->rec.count, 2);
    expect_diag(f, 0, 2, 3, "", "missing required key 'id'");
    expect_diag(f, 1, 2, 3, "", "missing required key 'weight'");
}

static void test_fields__wants_a_mapping(void **state)
{
    fixture *f = *state;
    const pk_node *root = load(f, "indicators: [x]\n"), *vals[N_ELEMS(indicator_fields)];
    (void)pk_path_key(&f->dec, "indicators");
    assert_int_equal(pk_fields(&f->dec, pk_map_get(root, "indicators")->items[0],
                               indicator_fields, N_ELEMS(indicator_fields), vals),
                     PEKPPP_EINVALID);
    assert_int_equal(f->rec.count, 1);
    expect_diag(f, 0, 1, 14, "indicators", "expected a mapping (key: value), got 'x'");
    assert_null(vals[0]);
    assert_null(vals[2]);
}

static const char *const known_names[] = {
    "weight", "id", "name", "indicators", "levels", "evidence", "advice", "na", "ref", "code",
};

typedef struct {
    const char *word;
    const char *expected; /* NULL: no suggestion */
} nearest_case;

static const nearest_case nearest_cases[] = {
    /* case does not count */
    { "weight", "weight" },
    { "Weight", "weight" },
    { "WEIGHT", "weight" },
    { "LEVELS", "levels" },
    /* words of 5 or more letters allow 2 edits */
    { "wieght", "weight" },
    { "weigth", "weight" },
    { "wight", "weight" },
    { "weights", "weight" },
    { "levles", "levels" },
    { "levls", "levels" },
    { "indicatros", "indicators" },
    { "indicator", "indicators" },
    { "evidnce", "evidence" },
    { "advise", "advice" },
    { "wxyght", "weight" },
    { "wxyzht", NULL },      /* 3 edits */
    { "colour", NULL },
    /* words of up to 4 letters allow 1 */
    { "ide", "id" },
    { "nme", "name" },
    { "cod", "code" },
    { "rf", "ref" },
    { "coed", NULL },        /* 2 edits from "code" */
    { "nmae", NULL },
    { "wt", NULL },
    { "xyz", NULL },
    { "", NULL },
};

static void test_nearest__suggests_only_close_names(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < N_ELEMS(nearest_cases); i++) {
        const char *got = pk_nearest(nearest_cases[i].word, known_names, N_ELEMS(known_names));
        const char *want = nearest_cases[i].expected;
        if ((got == NULL) != (want == NULL) || (got && strcmp(got, want) != 0))
            fail_msg("pk_nearest(\"%s\") = %s, expected %s", nearest_cases[i].word,
                     got ? got : "NULL", want ? want : "NULL");
    }
    assert_null(pk_nearest("weight", known_names, 0));
}

/* ------------------------------------------------------------------------ */
/* typed getters                                                            */

static const char values_text[] = "quoted: '24'\n"
                                  "dquoted: \"4.5\"\n"
                                  "comma: 4,5\n"
                                  "places: 3.00001\n"
                                  "leading: 010\n"
                                  "big: 1234567890123\n"
                                  "negative: -1.5\n"
                                  "minus_one: -1\n"
                                  "decimal: 12.5\n"
                                  "small: 0.0408\n"
                                  "whole: 4\n"
                                  "seven: 7\n"
                                  "half: 4.5\n"
                                  "hex: 0x10\n"
                                  "exponent: 1e3\n"
                                  "infinity: .inf\n"
                                  "tagged: !!str 24\n"
                                  "list: [1]\n"
                                  "map: {a: 1}\n"
                                  "yes_word: yes\n"
                                  "on_word: on\n"
                                  "true_word: true\n"
                                  "false_word: false\n"
                                  "quoted_true: 'true'\n";

typedef struct {
    const char *key;
    const char *message; /* NULL: accepted */
    int64_t value;       /* when accepted */
} getter_case;

/* pk_get_dec with 4 places, negatives not allowed */
static const getter_case dec_cases[] = {
    { "decimal", NULL, 125000 },
    { "small", NULL, 408 },
    { "whole", NULL, 40000 },
    { "quoted", "expected a number, got the quoted text '24' (write it without quotes)", 0 },
    { "dquoted", "expected a number, got the quoted text '4.5' (write it without quotes)", 0 },
    { "tagged", "expected a number, got the quoted text '24' (write it without quotes)", 0 },
    { "comma", "expected a number, got '4,5': use a decimal point, not a comma", 0 },
    { "places", "expected a number with at most 4 decimal places, got '3.00001'", 0 },
    { "leading", "expected a number, got '010': a leading zero is not allowed", 0 },
    { "big", "expected a number, got '1234567890123': too large", 0 },
    { "negative", "expected a number, got '-1.5'", 0 },
    { "hex", "expected a number, got '0x10'", 0 },
    { "exponent", "expected a number, got '1e3'", 0 },
    { "infinity", "expected a number, got '.inf'", 0 },
    { "list", "expected a number, got a list", 0 },
    { "map", "expected a number, got a mapping", 0 },
};

/* pk_get_int in [0, 5] */
static const getter_case int_cases[] = {
    { "whole", NULL, 4 },
    { "quoted", "expected a whole number, got the quoted text '24' (write it without quotes)", 0 },
    { "half", "expected a whole number, got '4.5'", 0 },
    { "seven", "expected a whole number from 0 to 5, got '7'", 0 },
    { "minus_one", "expected a whole number from 0 to 5, got '-1'", 0 },
    { "leading", "expected a whole number, got '010': a leading zero is not allowed", 0 },
    { "big", "expected a whole number, got '1234567890123': too large", 0 },
    { "exponent", "expected a whole number, got '1e3'", 0 },
    { "list", "expected a whole number, got a list", 0 },
};

/* pk_get_bool: YAML 1.1's yes/on are not booleans here */
static const getter_case bool_cases[] = {
    { "true_word", NULL, 1 },
    { "false_word", NULL, 0 },
    { "yes_word", "expected true or false, got 'yes'", 0 },
    { "on_word", "expected true or false, got 'on'", 0 },
    { "whole", "expected true or false, got '4'", 0 },
    { "map", "expected true or false, got a mapping", 0 },
    { "quoted_true", "expected true or false, got the quoted text 'true' (write it without quotes)",
      0 },
};

typedef enum { GET_DEC, GET_INT, GET_BOOL } getter;

/* Run one getter over a table; each error must be the only new diagnostic,
 * at the value's line:column, naming the key as its path. */
static void check_getter(fixture *f, getter g, const getter_case *cases, size_t n)
{
    const pk_node *root = load(f, values_text);
    size_t i;
    int wrong = 0;
    for (i = 0; i < n; i++) {
        const pk_node *v = pk_map_get(root, cases[i].key);
        int before = f->rec.count, rc = 0;
        int64_t got = -777;
        size_t mark;
        assert_non_null(v);
        mark = pk_path_key(&f->dec, cases[i].key);
        switch (g) {
        case GET_DEC:
            rc = pk_get_dec(&f->dec, v, 4, false, &got);
            break;
        case GET_INT: {
            long l = -777;
            rc = pk_get_int(&f->dec, v, 0, 5, &l);
            got = l;
            break;
        }
        case GET_BOOL: {
            bool b = false;
            rc = pk_get_bool(&f->dec, v, &b);
            got = b;
            break;
        }
        }
        pk_path_pop(&f->dec, mark);
        if (!cases[i].message) {
            if (rc != 0 || got != cases[i].value || f->rec.count != before) {
                print_error("%s: rc %d, value %lld, expected %lld\n", cases[i].key, rc,
                            (long long)got, (long long)cases[i].value);
                wrong++;
            }
            continue;
        }
        if (rc != PEKPPP_EINVALID || f->rec.count != before + 1) {
            print_error("%s: rc %d with %d new diagnostics\n", cases[i].key, rc,
                        f->rec.count - before);
            wrong++;
            continue;
        }
        {
            const pekppp_error *d = &f->rec.seen[before < MAX_SEEN ? before : MAX_SEEN - 1];
            if (strcmp(d->message, cases[i].message) != 0 || d->line != v->line ||
                d->column != v->col || strcmp(d->path, cases[i].key) != 0 ||
                d->code != PEKPPP_EINVALID) {
                print_error("%s: %u:%u [%s] '%s'\n   expected %u:%u [%s] '%s'\n", cases[i].key,
                            d->line, d->column, d->path, d->message, v->line, v->col,
                            cases[i].key, cases[i].message);
                wrong++;
            }
        }
        /* keep the recorder from filling up */
        f->rec.count = 0;
    }
    assert_int_equal(wrong, 0);
}

static void test_get_dec__explains_each_rejected_number(void **state)
{
    check_getter(*state, GET_DEC, dec_cases, N_ELEMS(dec_cases));
}

static void test_get_int__explains_each_rejected_number(void **state)
{
    check_getter(*state, GET_INT, int_cases, N_ELEMS(int_cases));
}

static void test_get_bool__accepts_only_true_and_false(void **state)
{
    check_getter(*state, GET_BOOL, bool_cases, N_ELEMS(bool_cases));
}

static void test_get_dec__accepts_negatives_only_when_asked(void **state)
{
    fixture *f = *state;
    const pk_node *root = load(f, values_text);
    int64_t v = 0;
    assert_int_equal(pk_get_dec(&f->dec, pk_map_get(root, "negative"), 4, true, &v), 0);
    assert_int_equal(v, -15000);
    assert_int_equal(pk_get_dec(&f->dec, pk_map_get(root, "small"), 2, false, &v),
                     PEKPPP_EINVALID);
    assert_int_equal(f->rec.count, 1);
    expect_diag(f, 0, 10, 8, "", "expected a number with at most 2 decimal places, got '0.0408'");
}

static void test_get_text__copies_text_and_rejects_empty_values(void **state)
{
    fixture *f = *state;
    const pk_node *root = load(f, "name: Puskesmas\nempty:\nnull_word: null\nquoted_null: 'null'\n"
                                  "evidence: [a, \"b\", ~, [c]]\n");
    const char *s = NULL;
    const char *const *list = NULL;
    size_t count = 0, mark;

    assert_int_equal(pk_get_text(&f->dec, pk_map_get(root, "name"), &s), 0);
    assert_string_equal(s, "Puskesmas");
    assert_ptr_not_equal(s, pk_map_get(root, "name")->str); /* copied into the arena */
    assert_int_equal(pk_get_text(&f->dec, pk_map_get(root, "quoted_null"), &s), 0);
    assert_string_equal(s, "null");
    s = "untouched";
    assert_int_equal(pk_get_text(&f->dec, NULL, &s), 0);
    assert_string_equal(s, "untouched");

    assert_int_equal(pk_get_text(&f->dec, pk_map_get(root, "empty"), &s), PEKPPP_EINVALID);
    assert_int_equal(pk_get_text(&f->dec, pk_map_get(root, "null_word"), &s), PEKPPP_EINVALID);
    assert_int_equal(f->rec.count, 2);
    assert_string_equal(f->rec.seen[0].message, "expected text, got an empty value");
    assert_int_equal(f->rec.seen[1].line, 3);
    assert_int_equal(f->rec.seen[1].column, 12);
    f->rec.count = 0;

    /* a list names the index of each bad item in the path */
    mark = pk_path_key(&f->dec, "evidence");
    assert_int_equal(pk_get_text_list(&f->dec, pk_map_get(root, "evidence"), &list, &count),
                     PEKPPP_EINVALID);
    pk_path_pop(&f->dec, mark);
    assert_int_equal(count, 4);
    assert_string_equal(list[0], "a");
    assert_string_equal(list[1], "b");
    assert_null(list[4]);
    assert_int_equal(f->rec.count, 2);
    expect_diag(f, 0, 5, 20, "evidence[2]", "expected text, got an empty value");
    expect_diag(f, 1, 5, 23, "evidence[3]", "expected text, got a list");
}

/* Whether @p s is well-formed UTF-8 (no overlong or surrogate checks needed here). */
static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int extra = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2
                  : (*p & 0xF8) == 0xF0 ? 3 : -1;
        if (extra < 0)
            return 0;
        p++;
        while (extra-- > 0) {
            if ((*p & 0xC0) != 0x80)
                return 0;
            p++;
        }
    }
    return 1;
}

static void test_show__cuts_long_text_at_a_character_boundary(void **state)
{
    fixture *f = *state;
    char text[128], buf[64];
    const pk_node *root;
    /* 39 ASCII bytes, then "é" across the 40-byte cut */
    memcpy(text, "a: ", 3);
    memset(text + 3, 'x', 39);
    memcpy(text + 42, "\xc3\xa9yyyy\n", 8);
    text[50] = '\0';
    root = load(f, text);
    pk_show(pk_map_get(root, "a"), buf, sizeof(buf));
    assert_int_equal(buf[0], '\'');
    assert_memory_equal(buf + 1, text + 3, 39);
    assert_true(strlen(buf) > 4 && strcmp(buf + strlen(buf) - 4, "...'") == 0);
    assert_true(valid_utf8(buf));

    /* short text is shown whole */
    pk_doc_free(&f->doc);
    root = load(f, "a: short\n");
    assert_string_equal(pk_show(pk_map_get(root, "a"), buf, sizeof(buf)), "'short'");
    assert_string_equal(pk_show(NULL, buf, sizeof(buf)), "nothing");
}

/* ------------------------------------------------------------------------ */
/* the report behind the messages                                           */

static void test_report__keeps_the_first_error_and_counts_warnings(void **state)
{
    fixture *f = *state;
    const pk_node *root = load(f, "a: 1\nb: 2\n");
    size_t mark = pk_path_key(&f->dec, "a");
    pk_warn(&f->dec, pk_map_get(root, "a"), PK_R_OTHER, "a level text repeats another");
    pk_err(&f->dec, pk_map_get(root, "a"), PEKPPP_EINVALID, PK_R_OTHER, "first %d", 1);
    pk_path_pop(&f->dec, mark);
    pk_err(&f->dec, NULL, PEKPPP_ERANGE, PK_R_OTHER, "second");

    assert_int_equal(f->rep.errors, 2);
    assert_int_equal(f->rep.warnings, 1);
    assert_int_equal(f->rep.first_code, PEKPPP_EINVALID);
    assert_int_equal(f->rec.count, 3);
    assert_int_equal(f->rec.seen[0].severity, PEKPPP_SEV_WARNING);
    assert_int_equal(f->rec.seen[0].code, 0);
    assert_string_equal(f->rec.seen[0].path, "a");
    /* the first error, not the warning, is kept */
    assert_string_equal(f->first.message, "first 1");
    assert_int_equal(f->first.code, PEKPPP_EINVALID);
    assert_int_equal(f->first.line, 1);
    assert_int_equal(f->first.column, 4);
    assert_string_equal(f->first.path, "a");
    /* no node: no place */
    assert_int_equal(f->rec.seen[2].line, 0);
    assert_int_equal(f->rec.seen[2].column, 0);
    assert_string_equal(f->rec.seen[2].path, "");
    assert_int_equal(f->rec.seen[2].code, PEKPPP_ERANGE);
}

static void test_report__cuts_a_long_message_to_its_buffer(void **state)
{
    fixture *f = *state;
    char longer[1000];
    memset(longer, 'm', sizeof(longer) - 1);
    longer[sizeof(longer) - 1] = '\0';
    pk_diag(&f->rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL, PK_R_OTHER, "%s", longer);
    assert_int_equal(f->rec.count, 1);
    assert_int_equal(strlen(f->rec.seen[0].message), sizeof(f->rec.seen[0].message) - 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_path__builds_a_nested_path_and_pops_back, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_path__truncates_instead_of_overflowing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_fields__names_an_unknown_key_with_a_hint_and_its_path, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_fields__names_an_unknown_key_without_a_hint_when_nothing_is_close, setup,
            teardown),
        cmocka_unit_test_setup_teardown(test_fields__accepts_known_keys_in_any_order, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_fields__reports_every_missing_required_key, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_fields__wants_a_mapping, setup, teardown),
        cmocka_unit_test(test_nearest__suggests_only_close_names),
        cmocka_unit_test_setup_teardown(test_get_dec__explains_each_rejected_number, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_get_int__explains_each_rejected_number, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_get_bool__accepts_only_true_and_false, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_get_dec__accepts_negatives_only_when_asked, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_get_text__copies_text_and_rejects_empty_values,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_show__cuts_long_text_at_a_character_boundary, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_report__keeps_the_first_error_and_counts_warnings,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_report__cuts_a_long_message_to_its_buffer, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
