/*
 * The JSON writer every JSON renderer of a result or plan uses (json.c):
 * members go straight to the sink, in the order they are written, with the
 * layout the goldens fix.  No tree is built and nothing is allocated.
 *
 * Layout: a container is either "pretty" (each item on its own line,
 * indented two spaces per depth; an empty one as {} or []) or "flat" (on one
 * line, ", " between items).  Everything is pretty unless the writer was
 * told, with pk_jw_flat, from which depth objects and arrays go flat (the
 * plan document: top-level arrays one item per line, the items flat); inside
 * a flat container everything is flat.  Keys always take ": " after them.
 *
 * Every text goes through pk_json_string; numbers are text we formatted
 * ourselves from exact values.  Errors are the sink's (sticky).
 */
#ifndef PK_JSON_WRITER_H
#define PK_JSON_WRITER_H

#include "report_internal.h"

#define PK_JW_MAX_DEPTH 32

typedef struct {
    pekppp_sink *sink;
    int base;      /* indentation depth of the outermost container */
    int depth;     /* containers open */
    int flat_obj;  /* depth from which an object is flat */
    int flat_arr;  /* depth from which an array is flat */
    unsigned char items[PK_JW_MAX_DEPTH]; /* the open container has an item */
    unsigned char flat[PK_JW_MAX_DEPTH];  /* the open container is flat */
    unsigned char kind[PK_JW_MAX_DEPTH];  /* the open container is an object */
} pk_jw;

/* A writer whose outermost container is indented @p base levels (a unit
 * inside the batch array: 2); all pretty. */
void pk_jw_init(pk_jw *w, pekppp_sink *sink, int base);
/* Objects opened at depth >= @p obj_depth and arrays at >= @p arr_depth go
 * on one line (the root is depth 0). */
void pk_jw_flat(pk_jw *w, int obj_depth, int arr_depth);

/* Each value function takes the member's key inside an object and NULL
 * inside an array (or for the outermost value). */
void pk_jw_object(pk_jw *w, const char *key);
void pk_jw_array(pk_jw *w, const char *key);
void pk_jw_end(pk_jw *w);
/* A string; null for NULL. */
void pk_jw_str(pk_jw *w, const char *key, const char *s);
/* Text written as it is (already valid JSON). */
void pk_jw_raw(pk_jw *w, const char *key, const char *raw, size_t len);
void pk_jw_null(pk_jw *w, const char *key);
void pk_jw_bool(pk_jw *w, const char *key, int v);
void pk_jw_int(pk_jw *w, const char *key, long v);
/* units / 10^decimals, all the decimals: 4.40 */
void pk_jw_fixed(pk_jw *w, const char *key, int64_t units, int decimals);
/* A 10^4-scaled decimal with no trailing zeros: 4.51, 24 */
void pk_jw_dec(pk_jw *w, const char *key, int64_t scaled);

#endif
