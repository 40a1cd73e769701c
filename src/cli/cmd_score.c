/*
 * `pekppp score UNIT`: load one unit against its rubric, score it exactly,
 * and write the report.
 */
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "batch_run.h"
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
#include "xlsx_out.h"

enum { O_RUBRIC = 1, O_RUBRIC_PATH, O_FORMAT, O_OUTPUT, O_LANG, O_INCOMPLETE, O_FAIL_UNDER,
       O_FAIL_UNDER_MEAN, O_JOBS, O_GROUP_BY, O_TITLE, O_CSV_DIALECT, O_SET, O_TARGET, O_QUIET, O_SURVEY, O_SHEET, O_HELP };

const cli_opt score_opts[] = {
    { O_RUBRIC, 'r', "rubric", "FILE",
      { "pakai rubrik ini (id-nya tetap harus cocok)", "use this rubric file (its id must still match)" } },
    { O_RUBRIC_PATH, 0, "rubric-path", "DIRS",
      { "cari rubrik di folder ini dulu (dipisah ':')", "search these folders first (':'-separated)" } },
    { O_FORMAT, 'f', "format", "FMT",
      { "text (bawaan), json, md, html, csv, atau xlsx", "text (default), json, md, html, csv, or xlsx" } },
    { O_OUTPUT, 'o', "output", "FILE",
      { "tulis ke berkas (diganti secara atomik)", "write to a file (replaced atomically)" } },
    { O_LANG, 0, "lang", "LANG", { "bahasa laporan: id atau en", "report language: id or en" } },
    { O_INCOMPLETE, 0, "allow-incomplete", NULL,
      { "indikator tanpa jawaban dihitung level minimum", "count unanswered indicators at the lowest level" } },
    { O_FAIL_UNDER, 0, "fail-under", "GRADE|N",
      { "keluar dengan kode 1 bila indeks di bawahnya", "exit 1 when the index is below it" } },
    { O_FAIL_UNDER_MEAN, 0, "fail-under-mean", "GRADE|N",
      { "banyak unit: keluar dengan kode 1 bila rata-ratanya di bawahnya",
        "batches: exit 1 when the mean index is below it" } },
    { O_JOBS, 'j', "jobs", "N",
      { "jumlah thread kerja (bawaan: jumlah inti)", "worker threads (default: the number of cores)" } },
    { O_GROUP_BY, 0, "group-by", "FIELDS",
      { "rata-rata per kelompok: category,institution,mode", "means per group: category,institution,mode" } },
    { O_TITLE, 0, "title", "TEXT",
      { "banyak unit: judul halaman HTML (bawaan: instansi dan periode unit-unitnya)",
        "batches: the HTML page's title (default: the units' institution and period)" } },
    { O_CSV_DIALECT, 0, "csv-dialect", "D",
      { "plain (',' dan '.') atau id (';' dan ',' untuk Excel Indonesia)",
        "plain (',' and '.') or id (';' and ',' for Indonesian Excel)" } },
    { O_SET, 0, "set", "ID=LEVEL",
      { "andaikan jawaban ini (boleh berulang); tampilkan selisihnya",
        "what if this answer were given (repeatable); shows the changes" } },
    { O_TARGET, 't', "target", "GRADE",
      { "tambahkan rencana menuju predikat ini (seperti `pekppp plan`)",
        "add the plan to reach this grade (as `pekppp plan` makes it)" } },
    { O_SHEET, 0, "sheet", "NAME", { "lembar .xlsx yang dibaca (bawaan: lembar pertama berisi unit)", "the .xlsx sheet to read (default: the first that holds units)" } },
    { O_QUIET, 'q', "quiet", NULL, { "tanpa bilah kemajuan", "no progress bar" } },
    { O_SURVEY, 0, "survey", "FILE",
      { "jawaban survei F-03 dari lembar responden (kolom unit_id, satu kolom per butir)",
        "F-03 survey answers from a respondent sheet (a unit_id column, a column per item)" } },
    { O_HELP, 'h', "help", NULL, { "tampilkan bantuan ini", "show this help" } },
    { 0, 0, NULL, NULL, { NULL, NULL } }
};

static int usage(int lang, const char *msg)
{
    return cli_usage(lang, "score", msg);
}

/* Parse "category,institution,mode" into PEKPPP_GROUP_* bits. */
static int parse_group_by(const char *s, unsigned *out)
{
    *out = 0;
    while (*s) {
        size_t n = strcspn(s, ",");
        if (n == 8 && strncmp(s, "category", 8) == 0)
            *out |= PEKPPP_GROUP_CATEGORY;
        else if (n == 11 && strncmp(s, "institution", 11) == 0)
            *out |= PEKPPP_GROUP_INSTITUTION;
        else if (n == 4 && strncmp(s, "mode", 4) == 0)
            *out |= PEKPPP_GROUP_MODE;
        else if (!(n == 4 && strncmp(s, "none", 4) == 0))
            return -1;
        s += n;
        if (*s == ',')
            s++;
    }
    return 0;
}

/* What the command line asks for. */
typedef struct {
    cli_rubrics rubrics;
    pekppp_assessment_options aopts;
    pekppp_report_options ropts;
    pekppp_report_format format;
    const char *output, *fail_under, *fail_under_mean;
    const char *target;      /* --target: add the plan */
    const char *title;       /* --title: the batch page's title */
    const char *survey_file; /* --survey: the F-03 respondent sheet */
    pekppp_survey_sheet *survey;
    char **inputs, **sets;   /* room for every argument; sets: --set what-if answers */
    size_t ninputs, nsets;
    unsigned group_by;
    long jobs;
    int lang, quiet;
    char stamp[32];          /* the HTML report's time stamp */
} score_args;

#define SCORE_GO (-1) /* parse_options: go on and score */

/* Read the options into @p a: SCORE_GO, or the exit code to stop with
 * (after --help or a usage error). */
static int parse_options(score_args *a, int argc, char **argv)
{
    cli_opt_state st;
    const char *v;
    int id, rc;
    cli_opt_init(&st, argc, argv);
    while ((id = cli_opt_next(&st, score_opts, &v)) != CLI_OPT_END) {
        switch (id) {
        case CLI_OPT_POSITIONAL: a->inputs[a->ninputs++] = (char *)v; break;
        case CLI_OPT_ERROR: return usage(a->lang, st.error);
        case O_RUBRIC: a->rubrics.rubric_file = v; break;
        case O_RUBRIC_PATH: a->rubrics.rubric_path = v; break;
        case O_FORMAT:
            if ((rc = cli_opt_format(v, "text,json,csv,md,html,xlsx", &a->format, a->lang, "score")) != 0)
                return rc;
            break;
        case O_OUTPUT: a->output = v; break;
        case O_LANG:
            if ((rc = cli_opt_lang(v, &a->lang, &a->rubrics, "score")) != 0)
                return rc;
            break;
        case O_INCOMPLETE: a->aopts.allow_incomplete = true; break;
        case O_SHEET: a->aopts.sheet = v; break;
        case O_FAIL_UNDER: a->fail_under = v; break;
        case O_FAIL_UNDER_MEAN: a->fail_under_mean = v; break;
        case O_JOBS: {
            char *end;
            a->jobs = strtol(v, &end, 10);
            if (*v == '\0' || *end != '\0' || a->jobs < 1 || a->jobs > 256)
                return usage(a->lang, cli_msg(a->lang, CM_BAD_JOBS));
            break;
        }
        case O_GROUP_BY:
            if (parse_group_by(v, &a->group_by) < 0)
                return usage(a->lang, cli_msg(a->lang, CM_BAD_GROUP_BY));
            break;
        case O_TITLE:
            a->title = v;
            break;
        case O_CSV_DIALECT:
            if ((rc = cli_opt_dialect(v, &a->ropts.csv_dialect, a->lang, "score")) != 0)
                return rc;
            break;
        case O_SET: a->sets[a->nsets++] = (char *)v; break;
        case O_TARGET: a->target = v; break;
        case O_QUIET: a->quiet = 1; break;
        case O_SURVEY: a->survey_file = v; break;
        case O_HELP: return cmd_help_for("score", a->lang);
        default: break;
        }
    }
    if (a->ninputs == 0)
        return usage(a->lang, cli_msg(a->lang, CM_NO_INPUT));
    if (a->format == PEKPPP_FORMAT_XLSX) {
        /* A workbook is no what-if page, and no text for a terminal. */
        if (a->nsets > 0 || a->target)
            return usage(a->lang, cli_msg(a->lang, CM_XLSX_WHATIF));
        if ((rc = cli_out_refuse_tty(a->output, a->lang, "score")) != 0)
            return rc;
    }
    return SCORE_GO;
}

/* What-if: score @p a as given into @p base, then apply the --set answers,
 * recording them in @p changes (caller frees both).  0 or an exit code. */
static int apply_whatif(pekppp_result **base, pekppp_change **changes, pekppp_assessment *a,
                        const score_args *args)
{
    pekppp_error err;
    int error;
    if ((error = pekppp_score(base, a, &err)) < 0) {
        cli_print_diag(&err);
        return cli_exit_for(error);
    }
    if (!(*changes = calloc(args->nsets, sizeof(**changes))))
        return CLI_EXIT_INTERNAL;
    return cli_apply_sets(a, args->sets, args->nsets, *changes, args->lang);
}

/* Whether the rounded index of @p res, the value the grade is read from, is
 * below @p threshold: then say so and return CLI_EXIT_BELOW, else 0. */
static int check_below(const pekppp_result *res, pekppp_fixed threshold, const score_args *args)
{
    pekppp_fixed idx = pekppp_result_index(res);
    if (pekppp_fixed_compare(idx, threshold) < 0) {
        char shown[48];
        pekppp_fixed_format(shown, sizeof(shown), idx);
        cli_fail(cli_msg(args->lang, CM_BELOW), shown, args->fail_under);
        return CLI_EXIT_BELOW;
    }
    return CLI_EXIT_OK;
}

typedef struct {
    const pekppp_result *res;
    const pekppp_report_options *ro;
} unit_book;

static int write_unit_book(const char *path, const void *payload, pekppp_error *err)
{
    const unit_book *u = payload;
    return pekppp_report_write_xlsx(path, u->res, u->ro, err);
}

/* One unit's workbook to -o (or stdout through a temporary file); 0 or an
 * exit code. */
static int write_unit_xlsx(const score_args *args, const pekppp_result *res,
                           const pekppp_report_options *ro)
{
    unit_book u;
    u.res = res;
    u.ro = ro;
    return cli_write_xlsx(args->output, args->lang, write_unit_book, &u);
}

/* A single workbook that is a fill-in workbook: its one unit, else NULL (then it is read
 * as a batch, which reports its problems).  Read quietly: a form that fails is read again
 * by the batch, which says why. */
static pekppp_assessment *open_form(score_args *args, const char *path)
{
    pekppp_assessment_options o = args->aopts;
    pekppp_sheet *s = NULL;
    pekppp_assessment *a = NULL;
    pekppp_error err;
    size_t n = strlen(path);
    if (n < 5 || strcasecmp(path + n - 5, ".xlsx") != 0)
        return NULL;
    pekppp_error_clear(&err);
    if (!o.rubric && cli_rubrics_resolve(&o.rubric, CLI_DEFAULT_RUBRIC, &args->rubrics, &err) < 0)
        return NULL;
    o.diag = NULL;
    if (pekppp_sheet_open_file(&s, path, &o, &err) == 0 && pekppp_sheet_is_form(s) &&
        pekppp_sheet_next(s, &a, &err) != 1)
        a = NULL;
    pekppp_sheet_free(s);
    return a;
}

/* One unit: the unit report, with the what-if and the plan when asked.  The unit is
 * @p given (taken over; a fill-in workbook's), or loaded from @p input. */
static int score_one(score_args *args, const char *input, pekppp_assessment *given)
{
    pekppp_assessment_options aopts = args->aopts;
    pekppp_plan *plan = NULL;
    pekppp_plan_options po = PEKPPP_PLAN_OPTIONS_INIT;
    pekppp_assessment *a = NULL;
    pekppp_result *res = NULL, *base = NULL;
    pekppp_change *changes = NULL;
    pekppp_report_options ro = args->ropts;
    pekppp_sink sink;
    pekppp_error err;
    pekppp_fixed threshold = { 0, 0 };
    int rc = CLI_EXIT_OK, error;

    pekppp_sink_init_buffer(&sink);
    aopts.resolve = cli_rubrics_resolve;
    aopts.resolve_payload = &args->rubrics;
    error = given ? (a = given, 0)
                  : cli_load_for_sets(&a, input, &aopts, args->sets, args->nsets, &err);
    if (error < 0) {
        rc = err.line == 0 ? cli_exit_for(error) : CLI_EXIT_INVALID;
        goto done;
    }
    if (args->survey && (error = pekppp_survey_sheet_apply(args->survey, a, &err)) < 0) {
        cli_print_diag(&err);
        rc = cli_exit_for(error);
        goto done;
    }
    /* Check the threshold before any output: a usage error writes no report. */
    if (args->fail_under &&
        (rc = cli_read_threshold(pekppp_assessment_rubric(a), "--fail-under", args->fail_under,
                                 &threshold, args->lang)) != 0)
        goto done;
    if (args->nsets > 0) {
        if ((rc = apply_whatif(&base, &changes, a, args)) != 0)
            goto done;
        ro.baseline = base;
        ro.changes = changes;
        ro.nchanges = args->nsets;
    }
    if ((error = pekppp_score(&res, a, &err)) < 0) {
        cli_print_diag(&err);
        rc = cli_exit_for(error);
        goto done;
    }
    if (args->target) {
        if ((rc = cli_make_plan(&plan, res, args->target, &po, args->lang, "score")) != 0)
            goto done;
        ro.plan = plan;
    }
    if (args->format == PEKPPP_FORMAT_XLSX) {
        if ((rc = write_unit_xlsx(args, res, &ro)) == 0 && args->fail_under)
            rc = check_below(res, threshold, args);
        goto done;
    }
    if ((error = pekppp_report_write(&sink, res, args->format, &ro)) < 0) {
        rc = cli_exit_for(error);
        goto done;
    }
    if ((rc = cli_write_output(args->output, sink.data, sink.len)) != 0)
        goto done;
    if (args->fail_under)
        rc = check_below(res, threshold, args);
done:
    pekppp_sink_dispose(&sink);
    pekppp_plan_free(plan);
    pekppp_result_free(res);
    pekppp_result_free(base);
    free(changes);
    pekppp_assessment_free(a);
    return rc;
}

/* Several inputs, a folder, a sheet, -f csv or --fail-under-mean: the batch report. */
static int score_batch(score_args *a, cli_items *items)
{
    cli_batch_args args;
    memset(&args, 0, sizeof(args));
    args.rubrics = &a->rubrics;
    args.given = a->aopts.rubric;
    args.format = a->format;
    args.ropts = a->ropts;
    args.group_by = a->group_by;
    args.title = a->title;
    args.allow_incomplete = a->aopts.allow_incomplete;
    args.sheet = a->aopts.sheet;
    args.jobs = (int)(a->jobs > 0 ? a->jobs : 1);
    args.quiet = a->quiet;
    args.output = a->output;
    args.fail_under = a->fail_under;
    args.fail_under_mean = a->fail_under_mean;
    args.lang = a->lang;
    args.survey = a->survey;
    return cli_run_batch(items, &args);
}

/* Read the --survey sheet against -r or the default rubric; 0 or an exit code. */
static int read_survey(score_args *a)
{
    pekppp_load_options lo = PEKPPP_LOAD_OPTIONS_INIT;
    const pekppp_rubric *r = a->aopts.rubric;
    pekppp_error err;
    int error;
    pekppp_error_clear(&err);
    if (!r && cli_rubrics_resolve(&r, CLI_DEFAULT_RUBRIC, &a->rubrics, &err) < 0) {
        cli_fail("%s", cli_diag_message(&err));
        return err.code == PEKPPP_ENOTFOUND || !err.code ? CLI_EXIT_IO : CLI_EXIT_INVALID;
    }
    lo.diag = cli_diag_cb;
    if ((error = pekppp_survey_sheet_read(&a->survey, r, a->survey_file, &lo, &err)) < 0)
        return cli_exit_for(error);
    return 0;
}

/* Gather the inputs and score them: one unit file gives a unit report,
 * unless a batch option asks for a batch. */
static int score_inputs(score_args *a)
{
    cli_items items = { NULL, 0, 0, 0, NULL, 0, NULL, 0, 0, NULL, 0 };
    pekppp_assessment *form = NULL;
    char formbuf[CLI_PATH_MAX];
    int rc;
    a->ropts.lang = a->lang ? PEKPPP_LANG_EN : PEKPPP_LANG_ID;
    if (a->format == PEKPPP_FORMAT_HTML || a->format == PEKPPP_FORMAT_XLSX)
        a->ropts.timestamp = cli_report_time(a->stamp, sizeof(a->stamp), a->lang);
    if (cli_items_expand(&items, a->inputs, a->ninputs) < 0) {
        cli_items_free(&items);
        return CLI_EXIT_INTERNAL;
    }
    /* Nothing is read before -o is known not to overwrite an input. */
    {
        const char *reads[2];
        size_t nreads = 0;
        if (a->rubrics.rubric_file)
            reads[nreads++] = a->rubrics.rubric_file;
        if (a->survey_file)
            reads[nreads++] = a->survey_file;
        if ((rc = cli_out_check(a->output, &items, reads, nreads, a->lang, "score")) != 0 ||
            (a->rubrics.rubric_file &&
             (rc = cli_rubrics_load_given(&a->rubrics, &a->aopts.rubric)) != 0) ||
            (a->survey_file && (rc = read_survey(a)) != 0)) {
            cli_items_free(&items);
            return rc;
        }
    }
    if (items.count == 1 && !items.saw_folder_or_sheet && a->format != PEKPPP_FORMAT_CSV &&
        !a->fail_under_mean) {
        char buf[CLI_PATH_MAX];
        rc = score_one(a, cli_item_path(&items.items[0], buf), NULL);
    } else if (items.count == 1 && items.items[0].kind == ITEM_SHEET &&
               a->format != PEKPPP_FORMAT_CSV && !a->fail_under_mean &&
               (form = open_form(a, cli_item_path(&items.items[0], formbuf))) != NULL) {
        rc = score_one(a, formbuf, form); /* a fill-in workbook is one unit */
    } else if (a->nsets > 0 || a->target) {
        rc = usage(a->lang, cli_msg(a->lang, a->nsets > 0 ? CM_SET_NEEDS_UNIT : CM_TARGET_NEEDS_UNIT));
    } else {
        rc = score_batch(a, &items);
    }
    cli_items_free(&items);
    /* Responses for a unit that was not scored are reported, never dropped. */
    if (a->survey && pekppp_survey_sheet_report_unused(a->survey, cli_diag_cb, NULL) > 0 &&
        (rc == CLI_EXIT_OK || rc == CLI_EXIT_BELOW))
        rc = CLI_EXIT_INVALID;
    return rc;
}

int cmd_score(int argc, char **argv)
{
    static const pekppp_assessment_options aopts_init = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    static const pekppp_report_options ropts_init = PEKPPP_REPORT_OPTIONS_INIT;
    score_args a;
    int rc;
    memset(&a, 0, sizeof(a));
    a.aopts = aopts_init;
    a.ropts = ropts_init;
    a.format = PEKPPP_FORMAT_TEXT;
    a.group_by = PEKPPP_GROUP_CATEGORY;
    a.jobs = sysconf(_SC_NPROCESSORS_ONLN);
    a.lang = cli_lang_default();
    a.inputs = calloc((size_t)argc, sizeof(*a.inputs));
    a.sets = calloc((size_t)argc, sizeof(*a.sets));
    if (!a.inputs || !a.sets) {
        free(a.inputs);
        free(a.sets);
        return CLI_EXIT_INTERNAL;
    }
    cli_rubrics_init(&a.rubrics, a.lang);
    if ((rc = parse_options(&a, argc, argv)) == SCORE_GO)
        rc = score_inputs(&a);
    pekppp_survey_sheet_free(a.survey);
    cli_rubrics_free(&a.rubrics);
    free(a.inputs);
    free(a.sets);
    return rc;
}
