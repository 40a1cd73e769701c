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

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "pekppp/batch.h"
#include "csv.h"
#include "decode.h"
#include "yaml_tree.h"
#include "sha256.h"

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
    char *data;
    size_t len;
    char *name;
    char sha256[65];
    pk_csv csv;
    const pekppp_rubric *rubric;
    bool allow_incomplete;
    pekppp_diag_cb diag;
    void *payload;
    column *cols;
    size_t ncols;
    size_t rows;
};

/* Map the header's cells to columns; report every problem. */
static int read_header(pekppp_sheet *s, pk_report *rep)
{
    pk_csv_cell *cells;
    size_t n, i, j, nnames = 0;
    const pekppp_rubric *r = s->rubric;
    const char **names = NULL;
    unsigned char *seen_ind = NULL, *seen_fixed;
    unsigned char fixed[NFIXED] = { 0 };
    int rc = pk_csv_next(&s->csv, &cells, &n, rep), error = 0;
    if (rc == 0) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL,
                PK_R_YAML_EMPTY, "the sheet is empty: expected a header row");
        return PEKPPP_EINVALID;
    }
    if (rc < 0)
        return rc;
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

/* Open over @p data, which the sheet takes over (freed with the sheet, or here on failure),
 * or, when @p fd >= 0, streamed from @p fd (owned likewise) whose SHA-256 is @p sha256. */
static int open_owned(pekppp_sheet **out, char *data, size_t len, int fd, const char *sha256,
                      const char *name, const pekppp_assessment_options *opts, pk_report *rep)
{
    pekppp_sheet *s = NULL;
    int error = 0;
    if (!opts->rubric) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL,
                PK_R_UNIT_RUBRIC, "a sheet needs a rubric to be read against");
        error = PEKPPP_EINVALID;
    } else if ((s = pk_malloc(sizeof(*s))) != NULL) {
        memset(s, 0, sizeof(*s));
        s->csv.fd = -1;
        s->data = data;
        s->len = len;
        data = NULL;
        if ((s->name = pk_malloc(strlen(name) + 1)) != NULL)
            strcpy(s->name, name);
    }
    if (!error && (!s || !s->name)) {
        pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        error = PEKPPP_ENOMEM;
    }
    if (error < 0) {
        pk_free(data);
        if (fd >= 0)
            close(fd);
        pekppp_sheet_free(s);
        return error;
    }
    s->rubric = opts->rubric;
    s->allow_incomplete = opts->allow_incomplete;
    s->diag = opts->diag;
    s->payload = opts->payload;
    if (fd >= 0) {
        memcpy(s->sha256, sha256, sizeof(s->sha256));
        if ((error = pk_csv_init_fd(&s->csv, fd, 0, rep)) < 0)
            goto done;
    } else {
        pk_sha256_hex(s->data, s->len, s->sha256);
        pk_csv_init(&s->csv, s->data, s->len);
    }
    if ((error = read_header(s, rep)) < 0)
        goto done;
    *out = s;
    s = NULL;
done:
    pekppp_sheet_free(s);
    return error;
}

int pekppp_sheet_open_buffer(pekppp_sheet **out, const char *data, size_t len, const char *name,
                             const pekppp_assessment_options *opts, pekppp_error *err)
{
    pk_report rep;
    char *copy;
    *out = NULL;
    pk_report_init(&rep, name, opts->diag, opts->payload, err);
    if (pk_options_check(&rep, "pekppp_assessment_options", opts->version,
                         PEKPPP_ASSESSMENT_OPTIONS_VERSION) < 0)
        return PEKPPP_EINVALID;
    if (!(copy = pk_malloc(len + 1))) {
        pk_diag(&rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        return PEKPPP_ENOMEM;
    }
    memcpy(copy, data, len);
    copy[len] = '\0';
    return open_owned(out, copy, len, -1, NULL, name, opts, &rep);
}

/* The SHA-256 of a regular file, read through once; then back to its start. */
static int hash_fd(int fd, char hex[65], pk_report *rep)
{
    char buf[64 * 1024];
    pk_sha256 h;
    pk_sha256_init(&h);
    for (;;) {
        ssize_t r = read(fd, buf, sizeof(buf));
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            pk_diag(rep, PEKPPP_EIO, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_IO, "cannot read: %s", strerror(errno));
            return PEKPPP_EIO;
        }
        if (r == 0)
            break;
        pk_sha256_update(&h, buf, (size_t)r);
    }
    pk_sha256_final_hex(&h, hex);
    if (lseek(fd, 0, SEEK_SET) != 0) {
        pk_diag(rep, PEKPPP_EIO, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_IO, "cannot read: %s", strerror(errno));
        return PEKPPP_EIO;
    }
    return 0;
}

/*
 * A regular file is streamed: read once for the SHA-256 of the receipt (each unit carries it
 * from its first row on), then again row by row, so a sheet has no whole-file limit.  A FIFO
 * or a device cannot be read twice: it is read whole, up to PEKPPP_MAX_FILE_SIZE.
 */
int pekppp_sheet_open_file(pekppp_sheet **out, const char *path,
                           const pekppp_assessment_options *opts, pekppp_error *err)
{
    pk_report rep;
    char *data = NULL, sha[65];
    size_t len = 0;
    int error, fd, regular = 0;
    *out = NULL;
    pk_report_init(&rep, path, opts->diag, opts->payload, err);
    if ((error = pk_options_check(&rep, "pekppp_assessment_options", opts->version,
                                  PEKPPP_ASSESSMENT_OPTIONS_VERSION)) < 0)
        return error;
    if ((fd = pk_open_input(path, &rep, &regular)) < 0)
        return fd;
    if (!regular) {
        if ((error = pk_read_fd(&data, &len, fd, &rep)) < 0)
            return error;
        return open_owned(out, data, len, -1, NULL, path, opts, &rep);
    }
    if ((error = hash_fd(fd, sha, &rep)) < 0) {
        close(fd);
        return error;
    }
    return open_owned(out, NULL, 0, fd, sha, path, opts, &rep);
}

void pekppp_sheet_free(pekppp_sheet *s)
{
    if (!s)
        return;
    pk_csv_free(&s->csv);
    pk_free(s->cols);
    pk_free(s->data);
    pk_free(s->name);
    pk_free(s);
}

size_t pekppp_sheet_rows(const pekppp_sheet *s)
{
    return s->rows;
}

/* Copy a cell's text into the unit's arena; empty cells give NULL. */
static int cell_text(pekppp_assessment *a, const pk_csv_cell *c, const char **out)
{
    if (c->len == 0) {
        *out = NULL;
        return 0;
    }
    *out = pk_arena_strndup(&a->arena, c->text, c->len);
    return *out ? 0 : PEKPPP_ENOMEM;
}

/* A cell's text without surrounding spaces, for levels and numbers. */
static void trimmed(const pk_csv_cell *c, const char **s, size_t *len)
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
static int read_answer(pekppp_sheet *s, pk_report *rep, const pk_csv_cell *c, const char *id,
                       bool na_ok, bool scored, int *out)
{
    const pekppp_rubric *r = s->rubric;
    const char *t;
    size_t n;
    int64_t v;
    trimmed(c, &t, &n);
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
static int read_score(pekppp_sheet *s, pk_report *rep, const pk_csv_cell *c, int64_t *out)
{
    const char *t;
    size_t n, i;
    char buf[64];
    pk_dec_status st;
    trimmed(c, &t, &n);
    if (n >= sizeof(buf))
        n = sizeof(buf) - 1;
    memcpy(buf, t, n);
    buf[n] = '\0';
    if (s->csv.delim == ';')
        for (i = 0; i < n; i++)
            if (buf[i] == ',')
                buf[i] = '.';
    st = pk_dec_parse(buf, n, 4, false, out);
    if (st != PK_DEC_OK) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, c->line, c->col, "survey_score",
                PK_R_UNIT_SURVEY,
                "expected a survey score with at most 4 decimal places%s, got '%s'",
                s->csv.delim == ';' ? " (decimal comma or point)" : " (decimal point)", buf);
        return PEKPPP_EINVALID;
    }
    if (*out > (int64_t)s->rubric->scale_max * PEKPPP_DEC_SCALE ||
        *out < (int64_t)s->rubric->scale_min * PEKPPP_DEC_SCALE) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, c->line, c->col, "survey_score",
                PK_R_UNIT_SURVEY, "survey score %s is outside the scale %d to %d", buf,
                s->rubric->scale_min, s->rubric->scale_max);
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
    if (read_answer(s, rep, cell, r->indicators[index].id, r->indicators[index].na_allowed, true,
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
static int read_survey(pekppp_sheet *s, pekppp_assessment *a, const pk_csv_cell *score,
                       const pk_csv_cell *resp, pk_report *rep)
{
    int error = 0;
    if (score && score->len > 0) {
        int64_t v;
        if (read_score(s, rep, score, &v) < 0) {
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
            trimmed(resp, &t, &tn);
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
            if (read_answer(s, rep, &cells[i], r->supplements[c->index].id, false, false,
                            &level) < 0)
                error = PEKPPP_EINVALID;
            else
                a->supplement_levels[c->index] = level;
            break;
        default:
            if (cell_text(a, &cells[i], fixed[c->kind]) < 0)
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
    if (read_survey(s, a, score, resp, rep) < 0)
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
    size_t n, i;
    pekppp_assessment *a = NULL;
    const pekppp_rubric *r = s->rubric;
    int rc, error;

    *out = NULL;
    pk_report_init(&rep, s->name, s->diag, s->payload, err);
    rc = pk_csv_next(&s->csv, &cells, &n, &rep);
    if (rc <= 0) {
        if (rc < 0 && !s->csv.bad)
            s->csv.pos = s->csv.len; /* an unclosed quote swallows the rest */
        return rc;
    }
    s->rows++;
    if (n != s->ncols) {
        pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[0].line, 1, NULL,
                PK_R_UNIT_ROW, "this row has %zu cells, the header has %zu", n, s->ncols);
        return PEKPPP_EINVALID;
    }
    if (!(a = pk_malloc(sizeof(*a))))
        goto oom;
    memset(a, 0, sizeof(*a));
    a->rubric = r;
    memcpy(a->sha256, s->sha256, sizeof(a->sha256));
    a->file = pk_arena_strndup(&a->arena, s->name, strlen(s->name));
    a->answers = pk_arena_alloc(&a->arena, (r->nindicators ? r->nindicators : 1) * sizeof(*a->answers));
    a->supplement_levels =
        pk_arena_alloc(&a->arena, (r->nsupplements ? r->nsupplements : 1) * sizeof(int));
    if (!a->file || !a->answers || !a->supplement_levels)
        goto oom;
    memset(a->answers, 0, r->nindicators * sizeof(*a->answers));
    for (i = 0; i < r->nindicators; i++)
        a->answers[i].level = PEKPPP_LEVEL_MISSING;
    for (i = 0; i < r->nsupplements; i++)
        a->supplement_levels[i] = PEKPPP_LEVEL_MISSING;
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
