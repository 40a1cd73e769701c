/*
 * Loading one unit's answers (FORMATS.md section 2) against its rubric.
 *
 * The file is parsed once.  Its `rubric:` id is read first, the rubric is
 * found (given by the caller or through the resolver), and then every answer
 * is checked against it.  All problems are reported, each at its line; the
 * assessment is handed out only when there was none.
 */
#include "model.h"

#include <stdio.h>
#include <stddef.h>
#include <string.h>

#include "decode.h"
#include "yaml_tree.h"

#define PK_ASSESSMENT_SCHEMA "pekppp/assessment/v1"

typedef struct {
    pk_dec d;
    pekppp_assessment *a;
    const pekppp_rubric *r;
    bool allow_incomplete;
} actx;

/* The nearest scored or supplementary id to @p id, for "did you mean"; NULL
 * when none is close or memory is short (the hint is only a courtesy). */
static const char *nearest_id(const pekppp_rubric *r, const char *id)
{
    size_t i, n = r->nindicators + r->nsupplements;
    const char **names = pk_malloc((n ? n : 1) * sizeof(*names));
    const char *best;
    if (!names)
        return NULL;
    for (i = 0; i < n; i++)
        names[i] = i < r->nindicators ? r->indicators[i].id : r->supplements[i - r->nindicators].id;
    best = pk_nearest(id, names, n);
    pk_free(names);
    return best;
}

/* The nearest survey item id, likewise. */
static const char *nearest_item(const pekppp_rubric *r, const char *id)
{
    size_t i;
    const char **names = pk_malloc((r->nsurvey_items ? r->nsurvey_items : 1) * sizeof(*names));
    const char *best;
    if (!names)
        return NULL;
    for (i = 0; i < r->nsurvey_items; i++)
        names[i] = r->survey_items[i].id;
    best = pk_nearest(id, names, r->nsurvey_items);
    pk_free(names);
    return best;
}

static int is_na(const pk_node *n)
{
    return n->kind == PK_SCALAR && strcmp(n->str, "na") == 0;
}

/* A level on the rubric's scale, or "na" when @p na_ok. */
static int read_level(actx *c, const pk_node *n, const char *id, bool na_ok, bool is_scored,
                      int *out)
{
    const pekppp_rubric *r = c->r;
    long level;
    if (is_na(n)) {
        if (!is_scored) {
            pk_err(&c->d, n, PEKPPP_EINVALID, PK_R_UNIT_NA,
                   "'na' is not an answer for supplementary item '%s'", id);
            return PEKPPP_EINVALID;
        }
        if (!na_ok) {
            pk_err(&c->d, n, PEKPPP_EINVALID, PK_R_UNIT_NA,
                   "indicator '%s' does not allow 'na': answer a level from %d to %d", id,
                   r->scale_min, r->scale_max);
            return PEKPPP_EINVALID;
        }
        *out = PEKPPP_LEVEL_NA;
        return 0;
    }
    if (n->kind == PK_SCALAR && n->plain) {
        int64_t v;
        if (pk_dec_parse(n->str, n->len, 0, 1, &v) == PK_DEC_OK && v / 10000 >= -1000000 &&
            v / 10000 <= 1000000 && (v / 10000 < r->scale_min || v / 10000 > r->scale_max)) {
            pk_err(&c->d, n, PEKPPP_EINVALID, PK_R_UNIT_LEVEL,
                   "level %s of '%s' is outside the scale %d to %d", n->str, id, r->scale_min,
                   r->scale_max);
            return PEKPPP_EINVALID;
        }
    }
    if (pk_get_int(&c->d, n, r->scale_min, r->scale_max, &level) < 0)
        return PEKPPP_EINVALID;
    *out = (int)level;
    return 0;
}

static void decode_answer(actx *c, const pk_node *key, const pk_node *val)
{
    static const pk_field f[] = { { "level", true }, { "evidence", false }, { "note", false } };
    const pekppp_rubric *r = c->r;
    pekppp_assessment *a = c->a;
    long pos = pk_rubric_lookup(r, key->str);
    long idx = pos >= 0 && (size_t)pos < r->nindicators ? pos : -1;
    size_t s = pos >= 0 ? (size_t)pos - r->nindicators : r->nsupplements;
    size_t o = pk_path_key(&c->d, key->str);
    bool scored = idx >= 0;
    const char *const *evidence = NULL;
    size_t nevidence = 0;
    const char *note = NULL;
    int level = PEKPPP_LEVEL_MISSING;

    if (!scored) {
        if (pos < 0) {
            const char *near = nearest_id(r, key->str);
            if (near)
                pk_err(&c->d, key, PEKPPP_EINVALID, PK_R_UNIT_UNKNOWN_INDICATOR,
                       "rubric '%s' has no indicator '%s': did you mean '%s'?", r->id, key->str,
                       near);
            else
                pk_err(&c->d, key, PEKPPP_EINVALID, PK_R_UNIT_UNKNOWN_INDICATOR,
                       "rubric '%s' has no indicator '%s'", r->id, key->str);
            pk_path_pop(&c->d, o);
            return;
        }
    }
    if (val->kind == PK_MAP) {
        const pk_node *v[3];
        size_t o2;
        (void)pk_fields(&c->d, val, f, 3, v);
        if (v[0]) {
            o2 = pk_path_key(&c->d, "level");
            (void)read_level(c, v[0], key->str, scored && r->indicators[idx].na_allowed, scored,
                             &level);
            pk_path_pop(&c->d, o2);
        }
        if (v[1]) {
            o2 = pk_path_key(&c->d, "evidence");
            (void)pk_get_text_list(&c->d, v[1], &evidence, &nevidence);
            pk_path_pop(&c->d, o2);
        }
        o2 = pk_path_key(&c->d, "note");
        (void)pk_get_text(&c->d, v[2], &note);
        pk_path_pop(&c->d, o2);
    } else if (val->kind == PK_SCALAR && val->plain &&
               (val->len == 0 || strcmp(val->str, "~") == 0 || strcmp(val->str, "null") == 0)) {
        /* Left blank (as `pekppp template` writes it): not answered yet.  Unless that is
         * allowed, the error is at this key, where the answer goes. */
        if (scored && !c->allow_incomplete) {
            pk_err(&c->d, key, PEKPPP_EINVALID, PK_R_UNIT_MISSING_ANSWER,
                   "no answer for indicator '%s' (use --allow-incomplete to count it as %d)",
                   key->str, r->scale_min);
            a->answers[idx].line = key->line; /* reported: not listed again at `answers:` */
            a->answers[idx].col = key->col;
        }
        pk_path_pop(&c->d, o);
        return;
    } else if (val->kind == PK_SCALAR) {
        (void)read_level(c, val, key->str, scored && r->indicators[idx].na_allowed, scored, &level);
    } else {
        pk_err(&c->d, val, PEKPPP_EINVALID,
               PK_R_UNIT_LEVEL, "expected a level, 'na', or a mapping with 'level', got a list");
    }
    if (scored) {
        pk_answer *ans = &a->answers[idx];
        ans->level = level;
        ans->evidence = evidence;
        ans->nevidence = nevidence;
        ans->note = note;
        ans->line = key->line;
        ans->col = key->col;
    } else {
        a->supplement_levels[s] = level;
    }
    pk_path_pop(&c->d, o);
}

/* Report unanswered indicators: one by one when a few, else in one line. */
static void report_missing(actx *c, const pk_node *at)
{
    const pekppp_rubric *r = c->r;
    char list[400];
    size_t i, n = 0, len = 0;
    for (i = 0; i < r->nindicators; i++)
        if (c->a->answers[i].level == PEKPPP_LEVEL_MISSING && !c->a->answers[i].line)
            n++;
    if (n == 0)
        return;
    if (n <= 3) {
        for (i = 0; i < r->nindicators; i++)
            if (c->a->answers[i].level == PEKPPP_LEVEL_MISSING && !c->a->answers[i].line)
                pk_err(&c->d, at, PEKPPP_EINVALID, PK_R_UNIT_MISSING_ANSWER,
                       "no answer for indicator '%s' (use --allow-incomplete to count it as %d)",
                       r->indicators[i].id, r->scale_min);
        return;
    }
    list[0] = '\0';
    for (i = 0; i < r->nindicators; i++) {
        if (c->a->answers[i].level != PEKPPP_LEVEL_MISSING || c->a->answers[i].line)
            continue;
        if (len + strlen(r->indicators[i].id) + 8 >= sizeof(list)) {
            snprintf(list + len, sizeof(list) - len, ", ...");
            break;
        }
        len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s", len ? ", " : "",
                                r->indicators[i].id);
    }
    pk_err(&c->d, at, PEKPPP_EINVALID, PK_R_UNIT_MISSING_ANSWER,
           "no answer for %zu indicators: %s (use --allow-incomplete to count them as %d)", n, list,
           r->scale_min);
}

/* @p key is the `answers:` key, where unanswered indicators are reported. */
static void decode_answers(actx *c, const pk_node *n, const pk_node *key, bool allow_incomplete)
{
    const pekppp_rubric *r = c->r;
    size_t i, o = pk_path_key(&c->d, "answers");
    c->allow_incomplete = allow_incomplete;
    if (pk_want_map(&c->d, n) == 0)
        for (i = 0; i < n->count; i++)
            decode_answer(c, n->items[2 * i], n->items[2 * i + 1]);
    if (allow_incomplete) {
        for (i = 0; i < r->nindicators; i++)
            if (c->a->answers[i].level == PEKPPP_LEVEL_MISSING && !c->a->answers[i].line)
                c->a->incomplete = true;
    } else if (n->kind == PK_MAP) {
        report_missing(c, key);
    }
    pk_path_pop(&c->d, o);
}

/* The survey item @p id, trying position @p hint first: a response usually
 * lists the items in the rubric's order. */
static long find_item(const pekppp_rubric *r, const char *id, size_t hint)
{
    size_t i;
    if (hint < r->nsurvey_items && strcmp(r->survey_items[hint].id, id) == 0)
        return (long)hint;
    for (i = 0; i < r->nsurvey_items; i++)
        if (strcmp(r->survey_items[i].id, id) == 0)
            return (long)i;
    return -1;
}

static void decode_responses(actx *c, const pk_node *n)
{
    const pekppp_rubric *r = c->r;
    pekppp_assessment *a = c->a;
    size_t i, j, o = pk_path_key(&c->d, "responses");
    if (pk_want_seq(&c->d, n) < 0)
        goto done;
    if (r->nsurvey_items == 0) {
        pk_err(&c->d, n, PEKPPP_EINVALID, PK_R_UNIT_SURVEY,
               "rubric '%s' has no survey items to answer", r->id);
        goto done;
    }
    a->item_sums = pk_arena_alloc(&a->arena, r->nsurvey_items * sizeof(*a->item_sums));
    a->item_counts = pk_arena_alloc(&a->arena, r->nsurvey_items * sizeof(*a->item_counts));
    if (!a->item_sums || !a->item_counts) {
        pk_err(&c->d, NULL, PEKPPP_ENOMEM, PK_R_OTHER, "out of memory");
        goto done;
    }
    memset(a->item_sums, 0, r->nsurvey_items * sizeof(*a->item_sums));
    memset(a->item_counts, 0, r->nsurvey_items * sizeof(*a->item_counts));
    a->survey_kind = PK_SURVEY_RESPONSES;
    a->respondents = (long)n->count;
    for (i = 0; i < n->count; i++) {
        const pk_node *resp = n->items[i];
        size_t o2 = pk_path_index(&c->d, i);
        if (pk_want_map(&c->d, resp) == 0) {
            for (j = 0; j < resp->count; j++) {
                const pk_node *k = resp->items[2 * j], *v = resp->items[2 * j + 1];
                long item = find_item(r, k->str, j), level;
                size_t o3 = pk_path_key(&c->d, k->str);
                if (item < 0) {
                    const char *near = nearest_item(r, k->str);
                    if (near)
                        pk_err(&c->d, k, PEKPPP_EINVALID, PK_R_UNIT_SURVEY,
                               "no survey item '%s': did you mean '%s'?", k->str, near);
                    else
                        pk_err(&c->d, k, PEKPPP_EINVALID, PK_R_UNIT_SURVEY, "no survey item '%s'",
                               k->str);
                } else if (pk_get_int(&c->d, v, r->scale_min, r->scale_max, &level) == 0) {
                    a->item_sums[item] += level;
                    a->item_counts[item]++;
                }
                pk_path_pop(&c->d, o3);
            }
        }
        pk_path_pop(&c->d, o2);
    }
done:
    pk_path_pop(&c->d, o);
}

static void decode_survey(actx *c, const pk_node *n)
{
    static const pk_field f[] = { { "score", false }, { "respondents", false },
                                  { "responses", false } };
    const pk_node *v[3];
    pekppp_assessment *a = c->a;
    size_t o = pk_path_key(&c->d, "survey"), o2;
    if (pk_fields(&c->d, n, f, 3, v) < 0 && n->kind != PK_MAP)
        goto done;
    if (v[0] && v[2]) {
        pk_err(&c->d, v[2], PEKPPP_EINVALID,
               PK_R_UNIT_SURVEY, "give the survey either as 'score' or as 'responses', not both");
        goto done;
    }
    if (!v[0] && !v[2]) {
        pk_err(&c->d, n, PEKPPP_EINVALID, PK_R_UNIT_SURVEY,
               "the survey needs 'score' (with 'respondents') or "
               "'responses'");
        goto done;
    }
    if (v[0]) {
        int64_t score = 0;
        o2 = pk_path_key(&c->d, "score");
        if (pk_get_dec(&c->d, v[0], 4, false, &score) == 0) {
            if (score < (int64_t)c->r->scale_min * PEKPPP_DEC_SCALE ||
                score > (int64_t)c->r->scale_max * PEKPPP_DEC_SCALE)
                pk_err(&c->d, v[0], PEKPPP_EINVALID,
                       PK_R_UNIT_SURVEY, "survey score %s is outside the scale %d to %d", v[0]->str,
                       c->r->scale_min, c->r->scale_max);
            a->survey_kind = PK_SURVEY_SCORE;
            a->survey_score = score;
        }
        pk_path_pop(&c->d, o2);
        o2 = pk_path_key(&c->d, "respondents");
        if (!v[1])
            pk_err(&c->d, n, PEKPPP_EINVALID, PK_R_UNIT_SURVEY,
                   "'respondents' is required with 'score'");
        else
            (void)pk_get_int(&c->d, v[1], 0, 100000000, &a->respondents);
        pk_path_pop(&c->d, o2);
    } else {
        if (v[1]) {
            o2 = pk_path_key(&c->d, "respondents");
            pk_err(&c->d, v[1], PEKPPP_EINVALID,
                   PK_R_UNIT_SURVEY, "'respondents' is counted from 'responses': remove it");
            pk_path_pop(&c->d, o2);
        }
        decode_responses(c, v[2]);
    }
done:
    pk_path_pop(&c->d, o);
}

static void decode_unit(actx *c, const pk_node *n)
{
    static const pk_field f[] = { { "id", true },       { "name", true }, { "institution", false },
                                  { "category", false }, { "mode", false } };
    static const char *const modes[] = { "mandiri", "nasional" };
    const pk_node *v[5];
    pekppp_assessment *a = c->a;
    size_t o = pk_path_key(&c->d, "unit"), o2;
    const char **dst[5];
    static const char *const names[5] = { "id", "name", "institution", "category", "mode" };
    int i;
    dst[0] = &a->unit_id;
    dst[1] = &a->unit_name;
    dst[2] = &a->institution;
    dst[3] = &a->category;
    dst[4] = &a->mode;
    (void)pk_fields(&c->d, n, f, 5, v);
    if (v[0]) {
        a->id_line = v[0]->line;
        a->id_col = v[0]->col;
        a->id_path = "unit.id";
    }
    for (i = 0; i < 5; i++) {
        o2 = pk_path_key(&c->d, names[i]);
        if (!(f[i].required == false && pk_is_blank(v[i]))) /* optional fields may be blank */
            (void)pk_get_text(&c->d, v[i], dst[i]);
        pk_path_pop(&c->d, o2);
    }
    if (a->mode && strcmp(a->mode, modes[0]) != 0 && strcmp(a->mode, modes[1]) != 0) {
        const char *near = pk_nearest(a->mode, modes, 2);
        o2 = pk_path_key(&c->d, "mode");
        if (near)
            pk_err(&c->d, v[4], PEKPPP_EINVALID, PK_R_UNIT_FIELD,
                   "mode '%s' is not 'mandiri' or 'nasional': did you mean '%s'?", a->mode, near);
        else
            pk_err(&c->d, v[4], PEKPPP_EINVALID, PK_R_UNIT_FIELD,
                   "mode '%s' is not 'mandiri' or 'nasional'", a->mode);
        pk_path_pop(&c->d, o2);
    }
    pk_path_pop(&c->d, o);
}

static int resolve_rubric(actx *c, const pk_node *idnode, const pekppp_assessment_options *opts)
{
    const char *id = idnode->str;
    if (opts && opts->rubric) {
        if (strcmp(opts->rubric->id, id) != 0) {
            pk_err(&c->d, idnode, PEKPPP_EINVALID, PK_R_UNIT_RUBRIC,
                   "this unit is for rubric '%s', but the rubric given is '%s'", id,
                   opts->rubric->id);
            return PEKPPP_EINVALID;
        }
        c->r = opts->rubric;
        return 0;
    }
    if (opts && opts->resolve) {
        pekppp_error rerr;
        int error;
        pekppp_error_clear(&rerr);
        error = opts->resolve(&c->r, id, opts->resolve_payload, &rerr);
        if (error < 0 || !c->r) {
            /* The resolver's own message, in both languages when it gives both. */
            pk_err_text(&c->d, idnode, error < 0 ? error : PEKPPP_ENOTFOUND, PK_R_UNIT_RUBRIC,
                        rerr.message[0] ? rerr.message : "rubric not found",
                        rerr.message[0] ? rerr.message_id : "rubrik tidak ditemukan");
            return error < 0 ? error : PEKPPP_ENOTFOUND;
        }
        if (strcmp(c->r->id, id) != 0) {
            pk_err(&c->d, idnode, PEKPPP_EINVALID, PK_R_UNIT_RUBRIC,
                   "this unit is for rubric '%s', but the rubric found is '%s'", id, c->r->id);
            return PEKPPP_EINVALID;
        }
        return 0;
    }
    pk_err(&c->d, idnode, PEKPPP_ENOTFOUND, PK_R_UNIT_RUBRIC,
           "no rubric was given to check this unit against");
    return PEKPPP_ENOTFOUND;
}

static void decode_assessment(actx *c, const pk_node *root, const pekppp_assessment_options *opts)
{
    static const pk_field f[] = { { "schema", true },   { "rubric", true },  { "unit", true },
                                  { "period", true },   { "assessor", false }, { "answers", true },
                                  { "survey", false } };
    const pk_node *v[7];
    pekppp_assessment *a = c->a;
    const pekppp_rubric *r;
    size_t i, o;

    /* Another kind of file (a rubric, say) gets one clear error, not a list
     * of every key that does not belong in a unit file. */
    {
        const pk_node *schema = pk_map_get(root, "schema");
        if (schema && !pk_scalar_is(schema, PK_ASSESSMENT_SCHEMA)) {
            char buf[64];
            o = pk_path_key(&c->d, "schema");
            pk_err(&c->d, schema, PEKPPP_EINVALID, PK_R_SCHEMA_SCHEMA,
                   "schema is %s: expected '%s'", pk_show(schema, buf, sizeof(buf)),
                   PK_ASSESSMENT_SCHEMA);
            pk_path_pop(&c->d, o);
            return;
        }
    }
    if (pk_fields(&c->d, root, f, 7, v) < 0 && root->kind != PK_MAP)
        return;
    if (v[2])
        decode_unit(c, v[2]);
    o = pk_path_key(&c->d, "period");
    (void)pk_get_text(&c->d, v[3], &a->period);
    pk_path_pop(&c->d, o);
    o = pk_path_key(&c->d, "assessor");
    if (!pk_is_blank(v[4]))
        (void)pk_get_text(&c->d, v[4], &a->assessor);
    pk_path_pop(&c->d, o);
    if (!v[1])
        return;
    o = pk_path_key(&c->d, "rubric");
    if (v[1]->kind != PK_SCALAR) {
        const char *ignored = NULL;
        (void)pk_get_text(&c->d, v[1], &ignored);
        pk_path_pop(&c->d, o);
        return;
    }
    if (resolve_rubric(c, v[1], opts) < 0) {
        pk_path_pop(&c->d, o);
        return;
    }
    pk_path_pop(&c->d, o);
    r = a->rubric = c->r;
    a->answers = pk_arena_alloc(&a->arena, (r->nindicators ? r->nindicators : 1) * sizeof(*a->answers));
    a->supplement_levels =
        pk_arena_alloc(&a->arena, (r->nsupplements ? r->nsupplements : 1) * sizeof(int));
    if (!a->answers || !a->supplement_levels) {
        pk_err(&c->d, NULL, PEKPPP_ENOMEM, PK_R_OTHER, "out of memory");
        return;
    }
    memset(a->answers, 0, r->nindicators * sizeof(*a->answers));
    for (i = 0; i < r->nindicators; i++)
        a->answers[i].level = PEKPPP_LEVEL_MISSING;
    for (i = 0; i < r->nsupplements; i++)
        a->supplement_levels[i] = PEKPPP_LEVEL_MISSING;
    /* Without an answers mapping, "missing required key" has said it all. */
    if (v[5])
        decode_answers(c, v[5], pk_map_key(root, "answers"), opts && opts->allow_incomplete);
    if (v[6])
        decode_survey(c, v[6]);
}

int pekppp_assessment_options_init(pekppp_assessment_options *opts, unsigned version)
{
    pekppp_assessment_options defaults = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    if (!opts || version == 0 || version > PEKPPP_ASSESSMENT_OPTIONS_VERSION)
        return PEKPPP_EINVALID;
    defaults.version = version;
    /* A version 1 struct ends before `sheet`: write only what it has. */
    memcpy(opts, &defaults,
           version == 1 ? offsetof(pekppp_assessment_options, sheet) : sizeof(defaults));
    return 0;
}

int pekppp_assessment_load_buffer(pekppp_assessment **out, const char *data, size_t len,
                                  const char *name, const pekppp_assessment_options *opts,
                                  pekppp_error *err)
{
    pk_report rep;
    pk_doc doc;
    actx c;
    pekppp_assessment *a = NULL;
    int error;

    *out = NULL;
    pk_report_init(&rep, name, opts ? opts->diag : NULL, opts ? opts->payload : NULL, err);
    if (opts && (error = pk_options_check(&rep, "pekppp_assessment_options", opts->version,
                                          PEKPPP_ASSESSMENT_OPTIONS_VERSION)) < 0)
        return error;
    /* With repeated keys the tree is kept: decode it for the other problems. */
    error = pk_doc_parse(&doc, data, len, &rep);
    if (error < 0 && !doc.root)
        goto done;
    if (!(a = pk_malloc(sizeof(*a)))) {
        error = PEKPPP_ENOMEM;
        pk_diag(&rep, error, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        goto done;
    }
    memset(a, 0, sizeof(*a));
    memcpy(a->sha256, doc.sha256, sizeof(a->sha256));
    memset(&c, 0, sizeof(c));
    c.a = a;
    pk_dec_init(&c.d, &rep, &a->arena);
    if (!(a->file = pk_arena_strndup(&a->arena, name, strlen(name)))) {
        error = PEKPPP_ENOMEM;
        pk_diag(&rep, error, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        goto done;
    }
    decode_assessment(&c, doc.root, opts);
    if (rep.errors > 0) {
        error = rep.first_code;
        goto done;
    }
    *out = a;
    a = NULL;
done:
    pekppp_assessment_free(a);
    pk_doc_free(&doc);
    return error;
}

int pekppp_assessment_load_file(pekppp_assessment **out, const char *path,
                                const pekppp_assessment_options *opts, pekppp_error *err)
{
    pk_report rep;
    char *data = NULL;
    size_t len = 0;
    int error;
    *out = NULL;
    pk_report_init(&rep, path, opts ? opts->diag : NULL, opts ? opts->payload : NULL, err);
    if (opts && (error = pk_options_check(&rep, "pekppp_assessment_options", opts->version,
                                          PEKPPP_ASSESSMENT_OPTIONS_VERSION)) < 0)
        return error;
    if ((error = pk_read_file(&data, &len, path, &rep)) < 0)
        return error;
    error = pekppp_assessment_load_buffer(out, data, len, path, opts, err);
    pk_free(data);
    return error;
}

void pekppp_assessment_free(pekppp_assessment *a)
{
    if (!a)
        return;
    pk_arena_free(&a->arena);
    pk_free(a);
}

const pekppp_rubric *pekppp_assessment_rubric(const pekppp_assessment *a) { return a->rubric; }
const char *pekppp_assessment_unit_id(const pekppp_assessment *a) { return a->unit_id; }
const char *pekppp_assessment_unit_name(const pekppp_assessment *a) { return a->unit_name; }

int pekppp_assessment_level(const pekppp_assessment *a, size_t i)
{
    return i < a->rubric->nindicators ? a->answers[i].level : PEKPPP_LEVEL_MISSING;
}

int pekppp_assessment_set_level(pekppp_assessment *a, size_t i, int level)
{
    const pekppp_rubric *r = a->rubric;
    if (i >= r->nindicators)
        return PEKPPP_EINVALID;
    if (level == PEKPPP_LEVEL_NA ? !r->indicators[i].na_allowed
                                 : (level < r->scale_min || level > r->scale_max))
        return PEKPPP_EINVALID;
    a->answers[i].level = level;
    /* An answer filled in may complete a unit read with incomplete answers allowed. */
    if (a->incomplete) {
        size_t k;
        a->incomplete = false;
        for (k = 0; k < r->nindicators; k++)
            a->incomplete |= a->answers[k].level == PEKPPP_LEVEL_MISSING;
    }
    return 0;
}
