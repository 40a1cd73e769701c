/* Shared by the report emitters: one static writer per format. */
#ifndef PK_REPORT_INTERNAL_H
#define PK_REPORT_INTERNAL_H

#include "pekppp/report.h"
#include "model.h"
#include "msg.h"

/* The result flags, in the order every format lists them: the JSON/CSV
 * name and the sentence of the notes. */
typedef struct {
    unsigned flag;
    const char *name;
    pk_msg_id note;
} pk_flag_info;

#define PK_NFLAGS 5
extern const pk_flag_info pk_flags[PK_NFLAGS];

void pk_sink_printf(pekppp_sink *sink, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The text of a one-level step (a recommendation, a plan step) on
 * @p indicator: the rubric's advice for level @p from, else the description
 * of level @p to (*is_advice says which). */
const char *pk_step_text(const pekppp_rubric *r, size_t indicator, int from, int to,
                         int *is_advice);

/* A JSON string literal with escapes; two spaces per depth of indentation. */
void pk_json_string(pekppp_sink *sink, const char *s);
void pk_json_indent(pekppp_sink *sink, int depth);

/* Text for a person: control characters shown as '?', cut with "..." to
 * @p width characters (0: no limit), padded to it when @p pad. */
void pk_text_cell(pekppp_sink *sink, const char *s, size_t width, int pad);
/* A CSV cell: quoted when it must be (RFC 4180); text a spreadsheet would
 * take for a formula (= + - @ tab CR first) gets a leading apostrophe. */
void pk_csv_text(pekppp_sink *sink, const char *s, char delim);
/* units / 10^decimals with @p point as the decimal mark; "+" first when
 * @p sign and the value is positive. */
void pk_fixed_point(pekppp_sink *sink, int64_t units, int decimals, char point, int sign);

/* The band just above the result's, or NULL at the top; *gap gets the
 * distance from the rounded index to its minimum, in rounding units. */
const pekppp_band *pk_next_band(const pekppp_result *res, int64_t *gap);

/* The rounded difference new - old of two exact values (half away from
 * zero), once, on the exact difference; 0 on failure with *ok cleared. */
int64_t pk_rounded_delta(const pekppp_rubric *r, pk_rat now, pk_rat before, int *ok);

/* Markdown table cell text: | \ ` * _ escaped, < and & as entities, line
 * breaks and control characters as spaces. */
void pk_md_text(pekppp_sink *sink, const char *s);

/* The options to use: the defaults for NULL, and for a caller built against
 * an older version of the struct, its fields copied into @p local with the
 * newer ones at their defaults (never read past the caller's struct).  NULL
 * for a version newer than this library (pk_options_check): the writer
 * returns PEKPPP_EINVALID. */
const pekppp_report_options *pk_report_options(const pekppp_report_options *opts,
                                               pekppp_report_options *local);

void pk_report_html(pekppp_sink *sink, const pekppp_result *res, const pekppp_report_options *o);
void pk_report_md(pekppp_sink *sink, const pekppp_result *res, const pekppp_report_options *o);
void pk_report_text(pekppp_sink *sink, const pekppp_result *res, const pekppp_report_options *o);
void pk_report_json(pekppp_sink *sink, const pekppp_result *res, const pekppp_report_options *o);

#endif
