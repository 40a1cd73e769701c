/*
 * `pekppp diff OLD NEW`: what changed between two periods.  Each side is a
 * unit file, a folder of them, or a sheet (CSV or .xlsx); every unit is scored and the
 * two sides are matched by unit id.
 */
#include <stdlib.h>
#include <string.h>

#include "cli_msg.h"
#include "cmd.h"
#include "diag_print.h"
#include "exitcode.h"
#include "inputs.h"
#include "opt.h"
#include "opt_value.h"
#include "output.h"
#include "rubric_find.h"
#include "term.h"

enum { O_RUBRIC = 1, O_RUBRIC_PATH, O_FORMAT, O_OUTPUT, O_LANG, O_CSV_DIALECT, O_INCOMPLETE,
       O_SHEET, O_HELP };

const cli_opt diff_opts[] = {
    { O_RUBRIC, 'r', "rubric", "FILE", { "pakai rubrik ini untuk kedua sisi", "use this rubric file for both sides" } },
    { O_RUBRIC_PATH, 0, "rubric-path", "DIRS", { "cari rubrik di folder ini dulu", "search these folders first" } },
    { O_FORMAT, 'f', "format", "FMT", { "text (bawaan), json, atau csv", "text (default), json, or csv" } },
    { O_OUTPUT, 'o', "output", "FILE", { "tulis ke berkas (diganti secara atomik)", "write to a file (replaced atomically)" } },
    { O_LANG, 0, "lang", "LANG", { "bahasa: id atau en", "language: id or en" } },
    { O_CSV_DIALECT, 0, "csv-dialect", "D", { "plain atau id", "plain or id" } },
    { O_INCOMPLETE, 0, "allow-incomplete", NULL,
      { "indikator tanpa jawaban dihitung level minimum", "count unanswered indicators at the lowest level" } },
    { O_SHEET, 0, "sheet", "NAME", { "lembar .xlsx yang dibaca (bawaan: lembar pertama berisi unit)", "the .xlsx sheet to read (default: the first that holds units)" } },
    { O_HELP, 'h', "help", NULL, { "tampilkan bantuan ini", "show this help" } },
    { 0, 0, NULL, NULL, { NULL, NULL } }
};

static int usage(int lang, const char *msg)
{
    return cli_usage(lang, "diff", msg);
}

/* Record on @p side a failure that never reached the diff (the diff records its own), so
 * the comparison lists it and the unit is never "only on the other side"; returns 1. */
static int side_failed(pekppp_diff *d, pekppp_diff_side side, const pekppp_error *err)
{
    (void)pekppp_diff_add_failure(d, side, err);
    return 1;
}

/* The same for a problem the CLI found itself (an input it cannot read). */
static int side_failed_at(pekppp_diff *d, pekppp_diff_side side, const char *path, int code,
                          const char *en, const char *id)
{
    pekppp_error err;
    pekppp_error_clear(&err);
    err.code = code;
    snprintf(err.file, sizeof(err.file), "%s", path);
    snprintf(err.message, sizeof(err.message), "%s", en);
    snprintf(err.message_id, sizeof(err.message_id), "%s", id);
    snprintf(err.rule, sizeof(err.rule), "io");
    return side_failed(d, side, &err);
}

/* Score one unit and add it to a side; returns 1 when it failed. */
static int add_unit(pekppp_diff *d, pekppp_diff_side side, pekppp_assessment *a)
{
    pekppp_result *res = NULL;
    pekppp_error err;
    int failed = 0;
    if (pekppp_score(&res, a, &err) < 0) {
        cli_print_diag(&err);
        failed = side_failed(d, side, &err);
    } else if (pekppp_diff_add(d, side, res, &err) < 0) {
        cli_print_diag(&err); /* recorded by the diff */
        failed = 1;
    }
    pekppp_result_free(res);
    return failed;
}

/* A result or batch file of `pekppp score -f json`: its schema comes first. */
static int is_result_file(const char *path)
{
    char head[256];
    size_t n;
    FILE *f;
    size_t len = strlen(path);
    if (len < 5 || strcmp(path + len - 5, ".json") != 0 || !(f = fopen(path, "rb")))
        return 0;
    n = fread(head, 1, sizeof(head) - 1, f);
    fclose(f);
    head[n] = '\0';
    return strstr(head, "\"pekppp/result/v1\"") || strstr(head, "\"pekppp/batch/v1\"");
}

#define MAX_RESULT_FILE (256L * 1024 * 1024)

/* Add every unit of a result or batch file; returns failures, -1 when out of memory. */
static int add_result_file(pekppp_diff *d, pekppp_diff_side side, const char *path)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    long size;
    pekppp_error err;
    int rc = 0;
    if (!f || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || size > MAX_RESULT_FILE ||
        fseek(f, 0, SEEK_SET) != 0 || !(data = malloc((size_t)size + 1)) ||
        fread(data, 1, (size_t)size, f) != (size_t)size) {
        cli_fail("%s: %s", path, cli_msg(cli_get_lang(), CM_RESULT_UNREADABLE));
        if (f)
            fclose(f);
        free(data);
        return side_failed_at(d, side, path, PEKPPP_EIO, cli_msg(1, CM_RESULT_UNREADABLE),
                              cli_msg(0, CM_RESULT_UNREADABLE));
    }
    fclose(f);
    rc = pekppp_diff_add_json(d, side, data, (size_t)size, path, &err);
    free(data);
    if (rc == PEKPPP_ENOMEM)
        return -1;
    if (rc < 0) {
        cli_print_diag(&err);
        return 1;
    }
    return 0;
}

/* Add every unit of a sheet; returns the units that failed. */
static int add_sheet(pekppp_diff *d, pekppp_diff_side side, const char *path,
                     cli_rubrics *rubrics, pekppp_assessment_options o)
{
    pekppp_sheet *sheet = NULL;
    pekppp_error err;
    int failed = 0, rc;
    pekppp_error_clear(&err);
    if (!o.rubric && cli_rubrics_resolve(&o.rubric, CLI_DEFAULT_RUBRIC, rubrics, &err) < 0) {
        cli_fail("%s", cli_diag_message(&err));
        return 1;
    }
    if (pekppp_sheet_open_file(&sheet, path, &o, &err) < 0)
        return side_failed(d, side, &err);
    for (;;) {
        pekppp_assessment *a = NULL;
        rc = pekppp_sheet_next(sheet, &a, &err);
        if (rc == 0)
            break;
        if (rc < 0)
            failed += side_failed(d, side, &err);
        else
            failed += add_unit(d, side, a);
        pekppp_assessment_free(a);
    }
    pekppp_sheet_free(sheet);
    return failed;
}

/* Add one listed input; returns its failures, -1 when out of memory. */
static int add_item(pekppp_diff *d, pekppp_diff_side side, const cli_item *it,
                    cli_rubrics *rubrics, const pekppp_assessment_options *base, int lang)
{
    char buf[CLI_PATH_MAX];
    const char *path = cli_item_path(it, buf);
    if (it->kind == ITEM_SHEET)
        return add_sheet(d, side, path, rubrics, *base);
    if (it->kind == ITEM_UNIT && is_result_file(path))
        return add_result_file(d, side, path);
    if (it->kind == ITEM_UNIT) {
        pekppp_assessment_options o = *base;
        pekppp_assessment *a = NULL;
        pekppp_error err;
        int failed = pekppp_assessment_load_file(&a, path, &o, &err) < 0
                         ? side_failed(d, side, &err)
                         : add_unit(d, side, a);
        pekppp_assessment_free(a);
        return failed;
    }
    if (it->kind != ITEM_EMPTY) {
        cli_fail("%s: %s", path, cli_msg(lang, cli_item_problem(it)));
        return side_failed_at(d, side, path, PEKPPP_EIO, cli_msg(1, cli_item_problem(it)),
                              cli_msg(0, cli_item_problem(it)));
    }
    cli_fail(cli_msg(lang, CM_NO_UNITS_FOUND), path);
    return 1; /* nothing to compare on this side: no unit can be missing from it */
}

/* Load every unit of one side (a file, a folder or a sheet); returns the
 * failures, -1 when out of memory. */
static int load_side(pekppp_diff *d, pekppp_diff_side side, char *input, cli_rubrics *rubrics,
                     const pekppp_assessment_options *base, int lang)
{
    cli_items items;
    size_t i;
    int failed = 0;
    if (cli_items_expand(&items, &input, 1) < 0) {
        cli_items_free(&items);
        return -1;
    }
    for (i = 0; i < items.count; i++) {
        int f = add_item(d, side, &items.items[i], rubrics, base, lang);
        if (f < 0) {
            failed = -1;
            break;
        }
        failed += f;
    }
    cli_items_free(&items);
    return failed;
}

/* What the command line asks for. */
typedef struct {
    cli_rubrics rubrics;
    pekppp_assessment_options aopts;
    pekppp_report_options ro;
    pekppp_report_format format;
    char *sides[2];
    int nsides;
    const char *output;
    int lang;
} diff_args;

#define DIFF_GO (-1) /* parse_options: go on and compare */

/* Read the options into @p a: DIFF_GO, or the exit code to stop with
 * (after --help or a usage error). */
static int parse_options(diff_args *a, int argc, char **argv)
{
    cli_opt_state st;
    const char *v;
    int id, rc;
    cli_opt_init(&st, argc, argv);
    while ((id = cli_opt_next(&st, diff_opts, &v)) != CLI_OPT_END) {
        switch (id) {
        case CLI_OPT_POSITIONAL:
            if (a->nsides == 2)
                return usage(a->lang, cli_msg(a->lang, CM_DIFF_TWO_INPUTS));
            a->sides[a->nsides++] = (char *)v;
            break;
        case CLI_OPT_ERROR: return usage(a->lang, st.error);
        case O_RUBRIC: a->rubrics.rubric_file = v; break;
        case O_RUBRIC_PATH: a->rubrics.rubric_path = v; break;
        case O_FORMAT:
            if ((rc = cli_opt_format(v, "text,json,csv", &a->format, a->lang, "diff")) != 0)
                return rc;
            break;
        case O_OUTPUT: a->output = v; break;
        case O_LANG:
            if ((rc = cli_opt_lang(v, &a->lang, &a->rubrics, "diff")) != 0)
                return rc;
            break;
        case O_CSV_DIALECT:
            if ((rc = cli_opt_dialect(v, &a->ro.csv_dialect, a->lang, "diff")) != 0)
                return rc;
            break;
        case O_INCOMPLETE: a->aopts.allow_incomplete = true; break;
        case O_SHEET: a->aopts.sheet = v; break;
        case O_HELP: return cmd_help_for("diff", a->lang);
        default: break;
        }
    }
    if (a->nsides != 2)
        return usage(a->lang, cli_msg(a->lang, CM_DIFF_TWO_INPUTS));
    return DIFF_GO;
}

/* Before anything is read: -o must not overwrite a file of either side,
 * nor land where a folder side would read it.  0 or an exit code. */
static int check_output(const diff_args *a)
{
    cli_items both;
    int rc;
    if (!a->output)
        return 0;
    if (cli_items_expand(&both, (char *const *)a->sides, 2) < 0)
        rc = CLI_EXIT_INTERNAL;
    else
        rc = cli_out_check(a->output, &both, &a->rubrics.rubric_file, 1, a->lang, "diff");
    cli_items_free(&both);
    return rc;
}

/* Load both sides, compare them and write the diff; returns the exit code. */
static int diff_run(diff_args *a)
{
    pekppp_diff *d = NULL;
    pekppp_sink sink;
    pekppp_error err;
    int rc, failed = 0, k;

    pekppp_sink_init_buffer(&sink);
    a->ro.lang = a->lang ? PEKPPP_LANG_EN : PEKPPP_LANG_ID;
    if ((rc = check_output(a)) != 0)
        goto done;
    if (a->rubrics.rubric_file && (rc = cli_rubrics_load_given(&a->rubrics, &a->aopts.rubric)) != 0)
        goto done;
    a->aopts.resolve = cli_rubrics_resolve;
    a->aopts.resolve_payload = &a->rubrics;
    a->aopts.diag = cli_diag_cb;
    if (pekppp_diff_new(&d) < 0) {
        rc = CLI_EXIT_INTERNAL;
        goto done;
    }
    for (k = 0; k < 2; k++) {
        int f = load_side(d, k ? PEKPPP_DIFF_NEW : PEKPPP_DIFF_OLD, a->sides[k], &a->rubrics,
                          &a->aopts, a->lang);
        if (f < 0) {
            rc = CLI_EXIT_INTERNAL;
            goto done;
        }
        failed += f;
    }
    if (pekppp_diff_finish(d, &err) < 0 || pekppp_diff_write(&sink, d, a->format, &a->ro) < 0) {
        rc = CLI_EXIT_INTERNAL;
        goto done;
    }
    if ((rc = cli_write_output(a->output, sink.data, sink.len)) != 0)
        goto done;
    /* Failures counted here and the ones carried inside result or batch files alike. */
    rc = failed || pekppp_diff_failed(d) ? CLI_EXIT_INVALID : CLI_EXIT_OK;
done:
    pekppp_sink_dispose(&sink);
    pekppp_diff_free(d);
    return rc;
}

int cmd_diff(int argc, char **argv)
{
    static const pekppp_assessment_options aopts_init = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    static const pekppp_report_options ro_init = PEKPPP_REPORT_OPTIONS_INIT;
    diff_args a;
    int rc;
    memset(&a, 0, sizeof(a));
    a.aopts = aopts_init;
    a.ro = ro_init;
    a.format = PEKPPP_FORMAT_TEXT;
    a.lang = cli_lang_default();
    cli_rubrics_init(&a.rubrics, a.lang);
    if ((rc = parse_options(&a, argc, argv)) == DIFF_GO)
        rc = diff_run(&a);
    cli_rubrics_free(&a.rubrics);
    return rc;
}
