/*
 * Views: each report section computed once, as plain data, before any
 * renderer writes a byte.
 *
 * The core (plan.c, diff.c, score.c, ...) fills a view; the renderers in
 * report/ only format it.  Every arithmetic failure (PEKPPP_ERANGE) and every
 * allocation failure surfaces while the view is made, so a report is either
 * written whole or not at all.  Texts in a view are borrowed from the object
 * it was made from; arrays are owned by the view and freed with its _free.
 */
#ifndef PK_VIEW_H
#define PK_VIEW_H

#include "pekppp/diff.h"
#include "model.h"

/* --- diff: one row per unit on both sides, in unit id order --- */

typedef struct {
    const char *id;
    int64_t old_rounded, new_rounded, delta; /* at the old / new side's places */
} pk_diff_aspect_row;

typedef struct {
    const char *id;
    int old_level, new_level; /* or PEKPPP_LEVEL_NA / PEKPPP_LEVEL_MISSING */
} pk_diff_indicator_row;

typedef struct {
    const char *id, *name;     /* name may be NULL */
    int64_t old_rounded, new_rounded, delta;
    int old_decimals, new_decimals; /* delta is at the new side's places */
    const char *old_grade, *new_grade; /* may be NULL */
    pk_diff_aspect_row *aspects;   /* the aspects whose score moved */
    size_t naspects;
    pk_diff_indicator_row *indicators; /* the indicators whose level changed */
    size_t nindicators;
} pk_diff_row;

typedef struct {
    const char *id, *name;
} pk_diff_only;

typedef struct {
    const char *rubric_id[2], *rubric_version[2]; /* old, new; may be NULL */
    int rubric_changed;
    pk_diff_row *rows;
    size_t nrows;
    pk_diff_only *only[2];  /* units on the old side only, on the new side only */
    size_t nonly[2];
} pk_diff_view;

/* Compare a finished diff into @p out: 0, PEKPPP_ERANGE or PEKPPP_ENOMEM
 * (then *out holds nothing to free).  Free with pk_diff_view_free. */
int pk_diff_view_make(pk_diff_view *out, const pekppp_diff *d);
void pk_diff_view_free(pk_diff_view *v);

#endif
