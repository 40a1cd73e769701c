/*
 * `pekppp lint FILE...`: check rubric and unit files and sheets, listing
 * every problem.  A unit file is recognised by its `schema:` and checked
 * against its rubric; a .csv file is a sheet, read row by row against the
 * -r rubric or the default one, as `score` reads it.  Each unit that loads is also scored
 * and put in a batch of its rubric, so lint finds what score would refuse:
 * a unit with nothing to score, a unit id used twice.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli_msg.h"
#include "cmd.h"
#include "exitcode.h"
#include "inputs.h"
#include "lint_config.h"
#include "lint_report.h"
#include "opt.h"
#include "opt_value.h"
#include "output.h"
#include "rubric_find.h"
#include "term.h"

enum {
    O_RUBRIC_PATH = 1, O_FORMAT, O_OUTPUT, O_STRICT, O_MAX_WARNINGS, O_LANG, O_QUIET, O_HELP,
    O_DISABLE, O_CONFIG, O_RUBRIC, O_SHEET
};

const cli_opt lint_opts[] = {
    { O_RUBRIC, 'r', "rubric", "FILE",
      { "rubrik lembar (CSV, .xlsx), dan unit (id-nya tetap harus cocok), seperti pada score",
        "the rubric of sheets (CSV, .xlsx), and of units (its id must still match), as for score" } },
    { O_RUBRIC_PATH, 0, "rubric-path", "DIRS",
      { "cari rubrik unit di folder ini dulu", "search these folders first for units' rubrics" } },
    { O_FORMAT, 'f', "format", "FMT",
      { "text (bawaan, ke stderr), json, github (GitHub Actions), atau sarif (SARIF 2.1.0)",
        "text (default, on stderr), json, github (GitHub Actions), or sarif (SARIF 2.1.0)" } },
    { O_OUTPUT, 'o', "output", "FILE",
      { "tulis json/github/sarif ke berkas (diganti secara atomik)",
        "write json/github/sarif to a file (replaced atomically)" } },
    { O_STRICT, 0, "strict", NULL,
      { "peringatan saja pun gagal (kode keluar 2)", "fail on warnings alone too (exit code 2)" } },
    { O_MAX_WARNINGS, 0, "max-warnings", "N",
      { "gagal (kode 2) bila peringatan lebih dari N", "fail (exit 2) on more than N warnings" } },
    { O_LANG, 0, "lang", "LANG", { "bahasa pesan: id atau en", "message language: id or en" } },
    { O_QUIET, 'q', "quiet", NULL, { "tanpa ringkasan", "no summary line" } },
    { O_DISABLE, 0, "disable", "RULE",
      { "abaikan masalah aturan ini (boleh diulang; id dipisah koma)",
        "leave out this rule's problems (repeatable; ids separated by commas)" } },
    { O_CONFIG, 0, "config", "FILE",
      { "baca aturan yang diabaikan dari berkas ini (bawaan: .pekppp-lint.yaml bila ada)",
        "read the rules to leave out from this file (default: .pekppp-lint.yaml if present)" } },
    { O_SHEET, 0, "sheet", "NAME", { "lembar .xlsx yang dibaca (bawaan: lembar pertama berisi unit)", "the .xlsx sheet to read (default: the first that holds units)" } },
    { O_HELP, 'h', "help", NULL, { "tampilkan bantuan ini", "show this help" } },
    { 0, 0, NULL, NULL, { NULL, NULL } }
};

/* What the command line asks for. */
typedef struct {
    char **files;       /* room for every argument */
    size_t nfiles;
    const char *output;
    lint_format format;
    long max_warnings;  /* -1: warnings never fail; --strict is 0 */
    int lang, quiet;
    const char *config; /* --config, or NULL for .pekppp-lint.yaml if present */
    char **disable;     /* the --disable values, room for every argument */
    size_t ndisable;
    unsigned char *disabled; /* per rule index, from --disable and the config */
    const char *sheet;  /* --sheet, or NULL */
} lint_args;

/* As many as cli_rubrics caches rubrics. */
#define LINT_MAX_BATCHES 16

/* A rubric file whose problems were listed, by identity, and the load
 * that listed them. */
typedef struct {
    dev_t dev;
    ino_t ino;
    unsigned load;
} lint_seen;

/* One run over the inputs. */
typedef struct {
    lint_report report;
    cli_rubrics rubrics;
    size_t nfolders;    /* folder items reported as problems, not files checked */
    int io_failed;
    lint_seen *seen;    /* rubric files listed so far */
    size_t nseen, capseen;
    unsigned load;      /* the rubric load under way, counted from 1 */
    pekppp_batch *batches[LINT_MAX_BATCHES]; /* one per rubric, as score ranks them */
    size_t nbatches;
    const pekppp_rubric *given; /* -r, or NULL */
    const char *sheet;          /* --sheet, or NULL */
} lint_run;

#define LINT_GO (-1) /* parse_options: go on and lint */

/* The rules turned off: the config file's, then --disable's (read once the
 * language is known, for their messages).  LINT_GO or an exit code. */
static int read_disabled(lint_args *a)
{
    size_t i;
    int rc;
    if ((rc = lint_config_read(a->disabled, a->config, a->lang)) != 0)
        return rc;
    for (i = 0; i < a->ndisable; i++)
        if ((rc = lint_disable_list(a->disabled, a->disable[i], a->lang)) != 0)
            return rc;
    return LINT_GO;
}

/* Read the options into @p a (rubric search options into @p rs): LINT_GO,
 * or the exit code to stop with (after --help or a usage error). */
static int parse_options(lint_args *a, cli_rubrics *rs, int argc, char **argv)
{
    cli_opt_state st;
    const char *v;
    int id;
    cli_opt_init(&st, argc, argv);
    while ((id = cli_opt_next(&st, lint_opts, &v)) != CLI_OPT_END) {
        switch (id) {
        case CLI_OPT_POSITIONAL: a->files[a->nfiles++] = (char *)v; break;
        case CLI_OPT_ERROR: return cli_usage(a->lang, "lint", st.error);
        case O_RUBRIC: rs->rubric_file = v; break;
        case O_RUBRIC_PATH: rs->rubric_path = v; break;
        case O_FORMAT:
            if (lint_format_parse(v, &a->format) < 0) {
                char msg[256];
                snprintf(msg, sizeof(msg), cli_msg(a->lang, CM_BAD_FORMAT), v,
                         "text, json, github, sarif");
                return cli_usage(a->lang, "lint", msg);
            }
            break;
        case O_OUTPUT: a->output = v; break;
        case O_STRICT: a->max_warnings = 0; break;
        case O_MAX_WARNINGS: {
            char *end;
            a->max_warnings = strtol(v, &end, 10);
            if (!*v || *end || a->max_warnings < 0)
                return cli_usage(a->lang, "lint", cli_msg(a->lang, CM_BAD_MAX_WARNINGS));
            break;
        }
        case O_LANG:
            if (cli_opt_lang(v, &a->lang, rs, "lint") != 0)
                return CLI_EXIT_USAGE;
            break;
        case O_QUIET: a->quiet = 1; break;
        case O_DISABLE: a->disable[a->ndisable++] = (char *)v; break;
        case O_CONFIG: a->config = v; break;
        case O_SHEET: a->sheet = v; break;
        case O_HELP: return cmd_help_for("lint", a->lang);
        default: break;
        }
    }
    if (a->nfiles == 0)
        return cli_usage(a->lang, "lint", cli_msg(a->lang, CM_LINT_NO_FILE));
    return read_disabled(a);
}

/* A folder that failed (unreadable, empty, too deep) as a problem of its own. */
static void lint_folder_problem(lint_run *run, const cli_item *item, const char *file)
{
    pekppp_error err;
    pekppp_error_clear(&err);
    err.code = PEKPPP_EIO;
    pekppp_error_set_file(&err, file);
    snprintf(err.rule, sizeof(err.rule), "io");
    cli_error_message(&err, cli_item_problem(item));
    lint_report_problem(&err, &run->report);
    /* An unreadable folder fails like an unreadable file; an empty one is a
     * lint error (exit 1), as a folder of nothing is almost always a wrong
     * path in a CI job. */
    if (item->kind == ITEM_MISSING)
        run->io_failed = 1;
    run->nfolders++;
}

/* Whether a problem of rubric file @p file belongs in the listing: a rubric
 * is loaded once as an input and once more when a unit names it (the cache
 * of rubrics by id is apart from lint's inputs), or again after it failed;
 * its problems are listed by the first load that reports any.  1 to list. */
static int rubric_problem_is_new(lint_run *run, const char *file)
{
    struct stat st;
    size_t i;
    if (stat(file, &st) != 0)
        return 1;
    for (i = 0; i < run->nseen; i++)
        if (run->seen[i].dev == st.st_dev && run->seen[i].ino == st.st_ino)
            return run->seen[i].load == run->load;
    if (run->nseen == run->capseen) {
        size_t cap = run->capseen ? run->capseen * 2 : 8;
        lint_seen *l = realloc(run->seen, cap * sizeof(*l));
        if (!l)
            return 1; /* listed twice rather than lost */
        run->seen = l;
        run->capseen = cap;
    }
    run->seen[run->nseen].dev = st.st_dev;
    run->seen[run->nseen].ino = st.st_ino;
    run->seen[run->nseen].load = run->load;
    run->nseen++;
    return 1;
}

/* A pekppp_diag_cb for rubric loads (payload: the lint_run): each rubric
 * file's problems go to the report once. */
static void lint_rubric_problem(const pekppp_error *d, void *payload)
{
    lint_run *run = payload;
    if (rubric_problem_is_new(run, d->file))
        lint_report_problem(d, &run->report);
}

/* A pekppp_rubric_resolve_cb over the run's rubrics: a rubric loaded for a
 * unit has its problems listed like an input's. */
static int lint_resolve(const pekppp_rubric **out, const char *id, void *payload,
                        pekppp_error *err)
{
    lint_run *run = payload;
    run->load++;
    return cli_rubrics_resolve(out, id, &run->rubrics, err);
}

/* The batch that ranks units of rubric @p r, made on first use; NULL when
 * out of memory or out of room (then repeated ids go unchecked). */
static pekppp_batch *lint_batch(lint_run *run, const pekppp_rubric *r)
{
    size_t i;
    for (i = 0; i < run->nbatches; i++)
        if (pekppp_batch_rubric(run->batches[i]) == r)
            return run->batches[i];
    if (run->nbatches == LINT_MAX_BATCHES ||
        pekppp_batch_new(&run->batches[run->nbatches], r, NULL) < 0)
        return NULL;
    return run->batches[run->nbatches++];
}

/* Score a unit that loaded and add it to its rubric's batch, as `score`
 * does with many units; the problems either finds are listed. */
static void lint_score(lint_run *run, const pekppp_assessment *a)
{
    pekppp_result *res = NULL;
    pekppp_batch *b;
    pekppp_error err;
    if (pekppp_score(&res, a, &err) < 0) {
        lint_report_problem(&err, &run->report);
        return;
    }
    b = lint_batch(run, pekppp_assessment_rubric(a));
    if (b && pekppp_batch_add(b, res, &err) < 0)
        lint_report_problem(&err, &run->report);
    pekppp_result_free(res);
}

/* Check a sheet (CSV or a workbook's) as `score` reads it: the header, then every row,
 * against the -r rubric or the default one. */
static void lint_sheet(lint_run *run, const char *file)
{
    pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_sheet *sheet = NULL;
    const pekppp_rubric *r = NULL;
    pekppp_error err;
    int rc;
    pekppp_error_clear(&err);
    if (run->given)
        r = run->given;
    else if (lint_resolve(&r, CLI_DEFAULT_RUBRIC, run, &err) < 0) {
        /* Said of the sheet, as the rubric has no place in it. */
        pekppp_error_set_file(&err, file);
        err.line = err.column = 0;
        err.path[0] = '\0';
        snprintf(err.rule, sizeof(err.rule), "unit.rubric");
        lint_report_problem(&err, &run->report);
        return;
    }
    o.rubric = r;
    o.sheet = run->sheet;
    o.diag = lint_report_problem;
    o.payload = &run->report;
    if (pekppp_sheet_open_file(&sheet, file, &o, &err) < 0) {
        if (err.code == PEKPPP_EIO || err.code == PEKPPP_ENOTFOUND)
            run->io_failed = 1;
        return;
    }
    for (;;) {
        pekppp_assessment *a = NULL;
        /* A bad row's problems were listed; go on with the next one. */
        if ((rc = pekppp_sheet_next(sheet, &a, &err)) == 0)
            break;
        if (rc > 0)
            lint_score(run, a);
        pekppp_assessment_free(a);
    }
    pekppp_sheet_free(sheet);
}

/* Check one input: a unit file (recognised by its `schema:`) against its
 * rubric, or a rubric file; every problem goes to the report. */
static void lint_item(lint_run *run, const cli_item *item)
{
    char buf[CLI_PATH_MAX];
    const char *file = cli_item_path(item, buf);
    pekppp_file_kind kind;
    pekppp_error err;
    int error;
    if (cli_item_problem(item) != CM_COUNT) {
        lint_folder_problem(run, item, file);
        return;
    }
    if (item->kind == ITEM_SHEET) {
        lint_sheet(run, file);
        return;
    }
    error = pekppp_detect_file(&kind, file, &err);
    if (error < 0) {
        lint_report_problem(&err, &run->report);
        if (error == PEKPPP_EIO || error == PEKPPP_ENOTFOUND)
            run->io_failed = 1;
        return;
    }
    if (kind == PEKPPP_KIND_ASSESSMENT) {
        pekppp_assessment_options o = PEKPPP_ASSESSMENT_OPTIONS_INIT;
        pekppp_assessment *a = NULL;
        o.rubric = run->given;
        o.resolve = lint_resolve;
        o.resolve_payload = run;
        o.diag = lint_report_problem;
        o.payload = &run->report;
        if (pekppp_assessment_load_file(&a, file, &o, &err) == 0)
            lint_score(run, a);
        pekppp_assessment_free(a);
    } else {
        pekppp_load_options o = PEKPPP_LOAD_OPTIONS_INIT;
        pekppp_rubric *r = NULL;
        o.diag = lint_rubric_problem;
        o.payload = run;
        run->load++;
        (void)pekppp_rubric_load_file(&r, file, &o, &err);
        pekppp_rubric_free(r);
    }
}

/* The summary line and the exit code of a finished run. */
static int lint_exit(const lint_args *a, const lint_run *run, size_t nfiles)
{
    const lint_report *r = &run->report;
    if (!a->quiet) {
        cli_term_printf(stderr, cli_msg(a->lang, CM_LINT_SUMMARY), (int)nfiles, r->errors,
                        r->warnings);
        cli_term_puts(stderr, "\n");
    }
    if (run->io_failed)
        return CLI_EXIT_IO;
    if (r->errors)
        return CLI_EXIT_BELOW;
    /* Warnings alone fail only when asked, and with their own code. */
    if (a->max_warnings >= 0 && r->warnings > a->max_warnings) {
        if (!a->quiet)
            cli_fail(cli_msg(a->lang, CM_TOO_MANY_WARNINGS), r->warnings, a->max_warnings);
        return CLI_EXIT_USAGE;
    }
    return CLI_EXIT_OK;
}

/* Load the -r rubric when there is one, listing its problems; 0, or -1
 * when it does not load (as score, lint then checks no input against it). */
static int lint_given_rubric(lint_run *run)
{
    int rc;
    if (!run->rubrics.rubric_file)
        return 0;
    run->load++;
    if ((rc = cli_rubrics_load_given(&run->rubrics, &run->given)) == 0)
        return 0;
    if (rc == CLI_EXIT_IO)
        run->io_failed = 1;
    return -1;
}

/* Lint the inputs listed from the command line; returns the exit code. */
static int lint_inputs(const lint_args *a, lint_run *run)
{
    cli_items items;
    pekppp_sink out;
    size_t i, nfiles;
    int rc = 0;
    /* Folders are searched for .yaml, .yml and .json files, as score does. */
    if (cli_items_expand(&items, a->files, a->nfiles) < 0) {
        cli_items_free(&items);
        return CLI_EXIT_INTERNAL;
    }
    if (a->format != LINT_TEXT &&
        (rc = cli_out_check(a->output, &items, NULL, 0, a->lang, "lint")) != 0) {
        cli_items_free(&items);
        return rc;
    }
    pekppp_sink_init_buffer(&out);
    run->report.out = &out;
    lint_report_begin(&run->report);
    if (lint_given_rubric(run) == 0) {
        for (i = 0; i < items.count; i++)
            lint_item(run, &items.items[i]);
        nfiles = items.count - run->nfolders;
    } else {
        nfiles = 0;
    }
    cli_items_free(&items);
    lint_report_end(&run->report, (int)nfiles);
    if (a->format != LINT_TEXT)
        rc = cli_write_output(a->output, out.data ? out.data : "", out.len);
    pekppp_sink_dispose(&out);
    run->report.out = NULL;
    return rc != 0 ? rc : lint_exit(a, run, nfiles);
}

int cmd_lint(int argc, char **argv)
{
    lint_args a;
    lint_run run;
    int rc;
    memset(&a, 0, sizeof(a));
    memset(&run, 0, sizeof(run));
    a.files = calloc((size_t)argc + 1, sizeof(*a.files));
    a.disable = calloc((size_t)argc + 1, sizeof(*a.disable));
    a.disabled = calloc(pekppp_rule_count(), 1);
    if (!a.files || !a.disable || !a.disabled) {
        free(a.files);
        free(a.disable);
        free(a.disabled);
        return CLI_EXIT_INTERNAL;
    }
    a.lang = cli_lang_default();
    a.format = LINT_TEXT;
    a.max_warnings = -1;
    cli_rubrics_init(&run.rubrics, a.lang);
    run.rubrics.no_rubric_option = 1;
    run.rubrics.diag = lint_rubric_problem;
    run.rubrics.diag_payload = &run;
    if ((rc = parse_options(&a, &run.rubrics, argc, argv)) == LINT_GO) {
        run.report.format = a.format;
        run.report.disabled = a.disabled;
        run.sheet = a.sheet;
        rc = lint_inputs(&a, &run);
    }
    cli_rubrics_free(&run.rubrics);
    free(run.seen);
    while (run.nbatches > 0)
        pekppp_batch_free(run.batches[--run.nbatches]);
    free(a.files);
    free(a.disable);
    free(a.disabled);
    return rc;
}
