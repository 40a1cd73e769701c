/*
 * CSV sheets: one unit per row (FORMATS.md section 3).
 *
 * The header is read and checked when the sheet opens; each call to
 * pekppp_sheet_next turns one row into an assessment with its own arena,
 * checked against the rubric with the same rules (and messages) as a unit
 * file.  A bad row is reported at its cells and skipped; the next call reads
 * on.
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

typedef struct {
    col_kind kind;
    size_t index; /* indicator or supplement index */
} column;

struct pekppp_sheet {
    pk_rows rows;
    char *name;
    const pekppp_rubric *rubric;
    bool allow_incomplete;
    pekppp_diag_cb diag;
    void *payload;
    column *cols;
    size_t ncols;
    size_t nrows;
    int kind;          /* SHEET_WIDE or SHEET_LONG */
    pk_csv_cell *pad;  /* a workbook row filled out to the header's width */
    struct long_sheet *lf; /* a long-format sheet */
    pekppp_assessment *form; /* a fill-in workbook's unit, until given */
};

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

enum { SHEET_WIDE, SHEET_LONG, SHEET_FORM };

static int long_header(pekppp_sheet *s, const pk_csv_cell *cells, size_t n, pk_report *rep);
static int long_read(pekppp_sheet *s, pk_report *rep);
static int long_next(pekppp_sheet *s, pekppp_assessment **out, pk_report *rep);
static void long_free(struct long_sheet *lf);
static bool is_long_header(const pk_csv_cell *cells, size_t n);

/* Does a workbook sheet's first row hold units (wide or long)? */
static bool is_unit_header(const pk_csv_cell *cells, size_t n)
{
    size_t i;
    if (is_long_header(cells, n))
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
    } else if (is_long_header(cells, n)) {
        s->kind = SHEET_LONG;
        if ((error = long_header(s, cells, n, rep)) < 0 || (error = long_read(s, rep)) < 0)
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
    long_free(s->lf);
    pekppp_assessment_free(s->form);
    pk_free(s->cols);
    pk_free(s->pad);
    pk_free(s->name);
    pk_free(s);
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
static int read_indicator(pekppp_sheet *s, pekppp_assessment *a, const pk_csv_cell *cell,
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
            if (read_indicator(s, a, &cells[i], c->index, rep) < 0)
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
        return long_next(s, out, &rep);
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

/*
 * Long-format sheets: one row per unit x indicator (docs/formats.md, "Long-format sheets").
 *
 * The whole sheet is read when it opens: each row's cells that matter are kept as text in
 * one pool, and rows are chained per unit id (a hash table), so a unit's rows need not be
 * adjacent.  Units then come out in the order of their first row; each is checked as it is
 * built, so a bad unit fails alone.  A row that cannot be read or has no unit id is a
 * failure of its own, in its place: its problems are kept and reported when it comes out.
 */
typedef enum {
    LF_UNIT_ID, LF_UNIT_NAME, LF_INSTITUTION, LF_CATEGORY, LF_MODE, LF_PERIOD,
    LF_SURVEY_SCORE, LF_SURVEY_RESPONDENTS, LF_INDICATOR, LF_LEVEL, LF_NOTE, LF_EVIDENCE,
    LF_COUNT, LF_IGNORED = LF_COUNT
} lf_kind;

/* The unit fields every row of a unit must agree on: LF_UNIT_NAME .. LF_SURVEY_RESPONDENTS. */
#define LF_FIRST_SAME LF_UNIT_NAME
#define LF_LAST_SAME LF_SURVEY_RESPONDENTS

static const char *const lf_field[LF_COUNT] = { "unit_id", "unit_name", "institution",
                                                "category", "mode", "period", "survey_score",
                                                "survey_respondents", "indicator", "level",
                                                "note", "evidence" };

/* Header names, compared after lower-casing with spaces and hyphens as underscores. */
static const struct {
    const char *name;
    int kind;
} lf_names[] = {
    { "unit_id", LF_UNIT_ID }, { "id_unit", LF_UNIT_ID }, { "opd_id", LF_UNIT_ID },
    { "id_opd", LF_UNIT_ID }, { "kode_unit", LF_UNIT_ID }, { "kode_opd", LF_UNIT_ID },
    { "unit_name", LF_UNIT_NAME }, { "nama_unit", LF_UNIT_NAME }, { "opd_name", LF_UNIT_NAME },
    { "nama_opd", LF_UNIT_NAME },
    { "institution", LF_INSTITUTION }, { "instansi", LF_INSTITUTION },
    { "category", LF_CATEGORY }, { "kategori", LF_CATEGORY },
    { "mode", LF_MODE }, { "mode_evaluasi", LF_MODE },
    { "period", LF_PERIOD }, { "periode", LF_PERIOD }, { "tahun", LF_PERIOD },
    { "survey_score", LF_SURVEY_SCORE }, { "nilai_survei", LF_SURVEY_SCORE },
    { "survey_respondents", LF_SURVEY_RESPONDENTS }, { "jumlah_responden", LF_SURVEY_RESPONDENTS },
    { "indicator", LF_INDICATOR }, { "indicator_id", LF_INDICATOR },
    { "indicator_code", LF_INDICATOR }, { "kode_indikator", LF_INDICATOR },
    { "kode", LF_INDICATOR }, { "code", LF_INDICATOR },
    { "level", LF_LEVEL }, { "nilai", LF_LEVEL },
    { "note", LF_NOTE }, { "catatan", LF_NOTE }, { "keterangan", LF_NOTE },
    { "evidence", LF_EVIDENCE }, { "bukti", LF_EVIDENCE }, { "bukti_dukung", LF_EVIDENCE },
    /* descriptive columns, read by people only */
    { "aspek", LF_IGNORED }, { "aspect", LF_IGNORED }, { "indikator", LF_IGNORED },
    { "nama_indikator", LF_IGNORED }, { "indicator_name", LF_IGNORED }, { "bobot", LF_IGNORED },
    { "weight", LF_IGNORED }, { "no", LF_IGNORED }, { "nomor", LF_IGNORED },
    { "level_0", LF_IGNORED }, { "level_1", LF_IGNORED }, { "level_2", LF_IGNORED },
    { "level_3", LF_IGNORED }, { "level_4", LF_IGNORED }, { "level_5", LF_IGNORED },
    { "level_6", LF_IGNORED }, { "level_7", LF_IGNORED }, { "level_8", LF_IGNORED },
    { "level_9", LF_IGNORED, },
};
#define LF_NNAMES (sizeof(lf_names) / sizeof(lf_names[0]))

typedef struct {
    uint32_t off, len; /* in the pool */
    unsigned line, col;
} lf_cell;

typedef struct {
    size_t first, last;    /* rows of the unit (first == SIZE_MAX: a failed row) */
    size_t err, nerr;      /* kept problems of a failed row */
} lf_unit;

struct long_sheet {
    int *kind;             /* per header column */
    size_t ncols;
    int slot[LF_COUNT];    /* kind -> index within a row's kept cells, -1 when absent */
    char *header[LF_COUNT]; /* each kept column's name as the header writes it */
    size_t nslots;
    lf_cell *cells;        /* nslots per row */
    size_t *next;          /* per row: the unit's next row, SIZE_MAX at its last */
    size_t nrows, rcap;
    char *pool;
    size_t plen, pcap;
    lf_unit *units;        /* in the order of their first row */
    size_t nunits, ucap;
    size_t *table;         /* unit id -> 1 + unit index; 0 empty */
    size_t tcap;
    pekppp_error *errs;
    size_t nerrs, ecap;
    size_t emit;           /* the next unit to give */
    int oom;
};

/* A header name in its compared form: ASCII lower case, spaces and hyphens as '_', no
 * surrounding blanks; NUL-terminated into @p buf (cut to fit). */
const char *pk_sheet_norm(const char *h, char *buf, size_t size)
{
    size_t n = 0, len = strlen(h);
    while (len > 0 && (h[len - 1] == ' ' || h[len - 1] == '\t'))
        len--;
    while (len > 0 && (*h == ' ' || *h == '\t'))
        h++, len--;
    for (; len > 0 && n + 1 < size; h++, len--) {
        char c = *h;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        else if (c == ' ' || c == '-')
            c = '_';
        buf[n++] = c;
    }
    buf[n] = '\0';
    return buf;
}

static int lf_kind_of(const char *h)
{
    char buf[64];
    size_t i;
    pk_sheet_norm(h, buf, sizeof(buf));
    for (i = 0; i < LF_NNAMES; i++)
        if (strcmp(buf, lf_names[i].name) == 0)
            return lf_names[i].kind;
    return -1;
}

static bool is_long_header(const pk_csv_cell *cells, size_t n)
{
    bool code = false, level = false;
    size_t i;
    for (i = 0; i < n; i++) {
        int k = lf_kind_of(cells[i].text);
        code |= k == LF_INDICATOR;
        level |= k == LF_LEVEL;
    }
    return code && level;
}

static void long_free(struct long_sheet *lf)
{
    size_t k;
    if (!lf)
        return;
    for (k = 0; k < LF_COUNT; k++)
        pk_free(lf->header[k]);
    pk_free(lf->kind);
    pk_free(lf->cells);
    pk_free(lf->next);
    pk_free(lf->pool);
    pk_free(lf->units);
    pk_free(lf->table);
    pk_free(lf->errs);
    pk_free(lf);
}

static int long_header(pekppp_sheet *s, const pk_csv_cell *cells, size_t n, pk_report *rep)
{
    struct long_sheet *lf;
    const char *names[LF_NNAMES];
    size_t i;
    int error = 0, k;
    if (!(lf = s->lf = pk_malloc(sizeof(*lf))) || (memset(lf, 0, sizeof(*lf)), 0) ||
        !(lf->kind = pk_malloc((n ? n : 1) * sizeof(*lf->kind)))) {
        pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        return PEKPPP_ENOMEM;
    }
    for (i = 0; i < LF_NNAMES; i++)
        names[i] = lf_names[i].name;
    for (k = 0; k < LF_COUNT; k++)
        lf->slot[k] = -1;
    lf->ncols = n;
    for (i = 0; i < n; i++) {
        const char *h = cells[i].text;
        k = lf->kind[i] = lf_kind_of(h);
        if (k < 0) {
            char buf[64];
            const char *near = pk_nearest(pk_sheet_norm(h, buf, sizeof(buf)), names, LF_NNAMES);
            if (near)
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col, NULL,
                        PK_R_SCHEMA_UNKNOWN_KEY, "unknown column '%s': did you mean '%s'?", h,
                        near);
            else
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col, NULL,
                        PK_R_SCHEMA_UNKNOWN_KEY,
                        "unknown column '%s' (not a column of a long-format sheet)", h);
            error = PEKPPP_EINVALID;
        } else if (k != LF_IGNORED && lf->slot[k] >= 0) {
            pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col, NULL,
                    PK_R_RUBRIC_DUPLICATE_ID, "column '%s' appears twice (as '%s')", h,
                    lf_field[k]);
            error = PEKPPP_EINVALID;
        } else if (k != LF_IGNORED) {
            lf->slot[k] = (int)lf->nslots++;
            if (!(lf->header[k] = pk_malloc(cells[i].len + 1))) {
                pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER,
                        "out of memory");
                return PEKPPP_ENOMEM;
            }
            memcpy(lf->header[k], cells[i].text, cells[i].len + 1);
        }
    }
    if (lf->slot[LF_UNIT_ID] < 0) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL, PK_R_SCHEMA_REQUIRED_KEY,
                "a long-format sheet needs a unit id column ('unit_id', 'id_unit', 'opd_id' or "
                "'kode_unit')");
        error = PEKPPP_EINVALID;
    }
    return error;
}

/* Keep a problem of a failed row (reported when its turn comes). */
static void lf_keep(const pekppp_error *e, void *payload)
{
    struct long_sheet *lf = payload;
    if (lf->nerrs == lf->ecap) {
        size_t cap = lf->ecap ? lf->ecap * 2 : 8;
        pekppp_error *ne = pk_realloc(lf->errs, cap * sizeof(*ne));
        if (!ne) {
            lf->oom = 1;
            return;
        }
        lf->errs = ne;
        lf->ecap = cap;
    }
    lf->errs[lf->nerrs++] = *e;
}

static uint64_t lf_hash(const char *p, size_t n)
{
    uint64_t h = 1469598103934665603u;
    while (n--)
        h = (h ^ (unsigned char)*p++) * 1099511628211u;
    return h;
}

static lf_unit *lf_new_unit(struct long_sheet *lf)
{
    lf_unit *u;
    if (lf->nunits == lf->ucap) {
        size_t cap = lf->ucap ? lf->ucap * 2 : 64;
        lf_unit *nu = pk_realloc(lf->units, cap * sizeof(*nu));
        if (!nu)
            return NULL;
        lf->units = nu;
        lf->ucap = cap;
    }
    u = &lf->units[lf->nunits++];
    memset(u, 0, sizeof(*u));
    u->first = u->last = SIZE_MAX;
    return u;
}

static const char *lf_text(const struct long_sheet *lf, const lf_cell *c)
{
    return lf->pool + c->off;
}

/* The unit of row @p row (its id cell @p id): found, or added in the table. */
static int lf_group(struct long_sheet *lf, size_t row, const lf_cell *id)
{
    const char *t = lf_text(lf, id);
    size_t i, mask;
    if (2 * (lf->nunits + 1) > lf->tcap) {
        size_t cap = lf->tcap ? lf->tcap * 2 : 256, j;
        size_t *nt = pk_malloc(cap * sizeof(*nt));
        if (!nt)
            return PEKPPP_ENOMEM;
        memset(nt, 0, cap * sizeof(*nt));
        for (j = 0; j < lf->tcap; j++) {
            size_t u = lf->table[j];
            const lf_cell *c;
            if (!u)
                continue;
            c = &lf->cells[lf->units[u - 1].first * lf->nslots + (size_t)lf->slot[LF_UNIT_ID]];
            i = (size_t)lf_hash(lf_text(lf, c), c->len) & (cap - 1);
            while (nt[i])
                i = (i + 1) & (cap - 1);
            nt[i] = u;
        }
        pk_free(lf->table);
        lf->table = nt;
        lf->tcap = cap;
    }
    mask = lf->tcap - 1;
    for (i = (size_t)lf_hash(t, id->len) & mask; lf->table[i]; i = (i + 1) & mask) {
        lf_unit *u = &lf->units[lf->table[i] - 1];
        const lf_cell *c = &lf->cells[u->first * lf->nslots + (size_t)lf->slot[LF_UNIT_ID]];
        if (c->len == id->len && memcmp(lf_text(lf, c), t, c->len) == 0) {
            lf->next[u->last] = row;
            u->last = row;
            return 0;
        }
    }
    {
        lf_unit *u = lf_new_unit(lf);
        if (!u)
            return PEKPPP_ENOMEM;
        u->first = u->last = row;
        lf->table[i] = lf->nunits;
    }
    return 0;
}

/* Keep row @p cells' kept cells in the pool; returns the row index, or -1 out of memory. */
static int lf_add_row(struct long_sheet *lf, const pk_csv_cell *cells, size_t n, size_t *row)
{
    size_t i, need = 0;
    if (lf->nrows == lf->rcap) {
        size_t cap = lf->rcap ? lf->rcap * 2 : 256;
        lf_cell *nc = pk_realloc(lf->cells, cap * (lf->nslots ? lf->nslots : 1) * sizeof(*nc));
        size_t *nn;
        if (!nc)
            return PEKPPP_ENOMEM;
        lf->cells = nc;
        if (!(nn = pk_realloc(lf->next, cap * sizeof(*nn))))
            return PEKPPP_ENOMEM;
        lf->next = nn;
        lf->rcap = cap;
    }
    for (i = 0; i < lf->ncols; i++)
        if (lf->kind[i] >= 0 && lf->kind[i] != LF_IGNORED && i < n)
            need += cells[i].len + 1;
    if (lf->plen + need > UINT32_MAX)
        return PEKPPP_ELIMIT;
    if (lf->plen + need > lf->pcap) {
        size_t cap = lf->pcap ? lf->pcap : 4096;
        char *np;
        while (cap < lf->plen + need)
            cap *= 2;
        if (!(np = pk_realloc(lf->pool, cap)))
            return PEKPPP_ENOMEM;
        lf->pool = np;
        lf->pcap = cap;
    }
    *row = lf->nrows++;
    lf->next[*row] = SIZE_MAX;
    for (i = 0; i < lf->ncols; i++) {
        int k = lf->kind[i];
        lf_cell *c;
        if (k < 0 || k == LF_IGNORED)
            continue;
        c = &lf->cells[*row * lf->nslots + (size_t)lf->slot[k]];
        c->off = (uint32_t)lf->plen;
        c->line = n ? cells[0].line : 0;
        c->col = (unsigned)i + 1;
        if (i < n) {
            c->len = (uint32_t)cells[i].len;
            c->line = cells[i].line;
            c->col = cells[i].col;
            memcpy(lf->pool + lf->plen, cells[i].text, cells[i].len);
        } else {
            c->len = 0;
        }
        lf->plen += c->len;
        lf->pool[lf->plen++] = '\0';
    }
    return 0;
}

/* Read every row of the sheet, grouping them by unit id. */
static int long_read(pekppp_sheet *s, pk_report *rep)
{
    struct long_sheet *lf = s->lf;
    pk_report keep;
    pk_csv_cell *cells;
    size_t n, row;
    int rc;
    pk_report_init(&keep, s->name, lf_keep, lf, NULL);
    keep.sheet = s->rows.sheet_name;
    for (;;) {
        size_t before = lf->nerrs;
        int unread;
        rc = pk_rows_next(&s->rows, &cells, &n, &keep);
        if (rc == 0)
            break;
        unread = rc < 0 && !pk_rows_bad(&s->rows); /* the reader cannot go on */
        if (rc > 0)
            s->nrows++;
        if (rc > 0 && (n > lf->ncols || (n < lf->ncols && !s->rows.is_xlsx))) {
            pk_diag(&keep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[0].line, 1, NULL,
                    PK_R_UNIT_ROW, "this row has %zu cells, the header has %zu", n, lf->ncols);
            rc = PEKPPP_EINVALID;
        }
        if (rc > 0) {
            const lf_cell *id;
            int error = lf_add_row(lf, cells, n, &row);
            if (error == PEKPPP_ELIMIT) {
                pk_diag(rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, cells[0].line, 1, NULL, PK_R_LIMIT,
                        "a long-format sheet holds more than %u bytes of text", UINT32_MAX);
                return error;
            }
            if (error < 0)
                goto oom;
            id = &lf->cells[row * lf->nslots + (size_t)lf->slot[LF_UNIT_ID]];
            if (id->len > 0) {
                if (lf_group(lf, row, id) < 0)
                    goto oom;
                continue;
            }
            pk_diag(&keep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, id->line, id->col, "unit_id",
                    PK_R_UNIT_FIELD, "the unit id is empty");
        }
        if (lf->oom)
            goto oom;
        /* A failed row: a unit of its own that gives its problems. */
        {
            lf_unit *u = lf_new_unit(lf);
            if (!u)
                goto oom;
            u->err = before;
            u->nerr = lf->nerrs - before;
        }
        if (unread) {
            pk_rows_stop(&s->rows); /* the rest cannot be trusted */
            break;
        }
    }
    if (lf->oom)
        goto oom;
    return 0;
oom:
    pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
    return PEKPPP_ENOMEM;
}

/* Report a kept problem now, as pk_diag would have. */
static void lf_replay(pk_report *rep, const pekppp_error *e)
{
    if (rep->errors++ == 0) {
        rep->first_code = e->code;
        if (rep->err)
            *rep->err = *e;
    }
    if (rep->cb)
        rep->cb(e, rep->payload);
}

/* A kept cell as the reader gave it. */
static pk_csv_cell lf_csv(const struct long_sheet *lf, const lf_cell *c)
{
    pk_csv_cell out;
    memset(&out, 0, sizeof(out));
    out.text = lf_text(lf, c);
    out.len = c->len;
    out.line = c->line;
    out.col = c->col;
    return out;
}

/* Split an evidence cell into items, one per line (Alt+Enter in a spreadsheet). */
int pk_sheet_evidence(pekppp_assessment *a, const char *t, size_t n, pk_answer *ans)
{
    size_t count = 0, i, k = 0, start = 0;
    const char **list;
    for (i = 0; i <= n; i++)
        if (i == n || t[i] == '\n')
            count++;
    if (!(list = pk_arena_alloc(&a->arena, (count + 1) * sizeof(*list))))
        return PEKPPP_ENOMEM;
    for (i = 0; i <= n; i++) {
        if (i == n || t[i] == '\n') {
            size_t b = start, e = i;
            while (b < e && (t[b] == ' ' || t[b] == '\t'))
                b++;
            while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r'))
                e--;
            if (e > b && !(list[k++] = pk_arena_strndup(&a->arena, t + b, e - b)))
                return PEKPPP_ENOMEM;
            start = i + 1;
        }
    }
    list[k] = NULL;
    ans->evidence = list;
    ans->nevidence = k;
    return 0;
}

/* The ids a code could have meant: the scored indicators, then the supplementary items. */
const char *pk_sheet_nearest_code(const pekppp_rubric *r, const char *code)
{
    const char **names = pk_malloc((r->nindicators + r->nsupplements + 1) * sizeof(*names));
    const char *near;
    size_t i, n = 0;
    if (!names)
        return NULL;
    for (i = 0; i < r->nindicators; i++)
        names[n++] = r->indicators[i].id;
    for (i = 0; i < r->nsupplements; i++)
        names[n++] = r->supplements[i].id;
    near = pk_nearest(code, names, n);
    pk_free(names);
    return near;
}

void pk_sheet_missing(const pekppp_rubric *r, const unsigned *seen, const char *unit,
                      unsigned line, unsigned col, pk_report *rep)
{
    char list[400];
    size_t i, n = 0, len = 0;
    for (i = 0; i < r->nindicators; i++)
        n += !seen[i];
    if (n == 0)
        return;
    if (n <= 3) {
        for (i = 0; i < r->nindicators; i++) {
            if (seen[i])
                continue;
            if (unit)
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, line, col, r->indicators[i].id,
                        PK_R_UNIT_MISSING_ANSWER,
                        "unit '%s' has no row for indicator '%s' (use --allow-incomplete to count "
                        "it as %d)", unit, r->indicators[i].id, r->scale_min);
            else
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, line, col, r->indicators[i].id,
                        PK_R_UNIT_MISSING_ANSWER,
                        "the indicator sheet has no row for indicator '%s' (use "
                        "--allow-incomplete to count it as %d)", r->indicators[i].id,
                        r->scale_min);
        }
        return;
    }
    list[0] = '\0';
    for (i = 0; i < r->nindicators; i++) {
        if (seen[i])
            continue;
        if (len + strlen(r->indicators[i].id) + 8 >= sizeof(list)) {
            snprintf(list + len, sizeof(list) - len, ", ...");
            break;
        }
        len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s", len ? ", " : "",
                                r->indicators[i].id);
    }
    if (unit)
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, line, col, NULL, PK_R_UNIT_MISSING_ANSWER,
                "unit '%s' has no rows for %zu indicators: %s (use --allow-incomplete to count "
                "them as %d)", unit, n, list, r->scale_min);
    else
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, line, col, NULL, PK_R_UNIT_MISSING_ANSWER,
                "the indicator sheet has no rows for %zu indicators: %s (use --allow-incomplete "
                "to count them as %d)", n, list, r->scale_min);
}

long pk_sheet_code(const pekppp_rubric *r, const char *id)
{
    long k = pekppp_rubric_find_indicator(r, id);
    size_t j;
    if (k < 0)
        for (j = 0; j < r->nsupplements; j++)
            if (strcmp(id, r->supplements[j].id) == 0)
                return (long)(r->nindicators + j);
    return k;
}

/* One row's indicator, level, note and evidence into the unit. */
static int lf_answer(pekppp_sheet *s, pekppp_assessment *a, size_t row, unsigned *seen,
                     pk_report *rep)
{
    const struct long_sheet *lf = s->lf;
    const pekppp_rubric *r = s->rubric;
    const lf_cell *cells = &lf->cells[row * lf->nslots];
    pk_csv_cell code = lf_csv(lf, &cells[lf->slot[LF_INDICATOR]]);
    pk_csv_cell level = lf_csv(lf, &cells[lf->slot[LF_LEVEL]]);
    const char *t;
    size_t n;
    long k;
    int lv;
    pk_sheet_trim(&code, &t, &n);
    if (n == 0) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, code.line, code.col, NULL,
                PK_R_UNIT_UNKNOWN_INDICATOR, "the indicator code is empty");
        return PEKPPP_EINVALID;
    }
    {
        char id[128];
        if (n >= sizeof(id))
            n = sizeof(id) - 1;
        memcpy(id, t, n);
        id[n] = '\0';
        k = pk_sheet_code(r, id);
        if (k < 0) {
            const char *near = pk_sheet_nearest_code(r, id);
            if (near)
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, code.line, code.col, NULL,
                        PK_R_UNIT_UNKNOWN_INDICATOR,
                        "rubric '%s' has no indicator '%s': did you mean '%s'?", r->id, id, near);
            else
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, code.line, code.col, NULL,
                        PK_R_UNIT_UNKNOWN_INDICATOR, "rubric '%s' has no indicator '%s'", r->id,
                        id);
            return PEKPPP_EINVALID;
        }
    }
    if (seen[k]) {
        const char *id = (size_t)k < r->nindicators ? r->indicators[k].id
                                                     : r->supplements[(size_t)k - r->nindicators].id;
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, code.line, code.col, id,
                PK_R_UNIT_DUPLICATE_ANSWER, "indicator '%s' is given twice: first in row %u", id,
                seen[k]);
        return PEKPPP_EINVALID;
    }
    seen[k] = code.line ? code.line : 1;
    if ((size_t)k >= r->nindicators) {
        size_t sup = (size_t)k - r->nindicators;
        if (pk_sheet_level(s->rubric, rep, &level, r->supplements[sup].id, false, false, &lv) < 0)
            return PEKPPP_EINVALID;
        a->supplement_levels[sup] = lv;
        return 0;
    }
    if (read_indicator(s, a, &level, (size_t)k, rep) < 0)
        return PEKPPP_EINVALID;
    if (lf->slot[LF_NOTE] >= 0 && cells[lf->slot[LF_NOTE]].len > 0 &&
        pk_sheet_text(a, &(pk_csv_cell){ .text = lf_text(lf, &cells[lf->slot[LF_NOTE]]),
                                     .len = cells[lf->slot[LF_NOTE]].len },
                  &a->answers[k].note) < 0)
        return PEKPPP_ENOMEM;
    if (lf->slot[LF_EVIDENCE] >= 0 && cells[lf->slot[LF_EVIDENCE]].len > 0 &&
        pk_sheet_evidence(a, lf_text(lf, &cells[lf->slot[LF_EVIDENCE]]),
                    cells[lf->slot[LF_EVIDENCE]].len, &a->answers[k]) < 0)
        return PEKPPP_ENOMEM;
    return 0;
}

/* The unit fields: the first non-empty value of each, which every other row must repeat
 * (an empty cell repeats it). */
static int lf_fields(pekppp_sheet *s, pekppp_assessment *a, const lf_unit *u, pk_report *rep,
                     pk_csv_cell *given)
{
    const struct long_sheet *lf = s->lf;
    size_t row, k;
    int error = 0;
    const lf_cell *first[LF_COUNT] = { 0 };
    const lf_cell *id = &lf->cells[u->first * lf->nslots + (size_t)lf->slot[LF_UNIT_ID]];
    for (row = u->first; row != SIZE_MAX; row = lf->next[row])
        for (k = LF_FIRST_SAME; k <= LF_LAST_SAME; k++) {
            const lf_cell *c;
            if (lf->slot[k] < 0)
                continue;
            c = &lf->cells[row * lf->nslots + (size_t)lf->slot[k]];
            if (c->len == 0)
                continue;
            if (!first[k]) {
                first[k] = c;
            } else if (c->len != first[k]->len ||
                       memcmp(lf_text(lf, c), lf_text(lf, first[k]), c->len) != 0) {
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, c->line, c->col, lf_field[k],
                        PK_R_UNIT_FIELD_CONFLICT,
                        "unit '%s': %s '%s' differs from '%s' in row %u", lf_text(lf, id),
                        lf->header[k], lf_text(lf, c), lf_text(lf, first[k]), first[k]->line);
                error = PEKPPP_EINVALID;
            }
        }
    if (pk_sheet_text(a, &(pk_csv_cell){ .text = lf_text(lf, id), .len = id->len }, &a->unit_id) < 0)
        return PEKPPP_ENOMEM;
    a->id_line = id->line;
    a->id_col = id->col;
    a->id_path = "unit_id";
    for (k = LF_FIRST_SAME; k <= LF_LAST_SAME; k++) {
        given[k].len = 0;
        given[k].text = "";
        if (first[k])
            given[k] = lf_csv(lf, first[k]);
        else if (lf->slot[k] >= 0)
            given[k] = lf_csv(lf, &lf->cells[u->first * lf->nslots + (size_t)lf->slot[k]]);
        else
            given[k].line = 0;
    }
    {
        const char **dst[LF_PERIOD + 1] = { NULL, &a->unit_name, &a->institution, &a->category,
                                            &a->mode, &a->period };
        for (k = LF_UNIT_NAME; k <= LF_PERIOD; k++)
            if (first[k] && pk_sheet_text(a, &given[k], dst[k]) < 0)
                return PEKPPP_ENOMEM;
    }
    if (lf->slot[LF_UNIT_NAME] < 0) {
        a->unit_name = a->unit_id; /* no name column: the id names the unit */
    } else if (!a->unit_name) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, given[LF_UNIT_NAME].line,
                given[LF_UNIT_NAME].col, "unit_name", PK_R_UNIT_FIELD, "the unit name is empty");
        error = PEKPPP_EINVALID;
    }
    if (a->mode && strcmp(a->mode, "mandiri") != 0 && strcmp(a->mode, "nasional") != 0) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, given[LF_MODE].line, given[LF_MODE].col,
                "mode", PK_R_UNIT_FIELD, "mode '%s' is not 'mandiri' or 'nasional'", a->mode);
        error = PEKPPP_EINVALID;
    }
    return error;
}

static int long_next(pekppp_sheet *s, pekppp_assessment **out, pk_report *rep)
{
    struct long_sheet *lf = s->lf;
    const pekppp_rubric *r = s->rubric;
    const lf_unit *u;
    pekppp_assessment *a = NULL;
    pk_csv_cell given[LF_COUNT];
    unsigned *seen = NULL;
    size_t row, i;
    int error = 0, e;
    if (lf->emit == lf->nunits)
        return 0;
    u = &lf->units[lf->emit++];
    rep->sheet = s->rows.sheet_name;
    if (u->first == SIZE_MAX) {
        int code = PEKPPP_EINVALID;
        for (i = 0; i < u->nerr; i++) {
            if (i == 0)
                code = lf->errs[u->err].code;
            lf_replay(rep, &lf->errs[u->err + i]);
        }
        return code < 0 ? code : PEKPPP_EINVALID;
    }
    memset(given, 0, sizeof(given));
    if (!(a = pk_sheet_unit(s->rubric, s->name, s->rows.sheet_name, s->rows.sha256)) ||
        !(seen = pk_malloc((r->nindicators + r->nsupplements + 1) * sizeof(*seen))))
        goto oom;
    memset(seen, 0, (r->nindicators + r->nsupplements + 1) * sizeof(*seen));
    if ((e = lf_fields(s, a, u, rep, given)) == PEKPPP_ENOMEM)
        goto oom;
    if (e < 0)
        error = e;
    for (row = u->first; row != SIZE_MAX; row = lf->next[row]) {
        if ((e = lf_answer(s, a, row, seen, rep)) == PEKPPP_ENOMEM)
            goto oom;
        if (e < 0)
            error = e;
    }
    for (i = 0; i < r->nindicators && seen[i]; i++)
        ;
    if (i < r->nindicators && s->allow_incomplete) {
        a->incomplete = true;
    } else if (i < r->nindicators) {
        pk_sheet_missing(r, seen, a->unit_id, a->id_line, a->id_col, rep);
        error = PEKPPP_EINVALID;
    }
    if (pk_sheet_survey(s->rubric, pk_rows_decimal_comma(&s->rows), a, given[LF_SURVEY_SCORE].line ? &given[LF_SURVEY_SCORE] : NULL,
                    given[LF_SURVEY_RESPONDENTS].line ? &given[LF_SURVEY_RESPONDENTS] : NULL,
                    rep) < 0)
        error = PEKPPP_EINVALID;
    pk_free(seen);
    if (error < 0) {
        pekppp_assessment_free(a);
        return error;
    }
    *out = a;
    return 1;
oom:
    pk_free(seen);
    pekppp_assessment_free(a);
    pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
    return PEKPPP_ENOMEM;
}
