/*
 * HTML reports: one self-contained page per unit or per batch.
 *
 * A page is one file: inline CSS in <style>, charts as inline SVG drawn here,
 * nothing fetched (a Content-Security-Policy forbids every fetch), and no
 * script needed to read it.  The unit page has no script at all; the batch
 * page ends with one small fixed script that makes the ranking sortable, and
 * the policy lets only that script run (by its SHA-256).
 *
 * Safety: every text that comes from an input file (unit fields, rubric
 * texts, ids, file names, messages quoting them) goes through esc(), which
 * writes & < > " ' as entities, in text and in attributes alike (attributes
 * are always quoted with ").  Nothing from an input is written inside
 * <style> or <script>; band colours and heatmap shades are fixed classes
 * picked by position.
 *
 * Exactness: every number is a rounded integer (units of 10^-decimals)
 * formatted by pk_fixed_point/pk_fixed_format.  Chart coordinates are
 * integers too: the radar uses a table of sin/cos values scaled by 10^4 and
 * integer multiplication and division, and prints tenths of a pixel.  No
 * floating point, like the rest of the library.
 */
#include "batch_internal.h"
#include "report_internal.h"
#include "plan_internal.h"

#include <string.h>

#include "msg.h"
#include "sha256.h"

/* ------------------------------------------------------------------ */
/* Writing                                                              */
/* ------------------------------------------------------------------ */

#define puts_ pekppp_sink_puts

/* Text from an input (or the catalogue), for element content and for
 * attribute values quoted with ".  Control characters other than tab and
 * line feed become '?', as in the text report. */
static void esc(pekppp_sink *sink, const char *s)
{
    const char *run = s;
    if (!s)
        return;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        const char *rep = NULL;
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
                rep = "?";
            break;
        }
        if (rep) {
            pekppp_sink_write(sink, run, (size_t)(s - run));
            puts_(sink, rep);
            run = s + 1;
        }
    }
    pekppp_sink_write(sink, run, (size_t)(s - run));
}

/* A catalogue message, escaped like any text. */
static void msg(pekppp_sink *sink, pekppp_lang lang, pk_msg_id id)
{
    esc(sink, pk_msg(lang, id));
}

static void fixed(pekppp_sink *sink, int64_t units, int decimals)
{
    pk_fixed_point(sink, units, decimals, '.', 0);
}

/* A 10^4-scaled decimal without trailing zeros (weights). */
static void dec_short(pekppp_sink *sink, int64_t scaled)
{
    char buf[48];
    if (pk_dec_format_short(buf, sizeof(buf), scaled) > 0)
        puts_(sink, buf);
}

/* a / b rounded half away from zero; b > 0. */
static int64_t div_round(int64_t a, int64_t b)
{
    return a >= 0 ? (a + b / 2) / b : -((-a + b / 2) / b);
}

static int64_t pow10i(int n)
{
    int64_t p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}

/* Tenths of a pixel as "123.4". */
static void coord(pekppp_sink *sink, int64_t tenths)
{
    fixed(sink, tenths, 1);
}

/* ------------------------------------------------------------------ */
/* Page frame                                                           */
/* ------------------------------------------------------------------ */

/* Fixed style: nothing from an input ever goes here.  Band colours .c0-.c8
 * (green at the top bands to red at the bottom ones, picked by position) and
 * heatmap shades .h0-.h8 (light to dark, so they read in greyscale too; the
 * number is always written in the cell). */
static const char *const css[] = {
    ":root{--ink:#1b1f24;--mute:#57606a;--line:#d0d7de;--soft:#f3f5f7;--accent:#1f5ea8}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-text-size-adjust:100%}\n"
    "body{margin:0;background:#fff;color:var(--ink);"
    "font:15px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"DejaVu Sans\","
    "Arial,sans-serif}\n"
    "main{max-width:1120px;margin:0 auto;padding:24px 28px 40px}\n"
    "h1{font-size:1.75em;line-height:1.2;margin:.15em 0}\n"
    "h2{font-size:1.25em;margin:0 0 .6em;padding-bottom:.2em;border-bottom:2px solid var(--ink)}\n"
    "h3{font-size:1.05em;margin:1.2em 0 .4em}\n"
    "section,footer{margin:30px 0 0}\n"
    "code,.mono{font-family:ui-monospace,\"DejaVu Sans Mono\",Consolas,monospace;font-size:.92em}\n"
    ".kicker{margin:0;color:var(--mute);font-size:.78em;letter-spacing:.07em;text-transform:uppercase}\n"
    ".uid{margin:0 0 .8em;color:var(--mute)}\n"
    ".hint{color:var(--mute);font-size:.9em;margin:.2em 0 .6em}\n"
    ".top{display:flex;flex-wrap:wrap;gap:20px 32px;justify-content:space-between;"
    "align-items:flex-start;padding-bottom:18px;border-bottom:1px solid var(--line)}\n"
    ".ident{flex:1 1 360px;min-width:0}\n"
    ".meta{display:grid;grid-template-columns:max-content 1fr;gap:3px 16px;margin:0}\n"
    ".meta dt{color:var(--mute)}\n"
    ".meta dd{margin:0;overflow-wrap:anywhere}\n"
    ".scorebox{flex:0 0 auto;min-width:250px;text-align:right}\n"
    ".idx-label{color:var(--mute);font-size:.9em}\n"
    ".idx{font-size:4.4em;font-weight:700;line-height:1.05;font-variant-numeric:tabular-nums}\n"
    ".next{margin:.45em 0 .3em;color:var(--mute)}\n"
    ".parts{margin:.2em 0 0;font-size:.9em;color:var(--mute)}\n"
    ".badge{display:inline-block;padding:.2em .65em;border-radius:6px;font-weight:700;"
    "border:2px solid rgba(0,0,0,.35);white-space:nowrap}\n"
    ".badge .g{font-size:1.35em;margin-right:.35em}\n"
    ".badge.sm{padding:0 .45em;border-width:1px;font-weight:600}\n"
    ".badge.sm .g{font-size:1.1em}\n"
    ".c0{background:#1b7837;color:#fff}.c1{background:#4d9221;color:#fff}"
    ".c2{background:#8cc152;color:#111}.c3{background:#c2e08a;color:#111}"
    ".c4{background:#fee08b;color:#111}.c5{background:#fdae61;color:#111}"
    ".c6{background:#f46d43;color:#111}.c7{background:#d73027;color:#fff}"
    ".c8{background:#a50026;color:#fff}\n"
    ".f0{fill:#1b7837}.f1{fill:#4d9221}.f2{fill:#8cc152}.f3{fill:#c2e08a}.f4{fill:#fee08b}"
    ".f5{fill:#fdae61}.f6{fill:#f46d43}.f7{fill:#d73027}.f8{fill:#a50026}\n",
    "table{border-collapse:collapse;width:100%;margin:.3em 0 .6em}\n"
    "caption{caption-side:top;text-align:left;color:var(--mute);font-size:.9em;padding:0 0 .3em}\n"
    "th,td{padding:.34em .55em;border-bottom:1px solid var(--line);text-align:left;"
    "vertical-align:top}\n"
    "thead th{background:var(--soft);border-bottom:2px solid #8c959f;white-space:nowrap}\n"
    "th.n,td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    "td.id,th.id{white-space:nowrap}\n"
    "tr.grp th{background:#fafbfc;font-weight:700;border-top:2px solid var(--line)}\n"
    "tr.na td{color:var(--mute)}\n"
    ".lost{color:#b42318}\n"
    ".warn{border-left:4px solid #b42318;padding:.3em .8em}\n"
    ".zero{color:var(--mute)}\n"
    "details summary{cursor:pointer}\n"
    "details[open] summary{margin-bottom:.4em;font-weight:600}\n"
    ".more{border-left:3px solid var(--line);padding:.1em 0 .1em .8em;font-size:.93em}\n"
    ".more p{margin:.5em 0 .2em;font-weight:600}\n"
    ".more ul,td ul{margin:.1em 0;padding-left:1.2em}\n"
    "ol.levels{list-style:none;margin:.1em 0;padding:0}\n"
    "ol.levels li{padding:.12em .3em .12em 2.1em;text-indent:-1.8em;border-radius:4px}\n"
    "ol.levels li.cur{background:#e7f0fb;outline:2px solid var(--accent)}\n"
    "ol.levels .lv{display:inline-block;min-width:1.8em;text-indent:0;font-weight:700}\n"
    ".mark{font-weight:700;color:var(--accent);white-space:nowrap}\n",
    ".aspects{display:flex;flex-wrap:wrap;gap:16px 28px;align-items:flex-start}\n"
    ".aspects>figure{flex:0 0 430px;margin:0}\n"
    ".aspects>.tbl{flex:1 1 440px;min-width:0}\n"
    "svg{max-width:100%;height:auto;overflow:visible}\n"
    "svg text{font-family:inherit}\n"
    ".radar .ring{fill:none;stroke:#c9d1d9;stroke-width:1}\n"
    ".radar .ring.outer{stroke:#8c959f}\n"
    ".radar .axis{stroke:#8c959f;stroke-width:1}\n"
    ".radar .area{fill:rgba(31,94,168,.22);stroke:var(--accent);stroke-width:2.5;"
    "stroke-linejoin:round}\n"
    ".radar .pt{fill:var(--accent)}\n"
    ".radar .lbl{font-size:13px;font-weight:700;fill:#1b1f24}\n"
    ".radar .val{font-size:12px;font-weight:400;fill:#424a53}\n"
    ".radar .tick{font-size:10px;fill:#6e7781}\n"
    ".bars{list-style:none;margin:0;padding:0}\n"
    ".bars li{display:grid;grid-template-columns:minmax(8em,14em) 1fr 4em;gap:8px;align-items:center;"
    "margin:3px 0}\n"
    ".bars .track{background:var(--soft);border:1px solid var(--line);height:14px}\n"
    ".bars .fill{background:var(--accent);height:100%}\n"
    ".gchart .bar{stroke:#424a53;stroke-width:1}\n"
    ".gchart .cnt{font-size:13px;font-weight:700;fill:#1b1f24}\n"
    ".gchart .gl{font-size:13px;fill:#1b1f24}\n"
    ".gchart .base{stroke:#424a53}\n"
    ".summary{display:flex;flex-wrap:wrap;gap:16px 40px;align-items:flex-start}\n"
    ".summary>dl{flex:1 1 300px}\n"
    ".summary>figure{flex:0 0 auto;margin:0}\n"
    "figcaption{color:var(--mute);font-size:.9em}\n",
    "table.hm td{text-align:center;font-variant-numeric:tabular-nums;border:1px solid #fff;"
    "min-width:3.6em}\n"
    "table.hm thead th{text-align:center}\n"
    "table.hm tbody th{font-weight:400}\n"
    ".sub{color:var(--mute);font-size:.8em}\n"
    ".h0{background:#ffffe5}.h1{background:#f7fcb9}.h2{background:#d9f0a3}.h3{background:#addd8e}"
    ".h4{background:#78c679}.h5{background:#41ab5d;color:#fff}.h6{background:#238443;color:#fff}"
    ".h7{background:#006837;color:#fff}.h8{background:#004529;color:#fff}\n"
    "td.nv{background:#fff;color:var(--mute)}\n"
    "button.sort{font:inherit;font-weight:700;color:inherit;background:none;border:0;padding:0;"
    "cursor:pointer;text-align:inherit}\n"
    "th[aria-sort=ascending] button.sort::after{content:\" \\25B2\"}\n"
    "th[aria-sort=descending] button.sort::after{content:\" \\25BC\"}\n"
    "ul.errors li{margin:.2em 0}\n"
    "ul.notes li{margin:.2em 0}\n"
    "table.receipt th{width:12em;font-weight:600;color:var(--mute)}\n"
    "table.receipt td{overflow-wrap:anywhere}\n",
    "@media (max-width:700px){main{padding:14px}.scorebox{text-align:left}"
    ".aspects>figure{flex:1 1 100%}}\n"
    "@media print{\n"
    "@page{size:A4;margin:14mm 13mm}\n"
    "body{font-size:10pt;color:#000}\n"
    ".idx{font-size:3.6em}\n"
    "main{max-width:none;padding:0}\n"
    ".pb{break-before:page;page-break-before:always}\n"
    "section,footer{margin-top:14px}\n"
    ".aspects>figure{flex:0 0 300px}\n"
    ".aspects>.tbl{flex:1 1 300px}\n"
    "tr,li,figure,.top,details{break-inside:avoid;page-break-inside:avoid}\n"
    "thead{display:table-header-group}\n"
    ".badge,thead th,tr.grp th,ol.levels li.cur,table.hm td{background:none!important;"
    "color:#000!important}\n"
    ".badge{border-color:#000}\n"
    "table.hm td{border:1px solid #999}\n"
    "button.sort::after{content:none!important}\n"
    "}\n",
};

static void page_start(pekppp_sink *sink, pekppp_lang lang, const char *script_hash)
{
    puts_(sink, "<!DOCTYPE html>\n<html lang=\"");
    puts_(sink, lang == PEKPPP_LANG_EN ? "en" : "id");
    puts_(sink, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                "style-src 'unsafe-inline'; script-src ");
    if (script_hash) {
        puts_(sink, "'sha256-");
        puts_(sink, script_hash);
        puts_(sink, "'");
    } else {
        puts_(sink, "'none'");
    }
    puts_(sink, "\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<meta name=\"generator\" content=\"pekppp " PEKPPP_VERSION "\">\n<title>");
}

/* After the title: the style, and the body opens. */
static void page_body(pekppp_sink *sink, const char *kind)
{
    size_t i;
    puts_(sink, "</title>\n<style>\n");
    for (i = 0; i < sizeof(css) / sizeof(css[0]); i++)
        puts_(sink, css[i]);
    pk_sink_printf(sink, "</style>\n</head>\n<body class=\"%s\">\n<main>\n", kind);
}

/* The band's colour class: a fixed palette of nine, spread over the bands by
 * position (the top band green, the bottom one red). */
static int band_colour(const pekppp_rubric *r, const pekppp_band *b)
{
    size_t pos, n = r->nbands;
    if (!b || n < 2)
        return 0;
    pos = (size_t)(b - r->bands);
    return (int)((pos * 8 * 2 + (n - 1)) / (2 * (n - 1)));
}

/* Grade and label in the band's colour; the text is always there. */
static void badge(pekppp_sink *sink, const pekppp_rubric *r, const pekppp_band *b, int small,
                  int with_label)
{
    if (!b)
        return;
    pk_sink_printf(sink, "<span class=\"badge%s c%d\"><span class=\"g\">", small ? " sm" : "",
                   band_colour(r, b));
    esc(sink, b->grade);
    puts_(sink, "</span>");
    if (with_label) {
        puts_(sink, "<span class=\"l\">");
        esc(sink, b->label);
        puts_(sink, "</span>");
    }
    puts_(sink, "</span>");
}

/* A heading cell of a table: <th scope="col"> with an optional class. */
static void th_col(pekppp_sink *sink, pekppp_lang lang, pk_msg_id id, const char *cls)
{
    puts_(sink, "<th scope=\"col\"");
    if (cls)
        pk_sink_printf(sink, " class=\"%s\"", cls);
    puts_(sink, ">");
    msg(sink, lang, id);
    puts_(sink, "</th>");
}

static void receipt_row(pekppp_sink *sink, const char *label, const char *value, int code)
{
    puts_(sink, "<tr><th scope=\"row\">");
    esc(sink, label);
    puts_(sink, code ? "</th><td><code>" : "</th><td>");
    esc(sink, value);
    puts_(sink, code ? "</code></td></tr>\n" : "</td></tr>\n");
}

/* The receipt: tool, rubric and its hash, input file and its hash, time. */
static void receipt(pekppp_sink *sink, const pekppp_rubric *r, const char *file, const char *sha,
                    const pekppp_report_options *o)
{
    pekppp_lang lang = o->lang;
    puts_(sink, "<footer id=\"receipt\">\n<h2>");
    msg(sink, lang, M_H_RECEIPT);
    puts_(sink, "</h2>\n<table class=\"receipt\">\n<tbody>\n");
    receipt_row(sink, pk_msg(lang, M_H_TOOL), "pekppp " PEKPPP_VERSION, 0);
    puts_(sink, "<tr><th scope=\"row\">");
    msg(sink, lang, M_RUBRIC);
    puts_(sink, "</th><td><span class=\"rubric-id\">");
    esc(sink, r->id);
    puts_(sink, "</span> ");
    msg(sink, lang, M_VERSION);
    puts_(sink, " <span class=\"rubric-version\">");
    esc(sink, r->version);
    puts_(sink, "</span></td></tr>\n");
    receipt_row(sink, "SHA-256", r->sha256, 1);
    if (file) {
        receipt_row(sink, pk_msg(lang, M_H_INPUT), file, 1);
        if (sha && sha[0])
            receipt_row(sink, "SHA-256", sha, 1);
    }
    if (o->timestamp)
        receipt_row(sink, pk_msg(lang, M_H_GENERATED), o->timestamp, 0);
    puts_(sink, "</tbody>\n</table>\n</footer>\n");
}

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
    int64_t rad = div_round(R_RADIUS * frac_num, frac_den) + extra;
    *x = R_CX + div_round(rad * s, 10000);
    *y = R_CY - div_round(rad * c, 10000);
}

static void point_pair(pekppp_sink *sink, int64_t x, int64_t y)
{
    coord(sink, x);
    puts_(sink, ",");
    coord(sink, y);
}

/* What an aspect is called on an axis: its code, else its name. */
static const char *aspect_label(const pekppp_aspect *a)
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
            esc(sink, r->aspects[i].code);
            puts_(sink, " ");
        }
        esc(sink, r->aspects[i].name);
        puts_(sink, " ");
        if (res->aspects[i].left_out)
            msg(sink, lang, M_NA);
        else
            fixed(sink, res->aspects[i].rounded, r->decimals);
    }
}

static void radar(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    size_t n = r->naspects, k;
    int span = r->scale_max - r->scale_min, step = 1, lv;
    int64_t unit = pow10i(r->decimals), lo = (int64_t)r->scale_min * unit,
            full = (int64_t)span * unit, x, y;
    while (span / step > 10) /* at most ten rings on a wide scale */
        step++;
    pk_sink_printf(sink, "<svg class=\"radar\" id=\"radar\" role=\"img\" viewBox=\"0 0 %d %d\" "
                         "width=\"%d\" height=\"%d\" aria-labelledby=\"radar-t radar-d\" "
                         "data-axes=\"%zu\">\n<title id=\"radar-t\">",
                   R_WIDTH, R_HEIGHT, R_WIDTH, R_HEIGHT, n);
    msg(sink, lang, M_H_RADAR);
    puts_(sink, "</title>\n<desc id=\"radar-d\">");
    msg(sink, lang, M_H_RADAR_DESC);
    pk_sink_printf(sink, " %d–%d: ", r->scale_min, r->scale_max);
    scores_in_words(sink, res, lang);
    puts_(sink, "</desc>\n");
    /* Rings: one per level above the minimum (the minimum is the centre). */
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
    /* Axes, one per aspect. */
    for (k = 0; k < n; k++) {
        radar_point(1, 1, k, n, 0, &x, &y);
        puts_(sink, "<line class=\"axis\" x1=\"");
        coord(sink, R_CX);
        puts_(sink, "\" y1=\"");
        coord(sink, R_CY);
        puts_(sink, "\" x2=\"");
        coord(sink, x);
        puts_(sink, "\" y2=\"");
        coord(sink, y);
        puts_(sink, "\"/>\n");
    }
    /* Level numbers up the first axis. */
    for (lv = 0; lv <= span; lv += step) {
        radar_point(lv, span, 0, n, 0, &x, &y);
        puts_(sink, "<text class=\"tick\" x=\"");
        coord(sink, x + 40);
        puts_(sink, "\" y=\"");
        coord(sink, y - 20);
        pk_sink_printf(sink, "\">%d</text>\n", r->scale_min + lv);
    }
    /* The scores: a left-out aspect sits at the centre. */
    puts_(sink, "<polygon class=\"area\" points=\"");
    for (k = 0; k < n; k++) {
        int64_t v = res->aspects[k].left_out ? lo : res->aspects[k].rounded;
        if (v < lo)
            v = lo;
        if (v > lo + full)
            v = lo + full;
        radar_point(v - lo, full > 0 ? full : 1, k, n, 0, &x, &y);
        if (k)
            puts_(sink, " ");
        point_pair(sink, x, y);
    }
    puts_(sink, "\"/>\n");
    for (k = 0; k < n; k++) {
        const pekppp_aspect *a = &r->aspects[k];
        const pk_aspect_result *ar = &res->aspects[k];
        int64_t v = ar->left_out ? lo : ar->rounded;
        int s = trig_sin[TRIG_ROW(n) + k], c = trig_cos[TRIG_ROW(n) + k];
        const char *anchor = s > 1500 ? "start" : s < -1500 ? "end" : "middle";
        int64_t dy = c > 3000 ? -30 : c < -3000 ? 120 : 45;
        if (v < lo)
            v = lo;
        if (v > lo + full)
            v = lo + full;
        radar_point(v - lo, full > 0 ? full : 1, k, n, 0, &x, &y);
        puts_(sink, "<circle class=\"pt\" r=\"4\" cx=\"");
        coord(sink, x);
        puts_(sink, "\" cy=\"");
        coord(sink, y);
        puts_(sink, "\"><title>");
        if (a->code) {
            esc(sink, a->code);
            puts_(sink, " ");
        }
        esc(sink, a->name);
        puts_(sink, ": ");
        if (ar->left_out)
            msg(sink, lang, M_NA);
        else
            fixed(sink, ar->rounded, r->decimals);
        puts_(sink, "</title></circle>\n");
        radar_point(1, 1, k, n, 120, &x, &y);
        pk_sink_printf(sink, "<text class=\"lbl\" text-anchor=\"%s\" x=\"", anchor);
        coord(sink, x);
        puts_(sink, "\" y=\"");
        coord(sink, y + dy);
        puts_(sink, "\">");
        esc(sink, aspect_label(a));
        puts_(sink, " <tspan class=\"val\">");
        if (ar->left_out)
            msg(sink, lang, M_NA);
        else
            fixed(sink, ar->rounded, r->decimals);
        puts_(sink, "</tspan></text>\n");
    }
    puts_(sink, "</svg>\n");
}

/* More aspects than the radar table holds (or fewer than three): bars. */
static void bar_list(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    int64_t unit = pow10i(r->decimals), lo = (int64_t)r->scale_min * unit,
            full = (int64_t)(r->scale_max - r->scale_min) * unit;
    size_t i;
    puts_(sink, "<ul class=\"bars\" id=\"aspect-bars\" aria-label=\"");
    msg(sink, lang, M_H_ASPECT_SCORES);
    puts_(sink, "\">\n");
    for (i = 0; i < r->naspects; i++) {
        const pk_aspect_result *ar = &res->aspects[i];
        int64_t v = ar->left_out ? lo : ar->rounded, permille;
        if (v < lo)
            v = lo;
        if (v > lo + full)
            v = lo + full;
        permille = full > 0 ? div_round((v - lo) * 1000, full) : 0;
        puts_(sink, "<li><span>");
        esc(sink, aspect_label(&r->aspects[i]));
        puts_(sink, "</span><span class=\"track\"><span class=\"fill\" style=\"display:block;width:");
        fixed(sink, permille, 1);
        puts_(sink, "%\"></span></span><span class=\"n\">");
        if (ar->left_out)
            msg(sink, lang, M_NA);
        else
            fixed(sink, ar->rounded, r->decimals);
        puts_(sink, "</span></li>\n");
    }
    puts_(sink, "</ul>\n");
}

/* ------------------------------------------------------------------ */
/* The unit page                                                        */
/* ------------------------------------------------------------------ */

static void meta_row(pekppp_sink *sink, pekppp_lang lang, pk_msg_id label, const char *value,
                     const char *cls)
{
    if (!value)
        return;
    puts_(sink, "<dt>");
    msg(sink, lang, label);
    pk_sink_printf(sink, "</dt><dd class=\"%s\">", cls);
    esc(sink, value);
    puts_(sink, "</dd>\n");
}

static void unit_header(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    const pekppp_assessment *a = res->assessment;
    const pekppp_rubric *r = res->rubric;
    int64_t gap = 0;
    const pekppp_band *next = pk_next_band(res, &gap);

    puts_(sink, "<header class=\"top\" id=\"top\">\n<div class=\"ident\">\n<p class=\"kicker\">");
    msg(sink, lang, M_H_UNIT_REPORT);
    puts_(sink, "</p>\n<h1 id=\"unit-name\">");
    esc(sink, a->unit_name);
    puts_(sink, "</h1>\n<p class=\"uid\">ID <code id=\"unit-id\">");
    esc(sink, a->unit_id);
    puts_(sink, "</code></p>\n<dl class=\"meta\">\n");
    meta_row(sink, lang, M_INSTITUTION, a->institution, "institution");
    meta_row(sink, lang, M_CATEGORY, a->category, "category");
    meta_row(sink, lang, M_PERIOD, a->period, "period");
    meta_row(sink, lang, M_ASSESSOR, a->assessor, "assessor");
    puts_(sink, "<dt>");
    msg(sink, lang, M_RUBRIC);
    puts_(sink, "</dt><dd class=\"rubric\">");
    if (r->title) {
        esc(sink, r->title);
        puts_(sink, "<br>");
    }
    puts_(sink, "<code>");
    esc(sink, r->id);
    puts_(sink, "</code> ");
    msg(sink, lang, M_VERSION);
    puts_(sink, " <code>");
    esc(sink, r->version);
    puts_(sink, "</code>");
    if (r->regulation) {
        puts_(sink, " (");
        esc(sink, r->regulation);
        puts_(sink, ")");
    }
    puts_(sink, "</dd>\n</dl>\n</div>\n<div class=\"scorebox\">\n<div class=\"idx-label\">");
    msg(sink, lang, M_INDEX);
    puts_(sink, "</div>\n<div class=\"idx\" id=\"index\">");
    fixed(sink, res->index_rounded, r->decimals);
    puts_(sink, "</div>\n<div id=\"grade\">");
    badge(sink, r, res->band, 0, 1);
    puts_(sink, "</div>\n<p class=\"next\" id=\"next-band\">");
    if (next) {
        fixed(sink, gap, r->decimals);
        puts_(sink, " ");
        msg(sink, lang, M_BELOW_BAND);
        puts_(sink, " ");
        esc(sink, next->grade);
    } else if (res->band) {
        msg(sink, lang, M_H_TOP_BAND);
    }
    puts_(sink, "</p>\n<p class=\"parts\">");
    msg(sink, lang, M_EVALUATOR);
    puts_(sink, ": <span id=\"evaluator\">");
    fixed(sink, res->evaluator_rounded, r->decimals);
    puts_(sink, "</span>");
    if (res->survey_counts) {
        puts_(sink, " (");
        msg(sink, lang, M_WEIGHT_OF);
        puts_(sink, " ");
        dec_short(sink, r->combine_evaluator);
        puts_(sink, "%)<br>");
        msg(sink, lang, M_SURVEY);
        puts_(sink, ": <span id=\"survey\">");
        fixed(sink, res->survey_rounded, r->decimals);
        pk_sink_printf(sink, "</span> (%ld ", a->respondents);
        msg(sink, lang, M_RESPONDENTS);
        puts_(sink, ", ");
        msg(sink, lang, M_WEIGHT_OF);
        puts_(sink, " ");
        dec_short(sink, r->combine_survey);
        puts_(sink, "%)");
    }
    puts_(sink, "</p>\n</div>\n</header>\n");
}

/* What-if: the changed answers, then the index and the aspects before and after. */
static void what_if(pekppp_sink *sink, const pekppp_result *res, const pekppp_report_options *o)
{
    const pekppp_result *base = o->baseline;
    const pekppp_rubric *r = res->rubric;
    pekppp_lang lang = o->lang;
    size_t i;
    int ok = 1;
    puts_(sink, "<section id=\"what-if\">\n<h2>");
    msg(sink, lang, M_WHATIF);
    puts_(sink, "</h2>\n<p>");
    msg(sink, lang, M_CHANGES);
    puts_(sink, ":");
    for (i = 0; i < o->nchanges; i++) {
        int from = o->changes[i].from, to = o->changes[i].to;
        puts_(sink, i ? ", <code>" : " <code>");
        esc(sink, r->indicators[o->changes[i].indicator].id);
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
    th_col(sink, lang, M_BEFORE, "n");
    th_col(sink, lang, M_AFTER, "n");
    th_col(sink, lang, M_DELTA, "n");
    puts_(sink, "</tr></thead>\n<tbody>\n<tr><th scope=\"row\">");
    msg(sink, lang, M_INDEX_SHORT);
    puts_(sink, "</th><td class=\"n\">");
    fixed(sink, base->index_rounded, r->decimals);
    puts_(sink, " ");
    badge(sink, r, base->band, 1, 0);
    puts_(sink, "</td><td class=\"n\">");
    fixed(sink, res->index_rounded, r->decimals);
    puts_(sink, " ");
    badge(sink, r, res->band, 1, 0);
    puts_(sink, "</td><td class=\"n\">");
    pk_fixed_point(sink, pk_rounded_delta(r, res->index, base->index, &ok), r->decimals, '.', 1);
    puts_(sink, "</td></tr>\n");
    for (i = 0; i < r->naspects; i++) {
        const pk_aspect_result *a = &res->aspects[i], *b = &base->aspects[i];
        if (a->left_out || b->left_out || pk_rat_cmp(a->score, b->score) == 0)
            continue;
        puts_(sink, "<tr><th scope=\"row\">");
        if (r->aspects[i].code) {
            esc(sink, r->aspects[i].code);
            puts_(sink, " ");
        }
        esc(sink, r->aspects[i].name);
        puts_(sink, "</th><td class=\"n\">");
        fixed(sink, b->rounded, r->decimals);
        puts_(sink, "</td><td class=\"n\">");
        fixed(sink, a->rounded, r->decimals);
        puts_(sink, "</td><td class=\"n\">");
        pk_fixed_point(sink, pk_rounded_delta(r, a->score, b->score, &ok), r->decimals, '.', 1);
        puts_(sink, "</td></tr>\n");
    }
    puts_(sink, "</tbody>\n</table>\n</section>\n");
    if (!ok && !sink->error)
        sink->error = PEKPPP_ERANGE;
}

static void aspect_section(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    size_t i;
    puts_(sink, "<section id=\"aspects\">\n<h2>");
    msg(sink, lang, M_H_ASPECT_SCORES);
    puts_(sink, " (");
    msg(sink, lang, M_H_SCALE);
    pk_sink_printf(sink, " %d–%d)</h2>\n<div class=\"aspects\">\n", r->scale_min, r->scale_max);
    puts_(sink, "<figure>\n");
    if (r->naspects >= RADAR_MIN && r->naspects <= RADAR_MAX)
        radar(sink, res, lang);
    else
        bar_list(sink, res, lang);
    puts_(sink, "</figure>\n<div class=\"tbl\">\n<table id=\"aspect-table\">\n<thead><tr>"
                "<th scope=\"col\"></th>");
    th_col(sink, lang, M_ASPECT, NULL);
    th_col(sink, lang, M_WEIGHT, "n");
    th_col(sink, lang, M_SCORE, "n");
    th_col(sink, lang, M_CONTRIBUTION, "n");
    puts_(sink, "</tr></thead>\n<tbody>\n");
    for (i = 0; i < r->naspects; i++) {
        const pekppp_aspect *a = &r->aspects[i];
        const pk_aspect_result *ar = &res->aspects[i];
        puts_(sink, "<tr class=\"aspect\"><td class=\"id\">");
        esc(sink, a->code ? a->code : "");
        puts_(sink, "</td><td>");
        esc(sink, a->name);
        puts_(sink, "</td><td class=\"n\">");
        dec_short(sink, a->weight);
        puts_(sink, "%</td>");
        if (ar->left_out) {
            puts_(sink, "<td class=\"n\" colspan=\"2\">");
            msg(sink, lang, M_LEFT_OUT);
            puts_(sink, "</td></tr>\n");
            continue;
        }
        puts_(sink, "<td class=\"n score\">");
        fixed(sink, ar->rounded, r->decimals);
        puts_(sink, "</td><td class=\"n\">");
        fixed(sink, ar->contribution, r->decimals);
        puts_(sink, "</td></tr>\n");
    }
    puts_(sink, "</tbody>\n</table>\n</div>\n</div>\n</section>\n");
}

/* What one level of indicator j adds to the index, exactly:
 *   W(a) w(j) / (wsum(a) wtotal)       (x evaluator% / 100 with a survey)
 * times the level gives its contribution, times the levels still above it
 * the points it loses.  Rounded once, like every shown value. */
static int64_t indicator_value(const pekppp_result *res, size_t j, int64_t wsum, int64_t wtotal,
                               int64_t levels, int *ok)
{
    const pekppp_rubric *r = res->rubric;
    const pekppp_indicator *ind = &r->indicators[j];
    pk_i128 n = (pk_i128)r->aspects[ind->aspect].weight * ind->weight * levels;
    pk_i128 d = (pk_i128)wsum * wtotal;
    pk_rat v;
    int64_t out = 0;
    if (res->survey_counts) {
        n *= r->combine_evaluator;
        d *= (pk_i128)100 * PEKPPP_DEC_SCALE;
    }
    if (d <= 0 || pk_rat_make(&v, n, d) < 0 || pk_round(r, v, &out) < 0)
        *ok = 0;
    return out;
}

/* Sum of the weights of an aspect's indicators not answered na. */
static int64_t aspect_wsum(const pekppp_result *res, size_t i)
{
    const pekppp_rubric *r = res->rubric;
    const pekppp_aspect *asp = &r->aspects[i];
    int64_t sum = 0;
    size_t j;
    for (j = asp->first; j < asp->first + asp->count; j++)
        if (res->assessment->answers[j].level != PEKPPP_LEVEL_NA)
            sum += r->indicators[j].weight;
    return sum;
}

static void text_list(pekppp_sink *sink, const char *const *items, size_t n)
{
    size_t k;
    puts_(sink, "<ul>");
    for (k = 0; k < n; k++) {
        puts_(sink, "<li>");
        esc(sink, items[k]);
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
    msg(sink, lang, M_H_LEVELS);
    puts_(sink, "</p>\n<ol class=\"levels\">\n");
    for (lv = r->scale_min; lv <= r->scale_max; lv++) {
        int cur = ans->level == lv;
        pk_sink_printf(sink, "<li%s><span class=\"lv\">%d</span> ",
                       cur ? " class=\"cur\" aria-current=\"true\"" : "", lv);
        esc(sink, ind->levels[lv - r->scale_min]);
        if (cur) {
            puts_(sink, " <span class=\"mark\">◀ ");
            msg(sink, lang, M_H_CURRENT);
            puts_(sink, "</span>");
        }
        puts_(sink, "</li>\n");
    }
    puts_(sink, "</ol>\n");
    if (ind->evidence_count) {
        puts_(sink, "<p>");
        msg(sink, lang, M_EVIDENCE);
        puts_(sink, "</p>\n");
        text_list(sink, ind->evidence, ind->evidence_count);
    }
    if (ans->nevidence) {
        puts_(sink, "<p>");
        msg(sink, lang, M_H_EVIDENCE_GIVEN);
        puts_(sink, "</p>\n");
        text_list(sink, ans->evidence, ans->nevidence);
    }
    if (ans->note) {
        puts_(sink, "<p>");
        msg(sink, lang, M_H_ANSWER_NOTE);
        puts_(sink, "</p>\n<div class=\"note\">");
        esc(sink, ans->note);
        puts_(sink, "</div>\n");
    }
    puts_(sink, "</div>\n");
}

static void indicator_section(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    int64_t wtotal = 0;
    size_t i, j;
    int ok = 1;
    for (i = 0; i < r->naspects; i++)
        if (!res->aspects[i].left_out)
            wtotal += r->aspects[i].weight;
    puts_(sink, "<section id=\"indicators\" class=\"pb\">\n<h2>");
    msg(sink, lang, M_INDICATORS);
    puts_(sink, "</h2>\n<p class=\"hint\">");
    msg(sink, lang, M_H_IND_HINT);
    puts_(sink, "</p>\n<table id=\"indicator-table\">\n<thead><tr><th scope=\"col\">ID</th>");
    th_col(sink, lang, M_INDICATORS, NULL);
    th_col(sink, lang, M_H_LEVEL, "n");
    th_col(sink, lang, M_WEIGHT, "n");
    th_col(sink, lang, M_CONTRIBUTION, "n");
    th_col(sink, lang, M_H_LOST, "n");
    puts_(sink, "</tr></thead>\n");
    for (i = 0; i < r->naspects; i++) {
        const pekppp_aspect *asp = &r->aspects[i];
        int64_t wsum = aspect_wsum(res, i);
        puts_(sink, "<tbody>\n<tr class=\"grp\"><th scope=\"rowgroup\" colspan=\"6\">");
        if (asp->code) {
            esc(sink, asp->code);
            puts_(sink, " ");
        }
        esc(sink, asp->name);
        puts_(sink, "</th></tr>\n");
        for (j = asp->first; j < asp->first + asp->count; j++) {
            const pekppp_indicator *ind = &r->indicators[j];
            int level = res->assessment->answers[j].level;
            int counted = level == PEKPPP_LEVEL_MISSING ? r->scale_min : level;
            pk_sink_printf(sink, "<tr class=\"ind%s\"><td class=\"id\"><code>",
                           level == PEKPPP_LEVEL_NA ? " na" : "");
            esc(sink, ind->id);
            puts_(sink, "</code></td><td><details><summary>");
            esc(sink, ind->name);
            puts_(sink, "</summary>\n");
            indicator_more(sink, res, j, lang);
            puts_(sink, "</details></td><td class=\"n\">");
            if (level == PEKPPP_LEVEL_NA)
                msg(sink, lang, M_NA);
            else if (level == PEKPPP_LEVEL_MISSING)
            {
                pk_sink_printf(sink, "–/%d (", r->scale_max);
                msg(sink, lang, M_NOT_ANSWERED);
                puts_(sink, ")");
            }
            else
                pk_sink_printf(sink, "%d/%d", level, r->scale_max);
            puts_(sink, "</td><td class=\"n\">");
            dec_short(sink, ind->weight);
            puts_(sink, "%</td>");
            if (level == PEKPPP_LEVEL_NA || wsum <= 0) {
                puts_(sink, "<td class=\"n\">–</td><td class=\"n\">–</td></tr>\n");
                continue;
            }
            {
                int64_t c = indicator_value(res, j, wsum, wtotal, counted, &ok);
                int64_t lost = indicator_value(res, j, wsum, wtotal, r->scale_max - counted, &ok);
                puts_(sink, "<td class=\"n\">");
                fixed(sink, c, r->decimals);
                pk_sink_printf(sink, "</td><td class=\"n %s\">", lost > 0 ? "lost" : "zero");
                fixed(sink, lost, r->decimals);
                puts_(sink, "</td></tr>\n");
            }
        }
        puts_(sink, "</tbody>\n");
    }
    puts_(sink, "</table>\n</section>\n");
    if (!ok && !sink->error)
        sink->error = PEKPPP_ERANGE;
}

/* The head of a table of one-level steps (recommendations, plan): #,
 * indicator, step, gain, and @p last. */
static void step_table_head(pekppp_sink *sink, pekppp_lang lang, const char *id, pk_msg_id last,
                            const char *last_class)
{
    pk_sink_printf(sink, "<table id=\"%s\">\n<thead><tr><th scope=\"col\" class=\"n\">#</th>", id);
    th_col(sink, lang, M_INDICATORS, NULL);
    th_col(sink, lang, M_STEP, NULL);
    th_col(sink, lang, M_GAIN, "n");
    th_col(sink, lang, last, last_class);
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
    esc(sink, ind->id);
    puts_(sink, "</code> ");
    esc(sink, ind->name);
    pk_sink_printf(sink, "</td><td><strong>%d → %d</strong>: ", from, to);
    if (!is_advice) {
        msg(sink, lang, M_REACH_LEVEL);
        pk_sink_printf(sink, " %d: ", to);
    }
    esc(sink, text);
    puts_(sink, "</td><td class=\"n\">+");
    fixed(sink, gain_rounded, r->decimals);
    puts_(sink, "</td>");
}

static void recommendation_section(pekppp_sink *sink, const pekppp_result *res, pekppp_lang lang)
{
    const pekppp_rubric *r = res->rubric;
    size_t i;
    puts_(sink, "<section id=\"recommendations\" class=\"pb\">\n<h2>");
    msg(sink, lang, M_RECOMMENDATIONS);
    puts_(sink, "</h2>\n");
    if (res->nrecs == 0) {
        puts_(sink, "<p>");
        msg(sink, lang, M_NO_RECS);
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
    msg(sink, lang, label);
    pk_sink_printf(sink, ": <strong id=\"%s\">", id);
    fixed(sink, rounded, r->decimals);
    puts_(sink, "</strong> ");
    badge(sink, r, band, 1, 0);
}

static void plan_section(pekppp_sink *sink, const pekppp_plan *p, pekppp_lang lang)
{
    const pekppp_result *res = p->res;
    const pekppp_rubric *r = res->rubric;
    size_t i;
    puts_(sink, "<section id=\"plan\" class=\"pb\">\n<h2>");
    msg(sink, lang, M_PLAN_TO);
    puts_(sink, " <span id=\"plan-target\">");
    esc(sink, p->target->grade);
    puts_(sink, "</span> (");
    msg(sink, lang, M_MIN_INDEX);
    puts_(sink, " ");
    dec_short(sink, pk_fixed_dec(p->target->min));
    pk_sink_printf(sink, ")</h2>\n<p class=\"plan-sum\" data-feasible=\"%s\">",
                   p->feasible ? "true" : "false");
    plan_index(sink, lang, M_NOW, "plan-before", r, res->index_rounded, res->band);
    puts_(sink, " → ");
    plan_index(sink, lang, M_AFTER, "plan-after", r, p->after_rounded, p->after_band);
    pk_sink_printf(sink, " (<span id=\"plan-steps\">%zu</span> ", p->nsteps);
    msg(sink, lang, M_STEPS);
    puts_(sink, ")</p>\n");
    if (!p->feasible) {
        puts_(sink, "<p class=\"warn\" id=\"plan-infeasible\">");
        msg(sink, lang, M_INFEASIBLE);
        puts_(sink, " ");
        plan_index(sink, lang, M_BEST, "plan-best", r, p->best_rounded, p->best_band);
        puts_(sink, "</p>\n");
    } else if (p->nsteps == 0) {
        puts_(sink, "<p id=\"plan-already\">");
        msg(sink, lang, M_ALREADY);
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
        fixed(sink, st->after_rounded, r->decimals);
        puts_(sink, " ");
        badge(sink, r, st->after_band, 1, 0);
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
    msg(sink, lang, M_NOTES);
    puts_(sink, "</h2>\n<ul class=\"notes\">\n");
    for (i = 0; i < PK_NFLAGS; i++)
        if (res->flags & pk_flags[i].flag) {
            pk_sink_printf(sink, "<li data-flag=\"%s\">", pk_flags[i].name);
            msg(sink, lang, pk_flags[i].note);
            puts_(sink, "</li>\n");
        }
    puts_(sink, "</ul>\n</section>\n");
}

void pk_report_html(pekppp_sink *sink, const pekppp_result *res, const pekppp_report_options *o)
{
    const pekppp_assessment *a = res->assessment;
    pekppp_lang lang = o->lang;
    page_start(sink, lang, NULL);
    esc(sink, a->unit_name);
    puts_(sink, " (");
    esc(sink, a->unit_id);
    puts_(sink, ") — PEKPPP");
    page_body(sink, "unit");
    unit_header(sink, res, lang);
    if (o->baseline)
        what_if(sink, res, o);
    aspect_section(sink, res, lang);
    indicator_section(sink, res, lang);
    recommendation_section(sink, res, lang);
    if (o->plan)
        plan_section(sink, o->plan, lang);
    notes_section(sink, res, lang);
    receipt(sink, res->rubric, a->file, a->sha256, o);
    puts_(sink, "</main>\n</body>\n</html>\n");
}

/* ------------------------------------------------------------------ */
/* The batch page                                                       */
/* ------------------------------------------------------------------ */

/* Sorting the ranking: progressive enhancement.  It reads only the DOM (the
 * rows' data attributes); no input text is ever written into it.  Without it
 * the table stands in ranking order. */
static const char sort_script[] =
    "(function () {\n"
    "  var t = document.getElementById('ranking');\n"
    "  if (!t || !t.tHead || !t.tBodies.length || !document.addEventListener) return;\n"
    "  var body = t.tBodies[0], heads = t.tHead.rows[0].cells, rows = [], i;\n"
    "  for (i = 0; i < body.rows.length; i++) rows.push({ tr: body.rows[i], pos: i });\n"
    "  function val(tr, key, isNum) {\n"
    "    var v = tr.getAttribute('data-' + key) || '';\n"
    "    if (!isNum) return v;\n"
    "    v = parseFloat(v);\n"
    "    return isNaN(v) ? -1e9 : v;\n"
    "  }\n"
    "  function sortBy(th) {\n"
    "    var key = th.getAttribute('data-key'), isNum = th.getAttribute('data-type') === 'num';\n"
    "    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1, j;\n"
    "    for (j = 0; j < heads.length; j++)\n"
    "      if (heads[j].hasAttribute('data-key')) heads[j].setAttribute('aria-sort', 'none');\n"
    "    th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');\n"
    "    rows.sort(function (a, b) {\n"
    "      var x = val(a.tr, key, isNum), y = val(b.tr, key, isNum);\n"
    "      var c = isNum ? x - y : x.localeCompare(y);\n"
    "      return c ? c * dir : a.pos - b.pos;\n"
    "    });\n"
    "    for (j = 0; j < rows.length; j++) body.appendChild(rows[j].tr);\n"
    "  }\n"
    "  for (i = 0; i < heads.length; i++) (function (th) {\n"
    "    if (!th.hasAttribute('data-key')) return;\n"
    "    var b = document.createElement('button');\n"
    "    b.type = 'button';\n"
    "    b.className = 'sort';\n"
    "    while (th.firstChild) b.appendChild(th.firstChild);\n"
    "    th.appendChild(b);\n"
    "    b.addEventListener('click', function () { sortBy(th); });\n"
    "  })(heads[i]);\n"
    "  t.setAttribute('data-sortable', 'yes');\n"
    "})();\n";

/* The script's SHA-256 in base64, for the page's Content-Security-Policy. */
static void script_hash(char out[45])
{
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    unsigned char d[33];
    char hex[65];
    size_t i, o = 0;
    pk_sha256_hex(sort_script, sizeof(sort_script) - 1, hex);
    for (i = 0; i < 32; i++) {
        int hi = hex[2 * i] <= '9' ? hex[2 * i] - '0' : hex[2 * i] - 'a' + 10;
        int lo = hex[2 * i + 1] <= '9' ? hex[2 * i + 1] - '0' : hex[2 * i + 1] - 'a' + 10;
        d[i] = (unsigned char)(hi * 16 + lo);
    }
    d[32] = 0;
    for (i = 0; i < 33; i += 3) {
        unsigned v = (unsigned)d[i] << 16 | (unsigned)d[i + 1] << 8 | d[i + 2];
        out[o++] = b64[(v >> 18) & 63];
        out[o++] = b64[(v >> 12) & 63];
        out[o++] = b64[(v >> 6) & 63];
        out[o++] = b64[v & 63];
    }
    out[43] = '='; /* 32 bytes: 43 digits and one pad */
    out[44] = '\0';
}

static const struct {
    unsigned kind;
    const char *name;
    pk_msg_id title;
} html_group_kinds[] = { { PEKPPP_GROUP_CATEGORY, "category", M_BY_CATEGORY },
                         { PEKPPP_GROUP_INSTITUTION, "institution", M_BY_INSTITUTION },
                         { PEKPPP_GROUP_MODE, "mode", M_BY_MODE } };

static void grade_chart(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang)
{
    const pekppp_rubric *r = b->rubric;
    size_t i, most = 0;
    const int bar = 40, gap = 16, left = 12, top = 24, height = 150;
    int width = left * 2 + (int)r->nbands * (bar + gap) - gap, total = top + height + 28;
    for (i = 0; i < r->nbands; i++)
        if (b->grade_counts[i] > most)
            most = b->grade_counts[i];
    pk_sink_printf(sink, "<svg class=\"gchart\" id=\"grade-chart\" role=\"img\" viewBox=\"0 0 %d %d\" "
                         "width=\"%d\" height=\"%d\" aria-labelledby=\"gchart-t gchart-d\">\n"
                         "<title id=\"gchart-t\">",
                   width, total, width, total);
    msg(sink, lang, M_H_UNITS_PER_GRADE);
    puts_(sink, "</title>\n<desc id=\"gchart-d\">");
    msg(sink, lang, M_H_BARS_DESC);
    puts_(sink, ":");
    for (i = 0; i < r->nbands; i++) {
        puts_(sink, i ? ", " : " ");
        esc(sink, r->bands[i].grade);
        pk_sink_printf(sink, " %zu", b->grade_counts[i]);
    }
    puts_(sink, "</desc>\n");
    for (i = 0; i < r->nbands; i++) {
        int x = left + (int)i * (bar + gap);
        int h = most ? (int)div_round((int64_t)height * (int64_t)b->grade_counts[i], (int64_t)most)
                     : 0;
        pk_sink_printf(sink, "<rect class=\"bar f%d\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                             "data-count=\"%zu\" data-grade=\"",
                       band_colour(r, &r->bands[i]), x, top + height - h, bar, h,
                       b->grade_counts[i]);
        esc(sink, r->bands[i].grade);
        puts_(sink, "\"><title>");
        esc(sink, r->bands[i].grade);
        puts_(sink, " ");
        esc(sink, r->bands[i].label);
        pk_sink_printf(sink, ": %zu</title></rect>\n", b->grade_counts[i]);
        pk_sink_printf(sink, "<text class=\"cnt\" text-anchor=\"middle\" x=\"%d\" y=\"%d\">%zu</text>\n",
                       x + bar / 2, top + height - h - 6, b->grade_counts[i]);
        pk_sink_printf(sink, "<text class=\"gl\" text-anchor=\"middle\" x=\"%d\" y=\"%d\">",
                       x + bar / 2, top + height + 20);
        esc(sink, r->bands[i].grade);
        puts_(sink, "</text>\n");
    }
    pk_sink_printf(sink, "<line class=\"base\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n</svg>\n",
                   left - 6, top + height, width - left + 6, top + height);
}

static void batch_summary(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang)
{
    const pekppp_rubric *r = b->rubric;
    size_t i;
    puts_(sink, "<section id=\"summary\">\n<h2>");
    msg(sink, lang, M_SUMMARY);
    puts_(sink, "</h2>\n<div class=\"summary\">\n<dl class=\"meta\">\n<dt>");
    msg(sink, lang, M_UNITS_COUNT);
    pk_sink_printf(sink, "</dt><dd id=\"n-units\">%zu</dd>\n<dt>", b->nunits + b->nerrors);
    msg(sink, lang, M_SCORED);
    pk_sink_printf(sink, "</dt><dd id=\"n-scored\">%zu</dd>\n<dt>", b->nunits);
    msg(sink, lang, M_FAILED_LOAD);
    pk_sink_printf(sink, "</dt><dd id=\"n-failed\">%zu</dd>\n", b->nerrors);
    if (b->nunits > 0) {
        puts_(sink, "<dt>");
        msg(sink, lang, M_MEAN);
        puts_(sink, "</dt><dd><strong id=\"mean\">");
        fixed(sink, b->mean_rounded, r->decimals);
        puts_(sink, "</strong> ");
        badge(sink, r, b->mean_band, 1, 1);
        puts_(sink, "</dd>\n<dt>");
        msg(sink, lang, M_GRADES);
        puts_(sink, "</dt><dd id=\"grade-counts\">");
        for (i = 0; i < r->nbands; i++) {
            puts_(sink, i ? ", " : "");
            esc(sink, r->bands[i].grade);
            pk_sink_printf(sink, " %zu", b->grade_counts[i]);
        }
        puts_(sink, "</dd>\n");
    }
    puts_(sink, "</dl>\n");
    if (b->nunits > 0) {
        puts_(sink, "<figure>\n");
        grade_chart(sink, b, lang);
        puts_(sink, "<figcaption>");
        msg(sink, lang, M_H_UNITS_PER_GRADE);
        puts_(sink, "</figcaption>\n</figure>\n");
    }
    puts_(sink, "</div>\n</section>\n");
}

static void ranking(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang)
{
    const pekppp_rubric *r = b->rubric;
    size_t i;
    puts_(sink, "<section id=\"ranking-section\">\n<h2>");
    msg(sink, lang, M_RANKING);
    puts_(sink, "</h2>\n");
    if (b->nunits == 0) {
        puts_(sink, "<p>");
        msg(sink, lang, M_NO_UNITS);
        puts_(sink, "</p>\n</section>\n");
        return;
    }
    puts_(sink, "<table id=\"ranking\">\n<caption>");
    msg(sink, lang, M_H_SORT_HINT);
    puts_(sink, "</caption>\n<thead><tr>"
                "<th scope=\"col\" class=\"n\" data-key=\"rank\" data-type=\"num\" "
                "aria-sort=\"ascending\">");
    msg(sink, lang, M_RANK);
    puts_(sink, "</th><th scope=\"col\" data-key=\"id\">ID</th>"
                "<th scope=\"col\" data-key=\"name\">");
    msg(sink, lang, M_UNIT);
    puts_(sink, "</th><th scope=\"col\" class=\"n\" data-key=\"index\" data-type=\"num\">");
    msg(sink, lang, M_INDEX_SHORT);
    puts_(sink, "</th><th scope=\"col\" data-key=\"band\" data-type=\"num\">");
    msg(sink, lang, M_GRADE);
    puts_(sink, "</th></tr></thead>\n<tbody>\n");
    for (i = 0; i < b->nunits; i++) {
        const pk_unit *u = b->units[i];
        pk_sink_printf(sink, "<tr data-rank=\"%u\" data-id=\"", (unsigned)u->rank);
        esc(sink, u->id);
        puts_(sink, "\" data-name=\"");
        esc(sink, u->name ? u->name : "");
        puts_(sink, "\" data-index=\"");
        fixed(sink, u->index_rounded, r->decimals);
        pk_sink_printf(sink, "\" data-band=\"%zu\" data-grade=\"",
                       u->band ? (size_t)(u->band - r->bands) : r->nbands);
        esc(sink, u->band ? u->band->grade : "");
        pk_sink_printf(sink, "\"><td class=\"n\">%u</td><td class=\"id\"><code>", (unsigned)u->rank);
        esc(sink, u->id);
        puts_(sink, "</code></td><td>");
        esc(sink, u->name ? u->name : "");
        puts_(sink, "</td><td class=\"n\">");
        fixed(sink, u->index_rounded, r->decimals);
        puts_(sink, "</td><td>");
        badge(sink, r, u->band, 1, 1);
        puts_(sink, "</td></tr>\n");
    }
    puts_(sink, "</tbody>\n</table>\n</section>\n");
}

static void heatmap(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang)
{
    const pekppp_rubric *r = b->rubric;
    int64_t unit = pow10i(r->decimals), lo = (int64_t)r->scale_min * unit,
            full = (int64_t)(r->scale_max - r->scale_min) * unit;
    size_t i, k;
    if (b->nunits == 0)
        return;
    puts_(sink, "<section id=\"heatmap\" class=\"pb\">\n<h2>");
    msg(sink, lang, M_H_HEATMAP);
    puts_(sink, " (");
    msg(sink, lang, M_H_SCALE);
    pk_sink_printf(sink, " %d–%d)</h2>\n", r->scale_min, r->scale_max);
    puts_(sink, "<table class=\"hm\" id=\"heatmap-table\">\n<caption>");
    msg(sink, lang, M_H_HEATMAP_HINT);
    puts_(sink, "</caption>\n<thead><tr>");
    th_col(sink, lang, M_RANK, "n");
    th_col(sink, lang, M_UNIT, NULL);
    for (k = 0; k < r->naspects; k++) {
        puts_(sink, "<th scope=\"col\" title=\"");
        esc(sink, r->aspects[k].name);
        puts_(sink, "\">");
        esc(sink, aspect_label(&r->aspects[k]));
        puts_(sink, "</th>");
    }
    th_col(sink, lang, M_INDEX_SHORT, "n");
    puts_(sink, "</tr></thead>\n<tbody>\n");
    for (i = 0; i < b->nunits; i++) {
        const pk_unit *u = b->units[i];
        pk_sink_printf(sink, "<tr><td class=\"n\">%u</td><th scope=\"row\">", (unsigned)u->rank);
        esc(sink, u->name && u->name[0] ? u->name : u->id);
        if (u->name && u->name[0]) {
            puts_(sink, " <code class=\"sub\">");
            esc(sink, u->id);
            puts_(sink, "</code>");
        }
        puts_(sink, "</th>");
        for (k = 0; k < r->naspects; k++) {
            int64_t v = u->aspects[k], shade;
            if (v == INT32_MIN) {
                puts_(sink, "<td class=\"nv\">");
                msg(sink, lang, M_NA);
                puts_(sink, "</td>");
                continue;
            }
            shade = full > 0 ? div_round((v - lo) * 8, full) : 0;
            if (shade < 0)
                shade = 0;
            if (shade > 8)
                shade = 8;
            pk_sink_printf(sink, "<td class=\"h%d\">", (int)shade);
            fixed(sink, v, r->decimals);
            puts_(sink, "</td>");
        }
        puts_(sink, "<td class=\"n\"><strong>");
        fixed(sink, u->index_rounded, r->decimals);
        puts_(sink, "</strong></td></tr>\n");
    }
    puts_(sink, "</tbody>\n</table>\n</section>\n");
}

/* The indicators that cost the units the most index points: per indicator
 * the exact sum over the units of what it loses below the top level (kept by
 * pekppp_batch_add), largest first, ties in rubric order; the top ten. */
#define PK_MISSED_SHOWN 10

typedef struct {
    pk_rat lost;
    int64_t total, mean; /* rounded */
} pk_missed_row;

/* An indicator's exact total and its rounded total and mean per unit; -1
 * when a value outgrew 128 bits (the indicator is then left out). */
static int missed_row(const pekppp_batch *b, size_t i, pk_missed_row *row)
{
    const pekppp_rubric *r = b->rubric;
    pk_rat mean;
    if (b->missed[i].overflow || pk_missed_total(&b->missed[i], &row->lost) < 0 ||
        pk_round(r, row->lost, &row->total) < 0 ||
        pk_rat_div(&mean, row->lost, pk_rat_int((int64_t)b->nunits)) < 0 ||
        pk_round(r, mean, &row->mean) < 0)
        return -1;
    return 0;
}

static void most_missed(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang)
{
    const pekppp_rubric *r = b->rubric;
    size_t order[PK_MISSED_SHOWN], n = 0, i, k, left_out = 0;
    pk_missed_row *rows;
    if (b->nunits == 0 || r->nindicators == 0)
        return;
    if (!(rows = pk_malloc(r->nindicators * sizeof(*rows)))) {
        if (!sink->error)
            sink->error = PEKPPP_ENOMEM;
        return;
    }
    /* Keep the top ten by insertion: each indicator once, in rubric order,
     * so an equal sum never passes one that came first. */
    for (i = 0; i < r->nindicators; i++) {
        if (b->missed[i].units == 0)
            continue;
        if (missed_row(b, i, &rows[i]) < 0) {
            left_out++;
            continue;
        }
        for (k = n; k > 0 && pk_rat_cmp(rows[i].lost, rows[order[k - 1]].lost) > 0; k--)
            if (k < PK_MISSED_SHOWN)
                order[k] = order[k - 1];
        if (k < PK_MISSED_SHOWN) {
            order[k] = i;
            if (n < PK_MISSED_SHOWN)
                n++;
        }
    }
    if (n == 0 && left_out == 0) {
        pk_free(rows);
        return;
    }
    puts_(sink, "<section id=\"most-missed\">\n<h2>");
    msg(sink, lang, M_H_MISSED);
    puts_(sink, "</h2>\n<p class=\"hint\">");
    msg(sink, lang, M_H_MISSED_HINT);
    puts_(sink, "</p>\n<table id=\"missed-table\">\n<thead><tr><th scope=\"col\" class=\"n\">#</th>");
    th_col(sink, lang, M_INDICATORS, NULL);
    th_col(sink, lang, M_ASPECT, NULL);
    th_col(sink, lang, M_H_UNITS_BELOW_TOP, "n");
    th_col(sink, lang, M_H_LOST_TOTAL, "n");
    th_col(sink, lang, M_H_LOST_MEAN, "n");
    puts_(sink, "</tr></thead>\n<tbody>\n");
    for (k = 0; k < n; k++) {
        const pk_missed *m = &b->missed[order[k]];
        const pekppp_indicator *ind = &r->indicators[order[k]];
        pk_sink_printf(sink, "<tr><td class=\"n\">%zu</td><td><code>", k + 1);
        esc(sink, ind->id);
        puts_(sink, "</code> ");
        esc(sink, ind->name);
        puts_(sink, "</td><td>");
        esc(sink, aspect_label(&r->aspects[ind->aspect]));
        pk_sink_printf(sink, "</td><td class=\"n\">%u / %zu</td><td class=\"n lost\">−",
                       (unsigned)m->units, b->nunits);
        fixed(sink, rows[order[k]].total, r->decimals);
        puts_(sink, "</td><td class=\"n\">−");
        fixed(sink, rows[order[k]].mean, r->decimals);
        puts_(sink, "</td></tr>\n");
    }
    puts_(sink, "</tbody>\n</table>\n");
    if (left_out) {
        pk_sink_printf(sink, "<p class=\"hint\" id=\"missed-left-out\">%zu ", left_out);
        msg(sink, lang, M_H_MISSED_LEFT_OUT);
        puts_(sink, "</p>\n");
    }
    puts_(sink, "</section>\n");
    pk_free(rows);
}

/* The aspects by their mean score across the units, lowest first: the mean
 * of the rounded aspect scores, exact, rounded once half-up. */
static void lowest_aspects(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang)
{
    const pekppp_rubric *r = b->rubric;
    size_t n = r->naspects, i, k, u;
    struct stat_ {
        int64_t sum, lowest;
        size_t count, aspect;
    } *st, tmp;
    if (b->nunits == 0 || n == 0)
        return;
    if (!(st = pk_malloc(n * sizeof(*st)))) {
        if (!sink->error)
            sink->error = PEKPPP_ENOMEM;
        return;
    }
    for (k = 0; k < n; k++) {
        st[k].sum = 0;
        st[k].lowest = 0;
        st[k].count = 0;
        st[k].aspect = k;
        for (u = 0; u < b->nunits; u++) {
            int64_t v = b->units[u]->aspects[k];
            if (v == INT32_MIN)
                continue;
            if (!st[k].count || v < st[k].lowest)
                st[k].lowest = v;
            st[k].sum += v;
            st[k].count++;
        }
    }
    /* Insertion sort (few aspects): by exact mean, unscored last, ties in rubric order. */
    for (i = 1; i < n; i++) {
        tmp = st[i];
        for (k = i; k > 0; k--) {
            const struct stat_ *p = &st[k - 1];
            int before;
            if (!tmp.count)
                before = 0;
            else if (!p->count)
                before = 1;
            else
                before = (pk_i128)tmp.sum * (pk_i128)p->count <
                         (pk_i128)p->sum * (pk_i128)tmp.count;
            if (!before)
                break;
            st[k] = st[k - 1];
        }
        st[k] = tmp;
    }
    puts_(sink, "<section id=\"lowest-aspects\">\n<h2>");
    msg(sink, lang, M_H_LOWEST);
    puts_(sink, "</h2>\n<p class=\"hint\">");
    msg(sink, lang, M_H_LOWEST_HINT);
    puts_(sink, "</p>\n<table id=\"lowest-table\">\n<thead><tr><th scope=\"col\" class=\"n\">#</th>"
                "<th scope=\"col\"></th>");
    th_col(sink, lang, M_ASPECT, NULL);
    th_col(sink, lang, M_WEIGHT, "n");
    th_col(sink, lang, M_H_MEAN_SCORE, "n");
    th_col(sink, lang, M_H_LOWEST_SCORE, "n");
    puts_(sink, "<th scope=\"col\" class=\"n\">n</th></tr></thead>\n<tbody>\n");
    for (i = 0; i < n; i++) {
        const pekppp_aspect *a = &r->aspects[st[i].aspect];
        pk_sink_printf(sink, "<tr><td class=\"n\">%zu</td><td class=\"id\">", i + 1);
        esc(sink, a->code ? a->code : "");
        puts_(sink, "</td><td>");
        esc(sink, a->name);
        puts_(sink, "</td><td class=\"n\">");
        dec_short(sink, a->weight);
        puts_(sink, "%</td>");
        if (!st[i].count) {
            puts_(sink, "<td class=\"n\">–</td><td class=\"n\">–</td><td class=\"n\">0</td></tr>\n");
            continue;
        }
        puts_(sink, "<td class=\"n\"><strong>");
        fixed(sink, div_round(st[i].sum, (int64_t)st[i].count), r->decimals);
        puts_(sink, "</strong></td><td class=\"n\">");
        fixed(sink, st[i].lowest, r->decimals);
        pk_sink_printf(sink, "</td><td class=\"n\">%zu</td></tr>\n", st[i].count);
    }
    puts_(sink, "</tbody>\n</table>\n</section>\n");
    pk_free(st);
}

static void groups(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang)
{
    const pekppp_rubric *r = b->rubric;
    size_t i, k;
    int opened = 0;
    for (k = 0; k < sizeof(html_group_kinds) / sizeof(html_group_kinds[0]); k++) {
        int any = 0;
        for (i = 0; i < b->ngroups; i++) {
            const pk_group *g = &b->groups[i];
            if (g->kind != html_group_kinds[k].kind)
                continue;
            if (!opened++)
                puts_(sink, "<section id=\"groups\">\n");
            if (!any++) {
                pk_sink_printf(sink, "<h2>");
                msg(sink, lang, html_group_kinds[k].title);
                pk_sink_printf(sink, "</h2>\n<table class=\"group\" data-by=\"%s\">\n<thead><tr>"
                                     "<th scope=\"col\"></th><th scope=\"col\" class=\"n\">n</th>",
                               html_group_kinds[k].name);
                th_col(sink, lang, M_MEAN, "n");
                th_col(sink, lang, M_GRADE, NULL);
                puts_(sink, "</tr></thead>\n<tbody>\n");
            }
            puts_(sink, "<tr><th scope=\"row\">");
            esc(sink, g->key);
            pk_sink_printf(sink, "</th><td class=\"n\">%zu</td><td class=\"n\">", g->units);
            fixed(sink, g->mean_rounded, r->decimals);
            puts_(sink, "</td><td>");
            badge(sink, r, g->band, 1, 1);
            puts_(sink, "</td></tr>\n");
        }
        if (any)
            puts_(sink, "</tbody>\n</table>\n");
    }
    if (opened)
        puts_(sink, "</section>\n");
}

static void failures(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang)
{
    size_t i;
    if (b->nerrors == 0)
        return;
    puts_(sink, "<section id=\"failed\">\n<h2>");
    msg(sink, lang, M_FAILED);
    puts_(sink, "</h2>\n<ul class=\"errors\">\n");
    for (i = 0; i < b->nerrors; i++) {
        const pk_failure *f = &b->errors[i];
        puts_(sink, "<li><code>");
        esc(sink, f->file);
        if (f->line)
            pk_sink_printf(sink, ":%u:%u", f->line, f->column);
        puts_(sink, "</code>: ");
        if (f->path && f->path[0]) {
            puts_(sink, "<code>");
            esc(sink, f->path);
            puts_(sink, "</code>: ");
        }
        esc(sink, pk_failure_message(f, lang));
        puts_(sink, "</li>\n");
    }
    puts_(sink, "</ul>\n</section>\n");
}

void pk_batch_html(pekppp_sink *sink, const pekppp_batch *b, const pekppp_report_options *o)
{
    const pekppp_rubric *r = b->rubric;
    pekppp_lang lang = o->lang;
    char hash[45];
    script_hash(hash);
    page_start(sink, lang, hash);
    msg(sink, lang, M_RANKING);
    puts_(sink, " — ");
    esc(sink, r->id);
    puts_(sink, " — PEKPPP");
    page_body(sink, "batch");
    puts_(sink, "<header class=\"top\" id=\"top\">\n<div class=\"ident\">\n<p class=\"kicker\">");
    msg(sink, lang, M_H_BATCH_REPORT);
    puts_(sink, "</p>\n<h1>");
    if (r->title)
        esc(sink, r->title);
    else
        esc(sink, r->id);
    puts_(sink, "</h1>\n<p class=\"uid\">");
    msg(sink, lang, M_RUBRIC);
    puts_(sink, " <code>");
    esc(sink, r->id);
    puts_(sink, "</code> ");
    msg(sink, lang, M_VERSION);
    puts_(sink, " <code>");
    esc(sink, r->version);
    puts_(sink, "</code></p>\n</div>\n");
    if (b->nunits > 0) {
        puts_(sink, "<div class=\"scorebox\">\n<div class=\"idx-label\">");
        msg(sink, lang, M_MEAN);
        puts_(sink, "</div>\n<div class=\"idx\">");
        fixed(sink, b->mean_rounded, r->decimals);
        puts_(sink, "</div>\n<div>");
        badge(sink, r, b->mean_band, 0, 1);
        puts_(sink, "</div>\n</div>\n");
    }
    puts_(sink, "</header>\n");
    batch_summary(sink, b, lang);
    ranking(sink, b, lang);
    heatmap(sink, b, lang);
    most_missed(sink, b, lang);
    lowest_aspects(sink, b, lang);
    groups(sink, b, lang);
    failures(sink, b, lang);
    receipt(sink, r, NULL, NULL, o);
    puts_(sink, "</main>\n<script>");
    puts_(sink, sort_script);
    puts_(sink, "</script>\n</body>\n</html>\n");
}
