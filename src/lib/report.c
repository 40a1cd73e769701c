/*
 * Sinks and the report dispatcher.
 *
 * A sink appends to a growable buffer or writes to a FILE.  Its first failure
 * is sticky: emitters write on without checking and pekppp_report_write
 * returns the sink's error once at the end.
 */
#include "report_internal.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "diag.h"

const pk_flag_info pk_flags[PK_NFLAGS] = {
    { PEKPPP_FLAG_SURVEY_MISSING, "survey-missing", M_FLAG_SURVEY_MISSING },
    { PEKPPP_FLAG_SURVEY_BELOW_MIN, "survey-below-min-respondents", M_FLAG_SURVEY_BELOW },
    { PEKPPP_FLAG_INCOMPLETE, "incomplete", M_FLAG_INCOMPLETE },
    { PEKPPP_FLAG_NA_RENORMALISED, "na-renormalised", M_FLAG_NA },
    { PEKPPP_FLAG_PROVISIONAL_RUBRIC, "provisional-rubric", M_FLAG_PROVISIONAL },
};

void pekppp_sink_init_buffer(pekppp_sink *sink)
{
    memset(sink, 0, sizeof(*sink));
}

void pekppp_sink_init_file(pekppp_sink *sink, FILE *file)
{
    memset(sink, 0, sizeof(*sink));
    sink->file = file;
}

#define PK_SINK_FILE_BUFFER (64u * 1024u)

void pekppp_sink_flush(pekppp_sink *sink)
{
    if (!sink->file || sink->len == 0)
        return;
    if (!sink->error && fwrite(sink->data, 1, sink->len, sink->file) != sink->len)
        sink->error = PEKPPP_EIO;
    sink->len = 0;
}

void pekppp_sink_dispose(pekppp_sink *sink)
{
    pekppp_sink_flush(sink);
    pk_free(sink->data);
    sink->data = NULL;
    sink->len = sink->cap = 0;
}

/* Grow the buffer to hold @p need bytes and a NUL; sticky ENOMEM on failure. */
static int reserve(pekppp_sink *sink, size_t need)
{
    size_t cap = sink->cap ? sink->cap : 1024;
    char *d;
    if (need + 1 <= sink->cap)
        return 0;
    while (cap < need + 1)
        cap *= 2;
    d = pk_realloc(sink->data, cap);
    if (!d) {
        sink->error = PEKPPP_ENOMEM;
        return -1;
    }
    sink->data = d;
    sink->cap = cap;
    return 0;
}

void pekppp_sink_write(pekppp_sink *sink, const char *data, size_t len)
{
    if (sink->error || len == 0)
        return;
    if (sink->file) {
        /* File sinks gather small writes and pass them on 64 KiB at a time. */
        if (sink->len + len > PK_SINK_FILE_BUFFER)
            pekppp_sink_flush(sink);
        if (len >= PK_SINK_FILE_BUFFER) {
            if (!sink->error && fwrite(data, 1, len, sink->file) != len)
                sink->error = PEKPPP_EIO;
            return;
        }
        if (sink->error || reserve(sink, PK_SINK_FILE_BUFFER) < 0)
            return;
    } else if (reserve(sink, sink->len + len) < 0) {
        return;
    }
    memcpy(sink->data + sink->len, data, len);
    sink->len += len;
    if (!sink->file)
        sink->data[sink->len] = '\0';
}

void pekppp_sink_puts(pekppp_sink *sink, const char *s)
{
    pekppp_sink_write(sink, s, strlen(s));
}

void pk_sink_printf(pekppp_sink *sink, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n < 0) {
        sink->error = PEKPPP_ERROR;
        return;
    }
    pekppp_sink_write(sink, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

void pk_text_cell(pekppp_sink *sink, const char *s, size_t width, int pad)
{
    size_t chars = 0, i, len = s ? strlen(s) : 0, total = 0;
    for (i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            total++;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80) {
            if (width && total > width && chars + 3 >= width) {
                pekppp_sink_puts(sink, "...");
                chars += 3;
                break;
            }
            chars++;
        }
        pekppp_sink_write(sink, c < 0x20 || c == 0x7f ? "?" : (const char *)&s[i], 1);
    }
    while (pad && chars < width) {
        pekppp_sink_write(sink, " ", 1);
        chars++;
    }
}

void pk_csv_text(pekppp_sink *sink, const char *s, char delim)
{
    const char *p;
    int quote = 0;
    if (!s)
        return;
    for (p = s; *p; p++)
        if (*p == delim || *p == '"' || *p == '\n' || *p == '\r')
            quote = 1;
    if (quote)
        pekppp_sink_write(sink, "\"", 1);
    if (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')
        pekppp_sink_write(sink, "'", 1);
    for (p = s; *p; p++) {
        if (*p == '"')
            pekppp_sink_write(sink, "\"", 1);
        pekppp_sink_write(sink, p, 1);
    }
    if (quote)
        pekppp_sink_write(sink, "\"", 1);
}

void pk_md_text(pekppp_sink *sink, const char *s)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']') {
            pekppp_sink_write(sink, "\\", 1);
            pekppp_sink_write(sink, s, 1);
        } else if (c == '<') {
            pekppp_sink_puts(sink, "&lt;");
        } else if (c == '&') {
            pekppp_sink_puts(sink, "&amp;");
        } else if (c < 0x20 || c == 0x7f) {
            pekppp_sink_write(sink, " ", 1);
        } else {
            pekppp_sink_write(sink, s, 1);
        }
    }
}

void pk_fixed_point(pekppp_sink *sink, int64_t units, int decimals, char point, int sign)
{
    char buf[48], *dot;
    pk_fixed_format(buf, sizeof(buf), units, decimals);
    if (point != '.' && (dot = strchr(buf, '.')) != NULL)
        *dot = point;
    if (sign && units > 0)
        pekppp_sink_write(sink, "+", 1);
    pekppp_sink_puts(sink, buf);
}

const pekppp_band *pk_next_band(const pekppp_result *res, int64_t *gap)
{
    const pekppp_rubric *r = res->rubric;
    const pekppp_band *next;
    int64_t scale = 1;
    int i;
    if (!res->band || res->band == &r->bands[0])
        return NULL;
    next = res->band - 1;
    for (i = r->decimals; i < 4; i++)
        scale *= 10;
    *gap = pk_fixed_dec(next->min) / scale - res->index_rounded; /* min lies on the rounding grid */
    return next;
}

int64_t pk_rounded_delta(const pekppp_rubric *r, pk_rat now, pk_rat before, int *ok)
{
    pk_rat d;
    int64_t out = 0;
    if (pk_rat_sub(&d, now, before) < 0 || pk_round(r, d, &out) < 0)
        *ok = 0;
    return out;
}

const char *pk_step_text(const pekppp_rubric *r, size_t indicator, int from, int to,
                         int *is_advice)
{
    const pekppp_indicator *ind = &r->indicators[indicator];
    const char *adv = ind->advice ? ind->advice[from - r->scale_min] : NULL;
    *is_advice = adv != NULL;
    return adv ? adv : ind->levels[to - r->scale_min];
}

int pekppp_report_options_init(pekppp_report_options *opts, unsigned version)
{
    pekppp_report_options defaults = PEKPPP_REPORT_OPTIONS_INIT;
    if (!opts || version == 0 || version > PEKPPP_REPORT_OPTIONS_VERSION)
        return PEKPPP_EINVALID;
    if (version == 1) {
        /* A version-1 struct ends before `plan`: write no further. */
        defaults.version = 1;
        memcpy(opts, &defaults, offsetof(pekppp_report_options, plan));
        return 0;
    }
    *opts = defaults;
    return 0;
}

const pekppp_report_options *pk_report_options(const pekppp_report_options *opts,
                                               pekppp_report_options *local)
{
    pekppp_report_options defaults = PEKPPP_REPORT_OPTIONS_INIT;
    *local = defaults;
    if (!opts)
        return local;
    if (pk_options_check(NULL, "pekppp_report_options", opts->version,
                         PEKPPP_REPORT_OPTIONS_VERSION) < 0)
        return NULL;
    if (opts->version == PEKPPP_REPORT_OPTIONS_VERSION)
        return opts;
    /* A caller built with version 1 of the header has a struct that ends
     * before `plan` (the other fields all came before any release). */
    memcpy(local, opts, offsetof(pekppp_report_options, plan));
    local->plan = NULL;
    return local;
}

int pekppp_report_write(pekppp_sink *sink, const pekppp_result *res, pekppp_report_format format,
                        const pekppp_report_options *opts)
{
    pekppp_report_options local;
    if (!(opts = pk_report_options(opts, &local)))
        return PEKPPP_EINVALID;
    switch (format) {
    case PEKPPP_FORMAT_TEXT:
        pk_report_text(sink, res, opts);
        break;
    case PEKPPP_FORMAT_JSON:
        pk_report_json(sink, res, opts);
        break;
    case PEKPPP_FORMAT_MD:
        pk_report_md(sink, res, opts);
        break;
    case PEKPPP_FORMAT_HTML:
        pk_report_html(sink, res, opts);
        break;
    default:
        return PEKPPP_EINVALID;
    }
    pekppp_sink_flush(sink);
    return sink->error;
}
