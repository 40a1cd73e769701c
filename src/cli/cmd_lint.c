/*
 * `pekppp lint FILE...`: check rubric and unit files, listing every problem.
 * A unit file is recognised by its `schema:` and checked against its rubric.
 */
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "exitcode.h"
#include "opt.h"

enum { O_RUBRIC_PATH = 1, O_LANG, O_QUIET, O_HELP };

const cli_opt lint_opts[] = {
    { O_RUBRIC_PATH, 0, "rubric-path", "DIRS",
      { "cari rubrik unit di folder ini dulu", "search these folders first for units' rubrics" } },
    { O_LANG, 0, "lang", "LANG", { "bahasa pesan: id atau en", "message language: id or en" } },
    { O_QUIET, 'q', "quiet", NULL, { "tanpa ringkasan", "no summary line" } },
    { O_HELP, 'h', "help", NULL, { "tampilkan bantuan ini", "show this help" } },
    { 0, 0, NULL, NULL, { NULL, NULL } }
};

typedef struct {
    int errors, warnings;
} counts;

static void count_cb(const pekppp_error *d, void *payload)
{
    counts *c = payload;
    if (d->severity == PEKPPP_SEV_WARNING)
        c->warnings++;
    else
        c->errors++;
    cli_print_diag(d);
}

int cmd_lint(int argc, char **argv)
{
    cli_opt_state st;
    cli_rubrics rubrics;
    counts c = { 0, 0 };
    const char *v;
    const char *files[4096];
    int nfiles = 0, i, id, lang = cli_lang_default(), quiet = 0, io_failed = 0;

    cli_rubrics_init(&rubrics, lang);
    cli_opt_init(&st, argc, argv);
    while ((id = cli_opt_next(&st, lint_opts, &v)) != CLI_OPT_END) {
        switch (id) {
        case CLI_OPT_POSITIONAL:
            if (nfiles < 4096)
                files[nfiles++] = v;
            break;
        case CLI_OPT_ERROR:
            cli_fail("%s", st.error);
            fprintf(stderr, cli_msg(lang, CM_TRY_HELP), "lint");
            fputc('\n', stderr);
            return CLI_EXIT_USAGE;
        case O_RUBRIC_PATH: rubrics.rubric_path = v; break;
        case O_LANG:
            if (cli_opt_lang(v, &lang, &rubrics, "lint") != 0)
                return CLI_EXIT_USAGE;
            break;
        case O_QUIET: quiet = 1; break;
        case O_HELP: return cmd_help_for("lint", lang);
        default: break;
        }
    }
    if (nfiles == 0) {
        cli_fail("%s", lang ? "no file given" : "berkas belum diberikan");
        fprintf(stderr, cli_msg(lang, CM_TRY_HELP), "lint");
        fputc('\n', stderr);
        return CLI_EXIT_USAGE;
    }
    for (i = 0; i < nfiles; i++) {
        pekppp_file_kind kind;
        pekppp_error err;
        int error = pekppp_detect_file(&kind, files[i], &err);
        if (error < 0) {
            count_cb(&err, &c);
            if (error == PEKPPP_EIO || error == PEKPPP_ENOTFOUND)
                io_failed = 1;
            continue;
        }
        if (kind == PEKPPP_KIND_ASSESSMENT) {
            pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
            pekppp_assessment *a = NULL;
            o.resolve = cli_rubrics_resolve;
            o.resolve_payload = &rubrics;
            o.diag = count_cb;
            o.payload = &c;
            (void)pekppp_assessment_load_file(&a, files[i], &o, &err);
            pekppp_assessment_free(a);
        } else {
            pekppp_load_options o = PEKPPP_LOAD_OPTIONS_INIT;
            pekppp_rubric *r = NULL;
            o.diag = count_cb;
            o.payload = &c;
            (void)pekppp_rubric_load_file(&r, files[i], &o, &err);
            pekppp_rubric_free(r);
        }
    }
    if (!quiet) {
        fprintf(stderr, cli_msg(lang, CM_LINT_SUMMARY), nfiles, c.errors, c.warnings);
        fputc('\n', stderr);
    }
    cli_rubrics_free(&rubrics);
    if (io_failed)
        return CLI_EXIT_IO;
    return c.errors ? CLI_EXIT_BELOW : CLI_EXIT_OK;
}
