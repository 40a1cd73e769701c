/*
 * Shared by the HTML renderers: html.c (page frame, receipt, the small
 * writers), html_svg.c (the charts), html_unit.c (the unit page) and
 * html_batch.c (the batch page).  Text from input goes through pk_html_text
 * (escape.c), always.
 */
#ifndef PK_HTML_INTERNAL_H
#define PK_HTML_INTERNAL_H

#include "batch_internal.h"
#include "plan_internal.h"
#include "report_internal.h"

#include <string.h>

#include "msg.h"

#define puts_ pekppp_sink_puts

/* html.c */
/* A catalogue message, escaped like any text. */
void pk_html_msg(pekppp_sink *sink, pekppp_lang lang, pk_msg_id id);
void pk_html_fixed(pekppp_sink *sink, int64_t units, int decimals);
/* A 10^4-scaled decimal without trailing zeros (weights). */
void pk_html_dec_short(pekppp_sink *sink, int64_t scaled);
/* a / b rounded half away from zero; b > 0. */
int64_t pk_html_div_round(int64_t a, int64_t b);
int64_t pk_html_pow10(int n);
/* Tenths of a pixel as "123.4". */
void pk_html_coord(pekppp_sink *sink, int64_t tenths);
void pk_html_page_start(pekppp_sink *sink, pekppp_lang lang, const char *script_hash);
/* After the title: the style, and the body opens. */
void pk_html_page_body(pekppp_sink *sink, const char *kind);
/* The band's colour class: a fixed palette of nine, spread over the bands by
 * position (the top band green, the bottom one red). */
int pk_html_band_colour(const pekppp_rubric *r, const pekppp_band *b);
/* Grade and label in the band's colour; the text is always there. */
void pk_html_badge(pekppp_sink *sink, const pekppp_rubric *r, const pekppp_band *b, int small,
                   int with_label);
/* A heading cell of a table: <th scope="col"> with an optional class. */
void pk_html_th_col(pekppp_sink *sink, pekppp_lang lang, pk_msg_id id, const char *cls);
/* The receipt: tool, rubric and its hash, input file and its hash, time. */
void pk_html_receipt(pekppp_sink *sink, const pekppp_rubric *r, const char *file, const char *sha,
                     const pekppp_report_options *o);

/* html_svg.c */
/* What an aspect is called on an axis: its code, else its name. */
const char *pk_html_aspect_label(const pekppp_aspect *a);
/* The aspect scores as a radar, or as bars when the radar table has no
 * row for that many aspects. */
void pk_html_aspect_chart(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang);
/* Units per grade, as bars. */
void pk_html_grade_chart(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang);

#endif
