/*
 * Unit tests for yaml_tree.c: libyaml events -> pk_node tree.
 *
 * Every test parses an in-memory string with a pk_report whose callback
 * records each diagnostic, then checks the return code and the exact message,
 * line and column (1-based) of what was reported.  The rules come from
 * FORMATS.md ("Rules that hold for every input format") and the limits of
 * pekppp/common.h.  Hostile inputs (deep nesting, an alias bomb, a huge
 * scalar) are generated here rather than stored as fixtures.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "pekppp/common.h"
#include "sha256.h"
#include "yaml_tree.h"

#include "recorder.h"

typedef struct {
    recorder rec;
    pk_report rep;
    pk_doc doc;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof(*f));
    if (!f)
        return -1;
    pk_report_init(&f->rep, "t.yaml", record, &f->rec, NULL);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    pk_doc_free(&f->doc);
    free(f);
    return 0;
}

/* Forget the last parse and its diagnostics, to parse again with @p f. */
static void reset(fixture *f)
{
    pk_doc_free(&f->doc);
    memset(&f->rec, 0, sizeof(f->rec));
    pk_report_init(&f->rep, "t.yaml", record, &f->rec, NULL);
}

static int parse_n(fixture *f, const char *data, size_t len)
{
    return pk_doc_parse(&f->doc, data, len, &f->rep);
}

static int parse(fixture *f, const char *text)
{
    return parse_n(f, text, strlen(text));
}

/* Assert that diagnostic @p i is an error with this code, place and text. */
static void expect_diag(const fixture *f, int i, int code, unsigned line, unsigned col,
                        const char *message)
{
    const pekppp_error *d;
    assert_true(i < f->rec.count && i < MAX_SEEN);
    d = &f->rec.seen[i];
    assert_string_equal(d->message, message);
    assert_int_equal(d->code, code);
    assert_int_equal(d->severity, PEKPPP_SEV_ERROR);
    assert_int_equal(d->line, line);
    assert_int_equal(d->column, col);
    assert_string_equal(d->file, "t.yaml");
}

/* Assert a failed parse with exactly one diagnostic. */
static void expect_one_error(fixture *f, const char *text, int code, unsigned line, unsigned col,
                             const char *message)
{
    int rc = parse(f, text);
    assert_int_equal(rc, code);
    assert_null(f->doc.root);
    assert_int_equal(f->rec.count, 1);
    expect_diag(f, 0, code, line, col, message);
    assert_int_equal(f->rep.errors, 1);
}

/* Assert a parse whose one error is a repeated key: the tree is kept for
 * the loaders, with the repeat dropped.  Returns the root. */
static const pk_node *expect_duplicate_dropped(fixture *f, const char *text, unsigned line,
                                               unsigned col, const char *message)
{
    assert_int_equal(parse(f, text), PEKPPP_EINVALID);
    assert_non_null(f->doc.root);
    assert_int_equal(f->rec.count, 1);
    expect_diag(f, 0, PEKPPP_EINVALID, line, col, message);
    assert_int_equal(f->rep.errors, 1);
    return f->doc.root;
}

/* Malloc'd text of @p n copies of @p open, then @p n of @p close. */
static char *nested(size_t n, char open, char close)
{
    char *s = malloc(2 * n + 1);
    assert_non_null(s);
    memset(s, open, n);
    memset(s + n, close, n);
    s[2 * n] = '\0';
    return s;
}

/* ------------------------------------------------------------------------ */

static void test_parse__builds_a_tree_with_1_based_positions(void **state)
{
    fixture *f = *state;
    static const char text[] = "name: Puskesmas\n"
                               "unit:\n"
                               "  id: 'x-1'\n"
                               "  items: [a, \"b\"]\n";
    const pk_node *root, *unit, *id, *items;
    char sha[65];

    assert_int_equal(parse(f, text), 0);
    assert_int_equal(f->rec.count, 0);
    root = f->doc.root;
    assert_non_null(root);
    assert_int_equal(root->kind, PK_MAP);
    assert_int_equal(root->count, 2);
    assert_int_equal(root->line, 1);
    assert_int_equal(root->col, 1);

    assert_true(pk_scalar_is(pk_map_get(root, "name"), "Puskesmas"));
    assert_int_equal(pk_map_get(root, "name")->plain, 1);
    assert_int_equal(pk_map_get(root, "name")->col, 7);

    unit = pk_map_get(root, "unit");
    assert_non_null(unit);
    assert_int_equal(unit->kind, PK_MAP);
    assert_int_equal(unit->line, 3);
    assert_int_equal(unit->col, 3);

    id = pk_map_get(unit, "id");
    assert_non_null(id);
    assert_int_equal(id->kind, PK_SCALAR);
    assert_string_equal(id->str, "x-1");
    assert_int_equal(id->len, 3);
    assert_int_equal(id->plain, 0);
    assert_int_equal(id->line, 3);
    assert_int_equal(id->col, 7);

    items = pk_map_get(unit, "items");
    assert_non_null(items);
    assert_int_equal(items->kind, PK_SEQ);
    assert_int_equal(items->count, 2);
    assert_int_equal(items->line, 4);
    assert_int_equal(items->col, 10);
    assert_string_equal(items->items[0]->str, "a");
    assert_int_equal(items->items[0]->plain, 1);
    assert_int_equal(items->items[0]->col, 11);
    assert_string_equal(items->items[1]->str, "b");
    assert_int_equal(items->items[1]->plain, 0);
    assert_int_equal(items->items[1]->col, 14);

    /* keys come first in a pair */
    assert_string_equal(root->items[2]->str, "unit");
    assert_ptr_equal(root->items[3], unit);
    assert_null(pk_map_get(root, "nope"));
    assert_null(pk_map_get(id, "x"));
    assert_false(pk_scalar_is(unit, "unit"));

    pk_sha256_hex(text, strlen(text), sha);
    assert_string_equal(f->doc.sha256, sha);
}

static void test_parse__reads_json_too(void **state)
{
    fixture *f = *state;
    const pk_node *v;
    assert_int_equal(parse(f, "{\"a\": [1, 2.5], \"b\": \"x\"}"), 0);
    v = pk_map_get(f->doc.root, "a");
    assert_non_null(v);
    assert_int_equal(v->kind, PK_SEQ);
    assert_string_equal(v->items[1]->str, "2.5");
    assert_int_equal(v->items[1]->plain, 1);
    assert_int_equal(pk_map_get(f->doc.root, "b")->plain, 0);
}

/* ------------------------------------------------------------------------ */
/* duplicate keys, documents, empty files                                   */

static void test_parse__rejects_a_duplicate_key_at_the_second_occurrence_and_drops_it(void **state)
{
    const pk_node *root = expect_duplicate_dropped(*state, "a: 1\nb: 2\na: 3\n", 3, 1,
                                                   "duplicate key 'a' (first at line 1)");
    /* The first value stays; the repeat is gone. */
    assert_int_equal(root->count, 2);
    assert_true(pk_scalar_is(pk_map_get(root, "a"), "1"));
    assert_true(pk_scalar_is(pk_map_get(root, "b"), "2"));
}

static void test_parse__rejects_a_duplicate_key_in_a_nested_mapping(void **state)
{
    const pk_node *root = expect_duplicate_dropped(*state, "x:\n  k: 1\n  y: 2\n  k: 3\n", 4, 3,
                                                   "duplicate key 'k' (first at line 2)");
    assert_int_equal(pk_map_get(root, "x")->count, 2);
    assert_true(pk_scalar_is(pk_map_get(pk_map_get(root, "x"), "k"), "1"));
}

/* Found by fuzzing: a syntax error after a duplicate key.  The code returned
 * is the first error's, the one the caller's error record holds. */
static void test_parse__returns_the_code_of_the_first_error(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "a: {k: 1, k: 2}\nb: [\n"), PEKPPP_EINVALID);
    assert_true(f->rec.count >= 2);
    expect_diag(f, 0, PEKPPP_EINVALID, 1, 11, "duplicate key 'k' (first at line 1)");
    assert_int_equal(f->rec.seen[1].code, PEKPPP_EPARSE);
}

static void test_parse__treats_quoted_and_plain_keys_as_the_same_key(void **state)
{
    const pk_node *root = expect_duplicate_dropped(*state, "a: 1\n'a': 2\n", 2, 1,
                                                   "duplicate key 'a' (first at line 1)");
    assert_int_equal(root->count, 1);
}

static void test_parse__reports_each_of_two_different_duplicates(void **state)
{
    fixture *f = *state;
    int i, found_a = 0, found_b = 0;
    assert_int_equal(parse(f, "b: 1\na: 2\nb: 3\na: 4\n"), PEKPPP_EINVALID);
    assert_int_equal(f->rec.count, 2);
    /* the order of the two is not part of the contract */
    for (i = 0; i < 2; i++) {
        const pekppp_error *d = &f->rec.seen[i];
        if (strcmp(d->message, "duplicate key 'b' (first at line 1)") == 0) {
            expect_diag(f, i, PEKPPP_EINVALID, 3, 1, "duplicate key 'b' (first at line 1)");
            found_b++;
        } else {
            expect_diag(f, i, PEKPPP_EINVALID, 4, 1, "duplicate key 'a' (first at line 2)");
            found_a++;
        }
    }
    assert_int_equal(found_a, 1);
    assert_int_equal(found_b, 1);
}

static void test_parse__names_the_first_line_for_every_repeat(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "a: 1\na: 2\na: 3\n"), PEKPPP_EINVALID);
    assert_int_equal(f->rec.count, 2);
    expect_diag(f, 0, PEKPPP_EINVALID, 2, 1, "duplicate key 'a' (first at line 1)");
    expect_diag(f, 1, PEKPPP_EINVALID, 3, 1, "duplicate key 'a' (first at line 1)");
}

/* Small mappings are checked pair by pair and large ones by sorting: both
 * give every repeat in file order, each with the first line of its key.
 * The same six keys, then again after 70 filler keys (the sorting path). */
static void test_parse__small_and_large_mappings_report_repeats_alike(void **state)
{
    fixture *f = *state;
    static const char head[] = "b: 1\na: 2\nb: 3\nc: 4\na: 5\nb: 6\n";
    char text[2048];
    size_t len, k;
    int pass;
    for (pass = 0; pass < 2; pass++) {
        unsigned off = pass ? 70 : 0;
        char want[3][64];
        len = 0;
        for (k = 0; pass && k < 70; k++)
            len += (size_t)snprintf(text + len, sizeof(text) - len, "f%zu: 0\n", k);
        len += (size_t)snprintf(text + len, sizeof(text) - len, "%s", head);
        assert_true(len < sizeof(text));
        reset(f);
        assert_int_equal(parse(f, text), PEKPPP_EINVALID);
        assert_int_equal(f->rec.count, 3);
        snprintf(want[0], sizeof(want[0]), "duplicate key 'b' (first at line %u)", off + 1);
        snprintf(want[1], sizeof(want[1]), "duplicate key 'a' (first at line %u)", off + 2);
        snprintf(want[2], sizeof(want[2]), "duplicate key 'b' (first at line %u)", off + 1);
        expect_diag(f, 0, PEKPPP_EINVALID, off + 3, 1, want[0]);
        expect_diag(f, 1, PEKPPP_EINVALID, off + 5, 1, want[1]);
        expect_diag(f, 2, PEKPPP_EINVALID, off + 6, 1, want[2]);
    }
}

/* An alias shares the anchored node, but the duplicate is where the alias is. */
static void test_parse__locates_a_duplicate_made_by_an_alias_key(void **state)
{
    const pk_node *root = expect_duplicate_dropped(*state, "a: &k x\nx: 1\n*k : 2\n", 3, 1,
                                                   "duplicate key 'x' (first at line 2)");
    assert_int_equal(root->count, 2);
    assert_true(pk_scalar_is(pk_map_get(root, "x"), "1"));
}

static void test_parse__allows_the_same_key_in_different_mappings(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "x: {a: 1}\ny: {a: 2}\nz: [{a: 1}, {a: 2}]\n"), 0);
    assert_int_equal(f->rec.count, 0);
}

static void test_parse__rejects_a_second_document(void **state)
{
    expect_one_error(*state, "---\na: 1\n---\nb: 2\n", PEKPPP_EINVALID, 3, 1,
                     "a second YAML document: a file holds exactly one");
}

static void test_parse__accepts_one_explicit_document(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "---\na: 1\n...\n"), 0);
    assert_int_equal(f->rec.count, 0);
    assert_true(pk_scalar_is(pk_map_get(f->doc.root, "a"), "1"));
}

static void test_parse__rejects_an_empty_file(void **state)
{
    expect_one_error(*state, "", PEKPPP_EINVALID, 1, 1, "the file is empty: expected a mapping");
}

static void test_parse__rejects_a_comment_only_file(void **state)
{
    expect_one_error(*state, "# nothing here\n\n# still nothing\n", PEKPPP_EINVALID, 1, 1,
                     "the file is empty: expected a mapping");
}

/* ------------------------------------------------------------------------ */
/* syntax and encoding                                                      */

typedef struct {
    const char *name;
    const char *text;
    unsigned line, col;
    const char *message;
} error_case;

/* libyaml's own words, located where libyaml found the problem. */
static const error_case syntax_cases[] = {
    { "tab indentation", "a:\n\tb: 1\n", 2, 1,
      "invalid YAML: found character that cannot start any token while scanning for the next "
      "token (line 2)" },
    { "unclosed double quote", "a: \"abc\nb: 1\n", 3, 1,
      "invalid YAML: found unexpected end of stream while scanning a quoted scalar (line 1)" },
    { "unclosed single quote", "a: 'abc\n", 2, 1,
      "invalid YAML: found unexpected end of stream while scanning a quoted scalar (line 1)" },
    { "bad indentation", "a:\n    b: 1\n  c: 2\n", 3, 3,
      "invalid YAML: did not find expected key while parsing a block mapping (line 1)" },
    { "value on an indented line", "a: 1\n b: 2\n", 2, 3,
      "invalid YAML: mapping values are not allowed in this context" },
};

static void test_parse__locates_syntax_errors(void **state)
{
    fixture *f = *state;
    size_t i;
    for (i = 0; i < N_ELEMS(syntax_cases); i++) {
        const error_case *c = &syntax_cases[i];
        const pekppp_error *d = &f->rec.seen[0];
        int rc;
        reset(f);
        rc = parse(f, c->text);
        if (rc != PEKPPP_EPARSE || f->rec.count != 1 || d->code != PEKPPP_EPARSE ||
            d->line != c->line || d->column != c->col || strcmp(d->message, c->message) != 0)
            fail_msg("%s: rc %d, %d diagnostics, first %u:%u '%s'", c->name, rc, f->rec.count,
                     d->line, d->column, d->message);
        assert_null(f->doc.root);
    }
}

static void test_parse__rejects_a_utf16_byte_order_mark(void **state)
{
    static const char le[] = "\xff\xfe" "a\0:\0 \0" "1\0\n\0";
    static const char be[] = "\xfe\xff" "\0a\0:\0 \0" "1\0\n";
    fixture *f = *state;
    assert_int_equal(parse_n(f, le, sizeof(le) - 1), PEKPPP_EPARSE);
    assert_int_equal(f->rec.count, 1);
    expect_diag(f, 0, PEKPPP_EPARSE, 1, 1, "the file is UTF-16: save it as UTF-8");

    reset(f);
    assert_int_equal(parse_n(f, be, sizeof(be) - 1), PEKPPP_EPARSE);
    assert_int_equal(f->rec.count, 1);
    expect_diag(f, 0, PEKPPP_EPARSE, 1, 1, "the file is UTF-16: save it as UTF-8");
}

static void test_parse__rejects_invalid_utf8_at_its_place(void **state)
{
    expect_one_error(*state, "a: \xff\n", PEKPPP_EPARSE, 1, 4,
                     "not valid text: invalid leading UTF-8 octet (the file must be UTF-8)");
}

static void test_parse__counts_columns_in_characters_not_bytes(void **state)
{
    /* "é" is two bytes but one column: the stray byte is column 11 */
    expect_one_error(*state, "key: caf\xc3\xa9 \x80\n", PEKPPP_EPARSE, 1, 11,
                     "not valid text: invalid leading UTF-8 octet (the file must be UTF-8)");
}

static void test_parse__accepts_utf8_text(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "name: \"Puskesmas Kaj\xc3\xa9n \xe2\x80\x94 I\"\n"), 0);
    assert_string_equal(pk_map_get(f->doc.root, "name")->str,
                        "Puskesmas Kaj\xc3\xa9n \xe2\x80\x94 I");
}

/* ------------------------------------------------------------------------ */
/* limits                                                                   */

static void test_parse__accepts_nesting_up_to_the_depth_limit(void **state)
{
    fixture *f = *state;
    char *text = nested(PEKPPP_MAX_DEPTH, '[', ']');
    int rc = parse(f, text);
    free(text);
    assert_int_equal(rc, 0);
    assert_int_equal(f->rec.count, 0);
}

static void test_parse__rejects_nesting_deeper_than_the_limit(void **state)
{
    fixture *f = *state;
    char *text = nested(PEKPPP_MAX_DEPTH + 1, '[', ']');
    char message[64];
    int rc = parse(f, text);
    free(text);
    snprintf(message, sizeof(message), "nesting deeper than %d levels", PEKPPP_MAX_DEPTH);
    assert_int_equal(rc, PEKPPP_ELIMIT);
    assert_null(f->doc.root);
    assert_int_equal(f->rec.count, 1);
    expect_diag(f, 0, PEKPPP_ELIMIT, 1, PEKPPP_MAX_DEPTH + 1, message);
}

static void test_parse__stops_hostile_nesting_with_one_error(void **state)
{
    fixture *f = *state;
    char *text = nested(100000, '{', '}');
    int rc = parse(f, text);
    free(text);
    assert_int_equal(rc, PEKPPP_ELIMIT);
    assert_int_equal(f->rec.count, 1);
    assert_int_equal(f->rec.seen[0].column, PEKPPP_MAX_DEPTH + 1);
}

/* "a: " followed by @p n bytes of 'x'. */
static char *long_scalar(size_t n)
{
    char *s = malloc(n + 5);
    assert_non_null(s);
    memcpy(s, "a: ", 3);
    memset(s + 3, 'x', n);
    s[n + 3] = '\n';
    s[n + 4] = '\0';
    return s;
}

static void test_parse__accepts_a_scalar_at_the_length_limit(void **state)
{
    fixture *f = *state;
    char *text = long_scalar(PEKPPP_MAX_SCALAR);
    int rc = parse(f, text);
    free(text);
    assert_int_equal(rc, 0);
    assert_int_equal(pk_map_get(f->doc.root, "a")->len, PEKPPP_MAX_SCALAR);
}

static void test_parse__rejects_a_scalar_longer_than_the_limit(void **state)
{
    fixture *f = *state;
    char *text = long_scalar(PEKPPP_MAX_SCALAR + 1);
    char message[96];
    int rc = parse(f, text);
    free(text);
    snprintf(message, sizeof(message), "text of %u bytes is longer than the limit of %u",
             PEKPPP_MAX_SCALAR + 1, PEKPPP_MAX_SCALAR);
    assert_int_equal(rc, PEKPPP_ELIMIT);
    assert_int_equal(f->rec.count, 1);
    expect_diag(f, 0, PEKPPP_ELIMIT, 1, 4, message);
}

/*
 * The billion laughs: line k+1 is "lk: &lk [*l(k-1), ... 10 times]", and l0
 * lists ten scalars, so l9 would expand to 10^10 nodes.  Each alias costs the
 * size of its target (l0 = 11 nodes, l1 = 111, l2 = 1111, l3 = 11111): levels
 * 1-3 spend 12330 of the 100000 budget, and the 8th alias of l4 (line 5,
 * column 10 + 7 x 5 = 45) goes over it.
 */
static void test_parse__stops_an_alias_bomb_early(void **state)
{
    fixture *f = *state;
    char text[2048], message[96];
    size_t pos = 0;
    int level, i, rc;
    clock_t start;

    pos += (size_t)snprintf(text + pos, sizeof(text) - pos, "l0: &l0 [");
    for (i = 0; i < 10; i++)
        pos += (size_t)snprintf(text + pos, sizeof(text) - pos, "%sx", i ? ", " : "");
    pos += (size_t)snprintf(text + pos, sizeof(text) - pos, "]\n");
    for (level = 1; level < 10; level++) {
        pos += (size_t)snprintf(text + pos, sizeof(text) - pos, "l%d: &l%d [", level, level);
        for (i = 0; i < 10; i++)
            pos += (size_t)snprintf(text + pos, sizeof(text) - pos, "%s*l%d", i ? ", " : "",
                                    level - 1);
        pos += (size_t)snprintf(text + pos, sizeof(text) - pos, "]\n");
    }
    assert_true(pos < sizeof(text) - 1);

    start = clock();
    rc = parse(f, text);
    assert_true(clock() - start < 2 * CLOCKS_PER_SEC);

    snprintf(message, sizeof(message), "aliases expand to more than %u nodes (an alias bomb?)",
             PEKPPP_MAX_ALIAS_NODES);
    assert_int_equal(rc, PEKPPP_ELIMIT);
    assert_null(f->doc.root);
    assert_int_equal(f->rec.count, 1);
    expect_diag(f, 0, PEKPPP_ELIMIT, 5, 45, message);
    /* aliases share nodes: memory stays bounded by the text, not the expansion */
    assert_true(f->doc.arena.used < 256u * 1024u);
}

static void test_parse__shares_the_node_of_a_reused_anchor(void **state)
{
    fixture *f = *state;
    const pk_node *root;
    assert_int_equal(parse(f, "base: &b {x: 1, y: [2, 3]}\n"
                              "copy: *b\n"
                              "name: &n hello\n"
                              "again: *n\n"),
                     0);
    assert_int_equal(f->rec.count, 0);
    root = f->doc.root;
    assert_non_null(pk_map_get(root, "copy"));
    assert_ptr_equal(pk_map_get(root, "copy"), pk_map_get(root, "base"));
    assert_int_equal(pk_map_get(root, "copy")->kind, PK_MAP);
    assert_true(pk_scalar_is(pk_map_get(pk_map_get(root, "copy"), "x"), "1"));
    /* A scalar reached through an alias is a copy that stands where the alias
     * does, so problems with it are reported there. */
    assert_ptr_not_equal(pk_map_get(root, "again"), pk_map_get(root, "name"));
    assert_true(pk_scalar_is(pk_map_get(root, "again"), "hello"));
    assert_int_equal(pk_map_get(root, "again")->line, 4);
    assert_int_equal(pk_map_get(root, "again")->col, 8);
}

static void test_parse__rejects_an_alias_to_an_undefined_anchor(void **state)
{
    expect_one_error(*state, "a: *nope\n", PEKPPP_EPARSE, 1, 4,
                     "alias '*nope' refers to no earlier complete anchor");
}

static void test_parse__rejects_an_alias_inside_its_own_anchor(void **state)
{
    expect_one_error(*state, "a: &x [1, *x]\n", PEKPPP_EPARSE, 1, 11,
                     "alias '*x' refers to no earlier complete anchor");
}

/* ------------------------------------------------------------------------ */
/* keys and tags                                                            */

static void test_parse__rejects_a_list_as_a_mapping_key(void **state)
{
    expect_one_error(*state, "? [a]\n: 1\n", PEKPPP_EINVALID, 1, 3,
                     "mapping keys must be plain text, not a list");
}

static void test_parse__rejects_a_mapping_as_a_mapping_key(void **state)
{
    expect_one_error(*state, "{a: 1}: 2\n", PEKPPP_EINVALID, 1, 1,
                     "mapping keys must be plain text, not a mapping");
}

static void test_parse__rejects_an_unsupported_tag(void **state)
{
    expect_one_error(*state, "a: !!int 3\n", PEKPPP_EINVALID, 1, 4,
                     "tag 'tag:yaml.org,2002:int' is not supported (only !!str is)");
}

static void test_parse__rejects_a_local_tag(void **state)
{
    expect_one_error(*state, "a: !weight 3\n", PEKPPP_EINVALID, 1, 4,
                     "tag '!weight' is not supported (only !!str is)");
}

static void test_parse__accepts_the_str_tag_as_quoted_text(void **state)
{
    fixture *f = *state;
    const pk_node *v;
    assert_int_equal(parse(f, "a: !!str 3\n"), 0);
    assert_int_equal(f->rec.count, 0);
    v = pk_map_get(f->doc.root, "a");
    assert_non_null(v);
    assert_string_equal(v->str, "3");
    /* a tagged scalar is not plain: it must not be read as a number */
    assert_int_equal(v->plain, 0);
}

/* ------------------------------------------------------------------------ */
/* pk_read_file.  A file over PEKPPP_MAX_FILE_SIZE is deliberately not     */
/* tested: writing 16 MiB to disk for it would make the suite slow.         */

static void test_read_file__reports_a_missing_file_as_not_found(void **state)
{
    fixture *f = *state;
    char *buf = (char *)1;
    size_t len = 99;
    int rc = pk_read_file(&buf, &len, "/nonexistent-pekppp-h2/missing.yaml", &f->rep);
    assert_int_equal(rc, PEKPPP_ENOTFOUND);
    assert_null(buf);
    assert_int_equal(len, 0);
    assert_int_equal(f->rec.count, 1);
    expect_diag(f, 0, PEKPPP_ENOTFOUND, 0, 0, "cannot open: No such file or directory");
}

static void test_read_file__rejects_a_directory(void **state)
{
    fixture *f = *state;
    char *buf = (char *)1;
    size_t len = 99;
    int rc = pk_read_file(&buf, &len, PEKPPP_SOURCE_DIR, &f->rep);
    assert_true(rc < 0);
    assert_int_equal(rc, PEKPPP_EIO);
    assert_null(buf);
    assert_int_equal(f->rec.count, 1);
    expect_diag(f, 0, PEKPPP_EIO, 0, 0, "is a directory, not a file");
}

static void test_read_file__reads_a_whole_file(void **state)
{
    fixture *f = *state;
    char path[] = "/tmp/pekppp-test-XXXXXX";
    static const char content[] = "a: 1\nb: [2, 3]\n";
    char *buf = NULL;
    size_t len = 0;
    int fd = mkstemp(path), rc;
    assert_true(fd >= 0);
    assert_int_equal(write(fd, content, sizeof(content) - 1), (ssize_t)(sizeof(content) - 1));
    close(fd);
    rc = pk_read_file(&buf, &len, path, &f->rep);
    unlink(path);
    assert_int_equal(rc, 0);
    assert_non_null(buf);
    assert_int_equal(len, sizeof(content) - 1);
    assert_memory_equal(buf, content, sizeof(content) - 1);
    assert_int_equal(buf[len], '\0');
    assert_int_equal(f->rec.count, 0);
    pk_free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_parse__builds_a_tree_with_1_based_positions, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_parse__reads_json_too, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_parse__rejects_a_duplicate_key_at_the_second_occurrence_and_drops_it, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse__returns_the_code_of_the_first_error, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_parse__rejects_a_duplicate_key_in_a_nested_mapping,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_parse__treats_quoted_and_plain_keys_as_the_same_key, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse__reports_each_of_two_different_duplicates,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse__small_and_large_mappings_report_repeats_alike,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse__names_the_first_line_for_every_repeat, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_parse__locates_a_duplicate_made_by_an_alias_key,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse__allows_the_same_key_in_different_mappings,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse__rejects_a_second_document, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse__accepts_one_explicit_document, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_parse__rejects_an_empty_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse__rejects_a_comment_only_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse__locates_syntax_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse__rejects_a_utf16_byte_order_mark, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_parse__rejects_invalid_utf8_at_its_place, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_parse__counts_columns_in_characters_not_bytes, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_parse__accepts_utf8_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse__accepts_nesting_up_to_the_depth_limit, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_parse__rejects_nesting_deeper_than_the_limit, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_parse__stops_hostile_nesting_with_one_error, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_parse__accepts_a_scalar_at_the_length_limit, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_parse__rejects_a_scalar_longer_than_the_limit, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_parse__stops_an_alias_bomb_early, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse__shares_the_node_of_a_reused_anchor, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_parse__rejects_an_alias_to_an_undefined_anchor,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse__rejects_an_alias_inside_its_own_anchor, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_parse__rejects_a_list_as_a_mapping_key, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_parse__rejects_a_mapping_as_a_mapping_key, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_parse__rejects_an_unsupported_tag, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse__rejects_a_local_tag, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse__accepts_the_str_tag_as_quoted_text, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_read_file__reports_a_missing_file_as_not_found,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_file__rejects_a_directory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_file__reads_a_whole_file, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
