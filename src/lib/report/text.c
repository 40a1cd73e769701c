/*
 * The text report, for a person at a terminal.
 *
 * Columns are measured in characters (UTF-8 code points), not bytes, so
 * Indonesian names line up.  Text from input files is printed with control
 * characters replaced, so a unit file cannot send escape sequences to the
 * terminal.
 */
#include "report_internal.h"
#include "plan_internal.h"

#include <string.h>

#include "msg.h"

#define TOP_RECS 5

#define put_cell pk_text_cell

static void put_fixed(pekppp_sink *sink, int64_t units, int decimals)
{
    char buf[48];
    if (pk_fixed_format(buf, sizeof(buf), units, decimals) > 0)
        pekppp_sink_puts(sink, buf);
}

static void put_dec(pekppp_sink *sink, int64_t scaled)
{
    char buf[48];
    if (pk_dec_format_short(buf, sizeof(buf), scaled) > 0)
        pekppp_sink_puts(sink, buf);
}

/* Width of the header labels: the longest label of the language. */
static size_t label_width(pekppp_lang lang)
{
    return lang == PEKPPP_LANG_EN ? 11 : 10;
}

static void field(pekppp_sink *sink, pekppp_lang lang, pk_msg_id label, const char *value)
{
    if (!value)
        return;
    put_cell(sink, pk_msg(lang, label), label_width(lang), 1);
    pekppp_sink_puts(sink, ": ");
    put_cell(sink, value, 0, 0);
    pekppp_sink_puts(sink, "\n");
}

static void header(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    const pekppp_assessment *a = res->assessment;
    const pekppp_rubric *r = res->rubric;
    put_cell(sink, pk_msg(lang, M_UNIT), label_width(lang), 1);
    pekppp_sink_puts(sink, ": ");
    put_cell(sink, a->unit_name, 0, 0);
    pekppp_sink_puts(sink, " (");
    put_cell(sink, a->unit_id, 0, 0);
    pekppp_sink_puts(sink, ")\n");
    field(sink, lang, M_INSTITUTION, a->institution);
    field(sink, lang, M_CATEGORY, a->category);
    field(sink, lang, M_PERIOD, a->period);
    field(sink, lang, M_ASSESSOR, a->assessor);
    put_cell(sink, pk_msg(lang, M_RUBRIC), label_width(lang), 1);
    pekppp_sink_puts(sink, ": ");
    put_cell(sink, r->id, 0, 0);
    pk_sink_printf(sink, " (%s ", pk_msg(lang, M_VERSION));
    put_cell(sink, r->version, 0, 0);
    pekppp_sink_puts(sink, ")\n\n");
}

/* A grade and its label after an index: "  C  Cukup". */
static void put_band(pekppp_sink *sink, const pekppp_band *b)
{
    if (!b)
        return;
    pekppp_sink_puts(sink, "  ");
    put_cell(sink, b->grade, 0, 0);
    pekppp_sink_puts(sink, "  ");
    put_cell(sink, b->label, 0, 0);
}

/* The headline: the index, or in a what-if "Andaikan (--set): ... menjadi"
 * it, with the real score on the next line. */
static void scores(pekppp_sink *sink, const pekppp_result *res, const pk_unit_view *v,
                   pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    if (v->whatif) {
        pk_sink_printf(sink, "%s%s %s ", pk_msg(lang, M_HYPO_INDEX), pk_msg(lang, M_INDEX),
                       pk_msg(lang, M_WOULD_BE));
    } else {
        pk_sink_printf(sink, "%s: ", pk_msg(lang, M_INDEX));
    }
    put_fixed(sink, res->index_rounded, r->decimals);
    if (res->band) {
        const pekppp_band *next;
        int64_t gap = 0;
        put_band(sink, res->band);
        if ((next = pk_next_band(res, &gap)) != NULL) {
            pekppp_sink_puts(sink, "  (");
            put_fixed(sink, gap, r->decimals);
            pk_sink_printf(sink, " %s ", pk_msg(lang, M_BELOW_BAND));
            put_cell(sink, next->grade, 0, 0);
            pekppp_sink_puts(sink, ")");
        }
    }
    pekppp_sink_puts(sink, "\n  ");
    put_cell(sink, pk_msg(lang, M_EVALUATOR), 24, 1);
    pekppp_sink_puts(sink, ": ");
    put_fixed(sink, res->evaluator_rounded, r->decimals);
    if (res->survey_counts) {
        pk_sink_printf(sink, "  (%s ", pk_msg(lang, M_WEIGHT_OF));
        put_dec(sink, r->combine_evaluator);
        pekppp_sink_puts(sink, "%)\n  ");
        put_cell(sink, pk_msg(lang, M_SURVEY), 24, 1);
        pekppp_sink_puts(sink, ": ");
        put_fixed(sink, res->survey_rounded, r->decimals);
        pk_sink_printf(sink, "  (%ld %s, %s ", res->assessment->respondents,
                       pk_msg(lang, M_RESPONDENTS), pk_msg(lang, M_WEIGHT_OF));
        put_dec(sink, r->combine_survey);
        pekppp_sink_puts(sink, "%)");
    }
    if (v->whatif) {
        /* The answers in the file give the real score; the what-if section
         * below lists what --set changed. */
        const pekppp_result *base = v->whatif->before;
        pk_sink_printf(sink, "\n%s: ", pk_msg(lang, M_ACTUAL));
        put_fixed(sink, base->index_rounded, r->decimals);
        put_band(sink, base->band);
    }
    pekppp_sink_puts(sink, "\n\n");
}

static void aspects(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    size_t i;
    /* The last column (each aspect's share of the evaluator score) is as
     * wide as its heading needs, and at least 12. */
    int cw = (int)strlen(pk_msg(lang, M_CONTRIB_EVAL)) + 2;
    if (cw < 12)
        cw = 12;
    put_cell(sink, pk_msg(lang, M_ASPECT), 41, 1);
    pk_sink_printf(sink, "%7s%7s%*s\n", pk_msg(lang, M_WEIGHT), pk_msg(lang, M_SCORE), cw,
                   pk_msg(lang, M_CONTRIB_EVAL));
    for (i = 0; i < r->naspects; i++) {
        const pekppp_aspect *a = &r->aspects[i];
        const pk_aspect_result *ar = &res->aspects[i];
        char w[32], s[48], c[48];
        put_cell(sink, a->code ? a->code : "", 5, 1);
        put_cell(sink, a->name, 36, 1);
        pk_dec_format_short(w, sizeof(w), a->weight);
        if (ar->left_out) {
            pk_sink_printf(sink, "%7s  %s\n", w, pk_msg(lang, M_LEFT_OUT));
            continue;
        }
        pk_fixed_format(s, sizeof(s), ar->rounded, r->decimals);
        pk_fixed_format(c, sizeof(c), ar->contribution, r->decimals);
        pk_sink_printf(sink, "%7s%7s%*s\n", w, s, cw, c);
    }
    pekppp_sink_puts(sink, "\n");
}

static void below_max(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    const pekppp_assessment *a = res->assessment;
    size_t i, shown = 0;
    pk_sink_printf(sink, "%s (%d):\n", pk_msg(lang, M_BELOW_MAX), r->scale_max);
    for (i = 0; i < r->nindicators; i++) {
        int level = a->answers[i].level;
        if (level == PEKPPP_LEVEL_NA || level == r->scale_max)
            continue;
        pekppp_sink_puts(sink, "  ");
        put_cell(sink, r->indicators[i].id, 9, 1);
        put_cell(sink, r->indicators[i].name, 50, 1);
        if (level == PEKPPP_LEVEL_MISSING)
            pk_sink_printf(sink, " -/%d (%s)\n", r->scale_max, pk_msg(lang, M_NOT_ANSWERED));
        else
            pk_sink_printf(sink, " %d/%d\n", level, r->scale_max);
        shown++;
    }
    if (!shown)
        pk_sink_printf(sink, "  %s\n", pk_msg(lang, M_ALL_MAX));
    pekppp_sink_puts(sink, "\n");
}

static void recommendations(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    size_t i;
    pk_sink_printf(sink, "%s:\n", pk_msg(lang, M_RECOMMENDATIONS));
    if (res->nrecs == 0)
        pk_sink_printf(sink, "  %s\n", pk_msg(lang, M_NO_RECS));
    for (i = 0; i < res->nrecs && i < TOP_RECS; i++) {
        const pk_recommendation *rec = &res->recs[i];
        int is_advice;
        const char *text = pk_step_text(r, rec->indicator, rec->from, rec->to, &is_advice);
        pk_sink_printf(sink, "  %zu. ", i + 1);
        put_cell(sink, r->indicators[rec->indicator].id, 0, 0);
        pk_sink_printf(sink, "  %d -> %d  +", rec->from, rec->to);
        put_fixed(sink, rec->gain_rounded, r->decimals);
        pekppp_sink_puts(sink, "\n     ");
        if (!is_advice)
            pk_sink_printf(sink, "%s %d: ", pk_msg(lang, M_REACH_LEVEL), rec->to);
        put_cell(sink, text, 0, 0);
        pekppp_sink_puts(sink, "\n");
        {
            const pekppp_indicator *ind = &r->indicators[rec->indicator];
            size_t k;
            for (k = 0; k < ind->evidence_count; k++) {
                pk_sink_printf(sink, k ? "; " : "     %s: ", pk_msg(lang, M_EVIDENCE));
                put_cell(sink, ind->evidence[k], 0, 0);
            }
            if (ind->evidence_count)
                pekppp_sink_puts(sink, "\n");
        }
    }
    if (res->nrecs > TOP_RECS)
        pk_sink_printf(sink, "  (+%zu %s)\n", res->nrecs - TOP_RECS, pk_msg(lang, M_MORE_RECS));
}

static void notes(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    size_t i;
    if (!res->flags)
        return;
    pk_sink_printf(sink, "\n%s:\n", pk_msg(lang, M_NOTES));
    for (i = 0; i < PK_NFLAGS; i++)
        if (res->flags & pk_flags[i].flag)
            pk_sink_printf(sink, "  - %s\n", pk_msg(lang, pk_flags[i].note));
}

static void text_put(pekppp_sink *sink, const char *s)
{
    pk_text_cell(sink, s, 0, 0);
}

/* The caveats, before any table: what to know before trusting the index. */
static void caveats(pekppp_sink *sink, const pekppp_result *res, const pk_caveats *c,
                    pekppp_lang lang)
{
    size_t i;
    if (c->n == 0)
        return;
    pk_sink_printf(sink, "%s:\n", pk_msg(lang, M_CAVEATS));
    for (i = 0; i < c->n; i++) {
        pekppp_sink_puts(sink, "  - ");
        pk_caveat_write(sink, res->rubric, &c->items[i], lang, text_put);
        pekppp_sink_puts(sink, "\n");
    }
    pekppp_sink_puts(sink, "\n");
}

/* A signed delta: "+0.13", "-0.05", "0.00". */
static void put_delta(pekppp_sink *sink, int64_t units, int decimals)
{
    if (units > 0)
        pekppp_sink_puts(sink, "+");
    put_fixed(sink, units, decimals);
}

/* What-if: the changed answers, then the index, grade and aspects before and after. */
static void what_if(pekppp_sink *sink, const pekppp_result *res, const pk_whatif_view *w,
                    pekppp_lang lang)
{
    const pekppp_result *base = w->before;
    const pekppp_rubric *r = res->rubric;
    size_t i;
    pk_sink_printf(sink, "%s\n  %s:", pk_msg(lang, M_WHATIF), pk_msg(lang, M_CHANGES));
    for (i = 0; i < w->nchanges; i++) {
        const pekppp_change *c = &w->changes[i];
        pekppp_sink_puts(sink, i ? ", " : " ");
        pk_text_cell(sink, r->indicators[c->indicator].id, 0, 0);
        pekppp_sink_puts(sink, " ");
        if (c->from == PEKPPP_LEVEL_NA || c->from == PEKPPP_LEVEL_MISSING)
            pekppp_sink_puts(sink, c->from == PEKPPP_LEVEL_NA ? "na" : "-");
        else
            pk_sink_printf(sink, "%d", c->from);
        if (c->to == PEKPPP_LEVEL_NA)
            pekppp_sink_puts(sink, " -> na");
        else
            pk_sink_printf(sink, " -> %d", c->to);
    }
    pk_sink_printf(sink, "\n  %s: ", pk_msg(lang, M_INDEX_SHORT));
    put_fixed(sink, base->index_rounded, r->decimals);
    pekppp_sink_puts(sink, " ");
    pk_text_cell(sink, base->band ? base->band->grade : "?", 0, 0);
    pekppp_sink_puts(sink, " -> ");
    put_fixed(sink, res->index_rounded, r->decimals);
    pekppp_sink_puts(sink, " ");
    pk_text_cell(sink, res->band ? res->band->grade : "?", 0, 0);
    pekppp_sink_puts(sink, "  (");
    put_delta(sink, w->delta, r->decimals);
    pekppp_sink_puts(sink, ")\n");
    for (i = 0; i < w->naspects; i++) {
        const pk_whatif_aspect *wa = &w->aspects[i];
        const pekppp_aspect *a = &r->aspects[wa->aspect];
        if (!wa->moved)
            continue;
        pekppp_sink_puts(sink, "  ");
        put_cell(sink, a->code ? a->code : "", 5, 1);
        put_cell(sink, a->name, 36, 1);
        put_fixed(sink, wa->before, r->decimals);
        pekppp_sink_puts(sink, " -> ");
        put_fixed(sink, wa->after, r->decimals);
        pekppp_sink_puts(sink, "  (");
        put_delta(sink, wa->delta, r->decimals);
        pekppp_sink_puts(sink, ")\n");
    }
    pekppp_sink_puts(sink, "\n");
}

void pk_report_text(pekppp_sink *sink, const pekppp_result *res, const pekppp_report_options *o,
                    const pk_unit_view *v)
{
    header(sink, res, o->lang);
    scores(sink, res, v, o->lang);
    caveats(sink, res, &v->caveats, o->lang);
    if (v->whatif)
        what_if(sink, res, v->whatif, o->lang);
    aspects(sink, res, o->lang);
    below_max(sink, res, o->lang);
    recommendations(sink, res, o->lang);
    if (o->plan) {
        pekppp_sink_puts(sink, "\n");
        pk_plan_text(sink, o->plan, o);
    }
    notes(sink, res, o->lang);
}
