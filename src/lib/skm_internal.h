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

#endif
