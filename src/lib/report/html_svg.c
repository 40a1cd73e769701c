/*
 * The SVG charts of the HTML pages: the unit's radar of aspect scores (bars
 * when there are too many or too few aspects) and the batch's units per
 * grade.  Integer geometry only: a table of sin/cos scaled by 10^4, tenths
 * of a pixel.
 */
#include "html_internal.h"

/* ------------------------------------------------------------------ */
/* The radar chart                                                      */
/* ------------------------------------------------------------------ */

/* sin and cos of 2*pi*k/n, scaled by 10^4 and rounded half away from zero,
 * for n = 3..12 and k = 0..n-1: axis k points at angle 2*pi*k/n clockwise
 * from straight up, so x = sin and y = -cos.  Row n starts at trig_at[n];
 * every pair has sin^2 + cos^2 = 10^8 within the rounding. */
#define RADAR_MIN 3
#define RADAR_MAX 12
static const short trig_sin[] = {
    /* n=3  */ 0, 8660, -8660,
    /* n=4  */ 0, 10000, 0, -10000,
    /* n=5  */ 0, 9511, 5878, -5878, -9511,
    /* n=6  */ 0, 8660, 8660, 0, -8660, -8660,
    /* n=7  */ 0, 7818, 9749, 4339, -4339, -9749, -7818,
    /* n=8  */ 0, 7071, 10000, 7071, 0, -7071, -10000, -7071,
    /* n=9  */ 0, 6428, 9848, 8660, 3420, -3420, -8660, -9848, -6428,
    /* n=10 */ 0, 5878, 9511, 9511, 5878, 0, -5878, -9511, -9511, -5878,
    /* n=11 */ 0, 5406, 9096, 9898, 7557, 2817, -2817, -7557, -9898, -9096, -5406,
    /* n=12 */ 0, 5000, 8660, 10000, 8660, 5000, 0, -5000, -8660, -10000, -8660, -5000,
};
static const short trig_cos[] = {
    /* n=3  */ 10000, -5000, -5000,
    /* n=4  */ 10000, 0, -10000, 0,
    /* n=5  */ 10000, 3090, -8090, -8090, 3090,
    /* n=6  */ 10000, 5000, -5000, -10000, -5000, 5000,
    /* n=7  */ 10000, 6235, -2225, -9010, -9010, -2225, 6235,
    /* n=8  */ 10000, 7071, 0, -7071, -10000, -7071, 0, 7071,
    /* n=9  */ 10000, 7660, 1736, -5000, -9397, -9397, -5000, 1736, 7660,
    /* n=10 */ 10000, 8090, 3090, -3090, -8090, -10000, -8090, -3090, 3090, 8090,
    /* n=11 */ 10000, 8413, 4154, -1423, -6549, -9595, -9595, -6549, -1423, 4154, 8413,
    /* n=12 */ 10000, 8660, 5000, 0, -5000, -8660, -10000, -8660, -5000, 0, 5000, 8660,
};
/* Offset of row n: 3 + 4 + ... + (n-1). */
#define TRIG_ROW(n) ((size_t)(((n) * ((n)-1)) / 2 - 3))

_Static_assert(sizeof(trig_sin) / sizeof(trig_sin[0]) == TRIG_ROW(RADAR_MAX + 1),
               "one sin per axis of every chart size");
_Static_assert(sizeof(trig_cos) / sizeof(trig_cos[0]) == TRIG_ROW(RADAR_MAX + 1),
               "one cos per axis of every chart size");

/* Geometry in tenths of a pixel. */
#define R_CX 2150
#define R_CY 1900
#define R_RADIUS 1350
#define R_WIDTH 430
#define R_HEIGHT 380

/* The point at @p frac_num / @p frac_den of the radius on axis k of n. */
static void radar_point(int64_t frac_num, int64_t frac_den, size_t k, size_t n, int64_t extra,
                        int64_t *x, int64_t *y)
{
    int64_t s = trig_sin[TRIG_ROW(n) + k], c = trig_cos[TRIG_ROW(n) + k];
    int64_t rad = pk_html_div_round(R_RADIUS * frac_num, frac_den) + extra;
    *x = R_CX + pk_html_div_round(rad * s, 10000);
    *y = R_CY - pk_html_div_round(rad * c, 10000);
}

static void point_pair(pekppp_sink *sink, int64_t x, int64_t y)
{
    pk_html_coord(sink, x);
    puts_(sink, ",");
    pk_html_coord(sink, y);
}

/* What an aspect is called on an axis: its code, else its name. */
const char *pk_html_aspect_label(const pekppp_aspect *a)
{
    return a->code && a->code[0] ? a->code : a->name;
}

/* The aspect scores in words, for <desc> and the fallback: "I Name 4.51; ...". */
static void scores_in_words(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    size_t i;
    for (i = 0; i < r->naspects; i++) {
        if (i)
            puts_(sink, "; ");
        if (r->aspects[i].code) {
            pk_html_text(sink, r->aspects[i].code);
            puts_(sink, " ");
        }
        pk_html_text(sink, r->aspects[i].name);
        puts_(sink, " ");
        if (res->aspects[i].left_out)
            pk_html_msg(sink, lang, M_NA);
        else
            pk_html_fixed(sink, res->aspects[i].rounded, r->decimals);
    }
}

/* Aspect k's score as a point: a left-out aspect sits at the centre, a
 * score off the scale at its edge. */
static void score_point(const pekppp_result *res, size_t k, int64_t *x, int64_t *y)
{
    const pekppp_rubric *r = res->rubric;
    int64_t unit = pk_html_pow10(r->decimals), lo = (int64_t)r->scale_min * unit,
            full = (int64_t)(r->scale_max - r->scale_min) * unit;
    int64_t v = res->aspects[k].left_out ? lo : res->aspects[k].rounded;
    if (v < lo)
        v = lo;
    if (v > lo + full)
        v = lo + full;
    radar_point(v - lo, full > 0 ? full : 1, k, r->naspects, 0, x, y);
}

/* Rings (one per @p step levels above the minimum, which is the centre),
 * one axis per aspect, and the level numbers up the first axis. */
static void radar_grid(pekppp_sink *sink, const pekppp_rubric *r, int step)
{
    size_t n = r->naspects, k;
    int span = r->scale_max - r->scale_min, lv;
    int64_t x, y;
    for (lv = step; lv <= span; lv += step) {
        pk_sink_printf(sink, "<polygon class=\"ring%s\" points=\"", lv == span ? " outer" : "");
        for (k = 0; k < n; k++) {
            radar_point(lv, span, k, n, 0, &x, &y);
            if (k)
                puts_(sink, " ");
            point_pair(sink, x, y);
        }
        puts_(sink, "\"/>\n");
    }
    for (k = 0; k < n; k++) {
        radar_point(1, 1, k, n, 0, &x, &y);
        puts_(sink, "<line class=\"axis\" x1=\"");
        pk_html_coord(sink, R_CX);
        puts_(sink, "\" y1=\"");
        pk_html_coord(sink, R_CY);
        puts_(sink, "\" x2=\"");
        pk_html_coord(sink, x);
        puts_(sink, "\" y2=\"");
        pk_html_coord(sink, y);
        puts_(sink, "\"/>\n");
    }
    for (lv = 0; lv <= span; lv += step) {
        radar_point(lv, span, 0, n, 0, &x, &y);
        puts_(sink, "<text class=\"tick\" x=\"");
        pk_html_coord(sink, x + 40);
        puts_(sink, "\" y=\"");
        pk_html_coord(sink, y - 20);
        pk_sink_printf(sink, "\">%d</text>\n", r->scale_min + lv);
    }
}

static void score_text(pekppp_sink *sink, const pekppp_result *res, size_t k, pekppp_lang lang)
{
    if (res->aspects[k].left_out)
        pk_html_msg(sink, lang, M_NA);
    else
        pk_html_fixed(sink, res->aspects[k].rounded, res->rubric->decimals);
}

/* Aspect k's point (with its name and score as a tooltip) and its label
 * outside the outer ring. */
static void radar_label(pekppp_sink *sink, const pekppp_result *res, size_t k, pekppp_lang lang)
{
    const pekppp_aspect *a = &res->rubric->aspects[k];
    size_t n = res->rubric->naspects;
    int s = trig_sin[TRIG_ROW(n) + k], c = trig_cos[TRIG_ROW(n) + k];
    const char *anchor = s > 1500 ? "start" : s < -1500 ? "end" : "middle";
    int64_t dy = c > 3000 ? -30 : c < -3000 ? 120 : 45, x, y;
    score_point(res, k, &x, &y);
    puts_(sink, "<circle class=\"pt\" r=\"4\" cx=\"");
    pk_html_coord(sink, x);
    puts_(sink, "\" cy=\"");
    pk_html_coord(sink, y);
    puts_(sink, "\"><title>");
    if (a->code) {
        pk_html_text(sink, a->code);
        puts_(sink, " ");
    }
    pk_html_text(sink, a->name);
    puts_(sink, ": ");
    score_text(sink, res, k, lang);
    puts_(sink, "</title></circle>\n");
    radar_point(1, 1, k, n, 120, &x, &y);
    pk_sink_printf(sink, "<text class=\"lbl\" text-anchor=\"%s\" x=\"", anchor);
    pk_html_coord(sink, x);
    puts_(sink, "\" y=\"");
    pk_html_coord(sink, y + dy);
    puts_(sink, "\">");
    pk_html_text(sink, pk_html_aspect_label(a));
    puts_(sink, " <tspan class=\"val\">");
    score_text(sink, res, k, lang);
    puts_(sink, "</tspan></text>\n");
}

static void radar(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    size_t n = r->naspects, k;
    int span = r->scale_max - r->scale_min, step = 1;
    int64_t x, y;
    while (span / step > 10) /* at most ten rings on a wide scale */
        step++;
    pk_sink_printf(sink, "<svg class=\"radar\" id=\"radar\" role=\"img\" viewBox=\"0 0 %d %d\" "
                         "width=\"%d\" height=\"%d\" aria-labelledby=\"radar-t radar-d\" "
                         "data-axes=\"%zu\">\n<title id=\"radar-t\">",
                   R_WIDTH, R_HEIGHT, R_WIDTH, R_HEIGHT, n);
    pk_html_msg(sink, lang, M_H_RADAR);
    puts_(sink, "</title>\n<desc id=\"radar-d\">");
    pk_html_msg(sink, lang, M_H_RADAR_DESC);
    pk_sink_printf(sink, " %d–%d: ", r->scale_min, r->scale_max);
    scores_in_words(sink, res, lang);
    puts_(sink, "</desc>\n");
    radar_grid(sink, r, step);
    puts_(sink, "<polygon class=\"area\" points=\"");
    for (k = 0; k < n; k++) {
        score_point(res, k, &x, &y);
        if (k)
            puts_(sink, " ");
        point_pair(sink, x, y);
    }
    puts_(sink, "\"/>\n");
    for (k = 0; k < n; k++)
        radar_label(sink, res, k, lang);
    puts_(sink, "</svg>\n");
}

/* More aspects than the radar table holds (or fewer than three): bars. */
static void bar_list(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    int64_t unit = pk_html_pow10(r->decimals), lo = (int64_t)r->scale_min * unit,
            full = (int64_t)(r->scale_max - r->scale_min) * unit;
    size_t i;
    puts_(sink, "<ul class=\"bars\" id=\"aspect-bars\" aria-label=\"");
    pk_html_msg(sink, lang, M_H_ASPECT_SCORES);
    puts_(sink, "\">\n");
    for (i = 0; i < r->naspects; i++) {
        const pk_aspect_result *ar = &res->aspects[i];
        int64_t v = ar->left_out ? lo : ar->rounded, permille;
        if (v < lo)
            v = lo;
        if (v > lo + full)
            v = lo + full;
        permille = full > 0 ? pk_html_div_round((v - lo) * 1000, full) : 0;
        puts_(sink, "<li><span>");
        pk_html_text(sink, pk_html_aspect_label(&r->aspects[i]));
        puts_(sink,
              "</span><span class=\"track\"><span class=\"fill\" style=\"display:block;width:");
        pk_html_fixed(sink, permille, 1);
        puts_(sink, "%\"></span></span><span class=\"n\">");
        if (ar->left_out)
            pk_html_msg(sink, lang, M_NA);
        else
            pk_html_fixed(sink, ar->rounded, r->decimals);
        puts_(sink, "</span></li>\n");
    }
    puts_(sink, "</ul>\n");
}

void pk_html_grade_chart(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang)
{
    const pekppp_rubric *r = b->rubric;
    size_t i, most = 0;
    const int bar = 40, gap = 16, left = 12, top = 24, height = 150;
    int width = left * 2 + (int)r->nbands * (bar + gap) - gap, total = top + height + 28;
    for (i = 0; i < r->nbands; i++)
        if (b->grade_counts[i] > most)
            most = b->grade_counts[i];
    pk_sink_printf(sink,
                   "<svg class=\"gchart\" id=\"grade-chart\" role=\"img\" viewBox=\"0 0 %d %d\" "
                   "width=\"%d\" height=\"%d\" aria-labelledby=\"gchart-t gchart-d\">\n"
                   "<title id=\"gchart-t\">",
                   width, total, width, total);
    pk_html_msg(sink, lang, M_H_UNITS_PER_GRADE);
    puts_(sink, "</title>\n<desc id=\"gchart-d\">");
    pk_html_msg(sink, lang, M_H_BARS_DESC);
    puts_(sink, ":");
    for (i = 0; i < r->nbands; i++) {
        puts_(sink, i ? ", " : " ");
        pk_html_text(sink, r->bands[i].grade);
        pk_sink_printf(sink, " %zu", b->grade_counts[i]);
    }
    puts_(sink, "</desc>\n");
    for (i = 0; i < r->nbands; i++) {
        int x = left + (int)i * (bar + gap);
        int h = most ? (int)pk_html_div_round((int64_t)height * (int64_t)b->grade_counts[i],
                                              (int64_t)most)
                     : 0;
        pk_sink_printf(sink, "<rect class=\"bar f%d\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                             "data-count=\"%zu\" data-grade=\"",
                       pk_html_band_colour(r, &r->bands[i]), x, top + height - h, bar, h,
                       b->grade_counts[i]);
        pk_html_text(sink, r->bands[i].grade);
        puts_(sink, "\"><title>");
        pk_html_text(sink, r->bands[i].grade);
        puts_(sink, " ");
        pk_html_text(sink, r->bands[i].label);
        pk_sink_printf(sink, ": %zu</title></rect>\n", b->grade_counts[i]);
        pk_sink_printf(sink,
                       "<text class=\"cnt\" text-anchor=\"middle\" x=\"%d\" y=\"%d\">%zu</text>\n",
                       x + bar / 2, top + height - h - 6, b->grade_counts[i]);
        pk_sink_printf(sink, "<text class=\"gl\" text-anchor=\"middle\" x=\"%d\" y=\"%d\">",
                       x + bar / 2, top + height + 20);
        pk_html_text(sink, r->bands[i].grade);
        puts_(sink, "</text>\n");
    }
    pk_sink_printf(sink, "<line class=\"base\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n</svg>\n",
                   left - 6, top + height, width - left + 6, top + height);
}

void pk_html_aspect_chart(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    size_t n = res->rubric->naspects;
    if (n >= RADAR_MIN && n <= RADAR_MAX)
        radar(sink, res, lang);
    else
        bar_list(sink, res, lang);
}
