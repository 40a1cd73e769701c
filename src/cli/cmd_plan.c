/*
 * `pekppp plan UNIT --target GRADE`: the fewest one-level steps that lift the
 * unit's rounded index into the target band.
 */
#include <stdlib.h>
#include <string.h>

#include "cli_msg.h"
#include "cmd.h"
#include "diag_print.h"
#include "exitcode.h"
#include "opt.h"
#include "opt_value.h"
#include "output.h"
#include "rubric_find.h"
#include "term.h"
#include "whatif.h"

enum { O_TARGET = 1, O_MAX_STEP, O_FIX, O_SET, O_RUBRIC, O_RUBRIC_PATH, O_FORMAT, O_OUTPUT,
       O_LANG, O_INCOMPLETE, O_HELP };

const cli_opt plan_opts[] = {
    { O_TARGET, 't', "target", "GRADE", { "predikat tujuan, misalnya A-", "the grade to reach, e.g. A-" } },
    { O_MAX_STEP, 0, "max-level-step", "K",
      { "satu indikator naik paling banyak K level", "raise one indicator by at most K levels" } },
    { O_FIX, 0, "fix", "ID", { "jangan ubah indikator ini (boleh berulang)", "keep this indicator as it is (repeatable)" } },
    { O_SET, 0, "set", "ID=LEVEL", { "andaikan jawaban ini dulu (boleh berulang)", "start from this answer (repeatable)" } },
    { O_RUBRIC, 'r', "rubric", "FILE", { "pakai rubrik ini", "use this rubric file" } },
    { O_RUBRIC_PATH, 0, "rubric-path", "DIRS", { "cari rubrik di folder ini dulu", "search these folders first" } },
    { O_FORMAT, 'f', "format", "FMT", { "text (bawaan), json, atau md", "text (default), json, or md" } },
    { O_OUTPUT, 'o', "output", "FILE", { "tulis ke berkas (diganti secara atomik)", "write to a file (replaced atomically)" } },
    { O_LANG, 0, "lang", "LANG", { "bahasa: id atau en", "language: id or en" } },
    { O_INCOMPLETE, 0, "allow-incomplete", NULL,
      { "indikator tanpa jawaban dihitung level minimum", "count unanswered indicators at the lowest level" } },
    { O_HELP, 'h', "help", NULL, { "tampilkan bantuan ini", "show this help" } },
    { 0, 0, NULL, NULL, { NULL, NULL } }
};

static int usage(int lang, const char *msg)
{
    return cli_usage(lang, "plan", msg);
}

/* What the command line asks for. */
typedef struct {
    cli_rubrics rubrics;
    pekppp_assessment_options aopts;
    pekppp_plan_options po;
    pekppp_report_format format;
    const char *input, *target, *output;
    char **fixed, **sets;    /* room for every argument */
    size_t nfixed, nsets;
    int lang;
} plan_args;

#define PLAN_GO (-1) /* parse_options: go on and plan */

/* Read the options into @p a: PLAN_GO, or the exit code to stop with
 * (after --help or a usage error). */
static int parse_options(plan_args *a, int argc, char **argv)
{
    cli_opt_state st;
    const char *v;
    int id, rc;
    cli_opt_init(&st, argc, argv);
    while ((id = cli_opt_next(&st, plan_opts, &v)) != CLI_OPT_END) {
        switch (id) {
        case CLI_OPT_POSITIONAL:
            if (a->input)
                return usage(a->lang, cli_msg(a->lang, CM_PLAN_ONE_INPUT));
            a->input = v;
            break;
        case CLI_OPT_ERROR: return usage(a->lang, st.error);
        case O_TARGET: a->target = v; break;
        case O_MAX_STEP: {
            char *end;
            long k = strtol(v, &end, 10);
            if (*v == '\0' || *end || k < 1 || k > 100)
                return usage(a->lang, cli_msg(a->lang, CM_BAD_MAX_STEP));
            a->po.max_level_step = (int)k;
            break;
        }
        case O_FIX: a->fixed[a->nfixed++] = (char *)v; break;
        case O_SET: a->sets[a->nsets++] = (char *)v; break;
        case O_RUBRIC: a->rubrics.rubric_file = v; break;
        case O_RUBRIC_PATH: a->rubrics.rubric_path = v; break;
        case O_FORMAT:
            if ((rc = cli_opt_format(v, "text,json,md", &a->format, a->lang, "plan")) != 0)
                return rc;
            break;
        case O_OUTPUT: a->output = v; break;
        case O_LANG:
            if ((rc = cli_opt_lang(v, &a->lang, &a->rubrics, "plan")) != 0)
                return rc;
            break;
        case O_INCOMPLETE: a->aopts.allow_incomplete = true; break;
        case O_HELP: return cmd_help_for("plan", a->lang);
        default: break;
        }
    }
    if (!a->input || !a->target)
        return usage(a->lang, cli_msg(a->lang, !a->input ? CM_NO_INPUT : CM_TARGET_REQUIRED));
    return PLAN_GO;
}

/* Load the unit, apply the --set answers (kept in *changes for the plan's what-if mark;
 * free()d by the caller) and score it; 0 or an exit code. */
static int load_and_score(pekppp_result **res, pekppp_assessment **a, pekppp_change **changes,
                          plan_args *args)
{
    pekppp_error err;
    const char *read_files[2];
    int rc = 0, error;
    read_files[0] = args->input;
    read_files[1] = args->rubrics.rubric_file;
    if ((rc = cli_out_check(args->output, NULL, read_files, 2, args->lang, "plan")) != 0)
        return rc;
    if (args->rubrics.rubric_file &&
        (rc = cli_rubrics_load_given(&args->rubrics, &args->aopts.rubric)) != 0)
        return rc;
    args->aopts.resolve = cli_rubrics_resolve;
    args->aopts.resolve_payload = &args->rubrics;
    if ((error = cli_load_for_sets(a, args->input, &args->aopts, args->sets, args->nsets,
                                   &err)) < 0)
        return err.line == 0 ? cli_exit_for(error) : CLI_EXIT_INVALID;
    if (args->nsets > 0) {
        if (!(*changes = calloc(args->nsets, sizeof(**changes))))
            return CLI_EXIT_INTERNAL;
        rc = cli_apply_sets(*a, args->sets, args->nsets, *changes, args->lang);
        if (rc != 0)
            return rc;
    }
    if ((error = pekppp_score(res, *a, &err)) < 0) {
        cli_print_diag(&err);
        return cli_exit_for(error);
    }
    return 0;
}

/* Plan, and write the plan; returns the exit code. */
static int plan_run(plan_args *args)
{
    pekppp_report_options ro = PEKPPP_REPORT_OPTIONS_INIT;
    pekppp_assessment *a = NULL;
    pekppp_result *res = NULL;
    pekppp_plan *plan = NULL;
    pekppp_change *changes = NULL;
    pekppp_sink sink;
    int rc;

    pekppp_sink_init_buffer(&sink);
    ro.lang = args->lang ? PEKPPP_LANG_EN : PEKPPP_LANG_ID;
    if ((rc = load_and_score(&res, &a, &changes, args)) != 0)
        goto done;
    /* A plan from --set answers says so before its steps. */
    ro.changes = changes;
    ro.nchanges = changes ? args->nsets : 0;
    args->po.fixed = (const char *const *)args->fixed;
    args->po.nfixed = args->nfixed;
    if ((rc = cli_make_plan(&plan, res, args->target, &args->po, args->lang, "plan")) != 0)
        goto done;
    if ((rc = pekppp_plan_write(&sink, plan, args->format, &ro)) < 0) {
        rc = cli_exit_for(rc);
        goto done;
    }
    rc = cli_write_output(args->output, sink.data, sink.len);
done:
    pekppp_sink_dispose(&sink);
    pekppp_plan_free(plan);
    free(changes);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
    return rc;
}

int cmd_plan(int argc, char **argv)
{
    static const pekppp_assessment_options aopts_init = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    static const pekppp_plan_options po_init = PEKPPP_PLAN_OPTIONS_INIT;
    plan_args a;
    int rc = CLI_EXIT_INTERNAL;
    memset(&a, 0, sizeof(a));
    a.aopts = aopts_init;
    a.po = po_init;
    a.format = PEKPPP_FORMAT_TEXT;
    a.lang = cli_lang_default();
    cli_rubrics_init(&a.rubrics, a.lang);
    a.fixed = calloc((size_t)argc, sizeof(char *));
    a.sets = calloc((size_t)argc, sizeof(char *));
    if (a.fixed && a.sets && (rc = parse_options(&a, argc, argv)) == PLAN_GO)
        rc = plan_run(&a);
    cli_rubrics_free(&a.rubrics);
    free(a.fixed);
    free(a.sets);
    return rc;
}
