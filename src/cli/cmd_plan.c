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

int cmd_plan(int argc, char **argv)
{
    cli_opt_state st;
    cli_rubrics rubrics;
    pekppp_assessment_options aopts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_report_options ro = PEKPPP_REPORT_OPTIONS_INIT;
    pekppp_plan_options po = PEKPPP_PLAN_OPTIONS_INIT;
    pekppp_report_format format = PEKPPP_FORMAT_TEXT;
    pekppp_assessment *a = NULL;
    pekppp_result *res = NULL;
    pekppp_plan *plan = NULL;
    pekppp_change *changes = NULL;
    pekppp_sink sink;
    pekppp_error err;
    const char *input = NULL, *target = NULL, *output = NULL, *v;
    char **fixed = calloc((size_t)argc, sizeof(char *)), **sets = calloc((size_t)argc, sizeof(char *));
    size_t nfixed = 0, nsets = 0;
    int lang = cli_lang_default(), id, rc = CLI_EXIT_OK, error;

    cli_rubrics_init(&rubrics, lang);
    pekppp_sink_init_buffer(&sink);
    if (!fixed || !sets) {
        rc = CLI_EXIT_INTERNAL;
        goto done;
    }
    cli_opt_init(&st, argc, argv);
    while ((id = cli_opt_next(&st, plan_opts, &v)) != CLI_OPT_END) {
        switch (id) {
        case CLI_OPT_POSITIONAL:
            if (input) {
                rc = usage(lang, cli_msg(lang, CM_PLAN_ONE_INPUT));
                goto done;
            }
            input = v;
            break;
        case CLI_OPT_ERROR: rc = usage(lang, st.error); goto done;
        case O_TARGET: target = v; break;
        case O_MAX_STEP: {
            char *end;
            long k = strtol(v, &end, 10);
            if (*v == '\0' || *end || k < 1 || k > 100) {
                rc = usage(lang, cli_msg(lang, CM_BAD_MAX_STEP));
                goto done;
            }
            po.max_level_step = (int)k;
            break;
        }
        case O_FIX: fixed[nfixed++] = (char *)v; break;
        case O_SET: sets[nsets++] = (char *)v; break;
        case O_RUBRIC: rubrics.rubric_file = v; break;
        case O_RUBRIC_PATH: rubrics.rubric_path = v; break;
        case O_FORMAT:
            if ((rc = cli_opt_format(v, "text,json,md", &format, lang, "plan")) != 0)
                goto done;
            break;
        case O_OUTPUT: output = v; break;
        case O_LANG:
            if ((rc = cli_opt_lang(v, &lang, &rubrics, "plan")) != 0)
                goto done;
            break;
        case O_INCOMPLETE: aopts.allow_incomplete = true; break;
        case O_HELP: rc = cmd_help_for("plan", lang); goto done;
        default: break;
        }
    }
    if (!input || !target) {
        rc = usage(lang, cli_msg(lang, !input ? CM_NO_INPUT : CM_TARGET_REQUIRED));
        goto done;
    }
    ro.lang = lang ? PEKPPP_LANG_EN : PEKPPP_LANG_ID;
    if (rubrics.rubric_file && (rc = cli_rubrics_load_given(&rubrics, &aopts.rubric)) != 0)
        goto done;
    aopts.resolve = cli_rubrics_resolve;
    aopts.resolve_payload = &rubrics;
    aopts.diag = cli_diag_cb;
    if ((error = pekppp_assessment_load_file(&a, input, &aopts, &err)) < 0) {
        rc = err.line == 0 ? cli_exit_for(error) : CLI_EXIT_INVALID;
        goto done;
    }
    if (nsets > 0) {
        if (!(changes = calloc(nsets, sizeof(*changes)))) {
            rc = CLI_EXIT_INTERNAL;
            goto done;
        }
        if ((rc = cli_apply_sets(a, sets, nsets, changes, lang)) != 0)
            goto done;
    }
    if ((error = pekppp_score(&res, a, &err)) < 0) {
        cli_print_diag(&err);
        rc = cli_exit_for(error);
        goto done;
    }
    po.fixed = (const char *const *)fixed;
    po.nfixed = nfixed;
    if ((rc = cli_make_plan(&plan, res, target, &po, lang, "plan")) != 0)
        goto done;
    if ((error = pekppp_plan_write(&sink, plan, format, &ro)) < 0) {
        rc = cli_exit_for(error);
        goto done;
    }
    rc = cli_write_output(output, sink.data, sink.len);
done:
    pekppp_sink_dispose(&sink);
    pekppp_plan_free(plan);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
    cli_rubrics_free(&rubrics);
    free(changes);
    free(fixed);
    free(sets);
    return rc;
}
