/*
 * Many units: a small summary per scored unit, then ranks and exact means.
 *
 * pekppp_batch_add copies only what the batch reports need (names, the exact
 * index, rounded scores, flags) into the batch's arena, so memory grows by a
 * small record per unit whatever the unit files hold.  Means are exact sums
 * divided once and rounded once.  Unit ids are kept in an open-addressing
 * hash set so a repeated id is caught in constant time.
 */
#include "batch_internal.h"

#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

int pekppp_batch_options_init(pekppp_batch_options *opts, unsigned version)
{
    pekppp_batch_options defaults = PEKPPP_BATCH_OPTIONS_INIT;
    if (!opts || version == 0 || version > PEKPPP_BATCH_OPTIONS_VERSION)
        return PEKPPP_EINVALID;
    *opts = defaults;
    return 0;
}

int pekppp_batch_new(pekppp_batch **out, const pekppp_rubric *rubric,
                     const pekppp_batch_options *opts)
{
    pekppp_batch *b;
    size_t i;
    *out = NULL;
    if (opts && pk_options_check(NULL, "pekppp_batch_options", opts->version,
                                 PEKPPP_BATCH_OPTIONS_VERSION) < 0)
        return PEKPPP_EINVALID;
    if (!(b = pk_malloc(sizeof(*b))))
        return PEKPPP_ENOMEM;
    memset(b, 0, sizeof(*b));
    b->rubric = rubric;
    b->group_by = opts ? opts->group_by : PEKPPP_GROUP_CATEGORY;
    /* A caller built with version 1 of the header has no `title`: never read it. */
    if (opts && opts->version >= 2 && opts->title && opts->title[0] &&
        !(b->title = pk_arena_strndup(&b->arena, opts->title, strlen(opts->title)))) {
        pk_arena_free(&b->arena);
        pk_free(b);
        return PEKPPP_ENOMEM;
    }
    b->sum = pk_rat_int(0);
    b->grade_counts = pk_malloc((rubric->nbands ? rubric->nbands : 1) * sizeof(size_t));
    if (!b->grade_counts) {
        pk_free(b);
        return PEKPPP_ENOMEM;
    }
    memset(b->grade_counts, 0, rubric->nbands * sizeof(size_t));
    b->missed = pk_malloc((rubric->nindicators ? rubric->nindicators : 1) * sizeof(pk_missed));
    if (!b->missed) {
        pk_free(b->grade_counts);
        pk_free(b);
        return PEKPPP_ENOMEM;
    }
    memset(b->missed, 0, rubric->nindicators * sizeof(pk_missed));
    for (i = 0; i < rubric->nindicators; i++)
        b->missed[i].rest = pk_rat_int(0);
    *out = b;
    return 0;
}

void pekppp_batch_free(pekppp_batch *b)
{
    if (!b)
        return;
    pk_free(b->units);
    pk_free(b->ids);
    pk_free(b->strs);
    pk_free(b->errors);
    pk_free(b->groups);
    pk_free(b->grade_counts);
    pk_free(b->missed);
    pk_arena_free(&b->arena);
    pk_free(b);
}

/* Find the id of units[pos] among the units before it; insert it when
 * absent.  Returns the unit that had it already, NULL when newly inserted;
 * sets *oom on allocation failure. */
static pk_unit *claim_id(pekppp_batch *b, size_t pos, int *oom)
{
    size_t i, mask;
    const pk_unit *u = b->units[pos];
    *oom = 0;
    if ((b->nids + 1) * 2 > b->idcap) {
        size_t cap = b->idcap ? b->idcap * 2 : 256, j;
        uint32_t *t = pk_malloc(cap * sizeof(*t));
        if (!t) {
            *oom = 1;
            return NULL;
        }
        memset(t, 0, cap * sizeof(*t));
        for (j = 0; j < b->idcap; j++) {
            if (!b->ids[j])
                continue;
            for (i = hash_str(b->units[b->ids[j] - 1]->id) & (cap - 1); t[i]; i = (i + 1) & (cap - 1))
                ;
            t[i] = b->ids[j];
        }
        pk_free(b->ids);
        b->ids = t;
        b->idcap = cap;
    }
    mask = b->idcap - 1;
    for (i = hash_str(u->id) & mask; b->ids[i]; i = (i + 1) & mask)
        if (strcmp(b->units[b->ids[i] - 1]->id, u->id) == 0)
            return b->units[b->ids[i] - 1];
    b->ids[i] = (uint32_t)(pos + 1);
    b->nids++;
    return NULL;
}

/* Texts that repeat across units (institution, category, mode, period, the
 * sheet a row came from) are stored once. */
static const char *intern(pekppp_batch *b, const char *s, int *oom)
{
    size_t i, mask;
    char *c;
    if (!s)
        return NULL;
    if ((b->nstrs + 1) * 2 > b->strcap) {
        size_t cap = b->strcap ? b->strcap * 2 : 64, j;
        const char **t = pk_malloc(cap * sizeof(*t));
        if (!t) {
            *oom = 1;
            return NULL;
        }
        memset(t, 0, cap * sizeof(*t));
        for (j = 0; j < b->strcap; j++) {
            if (!b->strs[j])
                continue;
            for (i = hash_str(b->strs[j]) & (cap - 1); t[i]; i = (i + 1) & (cap - 1))
                ;
            t[i] = b->strs[j];
        }
        pk_free(b->strs);
        b->strs = t;
        b->strcap = cap;
    }
    mask = b->strcap - 1;
    for (i = hash_str(s) & mask; b->strs[i]; i = (i + 1) & mask)
        if (strcmp(b->strs[i], s) == 0)
            return b->strs[i];
    if (!(c = pk_arena_strndup(&b->arena, s, strlen(s)))) {
        *oom = 1;
        return NULL;
    }
    b->strs[i] = c;
    b->nstrs++;
    return c;
}

static const char *copy(pekppp_batch *b, const char *s, int *oom)
{
    char *c;
    if (!s)
        return NULL;
    if (!(c = pk_arena_strndup(&b->arena, s, strlen(s))))
        *oom = 1;
    return c;
}

/* Keep a unit's file name for messages: the folder part (shared by the
 * units of one folder) interned, the rest copied; a sheet's rows share the
 * whole name. */
static void store_file(pekppp_batch *b, pk_unit *u, const char *file, int sheet_row, int *oom)
{
    const char *slash = strrchr(file, '/');
    char dir[1024];
    size_t n = slash ? (size_t)(slash - file) + 1 : 0;
    if (sheet_row || n >= sizeof(dir)) {
        u->dir = "";
        u->base = sheet_row ? intern(b, file, oom) : copy(b, file, oom);
        return;
    }
    memcpy(dir, file, n);
    dir[n] = '\0';
    u->dir = intern(b, dir, oom);
    u->base = copy(b, file + n, oom);
}

/* Add @p u's index to the group (kind, key), creating it when new. */
static int add_to_group(pekppp_batch *b, unsigned kind, const char *key, pk_rat index)
{
    size_t i;
    pk_group *g;
    if (!key)
        return 0;
    for (i = 0; i < b->ngroups; i++)
        if (b->groups[i].kind == kind && strcmp(b->groups[i].key, key) == 0)
            break;
    if (i == b->ngroups) {
        if (b->ngroups == b->gcap) {
            size_t cap = b->gcap ? b->gcap * 2 : 16;
            pk_group *ng = pk_realloc(b->groups, cap * sizeof(*ng));
            if (!ng)
                return PEKPPP_ENOMEM;
            b->groups = ng;
            b->gcap = cap;
        }
        g = &b->groups[b->ngroups++];
        memset(g, 0, sizeof(*g));
        g->kind = kind;
        g->key = key;
        g->sum = pk_rat_int(0);
    }
    g = &b->groups[i];
    g->units++;
    return pk_rat_add(&g->sum, g->sum, index);
}

/* Add a unit's lost points to each indicator's sum: every recommendation is
 * an indicator below the top level, with its exact (unreduced) gain.  The
 * sums only feed the HTML page's most-missed list: a sum that outgrows 128
 * bits marks its indicator and never fails the batch. */
static void add_missed(pekppp_batch *b, const pekppp_result *res)
{
    size_t i, k;
    for (i = 0; i < res->nrecs; i++) {
        const pk_recommendation *rec = &res->recs[i];
        pk_missed *m = &b->missed[rec->indicator];
        pk_rat term;
        m->units++;
        if (m->overflow)
            continue;
        if (__builtin_mul_overflow(rec->gain.num, (pk_i128)(res->rubric->scale_max - rec->from),
                                   &term.num)) {
            m->overflow = true;
            continue;
        }
        term.den = rec->gain.den;
        for (k = 0; k < PK_MISSED_BUCKETS && m->den[k] && m->den[k] != term.den; k++)
            ;
        if (k < PK_MISSED_BUCKETS) {
            pk_i128 sum;
            pk_rat old;
            m->den[k] = term.den;
            if (!__builtin_add_overflow(m->num[k], term.num, &sum)) {
                m->num[k] = sum;
                continue;
            }
            /* A full bucket: its sum goes to the rest and it starts again. */
            old.num = m->num[k];
            old.den = m->den[k];
            m->num[k] = term.num;
            term = old;
        }
        if (pk_rat_add(&m->rest, m->rest, term) < 0)
            m->overflow = true;
    }
}

int pk_missed_total(const pk_missed *m, pk_rat *out)
{
    size_t k;
    int error;
    *out = m->rest;
    for (k = 0; k < PK_MISSED_BUCKETS && m->den[k]; k++) {
        pk_rat part;
        if ((error = pk_rat_make(&part, m->num[k], m->den[k])) < 0 ||
            (error = pk_rat_add(out, *out, part)) < 0)
            return error;
    }
    return 0;
}

/* pk_location() into @p buf, returned. */
static const char *pk_place(const char *file, const char *sheet, unsigned line, unsigned col,
                            char *buf, size_t n)
{
    pk_location(file, sheet, line, col, 0, buf, n);
    return buf;
}

int pekppp_batch_add(pekppp_batch *b, const pekppp_result *res, pekppp_error *err)
{
    const pekppp_assessment *a = res->assessment;
    const pekppp_rubric *r = b->rubric;
    pk_report rep;
    pk_unit *u, *prev;
    size_t i;
    int oom = 0, error;

    pk_report_init(&rep, a->file, NULL, NULL, err);
    rep.sheet = a->sheet;
    /* One rubric per batch: the same file (by content) may be loaded twice,
     * but a unit of another rubric or another version cannot be ranked here. */
    if (res->rubric != r && strcmp(res->rubric->sha256, r->sha256) != 0) {
        pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, a->id_line, a->id_col, NULL,
                PK_R_UNIT_RUBRIC,
                "unit '%s' is scored with rubric '%s' version %s, but this batch ranks units of "
                "rubric '%s' version %s",
                a->unit_id, res->rubric->id, res->rubric->version, r->id, r->version);
        return PEKPPP_EINVALID;
    }
    if (!(u = pk_arena_alloc_aligned(&b->arena, sizeof(*u) + r->naspects * sizeof(int32_t),
                                     alignof(pk_unit))))
        goto oom;
    memset(u, 0, sizeof(*u));
    u->id = copy(b, a->unit_id, &oom);
    u->name = copy(b, a->unit_name, &oom);
    u->institution = intern(b, a->institution, &oom);
    u->category = intern(b, a->category, &oom);
    u->mode = intern(b, a->mode, &oom);
    u->period = intern(b, a->period, &oom);
    store_file(b, u, a->file, a->id_path && strcmp(a->id_path, "unit_id") == 0, &oom);
    if (oom)
        goto oom;
    u->sheet = a->sheet ? intern(b, a->sheet, &oom) : NULL;
    if (oom)
        goto oom;
    u->id_line = a->id_line;
    u->id_col = a->id_col;
    if (b->nunits == b->ucap) {
        size_t cap = b->ucap ? b->ucap * 2 : 64;
        pk_unit **nu;
        if (cap > UINT32_MAX - 1)
            goto oom;
        if (!(nu = pk_realloc(b->units, cap * sizeof(*nu))))
            goto oom;
        b->units = nu;
        b->ucap = cap;
    }
    b->units[b->nunits] = u;
    if ((prev = claim_id(b, b->nunits, &oom)) != NULL) {
        char prev_file[2048], where[2400];
        snprintf(prev_file, sizeof(prev_file), "%s%s", prev->dir, prev->base);
        if (prev->id_line && !prev->sheet)
            pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, a->id_line, a->id_col, a->id_path,
                    PK_R_UNIT_DUPLICATE_ID,
                    "unit id '%s' was already used by %s:%u:%u: this unit is left out", u->id,
                    prev_file, prev->id_line, prev->id_col);
        else if (prev->id_line) /* a workbook's cell: book.xlsx:Rekap!A7 */
            pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, a->id_line, a->id_col, a->id_path,
                    PK_R_UNIT_DUPLICATE_ID,
                    "unit id '%s' was already used by %s: this unit is left out", u->id,
                    pk_place(prev_file, prev->sheet, prev->id_line, prev->id_col, where,
                             sizeof(where)));
        else
            pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, a->id_line, a->id_col, a->id_path,
                    PK_R_UNIT_DUPLICATE_ID,
                    "unit id '%s' was already used by %s: this unit is left out", u->id, prev_file);
        return PEKPPP_EINVALID;
    }
    if (oom)
        goto oom;
    b->nunits++;
    u->index = res->index;
    u->index_rounded = (int32_t)res->index_rounded;
    u->evaluator_rounded = (int32_t)res->evaluator_rounded;
    u->survey_rounded = (int32_t)res->survey_rounded;
    u->survey_counts = res->survey_counts;
    u->band = res->band ? &r->bands[res->band - res->rubric->bands] : NULL;
    u->flags = (uint8_t)res->flags;
    for (i = 0; i < r->naspects; i++)
        u->aspects[i] = res->aspects[i].left_out ? INT32_MIN : (int32_t)res->aspects[i].rounded;
    if ((error = pk_rat_add(&b->sum, b->sum, u->index)) < 0 ||
        ((b->group_by & PEKPPP_GROUP_CATEGORY) &&
         (error = add_to_group(b, PEKPPP_GROUP_CATEGORY, u->category, u->index)) < 0) ||
        ((b->group_by & PEKPPP_GROUP_INSTITUTION) &&
         (error = add_to_group(b, PEKPPP_GROUP_INSTITUTION, u->institution, u->index)) < 0) ||
        ((b->group_by & PEKPPP_GROUP_MODE) &&
         (error = add_to_group(b, PEKPPP_GROUP_MODE, u->mode, u->index)) < 0)) {
        pk_diag(&rep, error, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "%s",
                error == PEKPPP_ENOMEM ? "out of memory"
                                       : "an exact sum outgrew 128-bit arithmetic");
        b->broken = error;
        return error;
    }
    add_missed(b, res);
    /* Count by the band's position: the unit's rubric may be an identical copy. */
    if (u->band)
        b->grade_counts[(size_t)(u->band - res->rubric->bands)]++;
    return 0;
oom:
    pk_diag(&rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
    return PEKPPP_ENOMEM;
}

int pekppp_batch_add_failure(pekppp_batch *b, const pekppp_error *e)
{
    pk_failure *f;
    int oom = 0;
    if (b->nerrors == b->ecap) {
        size_t cap = b->ecap ? b->ecap * 2 : 16;
        pk_failure *ne = pk_realloc(b->errors, cap * sizeof(*ne));
        if (!ne)
            return PEKPPP_ENOMEM;
        b->errors = ne;
        b->ecap = cap;
    }
    f = &b->errors[b->nerrors];
    f->file = copy(b, e->file, &oom);
    f->path = copy(b, e->path, &oom);
    f->message = copy(b, e->message, &oom);
    f->message_id = e->message_id[0] ? copy(b, e->message_id, &oom) : NULL;
    f->sheet = e->sheet[0] ? intern(b, e->sheet, &oom) : NULL;
    f->line = e->line;
    f->column = e->column;
    if (oom)
        return PEKPPP_ENOMEM;
    b->nerrors++;
    return 0;
}

const pekppp_rubric *pekppp_batch_rubric(const pekppp_batch *b) { return b->rubric; }
size_t pekppp_batch_scored(const pekppp_batch *b) { return b->nunits; }
size_t pekppp_batch_failed(const pekppp_batch *b) { return b->nerrors; }

static int cmp_rank(const void *pa, const void *pb)
{
    const pk_unit *a = *(pk_unit *const *)pa, *b = *(pk_unit *const *)pb;
    int c = pk_rat_cmp(b->index, a->index);
    return c ? c : strcmp(a->id, b->id);
}

/* Mean of @p n exact values summing to @p sum, rounded, with its band. */
static int mean_of(const pekppp_batch *b, pk_rat sum, size_t n, int64_t *rounded,
                   const pekppp_band **band)
{
    pk_rat mean;
    pekppp_fixed v;
    int error;
    if ((error = pk_rat_div(&mean, sum, pk_rat_int((int64_t)n))) < 0 ||
        (error = pk_round(b->rubric, mean, rounded)) < 0)
        return error;
    v.units = *rounded;
    v.decimals = b->rubric->decimals;
    *band = pekppp_rubric_band_for(b->rubric, v);
    return 0;
}

static int cmp_group(const void *pa, const void *pb)
{
    const pk_group *a = pa, *b = pb;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return strcmp(a->key, b->key);
}

/* What every format says about the units as a whole: whether rounding hides
 * a rank (equal rounded indices, different ranks: the ranking uses exact
 * values), which periods are ranked together (the first
 * PK_PERIODS_COUNTED), and the period and the institution all units share
 * (the HTML page's title).  Periods and institutions are interned, so equal
 * texts are one pointer. */
static void note_units(pekppp_batch *b)
{
    const char **seen = b->periods;
    size_t i, j;
    int all_period = 1, same_inst = 1;
    b->rank_split = false;
    b->nperiods = 0;
    for (i = 1; i < b->nunits; i++)
        if (b->units[i]->index_rounded == b->units[i - 1]->index_rounded &&
            b->units[i]->rank != b->units[i - 1]->rank)
            b->rank_split = true;
    for (i = 0; i < b->nunits; i++) {
        const pk_unit *u = b->units[i];
        if (!u->institution || u->institution != b->units[0]->institution)
            same_inst = 0;
        if (!u->period) {
            all_period = 0;
            continue;
        }
        for (j = 0; j < b->nperiods && j < PK_PERIODS_COUNTED; j++)
            if (seen[j] == u->period)
                break;
        if (j == b->nperiods && b->nperiods < PK_PERIODS_COUNTED)
            seen[b->nperiods++] = u->period;
    }
    b->period = all_period && b->nperiods == 1 ? seen[0] : NULL;
    b->institution = b->nunits && same_inst ? b->units[0]->institution : NULL;
}

int pekppp_batch_finish(pekppp_batch *b, pekppp_error *err)
{
    size_t i;
    int error = b->broken;
    pk_report rep;
    pk_report_init(&rep, "", NULL, NULL, err);
    if (error < 0)
        goto done;
    if (b->nunits > 1)
        qsort(b->units, b->nunits, sizeof(*b->units), cmp_rank);
    for (i = 0; i < b->nunits; i++)
        b->units[i]->rank = (i > 0 && pk_rat_cmp(b->units[i]->index, b->units[i - 1]->index) == 0)
                                ? b->units[i - 1]->rank
                                : (uint32_t)(i + 1);
    note_units(b);
    if (b->nunits > 0 && (error = mean_of(b, b->sum, b->nunits, &b->mean_rounded, &b->mean_band)) < 0)
        goto done;
    if (b->ngroups > 1)
        qsort(b->groups, b->ngroups, sizeof(*b->groups), cmp_group);
    for (i = 0; i < b->ngroups; i++)
        if ((error = mean_of(b, b->groups[i].sum, b->groups[i].units, &b->groups[i].mean_rounded,
                             &b->groups[i].band)) < 0)
            goto done;
    b->finished = 1;
done:
    if (error < 0)
        pk_diag(&rep, error, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "%s",
                error == PEKPPP_ENOMEM ? "out of memory"
                                       : "an exact mean outgrew 128-bit arithmetic; no rounded "
                                         "approximation is given");
    return error;
}

pekppp_fixed pekppp_batch_mean(const pekppp_batch *b)
{
    pekppp_fixed f;
    f.units = b->nunits ? b->mean_rounded : 0;
    f.decimals = b->rubric->decimals;
    return f;
}

size_t pekppp_batch_below(const pekppp_batch *b, pekppp_fixed threshold, const char **ids,
                          size_t max)
{
    size_t i, n = 0;
    for (i = 0; i < b->nunits; i++) {
        pekppp_fixed v;
        v.units = b->units[i]->index_rounded;
        v.decimals = b->rubric->decimals;
        if (pekppp_fixed_compare(v, threshold) == -1) {
            if (n < max)
                ids[n] = b->units[i]->id;
            n++;
        }
    }
    return n;
}
