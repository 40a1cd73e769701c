/*
 * The HTML unit page: header, what-if, aspects with the chart, indicators,
 * recommendations, the plan (`score --target`), notes and the receipt.
 */
#include "html_internal.h"

/* ------------------------------------------------------------------ */
/* The unit page                                                        */
/* ------------------------------------------------------------------ */

static void meta_row(pekppp_sink *sink, pekppp_lang lang, pk_msg_id label, const char *value,
                     const char *cls)
{
    if (!value)
        return;
    puts_(sink, "<dt>");
    pk_html_msg(sink, lang, label);
    pk_sink_printf(sink, "</dt><dd class=\"%s\">", cls);
    pk_html_text(sink, value);
    puts_(sink, "</dd>\n");
}

/* A what-if says so before anything else: the banner with the changed
 * answers; the score box then names the index hypothetical and shows the
 * real one. */
static void hypothetical_banner(pekppp_sink *sink, const pekppp_rubric *r, const pk_whatif_view *w,
                                pekppp_lang lang)
{
    puts_(sink, "<p class=\"hypo\" id=\"hypothetical\" role=\"note\">");
    pk_html_msg(sink, lang, M_HYPO_NOTE);
    puts_(sink, " ");
    pk_html_msg(sink, lang, M_SET_CHANGED);
    puts_(sink, ": <span id=\"set-changes\">");
    pk_changes_write(sink, r, w->changes, w->nchanges, "→", pk_html_text);
    puts_(sink, "</span></p>\n");
}

/* The index, its grade, the next band, in a what-if the real score, and
 * the evaluator and survey parts. */
static void scorebox(pekppp_sink *sink, const pekppp_result *res, const pk_unit_view *v,
                     pekppp_lang lang)
{
    const pekppp_assessment *a = res->assessment;
    const pekppp_rubric *r = res->rubric;
    int64_t gap = 0;
    const pekppp_band *next = pk_next_band(res, &gap);

    puts_(sink, "<div class=\"scorebox\">\n<div class=\"idx-label\">");
    if (v->whatif) {
        pk_html_msg(sink, lang, M_HYPO_INDEX);
        pk_html_msg(sink, lang, M_INDEX);
        puts_(sink, " ");
        pk_html_msg(sink, lang, M_WOULD_BE);
    } else {
        pk_html_msg(sink, lang, M_INDEX);
    }
    puts_(sink, "</div>\n<div class=\"idx\" id=\"index\">");
    pk_html_fixed(sink, res->index_rounded, r->decimals);
    puts_(sink, "</div>\n<div id=\"grade\">");
    pk_html_badge(sink, r, res->band, 0, 1);
    puts_(sink, "</div>\n<p class=\"next\" id=\"next-band\">");
    if (next) {
        pk_html_fixed(sink, gap, r->decimals);
        puts_(sink, " ");
        pk_html_msg(sink, lang, M_BELOW_BAND);
        puts_(sink, " ");
        pk_html_text(sink, next->grade);
    } else if (res->band) {
        pk_html_msg(sink, lang, M_H_TOP_BAND);
    }
    if (v->whatif) {
        const pekppp_result *base = v->whatif->before;
        puts_(sink, "</p>\n<p class=\"actual\">");
        pk_html_msg(sink, lang, M_ACTUAL);
        puts_(sink, ": <strong id=\"actual-index\">");
        pk_html_fixed(sink, base->index_rounded, r->decimals);
        puts_(sink, "</strong> ");
        pk_html_badge(sink, r, base->band, 1, 1);
    }
    puts_(sink, "</p>\n<p class=\"parts\">");
    pk_html_msg(sink, lang, M_EVALUATOR);
    puts_(sink, ": <span id=\"evaluator\">");
    pk_html_fixed(sink, res->evaluator_rounded, r->decimals);
    puts_(sink, "</span>");
    if (res->survey_counts) {
        puts_(sink, " (");
        pk_html_msg(sink, lang, M_WEIGHT_OF);
        puts_(sink, " ");
        pk_html_dec_short(sink, r->combine_evaluator);
        puts_(sink, "%)<br>");
        pk_html_msg(sink, lang, M_SURVEY);
        puts_(sink, ": <span id=\"survey\">");
        pk_html_fixed(sink, res->survey_rounded, r->decimals);
        pk_sink_printf(sink, "</span> (%ld ", a->respondents);
        pk_html_msg(sink, lang, M_RESPONDENTS);
        puts_(sink, ", ");
        pk_html_msg(sink, lang, M_WEIGHT_OF);
        puts_(sink, " ");
        pk_html_dec_short(sink, r->combine_survey);
        puts_(sink, "%)");
    }
    puts_(sink, "</p>\n</div>\n");
}

static void unit_header(pekppp_sink *sink, const pekppp_result *res, const pk_unit_view *v,
                        pekppp_lang lang)
{
    const pekppp_assessment *a = res->assessment;
    const pekppp_rubric *r = res->rubric;

    if (v->whatif)
        hypothetical_banner(sink, r, v->whatif, lang);
    puts_(sink, "<header class=\"top\" id=\"top\">\n<div class=\"ident\">\n<p class=\"kicker\">");
    pk_html_msg(sink, lang, M_H_UNIT_REPORT);
    puts_(sink, "</p>\n<h1 id=\"unit-name\">");
    pk_html_text(sink, a->unit_name);
    puts_(sink, "</h1>\n<p class=\"uid\">ID <code id=\"unit-id\">");
    pk_html_text(sink, a->unit_id);
    puts_(sink, "</code></p>\n<dl class=\"meta\">\n");
    meta_row(sink, lang, M_INSTITUTION, a->institution, "institution");
    meta_row(sink, lang, M_CATEGORY, a->category, "category");
    meta_row(sink, lang, M_PERIOD, a->period, "period");
    meta_row(sink, lang, M_ASSESSOR, a->assessor, "assessor");
    puts_(sink, "<dt>");
    pk_html_msg(sink, lang, M_RUBRIC);
    puts_(sink, "</dt><dd class=\"rubric\">");
    if (r->title) {
        pk_html_text(sink, r->title);
        puts_(sink, "<br>");
    }
    puts_(sink, "<code>");
    pk_html_text(sink, r->id);
    puts_(sink, "</code> ");
    pk_html_msg(sink, lang, M_VERSION);
    puts_(sink, " <code>");
    pk_html_text(sink, r->version);
    puts_(sink, "</code>");
    if (r->regulation) {
        puts_(sink, " (");
        pk_html_text(sink, r->regulation);
        puts_(sink, ")");
    }
    puts_(sink, "</dd>\n</dl>\n</div>\n");
    scorebox(sink, res, v, lang);
    puts_(sink, "</header>\n");
}

/* The caveats, right under the header: what to know before trusting the
 * index (the notes at the end repeat them in short). */
static void caveat_section(pekppp_sink *sink, const pekppp_result *res, const pk_caveats *c,
                           pekppp_lang lang)
{
    size_t i, k;
    if (c->n == 0)
        return;
    puts_(sink, "<section id=\"caveats\" class=\"caveats\" role=\"note\">\n<h2>");
    pk_html_msg(sink, lang, M_CAVEATS);
    puts_(sink, "</h2>\n<ul>\n");
    for (i = 0; i < c->n; i++) {
        for (k = 0; k < PK_NFLAGS && pk_flags[k].flag != c->items[i].flag; k++)
            ;
        pk_sink_printf(sink, "<li data-flag=\"%s\">", k < PK_NFLAGS ? pk_flags[k].name : "");
        pk_caveat_write(sink, res->rubric, &c->items[i], lang, pk_html_text);
        puts_(sink, "</li>\n");
    }
    puts_(sink, "</ul>\n</section>\n");
}

/* What-if: the changed answers, then the index and the aspects before and after. */
static void what_if(pekppp_sink *sink, const pekppp_result *res, const pk_whatif_view *w,
                    pekppp_lang lang)
{
    const pekppp_result *base = w->before;
    const pekppp_rubric *r = res->rubric;
    size_t i;
    puts_(sink, "<section id=\"what-if\">\n<h2>");
    pk_html_msg(sink, lang, M_WHATIF);
    puts_(sink, "</h2>\n<p>");
    pk_html_msg(sink, lang, M_CHANGES);
    puts_(sink, ":");
    for (i = 0; i < w->nchanges; i++) {
        int from = w->changes[i].from, to = w->changes[i].to;
        puts_(sink, i ? ", <code>" : " <code>");
        pk_html_text(sink, r->indicators[w->changes[i].indicator].id);
        puts_(sink, "</code> ");
        if (from == PEKPPP_LEVEL_NA || from == PEKPPP_LEVEL_MISSING)
            puts_(sink, from == PEKPPP_LEVEL_NA ? "na" : "-");
        else
            pk_sink_printf(sink, "%d", from);
        if (to == PEKPPP_LEVEL_NA)
            puts_(sink, " → na");
        else
            pk_sink_printf(sink, " → %d", to);
    }
    puts_(sink, "</p>\n<table>\n<thead><tr><th scope=\"col\"></th>");
    pk_html_th_col(sink, lang, M_BEFORE, "n");
    pk_html_th_col(sink, lang, M_AFTER, "n");
    pk_html_th_col(sink, lang, M_DELTA, "n");
    puts_(sink, "</tr></thead>\n<tbody>\n<tr><th scope=\"row\">");
    pk_html_msg(sink, lang, M_INDEX_SHORT);
    puts_(sink, "</th><td class=\"n\">");
    pk_html_fixed(sink, base->index_rounded, r->decimals);
    puts_(sink, " ");
    pk_html_badge(sink, r, base->band, 1, 0);
    puts_(sink, "</td><td class=\"n\">");
    pk_html_fixed(sink, res->index_rounded, r->decimals);
    puts_(sink, " ");
    pk_html_badge(sink, r, res->band, 1, 0);
    puts_(sink, "</td><td class=\"n\">");
    pk_fixed_point(sink, w->delta, r->decimals, '.', 1);
    puts_(sink, "</td></tr>\n");
    for (i = 0; i < w->naspects; i++) {
        const pk_whatif_aspect *wa = &w->aspects[i];
        const pekppp_aspect *a = &r->aspects[wa->aspect];
        if (!wa->moved)
            continue;
        puts_(sink, "<tr><th scope=\"row\">");
        if (a->code) {
            pk_html_text(sink, a->code);
            puts_(sink, " ");
        }
        pk_html_text(sink, a->name);
        puts_(sink, "</th><td class=\"n\">");
        pk_html_fixed(sink, wa->before, r->decimals);
        puts_(sink, "</td><td class=\"n\">");
        pk_html_fixed(sink, wa->after, r->decimals);
        puts_(sink, "</td><td class=\"n\">");
        pk_fixed_point(sink, wa->delta, r->decimals, '.', 1);
        puts_(sink, "</td></tr>\n");
    }
    puts_(sink, "</tbody>\n</table>\n</section>\n");
}

static void aspect_section(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    size_t i;
    puts_(sink, "<section id=\"aspects\">\n<h2>");
    pk_html_msg(sink, lang, M_H_ASPECT_SCORES);
    puts_(sink, " (");
    pk_html_msg(sink, lang, M_H_SCALE);
    pk_sink_printf(sink, " %d–%d)</h2>\n<div class=\"aspects\">\n", r->scale_min, r->scale_max);
    puts_(sink, "<figure>\n");
    pk_html_aspect_chart(sink, res, lang);
    puts_(sink, "</figure>\n<div class=\"tbl\">\n<table id=\"aspect-table\">\n<thead><tr>"
                "<th scope=\"col\"></th>");
    pk_html_th_col(sink, lang, M_ASPECT, NULL);
    pk_html_th_col(sink, lang, M_WEIGHT, "n");
    pk_html_th_col(sink, lang, M_SCORE, "n");
    pk_html_th_col(sink, lang, M_CONTRIB_EVAL, "n");
    puts_(sink, "</tr></thead>\n<tbody>\n");
    for (i = 0; i < r->naspects; i++) {
        const pekppp_aspect *a = &r->aspects[i];
        const pk_aspect_result *ar = &res->aspects[i];
        puts_(sink, "<tr class=\"aspect\"><td class=\"id\">");
        pk_html_text(sink, a->code ? a->code : "");
        puts_(sink, "</td><td>");
        pk_html_text(sink, a->name);
        puts_(sink, "</td><td class=\"n\">");
        pk_html_dec_short(sink, a->weight);
        puts_(sink, "%</td>");
        if (ar->left_out) {
            puts_(sink, "<td class=\"n\" colspan=\"2\">");
            pk_html_msg(sink, lang, M_LEFT_OUT);
            puts_(sink, "</td></tr>\n");
            continue;
        }
        puts_(sink, "<td class=\"n score\">");
        pk_html_fixed(sink, ar->rounded, r->decimals);
        puts_(sink, "</td><td class=\"n\">");
        pk_html_fixed(sink, ar->contribution, r->decimals);
        puts_(sink, "</td></tr>\n");
    }
    puts_(sink, "</tbody>\n</table>\n</div>\n</div>\n</section>\n");
}

static void text_list(pekppp_sink *sink, const char *const *items, size_t n)
{
    size_t k;
    puts_(sink, "<ul>");
    for (k = 0; k < n; k++) {
        puts_(sink, "<li>");
        pk_html_text(sink, items[k]);
        puts_(sink, "</li>");
    }
    puts_(sink, "</ul>\n");
}

/* The unfolded part of an indicator row: every level (the current one
 * marked), the evidence the rubric asks for, what the unit attached. */
static void indicator_more(pekppp_sink *sink, const pekppp_result *res, size_t j, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    const pekppp_indicator *ind = &r->indicators[j];
    const pk_answer *ans = &res->assessment->answers[j];
    int lv;
    puts_(sink, "<div class=\"more\">\n<p>");
    pk_html_msg(sink, lang, M_H_LEVELS);
    puts_(sink, "</p>\n<ol class=\"levels\">\n");
    for (lv = r->scale_min; lv <= r->scale_max; lv++) {
        int cur = ans->level == lv;
        pk_sink_printf(sink, "<li%s><span class=\"lv\">%d</span> ",
                       cur ? " class=\"cur\" aria-current=\"true\"" : "", lv);
        pk_html_text(sink, ind->levels[lv - r->scale_min]);
        if (cur) {
            puts_(sink, " <span class=\"mark\">◀ ");
            pk_html_msg(sink, lang, M_H_CURRENT);
            puts_(sink, "</span>");
        }
        puts_(sink, "</li>\n");
    }
    puts_(sink, "</ol>\n");
    if (ind->evidence_count) {
        puts_(sink, "<p>");
        pk_html_msg(sink, lang, M_EVIDENCE);
        puts_(sink, "</p>\n");
        text_list(sink, ind->evidence, ind->evidence_count);
    }
    if (ans->nevidence) {
        puts_(sink, "<p>");
        pk_html_msg(sink, lang, M_H_EVIDENCE_GIVEN);
        puts_(sink, "</p>\n");
        text_list(sink, ans->evidence, ans->nevidence);
    }
    if (ans->note) {
        puts_(sink, "<p>");
        pk_html_msg(sink, lang, M_H_ANSWER_NOTE);
        puts_(sink, "</p>\n<div class=\"note\">");
        pk_html_text(sink, ans->note);
        puts_(sink, "</div>\n");
    }
    puts_(sink, "</div>\n");
}

/* One indicator's row: id, name (unfolding to its levels), level, weight,
 * and what it adds and loses (from the view). */
static void indicator_row(pekppp_sink *sink, const pekppp_result *res, size_t j,
                          const pk_indicator_worth *w, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    const pekppp_indicator *ind = &r->indicators[j];
    int level = res->assessment->answers[j].level;
    pk_sink_printf(sink, "<tr class=\"ind%s\"><td class=\"id\"><code>",
                   level == PEKPPP_LEVEL_NA ? " na" : "");
    pk_html_text(sink, ind->id);
    puts_(sink, "</code></td><td><details><summary>");
    pk_html_text(sink, ind->name);
    puts_(sink, "</summary>\n");
    indicator_more(sink, res, j, lang);
    puts_(sink, "</details></td><td class=\"n\">");
    if (level == PEKPPP_LEVEL_NA)
        pk_html_msg(sink, lang, M_NA);
    else if (level == PEKPPP_LEVEL_MISSING)
    {
        pk_sink_printf(sink, "–/%d (", r->scale_max);
        pk_html_msg(sink, lang, M_NOT_ANSWERED);
        puts_(sink, ")");
    }
    else
        pk_sink_printf(sink, "%d/%d", level, r->scale_max);
    puts_(sink, "</td><td class=\"n\">");
    pk_html_dec_short(sink, ind->weight);
    puts_(sink, "%</td>");
    if (!w->shown) {
        puts_(sink, "<td class=\"n\">–</td><td class=\"n\">–</td></tr>\n");
        return;
    }
    puts_(sink, "<td class=\"n\">");
    pk_html_fixed(sink, w->contribution, r->decimals);
    pk_sink_printf(sink, "</td><td class=\"n %s\">", w->lost > 0 ? "lost" : "zero");
    pk_html_fixed(sink, w->lost, r->decimals);
    puts_(sink, "</td></tr>\n");
}

static void indicator_section(pekppp_sink *sink, const pekppp_result *res,
                              const pk_indicator_worth *worth, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    size_t i, j;
    puts_(sink, "<section id=\"indicators\" class=\"pb\">\n<h2>");
    pk_html_msg(sink, lang, M_INDICATORS);
    puts_(sink, "</h2>\n<p class=\"hint\">");
    pk_html_msg(sink, lang, M_H_IND_HINT);
    puts_(sink, "</p>\n<table id=\"indicator-table\">\n<thead><tr><th scope=\"col\">ID</th>");
    pk_html_th_col(sink, lang, M_INDICATORS, NULL);
    pk_html_th_col(sink, lang, M_H_LEVEL, "n");
    pk_html_th_col(sink, lang, M_WEIGHT, "n");
    pk_html_th_col(sink, lang, M_CONTRIB_INDEX, "n");
    pk_html_th_col(sink, lang, M_H_LOST, "n");
    puts_(sink, "</tr></thead>\n");
    for (i = 0; i < r->naspects; i++) {
        const pekppp_aspect *asp = &r->aspects[i];
        puts_(sink, "<tbody>\n<tr class=\"grp\"><th scope=\"rowgroup\" colspan=\"6\">");
        if (asp->code) {
            pk_html_text(sink, asp->code);
            puts_(sink, " ");
        }
        pk_html_text(sink, asp->name);
        puts_(sink, "</th></tr>\n");
        for (j = asp->first; j < asp->first + asp->count; j++)
            indicator_row(sink, res, j, &worth[j], lang);
        puts_(sink, "</tbody>\n");
    }
    puts_(sink, "</table>\n</section>\n");
}

/* The head of a table of one-level steps (recommendations, plan): #,
 * indicator, step, gain, and @p last. */
static void step_table_head(pekppp_sink *sink, pekppp_lang lang, const char *id, pk_msg_id last,
                            const char *last_class)
{
    pk_sink_printf(sink, "<table id=\"%s\">\n<thead><tr><th scope=\"col\" class=\"n\">#</th>", id);
    pk_html_th_col(sink, lang, M_INDICATORS, NULL);
    pk_html_th_col(sink, lang, M_STEP, NULL);
    pk_html_th_col(sink, lang, M_GAIN, "n");
    pk_html_th_col(sink, lang, last, last_class);
    puts_(sink, "</tr></thead>\n<tbody>\n");
}

/* A step's row up to its gain cell: number, indicator, "from → to: advice"
 * (or the next level's description), gain.  The caller adds the last cell. */
static void step_row(pekppp_sink *sink, const pekppp_rubric *r, pekppp_lang lang, size_t n,
                     size_t indicator, int from, int to, int64_t gain_rounded)
{
    const pekppp_indicator *ind = &r->indicators[indicator];
    int is_advice;
    const char *text = pk_step_text(r, indicator, from, to, &is_advice);
    pk_sink_printf(sink, "<tr><td class=\"n\">%zu</td><td><code>", n);
    pk_html_text(sink, ind->id);
    puts_(sink, "</code> ");
    pk_html_text(sink, ind->name);
    pk_sink_printf(sink, "</td><td><strong>%d → %d</strong>: ", from, to);
    if (!is_advice) {
        pk_html_msg(sink, lang, M_REACH_LEVEL);
        pk_sink_printf(sink, " %d: ", to);
    }
    pk_html_text(sink, text);
    puts_(sink, "</td><td class=\"n\">+");
    pk_html_fixed(sink, gain_rounded, r->decimals);
    puts_(sink, "</td>");
}

static void recommendation_section(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    size_t i;
    puts_(sink, "<section id=\"recommendations\" class=\"pb\">\n<h2>");
    pk_html_msg(sink, lang, M_RECOMMENDATIONS);
    puts_(sink, "</h2>\n");
    if (res->nrecs == 0) {
        puts_(sink, "<p>");
        pk_html_msg(sink, lang, M_NO_RECS);
        puts_(sink, "</p>\n</section>\n");
        return;
    }
    step_table_head(sink, lang, "recommendation-table", M_EVIDENCE, NULL);
    for (i = 0; i < res->nrecs; i++) {
        const pk_recommendation *rec = &res->recs[i];
        const pekppp_indicator *ind = &r->indicators[rec->indicator];
        step_row(sink, r, lang, i + 1, rec->indicator, rec->from, rec->to, rec->gain_rounded);
        puts_(sink, "<td>");
        if (ind->evidence_count)
            text_list(sink, ind->evidence, ind->evidence_count);
        puts_(sink, "</td></tr>\n");
    }
    puts_(sink, "</tbody>\n</table>\n</section>\n");
}

/* `score --target`: the fewest steps to the target grade, as the plan
 * command gives them. */
static void plan_index(pekppp_sink *sink, pekppp_lang lang, pk_msg_id label, const char *id,
                       const pekppp_rubric *r, int64_t rounded, const pekppp_band *band)
{
    pk_html_msg(sink, lang, label);
    pk_sink_printf(sink, ": <strong id=\"%s\">", id);
    pk_html_fixed(sink, rounded, r->decimals);
    puts_(sink, "</strong> ");
    pk_html_badge(sink, r, band, 1, 0);
}

static void plan_section(pekppp_sink *sink, const pekppp_plan *p, const pekppp_report_options *o)
{
    pekppp_lang lang = o->lang;
    const pekppp_result *res = p->res;
    const pekppp_rubric *r = res->rubric;
    size_t i;
    puts_(sink, "<section id=\"plan\" class=\"pb\">\n<h2>");
    pk_html_msg(sink, lang, M_PLAN_TO);
    puts_(sink, " <span id=\"plan-target\">");
    pk_html_text(sink, p->target->grade);
    puts_(sink, "</span> (");
    pk_html_msg(sink, lang, M_MIN_INDEX);
    puts_(sink, " ");
    pk_html_dec_short(sink, pk_fixed_dec(p->target->min));
    puts_(sink, ")</h2>\n");
    if (o->nchanges > 0) {
        /* A plan of a what-if starts from answers the file does not have. */
        puts_(sink, "<p class=\"hypo\" id=\"plan-hypothetical\">");
        pk_html_msg(sink, lang, M_PLAN_FROM_SET);
        puts_(sink, " ");
        pk_html_msg(sink, lang, M_SET_CHANGED);
        puts_(sink, ": ");
        pk_changes_write(sink, r, o->changes, o->nchanges, "→", pk_html_text);
        puts_(sink, "</p>\n");
    }
    pk_sink_printf(sink, "<p class=\"plan-sum\" data-feasible=\"%s\">",
                   p->feasible ? "true" : "false");
    plan_index(sink, lang, o->nchanges > 0 ? M_HYPO_NOW : M_NOW, "plan-before", r,
               res->index_rounded, res->band);
    puts_(sink, " → ");
    plan_index(sink, lang, M_AFTER, "plan-after", r, p->after_rounded, p->after_band);
    pk_sink_printf(sink, " (<span id=\"plan-steps\">%zu</span> ", p->nsteps);
    pk_html_msg(sink, lang, M_STEPS);
    puts_(sink, ")</p>\n");
    if (!p->feasible) {
        puts_(sink, "<p class=\"warn\" id=\"plan-infeasible\">");
        pk_html_msg(sink, lang, M_INFEASIBLE);
        puts_(sink, " ");
        plan_index(sink, lang, M_BEST, "plan-best", r, p->best_rounded, p->best_band);
        puts_(sink, "</p>\n");
    } else if (p->nsteps == 0) {
        puts_(sink, "<p id=\"plan-already\">");
        pk_html_msg(sink, lang, M_ALREADY);
        puts_(sink, "</p>\n");
    }
    if (p->nsteps == 0) {
        puts_(sink, "</section>\n");
        return;
    }
    step_table_head(sink, lang, "plan-table", M_INDEX_AFTER, "n");
    for (i = 0; i < p->nsteps; i++) {
        const pk_step *st = &p->steps[i];
        step_row(sink, r, lang, i + 1, st->indicator, st->from, st->to, st->gain_rounded);
        puts_(sink, "<td class=\"n\">");
        pk_html_fixed(sink, st->after_rounded, r->decimals);
        puts_(sink, " ");
        pk_html_badge(sink, r, st->after_band, 1, 0);
        puts_(sink, "</td></tr>\n");
    }
    puts_(sink, "</tbody>\n</table>\n</section>\n");
}

static void notes_section(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    size_t i;
    if (!res->flags)
        return;
    puts_(sink, "<section id=\"notes\">\n<h2>");
    pk_html_msg(sink, lang, M_NOTES);
    puts_(sink, "</h2>\n<ul class=\"notes\">\n");
    for (i = 0; i < PK_NFLAGS; i++)
        if (res->flags & pk_flags[i].flag) {
            pk_sink_printf(sink, "<li data-flag=\"%s\">", pk_flags[i].name);
            pk_html_msg(sink, lang, pk_flags[i].note);
            puts_(sink, "</li>\n");
        }
    puts_(sink, "</ul>\n</section>\n");
}

void pk_report_html(pekppp_sink *sink, const pekppp_result *res, const pekppp_report_options *o,
                    const pk_unit_view *v)
{
    const pekppp_assessment *a = res->assessment;
    pekppp_lang lang = o->lang;
    pk_html_page_start(sink, lang, NULL);
    if (v->whatif) {
        pk_html_msg(sink, lang, M_HYPO_NOW);
        puts_(sink, ": ");
    }
    pk_html_text(sink, a->unit_name);
    puts_(sink, " (");
    pk_html_text(sink, a->unit_id);
    puts_(sink, ") — PEKPPP");
    pk_html_page_body(sink, "unit");
    unit_header(sink, res, v, lang);
    caveat_section(sink, res, &v->caveats, lang);
    if (v->whatif)
        what_if(sink, res, v->whatif, lang);
    aspect_section(sink, res, lang);
    indicator_section(sink, res, v->worth, lang);
    recommendation_section(sink, res, lang);
    if (o->plan)
        plan_section(sink, o->plan, o);
    notes_section(sink, res, lang);
    pk_html_receipt(sink, res->rubric, a->file, a->sha256, o);
    puts_(sink, "</main>\n</body>\n</html>\n");
}
