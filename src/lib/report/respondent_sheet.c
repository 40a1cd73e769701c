/*
 * The blank respondent sheet (pekppp/survey.h): the header row a survey is
 * collected under, one column per item, each named "ID. text" so both the
 * person filling it in and the reader (responses.c, which matches a header
 * that starts with the id) understand it.
 *
 * A rubric with survey items (F-03) gets `unit_id` and its items; an
 * instrument without (an SKM) gets `unit_id` and its scored indicators,
 * named by their question (else their name).
 *
 * The workbook (-f xlsx) has the same header row over rows whose answer
 * cells only take a whole number on the rubric's scale, each column's
 * message giving the item's text (and an SKM unsur's answer labels).
 */
#include "xw_internal.h"

#include <string.h>

#include "model.h"
#include "pekppp/survey.h"
#include "pekppp/workbook.h"

#define RESPONDENT_ROWS 1000

/* The columns after unit_id: the survey items, else the indicators. */
static size_t ncolumns(const pekppp_rubric *r)
{
    return r->nsurvey_items > 0 ? r->nsurvey_items : r->nindicators;
}

/* Column @p i's id and text ("S01" and "Kejelasan persyaratan"). */
static void column_of(const pekppp_rubric *r, size_t i, const char **id, const char **text)
{
    if (r->nsurvey_items > 0) {
        *id = r->survey_items[i].id;
        *text = r->survey_items[i].text;
    } else {
        const char *q = r->questions ? r->questions[i] : NULL;
        *id = r->indicators[i].id;
        *text = q ? q : r->indicators[i].name;
    }
}

/* "S01. Kejelasan persyaratan" into @p sink. */
static void header_text(pekppp_sink *sink, const pekppp_rubric *r, size_t i)
{
    const char *id, *text;
    column_of(r, i, &id, &text);
    pekppp_sink_puts(sink, id);
    if (text) {
        pekppp_sink_puts(sink, ". ");
        pekppp_sink_puts(sink, text);
    }
}

/* Column @p i's header as one CSV cell. */
static void column(pekppp_sink *sink, const pekppp_rubric *r, size_t i, char d)
{
    pekppp_sink tmp;
    pekppp_sink_init_buffer(&tmp);
    header_text(&tmp, r, i);
    pk_sink_printf(sink, "%c", d);
    pk_csv_text(sink, tmp.data ? tmp.data : "", d);
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
    for (i = 0; i < ncolumns(r); i++)
        column(sink, r, i, d);
    pekppp_sink_puts(sink, "\r\n");
    pekppp_sink_flush(sink);
    return sink->error;
}

/* Up to @p max bytes of @p s, cut at a character boundary. */
static const char *cut(char *buf, size_t max, const char *s)
{
    size_t n = strlen(s);
    if (n >= max) {
        n = max - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

int pekppp_survey_sheet_template_xlsx(const char *path, const pekppp_rubric *r,
                                      const pekppp_report_options *opts, pekppp_error *err)
{
    pekppp_report_options local;
    const pekppp_report_options *o = pk_report_options(opts, &local);
    const int en = o && o->lang == PEKPPP_LANG_EN;
    lxw_worksheet *ws;
    lxw_format *head, *fill;
    pk_xw x;
    size_t i, n;
    int rc, k;
    if (!o || !r || !path)
        return PEKPPP_EINVALID;
    if ((rc = pk_xw_open(&x, path, 0, o->timestamp, r->title, err)) < 0)
        return rc;
    head = workbook_add_format(x.wb);
    format_set_bold(head);
    format_set_bg_color(head, 0xDDE3EA);
    format_set_bottom(head, LXW_BORDER_THIN);
    format_set_text_wrap(head);
    format_set_align(head, LXW_ALIGN_VERTICAL_TOP);
    fill = workbook_add_format(x.wb);
    format_set_bg_color(fill, 0xFFF7D6);
    format_set_border(fill, LXW_BORDER_THIN);
    if (!(ws = pk_xw_sheet(&x, en ? "Respondents" : "Responden"))) {
        pk_xw_discard(&x);
        return PEKPPP_ENOMEM;
    }
    n = ncolumns(r);
    pk_xw_text(&x, ws, 0, 0, "unit_id", head);
    pk_xw_check(&x, worksheet_set_column(ws, 0, 0, 18, NULL));
    pk_xw_check(&x, worksheet_set_row(ws, 0, 60, NULL));
    for (i = 0; i < n && i + 1 < LXW_COL_MAX; i++) {
        pekppp_sink h;
        lxw_data_validation dv;
        const char *id, *text;
        char title[40], msg[320], shown[256], labels[256];
        size_t used = 0;
        pekppp_sink_init_buffer(&h);
        header_text(&h, r, i);
        pk_xw_text(&x, ws, 0, (uint16_t)(1 + i), h.data, head);
        if (h.error)
            x.oom = 1;
        pekppp_sink_dispose(&h);
        column_of(r, i, &id, &text);
        /* An SKM unsur's answer labels: "1 Tidak mudah, 2 Kurang mudah, ..." */
        labels[0] = '\0';
        if (r->nsurvey_items == 0 && r->indicators[i].levels)
            for (k = r->scale_min; k <= r->scale_max && used + 1 < sizeof(labels); k++) {
                const char *l = r->indicators[i].levels[k - r->scale_min];
                int w = l ? snprintf(labels + used, sizeof(labels) - used, "%s%d %s",
                                     used ? ", " : "", k, l)
                          : 0;
                if (w < 0 || (size_t)w >= sizeof(labels) - used)
                    break;
                used += (size_t)w;
            }
        snprintf(msg, sizeof(msg), "%d-%d%s%s", r->scale_min, r->scale_max, used ? ": " : "",
                 labels);
        memset(&dv, 0, sizeof(dv));
        dv.validate = LXW_VALIDATION_TYPE_INTEGER;
        dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        dv.minimum_number = r->scale_min;
        dv.maximum_number = r->scale_max;
        dv.input_title = (char *)cut(title, 32, id);
        dv.input_message = (char *)cut(shown, 250, used || !text ? msg : text);
        pk_xw_check(&x, worksheet_set_column(ws, (lxw_col_t)(1 + i), (lxw_col_t)(1 + i), 16, fill));
        pk_xw_check(&x, worksheet_data_validation_range(ws, 1, (lxw_col_t)(1 + i), RESPONDENT_ROWS,
                                                        (lxw_col_t)(1 + i), &dv));
    }
    worksheet_freeze_panes(ws, 1, 1);
    return pk_xw_close(&x, path, err);
}
