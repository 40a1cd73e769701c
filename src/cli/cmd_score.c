/*
 * `pekppp score UNIT`: load one unit against its rubric, score it exactly,
 * and write the report.
 */
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmd.h"
#include "exitcode.h"
#include "opt.h"
#include "batch_run.h"

enum { O_RUBRIC = 1, O_RUBRIC_PATH, O_FORMAT, O_OUTPUT, O_LANG, O_INCOMPLETE, O_FAIL_UNDER,
       O_FAIL_UNDER_MEAN, O_JOBS, O_GROUP_BY, O_CSV_DIALECT, O_SET, O_TARGET, O_QUIET, O_HELP };

const cli_opt score_opts[] = {
    { O_RUBRIC, 'r', "rubric", "FILE",
      { "pakai rubrik ini (id-nya tetap harus cocok)", "use this rubric file (its id must still match)" } },
    { O_RUBRIC_PATH, 0, "rubric-path", "DIRS",
      { "cari rubrik di folder ini dulu (dipisah ':')", "search these folders first (':'-separated)" } },
    { O_FORMAT, 'f', "format", "FMT",
      { "text (bawaan), json, md, html, atau csv (banyak unit)",
        "text (default), json, md, html, or csv (batches)" } },
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
    { O_CSV_DIALECT, 0, "csv-dialect", "D",
      { "plain (',' dan '.') atau id (';' dan ',' untuk Excel Indonesia)",
        "plain (',' and '.') or id (';' and ',' for Indonesian Excel)" } },
    { O_SET, 0, "set", "ID=LEVEL",
      { "andaikan jawaban ini (boleh berulang); tampilkan selisihnya",
        "what if this answer were given (repeatable); shows the changes" } },
    { O_TARGET, 't', "target", "GRADE",
      { "tambahkan rencana menuju predikat ini (seperti `pekppp plan`)",
        "add the plan to reach this grade (as `pekppp plan` makes it)" } },
    { O_QUIET, 'q', "quiet", NULL, { "tanpa bilah kemajuan", "no progress bar" } },
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

/* What one unit's report asks for besides the format. */
typedef struct {
    const char *output;
    const char *fail_under;
    const char *target;      /* --target: add the plan */
    char *const *sets;       /* --set: what-if answers */
    size_t nsets;
    int lang;
} score_one_args;

/* One unit: the unit report, with the what-if and the plan when asked. */
static int score_one(const char *input, cli_rubrics *rubrics, pekppp_assessment_options *aopts,
                     pekppp_report_format format, const pekppp_report_options *ropts_in,
                     const score_one_args *x)
{
    const char *output = x->output, *fail_under = x->fail_under;
    char *const *sets = x->sets;
    size_t nsets = x->nsets;
    int lang = x->lang;
    pekppp_plan *plan = NULL;
    pekppp_plan_options po = PEKPPP_PLAN_OPTIONS_INIT;
    pekppp_assessment *a = NULL;
    pekppp_result *res = NULL, *base = NULL;
    pekppp_change *changes = NULL;
    pekppp_report_options ro = *ropts_in;
    const pekppp_report_options *ropts = &ro;
    pekppp_sink sink;
    pekppp_error err;
    pekppp_fixed threshold = { 0, 0 };
    int rc = CLI_EXIT_OK, error;

    pekppp_sink_init_buffer(&sink);
    aopts->resolve = cli_rubrics_resolve;
    aopts->resolve_payload = rubrics;
    aopts->diag = cli_diag_cb;
    error = pekppp_assessment_load_file(&a, input, aopts, &err);
    if (error < 0) {
        rc = err.line == 0 ? cli_exit_for(error) : CLI_EXIT_INVALID;
        goto done;
    }
    /* Check the threshold before any output: a usage error writes no report. */
    if (fail_under && cli_parse_threshold(pekppp_assessment_rubric(a), fail_under, &threshold) < 0) {
        cli_fail(cli_msg(lang, CM_BAD_FAIL_UNDER), fail_under);
        rc = CLI_EXIT_USAGE;
        goto done;
    }
    if (nsets > 0) {
        /* What-if: score as given, then with the changed answers. */
        if ((error = pekppp_score(&base, a, &err)) < 0) {
            cli_print_diag(&err);
            rc = cli_exit_for(error);
            goto done;
        }
        if (!(changes = calloc(nsets, sizeof(*changes)))) {
            rc = CLI_EXIT_INTERNAL;
            goto done;
        }
        if ((rc = cli_apply_sets(a, sets, nsets, changes, lang)) != 0)
            goto done;
        ro.baseline = base;
        ro.changes = changes;
        ro.nchanges = nsets;
    }
    if ((error = pekppp_score(&res, a, &err)) < 0) {
        cli_print_diag(&err);
        rc = cli_exit_for(error);
        goto done;
    }
    if (x->target) {
        if ((rc = cli_make_plan(&plan, res, x->target, &po, lang, "score")) != 0)
            goto done;
        ro.plan = plan;
    }
    if ((error = pekppp_report_write(&sink, res, format, ropts)) < 0) {
        rc = cli_exit_for(error);
        goto done;
    }
    if ((rc = cli_write_output(output, sink.data, sink.len)) != 0)
        goto done;
    if (fail_under) {
        pekppp_fixed idx = pekppp_result_index(res);
        /* Compare the rounded index, the value the grade is read from. */
        if (pekppp_fixed_compare(idx, threshold) < 0) {
            char shown[48];
            pekppp_fixed_format(shown, sizeof(shown), idx);
            cli_fail(cli_msg(lang, CM_BELOW), shown, fail_under);
            rc = CLI_EXIT_BELOW;
        }
    }
done:
    pekppp_sink_dispose(&sink);
    pekppp_plan_free(plan);
    pekppp_result_free(res);
    pekppp_result_free(base);
    free(changes);
    pekppp_assessment_free(a);
    return rc;
}

/* The HTML receipt's time stamp, in UTC (ISO 8601): now, or SOURCE_DATE_EPOCH
 * when it is set, so a report can be made again byte for byte.  A value that
 * is not a number of seconds is reported and the time left out. */
static const char *report_time(char *buf, size_t size, int lang)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    time_t t = time(NULL);
    struct tm tm;
    if (epoch && *epoch) {
        char *end;
        long long v = strtoll(epoch, &end, 10);
        if (*end || v < 0 || v > 253402300799LL) { /* up to 9999-12-31 */
            cli_fail(lang ? "warning: SOURCE_DATE_EPOCH is not a number of seconds since 1970 "
                            "(up to 9999): the report leaves out when it was made"
                          : "peringatan: SOURCE_DATE_EPOCH bukan jumlah detik sejak 1970 "
                            "(sampai 9999): laporan tidak mencantumkan waktu pembuatan");
            return NULL;
        }
        t = (time_t)v;
    }
    if (!gmtime_r(&t, &tm) || strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        return NULL;
    return buf;
}

int cmd_score(int argc, char **argv)
{
    cli_opt_state st;
    cli_rubrics rubrics;
    cli_items items = { NULL, 0, 0, 0, NULL, 0 };
    pekppp_assessment_options aopts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_report_options ropts = PEKPPP_REPORT_OPTIONS_INIT;
    pekppp_report_format format = PEKPPP_FORMAT_TEXT;
    const char *output = NULL, *fail_under = NULL, *fail_under_mean = NULL, *target = NULL, *v;
    char **inputs = NULL, **sets = NULL;
    size_t ninputs = 0, nsets = 0;
    unsigned group_by = PEKPPP_GROUP_CATEGORY;
    long jobs = sysconf(_SC_NPROCESSORS_ONLN);
    int lang = cli_lang_default(), id, rc = CLI_EXIT_OK, quiet = 0;
    char stamp[32];

    inputs = calloc((size_t)argc, sizeof(*inputs));
    sets = calloc((size_t)argc, sizeof(*sets));
    if (!inputs || !sets) {
        free(inputs);
        free(sets);
        return CLI_EXIT_INTERNAL;
    }
    cli_rubrics_init(&rubrics, lang);
    cli_opt_init(&st, argc, argv);
    while ((id = cli_opt_next(&st, score_opts, &v)) != CLI_OPT_END) {
        switch (id) {
        case CLI_OPT_POSITIONAL: inputs[ninputs++] = (char *)v; break;
        case CLI_OPT_ERROR: rc = usage(lang, st.error); goto done;
        case O_RUBRIC: rubrics.rubric_file = v; break;
        case O_RUBRIC_PATH: rubrics.rubric_path = v; break;
        case O_FORMAT:
            if ((rc = cli_opt_format(v, "text,json,csv,md,html", &format, lang, "score")) != 0)
                goto done;
            break;
        case O_OUTPUT: output = v; break;
        case O_LANG:
            if ((rc = cli_opt_lang(v, &lang, &rubrics, "score")) != 0)
                goto done;
            break;
        case O_INCOMPLETE: aopts.allow_incomplete = true; break;
        case O_FAIL_UNDER: fail_under = v; break;
        case O_FAIL_UNDER_MEAN: fail_under_mean = v; break;
        case O_JOBS: {
            char *end;
            jobs = strtol(v, &end, 10);
            if (*v == '\0' || *end != '\0' || jobs < 1 || jobs > 256) {
                rc = usage(lang, lang ? "--jobs takes a number from 1 to 256"
                                      : "--jobs menerima angka 1 sampai 256");
                goto done;
            }
            break;
        }
        case O_GROUP_BY:
            if (parse_group_by(v, &group_by) < 0) {
                rc = usage(lang, lang ? "--group-by takes category, institution, mode or none"
                                      : "--group-by menerima category, institution, mode atau none");
                goto done;
            }
            break;
        case O_CSV_DIALECT:
            if ((rc = cli_opt_dialect(v, &ropts.csv_dialect, lang, "score")) != 0)
                goto done;
            break;
        case O_SET: sets[nsets++] = (char *)v; break;
        case O_TARGET: target = v; break;
        case O_QUIET: quiet = 1; break;
        case O_HELP: rc = cmd_help_for("score", lang); goto done;
        default: break;
        }
    }
    if (ninputs == 0) {
        rc = usage(lang, cli_msg(lang, CM_NO_INPUT));
        goto done;
    }
    ropts.lang = lang ? PEKPPP_LANG_EN : PEKPPP_LANG_ID;
    if (format == PEKPPP_FORMAT_HTML)
        ropts.timestamp = report_time(stamp, sizeof(stamp), lang);
    if (rubrics.rubric_file && (rc = cli_rubrics_load_given(&rubrics, &aopts.rubric)) != 0)
        goto done;
    if (cli_items_expand(&items, inputs, ninputs) < 0) {
        rc = CLI_EXIT_INTERNAL;
        goto done;
    }
    /* One unit file gives a unit report, unless a batch option asks for a batch. */
    if (items.count == 1 && !items.saw_folder_or_sheet && format != PEKPPP_FORMAT_CSV &&
        !fail_under_mean) {
        score_one_args x;
        x.output = output;
        x.fail_under = fail_under;
        x.target = target;
        x.sets = sets;
        x.nsets = nsets;
        x.lang = lang;
        char buf[CLI_PATH_MAX];
        rc = score_one(cli_item_path(&items.items[0], buf), &rubrics, &aopts, format, &ropts, &x);
    } else if (nsets > 0 || target) {
        /* A batch report: several inputs, a folder, a sheet, -f csv or
         * --fail-under-mean. */
        rc = usage(lang, nsets > 0 ? (lang ? "--set needs a unit report: one unit file, without "
                                             "-f csv or --fail-under-mean"
                                           : "--set hanya untuk laporan satu unit: satu berkas unit, "
                                             "tanpa -f csv atau --fail-under-mean")
                                   : (lang ? "--target needs a unit report: one unit file, without "
                                             "-f csv or --fail-under-mean"
                                           : "--target hanya untuk laporan satu unit: satu berkas "
                                             "unit, tanpa -f csv atau --fail-under-mean"));
    } else {
        cli_batch_args args;
        memset(&args, 0, sizeof(args));
        args.rubrics = &rubrics;
        args.given = aopts.rubric;
        args.format = format;
        args.ropts = ropts;
        args.group_by = group_by;
        args.allow_incomplete = aopts.allow_incomplete;
        args.jobs = (int)(jobs > 0 ? jobs : 1);
        args.quiet = quiet;
        args.output = output;
        args.fail_under = fail_under;
        args.fail_under_mean = fail_under_mean;
        args.lang = lang;
        rc = cli_run_batch(&items, &args);
    }
done:
    cli_items_free(&items);
    cli_rubrics_free(&rubrics);
    free(inputs);
    free(sets);
    return rc;
}
