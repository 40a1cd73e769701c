/*
 * Plans to a target grade (`pekppp plan`); see plan.h for why taking the
 * largest gains first is optimal.
 *
 * The result's recommendations already list, once per indicator that can
 * rise, the exact gain of one step, highest first with ties in rubric order.
 * A plan walks that list, taking each indicator's steps (up to the top level,
 * or --max-level-step), until the exact index reaches the threshold below
 * which the ROUNDED index would still miss the band: min - 1/2 unit of the
 * last printed place.
 *
 * The plan is the view of itself: its steps are the rows every format
 * prints (report/plan_print.c, report/md.c).
 */
#include "pekppp/plan.h"
#include "plan_internal.h"

#include <string.h>

#include "diag.h"

/* A rounded value of the rubric's precision, in the public form. */
static pekppp_fixed rounded_fixed(const pekppp_rubric *r, int64_t rounded)
{
    pekppp_fixed v;
    v.units = rounded;
    v.decimals = r->decimals;
    return v;
}

static int is_fixed(const pekppp_rubric *r, size_t ind, const pekppp_plan_options *o)
{
    size_t i;
    for (i = 0; o && i < o->nfixed; i++)
        if (strcmp(o->fixed[i], r->indicators[ind].id) == 0)
            return 1;
    return 0;
}

static int steps_allowed(const pekppp_rubric *r, const pk_recommendation *rec,
                         const pekppp_plan_options *o)
{
    int n = r->scale_max - rec->from;
    if (o && o->max_level_step > 0 && n > o->max_level_step)
        n = o->max_level_step;
    return n;
}

/* The exact index below which the rounded index misses @p band. */
static int threshold(const pekppp_rubric *r, const pekppp_band *band, pk_rat *out)
{
    pk_rat half;
    int64_t unit = 1;
    int i;
    for (i = 0; i < r->decimals; i++)
        unit *= 10;
    if (pk_rat_make(&half, 1, 2 * (pk_i128)unit) < 0)
        return PEKPPP_ERANGE;
    return pk_rat_sub(out, pk_rat_dec(pk_fixed_dec(band->min)), half);
}

/* Plan for @p band: fill p->steps and p->after; *reached says whether the
 * rounded index reaches it.  With @p all, take every allowed step. */
static int plan_for(pekppp_plan *p, const pekppp_band *band, const pekppp_plan_options *o,
                    int all, int *reached)
{
    const pekppp_result *res = p->res;
    const pekppp_rubric *r = res->rubric;
    pk_rat thr = pk_rat_int(0);
    size_t i;
    int error = 0, k;
    p->nsteps = 0;
    p->after = res->index;
    *reached = 0;
    if (band && (error = threshold(r, band, &thr)) < 0)
        return error;
    if (band && pk_rat_cmp(p->after, thr) >= 0) {
        *reached = 1;
        return 0;
    }
    for (i = 0; i < res->nrecs; i++) {
        const pk_recommendation *rec = &res->recs[i];
        int n = steps_allowed(r, rec, o);
        if (is_fixed(r, rec->indicator, o))
            continue;
        for (k = 0; k < n; k++) {
            pk_step *st = &p->steps[p->nsteps++];
            st->indicator = rec->indicator;
            st->from = rec->from + k;
            st->to = st->from + 1;
            st->gain = rec->gain;
            st->gain_rounded = rec->gain_rounded;
            if ((error = pk_rat_add(&p->after, p->after, rec->gain)) < 0 ||
                (error = pk_round(r, p->after, &st->after_rounded)) < 0)
                return error;
            st->after_band = pekppp_rubric_band_for(r, rounded_fixed(r, st->after_rounded));
            if (!all && band && pk_rat_cmp(p->after, thr) >= 0) {
                *reached = 1;
                return 0;
            }
        }
    }
    return 0;
}

int pekppp_plan_options_init(pekppp_plan_options *opts, unsigned version)
{
    pekppp_plan_options defaults = PEKPPP_PLAN_OPTIONS_INIT;
    if (!opts || version == 0 || version > PEKPPP_PLAN_OPTIONS_VERSION)
        return PEKPPP_EINVALID;
    *opts = defaults;
    return 0;
}

int pekppp_plan_make(pekppp_plan **out, const pekppp_result *res, const char *target,
                     const pekppp_plan_options *opts, pekppp_error *err)
{
    const pekppp_rubric *r = res->rubric;
    pekppp_plan *p = NULL;
    pk_report rep;
    size_t i, cap = 0;
    int error = 0, reached = 0;

    *out = NULL;
    pk_report_init(&rep, res->assessment->file, NULL, NULL, err);
    if (opts && (error = pk_options_check(&rep, "pekppp_plan_options", opts->version,
                                          PEKPPP_PLAN_OPTIONS_VERSION)) < 0)
        return error;
    for (i = 0; opts && i < opts->nfixed; i++)
        if (pekppp_rubric_find_indicator(r, opts->fixed[i]) < 0) {
            pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL,
                    PK_R_UNIT_UNKNOWN_INDICATOR, "rubric '%s' has no indicator '%s' to keep fixed",
                    r->id, opts->fixed[i]);
            return PEKPPP_EINVALID;
        }
    if (!(p = pk_malloc(sizeof(*p))))
        goto oom;
    memset(p, 0, sizeof(*p));
    p->res = res;
    for (i = 0; i < r->nbands; i++)
        if (strcmp(r->bands[i].grade, target) == 0)
            p->target = &r->bands[i];
    if (!p->target) {
        pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL,
                PK_R_OTHER, "rubric '%s' has no grade '%s'", r->id, target);
        error = PEKPPP_EINVALID;
        goto done;
    }
    for (i = 0; i < res->nrecs; i++)
        cap += (size_t)steps_allowed(r, &res->recs[i], opts);
    if (!(p->steps = pk_malloc((cap ? cap : 1) * sizeof(*p->steps))))
        goto oom;
    p->goal = p->target;
    if ((error = plan_for(p, p->target, opts, 0, &reached)) < 0)
        goto done;
    p->feasible = reached;
    if (!reached) {
        /* Every allowed step taken: which grade does that reach?  Then the
         * fewest steps to that grade. */
        int64_t best;
        if ((error = plan_for(p, NULL, opts, 1, &reached)) < 0 ||
            (error = pk_round(r, p->after, &best)) < 0)
            goto done;
        p->goal = pekppp_rubric_band_for(r, rounded_fixed(r, best));
        p->best_rounded = best;
        p->best_band = p->goal;
        if (p->goal == res->band) {
            p->nsteps = 0; /* no step changes the grade: none is worth planning */
            p->after = res->index;
        } else if ((error = plan_for(p, p->goal, opts, 0, &reached)) < 0) {
            goto done;
        }
    }
    if ((error = pk_round(r, p->after, &p->after_rounded)) < 0)
        goto done;
    p->after_band = pekppp_rubric_band_for(r, rounded_fixed(r, p->after_rounded));
    *out = p;
    p = NULL;
done:
    if (error == PEKPPP_ERANGE)
        pk_diag(&rep, error, PEKPPP_SEV_ERROR, 0, 0, NULL,
                PK_R_SCORE_RANGE, "an exact value outgrew 128-bit arithmetic");
    pekppp_plan_free(p);
    return error;
oom:
    pk_diag(&rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
    pekppp_plan_free(p);
    return PEKPPP_ENOMEM;
}

void pekppp_plan_free(pekppp_plan *p)
{
    if (!p)
        return;
    pk_free(p->steps);
    pk_free(p);
}

int pekppp_plan_feasible(const pekppp_plan *p) { return p->feasible; }
size_t pekppp_plan_step_count(const pekppp_plan *p) { return p->nsteps; }

int pekppp_plan_step(const pekppp_plan *p, size_t i, size_t *indicator, int *from, int *to)
{
    if (i >= p->nsteps)
        return PEKPPP_EINVALID;
    *indicator = p->steps[i].indicator;
    *from = p->steps[i].from;
    *to = p->steps[i].to;
    return 0;
}

pekppp_fixed pekppp_plan_after(const pekppp_plan *p)
{
    pekppp_fixed f;
    f.units = p->after_rounded;
    f.decimals = p->res->rubric->decimals;
    return f;
}
