/*
 * The fill-in workbook read back; see form.h and docs/formats.md ("Fill-in workbook").
 *
 * Sheet names and header labels are accepted in both languages.  Each problem is reported
 * at its sheet and cell and reading goes on, so one run lists them all; the unit is then
 * not given.
 */
#include "form.h"

#include <string.h>

#include "decode.h"
#include "sheet_internal.h"

#define SCHEMA "pekppp/assessment/v1"

static const char *const identity_names[] = { "Identitas", "Identity" };
static const char *const indicator_names[] = { "Indikator", "Indicators" };
static const char *const survey_names[] = { "Survei", "Survey" };

/* The identity sheet's keys (column A), in the template's order. */
enum { K_SCHEMA, K_RUBRIC, K_UNIT_ID, K_UNIT_NAME, K_INSTITUTION, K_CATEGORY, K_MODE, K_PERIOD,
       K_ASSESSOR, K_SURVEY_SCORE, K_SURVEY_RESPONDENTS, NKEYS };
static const char *const key_names[NKEYS] = { "schema",   "rubric",   "unit_id",
                                              "unit_name", "institution", "category",
                                              "mode",     "period",   "assessor",
                                              "survey_score", "survey_respondents" };

static bool is_one_of(const char *s, const char *const *names, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (strcmp(s, names[i]) == 0)
            return true;
    return false;
}

bool pk_form_is_identity(const char *sheet, const pk_csv_cell *cells, size_t n)
{
    char buf[16];
    if (!sheet || !is_one_of(sheet, identity_names, 2) || n == 0)
        return false;
    pk_sheet_norm(cells[0].text, buf, sizeof(buf));
    return strcmp(buf, "kunci") == 0 || strcmp(buf, "key") == 0;
}

/* Select the sheet with one of the two @p names; 1 found, 0 absent, negative on failure. */
static int find_sheet(const pk_form_source *src, const char *const names[2], pk_report *rep)
{
    size_t i, n = src->count(src->ctx);
    for (i = 0; i < n; i++)
        if (is_one_of(src->name(src->ctx, i), names, 2)) {
            int error = src->select(src->ctx, i, rep);
            return error < 0 ? error : 1;
        }
    return 0;
}

/* The next row, read on over a row the reader could not read (reported). */
static int next_row(const pk_form_source *src, pk_csv_cell **cells, size_t *n, pk_report *rep,
                    int *error)
{
    for (;;) {
        int rc = src->next(src->ctx, cells, n, rep);
        if (rc >= 0)
            return rc;
        *error = rc;
        if (!src->bad(src->ctx))
            return 0;
    }
}

/* A cell of the row, or an empty one at its place when the row ends before it. */
static pk_csv_cell cell_at(const pk_csv_cell *cells, size_t n, size_t i)
{
    pk_csv_cell c;
    if (i < n)
        return cells[i];
    memset(&c, 0, sizeof(c));
    c.text = "";
    c.line = n ? cells[0].line : 0;
    c.col = (unsigned)i + 1;
    return c;
}

/* The identity sheet: key / value rows. */
typedef struct {
    pk_csv_cell value[NKEYS];
    const char *text[NKEYS]; /* the values, copied (the row's cells do not last) */
    unsigned row[NKEYS];    /* 0: not given */
} identity;

static int read_identity(identity *id, const pk_form_source *src, pekppp_assessment *a,
                         const pekppp_rubric *r, pk_report *rep)
{
    pk_csv_cell *cells;
    size_t n, k;
    int error = 0, rc;
    unsigned first_line = 1;
    memset(id, 0, sizeof(*id));
    if ((rc = next_row(src, &cells, &n, rep, &error)) <= 0) /* the header row */
        return error < 0 ? error : PEKPPP_EINVALID;
    first_line = cells[0].line;
    while ((rc = next_row(src, &cells, &n, rep, &error)) > 0) {
        pk_csv_cell key = cell_at(cells, n, 0), value = cell_at(cells, n, 1);
        const char *t;
        size_t tn;
        char name[64];
        pk_sheet_trim(&key, &t, &tn);
        if (tn == 0)
            continue; /* a note without a key is for people */
        if (tn >= sizeof(name))
            tn = sizeof(name) - 1;
        memcpy(name, t, tn);
        name[tn] = '\0';
        for (k = 0; k < NKEYS && strcmp(name, key_names[k]) != 0; k++)
            ;
        if (k == NKEYS) {
            const char *near = pk_nearest(name, key_names, NKEYS);
            if (near)
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, key.line, key.col, NULL,
                        PK_R_SCHEMA_UNKNOWN_KEY, "unknown key '%s': did you mean '%s'?", name,
                        near);
            else
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, key.line, key.col, NULL,
                        PK_R_SCHEMA_UNKNOWN_KEY, "unknown key '%s'", name);
            error = PEKPPP_EINVALID;
            continue;
        }
        if (id->row[k]) {
            pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, key.line, key.col, key_names[k],
                    PK_R_YAML_DUPLICATE_KEY, "key '%s' appears twice: first in row %u",
                    key_names[k], id->row[k]);
            error = PEKPPP_EINVALID;
            continue;
        }
        id->row[k] = key.line ? key.line : 1;
        id->value[k] = value;
        if (value.len > 0) {
            if (pk_sheet_text(a, &value, &id->text[k]) < 0)
                return PEKPPP_ENOMEM;
            id->value[k].text = id->text[k];
        } else {
            id->value[k].text = "";
        }
    }
    if (rc < 0)
        return rc;
    /* schema and rubric: as the template wrote them */
    if (id->row[K_SCHEMA] && id->value[K_SCHEMA].len > 0 &&
        strcmp(id->value[K_SCHEMA].text, SCHEMA) != 0) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, id->value[K_SCHEMA].line,
                id->value[K_SCHEMA].col, "schema", PK_R_SCHEMA_SCHEMA,
                "schema is '%s': expected '%s'", id->value[K_SCHEMA].text, SCHEMA);
        error = PEKPPP_EINVALID;
    }
    if (id->row[K_RUBRIC] && id->value[K_RUBRIC].len > 0 &&
        strcmp(id->value[K_RUBRIC].text, r->id) != 0) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, id->value[K_RUBRIC].line,
                id->value[K_RUBRIC].col, "rubric", PK_R_UNIT_RUBRIC,
                "this unit is for rubric '%s', but the rubric given is '%s'",
                id->value[K_RUBRIC].text, r->id);
        error = PEKPPP_EINVALID;
    }
    for (k = K_UNIT_ID; k <= K_UNIT_NAME; k++)
        if (!id->text[k]) {
            const pk_csv_cell *c = &id->value[k];
            pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, id->row[k] ? c->line : first_line,
                    id->row[k] ? c->col : 1, key_names[k], PK_R_UNIT_FIELD,
                    k == K_UNIT_ID ? "the unit id is empty" : "the unit name is empty");
            error = PEKPPP_EINVALID;
        }
    a->unit_id = id->text[K_UNIT_ID];
    a->unit_name = id->text[K_UNIT_NAME];
    a->institution = id->text[K_INSTITUTION];
    a->category = id->text[K_CATEGORY];
    a->mode = id->text[K_MODE];
    a->period = id->text[K_PERIOD];
    a->assessor = id->text[K_ASSESSOR];
    if (a->unit_id) {
        a->id_line = id->value[K_UNIT_ID].line;
        a->id_col = id->value[K_UNIT_ID].col;
        a->id_path = "unit_id";
    }
    if (a->mode && strcmp(a->mode, "mandiri") != 0 && strcmp(a->mode, "nasional") != 0) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, id->value[K_MODE].line,
                id->value[K_MODE].col, "mode", PK_R_UNIT_FIELD,
                "mode '%s' is not 'mandiri' or 'nasional'", a->mode);
        error = PEKPPP_EINVALID;
    }
    if (pk_sheet_survey(r, src->comma, a, id->text[K_SURVEY_SCORE] ? &id->value[K_SURVEY_SCORE] : NULL,
                        id->text[K_SURVEY_RESPONDENTS] ? &id->value[K_SURVEY_RESPONDENTS] : NULL,
                        rep) < 0)
        error = PEKPPP_EINVALID;
    return error;
}

/* The indicator sheet's columns that are read; the others describe the indicator. */
enum { C_CODE, C_LEVEL, C_EVIDENCE, C_NOTE, NCOLS, C_IGNORED = NCOLS };

static int column_kind(const char *h)
{
    static const struct {
        const char *name;
        int kind;
    } names[] = { { "kode", C_CODE },         { "code", C_CODE },         { "level", C_LEVEL },
                  { "bukti", C_EVIDENCE },    { "evidence", C_EVIDENCE }, { "catatan", C_NOTE },
                  { "note", C_NOTE },         { "aspek", C_IGNORED },     { "aspect", C_IGNORED },
                  { "indikator", C_IGNORED }, { "indicator", C_IGNORED }, { "bobot", C_IGNORED },
                  { "weight", C_IGNORED } };
    char buf[64];
    size_t i;
    pk_sheet_norm(h, buf, sizeof(buf));
    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (strcmp(buf, names[i].name) == 0)
            return names[i].kind;
    if (strncmp(buf, "level_", 6) == 0 && buf[6] >= '0' && buf[6] <= '9' &&
        (buf[7] == '\0' || (buf[7] >= '0' && buf[7] <= '9' && buf[8] == '\0')))
        return C_IGNORED; /* a level's description */
    return -1;
}

static int read_indicator_header(long where[NCOLS], const pk_csv_cell *cells, size_t n,
                                 pk_report *rep)
{
    static const char *const known[] = { "kode", "code", "level", "bukti", "evidence", "catatan",
                                         "note", "aspek", "aspect", "indikator", "indicator",
                                         "bobot", "weight" };
    size_t i;
    int error = 0;
    for (i = 0; i < NCOLS; i++)
        where[i] = -1;
    for (i = 0; i < n; i++) {
        int k;
        if (cells[i].len == 0)
            continue;
        k = column_kind(cells[i].text);
        if (k < 0) {
            char buf[64];
            const char *near = pk_nearest(pk_sheet_norm(cells[i].text, buf, sizeof(buf)), known,
                                          sizeof(known) / sizeof(known[0]));
            if (near)
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col, NULL,
                        PK_R_SCHEMA_UNKNOWN_KEY, "unknown column '%s': did you mean '%s'?",
                        cells[i].text, near);
            else
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col, NULL,
                        PK_R_SCHEMA_UNKNOWN_KEY,
                        "unknown column '%s' (not a column of the indicator sheet)", cells[i].text);
            error = PEKPPP_EINVALID;
        } else if (k != C_IGNORED && where[k] >= 0) {
            pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col, NULL,
                    PK_R_RUBRIC_DUPLICATE_ID, "column '%s' appears twice", cells[i].text);
            error = PEKPPP_EINVALID;
        } else if (k != C_IGNORED) {
            where[k] = (long)i;
        }
    }
    if (where[C_CODE] < 0 || where[C_LEVEL] < 0) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, n ? cells[0].line : 1, 1, NULL,
                PK_R_SCHEMA_REQUIRED_KEY,
                "the indicator sheet needs a code column ('kode' or 'code') and a 'level' column");
        error = PEKPPP_EINVALID;
    }
    return error;
}

/* One indicator row into the unit; @p seen holds the row each code was first given in. */
static int read_indicator_row(pekppp_assessment *a, const pekppp_rubric *r, const long where[NCOLS],
                              const pk_csv_cell *cells, size_t n, unsigned *seen,
                              bool allow_incomplete, pk_report *rep)
{
    pk_csv_cell code = cell_at(cells, n, (size_t)where[C_CODE]);
    pk_csv_cell level = cell_at(cells, n, (size_t)where[C_LEVEL]);
    const char *t;
    size_t tn;
    char id[128];
    long k;
    int lv;
    pk_sheet_trim(&code, &t, &tn);
    if (tn == 0) {
        pk_csv_cell l2;
        pk_sheet_trim(&level, &t, &tn);
        if (tn == 0)
            return 0; /* a row of descriptions only */
        l2 = level;
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, code.line ? code.line : l2.line, code.col,
                NULL, PK_R_UNIT_UNKNOWN_INDICATOR, "the indicator code is empty");
        return PEKPPP_EINVALID;
    }
    if (tn >= sizeof(id))
        tn = sizeof(id) - 1;
    memcpy(id, t, tn);
    id[tn] = '\0';
    if ((k = pk_sheet_code(r, id)) < 0) {
        const char *near = pk_sheet_nearest_code(r, id);
        if (near)
            pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, code.line, code.col, NULL,
                    PK_R_UNIT_UNKNOWN_INDICATOR,
                    "rubric '%s' has no indicator '%s': did you mean '%s'?", r->id, id, near);
        else
            pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, code.line, code.col, NULL,
                    PK_R_UNIT_UNKNOWN_INDICATOR, "rubric '%s' has no indicator '%s'", r->id, id);
        return PEKPPP_EINVALID;
    }
    if (seen[k]) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, code.line, code.col, id,
                PK_R_UNIT_DUPLICATE_ANSWER, "indicator '%s' is given twice: first in row %u", id,
                seen[k]);
        return PEKPPP_EINVALID;
    }
    seen[k] = code.line ? code.line : 1;
    if ((size_t)k >= r->nindicators) {
        size_t sup = (size_t)k - r->nindicators;
        if (pk_sheet_level(r, rep, &level, r->supplements[sup].id, false, false, &lv) < 0)
            return PEKPPP_EINVALID;
        a->supplement_levels[sup] = lv;
        return 0;
    }
    if (pk_sheet_level(r, rep, &level, r->indicators[k].id, r->indicators[k].na_allowed, true,
                       &lv) < 0) {
        a->answers[k].line = level.line ? level.line : 1;
        return PEKPPP_EINVALID;
    }
    a->answers[k].level = lv;
    a->answers[k].line = level.line ? level.line : 1;
    a->answers[k].col = level.col;
    if (where[C_NOTE] >= 0) {
        pk_csv_cell note = cell_at(cells, n, (size_t)where[C_NOTE]);
        if (note.len > 0 && pk_sheet_text(a, &note, &a->answers[k].note) < 0)
            return PEKPPP_ENOMEM;
    }
    if (where[C_EVIDENCE] >= 0) {
        pk_csv_cell ev = cell_at(cells, n, (size_t)where[C_EVIDENCE]);
        if (ev.len > 0 && pk_sheet_evidence(a, ev.text, ev.len, &a->answers[k]) < 0)
            return PEKPPP_ENOMEM;
    }
    if (lv != PEKPPP_LEVEL_MISSING)
        return 0;
    if (allow_incomplete) {
        a->incomplete = true;
        return 0;
    }
    pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, level.line, level.col, r->indicators[k].id,
            PK_R_UNIT_MISSING_ANSWER,
            "no answer for indicator '%s' (use --allow-incomplete to count it as %d)",
            r->indicators[k].id, r->scale_min);
    return PEKPPP_EINVALID;
}

static int read_indicators(pekppp_assessment *a, const pk_form_source *src,
                           const pekppp_rubric *r, bool allow_incomplete, pk_report *rep)
{
    pk_csv_cell *cells;
    size_t n, i;
    long where[NCOLS];
    unsigned *seen, header_line = 1, code_col = 1;
    int error = 0, rc, e;
    if ((rc = next_row(src, &cells, &n, rep, &error)) <= 0) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL, PK_R_YAML_EMPTY,
                "the sheet is empty: expected a header row");
        return PEKPPP_EINVALID;
    }
    if ((e = read_indicator_header(where, cells, n, rep)) < 0)
        return e;
    header_line = cells[0].line;
    code_col = (unsigned)where[C_CODE] + 1;
    if (!(seen = pk_malloc((r->nindicators + r->nsupplements + 1) * sizeof(*seen)))) {
        pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        return PEKPPP_ENOMEM;
    }
    memset(seen, 0, (r->nindicators + r->nsupplements + 1) * sizeof(*seen));
    while ((rc = next_row(src, &cells, &n, rep, &error)) > 0) {
        e = read_indicator_row(a, r, where, cells, n, seen, allow_incomplete, rep);
        if (e == PEKPPP_ENOMEM) {
            pk_free(seen);
            pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
            return e;
        }
        if (e < 0)
            error = e;
    }
    for (i = 0; i < r->nindicators && seen[i]; i++)
        ;
    if (i < r->nindicators && allow_incomplete) {
        a->incomplete = true;
    } else if (i < r->nindicators) {
        pk_sheet_missing(r, seen, NULL, header_line, code_col, rep);
        error = PEKPPP_EINVALID;
    }
    pk_free(seen);
    return error;
}

/* The survey sheet: one row per respondent, one column per F-03 item. */
static int read_survey_sheet(pekppp_assessment *a, const pk_form_source *src,
                             const pekppp_rubric *r, const pk_csv_cell *score,
                             const char *score_sheet, pk_report *rep)
{
    pk_csv_cell *cells;
    size_t n, i;
    long *item = NULL;
    size_t ncols = 0;
    long respondents = 0;
    int error = 0, rc;
    unsigned first = 0;
    if ((rc = next_row(src, &cells, &n, rep, &error)) <= 0)
        return error; /* an empty survey sheet: no responses */
    if (!(item = pk_malloc((n ? n : 1) * sizeof(*item))) ||
        !(a->item_sums = pk_arena_alloc(&a->arena, (r->nsurvey_items + 1) * sizeof(int64_t))) ||
        !(a->item_counts = pk_arena_alloc(&a->arena, (r->nsurvey_items + 1) * sizeof(int64_t)))) {
        pk_free(item);
        pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        return PEKPPP_ENOMEM;
    }
    memset(a->item_sums, 0, (r->nsurvey_items + 1) * sizeof(int64_t));
    memset(a->item_counts, 0, (r->nsurvey_items + 1) * sizeof(int64_t));
    ncols = n;
    for (i = 0; i < n; i++) {
        size_t j;
        const char *t;
        size_t tn;
        item[i] = -1;
        pk_sheet_trim(&cells[i], &t, &tn);
        if (i == 0 || tn == 0)
            continue; /* the respondent's number */
        for (j = 0; j < r->nsurvey_items; j++)
            if (strlen(r->survey_items[j].id) == tn && memcmp(r->survey_items[j].id, t, tn) == 0)
                break;
        if (j < r->nsurvey_items) {
            size_t m;
            for (m = 1; m < i; m++)
                if (item[m] == (long)j) {
                    pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col,
                            NULL, PK_R_RUBRIC_DUPLICATE_ID, "column '%s' appears twice",
                            cells[i].text);
                    error = PEKPPP_EINVALID;
                }
            item[i] = (long)j;
        } else {
            const char **ids = pk_malloc((r->nsurvey_items + 1) * sizeof(*ids));
            const char *near = NULL;
            if (ids) {
                for (j = 0; j < r->nsurvey_items; j++)
                    ids[j] = r->survey_items[j].id;
                near = pk_nearest(cells[i].text, ids, r->nsurvey_items);
            }
            if (near)
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col, NULL,
                        PK_R_UNIT_SURVEY, "no survey item '%s': did you mean '%s'?", cells[i].text,
                        near);
            else
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col, NULL,
                        PK_R_UNIT_SURVEY, "no survey item '%s'", cells[i].text);
            pk_free(ids);
            error = PEKPPP_EINVALID;
        }
    }
    while ((rc = next_row(src, &cells, &n, rep, &error)) > 0) {
        bool any = false;
        for (i = 1; i < n && i < ncols; i++)
            any |= cells[i].len > 0 && item[i] >= 0;
        if (!any)
            continue; /* the prepared row of a respondent nobody was */
        respondents++;
        if (!first)
            first = cells[0].line;
        for (i = 1; i < n && i < ncols; i++) {
            const char *t;
            size_t tn;
            int64_t v;
            if (item[i] < 0 || cells[i].len == 0)
                continue;
            pk_sheet_trim(&cells[i], &t, &tn);
            if (pk_dec_parse(t, tn, 0, false, &v) != PK_DEC_OK || v / 10000 < r->scale_min ||
                v / 10000 > r->scale_max) {
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col,
                        r->survey_items[item[i]].id, PK_R_UNIT_SURVEY,
                        "expected a whole number from %d to %d for survey item '%s', got '%.*s'",
                        r->scale_min, r->scale_max, r->survey_items[item[i]].id,
                        (int)(tn > 40 ? 40 : tn), t);
                error = PEKPPP_EINVALID;
                continue;
            }
            a->item_sums[item[i]] += v / 10000;
            a->item_counts[item[i]]++;
        }
    }
    pk_free(item);
    if (respondents == 0)
        return error;
    if (r->nsurvey_items == 0) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, first, 1, NULL, PK_R_UNIT_SURVEY,
                "rubric '%s' has no survey items to answer", r->id);
        return PEKPPP_EINVALID;
    }
    if (a->survey_kind == PK_SURVEY_SCORE || score) {
        if (score)
            rep->sheet = score_sheet; /* said at the identity sheet's survey_score */
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, score ? score->line : first,
                score ? score->col : 1, NULL, PK_R_UNIT_SURVEY,
                "give the survey either as 'score' or as 'responses', not both");
        return PEKPPP_EINVALID;
    }
    a->survey_kind = PK_SURVEY_RESPONSES;
    a->respondents = respondents;
    return error;
}

int pk_form_read(pekppp_assessment **out, const pk_form_source *src, const pekppp_rubric *r,
                 bool allow_incomplete, const char *file, const char *sha256, pk_report *rep)
{
    pekppp_assessment *a;
    identity id;
    int error = 0, e, found;
    const char *sheet = NULL;
    *out = NULL;
    if ((found = find_sheet(src, identity_names, rep)) <= 0)
        return found < 0 ? found : PEKPPP_EINVALID;
    {
        size_t i, n = src->count(src->ctx);
        for (i = 0; i < n; i++)
            if (is_one_of(src->name(src->ctx, i), identity_names, 2))
                sheet = src->name(src->ctx, i);
    }
    if (!(a = pk_sheet_unit(r, file, sheet, sha256))) {
        pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        return PEKPPP_ENOMEM;
    }
    if ((e = read_identity(&id, src, a, r, rep)) == PEKPPP_ENOMEM)
        goto fail;
    if (e < 0)
        error = e;
    if ((found = find_sheet(src, indicator_names, rep)) < 0) {
        e = found;
        goto fail;
    }
    if (found == 0) {
        rep->sheet = NULL;
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_UNIT_SHEET,
                "the workbook has no sheet '%s' (nor '%s')", indicator_names[0],
                indicator_names[1]);
        error = PEKPPP_EINVALID;
    } else if ((e = read_indicators(a, src, r, allow_incomplete, rep)) == PEKPPP_ENOMEM) {
        goto fail;
    } else if (e < 0) {
        error = e;
    }
    if ((found = find_sheet(src, survey_names, rep)) < 0) {
        e = found;
        goto fail;
    }
    rep->sheet = NULL;
    if (found > 0 &&
        (e = read_survey_sheet(a, src, r, id.text[K_SURVEY_SCORE] ? &id.value[K_SURVEY_SCORE] : NULL,
                               a->sheet, rep)) < 0) {
        if (e == PEKPPP_ENOMEM)
            goto fail;
        error = e;
    }
    if (error < 0) {
        pekppp_assessment_free(a);
        return error;
    }
    *out = a;
    return 0;
fail:
    pekppp_assessment_free(a);
    return e;
}
