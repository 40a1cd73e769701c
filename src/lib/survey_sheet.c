/*
 * F-03 survey answers from a respondent sheet (pekppp/survey.h), read by the
 * one respondent-row reader (responses.c) and handed to each unit as its
 * `survey.responses`, so the scorer sees nothing new.
 */
#include "model.h"

#include <string.h>

#include "diag.h"
#include "pekppp/survey.h"
#include "responses.h"

struct pekppp_survey_sheet {
    const pekppp_rubric *r;
    pk_resp_spec spec;
    pk_resp_item *items;
    pk_responses rs;
    const char *file;
    unsigned char *used;        /* per unit: taken by an assessment (atomic stores) */
};

void pekppp_survey_sheet_free(pekppp_survey_sheet *s)
{
    if (!s)
        return;
    pk_responses_free(&s->rs);
    pk_free(s->items);
    pk_free(s->used);
    pk_free(s);
}

int pekppp_survey_sheet_read(pekppp_survey_sheet **out, const pekppp_rubric *r, const char *path,
                             const pekppp_load_options *opts, pekppp_error *err)
{
    pekppp_survey_sheet *s = NULL;
    pk_report rep;
    size_t i, n = r->nsurvey_items ? r->nsurvey_items : 1;
    int error;
    *out = NULL;
    pk_report_init(&rep, path, opts ? opts->diag : NULL, opts ? opts->payload : NULL, err);
    if (opts && (error = pk_options_check(&rep, "pekppp_load_options", opts->version,
                                          PEKPPP_LOAD_OPTIONS_VERSION)) < 0)
        return error;
    if (r->nsurvey_items == 0) {
        pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_UNIT_SURVEY,
                "rubric '%s' has no survey items to answer", r->id);
        return PEKPPP_EINVALID;
    }
    if (!(s = pk_malloc(sizeof(*s))))
        goto oom;
    memset(s, 0, sizeof(*s));
    s->r = r;
    s->file = path;
    if (!(s->items = pk_malloc(n * sizeof(*s->items))))
        goto oom;
    for (i = 0; i < r->nsurvey_items; i++) {
        s->items[i].id = r->survey_items[i].id;
        s->items[i].name = r->survey_items[i].text;
        s->items[i].question = NULL;
        s->items[i].labels = NULL;
    }
    s->spec.items = s->items;
    s->spec.nitems = r->nsurvey_items;
    s->spec.scale_min = r->scale_min;
    s->spec.scale_max = r->scale_max;
    s->spec.unit_required = true;
    pk_responses_init(&s->rs, &s->spec);
    if ((error = pk_responses_read(&s->rs, path, NULL, 0, &rep, NULL)) < 0) {
        pekppp_survey_sheet_free(s);
        return error;
    }
    if (!(s->used = pk_malloc(s->rs.nunits ? s->rs.nunits : 1)))
        goto oom;
    memset(s->used, 0, s->rs.nunits ? s->rs.nunits : 1);
    *out = s;
    return 0;
oom:
    pekppp_survey_sheet_free(s);
    pk_diag(&rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
    return PEKPPP_ENOMEM;
}

int pekppp_survey_sheet_apply(pekppp_survey_sheet *s, pekppp_assessment *a, pekppp_error *err)
{
    const pekppp_rubric *r = a->rubric;
    const pk_resp_unit *u = NULL;
    pk_report rep;
    size_t i, n;
    pk_report_init(&rep, a->file, NULL, NULL, err);
    for (i = 0; i < s->rs.nunits; i++)
        if (strcmp(s->rs.units[i].unit_id, a->unit_id) == 0) {
            u = &s->rs.units[i];
            break;
        }
    if (!u)
        return 0;
    if (r != s->r && (strcmp(r->id, s->r->id) != 0 || strcmp(r->sha256, s->r->sha256) != 0)) {
        pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, a->id_line, a->id_col, a->id_path,
                PK_R_UNIT_SURVEY,
                "unit '%s' is of rubric '%s', but the survey sheet %s was read for rubric '%s'",
                a->unit_id, r->id, s->file, s->r->id);
        return PEKPPP_EINVALID;
    }
    __atomic_store_n(&s->used[i], 1, __ATOMIC_RELAXED);
    if (a->survey_kind != PK_SURVEY_NONE) {
        pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, a->id_line, a->id_col, a->id_path,
                PK_R_UNIT_SURVEY,
                "unit '%s' has survey answers of its own and in the survey sheet %s (line %u): "
                "give them in one place",
                a->unit_id, s->file, u->line);
        return PEKPPP_EINVALID;
    }
    n = r->nsurvey_items;
    a->item_sums = pk_arena_alloc(&a->arena, n * sizeof(*a->item_sums));
    a->item_counts = pk_arena_alloc(&a->arena, n * sizeof(*a->item_counts));
    if (!a->item_sums || !a->item_counts) {
        pk_diag(&rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        return PEKPPP_ENOMEM;
    }
    memcpy(a->item_sums, u->sums, n * sizeof(*a->item_sums));
    memcpy(a->item_counts, u->counts, n * sizeof(*a->item_counts));
    a->respondents = u->respondents;
    a->survey_kind = PK_SURVEY_RESPONSES;
    return 1;
}

size_t pekppp_survey_sheet_report_unused(const pekppp_survey_sheet *s, pekppp_diag_cb cb,
                                         void *payload)
{
    size_t i, count = 0;
    for (i = 0; i < s->rs.nunits; i++) {
        const pk_resp_unit *u = &s->rs.units[i];
        pekppp_error e;
        pk_report rep;
        if (__atomic_load_n(&s->used[i], __ATOMIC_RELAXED))
            continue;
        pk_report_init(&rep, u->file ? u->file : s->file, cb, payload, &e);
        rep.sheet = u->sheet;
        pk_diag(&rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, u->line, u->col, "unit_id",
                PK_R_UNIT_SURVEY,
                "the survey sheet has %ld responses for unit '%s', which is not among the units "
                "scored",
                u->respondents, u->unit_id);
        count++;
    }
    return count;
}
