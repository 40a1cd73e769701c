/*
 * The JSON result (FORMATS.md section 4) and the plan document (section 6),
 * written straight to the sink with the streaming writer (json_writer.h).
 *
 * Key order is the order of the calls below, and the layout is the writer's
 * two-space one, so both stay stable.  Every number is text that we
 * formatted ourselves from exact values, so no double ever sits between the
 * score and its digits ("4.40", never 4.4000000000000004).  Failures are the
 * sink's (sticky): a failed allocation marks it with PEKPPP_ENOMEM.
 */
#include "report_internal.h"
#include "json_writer.h"
#include "plan_internal.h"

#include <string.h>

static void head(pk_jw *w, const pekppp_result *res)
{
    const pekppp_assessment *a = res->assessment;
    const pekppp_rubric *r = res->rubric;
    pk_jw_str(w, "schema", "pekppp/result/v1");
    pk_jw_object(w, "unit");
    pk_jw_str(w, "id", a->unit_id);
    pk_jw_str(w, "name", a->unit_name);
    pk_jw_str(w, "institution", a->institution);
    pk_jw_str(w, "category", a->category);
    pk_jw_str(w, "mode", a->mode);
    pk_jw_end(w);
    pk_jw_str(w, "period", a->period);
    pk_jw_object(w, "rubric");
    pk_jw_str(w, "id", r->id);
    pk_jw_str(w, "version", r->version);
    pk_jw_str(w, "sha256", r->sha256);
    pk_jw_end(w);
    pk_jw_object(w, "input");
    pk_jw_str(w, "file", a->file);
    pk_jw_str(w, "sha256", a->sha256);
    pk_jw_end(w);
    pk_jw_object(w, "tool");
    pk_jw_str(w, "name", "pekppp");
    pk_jw_str(w, "version", PEKPPP_VERSION);
    pk_jw_end(w);
}

/* {"index", "grade", "label"} of a result: what_if.before and "actual". */
static void index_grade_label(pk_jw *w, const char *key, const pekppp_result *res)
{
    pk_jw_object(w, key);
    pk_jw_fixed(w, "index", res->index_rounded, res->rubric->decimals);
    pk_jw_str(w, "grade", res->band ? res->band->grade : NULL);
    pk_jw_str(w, "label", res->band ? res->band->label : NULL);
    pk_jw_end(w);
}

/* A what-if is marked before its index: "hypothetical": true and the real
 * score ("actual"), as what_if.before has it. */
static void hypothetical(pk_jw *w, const pk_whatif_view *wv)
{
    pk_jw_bool(w, "hypothetical", 1);
    index_grade_label(w, "actual", wv->before);
}

static void totals(pk_jw *w, const pekppp_result *res)
{
    const pekppp_rubric *r = res->rubric;
    size_t i;
    pk_jw_fixed(w, "index", res->index_rounded, r->decimals);
    pk_jw_str(w, "grade", res->band ? res->band->grade : NULL);
    pk_jw_str(w, "label", res->band ? res->band->label : NULL);
    {
        int64_t gap = 0;
        const pekppp_band *next = pk_next_band(res, &gap);
        if (!next) {
            pk_jw_null(w, "next_band");
        } else {
            pk_jw_object(w, "next_band");
            pk_jw_str(w, "grade", next->grade);
            pk_jw_dec(w, "min", pk_fixed_dec(next->min));
            pk_jw_fixed(w, "gap", gap, r->decimals);
            pk_jw_end(w);
        }
    }
    pk_jw_fixed(w, "evaluator", res->evaluator_rounded, r->decimals);
    if (res->survey_counts) {
        pk_jw_fixed(w, "survey", res->survey_rounded, r->decimals);
        pk_jw_int(w, "respondents", res->assessment->respondents);
    } else {
        pk_jw_null(w, "survey");
        pk_jw_null(w, "respondents");
    }
    pk_jw_bool(w, "complete", !(res->flags & PEKPPP_FLAG_INCOMPLETE));
    pk_jw_array(w, "flags");
    for (i = 0; i < PK_NFLAGS; i++)
        if (res->flags & pk_flags[i].flag)
            pk_jw_str(w, NULL, pk_flags[i].name);
    pk_jw_end(w);
}

static void count(pk_jw *w, const char *k, size_t n)
{
    pk_jw_int(w, k, (long)n);
}

/* "caveats", after "flags" when it is not empty: each flag with the numbers
 * behind it, in the order the reports list them. */
static void caveats(pk_jw *w, const pekppp_result *res, const pk_caveats *cv)
{
    const pekppp_rubric *r = res->rubric;
    size_t i, k;
    if (cv->n == 0)
        return;
    pk_jw_array(w, "caveats");
    for (i = 0; i < cv->n; i++) {
        const pk_caveat *c = &cv->items[i];
        pk_jw_object(w, NULL);
        for (k = 0; k < PK_NFLAGS && pk_flags[k].flag != c->flag; k++)
            ;
        pk_jw_str(w, "flag", k < PK_NFLAGS ? pk_flags[k].name : NULL);
        if (c->flag == PEKPPP_FLAG_PROVISIONAL_RUBRIC) {
            pk_jw_str(w, "reason", c->reason);
        } else if (c->flag == PEKPPP_FLAG_INCOMPLETE) {
            count(w, "unanswered", c->unanswered);
            count(w, "indicators", c->indicators);
        } else if (c->flag == PEKPPP_FLAG_SURVEY_BELOW_MIN) {
            pk_jw_int(w, "respondents", c->respondents);
            pk_jw_int(w, "min_respondents", c->min_respondents);
        } else if (c->flag == PEKPPP_FLAG_NA_RENORMALISED) {
            pk_jw_array(w, "aspects");
            for (k = 0; k < c->naspects; k++) {
                pk_jw_object(w, NULL);
                pk_jw_str(w, "id", r->aspects[c->aspects[k].aspect].id);
                count(w, "na", c->aspects[k].na);
                count(w, "indicators", c->aspects[k].count);
                pk_jw_bool(w, "left_out", c->aspects[k].left_out);
                pk_jw_end(w);
            }
            pk_jw_end(w);
        }
        pk_jw_end(w);
    }
    pk_jw_end(w);
}

static void aspects(pk_jw *w, const pekppp_result *res)
{
    const pekppp_rubric *r = res->rubric;
    const pekppp_assessment *a = res->assessment;
    size_t i, j;
    pk_jw_array(w, "aspects");
    for (i = 0; i < r->naspects; i++) {
        const pekppp_aspect *asp = &r->aspects[i];
        const pk_aspect_result *ar = &res->aspects[i];
        pk_jw_object(w, NULL);
        pk_jw_str(w, "id", asp->id);
        pk_jw_str(w, "code", asp->code);
        pk_jw_str(w, "name", asp->name);
        pk_jw_dec(w, "weight", asp->weight);
        if (ar->left_out) {
            pk_jw_null(w, "score");
            pk_jw_null(w, "contribution");
        } else {
            pk_jw_fixed(w, "score", ar->rounded, r->decimals);
            pk_jw_fixed(w, "contribution", ar->contribution, r->decimals);
        }
        pk_jw_array(w, "indicators");
        for (j = asp->first; j < asp->first + asp->count; j++) {
            const pekppp_indicator *ind = &r->indicators[j];
            int level = a->answers[j].level;
            pk_jw_object(w, NULL);
            pk_jw_str(w, "id", ind->id);
            pk_jw_str(w, "name", ind->name);
            pk_jw_dec(w, "weight", ind->weight);
            if (level == PEKPPP_LEVEL_NA || level == PEKPPP_LEVEL_MISSING)
                pk_jw_null(w, "level");
            else
                pk_jw_int(w, "level", level);
            pk_jw_int(w, "max", r->scale_max);
            pk_jw_bool(w, "na", level == PEKPPP_LEVEL_NA);
            pk_jw_end(w);
        }
        pk_jw_end(w);
        pk_jw_end(w);
    }
    pk_jw_end(w);
}

static void tail(pk_jw *w, const pekppp_result *res)
{
    const pekppp_rubric *r = res->rubric;
    const pekppp_assessment *a = res->assessment;
    size_t i, k;
    pk_jw_array(w, "supplementary");
    for (i = 0; i < r->nsupplements; i++) {
        pk_jw_object(w, NULL);
        pk_jw_str(w, "id", r->supplements[i].id);
        if (a->supplement_levels[i] == PEKPPP_LEVEL_MISSING)
            pk_jw_null(w, "level");
        else
            pk_jw_int(w, "level", a->supplement_levels[i]);
        pk_jw_end(w);
    }
    pk_jw_end(w);
    pk_jw_array(w, "recommendations");
    for (i = 0; i < res->nrecs; i++) {
        const pk_recommendation *rec = &res->recs[i];
        const pekppp_indicator *ind = &r->indicators[rec->indicator];
        int is_advice;
        pk_jw_object(w, NULL);
        pk_jw_str(w, "indicator", ind->id);
        pk_jw_int(w, "from", rec->from);
        pk_jw_int(w, "to", rec->to);
        pk_jw_fixed(w, "gain", rec->gain_rounded, r->decimals);
        pk_jw_str(w, "advice", pk_step_text(r, rec->indicator, rec->from, rec->to, &is_advice));
        pk_jw_array(w, "evidence");
        for (k = 0; k < ind->evidence_count; k++)
            pk_jw_str(w, NULL, ind->evidence[k]);
        pk_jw_end(w);
        pk_jw_end(w);
    }
    pk_jw_end(w);
}

void pk_json_indent(pekppp_sink *sink, int depth)
{
    static const char spaces[] = "                                ";
    while (depth > 0) {
        int n = depth > 16 ? 16 : depth;
        pk_sink_put(sink, spaces, (size_t)n * 2);
        depth -= n;
    }
}

/* "changes": [{"indicator", "from", "to"}], as --set gave them. */
static void changes_list(pk_jw *w, const pekppp_rubric *r, const pekppp_change *changes,
                         size_t n)
{
    size_t i;
    pk_jw_array(w, "changes");
    for (i = 0; i < n; i++) {
        const pekppp_change *c = &changes[i];
        pk_jw_object(w, NULL);
        pk_jw_str(w, "indicator", r->indicators[c->indicator].id);
        if (c->from == PEKPPP_LEVEL_NA)
            pk_jw_str(w, "from", "na");
        else if (c->from == PEKPPP_LEVEL_MISSING)
            pk_jw_null(w, "from");
        else
            pk_jw_int(w, "from", c->from);
        if (c->to == PEKPPP_LEVEL_NA)
            pk_jw_str(w, "to", "na");
        else
            pk_jw_int(w, "to", c->to);
        pk_jw_end(w);
    }
    pk_jw_end(w);
}

/* "what_if": the changes, the result before them, and the exact deltas rounded once. */
static void what_if(pk_jw *w, const pekppp_result *res, const pk_whatif_view *wv)
{
    const pekppp_rubric *r = res->rubric;
    size_t i;
    pk_jw_object(w, "what_if");
    changes_list(w, r, wv->changes, wv->nchanges);
    index_grade_label(w, "before", wv->before);
    pk_jw_fixed(w, "delta", wv->delta, r->decimals);
    pk_jw_array(w, "aspects");
    for (i = 0; i < wv->naspects; i++) {
        const pk_whatif_aspect *wa = &wv->aspects[i];
        pk_jw_object(w, NULL);
        pk_jw_str(w, "id", r->aspects[wa->aspect].id);
        pk_jw_fixed(w, "before", wa->before, r->decimals);
        pk_jw_fixed(w, "after", wa->after, r->decimals);
        pk_jw_fixed(w, "delta", wa->delta, r->decimals);
        pk_jw_end(w);
    }
    pk_jw_end(w);
    pk_jw_end(w);
}

/* A fraction as a string member; a fraction too long for the buffer (it
 * cannot happen with 128-bit parts) fails the sink as a tree did. */
static void rat(pk_jw *w, const char *key, pk_rat v)
{
    char buf[100];
    if (pk_rat_format(buf, sizeof(buf), v) < 0) {
        if (!w->sink->error)
            w->sink->error = PEKPPP_ENOMEM;
        return;
    }
    pk_jw_str(w, key, buf);
}

/* "exact": the index and aspect scores as fractions, so `pekppp diff` can
 * compare result files exactly, as it compares unit files. */
static void exact(pk_jw *w, const pekppp_result *res)
{
    const pekppp_rubric *r = res->rubric;
    size_t i;
    pk_jw_object(w, "exact");
    pk_jw_int(w, "decimals", r->decimals);
    rat(w, "index", res->index);
    pk_jw_object(w, "aspects");
    for (i = 0; i < r->naspects; i++) {
        if (res->aspects[i].left_out)
            pk_jw_null(w, r->aspects[i].id);
        else
            rat(w, r->aspects[i].id, res->aspects[i].score);
    }
    pk_jw_end(w);
    pk_jw_end(w);
}

static void plan_grade(pk_jw *w, const char *k, int64_t rounded, int decimals,
                       const pekppp_band *band)
{
    pk_jw_object(w, k);
    pk_jw_fixed(w, "index", rounded, decimals);
    pk_jw_str(w, "grade", band ? band->grade : NULL);
    pk_jw_end(w);
}

/* The plan document (FORMATS.md section 6), the one writer of both
 * `pekppp plan -f json` (@p standalone) and the "plan" member of a result
 * (`score --target`), which leaves out what the result already has:
 * schema, unit and the index before.  The members go into the open
 * object. */
static void plan_members(pk_jw *w, const pekppp_plan *p, int standalone,
                         const pekppp_report_options *ro)
{
    const pekppp_result *res = p->res;
    const pekppp_rubric *r = res->rubric;
    size_t i;
    if (standalone) {
        pk_jw_str(w, "schema", "pekppp/plan/v1");
        pk_jw_object(w, "unit");
        pk_jw_str(w, "id", res->assessment->unit_id);
        pk_jw_str(w, "name", res->assessment->unit_name);
        pk_jw_end(w);
    }
    if (ro->nchanges > 0) {
        /* A plan of a what-if starts from answers the file does not have;
         * on its own it lists them (a result has them in what_if). */
        pk_jw_bool(w, "hypothetical", 1);
        if (standalone)
            changes_list(w, r, ro->changes, ro->nchanges);
    }
    pk_jw_object(w, "target");
    pk_jw_str(w, "grade", p->target->grade);
    pk_jw_dec(w, "min", pk_fixed_dec(p->target->min));
    pk_jw_end(w);
    pk_jw_bool(w, "feasible", p->feasible);
    if (standalone)
        plan_grade(w, "before", res->index_rounded, r->decimals, res->band);
    plan_grade(w, "after", p->after_rounded, r->decimals, p->after_band);
    if (!p->feasible)
        plan_grade(w, "best", p->best_rounded, r->decimals, p->best_band);
    pk_jw_array(w, "steps");
    for (i = 0; i < p->nsteps; i++) {
        const pk_step *st = &p->steps[i];
        int is_advice;
        pk_jw_object(w, NULL);
        pk_jw_str(w, "indicator", r->indicators[st->indicator].id);
        pk_jw_int(w, "from", st->from);
        pk_jw_int(w, "to", st->to);
        pk_jw_fixed(w, "gain", st->gain_rounded, r->decimals);
        plan_grade(w, "after", st->after_rounded, r->decimals, st->after_band);
        pk_jw_str(w, "advice", pk_step_text(r, st->indicator, st->from, st->to, &is_advice));
        pk_jw_end(w);
    }
    pk_jw_end(w);
}

/* The plan document's layout: one member per line, and an array member
 * with one item per line; everything deeper on one line. */
void pk_plan_json(pekppp_sink *sink, const pekppp_plan *p, const pekppp_report_options *o)
{
    pk_jw w;
    pk_jw_init(&w, sink, 0);
    pk_jw_flat(&w, 1, 2);
    pk_jw_object(&w, NULL);
    plan_members(&w, p, 1, o);
    pk_jw_end(&w);
    pk_sink_put(sink, "\n", 1);
}

void pk_report_json(pekppp_sink *sink, const pekppp_result *res, const pekppp_report_options *o,
                    const pk_unit_view *v)
{
    pk_jw w;
    pk_jw_init(&w, sink, (int)o->json_depth);
    pk_jw_object(&w, NULL);
    head(&w, res);
    if (v->whatif)
        hypothetical(&w, v->whatif);
    totals(&w, res);
    caveats(&w, res, &v->caveats);
    aspects(&w, res);
    tail(&w, res);
    exact(&w, res);
    if (v->whatif)
        what_if(&w, res, v->whatif);
    if (o->plan) {
        pk_jw_object(&w, "plan");
        plan_members(&w, o->plan, 0, o);
        pk_jw_end(&w);
    }
    pk_jw_end(&w);
    if (o->json_depth == 0)
        pk_sink_put(sink, "\n", 1);
}
void pk_json_place(pekppp_sink *sink, const char *sheet, unsigned line, unsigned col)
{
    char cell[32];
    PK_SINK_LIT(sink, ", \"sheet\": ");
    pk_json_string(sink, sheet);
    PK_SINK_LIT(sink, ", \"cell\": ");
    if (line && col) {
        pk_location("", sheet, line, col, PEKPPP_LOCATION_CELL, cell, sizeof(cell));
        pk_json_string(sink, cell);
    } else {
        PK_SINK_LIT(sink, "null");
    }
}
