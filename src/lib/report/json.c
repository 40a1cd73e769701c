/*
 * The JSON result (FORMATS.md section 4), built with cJSON.
 *
 * Key order is fixed by construction order, and the tree is printed by our
 * own two-space printer so the layout is ours to keep stable.  Every number is inserted as raw
 * text that we formatted ourselves from exact values, so no double ever sits
 * between the score and its digits ("4.40", never 4.4000000000000004).  Any
 * allocation failure marks the sink with PEKPPP_ENOMEM.
 */
#include "report_internal.h"
#include "plan_internal.h"

#include <stdio.h>
#include <string.h>
#include <cjson/cJSON.h>

typedef struct {
    int failed;
} jb;

static cJSON *chk(jb *b, cJSON *item)
{
    if (!item)
        b->failed = 1;
    return item;
}

static void add_str(jb *b, cJSON *o, const char *k, const char *v)
{
    if (v)
        chk(b, cJSON_AddStringToObject(o, k, v));
    else
        chk(b, cJSON_AddNullToObject(o, k));
}

static void add_raw(jb *b, cJSON *o, const char *k, const char *raw)
{
    chk(b, cJSON_AddRawToObject(o, k, raw));
}

static void add_fixed(jb *b, cJSON *o, const char *k, int64_t units, int decimals)
{
    char buf[48];
    pk_fixed_format(buf, sizeof(buf), units, decimals);
    add_raw(b, o, k, buf);
}

static void add_dec(jb *b, cJSON *o, const char *k, int64_t scaled)
{
    char buf[48];
    pk_dec_format_short(buf, sizeof(buf), scaled);
    add_raw(b, o, k, buf);
}

static void add_long(jb *b, cJSON *o, const char *k, long v)
{
    char buf[32];
    snprintf(buf, sizeof(buf), "%ld", v);
    add_raw(b, o, k, buf);
}

/* Create an object or array and attach it at once, so it is never orphaned. */
static cJSON *add_child(jb *b, cJSON *parent, const char *k, int array)
{
    cJSON *c = array ? cJSON_CreateArray() : cJSON_CreateObject();
    if (!c) {
        b->failed = 1;
        return NULL;
    }
    if (k ? !cJSON_AddItemToObject(parent, k, c) : !cJSON_AddItemToArray(parent, c)) {
        cJSON_Delete(c);
        b->failed = 1;
        return NULL;
    }
    return c;
}

static void head(jb *b, cJSON *root, const pekppp_result *res)
{
    const pekppp_assessment *a = res->assessment;
    const pekppp_rubric *r = res->rubric;
    cJSON *o;
    add_str(b, root, "schema", "pekppp/result/v1");
    if ((o = add_child(b, root, "unit", 0))) {
        add_str(b, o, "id", a->unit_id);
        add_str(b, o, "name", a->unit_name);
        add_str(b, o, "institution", a->institution);
        add_str(b, o, "category", a->category);
        add_str(b, o, "mode", a->mode);
    }
    add_str(b, root, "period", a->period);
    if ((o = add_child(b, root, "rubric", 0))) {
        add_str(b, o, "id", r->id);
        add_str(b, o, "version", r->version);
        add_str(b, o, "sha256", r->sha256);
    }
    if ((o = add_child(b, root, "input", 0))) {
        add_str(b, o, "file", a->file);
        add_str(b, o, "sha256", a->sha256);
    }
    if ((o = add_child(b, root, "tool", 0))) {
        add_str(b, o, "name", "pekppp");
        add_str(b, o, "version", PEKPPP_VERSION);
    }
}

/* A what-if is marked before its index: "hypothetical": true and the real
 * score ("actual"), as what_if.before has it. */
static void hypothetical(jb *b, cJSON *root, const pk_whatif_view *w)
{
    const pekppp_result *base = w->before;
    cJSON *x;
    chk(b, cJSON_AddBoolToObject(root, "hypothetical", 1));
    if ((x = add_child(b, root, "actual", 0))) {
        add_fixed(b, x, "index", base->index_rounded, base->rubric->decimals);
        add_str(b, x, "grade", base->band ? base->band->grade : NULL);
        add_str(b, x, "label", base->band ? base->band->label : NULL);
    }
}

static void totals(jb *b, cJSON *root, const pekppp_result *res)
{
    const pekppp_rubric *r = res->rubric;
    cJSON *flags;
    add_fixed(b, root, "index", res->index_rounded, r->decimals);
    add_str(b, root, "grade", res->band ? res->band->grade : NULL);
    add_str(b, root, "label", res->band ? res->band->label : NULL);
    {
        int64_t gap = 0;
        const pekppp_band *next = pk_next_band(res, &gap);
        cJSON *o;
        if (!next)
            chk(b, cJSON_AddNullToObject(root, "next_band"));
        else if ((o = add_child(b, root, "next_band", 0))) {
            add_str(b, o, "grade", next->grade);
            add_dec(b, o, "min", pk_fixed_dec(next->min));
            add_fixed(b, o, "gap", gap, r->decimals);
        }
    }
    add_fixed(b, root, "evaluator", res->evaluator_rounded, r->decimals);
    if (res->survey_counts) {
        add_fixed(b, root, "survey", res->survey_rounded, r->decimals);
        add_long(b, root, "respondents", res->assessment->respondents);
    } else {
        chk(b, cJSON_AddNullToObject(root, "survey"));
        chk(b, cJSON_AddNullToObject(root, "respondents"));
    }
    chk(b, cJSON_AddBoolToObject(root, "complete", !(res->flags & PEKPPP_FLAG_INCOMPLETE)));
    if ((flags = add_child(b, root, "flags", 1))) {
        size_t i;
        for (i = 0; i < PK_NFLAGS; i++) {
            cJSON *s;
            if (!(res->flags & pk_flags[i].flag))
                continue;
            if (!(s = chk(b, cJSON_CreateString(pk_flags[i].name))))
                continue;
            if (!cJSON_AddItemToArray(flags, s)) {
                cJSON_Delete(s);
                b->failed = 1;
            }
        }
    }
}

static void add_count(jb *b, cJSON *o, const char *k, size_t n)
{
    add_long(b, o, k, (long)n);
}

/* "caveats", after "flags" when it is not empty: each flag with the numbers
 * behind it, in the order the reports list them. */
static void caveats(jb *b, cJSON *root, const pekppp_result *res, const pk_caveats *cv)
{
    const pekppp_rubric *r = res->rubric;
    cJSON *list, *o, *asp, *x;
    size_t i, k;
    if (cv->n == 0 || !(list = add_child(b, root, "caveats", 1)))
        return;
    for (i = 0; i < cv->n; i++) {
        const pk_caveat *c = &cv->items[i];
        if (!(o = add_child(b, list, NULL, 0)))
            return;
        for (k = 0; k < PK_NFLAGS && pk_flags[k].flag != c->flag; k++)
            ;
        add_str(b, o, "flag", k < PK_NFLAGS ? pk_flags[k].name : NULL);
        if (c->flag == PEKPPP_FLAG_PROVISIONAL_RUBRIC) {
            add_str(b, o, "reason", c->reason);
        } else if (c->flag == PEKPPP_FLAG_INCOMPLETE) {
            add_count(b, o, "unanswered", c->unanswered);
            add_count(b, o, "indicators", c->indicators);
        } else if (c->flag == PEKPPP_FLAG_SURVEY_BELOW_MIN) {
            add_long(b, o, "respondents", c->respondents);
            add_long(b, o, "min_respondents", c->min_respondents);
        } else if (c->flag == PEKPPP_FLAG_NA_RENORMALISED &&
                   (asp = add_child(b, o, "aspects", 1))) {
            for (k = 0; k < c->naspects; k++) {
                if (!(x = add_child(b, asp, NULL, 0)))
                    return;
                add_str(b, x, "id", r->aspects[c->aspects[k].aspect].id);
                add_count(b, x, "na", c->aspects[k].na);
                add_count(b, x, "indicators", c->aspects[k].count);
                chk(b, cJSON_AddBoolToObject(x, "left_out", c->aspects[k].left_out));
            }
        }
    }
}

static void aspects(jb *b, cJSON *root, const pekppp_result *res)
{
    const pekppp_rubric *r = res->rubric;
    const pekppp_assessment *a = res->assessment;
    cJSON *list = add_child(b, root, "aspects", 1);
    size_t i, j;
    if (!list)
        return;
    for (i = 0; i < r->naspects; i++) {
        const pekppp_aspect *asp = &r->aspects[i];
        const pk_aspect_result *ar = &res->aspects[i];
        cJSON *o = add_child(b, list, NULL, 0), *inds;
        if (!o)
            return;
        add_str(b, o, "id", asp->id);
        add_str(b, o, "code", asp->code);
        add_str(b, o, "name", asp->name);
        add_dec(b, o, "weight", asp->weight);
        if (ar->left_out) {
            chk(b, cJSON_AddNullToObject(o, "score"));
            chk(b, cJSON_AddNullToObject(o, "contribution"));
        } else {
            add_fixed(b, o, "score", ar->rounded, r->decimals);
            add_fixed(b, o, "contribution", ar->contribution, r->decimals);
        }
        if (!(inds = add_child(b, o, "indicators", 1)))
            return;
        for (j = asp->first; j < asp->first + asp->count; j++) {
            const pekppp_indicator *ind = &r->indicators[j];
            int level = a->answers[j].level;
            cJSON *io = add_child(b, inds, NULL, 0);
            if (!io)
                return;
            add_str(b, io, "id", ind->id);
            add_str(b, io, "name", ind->name);
            add_dec(b, io, "weight", ind->weight);
            if (level == PEKPPP_LEVEL_NA || level == PEKPPP_LEVEL_MISSING)
                chk(b, cJSON_AddNullToObject(io, "level"));
            else
                add_long(b, io, "level", level);
            add_long(b, io, "max", r->scale_max);
            chk(b, cJSON_AddBoolToObject(io, "na", level == PEKPPP_LEVEL_NA));
        }
    }
}

static void tail(jb *b, cJSON *root, const pekppp_result *res)
{
    const pekppp_rubric *r = res->rubric;
    const pekppp_assessment *a = res->assessment;
    cJSON *list = add_child(b, root, "supplementary", 1);
    size_t i;
    for (i = 0; list && i < r->nsupplements; i++) {
        cJSON *o = add_child(b, list, NULL, 0);
        if (!o)
            break;
        add_str(b, o, "id", r->supplements[i].id);
        if (a->supplement_levels[i] == PEKPPP_LEVEL_MISSING)
            chk(b, cJSON_AddNullToObject(o, "level"));
        else
            add_long(b, o, "level", a->supplement_levels[i]);
    }
    list = add_child(b, root, "recommendations", 1);
    for (i = 0; list && i < res->nrecs; i++) {
        const pk_recommendation *rec = &res->recs[i];
        cJSON *o = add_child(b, list, NULL, 0);
        int is_advice;
        if (!o)
            break;
        add_str(b, o, "indicator", r->indicators[rec->indicator].id);
        add_long(b, o, "from", rec->from);
        add_long(b, o, "to", rec->to);
        add_fixed(b, o, "gain", rec->gain_rounded, r->decimals);
        add_str(b, o, "advice", pk_step_text(r, rec->indicator, rec->from, rec->to, &is_advice));
        {
            const pekppp_indicator *ind = &r->indicators[rec->indicator];
            cJSON *ev = add_child(b, o, "evidence", 1), *e;
            size_t k;
            for (k = 0; ev && k < ind->evidence_count; k++) {
                if (!(e = chk(b, cJSON_CreateString(ind->evidence[k]))))
                    break;
                if (!cJSON_AddItemToArray(ev, e)) {
                    cJSON_Delete(e);
                    b->failed = 1;
                }
            }
        }
    }
}

void pk_json_indent(pekppp_sink *sink, int depth)
{
    static const char spaces[] = "                                ";
    while (depth > 0) {
        int n = depth > 16 ? 16 : depth;
        pekppp_sink_write(sink, spaces, (size_t)n * 2);
        depth -= n;
    }
}

/* Print a tree of our own making with two-space indentation (jq's layout);
 * empty containers stay on one line. */
static void print_value(pekppp_sink *sink, const cJSON *v, int depth)
{
    const cJSON *c;
    if (cJSON_IsObject(v) || cJSON_IsArray(v)) {
        int obj = cJSON_IsObject(v);
        if (!v->child) {
            pekppp_sink_puts(sink, obj ? "{}" : "[]");
            return;
        }
        pekppp_sink_puts(sink, obj ? "{\n" : "[\n");
        for (c = v->child; c; c = c->next) {
            pk_json_indent(sink, depth + 1);
            if (obj) {
                pk_json_string(sink, c->string);
                pekppp_sink_puts(sink, ": ");
            }
            print_value(sink, c, depth + 1);
            pekppp_sink_puts(sink, c->next ? ",\n" : "\n");
        }
        pk_json_indent(sink, depth);
        pekppp_sink_puts(sink, obj ? "}" : "]");
    } else if (cJSON_IsString(v)) {
        pk_json_string(sink, v->valuestring);
    } else if (cJSON_IsRaw(v)) {
        pekppp_sink_puts(sink, v->valuestring);
    } else if (cJSON_IsTrue(v)) {
        pekppp_sink_puts(sink, "true");
    } else if (cJSON_IsFalse(v)) {
        pekppp_sink_puts(sink, "false");
    } else {
        pekppp_sink_puts(sink, "null");
    }
}

/* "changes": [{"indicator", "from", "to"}], as --set gave them. */
static void changes_list(jb *b, cJSON *o, const pekppp_rubric *r, const pekppp_change *changes,
                         size_t n)
{
    cJSON *list = add_child(b, o, "changes", 1), *x;
    size_t i;
    for (i = 0; list && i < n; i++) {
        const pekppp_change *c = &changes[i];
        if (!(x = add_child(b, list, NULL, 0)))
            break;
        add_str(b, x, "indicator", r->indicators[c->indicator].id);
        if (c->from == PEKPPP_LEVEL_NA)
            add_str(b, x, "from", "na");
        else if (c->from == PEKPPP_LEVEL_MISSING)
            chk(b, cJSON_AddNullToObject(x, "from"));
        else
            add_long(b, x, "from", c->from);
        if (c->to == PEKPPP_LEVEL_NA)
            add_str(b, x, "to", "na");
        else
            add_long(b, x, "to", c->to);
    }
}

/* "what_if": the changes, the result before them, and the exact deltas rounded once. */
static void what_if(jb *b, cJSON *root, const pekppp_result *res, const pk_whatif_view *w)
{
    const pekppp_result *base = w->before;
    const pekppp_rubric *r = res->rubric;
    cJSON *o = add_child(b, root, "what_if", 0), *list, *x;
    size_t i;
    if (!o)
        return;
    changes_list(b, o, r, w->changes, w->nchanges);
    if ((x = add_child(b, o, "before", 0))) {
        add_fixed(b, x, "index", base->index_rounded, r->decimals);
        add_str(b, x, "grade", base->band ? base->band->grade : NULL);
        add_str(b, x, "label", base->band ? base->band->label : NULL);
    }
    add_fixed(b, o, "delta", w->delta, r->decimals);
    if ((list = add_child(b, o, "aspects", 1)))
        for (i = 0; i < w->naspects; i++) {
            const pk_whatif_aspect *wa = &w->aspects[i];
            if (!(x = add_child(b, list, NULL, 0)))
                break;
            add_str(b, x, "id", r->aspects[wa->aspect].id);
            add_fixed(b, x, "before", wa->before, r->decimals);
            add_fixed(b, x, "after", wa->after, r->decimals);
            add_fixed(b, x, "delta", wa->delta, r->decimals);
        }
}

/* "exact": the index and aspect scores as fractions, so `pekppp diff` can
 * compare result files exactly, as it compares unit files. */
static void exact(jb *b, cJSON *root, const pekppp_result *res)
{
    const pekppp_rubric *r = res->rubric;
    cJSON *o = add_child(b, root, "exact", 0), *asp;
    char buf[100];
    size_t i;
    if (!o)
        return;
    add_long(b, o, "decimals", r->decimals);
    if (pk_rat_format(buf, sizeof(buf), res->index) < 0)
        b->failed = 1;
    else
        add_str(b, o, "index", buf);
    if (!(asp = add_child(b, o, "aspects", 0)))
        return;
    for (i = 0; i < r->naspects; i++) {
        if (res->aspects[i].left_out)
            chk(b, cJSON_AddNullToObject(asp, r->aspects[i].id));
        else if (pk_rat_format(buf, sizeof(buf), res->aspects[i].score) < 0)
            b->failed = 1;
        else
            add_str(b, asp, r->aspects[i].id, buf);
    }
}

static void plan_grade(jb *b, cJSON *o, const char *k, int64_t rounded, int decimals,
                       const pekppp_band *band)
{
    cJSON *x = add_child(b, o, k, 0);
    if (!x)
        return;
    add_fixed(b, x, "index", rounded, decimals);
    add_str(b, x, "grade", band ? band->grade : NULL);
}

/* The plan document (FORMATS.md section 6), the one writer of both
 * `pekppp plan -f json` (@p standalone) and the "plan" member of a result
 * (`score --target`), which leaves out what the result already has:
 * schema, unit and the index before. */
static void plan_tree(jb *b, cJSON *o, const pekppp_plan *p, int standalone,
                      const pekppp_report_options *ro)
{
    const pekppp_result *res = p->res;
    const pekppp_rubric *r = res->rubric;
    cJSON *x, *list;
    size_t i;
    if (standalone) {
        add_str(b, o, "schema", "pekppp/plan/v1");
        if ((x = add_child(b, o, "unit", 0))) {
            add_str(b, x, "id", res->assessment->unit_id);
            add_str(b, x, "name", res->assessment->unit_name);
        }
    }
    if (ro->nchanges > 0) {
        /* A plan of a what-if starts from answers the file does not have;
         * on its own it lists them (a result has them in what_if). */
        chk(b, cJSON_AddBoolToObject(o, "hypothetical", 1));
        if (standalone)
            changes_list(b, o, r, ro->changes, ro->nchanges);
    }
    if ((x = add_child(b, o, "target", 0))) {
        add_str(b, x, "grade", p->target->grade);
        add_dec(b, x, "min", pk_fixed_dec(p->target->min));
    }
    chk(b, cJSON_AddBoolToObject(o, "feasible", p->feasible));
    if (standalone)
        plan_grade(b, o, "before", res->index_rounded, r->decimals, res->band);
    plan_grade(b, o, "after", p->after_rounded, r->decimals, p->after_band);
    if (!p->feasible)
        plan_grade(b, o, "best", p->best_rounded, r->decimals, p->best_band);
    if (!(list = add_child(b, o, "steps", 1)))
        return;
    for (i = 0; i < p->nsteps; i++) {
        const pk_step *st = &p->steps[i];
        int is_advice;
        if (!(x = add_child(b, list, NULL, 0)))
            return;
        add_str(b, x, "indicator", r->indicators[st->indicator].id);
        add_long(b, x, "from", st->from);
        add_long(b, x, "to", st->to);
        add_fixed(b, x, "gain", st->gain_rounded, r->decimals);
        plan_grade(b, x, "after", st->after_rounded, r->decimals, st->after_band);
        add_str(b, x, "advice", pk_step_text(r, st->indicator, st->from, st->to, &is_advice));
    }
}

/* A value on one line: ", " between items, ": " after keys. */
static void print_compact(pekppp_sink *sink, const cJSON *v)
{
    const cJSON *c;
    if (cJSON_IsObject(v) || cJSON_IsArray(v)) {
        int obj = cJSON_IsObject(v);
        pekppp_sink_puts(sink, obj ? "{" : "[");
        for (c = v->child; c; c = c->next) {
            if (obj) {
                pk_json_string(sink, c->string);
                pekppp_sink_puts(sink, ": ");
            }
            print_compact(sink, c);
            if (c->next)
                pekppp_sink_puts(sink, ", ");
        }
        pekppp_sink_puts(sink, obj ? "}" : "]");
    } else {
        print_value(sink, v, 0);
    }
}

/* The plan document's layout: one member per line, and an array member
 * with one item per line; everything deeper on one line. */
static void print_lines(pekppp_sink *sink, const cJSON *root)
{
    const cJSON *m, *c;
    pekppp_sink_puts(sink, "{\n");
    for (m = root->child; m; m = m->next) {
        pk_json_indent(sink, 1);
        pk_json_string(sink, m->string);
        pekppp_sink_puts(sink, ": ");
        if (cJSON_IsArray(m) && m->child) {
            pekppp_sink_puts(sink, "[\n");
            for (c = m->child; c; c = c->next) {
                pk_json_indent(sink, 2);
                print_compact(sink, c);
                pekppp_sink_puts(sink, c->next ? ",\n" : "\n");
            }
            pk_json_indent(sink, 1);
            pekppp_sink_puts(sink, "]");
        } else {
            print_compact(sink, m);
        }
        pekppp_sink_puts(sink, m->next ? ",\n" : "\n");
    }
    pekppp_sink_puts(sink, "}\n");
}

void pk_plan_json(pekppp_sink *sink, const pekppp_plan *p, const pekppp_report_options *o)
{
    jb b = { 0 };
    cJSON *root = cJSON_CreateObject();
    if (root)
        plan_tree(&b, root, p, 1, o);
    if (root && !b.failed)
        print_lines(sink, root);
    else if (!sink->error)
        sink->error = PEKPPP_ENOMEM;
    cJSON_Delete(root);
}

static void plan(jb *b, cJSON *root, const pekppp_plan *p, const pekppp_report_options *ro)
{
    cJSON *o = add_child(b, root, "plan", 0);
    if (o)
        plan_tree(b, o, p, 0, ro);
}

void pk_report_json(pekppp_sink *sink, const pekppp_result *res, const pekppp_report_options *o,
                    const pk_unit_view *v)
{
    jb b = { 0 };
    cJSON *root = cJSON_CreateObject();
    if (!root) {
        sink->error = sink->error ? sink->error : PEKPPP_ENOMEM;
        return;
    }
    head(&b, root, res);
    if (v->whatif)
        hypothetical(&b, root, v->whatif);
    totals(&b, root, res);
    caveats(&b, root, res, &v->caveats);
    aspects(&b, root, res);
    tail(&b, root, res);
    exact(&b, root, res);
    if (v->whatif)
        what_if(&b, root, res, v->whatif);
    if (o->plan)
        plan(&b, root, o->plan, o);
    if (!b.failed) {
        print_value(sink, root, (int)o->json_depth);
        if (o->json_depth == 0)
            pekppp_sink_puts(sink, "\n");
    } else if (!sink->error) {
        sink->error = PEKPPP_ENOMEM;
    }
    cJSON_Delete(root);
}

void pk_json_place(pekppp_sink *sink, const char *sheet, unsigned line, unsigned col)
{
    char cell[32];
    pekppp_sink_puts(sink, ", \"sheet\": ");
    pk_json_string(sink, sheet);
    pekppp_sink_puts(sink, ", \"cell\": ");
    if (line && col) {
        pk_location("", sheet, line, col, PEKPPP_LOCATION_CELL, cell, sizeof(cell));
        pk_json_string(sink, cell);
    } else {
        pekppp_sink_puts(sink, "null");
    }
}
