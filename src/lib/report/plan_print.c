/*
 * A plan in text (`pekppp plan`, and the plan inside a text unit report): the
 * steps pekppp_plan_make worked out, formatted; and pekppp_plan_write.  The
 * JSON plan is written by json.c (one writer for `plan -f json` and the
 * result's "plan" member), the Markdown plan by md.c.
 */
#include "pekppp/plan.h"
#include "report_internal.h"

#include "plan_internal.h"

static void fixed_text(char *buf, size_t n, int64_t units, int decimals)
{
    pk_fixed_format(buf, n, units, decimals);
}

static void text_put(pekppp_sink *sink, const char *s)
{
    pk_text_cell(sink, s, 0, 0);
}

void pk_plan_text(pekppp_sink *sink, const pekppp_plan *p, const pekppp_report_options *o)
{
    pekppp_lang lang = o->lang;
    const pekppp_result *res = p->res;
    const pekppp_rubric *r = res->rubric;
    char a[48], b[48], m[48];
    size_t i;
    pk_dec_format_short(m, sizeof(m), pk_fixed_dec(p->target->min));
    /* Texts from input files go through pk_text_cell: a control character
     * in a name must not reach the terminal. */
    pk_sink_printf(sink, "%s ", pk_msg(lang, M_PLAN_TO));
    pk_text_cell(sink, p->target->grade, 0, 0);
    pk_sink_printf(sink, " (%s %s)\n%s: ", pk_msg(lang, M_MIN_INDEX), m, pk_msg(lang, M_UNIT));
    pk_text_cell(sink, res->assessment->unit_name, 0, 0);
    pekppp_sink_puts(sink, " (");
    pk_text_cell(sink, res->assessment->unit_id, 0, 0);
    pekppp_sink_puts(sink, ")\n");
    if (o->nchanges > 0) {
        /* A plan of a what-if starts from answers the file does not have. */
        pk_sink_printf(sink, "%s\n%s: ", pk_msg(lang, M_PLAN_FROM_SET), pk_msg(lang, M_SET_CHANGED));
        pk_changes_write(sink, r, o->changes, o->nchanges, "->", text_put);
        pekppp_sink_puts(sink, "\n");
    }
    fixed_text(a, sizeof(a), res->index_rounded, r->decimals);
    fixed_text(b, sizeof(b), p->after_rounded, r->decimals);
    pk_sink_printf(sink, "%s: %s ", pk_msg(lang, o->nchanges > 0 ? M_HYPO_NOW : M_NOW), a);
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

int pekppp_plan_write(pekppp_sink *sink, const pekppp_plan *p, pekppp_report_format format,
                      const pekppp_report_options *opts)
{
    pekppp_report_options local;
    if (!(opts = pk_report_options(opts, &local)))
        return PEKPPP_EINVALID;
    if (format == PEKPPP_FORMAT_TEXT)
        pk_plan_text(sink, p, opts);
    else if (format == PEKPPP_FORMAT_JSON)
        pk_plan_json(sink, p, opts);
    else if (format == PEKPPP_FORMAT_MD)
        pk_plan_md(sink, p, opts, 1);
    else
        return PEKPPP_EINVALID;
    pekppp_sink_flush(sink);
    return sink->error;
}
