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
