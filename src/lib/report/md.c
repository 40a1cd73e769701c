/*
 * The unit report as GitHub-flavoured Markdown: the text report's content in
 * tables, for a CI job summary or an issue comment.  Every text from an input
 * file goes through pk_md_text, so a unit name cannot break a table or inject
 * HTML.
 */
#include "report_internal.h"
#include "plan_internal.h"

#include "msg.h"

#include <string.h>

static void fixed(pekppp_sink *sink, int64_t units, int decimals)
{
    pk_fixed_point(sink, units, decimals, '.', 0);
}

static void row2(pekppp_sink *sink, pekppp_lang lang, pk_msg_id label, const char *value)
{
    if (!value)
        return;
    pk_sink_printf(sink, "| %s | ", pk_msg(lang, label));
    pk_md_text(sink, value);
    pekppp_sink_puts(sink, " |\n");
}

static void caveats(pekppp_sink *sink, const pekppp_result *res, const pk_caveats *c,
                    pekppp_lang lang);

/* A grade and its label after an index: " C Cukup". */
static void band_words(pekppp_sink *sink, const pekppp_band *b)
{
    if (!b)
        return;
    pekppp_sink_puts(sink, " ");
    pk_md_text(sink, b->grade);
    pekppp_sink_puts(sink, " ");
    pk_md_text(sink, b->label);
}

/* The unit, the headline (in a what-if "Andaikan (--set): ... menjadi", the
 * real score under it), the fields and the evaluator and survey scores. */
static void head(pekppp_sink *sink, const pekppp_result *res, const pk_unit_view *v,
                 pekppp_lang lang)
{
    const pekppp_assessment *a = res->assessment;
    const pekppp_rubric *r = res->rubric;
    int64_t gap = 0;
    const pekppp_band *next = pk_next_band(res, &gap);
    pekppp_sink_puts(sink, "## ");
    pk_md_text(sink, a->unit_name);
    pekppp_sink_puts(sink, " (");
    pk_md_text(sink, a->unit_id);
    pekppp_sink_puts(sink, ")\n\n");
    if (v->whatif)
        pk_sink_printf(sink, "**%s%s %s ", pk_msg(lang, M_HYPO_INDEX), pk_msg(lang, M_INDEX),
                       pk_msg(lang, M_WOULD_BE));
    else
        pk_sink_printf(sink, "**%s: ", pk_msg(lang, M_INDEX));
    fixed(sink, res->index_rounded, r->decimals);
    band_words(sink, res->band);
    pekppp_sink_puts(sink, "**");
    if (next) {
        pekppp_sink_puts(sink, " (");
        fixed(sink, gap, r->decimals);
        pk_sink_printf(sink, " %s ", pk_msg(lang, M_BELOW_BAND));
        pk_md_text(sink, next->grade);
        pekppp_sink_puts(sink, ")");
    }
    if (v->whatif) {
        pk_sink_printf(sink, "\n\n%s: ", pk_msg(lang, M_ACTUAL));
        fixed(sink, v->whatif->before->index_rounded, r->decimals);
        band_words(sink, v->whatif->before->band);
    }
    pekppp_sink_puts(sink, "\n\n");
    caveats(sink, res, &v->caveats, lang);
    pekppp_sink_puts(sink, "| | |\n|---|---|\n");
    row2(sink, lang, M_INSTITUTION, a->institution);
    row2(sink, lang, M_CATEGORY, a->category);
    row2(sink, lang, M_PERIOD, a->period);
    row2(sink, lang, M_ASSESSOR, a->assessor);
    pk_sink_printf(sink, "| %s | ", pk_msg(lang, M_RUBRIC));
    pk_md_text(sink, r->id);
    pk_sink_printf(sink, " (%s ", pk_msg(lang, M_VERSION));
    pk_md_text(sink, r->version);
    pk_sink_printf(sink, ") |\n| %s | ", pk_msg(lang, M_EVALUATOR));
    fixed(sink, res->evaluator_rounded, r->decimals);
    pekppp_sink_puts(sink, " |\n");
    if (res->survey_counts) {
        pk_sink_printf(sink, "| %s | ", pk_msg(lang, M_SURVEY));
        fixed(sink, res->survey_rounded, r->decimals);
        pk_sink_printf(sink, " (%ld %s) |\n", res->assessment->respondents,
                       pk_msg(lang, M_RESPONDENTS));
    }
    pekppp_sink_puts(sink, "\n");
}

static void aspects(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    size_t i;
    char w[32];
    pk_sink_printf(sink, "| | %s | %s | %s | %s |\n|---|---|--:|--:|--:|\n", pk_msg(lang, M_ASPECT),
                   pk_msg(lang, M_WEIGHT), pk_msg(lang, M_SCORE), pk_msg(lang, M_CONTRIB_EVAL));
    for (i = 0; i < r->naspects; i++) {
        const pk_aspect_result *ar = &res->aspects[i];
        pekppp_sink_puts(sink, "| ");
        pk_md_text(sink, r->aspects[i].code ? r->aspects[i].code : "");
        pekppp_sink_puts(sink, " | ");
        pk_md_text(sink, r->aspects[i].name);
        pk_dec_format_short(w, sizeof(w), r->aspects[i].weight);
        pk_sink_printf(sink, " | %s | ", w);
        if (ar->left_out) {
            pk_sink_printf(sink, "%s | |\n", pk_msg(lang, M_LEFT_OUT));
            continue;
        }
        fixed(sink, ar->rounded, r->decimals);
        pekppp_sink_puts(sink, " | ");
        fixed(sink, ar->contribution, r->decimals);
        pekppp_sink_puts(sink, " |\n");
    }
    pekppp_sink_puts(sink, "\n");
}

/* The head of a table of one-level steps (recommendations, plan). */
static void step_table_head(pekppp_sink *sink, pekppp_lang lang, pk_msg_id last, const char *align)
{
    pk_sink_printf(sink, "| # | %s | %s | %s | %s |\n|--:|---|---|--:|%s|\n",
                   pk_msg(lang, M_INDICATORS), pk_msg(lang, M_STEP), pk_msg(lang, M_GAIN),
                   pk_msg(lang, last), align);
}

/* A step's row up to its gain cell and the bar after it; the caller adds
 * the last cell. */
static void step_row(pekppp_sink *sink, const pekppp_rubric *r, pekppp_lang lang, size_t n,
                     size_t indicator, int from, int to, int64_t gain_rounded)
{
    const pekppp_indicator *ind = &r->indicators[indicator];
    int is_advice;
    const char *text = pk_step_text(r, indicator, from, to, &is_advice);
    pk_sink_printf(sink, "| %zu | ", n);
    pk_md_text(sink, ind->id);
    pekppp_sink_puts(sink, " ");
    pk_md_text(sink, ind->name);
    pk_sink_printf(sink, " | %d → %d: ", from, to);
    if (!is_advice)
        pk_sink_printf(sink, "%s %d: ", pk_msg(lang, M_REACH_LEVEL), to);
    pk_md_text(sink, text);
    pekppp_sink_puts(sink, " | +");
    fixed(sink, gain_rounded, r->decimals);
    pekppp_sink_puts(sink, " | ");
}

static void recommendations(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    size_t i, k;
    pk_sink_printf(sink, "### %s\n\n", pk_msg(lang, M_RECOMMENDATIONS));
    if (res->nrecs == 0) {
        pk_sink_printf(sink, "%s\n\n", pk_msg(lang, M_NO_RECS));
        return;
    }
    step_table_head(sink, lang, M_EVIDENCE, "---");
    for (i = 0; i < res->nrecs; i++) {
        const pk_recommendation *rec = &res->recs[i];
        const pekppp_indicator *ind = &r->indicators[rec->indicator];
        step_row(sink, r, lang, i + 1, rec->indicator, rec->from, rec->to, rec->gain_rounded);
        for (k = 0; k < ind->evidence_count; k++) {
            if (k)
                pekppp_sink_puts(sink, "; ");
            pk_md_text(sink, ind->evidence[k]);
        }
        pekppp_sink_puts(sink, " |\n");
    }
    pekppp_sink_puts(sink, "\n");
}

static void notes(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    size_t i;
    if (!res->flags)
        return;
    pk_sink_printf(sink, "### %s\n\n", pk_msg(lang, M_NOTES));
    for (i = 0; i < PK_NFLAGS; i++)
        if (res->flags & pk_flags[i].flag)
            pk_sink_printf(sink, "- %s\n", pk_msg(lang, pk_flags[i].note));
    pekppp_sink_puts(sink, "\n");
}

/* The caveats, right under the headline, as a quote block. */
static void caveats(pekppp_sink *sink, const pekppp_result *res, const pk_caveats *c,
                    pekppp_lang lang)
{
    size_t i;
    if (c->n == 0)
        return;
    pk_sink_printf(sink, "> **%s**\n>\n", pk_msg(lang, M_CAVEATS));
    for (i = 0; i < c->n; i++) {
        pekppp_sink_puts(sink, "> - ");
        pk_caveat_write(sink, res->rubric, &c->items[i], lang, pk_md_text);
        pekppp_sink_puts(sink, "\n");
    }
    pekppp_sink_puts(sink, "\n");
}

/* A signed delta: "+0.13", "-0.05", "0.00". */
static void delta(pekppp_sink *sink, int64_t units, int decimals)
{
    pk_fixed_point(sink, units, decimals, '.', 1);
}

static void level_or_mark(pekppp_sink *sink, int level)
{
    if (level == PEKPPP_LEVEL_NA)
        pekppp_sink_puts(sink, "na");
    else if (level == PEKPPP_LEVEL_MISSING)
        pekppp_sink_puts(sink, "–");
    else
        pk_sink_printf(sink, "%d", level);
}

/* What-if (--set): the changed answers, then the index and each changed
 * aspect before and after, each change the exact difference rounded once. */
static void what_if(pekppp_sink *sink, const pekppp_result *res, const pk_whatif_view *w,
                    pekppp_lang lang)
{
    const pekppp_result *base = w->before;
    const pekppp_rubric *r = res->rubric;
    size_t i;
    pk_sink_printf(sink, "### %s\n\n%s: ", pk_msg(lang, M_WHATIF), pk_msg(lang, M_CHANGES));
    for (i = 0; i < w->nchanges; i++) {
        if (i)
            pekppp_sink_puts(sink, ", ");
        pk_md_text(sink, r->indicators[w->changes[i].indicator].id);
        pekppp_sink_puts(sink, " ");
        level_or_mark(sink, w->changes[i].from);
        pekppp_sink_puts(sink, " → ");
        level_or_mark(sink, w->changes[i].to);
    }
    pk_sink_printf(sink, "\n\n| | %s | %s | %s |\n|---|--:|--:|--:|\n| **%s** | ",
                   pk_msg(lang, M_BEFORE), pk_msg(lang, M_AFTER), pk_msg(lang, M_DELTA),
                   pk_msg(lang, M_INDEX_SHORT));
    fixed(sink, base->index_rounded, r->decimals);
    if (base->band) {
        pekppp_sink_puts(sink, " ");
        pk_md_text(sink, base->band->grade);
    }
    pekppp_sink_puts(sink, " | ");
    fixed(sink, res->index_rounded, r->decimals);
    if (res->band) {
        pekppp_sink_puts(sink, " ");
        pk_md_text(sink, res->band->grade);
    }
    pekppp_sink_puts(sink, " | ");
    delta(sink, w->delta, r->decimals);
    pekppp_sink_puts(sink, " |\n");
    for (i = 0; i < w->naspects; i++) {
        const pk_whatif_aspect *wa = &w->aspects[i];
        const pekppp_aspect *a = &r->aspects[wa->aspect];
        if (!wa->moved)
            continue;
        pekppp_sink_puts(sink, "| ");
        if (a->code) {
            pk_md_text(sink, a->code);
            pekppp_sink_puts(sink, " ");
        }
        pk_md_text(sink, a->name);
        pekppp_sink_puts(sink, " | ");
        fixed(sink, wa->before, r->decimals);
        pekppp_sink_puts(sink, " | ");
        fixed(sink, wa->after, r->decimals);
        pekppp_sink_puts(sink, " | ");
        delta(sink, wa->delta, r->decimals);
        pekppp_sink_puts(sink, " |\n");
    }
    pekppp_sink_puts(sink, "\n");
}

static void grade_of(pekppp_sink *sink, pekppp_lang lang, pk_msg_id label, int64_t rounded,
                     int decimals, const pekppp_band *band)
{
    pk_sink_printf(sink, "%s: **", pk_msg(lang, label));
    fixed(sink, rounded, decimals);
    if (band) {
        pekppp_sink_puts(sink, " ");
        pk_md_text(sink, band->grade);
    }
    pekppp_sink_puts(sink, "**");
}

/* A plan: the way there in one line, then one table row per step. */
void pk_plan_md(pekppp_sink *sink, const pekppp_plan *p, const pekppp_report_options *o,
                int standalone)
{
    pekppp_lang lang = o->lang;
    const pekppp_result *res = p->res;
    const pekppp_rubric *r = res->rubric;
    size_t i;
    pk_sink_printf(sink, "### %s ", pk_msg(lang, M_PLAN_TO));
    pk_md_text(sink, p->target->grade);
    pk_sink_printf(sink, " (%s ", pk_msg(lang, M_MIN_INDEX));
    {
        char m[48];
        pk_dec_format_short(m, sizeof(m), pk_fixed_dec(p->target->min));
        pk_sink_printf(sink, "%s)\n\n", m);
    }
    if (standalone) {
        pk_sink_printf(sink, "%s: ", pk_msg(lang, M_UNIT));
        pk_md_text(sink, res->assessment->unit_name);
        pekppp_sink_puts(sink, " (");
        pk_md_text(sink, res->assessment->unit_id);
        pekppp_sink_puts(sink, ")\n\n");
    }
    if (o->nchanges > 0) {
        /* A plan of a what-if starts from answers the file does not have. */
        pk_sink_printf(sink, "%s %s: ", pk_msg(lang, M_PLAN_FROM_SET), pk_msg(lang, M_SET_CHANGED));
        pk_changes_write(sink, r, o->changes, o->nchanges, "→", pk_md_text);
        pekppp_sink_puts(sink, "\n\n");
    }
    grade_of(sink, lang, o->nchanges > 0 ? M_HYPO_NOW : M_NOW, res->index_rounded, r->decimals,
             res->band);
    pekppp_sink_puts(sink, " → ");
    grade_of(sink, lang, M_AFTER, p->after_rounded, r->decimals, p->after_band);
    pk_sink_printf(sink, " (%zu %s)\n\n", p->nsteps, pk_msg(lang, M_STEPS));
    if (!p->feasible) {
        pk_sink_printf(sink, "%s ", pk_msg(lang, M_INFEASIBLE));
        grade_of(sink, lang, M_BEST, p->best_rounded, r->decimals, p->best_band);
        pekppp_sink_puts(sink, "\n\n");
    } else if (p->nsteps == 0) {
        pk_sink_printf(sink, "%s\n\n", pk_msg(lang, M_ALREADY));
    }
    if (p->nsteps == 0)
        return;
    step_table_head(sink, lang, M_INDEX_AFTER, "--:");
    for (i = 0; i < p->nsteps; i++) {
        const pk_step *st = &p->steps[i];
        step_row(sink, r, lang, i + 1, st->indicator, st->from, st->to, st->gain_rounded);
        fixed(sink, st->after_rounded, r->decimals);
        if (st->after_band) {
            pekppp_sink_puts(sink, " ");
            pk_md_text(sink, st->after_band->grade);
        }
        pekppp_sink_puts(sink, " |\n");
    }
    pekppp_sink_puts(sink, "\n");
}

void pk_report_md(pekppp_sink *sink, const pekppp_result *res, const pekppp_report_options *o,
                  const pk_unit_view *v)
{
    head(sink, res, v, o->lang);
    if (v->whatif)
        what_if(sink, res, v->whatif, o->lang);
    aspects(sink, res, o->lang);
    recommendations(sink, res, o->lang);
    if (o->plan)
        pk_plan_md(sink, o->plan, o, 0);
    notes(sink, res, o->lang);
}
