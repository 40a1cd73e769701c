/*
 * Typed reading of a pk_node tree, with located, path-named errors.
 *
 * A pk_dec walks a parsed document.  It keeps the path of the node being read
 * ("aspects[2].indicators[0].weight") so every message can name it.  Each
 * getter reports its own problem and returns a negative code; callers keep
 * going where they can so that every problem in a file is reported.
 */
#ifndef PK_DECODE_H
#define PK_DECODE_H

#include <stdbool.h>
#include <stdint.h>
#include "arena.h"
#include "diag.h"
#include "yaml_tree.h"

typedef struct {
    pk_report *rep;
    pk_arena *arena;   /* where decoded strings are copied */
    char path[256];
    size_t plen;
} pk_dec;

void pk_dec_init(pk_dec *d, pk_report *rep, pk_arena *arena);

/* Extend the path; return the length to restore with pk_path_pop. */
size_t pk_path_key(pk_dec *d, const char *key);
size_t pk_path_index(pk_dec *d, size_t i);
void pk_path_pop(pk_dec *d, size_t len);

/* Report a problem at @p n (or at no place when NULL), naming the current path,
 * filed under @p rule (see pk_diag). */
void pk_err(pk_dec *d, const pk_node *n, int code, pk_rule rule, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* An error whose text comes whole from a callback, in both languages. */
void pk_err_text(pk_dec *d, const pk_node *n, int code, pk_rule rule, const char *en,
                 const char *id);
void pk_warn(pk_dec *d, const pk_node *n, pk_rule rule, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

typedef struct {
    const char *name;
    bool required;
} pk_field;

/*
 * Check that @p map is a mapping whose keys are all in @p fields (unknown
 * keys get a "did you mean" hint) and that every required key is there.
 * vals[i] is set to the value of fields[i], or NULL.  Returns 0 when the
 * mapping's keys are all fine, else PEKPPP_EINVALID (vals still filled).
 */
int pk_fields(pk_dec *d, const pk_node *map, const pk_field *fields, size_t nfields,
              const pk_node **vals);

/* Whether @p n is a mapping / a list; reports "expected ..." when not. */
int pk_want_map(pk_dec *d, const pk_node *n);
int pk_want_seq(pk_dec *d, const pk_node *n);

/* Scalar text, copied into the arena (NULL node: *out untouched, returns 0). */
int pk_get_text(pk_dec *d, const pk_node *n, const char **out);
/* A plain integer in [min, max]. */
int pk_get_int(pk_dec *d, const pk_node *n, long min, long max, long *out);
/* A plain decimal with at most @p places places, as an integer scaled by 10^4. */
int pk_get_dec(pk_dec *d, const pk_node *n, int places, bool negative_ok, int64_t *out);
int pk_get_bool(pk_dec *d, const pk_node *n, bool *out);
/* A list of texts, copied into the arena as a NULL-terminated array. */
int pk_get_text_list(pk_dec *d, const pk_node *n, const char *const **out, size_t *count);

/* Whether @p n is a plain empty value (`key:` with nothing, `~`, `null`). */
int pk_is_blank(const pk_node *n);

/* The closest of @p names to @p word within a small edit distance, or NULL. */
const char *pk_nearest(const char *word, const char *const *names, size_t n);

/* Show a scalar in a message: quoted and cut to 40 bytes, into @p buf. */
const char *pk_show(const pk_node *n, char *buf, size_t size);

#endif
