/*
 * A plan in text and JSON (`pekppp plan`, and the plan inside a unit report):
 * the steps pekppp_plan_make worked out, formatted.  The Markdown plan is in
 * md.c with the other Markdown tables.
 */
#include "pekppp/plan.h"
#include "report_internal.h"

#include "plan_internal.h"

static void fixed_text(char *buf, size_t n, int64_t units, int decimals)
{
    pk_fixed_format(buf, n, units, decimals);
}

void pk_plan_text(pekppp_sink *sink, const pekppp_plan *p, pekppp_lang lang)
{
    const pekppp_result *res = p->res;
    const pekppp_rubric *r = res->rubric;
    char a[48], b[48], m[48];
    size_t i;
    pk_dec_format_short(m, sizeof(m), p->target->min);
    /* Texts from input files go through pk_text_cell: a control character
     * in a name must not reach the terminal. */
    pk_sink_printf(sink, "%s ", pk_msg(lang, M_PLAN_TO));
    pk_text_cell(sink, p->target->grade, 0, 0);
    pk_sink_printf(sink, " (%s %s)\n%s: ", pk_msg(lang, M_MIN_INDEX), m, pk_msg(lang, M_UNIT));
    pk_text_cell(sink, res->assessment->unit_name, 0, 0);
    pekppp_sink_puts(sink, " (");
    pk_text_cell(sink, res->assessment->unit_id, 0, 0);
    pekppp_sink_puts(sink, ")\n");
    fixed_text(a, sizeof(a), res->index_rounded, r->decimals);
    fixed_text(b, sizeof(b), p->after_rounded, r->decimals);
    pk_sink_printf(sink, "%s: %s ", pk_msg(lang, M_NOW), a);
    pk_text_cell(sink, res->band ? res->band->grade : "?", 0, 0);
    pk_sink_printf(sink, "  ->  %s: %s ", pk_msg(lang, M_AFTER), b);
    pk_text_cell(sink, p->after_band ? p->after_band->grade : "?", 0, 0);
    pk_sink_printf(sink, "  (%zu %s)\n\n", p->nsteps, pk_msg(lang, M_STEPS));
    if (!p->feasible) {
        fixed_text(a, sizeof(a), p->best_rounded, r->decimals);
        pk_sink_printf(sink, "%s\n%s: %s ", pk_msg(lang, M_INFEASIBLE), pk_msg(lang, M_BEST), a);
        pk_text_cell(sink, p->best_band ? p->best_band->grade : "?", 0, 0);
        pekppp_sink_puts(sink, "\n\n");
    }
    else if (p->nsteps == 0)
        pk_sink_printf(sink, "%s\n", pk_msg(lang, M_ALREADY));
    for (i = 0; i < p->nsteps; i++) {
        const pk_step *st = &p->steps[i];
        int is_advice;
        const char *text = pk_step_text(r, st->indicator, st->from, st->to, &is_advice);
        fixed_text(a, sizeof(a), st->gain_rounded, r->decimals);
        pk_sink_printf(sink, "%3zu. ", i + 1);
        pk_text_cell(sink, r->indicators[st->indicator].id, 0, 0);
        fixed_text(b, sizeof(b), st->after_rounded, r->decimals);
        pk_sink_printf(sink, "  %d -> %d  +%s  = %s ", st->from, st->to, a, b);
        pk_text_cell(sink, st->after_band ? st->after_band->grade : "?", 0, 0);
        pekppp_sink_puts(sink, "\n     ");
        if (!is_advice)
            pk_sink_printf(sink, "%s %d: ", pk_msg(lang, M_REACH_LEVEL), st->to);
        pk_text_cell(sink, text, 0, 0);
        pekppp_sink_puts(sink, "\n");
    }
}

static void json_band(pekppp_sink *sink, const char *key, int64_t rounded, int decimals,
                      const pekppp_band *band, int last)
{
    char buf[48];
    fixed_text(buf, sizeof(buf), rounded, decimals);
    pk_sink_printf(sink, "  \"%s\": {\"index\": %s, \"grade\": ", key, buf);
    if (band)
        pk_json_string(sink, band->grade);
    else
        pekppp_sink_puts(sink, "null");
    pekppp_sink_puts(sink, last ? "}\n" : "},\n");
}

static void plan_json(pekppp_sink *sink, const pekppp_plan *p)
{
    const pekppp_result *res = p->res;
    const pekppp_rubric *r = res->rubric;
    char buf[48];
    size_t i;
    pekppp_sink_puts(sink, "{\n  \"schema\": \"pekppp/plan/v1\",\n  \"unit\": {\"id\": ");
    pk_json_string(sink, res->assessment->unit_id);
    pekppp_sink_puts(sink, ", \"name\": ");
    pk_json_string(sink, res->assessment->unit_name);
    pekppp_sink_puts(sink, "},\n  \"target\": {\"grade\": ");
    pk_json_string(sink, p->target->grade);
    pk_dec_format_short(buf, sizeof(buf), p->target->min);
    pk_sink_printf(sink, ", \"min\": %s},\n  \"feasible\": %s,\n", buf,
                   p->feasible ? "true" : "false");
    json_band(sink, "before", res->index_rounded, r->decimals, res->band, 0);
    json_band(sink, "after", p->after_rounded, r->decimals, p->after_band, 0);
    if (!p->feasible)
        json_band(sink, "best", p->best_rounded, r->decimals, p->best_band, 0);
    pekppp_sink_puts(sink, p->nsteps ? "  \"steps\": [\n" : "  \"steps\": []\n");
    for (i = 0; i < p->nsteps; i++) {
        const pk_step *st = &p->steps[i];
        int is_advice;
        pekppp_sink_puts(sink, "    {\"indicator\": ");
        pk_json_string(sink, r->indicators[st->indicator].id);
        fixed_text(buf, sizeof(buf), st->gain_rounded, r->decimals);
        pk_sink_printf(sink, ", \"from\": %d, \"to\": %d, \"gain\": %s, ", st->from, st->to, buf);
        fixed_text(buf, sizeof(buf), st->after_rounded, r->decimals);
        pk_sink_printf(sink, "\"after\": {\"index\": %s, \"grade\": ", buf);
        if (st->after_band)
            pk_json_string(sink, st->after_band->grade);
        else
            pekppp_sink_puts(sink, "null");
        pekppp_sink_puts(sink, "}, \"advice\": ");
        pk_json_string(sink, pk_step_text(r, st->indicator, st->from, st->to, &is_advice));
        pekppp_sink_puts(sink, i + 1 < p->nsteps ? "},\n" : "}\n  ]\n");
    }
    pekppp_sink_puts(sink, "}\n");
}

int pekppp_plan_write(pekppp_sink *sink, const pekppp_plan *p, pekppp_report_format format,
                      const pekppp_report_options *opts)
{
    pekppp_report_options local;
    opts = pk_report_options(opts, &local);
    if (format == PEKPPP_FORMAT_TEXT)
        pk_plan_text(sink, p, opts->lang);
    else if (format == PEKPPP_FORMAT_JSON)
        plan_json(sink, p);
    else if (format == PEKPPP_FORMAT_MD)
        pk_plan_md(sink, p, opts->lang, 1);
    else
        return PEKPPP_EINVALID;
    pekppp_sink_flush(sink);
    return sink->error;
}
