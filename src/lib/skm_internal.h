/*
 * The SKM results (pekppp/skm.h) as plain data: the view every format of
 * `pekppp skm` shows, made before the first byte (skm.c).
 */
#ifndef PK_SKM_INTERNAL_H
#define PK_SKM_INTERNAL_H

#include "pekppp/skm.h"
#include "model.h"
#include "responses.h"

/* The same unit under another weight convention. */
typedef struct {
    int64_t weight;             /* 0: exact (the rubric's weights), else the decimal x 10^4 */
    int64_t index_rounded;
    const pekppp_band *band;
} pk_skm_alt;

typedef struct {
    const pk_resp_unit *ru;     /* its rows */
    const char *label;          /* unit id, or "" for a sheet without a unit column */
    pekppp_assessment *a;       /* NULL when no respondent answered */
    pekppp_result *res;
    pk_rat *nrr;                /* per indicator: the exact mean (0 when nobody answered) */
    pk_rat *nrr_w;              /* per indicator: NRR x weight / weighting.total */
    int64_t *nrr_r;             /* rounded to the rubric's decimals */
    int64_t *nrr_w_r;           /* rounded to 4 places */
    size_t *rank;               /* answered indicators, lowest NRR first (ties in rubric order) */
    size_t nrank;
    pk_skm_alt *alts;           /* the other conventions */
    size_t nalts;
} pk_skm_unit;

struct pekppp_skm {
    const pekppp_rubric *r;     /* borrowed */
    pk_resp_spec spec;
    pk_resp_item *items;
    pk_responses rs;
    int64_t weight;             /* the convention used: 0 exact, else a decimal x 10^4 */
    pk_rat *weights;            /* per indicator, the weights used */
    pk_skm_unit *units;
    size_t nunits;
    const char **files;
    char (*sha256)[65];
    size_t nfiles;
    long respondents, empty;    /* over every unit */
    size_t grades[16];          /* units per band (position in r->bands), up to 16 bands */
};

/* The reports' words, Indonesian and English (skm_print.c). */
typedef enum {
    W_TITLE, W_UNIT, W_WHOLE_SHEET, W_INSTRUMENT, W_VERSION, W_WEIGHTS, W_WEIGHTS_EXACT,
    W_WEIGHTS_LEGACY, W_RESPONDENTS, W_EMPTY_ROWS, W_UNSUR, W_ANSWERED, W_BLANK, W_NRR,
    W_NRR_W, W_IKM, W_IKM_UNIT, W_EXACT, W_MUTU, W_KINERJA, W_OTHER_CONV, W_WITH_WEIGHT,
    W_PRIORITY, W_PROFILE, W_NO_RESPONDENTS, W_SUMMARY, W_UNITS, W_NOT_ANSWERED, W_BLANK_VALUE,
    W_RESPONDENTS_LC, W_CHART, W_CHART_DESC,
    /* the workbook's (skm_xlsx.c) */
    W_X_IKM, W_X_PRIORITY, W_X_CODE, W_X_EMPTY_ROWS, W_X_VALUE, W_X_COUNT, W_X_RANK,
    W_X_OTHER, W_X_CHART, W_X_UNITS, W_X_PROFILE, W_COUNT
} skm_word;

const char *pk_skm_word(const pekppp_report_options *o, skm_word id);

/* A weight convention as the regulation prints it, "1/9" (exact, @p weight
 * 0) or "0,11" with @p point: in @p buf, or a constant. */
const char *pk_skm_weight_text(char *buf, size_t size, const pekppp_skm *s, int64_t weight,
                               char point);

#endif
