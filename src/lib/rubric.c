/*
 * Rubric loading and validation (FORMATS.md section 1).
 *
 * The document is parsed into a node tree, then decoded section by section.
 * Decoding reports every problem it finds and keeps going, so `lint` lists
 * them all; the rubric is handed out only when there was no error.  The
 * cross-checks (weights summing to exactly 100, bands on the rounding grid
 * and strictly decreasing, unique ids) use exact scaled integers.
 */
#include "model.h"

#include <stdio.h>
#include <string.h>

#include "decode.h"
#include "yaml_tree.h"

#define PK_RUBRIC_SCHEMA "pekppp/rubric/v1"
#define PK_HUNDRED ((int64_t)100 * PEKPPP_DEC_SCALE)

/* Scale limits: levels are small integers with one description each. */
#define PK_SCALE_LIMIT 100

static int valid_slug(const char *s, int allow_upper)
{
    if (!*s)
        return 0;
    for (; *s; s++) {
        char c = *s;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == '-' || (allow_upper && c >= 'A' && c <= 'Z')))
            return 0;
    }
    return 1;
}

static int64_t pow10_i(int n)
{
    int64_t v = 1;
    while (n-- > 0)
        v *= 10;
    return v;
}

typedef struct {
    pk_dec d;
    pekppp_rubric *r;
    int scale_ok;
    const char **ids;   /* every indicator and supplementary id seen, for uniqueness */
    const pk_node **id_nodes;
    size_t nids;
} rctx;

/* Report an id that was already used; remember it otherwise. */
static void claim_id(rctx *c, const pk_node *n, const char *id)
{
    size_t i;
    for (i = 0; i < c->nids; i++) {
        if (strcmp(c->ids[i], id) == 0) {
            pk_err(&c->d, n, PEKPPP_EINVALID, PK_R_RUBRIC_DUPLICATE_ID,
                   "indicator id '%s' is already used at line %u", id, c->id_nodes[i]->line);
            return;
        }
    }
    if (c->nids < PEKPPP_MAX_INDICATORS * 2) {
        c->ids[c->nids] = id;
        c->id_nodes[c->nids] = n;
        c->nids++;
    }
}

static void decode_scale(rctx *c, const pk_node *n)
{
    static const pk_field f[] = { { "min", true }, { "max", true } };
    const pk_node *v[2];
    long mn = 0, mx = 0;
    int ok;
    size_t old = pk_path_key(&c->d, "scale");
    ok = pk_fields(&c->d, n, f, 2, v) == 0;
    if (v[0]) {
        size_t o = pk_path_key(&c->d, "min");
        ok &= pk_get_int(&c->d, v[0], 0, PK_SCALE_LIMIT, &mn) == 0;
        pk_path_pop(&c->d, o);
    }
    if (v[1]) {
        size_t o = pk_path_key(&c->d, "max");
        ok &= pk_get_int(&c->d, v[1], 0, PK_SCALE_LIMIT, &mx) == 0;
        pk_path_pop(&c->d, o);
    }
    if (ok && v[0] && v[1] && mn >= mx) {
        pk_err(&c->d, n, PEKPPP_EINVALID, PK_R_RUBRIC_SCALE,
               "scale.min (%ld) must be below scale.max (%ld)", mn, mx);
        ok = 0;
    }
    if (ok && v[0] && v[1]) {
        c->r->scale_min = (int)mn;
        c->r->scale_max = (int)mx;
        c->scale_ok = 1;
    }
    pk_path_pop(&c->d, old);
}

static void decode_rounding(rctx *c, const pk_node *n)
{
    static const pk_field f[] = { { "decimals", false } };
    const pk_node *v[1];
    size_t old = pk_path_key(&c->d, "rounding");
    c->r->decimals = 2;
    if (pk_fields(&c->d, n, f, 1, v) == 0 && v[0]) {
        long dec;
        size_t o = pk_path_key(&c->d, "decimals");
        if (pk_get_int(&c->d, v[0], 0, 4, &dec) == 0)
            c->r->decimals = (int)dec;
        pk_path_pop(&c->d, o);
    }
    pk_path_pop(&c->d, old);
}

static void decode_combine(rctx *c, const pk_node *n)
{
    static const pk_field f[] = { { "evaluator", true }, { "survey", true } };
    const pk_node *v[2];
    int64_t ev = 0, sv = 0;
    int ok;
    size_t old = pk_path_key(&c->d, "combine");
    ok = pk_fields(&c->d, n, f, 2, v) == 0;
    if (v[0]) {
        size_t o = pk_path_key(&c->d, "evaluator");
        ok &= pk_get_dec(&c->d, v[0], 4, false, &ev) == 0;
        pk_path_pop(&c->d, o);
    }
    if (v[1]) {
        size_t o = pk_path_key(&c->d, "survey");
        ok &= pk_get_dec(&c->d, v[1], 4, false, &sv) == 0;
        pk_path_pop(&c->d, o);
    }
    if (ok && ev + sv != PK_HUNDRED) {
        char a[32], b[32], s[32];
        pk_dec_format_short(a, sizeof(a), ev);
        pk_dec_format_short(b, sizeof(b), sv);
        pk_dec_format_short(s, sizeof(s), ev + sv);
        pk_err(&c->d, n, PEKPPP_EINVALID, PK_R_RUBRIC_COMBINE,
               "combine.evaluator (%s) and combine.survey (%s) must sum to 100, not %s", a, b, s);
        ok = 0;
    }
    if (ok) {
        c->r->combine_evaluator = ev;
        c->r->combine_survey = sv;
        c->r->combines_survey = sv > 0;
    }
    pk_path_pop(&c->d, old);
}

/* `convert: {factor: 25}`: the index shown and graded is the weighted score
 * times the factor (an SKM's IKM x 25, from 25 to 100). */
static void decode_convert(rctx *c, const pk_node *n)
{
    static const pk_field f[] = { { "factor", true } };
    const pk_node *v[1];
    size_t old = pk_path_key(&c->d, "convert");
    if (pk_fields(&c->d, n, f, 1, v) == 0 && v[0]) {
        int64_t factor = 0;
        size_t o = pk_path_key(&c->d, "factor");
        if (pk_get_dec(&c->d, v[0], 4, false, &factor) == 0) {
            if (factor == 0 || factor > (int64_t)1000000 * PEKPPP_DEC_SCALE)
                pk_err(&c->d, v[0], PEKPPP_EINVALID, PK_R_RUBRIC_WEIGHT,
                       "convert.factor must be above 0 and at most 1000000");
            else
                c->r->convert_factor = factor;
        }
        pk_path_pop(&c->d, o);
    }
    pk_path_pop(&c->d, old);
}

/* `weighting: {total: 1, legacy: [0.11, 0.111]}`: indicator weights are exact
 * fractions (`1/9`) that sum to `total` within each aspect; `legacy` lists
 * the rounded decimals that sheets print for them, for comparison. */
static void decode_weighting(rctx *c, const pk_node *n)
{
    static const pk_field f[] = { { "total", true }, { "legacy", false } };
    const pk_node *v[2];
    pekppp_rubric *r = c->r;
    size_t old = pk_path_key(&c->d, "weighting"), i;
    r->has_weighting = true;
    r->weight_total = pk_rat_int(1);
    (void)pk_fields(&c->d, n, f, 2, v);
    if (v[0]) {
        size_t o = pk_path_key(&c->d, "total");
        int64_t t = 0;
        if (pk_get_dec(&c->d, v[0], 4, false, &t) == 0) {
            if (t == 0)
                pk_err(&c->d, v[0], PEKPPP_EINVALID, PK_R_RUBRIC_WEIGHT,
                       "weighting.total must be above 0");
            else
                r->weight_total = pk_rat_dec(t);
        }
        pk_path_pop(&c->d, o);
    }
    if (v[1]) {
        size_t o = pk_path_key(&c->d, "legacy");
        if (pk_want_seq(&c->d, v[1]) == 0 && v[1]->count > 0 && v[1]->count <= 16) {
            r->legacy_weights = pk_arena_alloc(&r->arena, v[1]->count * sizeof(int64_t));
            if (!r->legacy_weights) {
                pk_err(&c->d, NULL, PEKPPP_ENOMEM, PK_R_OTHER, "out of memory");
            } else {
                for (i = 0; i < v[1]->count; i++) {
                    size_t o2 = pk_path_index(&c->d, i);
                    int64_t w = 0;
                    if (pk_get_dec(&c->d, v[1]->items[i], 4, false, &w) < 0)
                        ;
                    else if (w > 0)
                        r->legacy_weights[r->nlegacy++] = w;
                    else
                        pk_err(&c->d, v[1]->items[i], PEKPPP_EINVALID, PK_R_RUBRIC_WEIGHT,
                               "weight must be above 0 (an unscored item belongs under "
                               "'supplementary')");
                    pk_path_pop(&c->d, o2);
                }
            }
        } else if (v[1]->kind == PK_SEQ) {
            pk_err(&c->d, v[1], PEKPPP_EINVALID, PK_R_LIMIT, "expected 1 to %d legacy weights",
                   16);
        }
        pk_path_pop(&c->d, o);
    }
    pk_path_pop(&c->d, old);
}

/* The highest and lowest index a band can be given: the scale, converted. */
static int64_t band_bound(const pekppp_rubric *r, int level)
{
    int64_t v = (int64_t)level * PEKPPP_DEC_SCALE;
    return r->convert_factor ? v / PEKPPP_DEC_SCALE * r->convert_factor : v;
}

static void decode_bands(rctx *c, const pk_node *n)
{
    static const pk_field f[] = { { "grade", true }, { "label", true }, { "min", true } };
    size_t i, old = pk_path_key(&c->d, "bands");
    pekppp_rubric *r = c->r;
    int all_ok = 1;

    if (pk_want_seq(&c->d, n) < 0 || n->count == 0) {
        if (n->kind == PK_SEQ)
            pk_err(&c->d, n, PEKPPP_EINVALID, PK_R_SCHEMA_EMPTY_LIST, "expected at least one band");
        pk_path_pop(&c->d, old);
        return;
    }
    r->bands = pk_arena_alloc(&r->arena, n->count * sizeof(*r->bands));
    if (!r->bands) {
        pk_err(&c->d, NULL, PEKPPP_ENOMEM, PK_R_OTHER, "out of memory");
        pk_path_pop(&c->d, old);
        return;
    }
    memset(r->bands, 0, n->count * sizeof(*r->bands));
    r->nbands = n->count;
    for (i = 0; i < n->count; i++) {
        const pk_node *v[3];
        pekppp_band *b = &r->bands[i];
        size_t o = pk_path_index(&c->d, i), o2;
        int ok = pk_fields(&c->d, n->items[i], f, 3, v) == 0;
        o2 = pk_path_key(&c->d, "grade");
        ok &= pk_get_text(&c->d, v[0], &b->grade) == 0;
        pk_path_pop(&c->d, o2);
        o2 = pk_path_key(&c->d, "label");
        ok &= pk_get_text(&c->d, v[1], &b->label) == 0;
        pk_path_pop(&c->d, o2);
        if (v[2]) {
            int64_t min = 0;
            int got;
            o2 = pk_path_key(&c->d, "min");
            if ((got = pk_get_dec(&c->d, v[2], 4, false, &min) == 0))
                b->min = pk_dec_fixed(min);
            if (!got) {
                ok = 0;
            } else if (min % pow10_i(4 - r->decimals) != 0) {
                pk_err(&c->d, v[2], PEKPPP_EINVALID, PK_R_RUBRIC_BAND,
                       "band minimum %s is not on the rounding grid of %d decimal places: no "
                       "rounded index can equal it",
                       v[2]->str, r->decimals);
                ok = 0;
            } else if (c->scale_ok && min > band_bound(r, r->scale_max)) {
                char top[32];
                pk_dec_format_short(top, sizeof(top), band_bound(r, r->scale_max));
                if (r->convert_factor)
                    pk_err(&c->d, v[2], PEKPPP_EINVALID, PK_R_RUBRIC_BAND,
                           "band '%s' is unreachable: its minimum %s is above the highest index "
                           "%s",
                           b->grade ? b->grade : "?", v[2]->str, top);
                else
                    pk_err(&c->d, v[2], PEKPPP_EINVALID, PK_R_RUBRIC_BAND,
                           "band '%s' is unreachable: its minimum %s is above scale.max %d",
                           b->grade ? b->grade : "?", v[2]->str, r->scale_max);
                ok = 0;
            } else if (i > 0 && all_ok && min >= pk_fixed_dec(r->bands[i - 1].min)) {
                char prev[32];
                pk_dec_format_short(prev, sizeof(prev), pk_fixed_dec(r->bands[i - 1].min));
                pk_err(&c->d, v[2], PEKPPP_EINVALID, PK_R_RUBRIC_BAND,
                       "band minimums must strictly decrease: %s is not below %s, the minimum of "
                       "band '%s'",
                       v[2]->str, prev, r->bands[i - 1].grade ? r->bands[i - 1].grade : "?");
                ok = 0;
            }
            pk_path_pop(&c->d, o2);
        }
        if (ok && b->grade) {
            size_t j;
            for (j = 0; j < i; j++)
                if (r->bands[j].grade && strcmp(r->bands[j].grade, b->grade) == 0)
                    pk_err(&c->d, v[0], PEKPPP_EINVALID, PK_R_RUBRIC_DUPLICATE_ID,
                           "grade '%s' appears twice", b->grade);
        }
        all_ok &= ok;
        pk_path_pop(&c->d, o);
    }
    if (all_ok && c->scale_ok &&
        pk_fixed_dec(r->bands[r->nbands - 1].min) != band_bound(r, r->scale_min)) {
        const pk_node *last = n->items[n->count - 1];
        size_t o = pk_path_index(&c->d, n->count - 1);
        pk_path_key(&c->d, "min");
        if (r->convert_factor) {
            char low[32];
            pk_dec_format_short(low, sizeof(low), band_bound(r, r->scale_min));
            pk_err(&c->d, pk_map_get(last, "min"), PEKPPP_EINVALID, PK_R_RUBRIC_BAND,
                   "the last band's minimum must equal scale.min x convert.factor (%s), so every "
                   "index has a grade",
                   low);
        } else {
            pk_err(&c->d, pk_map_get(last, "min"), PEKPPP_EINVALID, PK_R_RUBRIC_BAND,
                   "the last band's minimum must equal scale.min (%d), so every index has a grade",
                   r->scale_min);
        }
        pk_path_pop(&c->d, o);
    }
    pk_path_pop(&c->d, old);
}

/* Read `levels`: exactly one text per level of the scale; warn on repeats. */
static void decode_levels(rctx *c, const pk_node *n, const char *const **out)
{
    size_t count = 0, i, j, want;
    size_t old = pk_path_key(&c->d, "levels");
    if (pk_get_text_list(&c->d, n, out, &count) == 0 && c->scale_ok) {
        want = PK_NLEVELS(c->r);
        if (count != want) {
            pk_err(&c->d, n, PEKPPP_EINVALID, PK_R_RUBRIC_LEVELS,
                   "expected exactly %zu level descriptions (levels %d to %d), got %zu", want,
                   c->r->scale_min, c->r->scale_max, count);
            *out = NULL;
        } else {
            for (i = 1; i < count; i++)
                for (j = 0; j < i; j++)
                    if (strcmp((*out)[i], (*out)[j]) == 0) {
                        size_t o = pk_path_index(&c->d, i);
                        pk_warn(&c->d, n->items[i], PK_R_RUBRIC_LEVEL_REPEATED,
                                "level %d repeats the text of level %d", c->r->scale_min + (int)i,
                                c->r->scale_min + (int)j);
                        pk_path_pop(&c->d, o);
                        break; /* once per level, naming the first it repeats */
                    }
        }
    } else {
        *out = NULL;
    }
    pk_path_pop(&c->d, old);
}

static void decode_advice(rctx *c, const pk_node *n, pekppp_indicator *ind)
{
    size_t i, old = pk_path_key(&c->d, "advice");
    const char **advice;
    if (pk_want_map(&c->d, n) < 0 || !c->scale_ok) {
        pk_path_pop(&c->d, old);
        return;
    }
    advice = pk_arena_alloc(&c->r->arena, PK_NLEVELS(c->r) * sizeof(*advice));
    if (!advice) {
        pk_err(&c->d, NULL, PEKPPP_ENOMEM, PK_R_OTHER, "out of memory");
        pk_path_pop(&c->d, old);
        return;
    }
    memset(advice, 0, PK_NLEVELS(c->r) * sizeof(*advice));
    for (i = 0; i < n->count; i++) {
        const pk_node *k = n->items[2 * i];
        long level;
        size_t o = pk_path_key(&c->d, k->str);
        int64_t v;
        /* Keys are text in JSON ("3"), so a quoted level is fine here. */
        if (pk_dec_parse(k->str, k->len, 0, 0, &v) != PK_DEC_OK ||
            v / 10000 < c->r->scale_min || v / 10000 > c->r->scale_max) {
            pk_err(&c->d, k, PEKPPP_EINVALID, PK_R_RUBRIC_ADVICE,
                   "advice key '%s' is not a level from %d to %d", k->str, c->r->scale_min,
                   c->r->scale_max);
        } else if ((level = (long)(v / 10000)), 1) {
            if (level == c->r->scale_max)
                pk_err(&c->d, k, PEKPPP_EINVALID, PK_R_RUBRIC_ADVICE,
                       "advice for level %ld: it is the top level, there is nothing above it",
                       level);
            else
                (void)pk_get_text(&c->d, n->items[2 * i + 1],
                                  &advice[level - c->r->scale_min]);
        }
        pk_path_pop(&c->d, o);
    }
    ind->advice = advice;
    pk_path_pop(&c->d, old);
}

/* Returns whether the weight was read, so a sum is only checked over weights
 * that are all known. */
/* An exact weight of a `weighting:` rubric: a fraction ("1/9") or a decimal. */
static bool decode_fraction_weight(rctx *c, const pk_node *w, pekppp_indicator *ind)
{
    pekppp_rubric *r = c->r;
    size_t pos = (size_t)(ind - r->indicators);
    pk_rat v, pct;
    int64_t shown = 0;
    if (w->kind != PK_SCALAR || pk_rat_parse(w->str, &v) < 0 || v.num <= 0 ||
        v.den > (pk_i128)1000000000) {
        pk_err(&c->d, w, PEKPPP_EINVALID, PK_R_RUBRIC_WEIGHT,
               "weight '%s' is not a fraction above 0 such as 1/9, nor a decimal such as 0.25",
               w->kind == PK_SCALAR ? w->str : "?");
        return false;
    }
    if (pk_rat_cmp(v, r->weight_total) > 0) {
        pk_err(&c->d, w, PEKPPP_EINVALID, PK_R_RUBRIC_WEIGHT,
               "weight %s is above weighting.total", w->str);
        return false;
    }
    r->iweights[pos] = v;
    /* The public weight is the percent within the aspect, to 4 places. */
    if (pk_rat_div(&pct, v, r->weight_total) == 0 &&
        pk_rat_mul(&pct, pct, pk_rat_int(100)) == 0 && pk_rat_round(&shown, pct, 4) == 0)
        ind->weight = shown;
    return true;
}

static bool decode_indicator(rctx *c, const pk_node *n, pekppp_indicator *ind)
{
    bool weight_ok = false;
    static const pk_field f[] = { { "id", true },        { "name", true },  { "weight", true },
                                  { "levels", true },    { "na", false },   { "evidence", false },
                                  { "advice", false },   { "ref", false },  { "question", false } };
    const pk_node *v[9];
    size_t o;
    (void)pk_fields(&c->d, n, f, 9, v);
    if (v[0]) {
        o = pk_path_key(&c->d, "id");
        if (pk_get_text(&c->d, v[0], &ind->id) == 0) {
            if (!valid_slug(ind->id, 1))
                pk_err(&c->d, v[0], PEKPPP_EINVALID, PK_R_RUBRIC_ID,
                       "indicator id '%s' may hold only letters, digits, '.', '_' and '-'",
                       ind->id);
            claim_id(c, v[0], ind->id);
        }
        pk_path_pop(&c->d, o);
    }
    o = pk_path_key(&c->d, "name");
    (void)pk_get_text(&c->d, v[1], &ind->name);
    pk_path_pop(&c->d, o);
    if (v[8] && c->r->questions) {
        o = pk_path_key(&c->d, "question");
        (void)pk_get_text(&c->d, v[8], &c->r->questions[ind - c->r->indicators]);
        pk_path_pop(&c->d, o);
    }
    if (v[2] && c->r->has_weighting) {
        o = pk_path_key(&c->d, "weight");
        weight_ok = decode_fraction_weight(c, v[2], ind);
        pk_path_pop(&c->d, o);
    } else if (v[2]) {
        o = pk_path_key(&c->d, "weight");
        weight_ok = pk_get_dec(&c->d, v[2], 4, false, &ind->weight) == 0;
        if (weight_ok && ind->weight == 0)
            pk_err(&c->d, v[2], PEKPPP_EINVALID, PK_R_RUBRIC_WEIGHT,
                   "weight must be above 0 (an unscored item belongs under 'supplementary')");
        else if (weight_ok && ind->weight > PK_HUNDRED) {
            pk_err(&c->d, v[2], PEKPPP_EINVALID, PK_R_RUBRIC_WEIGHT,
                   "weight %s is above 100: weights are percents within the aspect", v[2]->str);
            weight_ok = false;
        }
        pk_path_pop(&c->d, o);
    }
    if (v[3])
        decode_levels(c, v[3], &ind->levels);
    if (v[4]) {
        o = pk_path_key(&c->d, "na");
        (void)pk_get_bool(&c->d, v[4], &ind->na_allowed);
        pk_path_pop(&c->d, o);
    }
    if (v[5]) {
        o = pk_path_key(&c->d, "evidence");
        (void)pk_get_text_list(&c->d, v[5], &ind->evidence, &ind->evidence_count);
        pk_path_pop(&c->d, o);
    }
    /* A questionnaire item (it has a question) is answered, not evidenced. */
    if ((!v[5] || ind->evidence_count == 0) && !v[8])
        pk_warn(&c->d, n, PK_R_RUBRIC_EVIDENCE, "indicator '%s' lists no evidence (bukti dukung)",
                ind->id ? ind->id : "?");
    if (v[6])
        decode_advice(c, v[6], ind);
    if (v[7]) {
        o = pk_path_key(&c->d, "ref");
        (void)pk_get_text(&c->d, v[7], &ind->ref);
        pk_path_pop(&c->d, o);
    }
    return weight_ok;
}

/* Check that weights sum to exactly 100; @p what names the group. */
/* Weights that must sum to exactly 100: an error, or with `normalise: true` a
 * warning (scoring divides by the actual sum either way, so the result is
 * the exact normalised one). */
static void check_hundred(rctx *c, const pk_node *at, int64_t sum, const char *what)
{
    char s[32];
    if (sum == PK_HUNDRED)
        return;
    pk_dec_format_short(s, sizeof(s), sum);
    if (c->r->normalise)
        pk_warn(&c->d, at, PK_R_RUBRIC_WEIGHT_SUM,
                "%s sum to %s, not 100: normalised (each weight is divided by the sum)", what, s);
    else
        pk_err(&c->d, at, PEKPPP_EINVALID, PK_R_RUBRIC_WEIGHT_SUM,
               "%s sum to %s, not exactly 100 (or set 'normalise: true' to divide by the sum)",
               what, s);
}

/* The exact weights of a `weighting:` aspect sum to weighting.total. */
static void check_exact_total(rctx *c, const pk_node *at, const pekppp_aspect *a)
{
    pekppp_rubric *r = c->r;
    pk_rat sum = pk_rat_int(0);
    size_t j;
    char s[64], t[64];
    for (j = a->first; j < a->first + a->count; j++)
        if (pk_rat_add(&sum, sum, r->iweights[j]) < 0) {
            pk_err(&c->d, at, PEKPPP_ERANGE, PK_R_RUBRIC_WEIGHT_SUM,
                   "the weights of aspect '%s' outgrow exact arithmetic", a->id ? a->id : "?");
            return;
        }
    if (pk_rat_cmp(sum, r->weight_total) == 0)
        return;
    pk_rat_format(s, sizeof(s), sum);
    pk_rat_format(t, sizeof(t), r->weight_total);
    pk_err(&c->d, at, PEKPPP_EINVALID, PK_R_RUBRIC_WEIGHT_SUM,
           "the indicator weights of aspect '%s' sum to %s, not exactly weighting.total %s",
           a->id ? a->id : "?", s, t);
}

static void decode_aspects(rctx *c, const pk_node *n, const pk_node *key)
{
    static const pk_field f[] = { { "id", true },     { "code", false },      { "name", true },
                                  { "weight", true }, { "indicators", true } };
    pekppp_rubric *r = c->r;
    size_t i, total = 0, old = pk_path_key(&c->d, "aspects");
    int64_t wsum = 0;
    int weights_ok = 1;

    if (pk_want_seq(&c->d, n) < 0 || n->count == 0) {
        if (n->kind == PK_SEQ)
            pk_err(&c->d, n, PEKPPP_EINVALID, PK_R_SCHEMA_EMPTY_LIST,
                   "expected at least one aspect");
        pk_path_pop(&c->d, old);
        return;
    }
    for (i = 0; i < n->count; i++) {
        const pk_node *ind = pk_map_get(n->items[i], "indicators");
        if (ind && ind->kind == PK_SEQ)
            total += ind->count;
    }
    if (total > PEKPPP_MAX_INDICATORS) {
        pk_err(&c->d, n, PEKPPP_ELIMIT, PK_R_LIMIT, "%zu indicators is more than the limit of %d",
               total, PEKPPP_MAX_INDICATORS);
        pk_path_pop(&c->d, old);
        return;
    }
    r->aspects = pk_arena_alloc(&r->arena, n->count * sizeof(*r->aspects));
    r->indicators = pk_arena_alloc(&r->arena, (total ? total : 1) * sizeof(*r->indicators));
    if (!r->aspects || !r->indicators) {
        pk_err(&c->d, NULL, PEKPPP_ENOMEM, PK_R_OTHER, "out of memory");
        pk_path_pop(&c->d, old);
        return;
    }
    memset(r->aspects, 0, n->count * sizeof(*r->aspects));
    memset(r->indicators, 0, (total ? total : 1) * sizeof(*r->indicators));
    r->questions = pk_arena_alloc(&r->arena, (total ? total : 1) * sizeof(*r->questions));
    if (r->has_weighting)
        r->iweights = pk_arena_alloc(&r->arena, (total ? total : 1) * sizeof(*r->iweights));
    if (!r->questions || (r->has_weighting && !r->iweights)) {
        pk_err(&c->d, NULL, PEKPPP_ENOMEM, PK_R_OTHER, "out of memory");
        pk_path_pop(&c->d, old);
        return;
    }
    memset(r->questions, 0, (total ? total : 1) * sizeof(*r->questions));
    if (r->iweights)
        memset(r->iweights, 0, (total ? total : 1) * sizeof(*r->iweights));
    r->naspects = n->count;

    for (i = 0; i < n->count; i++) {
        const pk_node *v[5];
        pekppp_aspect *a = &r->aspects[i];
        size_t o = pk_path_index(&c->d, i), o2, j;
        (void)pk_fields(&c->d, n->items[i], f, 5, v);
        o2 = pk_path_key(&c->d, "id");
        if (pk_get_text(&c->d, v[0], &a->id) == 0 && v[0]) {
            if (!valid_slug(a->id, 0))
                pk_err(&c->d, v[0], PEKPPP_EINVALID, PK_R_RUBRIC_ID,
                       "aspect id '%s' may hold only a-z, 0-9, '.', '_' and '-'", a->id);
            for (j = 0; j < i; j++)
                if (r->aspects[j].id && strcmp(r->aspects[j].id, a->id) == 0)
                    pk_err(&c->d, v[0], PEKPPP_EINVALID, PK_R_RUBRIC_DUPLICATE_ID,
                           "aspect id '%s' appears twice", a->id);
        }
        pk_path_pop(&c->d, o2);
        o2 = pk_path_key(&c->d, "code");
        (void)pk_get_text(&c->d, v[1], &a->code);
        pk_path_pop(&c->d, o2);
        o2 = pk_path_key(&c->d, "name");
        (void)pk_get_text(&c->d, v[2], &a->name);
        pk_path_pop(&c->d, o2);
        if (v[3]) {
            o2 = pk_path_key(&c->d, "weight");
            if (pk_get_dec(&c->d, v[3], 4, false, &a->weight) < 0)
                weights_ok = 0;
            else if (a->weight == 0)
                pk_err(&c->d, v[3], PEKPPP_EINVALID, PK_R_RUBRIC_WEIGHT,
                       "aspect weight must be above 0");
            else if (a->weight > PK_HUNDRED) {
                pk_err(&c->d, v[3], PEKPPP_EINVALID, PK_R_RUBRIC_WEIGHT,
                       "aspect weight %s is above 100: weights are percents of the evaluator score",
                       v[3]->str);
                weights_ok = 0;
            }
            if (a->weight <= PK_HUNDRED)
                wsum += a->weight; /* at most 100 each: the sum cannot overflow */
            pk_path_pop(&c->d, o2);
        } else {
            weights_ok = 0;
        }
        a->first = r->nindicators;
        if (v[4]) {
            o2 = pk_path_key(&c->d, "indicators");
            if (pk_want_seq(&c->d, v[4]) == 0) {
                int64_t isum = 0;
                int iok = 1;
                if (v[4]->count == 0)
                    pk_err(&c->d, v[4], PEKPPP_EINVALID, PK_R_SCHEMA_EMPTY_LIST,
                           "expected at least one indicator");
                for (j = 0; j < v[4]->count; j++) {
                    pekppp_indicator *ind = &r->indicators[r->nindicators++];
                    size_t o3 = pk_path_index(&c->d, j);
                    ind->aspect = i;
                    if (!decode_indicator(c, v[4]->items[j], ind))
                        iok = 0;
                    if (ind->weight <= PK_HUNDRED)
                        isum += ind->weight;
                    pk_path_pop(&c->d, o3);
                }
                a->count = v[4]->count;
                if (iok && v[4]->count > 0 && r->has_weighting) {
                    check_exact_total(c, pk_map_key(n->items[i], "indicators"), a);
                } else if (iok && v[4]->count > 0) {
                    char what[160];
                    const pk_node *at = pk_map_key(n->items[i], "indicators");
                    snprintf(what, sizeof(what), "the indicator weights of aspect '%s'",
                             a->id ? a->id : "?");
                    check_hundred(c, at ? at : v[4], isum, what);
                }
            }
            pk_path_pop(&c->d, o2);
        }
        pk_path_pop(&c->d, o);
    }
    if (weights_ok)
        check_hundred(c, key ? key : n, wsum, "aspect weights");
    pk_path_pop(&c->d, old);
}

static void decode_supplementary(rctx *c, const pk_node *n)
{
    static const pk_field f[] = { { "id", true }, { "name", true }, { "levels", true } };
    pekppp_rubric *r = c->r;
    size_t i, old = pk_path_key(&c->d, "supplementary");
    if (pk_want_seq(&c->d, n) < 0 || n->count > PEKPPP_MAX_INDICATORS) {
        if (n->kind == PK_SEQ)
            pk_err(&c->d, n, PEKPPP_ELIMIT, PK_R_LIMIT, "more than %d supplementary items",
                   PEKPPP_MAX_INDICATORS);
        pk_path_pop(&c->d, old);
        return;
    }
    r->supplements = pk_arena_alloc(&r->arena, (n->count ? n->count : 1) * sizeof(*r->supplements));
    if (!r->supplements) {
        pk_err(&c->d, NULL, PEKPPP_ENOMEM, PK_R_OTHER, "out of memory");
        pk_path_pop(&c->d, old);
        return;
    }
    memset(r->supplements, 0, (n->count ? n->count : 1) * sizeof(*r->supplements));
    r->nsupplements = n->count;
    for (i = 0; i < n->count; i++) {
        const pk_node *v[3];
        pekppp_supplement *s = &r->supplements[i];
        size_t o = pk_path_index(&c->d, i), o2;
        (void)pk_fields(&c->d, n->items[i], f, 3, v);
        o2 = pk_path_key(&c->d, "id");
        if (pk_get_text(&c->d, v[0], &s->id) == 0 && s->id) {
            if (!valid_slug(s->id, 1))
                pk_err(&c->d, v[0], PEKPPP_EINVALID, PK_R_RUBRIC_ID,
                       "indicator id '%s' may hold only letters, digits, '.', '_' and '-'", s->id);
            claim_id(c, v[0], s->id);
        }
        pk_path_pop(&c->d, o2);
        o2 = pk_path_key(&c->d, "name");
        (void)pk_get_text(&c->d, v[1], &s->name);
        pk_path_pop(&c->d, o2);
        if (v[2])
            decode_levels(c, v[2], &s->levels);
        pk_path_pop(&c->d, o);
    }
    pk_path_pop(&c->d, old);
}

static void decode_survey(rctx *c, const pk_node *n)
{
    static const pk_field f[] = { { "min_respondents", true }, { "items", true } };
    static const pk_field fi[] = { { "id", true }, { "aspect", true }, { "text", true } };
    pekppp_rubric *r = c->r;
    const pk_node *v[2];
    size_t i, old = pk_path_key(&c->d, "survey");
    (void)pk_fields(&c->d, n, f, 2, v);
    r->has_survey = true;
    if (v[0]) {
        size_t o = pk_path_key(&c->d, "min_respondents");
        (void)pk_get_int(&c->d, v[0], 1, 1000000, &r->min_respondents);
        pk_path_pop(&c->d, o);
    }
    if (v[1]) {
        size_t o = pk_path_key(&c->d, "items");
        if (pk_want_seq(&c->d, v[1]) == 0) {
            const pk_node *items = v[1];
            if (items->count == 0 || items->count > PEKPPP_MAX_INDICATORS)
                pk_err(&c->d, items, PEKPPP_EINVALID, PK_R_LIMIT, "expected 1 to %d survey items",
                       PEKPPP_MAX_INDICATORS);
            else if (!(r->survey_items =
                           pk_arena_alloc(&r->arena, items->count * sizeof(*r->survey_items))))
                pk_err(&c->d, NULL, PEKPPP_ENOMEM, PK_R_OTHER, "out of memory");
            else {
                memset(r->survey_items, 0, items->count * sizeof(*r->survey_items));
                r->nsurvey_items = items->count;
                for (i = 0; i < items->count; i++) {
                    const pk_node *iv[3];
                    pekppp_survey_item *it = &r->survey_items[i];
                    const char *aspect = NULL;
                    size_t o2 = pk_path_index(&c->d, i), o3, j;
                    (void)pk_fields(&c->d, items->items[i], fi, 3, iv);
                    o3 = pk_path_key(&c->d, "id");
                    if (pk_get_text(&c->d, iv[0], &it->id) == 0 && it->id)
                        for (j = 0; j < i; j++)
                            if (r->survey_items[j].id && strcmp(r->survey_items[j].id, it->id) == 0)
                                pk_err(&c->d, iv[0], PEKPPP_EINVALID, PK_R_RUBRIC_DUPLICATE_ID,
                                       "survey item id '%s' appears twice", it->id);
                    pk_path_pop(&c->d, o3);
                    o3 = pk_path_key(&c->d, "aspect");
                    if (pk_get_text(&c->d, iv[1], &aspect) == 0 && aspect) {
                        const char *names[64];
                        size_t na = 0;
                        for (j = 0; j < r->naspects; j++) {
                            if (r->aspects[j].id && strcmp(r->aspects[j].id, aspect) == 0)
                                break;
                            if (na < 64 && r->aspects[j].id)
                                names[na++] = r->aspects[j].id;
                        }
                        it->aspect = j;
                        if (j == r->naspects && r->naspects > 0) {
                            const char *near = pk_nearest(aspect, names, na);
                            if (near)
                                pk_err(&c->d, iv[1], PEKPPP_EINVALID, PK_R_RUBRIC_SURVEY,
                                       "no aspect '%s': did you mean '%s'?", aspect, near);
                            else
                                pk_err(&c->d, iv[1], PEKPPP_EINVALID, PK_R_RUBRIC_SURVEY,
                                       "no aspect '%s'", aspect);
                        }
                    }
                    pk_path_pop(&c->d, o3);
                    o3 = pk_path_key(&c->d, "text");
                    (void)pk_get_text(&c->d, iv[2], &it->text);
                    pk_path_pop(&c->d, o3);
                    pk_path_pop(&c->d, o2);
                }
            }
        }
        pk_path_pop(&c->d, o);
    }
    pk_path_pop(&c->d, old);
}

/* The first character of @p s that can hide or reorder what a reader sees
 * (C0 controls but tab and newline, DEL, C1 controls, the bidi embeddings
 * and overrides U+202A-U+202E and isolates U+2066-U+2069): its code point,
 * and in @p *at its place counted in characters from 1; 0 when none.
 * @p s is valid UTF-8 (the parser checked it). */
static unsigned long control_character(const char *s, size_t len, size_t *at)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    size_t k = 0;
    while (p < end) {
        unsigned long cp;
        size_t n = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        if ((size_t)(end - p) < n)
            break;
        cp = n == 1 ? *p : n == 2 ? *p & 0x1Fu : n == 3 ? *p & 0x0Fu : *p & 0x07u;
        for (size_t i = 1; i < n; i++)
            cp = cp << 6 | (p[i] & 0x3Fu);
        k++;
        if ((cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) ||
            (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            *at = k;
            return cp;
        }
        p += n;
    }
    return 0;
}

/* Warn once per text value below @p n that holds a control character: a
 * double-quoted YAML or JSON string can write one as an escape ("\x1b",
 * "\u202e"), and it would reach every report that shows the text.  Keys
 * are left to pk_fields, which names every unknown one. */
static void check_control_characters(rctx *c, const pk_node *n)
{
    size_t i, o, at = 0;
    unsigned long cp;
    switch (n->kind) {
    case PK_SCALAR:
        if ((cp = control_character(n->str, n->len, &at)) != 0)
            pk_warn(&c->d, n, PK_R_RUBRIC_CONTROL_CHARACTER,
                    "text holds the control character U+%04lX (character %zu): it can hide or "
                    "reorder what readers see",
                    cp, at);
        break;
    case PK_SEQ:
        for (i = 0; i < n->count; i++) {
            o = pk_path_index(&c->d, i);
            check_control_characters(c, n->items[i]);
            pk_path_pop(&c->d, o);
        }
        break;
    case PK_MAP:
        for (i = 0; i < n->count; i++) {
            o = pk_path_key(&c->d, n->items[2 * i]->str);
            check_control_characters(c, n->items[2 * i + 1]);
            pk_path_pop(&c->d, o);
        }
        break;
    }
}

static void decode_rubric(rctx *c, const pk_node *root)
{
    static const pk_field f[] = {
        { "schema", true },    { "id", true },       { "version", true },  { "title", false },
        { "regulation", false }, { "lang", false },  { "scale", true },    { "rounding", false },
        { "combine", false },  { "bands", true },    { "aspects", true },  { "supplementary", false },
        { "survey", false },   { "provisional", false }, { "normalise", false },
        { "convert", false },  { "weighting", false }
    };
    const pk_node *v[17];
    pekppp_rubric *r = c->r;
    size_t o;

    {
        const pk_node *schema = pk_map_get(root, "schema");
        if (schema && !pk_scalar_is(schema, PK_RUBRIC_SCHEMA)) {
            char buf[64];
            o = pk_path_key(&c->d, "schema");
            pk_err(&c->d, schema, PEKPPP_EINVALID, PK_R_SCHEMA_SCHEMA,
                   "schema is %s: expected '%s'", pk_show(schema, buf, sizeof(buf)),
                   PK_RUBRIC_SCHEMA);
            pk_path_pop(&c->d, o);
            return;
        }
    }
    if (pk_fields(&c->d, root, f, 17, v) < 0 && root->kind != PK_MAP)
        return;
    /* Read first: they change how the weights below are checked. */
    o = pk_path_key(&c->d, "provisional");
    if (v[13] && pk_get_text(&c->d, v[13], &r->provisional) == 0 && r->provisional)
        pk_warn(&c->d, v[13], PK_R_RUBRIC_PROVISIONAL, "this rubric is provisional: %s",
                r->provisional);
    pk_path_pop(&c->d, o);
    if (v[14]) {
        o = pk_path_key(&c->d, "normalise");
        (void)pk_get_bool(&c->d, v[14], &r->normalise);
        pk_path_pop(&c->d, o);
    }
    o = pk_path_key(&c->d, "id");
    if (pk_get_text(&c->d, v[1], &r->id) == 0 && r->id && !valid_slug(r->id, 0))
        pk_err(&c->d, v[1], PEKPPP_EINVALID,
               PK_R_RUBRIC_ID, "rubric id '%s' may hold only a-z, 0-9, '.', '_' and '-'", r->id);
    pk_path_pop(&c->d, o);
    o = pk_path_key(&c->d, "version");
    (void)pk_get_text(&c->d, v[2], &r->version);
    pk_path_pop(&c->d, o);
    o = pk_path_key(&c->d, "title");
    (void)pk_get_text(&c->d, v[3], &r->title);
    pk_path_pop(&c->d, o);
    o = pk_path_key(&c->d, "regulation");
    (void)pk_get_text(&c->d, v[4], &r->regulation);
    pk_path_pop(&c->d, o);
    o = pk_path_key(&c->d, "lang");
    (void)pk_get_text(&c->d, v[5], &r->lang);
    pk_path_pop(&c->d, o);
    if (v[6])
        decode_scale(c, v[6]);
    r->decimals = 2;
    if (v[7])
        decode_rounding(c, v[7]);
    r->combine_evaluator = PK_HUNDRED;
    if (v[8])
        decode_combine(c, v[8]);
    if (v[15])
        decode_convert(c, v[15]);
    if (v[16])
        decode_weighting(c, v[16]);
    if (v[9])
        decode_bands(c, v[9]);
    if (v[10])
        decode_aspects(c, v[10], pk_map_key(root, "aspects"));
    if (v[11])
        decode_supplementary(c, v[11]);
    if (v[12])
        decode_survey(c, v[12]);
    if (r->combines_survey && !v[12])
        pk_err(&c->d, v[8], PEKPPP_EINVALID, PK_R_RUBRIC_COMBINE,
               "combine.survey is above 0 but the rubric has no 'survey' section");
    check_control_characters(c, root);
}

static int build_id_table(pekppp_rubric *r);

int pekppp_load_options_init(pekppp_load_options *opts, unsigned version)
{
    pekppp_load_options defaults = PEKPPP_LOAD_OPTIONS_INIT;
    if (!opts || version == 0 || version > PEKPPP_LOAD_OPTIONS_VERSION)
        return PEKPPP_EINVALID;
    *opts = defaults;
    return 0;
}

int pekppp_rubric_load_buffer(pekppp_rubric **out, const char *data, size_t len, const char *name,
                              const pekppp_load_options *opts, pekppp_error *err)
{
    pk_report rep;
    pk_doc doc;
    rctx c;
    pekppp_rubric *r = NULL;
    int error;

    *out = NULL;
    pk_report_init(&rep, name, opts ? opts->diag : NULL, opts ? opts->payload : NULL, err);
    if (opts && (error = pk_options_check(&rep, "pekppp_load_options", opts->version,
                                          PEKPPP_LOAD_OPTIONS_VERSION)) < 0)
        return error;
    memset(&c, 0, sizeof(c));
    /* With repeated keys the tree is kept: decode it for the other problems. */
    error = pk_doc_parse(&doc, data, len, &rep);
    if (error < 0 && !doc.root)
        goto done;
    if (!(r = pk_malloc(sizeof(*r)))) {
        error = PEKPPP_ENOMEM;
        pk_diag(&rep, error, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        goto done;
    }
    memset(r, 0, sizeof(*r));
    memcpy(r->sha256, doc.sha256, sizeof(r->sha256));
    c.r = r;
    pk_dec_init(&c.d, &rep, &r->arena);
    c.ids = pk_malloc(sizeof(*c.ids) * PEKPPP_MAX_INDICATORS * 2);
    c.id_nodes = pk_malloc(sizeof(*c.id_nodes) * PEKPPP_MAX_INDICATORS * 2);
    if (!c.ids || !c.id_nodes || !(r->file = pk_arena_strndup(&r->arena, name, strlen(name)))) {
        error = PEKPPP_ENOMEM;
        pk_diag(&rep, error, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        goto done;
    }
    decode_rubric(&c, doc.root);
    if (rep.errors > 0) {
        error = rep.first_code;
        goto done;
    }
    if ((error = build_id_table(r)) < 0) {
        pk_diag(&rep, error, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        goto done;
    }
    *out = r;
    r = NULL;
done:
    pk_free(c.ids);
    pk_free(c.id_nodes);
    pekppp_rubric_free(r);
    pk_doc_free(&doc);
    return error;
}

int pekppp_rubric_load_file(pekppp_rubric **out, const char *path, const pekppp_load_options *opts,
                            pekppp_error *err)
{
    pk_report rep;
    char *data = NULL;
    size_t len = 0;
    int error;
    *out = NULL;
    pk_report_init(&rep, path, opts ? opts->diag : NULL, opts ? opts->payload : NULL, err);
    if (opts && (error = pk_options_check(&rep, "pekppp_load_options", opts->version,
                                          PEKPPP_LOAD_OPTIONS_VERSION)) < 0)
        return error;
    if ((error = pk_read_file(&data, &len, path, &rep)) < 0)
        return error;
    error = pekppp_rubric_load_buffer(out, data, len, path, opts, err);
    pk_free(data);
    return error;
}

void pekppp_rubric_free(pekppp_rubric *r)
{
    if (!r)
        return;
    pk_arena_free(&r->arena);
    pk_free(r);
}

const char *pekppp_rubric_id(const pekppp_rubric *r) { return r->id; }
const char *pekppp_rubric_version(const pekppp_rubric *r) { return r->version; }
const char *pekppp_rubric_title(const pekppp_rubric *r) { return r->title; }
const char *pekppp_rubric_sha256(const pekppp_rubric *r) { return r->sha256; }
int pekppp_rubric_scale_min(const pekppp_rubric *r) { return r->scale_min; }
int pekppp_rubric_scale_max(const pekppp_rubric *r) { return r->scale_max; }
int pekppp_rubric_decimals(const pekppp_rubric *r) { return r->decimals; }
size_t pekppp_rubric_aspect_count(const pekppp_rubric *r) { return r->naspects; }
size_t pekppp_rubric_indicator_count(const pekppp_rubric *r) { return r->nindicators; }
size_t pekppp_rubric_band_count(const pekppp_rubric *r) { return r->nbands; }
size_t pekppp_rubric_supplement_count(const pekppp_rubric *r) { return r->nsupplements; }
size_t pekppp_rubric_survey_item_count(const pekppp_rubric *r) { return r->nsurvey_items; }

const pekppp_aspect *pekppp_rubric_aspect(const pekppp_rubric *r, size_t i)
{
    return i < r->naspects ? &r->aspects[i] : NULL;
}

const pekppp_indicator *pekppp_rubric_indicator(const pekppp_rubric *r, size_t i)
{
    return i < r->nindicators ? &r->indicators[i] : NULL;
}

const pekppp_band *pekppp_rubric_band(const pekppp_rubric *r, size_t i)
{
    return i < r->nbands ? &r->bands[i] : NULL;
}

const pekppp_supplement *pekppp_rubric_supplement(const pekppp_rubric *r, size_t i)
{
    return i < r->nsupplements ? &r->supplements[i] : NULL;
}

const pekppp_survey_item *pekppp_rubric_survey_item(const pekppp_rubric *r, size_t i)
{
    return i < r->nsurvey_items ? &r->survey_items[i] : NULL;
}

int pekppp_rubric_indicator_weight_text(const pekppp_rubric *r, size_t i, char *buf, size_t size)
{
    if (i >= r->nindicators)
        return -1;
    if (r->iweights)
        return pk_rat_format(buf, size, r->iweights[i]);
    return pk_dec_format_short(buf, size, r->indicators[i].weight);
}

const char *pekppp_rubric_indicator_question(const pekppp_rubric *r, size_t i)
{
    return i < r->nindicators && r->questions ? r->questions[i] : NULL;
}

int64_t pekppp_rubric_convert_factor(const pekppp_rubric *r) { return r->convert_factor; }
long pekppp_rubric_min_respondents(const pekppp_rubric *r) { return r->min_respondents; }

bool pekppp_rubric_combine(const pekppp_rubric *r, int64_t *evaluator, int64_t *survey)
{
    if (evaluator)
        *evaluator = r->combine_evaluator;
    if (survey)
        *survey = r->combine_survey;
    return r->combines_survey;
}

const pekppp_band *pekppp_rubric_band_for(const pekppp_rubric *r, pekppp_fixed rounded)
{
    size_t i;
    for (i = 0; i < r->nbands; i++) {
        int c = pekppp_fixed_compare(r->bands[i].min, rounded);
        if (c < -1)
            return NULL;
        if (c <= 0)
            return &r->bands[i];
    }
    return NULL;
}

static size_t hash_id(const char *s)
{
    size_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static const char *position_id(const pekppp_rubric *r, size_t pos)
{
    return pos < r->nindicators ? r->indicators[pos].id : r->supplements[pos - r->nindicators].id;
}

/* Index every scored and supplementary id, so each answer is found in one
 * probe or two; ids are unique by now (validation said so). */
static int build_id_table(pekppp_rubric *r)
{
    size_t n = r->nindicators + r->nsupplements, cap = 16, i;
    while (cap < n * 2)
        cap *= 2;
    r->id_table = pk_arena_alloc(&r->arena, cap * sizeof(*r->id_table));
    if (!r->id_table)
        return PEKPPP_ENOMEM;
    memset(r->id_table, 0, cap * sizeof(*r->id_table));
    r->id_cap = cap;
    for (i = 0; i < n; i++) {
        size_t h = hash_id(position_id(r, i)) & (cap - 1);
        while (r->id_table[h])
            h = (h + 1) & (cap - 1);
        r->id_table[h] = i + 1;
    }
    return 0;
}

long pk_rubric_lookup(const pekppp_rubric *r, const char *id)
{
    size_t h = hash_id(id) & (r->id_cap - 1);
    for (; r->id_table[h]; h = (h + 1) & (r->id_cap - 1))
        if (strcmp(position_id(r, r->id_table[h] - 1), id) == 0)
            return (long)(r->id_table[h] - 1);
    return -1;
}

long pekppp_rubric_find_indicator(const pekppp_rubric *r, const char *id)
{
    long pos = pk_rubric_lookup(r, id);
    return pos >= 0 && (size_t)pos < r->nindicators ? pos : -1;
}

const char *pekppp_version(void)
{
    return PEKPPP_VERSION;
}

int pk_round(const pekppp_rubric *r, pk_rat v, int64_t *out)
{
    return pk_rat_round(out, v, r->decimals);
}

const char *pk_step_text(const pekppp_rubric *r, size_t indicator, int from, int to,
                         int *is_advice)
{
    const pekppp_indicator *ind = &r->indicators[indicator];
    const char *adv = ind->advice ? ind->advice[from - r->scale_min] : NULL;
    *is_advice = adv != NULL;
    return adv ? adv : ind->levels[to - r->scale_min];
}
