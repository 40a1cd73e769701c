/*
 * Respondent rows (responses.h).
 */
#include "responses.h"

#include <stdio.h>
#include <string.h>

#include "rows.h"

/* A header or label made comparable: ASCII lower case, '_' as a space,
 * spaces collapsed and trimmed, a trailing '?', ':' or '.' dropped.  Writes
 * at most @p cap - 1 bytes; returns the length. */
static size_t norm(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    int space = 0;
    for (; *s && n + 1 < cap; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '_' || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            space = n > 0;
            continue;
        }
        if (space && n + 2 < cap)
            out[n++] = ' ';
        space = 0;
        out[n++] = (char)(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    }
    while (n > 0 && (out[n - 1] == '?' || out[n - 1] == ':' || out[n - 1] == '.' ||
                     out[n - 1] == ' '))
        n--;
    out[n] = '\0';
    return n;
}

static int same(const char *a, const char *b)
{
    char x[512], y[512];
    if (!a || !b)
        return 0;
    norm(a, x, sizeof(x));
    norm(b, y, sizeof(y));
    return x[0] && strcmp(x, y) == 0;
}

static int one_of(const char *h, const char *const *names)
{
    for (; *names; names++)
        if (same(h, *names))
            return 1;
    return 0;
}

static const char *const unit_names[] = { "unit_id", "id_unit", "kode_unit", "unit", "id unit",
                                          NULL };
static const char *const unit_name_names[] = { "unit_name", "nama_unit", "nama unit layanan",
                                               "unit layanan", NULL };
/* Read and ignored: the form's timestamp, and the free-text columns of a
 * questionnaire (suggestions, e-mail). */
static const char *const time_names[] = { "timestamp", "stempel waktu", "cap waktu", "waktu",
                                          "tanggal", "date", "saran", "saran dan masukan",
                                          "kritik dan saran", "email address", "alamat email",
                                          NULL };
static const char *const profile_names[PK_NPROFILES][6] = {
    { "umur", "usia", "age", "umur (tahun)", NULL },
    { "jenis kelamin", "jk", "kelamin", "gender", "sex", NULL },
    { "pendidikan", "pendidikan terakhir", "education", NULL },
    { "pekerjaan", "pekerjaan utama", "occupation", "job", NULL },
};

const char *pk_profile_name(int p, int english)
{
    static const char *const id[PK_NPROFILES] = { "umur", "jenis kelamin", "pendidikan",
                                                  "pekerjaan" };
    static const char *const en[PK_NPROFILES] = { "age", "sex", "education", "occupation" };
    return english ? en[p] : id[p];
}

enum { COL_IGNORED = -1, COL_UNIT = -2, COL_UNIT_NAME = -3, COL_TIME = -4, COL_PROFILE = -10 };

/* Does header @p h name item @p it: its id (alone, or followed by '.', ':',
 * ')', '-' or a space), its name, its question, or `Title [name]`? */
static int names_item(const char *h, const pk_resp_item *it)
{
    size_t idlen = strlen(it->id);
    const char *open;
    while (*h == ' ')
        h++;
    if (same(h, it->id) || same(h, it->name) || same(h, it->question))
        return 1;
    if (strncmp(h, it->id, idlen) == 0 && strchr(".:)- ", h[idlen]) && h[idlen])
        return 1;
    /* A numbered question: "1. Bagaimana ...", "(1) ...". */
    {
        const char *q = h;
        if (*q == '(')
            q++;
        if (*q >= '0' && *q <= '9') {
            while (*q >= '0' && *q <= '9')
                q++;
            if ((*q == '.' || *q == ')') && q[1] == ' ' &&
                (same(q + 2, it->question) || same(q + 2, it->name)))
                return 1;
        }
    }
    open = strrchr(h, '[');
    if (open && h[strlen(h) - 1] == ']') {
        char inner[512];
        size_t n = strlen(open + 1) - 1;
        if (n < sizeof(inner)) {
            memcpy(inner, open + 1, n);
            inner[n] = '\0';
            return same(inner, it->id) || same(inner, it->name) || same(inner, it->question);
        }
    }
    return 0;
}

void pk_responses_init(pk_responses *rs, const pk_resp_spec *spec)
{
    memset(rs, 0, sizeof(*rs));
    rs->spec = spec;
}

/* The columns of the header row: cols[i] is an item position or a COL_*. */
static int read_header(pk_responses *rs, const pk_csv_cell *cells, size_t count, long *cols,
                       pk_report *rep)
{
    const pk_resp_spec *sp = rs->spec;
    size_t i, k;
    int error = 0, p;
    long *seen = pk_malloc((sp->nitems ? sp->nitems : 1) * sizeof(*seen));
    if (!seen) {
        pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        return PEKPPP_ENOMEM;
    }
    for (k = 0; k < sp->nitems; k++)
        seen[k] = -1;
    for (i = 0; i < count; i++) {
        const char *h = cells[i].text;
        cols[i] = COL_IGNORED;
        for (k = 0; k < sp->nitems; k++)
            if (names_item(h, &sp->items[k]))
                break;
        if (k < sp->nitems) {
            if (seen[k] >= 0) {
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col,
                        sp->items[k].id, PK_R_RUBRIC_DUPLICATE_ID,
                        "column %zu is item '%s' again (column %ld is)", i + 1, sp->items[k].id,
                        seen[k] + 1);
                error = PEKPPP_EINVALID;
            }
            seen[k] = (long)i;
            cols[i] = (long)k;
            continue;
        }
        if (one_of(h, unit_names)) {
            cols[i] = COL_UNIT;
            rs->has_unit_column = true;
        } else if (one_of(h, unit_name_names)) {
            cols[i] = COL_UNIT_NAME;
        } else if (one_of(h, time_names)) {
            cols[i] = COL_TIME;
        } else {
            for (p = 0; p < PK_NPROFILES; p++)
                if (one_of(h, profile_names[p])) {
                    cols[i] = COL_PROFILE - p;
                    rs->has_profile[p] = true;
                    break;
                }
            if (p == PK_NPROFILES && h[0])
                pk_diag(rep, 0, PEKPPP_SEV_WARNING, cells[i].line, cells[i].col, NULL,
                        PK_R_SCHEMA_UNKNOWN_KEY,
                        "column '%s' is not an item, a unit, a timestamp or a profile column: "
                        "ignored",
                        h);
        }
    }
    for (k = 0; k < sp->nitems; k++)
        if (seen[k] < 0) {
            pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, count ? cells[0].line : 1, 1,
                    sp->items[k].id, PK_R_SCHEMA_REQUIRED_KEY,
                    "no column for item '%s' (%s): name it by its id or its question",
                    sp->items[k].id, sp->items[k].name ? sp->items[k].name : sp->items[k].id);
            error = PEKPPP_EINVALID;
        }
    if (sp->unit_required && !rs->has_unit_column) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, count ? cells[0].line : 1, 1, "unit_id",
                PK_R_SCHEMA_REQUIRED_KEY, "no 'unit_id' column: each row must name its unit");
        error = PEKPPP_EINVALID;
    }
    pk_free(seen);
    return error;
}

static pk_resp_unit *unit_for(pk_responses *rs, const char *id, const pk_csv_cell *at,
                              const char *file, const char *sheet, pk_report *rep)
{
    size_t i, n = rs->spec->nitems ? rs->spec->nitems : 1;
    pk_resp_unit *u;
    for (i = rs->nunits; i-- > 0;) {
        const char *uid = rs->units[i].unit_id;
        if ((uid == NULL) == (id == NULL) && (!id || strcmp(uid, id) == 0))
            return &rs->units[i];
    }
    if (rs->nunits == rs->cap) {
        size_t cap = rs->cap ? rs->cap * 2 : 8;
        pk_resp_unit *grown = pk_realloc(rs->units, cap * sizeof(*grown));
        if (!grown)
            goto oom;
        rs->units = grown;
        rs->cap = cap;
    }
    u = &rs->units[rs->nunits];
    memset(u, 0, sizeof(*u));
    u->sums = pk_arena_alloc(&rs->arena, n * sizeof(*u->sums));
    u->counts = pk_arena_alloc(&rs->arena, n * sizeof(*u->counts));
    u->file = file;
    u->sheet = sheet ? pk_arena_strndup(&rs->arena, sheet, strlen(sheet)) : NULL;
    u->line = at ? at->line : 0;
    u->col = at ? at->col : 0;
    if (!u->sums || !u->counts || (id && !(u->unit_id = pk_arena_strndup(&rs->arena, id,
                                                                          strlen(id)))) ||
        (sheet && !u->sheet))
        goto oom;
    memset(u->sums, 0, n * sizeof(*u->sums));
    memset(u->counts, 0, n * sizeof(*u->counts));
    rs->nunits++;
    return u;
oom:
    pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
    return NULL;
}

static int tally(pk_responses *rs, pk_resp_tally *t, const char *value)
{
    char a[512];
    size_t i;
    if (norm(value, a, sizeof(a)) == 0) {
        t->blank++;
        return 0;
    }
    for (i = 0; i < t->n; i++)
        if (same(t->v[i].value, value)) {
            t->v[i].count++;
            return 0;
        }
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 8;
        pk_resp_count *grown = pk_realloc(t->v, cap * sizeof(*grown));
        if (!grown)
            return PEKPPP_ENOMEM;
        t->v = grown;
        t->cap = cap;
    }
    while (*value == ' ')
        value++;
    if (!(t->v[t->n].value = pk_arena_strndup(&rs->arena, value, strlen(value))))
        return PEKPPP_ENOMEM;
    t->v[t->n++].count = 1;
    return 0;
}

/* The allowed answers of item @p it, for an error message. */
static void allowed(const pk_resp_spec *sp, const pk_resp_item *it, char *buf, size_t size)
{
    size_t n = 0;
    int v;
    buf[0] = '\0';
    for (v = sp->scale_min; v <= sp->scale_max && n + 1 < size; v++)
        n += (size_t)snprintf(buf + n, size - n, "%s%d", v > sp->scale_min ? ", " : "", v);
    if (it->labels)
        for (v = 0; v <= sp->scale_max - sp->scale_min && n + 1 < size; v++)
            n += (size_t)snprintf(buf + n, size - n, ", '%s'", it->labels[v]);
}

/* The value of answer @p text to item @p it: 1 and *value, 0 for a blank,
 * -1 when it is none of the allowed answers. */
static int answer_value(const pk_resp_spec *sp, const pk_resp_item *it, const char *text,
                        int *value)
{
    char a[512];
    size_t n = norm(text, a, sizeof(a)), i;
    long v = 0;
    if (n == 0)
        return 0;
    for (i = 0; i < n && a[i] >= '0' && a[i] <= '9' && i < 4; i++)
        v = v * 10 + (a[i] - '0');
    if (i == n && !(n > 1 && a[0] == '0')) {
        if (v < sp->scale_min || v > sp->scale_max)
            return -1;
        *value = (int)v;
        return 1;
    }
    if (it->labels)
        for (i = 0; i <= (size_t)(sp->scale_max - sp->scale_min); i++)
            if (same(text, it->labels[i])) {
                *value = sp->scale_min + (int)i;
                return 1;
            }
    return -1;
}

/* One respondent row; 0, or an error code (the row then counts for nothing). */
static int read_row(pk_responses *rs, const pk_csv_cell *cells, size_t count, const long *cols,
                    size_t ncols, const char *file, const char *sheet, pk_report *rep)
{
    const pk_resp_spec *sp = rs->spec;
    int *values = NULL;
    const char *unit = NULL, *unit_name = NULL;
    const pk_csv_cell *unit_cell = NULL;
    size_t i, answered = 0;
    int error = 0, p;
    pk_resp_unit *u;

    for (i = ncols; i < count; i++)
        if (cells[i].len > 0) {
            pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col, NULL,
                    PK_R_UNIT_ROW, "this row has more cells than the header (%zu)", ncols);
            return PEKPPP_EINVALID;
        }
    if (!(values = pk_malloc((sp->nitems ? sp->nitems : 1) * sizeof(*values)))) {
        pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        return PEKPPP_ENOMEM;
    }
    for (i = 0; i < sp->nitems; i++)
        values[i] = 0;
    for (i = 0; i < count && i < ncols; i++) {
        if (cols[i] >= 0) {
            const pk_resp_item *it = &sp->items[cols[i]];
            int v = 0, got = answer_value(sp, it, cells[i].text, &v);
            if (got < 0) {
                char list[1024];
                allowed(sp, it, list, sizeof(list));
                pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, cells[i].line, cells[i].col,
                        it->id, PK_R_UNIT_LEVEL, "answer '%s' is not one of: %s", cells[i].text, list);
                error = PEKPPP_EINVALID;
            } else if (got > 0) {
                values[cols[i]] = v;
                answered++;
            }
        } else if (cols[i] == COL_UNIT) {
            unit_cell = &cells[i];
            unit = cells[i].text;
        } else if (cols[i] == COL_UNIT_NAME && cells[i].len > 0) {
            unit_name = cells[i].text;
        }
    }
    if (rs->has_unit_column && (!unit || !*unit)) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, count ? cells[0].line : 0,
                unit_cell ? unit_cell->col : 0, "unit_id", PK_R_UNIT_FIELD,
                "this row names no unit: its 'unit_id' cell is empty");
        error = PEKPPP_EINVALID;
    }
    if (error < 0)
        goto done;
    if (!(u = unit_for(rs, rs->has_unit_column ? unit : NULL, unit_cell, file, sheet, rep))) {
        error = PEKPPP_ENOMEM;
        goto done;
    }
    if (unit_name && !u->unit_name &&
        !(u->unit_name = pk_arena_strndup(&rs->arena, unit_name, strlen(unit_name)))) {
        error = PEKPPP_ENOMEM;
        goto done;
    }
    if (answered == 0) {
        u->empty++;
        goto done;
    }
    u->respondents++;
    for (i = 0; i < sp->nitems; i++)
        if (values[i]) {
            u->sums[i] += values[i];
            u->counts[i]++;
        }
    for (i = 0; i < count && i < ncols; i++)
        if (cols[i] <= COL_PROFILE && (p = (int)(COL_PROFILE - cols[i])) < PK_NPROFILES &&
            tally(rs, &u->profiles[p], cells[i].text) < 0) {
            error = PEKPPP_ENOMEM;
            break;
        }
    if (error == PEKPPP_ENOMEM)
        pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
done:
    pk_free(values);
    return error;
}

int pk_responses_read(pk_responses *rs, const char *path, const char *data, size_t len,
                      pk_report *rep, char *sha256)
{
    pk_rows rows;
    pk_csv_cell *cells;
    size_t count, ncols = 0;
    long *cols = NULL;
    const char *file = NULL;
    int got, error = 0, first = rep->first_code;

    if ((error = pk_rows_open(&rows, path, data, len, rep)) < 0)
        return error;
    if (sha256)
        memcpy(sha256, rows.sha256, 65);
    file = rep->file ? pk_arena_strndup(&rs->arena, rep->file, strlen(rep->file)) : NULL;
    while ((got = pk_rows_next(&rows, &cells, &count, rep)) != 0) {
        if (got < 0) {
            if (!error)
                error = got;
            rs->bad_rows++;
            if (!pk_rows_bad(&rows) || !cols)
                break;
            continue;
        }
        if (!cols) {
            if (!(cols = pk_malloc(count * sizeof(*cols)))) {
                pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER,
                        "out of memory");
                error = PEKPPP_ENOMEM;
                break;
            }
            ncols = count;
            if ((got = read_header(rs, cells, count, cols, rep)) < 0) {
                error = got;
                break;
            }
            continue;
        }
        if ((got = read_row(rs, cells, count, cols, ncols, file, rows.sheet_name, rep)) < 0) {
            if (!error)
                error = got;
            rs->bad_rows++;
            if (got == PEKPPP_ENOMEM)
                break;
        }
    }
    if (!cols && error == 0) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL, PK_R_YAML_EMPTY,
                "the sheet is empty: it needs a header row and a row per respondent");
        error = PEKPPP_EINVALID;
    }
    pk_free(cols);
    pk_rows_free(&rows);
    (void)first;
    return error;
}

const pk_resp_unit *pk_responses_find(const pk_responses *rs, const char *unit_id)
{
    size_t i;
    for (i = 0; i < rs->nunits; i++) {
        const char *uid = rs->units[i].unit_id;
        if ((uid == NULL) == (unit_id == NULL) && (!uid || strcmp(uid, unit_id) == 0))
            return &rs->units[i];
    }
    return NULL;
}

void pk_responses_free(pk_responses *rs)
{
    size_t i;
    int p;
    for (i = 0; i < rs->nunits; i++)
        for (p = 0; p < PK_NPROFILES; p++)
            pk_free(rs->units[i].profiles[p].v);
    pk_free(rs->units);
    pk_arena_free(&rs->arena);
    memset(rs, 0, sizeof(*rs));
}
