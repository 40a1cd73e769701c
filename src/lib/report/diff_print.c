/*
 * A diff in text, JSON and CSV (`pekppp diff`): the rows of
 * pk_diff_view_make (view.h), formatted.  Nothing here compares or rounds.
 */
#include "pekppp/diff.h"
#include "report_internal.h"

#include <string.h>

#include "view.h"

static void put_fixed(pekppp_sink *sink, int64_t units, int decimals, int sign)
{
    pk_fixed_point(sink, units, decimals, '.', sign);
}

static void put_level(pekppp_sink *sink, int level, int json)
{
    if (level == PEKPPP_LEVEL_NA)
        pekppp_sink_puts(sink, json ? "\"na\"" : "na");
    else if (level == PEKPPP_LEVEL_MISSING)
        pekppp_sink_puts(sink, json ? "null" : "-");
    else
        pk_sink_printf(sink, "%d", level);
}

/* Text for the terminal, "-" or @p none when absent. */
static void text_or(pekppp_sink *sink, const char *s, const char *none)
{
    pk_text_cell(sink, s ? s : none, 0, 0);
}

/* An id left-aligned in @p width bytes (as printf's %-12s: never cut). */
static void text_padded(pekppp_sink *sink, const char *s, size_t width)
{
    size_t len = strlen(s);
    pk_text_cell(sink, s, 0, 0);
    for (; len < width; len++)
        pekppp_sink_write(sink, " ", 1);
}

static void text_row(pekppp_sink *sink, const pk_diff_row *u)
{
    size_t i;
    text_or(sink, u->id, "");
    pekppp_sink_puts(sink, "  ");
    text_or(sink, u->name, "");
    pekppp_sink_puts(sink, "\n  ");
    put_fixed(sink, u->old_rounded, u->old_decimals, 0);
    pekppp_sink_puts(sink, " ");
    text_or(sink, u->old_grade, "?");
    pekppp_sink_puts(sink, " -> ");
    put_fixed(sink, u->new_rounded, u->new_decimals, 0);
    pekppp_sink_puts(sink, " ");
    text_or(sink, u->new_grade, "?");
    pekppp_sink_puts(sink, "  (");
    put_fixed(sink, u->delta, u->new_decimals, 1);
    pekppp_sink_puts(sink, ")\n");
    for (i = 0; i < u->naspects; i++) {
        const pk_diff_aspect_row *a = &u->aspects[i];
        pekppp_sink_puts(sink, "    ");
        text_padded(sink, a->id, 12);
        pekppp_sink_puts(sink, " ");
        put_fixed(sink, a->old_rounded, u->old_decimals, 0);
        pekppp_sink_puts(sink, " -> ");
        put_fixed(sink, a->new_rounded, u->new_decimals, 0);
        pekppp_sink_puts(sink, "  (");
        put_fixed(sink, a->delta, u->new_decimals, 1);
        pekppp_sink_puts(sink, ")\n");
    }
    for (i = 0; i < u->nindicators; i++) {
        const pk_diff_indicator_row *x = &u->indicators[i];
        pekppp_sink_puts(sink, "    ");
        text_padded(sink, x->id, 12);
        pekppp_sink_puts(sink, " ");
        put_level(sink, x->old_level, 0);
        pekppp_sink_puts(sink, " -> ");
        put_level(sink, x->new_level, 0);
        pekppp_sink_puts(sink, "\n");
    }
}

static void text_only(pekppp_sink *sink, const pk_diff_view *v, int side, pekppp_lang lang)
{
    size_t i;
    for (i = 0; i < v->nonly[side]; i++) {
        if (i == 0)
            pk_sink_printf(sink, "\n%s:\n", pk_msg(lang, side ? M_ONLY_NEW : M_ONLY_OLD));
        pekppp_sink_puts(sink, "  ");
        text_or(sink, v->only[side][i].id, "");
        pekppp_sink_puts(sink, "  ");
        text_or(sink, v->only[side][i].name, "");
        pekppp_sink_puts(sink, "\n");
    }
}

static void diff_text(pekppp_sink *sink, const pk_diff_view *v, pekppp_lang lang)
{
    size_t i;
    int k;
    pk_sink_printf(sink, "%s:", pk_msg(lang, M_DIFF_TITLE));
    for (k = 0; k < 2; k++) {
        pekppp_sink_puts(sink, k ? " -> " : " ");
        text_or(sink, v->rubric_id[k], "-");
        pk_sink_printf(sink, " %s ", pk_msg(lang, M_VERSION));
        text_or(sink, v->rubric_version[k], "-");
    }
    pekppp_sink_puts(sink, "\n");
    if (v->rubric_changed)
        pk_sink_printf(sink, "%s\n", pk_msg(lang, M_RUBRIC_CHANGED));
    pekppp_sink_puts(sink, "\n");
    for (i = 0; i < v->nrows; i++)
        text_row(sink, &v->rows[i]);
    text_only(sink, v, 0, lang);
    text_only(sink, v, 1, lang);
}

static void json_or_null(pekppp_sink *sink, const char *s)
{
    if (s)
        pk_json_string(sink, s);
    else
        pekppp_sink_puts(sink, "null");
}

static void json_side_rubric(pekppp_sink *sink, const char *key, const pk_diff_view *v, int k)
{
    pk_sink_printf(sink, "  \"%s\": {\"rubric\": {\"id\": ", key);
    json_or_null(sink, v->rubric_id[k]);
    pekppp_sink_puts(sink, ", \"version\": ");
    json_or_null(sink, v->rubric_version[k]);
    pekppp_sink_puts(sink, "}},\n");
}

static void json_index(pekppp_sink *sink, const char *key, int64_t rounded, int decimals,
                       const char *grade)
{
    pk_sink_printf(sink, "\"%s\": {\"index\": ", key);
    put_fixed(sink, rounded, decimals, 0);
    pekppp_sink_puts(sink, ", \"grade\": ");
    json_or_null(sink, grade);
    pekppp_sink_puts(sink, "}, ");
}

static void json_row(pekppp_sink *sink, const pk_diff_row *u)
{
    size_t i;
    pekppp_sink_puts(sink, "    {\"unit\": ");
    pk_json_string(sink, u->id);
    pekppp_sink_puts(sink, ", \"name\": ");
    json_or_null(sink, u->name);
    pekppp_sink_puts(sink, ",\n     ");
    json_index(sink, "old", u->old_rounded, u->old_decimals, u->old_grade);
    json_index(sink, "new", u->new_rounded, u->new_decimals, u->new_grade);
    pekppp_sink_puts(sink, "\"delta\": ");
    put_fixed(sink, u->delta, u->new_decimals, 0);
    pekppp_sink_puts(sink, ",\n     \"aspects\": [");
    for (i = 0; i < u->naspects; i++) {
        const pk_diff_aspect_row *a = &u->aspects[i];
        pekppp_sink_puts(sink, i == 0 ? "{\"id\": " : ", {\"id\": ");
        pk_json_string(sink, a->id);
        pekppp_sink_puts(sink, ", \"old\": ");
        put_fixed(sink, a->old_rounded, u->old_decimals, 0);
        pekppp_sink_puts(sink, ", \"new\": ");
        put_fixed(sink, a->new_rounded, u->new_decimals, 0);
        pekppp_sink_puts(sink, ", \"delta\": ");
        put_fixed(sink, a->delta, u->new_decimals, 0);
        pekppp_sink_puts(sink, "}");
    }
    pekppp_sink_puts(sink, "],\n     \"indicators\": [");
    for (i = 0; i < u->nindicators; i++) {
        const pk_diff_indicator_row *x = &u->indicators[i];
        pekppp_sink_puts(sink, i == 0 ? "{\"id\": " : ", {\"id\": ");
        pk_json_string(sink, x->id);
        pekppp_sink_puts(sink, ", \"old\": ");
        put_level(sink, x->old_level, 1);
        pekppp_sink_puts(sink, ", \"new\": ");
        put_level(sink, x->new_level, 1);
        pekppp_sink_puts(sink, "}");
    }
    pekppp_sink_puts(sink, "]}");
}

static void json_only_list(pekppp_sink *sink, const pk_diff_view *v, int side)
{
    size_t i;
    pekppp_sink_puts(sink, "[");
    for (i = 0; i < v->nonly[side]; i++) {
        pekppp_sink_puts(sink, i ? ", " : "");
        pk_json_string(sink, v->only[side][i].id);
    }
    pekppp_sink_puts(sink, "]");
}

static void diff_json(pekppp_sink *sink, const pk_diff_view *v)
{
    size_t i;
    pekppp_sink_puts(sink, "{\n  \"schema\": \"pekppp/diff/v1\",\n");
    json_side_rubric(sink, "old", v, 0);
    json_side_rubric(sink, "new", v, 1);
    pk_sink_printf(sink, "  \"rubric_changed\": %s,\n  \"units\": [",
                   v->rubric_changed ? "true" : "false");
    for (i = 0; i < v->nrows; i++) {
        pekppp_sink_puts(sink, i ? ",\n" : "\n");
        json_row(sink, &v->rows[i]);
    }
    pekppp_sink_puts(sink, v->nrows ? "\n  ],\n  \"only_old\": " : "],\n  \"only_old\": ");
    json_only_list(sink, v, 0);
    pekppp_sink_puts(sink, ",\n  \"only_new\": ");
    json_only_list(sink, v, 1);
    pekppp_sink_puts(sink, "\n}\n");
}

static void csv_row(pekppp_sink *sink, const pk_diff_row *u, char d, char point)
{
    pk_csv_text(sink, u->id, d);
    pekppp_sink_write(sink, &d, 1);
    pk_csv_text(sink, u->name, d);
    pekppp_sink_write(sink, &d, 1);
    pk_fixed_point(sink, u->old_rounded, u->old_decimals, point, 0);
    pekppp_sink_write(sink, &d, 1);
    pk_csv_text(sink, u->old_grade, d);
    pekppp_sink_write(sink, &d, 1);
    pk_fixed_point(sink, u->new_rounded, u->new_decimals, point, 0);
    pekppp_sink_write(sink, &d, 1);
    pk_csv_text(sink, u->new_grade, d);
    pekppp_sink_write(sink, &d, 1);
    pk_fixed_point(sink, u->delta, u->new_decimals, point, 0);
    pk_sink_printf(sink, "%c%zu\r\n", d, u->nindicators);
}

static void diff_csv(pekppp_sink *sink, const pk_diff_view *v, pekppp_csv_dialect dialect)
{
    char d = dialect == PEKPPP_CSV_ID ? ';' : ',';
    char point = dialect == PEKPPP_CSV_ID ? ',' : '.';
    size_t i;
    pk_sink_printf(sink, "unit_id%cunit_name%cold_index%cold_grade%cnew_index%cnew_grade%cdelta%c"
                         "indicators_changed\r\n",
                   d, d, d, d, d, d, d);
    for (i = 0; i < v->nrows; i++)
        csv_row(sink, &v->rows[i], d, point);
}

int pekppp_diff_write(pekppp_sink *sink, const pekppp_diff *d, pekppp_report_format format,
                      const pekppp_report_options *opts)
{
    pekppp_report_options local;
    pk_diff_view v;
    int error;
    if (!(opts = pk_report_options(opts, &local)))
        return PEKPPP_EINVALID;
    if (format != PEKPPP_FORMAT_TEXT && format != PEKPPP_FORMAT_JSON &&
        format != PEKPPP_FORMAT_CSV)
        return PEKPPP_EINVALID;
    if ((error = pk_diff_view_make(&v, d)) < 0)
        return error;
    if (format == PEKPPP_FORMAT_TEXT)
        diff_text(sink, &v, opts->lang);
    else if (format == PEKPPP_FORMAT_JSON)
        diff_json(sink, &v);
    else
        diff_csv(sink, &v, opts->csv_dialect);
    pk_diff_view_free(&v);
    pekppp_sink_flush(sink);
    return sink->error;
}
