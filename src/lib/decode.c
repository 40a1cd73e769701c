/*
 * Typed reading of pk_node trees; see decode.h.
 *
 * Numbers are never read through strtod: pk_get_int and pk_get_dec accept
 * only plain (unquoted) decimal text and reject what YAML 1.1 would read
 * differently (octal "010", hex, exponents, "+3", ".inf") with a message that
 * says what was expected.
 */
#include "decode.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "exact.h"

void pk_dec_init(pk_dec *d, pk_report *rep, pk_arena *arena)
{
    memset(d, 0, sizeof(*d));
    d->rep = rep;
    d->arena = arena;
}

/* Append @p s to the path, cut at the buffer's end (paths are only shown). */
static void path_append(pk_dec *d, const char *s, size_t n)
{
    size_t room = sizeof(d->path) - 1 - d->plen;
    if (n > room)
        n = room;
    memcpy(d->path + d->plen, s, n);
    d->plen += n;
    d->path[d->plen] = '\0';
}

size_t pk_path_key(pk_dec *d, const char *key)
{
    size_t old = d->plen;
    if (d->plen)
        path_append(d, ".", 1);
    path_append(d, key, strlen(key));
    return old;
}

size_t pk_path_index(pk_dec *d, size_t i)
{
    size_t old = d->plen;
    char digits[24];
    size_t n = sizeof(digits);
    digits[--n] = ']';
    do {
        digits[--n] = (char)('0' + i % 10);
        i /= 10;
    } while (i > 0);
    digits[--n] = '[';
    path_append(d, digits + n, sizeof(digits) - n);
    return old;
}

void pk_path_pop(pk_dec *d, size_t len)
{
    d->plen = len;
    d->path[len] = '\0';
}

#if defined(__GNUC__)
__attribute__((format(printf, 6, 0)))
#endif
static void vreport(pk_dec *d, const pk_node *n, int code, pekppp_severity sev, pk_rule rule,
                    const char *fmt, va_list ap)
{
    pk_diagv(d->rep, code, sev, n ? n->line : 0, n ? n->col : 0, d->path, rule, fmt, ap);
}

void pk_err(pk_dec *d, const pk_node *n, int code, pk_rule rule, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(d, n, code, PEKPPP_SEV_ERROR, rule, fmt, ap);
    va_end(ap);
}

void pk_err_text(pk_dec *d, const pk_node *n, int code, pk_rule rule, const char *en,
                 const char *id)
{
    pk_diag_text(d->rep, code, PEKPPP_SEV_ERROR, n ? n->line : 0, n ? n->col : 0, d->path, rule,
                 en, id);
}

void pk_warn(pk_dec *d, const pk_node *n, pk_rule rule, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(d, n, 0, PEKPPP_SEV_WARNING, rule, fmt, ap);
    va_end(ap);
}

const char *pk_show(const pk_node *n, char *buf, size_t size)
{
    size_t len;
    if (!n || n->kind != PK_SCALAR) {
        snprintf(buf, size, "%s", !n ? "nothing" : n->kind == PK_MAP ? "a mapping" : "a list");
        return buf;
    }
    len = n->len > 40 ? 40 : n->len;
    /* Never cut inside a UTF-8 character: messages must stay valid text. */
    while (len > 0 && len < n->len && ((unsigned char)n->str[len] & 0xC0) == 0x80)
        len--;
    snprintf(buf, size, "'%.*s%s'", (int)len, n->str, n->len > 40 ? "..." : "");
    return buf;
}

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i, j;
    size_t row[64];
    if (la >= 63 || lb >= 63)
        return 99;
    for (j = 0; j <= lb; j++)
        row[j] = j;
    for (i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = (a[i - 1] | 32) == (b[j - 1] | 32) ? 0 : 1;
            size_t best = diag + cost;
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *pk_nearest(const char *word, const char *const *names, size_t n)
{
    const char *best = NULL;
    size_t best_d = 99, i, limit = strlen(word) <= 4 ? 1 : 2;
    for (i = 0; i < n; i++) {
        size_t dist = edit_distance(word, names[i]);
        if (dist < best_d) {
            best_d = dist;
            best = names[i];
        }
    }
    return best_d <= limit ? best : NULL;
}

int pk_want_map(pk_dec *d, const pk_node *n)
{
    char buf[64];
    if (n && n->kind == PK_MAP)
        return 0;
    pk_err(d, n, PEKPPP_EINVALID, PK_R_SCHEMA_TYPE, "expected a mapping (key: value), got %s",
           pk_show(n, buf, sizeof(buf)));
    return PEKPPP_EINVALID;
}

int pk_want_seq(pk_dec *d, const pk_node *n)
{
    char buf[64];
    if (n && n->kind == PK_SEQ)
        return 0;
    pk_err(d, n, PEKPPP_EINVALID, PK_R_SCHEMA_TYPE, "expected a list, got %s",
           pk_show(n, buf, sizeof(buf)));
    return PEKPPP_EINVALID;
}

int pk_fields(pk_dec *d, const pk_node *map, const pk_field *fields, size_t nfields,
              const pk_node **vals)
{
    size_t i, j;
    int error = 0;
    const char *names[32];

    for (j = 0; j < nfields; j++)
        vals[j] = NULL;
    if (pk_want_map(d, map) < 0)
        return PEKPPP_EINVALID;
    for (j = 0; j < nfields && j < 32; j++)
        names[j] = fields[j].name;
    for (i = 0; i < map->count; i++) {
        const pk_node *k = map->items[2 * i];
        for (j = 0; j < nfields; j++)
            if (strcmp(k->str, fields[j].name) == 0)
                break;
        if (j < nfields) {
            vals[j] = map->items[2 * i + 1];
            continue;
        }
        {
            const char *near = pk_nearest(k->str, names, nfields < 32 ? nfields : 32);
            size_t old = pk_path_key(d, k->str);
            if (near)
                pk_err(d, k, PEKPPP_EINVALID, PK_R_SCHEMA_UNKNOWN_KEY,
                       "unknown key '%s': did you mean '%s'?", k->str, near);
            else
                pk_err(d, k, PEKPPP_EINVALID, PK_R_SCHEMA_UNKNOWN_KEY, "unknown key '%s'", k->str);
            pk_path_pop(d, old);
            error = PEKPPP_EINVALID;
        }
    }
    for (j = 0; j < nfields; j++) {
        if (fields[j].required && !vals[j]) {
            pk_err(d, map, PEKPPP_EINVALID, PK_R_SCHEMA_REQUIRED_KEY, "missing required key '%s'",
                   fields[j].name);
            error = PEKPPP_EINVALID;
        }
    }
    return error;
}

int pk_is_blank(const pk_node *n)
{
    return n && n->kind == PK_SCALAR && n->plain &&
           (n->len == 0 || strcmp(n->str, "~") == 0 || strcmp(n->str, "null") == 0);
}

int pk_get_text(pk_dec *d, const pk_node *n, const char **out)
{
    char buf[64];
    if (!n)
        return 0;
    if (n->kind != PK_SCALAR) {
        pk_err(d, n, PEKPPP_EINVALID, PK_R_SCHEMA_TYPE, "expected text, got %s",
               pk_show(n, buf, sizeof(buf)));
        return PEKPPP_EINVALID;
    }
    if (n->plain && (n->len == 0 || strcmp(n->str, "~") == 0 || strcmp(n->str, "null") == 0)) {
        pk_err(d, n, PEKPPP_EINVALID, PK_R_SCHEMA_TYPE, "expected text, got an empty value");
        return PEKPPP_EINVALID;
    }
    if (!(*out = pk_arena_strndup(d->arena, n->str, n->len))) {
        pk_err(d, NULL, PEKPPP_ENOMEM, PK_R_OTHER, "out of memory");
        return PEKPPP_ENOMEM;
    }
    return 0;
}

/* Explain why plain text is not a number, in the words of the problem. */
static void number_error(pk_dec *d, const pk_node *n, pk_dec_status st, const char *what,
                         int places)
{
    char buf[64];
    const char *shown = pk_show(n, buf, sizeof(buf));
    if (n->kind != PK_SCALAR)
        pk_err(d, n, PEKPPP_EINVALID, PK_R_SCHEMA_TYPE, "expected %s, got %s", what, shown);
    else if (!n->plain)
        pk_err(d, n, PEKPPP_EINVALID, PK_R_SCHEMA_TYPE,
               "expected %s, got the quoted text %s (write it without quotes)", what, shown);
    else if (st == PK_DEC_PLACES)
        pk_err(d, n, PEKPPP_EINVALID, PK_R_SCHEMA_TYPE,
               "expected %s with at most %d decimal places, got %s", what, places, shown);
    else if (st == PK_DEC_LEADING0)
        pk_err(d, n, PEKPPP_EINVALID, PK_R_SCHEMA_TYPE,
               "expected %s, got %s: a leading zero is not allowed", what, shown);
    else if (st == PK_DEC_RANGE)
        pk_err(d, n, PEKPPP_EINVALID, PK_R_SCHEMA_TYPE, "expected %s, got %s: too large", what,
               shown);
    else if (memchr(n->str, ',', n->len))
        pk_err(d, n, PEKPPP_EINVALID, PK_R_SCHEMA_TYPE,
               "expected %s, got %s: use a decimal point, not a comma", what, shown);
    else
        pk_err(d, n, PEKPPP_EINVALID, PK_R_SCHEMA_TYPE, "expected %s, got %s", what, shown);
}

int pk_get_int(pk_dec *d, const pk_node *n, long min, long max, long *out)
{
    int64_t v;
    pk_dec_status st = PK_DEC_SYNTAX;
    if (!n)
        return PEKPPP_EINVALID;
    if (n->kind == PK_SCALAR && n->plain &&
        (st = pk_dec_parse(n->str, n->len, 0, 1, &v)) == PK_DEC_OK) {
        v /= 10000;
        if (v < min || v > max) {
            pk_err(d, n, PEKPPP_EINVALID, PK_R_SCHEMA_TYPE,
                   "expected a whole number from %ld to %ld, got '%s'", min, max, n->str);
            return PEKPPP_EINVALID;
        }
        *out = (long)v;
        return 0;
    }
    if (st == PK_DEC_PLACES)
        st = PK_DEC_SYNTAX;
    number_error(d, n, st, "a whole number", 0);
    return PEKPPP_EINVALID;
}

int pk_get_dec(pk_dec *d, const pk_node *n, int places, bool negative_ok, int64_t *out)
{
    pk_dec_status st = PK_DEC_SYNTAX;
    if (!n)
        return PEKPPP_EINVALID;
    if (n->kind == PK_SCALAR && n->plain &&
        (st = pk_dec_parse(n->str, n->len, places, negative_ok, out)) == PK_DEC_OK)
        return 0;
    number_error(d, n, st, "a number", places);
    return PEKPPP_EINVALID;
}

int pk_get_bool(pk_dec *d, const pk_node *n, bool *out)
{
    char buf[64];
    if (!n)
        return PEKPPP_EINVALID;
    if (n->kind == PK_SCALAR && n->plain) {
        if (strcmp(n->str, "true") == 0) {
            *out = true;
            return 0;
        }
        if (strcmp(n->str, "false") == 0) {
            *out = false;
            return 0;
        }
    }
    if (n->kind == PK_SCALAR && !n->plain)
        pk_err(d, n, PEKPPP_EINVALID, PK_R_SCHEMA_TYPE,
               "expected true or false, got the quoted text %s (write it without quotes)",
               pk_show(n, buf, sizeof(buf)));
    else
        pk_err(d, n, PEKPPP_EINVALID, PK_R_SCHEMA_TYPE, "expected true or false, got %s",
               pk_show(n, buf, sizeof(buf)));
    return PEKPPP_EINVALID;
}

int pk_get_text_list(pk_dec *d, const pk_node *n, const char *const **out, size_t *count)
{
    const char **list;
    size_t i;
    int error = 0;
    if (pk_want_seq(d, n) < 0)
        return PEKPPP_EINVALID;
    list = pk_arena_alloc(d->arena, (n->count + 1) * sizeof(*list));
    if (!list) {
        pk_err(d, NULL, PEKPPP_ENOMEM, PK_R_OTHER, "out of memory");
        return PEKPPP_ENOMEM;
    }
    for (i = 0; i < n->count; i++) {
        size_t old = pk_path_index(d, i);
        list[i] = NULL;
        if (pk_get_text(d, n->items[i], &list[i]) < 0)
            error = PEKPPP_EINVALID;
        pk_path_pop(d, old);
    }
    list[n->count] = NULL;
    *out = list;
    *count = n->count;
    return error;
}
