/*
 * The diagnostics' Indonesian catalogue (src/lib/diag_msg.c): every pair has
 * the same printf conversions in the same order, every diagnostic format in
 * the library's sources has a pair, and rendering gives the expected text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <dirent.h>

#include "pekppp.h"
#include "diag.h"
#include "diag_msg.h"

/* The conversions of a format, e.g. "%s|%d|%.*s|", into @p out. */
static void conversions(const char *f, char *out, size_t size)
{
    size_t len = 0;
    out[0] = '\0';
    for (; *f; f++) {
        size_t n;
        if (*f != '%')
            continue;
        if (f[1] == '%') {
            f++;
            continue;
        }
        n = strcspn(f + 1, "diucxXosp") + 2;
        assert_true(len + n + 1 < size);
        memcpy(out + len, f, n);
        len += n;
        out[len++] = '|';
        out[len] = '\0';
        f += n - 1;
    }
}

static void test_diag_msg__every_pair_has_the_same_conversions_in_order(void **state)
{
    size_t i, j;
    (void)state;
    assert_true(pk_diag_msg_count() > 100);
    for (i = 0; i < pk_diag_msg_count(); i++) {
        const char *en = pk_diag_msg_en(i), *id = pk_diag_msg_id(i);
        char a[128], b[128];
        conversions(en, a, sizeof(a));
        conversions(id, b, sizeof(b));
        if (strcmp(a, b) != 0)
            fail_msg("conversions differ: \"%s\" (%s) vs \"%s\" (%s)", en, a, id, b);
        /* Only conversions the renderer supports (it would read the wrong
         * arguments after any other), one line, no trailing period, and
         * really translated. */
        if (!pk_diag_format_supported(en) || !pk_diag_format_supported(id))
            fail_msg("a conversion the renderer does not support: \"%s\"", en);
        assert_null(strchr(id, '\n'));
        assert_true(id[0] != '\0' && id[strlen(id) - 1] != '.');
        if (strcmp(en, id) == 0 && strcmp(en, "%s") != 0)
            fail_msg("not translated: \"%s\"", en);
        for (j = 0; j < i; j++)
            if (strcmp(en, pk_diag_msg_en(j)) == 0)
                fail_msg("listed twice: \"%s\"", en);
    }
}

/* ------------------------------------------------------------------------ */
/* Every format in the sources has a pair                                   */

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

/* After "name(", skip to argument @p pos and gather its string literals
 * (adjacent literals join); returns 0 when the argument is not only
 * literals (a variable or a choice: checked by the sweep in test_rules). */
static int format_arg(const char *p, int pos, char *out, size_t size)
{
    int depth = 1, arg = 0, only_literals = 1, any = 0;
    size_t len = 0;
    out[0] = '\0';
    for (; *p && depth > 0; p++) {
        if (*p == '"') {
            for (p++; *p && *p != '"'; p++) {
                char c = *p;
                if (c == '\\') {
                    p++;
                    c = *p == 'n' ? '\n' : *p;
                }
                if (arg == pos && len + 1 < size)
                    out[len++] = c;
            }
            if (arg == pos)
                any = 1;
            continue;
        }
        if (*p == '(' || *p == '[' || *p == '{')
            depth++;
        else if (*p == ')' || *p == ']' || *p == '}')
            depth--;
        else if (*p == ',' && depth == 1)
            arg++;
        else if (arg == pos && !strchr(" \t\r\n", *p))
            only_literals = 0;
    }
    out[len] = '\0';
    return any && only_literals;
}

static void test_diag_msg__every_format_in_the_sources_is_translated(void **state)
{
    static const struct {
        const char *name;
        int pos;
    } calls[] = { { "pk_err(", 4 }, { "pk_warn(", 3 }, { "pk_diag(", 7 } };
    const char *dir = PEKPPP_SOURCE_DIR "/src/lib";
    DIR *d = opendir(dir);
    struct dirent *e;
    int found = 0;
    (void)state;
    assert_non_null(d);
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name), k;
        char path[1024], *src;
        if (n < 3 || strcmp(e->d_name + n - 2, ".c") != 0)
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        src = read_all(path);
        for (k = 0; k < sizeof(calls) / sizeof(calls[0]); k++) {
            const char *p = src;
            while ((p = strstr(p, calls[k].name)) != NULL) {
                const char *line = p;
                char fmt[600];
                p += strlen(calls[k].name);
                while (line > src && line[-1] != '\n')
                    line--;
                /* Skip the declarations and definitions themselves. */
                if (strncmp(line, "void ", 5) == 0 || strncmp(line, "static ", 7) == 0)
                    continue;
                if (!format_arg(p, calls[k].pos, fmt, sizeof(fmt)))
                    continue;
                found++;
                if (!pk_diag_format_id(fmt, NULL))
                    fail_msg("%s: no Indonesian for \"%s\"", e->d_name, fmt);
            }
        }
        free(src);
    }
    closedir(d);
    /* The scan must have found the library's diagnostics. */
    assert_true(found > 150);
}

/* ------------------------------------------------------------------------ */
/* Rendering                                                                */

static pekppp_error last;

static void keep(const pekppp_error *d, void *payload)
{
    (void)payload;
    last = *d;
}

static void test_diag_msg__a_diagnostic_carries_both_languages(void **state)
{
    pk_report rep;
    (void)state;
    pk_report_init(&rep, "u.yaml", keep, NULL, NULL);
    pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 3, 5, "answers", PK_R_UNIT_UNKNOWN_INDICATOR,
            "rubric '%s' has no indicator '%s'", "pekppp-2022-luring", "99.z");
    assert_string_equal(last.message, "rubric 'pekppp-2022-luring' has no indicator '99.z'");
    assert_true(last.message_id[0] != '\0');
    assert_non_null(strstr(last.message_id, "'pekppp-2022-luring'"));
    assert_non_null(strstr(last.message_id, "'99.z'"));
    assert_string_equal(pekppp_error_message(&last, PEKPPP_LANG_EN), last.message);
    assert_string_equal(pekppp_error_message(&last, PEKPPP_LANG_ID), last.message_id);
    /* %.*s, %zu and %ld take their arguments in order. */
    pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL, PK_R_UNIT_LEVEL,
            "level %.*s of '%s' is outside the scale %d to %d", 2, "77xyz", "1.a", 0, 5);
    assert_string_equal(last.message, "level 77 of '1.a' is outside the scale 0 to 5");
    assert_non_null(strstr(last.message_id, "77"));
    assert_null(strstr(last.message_id, "77x"));
    assert_non_null(strstr(last.message_id, "'1.a'"));
    pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL, PK_R_UNIT_ROW,
            "this row has %zu cells, the header has %zu", (size_t)3, (size_t)12);
    assert_non_null(strstr(last.message_id, "3"));
    assert_non_null(strstr(last.message_id, "12"));
}

/* An English phrase is translated only where the catalogue marks a phrase
 * argument; anywhere else it is data and stays. */
static void test_diag_msg__phrases_are_translated_only_where_marked(void **state)
{
    pk_report rep;
    (void)state;
    pk_report_init(&rep, "u.yaml", keep, NULL, NULL);
    pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL, PK_R_SCHEMA_TYPE,
            "expected %s, got %s", "a number", "a list");
    assert_string_equal(last.message, "expected a number, got a list");
    assert_null(strstr(last.message_id, "a number"));
    assert_null(strstr(last.message_id, "a list"));
    pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL, PK_R_UNIT_UNKNOWN_INDICATOR,
            "rubric '%s' has no indicator '%s'", "a list", "a number");
    assert_non_null(strstr(last.message_id, "'a list'"));
    assert_non_null(strstr(last.message_id, "'a number'"));
    /* A phrase naming something quoted after it keeps the name. */
    pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL, PK_R_RUBRIC_WEIGHT_SUM,
            "%s sum to %s, not exactly 100 (or set 'normalise: true' to divide by the sum)",
            "the indicator weights of aspect 'layanan'", "99");
    assert_null(strstr(last.message_id, "the indicator weights"));
    assert_non_null(strstr(last.message_id, "'layanan'"));
    assert_non_null(strstr(last.message_id, "99"));
    /* Unquoted data that reads like a phrase: an alias name, a path. */
    pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL,
            PK_R_YAML_ALIAS, "alias '*%s' refers to no earlier complete anchor", "list");
    assert_non_null(strstr(last.message_id, "'*list'"));
    pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL, PK_R_UNIT_DUPLICATE_ID,
            "unit id '%s' was already used by %s: this unit is left out", "u1", "nothing");
    assert_non_null(strstr(last.message_id, " nothing"));
    pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL,
            PK_R_RUBRIC_PROVISIONAL, "this rubric is provisional: %s", "a list");
    assert_non_null(strstr(last.message_id, ": a list"));
    /* A marked argument that is not a known phrase stays as it is. */
    pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL, PK_R_SCHEMA_TYPE,
            "expected %s, got %s", "a number", "'abc'");
    assert_non_null(strstr(last.message_id, "'abc'"));
    /* A message the catalogue does not know keeps only the English. */
    pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL, PK_R_OTHER, "%.500s",
            "dari pemanggil");
    assert_string_equal(last.message, "dari pemanggil");
    assert_string_equal(last.message_id, "");
    assert_string_equal(pekppp_error_message(&last, PEKPPP_LANG_ID), "dari pemanggil");
}

/* A message cut to fit its 512 bytes never ends inside a UTF-8 character. */
static void test_diag_msg__a_cut_message_stays_valid_utf8(void **state)
{
    char text[700];
    pk_report rep;
    size_t i;
    (void)state;
    for (i = 0; i + 2 < sizeof(text); i += 2)
        memcpy(text + i, "\xc3\xa9", 2); /* é, two bytes each */
    text[i] = '\0';
    pk_report_init(&rep, "u.yaml", keep, NULL, NULL);
    pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL, PK_R_OTHER, "%s", text);
    /* 511 bytes would fit: 255 whole characters and half of one. */
    assert_int_equal(strlen(last.message), 510);
    assert_int_equal(strlen(last.message_id), 510);
}

/* The renderer refuses what it cannot read safely, instead of guessing. */
static void test_diag_msg__unsupported_conversions_render_nothing(void **state)
{
    (void)state;
    assert_true(pk_diag_format_supported("%s %d %u %ld %zu %.*s %.500s %% %x %-5s %*d"));
    assert_false(pk_diag_format_supported("%lld"));
    assert_false(pk_diag_format_supported("%f"));
    assert_false(pk_diag_format_supported("%p"));
    assert_false(pk_diag_format_supported("%hhd"));
    assert_false(pk_diag_format_supported("trailing %"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diag_msg__every_pair_has_the_same_conversions_in_order),
        cmocka_unit_test(test_diag_msg__every_format_in_the_sources_is_translated),
        cmocka_unit_test(test_diag_msg__a_diagnostic_carries_both_languages),
        cmocka_unit_test(test_diag_msg__phrases_are_translated_only_where_marked),
        cmocka_unit_test(test_diag_msg__unsupported_conversions_render_nothing),
        cmocka_unit_test(test_diag_msg__a_cut_message_stays_valid_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
