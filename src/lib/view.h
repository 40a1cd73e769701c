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

#include "pekppp/batch.h"
#include "pekppp/diff.h"
#include "pekppp/report.h"
#include "model.h"

/* --- what-if (`score --set`): the result after the changes against the
 * result before them --- */

typedef struct {
    size_t aspect;          /* its position in the rubric */
    int64_t before, after;  /* rounded scores */
    int64_t delta;          /* the exact difference, rounded once */
    bool moved;             /* the exact score changed */
} pk_whatif_aspect;

typedef struct {
    const pekppp_result *before;     /* the baseline; the report's result is after */
    const pekppp_change *changes;    /* the changed answers, as asked */
    size_t nchanges;
    int64_t delta;                   /* of the index, the exact difference rounded once */
    pk_whatif_aspect *aspects;       /* every aspect scored on both sides, rubric order */
    size_t naspects;
} pk_whatif_view;

/* --- a unit report: every section a renderer needs worked out ---
 * The recommendations (res->recs) and a plan (pekppp_plan) are computed
 * data already; the view adds what depends on the report options. */

/* What an indicator is worth on the index (the HTML indicator table). */
typedef struct {
    bool shown;           /* not na, in an aspect with weight left: the values mean something */
    int64_t contribution; /* what its level adds to the index, rounded */
    int64_t lost;         /* what the levels above it would add, rounded */
} pk_indicator_worth;

/* --- caveats (issue 12, "no reader is misled"): what a reader must know
 * before trusting the index, shown at the top of every unit format ---
 * One per result flag, with the numbers behind it.  A what-if result is
 * marked by pk_unit_view.whatif itself: its `before` is the real score. */

typedef struct {
    size_t aspect;        /* its position in the rubric */
    size_t na, count;     /* its indicators answered na, of all of them */
    bool left_out;        /* every one na: the aspect is not scored */
} pk_caveat_aspect;

typedef struct {
    unsigned flag;        /* the one PEKPPP_FLAG_* it explains */
    size_t unanswered, indicators;      /* INCOMPLETE: not answered, of all */
    long respondents, min_respondents;  /* SURVEY_BELOW_MIN */
    const char *reason;                 /* PROVISIONAL_RUBRIC: the rubric's words */
    const pk_caveat_aspect *aspects;    /* NA_RENORMALISED: the aspects with na */
    size_t naspects;
} pk_caveat;

#define PK_MAX_CAVEATS 5

typedef struct {
    pk_caveat items[PK_MAX_CAVEATS]; /* most serious first: provisional, incomplete,
                                      * survey, na */
    size_t n;
    pk_caveat_aspect *na_aspects;    /* owned; items[].aspects points here */
} pk_caveats;

typedef struct {
    const pk_whatif_view *whatif; /* NULL without a baseline: then the result is the input's */
    pk_whatif_view whatif_data;
    pk_indicator_worth *worth;    /* per indicator; HTML only, else NULL */
    pk_caveats caveats;           /* every format shows them first */
} pk_unit_view;

/* The view of a unit report in @p format: 0, PEKPPP_ERANGE or
 * PEKPPP_ENOMEM (then *out holds nothing to free).  Free with
 * pk_unit_view_free (view.c). */
int pk_unit_view_make(pk_unit_view *out, const pekppp_result *res,
                      const pekppp_report_options *o, pekppp_report_format format);
void pk_unit_view_free(pk_unit_view *v);

/* The caveats of @p res alone (also for a plan, whose result has no report
 * options): 0 or PEKPPP_ENOMEM.  Free with pk_caveats_free. */
int pk_caveats_make(pk_caveats *out, const pekppp_result *res);
void pk_caveats_free(pk_caveats *c);

/* --- batch: the most-missed indicators (the HTML batch page) --- */

#define PK_MISSED_SHOWN 10

typedef struct {
    size_t indicator;
    uint32_t units;       /* units that lose points on it */
    int64_t total, mean;  /* points lost, in all and per unit, rounded */
} pk_missed_row;

typedef struct {
    pk_missed_row rows[PK_MISSED_SHOWN]; /* the most points lost first, ties in rubric order */
    size_t nrows;
    size_t left_out;      /* indicators whose sum outgrew 128 bits */
} pk_missed_view;

/* The top ten of a finished batch's lost points: 0 or PEKPPP_ENOMEM. */
int pk_missed_view_make(pk_missed_view *out, const pekppp_batch *b);

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

/* A unit (or a whole file) that failed on one side: it was not compared.
 * Texts are the diff's own (diff.c keeps them); every one but file,
 * message may be NULL. */
typedef struct {
    const char *unit, *name;   /* the unit, when the failure names it */
    const char *file;          /* where the problem is */
    const char *via;           /* the result or batch file that recorded it, or NULL */
    const char *path, *message, *message_id;
    const char *sheet;         /* a workbook's sheet (line, column: its cell), or NULL */
    unsigned line, column;
} pk_diff_failure;

typedef struct {
    const char *rubric_id[2], *rubric_version[2]; /* old, new; may be NULL */
    int rubric_changed;
    pk_diff_row *rows;
    size_t nrows;
    pk_diff_only *only[2];  /* units on the old side only, on the new side only */
    size_t nonly[2];
    /* Units of a side not found on the other side when that side has
     * failures naming no unit: they may be in a file that failed, so they
     * are never called "only on this side". */
    pk_diff_only *unmatched[2];
    size_t nunmatched[2];
    /* The failures of each side, as added (borrowed from the diff).  A unit
     * the other side holds whose id a failure names is in neither list above. */
    const pk_diff_failure *failed[2];
    size_t nfailed[2];
    /* Some delta (of an index or an aspect) is not the difference of the
     * rounded values shown: the text says why, once. */
    bool delta_differs;
} pk_diff_view;

/* Compare a finished diff into @p out: 0, PEKPPP_ERANGE or PEKPPP_ENOMEM
 * (then *out holds nothing to free).  Free with pk_diff_view_free. */
int pk_diff_view_make(pk_diff_view *out, const pekppp_diff *d);
void pk_diff_view_free(pk_diff_view *v);

#endif
