/*
 * `pekppp skm` reports (pekppp/skm.h): text, JSON, Markdown, HTML and CSV.
 *
 * Everything shown was worked out by skm.c before the first byte; this file
 * only formats it.  Indonesian text and Markdown write decimals with a
 * comma, as the regulation prints them ("0,11"); JSON and CSV (plain
 * dialect) with a point.
 */
#include "html_internal.h"
#include "skm_internal.h"

#include <string.h>


static const char *const words[W_COUNT][2] = {
    { "Survei Kepuasan Masyarakat (SKM)", "Community Satisfaction Survey (SKM)" },
    { "Unit", "Unit" },
    { "(seluruh lembar)", "(the whole sheet)" },
    { "Instrumen", "Instrument" },
    { "versi", "version" },
    { "Bobot", "Weights" },
    { "tepat, ", "exact, " },
    { " per unsur (konvensi lembar lama, tidak dinormalkan)",
      " per unsur (a legacy sheet's convention, not normalised)" },
    { "Responden", "Respondents" },
    { "baris tanpa jawaban, tidak dihitung", "rows with no answer, not counted" },
    { "Unsur", "Unsur" },
    { "Dijawab", "Answered" },
    { "Kosong", "Blank" },
    { "NRR", "NRR" },
    { "NRR tertimbang", "Weighted NRR" },
    { "IKM (1-4)", "IKM (1-4)" },
    { "IKM unit (25-100)", "Unit IKM (25-100)" },
    { "tepat", "exact" },
    { "Mutu", "Grade" },
    { "Kinerja", "Performance" },
    { "Konvensi lain", "Other conventions" },
    { "dengan bobot", "with weight" },
    { "Prioritas perbaikan (NRR terendah dulu)", "Follow-up priority (lowest NRR first)" },
    { "Profil responden", "Respondent profile" },
    { "tidak ada responden yang menjawab: IKM tidak dihitung",
      "no respondent answered: no IKM" },
    { "Ringkasan", "Summary" },
    { "unit", "units" },
    { "tidak dijawab", "not answered" },
    { "(kosong)", "(blank)" },
    { "responden; mutu", "respondents; grades" },
    { "NRR per unsur", "NRR per unsur" },
    { "Batang: NRR tiap unsur (skala 1-4). Garis: batas bawah tiap mutu, dalam NRR.",
      "Bars: the NRR of each unsur (scale 1-4). Lines: the lower limit of each grade, as an NRR." },
    { "IKM", "IKM" },
    { "Prioritas", "Priority" },
    { "Kode", "Code" },
    { "Baris kosong", "Empty rows" },
    { "Nilai", "Value" },
    { "Jumlah", "Count" },
    { "Peringkat", "Rank" },
    { "Konvensi lain (mutu berbeda)", "Other conventions (another grade)" },
    { "Jumlah unit per mutu", "Units per grade" },
    { "Jumlah unit", "Units" },
    { "Profil", "Profile" },
};

const char *pk_skm_word(const pekppp_report_options *o, skm_word id)
{
    return words[id][o->lang == PEKPPP_LANG_EN ? 1 : 0];
}

#define w pk_skm_word

static char point_of(const pekppp_report_options *o)
{
    return o->lang == PEKPPP_LANG_EN ? '.' : ',';
}

const char *pk_skm_weight_text(char *buf, size_t size, const pekppp_skm *s, int64_t weight,
                               char point)
{
    if (weight == 0) {
        if (s->r->nindicators && s->r->iweights &&
            pk_rat_format(buf, size, s->r->iweights[0]) > 0)
            return buf;
        return "exact";
    }
    if (pk_dec_format_short(buf, size, weight) > 0) {
        char *dot = strchr(buf, '.');
        if (dot)
            *dot = point;
        return buf;
    }
    return "";
}

/* A weight convention as the regulation prints it: "1/9" (exact) or "0,11". */
static void put_weight(pekppp_sink *sink, const pekppp_skm *s, int64_t weight, char point)
{
    char buf[64];
    pekppp_sink_puts(sink, pk_skm_weight_text(buf, sizeof(buf), s, weight, point));
}

static void put_rat(pekppp_sink *sink, pk_rat v)
{
    char buf[96];
    if (pk_rat_format(buf, sizeof(buf), v) > 0)
        pekppp_sink_puts(sink, buf);
}

/* Is every unsur weighted alike (a convention prints as one weight)? */
static const char *weights_text_key(const pekppp_skm *s)
{
    return s->weight ? "legacy" : "exact";
}

/* The convention used: "tepat, 1/9 per unsur" or "0,11 per unsur (...)". */
static void put_convention(pekppp_sink *sink, const pekppp_skm *s, const pekppp_report_options *o)
{
    if (!s->weight)
        pekppp_sink_puts(sink, w(o, W_WEIGHTS_EXACT));
    put_weight(sink, s, s->weight, point_of(o));
    pekppp_sink_puts(sink, s->weight ? w(o, W_WEIGHTS_LEGACY) : " per unsur");
}

/* ---- text ---- */

static void text_unit(pekppp_sink *sink, const pekppp_skm *s, const pk_skm_unit *u,
                      const pekppp_report_options *o)
{
    const pekppp_rubric *r = s->r;
    char pt = point_of(o);
    size_t i;
    int p;
    pk_text_cell(sink, w(o, W_UNIT), 10, 1);
    pekppp_sink_puts(sink, ": ");
    if (u->ru->unit_id) {
        pk_text_cell(sink, u->label, 0, 0);
        if (u->ru->unit_name) {
            pekppp_sink_puts(sink, " (");
            pk_text_cell(sink, u->ru->unit_name, 0, 0);
            pekppp_sink_puts(sink, ")");
        }
    } else {
        pekppp_sink_puts(sink, w(o, W_WHOLE_SHEET));
    }
    pekppp_sink_puts(sink, "\n");
    pk_text_cell(sink, w(o, W_RESPONDENTS), 10, 1);
    pk_sink_printf(sink, ": %ld", u->ru->respondents);
    if (u->ru->empty)
        pk_sink_printf(sink, " (+%ld %s)", u->ru->empty, w(o, W_EMPTY_ROWS));
    pekppp_sink_puts(sink, "\n\n");
    if (!u->res) {
        pk_sink_printf(sink, "%s\n\n", w(o, W_NO_RESPONDENTS));
        return;
    }
    pk_text_cell(sink, w(o, W_UNSUR), 40, 1);
    pk_text_cell(sink, w(o, W_ANSWERED), 8, 1);
    pk_text_cell(sink, w(o, W_BLANK), 7, 1);
    pk_text_cell(sink, w(o, W_NRR), 6, 1);
    pekppp_sink_puts(sink, w(o, W_NRR_W));
    pekppp_sink_puts(sink, "\n");
    for (i = 0; i < r->nindicators; i++) {
        char cell[160];
        size_t len = strlen(r->indicators[i].id);
        memcpy(cell, r->indicators[i].id, len < 8 ? len : 8);
        cell[len < 8 ? len : 8] = '\0';
        pk_text_cell(sink, cell, 5, 1);
        pk_text_cell(sink, r->indicators[i].name, 34, 1);
        pekppp_sink_puts(sink, " ");
        pk_sink_printf(sink, "%7lld %6lld ", (long long)u->ru->counts[i],
                       (long long)(u->ru->respondents - u->ru->counts[i]));
        if (u->ru->counts[i] == 0) {
            pk_sink_printf(sink, "%s\n", w(o, W_NOT_ANSWERED));
            continue;
        }
        pk_fixed_point(sink, u->nrr_r[i], r->decimals, pt, 0);
        pekppp_sink_puts(sink, "  ");
        pk_fixed_point(sink, u->nrr_w_r[i], 4, pt, 0);
        pekppp_sink_puts(sink, "\n");
    }
    pekppp_sink_puts(sink, "\n");
    pk_text_cell(sink, w(o, W_IKM), 17, 1);
    pekppp_sink_puts(sink, ": ");
    pk_fixed_point(sink, u->res->evaluator_rounded, r->decimals, pt, 0);
    pk_sink_printf(sink, "  (%s ", w(o, W_EXACT));
    put_rat(sink, u->res->evaluator);
    pekppp_sink_puts(sink, ")\n");
    pk_text_cell(sink, w(o, W_IKM_UNIT), 17, 1);
    pekppp_sink_puts(sink, ": ");
    pk_fixed_point(sink, u->res->index_rounded, r->decimals, pt, 0);
    pk_sink_printf(sink, "  (%s ", w(o, W_EXACT));
    put_rat(sink, u->res->index);
    pekppp_sink_puts(sink, ")\n");
    if (u->res->band) {
        pk_text_cell(sink, w(o, W_MUTU), 17, 1);
        pekppp_sink_puts(sink, ": ");
        pk_text_cell(sink, u->res->band->grade, 0, 0);
        pk_sink_printf(sink, "  (%s: ", w(o, W_KINERJA));
        pk_text_cell(sink, u->res->band->label, 0, 0);
        pekppp_sink_puts(sink, ")\n");
    }
    for (i = 0; i < u->nalts; i++) {
        const pk_skm_alt *a = &u->alts[i];
        if (a->band == u->res->band)
            continue;
        pk_text_cell(sink, w(o, W_OTHER_CONV), 17, 1);
        pk_sink_printf(sink, ": %s ", w(o, W_WITH_WEIGHT));
        put_weight(sink, s, a->weight, pt);
        pekppp_sink_puts(sink, ": ");
        pk_fixed_point(sink, a->index_rounded, r->decimals, pt, 0);
        pekppp_sink_puts(sink, " ");
        pk_text_cell(sink, a->band ? a->band->grade : "?", 0, 0);
        pekppp_sink_puts(sink, "\n");
    }
    pk_sink_printf(sink, "\n%s:\n", w(o, W_PRIORITY));
    for (i = 0; i < u->nrank; i++) {
        size_t k = u->rank[i];
        pk_sink_printf(sink, "%3zu. ", i + 1);
        pk_text_cell(sink, r->indicators[k].id, 5, 1);
        pk_text_cell(sink, r->indicators[k].name, 0, 0);
        pekppp_sink_puts(sink, "  ");
        pk_fixed_point(sink, u->nrr_r[k], r->decimals, pt, 0);
        pekppp_sink_puts(sink, "\n");
    }
    for (p = 0; p < PK_NPROFILES; p++) {
        const pk_resp_tally *t = &u->ru->profiles[p];
        if (!s->rs.has_profile[p])
            continue;
        if (p == 0 || !s->rs.has_profile[0]) {
            int q, first = 1;
            for (q = 0; q < p; q++)
                first &= !s->rs.has_profile[q];
            if (first)
                pk_sink_printf(sink, "\n%s:\n", w(o, W_PROFILE));
        }
        pk_sink_printf(sink, "  %s: ", pk_profile_name(p, o->lang == PEKPPP_LANG_EN));
        for (i = 0; i < t->n; i++) {
            pekppp_sink_puts(sink, i ? ", " : "");
            pk_text_cell(sink, t->v[i].value, 0, 0);
            pk_sink_printf(sink, " %ld", t->v[i].count);
        }
        if (t->blank)
            pk_sink_printf(sink, "%s%s %ld", t->n ? ", " : "", w(o, W_BLANK_VALUE), t->blank);
        pekppp_sink_puts(sink, "\n");
    }
    pekppp_sink_puts(sink, "\n");
}

static void text_report(pekppp_sink *sink, const pekppp_skm *s, const pekppp_report_options *o)
{
    const pekppp_rubric *r = s->r;
    size_t i;
    pk_sink_printf(sink, "%s\n", w(o, W_TITLE));
    pk_text_cell(sink, w(o, W_INSTRUMENT), 10, 1);
    pekppp_sink_puts(sink, ": ");
    pk_text_cell(sink, r->id, 0, 0);
    pk_sink_printf(sink, " (%s ", w(o, W_VERSION));
    pk_text_cell(sink, r->version, 0, 0);
    pekppp_sink_puts(sink, ")\n");
    pk_text_cell(sink, w(o, W_WEIGHTS), 10, 1);
    pekppp_sink_puts(sink, ": ");
    put_convention(sink, s, o);
    pekppp_sink_puts(sink, "\n\n");
    for (i = 0; i < s->nunits; i++)
        text_unit(sink, s, &s->units[i], o);
    if (s->nunits > 1) {
        size_t b;
        pk_sink_printf(sink, "%s: %zu %s, %ld %s", w(o, W_SUMMARY), s->nunits, w(o, W_UNITS),
                       s->respondents, w(o, W_RESPONDENTS_LC));
        for (b = 0; b < r->nbands && b < 16; b++) {
            pekppp_sink_puts(sink, b ? ", " : " ");
            pk_text_cell(sink, r->bands[b].grade, 0, 0);
            pk_sink_printf(sink, " %zu", s->grades[b]);
        }
        pekppp_sink_puts(sink, "\n");
    }
}

/* ---- JSON ---- */

static void json_fixed(pekppp_sink *sink, int64_t units, int decimals)
{
    pk_fixed_point(sink, units, decimals, '.', 0);
}

static void json_rat(pekppp_sink *sink, pk_rat v)
{
    pekppp_sink_puts(sink, "\"");
    put_rat(sink, v);
    pekppp_sink_puts(sink, "\"");
}

static void json_weight(pekppp_sink *sink, const pekppp_skm *s, int64_t weight)
{
    pekppp_sink_puts(sink, "\"");
    put_weight(sink, s, weight, '.');
    pekppp_sink_puts(sink, "\"");
}

static void json_unit(pekppp_sink *sink, const pekppp_skm *s, const pk_skm_unit *u)
{
    const pekppp_rubric *r = s->r;
    size_t i;
    int p;
    pekppp_sink_puts(sink, "    {\n      \"unit\": ");
    if (u->ru->unit_id)
        pk_json_string(sink, u->ru->unit_id);
    else
        pekppp_sink_puts(sink, "null");
    pekppp_sink_puts(sink, ",\n      \"name\": ");
    if (u->ru->unit_name)
        pk_json_string(sink, u->ru->unit_name);
    else
        pekppp_sink_puts(sink, "null");
    pk_sink_printf(sink, ",\n      \"respondents\": %ld,\n      \"empty_rows\": %ld,\n",
                   u->ru->respondents, u->ru->empty);
    pekppp_sink_puts(sink, "      \"unsur\": [");
    for (i = 0; i < r->nindicators; i++) {
        pekppp_sink_puts(sink, i ? ",\n        {\"id\": " : "\n        {\"id\": ");
        pk_json_string(sink, r->indicators[i].id);
        pekppp_sink_puts(sink, ", \"name\": ");
        pk_json_string(sink, r->indicators[i].name);
        pk_sink_printf(sink, ", \"answered\": %lld, \"blank\": %lld, \"weight\": ",
                       (long long)u->ru->counts[i],
                       (long long)(u->ru->respondents - u->ru->counts[i]));
        json_rat(sink, s->weights[i]);
        if (!u->res || u->ru->counts[i] == 0) {
            pekppp_sink_puts(sink, ", \"nrr\": null, \"nrr_exact\": null, \"weighted\": null, "
                                   "\"weighted_exact\": null}");
            continue;
        }
        pekppp_sink_puts(sink, ", \"nrr\": ");
        json_fixed(sink, u->nrr_r[i], r->decimals);
        pekppp_sink_puts(sink, ", \"nrr_exact\": ");
        json_rat(sink, u->nrr[i]);
        pekppp_sink_puts(sink, ", \"weighted\": ");
        json_fixed(sink, u->nrr_w_r[i], 4);
        pekppp_sink_puts(sink, ", \"weighted_exact\": ");
        json_rat(sink, u->nrr_w[i]);
        pekppp_sink_puts(sink, "}");
    }
    pekppp_sink_puts(sink, r->nindicators ? "\n      ],\n" : "],\n");
    if (!u->res) {
        pekppp_sink_puts(sink, "      \"ikm\": null, \"ikm_exact\": null, \"index\": null, "
                               "\"index_exact\": null,\n      \"grade\": null, \"label\": null,\n"
                               "      \"priority\": [],\n      \"conventions\": [],\n");
    } else {
        pekppp_sink_puts(sink, "      \"ikm\": ");
        json_fixed(sink, u->res->evaluator_rounded, r->decimals);
        pekppp_sink_puts(sink, ", \"ikm_exact\": ");
        json_rat(sink, u->res->evaluator);
        pekppp_sink_puts(sink, ",\n      \"index\": ");
        json_fixed(sink, u->res->index_rounded, r->decimals);
        pekppp_sink_puts(sink, ", \"index_exact\": ");
        json_rat(sink, u->res->index);
        pekppp_sink_puts(sink, ",\n      \"grade\": ");
        pk_json_string(sink, u->res->band ? u->res->band->grade : "");
        pekppp_sink_puts(sink, ", \"label\": ");
        pk_json_string(sink, u->res->band ? u->res->band->label : "");
        pekppp_sink_puts(sink, ",\n      \"priority\": [");
        for (i = 0; i < u->nrank; i++) {
            pekppp_sink_puts(sink, i ? ", " : "");
            pk_json_string(sink, r->indicators[u->rank[i]].id);
        }
        pekppp_sink_puts(sink, "],\n      \"conventions\": [");
        for (i = 0; i < u->nalts; i++) {
            const pk_skm_alt *a = &u->alts[i];
            pekppp_sink_puts(sink, i ? ",\n        {\"weight\": " : "\n        {\"weight\": ");
            json_weight(sink, s, a->weight);
            pekppp_sink_puts(sink, ", \"index\": ");
            json_fixed(sink, a->index_rounded, r->decimals);
            pekppp_sink_puts(sink, ", \"grade\": ");
            pk_json_string(sink, a->band ? a->band->grade : "");
            pk_sink_printf(sink, ", \"same_grade\": %s}",
                           a->band == u->res->band ? "true" : "false");
        }
        pekppp_sink_puts(sink, u->nalts ? "\n      ],\n" : "],\n");
    }
    pekppp_sink_puts(sink, "      \"profiles\": {");
    {
        int any = 0;
        for (p = 0; p < PK_NPROFILES; p++) {
            const pk_resp_tally *t = &u->ru->profiles[p];
            if (!s->rs.has_profile[p])
                continue;
            pekppp_sink_puts(sink, any ? ",\n        " : "\n        ");
            any = 1;
            pk_json_string(sink, pk_profile_name(p, 1));
            pekppp_sink_puts(sink, ": {\"values\": [");
            for (i = 0; i < t->n; i++) {
                pekppp_sink_puts(sink, i ? ", {\"value\": " : "{\"value\": ");
                pk_json_string(sink, t->v[i].value);
                pk_sink_printf(sink, ", \"count\": %ld}", t->v[i].count);
            }
            pk_sink_printf(sink, "], \"blank\": %ld}", t->blank);
        }
        pekppp_sink_puts(sink, any ? "\n      }\n" : "}\n");
    }
    pekppp_sink_puts(sink, "    }");
}

static void json_report(pekppp_sink *sink, const pekppp_skm *s)
{
    const pekppp_rubric *r = s->r;
    size_t i;
    pekppp_sink_puts(sink, "{\n  \"schema\": \"pekppp/skm/v1\",\n  \"rubric\": {\"id\": ");
    pk_json_string(sink, r->id);
    pekppp_sink_puts(sink, ", \"version\": ");
    pk_json_string(sink, r->version);
    pekppp_sink_puts(sink, ", \"sha256\": ");
    pk_json_string(sink, r->sha256);
    pekppp_sink_puts(sink, "},\n  \"inputs\": [");
    for (i = 0; i < s->nfiles; i++) {
        pekppp_sink_puts(sink, i ? ", {\"file\": " : "{\"file\": ");
        pk_json_string(sink, s->files[i]);
        pekppp_sink_puts(sink, ", \"sha256\": ");
        pk_json_string(sink, s->sha256[i]);
        pekppp_sink_puts(sink, "}");
    }
    pekppp_sink_puts(sink, "],\n  \"tool\": {\"name\": \"pekppp\", \"version\": ");
    pk_json_string(sink, PEKPPP_VERSION);
    pk_sink_printf(sink, "},\n  \"weights\": {\"convention\": \"%s\", \"weight\": ",
                   weights_text_key(s));
    json_weight(sink, s, s->weight);
    pk_sink_printf(sink, "},\n  \"scale\": {\"min\": %d, \"max\": %d}, \"factor\": ", r->scale_min,
                   r->scale_max);
    {
        char buf[32];
        if (pk_dec_format_short(buf, sizeof(buf), r->convert_factor ? r->convert_factor
                                                                    : PEKPPP_DEC_SCALE) > 0)
            pekppp_sink_puts(sink, buf);
    }
    pekppp_sink_puts(sink, ",\n  \"units\": [\n");
    for (i = 0; i < s->nunits; i++) {
        json_unit(sink, s, &s->units[i]);
        pekppp_sink_puts(sink, i + 1 < s->nunits ? ",\n" : "\n");
    }
    pk_sink_printf(sink, "  ],\n  \"summary\": {\"units\": %zu, \"respondents\": %ld, "
                         "\"empty_rows\": %ld, \"grades\": {",
                   s->nunits, s->respondents, s->empty);
    for (i = 0; i < r->nbands && i < 16; i++) {
        pekppp_sink_puts(sink, i ? ", " : "");
        pk_json_string(sink, r->bands[i].grade);
        pk_sink_printf(sink, ": %zu", s->grades[i]);
    }
    pekppp_sink_puts(sink, "}}\n}\n");
}

/* ---- Markdown ---- */

static void md_report(pekppp_sink *sink, const pekppp_skm *s, const pekppp_report_options *o)
{
    const pekppp_rubric *r = s->r;
    char pt = point_of(o);
    size_t i, k;
    pk_sink_printf(sink, "# %s\n\n", w(o, W_TITLE));
    pk_sink_printf(sink, "%s: `", w(o, W_INSTRUMENT));
    pk_md_text(sink, r->id);
    pk_sink_printf(sink, "` (%s ", w(o, W_VERSION));
    pk_md_text(sink, r->version);
    pk_sink_printf(sink, ")  \n%s: ", w(o, W_WEIGHTS));
    put_convention(sink, s, o);
    pekppp_sink_puts(sink, "\n");
    for (k = 0; k < s->nunits; k++) {
        const pk_skm_unit *u = &s->units[k];
        pekppp_sink_puts(sink, "\n## ");
        if (u->ru->unit_id) {
            pk_md_text(sink, u->label);
            if (u->ru->unit_name) {
                pekppp_sink_puts(sink, " — ");
                pk_md_text(sink, u->ru->unit_name);
            }
        } else {
            pekppp_sink_puts(sink, w(o, W_WHOLE_SHEET));
        }
        pk_sink_printf(sink, "\n\n%s: %ld", w(o, W_RESPONDENTS), u->ru->respondents);
        if (u->ru->empty)
            pk_sink_printf(sink, " (+%ld %s)", u->ru->empty, w(o, W_EMPTY_ROWS));
        pekppp_sink_puts(sink, "\n\n");
        if (!u->res) {
            pk_sink_printf(sink, "%s\n", w(o, W_NO_RESPONDENTS));
            continue;
        }
        pk_sink_printf(sink, "| %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|\n",
                       w(o, W_UNSUR), w(o, W_ANSWERED), w(o, W_BLANK), w(o, W_NRR),
                       w(o, W_NRR_W));
        for (i = 0; i < r->nindicators; i++) {
            pekppp_sink_puts(sink, "| ");
            pk_md_text(sink, r->indicators[i].id);
            pekppp_sink_puts(sink, " ");
            pk_md_text(sink, r->indicators[i].name);
            pk_sink_printf(sink, " | %lld | %lld | ", (long long)u->ru->counts[i],
                           (long long)(u->ru->respondents - u->ru->counts[i]));
            if (u->ru->counts[i] == 0) {
                pk_sink_printf(sink, "%s | |\n", w(o, W_NOT_ANSWERED));
                continue;
            }
            pk_fixed_point(sink, u->nrr_r[i], r->decimals, pt, 0);
            pekppp_sink_puts(sink, " | ");
            pk_fixed_point(sink, u->nrr_w_r[i], 4, pt, 0);
            pekppp_sink_puts(sink, " |\n");
        }
        pk_sink_printf(sink, "\n- %s: **", w(o, W_IKM));
        pk_fixed_point(sink, u->res->evaluator_rounded, r->decimals, pt, 0);
        pk_sink_printf(sink, "** (%s `", w(o, W_EXACT));
        put_rat(sink, u->res->evaluator);
        pk_sink_printf(sink, "`)\n- %s: **", w(o, W_IKM_UNIT));
        pk_fixed_point(sink, u->res->index_rounded, r->decimals, pt, 0);
        pk_sink_printf(sink, "** (%s `", w(o, W_EXACT));
        put_rat(sink, u->res->index);
        pekppp_sink_puts(sink, "`)\n");
        if (u->res->band) {
            pk_sink_printf(sink, "- %s: **", w(o, W_MUTU));
            pk_md_text(sink, u->res->band->grade);
            pk_sink_printf(sink, "** (%s: ", w(o, W_KINERJA));
            pk_md_text(sink, u->res->band->label);
            pekppp_sink_puts(sink, ")\n");
        }
        for (i = 0; i < u->nalts; i++) {
            const pk_skm_alt *a = &u->alts[i];
            if (a->band == u->res->band)
                continue;
            pk_sink_printf(sink, "- %s: %s ", w(o, W_OTHER_CONV), w(o, W_WITH_WEIGHT));
            put_weight(sink, s, a->weight, pt);
            pekppp_sink_puts(sink, ": ");
            pk_fixed_point(sink, a->index_rounded, r->decimals, pt, 0);
            pekppp_sink_puts(sink, " ");
            pk_md_text(sink, a->band ? a->band->grade : "?");
            pekppp_sink_puts(sink, "\n");
        }
        pk_sink_printf(sink, "\n%s:\n\n", w(o, W_PRIORITY));
        for (i = 0; i < u->nrank; i++) {
            pk_sink_printf(sink, "%zu. ", i + 1);
            pk_md_text(sink, r->indicators[u->rank[i]].id);
            pekppp_sink_puts(sink, " ");
            pk_md_text(sink, r->indicators[u->rank[i]].name);
            pekppp_sink_puts(sink, ": ");
            pk_fixed_point(sink, u->nrr_r[u->rank[i]], r->decimals, pt, 0);
            pekppp_sink_puts(sink, "\n");
        }
    }
}

/* ---- CSV: one row per unit ---- */

static void csv_report(pekppp_sink *sink, const pekppp_skm *s, const pekppp_report_options *o)
{
    const pekppp_rubric *r = s->r;
    char d = o->csv_dialect == PEKPPP_CSV_ID ? ';' : ',';
    char pt = o->csv_dialect == PEKPPP_CSV_ID ? ',' : '.';
    size_t i, k;
    pk_sink_printf(sink, "unit_id%cunit_name%crespondents%cempty_rows", d, d, d);
    for (i = 0; i < r->nindicators; i++) {
        pk_sink_printf(sink, "%cnrr_", d);
        pk_csv_text(sink, r->indicators[i].id, d);
    }
    pk_sink_printf(sink, "%cikm%cindex%cgrade%clabel%cweight\r\n", d, d, d, d, d);
    for (k = 0; k < s->nunits; k++) {
        const pk_skm_unit *u = &s->units[k];
        pk_csv_text(sink, u->label, d);
        pk_sink_printf(sink, "%c", d);
        pk_csv_text(sink, u->ru->unit_name ? u->ru->unit_name : "", d);
        pk_sink_printf(sink, "%c%ld%c%ld", d, u->ru->respondents, d, u->ru->empty);
        for (i = 0; i < r->nindicators; i++) {
            pk_sink_printf(sink, "%c", d);
            if (u->res && u->ru->counts[i])
                pk_fixed_point(sink, u->nrr_r[i], r->decimals, pt, 0);
        }
        pk_sink_printf(sink, "%c", d);
        if (u->res) {
            pk_fixed_point(sink, u->res->evaluator_rounded, r->decimals, pt, 0);
            pk_sink_printf(sink, "%c", d);
            pk_fixed_point(sink, u->res->index_rounded, r->decimals, pt, 0);
            pk_sink_printf(sink, "%c", d);
            pk_csv_text(sink, u->res->band ? u->res->band->grade : "", d);
            pk_sink_printf(sink, "%c", d);
            pk_csv_text(sink, u->res->band ? u->res->band->label : "", d);
        } else {
            pk_sink_printf(sink, "%c%c", d, d);
        }
        pk_sink_printf(sink, "%c", d);
        put_weight(sink, s, s->weight, pt);
        pekppp_sink_puts(sink, "\r\n");
    }
}


/* ---- HTML: one self-contained page ---- */

#define CH_W 640   /* chart size in pixels */
#define CH_H 240
#define CH_L 44    /* left margin (axis labels) */
#define CH_T 12
#define CH_B 36    /* bottom margin (unsur ids) */

/* The y of a value given in units of 10^-@p dec, in tenths of a pixel. */
static int64_t chart_y(const pekppp_rubric *r, int64_t units, int dec)
{
    int64_t scale = pk_html_pow10(dec), lo = (int64_t)r->scale_min * scale,
            hi = (int64_t)r->scale_max * scale, h = (CH_H - CH_T - CH_B) * 10;
    if (units < lo)
        units = lo;
    if (units > hi)
        units = hi;
    return CH_T * 10 + pk_html_div_round((hi - units) * h, hi - lo);
}

static void html_chart(pekppp_sink *sink, const pekppp_skm *s, const pk_skm_unit *u,
                       const pekppp_report_options *o)
{
    const pekppp_rubric *r = s->r;
    size_t i, n = r->nindicators ? r->nindicators : 1;
    int64_t slot = (CH_W - CH_L - 100) * 10 / (int64_t)n, bar = slot * 6 / 10;
    int v;
    puts_(sink, "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ");
    pk_sink_printf(sink, "%d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"", CH_W, CH_H,
                   CH_W, CH_H);
    pk_html_text(sink, w(o, W_CHART));
    puts_(sink, "\">\n");
    for (v = r->scale_min; v <= r->scale_max; v++) {
        int64_t y = chart_y(r, v, 0);
        puts_(sink, "<line class=\"grid\" x1=\"");
        pk_html_coord(sink, CH_L * 10);
        puts_(sink, "\" x2=\"");
        pk_html_coord(sink, (CH_W - 4) * 10);
        puts_(sink, "\" y1=\"");
        pk_html_coord(sink, y);
        puts_(sink, "\" y2=\"");
        pk_html_coord(sink, y);
        pk_sink_printf(sink, "\" stroke=\"#d0d7de\"/><text x=\"%d\" y=\"", CH_L - 8);
        pk_html_coord(sink, y + 40);
        pk_sink_printf(sink, "\" text-anchor=\"end\" font-size=\"12\">%d</text>\n", v);
    }
    for (i = 0; i < r->nindicators; i++) {
        int64_t x = CH_L * 10 + (int64_t)i * slot + (slot - bar) / 2, y, base;
        base = chart_y(r, r->scale_min, 0);
        if (u->ru->counts[i]) {
            y = chart_y(r, u->nrr_r[i], r->decimals);
            puts_(sink, "<rect class=\"bar\" x=\"");
            pk_html_coord(sink, x);
            puts_(sink, "\" y=\"");
            pk_html_coord(sink, y);
            puts_(sink, "\" width=\"");
            pk_html_coord(sink, bar);
            puts_(sink, "\" height=\"");
            pk_html_coord(sink, base - y);
            puts_(sink, "\" fill=\"#0969da\"><title>");
            pk_html_text(sink, r->indicators[i].id);
            puts_(sink, " ");
            pk_html_text(sink, r->indicators[i].name);
            puts_(sink, ": ");
            pk_fixed_point(sink, u->nrr_r[i], r->decimals, point_of(o), 0);
            puts_(sink, "</title></rect>\n");
        }
        puts_(sink, "<text x=\"");
        pk_html_coord(sink, x + bar / 2);
        pk_sink_printf(sink, "\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">", CH_H - CH_B + 16);
        pk_html_text(sink, r->indicators[i].id);
        puts_(sink, "</text>\n");
    }
    /* The bands' lower limits, as NRR: min / factor. */
    for (i = 0; i + 1 < r->nbands; i++) {
        int64_t m = pk_fixed_dec(r->bands[i].min), y;
        if (r->convert_factor)
            m = pk_html_div_round(m * PEKPPP_DEC_SCALE, r->convert_factor);
        y = chart_y(r, m, 4);
        puts_(sink, "<line class=\"band\" x1=\"");
        pk_html_coord(sink, CH_L * 10);
        puts_(sink, "\" x2=\"");
        pk_html_coord(sink, (CH_W - 4) * 10);
        puts_(sink, "\" y1=\"");
        pk_html_coord(sink, y);
        puts_(sink, "\" y2=\"");
        pk_html_coord(sink, y);
        puts_(sink, "\" stroke=\"#b42318\" stroke-dasharray=\"6 4\"/><text x=\"");
        pk_html_coord(sink, (CH_W - 6) * 10);
        puts_(sink, "\" y=\"");
        pk_html_coord(sink, y - 30);
        puts_(sink, "\" text-anchor=\"end\" font-size=\"11\" fill=\"#b42318\">");
        pk_html_text(sink, r->bands[i].grade);
        puts_(sink, " &#8805; ");
        pk_fixed_point(sink, m, 4, point_of(o), 0);
        puts_(sink, "</text>\n");
    }
    puts_(sink, "</svg><figcaption>");
    pk_html_text(sink, w(o, W_CHART_DESC));
    puts_(sink, "</figcaption></figure>\n");
}

static void html_unit(pekppp_sink *sink, const pekppp_skm *s, const pk_skm_unit *u,
                      const pekppp_report_options *o)
{
    const pekppp_rubric *r = s->r;
    char pt = point_of(o);
    size_t i;
    int p;
    puts_(sink, "<section>\n<h2>");
    if (u->ru->unit_id) {
        pk_html_text(sink, u->label);
        if (u->ru->unit_name) {
            puts_(sink, " &#8212; ");
            pk_html_text(sink, u->ru->unit_name);
        }
    } else {
        pk_html_text(sink, w(o, W_WHOLE_SHEET));
    }
    puts_(sink, "</h2>\n<p>");
    pk_html_text(sink, w(o, W_RESPONDENTS));
    pk_sink_printf(sink, ": %ld", u->ru->respondents);
    if (u->ru->empty) {
        pk_sink_printf(sink, " (+%ld ", u->ru->empty);
        pk_html_text(sink, w(o, W_EMPTY_ROWS));
        puts_(sink, ")");
    }
    puts_(sink, "</p>\n");
    if (!u->res) {
        puts_(sink, "<p>");
        pk_html_text(sink, w(o, W_NO_RESPONDENTS));
        puts_(sink, "</p>\n</section>\n");
        return;
    }
    puts_(sink, "<div class=\"scorebox\"><p class=\"index\">");
    pk_html_text(sink, w(o, W_IKM_UNIT));
    puts_(sink, ": <strong>");
    pk_fixed_point(sink, u->res->index_rounded, r->decimals, pt, 0);
    puts_(sink, "</strong> ");
    pk_html_badge(sink, r, u->res->band, 0, 1);
    puts_(sink, "</p>\n<p>");
    pk_html_text(sink, w(o, W_IKM));
    puts_(sink, ": ");
    pk_fixed_point(sink, u->res->evaluator_rounded, r->decimals, pt, 0);
    puts_(sink, " (");
    pk_html_text(sink, w(o, W_EXACT));
    puts_(sink, " <code>");
    put_rat(sink, u->res->evaluator);
    puts_(sink, "</code>; ");
    pk_html_text(sink, w(o, W_IKM_UNIT));
    puts_(sink, " <code>");
    put_rat(sink, u->res->index);
    puts_(sink, "</code>)</p>\n");
    for (i = 0; i < u->nalts; i++) {
        const pk_skm_alt *a = &u->alts[i];
        if (a->band == u->res->band)
            continue;
        puts_(sink, "<p class=\"actual\">");
        pk_html_text(sink, w(o, W_OTHER_CONV));
        puts_(sink, ": ");
        pk_html_text(sink, w(o, W_WITH_WEIGHT));
        puts_(sink, " ");
        put_weight(sink, s, a->weight, pt);
        puts_(sink, ": ");
        pk_fixed_point(sink, a->index_rounded, r->decimals, pt, 0);
        puts_(sink, " ");
        pk_html_badge(sink, r, a->band, 1, 0);
        puts_(sink, "</p>\n");
    }
    puts_(sink, "</div>\n");
    html_chart(sink, s, u, o);
    puts_(sink, "<table>\n<thead><tr>");
    {
        static const skm_word cols[] = { W_UNSUR, W_ANSWERED, W_BLANK, W_NRR, W_NRR_W };
        size_t c;
        for (c = 0; c < 5; c++) {
            puts_(sink, c ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">");
            pk_html_text(sink, w(o, cols[c]));
            puts_(sink, "</th>");
        }
    }
    puts_(sink, "</tr></thead>\n<tbody>\n");
    for (i = 0; i < r->nindicators; i++) {
        puts_(sink, "<tr><td>");
        pk_html_text(sink, r->indicators[i].id);
        puts_(sink, " ");
        pk_html_text(sink, r->indicators[i].name);
        pk_sink_printf(sink, "</td><td class=\"num\">%lld</td><td class=\"num\">%lld</td>",
                       (long long)u->ru->counts[i],
                       (long long)(u->ru->respondents - u->ru->counts[i]));
        if (u->ru->counts[i] == 0) {
            puts_(sink, "<td class=\"num\" colspan=\"2\">");
            pk_html_text(sink, w(o, W_NOT_ANSWERED));
            puts_(sink, "</td></tr>\n");
            continue;
        }
        puts_(sink, "<td class=\"num\">");
        pk_fixed_point(sink, u->nrr_r[i], r->decimals, pt, 0);
        puts_(sink, "</td><td class=\"num\">");
        pk_fixed_point(sink, u->nrr_w_r[i], 4, pt, 0);
        puts_(sink, "</td></tr>\n");
    }
    puts_(sink, "</tbody>\n</table>\n<h3>");
    pk_html_text(sink, w(o, W_PRIORITY));
    puts_(sink, "</h3>\n<ol>\n");
    for (i = 0; i < u->nrank; i++) {
        puts_(sink, "<li>");
        pk_html_text(sink, r->indicators[u->rank[i]].id);
        puts_(sink, " ");
        pk_html_text(sink, r->indicators[u->rank[i]].name);
        puts_(sink, ": ");
        pk_fixed_point(sink, u->nrr_r[u->rank[i]], r->decimals, pt, 0);
        puts_(sink, "</li>\n");
    }
    puts_(sink, "</ol>\n");
    for (p = 0; p < PK_NPROFILES; p++) {
        const pk_resp_tally *t = &u->ru->profiles[p];
        if (!s->rs.has_profile[p])
            continue;
        puts_(sink, "<p><strong>");
        pk_html_text(sink, pk_profile_name(p, o->lang == PEKPPP_LANG_EN));
        puts_(sink, "</strong>: ");
        for (i = 0; i < t->n; i++) {
            puts_(sink, i ? ", " : "");
            pk_html_text(sink, t->v[i].value);
            pk_sink_printf(sink, " %ld", t->v[i].count);
        }
        if (t->blank) {
            puts_(sink, t->n ? ", " : "");
            pk_html_text(sink, w(o, W_BLANK_VALUE));
            pk_sink_printf(sink, " %ld", t->blank);
        }
        puts_(sink, "</p>\n");
    }
    puts_(sink, "</section>\n");
}

static void pk_skm_html(pekppp_sink *sink, const pekppp_skm *s, const pekppp_report_options *o)
{
    const pekppp_rubric *r = s->r;
    size_t i;
    pk_html_page_start(sink, o->lang, NULL);
    pk_html_text(sink, w(o, W_TITLE));
    pk_html_page_body(sink, "skm");
    puts_(sink, "<h1>");
    pk_html_text(sink, w(o, W_TITLE));
    puts_(sink, "</h1>\n<p>");
    pk_html_text(sink, w(o, W_INSTRUMENT));
    puts_(sink, ": <code>");
    pk_html_text(sink, r->id);
    puts_(sink, "</code> (");
    pk_html_text(sink, w(o, W_VERSION));
    puts_(sink, " ");
    pk_html_text(sink, r->version);
    puts_(sink, ")<br>");
    pk_html_text(sink, w(o, W_WEIGHTS));
    puts_(sink, ": ");
    put_convention(sink, s, o);
    puts_(sink, "</p>\n");
    for (i = 0; i < s->nunits; i++)
        html_unit(sink, s, &s->units[i], o);
    if (s->nunits > 1) {
        size_t b;
        puts_(sink, "<p>");
        pk_html_text(sink, w(o, W_SUMMARY));
        pk_sink_printf(sink, ": %zu ", s->nunits);
        pk_html_text(sink, w(o, W_UNITS));
        pk_sink_printf(sink, ", %ld ", s->respondents);
        pk_html_text(sink, w(o, W_RESPONDENTS_LC));
        for (b = 0; b < r->nbands && b < 16; b++) {
            puts_(sink, b ? ", " : " ");
            pk_html_text(sink, r->bands[b].grade);
            pk_sink_printf(sink, " %zu", s->grades[b]);
        }
        puts_(sink, "</p>\n");
    }
    pk_html_receipt(sink, r, s->nfiles ? s->files[0] : "", s->nfiles ? s->sha256[0] : "", o);
    puts_(sink, "</main>\n</body>\n</html>\n");
}

int pekppp_skm_write(pekppp_sink *sink, const pekppp_skm *s, pekppp_report_format format,
                     const pekppp_report_options *opts)
{
    pekppp_report_options local;
    const pekppp_report_options *o = pk_report_options(opts, &local);
    if (!o)
        return PEKPPP_EINVALID;
    switch (format) {
    case PEKPPP_FORMAT_TEXT: text_report(sink, s, o); break;
    case PEKPPP_FORMAT_JSON: json_report(sink, s); break;
    case PEKPPP_FORMAT_MD: md_report(sink, s, o); break;
    case PEKPPP_FORMAT_CSV: csv_report(sink, s, o); break;
    case PEKPPP_FORMAT_HTML: pk_skm_html(sink, s, o); break;
    default: return PEKPPP_EINVALID; /* xlsx: pekppp_skm_write_xlsx() */
    }
    pekppp_sink_flush(sink);
    return sink->error;
}
