/* The plan's insides: plan.c computes them, the renderers in report/ print
 * them (`plan`, and a unit report with `score --target`). */
#ifndef PK_PLAN_INTERNAL_H
#define PK_PLAN_INTERNAL_H

#include "pekppp/plan.h"
#include "model.h"

typedef struct {
    size_t indicator;
    int from, to;
    pk_rat gain;
    int64_t gain_rounded;
    int64_t after_rounded;          /* the index once this step and those before are taken */
    const pekppp_band *after_band;
} pk_step;

struct pekppp_plan {
    const pekppp_result *res;
    const pekppp_band *target;   /* asked for */
    const pekppp_band *goal;     /* planned for: the target, or the best reachable */
    int feasible;
    pk_rat after;
    int64_t after_rounded;
    const pekppp_band *after_band;
    int64_t best_rounded;        /* infeasible: the index with every allowed step */
    const pekppp_band *best_band;
    pk_step *steps;
    size_t nsteps;
};


#endif
