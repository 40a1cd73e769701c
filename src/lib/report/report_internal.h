/*
 * Shared by the renderers (everything in src/lib/report/): the sink helpers,
 * one escaping function per output format, and each format's entry point.
 * The core never includes this header (tests/lint/core-includes.sh).
 */
#ifndef PK_REPORT_INTERNAL_H
#define PK_REPORT_INTERNAL_H

#include "pekppp/batch.h"
#include "pekppp/plan.h"
#include "pekppp/report.h"
#include "pekppp/text.h"
#include "model.h"
#include "msg.h"
#include "view.h"
#include "diag.h"

#include <string.h>

/* The result flags, in the order every format lists them: the JSON/CSV
 * name and the sentence of the notes. */
typedef struct {
    unsigned flag;
    const char *name;
    pk_msg_id note;
} pk_flag_info;

#define PK_NFLAGS 5
extern const pk_flag_info pk_flags[PK_NFLAGS];

/* pekppp_sink_write with the common case inline: bytes that fit in the
 * sink's buffer are appended here, without a call; the rest (growing,
 * flushing a file sink, a sticky error) is sink.c's.  The buffer always has
 * room for the NUL after the bytes (len < cap once it exists). */
static inline void pk_sink_put(pekppp_sink *sink, const char *data, size_t len)
{
    if (len < sink->cap - sink->len && !sink->error) {
        memcpy(sink->data + sink->len, data, len);
        sink->len += len;
        sink->data[sink->len] = '\0';
    } else {
        pekppp_sink_write(sink, data, len);
    }
}
/* A string literal, its length known at compile time. */
#define PK_SINK_LIT(sink, lit) pk_sink_put((sink), "" lit, sizeof(lit) - 1)

/* printf to a sink, never cut: a text longer than the stack buffer is
 * formatted again into one that fits (sink.c). */
void pk_sink_printf(pekppp_sink *sink, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Two spaces per depth of indentation (json.c). */
void pk_json_indent(pekppp_sink *sink, int depth);

/* The escaping functions, one per format (escape.c). */

/* A JSON string literal: quotes, backslashes and control characters
 * escaped, and C1 and bidirectional controls as \uXXXX; a byte that is not
 * UTF-8 as '?'; other UTF-8 passes through. */
void pk_json_string(pekppp_sink *sink, const char *s);
/* 1 for a byte a JSON string takes as it is (printable ASCII but " and \). */
extern const unsigned char pk_json_plain[256];
/* `, "sheet": "...", "cell": "C7"` (cell null when the place is a whole sheet or row). */
void pk_json_place(pekppp_sink *sink, const char *sheet, unsigned line, unsigned col);
/* HTML element text or a "-quoted attribute value: & < > " ' as entities,
 * what pk_text_unsafe finds (but tab and line feed) as '?'. */
void pk_html_text(pekppp_sink *sink, const char *s);

/* One character of the NUL-terminated @p p: its length in bytes, and its
 * code point in *cp, or length 1 and PK_BAD_UTF8 for a byte that does not
 * begin a well-formed UTF-8 sequence (overlong, surrogate, above U+10FFFF,
 * cut short, a stray continuation byte).  Never reads past the NUL. */
#define PK_BAD_UTF8 0xFFFFFFFFu
size_t pk_utf8_next(const char *p, uint32_t *cp);
/* Must @p cp (a code point or PK_BAD_UTF8) not reach a terminal as it is?
 * The policy of pekppp_text_safe (pekppp/text.h): C0, DEL, C1, the
 * bidirectional controls, U+2028/U+2029 and invalid UTF-8. */
int pk_text_unsafe(uint32_t cp);

/* Text for a person (pekppp_text_safe's policy: each unsafe character as
 * '?'), cut with "..." to @p width characters (0: no limit), padded to it
 * when @p pad. */
void pk_text_cell(pekppp_sink *sink, const char *s, size_t width, int pad);
/* Would a spreadsheet take @p s for a formula?  = + - @ (or their
 * fullwidth forms) first, after any spaces, no-break or zero-width
 * characters, BOM, tab or line break; or a tab or CR first. */
int pk_csv_formula(const char *s);
/* A CSV cell: quoted when it must be (RFC 4180); text pk_csv_formula finds
 * gets a leading apostrophe; a byte that is not UTF-8 becomes '?'. */
void pk_csv_text(pekppp_sink *sink, const char *s, char delim);
/* units / 10^decimals with @p point as the decimal mark; "+" first when
 * @p sign and the value is positive. */
void pk_fixed_point(pekppp_sink *sink, int64_t units, int decimals, char point, int sign);

/* Markdown table cell text: | \ ` * _ escaped, < and & as entities, line
 * breaks and control characters as spaces, the rest of what
 * pk_text_unsafe finds as '?'. */
void pk_md_text(pekppp_sink *sink, const char *s);

/* The options to use: the defaults for NULL, and for a caller built against
 * an older version of the struct, its fields copied into @p local with the
 * newer ones at their defaults (never read past the caller's struct).  NULL
 * for a version newer than this library (pk_options_check): the writer
 * returns PEKPPP_EINVALID. */
const pekppp_report_options *pk_report_options(const pekppp_report_options *opts,
                                               pekppp_report_options *local);

void pk_report_html(pekppp_sink *sink, const pekppp_result *res, const pekppp_report_options *o,
                    const pk_unit_view *v);
void pk_report_md(pekppp_sink *sink, const pekppp_result *res, const pekppp_report_options *o,
                  const pk_unit_view *v);
void pk_report_text(pekppp_sink *sink, const pekppp_result *res, const pekppp_report_options *o,
                    const pk_unit_view *v);
void pk_report_json(pekppp_sink *sink, const pekppp_result *res, const pekppp_report_options *o,
                    const pk_unit_view *v);

/* What every unit format says first, in one wording (report.c): the texts
 * go through @p text, the format's escaper; numbers are plain digits. */
typedef void (*pk_text_fn)(pekppp_sink *sink, const char *s);
/* One caveat as a sentence. */
void pk_caveat_write(pekppp_sink *sink, const pekppp_rubric *r, const pk_caveat *c,
                     pekppp_lang lang, pk_text_fn text);
/* The changed answers of a what-if: "14.b.K 4 -> 5, 29.f.B 3 -> 5", with
 * @p arrow between the levels ("na", and "-" for a missing answer). */
void pk_changes_write(pekppp_sink *sink, const pekppp_rubric *r, const pekppp_change *changes,
                      size_t nchanges, const char *arrow, pk_text_fn text);

/* A plan in each report format; the unit reports call these when
 * pekppp_report_options.plan is set (plan_print.c, json.c, md.c). */
/* Each takes the report options: with o->nchanges > 0 the plan starts from
 * answers changed by --set, and says so (and lists them) before its steps. */
void pk_plan_text(pekppp_sink *sink, const pekppp_plan *p, const pekppp_report_options *o);
/* The plan document `plan -f json` writes; the same writer makes the
 * "plan" member of the result JSON (json.c). */
void pk_plan_json(pekppp_sink *sink, const pekppp_plan *p, const pekppp_report_options *o);
/* @p standalone: the plan on its own (`plan -f md`), so it names the unit. */
void pk_plan_md(pekppp_sink *sink, const pekppp_plan *p, const pekppp_report_options *o,
                int standalone);

/* The batch as one self-contained HTML page (html.c). */
void pk_batch_html(pekppp_sink *sink, const pekppp_batch *b, const pekppp_report_options *o,
                   const pk_missed_view *missed);

#endif
