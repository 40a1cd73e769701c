/*
 * The HTML batch page: summary with the grade chart, ranking (sortable by
 * the one fixed script), heatmap, most-missed indicators, lowest aspects,
 * groups and failures.
 */
#include "html_internal.h"

#include "sha256.h"

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

static void batch_summary(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang)
{
    const pekppp_rubric *r = b->rubric;
    size_t i;
    puts_(sink, "<section id=\"summary\">\n<h2>");
    pk_html_msg(sink, lang, M_SUMMARY);
    puts_(sink, "</h2>\n<div class=\"summary\">\n<dl class=\"meta\">\n<dt>");
    pk_html_msg(sink, lang, M_UNITS_COUNT);
    pk_sink_printf(sink, "</dt><dd id=\"n-units\">%zu</dd>\n<dt>", b->nunits + b->nerrors);
    pk_html_msg(sink, lang, M_SCORED);
    pk_sink_printf(sink, "</dt><dd id=\"n-scored\">%zu</dd>\n<dt>", b->nunits);
    pk_html_msg(sink, lang, M_FAILED_LOAD);
    pk_sink_printf(sink, "</dt><dd id=\"n-failed\">%zu</dd>\n", b->nerrors);
    if (b->nunits > 0) {
        puts_(sink, "<dt>");
        pk_html_msg(sink, lang, M_MEAN);
        puts_(sink, "</dt><dd><strong id=\"mean\">");
        pk_html_fixed(sink, b->mean_rounded, r->decimals);
        puts_(sink, "</strong> ");
        pk_html_badge(sink, r, b->mean_band, 1, 1);
        puts_(sink, "</dd>\n<dt>");
        pk_html_msg(sink, lang, M_GRADES);
        puts_(sink, "</dt><dd id=\"grade-counts\">");
        for (i = 0; i < r->nbands; i++) {
            puts_(sink, i ? ", " : "");
            pk_html_text(sink, r->bands[i].grade);
            pk_sink_printf(sink, " %zu", b->grade_counts[i]);
        }
        puts_(sink, "</dd>\n");
    }
    puts_(sink, "</dl>\n");
    if (b->nunits > 0) {
        puts_(sink, "<figure>\n");
        pk_html_grade_chart(sink, b, lang);
        puts_(sink, "<figcaption>");
        pk_html_msg(sink, lang, M_H_UNITS_PER_GRADE);
        puts_(sink, "</figcaption>\n</figure>\n");
    }
    puts_(sink, "</div>\n</section>\n");
}

static void ranking(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang)
{
    const pekppp_rubric *r = b->rubric;
    size_t i;
    puts_(sink, "<section id=\"ranking-section\">\n<h2>");
    pk_html_msg(sink, lang, M_RANKING);
    puts_(sink, "</h2>\n");
    if (b->nunits == 0) {
        puts_(sink, "<p>");
        pk_html_msg(sink, lang, M_NO_UNITS);
        puts_(sink, "</p>\n</section>\n");
        return;
    }
    puts_(sink, "<div class=\"wide\">\n<table id=\"ranking\">\n<caption>");
    pk_html_msg(sink, lang, M_H_SORT_HINT);
    puts_(sink, "</caption>\n<thead><tr>"
                "<th scope=\"col\" class=\"n\" data-key=\"rank\" data-type=\"num\" "
                "aria-sort=\"ascending\">");
    pk_html_msg(sink, lang, M_RANK);
    puts_(sink, "</th><th scope=\"col\" data-key=\"id\">ID</th>"
                "<th scope=\"col\" data-key=\"name\">");
    pk_html_msg(sink, lang, M_UNIT);
    puts_(sink, "</th><th scope=\"col\" class=\"n\" data-key=\"index\" data-type=\"num\">");
    pk_html_msg(sink, lang, M_INDEX_SHORT);
    puts_(sink, "</th><th scope=\"col\" data-key=\"band\" data-type=\"num\">");
    pk_html_msg(sink, lang, M_GRADE);
    puts_(sink, "</th></tr></thead>\n<tbody>\n");
    for (i = 0; i < b->nunits; i++) {
        const pk_unit *u = b->units[i];
        pk_sink_printf(sink, "<tr data-rank=\"%u\" data-id=\"", (unsigned)u->rank);
        pk_html_text(sink, u->id);
        puts_(sink, "\" data-name=\"");
        pk_html_text(sink, u->name ? u->name : "");
        puts_(sink, "\" data-index=\"");
        pk_html_fixed(sink, u->index_rounded, r->decimals);
        pk_sink_printf(sink, "\" data-band=\"%zu\" data-grade=\"",
                       u->band ? (size_t)(u->band - r->bands) : r->nbands);
        pk_html_text(sink, u->band ? u->band->grade : "");
        pk_sink_printf(sink, "\"><td class=\"n\">%u</td><td class=\"id\"><code>",
                       (unsigned)u->rank);
        pk_html_text(sink, u->id);
        puts_(sink, "</code></td><td>");
        pk_html_text(sink, u->name ? u->name : "");
        puts_(sink, "</td><td class=\"n\">");
        pk_html_fixed(sink, u->index_rounded, r->decimals);
        puts_(sink, "</td><td>");
        pk_html_badge(sink, r, u->band, 1, 1);
        puts_(sink, "</td></tr>\n");
    }
    puts_(sink, "</tbody>\n</table>\n</div>\n");
    if (b->rank_split) {
        puts_(sink, "<p class=\"hint\" id=\"rank-note\">");
        pk_html_msg(sink, lang, M_I_RANK_EXACT);
        puts_(sink, "</p>\n");
    }
    puts_(sink, "</section>\n");
}

/* A warning under the title when the ranking mixes periods, naming them. */
static void mixed_periods(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang)
{
    size_t i;
    if (b->nperiods < 2)
        return;
    puts_(sink, "<p class=\"warn\" id=\"mixed-periods\">");
    pk_html_msg(sink, lang, M_I_MIXED_PERIODS);
    puts_(sink, ": ");
    for (i = 0; i < b->nperiods; i++) {
        puts_(sink, i ? ", " : "");
        pk_html_text(sink, b->periods[i]);
    }
    puts_(sink, b->nperiods == PK_PERIODS_COUNTED ? ", …</p>\n" : "</p>\n");
}

static void heatmap(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang)
{
    const pekppp_rubric *r = b->rubric;
    int64_t unit = pk_html_pow10(r->decimals), lo = (int64_t)r->scale_min * unit,
            full = (int64_t)(r->scale_max - r->scale_min) * unit;
    size_t i, k;
    if (b->nunits == 0)
        return;
    puts_(sink, "<section id=\"heatmap\" class=\"pb\">\n<h2>");
    pk_html_msg(sink, lang, M_H_HEATMAP);
    puts_(sink, " (");
    pk_html_msg(sink, lang, M_H_SCALE);
    pk_sink_printf(sink, " %d–%d)</h2>\n", r->scale_min, r->scale_max);
    puts_(sink, "<div class=\"wide\">\n<table class=\"hm\" id=\"heatmap-table\">\n<caption>");
    pk_html_msg(sink, lang, M_H_HEATMAP_HINT);
    puts_(sink, "</caption>\n<thead><tr>");
    pk_html_th_col(sink, lang, M_RANK, "n");
    pk_html_th_col(sink, lang, M_UNIT, NULL);
    for (k = 0; k < r->naspects; k++) {
        puts_(sink, "<th scope=\"col\" title=\"");
        pk_html_text(sink, r->aspects[k].name);
        puts_(sink, "\">");
        pk_html_text(sink, pk_html_aspect_label(&r->aspects[k]));
        puts_(sink, "</th>");
    }
    pk_html_th_col(sink, lang, M_INDEX_SHORT, "n");
    puts_(sink, "</tr></thead>\n<tbody>\n");
    for (i = 0; i < b->nunits; i++) {
        const pk_unit *u = b->units[i];
        pk_sink_printf(sink, "<tr><td class=\"n\">%u</td><th scope=\"row\">", (unsigned)u->rank);
        pk_html_text(sink, u->name && u->name[0] ? u->name : u->id);
        if (u->name && u->name[0]) {
            puts_(sink, " <code class=\"sub\">");
            pk_html_text(sink, u->id);
            puts_(sink, "</code>");
        }
        puts_(sink, "</th>");
        for (k = 0; k < r->naspects; k++) {
            int64_t v = u->aspects[k], shade;
            if (v == INT32_MIN) {
                puts_(sink, "<td class=\"nv\">");
                pk_html_msg(sink, lang, M_NA);
                puts_(sink, "</td>");
                continue;
            }
            shade = full > 0 ? pk_html_div_round((v - lo) * 8, full) : 0;
            if (shade < 0)
                shade = 0;
            if (shade > 8)
                shade = 8;
            pk_sink_printf(sink, "<td class=\"h%d\">", (int)shade);
            pk_html_fixed(sink, v, r->decimals);
            puts_(sink, "</td>");
        }
        puts_(sink, "<td class=\"n\"><strong>");
        pk_html_fixed(sink, u->index_rounded, r->decimals);
        puts_(sink, "</strong></td></tr>\n");
    }
    puts_(sink, "</tbody>\n</table>\n</div>\n");
    /* The columns are headed by code; their names are printed too, not only
     * in tooltips (which paper does not have). */
    puts_(sink, "<ul class=\"legend\" id=\"heatmap-legend\">\n");
    for (k = 0; k < r->naspects; k++) {
        const pekppp_aspect *a = &r->aspects[k];
        puts_(sink, "<li><strong>");
        pk_html_text(sink, pk_html_aspect_label(a));
        puts_(sink, "</strong>");
        if (pk_html_aspect_label(a) != a->name) {
            puts_(sink, " ");
            pk_html_text(sink, a->name);
        }
        puts_(sink, "</li>\n");
    }
    puts_(sink, "</ul>\n</section>\n");
}

/* The indicators that cost the units the most index points (the view:
 * pk_missed_view_make). */
static void most_missed(pekppp_sink *sink, const pekppp_batch *b, const pk_missed_view *v,
                        pekppp_lang lang)
{
    const pekppp_rubric *r = b->rubric;
    size_t k;
    if (v->nrows == 0 && v->left_out == 0)
        return;
    puts_(sink, "<section id=\"most-missed\">\n<h2>");
    pk_html_msg(sink, lang, M_H_MISSED);
    puts_(sink, "</h2>\n<p class=\"hint\">");
    pk_html_msg(sink, lang, M_H_MISSED_HINT);
    puts_(sink, "</p>\n<div class=\"wide\">\n<table id=\"missed-table\">\n<thead><tr>"
                "<th scope=\"col\" class=\"n\">#</th>");
    pk_html_th_col(sink, lang, M_INDICATORS, NULL);
    pk_html_th_col(sink, lang, M_ASPECT, NULL);
    pk_html_th_col(sink, lang, M_H_UNITS_BELOW_TOP, "n");
    pk_html_th_col(sink, lang, M_H_LOST_TOTAL, "n");
    pk_html_th_col(sink, lang, M_H_LOST_MEAN, "n");
    puts_(sink, "</tr></thead>\n<tbody>\n");
    for (k = 0; k < v->nrows; k++) {
        const pk_missed_row *row = &v->rows[k];
        const pekppp_indicator *ind = &r->indicators[row->indicator];
        pk_sink_printf(sink, "<tr><td class=\"n\">%zu</td><td><code>", k + 1);
        pk_html_text(sink, ind->id);
        puts_(sink, "</code> ");
        pk_html_text(sink, ind->name);
        puts_(sink, "</td><td>");
        pk_html_text(sink, pk_html_aspect_label(&r->aspects[ind->aspect]));
        pk_sink_printf(sink, "</td><td class=\"n\">%u / %zu</td><td class=\"n lost\">−",
                       (unsigned)row->units, b->nunits);
        pk_html_fixed(sink, row->total, r->decimals);
        puts_(sink, "</td><td class=\"n\">−");
        pk_html_fixed(sink, row->mean, r->decimals);
        puts_(sink, "</td></tr>\n");
    }
    puts_(sink, "</tbody>\n</table>\n</div>\n");
    if (v->left_out) {
        pk_sink_printf(sink, "<p class=\"hint\" id=\"missed-left-out\">%zu ", v->left_out);
        pk_html_msg(sink, lang, M_H_MISSED_LEFT_OUT);
        puts_(sink, "</p>\n");
    }
    puts_(sink, "</section>\n");
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
    pk_html_msg(sink, lang, M_H_LOWEST);
    puts_(sink, "</h2>\n<p class=\"hint\">");
    pk_html_msg(sink, lang, M_H_LOWEST_HINT);
    puts_(sink, "</p>\n<div class=\"wide\">\n<table id=\"lowest-table\">\n<thead><tr>"
                "<th scope=\"col\" class=\"n\">#</th><th scope=\"col\"></th>");
    pk_html_th_col(sink, lang, M_ASPECT, NULL);
    pk_html_th_col(sink, lang, M_WEIGHT, "n");
    pk_html_th_col(sink, lang, M_H_MEAN_SCORE, "n");
    pk_html_th_col(sink, lang, M_H_LOWEST_SCORE, "n");
    puts_(sink, "<th scope=\"col\" class=\"n\">n</th></tr></thead>\n<tbody>\n");
    for (i = 0; i < n; i++) {
        const pekppp_aspect *a = &r->aspects[st[i].aspect];
        pk_sink_printf(sink, "<tr><td class=\"n\">%zu</td><td class=\"id\">", i + 1);
        pk_html_text(sink, a->code ? a->code : "");
        puts_(sink, "</td><td>");
        pk_html_text(sink, a->name);
        puts_(sink, "</td><td class=\"n\">");
        pk_html_dec_short(sink, a->weight);
        puts_(sink, "%</td>");
        if (!st[i].count) {
            puts_(sink,
                  "<td class=\"n\">–</td><td class=\"n\">–</td><td class=\"n\">0</td></tr>\n");
            continue;
        }
        puts_(sink, "<td class=\"n\"><strong>");
        pk_html_fixed(sink, pk_html_div_round(st[i].sum, (int64_t)st[i].count), r->decimals);
        puts_(sink, "</strong></td><td class=\"n\">");
        pk_html_fixed(sink, st[i].lowest, r->decimals);
        pk_sink_printf(sink, "</td><td class=\"n\">%zu</td></tr>\n", st[i].count);
    }
    puts_(sink, "</tbody>\n</table>\n</div>\n</section>\n");
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
                pk_html_msg(sink, lang, html_group_kinds[k].title);
                pk_sink_printf(sink, "</h2>\n<table class=\"group\" data-by=\"%s\">\n<thead><tr>"
                                     "<th scope=\"col\"></th><th scope=\"col\" class=\"n\">n</th>",
                               html_group_kinds[k].name);
                pk_html_th_col(sink, lang, M_MEAN, "n");
                pk_html_th_col(sink, lang, M_GRADE, NULL);
                puts_(sink, "</tr></thead>\n<tbody>\n");
            }
            puts_(sink, "<tr><th scope=\"row\">");
            pk_html_text(sink, g->key);
            pk_sink_printf(sink, "</th><td class=\"n\">%zu</td><td class=\"n\">", g->units);
            pk_html_fixed(sink, g->mean_rounded, r->decimals);
            puts_(sink, "</td><td>");
            pk_html_badge(sink, r, g->band, 1, 1);
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
    pk_html_msg(sink, lang, M_FAILED);
    puts_(sink, "</h2>\n<ul class=\"errors\">\n");
    for (i = 0; i < b->nerrors; i++) {
        const pk_failure *f = &b->errors[i];
        puts_(sink, "<li><code>");
        pk_html_text(sink, f->file);
        if (f->sheet) {
            char where[400];
            pk_location("", f->sheet, f->line, f->column, 0, where, sizeof(where));
            puts_(sink, ":");
            pk_html_text(sink, where);
        } else if (f->line)
            pk_sink_printf(sink, ":%u:%u", f->line, f->column);
        puts_(sink, "</code>: ");
        if (f->path && f->path[0]) {
            puts_(sink, "<code>");
            pk_html_text(sink, f->path);
            puts_(sink, "</code>: ");
        }
        pk_html_text(sink, pk_failure_message(f, lang));
        puts_(sink, "</li>\n");
    }
    puts_(sink, "</ul>\n</section>\n");
}

/* What the page is about: the batch's title when one was given
 * (pekppp_batch_options.title), else the institution and the period the
 * units share ("Pemerintah Kabupaten Pekalongan · Periode 2025"), else NULL. */
static int page_subject(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang)
{
    if (b->title) {
        pk_html_text(sink, b->title);
        return 1;
    }
    if (!b->institution && !b->period)
        return 0;
    if (b->institution)
        pk_html_text(sink, b->institution);
    if (b->institution && b->period)
        puts_(sink, " · ");
    if (b->period) {
        pk_html_msg(sink, lang, M_PERIOD);
        puts_(sink, " ");
        pk_html_text(sink, b->period);
    }
    return 1;
}

void pk_batch_html(pekppp_sink *sink, const pekppp_batch *b, const pekppp_report_options *o,
                   const pk_missed_view *missed)
{
    const pekppp_rubric *r = b->rubric;
    pekppp_lang lang = o->lang;
    char hash[45];
    int subject;
    script_hash(hash);
    pk_html_page_start(sink, lang, hash);
    /* "<subject> — Ranking — PEKPPP", or with the rubric id without a subject */
    if (page_subject(sink, b, lang))
        puts_(sink, " — ");
    pk_html_msg(sink, lang, M_RANKING);
    puts_(sink, " — ");
    if (!b->title && !b->institution && !b->period) {
        pk_html_text(sink, r->id);
        puts_(sink, " — ");
    }
    puts_(sink, "PEKPPP");
    pk_html_page_body(sink, "batch");
    puts_(sink, "<header class=\"top\" id=\"top\">\n<div class=\"ident\">\n<p class=\"kicker\">");
    pk_html_msg(sink, lang, M_H_BATCH_REPORT);
    puts_(sink, "</p>\n<h1>");
    subject = page_subject(sink, b, lang);
    if (!subject)
        pk_html_text(sink, r->title ? r->title : r->id);
    puts_(sink, "</h1>\n");
    if (subject && r->title) {
        puts_(sink, "<p class=\"sub-title\">");
        pk_html_text(sink, r->title);
        puts_(sink, "</p>\n");
    }
    puts_(sink, "<p class=\"uid\">");
    pk_html_msg(sink, lang, M_RUBRIC);
    puts_(sink, " <code>");
    pk_html_text(sink, r->id);
    puts_(sink, "</code> ");
    pk_html_msg(sink, lang, M_VERSION);
    puts_(sink, " <code>");
    pk_html_text(sink, r->version);
    puts_(sink, "</code></p>\n");
    mixed_periods(sink, b, lang);
    puts_(sink, "</div>\n");
    if (b->nunits > 0) {
        puts_(sink, "<div class=\"scorebox\">\n<div class=\"idx-label\">");
        pk_html_msg(sink, lang, M_MEAN);
        puts_(sink, "</div>\n<div class=\"idx\">");
        pk_html_fixed(sink, b->mean_rounded, r->decimals);
        puts_(sink, "</div>\n<div>");
        pk_html_badge(sink, r, b->mean_band, 0, 1);
        puts_(sink, "</div>\n</div>\n");
    }
    puts_(sink, "</header>\n");
    batch_summary(sink, b, lang);
    ranking(sink, b, lang);
    heatmap(sink, b, lang);
    most_missed(sink, b, missed, lang);
    lowest_aspects(sink, b, lang);
    groups(sink, b, lang);
    failures(sink, b, lang);
    pk_html_receipt(sink, r, NULL, NULL, o);
    puts_(sink, "</main>\n<script>");
    puts_(sink, sort_script);
    puts_(sink, "</script>\n</body>\n</html>\n");
}
