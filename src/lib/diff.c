/*
 * Comparing two periods (`pekppp diff`).
 *
 * Each side keeps a snapshot per unit: its exact index, its band, its aspect
 * scores by aspect id and its levels by indicator id, all in the diff's
 * arena.  Matching sorts both sides by unit id and walks them together, so
 * the output is ordered by unit id and does not depend on input order.
 *
 * The comparison itself is pk_diff_view_make (view.h): the rows every
 * format prints, worked out once; report/diff_print.c writes them.
 *
 * A unit that failed on a side is a failure of that side, never a unit
 * "only on the other side": each side keeps its failures (those the caller
 * adds, those of pekppp_diff_add and pekppp_diff_add_json themselves, and
 * the `errors` a batch file recorded), and matching leaves a unit out of
 * the "only" lists when a failure of the other side names it or could hold
 * it.
 */
#include "pekppp/diff.h"
#include "view.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "diag.h"

typedef struct {
    const char *id;
    bool left_out;
    pk_rat score;
    int64_t rounded;
} snap_aspect;

typedef struct {
    const char *id;
    int level; /* or PEKPPP_LEVEL_NA / PEKPPP_LEVEL_MISSING */
} snap_indicator;

typedef struct {
    const char *id, *name;
    pk_rat index;
    int64_t rounded;
    int decimals;
    const char *grade;
    snap_aspect *aspects;
    size_t naspects;
    snap_indicator *inds;
    size_t ninds;
} snap;

typedef struct {
    snap **units;
    size_t n, cap;
    const char *rubric_id, *rubric_version;
    int decimals;
    int mixed; /* units of several rubrics on this side */
    pk_diff_failure *fails; /* in the order added */
    size_t nfails, fcap;
    size_t nanonymous;      /* failures naming no unit */
    const char **fail_ids;  /* the unit ids failures name, sorted at finish */
    size_t nfail_ids;
} side_t;

struct pekppp_diff {
    pk_arena arena;
    side_t side[2];
    int finished;
};

int pekppp_diff_new(pekppp_diff **out)
{
    pekppp_diff *d = pk_malloc(sizeof(*d));
    *out = NULL;
    if (!d)
        return PEKPPP_ENOMEM;
    memset(d, 0, sizeof(*d));
    *out = d;
    return 0;
}

void pekppp_diff_free(pekppp_diff *d)
{
    int k;
    if (!d)
        return;
    for (k = 0; k < 2; k++) {
        pk_free(d->side[k].units);
        pk_free(d->side[k].fails);
        pk_free(d->side[k].fail_ids);
    }
    pk_arena_free(&d->arena);
    pk_free(d);
}

static const char *dup(pekppp_diff *d, const char *s, int *oom)
{
    char *c;
    if (!s)
        return NULL;
    if (!(c = pk_arena_strndup(&d->arena, s, strlen(s))))
        *oom = 1;
    return c;
}

/* Keep a failure of side @p s: copies of @p e's place and messages, with the
 * unit it names (@p unit, @p name: NULL when unknown) and the result file
 * that recorded it (@p via, or NULL).  0 or PEKPPP_ENOMEM. */
static int keep_failure(pekppp_diff *d, side_t *s, const pekppp_error *e, const char *unit,
                        const char *name, const char *via)
{
    pk_diff_failure *f;
    int oom = 0;
    if (s->nfails == s->fcap) {
        size_t cap = s->fcap ? s->fcap * 2 : 8;
        pk_diff_failure *nf = pk_realloc(s->fails, cap * sizeof(*nf));
        if (!nf)
            return PEKPPP_ENOMEM;
        s->fails = nf;
        s->fcap = cap;
    }
    f = &s->fails[s->nfails];
    memset(f, 0, sizeof(*f));
    f->unit = unit && *unit ? dup(d, unit, &oom) : NULL;
    f->name = unit && *unit && name ? dup(d, name, &oom) : NULL;
    f->file = dup(d, e->file, &oom);
    f->via = via && strcmp(via, e->file) != 0 ? dup(d, via, &oom) : NULL;
    f->path = e->path[0] ? dup(d, e->path, &oom) : NULL;
    f->message = dup(d, e->message, &oom);
    f->message_id = e->message_id[0] ? dup(d, e->message_id, &oom) : NULL;
    f->sheet = e->sheet[0] ? dup(d, e->sheet, &oom) : NULL;
    f->line = e->line;
    f->column = e->line ? e->column : 0;
    if (oom)
        return PEKPPP_ENOMEM;
    s->nfails++;
    if (!f->unit)
        s->nanonymous++;
    return 0;
}

int pekppp_diff_add_failure(pekppp_diff *d, pekppp_diff_side which, const pekppp_error *e)
{
    if (!d || !e || d->finished)
        return PEKPPP_EINVALID;
    return keep_failure(d, &d->side[which == PEKPPP_DIFF_NEW], e, NULL, NULL, NULL);
}

size_t pekppp_diff_failed(const pekppp_diff *d)
{
    return d ? d->side[0].nfails + d->side[1].nfails : 0;
}

/* Where the diagnostics of one add go: the caller's error record (through
 * pk_report) and the side's failures, naming the unit being read. */
typedef struct {
    pekppp_diff *d;
    side_t *s;
    const char *unit, *name; /* the unit being read, when known */
    const char *via;         /* the result file being read, or NULL */
    int oom;
} fail_sink;

static void fail_cb(const pekppp_error *e, void *payload)
{
    fail_sink *fs = payload;
    if (e->severity == PEKPPP_SEV_ERROR &&
        keep_failure(fs->d, fs->s, e, fs->unit, fs->name, fs->via) < 0)
        fs->oom = 1;
}

int pekppp_diff_add(pekppp_diff *d, pekppp_diff_side which, const pekppp_result *res,
                    pekppp_error *err)
{
    const pekppp_assessment *a = res->assessment;
    const pekppp_rubric *r = res->rubric;
    side_t *s = &d->side[which == PEKPPP_DIFF_NEW];
    pk_report rep;
    fail_sink fs = { d, s, a->unit_id, a->unit_name, NULL, 0 };
    snap *u;
    size_t i;
    int oom = 0;

    pk_report_init(&rep, a->file, fail_cb, &fs, err);
    rep.sheet = a->sheet;
    for (i = 0; i < s->n; i++)
        if (strcmp(s->units[i]->id, a->unit_id) == 0) {
            pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, a->id_line, a->id_col, a->id_path,
                    PK_R_UNIT_DUPLICATE_ID,
                    "unit id '%s' appears twice on the %s side: this unit is left out", a->unit_id,
                    which == PEKPPP_DIFF_NEW ? "new" : "old");
            return PEKPPP_EINVALID;
        }
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 32;
        snap **nu = pk_realloc(s->units, cap * sizeof(*nu));
        if (!nu)
            goto oom;
        s->units = nu;
        s->cap = cap;
    }
    u = pk_arena_alloc(&d->arena, sizeof(*u));
    if (!u)
        goto oom;
    memset(u, 0, sizeof(*u));
    u->id = dup(d, a->unit_id, &oom);
    u->name = dup(d, a->unit_name, &oom);
    u->grade = res->band ? dup(d, res->band->grade, &oom) : NULL;
    u->index = res->index;
    u->rounded = res->index_rounded;
    u->decimals = r->decimals;
    u->aspects = pk_arena_alloc(&d->arena, r->naspects * sizeof(*u->aspects));
    u->inds = pk_arena_alloc(&d->arena, (r->nindicators ? r->nindicators : 1) * sizeof(*u->inds));
    if (oom || !u->aspects || !u->inds)
        goto oom;
    u->naspects = r->naspects;
    for (i = 0; i < r->naspects; i++) {
        u->aspects[i].id = dup(d, r->aspects[i].id, &oom);
        u->aspects[i].left_out = res->aspects[i].left_out;
        u->aspects[i].score = res->aspects[i].score;
        u->aspects[i].rounded = res->aspects[i].rounded;
    }
    u->ninds = r->nindicators;
    for (i = 0; i < r->nindicators; i++) {
        u->inds[i].id = dup(d, r->indicators[i].id, &oom);
        u->inds[i].level = a->answers[i].level;
    }
    if (oom)
        goto oom;
    if (!s->rubric_id) {
        s->rubric_id = dup(d, r->id, &oom);
        s->rubric_version = dup(d, r->version, &oom);
        s->decimals = r->decimals;
        if (oom)
            goto oom;
    } else if (strcmp(s->rubric_id, r->id) != 0 || strcmp(s->rubric_version, r->version) != 0) {
        s->mixed = 1;
    }
    s->units[s->n++] = u;
    return 0;
oom:
    pk_diag(&rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
    return PEKPPP_ENOMEM;
}

/* Take the side's rubric from a unit; note when a side mixes rubrics. */
static int note_rubric(pekppp_diff *d, side_t *s, const char *id, const char *version)
{
    int oom = 0;
    if (!s->rubric_id) {
        s->rubric_id = dup(d, id, &oom);
        s->rubric_version = dup(d, version, &oom);
    } else if (strcmp(s->rubric_id, id) != 0 || strcmp(s->rubric_version, version) != 0) {
        s->mixed = 1;
    }
    return oom ? PEKPPP_ENOMEM : 0;
}

static const char *jstr(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/*
 * The shape of a unit result (FORMATS section 4 with its "exact" part) is checked whole
 * before anything is read from it: every member the snapshot reads has the type it is read
 * as, so the pass that counts and the pass that fills see the same elements.  A mismatch
 * names the member by its JSON path and says what was expected and what was found.
 */
typedef struct {
    char path[160];
    const char *want, *got;
} shape_err;

/* What a JSON value is, as a phrase of the diagnostics (translated for Indonesian). */
static const char *jkind(const cJSON *v)
{
    return !v || cJSON_IsNull(v) ? "nothing"
           : cJSON_IsObject(v)   ? "a mapping"
           : cJSON_IsArray(v)    ? "a list"
           : cJSON_IsString(v)   ? "text"
           : cJSON_IsNumber(v)   ? "a number"
                                 : "true or false";
}

/* A JSON number that is a whole number in [lo, hi].  It is read from cJSON's own text of
 * the number, so nothing here compares floating point. */
static int jwhole(const cJSON *v, long lo, long hi, int *out)
{
    char buf[64];
    char *end;
    long n;
    if (!cJSON_IsNumber(v) || !cJSON_PrintPreallocated((cJSON *)v, buf, (int)sizeof(buf), 0))
        return -1;
    if (!((buf[0] >= '0' && buf[0] <= '9') || (buf[0] == '-' && buf[1] >= '0' && buf[1] <= '9')))
        return -1;
    errno = 0;
    n = strtol(buf, &end, 10);
    if (*end || errno || n < lo || n > hi)
        return -1;
    *out = (int)n;
    return 0;
}

enum { J_OBJECT, J_ARRAY, J_STRING, J_LEVEL, J_DECIMALS, J_BOOL };

/* Is @p v (member @p key of the value at @p at) what @p kind asks for?  An absent
 * member passes when @p optional. */
static int shape(shape_err *e, const cJSON *v, int kind, int optional, const char *at,
                 const char *key)
{
    static const char *const want[] = { "a mapping", "a list", "text",
                                        "a whole number from 0 to 100", "a whole number from 0 to 4",
                                        "true or false" };
    int n, ok;
    if (!v && optional)
        return 1;
    switch (kind) {
    case J_OBJECT: ok = cJSON_IsObject(v); break;
    case J_ARRAY: ok = cJSON_IsArray(v); break;
    case J_STRING: ok = cJSON_IsString(v); break;
    case J_LEVEL: ok = jwhole(v, 0, 100, &n) == 0; break;
    case J_DECIMALS: ok = jwhole(v, 0, 4, &n) == 0; break;
    default: ok = cJSON_IsBool(v); break;
    }
    if (ok)
        return 1;
    snprintf(e->path, sizeof(e->path), "%s%s%s", at, *at && key && *key != '[' ? "." : "",
             key ? key : "");
    e->want = want[kind];
    e->got = jkind(v);
    return 0;
}

#define MEMBER(o, k) cJSON_GetObjectItemCaseSensitive((o), (k))

/* The members of one result object that the snapshot reads; @p at is its own path ("" for
 * a result file, "units[3]" inside a batch). */
static int result_shape(const cJSON *u, const char *at, shape_err *e)
{
    const cJSON *unit = MEMBER(u, "unit"), *rub = MEMBER(u, "rubric"), *ex = MEMBER(u, "exact");
    const cJSON *aspects = MEMBER(u, "aspects"), *a;
    char ap[96], ip[128];
    int i = 0;
    if (!shape(e, u, J_OBJECT, 0, at, NULL) || !shape(e, unit, J_OBJECT, 0, at, "unit") ||
        !shape(e, MEMBER(unit, "id"), J_STRING, 0, at, "unit.id") ||
        !shape(e, MEMBER(unit, "name"), J_STRING, 1, at, "unit.name") ||
        !shape(e, rub, J_OBJECT, 0, at, "rubric") ||
        !shape(e, MEMBER(rub, "id"), J_STRING, 0, at, "rubric.id") ||
        !shape(e, MEMBER(rub, "version"), J_STRING, 0, at, "rubric.version") ||
        !shape(e, MEMBER(u, "grade"), J_STRING, 0, at, "grade") ||
        !shape(e, aspects, J_ARRAY, 0, at, "aspects"))
        return 0;
    /* A result without "exact" gets its own message (an older pekppp wrote it). */
    if (ex && (!shape(e, ex, J_OBJECT, 0, at, "exact") ||
               !shape(e, MEMBER(ex, "index"), J_STRING, 0, at, "exact.index") ||
               !shape(e, MEMBER(ex, "decimals"), J_DECIMALS, 0, at, "exact.decimals") ||
               !shape(e, MEMBER(ex, "aspects"), J_OBJECT, 0, at, "exact.aspects")))
        return 0;
    cJSON_ArrayForEach(a, aspects) {
        const cJSON *inds = MEMBER(a, "indicators"), *ind;
        int j = 0;
        snprintf(ap, sizeof(ap), "%s%saspects[%d]", at, *at ? "." : "", i++);
        if (!shape(e, a, J_OBJECT, 0, ap, NULL) || !shape(e, MEMBER(a, "id"), J_STRING, 0, ap, "id") ||
            !shape(e, inds, J_ARRAY, 1, ap, "indicators"))
            return 0;
        cJSON_ArrayForEach(ind, inds) {
            snprintf(ip, sizeof(ip), "%s.indicators[%d]", ap, j++);
            if (!shape(e, ind, J_OBJECT, 0, ip, NULL) ||
                !shape(e, MEMBER(ind, "id"), J_STRING, 0, ip, "id") ||
                !shape(e, MEMBER(ind, "level"), J_LEVEL, 1, ip, "level") ||
                !shape(e, MEMBER(ind, "na"), J_BOOL, 1, ip, "na"))
                return 0;
        }
    }
    return 1;
}

/* One result object (section 4 with its "exact" part) as a snapshot; @p at is its path.
 * Its problems name its unit when its unit.id is text (@p fs). */
static int add_result_object(pekppp_diff *d, side_t *s, const cJSON *u, const char *at,
                             pk_report *rep, fail_sink *fs)
{
    const cJSON *unit = MEMBER(u, "unit"), *rub = MEMBER(u, "rubric"), *ex = MEMBER(u, "exact");
    const cJSON *aspects = MEMBER(u, "aspects");
    const cJSON *exa = ex ? MEMBER(ex, "aspects") : NULL;
    const char *id, *eidx;
    const cJSON *a, *ind;
    shape_err e;
    snap *sn;
    size_t i, nind = 0;
    int oom = 0;
    fs->unit = cJSON_IsObject(unit) ? jstr(unit, "id") : NULL;
    fs->name = cJSON_IsObject(unit) ? jstr(unit, "name") : NULL;
    if (!result_shape(u, at, &e)) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, e.path[0] ? e.path : NULL,
                PK_R_SCHEMA_TYPE, "expected %s, got %s", e.want, e.got);
        return PEKPPP_EINVALID;
    }
    id = jstr(unit, "id");
    if (!ex) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER,
                "result of unit '%s' has no exact values (written by an older pekppp?): compare "
                "the unit files instead",
                id);
        return PEKPPP_EINVALID;
    }
    eidx = jstr(ex, "index");
    for (i = 0; i < s->n; i++)
        if (strcmp(s->units[i]->id, id) == 0) {
            pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_UNIT_DUPLICATE_ID,
                    "unit id '%s' appears twice on this side: this unit is left out", id);
            return PEKPPP_EINVALID;
        }
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 32;
        snap **nu = pk_realloc(s->units, cap * sizeof(*nu));
        if (!nu)
            return PEKPPP_ENOMEM;
        s->units = nu;
        s->cap = cap;
    }
    if (!(sn = pk_arena_alloc(&d->arena, sizeof(*sn))))
        return PEKPPP_ENOMEM;
    memset(sn, 0, sizeof(*sn));
    sn->id = dup(d, id, &oom);
    sn->name = dup(d, jstr(unit, "name"), &oom);
    sn->grade = dup(d, jstr(u, "grade"), &oom);
    (void)jwhole(MEMBER(ex, "decimals"), 0, 4, &sn->decimals);
    if (pk_rat_parse(eidx, &sn->index) < 0 || pk_rat_round(&sn->rounded, sn->index, sn->decimals) < 0) {
        pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL,
                PK_R_OTHER, "unit '%s': exact.index '%s' is not a fraction", id, eidx);
        return PEKPPP_EINVALID;
    }
    /* result_shape checked that every aspect is an object and every indicators an array
     * of objects: the count below is what the fill loop writes. */
    sn->naspects = (size_t)cJSON_GetArraySize(aspects);
    cJSON_ArrayForEach(a, aspects) {
        const cJSON *inds = MEMBER(a, "indicators");
        nind += inds ? (size_t)cJSON_GetArraySize(inds) : 0;
    }
    sn->aspects = pk_arena_alloc(&d->arena, (sn->naspects ? sn->naspects : 1) * sizeof(*sn->aspects));
    sn->inds = pk_arena_alloc(&d->arena, (nind ? nind : 1) * sizeof(*sn->inds));
    if (!sn->aspects || !sn->inds)
        return PEKPPP_ENOMEM;
    i = 0;
    cJSON_ArrayForEach(a, aspects) {
        snap_aspect *sa = &sn->aspects[i++];
        const char *aid = jstr(a, "id");
        const cJSON *fr = MEMBER(exa, aid);
        const cJSON *inds = MEMBER(a, "indicators");
        memset(sa, 0, sizeof(*sa));
        sa->id = dup(d, aid, &oom);
        sa->left_out = !cJSON_IsString(fr);
        if (!sa->left_out && (pk_rat_parse(fr->valuestring, &sa->score) < 0 ||
                              pk_rat_round(&sa->rounded, sa->score, sn->decimals) < 0)) {
            pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER,
                    "unit '%s': exact score of aspect '%s' is not a fraction", id, sa->id);
            return PEKPPP_EINVALID;
        }
        cJSON_ArrayForEach(ind, inds) {
            const cJSON *lv = MEMBER(ind, "level");
            snap_indicator *si = &sn->inds[sn->ninds++];
            si->id = dup(d, jstr(ind, "id"), &oom);
            if (jwhole(lv, 0, 100, &si->level) < 0)
                si->level = cJSON_IsTrue(MEMBER(ind, "na")) ? PEKPPP_LEVEL_NA : PEKPPP_LEVEL_MISSING;
        }
    }
    if (oom)
        return PEKPPP_ENOMEM;
    s->units[s->n++] = sn;
    return note_rubric(d, s, jstr(rub, "id"), jstr(rub, "version"));
}

/* Each unit of a batch file: a bad one is reported and left out, the others are read. */
static int add_batch_units(pekppp_diff *d, side_t *s, const cJSON *units, pk_report *rep,
                           fail_sink *fs)
{
    const cJSON *u;
    int error = 0, n = 0;
    cJSON_ArrayForEach(u, units) {
        char at[32];
        int e;
        snprintf(at, sizeof(at), "units[%d]", n++);
        e = add_result_object(d, s, u, at, rep, fs);
        if (e == PEKPPP_ENOMEM)
            return e;
        if (e < 0 && !error)
            error = e;
    }
    fs->unit = fs->name = NULL;
    return error;
}

/* A JSON number as an unsigned line or column; 0 when it is not one. */
static unsigned jplace(const cJSON *v)
{
    int n;
    return jwhole(v, 1, 2147483647L, &n) == 0 ? (unsigned)n : 0;
}

/* The `errors` a batch file recorded (section 5: its units that failed when
 * it was made): each is a failure of this side, with its own file and
 * place, recorded via @p name.  Members of the wrong type are left empty;
 * an entry is never dropped.  0 or PEKPPP_ENOMEM. */
static int carry_batch_errors(pekppp_diff *d, side_t *s, const cJSON *errors, const char *name)
{
    const cJSON *x;
    cJSON_ArrayForEach(x, errors) {
        pekppp_error e;
        const char *file = cJSON_IsObject(x) ? jstr(x, "file") : NULL;
        const char *path = cJSON_IsObject(x) ? jstr(x, "path") : NULL;
        const char *msg = cJSON_IsObject(x) ? jstr(x, "message") : NULL;
        const char *sheet = cJSON_IsObject(x) ? jstr(x, "sheet") : NULL;
        int error;
        pekppp_error_clear(&e);
        e.code = PEKPPP_EINVALID;
        pekppp_error_set_file(&e, file && *file ? file : name);
        if (cJSON_IsObject(x)) {
            e.line = jplace(MEMBER(x, "line"));
            e.column = e.line ? jplace(MEMBER(x, "column")) : 0;
        }
        if (path)
            snprintf(e.path, sizeof(e.path), "%s", path);
        if (sheet)
            snprintf(e.sheet, sizeof(e.sheet), "%s", sheet);
        pekppp_error_set_message(&e, msg && *msg ? msg : "failed (no message recorded)",
                                 msg && *msg ? NULL : "gagal (tanpa pesan)");
        if ((error = keep_failure(d, s, &e, NULL, NULL, name)) < 0)
            return error;
    }
    return 0;
}

int pekppp_diff_add_json(pekppp_diff *d, pekppp_diff_side which, const char *data, size_t len,
                         const char *name, pekppp_error *err)
{
    side_t *s = &d->side[which == PEKPPP_DIFF_NEW];
    fail_sink fs = { d, s, NULL, NULL, name, 0 };
    pk_report rep;
    const char *end = NULL;
    const char *schema;
    cJSON *root;
    int error = 0;
    pk_report_init(&rep, name, fail_cb, &fs, err);
    root = cJSON_ParseWithLengthOpts(data, len, &end, 0);
    if (!root) {
        unsigned line = 1, col = 1;
        const char *p;
        for (p = data; end && p < end && p < data + len; p++) {
            if (*p == '\n') {
                line++;
                col = 1;
            } else if (((unsigned char)*p & 0xC0) != 0x80) {
                col++;
            }
        }
        pk_diag(&rep, PEKPPP_EPARSE, PEKPPP_SEV_ERROR, line, col, NULL, PK_R_YAML_SYNTAX,
                "invalid JSON");
        return PEKPPP_EPARSE;
    }
    schema = jstr(root, "schema");
    if (schema && strcmp(schema, "pekppp/result/v1") == 0) {
        error = add_result_object(d, s, root, "", &rep, &fs);
        fs.unit = fs.name = NULL;
    } else if (schema && strcmp(schema, "pekppp/batch/v1") == 0) {
        const cJSON *units = MEMBER(root, "units"), *errors = MEMBER(root, "errors");
        shape_err se;
        if (errors && cJSON_IsArray(errors) && carry_batch_errors(d, s, errors, name) < 0) {
            error = PEKPPP_ENOMEM;
        } else if (!shape(&se, errors, J_ARRAY, 1, "", "errors")) {
            pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, se.path, PK_R_SCHEMA_TYPE, "expected %s, got %s",
                    se.want, se.got);
            error = PEKPPP_EINVALID;
        } else if (shape(&se, units, J_ARRAY, 0, "", "units")) {
            error = add_batch_units(d, s, units, &rep, &fs);
        } else {
            pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, se.path, PK_R_SCHEMA_TYPE,
                    "expected %s, got %s", se.want, se.got);
            error = PEKPPP_EINVALID;
        }
    } else {
        pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 1, 1, NULL, PK_R_SCHEMA_SCHEMA,
                "not a result or batch file (schema pekppp/result/v1 or pekppp/batch/v1)");
        error = PEKPPP_EINVALID;
    }
    if (error == PEKPPP_ENOMEM || fs.oom) {
        error = PEKPPP_ENOMEM;
        pk_diag(&rep, error, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
    }
    cJSON_Delete(root);
    return error;
}

static int cmp_snap(const void *pa, const void *pb)
{
    return strcmp((*(snap *const *)pa)->id, (*(snap *const *)pb)->id);
}

static int cmp_str(const void *pa, const void *pb)
{
    return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* Is unit @p id named by a failure of side @p s? */
static int failure_names(const side_t *s, const char *id)
{
    return s->nfail_ids &&
           bsearch(&id, s->fail_ids, s->nfail_ids, sizeof(*s->fail_ids), cmp_str) != NULL;
}

int pekppp_diff_finish(pekppp_diff *d, pekppp_error *err)
{
    int k;
    (void)err;
    if (d->finished)
        return 0;
    for (k = 0; k < 2; k++) {
        side_t *s = &d->side[k];
        size_t i;
        if (s->n > 1)
            qsort(s->units, s->n, sizeof(snap *), cmp_snap);
        if (s->nfails > s->nanonymous) {
            if (!(s->fail_ids = pk_malloc((s->nfails - s->nanonymous) * sizeof(*s->fail_ids))))
                return PEKPPP_ENOMEM;
            for (i = 0; i < s->nfails; i++)
                if (s->fails[i].unit)
                    s->fail_ids[s->nfail_ids++] = s->fails[i].unit;
            qsort(s->fail_ids, s->nfail_ids, sizeof(*s->fail_ids), cmp_str);
        }
    }
    d->finished = 1;
    return 0;
}

int pekppp_diff_rubric_changed(const pekppp_diff *d)
{
    const side_t *o = &d->side[0], *n = &d->side[1];
    if (o->mixed || n->mixed)
        return 1;
    if (!o->rubric_id || !n->rubric_id)
        return 0;
    return strcmp(o->rubric_id, n->rubric_id) != 0 ||
           strcmp(o->rubric_version, n->rubric_version) != 0;
}

/* The rounded exact difference new - old at the new side's places. */
static int delta(pk_rat now, pk_rat before, int decimals, int64_t *out)
{
    pk_rat diff;
    int error = pk_rat_sub(&diff, now, before);
    return error < 0 ? error : pk_rat_round(out, diff, decimals);
}

static const snap_aspect *find_aspect(const snap *u, const char *id)
{
    size_t i;
    for (i = 0; i < u->naspects; i++)
        if (strcmp(u->aspects[i].id, id) == 0)
            return &u->aspects[i];
    return NULL;
}

static const snap_indicator *find_ind(const snap *u, const char *id)
{
    size_t i;
    for (i = 0; i < u->ninds; i++)
        if (strcmp(u->inds[i].id, id) == 0)
            return &u->inds[i];
    return NULL;
}

/* Aspect i of @p b compared with the same aspect of @p a: 1 when its score
 * moved (*x the old one, *da the rounded exact change), 0 when not or when
 * it is missing or left out on a side, PEKPPP_ERANGE on overflow. */
static int moved_aspect(const snap *a, const snap *b, size_t i, const snap_aspect **x, int64_t *da)
{
    const snap_aspect *y = &b->aspects[i];
    *x = find_aspect(a, y->id);
    if (!*x || (*x)->left_out || y->left_out || pk_rat_cmp((*x)->score, y->score) == 0)
        return 0;
    return delta(y->score, (*x)->score, b->decimals, da) < 0 ? PEKPPP_ERANGE : 1;
}

/* Indicator i of @p b: its old answer when the level changed, else NULL. */
static const snap_indicator *changed_indicator(const snap *a, const snap *b, size_t i)
{
    const snap_indicator *x = find_ind(a, b->inds[i].id);
    return x && x->level != b->inds[i].level ? x : NULL;
}

/* The rows of one matched pair: the moved aspects and changed indicators. */
static int pair_row(pk_diff_row *row, const snap *a, const snap *b)
{
    size_t i;
    int error;
    memset(row, 0, sizeof(*row));
    row->id = b->id;
    row->name = b->name;
    row->old_rounded = a->rounded;
    row->new_rounded = b->rounded;
    row->old_decimals = a->decimals;
    row->new_decimals = b->decimals;
    row->old_grade = a->grade;
    row->new_grade = b->grade;
    if ((error = delta(b->index, a->index, b->decimals, &row->delta)) < 0)
        return PEKPPP_ERANGE;
    row->aspects = pk_malloc((b->naspects ? b->naspects : 1) * sizeof(*row->aspects));
    row->indicators = pk_malloc((b->ninds ? b->ninds : 1) * sizeof(*row->indicators));
    if (!row->aspects || !row->indicators)
        return PEKPPP_ENOMEM;
    for (i = 0; i < b->naspects; i++) {
        const snap_aspect *x;
        int64_t da;
        int moved = moved_aspect(a, b, i, &x, &da);
        pk_diff_aspect_row *ar = &row->aspects[row->naspects];
        if (moved < 0)
            return moved;
        if (!moved)
            continue;
        ar->id = b->aspects[i].id;
        ar->old_rounded = x->rounded;
        ar->new_rounded = b->aspects[i].rounded;
        ar->delta = da;
        row->naspects++;
    }
    for (i = 0; i < b->ninds; i++) {
        const snap_indicator *x = changed_indicator(a, b, i);
        pk_diff_indicator_row *ir = &row->indicators[row->nindicators];
        if (!x)
            continue;
        ir->id = b->inds[i].id;
        ir->old_level = x->level;
        ir->new_level = b->inds[i].level;
        row->nindicators++;
    }
    return 0;
}

/* Is some change of @p row not the difference of the rounded values it
 * shows (3.19 -> 4.16 shown as +0.96)?  Only at equal places: otherwise the
 * shown values have no common last digit to compare. */
static bool delta_differs(const pk_diff_row *row)
{
    size_t i;
    if (row->old_decimals != row->new_decimals)
        return false;
    if (row->delta != row->new_rounded - row->old_rounded)
        return true;
    for (i = 0; i < row->naspects; i++)
        if (row->aspects[i].delta != row->aspects[i].new_rounded - row->aspects[i].old_rounded)
            return true;
    return false;
}

/* A unit of side @p side the other side lacks: only on this side, or
 * unmatched when the other side has failures that could hold it, or
 * nowhere here when a failure of the other side names it (that failure
 * lists it). */
static void unmatched_unit(pk_diff_view *v, const pekppp_diff *d, int side, const snap *u)
{
    const side_t *other = &d->side[!side];
    pk_diff_only *o;
    if (failure_names(other, u->id))
        return;
    o = other->nanonymous ? &v->unmatched[side][v->nunmatched[side]++]
                          : &v->only[side][v->nonly[side]++];
    o->id = u->id;
    o->name = u->name;
}

int pk_diff_view_make(pk_diff_view *out, const pekppp_diff *d)
{
    const side_t *o = &d->side[0], *n = &d->side[1];
    size_t i = 0, j = 0, max = o->n < n->n ? o->n : n->n;
    int k, error = 0;

    memset(out, 0, sizeof(*out));
    if (!d->finished)
        return PEKPPP_EINVALID;
    for (k = 0; k < 2; k++) {
        out->rubric_id[k] = d->side[k].rubric_id;
        out->rubric_version[k] = d->side[k].rubric_version;
    }
    out->rubric_changed = pekppp_diff_rubric_changed(d);
    out->rows = pk_malloc((max ? max : 1) * sizeof(*out->rows));
    for (k = 0; k < 2; k++) {
        size_t nk = d->side[k].n ? d->side[k].n : 1;
        out->only[k] = pk_malloc(nk * sizeof(*out->only[k]));
        out->unmatched[k] = pk_malloc(nk * sizeof(*out->unmatched[k]));
        out->failed[k] = d->side[k].fails;
        out->nfailed[k] = d->side[k].nfails;
        if (!out->only[k] || !out->unmatched[k])
            error = PEKPPP_ENOMEM;
    }
    if (!out->rows || error < 0) {
        error = PEKPPP_ENOMEM;
        goto done;
    }
    /* Both sides are sorted by id: walk them together. */
    while (i < o->n || j < n->n) {
        int c = i >= o->n ? 1 : j >= n->n ? -1 : strcmp(o->units[i]->id, n->units[j]->id);
        if (c == 0) {
            pk_diff_row *row = &out->rows[out->nrows];
            error = pair_row(row, o->units[i++], n->units[j++]);
            out->nrows++; /* even half made: freed with the view */
            if (error < 0)
                goto done;
            if (delta_differs(row))
                out->delta_differs = true;
        } else if (c < 0) {
            unmatched_unit(out, d, 0, o->units[i++]);
        } else {
            unmatched_unit(out, d, 1, n->units[j++]);
        }
    }
done:
    if (error < 0)
        pk_diff_view_free(out);
    return error;
}

void pk_diff_view_free(pk_diff_view *v)
{
    size_t i;
    for (i = 0; v->rows && i < v->nrows; i++) {
        pk_free(v->rows[i].aspects);
        pk_free(v->rows[i].indicators);
    }
    pk_free(v->rows);
    pk_free(v->only[0]);
    pk_free(v->only[1]);
    pk_free(v->unmatched[0]);
    pk_free(v->unmatched[1]);
    memset(v, 0, sizeof(*v));
}
