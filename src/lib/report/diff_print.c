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

/* A list of units under @p title (nothing when empty). */
static void text_units(pekppp_sink *sink, const pk_diff_only *u, size_t n, const char *title)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (i == 0)
            pk_sink_printf(sink, "\n%s:\n", title);
        pekppp_sink_puts(sink, "  ");
        text_or(sink, u[i].id, "");
        pekppp_sink_puts(sink, "  ");
        text_or(sink, u[i].name, "");
        pekppp_sink_puts(sink, "\n");
    }
}

/* The failures of one side: "file:line:column: path: message", the unit it
 * names and the result file that recorded it on the lines below. */
static void text_failures(pekppp_sink *sink, const pk_diff_view *v, int side, pekppp_lang lang)
{
    size_t i;
    for (i = 0; i < v->nfailed[side]; i++) {
        const pk_diff_failure *f = &v->failed[side][i];
        if (i == 0)
            pk_sink_printf(sink, "\n%s:\n", pk_msg(lang, side ? M_I_FAILED_NEW : M_I_FAILED_OLD));
        pekppp_sink_puts(sink, "  ");
        text_or(sink, f->file, "");
        if (f->sheet) {
            char where[400];
            pk_location("", f->sheet, f->line, f->column, 0, where, sizeof(where));
            pekppp_sink_puts(sink, ":");
            text_or(sink, where, "");
        } else if (f->line)
            pk_sink_printf(sink, ":%u:%u", f->line, f->column);
        pekppp_sink_puts(sink, ": ");
        if (f->path) {
            text_or(sink, f->path, "");
            pekppp_sink_puts(sink, ": ");
        }
        text_or(sink, lang == PEKPPP_LANG_ID && f->message_id ? f->message_id : f->message, "");
        pekppp_sink_puts(sink, "\n");
        if (f->unit) {
            pekppp_sink_puts(sink, "    ");
            text_or(sink, f->unit, "");
            if (f->name) {
                pekppp_sink_puts(sink, "  ");
                text_or(sink, f->name, "");
            }
            pekppp_sink_puts(sink, "\n");
        }
        if (f->via) {
            pk_sink_printf(sink, "    (%s ", pk_msg(lang, M_I_VIA));
            text_or(sink, f->via, "");
            pekppp_sink_puts(sink, ")\n");
        }
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
    if (v->delta_differs)
        pk_sink_printf(sink, "\n%s\n", pk_msg(lang, M_I_DELTA_EXACT));
    text_units(sink, v->only[0], v->nonly[0], pk_msg(lang, M_ONLY_OLD));
    text_units(sink, v->only[1], v->nonly[1], pk_msg(lang, M_ONLY_NEW));
    text_units(sink, v->unmatched[0], v->nunmatched[0], pk_msg(lang, M_I_UNMATCHED_OLD));
    text_units(sink, v->unmatched[1], v->nunmatched[1], pk_msg(lang, M_I_UNMATCHED_NEW));
    text_failures(sink, v, 0, lang);
    text_failures(sink, v, 1, lang);
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

static void json_id_list(pekppp_sink *sink, const pk_diff_only *u, size_t n)
{
    size_t i;
    pekppp_sink_puts(sink, "[");
    for (i = 0; i < n; i++) {
        pekppp_sink_puts(sink, i ? ", " : "");
        pk_json_string(sink, u[i].id);
    }
    pekppp_sink_puts(sink, "]");
}

/* "failed": both sides' failures, old first, each as added. */
static void json_failures(pekppp_sink *sink, const pk_diff_view *v)
{
    size_t i, n = 0;
    int k;
    pekppp_sink_puts(sink, "  \"failed\": [");
    for (k = 0; k < 2; k++)
        for (i = 0; i < v->nfailed[k]; i++) {
            const pk_diff_failure *f = &v->failed[k][i];
            pk_sink_printf(sink, "%s    {\"side\": \"%s\", \"unit\": ", n++ ? ",\n" : "\n",
                           k ? "new" : "old");
            json_or_null(sink, f->unit);
            pekppp_sink_puts(sink, ", \"name\": ");
            json_or_null(sink, f->name);
            pekppp_sink_puts(sink, ",\n     \"file\": ");
            pk_json_string(sink, f->file);
            if (f->line)
                pk_sink_printf(sink, ", \"line\": %u, \"column\": %u", f->line, f->column);
            else
                pekppp_sink_puts(sink, ", \"line\": null, \"column\": null");
            if (f->sheet)
                pk_json_place(sink, f->sheet, f->line, f->column);
            pekppp_sink_puts(sink, ", \"path\": ");
            json_or_null(sink, f->path);
            pekppp_sink_puts(sink, ", \"via\": ");
            json_or_null(sink, f->via);
            pekppp_sink_puts(sink, ",\n     \"message\": ");
            pk_json_string(sink, f->message);
            pekppp_sink_puts(sink, "}");
        }
    pekppp_sink_puts(sink, n ? "\n  ]" : "]");
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
    json_id_list(sink, v->only[0], v->nonly[0]);
    pekppp_sink_puts(sink, ",\n  \"only_new\": ");
    json_id_list(sink, v->only[1], v->nonly[1]);
    pekppp_sink_puts(sink, ",\n  \"unmatched_old\": ");
    json_id_list(sink, v->unmatched[0], v->nunmatched[0]);
    pekppp_sink_puts(sink, ",\n  \"unmatched_new\": ");
    json_id_list(sink, v->unmatched[1], v->nunmatched[1]);
    pekppp_sink_puts(sink, ",\n");
    json_failures(sink, v);
    pekppp_sink_puts(sink, "\n}\n");
}

static void csv_row(pekppp_sink *sink, const pk_diff_row *u, char d, char point)
{
    pk_csv_text(sink, u->id, d);
    pekppp_sink_write(sink, &d, 1);
    pk_csv_text(sink, u->name, d);
    pk_sink_printf(sink, "%ccompared%c", d, d);
    pk_fixed_point(sink, u->old_rounded, u->old_decimals, point, 0);
    pekppp_sink_write(sink, &d, 1);
    pk_csv_text(sink, u->old_grade, d);
    pekppp_sink_write(sink, &d, 1);
    pk_fixed_point(sink, u->new_rounded, u->new_decimals, point, 0);
    pekppp_sink_write(sink, &d, 1);
    pk_csv_text(sink, u->new_grade, d);
    pekppp_sink_write(sink, &d, 1);
    pk_fixed_point(sink, u->delta, u->new_decimals, point, 0);
    pk_sink_printf(sink, "%c%zu%c%c%c%c%c\r\n", d, u->nindicators, d, d, d, d, d);
}

/* A unit on one side only (or unmatched): its id, name and @p status, nothing compared. */
static void csv_unit_only(pekppp_sink *sink, const pk_diff_only *u, const char *status, char d)
{
    pk_csv_text(sink, u->id, d);
    pekppp_sink_write(sink, &d, 1);
    pk_csv_text(sink, u->name, d);
    pk_sink_printf(sink, "%c%s%c%c%c%c%c%c%c%c%c%c%c\r\n", d, status, d, d, d, d, d, d, d, d, d,
                   d, d);
}

/* A failure: the unit it names (or empty cells), failed_old or failed_new,
 * and where and why. */
static void csv_failure(pekppp_sink *sink, const pk_diff_failure *f, int side, char d,
                        pekppp_lang lang)
{
    pk_csv_text(sink, f->unit, d);
    pekppp_sink_write(sink, &d, 1);
    pk_csv_text(sink, f->name, d);
    pk_sink_printf(sink, "%c%s%c%c%c%c%c%c%c", d, side ? "failed_new" : "failed_old", d, d, d, d,
                   d, d, d);
    pk_csv_text(sink, f->file, d);
    if (f->sheet) { /* a workbook's cell stands in the line column, the column left empty */
        char where[400];
        pk_location("", f->sheet, f->line, f->column, 0, where, sizeof(where));
        pekppp_sink_write(sink, &d, 1);
        pk_csv_text(sink, where, d);
        pk_sink_printf(sink, "%c%c", d, d);
    } else if (f->line)
        pk_sink_printf(sink, "%c%u%c%u%c", d, f->line, d, f->column, d);
    else
        pk_sink_printf(sink, "%c%c%c", d, d, d);
    pk_csv_text(sink, f->path, d);
    pekppp_sink_write(sink, &d, 1);
    pk_csv_text(sink, lang == PEKPPP_LANG_ID && f->message_id ? f->message_id : f->message, d);
    pekppp_sink_puts(sink, "\r\n");
}

/* Every unit of either side and every failure, one row each: compared
 * first, then only_old, only_new, unmatched_old, unmatched_new, failed_old,
 * failed_new. */
static void diff_csv(pekppp_sink *sink, const pk_diff_view *v, pekppp_csv_dialect dialect,
                     pekppp_lang lang)
{
    static const char *const only_status[2] = { "only_old", "only_new" };
    static const char *const unmatched_status[2] = { "unmatched_old", "unmatched_new" };
    char d = dialect == PEKPPP_CSV_ID ? ';' : ',';
    char point = dialect == PEKPPP_CSV_ID ? ',' : '.';
    size_t i;
    int k;
    pk_sink_printf(sink, "unit_id%cunit_name%cstatus%cold_index%cold_grade%cnew_index%cnew_grade%c"
                         "delta%cindicators_changed%cfile%cline%ccolumn%cpath%cmessage\r\n",
                   d, d, d, d, d, d, d, d, d, d, d, d, d);
    for (i = 0; i < v->nrows; i++)
        csv_row(sink, &v->rows[i], d, point);
    for (k = 0; k < 2; k++)
        for (i = 0; i < v->nonly[k]; i++)
            csv_unit_only(sink, &v->only[k][i], only_status[k], d);
    for (k = 0; k < 2; k++)
        for (i = 0; i < v->nunmatched[k]; i++)
            csv_unit_only(sink, &v->unmatched[k][i], unmatched_status[k], d);
    for (k = 0; k < 2; k++)
        for (i = 0; i < v->nfailed[k]; i++)
            csv_failure(sink, &v->failed[k][i], k, d, lang);
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
        diff_csv(sink, &v, opts->csv_dialect, opts->lang);
    pk_diff_view_free(&v);
    pekppp_sink_flush(sink);
    return sink->error;
}
