/*
 * The diagnostics in Indonesian: the library's second message catalogue.
 *
 * Diagnostics are written in the code as English printf formats (the text a
 * reader of the code sees, and the key here, as gettext uses its msgid).  This
 * table pairs each with its Indonesian format, which has the same conversions
 * in the same order (test_diag_msg checks every pair), so one argument list
 * renders both.  A few English phrases passed into an unquoted %s ("a list",
 * "a number") are translated too; a quoted '%s' is always data and never is.
 * Texts from outside (libyaml's problem, the C library's error) stay as they
 * come.  See docs/i18n.md.
 */
#include "diag_msg.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    const char *en, *id;
} pk_pair;

static const pk_pair formats[] = {
#include "diag_msg_formats.inc"
};

static const pk_pair phrases[] = {
#include "diag_msg_phrases.inc"
};

size_t pk_diag_msg_count(void)
{
    return sizeof(formats) / sizeof(formats[0]);
}

const char *pk_diag_msg_en(size_t i)
{
    return i < pk_diag_msg_count() ? formats[i].en : NULL;
}

const char *pk_diag_msg_id(size_t i)
{
    return i < pk_diag_msg_count() ? formats[i].id : NULL;
}

const char *pk_diag_format_id(const char *en)
{
    size_t i;
    for (i = 0; i < pk_diag_msg_count(); i++)
        if (strcmp(formats[i].en, en) == 0)
            return formats[i].id;
    return NULL;
}

/* A phrase's Indonesian: an exact match, or a match of its start followed by
 * " '" (the phrase names something quoted after it); NULL when unknown. */
static const char *phrase_id(const char *s, const char **rest)
{
    size_t i;
    *rest = "";
    for (i = 0; i < sizeof(phrases) / sizeof(phrases[0]); i++) {
        size_t n = strlen(phrases[i].en);
        if (strncmp(s, phrases[i].en, n) != 0)
            continue;
        if (s[n] == '\0' || (s[n] == ' ' && s[n + 1] == '\'')) {
            *rest = s + n;
            return phrases[i].id;
        }
    }
    return NULL;
}

typedef struct {
    char *buf;
    size_t size, len;
} outbuf;

static void put(outbuf *o, const char *s, size_t n)
{
    size_t room = o->size - o->len;
    if (room <= 1)
        return;
    if (n > room - 1)
        n = room - 1;
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

/* The conversion specs below come from the catalogue's own formats, whose
 * pairs test_diag_msg checks against their English twins. */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif

/* Render one conversion of @p spec (e.g. "%.*s", "%zu") with its arguments. */
static void convert(outbuf *o, const char *spec, int stars, char length, char conv, int quoted,
                    va_list *ap)
{
    char tmp[600];
    int w = 0, p = 0, n = -1;
    if (stars >= 1)
        w = va_arg(*ap, int);
    if (stars >= 2)
        p = va_arg(*ap, int);
    switch (conv) {
    case 's': {
        const char *s = va_arg(*ap, const char *), *rest, *id;
        if (!s)
            s = "(null)";
        if (!quoted && stars == 0 && !strchr(spec, '.') && (id = phrase_id(s, &rest)) != NULL) {
            put(o, id, strlen(id));
            put(o, rest, strlen(rest));
            return;
        }
        n = stars == 0 ? snprintf(tmp, sizeof(tmp), spec, s)
            : stars == 1 ? snprintf(tmp, sizeof(tmp), spec, w, s)
                         : snprintf(tmp, sizeof(tmp), spec, w, p, s);
        break;
    }
    case 'd': case 'i': case 'c':
        if (length == 'l') {
            long v = va_arg(*ap, long);
            n = stars == 0 ? snprintf(tmp, sizeof(tmp), spec, v) : snprintf(tmp, sizeof(tmp), spec, w, v);
        } else if (length == 'z') {
            ptrdiff_t v = va_arg(*ap, ptrdiff_t);
            n = stars == 0 ? snprintf(tmp, sizeof(tmp), spec, v) : snprintf(tmp, sizeof(tmp), spec, w, v);
        } else {
            int v = va_arg(*ap, int);
            n = stars == 0 ? snprintf(tmp, sizeof(tmp), spec, v) : snprintf(tmp, sizeof(tmp), spec, w, v);
        }
        break;
    case 'u': case 'x': case 'X': case 'o':
        if (length == 'l') {
            unsigned long v = va_arg(*ap, unsigned long);
            n = stars == 0 ? snprintf(tmp, sizeof(tmp), spec, v) : snprintf(tmp, sizeof(tmp), spec, w, v);
        } else if (length == 'z') {
            size_t v = va_arg(*ap, size_t);
            n = stars == 0 ? snprintf(tmp, sizeof(tmp), spec, v) : snprintf(tmp, sizeof(tmp), spec, w, v);
        } else {
            unsigned v = va_arg(*ap, unsigned);
            n = stars == 0 ? snprintf(tmp, sizeof(tmp), spec, v) : snprintf(tmp, sizeof(tmp), spec, w, v);
        }
        break;
    default:
        break;
    }
    if (n > 0)
        put(o, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

/* The conversions the catalogue uses: flags, a width and a precision (digits
 * or '*'), the length modifiers l and z, and d i c u x X o s; "%%". */
void pk_diag_render_id(char *buf, size_t size, const char *fmt, va_list ap)
{
    outbuf o;
    va_list args;
    const char *f = fmt;
    o.buf = buf;
    o.size = size;
    o.len = 0;
    if (size == 0)
        return;
    buf[0] = '\0';
    va_copy(args, ap);
    while (*f) {
        const char *start = f;
        char spec[32], length = 0;
        int stars = 0, quoted;
        size_t n;
        if (*f != '%') {
            n = strcspn(f, "%");
            put(&o, f, n);
            f += n;
            continue;
        }
        if (f[1] == '%') {
            put(&o, "%", 1);
            f += 2;
            continue;
        }
        quoted = start > fmt && start[-1] == '\'';
        f++;
        f += strspn(f, "-+ #0");
        if (*f == '*') {
            stars++;
            f++;
        } else {
            f += strspn(f, "0123456789");
        }
        if (*f == '.') {
            f++;
            if (*f == '*') {
                /* A precision star alone still comes first in the arguments. */
                stars++;
                f++;
            } else {
                f += strspn(f, "0123456789");
            }
        }
        if (*f == 'l' || *f == 'z') {
            length = *f;
            f++;
        }
        if (!*f || (size_t)(f + 1 - start) >= sizeof(spec))
            break;
        memcpy(spec, start, (size_t)(f + 1 - start));
        spec[f + 1 - start] = '\0';
        convert(&o, spec, stars, length, *f, quoted, &args);
        f++;
    }
    va_end(args);
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
