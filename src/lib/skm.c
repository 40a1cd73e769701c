/*
 * The SKM (pekppp/skm.h): respondent rows to per-unit results.
 *
 * No SKM arithmetic lives here: each unit becomes an assessment whose
 * indicators carry the sums and counts of their answers, and pekppp_score()
 * (score.c, exact weights and respondent means) scores it.  This file reads
 * the rows (responses.c), makes those assessments, and works out what the
 * reports show beside the score: the NRR and NRR tertimbang of each unsur,
 * the follow-up priority list and the score under the other weight
 * conventions the rubric lists.
 */
#include "skm_internal.h"

#include <string.h>

#include "diag.h"

void pekppp_skm_free(pekppp_skm *s)
{
    size_t i;
    if (!s)
        return;
    for (i = 0; i < s->nunits; i++) {
        pk_skm_unit *u = &s->units[i];
        pekppp_result_free(u->res);
        pekppp_assessment_free(u->a);
        pk_free(u->nrr);
        pk_free(u->nrr_w);
        pk_free(u->nrr_r);
        pk_free(u->nrr_w_r);
        pk_free(u->rank);
        pk_free(u->alts);
    }
    pk_free(s->units);
    pk_free(s->items);
    pk_free(s->weights);
    pk_free(s->files);
    pk_free(s->sha256);
    pk_responses_free(&s->rs);
    pk_free(s);
}

size_t pekppp_skm_unit_count(const pekppp_skm *s) { return s->nunits; }

/* An assessment of the rubric whose indicators are answered by @p ru. */
static int make_assessment(pekppp_assessment **out, const pekppp_skm *s, const pk_resp_unit *ru,
                           const char *label)
{
    const pekppp_rubric *r = s->r;
    pekppp_assessment *a = pk_malloc(sizeof(*a));
    size_t i;
    *out = NULL;
    if (!a)
        return PEKPPP_ENOMEM;
    memset(a, 0, sizeof(*a));
    a->rubric = r;
    a->file = ru->file ? ru->file : "";
    a->unit_id = label;
    a->unit_name = ru->unit_name ? ru->unit_name : label;
    a->id_path = "unit_id";
    a->answers = pk_arena_alloc(&a->arena, (r->nindicators ? r->nindicators : 1) *
                                               sizeof(*a->answers));
    a->supplement_levels = pk_arena_alloc(&a->arena, (r->nsupplements ? r->nsupplements : 1) *
                                                         sizeof(*a->supplement_levels));
    if (!a->answers || !a->supplement_levels) {
        pekppp_assessment_free(a);
        return PEKPPP_ENOMEM;
    }
    memset(a->answers, 0, (r->nindicators ? r->nindicators : 1) * sizeof(*a->answers));
    for (i = 0; i < r->nindicators; i++)
        a->answers[i].level = r->scale_min; /* unused: the means below are scored */
    for (i = 0; i < r->nsupplements; i++)
        a->supplement_levels[i] = PEKPPP_LEVEL_MISSING;
    a->ind_sums = ru->sums;
    a->ind_counts = ru->counts;
    *out = a;
    return 0;
}

/* The per-unsur view of one scored unit. */
static int unit_view(pekppp_skm *s, pk_skm_unit *u)
{
    const pekppp_rubric *r = s->r;
    size_t n = r->nindicators ? r->nindicators : 1, i, j;
    pk_rat total = r->has_weighting ? r->weight_total : pk_rat_int(100);
    int error = 0;
    u->nrr = pk_malloc(n * sizeof(*u->nrr));
    u->nrr_w = pk_malloc(n * sizeof(*u->nrr_w));
    u->nrr_r = pk_malloc(n * sizeof(*u->nrr_r));
    u->nrr_w_r = pk_malloc(n * sizeof(*u->nrr_w_r));
    u->rank = pk_malloc(n * sizeof(*u->rank));
    if (!u->nrr || !u->nrr_w || !u->nrr_r || !u->nrr_w_r || !u->rank)
        return PEKPPP_ENOMEM;
    for (i = 0; i < r->nindicators; i++) {
        u->nrr[i] = u->nrr_w[i] = pk_rat_int(0);
        u->nrr_r[i] = u->nrr_w_r[i] = 0;
        if (u->ru->counts[i] == 0)
            continue;
        if ((error = pk_rat_make(&u->nrr[i], u->ru->sums[i], u->ru->counts[i])) < 0 ||
            (error = pk_rat_mul(&u->nrr_w[i], u->nrr[i], s->weights[i])) < 0 ||
            (error = pk_rat_div(&u->nrr_w[i], u->nrr_w[i], total)) < 0 ||
            (error = pk_round(r, u->nrr[i], &u->nrr_r[i])) < 0 ||
            (error = pk_rat_round(&u->nrr_w_r[i], u->nrr_w[i], 4)) < 0)
            return error;
        /* Insert, lowest NRR first; equal ones stay in rubric order. */
        for (j = u->nrank; j > 0 && pk_rat_cmp(u->nrr[u->rank[j - 1]], u->nrr[i]) > 0; j--)
            u->rank[j] = u->rank[j - 1];
        u->rank[j] = i;
        u->nrank++;
    }
    return 0;
}

/* The unit under every other convention the rubric knows (exact and its legacy decimals). */
static int alternatives(pekppp_skm *s, pk_skm_unit *u)
{
    const pekppp_rubric *r = s->r;
    size_t k, i, n = r->nindicators ? r->nindicators : 1;
    pk_rat *w = NULL;
    int error = 0;
    u->alts = pk_malloc((r->nlegacy + 1) * sizeof(*u->alts));
    w = pk_malloc(n * sizeof(*w));
    if (!u->alts || !w) {
        error = PEKPPP_ENOMEM;
        goto done;
    }
    for (k = 0; k <= r->nlegacy; k++) {
        int64_t weight = k == 0 ? 0 : r->legacy_weights[k - 1];
        pekppp_result *res = NULL;
        pk_skm_alt *alt;
        if (weight == s->weight)
            continue;
        for (i = 0; i < r->nindicators; i++)
            w[i] = pk_rat_dec(weight);
        if ((error = pk_score_weighted(&res, u->a, weight ? w : NULL, NULL)) < 0)
            goto done;
        alt = &u->alts[u->nalts++];
        alt->weight = weight;
        alt->index_rounded = res->index_rounded;
        alt->band = res->band;
        pekppp_result_free(res);
    }
done:
    pk_free(w);
    return error;
}

static int score_units(pekppp_skm *s, pk_report *rep)
{
    size_t i, b;
    int error = 0;
    if (!(s->units = pk_malloc((s->rs.nunits ? s->rs.nunits : 1) * sizeof(*s->units))))
        return PEKPPP_ENOMEM;
    memset(s->units, 0, (s->rs.nunits ? s->rs.nunits : 1) * sizeof(*s->units));
    for (i = 0; i < s->rs.nunits; i++) {
        pk_skm_unit *u = &s->units[s->nunits++];
        u->ru = &s->rs.units[i];
        u->label = u->ru->unit_id ? u->ru->unit_id : "";
        s->respondents += u->ru->respondents;
        s->empty += u->ru->empty;
        if (u->ru->respondents == 0)
            continue;
        if ((error = make_assessment(&u->a, s, u->ru, u->label)) < 0)
            return error;
        if ((error = pk_score_weighted(&u->res, u->a, s->weight ? s->weights : NULL,
                                       rep->err)) < 0)
            return error;
        if ((error = unit_view(s, u)) < 0 || (error = alternatives(s, u)) < 0)
            return error;
        for (b = 0; b < s->r->nbands && b < 16; b++)
            if (u->res->band == &s->r->bands[b])
                s->grades[b]++;
    }
    return 0;
}

static int skm_read(pekppp_skm **out, const pekppp_rubric *r, const char *const *paths,
                    size_t npaths, const char *data, size_t len, const pekppp_skm_options *opts,
                    pekppp_error *err);

int pekppp_skm_read(pekppp_skm **out, const pekppp_rubric *r, const char *const *paths,
                    size_t npaths, const pekppp_skm_options *opts, pekppp_error *err)
{
    return skm_read(out, r, paths, npaths, NULL, 0, opts, err);
}

int pekppp_skm_read_buffer(pekppp_skm **out, const pekppp_rubric *r, const char *data,
                           size_t len, const char *name, const pekppp_skm_options *opts,
                           pekppp_error *err)
{
    const char *names[1];
    names[0] = name ? name : "";
    return skm_read(out, r, names, 1, data ? data : "", len, opts, err);
}

/* Read @p npaths files, or (when @p data is not NULL) the one buffer named paths[0]. */
static int skm_read(pekppp_skm **out, const pekppp_rubric *r, const char *const *paths,
                    size_t npaths, const char *data, size_t len, const pekppp_skm_options *opts,
                    pekppp_error *err)
{
    pekppp_skm *s = NULL;
    pk_report rep;
    size_t i, n = r->nindicators ? r->nindicators : 1;
    int error = 0, e;

    *out = NULL;
    pk_report_init(&rep, npaths ? paths[0] : "", opts ? opts->diag : NULL,
                   opts ? opts->payload : NULL, err);
    if (opts && (error = pk_options_check(&rep, "pekppp_skm_options", opts->version,
                                          PEKPPP_SKM_OPTIONS_VERSION)) < 0)
        return error;
    if (!(s = pk_malloc(sizeof(*s))))
        goto oom;
    memset(s, 0, sizeof(*s));
    s->r = r;
    s->weight = opts ? opts->weight : 0;
    s->items = pk_malloc(n * sizeof(*s->items));
    s->weights = pk_malloc(n * sizeof(*s->weights));
    s->files = pk_malloc((npaths ? npaths : 1) * sizeof(*s->files));
    s->sha256 = pk_malloc((npaths ? npaths : 1) * sizeof(*s->sha256));
    if (!s->items || !s->weights || !s->files || !s->sha256)
        goto oom;
    for (i = 0; i < r->nindicators; i++) {
        s->items[i].id = r->indicators[i].id;
        s->items[i].name = r->indicators[i].name;
        s->items[i].question = r->questions ? r->questions[i] : NULL;
        s->items[i].labels = r->indicators[i].levels;
        s->weights[i] = s->weight ? pk_rat_dec(s->weight)
                        : r->iweights ? r->iweights[i] : pk_rat_dec(r->indicators[i].weight);
    }
    s->spec.items = s->items;
    s->spec.nitems = r->nindicators;
    s->spec.scale_min = r->scale_min;
    s->spec.scale_max = r->scale_max;
    pk_responses_init(&s->rs, &s->spec);
    for (i = 0; i < npaths; i++) {
        rep.file = paths[i];
        s->files[i] = paths[i];
        s->sha256[i][0] = '\0';
        e = pk_responses_read(&s->rs, data ? NULL : paths[i], data, len, &rep, s->sha256[i]);
        if (e < 0 && !error)
            error = e;
        s->nfiles++;
        if (e == PEKPPP_ENOMEM)
            break;
    }
    if (error < 0)
        goto done;
    if (s->rs.nunits == 0) {
        rep.file = npaths ? paths[0] : "";
        pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_UNIT_SURVEY,
                "no respondent rows: the sheet has only its header");
        error = PEKPPP_EINVALID;
        goto done;
    }
    if ((error = score_units(s, &rep)) < 0) {
        if (error == PEKPPP_ENOMEM)
            goto oom;
        if (error == PEKPPP_ERANGE)
            pk_diag(&rep, error, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_SCORE_RANGE, "%s",
                    "an exact value outgrew 128-bit arithmetic; no rounded approximation is "
                    "given");
        goto done;
    }
    *out = s;
    s = NULL;
    goto done;
oom:
    error = PEKPPP_ENOMEM;
    pk_diag(&rep, error, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
done:
    pekppp_skm_free(s);
    return error;
}
