/* Problem collection; see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void pekppp_error_clear(pekppp_error *err)
{
    if (err)
        memset(err, 0, sizeof(*err));
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

static void copy_str(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

void pk_diag(pk_report *r, int code, pekppp_severity sev, unsigned line, unsigned col,
             const char *path, const char *fmt, ...)
{
    pekppp_error d;
    va_list ap;

    memset(&d, 0, sizeof(d));
    d.code = code;
    d.severity = sev;
    copy_str(d.file, sizeof(d.file), r->file);
    d.line = line;
    d.column = col;
    copy_str(d.path, sizeof(d.path), path ? path : "");
    va_start(ap, fmt);
    vsnprintf(d.message, sizeof(d.message), fmt, ap);
    va_end(ap);

    if (sev == PEKPPP_SEV_ERROR) {
        if (r->errors++ == 0) {
            r->first_code = code;
            if (r->err)
                *r->err = d;
        }
    } else {
        r->warnings++;
    }
    if (r->cb)
        r->cb(&d, r->payload);
}
