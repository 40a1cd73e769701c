/*
 * The unit report dispatcher: options (old struct versions included), the
 * result flags every format lists, and pekppp_report_write.
 */
#include "report_internal.h"

#include <stddef.h>
#include <string.h>

#include "diag.h"

const pk_flag_info pk_flags[PK_NFLAGS] = {
    { PEKPPP_FLAG_SURVEY_MISSING, "survey-missing", M_FLAG_SURVEY_MISSING },
    { PEKPPP_FLAG_SURVEY_BELOW_MIN, "survey-below-min-respondents", M_FLAG_SURVEY_BELOW },
    { PEKPPP_FLAG_INCOMPLETE, "incomplete", M_FLAG_INCOMPLETE },
    { PEKPPP_FLAG_NA_RENORMALISED, "na-renormalised", M_FLAG_NA },
    { PEKPPP_FLAG_PROVISIONAL_RUBRIC, "provisional-rubric", M_FLAG_PROVISIONAL },
};

int pekppp_report_options_init(pekppp_report_options *opts, unsigned version)
{
    pekppp_report_options defaults = PEKPPP_REPORT_OPTIONS_INIT;
    if (!opts || version == 0 || version > PEKPPP_REPORT_OPTIONS_VERSION)
        return PEKPPP_EINVALID;
    if (version == 1) {
        /* A version-1 struct ends before `plan`: write no further. */
        defaults.version = 1;
        memcpy(opts, &defaults, offsetof(pekppp_report_options, plan));
        return 0;
    }
    *opts = defaults;
    return 0;
}

const pekppp_report_options *pk_report_options(const pekppp_report_options *opts,
                                               pekppp_report_options *local)
{
    pekppp_report_options defaults = PEKPPP_REPORT_OPTIONS_INIT;
    *local = defaults;
    if (!opts)
        return local;
    if (pk_options_check(NULL, "pekppp_report_options", opts->version,
                         PEKPPP_REPORT_OPTIONS_VERSION) < 0)
        return NULL;
    if (opts->version == PEKPPP_REPORT_OPTIONS_VERSION)
        return opts;
    /* A caller built with version 1 of the header has a struct that ends
     * before `plan` (the other fields all came before any release). */
    memcpy(local, opts, offsetof(pekppp_report_options, plan));
    local->plan = NULL;
    return local;
}

static void put_count(pekppp_sink *sink, unsigned long n)
{
    pk_sink_printf(sink, "%lu", n);
}

/* "II (1 dari 5 indikator na)", "IV (semua indikator na: ...)". */
static void na_aspect(pekppp_sink *sink, const pekppp_rubric *r, const pk_caveat_aspect *ca,
                      pekppp_lang lang, pk_text_fn text)
{
    const pekppp_aspect *a = &r->aspects[ca->aspect];
    text(sink, a->code ? a->code : a->name);
    pekppp_sink_puts(sink, " (");
    if (ca->left_out) {
        text(sink, pk_msg(lang, M_CV_NA_ALL));
    } else {
        put_count(sink, ca->na);
        text(sink, pk_msg(lang, M_CV_OF));
        put_count(sink, ca->count);
        text(sink, pk_msg(lang, M_CV_NA_IND));
    }
    pekppp_sink_puts(sink, ")");
}

void pk_caveat_write(pekppp_sink *sink, const pekppp_rubric *r, const pk_caveat *c,
                     pekppp_lang lang, pk_text_fn text)
{
    size_t i;
    switch (c->flag) {
    case PEKPPP_FLAG_PROVISIONAL_RUBRIC:
        text(sink, pk_msg(lang, M_CV_PROVISIONAL));
        text(sink, c->reason ? c->reason : "");
        text(sink, pk_msg(lang, M_CV_PROVISIONAL_END));
        break;
    case PEKPPP_FLAG_INCOMPLETE:
        text(sink, pk_msg(lang, M_CV_INCOMPLETE));
        put_count(sink, c->unanswered);
        text(sink, pk_msg(lang, M_CV_OF));
        put_count(sink, c->indicators);
        text(sink, pk_msg(lang, M_CV_INCOMPLETE_END));
        break;
    case PEKPPP_FLAG_SURVEY_BELOW_MIN:
        text(sink, pk_msg(lang, M_CV_SURVEY_BELOW));
        pk_sink_printf(sink, "%ld", c->respondents);
        text(sink, pk_msg(lang, M_CV_RESP_OF_MIN));
        pk_sink_printf(sink, "%ld", c->min_respondents);
        text(sink, pk_msg(lang, M_CV_SURVEY_ALONE));
        break;
    case PEKPPP_FLAG_SURVEY_MISSING:
        text(sink, pk_msg(lang, M_CV_SURVEY_MISSING));
        break;
    default: /* PEKPPP_FLAG_NA_RENORMALISED */
        text(sink, pk_msg(lang, M_CV_NA));
        for (i = 0; i < c->naspects; i++) {
            if (i)
                pekppp_sink_puts(sink, ", ");
            na_aspect(sink, r, &c->aspects[i], lang, text);
        }
        pekppp_sink_puts(sink, ".");
        break;
    }
}

static void level_word(pekppp_sink *sink, int level)
{
    if (level == PEKPPP_LEVEL_NA)
        pekppp_sink_puts(sink, "na");
    else if (level == PEKPPP_LEVEL_MISSING)
        pekppp_sink_puts(sink, "-");
    else
        pk_sink_printf(sink, "%d", level);
}

void pk_changes_write(pekppp_sink *sink, const pekppp_rubric *r, const pekppp_change *changes,
                      size_t nchanges, const char *arrow, pk_text_fn text)
{
    size_t i;
    for (i = 0; i < nchanges; i++) {
        if (i)
            pekppp_sink_puts(sink, ", ");
        text(sink, r->indicators[changes[i].indicator].id);
        pekppp_sink_puts(sink, " ");
        level_word(sink, changes[i].from);
        pk_sink_printf(sink, " %s ", arrow);
        level_word(sink, changes[i].to);
    }
}

int pekppp_report_write(pekppp_sink *sink, const pekppp_result *res, pekppp_report_format format,
                        const pekppp_report_options *opts)
{
    pekppp_report_options local;
    pk_unit_view view;
    int error;
    if (!(opts = pk_report_options(opts, &local)))
        return PEKPPP_EINVALID;
    if (format != PEKPPP_FORMAT_TEXT && format != PEKPPP_FORMAT_JSON &&
        format != PEKPPP_FORMAT_MD && format != PEKPPP_FORMAT_HTML)
        return PEKPPP_EINVALID;
    /* Every section is worked out before the first byte: a failure leaves
     * no half-written report. */
    if ((error = pk_unit_view_make(&view, res, opts, format)) < 0)
        return error;
    switch (format) {
    case PEKPPP_FORMAT_TEXT:
        pk_report_text(sink, res, opts, &view);
        break;
    case PEKPPP_FORMAT_JSON:
        pk_report_json(sink, res, opts, &view);
        break;
    case PEKPPP_FORMAT_MD:
        pk_report_md(sink, res, opts, &view);
        break;
    default:
        pk_report_html(sink, res, opts, &view);
        break;
    }
    pk_unit_view_free(&view);
    pekppp_sink_flush(sink);
    return sink->error;
}
