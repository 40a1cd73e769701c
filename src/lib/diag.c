/* Problem collection; see diag.h. */
#include "diag.h"
#include "diag_msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void pekppp_error_clear(pekppp_error *err)
{
    if (err)
        memset(err, 0, sizeof(*err));
}

const char *pekppp_error_message(const pekppp_error *err, pekppp_lang lang)
{
    return lang == PEKPPP_LANG_ID && err->message_id[0] ? err->message_id : err->message;
}

/* Append @p s to buf[*used..n), cutting at the end; *used counts what would have been written. */
static void put(char *buf, size_t n, size_t *used, const char *s, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++, (*used)++)
        if (*used + 1 < n)
            buf[*used] = s[i];
}

/* Does a sheet name need Excel's quotes in a reference?  Yes unless it is letters (any
 * non-ASCII byte counts as one), digits, '_' and '.', not starting with a digit, and not
 * itself like a cell reference (letters then digits: "A1", "Q4"). */
static int needs_quotes(const char *name)
{
    const unsigned char *p = (const unsigned char *)name;
    size_t letters = 0, digits = 0, i;
    if (!*p || (*p >= '0' && *p <= '9'))
        return 1;
    for (i = 0; p[i]; i++) {
        unsigned char c = p[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c >= 0x80))
            return 1;
    }
    while (((p[letters] | 0x20) >= 'a' && (p[letters] | 0x20) <= 'z'))
        letters++;
    while (p[letters + digits] >= '0' && p[letters + digits] <= '9')
        digits++;
    return letters > 0 && letters <= 3 && digits > 0 && !p[letters + digits];
}

size_t pk_location(const char *file, const char *sheet, unsigned line, unsigned col,
                   unsigned flags, char *buf, size_t n)
{
    size_t used = 0;
    char num[32];
    int k;
    if (n)
        buf[0] = '\0';
    if (!file)
        file = "";
    if (!sheet)
        sheet = "";
    if (!(flags & (PEKPPP_LOCATION_NO_FILE | PEKPPP_LOCATION_CELL)) && file[0]) {
        put(buf, n, &used, file, strlen(file));
        if (line || sheet[0])
            put(buf, n, &used, ":", 1);
    }
    if (sheet[0] && !(flags & PEKPPP_LOCATION_CELL)) {
        if (needs_quotes(sheet)) {
            const char *p;
            put(buf, n, &used, "'", 1);
            for (p = sheet; *p; p++) {
                put(buf, n, &used, p, 1);
                if (*p == '\'')
                    put(buf, n, &used, "'", 1); /* Excel doubles a quote in a name */
            }
            put(buf, n, &used, "'", 1);
        } else {
            put(buf, n, &used, sheet, strlen(sheet));
        }
        if (line)
            put(buf, n, &used, "!", 1);
    }
    if (line && sheet[0]) {
        char letters[8];
        size_t nl = 0, i;
        unsigned c = col;
        while (c > 0 && nl < sizeof(letters)) {
            letters[nl++] = (char)('A' + (c - 1) % 26);
            c = (c - 1) / 26;
        }
        for (i = 0; i < nl; i++)
            put(buf, n, &used, &letters[nl - 1 - i], 1);
        k = snprintf(num, sizeof(num), "%u", line);
        put(buf, n, &used, num, (size_t)k);
        if (!col) { /* a whole row: Excel's 7:7 */
            put(buf, n, &used, ":", 1);
            put(buf, n, &used, num, (size_t)k);
        }
    } else if (line && !(flags & PEKPPP_LOCATION_CELL)) {
        k = snprintf(num, sizeof(num), "%u:%u", line, col);
        put(buf, n, &used, num, (size_t)k);
    }
    if (n)
        buf[used < n ? used : n - 1] = '\0';
    return used;
}

size_t pekppp_error_location(const pekppp_error *err, unsigned flags, char *buf, size_t n)
{
    return pk_location(err->file, err->sheet, err->line, err->column, flags, buf, n);
}

void pk_report_init(pk_report *r, const char *file, pekppp_diag_cb cb, void *payload,
                    pekppp_error *err)
{
    memset(r, 0, sizeof(*r));
    r->file = file ? file : "";
    r->cb = cb;
    r->payload = payload;
    r->err = err;
}

/* A text cut to fit may end inside a UTF-8 character: drop that part, so
 * every message stays valid UTF-8. */
static void trim_utf8(char *s)
{
    size_t n = strlen(s), lead = n, need;
    unsigned char c;
    while (lead > 0 && n - lead < 4 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0)
        return;
    c = (unsigned char)s[lead - 1];
    need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (n - (lead - 1) < need)
        s[lead - 1] = '\0';
}

static void copy_str(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
    trim_utf8(dst);
}

void pekppp_error_set_message(pekppp_error *err, const char *en, const char *id)
{
    copy_str(err->message, sizeof(err->message), en ? en : "");
    copy_str(err->message_id, sizeof(err->message_id), id ? id : "");
}

void pekppp_error_set_file(pekppp_error *err, const char *file)
{
    copy_str(err->file, sizeof(err->file), file ? file : "");
}

/* The checks, with stable ids (SARIF rule ids, docs/lint-rules.md). */
static const struct {
    const char *id, *text;
} rules[] = {
#define PK_RULE(name, id, text) { id, text },
#include "diag_rules.inc"
#undef PK_RULE
};

/* lint's SARIF writer files an unknown rule under the last one. */
_Static_assert(PK_R_OTHER == PK_R_COUNT - 1, "pekppp.other must be the last rule");

/* The id of @p rule; out of memory is never a check of its own. */
static const char *rule_id(pk_rule rule, int code)
{
    return code == PEKPPP_ENOMEM || (unsigned)rule >= PK_R_COUNT ? rules[PK_R_OTHER].id
                                                                 : rules[rule].id;
}

size_t pekppp_rule_count(void)
{
    return sizeof(rules) / sizeof(rules[0]);
}

const char *pekppp_rule_id(size_t i)
{
    return i < pekppp_rule_count() ? rules[i].id : NULL;
}

const char *pekppp_rule_text(size_t i)
{
    return i < pekppp_rule_count() ? rules[i].text : NULL;
}

/* Count a finished problem, keep the first error, and pass it on. */
static void emit(pk_report *r, const pekppp_error *d)
{
    if (d->severity == PEKPPP_SEV_ERROR) {
        if (r->errors++ == 0) {
            r->first_code = d->code;
            if (r->err)
                *r->err = *d;
        }
    } else {
        r->warnings++;
    }
    if (r->cb)
        r->cb(d, r->payload);
}

static void locate(pekppp_error *d, const pk_report *r, int code, pekppp_severity sev,
                   unsigned line, unsigned col, const char *path)
{
    memset(d, 0, sizeof(*d));
    d->code = code;
    d->severity = sev;
    copy_str(d->file, sizeof(d->file), r->file);
    copy_str(d->sheet, sizeof(d->sheet), r->sheet ? r->sheet : "");
    d->line = line;
    d->column = col;
    copy_str(d->path, sizeof(d->path), path ? path : "");
}

void pk_diagv(pk_report *r, int code, pekppp_severity sev, unsigned line, unsigned col,
              const char *path, pk_rule rule, const char *fmt, va_list ap)
{
    pekppp_error d;
    unsigned phrase_args = 0;
    const char *id_fmt = pk_diag_format_id(fmt, &phrase_args);
    va_list ap_id;

    locate(&d, r, code, sev, line, col, path);
    copy_str(d.rule, sizeof(d.rule), rule_id(rule, code));
    /* Both languages from one argument list: the Indonesian format has the
     * same conversions in the same order. */
    va_copy(ap_id, ap);
    vsnprintf(d.message, sizeof(d.message), fmt, ap);
    trim_utf8(d.message);
    if (id_fmt)
        (void)pk_diag_render_id(d.message_id, sizeof(d.message_id), id_fmt, phrase_args, ap_id);
    trim_utf8(d.message_id);
    va_end(ap_id);
    emit(r, &d);
}

void pk_diag_text(pk_report *r, int code, pekppp_severity sev, unsigned line, unsigned col,
                  const char *path, pk_rule rule, const char *en, const char *id)
{
    pekppp_error d;
    locate(&d, r, code, sev, line, col, path);
    copy_str(d.rule, sizeof(d.rule), rule_id(rule, 0));
    copy_str(d.message, sizeof(d.message), en);
    copy_str(d.message_id, sizeof(d.message_id), id ? id : "");
    emit(r, &d);
}

int pk_options_check(pk_report *r, const char *name, unsigned version, unsigned max)
{
    if (version <= max)
        return 0;
    if (r)
        pk_diag(r, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER,
                "%s version %u is newer than this library (which knows up to version %u): the "
                "program was built against a newer pekppp than the library it runs with",
                name, version, max);
    return PEKPPP_EINVALID;
}

void pk_diag(pk_report *r, int code, pekppp_severity sev, unsigned line, unsigned col,
             const char *path, pk_rule rule, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pk_diagv(r, code, sev, line, col, path, rule, fmt, ap);
    va_end(ap);
}
