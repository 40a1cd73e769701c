/*
 * The scorer: SCORING.md, exactly.
 *
 * Pure: it reads a checked assessment and its rubric and builds a result,
 * with no I/O, no globals and no floating point.  Every sum is an exact
 * rational; values are rounded once, half-up, only for display, and the grade
 * comes from the rounded index (rule 6).  Recommendations are one-level steps
 * with their exact gain on the index, highest first, ties in rubric order.
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"

#define TRY(expr)                      \
    do {                               \
        if ((error = (expr)) < 0)      \
            goto done;                 \
    } while (0)

/* The level an answer counts as: missing answers (allowed) count as scale.min. */
static int counted_level(const pekppp_rubric *r, int level)
{
    return level == PEKPPP_LEVEL_MISSING ? r->scale_min : level;
}

/* U, the survey score, when the responses form gives one; 0 when no item was answered. */
static int survey_from_responses(const pekppp_assessment *a, pk_rat *out, bool *any)
{
    const pekppp_rubric *r = a->rubric;
    pk_rat sum = pk_rat_int(0), mean;
    int64_t items = 0;
    size_t i;
    int error = 0;
    *any = false;
    for (i = 0; i < r->nsurvey_items; i++) {
        if (a->item_counts[i] == 0)
            continue;
        TRY(pk_rat_make(&mean, a->item_sums[i], a->item_counts[i]));
        TRY(pk_rat_add(&sum, sum, mean));
        items++;
    }
    if (items > 0) {
        *any = true;
        TRY(pk_rat_div(out, sum, pk_rat_int(items)));
    }
done:
    return error;
}

static int cmp_recs(const void *pa, const void *pb)
{
    const pk_recommendation *a = pa, *b = pb;
    int c = pk_rat_cmp(b->gain, a->gain);
    if (c)
        return c;
    return a->indicator < b->indicator ? -1 : a->indicator > b->indicator;
}

/* One recommendation per indicator below the top level and not na.
 * @p wsum holds each aspect's sum of non-na indicator weights and @p wtotal
 * the sum of the weights of the aspects scored, all scaled by 10^4, so
 * every gain is one exact fraction of 64-bit integers:
 *   gain = W(a) w(i) / (wsum(a) wtotal)            (x evaluator% / 100) */
static int recommend(pekppp_result *res, const int64_t *wsum, int64_t wtotal)
{
    const pekppp_assessment *a = res->assessment;
    const pekppp_rubric *r = res->rubric;
    size_t i;
    int error = 0;
    res->recs = pk_malloc((r->nindicators ? r->nindicators : 1) * sizeof(*res->recs));
    if (!res->recs)
        return PEKPPP_ENOMEM;
    for (i = 0; i < r->nindicators; i++) {
        const pekppp_indicator *ind = &r->indicators[i];
        int level = a->answers[i].level;
        pk_recommendation *rec;
        pk_i128 num, den;
        if (level == PEKPPP_LEVEL_NA)
            continue;
        level = counted_level(r, level);
        if (level >= r->scale_max)
            continue;
        num = (pk_i128)r->aspects[ind->aspect].weight * ind->weight;
        den = (pk_i128)wsum[ind->aspect] * wtotal;
        if (res->survey_counts) {
            num *= r->combine_evaluator;
            den *= (pk_i128)100 * PEKPPP_DEC_SCALE;
        }
        rec = &res->recs[res->nrecs++];
        rec->indicator = i;
        rec->from = level;
        rec->to = level + 1;
        /* Both parts stay below 10^18 (weights scaled by 10^4 are at most
         * 10^6), so the fraction is kept as it is, unreduced: rounding and
         * comparing need no common factors removed. */
        rec->gain.num = num;
        rec->gain.den = den;
        TRY(pk_round(r, rec->gain, &rec->gain_rounded));
    }
    qsort(res->recs, res->nrecs, sizeof(*res->recs), cmp_recs);
done:
    return error;
}

/* Rule 1 for exact weights or respondent means (docs/scoring.md, "exact
 * weights"): S(a) = sum w(i) v(i) / (T x Wused / Wall), where v(i) is the
 * level or the mean of the respondents' answers, Wused the weights of the
 * indicators counted, Wall all the aspect's weights and T weighting.total
 * (without `weighting:`, T = Wall: the weighted mean).  With the rubric's
 * own weights Wall = T, so an answered aspect is plainly sum w(i) v(i) / T;
 * a legacy convention (every weight 0.11, Wall 0.99) keeps T / Wall = 1/0.99
 * out of it: S = sum 0.11 v(i), as the sheets compute it.
 * Sets *counted to the weights counted (0 when none: left out). */
static int exact_aspect(const pekppp_assessment *a, const pk_rat *weights, size_t asp, pk_rat *score,
                        int *counted, unsigned *flags)
{
    const pekppp_rubric *r = a->rubric;
    const pekppp_aspect *ap = &r->aspects[asp];
    pk_rat num = pk_rat_int(0), wused = pk_rat_int(0), wall = pk_rat_int(0), den, t, v;
    size_t j;
    int error = 0;
    *counted = 0;
    for (j = ap->first; j < ap->first + ap->count; j++) {
        pk_rat w = weights ? weights[j]
                           : r->iweights ? r->iweights[j] : pk_rat_dec(r->indicators[j].weight);
        TRY(pk_rat_add(&wall, wall, w));
        if (a->ind_counts) {
            if (a->ind_counts[j] == 0) {
                *flags |= PEKPPP_FLAG_NA_RENORMALISED;
                continue;
            }
            TRY(pk_rat_make(&v, a->ind_sums[j], a->ind_counts[j]));
        } else if (a->answers[j].level == PEKPPP_LEVEL_NA) {
            *flags |= PEKPPP_FLAG_NA_RENORMALISED;
            continue;
        } else {
            v = pk_rat_int(counted_level(r, a->answers[j].level));
        }
        TRY(pk_rat_mul(&t, w, v));
        TRY(pk_rat_add(&num, num, t));
        TRY(pk_rat_add(&wused, wused, w));
        *counted = 1;
    }
    if (!*counted)
        goto done;
    den = wused;
    if (r->has_weighting) {
        TRY(pk_rat_mul(&den, r->weight_total, wused));
        TRY(pk_rat_div(&den, den, wall));
    }
    TRY(pk_rat_div(score, num, den));
done:
    return error;
}

int pekppp_score(pekppp_result **out, const pekppp_assessment *a, pekppp_error *err)
{
    return pk_score_weighted(out, a, NULL, err);
}

int pk_score_weighted(pekppp_result **out, const pekppp_assessment *a, const pk_rat *weights,
                      pekppp_error *err)
{
    bool exact_path = weights || a->rubric->has_weighting || a->ind_counts;
    const pekppp_rubric *r = a->rubric;
    pekppp_result *res = NULL;
    int64_t *wsum = NULL; /* per aspect: sum of the weights of its non-na indicators */
    int64_t wtotal = 0;   /* sum of the weights of the aspects scored */
    pk_rat evaluator_num = pk_rat_int(0), weight_total;
    size_t i, j;
    int error = 0;

    *out = NULL;
    if (!(res = pk_malloc(sizeof(*res)))) {
        error = PEKPPP_ENOMEM;
        goto done;
    }
    memset(res, 0, sizeof(*res));
    res->assessment = a;
    res->rubric = r;
    res->aspects = pk_malloc(r->naspects * sizeof(*res->aspects));
    wsum = pk_malloc(r->naspects * sizeof(*wsum));
    if (!res->aspects || !wsum) {
        error = PEKPPP_ENOMEM;
        goto done;
    }
    memset(res->aspects, 0, r->naspects * sizeof(*res->aspects));
    if (r->provisional)
        res->flags |= PEKPPP_FLAG_PROVISIONAL_RUBRIC;
    /* Incomplete when an answer is still missing now (a what-if may fill it). */
    for (i = 0; i < r->nindicators && !a->ind_counts; i++)
        if (a->answers[i].level == PEKPPP_LEVEL_MISSING)
            res->flags |= PEKPPP_FLAG_INCOMPLETE;

    /* Rules 1 and 2: aspect scores, then the evaluator score.  Within an
     * aspect the sums are plain integers (weights scaled by 10^4 are at most
     * 10^6 in all, levels at most 100), so one fraction is made per aspect. */
    for (i = 0; i < r->naspects; i++) {
        const pekppp_aspect *asp = &r->aspects[i];
        pk_aspect_result *ar = &res->aspects[i];
        int64_t num = 0, den = 0;
        pk_rat t;
        if (exact_path) {
            int counted;
            TRY(exact_aspect(a, weights, i, &ar->score, &counted, &res->flags));
            wsum[i] = counted; /* recommendations are not made on this path */
            if (!counted) {
                ar->left_out = true;
                continue;
            }
            TRY(pk_round(r, ar->score, &ar->rounded));
            TRY(pk_rat_mul(&t, pk_rat_dec(asp->weight), ar->score));
            TRY(pk_rat_add(&evaluator_num, evaluator_num, t));
            wtotal += asp->weight;
            continue;
        }
        for (j = asp->first; j < asp->first + asp->count; j++) {
            int level = a->answers[j].level;
            if (level == PEKPPP_LEVEL_NA) {
                res->flags |= PEKPPP_FLAG_NA_RENORMALISED;
                continue;
            }
            num += r->indicators[j].weight * counted_level(r, level);
            den += r->indicators[j].weight;
        }
        wsum[i] = den;
        if (den == 0) {
            ar->left_out = true;
            continue;
        }
        TRY(pk_rat_make(&ar->score, num, den));
        TRY(pk_round(r, ar->score, &ar->rounded));
        TRY(pk_rat_mul(&t, pk_rat_dec(asp->weight), ar->score));
        TRY(pk_rat_add(&evaluator_num, evaluator_num, t));
        wtotal += asp->weight;
    }
    weight_total = pk_rat_dec(wtotal);
    if (wtotal == 0) {
        /* Every indicator answered na: nothing to score. */
        pekppp_error e;
        pk_report rep;
        pk_report_init(&rep, a->file, NULL, NULL, err ? err : &e);
        pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL,
                PK_R_UNIT_NA, "every indicator is answered 'na': there is nothing to score");
        error = PEKPPP_EINVALID;
        goto done;
    }
    TRY(pk_rat_div(&res->evaluator, evaluator_num, weight_total));
    TRY(pk_round(r, res->evaluator, &res->evaluator_rounded));
    for (i = 0; i < r->naspects; i++) {
        pk_aspect_result *ar = &res->aspects[i];
        pk_rat t;
        if (ar->left_out)
            continue;
        TRY(pk_rat_mul(&t, pk_rat_dec(r->aspects[i].weight), ar->score));
        TRY(pk_rat_div(&t, t, weight_total));
        TRY(pk_round(r, t, &ar->contribution));
    }

    /* Rule 3: the survey, when the rubric combines one. */
    if (r->combines_survey) {
        bool any = a->survey_kind != PK_SURVEY_NONE;
        if (a->survey_kind == PK_SURVEY_SCORE)
            res->survey = pk_rat_dec(a->survey_score);
        else if (a->survey_kind == PK_SURVEY_RESPONSES)
            TRY(survey_from_responses(a, &res->survey, &any));
        if (!any)
            res->flags |= PEKPPP_FLAG_SURVEY_MISSING;
        else if (a->respondents < r->min_respondents)
            res->flags |= PEKPPP_FLAG_SURVEY_BELOW_MIN;
        else
            res->survey_counts = true;
    }

    /* Rule 4: the index; rules 5 and 6: round once, grade the rounded value. */
    if (res->survey_counts) {
        pk_rat e, s;
        TRY(pk_round(r, res->survey, &res->survey_rounded));
        TRY(pk_rat_mul(&e, pk_rat_dec(r->combine_evaluator), res->evaluator));
        TRY(pk_rat_mul(&s, pk_rat_dec(r->combine_survey), res->survey));
        TRY(pk_rat_add(&e, e, s));
        TRY(pk_rat_div(&res->index, e, pk_rat_int(100)));
    } else {
        res->index = res->evaluator;
    }
    /* convert.factor: the index shown and graded is the score times it. */
    if (r->convert_factor)
        TRY(pk_rat_mul(&res->index, res->index, pk_rat_dec(r->convert_factor)));
    TRY(pk_round(r, res->index, &res->index_rounded));
    res->band = pekppp_rubric_band_for(r, pekppp_result_index(res));
    if (exact_path) {
        /* One-level steps are for units answered by levels. */
        if (!(res->recs = pk_malloc(sizeof(*res->recs))))
            TRY(PEKPPP_ENOMEM);
    } else {
        TRY(recommend(res, wsum, wtotal));
    }

    *out = res;
    res = NULL;
done:
    if (error == PEKPPP_ERANGE || error == PEKPPP_ENOMEM) {
        pekppp_error e;
        pk_report rep;
        pk_report_init(&rep, a->file, NULL, NULL, err ? err : &e);
        pk_diag(&rep, error, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "%s",
                error == PEKPPP_ENOMEM ? "out of memory"
                                       : "an exact value outgrew 128-bit arithmetic; no "
                                         "rounded approximation is given");
    }
    pk_free(wsum);
    pekppp_result_free(res);
    return error;
}

void pekppp_result_free(pekppp_result *res)
{
    if (!res)
        return;
    pk_free(res->aspects);
    pk_free(res->recs);
    pk_free(res);
}

pekppp_fixed pekppp_result_index(const pekppp_result *res)
{
    pekppp_fixed f;
    f.units = res->index_rounded;
    f.decimals = res->rubric->decimals;
    return f;
}

const pekppp_band *pekppp_result_band(const pekppp_result *res) { return res->band; }
unsigned pekppp_result_flags(const pekppp_result *res) { return res->flags; }
const pekppp_assessment *pekppp_result_assessment(const pekppp_result *res) { return res->assessment; }

int pekppp_result_compare_index(const pekppp_result *res, pekppp_fixed threshold)
{
    pk_rat t;
    if (pk_rat_fixed(&t, threshold) < 0)
        return PEKPPP_EINVALID;
    return pk_rat_cmp(res->index, t);
}

int pekppp_fixed_compare(pekppp_fixed a, pekppp_fixed b)
{
    pk_rat x, y;
    if (pk_rat_fixed(&x, a) < 0 || pk_rat_fixed(&y, b) < 0)
        return PEKPPP_EINVALID;
    return pk_rat_cmp(x, y);
}

int pekppp_fixed_format(char *buf, size_t size, pekppp_fixed v)
{
    return pk_fixed_format(buf, size, v.units, v.decimals);
}

const pekppp_band *pk_next_band(const pekppp_result *res, int64_t *gap)
{
    const pekppp_rubric *r = res->rubric;
    const pekppp_band *next;
    int64_t scale = 1;
    int i;
    if (!res->band || res->band == &r->bands[0])
        return NULL;
    next = res->band - 1;
    for (i = r->decimals; i < 4; i++)
        scale *= 10;
    *gap = pk_fixed_dec(next->min) / scale - res->index_rounded; /* min lies on the rounding grid */
    return next;
}

int64_t pk_rounded_delta(const pekppp_rubric *r, pk_rat now, pk_rat before, int *ok)
{
    pk_rat d;
    int64_t out = 0;
    if (pk_rat_sub(&d, now, before) < 0 || pk_round(r, d, &out) < 0)
        *ok = 0;
    return out;
}
