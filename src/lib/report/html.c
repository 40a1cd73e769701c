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
 * texts, ids, file names, messages quoting them) goes through pk_html_text()
 * (escape.c), which
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
#include "html_internal.h"

#include <string.h>

/* A catalogue message, escaped like any text. */
void pk_html_msg(pekppp_sink *sink, pekppp_lang lang, pk_msg_id id)
{
    pk_html_text(sink, pk_msg(lang, id));
}

void pk_html_fixed(pekppp_sink *sink, int64_t units, int decimals)
{
    pk_fixed_point(sink, units, decimals, '.', 0);
}

/* A 10^4-scaled decimal without trailing zeros (weights). */
void pk_html_dec_short(pekppp_sink *sink, int64_t scaled)
{
    char buf[48];
    if (pk_dec_format_short(buf, sizeof(buf), scaled) > 0)
        puts_(sink, buf);
}

/* a / b rounded half away from zero; b > 0. */
int64_t pk_html_div_round(int64_t a, int64_t b)
{
    return a >= 0 ? (a + b / 2) / b : -((-a + b / 2) / b);
}

int64_t pk_html_pow10(int n)
{
    int64_t p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}

/* Tenths of a pixel as "123.4". */
void pk_html_coord(pekppp_sink *sink, int64_t tenths)
{
    pk_html_fixed(sink, tenths, 1);
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
    ".kicker{margin:0;color:var(--mute);font-size:.78em;letter-spacing:.07em;text-transform:"
    "uppercase}\n"
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
    ".bars li{display:grid;grid-template-columns:minmax(8em,14em) 1fr "
    "4em;gap:8px;align-items:center;"
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

/* The unit page's own style: what a reader must see first (a what-if's
 * banner and real score, the caveats). */
static const char unit_css[] =
    ".hypo{margin:0 0 16px;padding:.55em .9em;border:2px solid #9a6700;background:#fff8c5;"
    "font-weight:600}\n"
    ".actual{margin:.3em 0;font-weight:600}\n"
    ".caveats{margin-top:18px;padding:.4em 1em .5em;border:2px solid #b42318;background:#fff5f4}\n"
    ".caveats h2{border-bottom:0;margin:0 0 .2em;color:#b42318}\n"
    ".caveats ul{margin:0;padding-left:1.2em}\n";

void pk_html_page_start(pekppp_sink *sink, pekppp_lang lang, const char *script_hash)
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
/* The batch page's own rules, after the shared ones: wide tables scroll in
 * their box, the heatmap's legend, and on a phone (420 px) the tables
 * shrink to fit instead of pushing the page wider (a ranking badge shows
 * its grade only; the label is in the summary). */
static const char batch_css[] =
    ".wide{overflow-x:auto}\n"
    ".sub-title{margin:.1em 0 .2em;font-weight:600}\n"
    "ul.legend{list-style:none;margin:.2em 0 0;padding:0;display:flex;flex-wrap:wrap;"
    "gap:.15em 1.2em;font-size:.9em}\n"
    "@media (max-width:700px){"
    ".batch .scorebox{min-width:0}.batch .summary>figure{flex:1 1 100%;min-width:0}"
    ".batch th,.batch td{padding:.3em .28em}.batch thead th{white-space:normal}"
    ".batch td.id{white-space:normal}.batch td .badge .l{display:none}"
    ".batch table{font-size:.88em}.batch table.hm{font-size:.8em}"
    ".batch table.hm td{min-width:0}}\n";

void pk_html_page_body(pekppp_sink *sink, const char *kind)
{
    size_t i;
    puts_(sink, "</title>\n<style>\n");
    for (i = 0; i < sizeof(css) / sizeof(css[0]); i++)
        puts_(sink, css[i]);
    if (strcmp(kind, "unit") == 0)
        puts_(sink, unit_css);
    if (strcmp(kind, "batch") == 0)
        puts_(sink, batch_css);
    pk_sink_printf(sink, "</style>\n</head>\n<body class=\"%s\">\n<main>\n", kind);
}

/* The band's colour class: a fixed palette of nine, spread over the bands by
 * position (the top band green, the bottom one red). */
int pk_html_band_colour(const pekppp_rubric *r, const pekppp_band *b)
{
    size_t pos, n = r->nbands;
    if (!b || n < 2)
        return 0;
    pos = (size_t)(b - r->bands);
    return (int)((pos * 8 * 2 + (n - 1)) / (2 * (n - 1)));
}

/* Grade and label in the band's colour; the text is always there. */
void pk_html_badge(pekppp_sink *sink, const pekppp_rubric *r, const pekppp_band *b, int small,
                   int with_label)
{
    if (!b)
        return;
    pk_sink_printf(sink, "<span class=\"badge%s c%d\"><span class=\"g\">", small ? " sm" : "",
                   pk_html_band_colour(r, b));
    pk_html_text(sink, b->grade);
    puts_(sink, "</span>");
    if (with_label) {
        puts_(sink, "<span class=\"l\">");
        pk_html_text(sink, b->label);
        puts_(sink, "</span>");
    }
    puts_(sink, "</span>");
}

/* A heading cell of a table: <th scope="col"> with an optional class. */
void pk_html_th_col(pekppp_sink *sink, pekppp_lang lang, pk_msg_id id, const char *cls)
{
    puts_(sink, "<th scope=\"col\"");
    if (cls)
        pk_sink_printf(sink, " class=\"%s\"", cls);
    puts_(sink, ">");
    pk_html_msg(sink, lang, id);
    puts_(sink, "</th>");
}

static void receipt_row(pekppp_sink *sink, const char *label, const char *value, int code)
{
    puts_(sink, "<tr><th scope=\"row\">");
    pk_html_text(sink, label);
    puts_(sink, code ? "</th><td><code>" : "</th><td>");
    pk_html_text(sink, value);
    puts_(sink, code ? "</code></td></tr>\n" : "</td></tr>\n");
}

/* The receipt: tool, rubric and its hash, input file and its hash, time. */
void pk_html_receipt(pekppp_sink *sink, const pekppp_rubric *r, const char *file, const char *sha,
                     const pekppp_report_options *o)
{
    pekppp_lang lang = o->lang;
    puts_(sink, "<footer id=\"receipt\">\n<h2>");
    pk_html_msg(sink, lang, M_H_RECEIPT);
    puts_(sink, "</h2>\n<table class=\"receipt\">\n<tbody>\n");
    receipt_row(sink, pk_msg(lang, M_H_TOOL), "pekppp " PEKPPP_VERSION, 0);
    puts_(sink, "<tr><th scope=\"row\">");
    pk_html_msg(sink, lang, M_RUBRIC);
    puts_(sink, "</th><td><span class=\"rubric-id\">");
    pk_html_text(sink, r->id);
    puts_(sink, "</span> ");
    pk_html_msg(sink, lang, M_VERSION);
    puts_(sink, " <span class=\"rubric-version\">");
    pk_html_text(sink, r->version);
    puts_(sink, "</span></td></tr>\n");
    receipt_row(sink, "SHA-256", r->sha256, 1);
    if (file) {
        receipt_row(sink, pk_msg(lang, M_H_INPUT), file, 1);
        if (sha && sha[0])
            receipt_row(sink, "SHA-256", sha, 1);
    }
    if (o->baseline) {
        /* A what-if: the file's hash is the file's, the score is not. */
        const pekppp_result *base = o->baseline;
        puts_(sink, "<tr class=\"set\"><th scope=\"row\">");
        pk_html_msg(sink, lang, M_SET_CHANGED);
        puts_(sink, "</th><td>");
        pk_changes_write(sink, r, o->changes, o->nchanges, "→", pk_html_text);
        puts_(sink, "</td></tr>\n<tr class=\"set\"><th scope=\"row\">");
        pk_html_msg(sink, lang, M_ACTUAL);
        puts_(sink, "</th><td>");
        pk_html_fixed(sink, base->index_rounded, r->decimals);
        if (base->band) {
            puts_(sink, " ");
            pk_html_text(sink, base->band->grade);
        }
        puts_(sink, "</td></tr>\n");
    }
    if (o->timestamp)
        receipt_row(sink, pk_msg(lang, M_H_GENERATED), o->timestamp, 0);
    puts_(sink, "</tbody>\n</table>\n</footer>\n");
}
