/*
 * The diagnostics in Indonesian: the library's second message catalogue.
 *
 * Diagnostics are written in the code as English printf formats (the text a
 * reader of the code sees, and the key here, as gettext uses its msgid).  This
 * table pairs each with its Indonesian format, which has the same conversions
 * in the same order (test_diag_msg checks every pair), so one argument list
 * renders both.  A few English phrases the code passes into a %s ("a list",
 * "a number") are translated too, at the argument positions the catalogue
 * marks; every other argument is data (an id, a path, a value from the
 * file) and is printed as it is, even when it reads like a phrase.
 * Texts from outside (libyaml's problem, the C library's error) stay as they
 * come.  See docs/i18n.md.
 */
#include "diag_msg.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    const char *en, *id;
    unsigned phrases; /* bit i: conversion i's argument is a phrase to translate */
} pk_pair;

#define PK_PHRASES(mask) (mask)

static const pk_pair formats[] = {
#include "diag_msg_formats.inc"
};

typedef struct {
    const char *en, *id;
} pk_phrase;

static const pk_phrase phrases[] = {
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

const char *pk_diag_format_id(const char *en, unsigned *phrase_args)
{
    size_t i;
    for (i = 0; i < pk_diag_msg_count(); i++)
        if (strcmp(formats[i].en, en) == 0) {
            if (phrase_args)
                *phrase_args = formats[i].phrases;
            return formats[i].id;
        }
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

/* Render one conversion of @p spec (e.g. "%.*s", "%zu") with its arguments;
 * @p stars counts the '*' in it (each an int argument first). */
static void convert(outbuf *o, const char *spec, int stars, char length, char conv, int phrase,
                    va_list *ap)
{
    char tmp[600];
    int w = 0, p = 0, n = -1;
    if (stars >= 1)
        w = va_arg(*ap, int);
    if (stars >= 2)
        p = va_arg(*ap, int);
#define PK_CONVERT(value)                                                              \
    (stars == 0   ? snprintf(tmp, sizeof(tmp), spec, value)                            \
     : stars == 1 ? snprintf(tmp, sizeof(tmp), spec, w, value)                         \
                  : snprintf(tmp, sizeof(tmp), spec, w, p, value))
    switch (conv) {
    case 's': {
        const char *s = va_arg(*ap, const char *), *rest, *id;
        if (!s)
            s = "(null)";
        if (phrase && (id = phrase_id(s, &rest)) != NULL) {
            put(o, id, strlen(id));
            put(o, rest, strlen(rest));
            return;
        }
        n = PK_CONVERT(s);
        break;
    }
    case 'd': case 'i': case 'c':
        if (length == 'l')
            n = PK_CONVERT(va_arg(*ap, long));
        else if (length == 'z')
            n = PK_CONVERT(va_arg(*ap, ptrdiff_t));
        else
            n = PK_CONVERT(va_arg(*ap, int));
        break;
    default: /* u x X o: convert() is only called for the conversions listed */
        if (length == 'l')
            n = PK_CONVERT(va_arg(*ap, unsigned long));
        else if (length == 'z')
            n = PK_CONVERT(va_arg(*ap, size_t));
        else
            n = PK_CONVERT(va_arg(*ap, unsigned));
        break;
    }
#undef PK_CONVERT
    if (n > 0)
        put(o, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

/* Parse the conversion at @p f (just after '%'): flags, a width and a
 * precision (digits or '*'), the length modifiers l and z, and one of
 * d i c u x X o s.  Returns the conversion character, or 0 for anything
 * else; *end points past it. */
static char parse_spec(const char *f, int *stars, char *length, const char **end)
{
    *stars = 0;
    *length = 0;
    f += strspn(f, "-+ #0");
    if (*f == '*') {
        ++*stars;
        f++;
    } else {
        f += strspn(f, "0123456789");
    }
    if (*f == '.') {
        f++;
        if (*f == '*') {
            ++*stars;
            f++;
        } else {
            f += strspn(f, "0123456789");
        }
    }
    if (*f == 'l' || *f == 'z')
        *length = *f++;
    *end = f + (*f != '\0');
    return *f && strchr("dicuxXos", *f) ? *f : 0;
}

int pk_diag_format_supported(const char *fmt)
{
    const char *f = fmt, *end;
    int stars;
    char length;
    while ((f = strchr(f, '%')) != NULL) {
        if (f[1] == '%') {
            f += 2;
            continue;
        }
        if (!parse_spec(f + 1, &stars, &length, &end))
            return 0;
        f = end;
    }
    return 1;
}

int pk_diag_render_id(char *buf, size_t size, const char *fmt, unsigned phrase_args, va_list ap)
{
    outbuf o;
    va_list args;
    const char *f = fmt;
    unsigned index = 0;
    if (size == 0)
        return -1;
    buf[0] = '\0';
    /* Check first: an unknown conversion would read the wrong arguments. */
    if (!pk_diag_format_supported(fmt))
        return -1;
    o.buf = buf;
    o.size = size;
    o.len = 0;
    va_copy(args, ap);
    while (*f) {
        const char *start = f, *end;
        char spec[32], length, conv;
        int stars;
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
        conv = parse_spec(f + 1, &stars, &length, &end);
        if ((size_t)(end - start) >= sizeof(spec))
            break;
        memcpy(spec, start, (size_t)(end - start));
        spec[end - start] = '\0';
        convert(&o, spec, stars, length, conv, index < 32 && (phrase_args >> index & 1u), &args);
        index++;
        f = end;
    }
    va_end(args);
    return 0;
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
