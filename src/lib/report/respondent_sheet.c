/*
 * The blank respondent sheet (pekppp/survey.h): the header row a survey is
 * collected under, one column per item, each named "ID. text" so both the
 * person filling it in and the reader (responses.c, which matches a header
 * that starts with the id) understand it.
 *
 * A rubric with survey items (F-03) gets `unit_id` and its items; an
 * instrument without (an SKM) gets `unit_id` and its scored indicators,
 * named by their question (else their name).
 */
#include "report_internal.h"

#include "model.h"
#include "pekppp/survey.h"

/* "S01. Kejelasan persyaratan" as one CSV cell. */
static void column(pekppp_sink *sink, const char *id, const char *text, char d)
{
    pekppp_sink tmp;
    pekppp_sink_init_buffer(&tmp);
    pekppp_sink_puts(&tmp, id);
    if (text) {
        pekppp_sink_puts(&tmp, ". ");
        pekppp_sink_puts(&tmp, text);
    }
    pk_sink_printf(sink, "%c", d);
    pk_csv_text(sink, tmp.data ? tmp.data : id, d);
    if (tmp.error)
        sink->error = tmp.error;
    pekppp_sink_dispose(&tmp);
}

int pekppp_survey_sheet_template(pekppp_sink *sink, const pekppp_rubric *r,
                                 const pekppp_report_options *opts)
{
    pekppp_report_options local;
    const pekppp_report_options *o = pk_report_options(opts, &local);
    char d;
    size_t i;
    if (!o)
        return PEKPPP_EINVALID;
    d = o->csv_dialect == PEKPPP_CSV_ID ? ';' : ',';
    pekppp_sink_puts(sink, "unit_id");
    if (r->nsurvey_items > 0) {
        for (i = 0; i < r->nsurvey_items; i++)
            column(sink, r->survey_items[i].id, r->survey_items[i].text, d);
    } else {
        for (i = 0; i < r->nindicators; i++) {
            const char *q = r->questions ? r->questions[i] : NULL;
            column(sink, r->indicators[i].id, q ? q : r->indicators[i].name, d);
        }
    }
    pekppp_sink_puts(sink, "\r\n");
    pekppp_sink_flush(sink);
    return sink->error;
}
