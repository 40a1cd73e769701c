/* The batch's private layout, shared by batch.c and the batch renderers in report/. */
#ifndef PK_BATCH_INTERNAL_H
#define PK_BATCH_INTERNAL_H

#include "pekppp/batch.h"
#include "model.h"

/* What a batch keeps of one scored unit: about 150 bytes and its texts.
 * Rounded values fit 32 bits (scale max 100, at most 4 decimals). */
typedef struct {
    pk_rat index;               /* exact, for ranking and means */
    const char *id, *name, *institution, *category, *mode, *period;
    const char *dir, *base;     /* its file: the folder part interned, then the rest */
    const char *sheet;          /* the workbook sheet it was read from (interned), or NULL */
    const pekppp_band *band;    /* in the batch's rubric */
    uint32_t id_line, id_col;   /* where its id stands in file (0: unknown) */
    uint32_t rank;
    int32_t index_rounded, evaluator_rounded, survey_rounded;
    uint8_t flags;
    bool survey_counts;
    int32_t aspects[];          /* rounded score per aspect; INT32_MIN when left out */
} pk_unit;

typedef struct {
    unsigned kind; /* PEKPPP_GROUP_* */
    const char *key;
    size_t units;
    pk_rat sum;
    int64_t mean_rounded;
    const pekppp_band *band;
} pk_group;

/* Per indicator, over the units: the index points lost because it is below
 * the top level (its one-level gain times the levels left), summed exactly,
 * and how many units lose any.  The terms have few distinct denominators (one
 * per pattern of `na` answers and survey use), so each gets a bucket that adds
 * numerators only; terms beyond the buckets go to `rest`, added exactly. */
#define PK_MISSED_BUCKETS 4

typedef struct {
    pk_i128 num[PK_MISSED_BUCKETS], den[PK_MISSED_BUCKETS]; /* den 0: unused */
    pk_rat rest;
    uint32_t units;
    bool overflow;      /* the exact sum outgrew 128 bits: left out of the page */
} pk_missed;

/* The exact total of an indicator's lost points; 0 or PEKPPP_ERANGE (then
 * the indicator is left out of the most-missed list, never the batch). */
int pk_missed_total(const pk_missed *m, pk_rat *out);

typedef struct {
    const char *file, *path, *message;
    const char *message_id;   /* Indonesian, or NULL */
    const char *sheet;        /* a workbook's sheet (line = row, column = its number), or NULL */
    unsigned line, column;
} pk_failure;

/* A failure's message in the report's language (JSON keeps the English). */
static inline const char *pk_failure_message(const pk_failure *f, pekppp_lang lang)
{
    return lang == PEKPPP_LANG_ID && f->message_id ? f->message_id : f->message;
}

#define PK_PERIODS_COUNTED 8

struct pekppp_batch {
    pk_arena arena;
    const pekppp_rubric *rubric;
    unsigned group_by;
    pk_unit **units;      /* input order until finish, then ranking order */
    size_t nunits, ucap;
    uint32_t *ids;        /* hash set by id: 1 + position in units, 0 empty */
    size_t nids, idcap;
    const char **strs;    /* interned texts that repeat across units (hash set) */
    size_t nstrs, strcap;
    pk_failure *errors;
    size_t nerrors, ecap;
    pk_group *groups;
    size_t ngroups, gcap;
    size_t *grade_counts; /* per band */
    pk_missed *missed;    /* per indicator */
    pk_rat sum;
    int64_t mean_rounded;
    const pekppp_band *mean_band;
    int broken;           /* a sum overflowed: finish fails */
    int finished;
    /* Set by finish, for the notes and the title of every format: */
    bool rank_split;      /* two units print the same rounded index at different ranks */
    const char *periods[PK_PERIODS_COUNTED]; /* distinct periods of the units, in ranking order */
    size_t nperiods;      /* how many (at most PK_PERIODS_COUNTED: "that many or more") */
    const char *period;   /* the one period every unit names, else NULL */
    const char *institution; /* the one institution every unit names, else NULL */
    const char *title;    /* pekppp_batch_options.title, copied, or NULL */
};

#endif
