/*
 * Batch reports: text (ranking, summary, groups, failures), JSON (FORMATS.md
 * section 5) and CSV (one row per unit found: the scored ones, then the failed).
 *
 * The JSON is written directly, in the contract's key order; the unit
 * objects come from the caller's callback, so a batch of any size is written
 * without holding its units in memory.  CSV cells are quoted as RFC 4180
 * says, and a cell that a spreadsheet would read as a formula (starting with
 * = + - @, tab or CR) is neutralised with a leading apostrophe.
 */
#include "batch_internal.h"
#include "report_internal.h"

#include <string.h>

#include "msg.h"

static void put_fixed(pekppp_sink *sink, int64_t units, int decimals, char point)
{
    pk_fixed_point(sink, units, decimals, point, 0);
}

/* Text cell cut and padded to @p width characters (0: as it is). */
static void put_cell(pekppp_sink *sink, const char *s, size_t width)
{
    pk_text_cell(sink, s, width, width > 0);
}

/* "NOTE: ... periods: 2024, 2025" when the ranking mixes periods (text
 * through @p cell, Markdown through pk_md_text), else nothing. */
static void periods_note(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang,
                         void (*cell)(pekppp_sink *, const char *))
{
    size_t i;
    if (b->nperiods < 2)
        return;
    pk_sink_printf(sink, "%s: ", pk_msg(lang, M_I_MIXED_PERIODS));
    for (i = 0; i < b->nperiods; i++) {
        pekppp_sink_puts(sink, i ? ", " : "");
        cell(sink, b->periods[i]);
    }
    pekppp_sink_puts(sink, b->nperiods == PK_PERIODS_COUNTED ? ", ...\n" : "\n");
}

static void text_plain(pekppp_sink *sink, const char *s)
{
    pk_text_cell(sink, s, 0, 0);
}

static const struct {
    unsigned kind;
    const char *name;
    pk_msg_id title;
} group_kinds[] = { { PEKPPP_GROUP_CATEGORY, "category", M_BY_CATEGORY },
                    { PEKPPP_GROUP_INSTITUTION, "institution", M_BY_INSTITUTION },
                    { PEKPPP_GROUP_MODE, "mode", M_BY_MODE } };

static void text_report(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang)
{
    const pekppp_rubric *r = b->rubric;
    size_t i, k;
    pk_sink_printf(sink, "%s (", pk_msg(lang, M_RANKING));
    put_cell(sink, r->id, 0);
    pk_sink_printf(sink, " %s ", pk_msg(lang, M_VERSION));
    put_cell(sink, r->version, 0);
    PK_SINK_LIT(sink, ")\n");
    periods_note(sink, b, lang, text_plain);
    pk_sink_printf(sink, "%4s  ", pk_msg(lang, M_RANK));
    put_cell(sink, "ID", 20);
    PK_SINK_LIT(sink, " ");
    put_cell(sink, pk_msg(lang, M_UNIT), 40);
    pk_sink_printf(sink, "%7s  %s\n", pk_msg(lang, M_INDEX_SHORT), pk_msg(lang, M_GRADE));
    for (i = 0; i < b->nunits; i++) {
        const pk_unit *u = b->units[i];
        pk_sink_printf(sink, "%4u  ", (unsigned)u->rank);
        put_cell(sink, u->id, 20);
        PK_SINK_LIT(sink, " ");
        put_cell(sink, u->name ? u->name : "", 40);
        PK_SINK_LIT(sink, " ");
        {
            char idx[48];
            pk_fixed_format(idx, sizeof(idx), u->index_rounded, r->decimals);
            pk_sink_printf(sink, "%6s  ", idx);
        }
        put_cell(sink, u->band ? u->band->grade : "", 0);
        PK_SINK_LIT(sink, "\n");
    }
    if (b->nunits == 0)
        pk_sink_printf(sink, "  %s\n", pk_msg(lang, M_NO_UNITS));
    if (b->rank_split)
        pk_sink_printf(sink, "  %s\n", pk_msg(lang, M_I_RANK_EXACT));
    pk_sink_printf(sink, "\n%s\n  ", pk_msg(lang, M_SUMMARY));
    pk_sink_printf(sink, "%zu %s: %zu %s, %zu %s", b->nunits + b->nerrors,
                   pk_msg(lang, M_UNITS_COUNT), b->nunits, pk_msg(lang, M_SCORED), b->nerrors,
                   pk_msg(lang, M_FAILED_LOAD));
    PK_SINK_LIT(sink, "\n");
    if (b->nunits > 0) {
        pk_sink_printf(sink, "  %s: ", pk_msg(lang, M_MEAN));
        put_fixed(sink, b->mean_rounded, r->decimals, '.');
        if (b->mean_band) {
            PK_SINK_LIT(sink, "  ");
            put_cell(sink, b->mean_band->grade, 0);
            PK_SINK_LIT(sink, "  ");
            put_cell(sink, b->mean_band->label, 0);
        }
        pk_sink_printf(sink, "\n  %s:", pk_msg(lang, M_GRADES));
        for (i = 0; i < r->nbands; i++) {
            pekppp_sink_puts(sink, i ? ", " : " ");
            put_cell(sink, r->bands[i].grade, 0);
            pk_sink_printf(sink, " %zu", b->grade_counts[i]);
        }
        PK_SINK_LIT(sink, "\n");
    }
    for (k = 0; k < sizeof(group_kinds) / sizeof(group_kinds[0]); k++) {
        int any = 0;
        for (i = 0; i < b->ngroups; i++) {
            const pk_group *g = &b->groups[i];
            if (g->kind != group_kinds[k].kind)
                continue;
            if (!any++)
                pk_sink_printf(sink, "\n%s\n", pk_msg(lang, group_kinds[k].title));
            PK_SINK_LIT(sink, "  ");
            put_cell(sink, g->key, 40);
            pk_sink_printf(sink, " %5zu  ", g->units);
            put_fixed(sink, g->mean_rounded, r->decimals, '.');
            PK_SINK_LIT(sink, "  ");
            put_cell(sink, g->band ? g->band->grade : "", 0);
            PK_SINK_LIT(sink, "\n");
        }
    }
    if (b->nerrors > 0) {
        pk_sink_printf(sink, "\n%s\n", pk_msg(lang, M_FAILED));
        for (i = 0; i < b->nerrors; i++) {
            const pk_failure *f = &b->errors[i];
            PK_SINK_LIT(sink, "  ");
            put_cell(sink, f->file, 0);
            if (f->sheet) {
                char where[400];
                pk_location("", f->sheet, f->line, f->column, 0, where, sizeof(where));
                PK_SINK_LIT(sink, ":");
                put_cell(sink, where, 0);
            } else if (f->line)
                pk_sink_printf(sink, ":%u:%u", f->line, f->column);
            PK_SINK_LIT(sink, ": ");
            if (f->path && f->path[0]) {
                put_cell(sink, f->path, 0);
                PK_SINK_LIT(sink, ": ");
            }
            put_cell(sink, pk_failure_message(f, lang), 0);
            PK_SINK_LIT(sink, "\n");
        }
    }
}

static void json_key(pekppp_sink *sink, int depth, const char *key)
{
    pk_json_indent(sink, depth);
    pk_json_string(sink, key);
    PK_SINK_LIT(sink, ": ");
}

static void json_str_or_null(pekppp_sink *sink, const char *s)
{
    if (s)
        pk_json_string(sink, s);
    else
        PK_SINK_LIT(sink, "null");
}

/* "schema", "rubric" and "tool". */
static void json_head(pekppp_sink *sink, const pekppp_batch *b)
{
    const pekppp_rubric *r = b->rubric;
    PK_SINK_LIT(sink, "{\n");
    json_key(sink, 1, "schema");
    PK_SINK_LIT(sink, "\"pekppp/batch/v1\",\n");
    json_key(sink, 1, "rubric");
    PK_SINK_LIT(sink, "{\n");
    json_key(sink, 2, "id");
    pk_json_string(sink, r->id);
    PK_SINK_LIT(sink, ",\n");
    json_key(sink, 2, "version");
    pk_json_string(sink, r->version);
    PK_SINK_LIT(sink, ",\n");
    json_key(sink, 2, "sha256");
    pk_json_string(sink, r->sha256);
    PK_SINK_LIT(sink, "\n  },\n");
    json_key(sink, 1, "tool");
    pekppp_sink_puts(sink, "{\n    \"name\": \"pekppp\",\n    \"version\": \"" PEKPPP_VERSION "\"\n  },\n");
}

/* "summary": counts, the mean and its grade, units per grade. */
static void json_summary(pekppp_sink *sink, const pekppp_batch *b)
{
    const pekppp_rubric *r = b->rubric;
    size_t i;
    json_key(sink, 1, "summary");
    pk_sink_printf(sink, "{\n    \"units\": %zu,\n    \"scored\": %zu,\n    \"failed\": %zu,\n",
                   b->nunits + b->nerrors, b->nunits, b->nerrors);
    json_key(sink, 2, "mean");
    if (b->nunits > 0)
        put_fixed(sink, b->mean_rounded, r->decimals, '.');
    else
        PK_SINK_LIT(sink, "null");
    PK_SINK_LIT(sink, ",\n");
    json_key(sink, 2, "grade");
    json_str_or_null(sink, b->nunits && b->mean_band ? b->mean_band->grade : NULL);
    PK_SINK_LIT(sink, ",\n");
    json_key(sink, 2, "label");
    json_str_or_null(sink, b->nunits && b->mean_band ? b->mean_band->label : NULL);
    PK_SINK_LIT(sink, ",\n");
    json_key(sink, 2, "grades");
    PK_SINK_LIT(sink, "{");
    for (i = 0; i < r->nbands; i++) {
        pekppp_sink_puts(sink, i ? ", " : "");
        pk_json_string(sink, r->bands[i].grade);
        pk_sink_printf(sink, ": %zu", b->grade_counts[i]);
    }
    PK_SINK_LIT(sink, "},\n");
    json_key(sink, 2, "periods");
    PK_SINK_LIT(sink, "[");
    for (i = 0; i < b->nperiods; i++) {
        pekppp_sink_puts(sink, i ? ", " : "");
        pk_json_string(sink, b->periods[i]);
    }
    pk_sink_printf(sink, "],\n    \"mixed_periods\": %s,\n    \"rank_split\": %s\n  },\n",
                   b->nperiods > 1 ? "true" : "false", b->rank_split ? "true" : "false");
}

/* "groups": the mean of each category, institution or mode. */
static void json_groups(pekppp_sink *sink, const pekppp_batch *b)
{
    const pekppp_rubric *r = b->rubric;
    size_t i;
    json_key(sink, 1, "groups");
    pekppp_sink_puts(sink, b->ngroups ? "[\n" : "[]");
    for (i = 0; i < b->ngroups; i++) {
        const pk_group *g = &b->groups[i];
        size_t k;
        const char *by = "";
        for (k = 0; k < sizeof(group_kinds) / sizeof(group_kinds[0]); k++)
            if (group_kinds[k].kind == g->kind)
                by = group_kinds[k].name;
        pk_json_indent(sink, 2);
        pk_sink_printf(sink, "{\"by\": \"%s\", \"key\": ", by);
        pk_json_string(sink, g->key);
        pk_sink_printf(sink, ", \"units\": %zu, \"mean\": ", g->units);
        put_fixed(sink, g->mean_rounded, r->decimals, '.');
        PK_SINK_LIT(sink, ", \"grade\": ");
        json_str_or_null(sink, g->band ? g->band->grade : NULL);
        pekppp_sink_puts(sink, i + 1 < b->ngroups ? "},\n" : "}\n  ]");
    }
    PK_SINK_LIT(sink, ",\n");
}

/* "ranking": every unit by rank. */
static void json_ranking(pekppp_sink *sink, const pekppp_batch *b)
{
    const pekppp_rubric *r = b->rubric;
    size_t i;
    json_key(sink, 1, "ranking");
    pekppp_sink_puts(sink, b->nunits ? "[\n" : "[]");
    for (i = 0; i < b->nunits; i++) {
        const pk_unit *u = b->units[i];
        char rank[24];
        int n = pk_int_format(rank, sizeof(rank), (int64_t)u->rank);
        pk_json_indent(sink, 2);
        PK_SINK_LIT(sink, "{\"rank\": ");
        pk_sink_put(sink, rank, n > 0 ? (size_t)n : 0);
        PK_SINK_LIT(sink, ", \"unit\": ");
        pk_json_string(sink, u->id);
        PK_SINK_LIT(sink, ", \"name\": ");
        json_str_or_null(sink, u->name);
        PK_SINK_LIT(sink, ", \"index\": ");
        put_fixed(sink, u->index_rounded, r->decimals, '.');
        PK_SINK_LIT(sink, ", \"grade\": ");
        json_str_or_null(sink, u->band ? u->band->grade : NULL);
        pekppp_sink_puts(sink, i + 1 < b->nunits ? "},\n" : "}\n  ]");
    }
    PK_SINK_LIT(sink, ",\n");
}

/* "errors": the files that could not be scored. */
static void json_errors(pekppp_sink *sink, const pekppp_batch *b)
{
    size_t i;
    json_key(sink, 1, "errors");
    pekppp_sink_puts(sink, b->nerrors ? "[\n" : "[]");
    for (i = 0; i < b->nerrors; i++) {
        const pk_failure *f = &b->errors[i];
        pk_json_indent(sink, 2);
        PK_SINK_LIT(sink, "{\"file\": ");
        pk_json_string(sink, f->file);
        if (f->line)
            pk_sink_printf(sink, ", \"line\": %u, \"column\": %u", f->line, f->column);
        else
            PK_SINK_LIT(sink, ", \"line\": null, \"column\": null");
        if (f->sheet)
            pk_json_place(sink, f->sheet, f->line, f->column);
        PK_SINK_LIT(sink, ", \"path\": ");
        json_str_or_null(sink, f->path && f->path[0] ? f->path : NULL);
        PK_SINK_LIT(sink, ", \"message\": ");
        pk_json_string(sink, f->message);
        pekppp_sink_puts(sink, i + 1 < b->nerrors ? "},\n" : "}\n  ]");
    }
}

static int json_report(pekppp_sink *sink, const pekppp_batch *b, pekppp_units_cb units,
                       void *payload)
{
    int error;
    json_head(sink, b);
    json_summary(sink, b);
    json_groups(sink, b);
    json_ranking(sink, b);
    json_key(sink, 1, "units");
    if (units && b->nunits > 0) {
        PK_SINK_LIT(sink, "[\n");
        if ((error = units(sink, payload)) < 0)
            return error;
        PK_SINK_LIT(sink, "\n  ]");
    } else {
        PK_SINK_LIT(sink, "[]");
    }
    PK_SINK_LIT(sink, ",\n");
    json_errors(sink, b);
    PK_SINK_LIT(sink, "\n}\n");
    return 0;
}

/* One CSV cell after its delimiter (none before the first). */
static void csv_cell(pekppp_sink *sink, const char *s, char delim, int first)
{
    if (!first)
        pk_sink_put(sink, &delim, 1);
    pk_csv_text(sink, s, delim);
}

static void csv_number(pekppp_sink *sink, int64_t units, int decimals, char delim, char point)
{
    pk_sink_put(sink, &delim, 1);
    put_fixed(sink, units, decimals, point);
}

/* The batch CSV's columns before the aspects, and after them. */
static const char *const csv_head[] = { "rank",     "status", "unit_id", "unit_name",
                                        "institution", "category", "mode", "period",
                                        "index",    "grade",  "label",   "evaluator",
                                        "survey" };
static const char *const csv_tail[] = { "flags", "file", "line", "column", "path", "message" };

#define CSV_NHEAD (sizeof(csv_head) / sizeof(csv_head[0]))

static void csv_unsigned(pekppp_sink *sink, unsigned n, char delim)
{
    char s[32];
    snprintf(s, sizeof(s), "%u", n);
    csv_cell(sink, n ? s : NULL, delim, 0);
}

/* The line and column cells of a place: in a workbook the cell `Sheet!C7` stands in the
 * line column and the column is empty (docs/formats.md, batch CSV). */
static void csv_place(pekppp_sink *sink, const char *sheet, unsigned line, unsigned col,
                      char delim)
{
    if (sheet) {
        char where[400];
        pk_location("", sheet, line, col, 0, where, sizeof(where));
        csv_cell(sink, where, delim, 0);
        csv_cell(sink, NULL, delim, 0);
        return;
    }
    csv_unsigned(sink, line, delim);
    csv_unsigned(sink, line ? col : 0, delim);
}

/* A scored unit; its file, line and column say where its id stands (path and
 * message are for failures). */
static void csv_unit_row(pekppp_sink *sink, const pekppp_batch *b, const pk_unit *u, char delim,
                         char point)
{
    const pekppp_rubric *r = b->rubric;
    char rank[32], fl[160] = "", file[2048];
    size_t k;
    snprintf(rank, sizeof(rank), "%u", (unsigned)u->rank);
    csv_cell(sink, rank, delim, 1);
    csv_cell(sink, "scored", delim, 0);
    csv_cell(sink, u->id, delim, 0);
    csv_cell(sink, u->name, delim, 0);
    csv_cell(sink, u->institution, delim, 0);
    csv_cell(sink, u->category, delim, 0);
    csv_cell(sink, u->mode, delim, 0);
    csv_cell(sink, u->period, delim, 0);
    csv_number(sink, u->index_rounded, r->decimals, delim, point);
    csv_cell(sink, u->band ? u->band->grade : NULL, delim, 0);
    csv_cell(sink, u->band ? u->band->label : NULL, delim, 0);
    csv_number(sink, u->evaluator_rounded, r->decimals, delim, point);
    if (u->survey_counts)
        csv_number(sink, u->survey_rounded, r->decimals, delim, point);
    else
        csv_cell(sink, NULL, delim, 0);
    for (k = 0; k < r->naspects; k++) {
        if (u->aspects[k] == INT32_MIN)
            csv_cell(sink, NULL, delim, 0);
        else
            csv_number(sink, u->aspects[k], r->decimals, delim, point);
    }
    for (k = 0; k < PK_NFLAGS; k++)
        if (u->flags & pk_flags[k].flag) {
            if (fl[0])
                strcat(fl, " ");
            strcat(fl, pk_flags[k].name);
        }
    csv_cell(sink, fl[0] ? fl : NULL, delim, 0);
    snprintf(file, sizeof(file), "%s%s", u->dir ? u->dir : "", u->base ? u->base : "");
    csv_cell(sink, file[0] ? file : NULL, delim, 0);
    csv_place(sink, u->sheet, u->id_line, u->id_col, delim);
    csv_cell(sink, NULL, delim, 0); /* path */
    csv_cell(sink, NULL, delim, 0); /* message */
    PK_SINK_LIT(sink, "\r\n");
}

/* A unit that failed to load or score: status "failed", where and why, every
 * cell of a score empty.  So the sheet holds every unit found: its rows are
 * scored + failed = summary.units, never a silent gap. */
static void csv_failure_row(pekppp_sink *sink, const pekppp_batch *b, const pk_failure *f,
                            char delim, pekppp_lang lang)
{
    size_t k, empty = CSV_NHEAD - 2 + b->rubric->naspects + 1; /* unit_id .. flags */
    csv_cell(sink, NULL, delim, 1);
    csv_cell(sink, "failed", delim, 0);
    for (k = 0; k < empty; k++)
        csv_cell(sink, NULL, delim, 0);
    csv_cell(sink, f->file, delim, 0);
    csv_place(sink, f->sheet, f->line, f->column, delim);
    csv_cell(sink, f->path && f->path[0] ? f->path : NULL, delim, 0);
    csv_cell(sink, pk_failure_message(f, lang), delim, 0);
    PK_SINK_LIT(sink, "\r\n");
}

/* Scored units in ranking order, then the failed ones in input order. */
static void csv_report(pekppp_sink *sink, const pekppp_batch *b, pekppp_csv_dialect dialect,
                       pekppp_lang lang)
{
    const pekppp_rubric *r = b->rubric;
    char delim = dialect == PEKPPP_CSV_ID ? ';' : ',';
    char point = dialect == PEKPPP_CSV_ID ? ',' : '.';
    size_t i;
    for (i = 0; i < CSV_NHEAD; i++)
        csv_cell(sink, csv_head[i], delim, i == 0);
    for (i = 0; i < r->naspects; i++)
        csv_cell(sink, r->aspects[i].id, delim, 0);
    for (i = 0; i < sizeof(csv_tail) / sizeof(csv_tail[0]); i++)
        csv_cell(sink, csv_tail[i], delim, 0);
    PK_SINK_LIT(sink, "\r\n");
    for (i = 0; i < b->nunits; i++)
        csv_unit_row(sink, b, b->units[i], delim, point);
    for (i = 0; i < b->nerrors; i++)
        csv_failure_row(sink, b, &b->errors[i], delim, lang);
}

static void md_report(pekppp_sink *sink, const pekppp_batch *b, pekppp_lang lang)
{
    const pekppp_rubric *r = b->rubric;
    size_t i, k;
    pk_sink_printf(sink, "## %s (", pk_msg(lang, M_RANKING));
    pk_md_text(sink, r->id);
    pk_sink_printf(sink, " %s ", pk_msg(lang, M_VERSION));
    pk_md_text(sink, r->version);
    PK_SINK_LIT(sink, ")\n\n");
    if (b->nperiods > 1) {
        PK_SINK_LIT(sink, "> ");
        periods_note(sink, b, lang, pk_md_text);
        PK_SINK_LIT(sink, "\n");
    }
    pk_sink_printf(sink, "| %s | ID | %s | %s | %s |\n|--:|---|---|--:|---|\n",
                   pk_msg(lang, M_RANK), pk_msg(lang, M_UNIT), pk_msg(lang, M_INDEX_SHORT),
                   pk_msg(lang, M_GRADE));
    for (i = 0; i < b->nunits; i++) {
        const pk_unit *u = b->units[i];
        pk_sink_printf(sink, "| %u | ", (unsigned)u->rank);
        pk_md_text(sink, u->id);
        PK_SINK_LIT(sink, " | ");
        pk_md_text(sink, u->name);
        PK_SINK_LIT(sink, " | ");
        put_fixed(sink, u->index_rounded, r->decimals, '.');
        PK_SINK_LIT(sink, " | ");
        pk_md_text(sink, u->band ? u->band->grade : "");
        PK_SINK_LIT(sink, " |\n");
    }
    if (b->rank_split)
        pk_sink_printf(sink, "\n%s\n", pk_msg(lang, M_I_RANK_EXACT));
    pk_sink_printf(sink, "\n### %s\n\n- %zu %s: %zu %s, %zu %s\n", pk_msg(lang, M_SUMMARY),
                   b->nunits + b->nerrors, pk_msg(lang, M_UNITS_COUNT), b->nunits,
                   pk_msg(lang, M_SCORED), b->nerrors, pk_msg(lang, M_FAILED_LOAD));
    if (b->nunits > 0) {
        pk_sink_printf(sink, "- %s: **", pk_msg(lang, M_MEAN));
        put_fixed(sink, b->mean_rounded, r->decimals, '.');
        if (b->mean_band) {
            PK_SINK_LIT(sink, " ");
            pk_md_text(sink, b->mean_band->grade);
            PK_SINK_LIT(sink, " ");
            pk_md_text(sink, b->mean_band->label);
        }
        pk_sink_printf(sink, "**\n- %s:", pk_msg(lang, M_GRADES));
        for (i = 0; i < r->nbands; i++) {
            pekppp_sink_puts(sink, i ? ", " : " ");
            pk_md_text(sink, r->bands[i].grade);
            pk_sink_printf(sink, " %zu", b->grade_counts[i]);
        }
        PK_SINK_LIT(sink, "\n");
    }
    for (k = 0; k < sizeof(group_kinds) / sizeof(group_kinds[0]); k++) {
        int any = 0;
        for (i = 0; i < b->ngroups; i++) {
            const pk_group *g = &b->groups[i];
            if (g->kind != group_kinds[k].kind)
                continue;
            if (!any++)
                pk_sink_printf(sink, "\n### %s\n\n| | n | %s | %s |\n|---|--:|--:|---|\n",
                               pk_msg(lang, group_kinds[k].title), pk_msg(lang, M_MEAN),
                               pk_msg(lang, M_GRADE));
            PK_SINK_LIT(sink, "| ");
            pk_md_text(sink, g->key);
            pk_sink_printf(sink, " | %zu | ", g->units);
            put_fixed(sink, g->mean_rounded, r->decimals, '.');
            PK_SINK_LIT(sink, " | ");
            pk_md_text(sink, g->band ? g->band->grade : "");
            PK_SINK_LIT(sink, " |\n");
        }
    }
    if (b->nerrors > 0) {
        pk_sink_printf(sink, "\n### %s\n\n", pk_msg(lang, M_FAILED));
        for (i = 0; i < b->nerrors; i++) {
            const pk_failure *f = &b->errors[i];
            PK_SINK_LIT(sink, "- ");
            pk_md_text(sink, f->file);
            if (f->sheet) {
                char where[400];
                pk_location("", f->sheet, f->line, f->column, 0, where, sizeof(where));
                PK_SINK_LIT(sink, ":");
                pk_md_text(sink, where);
            } else if (f->line)
                pk_sink_printf(sink, ":%u:%u", f->line, f->column);
            PK_SINK_LIT(sink, ": ");
            if (f->path && f->path[0]) {
                pk_md_text(sink, f->path);
                PK_SINK_LIT(sink, ": ");
            }
            pk_md_text(sink, pk_failure_message(f, lang));
            PK_SINK_LIT(sink, "\n");
        }
    }
}

int pekppp_batch_write(pekppp_sink *sink, const pekppp_batch *b, pekppp_report_format format,
                       const pekppp_report_options *opts, pekppp_units_cb units, void *payload)
{
    pekppp_report_options local;
    int error = 0;
    if (!(opts = pk_report_options(opts, &local)))
        return PEKPPP_EINVALID;
    if (!b->finished)
        return PEKPPP_EINVALID;
    switch (format) {
    case PEKPPP_FORMAT_TEXT:
        text_report(sink, b, opts->lang);
        break;
    case PEKPPP_FORMAT_JSON:
        error = json_report(sink, b, units, payload);
        break;
    case PEKPPP_FORMAT_CSV:
        csv_report(sink, b, opts->csv_dialect, opts->lang);
        break;
    case PEKPPP_FORMAT_MD:
        md_report(sink, b, opts->lang);
        break;
    case PEKPPP_FORMAT_HTML: {
        /* Worked out before the page starts, like every view. */
        pk_missed_view missed;
        if ((error = pk_missed_view_make(&missed, b)) < 0)
            return error;
        pk_batch_html(sink, b, opts, &missed);
        break;
    }
    default:
        return PEKPPP_EINVALID;
    }
    pekppp_sink_flush(sink);
    return error < 0 ? error : sink->error;
}
