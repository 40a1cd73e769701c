/*
 * Sinks and the report dispatcher.
 *
 * A sink appends to a growable buffer or writes to a FILE.  Its first failure
 * is sticky: emitters write on without checking and pekppp_report_write
 * returns the sink's error once at the end.
 */
#include "report_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"

void pekppp_sink_init_buffer(pekppp_sink *sink)
{
    memset(sink, 0, sizeof(*sink));
}

void pekppp_sink_init_file(pekppp_sink *sink, FILE *file)
{
    memset(sink, 0, sizeof(*sink));
    sink->file = file;
}

void pekppp_sink_dispose(pekppp_sink *sink)
{
    if (!sink->file)
        pk_free(sink->data);
    sink->data = NULL;
    sink->len = sink->cap = 0;
}

void pekppp_sink_write(pekppp_sink *sink, const char *data, size_t len)
{
    if (sink->error || len == 0)
        return;
    if (sink->file) {
        if (fwrite(data, 1, len, sink->file) != len)
            sink->error = PEKPPP_EIO;
        return;
    }
    if (sink->len + len + 1 > sink->cap) {
        size_t cap = sink->cap ? sink->cap : 1024;
        char *d;
        while (cap < sink->len + len + 1)
            cap *= 2;
        d = pk_realloc(sink->data, cap);
        if (!d) {
            sink->error = PEKPPP_ENOMEM;
            return;
        }
        sink->data = d;
        sink->cap = cap;
    }
    memcpy(sink->data + sink->len, data, len);
    sink->len += len;
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

const char *pk_rec_advice(const pekppp_rubric *r, const pk_recommendation *rec, int *is_advice)
{
    const pekppp_indicator *ind = &r->indicators[rec->indicator];
    const char *adv = ind->advice ? ind->advice[rec->from - r->scale_min] : NULL;
    *is_advice = adv != NULL;
    return adv ? adv : ind->levels[rec->to - r->scale_min];
}

int pekppp_report_write(pekppp_sink *sink, const pekppp_result *res, pekppp_report_format format,
                        const pekppp_report_options *opts)
{
    pekppp_report_options defaults = PEKPPP_REPORT_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    switch (format) {
    case PEKPPP_FORMAT_TEXT:
        pk_report_text(sink, res, opts);
        break;
    case PEKPPP_FORMAT_JSON:
        pk_report_json(sink, res, opts);
        break;
    default:
        return PEKPPP_EINVALID;
    }
    return sink->error;
}
