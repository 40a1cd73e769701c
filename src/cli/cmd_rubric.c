/*
 * `pekppp rubric list` and `pekppp rubric show ID|FILE`: the rubrics the tool
 * can find, and one of them as a readable guide for unit staff (aspects,
 * indicators, weights, level descriptions, evidence).
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli_msg.h"
#include "cmd.h"
#include "exitcode.h"
#include "opt.h"
#include "opt_value.h"
#include "output.h"
#include "rubric_find.h"
#include "term.h"

enum { O_RUBRIC_PATH = 1, O_LANG, O_OUTPUT, O_HELP };

const cli_opt rubric_opts[] = {
    { O_RUBRIC_PATH, 0, "rubric-path", "DIRS", { "cari rubrik di folder ini dulu", "search these folders first" } },
    { O_LANG, 0, "lang", "LANG", { "bahasa: id atau en", "language: id or en" } },
    { O_OUTPUT, 'o', "output", "FILE", { "tulis ke berkas (diganti secara atomik)", "write to a file (replaced atomically)" } },
    { O_HELP, 'h', "help", NULL, { "tampilkan bantuan ini", "show this help" } },
    { 0, 0, NULL, NULL, { NULL, NULL } }
};

/* Rubric text, with control characters shown as spaces. */
/* A rubric text on one line: line breaks and tabs as spaces, then the terminal policy. */
static void guide_puts(pekppp_sink *out, const char *s)
{
    char *flat = s ? strdup(s) : NULL, *p;
    if (!flat)
        return;
    for (p = flat; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    cli_sink_safe(out, flat, strlen(flat));
    free(flat);
}

/* A decimal scaled by 10^4, without trailing zeros: 240000 -> "24". */
static void guide_dec(char *buf, size_t n, int64_t scaled)
{
    size_t len;
    if (scaled % 10000 == 0) {
        snprintf(buf, n, "%lld", (long long)(scaled / 10000));
        return;
    }
    snprintf(buf, n, "%lld.%04lld", (long long)(scaled / 10000), (long long)(scaled % 10000));
    len = strlen(buf);
    while (len > 0 && buf[len - 1] == '0')
        buf[--len] = '\0';
}

/* A rounded number without trailing zeros: 4.5100 -> "4.51". */
static void guide_fixed(char *buf, size_t n, pekppp_fixed v)
{
    size_t len;
    if (pekppp_fixed_format(buf, n, v) < 0) {
        snprintf(buf, n, "?");
        return;
    }
    len = strlen(buf);
    if (!strchr(buf, '.'))
        return;
    while (len > 0 && buf[len - 1] == '0')
        buf[--len] = '\0';
    if (len > 0 && buf[len - 1] == '.')
        buf[--len] = '\0';
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* List the *.yaml rubrics of one folder, in name order. */
static void list_dir(pekppp_sink *out, const char *dir, int lang)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char *names[512];
    size_t n = 0, i;
    if (!d)
        return;
    while ((e = readdir(d)) != NULL && n < 512) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] != '.' && len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof(*names), cmp_str);
    for (i = 0; i < n; i++) {
        char path[4096], line[8800];
        pekppp_rubric *r = NULL;
        pekppp_error err;
        int w;
        if (!names[i])
            continue;
        /* A path too long to hold is skipped, never loaded cut short. */
        w = snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        if (w < 0 || (size_t)w >= sizeof(path)) {
            free(names[i]);
            continue;
        }
        if (pekppp_rubric_load_file(&r, path, NULL, &err) == 0) {
            snprintf(line, sizeof(line), "  %-24s %-10s %s\n      %s\n", pekppp_rubric_id(r),
                     pekppp_rubric_version(r),
                     pekppp_rubric_title(r) ? pekppp_rubric_title(r) : "", path);
        } else {
            snprintf(line, sizeof(line), "  %-24s %s\n      %s\n", names[i],
                     cli_msg(lang, CM_RUBRIC_LIST_INVALID), path);
        }
        cli_sink_safe(out, line, strlen(line)); /* ids, titles, file names from the disk */
        pekppp_rubric_free(r);
        free(names[i]);
    }
}

static void rubric_list(pekppp_sink *out, cli_rubrics *rs, int lang)
{
    const char *lists[4];
    int k;
    cli_rubric_search_path(rs, lists);
    for (k = 0; k < 4; k++) {
        const char *p = lists[k];
        while (p && *p) {
            const char *end = strchr(p, ':');
            size_t len = end ? (size_t)(end - p) : strlen(p);
            char dir[4096];
            struct stat st;
            if (len > 0 && len < sizeof(dir)) {
                memcpy(dir, p, len);
                dir[len] = '\0';
                if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
                    cli_sink_safe(out, dir, strlen(dir));
                    pekppp_sink_puts(out, ":\n");
                    list_dir(out, dir, lang);
                }
            }
            p = end ? end + 1 : NULL;
        }
    }
}

/* One rubric as a guide: what each indicator asks at each level. */
/* The survey (form F-03): its scale, minimum respondents, weight in the
 * index and items, so unit staff need not read the YAML to fill it in. */
static void survey_show(pekppp_sink *out, const pekppp_rubric *r, int lang)
{
    size_t i, n = pekppp_rubric_survey_item_count(r);
    int64_t ev = 0, sv = 0;
    char line[512], a[32], b[32];
    if (n == 0)
        return;
    snprintf(line, sizeof(line), cli_msg(lang, CM_GUIDE_SURVEY), pekppp_rubric_scale_min(r),
             pekppp_rubric_scale_max(r));
    pekppp_sink_puts(out, line);
    snprintf(line, sizeof(line), cli_msg(lang, CM_GUIDE_SURVEY_MIN),
             pekppp_rubric_min_respondents(r));
    pekppp_sink_puts(out, line);
    if (pekppp_rubric_combine(r, &ev, &sv)) {
        guide_dec(a, sizeof(a), ev);
        guide_dec(b, sizeof(b), sv);
        snprintf(line, sizeof(line), cli_msg(lang, CM_GUIDE_COMBINE), a, b);
        pekppp_sink_puts(out, line);
    }
    for (i = 0; i < n; i++) {
        const pekppp_survey_item *it = pekppp_rubric_survey_item(r, i);
        const pekppp_aspect *asp = pekppp_rubric_aspect(r, it->aspect);
        pekppp_sink_puts(out, "  ");
        guide_puts(out, it->id);
        pekppp_sink_puts(out, "  ");
        guide_puts(out, it->text);
        if (asp && asp->id) {
            pekppp_sink_puts(out, " [");
            guide_puts(out, asp->id);
            pekppp_sink_puts(out, "]");
        }
        pekppp_sink_puts(out, "\n");
    }
}

static void rubric_show(pekppp_sink *out, const pekppp_rubric *r, int lang)
{
    size_t a, i, k, nl = (size_t)(pekppp_rubric_scale_max(r) - pekppp_rubric_scale_min(r) + 1);
    char w[32];
    guide_puts(out, pekppp_rubric_title(r) ? pekppp_rubric_title(r) : pekppp_rubric_id(r));
    pekppp_sink_puts(out, "\n");
    {
        char line[512];
        snprintf(line, sizeof(line), cli_msg(lang, CM_GUIDE_HEAD), pekppp_rubric_id(r),
                 pekppp_rubric_version(r), pekppp_rubric_scale_min(r), pekppp_rubric_scale_max(r));
        cli_sink_safe(out, line, strlen(line)); /* the rubric id and version */
    }
    pekppp_sink_puts(out, cli_msg(lang, CM_GUIDE_GRADES));
    for (i = 0; i < pekppp_rubric_band_count(r); i++) {
        const pekppp_band *b = pekppp_rubric_band(r, i);
        char line[256];
        guide_fixed(w, sizeof(w), b->min);
        snprintf(line, sizeof(line), "  %-3s >= %-5s ", b->grade, w);
        cli_sink_safe(out, line, strlen(line));
        guide_puts(out, b->label);
        pekppp_sink_puts(out, "\n");
    }
    if (pekppp_rubric_convert_factor(r)) {
        char line[256];
        guide_dec(w, sizeof(w), pekppp_rubric_convert_factor(r));
        snprintf(line, sizeof(line), cli_msg(lang, CM_GUIDE_CONVERT), w);
        pekppp_sink_puts(out, line);
    }
    for (a = 0; a < pekppp_rubric_aspect_count(r); a++) {
        const pekppp_aspect *asp = pekppp_rubric_aspect(r, a);
        guide_dec(w, sizeof(w), asp->weight);
        pekppp_sink_puts(out, "\n");
        if (asp->code) {
            guide_puts(out, asp->code);
            pekppp_sink_puts(out, ". ");
        }
        guide_puts(out, asp->name);
        pekppp_sink_puts(out, cli_msg(lang, CM_GUIDE_WEIGHT));
        pekppp_sink_puts(out, w);
        pekppp_sink_puts(out, "%)\n");
        for (i = asp->first; i < asp->first + asp->count; i++) {
            const pekppp_indicator *ind = pekppp_rubric_indicator(r, i);
            const char *question = pekppp_rubric_indicator_question(r, i);
            if (pekppp_rubric_indicator_weight_text(r, i, w, sizeof(w)) < 0)
                guide_dec(w, sizeof(w), ind->weight);
            pekppp_sink_puts(out, "\n  ");
            guide_puts(out, ind->id);
            pekppp_sink_puts(out, "  ");
            guide_puts(out, ind->name);
            pekppp_sink_puts(out, cli_msg(lang, CM_GUIDE_WEIGHT));
            pekppp_sink_puts(out, w);
            pekppp_sink_puts(out, strchr(w, '/') ? ")\n" : "%)\n");
            if (question) {
                pekppp_sink_puts(out, cli_msg(lang, CM_GUIDE_QUESTION));
                guide_puts(out, question);
                pekppp_sink_puts(out, "\n");
            }
            for (k = 0; k < nl; k++) {
                char lv[16];
                snprintf(lv, sizeof(lv), "    %d  ", pekppp_rubric_scale_min(r) + (int)k);
                pekppp_sink_puts(out, lv);
                guide_puts(out, ind->levels[k]);
                pekppp_sink_puts(out, "\n");
            }
            for (k = 0; k < ind->evidence_count; k++) {
                pekppp_sink_puts(out, k ? "; " : cli_msg(lang, CM_GUIDE_EVIDENCE));
                guide_puts(out, ind->evidence[k]);
            }
            if (ind->evidence_count)
                pekppp_sink_puts(out, "\n");
        }
    }
    survey_show(out, r, lang);
}

int cmd_rubric(int argc, char **argv)
{
    cli_opt_state st;
    cli_rubrics rubrics;
    pekppp_sink sink;
    const char *sub = NULL, *arg = NULL, *output = NULL, *v;
    int lang = cli_lang_default(), id, rc = CLI_EXIT_OK;

    cli_rubrics_init(&rubrics, lang);
    rubrics.no_rubric_option = 1;
    pekppp_sink_init_buffer(&sink);
    cli_opt_init(&st, argc, argv);
    while ((id = cli_opt_next(&st, rubric_opts, &v)) != CLI_OPT_END) {
        switch (id) {
        case CLI_OPT_POSITIONAL:
            if (!sub)
                sub = v;
            else if (!arg)
                arg = v;
            else {
                rc = cli_usage(lang, "rubric", cli_msg(lang, CM_TOO_MANY_ARGS));
                goto done;
            }
            break;
        case CLI_OPT_ERROR: rc = cli_usage(lang, "rubric", st.error); goto done;
        case O_RUBRIC_PATH: rubrics.rubric_path = v; break;
        case O_LANG:
            if ((rc = cli_opt_lang(v, &lang, &rubrics, "rubric")) != 0)
                goto done;
            break;
        case O_OUTPUT: output = v; break;
        case O_HELP: rc = cmd_help_for("rubric", lang); goto done;
        default: break;
        }
    }
    if (sub && strcmp(sub, "list") == 0 && !arg) {
        rubric_list(&sink, &rubrics, lang);
    } else if (sub && strcmp(sub, "show") == 0 && arg) {
        const pekppp_rubric *r = NULL;
        pekppp_error err;
        pekppp_error_clear(&err);
        if (strchr(arg, '/') || strstr(arg, ".yaml")) {
            rubrics.rubric_file = arg;
            if ((rc = cli_out_check(output, NULL, &arg, 1, lang, "rubric")) != 0 ||
                (rc = cli_rubrics_load_given(&rubrics, &r)) != 0)
                goto done;
        } else if (cli_rubrics_resolve(&r, arg, &rubrics, &err) < 0) {
            cli_fail("%s", cli_diag_message(&err));
            rc = err.code == PEKPPP_ENOTFOUND || !err.code ? CLI_EXIT_IO : CLI_EXIT_INVALID;
            goto done;
        }
        rubric_show(&sink, r, lang);
    } else {
        rc = cli_usage(lang, "rubric", cli_msg(lang, CM_RUBRIC_USAGE));
        goto done;
    }
    rc = cli_write_output(output, sink.data ? sink.data : "", sink.len);
done:
    pekppp_sink_dispose(&sink);
    cli_rubrics_free(&rubrics);
    return rc;
}
