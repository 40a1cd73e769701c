/*
 * Lint rule ids: unique, documented in docs/lint-rules.md, and the messages
 * of the loaders filed under the right one.
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

static void test_rules__ids_are_unique_and_documented(void **state)
{
    FILE *f = fopen(PEKPPP_SOURCE_DIR "/docs/lint-rules.md", "rb");
    char *doc;
    long n;
    size_t i, j;
    (void)state;
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    rewind(f);
    doc = malloc((size_t)n + 1);
    assert_non_null(doc);
    assert_int_equal(fread(doc, 1, (size_t)n, f), (size_t)n);
    doc[n] = '\0';
    fclose(f);
    assert_true(pekppp_rule_count() > 30);
    for (i = 0; i < pekppp_rule_count(); i++) {
        char cell[64];
        snprintf(cell, sizeof(cell), "| `%s` |", pekppp_rule_id(i));
        if (!strstr(doc, cell))
            fail_msg("rule %s is not in docs/lint-rules.md", pekppp_rule_id(i));
        assert_true(strlen(pekppp_rule_text(i)) > 10);
        for (j = 0; j < i; j++)
            assert_string_not_equal(pekppp_rule_id(i), pekppp_rule_id(j));
    }
    assert_null(pekppp_rule_id(pekppp_rule_count()));
    free(doc);
}

typedef struct {
    char rules[1024]; /* every rule reported, space-separated */
} first_rule;

static void keep_first(const pekppp_error *d, void *payload)
{
    first_rule *r = payload;
    size_t n = strlen(r->rules);
    snprintf(r->rules + n, sizeof(r->rules) - n, " %s ", d->rule);
}

/* Broken rubrics, each with a kind of problem, and the rule it must get. */
static void test_rules__problems_are_filed_under_their_check(void **state)
{
    static const struct {
        const char *text, *rule;
    } cases[] = {
        { "a: [1\n", "yaml.syntax" },
        { "a: 1\na: 2\n", "yaml.duplicate-key" },
        { "a: 1\n---\nb: 2\n", "yaml.multiple-documents" },
        { "  \n\t\n", "yaml.empty" },
        { "schema: pekppp/unit/v9\n", "schema.schema" },
        { "schema: pekppp/rubric/v1\nid: x\nversion: \"1\"\nscale: {min: 0, max: 1}\nwieght: 3\n",
          "schema.unknown-key" },
        { "schema: pekppp/rubric/v1\nid: X!\n", "rubric.id" },
        { "schema: pekppp/rubric/v1\nid: x\nversion: \"1\"\nscale: {min: 2, max: 1}\n",
          "rubric.scale" },
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        pekppp_load_options o = PEKPPP_LOAD_OPTIONS_INIT;
        pekppp_rubric *r = NULL;
        first_rule seen;
        memset(&seen, 0, sizeof(seen));
        o.diag = keep_first;
        o.payload = &seen;
        assert_true(pekppp_rubric_load_buffer(&r, cases[i].text, strlen(cases[i].text), "r.yaml",
                                              &o, NULL) < 0);
        {
            char want[64];
            snprintf(want, sizeof(want), " %s ", cases[i].rule);
            if (!strstr(seen.rules, want))
                fail_msg("case %zu: rules%s; expected %s among them", i, seen.rules,
                         cases[i].rule);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules__ids_are_unique_and_documented),
        cmocka_unit_test(test_rules__problems_are_filed_under_their_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
