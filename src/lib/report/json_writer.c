/*
 * The streaming JSON writer (json_writer.h).
 */
#include "json_writer.h"
#include "exact.h"

#include <string.h>

void pk_jw_init(pk_jw *w, pekppp_sink *sink, int base)
{
    memset(w, 0, sizeof(*w));
    w->sink = sink;
    w->base = base;
    w->flat_obj = w->flat_arr = PK_JW_MAX_DEPTH;
}

void pk_jw_flat(pk_jw *w, int obj_depth, int arr_depth)
{
    w->flat_obj = obj_depth;
    w->flat_arr = arr_depth;
}

/* ",", a line break and the indentation of 32 levels: a pretty item's
 * start is one write out of it. */
#define PK_JW_INDENTED 32
static const char comma_nl_indent[] = ",\n"
                                      "                                "
                                      "                                ";

/* A line break, with a comma first when @p comma, then @p depth levels of
 * indentation. */
static void newline(pk_jw *w, int comma, int depth)
{
    if (depth <= PK_JW_INDENTED) {
        pk_sink_put(w->sink, comma_nl_indent + !comma, (size_t)(!!comma + 1 + 2 * depth));
    } else {
        pk_sink_put(w->sink, comma_nl_indent + !comma, (size_t)(!!comma + 1));
        pk_json_indent(w->sink, depth);
    }
}

/* What goes before a value: the separator and indentation its container
 * asks for, then the key. */
static void item(pk_jw *w, const char *key)
{
    int d = w->depth - 1;
    if (d >= 0 && d < PK_JW_MAX_DEPTH) {
        if (w->flat[d]) {
            if (w->items[d])
                PK_SINK_LIT(w->sink, ", ");
        } else {
            newline(w, w->items[d], w->base + w->depth);
        }
        w->items[d] = 1;
    }
    if (key) {
        /* Keys are short and nearly always plain: "key": in one write. */
        char buf[64];
        size_t n = 1;
        const char *k = key;
        buf[0] = '"';
        while (*k && n < sizeof(buf) - 3 && pk_json_plain[(unsigned char)*k])
            buf[n++] = *k++;
        if (*k) {
            pk_json_string(w->sink, key);
            PK_SINK_LIT(w->sink, ": ");
        } else {
            buf[n++] = '"';
            buf[n++] = ':';
            buf[n++] = ' ';
            pk_sink_put(w->sink, buf, n);
        }
    }
}

static void jw_open(pk_jw *w, const char *key, int obj)
{
    int d = w->depth;
    item(w, key);
    pk_sink_put(w->sink, obj ? "{" : "[", 1);
    if (d < PK_JW_MAX_DEPTH) {
        w->items[d] = 0;
        w->kind[d] = (unsigned char)obj;
        w->flat[d] = (unsigned char)((d > 0 && w->flat[d - 1]) ||
                                     d >= (obj ? w->flat_obj : w->flat_arr));
    } else if (!w->sink->error) {
        w->sink->error = PEKPPP_ERROR; /* deeper than any document of ours */
    }
    w->depth++;
}

void pk_jw_object(pk_jw *w, const char *key)
{
    jw_open(w, key, 1);
}

void pk_jw_array(pk_jw *w, const char *key)
{
    jw_open(w, key, 0);
}

/* A pretty container with items closes on its own line; an empty one or a
 * flat one right after its last item. */
void pk_jw_end(pk_jw *w)
{
    int d = --w->depth;
    char close = '}';
    if (d < 0) {
        w->depth = 0;
        return;
    }
    if (d < PK_JW_MAX_DEPTH) {
        close = w->kind[d] ? '}' : ']';
        if (w->items[d] && !w->flat[d])
            newline(w, 0, w->base + d);
    }
    pk_sink_put(w->sink, &close, 1);
}

void pk_jw_str(pk_jw *w, const char *key, const char *s)
{
    item(w, key);
    if (s)
        pk_json_string(w->sink, s);
    else
        pk_sink_put(w->sink, "null", 4);
}

void pk_jw_raw(pk_jw *w, const char *key, const char *raw, size_t len)
{
    item(w, key);
    pk_sink_put(w->sink, raw, len);
}

void pk_jw_null(pk_jw *w, const char *key)
{
    pk_jw_raw(w, key, "null", 4);
}

void pk_jw_bool(pk_jw *w, const char *key, int v)
{
    if (v)
        pk_jw_raw(w, key, "true", 4);
    else
        pk_jw_raw(w, key, "false", 5);
}

void pk_jw_int(pk_jw *w, const char *key, long v)
{
    char buf[32];
    int n = pk_int_format(buf, sizeof(buf), v);
    pk_jw_raw(w, key, buf, n > 0 ? (size_t)n : 0);
}

void pk_jw_fixed(pk_jw *w, const char *key, int64_t units, int decimals)
{
    char buf[48];
    int n = pk_fixed_format(buf, sizeof(buf), units, decimals);
    pk_jw_raw(w, key, buf, n > 0 ? (size_t)n : 0);
}

void pk_jw_dec(pk_jw *w, const char *key, int64_t scaled)
{
    char buf[48];
    int n = pk_dec_format_short(buf, sizeof(buf), scaled);
    pk_jw_raw(w, key, buf, n > 0 ? (size_t)n : 0);
}
