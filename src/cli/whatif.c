/* What-if answers and plan checks; see whatif.h. */
#include "whatif.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_msg.h"
#include "diag_print.h"
#include "exitcode.h"
#include "suggest.h"
#include "term.h"

/* The scored indicator nearest to @p id, for "did you mean"; NULL when none
 * is near or memory is short (the hint is a courtesy). */
static const char *nearest_indicator(const pekppp_rubric *r, const char *id)
{
    size_t n = pekppp_rubric_indicator_count(r), i;
    const char **names = malloc((n ? n : 1) * sizeof(*names));
    const char *best;
    if (!names)
        return NULL;
    for (i = 0; i < n; i++)
        names[i] = pekppp_rubric_indicator(r, i)->id;
    best = cli_nearest(id, names, n);
    free(names);
    return best;
}

/* Whether @p id is one of the rubric's supplementary (never scored) indicators. */
static int is_supplement(const pekppp_rubric *r, const char *id)
{
    size_t i;
    for (i = 0; i < pekppp_rubric_supplement_count(r); i++)
        if (strcmp(pekppp_rubric_supplement(r, i)->id, id) == 0)
            return 1;
    return 0;
}

/* Say why @p id names no scored indicator of @p r, with a hint when one is near. */
static void no_indicator(const pekppp_rubric *r, const char *id, cli_msg_id plain,
                         cli_msg_id near_msg, int lang, char *msg, size_t size)
{
    const char *near = nearest_indicator(r, id);
    if (near)
        snprintf(msg, size, cli_msg(lang, near_msg), pekppp_rubric_id(r), id, near);
    else
        snprintf(msg, size, cli_msg(lang, plain), pekppp_rubric_id(r), id);
}

int cli_apply_sets(pekppp_assessment *a, char *const *sets, size_t n, pekppp_change *out, int lang)
{
    const pekppp_rubric *r = pekppp_assessment_rubric(a);
    size_t i;
    for (i = 0; i < n; i++) {
        const char *eq = strchr(sets[i], '=');
        char id[256], *end;
        long idx, level;
        if (!eq || eq == sets[i] || (size_t)(eq - sets[i]) >= sizeof(id) || !eq[1]) {
            cli_fail(cli_msg(lang, CM_SET_FORM), sets[i]);
            return CLI_EXIT_USAGE;
        }
        memcpy(id, sets[i], (size_t)(eq - sets[i]));
        id[eq - sets[i]] = '\0';
        if ((idx = pekppp_rubric_find_indicator(r, id)) < 0) {
            char msg[512];
            if (is_supplement(r, id))
                snprintf(msg, sizeof(msg), cli_msg(lang, CM_SET_SUPPLEMENT), id);
            else
                no_indicator(r, id, CM_SET_NO_INDICATOR, CM_SET_NO_INDICATOR_NEAR, lang, msg,
                             sizeof(msg));
            cli_fail("%s", msg);
            return CLI_EXIT_USAGE;
        }
        if (strcmp(eq + 1, "na") == 0) {
            level = PEKPPP_LEVEL_NA;
        } else {
            level = strtol(eq + 1, &end, 10);
            if (*end || end == eq + 1 || level < INT32_MIN / 2 || level > INT32_MAX / 2)
                level = INT32_MIN;
        }
        out[i].indicator = (size_t)idx;
        out[i].from = pekppp_assessment_level(a, (size_t)idx);
        out[i].to = (int)level;
        if (level == INT32_MIN || pekppp_assessment_set_level(a, (size_t)idx, (int)level) < 0) {
            int na = pekppp_rubric_indicator(r, (size_t)idx)->na_allowed;
            cli_fail(cli_msg(lang, na ? CM_SET_BAD_LEVEL_NA : CM_SET_BAD_LEVEL), id, eq + 1,
                     pekppp_rubric_scale_min(r), pekppp_rubric_scale_max(r));
            return CLI_EXIT_USAGE;
        }
    }
    return 0;
}

int cli_make_plan(pekppp_plan **out, const pekppp_result *res, const char *target,
                  const pekppp_plan_options *po, int lang, const char *cmd)
{
    const pekppp_rubric *r = pekppp_assessment_rubric(pekppp_result_assessment(res));
    pekppp_error err;
    size_t i, found = 0;
    char msg[512];
    int error;
    /* Mistakes on the command line are usage errors, in the user's language. */
    for (i = 0; i < pekppp_rubric_band_count(r); i++)
        found |= strcmp(pekppp_rubric_band(r, i)->grade, target) == 0;
    if (!found) {
        snprintf(msg, sizeof(msg), cli_msg(lang, CM_NO_GRADE), pekppp_rubric_id(r), target);
        return cli_usage(lang, cmd, msg);
    }
    for (i = 0; i < po->nfixed; i++)
        if (pekppp_rubric_find_indicator(r, po->fixed[i]) < 0) {
            no_indicator(r, po->fixed[i], CM_FIX_NO_INDICATOR, CM_FIX_NO_INDICATOR_NEAR, lang, msg,
                         sizeof(msg));
            return cli_usage(lang, cmd, msg);
        }
    if ((error = pekppp_plan_make(out, res, target, po, &err)) < 0) {
        cli_fail("%s", cli_diag_message(&err));
        return error == PEKPPP_EINVALID ? CLI_EXIT_USAGE : cli_exit_for(error);
    }
    return 0;
}

/* Diagnostics held back during the strict read of cli_load_for_sets. */
typedef struct {
    pekppp_error *items;
    size_t n, cap;
    int other; /* an error that no --set can mend */
} held;

static void hold(const pekppp_error *d, void *payload)
{
    held *h = payload;
    if (d->severity == PEKPPP_SEV_ERROR && strcmp(d->rule, "unit.missing-answer") != 0)
        h->other = 1;
    if (h->n == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 16;
        pekppp_error *n = realloc(h->items, cap * sizeof(*n));
        if (!n) {
            h->other = 1; /* cannot keep it: print what was kept and give up the retry */
            return;
        }
        h->items = n;
        h->cap = cap;
    }
    h->items[h->n++] = *d;
}

/* Whether a --set in @p sets names indicator @p id. */
static int set_names(char *const *sets, size_t n, const char *id)
{
    size_t i, len = strlen(id);
    for (i = 0; i < n; i++)
        if (strncmp(sets[i], id, len) == 0 && sets[i][len] == '=')
            return 1;
    return 0;
}

/* Print the held diagnostics, leaving out the missing answers the sets fill (@p a, when
 * given, is the unit read with incomplete answers allowed) and, when @p errors is 0, every
 * error. */
static void print_held(const held *h, const pekppp_assessment *a, char *const *sets, size_t n,
                       int errors)
{
    size_t i;
    for (i = 0; i < h->n; i++) {
        const pekppp_error *d = &h->items[i];
        const char *key = strncmp(d->path, "answers.", 8) == 0 ? d->path + 8 : NULL;
        if (d->severity == PEKPPP_SEV_ERROR && !errors)
            continue;
        if (a && key && strcmp(d->rule, "unit.missing-answer") == 0 && set_names(sets, n, key))
            continue;
        cli_diag_cb(d, NULL);
    }
}

int cli_load_for_sets(pekppp_assessment **out, const char *path,
                      const pekppp_assessment_options *opts, char *const *sets, size_t nsets,
                      pekppp_error *err)
{
    pekppp_assessment_options o = *opts;
    const pekppp_rubric *r;
    held h = { NULL, 0, 0, 0 };
    size_t i;
    int error, filled = 1;
    o.diag = cli_diag_cb;
    if (nsets == 0 || opts->allow_incomplete)
        return pekppp_assessment_load_file(out, path, &o, err);
    o.diag = hold;
    o.payload = &h;
    if ((error = pekppp_assessment_load_file(out, path, &o, err)) == 0 || h.other) {
        print_held(&h, NULL, sets, nsets, 1);
        free(h.items);
        return error;
    }
    /* Only answers are missing: read again with them allowed, and see that the sets fill
     * every one.  The first read's warnings are the ones shown. */
    o.allow_incomplete = true;
    o.diag = NULL;
    if ((error = pekppp_assessment_load_file(out, path, &o, err)) < 0) {
        print_held(&h, NULL, sets, nsets, 1);
        free(h.items);
        return error;
    }
    r = pekppp_assessment_rubric(*out);
    for (i = 0; i < pekppp_rubric_indicator_count(r); i++)
        if (pekppp_assessment_level(*out, i) == PEKPPP_LEVEL_MISSING &&
            !set_names(sets, nsets, pekppp_rubric_indicator(r, i)->id))
            filled = 0;
    print_held(&h, *out, sets, nsets, !filled);
    if (!filled) {
        pekppp_assessment_free(*out);
        *out = NULL;
        for (i = 0; i < h.n; i++)
            if (h.items[i].severity == PEKPPP_SEV_ERROR) {
                *err = h.items[i];
                break;
            }
        free(h.items);
        return PEKPPP_EINVALID;
    }
    free(h.items);
    return 0;
}
