/*
 * The views of a unit report (view.h): what a report shows beyond the
 * result itself, worked out once before any renderer writes.
 */
#include "view.h"

#include <string.h>

static int whatif_make(pk_whatif_view *w, const pekppp_result *res, const pekppp_report_options *o)
{
    const pekppp_result *base = o->baseline;
    const pekppp_rubric *r = res->rubric;
    size_t i;
    int ok = 1;
    memset(w, 0, sizeof(*w));
    w->before = base;
    w->changes = o->changes;
    w->nchanges = o->nchanges;
    w->delta = pk_rounded_delta(r, res->index, base->index, &ok);
    if (!(w->aspects = pk_malloc((r->naspects ? r->naspects : 1) * sizeof(*w->aspects))))
        return PEKPPP_ENOMEM;
    for (i = 0; i < r->naspects; i++) {
        const pk_aspect_result *a = &res->aspects[i], *b = &base->aspects[i];
        pk_whatif_aspect *wa = &w->aspects[w->naspects];
        if (a->left_out || b->left_out)
            continue;
        wa->aspect = i;
        wa->before = b->rounded;
        wa->after = a->rounded;
        wa->delta = pk_rounded_delta(r, a->score, b->score, &ok);
        wa->moved = pk_rat_cmp(a->score, b->score) != 0;
        w->naspects++;
    }
    return ok ? 0 : PEKPPP_ERANGE;
}

int pk_unit_view_make(pk_unit_view *out, const pekppp_result *res,
                      const pekppp_report_options *o)
{
    int error = 0;
    memset(out, 0, sizeof(*out));
    if (o->baseline) {
        error = whatif_make(&out->whatif_data, res, o);
        out->whatif = &out->whatif_data;
    }
    if (error < 0)
        pk_unit_view_free(out);
    return error;
}

void pk_unit_view_free(pk_unit_view *v)
{
    pk_free(v->whatif_data.aspects);
    memset(v, 0, sizeof(*v));
}
