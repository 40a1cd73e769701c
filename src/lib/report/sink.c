/*
 * Sinks: where every renderer writes.
 *
 * A sink appends to a growable buffer or writes to a FILE.  Its first failure
 * is sticky: renderers write on without checking and the public *_write
 * function returns the sink's error once at the end.
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
        /* Exactly 64 KiB and the NUL: pk_sink_put's inline path, which
         * fills up to the capacity, then holds no more than this does. */
        if (sink->error)
            return;
        if (!sink->data) {
            if (!(sink->data = pk_malloc(PK_SINK_FILE_BUFFER + 1))) {
                sink->error = PEKPPP_ENOMEM;
                return;
            }
            sink->cap = PK_SINK_FILE_BUFFER + 1;
        }
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
    char small[1024], *buf = small;
    va_list ap, again;
    int n;
    if (sink->error)
        return;
    va_start(ap, fmt);
    va_copy(again, ap);
    n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n >= sizeof(small)) {
        /* Too long for the stack: format again into a buffer that fits. */
        if (!(buf = pk_malloc((size_t)n + 1))) {
            va_end(again);
            sink->error = PEKPPP_ENOMEM;
            return;
        }
        n = vsnprintf(buf, (size_t)n + 1, fmt, again);
    }
    va_end(again);
    if (n < 0)
        sink->error = PEKPPP_ERROR;
    else
        pekppp_sink_write(sink, buf, (size_t)n);
    if (buf != small)
        pk_free(buf);
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
