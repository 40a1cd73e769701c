/*
 * The library's private view of its handles: rubric, assessment and result.
 *
 * Public headers keep these opaque; the loaders, the scorer and the emitters
 * share the definitions here.  A rubric and an assessment each own an arena
 * holding everything they point to.
 */
#ifndef PK_MODEL_H
#define PK_MODEL_H

#include <stdbool.h>
#include "pekppp/rubric.h"
#include "pekppp/assessment.h"
#include "pekppp/score.h"
#include "arena.h"
#include "exact.h"

struct pekppp_rubric {
    pk_arena arena;
    const char *file;
    const char *id, *version, *title, *regulation, *lang;
    const char *provisional;     /* why the rubric is provisional, or NULL */
    bool normalise;              /* weight sums other than 100 are normalised (warned) */
    char sha256[65];
    int scale_min, scale_max;
    int decimals;
    bool combines_survey;        /* combine given with survey > 0 */
    int64_t combine_evaluator;   /* percent, scaled 10^4 */
    int64_t combine_survey;
    pekppp_band *bands;
    size_t nbands;
    pekppp_aspect *aspects;
    size_t naspects;
    pekppp_indicator *indicators;
    size_t nindicators;
    pekppp_supplement *supplements;
    size_t nsupplements;
    pekppp_survey_item *survey_items;
    size_t nsurvey_items;
    long min_respondents;
    bool has_survey;
    /* Instruments scored on respondent means (an SKM, docs/formats.md, "SKM"). */
    bool has_weighting;          /* `weighting:` given: indicator weights are exact
                                    fractions of weighting.total, scored without rounding */
    pk_rat weight_total;         /* weighting.total */
    pk_rat *iweights;            /* per scored indicator, exact (has_weighting) */
    int64_t *legacy_weights;     /* weighting.legacy: decimals scaled by 10^4 */
    size_t nlegacy;
    int64_t convert_factor;      /* convert.factor scaled by 10^4; 0 when there is none */
    const char **questions;      /* per scored indicator: its question text, or NULL */
    size_t *id_table;            /* open addressing: 1 + position, 0 empty (see rubric.c) */
    size_t id_cap;               /* a power of two */
};

/* Position of an indicator id: scored ones 0..nindicators-1, then the
 * supplementary ones; -1 when the rubric has no such id. */
long pk_rubric_lookup(const pekppp_rubric *r, const char *id);

/* Number of levels on the rubric's scale. */
#define PK_NLEVELS(r) ((size_t)((r)->scale_max - (r)->scale_min + 1))

typedef struct {
    int level;            /* or PEKPPP_LEVEL_MISSING / PEKPPP_LEVEL_NA */
    const char *note;     /* or NULL */
    const char *const *evidence;
    size_t nevidence;
    unsigned line, col;   /* where the answer is, 0 when missing */
} pk_answer;

typedef enum { PK_SURVEY_NONE, PK_SURVEY_SCORE, PK_SURVEY_RESPONSES } pk_survey_kind;

struct pekppp_assessment {
    pk_arena arena;
    const pekppp_rubric *rubric;  /* borrowed */
    const char *file;
    const char *sheet;            /* the workbook sheet it was read from, or NULL */
    char sha256[65];
    const char *unit_id, *unit_name, *institution, *category, *mode;
    const char *period, *assessor;
    unsigned id_line, id_col;     /* where the unit id stands, for batch errors */
    const char *id_path;          /* "unit.id" in a unit file, "unit_id" in a sheet */
    pk_answer *answers;           /* one per scored indicator */
    int *supplement_levels;       /* one per supplementary item, MISSING when absent */
    bool incomplete;              /* some answer missing, allowed by the caller */
    pk_survey_kind survey_kind;
    int64_t survey_score;         /* scaled 10^4, PK_SURVEY_SCORE */
    long respondents;
    int64_t *item_sums;           /* per survey item, PK_SURVEY_RESPONSES */
    int64_t *item_counts;
    /* Per scored indicator, the sum of the respondents' answers and how many
     * answered (an SKM); NULL for a unit answered by levels.  An indicator
     * nobody answered is left out like 'na'. */
    int64_t *ind_sums;
    int64_t *ind_counts;
};

typedef struct {
    pk_rat score;       /* exact aspect score */
    bool left_out;      /* every indicator na */
    int64_t rounded;    /* score, rounded */
    int64_t contribution; /* W(a) S(a) / sum W, rounded */
} pk_aspect_result;

typedef struct {
    size_t indicator;
    int from, to;
    pk_rat gain;          /* exact, but not reduced to lowest terms */
    int64_t gain_rounded;
} pk_recommendation;

struct pekppp_result {
    const pekppp_assessment *assessment; /* borrowed */
    const pekppp_rubric *rubric;         /* borrowed */
    pk_aspect_result *aspects;
    pk_rat evaluator, survey, index;
    bool survey_counts;
    int64_t evaluator_rounded, survey_rounded, index_rounded;
    const pekppp_band *band;
    unsigned flags;
    pk_recommendation *recs;
    size_t nrecs;
};

/* Score @p a with these exact indicator weights instead of the rubric's
 * (NULL: the rubric's); pekppp_score() is this with NULL.  A legacy weight
 * convention (every unsur 0.11) is scored so. */
int pk_score_weighted(pekppp_result **out, const pekppp_assessment *a, const pk_rat *weights,
                      pekppp_error *err);

/* Round an exact value to the rubric's places; PEKPPP_ERANGE on overflow. */
int pk_round(const pekppp_rubric *r, pk_rat v, int64_t *out);

/* The text of a one-level step (a recommendation, a plan step) on
 * @p indicator: the rubric's advice for level @p from, else the description
 * of level @p to (*is_advice says which). */
const char *pk_step_text(const pekppp_rubric *r, size_t indicator, int from, int to,
                         int *is_advice);

/* The band just above the result's, or NULL at the top; *gap gets the
 * distance from the rounded index to its minimum, in rounding units. */
const pekppp_band *pk_next_band(const pekppp_result *res, int64_t *gap);

/* The rounded difference new - old of two exact values (half away from
 * zero), once, on the exact difference; 0 on failure with *ok cleared. */
int64_t pk_rounded_delta(const pekppp_rubric *r, pk_rat now, pk_rat before, int *ok);

#endif
