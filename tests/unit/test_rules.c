/*
 * Lint rule ids: unique, documented in docs/lint-rules.md, each raised by
 * some check of the library, and the messages of the loaders filed under the
 * right one.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <dirent.h>
#include <sys/stat.h>

#include "pekppp.h"

/* The rule table the library is built from (src/lib/diag_rules.inc). */
static const struct {
    const char *name, *id;
} table[] = {
#define PK_RULE(name, id, text) { #name, id },
#include "diag_rules.inc"
#undef PK_RULE
};

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

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *s;
    long n;
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    rewind(f);
    s = malloc((size_t)n + 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    return s;
}

/* A rule is named where its problem is raised (pk_err, pk_warn, pk_diag
 * with PK_R_...): every rule of the table is the public list, in order, and
 * is named by at least one raise site of the library, so no documented rule
 * is dead.  A misspelt rule does not compile. */
static void test_rules__every_rule_is_raised_somewhere(void **state)
{
    const char *dir = PEKPPP_SOURCE_DIR "/src/lib";
    char *all = NULL;
    size_t len = 0, i;
    DIR *d = opendir(dir);
    struct dirent *e;
    (void)state;
    assert_int_equal(sizeof(table) / sizeof(table[0]), pekppp_rule_count());
    /* Every .c of the library but diag.c, which holds the table itself. */
    assert_non_null(d);
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name), m;
        char path[1024], *src;
        if (n < 3 || strcmp(e->d_name + n - 2, ".c") != 0 || strcmp(e->d_name, "diag.c") == 0)
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        src = read_all(path);
        m = strlen(src);
        all = realloc(all, len + m + 1);
        assert_non_null(all);
        memcpy(all + len, src, m + 1);
        len += m;
        free(src);
    }
    closedir(d);
    assert_non_null(all);
    for (i = 0; i < pekppp_rule_count(); i++) {
        char name[80];
        const char *p = all;
        size_t n;
        int used = 0;
        assert_string_equal(table[i].id, pekppp_rule_id(i));
        n = (size_t)snprintf(name, sizeof(name), "PK_R_%s", table[i].name);
        while (!used && (p = strstr(p, name)) != NULL) {
            used = !(p[n] == '_' || (p[n] >= 'A' && p[n] <= 'Z'));
            p += n;
        }
        if (!used)
            fail_msg("rule %s (%s) is raised nowhere in src/lib", table[i].id, name);
    }
    assert_string_equal(pekppp_rule_id(pekppp_rule_count() - 1), "pekppp.other");
    free(all);
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

/* Every message a loader gives for the fixtures and fuzz corpus must be
 * given in Indonesian as well as English, and filed under a real rule: a
 * raise site that names PK_R_OTHER would make its SARIF rule meaningless. */
typedef struct {
    int files, diags;
    char unfiled[1100];
    char untranslated[1100];
} sweep;

static void no_other(const pekppp_error *d, void *payload)
{
    sweep *s = payload;
    s->diags++;
    if (strcmp(d->rule, "pekppp.other") == 0 && d->code != PEKPPP_ENOMEM && !s->unfiled[0])
        snprintf(s->unfiled, sizeof(s->unfiled), "%s: %s", d->file, d->message);
    /* And each comes in Indonesian too (src/lib/diag_msg.c). */
    if (!d->message_id[0] && !s->untranslated[0])
        snprintf(s->untranslated, sizeof(s->untranslated), "%s: %s", d->file, d->message);
}

static int has_ext(const char *name)
{
    size_t n = strlen(name);
    return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
           (n > 4 && strcmp(name + n - 4, ".yml") == 0) ||
           (n > 5 && strcmp(name + n - 5, ".json") == 0) || strchr(name, '.') == NULL;
}

static void sweep_dir(sweep *s, const char *dir, const pekppp_rubric *luring, int depth)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    assert_non_null(d);
    while ((e = readdir(d)) != NULL) {
        char path[1024];
        struct stat st;
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            if (depth < 6)
                sweep_dir(s, path, luring, depth + 1);
        } else if (S_ISREG(st.st_mode) && has_ext(e->d_name) && st.st_size < (1 << 20)) {
            pekppp_load_options ro = PEKPPP_LOAD_OPTIONS_INIT;
            pekppp_assessment_options ao = PEKPPP_ASSESSMENT_OPTIONS_INIT;
            pekppp_rubric *r = NULL;
            pekppp_assessment *a = NULL;
            ro.diag = no_other;
            ro.payload = s;
            ao.diag = no_other;
            ao.payload = s;
            ao.rubric = luring;
            (void)pekppp_rubric_load_file(&r, path, &ro, NULL);
            (void)pekppp_assessment_load_file(&a, path, &ao, NULL);
            pekppp_rubric_free(r);
            pekppp_assessment_free(a);
            s->files++;
        }
    }
    closedir(d);
}

static void test_rules__no_fixture_problem_falls_back_to_other(void **state)
{
    static const char *const dirs[] = { "/tests/cli", "/tests/fixtures", "/tests/fuzz/corpus" };
    pekppp_rubric *luring = NULL;
    sweep s;
    size_t i;
    (void)state;
    memset(&s, 0, sizeof(s));
    assert_int_equal(pekppp_rubric_load_file(&luring,
                                             PEKPPP_SOURCE_DIR "/rubrics/pekppp-2022-luring.yaml",
                                             NULL, NULL), 0);
    for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
        char dir[512];
        snprintf(dir, sizeof(dir), "%s%s", PEKPPP_SOURCE_DIR, dirs[i]);
        sweep_dir(&s, dir, luring, 0);
    }
    pekppp_rubric_free(luring);
    /* The sweep must have seen a real amount of broken input. */
    assert_true(s.files > 200);
    assert_true(s.diags > 500);
    if (s.unfiled[0])
        fail_msg("filed under pekppp.other: %s", s.unfiled);
    if (s.untranslated[0])
        fail_msg("no Indonesian message: %s", s.untranslated);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules__ids_are_unique_and_documented),
        cmocka_unit_test(test_rules__every_rule_is_raised_somewhere),
        cmocka_unit_test(test_rules__problems_are_filed_under_their_check),
        cmocka_unit_test(test_rules__no_fixture_problem_falls_back_to_other),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
