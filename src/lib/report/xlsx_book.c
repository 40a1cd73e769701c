/*
 * The batch and unit workbooks (score -f xlsx); see pekppp/workbook.h and
 * docs/formats.md, "xlsx output".
 *
 * libxlsxwriter runs in constant-memory mode: each sheet goes to its own
 * temporary file row by row, so every sheet is written top to bottom.  The
 * sheets are created in their final order when the workbook starts; the
 * per-unit sheets (indicator levels, recommendations, the receipt's input
 * hashes) grow while units are added in input order; the summary, ranking,
 * aspect scores and failures are written from the finished batch.
 */
#include "xw_internal.h"

#include <string.h>

#include "batch_internal.h"
#include "pekppp/workbook.h"

struct pekppp_workbook {
    pk_xw x;
    char *path;
    char *timestamp;
    const pekppp_rubric *r;
    pekppp_lang lang;
    lxw_worksheet *summary, *ranking, *aspects, *levels, *recs, *failed, *receipt;
    pk_xw_styles st;
    uint32_t level_row, rec_row, receipt_row;
    int recs_full, levels_full;
    char *last_input;            /* the receipt's last input file (a sheet gives many units) */
    int written;
};

static const char *m(const pekppp_workbook *wb, pk_msg_id id)
{
    return pk_msg(wb->lang, id);
}

static char *dup_str(const char *s)
{
    char *c;
    size_t n;
    if (!s)
        return NULL;
    n = strlen(s);
    if ((c = pk_malloc(n + 1)))
        memcpy(c, s, n + 1);
    return c;
}

/* A header row of message ids (PK_MSG end marker M_COUNT). */
static void header(pekppp_workbook *wb, lxw_worksheet *ws, uint32_t row, const pk_msg_id *ids,
                   size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        pk_xw_text(&wb->x, ws, row, (uint16_t)i, m(wb, ids[i]), wb->st.head);
}

static void receipt_line(pekppp_workbook *wb, const char *key, const char *value)
{
    pk_xw_text(&wb->x, wb->receipt, wb->receipt_row, 0, key, wb->st.head);
    pk_xw_text(&wb->x, wb->receipt, wb->receipt_row, 1, value, NULL);
    wb->receipt_row++;
}

/* The sheets' headers that do not wait for the batch: levels,
 * recommendations, the receipt's fixed lines. */
static void start_sheets(pekppp_workbook *wb)
{
    const pekppp_rubric *r = wb->r;
    static const pk_msg_id rec_head[] = { M_X_UNIT_ID, M_X_UNIT_NAME, M_X_NO, M_X_INDICATOR,
                                          M_INDICATORS, M_X_FROM, M_X_TO, M_GAIN, M_X_TEXT };
    size_t i;
    char rubric[512];
    pk_xw_text(&wb->x, wb->levels, 0, 0, m(wb, M_X_UNIT_ID), wb->st.head);
    pk_xw_text(&wb->x, wb->levels, 0, 1, m(wb, M_X_UNIT_NAME), wb->st.head);
    for (i = 0; i < r->nindicators; i++)
        pk_xw_text(&wb->x, wb->levels, 0, (uint16_t)(2 + i), r->indicators[i].id, wb->st.head);
    for (i = 0; i < r->nsupplements; i++)
        pk_xw_text(&wb->x, wb->levels, 0, (uint16_t)(2 + r->nindicators + i),
                     r->supplements[i].id, wb->st.head);
    worksheet_freeze_panes(wb->levels, 1, 2);
    pk_xw_check(&wb->x, worksheet_set_column(wb->levels, 0, 0, 18, NULL));
    pk_xw_check(&wb->x, worksheet_set_column(wb->levels, 1, 1, 30, NULL));
    wb->level_row = 1;

    header(wb, wb->recs, 0, rec_head, sizeof(rec_head) / sizeof(rec_head[0]));
    worksheet_freeze_panes(wb->recs, 1, 0);
    pk_xw_check(&wb->x, worksheet_set_column(wb->recs, 0, 0, 18, NULL));
    pk_xw_check(&wb->x, worksheet_set_column(wb->recs, 1, 1, 30, NULL));
    pk_xw_check(&wb->x, worksheet_set_column(wb->recs, 3, 3, 12, NULL));
    pk_xw_check(&wb->x, worksheet_set_column(wb->recs, 4, 4, 40, NULL));
    pk_xw_check(&wb->x, worksheet_set_column(wb->recs, 8, 8, 70, NULL));
    wb->rec_row = 1;

    pk_xw_check(&wb->x, worksheet_set_column(wb->receipt, 0, 0, 22, NULL));
    pk_xw_check(&wb->x, worksheet_set_column(wb->receipt, 1, 1, 70, NULL));
    receipt_line(wb, m(wb, M_H_TOOL), "pekppp " PEKPPP_VERSION);
    snprintf(rubric, sizeof(rubric), "%s (%s %s)", r->id, m(wb, M_VERSION),
             r->version ? r->version : "");
    receipt_line(wb, m(wb, M_RUBRIC), rubric);
    receipt_line(wb, "SHA-256", r->sha256);
    if (wb->timestamp)
        receipt_line(wb, m(wb, M_H_GENERATED), wb->timestamp);
    wb->receipt_row++;
    pk_xw_text(&wb->x, wb->receipt, wb->receipt_row, 0, m(wb, M_H_INPUT), wb->st.head);
    pk_xw_text(&wb->x, wb->receipt, wb->receipt_row, 1, "SHA-256", wb->st.head);
    wb->receipt_row++;
}

int pekppp_workbook_new(pekppp_workbook **out, const char *path, const pekppp_rubric *r,
                        const pekppp_report_options *opts, pekppp_error *err)
{
    pekppp_report_options local;
    pekppp_workbook *wb;
    int rc;
    *out = NULL;
    if (!(opts = pk_report_options(opts, &local)))
        return PEKPPP_EINVALID;
    if (!(wb = pk_malloc(sizeof(*wb))))
        return PEKPPP_ENOMEM;
    memset(wb, 0, sizeof(*wb));
    wb->r = r;
    wb->lang = opts->lang;
    if (!(wb->path = dup_str(path)) || (opts->timestamp && !(wb->timestamp = dup_str(opts->timestamp)))) {
        pekppp_workbook_free(wb);
        return PEKPPP_ENOMEM;
    }
    if ((rc = pk_xw_open(&wb->x, path, 1, opts->timestamp, m(wb, M_X_BOOK_TITLE), err)) < 0) {
        pekppp_workbook_free(wb);
        return rc;
    }
    wb->summary = pk_xw_sheet(&wb->x, m(wb, M_X_SH_SUMMARY));
    wb->ranking = pk_xw_sheet(&wb->x, m(wb, M_X_SH_RANKING));
    wb->aspects = pk_xw_sheet(&wb->x, m(wb, M_X_SH_ASPECTS));
    wb->levels = pk_xw_sheet(&wb->x, m(wb, M_X_SH_LEVELS));
    wb->recs = pk_xw_sheet(&wb->x, m(wb, M_X_SH_RECS));
    wb->failed = pk_xw_sheet(&wb->x, m(wb, M_X_SH_FAILED));
    wb->receipt = pk_xw_sheet(&wb->x, m(wb, M_X_SH_RECEIPT));
    pk_xw_styles_make(&wb->x, r, &wb->st);
    start_sheets(wb);
    *out = wb;
    return 0;
}

/* When a sheet is full, its last row says so and the rest is left out. */
static int room(pekppp_workbook *wb, lxw_worksheet *ws, uint32_t *row, int *full)
{
    if (*full)
        return 0;
    if (*row + 1 < PK_XW_ROWS)
        return 1;
    pk_xw_text(&wb->x, ws, *row, 0, m(wb, M_X_SHEET_FULL), NULL);
    *full = 1;
    return 0;
}

int pekppp_workbook_add_unit(pekppp_workbook *wb, const pekppp_result *res, pekppp_error *err)
{
    const pekppp_assessment *a = res->assessment;
    const pekppp_rubric *r = wb->r;
    lxw_worksheet *ws = wb->levels;
    size_t i;
    (void)err;
    if (room(wb, ws, &wb->level_row, &wb->levels_full)) {
        uint32_t row = wb->level_row++;
        pk_xw_text(&wb->x, ws, row, 0, a->unit_id, NULL);
        pk_xw_text(&wb->x, ws, row, 1, a->unit_name, NULL);
        for (i = 0; i < r->nindicators; i++) {
            int level = a->answers[i].level;
            if (level == PEKPPP_LEVEL_NA)
                pk_xw_text(&wb->x, ws, row, (uint16_t)(2 + i), "na", NULL);
            else if (level != PEKPPP_LEVEL_MISSING)
                pk_xw_int(&wb->x, ws, row, (uint16_t)(2 + i), level, NULL);
        }
        for (i = 0; i < r->nsupplements; i++) {
            int level = a->supplement_levels ? a->supplement_levels[i] : PEKPPP_LEVEL_MISSING;
            if (level != PEKPPP_LEVEL_MISSING && level != PEKPPP_LEVEL_NA)
                pk_xw_int(&wb->x, ws, row, (uint16_t)(2 + r->nindicators + i), level, NULL);
        }
    }
    ws = wb->recs;
    for (i = 0; i < res->nrecs && room(wb, ws, &wb->rec_row, &wb->recs_full); i++) {
        const pk_recommendation *rec = &res->recs[i];
        const pekppp_indicator *ind = &r->indicators[rec->indicator];
        uint32_t row = wb->rec_row++;
        int advice;
        pk_xw_text(&wb->x, ws, row, 0, a->unit_id, NULL);
        pk_xw_text(&wb->x, ws, row, 1, a->unit_name, NULL);
        pk_xw_int(&wb->x, ws, row, 2, (int64_t)i + 1, NULL);
        pk_xw_text(&wb->x, ws, row, 3, ind->id, NULL);
        pk_xw_text(&wb->x, ws, row, 4, ind->name, NULL);
        pk_xw_int(&wb->x, ws, row, 5, rec->from, NULL);
        pk_xw_int(&wb->x, ws, row, 6, rec->to, NULL);
        pk_xw_fixed(&wb->x, ws, row, 7, rec->gain_rounded, r->decimals, wb->st.num);
        pk_xw_text(&wb->x, ws, row, 8, pk_step_text(r, rec->indicator, rec->from, rec->to, &advice),
                     NULL);
    }
    /* The receipt: each input file once (a sheet's units come one after another). */
    if (a->file && (!wb->last_input || strcmp(wb->last_input, a->file) != 0) &&
        wb->receipt_row + 1 < PK_XW_ROWS) {
        pk_free(wb->last_input);
        if (!(wb->last_input = dup_str(a->file)))
            wb->x.oom = 1;
        pk_xw_text(&wb->x, wb->receipt, wb->receipt_row, 0, a->file, NULL);
        pk_xw_text(&wb->x, wb->receipt, wb->receipt_row, 1, a->sha256, NULL);
        wb->receipt_row++;
    }
    return wb->x.oom ? PEKPPP_ENOMEM : 0;
}

static void summary_sheet(pekppp_workbook *wb, const pekppp_batch *b)
{
    static const struct {
        unsigned kind;
        pk_msg_id title;
    } kinds[] = { { PEKPPP_GROUP_CATEGORY, M_BY_CATEGORY },
                  { PEKPPP_GROUP_INSTITUTION, M_BY_INSTITUTION },
                  { PEKPPP_GROUP_MODE, M_BY_MODE } };
    static const pk_msg_id grade_head[] = { M_GRADE, M_X_LABEL, M_X_COUNT };
    static const pk_msg_id group_head[] = { M_X_GROUP, M_X_VALUE, M_X_UNITS, M_MEAN, M_GRADE };
    const pekppp_rubric *r = wb->r;
    lxw_worksheet *ws = wb->summary;
    pk_xw *x = &wb->x;
    uint32_t row = 0, first_band;
    size_t i, k;
    pk_xw_check(x, worksheet_set_column(ws, 0, 0, 26, NULL));
    pk_xw_check(x, worksheet_set_column(ws, 1, 1, 30, NULL));
    pk_xw_check(x, worksheet_set_column(ws, 2, 4, 14, NULL));
    pk_xw_text(x, ws, row, 0, m(wb, M_X_BOOK_TITLE), wb->st.title);
    pk_xw_text(x, ws, row++, 1, b->title ? b->title : r->title, wb->st.title);
    pk_xw_text(x, ws, row, 0, m(wb, M_RUBRIC), wb->st.head);
    pk_xw_text(x, ws, row++, 1, r->id, NULL);
    if (b->period) {
        pk_xw_text(x, ws, row, 0, m(wb, M_PERIOD), wb->st.head);
        pk_xw_text(x, ws, row++, 1, b->period, NULL);
    }
    if (b->institution) {
        pk_xw_text(x, ws, row, 0, m(wb, M_INSTITUTION), wb->st.head);
        pk_xw_text(x, ws, row++, 1, b->institution, NULL);
    }
    pk_xw_text(x, ws, row, 0, m(wb, M_X_UNITS_FOUND), wb->st.head);
    pk_xw_int(x, ws, row++, 1, (int64_t)(b->nunits + b->nerrors), NULL);
    pk_xw_text(x, ws, row, 0, m(wb, M_SCORED), wb->st.head);
    pk_xw_int(x, ws, row++, 1, (int64_t)b->nunits, NULL);
    pk_xw_text(x, ws, row, 0, m(wb, M_FAILED_LOAD), wb->st.head);
    pk_xw_int(x, ws, row++, 1, (int64_t)b->nerrors, NULL);
    if (b->nunits > 0) {
        pk_xw_text(x, ws, row, 0, m(wb, M_MEAN), wb->st.head);
        pk_xw_fixed(x, ws, row++, 1, b->mean_rounded, r->decimals, wb->st.num);
        pk_xw_text(x, ws, row, 0, m(wb, M_GRADE), wb->st.head);
        if (b->mean_band) {
            pk_xw_text(x, ws, row, 1, b->mean_band->grade, pk_xw_band(&wb->st, b->mean_band));
            pk_xw_text(x, ws, row, 2, b->mean_band->label, NULL);
        }
        row++;
    }
    if (b->nperiods > 1)
        pk_xw_text(x, ws, row++, 0, m(wb, M_I_MIXED_PERIODS), NULL);
    if (b->rank_split)
        pk_xw_text(x, ws, row++, 0, m(wb, M_I_RANK_EXACT), NULL);
    row++;
    pk_xw_text(x, ws, row++, 0, m(wb, M_GRADES), wb->st.title);
    header(wb, ws, row++, grade_head, 3);
    first_band = row;
    for (i = 0; i < r->nbands; i++, row++) {
        pk_xw_text(x, ws, row, 0, r->bands[i].grade, pk_xw_band(&wb->st, &r->bands[i]));
        pk_xw_text(x, ws, row, 1, r->bands[i].label, NULL);
        pk_xw_int(x, ws, row, 2, (int64_t)b->grade_counts[i], NULL);
    }
    for (i = 0, k = 0; i < r->nbands; i++)
        k = b->grade_counts[i] > k ? b->grade_counts[i] : k;
    pk_xw_grade_chart(x, ws, m(wb, M_X_SH_SUMMARY), first_band, r->nbands, k,
                      m(wb, M_X_CHART_TITLE), m(wb, M_GRADE), m(wb, M_X_COUNT));
    if (b->ngroups == 0)
        return;
    row++;
    header(wb, ws, row++, group_head, 5);
    for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
        for (i = 0; i < b->ngroups && row + 1 < PK_XW_ROWS; i++) {
            const pk_group *g = &b->groups[i];
            if (g->kind != kinds[k].kind)
                continue;
            pk_xw_text(x, ws, row, 0, m(wb, kinds[k].title), NULL);
            pk_xw_text(x, ws, row, 1, g->key, NULL);
            pk_xw_int(x, ws, row, 2, (int64_t)g->units, NULL);
            pk_xw_fixed(x, ws, row, 3, g->mean_rounded, r->decimals, wb->st.num);
            if (g->band)
                pk_xw_text(x, ws, row, 4, g->band->grade, pk_xw_band(&wb->st, g->band));
            row++;
        }
}

/* "file:line:column", or "file:Sheet!C7" in a workbook; NULL for no place. */
static void where(char *buf, size_t size, const char *file, const char *sheet, unsigned line,
                  unsigned col)
{
    if (sheet && line && col && col <= LXW_COL_MAX && line <= PK_XW_ROWS) {
        char cell[32];
        lxw_rowcol_to_cell(cell, line - 1, (lxw_col_t)(col - 1));
        snprintf(buf, size, "%s:%s!%s", file ? file : "", sheet, cell);
    } else if (line) {
        snprintf(buf, size, "%s:%u:%u", file ? file : "", line, col);
    } else {
        snprintf(buf, size, "%s", file ? file : "");
    }
}

static void unit_flags(char *fl, size_t size, unsigned flags)
{
    size_t k, n = 0;
    fl[0] = '\0';
    for (k = 0; k < PK_NFLAGS; k++)
        if (flags & pk_flags[k].flag) {
            int w = snprintf(fl + n, size - n, "%s%s", n ? " " : "", pk_flags[k].name);
            if (w < 0 || (size_t)w >= size - n)
                break;
            n += (size_t)w;
        }
}

static void ranking_sheet(pekppp_workbook *wb, const pekppp_batch *b)
{
    static const pk_msg_id head[] = { M_RANK, M_X_STATUS, M_X_UNIT_ID, M_X_UNIT_NAME,
                                      M_INSTITUTION, M_CATEGORY, M_X_MODE, M_PERIOD,
                                      M_INDEX_SHORT, M_GRADE, M_X_LABEL, M_EVALUATOR,
                                      M_SURVEY, M_X_FLAGS, M_X_FILE, M_X_LINE, M_X_COLUMN,
                                      M_X_PATH, M_X_MESSAGE };
    const size_t nhead = sizeof(head) / sizeof(head[0]);
    const pekppp_rubric *r = wb->r;
    lxw_worksheet *ws = wb->ranking;
    pk_xw *x = &wb->x;
    uint32_t row = 1;
    size_t i;
    char fl[160], file[2048];
    header(wb, ws, 0, head, nhead);
    worksheet_freeze_panes(ws, 1, 0);
    pk_xw_check(x, worksheet_set_column(ws, 2, 2, 18, NULL));
    pk_xw_check(x, worksheet_set_column(ws, 3, 4, 30, NULL));
    pk_xw_check(x, worksheet_set_column(ws, 8, 12, 11, NULL));
    pk_xw_check(x, worksheet_set_column(ws, 14, 14, 30, NULL));
    pk_xw_check(x, worksheet_set_column(ws, 18, 18, 60, NULL));
    for (i = 0; i < b->nunits && row + 1 < PK_XW_ROWS; i++, row++) {
        const pk_unit *u = b->units[i];
        pk_xw_int(x, ws, row, 0, u->rank, NULL);
        pk_xw_text(x, ws, row, 1, m(wb, M_SCORED), NULL);
        pk_xw_text(x, ws, row, 2, u->id, NULL);
        pk_xw_text(x, ws, row, 3, u->name, NULL);
        pk_xw_text(x, ws, row, 4, u->institution, NULL);
        pk_xw_text(x, ws, row, 5, u->category, NULL);
        pk_xw_text(x, ws, row, 6, u->mode, NULL);
        pk_xw_text(x, ws, row, 7, u->period, NULL);
        pk_xw_fixed(x, ws, row, 8, u->index_rounded, r->decimals, wb->st.num);
        if (u->band) {
            pk_xw_text(x, ws, row, 9, u->band->grade, pk_xw_band(&wb->st, u->band));
            pk_xw_text(x, ws, row, 10, u->band->label, NULL);
        }
        pk_xw_fixed(x, ws, row, 11, u->evaluator_rounded, r->decimals, wb->st.num);
        if (u->survey_counts)
            pk_xw_fixed(x, ws, row, 12, u->survey_rounded, r->decimals, wb->st.num);
        unit_flags(fl, sizeof(fl), u->flags);
        pk_xw_text(x, ws, row, 13, fl, NULL);
        snprintf(file, sizeof(file), "%s%s", u->dir ? u->dir : "", u->base ? u->base : "");
        pk_xw_text(x, ws, row, 14, file, NULL);
        if (u->id_line) {
            pk_xw_int(x, ws, row, 15, u->id_line, NULL);
            pk_xw_int(x, ws, row, 16, u->id_col, NULL);
        }
    }
    for (i = 0; i < b->nerrors && row + 1 < PK_XW_ROWS; i++, row++) {
        const pk_failure *f = &b->errors[i];
        pk_xw_text(x, ws, row, 1, m(wb, M_FAILED_LOAD), NULL);
        pk_xw_text(x, ws, row, 14, f->file, NULL);
        if (f->line) {
            pk_xw_int(x, ws, row, 15, f->line, NULL);
            pk_xw_int(x, ws, row, 16, f->column, NULL);
        }
        pk_xw_text(x, ws, row, 17, f->path, NULL);
        pk_xw_text(x, ws, row, 18, pk_failure_message(f, wb->lang), NULL);
    }
    pk_xw_check(x, worksheet_autofilter(ws, 0, 0, row > 1 ? row - 1 : 1, (lxw_col_t)(nhead - 1)));
}

static void aspects_sheet(pekppp_workbook *wb, const pekppp_batch *b)
{
    const pekppp_rubric *r = wb->r;
    lxw_worksheet *ws = wb->aspects;
    pk_xw *x = &wb->x;
    uint32_t row = 1;
    size_t i, k;
    char name[512];
    pk_xw_text(x, ws, 0, 0, m(wb, M_RANK), wb->st.head);
    pk_xw_text(x, ws, 0, 1, m(wb, M_X_UNIT_ID), wb->st.head);
    pk_xw_text(x, ws, 0, 2, m(wb, M_X_UNIT_NAME), wb->st.head);
    for (k = 0; k < r->naspects; k++) {
        const pekppp_aspect *asp = &r->aspects[k];
        snprintf(name, sizeof(name), "%s%s%s", asp->code ? asp->code : "", asp->code ? ". " : "",
                 asp->name ? asp->name : asp->id);
        pk_xw_text(x, ws, 0, (uint16_t)(3 + k), name, wb->st.head);
    }
    worksheet_freeze_panes(ws, 1, 3);
    pk_xw_check(x, worksheet_set_column(ws, 1, 1, 18, NULL));
    pk_xw_check(x, worksheet_set_column(ws, 2, 2, 30, NULL));
    pk_xw_check(x, worksheet_set_column(ws, 3, (lxw_col_t)(3 + r->naspects), 16, NULL));
    for (i = 0; i < b->nunits && row + 1 < PK_XW_ROWS; i++, row++) {
        const pk_unit *u = b->units[i];
        pk_xw_int(x, ws, row, 0, u->rank, NULL);
        pk_xw_text(x, ws, row, 1, u->id, NULL);
        pk_xw_text(x, ws, row, 2, u->name, NULL);
        for (k = 0; k < r->naspects; k++)
            if (u->aspects[k] != INT32_MIN)
                pk_xw_fixed(x, ws, row, (uint16_t)(3 + k), u->aspects[k], r->decimals, wb->st.num);
    }
    if (row > 1 && r->naspects > 0)
        pk_xw_color_scale(x, ws, 1, 3, row - 1, (uint16_t)(3 + r->naspects - 1));
}

static void failed_sheet(pekppp_workbook *wb, const pekppp_batch *b)
{
    static const pk_msg_id head[] = { M_X_FILE, M_X_WHERE, M_X_PATH, M_X_MESSAGE };
    lxw_worksheet *ws = wb->failed;
    pk_xw *x = &wb->x;
    uint32_t row = 1;
    size_t i;
    char loc[2048];
    header(wb, ws, 0, head, 4);
    worksheet_freeze_panes(ws, 1, 0);
    pk_xw_check(x, worksheet_set_column(ws, 0, 1, 36, NULL));
    pk_xw_check(x, worksheet_set_column(ws, 2, 2, 24, NULL));
    pk_xw_check(x, worksheet_set_column(ws, 3, 3, 80, NULL));
    for (i = 0; i < b->nerrors && row + 1 < PK_XW_ROWS; i++, row++) {
        const pk_failure *f = &b->errors[i];
        where(loc, sizeof(loc), f->file, f->sheet, f->line, f->column);
        pk_xw_text(x, ws, row, 0, f->file, NULL);
        pk_xw_text(x, ws, row, 1, loc, NULL);
        pk_xw_text(x, ws, row, 2, f->path, NULL);
        pk_xw_text(x, ws, row, 3, pk_failure_message(f, wb->lang), NULL);
    }
}

int pekppp_batch_write_xlsx(pekppp_workbook *wb, const pekppp_batch *b, pekppp_error *err)
{
    if (!wb || wb->written || !b || !b->finished)
        return PEKPPP_EINVALID;
    wb->written = 1;
    summary_sheet(wb, b);
    ranking_sheet(wb, b);
    aspects_sheet(wb, b);
    if (wb->level_row > 1)
        pk_xw_check(&wb->x, worksheet_autofilter(wb->levels, 0, 0, wb->level_row - 1,
                                                   (lxw_col_t)(1 + wb->r->nindicators +
                                                               wb->r->nsupplements)));
    if (wb->rec_row > 1)
        pk_xw_check(&wb->x, worksheet_autofilter(wb->recs, 0, 0, wb->rec_row - 1, 8));
    failed_sheet(wb, b);
    worksheet_activate(wb->summary);
    return pk_xw_close(&wb->x, wb->path, err);
}

void pekppp_workbook_free(pekppp_workbook *wb)
{
    if (!wb)
        return;
    pk_xw_discard(&wb->x);
    pk_free(wb->path);
    pk_free(wb->timestamp);
    pk_free(wb->last_input);
    pk_free(wb);
}

int pekppp_report_write_xlsx(const char *path, const pekppp_result *res,
                             const pekppp_report_options *opts, pekppp_error *err)
{
    pekppp_report_options local;
    pekppp_batch_options bo = PEKPPP_BATCH_OPTIONS_INIT;
    pekppp_workbook *wb = NULL;
    pekppp_batch *b = NULL;
    int rc;
    if (!(opts = pk_report_options(opts, &local)) || opts->baseline || opts->plan)
        return PEKPPP_EINVALID;
    bo.group_by = 0;
    if ((rc = pekppp_batch_new(&b, res->rubric, &bo)) < 0)
        return rc;
    if ((rc = pekppp_batch_add(b, res, err)) >= 0 && (rc = pekppp_batch_finish(b, err)) >= 0 &&
        (rc = pekppp_workbook_new(&wb, path, res->rubric, opts, err)) >= 0 &&
        (rc = pekppp_workbook_add_unit(wb, res, err)) >= 0)
        rc = pekppp_batch_write_xlsx(wb, b, err);
    pekppp_workbook_free(wb);
    pekppp_batch_free(b);
    return rc;
}
