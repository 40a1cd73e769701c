/*
 * The views (view.h) of a unit report and of a batch: what a report shows
 * beyond the result or batch itself, worked out once before any renderer
 * writes.  (The diff's view is made in diff.c, which owns its snapshots.)
 */
#include "view.h"

#include "batch_internal.h"

#include <string.h>

static int whatif_make(pk_whatif_view *w, const pekppp_result *res, const pekppp_report_options *o)
{
    const pekppp_result *base = o->baseline;
    const pekppp_rubric *r = res->rubric;
    size_t i;
    int ok = 1;
    memset(w, 0, sizeof(*w));
    w->before = base;
    w->changes = o->changes;
    w->nchanges = o->nchanges;
    w->delta = pk_rounded_delta(r, res->index, base->index, &ok);
    if (!(w->aspects = pk_malloc((r->naspects ? r->naspects : 1) * sizeof(*w->aspects))))
        return PEKPPP_ENOMEM;
    for (i = 0; i < r->naspects; i++) {
        const pk_aspect_result *a = &res->aspects[i], *b = &base->aspects[i];
        pk_whatif_aspect *wa = &w->aspects[w->naspects];
        if (a->left_out || b->left_out)
            continue;
        wa->aspect = i;
        wa->before = b->rounded;
        wa->after = a->rounded;
        wa->delta = pk_rounded_delta(r, a->score, b->score, &ok);
        wa->moved = pk_rat_cmp(a->score, b->score) != 0;
        w->naspects++;
    }
    return ok ? 0 : PEKPPP_ERANGE;
}

/* What one level of indicator j adds to the index, exactly:
 *   W(a) w(j) / (wsum(a) wtotal)       (x evaluator% / 100 with a survey)
 * times the level gives its contribution, times the levels still above it
 * the points it loses.  Rounded once, like every shown value. */
static int64_t indicator_value(const pekppp_result *res, size_t j, int64_t wsum, int64_t wtotal,
                               int64_t levels, int *ok)
{
    const pekppp_rubric *r = res->rubric;
    const pekppp_indicator *ind = &r->indicators[j];
    pk_i128 n = (pk_i128)r->aspects[ind->aspect].weight * ind->weight * levels;
    pk_i128 d = (pk_i128)wsum * wtotal;
    pk_rat v;
    int64_t out = 0;
    if (res->survey_counts) {
        n *= r->combine_evaluator;
        d *= (pk_i128)100 * PEKPPP_DEC_SCALE;
    }
    if (d <= 0 || pk_rat_make(&v, n, d) < 0 || pk_round(r, v, &out) < 0)
        *ok = 0;
    return out;
}

/* Sum of the weights of an aspect's indicators not answered na. */
static int64_t aspect_wsum(const pekppp_result *res, size_t i)
{
    const pekppp_rubric *r = res->rubric;
    const pekppp_aspect *asp = &r->aspects[i];
    int64_t sum = 0;
    size_t j;
    for (j = asp->first; j < asp->first + asp->count; j++)
        if (res->assessment->answers[j].level != PEKPPP_LEVEL_NA)
            sum += r->indicators[j].weight;
    return sum;
}

static int worth_make(pk_indicator_worth **out, const pekppp_result *res)
{
    const pekppp_rubric *r = res->rubric;
    pk_indicator_worth *w;
    int64_t wtotal = 0;
    size_t i, j;
    int ok = 1;
    if (!(*out = w = pk_malloc((r->nindicators ? r->nindicators : 1) * sizeof(*w))))
        return PEKPPP_ENOMEM;
    memset(w, 0, (r->nindicators ? r->nindicators : 1) * sizeof(*w));
    for (i = 0; i < r->naspects; i++)
        if (!res->aspects[i].left_out)
            wtotal += r->aspects[i].weight;
    for (i = 0; i < r->naspects; i++) {
        const pekppp_aspect *asp = &r->aspects[i];
        int64_t wsum = aspect_wsum(res, i);
        for (j = asp->first; j < asp->first + asp->count; j++) {
            int level = res->assessment->answers[j].level;
            int counted = level == PEKPPP_LEVEL_MISSING ? r->scale_min : level;
            if (level == PEKPPP_LEVEL_NA || wsum <= 0)
                continue;
            w[j].shown = true;
            w[j].contribution = indicator_value(res, j, wsum, wtotal, counted, &ok);
            w[j].lost = indicator_value(res, j, wsum, wtotal, r->scale_max - counted, &ok);
        }
    }
    return ok ? 0 : PEKPPP_ERANGE;
}

/* The aspects with an indicator answered na, in rubric order; *n of them. */
static int na_aspects_make(pk_caveats *c, const pekppp_result *res, size_t *n)
{
    const pekppp_rubric *r = res->rubric;
    size_t i, j;
    *n = 0;
    if (!(c->na_aspects = pk_malloc((r->naspects ? r->naspects : 1) * sizeof(*c->na_aspects))))
        return PEKPPP_ENOMEM;
    for (i = 0; i < r->naspects; i++) {
        const pekppp_aspect *asp = &r->aspects[i];
        pk_caveat_aspect *ca = &c->na_aspects[*n];
        ca->aspect = i;
        ca->na = 0;
        ca->count = asp->count;
        ca->left_out = res->aspects[i].left_out;
        for (j = asp->first; j < asp->first + asp->count; j++)
            ca->na += res->assessment->answers[j].level == PEKPPP_LEVEL_NA;
        if (ca->na)
            (*n)++;
    }
    return 0;
}

int pk_caveats_make(pk_caveats *out, const pekppp_result *res)
{
    const pekppp_rubric *r = res->rubric;
    const pekppp_assessment *a = res->assessment;
    pk_caveat *c;
    size_t i;
    memset(out, 0, sizeof(*out));
    if (res->flags & PEKPPP_FLAG_PROVISIONAL_RUBRIC) {
        c = &out->items[out->n++];
        c->flag = PEKPPP_FLAG_PROVISIONAL_RUBRIC;
        c->reason = r->provisional;
    }
    if (res->flags & PEKPPP_FLAG_INCOMPLETE) {
        c = &out->items[out->n++];
        c->flag = PEKPPP_FLAG_INCOMPLETE;
        c->indicators = r->nindicators;
        for (i = 0; i < r->nindicators; i++)
            c->unanswered += a->answers[i].level == PEKPPP_LEVEL_MISSING;
    }
    if (res->flags & PEKPPP_FLAG_SURVEY_BELOW_MIN) {
        c = &out->items[out->n++];
        c->flag = PEKPPP_FLAG_SURVEY_BELOW_MIN;
        c->respondents = a->respondents;
        c->min_respondents = r->min_respondents;
    }
    if (res->flags & PEKPPP_FLAG_SURVEY_MISSING)
        out->items[out->n++].flag = PEKPPP_FLAG_SURVEY_MISSING;
    if (res->flags & PEKPPP_FLAG_NA_RENORMALISED) {
        c = &out->items[out->n++];
        c->flag = PEKPPP_FLAG_NA_RENORMALISED;
        if (na_aspects_make(out, res, &c->naspects) < 0) {
            pk_caveats_free(out);
            return PEKPPP_ENOMEM;
        }
        c->aspects = out->na_aspects;
    }
    return 0;
}

void pk_caveats_free(pk_caveats *c)
{
    pk_free(c->na_aspects);
    memset(c, 0, sizeof(*c));
}

int pk_unit_view_make(pk_unit_view *out, const pekppp_result *res,
                      const pekppp_report_options *o, pekppp_report_format format)
{
    int error = 0;
    memset(out, 0, sizeof(*out));
    if (o->baseline) {
        error = whatif_make(&out->whatif_data, res, o);
        out->whatif = &out->whatif_data;
    }
    if (error == 0 && format == PEKPPP_FORMAT_HTML)
        error = worth_make(&out->worth, res);
    if (error == 0)
        error = pk_caveats_make(&out->caveats, res);
    if (error < 0)
        pk_unit_view_free(out);
    return error;
}

void pk_unit_view_free(pk_unit_view *v)
{
    pk_free(v->whatif_data.aspects);
    pk_free(v->worth);
    pk_caveats_free(&v->caveats);
    memset(v, 0, sizeof(*v));
}

/* An indicator's exact total and its rounded total and mean per unit; -1
 * when a value outgrew 128 bits (the indicator is then left out). */
static int missed_row(const pekppp_batch *b, size_t i, pk_rat *lost, pk_missed_row *row)
{
    const pekppp_rubric *r = b->rubric;
    pk_rat mean;
    row->indicator = i;
    row->units = b->missed[i].units;
    if (b->missed[i].overflow || pk_missed_total(&b->missed[i], lost) < 0 ||
        pk_round(r, *lost, &row->total) < 0 ||
        pk_rat_div(&mean, *lost, pk_rat_int((int64_t)b->nunits)) < 0 ||
        pk_round(r, mean, &row->mean) < 0)
        return -1;
    return 0;
}

/* Per indicator, the exact sum over the units of what it loses below the
 * top level (kept by pekppp_batch_add), largest first: the top ten, kept by
 * insertion, each indicator once in rubric order so an equal sum never
 * passes one that came first. */
int pk_missed_view_make(pk_missed_view *out, const pekppp_batch *b)
{
    const pekppp_rubric *r = b->rubric;
    pk_rat lost, top[PK_MISSED_SHOWN];
    pk_missed_row row;
    size_t i, k;
    memset(out, 0, sizeof(*out));
    if (b->nunits == 0)
        return 0;
    for (i = 0; i < r->nindicators; i++) {
        if (b->missed[i].units == 0)
            continue;
        if (missed_row(b, i, &lost, &row) < 0) {
            out->left_out++;
            continue;
        }
        for (k = out->nrows; k > 0 && pk_rat_cmp(lost, top[k - 1]) > 0; k--)
            if (k < PK_MISSED_SHOWN) {
                out->rows[k] = out->rows[k - 1];
                top[k] = top[k - 1];
            }
        if (k < PK_MISSED_SHOWN) {
            out->rows[k] = row;
            top[k] = lost;
            if (out->nrows < PK_MISSED_SHOWN)
                out->nrows++;
        }
    }
    return 0;
}
