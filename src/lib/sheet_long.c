/*
 * Long-format sheets; see sheet_internal.h.
 */
#include <stdint.h>
#include <string.h>

#include "decode.h"
#include "sheet_internal.h"

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

bool pk_is_long_header(const pk_csv_cell *cells, size_t n)
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

void pk_long_free(struct long_sheet *lf)
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

int pk_long_header(pekppp_sheet *s, const pk_csv_cell *cells, size_t n, pk_report *rep)
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
int pk_long_read(pekppp_sheet *s, pk_report *rep)
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
    if (pk_sheet_indicator(s, a, &level, (size_t)k, rep) < 0)
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

int pk_long_next(pekppp_sheet *s, pekppp_assessment **out, pk_report *rep)
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
