/*
 * Sheets of units (FORMATS.md section 3), from a CSV file or a workbook's sheet (rows.h).
 *
 * Opening picks the sheet (the one asked for, or the first whose first row is a unit
 * header) and reads its header: a wide sheet (one unit per row, here), a long one (one
 * row per unit x indicator, sheet_long.c) or a fill-in workbook (form.c).  In a wide
 * sheet each call to pekppp_sheet_next turns one row into an assessment with its own
 * arena, checked against the rubric with the same rules (and messages) as a unit file.
 * A bad row is reported at its cells and skipped; the next call reads on.
 */
#include "model.h"

#include <stdint.h>
#include <string.h>

#include "pekppp/batch.h"
#include "decode.h"
#include "form.h"
#include "rows.h"
#include "sheet_internal.h"

typedef enum {
    COL_UNIT_ID, COL_UNIT_NAME, COL_INSTITUTION, COL_CATEGORY, COL_MODE, COL_PERIOD,
    COL_SURVEY_SCORE, COL_SURVEY_RESPONDENTS, COL_INDICATOR, COL_SUPPLEMENT
} col_kind;

static const char *const fixed_names[] = { "unit_id",  "unit_name", "institution",  "category",
                                           "mode",     "period",    "survey_score",
                                           "survey_respondents" };
#define NFIXED 8

typedef struct pk_sheet_column {
    col_kind kind;
    size_t index; /* indicator or supplement index */
} column;


/* Map the header's cells to columns; report every problem. */
static int read_header(pekppp_sheet *s, const pk_csv_cell *cells, size_t n, pk_report *rep)
{
    size_t i, j, nnames = 0;
    const pekppp_rubric *r = s->rubric;
    const char **names = NULL;
    unsigned char *seen_ind = NULL, *seen_fixed;
    unsigned char fixed[NFIXED] = { 0 };
    int error = 0;
    seen_fixed = fixed;
    s->cols = pk_malloc(n * sizeof(*s->cols));
    seen_ind = pk_malloc(r->nindicators + r->nsupplements + 1);
    names = pk_malloc((NFIXED + r->nindicators + r->nsupplements) * sizeof(*names));
    if (!s->cols || !seen_ind || !names) {
        pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        error = PEKPPP_ENOMEM;
        goto done;
    }
    memset(seen_ind, 0, r->nindicators + r->nsupplements + 1);
    for (i = 0; i < NFIXED; i++)
        names[nnames++] = fixed_names[i];
    for (i = 0; i < r->nindicators; i++)
        names[nnames++] = r->indicators[i].id;
    for (i = 0; i < r->nsupplements; i++)
        names[nnames++] = r->supplements[i].id;
    s->ncols = n;
    for (i = 0; i < n; i++) {
        const char *h = cells[i].text;
        column *c = &s->cols[i];
        unsigned char *seen = NULL;
        for (j = 0; j < NFIXED; j++)
            if (strcmp(h, fixed_names[j]) == 0)
                break;
        if (j < NFIXED) {
            c->kind = (col_kind)j;
            seen = &seen_fixed[j];
        } else {
            long k = pekppp_rubric_find_indicator(r, h);
            if (k >= 0) {
                c->kind = COL_INDICATOR;
                c->index = (size_t)k;
                seen = &seen_ind[k];
            } else {
                for (j = 0; j < r->nsupplements; j++)
                    if (strcmp(h, r->supplements[j].id) == 0)
                        break;
                if (j < r->nsupplements) {
                    c->kind = COL_SUPPLEMENT;
                    c->index = j;
                    seen = &seen_ind[r->nindicators + j];
                }
            }
        }
        if (!seen) {
            const char *near = pk_nearest(h, names, nnames);
            if (near)
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col, NULL,
                        PK_R_SCHEMA_UNKNOWN_KEY, "unknown column '%s': did you mean '%s'?", h,
                        near);
            else
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col, NULL,
                        PK_R_SCHEMA_UNKNOWN_KEY,
                        "unknown column '%s' (not a unit field nor an indicator of rubric '%s')", h,
                        r->id);
            error = PEKPPP_EINVALID;
        } else if (*seen) {
            pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col, NULL,
                        PK_R_RUBRIC_DUPLICATE_ID, "column '%s' appears twice", h);
            error = PEKPPP_EINVALID;
        } else {
            *seen = 1;
        }
    }
    if (!seen_fixed[COL_UNIT_ID] || !seen_fixed[COL_UNIT_NAME]) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL,
                PK_R_SCHEMA_REQUIRED_KEY, "the header needs the columns 'unit_id' and 'unit_name'");
        error = PEKPPP_EINVALID;
    }
    if (!s->allow_incomplete)
        for (i = 0; i < r->nindicators; i++)
            if (!seen_ind[i]) {
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL,
                        PK_R_UNIT_MISSING_ANSWER,
                        "no column for indicator '%s' (use --allow-incomplete to count it as %d)",
                        r->indicators[i].id, r->scale_min);
                error = PEKPPP_EINVALID;
            }
done:
    pk_free(seen_ind);
    pk_free(names);
    return error;
}


/* Does a workbook sheet's first row hold units (wide or long)? */
static bool is_unit_header(const pk_csv_cell *cells, size_t n)
{
    size_t i;
    if (pk_is_long_header(cells, n))
        return true;
    for (i = 0; i < n; i++)
        if (strcmp(cells[i].text, "unit_id") == 0)
            return true;
    return false;
}

/* The workbook's sheet names, quoted and separated by commas, into @p buf. */
static const char *sheet_list(const pk_rows *rows, char *buf, size_t size)
{
    size_t i, used = 0;
    buf[0] = '\0';
    for (i = 0; i < pk_rows_sheet_count(rows) && used + 1 < size; i++) {
        int k = snprintf(buf + used, size - used, "%s'%s'", i ? ", " : "",
                         pk_rows_sheet_name(rows, i));
        if (k < 0)
            break;
        used += (size_t)k;
    }
    return buf;
}

/*
 * Pick the sheet to read: the one named @p want, or in a workbook the first whose
 * first row is a unit header (wide or long).  A CSV file is its one sheet.
 */
static int choose_sheet(pekppp_sheet *s, const char *want, pk_report *rep)
{
    size_t i, count = pk_rows_sheet_count(&s->rows);
    char list[400];
    if (want && !s->rows.is_xlsx) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_UNIT_SHEET,
                "a CSV file has no sheets to choose: '%s' names none", want);
        return PEKPPP_EINVALID;
    }
    if (want) {
        for (i = 0; i < count; i++)
            if (strcmp(pk_rows_sheet_name(&s->rows, i), want) == 0)
                return pk_rows_select(&s->rows, i, rep);
        rep->sheet = NULL; /* said of the workbook, not of the sheet opened first */
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_UNIT_SHEET,
                "the workbook has no sheet '%s' (its sheets: %s)", want,
                sheet_list(&s->rows, list, sizeof(list)));
        return PEKPPP_EINVALID;
    }
    if (!s->rows.is_xlsx)
        return 0;
    for (i = 0; i < count; i++) {
        pk_report quiet;
        pk_csv_cell *cells;
        size_t n;
        int rc;
        pk_report_init(&quiet, s->name, NULL, NULL, NULL);
        if (pk_rows_select(&s->rows, i, &quiet) < 0)
            continue;
        rc = pk_rows_next(&s->rows, &cells, &n, &quiet);
        if (rc > 0 && (is_unit_header(cells, n) ||
                       pk_form_is_identity(pk_rows_sheet_name(&s->rows, i), cells, n)))
            return pk_rows_select(&s->rows, i, rep);
    }
    for (i = 0; i < count; i++) {
        rep->sheet = pk_rows_sheet_name(&s->rows, i);
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL, PK_R_UNIT_SHEET,
                "sheet '%s' holds no units: its first row is not a unit header (a 'unit_id' "
                "column, or unit id, indicator code and level columns) and it is not the "
                "identity sheet of a fill-in workbook",
                pk_rows_sheet_name(&s->rows, i));
    }
    rep->sheet = NULL;
    return PEKPPP_EINVALID;
}

/* The fill-in workbook's sheets, read through pk_rows. */
static size_t src_count(void *ctx)
{
    return pk_rows_sheet_count(ctx);
}

static const char *src_name(void *ctx, size_t i)
{
    return pk_rows_sheet_name(ctx, i);
}

static int src_select(void *ctx, size_t i, pk_report *rep)
{
    return pk_rows_select(ctx, i, rep);
}

static int src_next(void *ctx, pk_csv_cell **cells, size_t *n, pk_report *rep)
{
    return pk_rows_next(ctx, cells, n, rep);
}

static bool src_bad(void *ctx)
{
    return pk_rows_bad(ctx);
}

static int read_form(pekppp_sheet *s, pk_report *rep)
{
    pk_form_source src = { src_count, src_name, src_select, src_next, src_bad,
                           pk_rows_decimal_comma(&s->rows), &s->rows };
    s->kind = SHEET_FORM;
    s->nrows = 1;
    return pk_form_read(&s->form, &src, s->rubric, s->allow_incomplete, s->name,
                        s->rows.sha256, rep);
}

/* Open @p path, or when NULL the @p len bytes at @p data (copied); read and check the header. */
static int sheet_open(pekppp_sheet **out, const char *path, const char *data, size_t len,
                      const char *name, const pekppp_assessment_options *opts, pk_report *rep)
{
    pekppp_sheet *s;
    pk_csv_cell *cells;
    size_t n;
    int error, rc;
    const char *want = opts->version >= 2 ? opts->sheet : NULL;
    if (!(s = pk_malloc(sizeof(*s)))) {
        pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        return PEKPPP_ENOMEM;
    }
    memset(s, 0, sizeof(*s));
    s->rows.csv.fd = -1;
    if ((error = pk_rows_open(&s->rows, path, data, len, rep)) < 0)
        goto done;
    if (!opts->rubric) {
        rep->sheet = NULL;
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL,
                PK_R_UNIT_RUBRIC, "a sheet needs a rubric to be read against");
        error = PEKPPP_EINVALID;
        goto done;
    }
    if (!(s->name = pk_malloc(strlen(name) + 1))) {
        pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        error = PEKPPP_ENOMEM;
        goto done;
    }
    strcpy(s->name, name);
    s->rubric = opts->rubric;
    s->allow_incomplete = opts->allow_incomplete;
    s->diag = opts->diag;
    s->payload = opts->payload;
    if ((error = choose_sheet(s, want, rep)) < 0)
        goto done;
    rc = pk_rows_next(&s->rows, &cells, &n, rep);
    if (rc == 0) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL,
                PK_R_YAML_EMPTY, "the sheet is empty: expected a header row");
        error = PEKPPP_EINVALID;
        goto done;
    }
    if ((error = rc) < 0)
        goto done;
    if (s->rows.is_xlsx && pk_form_is_identity(s->rows.sheet_name, cells, n)) {
        if ((error = read_form(s, rep)) < 0)
            goto done;
    } else if (pk_is_long_header(cells, n)) {
        s->kind = SHEET_LONG;
        if ((error = pk_long_header(s, cells, n, rep)) < 0 || (error = pk_long_read(s, rep)) < 0)
            goto done;
    } else {
        if ((error = read_header(s, cells, n, rep)) < 0)
            goto done;
        if (!(s->pad = pk_malloc((s->ncols ? s->ncols : 1) * sizeof(*s->pad)))) {
            pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
            error = PEKPPP_ENOMEM;
            goto done;
        }
    }
    *out = s;
    s = NULL;
    error = 0;
done:
    pekppp_sheet_free(s);
    return error;
}

int pekppp_sheet_open_buffer(pekppp_sheet **out, const char *data, size_t len, const char *name,
                             const pekppp_assessment_options *opts, pekppp_error *err)
{
    pk_report rep;
    *out = NULL;
    pk_report_init(&rep, name, opts->diag, opts->payload, err);
    if (pk_options_check(&rep, "pekppp_assessment_options", opts->version,
                         PEKPPP_ASSESSMENT_OPTIONS_VERSION) < 0)
        return PEKPPP_EINVALID;
    return sheet_open(out, NULL, data, len, name, opts, &rep);
}

/*
 * A regular file is streamed: read once for the SHA-256 of the receipt (each unit carries it
 * from its first row on), then again row by row, so a sheet has no whole-file limit.  A FIFO
 * or a device cannot be read twice: it is read whole, up to PEKPPP_MAX_FILE_SIZE (rows.c).
 */
int pekppp_sheet_open_file(pekppp_sheet **out, const char *path,
                           const pekppp_assessment_options *opts, pekppp_error *err)
{
    pk_report rep;
    int error;
    *out = NULL;
    pk_report_init(&rep, path, opts->diag, opts->payload, err);
    if ((error = pk_options_check(&rep, "pekppp_assessment_options", opts->version,
                                  PEKPPP_ASSESSMENT_OPTIONS_VERSION)) < 0)
        return error;
    return sheet_open(out, path, NULL, 0, path, opts, &rep);
}

void pekppp_sheet_free(pekppp_sheet *s)
{
    if (!s)
        return;
    pk_rows_free(&s->rows);
    pk_long_free(s->lf);
    pekppp_assessment_free(s->form);
    pk_free(s->cols);
    pk_free(s->pad);
    pk_free(s->name);
    pk_free(s);
}

int pekppp_sheet_is_form(const pekppp_sheet *s)
{
    return s->kind == SHEET_FORM;
}

size_t pekppp_sheet_rows(const pekppp_sheet *s)
{
    return s->nrows;
}

/* Copy a cell's text into the unit's arena; empty cells give NULL. */
int pk_sheet_text(pekppp_assessment *a, const pk_csv_cell *c, const char **out)
{
    if (c->len == 0) {
        *out = NULL;
        return 0;
    }
    *out = pk_arena_strndup(&a->arena, c->text, c->len);
    return *out ? 0 : PEKPPP_ENOMEM;
}

/* A cell's text without surrounding spaces, for levels and numbers. */
void pk_sheet_trim(const pk_csv_cell *c, const char **s, size_t *len)
{
    const char *p = c->text;
    size_t n = c->len;
    while (n > 0 && (*p == ' ' || *p == '\t')) {
        p++;
        n--;
    }
    while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
        n--;
    *s = p;
    *len = n;
}

/* Read an answer cell: a level, "na", or empty (missing). */
int pk_sheet_level(const pekppp_rubric *r, pk_report *rep, const pk_csv_cell *c, const char *id,
                   bool na_ok, bool scored, int *out)
{
    const char *t;
    size_t n;
    int64_t v;
    pk_sheet_trim(c, &t, &n);
    if (n == 0) {
        *out = PEKPPP_LEVEL_MISSING;
        return 0;
    }
    if (n == 2 && t[0] == 'n' && t[1] == 'a') {
        if (!scored || !na_ok) {
            pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, c->line, c->col, id, PK_R_UNIT_NA,
                    scored ? "indicator '%s' does not allow 'na'"
                           : "'na' is not an answer for supplementary item '%s'", id);
            return PEKPPP_EINVALID;
        }
        *out = PEKPPP_LEVEL_NA;
        return 0;
    }
    if (pk_dec_parse(t, n, 0, 1, &v) != PK_DEC_OK) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, c->line, c->col, id, PK_R_UNIT_LEVEL,
                "expected a level from %d to %d, 'na' or an empty cell, got '%.*s'", r->scale_min,
                r->scale_max, (int)(n > 40 ? 40 : n), t);
        return PEKPPP_EINVALID;
    }
    v /= 10000;
    if (v < r->scale_min || v > r->scale_max) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, c->line, c->col, id, PK_R_UNIT_LEVEL,
                "level %.*s of '%s' is outside the scale %d to %d", (int)n, t, id, r->scale_min,
                r->scale_max);
        return PEKPPP_EINVALID;
    }
    *out = (int)v;
    return 0;
}

/* survey_score: a decimal of up to 4 places; with ';' sheets, ',' may be the point. */
static int read_score(const pekppp_rubric *r, bool comma, pk_report *rep, const pk_csv_cell *c,
                      int64_t *out)
{
    const char *t;
    size_t n, i;
    char buf[64];
    pk_dec_status st;
    pk_sheet_trim(c, &t, &n);
    if (n >= sizeof(buf))
        n = sizeof(buf) - 1;
    memcpy(buf, t, n);
    buf[n] = '\0';
    if (comma)
        for (i = 0; i < n; i++)
            if (buf[i] == ',')
                buf[i] = '.';
    st = pk_dec_parse(buf, n, 4, false, out);
    if (st != PK_DEC_OK) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, c->line, c->col, "survey_score",
                PK_R_UNIT_SURVEY,
                "expected a survey score with at most 4 decimal places%s, got '%s'",
                comma ? " (decimal comma or point)" : " (decimal point)", buf);
        return PEKPPP_EINVALID;
    }
    if (*out > (int64_t)r->scale_max * PEKPPP_DEC_SCALE ||
        *out < (int64_t)r->scale_min * PEKPPP_DEC_SCALE) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, c->line, c->col, "survey_score",
                PK_R_UNIT_SURVEY, "survey score %s is outside the scale %d to %d", buf,
                r->scale_min, r->scale_max);
        return PEKPPP_EINVALID;
    }
    return 0;
}

/* One indicator cell: its level (or a missing answer, reported unless allowed). */
int pk_sheet_indicator(pekppp_sheet *s, pekppp_assessment *a, const pk_csv_cell *cell,
                          size_t index, pk_report *rep)
{
    const pekppp_rubric *r = s->rubric;
    int level;
    if (pk_sheet_level(s->rubric, rep, cell, r->indicators[index].id, r->indicators[index].na_allowed, true,
                    &level) < 0) {
        a->answers[index].line = cell->line; /* reported: not "missing" too */
        return PEKPPP_EINVALID;
    }
    a->answers[index].level = level;
    a->answers[index].line = cell->line;
    a->answers[index].col = cell->col;
    if (level != PEKPPP_LEVEL_MISSING)
        return 0;
    if (s->allow_incomplete) {
        a->incomplete = true;
        return 0;
    }
    pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cell->line, cell->col, r->indicators[index].id,
            PK_R_UNIT_MISSING_ANSWER,
            "no answer for indicator '%s' (use --allow-incomplete to count it as %d)",
            r->indicators[index].id, r->scale_min);
    return PEKPPP_EINVALID;
}

/* The unit's fields that may not be empty or must be one of a few words. */
static int check_fields(const pekppp_sheet *s, const pekppp_assessment *a,
                        const pk_csv_cell *cells, size_t n, pk_report *rep)
{
    size_t i;
    int error = 0;
    for (i = 0; i < n; i++) {
        if (s->cols[i].kind == COL_UNIT_ID && !a->unit_id) {
            pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col,
                    "unit_id", PK_R_UNIT_FIELD, "the unit id is empty");
            error = PEKPPP_EINVALID;
        }
        if (s->cols[i].kind == COL_UNIT_NAME && !a->unit_name) {
            pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col,
                    "unit_name", PK_R_UNIT_FIELD, "the unit name is empty");
            error = PEKPPP_EINVALID;
        }
        if (s->cols[i].kind == COL_MODE && a->mode && strcmp(a->mode, "mandiri") != 0 &&
            strcmp(a->mode, "nasional") != 0) {
            pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col, "mode",
                    PK_R_UNIT_FIELD, "mode '%s' is not 'mandiri' or 'nasional'", a->mode);
            error = PEKPPP_EINVALID;
        }
    }
    return error;
}

/* The survey columns: a score needs its respondents, and respondents need a score. */
int pk_sheet_survey(const pekppp_rubric *r, bool comma, pekppp_assessment *a,
                    const pk_csv_cell *score, const pk_csv_cell *resp, pk_report *rep)
{
    int error = 0;
    if (score && score->len > 0) {
        int64_t v;
        if (read_score(r, comma, rep, score, &v) < 0) {
            error = PEKPPP_EINVALID;
        } else {
            a->survey_kind = PK_SURVEY_SCORE;
            a->survey_score = v;
        }
        if (!resp || resp->len == 0) {
            pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, score->line, score->col,
                    "survey_respondents", PK_R_UNIT_SURVEY,
                    "a survey score needs survey_respondents");
            error = PEKPPP_EINVALID;
        } else {
            const char *t;
            size_t tn;
            int64_t v2;
            pk_sheet_trim(resp, &t, &tn);
            if (pk_dec_parse(t, tn, 0, false, &v2) != PK_DEC_OK || v2 / 10000 > 100000000) {
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, resp->line, resp->col,
                        "survey_respondents", PK_R_UNIT_SURVEY,
                        "expected a whole number of respondents, got '%.*s'",
                        (int)(tn > 40 ? 40 : tn), t);
                error = PEKPPP_EINVALID;
            } else {
                a->respondents = (long)(v2 / 10000);
            }
        }
    } else if (resp && resp->len > 0) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, resp->line, resp->col, "survey_respondents",
                PK_R_UNIT_SURVEY, "survey_respondents is given without a survey_score");
        error = PEKPPP_EINVALID;
    }
    return error;
}

/* A unit with nothing answered yet, or NULL when out of memory. */
pekppp_assessment *pk_sheet_unit(const pekppp_rubric *r, const char *file, const char *sheet,
                                 const char *sha256)
{
    pekppp_assessment *a;
    size_t i;
    if (!(a = pk_malloc(sizeof(*a))))
        return NULL;
    memset(a, 0, sizeof(*a));
    a->rubric = r;
    memcpy(a->sha256, sha256, sizeof(a->sha256));
    a->file = pk_arena_strndup(&a->arena, file, strlen(file));
    if (sheet && !(a->sheet = pk_arena_strndup(&a->arena, sheet, strlen(sheet)))) {
        pekppp_assessment_free(a);
        return NULL;
    }
    a->answers = pk_arena_alloc(&a->arena, (r->nindicators ? r->nindicators : 1) * sizeof(*a->answers));
    a->supplement_levels =
        pk_arena_alloc(&a->arena, (r->nsupplements ? r->nsupplements : 1) * sizeof(int));
    if (!a->file || !a->answers || !a->supplement_levels) {
        pekppp_assessment_free(a);
        return NULL;
    }
    memset(a->answers, 0, r->nindicators * sizeof(*a->answers));
    for (i = 0; i < r->nindicators; i++)
        a->answers[i].level = PEKPPP_LEVEL_MISSING;
    for (i = 0; i < r->nsupplements; i++)
        a->supplement_levels[i] = PEKPPP_LEVEL_MISSING;
    return a;
}

/* A workbook row of @p n cells as the header's ncols: the missing ones empty. */
static pk_csv_cell *pad_row(pekppp_sheet *s, pk_csv_cell *cells, size_t n)
{
    size_t i;
    for (i = 0; i < s->ncols; i++) {
        if (i < n) {
            s->pad[i] = cells[i];
        } else {
            memset(&s->pad[i], 0, sizeof(s->pad[i]));
            s->pad[i].text = "";
            s->pad[i].line = n ? cells[0].line : 0;
            s->pad[i].col = (unsigned)i + 1;
        }
    }
    return s->pad;
}

/* A row's cells into the unit, column by column, then the checks across columns. */
static int fill_row(pekppp_sheet *s, pekppp_assessment *a, pk_csv_cell *cells, size_t n,
                    pk_report *rep)
{
    const pekppp_rubric *r = s->rubric;
    const pk_csv_cell *score = NULL, *resp = NULL;
    size_t i;
    int error = 0;
    const char **fixed[6];
    fixed[COL_UNIT_ID] = &a->unit_id;
    fixed[COL_UNIT_NAME] = &a->unit_name;
    fixed[COL_INSTITUTION] = &a->institution;
    fixed[COL_CATEGORY] = &a->category;
    fixed[COL_MODE] = &a->mode;
    fixed[COL_PERIOD] = &a->period;
    for (i = 0; i < n; i++) {
        const column *c = &s->cols[i];
        int level;
        switch (c->kind) {
        case COL_SURVEY_SCORE:
            score = &cells[i];
            break;
        case COL_SURVEY_RESPONDENTS:
            resp = &cells[i];
            break;
        case COL_INDICATOR:
            if (pk_sheet_indicator(s, a, &cells[i], c->index, rep) < 0)
                error = PEKPPP_EINVALID;
            break;
        case COL_SUPPLEMENT:
            if (pk_sheet_level(s->rubric, rep, &cells[i], r->supplements[c->index].id, false, false,
                            &level) < 0)
                error = PEKPPP_EINVALID;
            else
                a->supplement_levels[c->index] = level;
            break;
        default:
            if (pk_sheet_text(a, &cells[i], fixed[c->kind]) < 0)
                return PEKPPP_ENOMEM;
            if (c->kind == COL_UNIT_ID) {
                a->id_line = cells[i].line;
                a->id_col = cells[i].col;
                a->id_path = "unit_id";
            }
            break;
        }
    }
    if (check_fields(s, a, cells, n, rep) < 0)
        error = PEKPPP_EINVALID;
    if (pk_sheet_survey(s->rubric, pk_rows_decimal_comma(&s->rows), a, score, resp, rep) < 0)
        error = PEKPPP_EINVALID;
    /* An indicator without a column (allowed only with allow_incomplete). */
    for (i = 0; i < r->nindicators; i++)
        if (a->answers[i].line == 0)
            a->incomplete = true;
    return error;
}

int pekppp_sheet_next(pekppp_sheet *s, pekppp_assessment **out, pekppp_error *err)
{
    pk_report rep;
    pk_csv_cell *cells;
    size_t n;
    pekppp_assessment *a = NULL;
    int rc, error;

    *out = NULL;
    pk_report_init(&rep, s->name, s->diag, s->payload, err);
    if (s->kind == SHEET_LONG)
        return pk_long_next(s, out, &rep);
    if (s->kind == SHEET_FORM) { /* its one unit, read when the workbook opened */
        *out = s->form;
        s->form = NULL;
        return *out ? 1 : 0;
    }
    rc = pk_rows_next(&s->rows, &cells, &n, &rep);
    if (rc <= 0) {
        if (rc < 0 && !pk_rows_bad(&s->rows))
            pk_rows_stop(&s->rows); /* an unclosed quote swallows the rest */
        return rc;
    }
    s->nrows++;
    if (n < s->ncols && s->rows.is_xlsx) /* a workbook leaves out empty cells at a row's end */
        cells = pad_row(s, cells, n), n = s->ncols;
    if (n != s->ncols) {
        pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[0].line, 1, NULL,
                PK_R_UNIT_ROW, "this row has %zu cells, the header has %zu", n, s->ncols);
        return PEKPPP_EINVALID;
    }
    if (!(a = pk_sheet_unit(s->rubric, s->name, s->rows.sheet_name, s->rows.sha256)))
        goto oom;
    error = fill_row(s, a, cells, n, &rep);
    if (error < 0) {
        pekppp_assessment_free(a);
        return error;
    }
    *out = a;
    return 1;
oom:
    pekppp_assessment_free(a);
    pk_diag(&rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
    return PEKPPP_ENOMEM;
}
