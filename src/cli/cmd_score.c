/*
 * `pekppp score UNIT`: load one unit against its rubric, score it exactly,
 * and write the report.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "exitcode.h"
#include "opt.h"

enum { O_RUBRIC = 1, O_RUBRIC_PATH, O_FORMAT, O_OUTPUT, O_LANG, O_INCOMPLETE, O_FAIL_UNDER,
       O_QUIET, O_HELP };

const cli_opt score_opts[] = {
    { O_RUBRIC, 'r', "rubric", "FILE",
      { "pakai rubrik ini (id-nya tetap harus cocok)", "use this rubric file (its id must still match)" } },
    { O_RUBRIC_PATH, 0, "rubric-path", "DIRS",
      { "cari rubrik di folder ini dulu (dipisah ':')", "search these folders first (':'-separated)" } },
    { O_FORMAT, 'f', "format", "FMT", { "text (bawaan) atau json", "text (default) or json" } },
    { O_OUTPUT, 'o', "output", "FILE",
      { "tulis ke berkas (diganti secara atomik)", "write to a file (replaced atomically)" } },
    { O_LANG, 0, "lang", "LANG", { "bahasa laporan: id atau en", "report language: id or en" } },
    { O_INCOMPLETE, 0, "allow-incomplete", NULL,
      { "indikator tanpa jawaban dihitung level minimum", "count unanswered indicators at the lowest level" } },
    { O_FAIL_UNDER, 0, "fail-under", "GRADE|N",
      { "keluar dengan kode 1 bila indeks di bawahnya", "exit 1 when the index is below it" } },
    { O_QUIET, 'q', "quiet", NULL, { "tanpa pesan tambahan", "no extra messages" } },
    { O_HELP, 'h', "help", NULL, { "tampilkan bantuan ini", "show this help" } },
    { 0, 0, NULL, NULL, { NULL, NULL } }
};

/* The threshold of --fail-under as a 10^4-scaled decimal: a grade's band
 * minimum, or a number. */
static int parse_threshold(const pekppp_rubric *r, const char *s, int64_t *out)
{
    size_t i;
    int64_t whole = 0, frac = 0, scale = 1000;
    const char *p = s;
    for (i = 0; i < pekppp_rubric_band_count(r); i++) {
        const pekppp_band *b = pekppp_rubric_band(r, i);
        if (strcmp(b->grade, s) == 0) {
            *out = b->min;
            return 0;
        }
    }
    if (*p < '0' || *p > '9')
        return -1;
    for (; *p >= '0' && *p <= '9'; p++)
        if ((whole = whole * 10 + (*p - '0')) > 1000000)
            return -1;
    if (*p == '.') {
        p++;
        if (*p < '0' || *p > '9')
            return -1;
        for (; *p >= '0' && *p <= '9' && scale > 0; p++, scale /= 10)
            frac += (*p - '0') * scale;
    }
    if (*p)
        return -1;
    *out = whole * 10000 + frac;
    return 0;
}

int cmd_score(int argc, char **argv)
{
    cli_opt_state st;
    cli_rubrics rubrics;
    pekppp_assessment_options aopts = PEKPPP_ASSESSMENT_OPTIONS_INIT;
    pekppp_report_options ropts = PEKPPP_REPORT_OPTIONS_INIT;
    pekppp_assessment *a = NULL;
    pekppp_result *res = NULL;
    pekppp_sink sink;
    pekppp_error err;
    pekppp_report_format format = PEKPPP_FORMAT_TEXT;
    const char *input = NULL, *output = NULL, *fail_under = NULL, *v;
    int lang = cli_lang_default(), id, rc = CLI_EXIT_OK, error, extra = 0;

    pekppp_sink_init_buffer(&sink);
    cli_rubrics_init(&rubrics, lang);
    cli_opt_init(&st, argc, argv);
    while ((id = cli_opt_next(&st, score_opts, &v)) != CLI_OPT_END) {
        switch (id) {
        case CLI_OPT_POSITIONAL:
            if (input)
                extra = 1;
            else
                input = v;
            break;
        case CLI_OPT_ERROR:
            cli_fail("%s", st.error);
            fprintf(stderr, cli_msg(lang, CM_TRY_HELP), "score");
            fputc('\n', stderr);
            return CLI_EXIT_USAGE;
        case O_RUBRIC: rubrics.rubric_file = v; break;
        case O_RUBRIC_PATH: rubrics.rubric_path = v; break;
        case O_FORMAT:
            if (strcmp(v, "text") == 0)
                format = PEKPPP_FORMAT_TEXT;
            else if (strcmp(v, "json") == 0)
                format = PEKPPP_FORMAT_JSON;
            else {
                cli_fail(cli_msg(lang, CM_BAD_FORMAT), v, "text, json");
                return CLI_EXIT_USAGE;
            }
            break;
        case O_OUTPUT: output = v; break;
        case O_LANG:
            if (cli_lang_parse(v, &lang) < 0) {
                cli_fail(cli_msg(lang, CM_BAD_LANG), v);
                return CLI_EXIT_USAGE;
            }
            rubrics.lang = lang;
            break;
        case O_INCOMPLETE: aopts.allow_incomplete = true; break;
        case O_FAIL_UNDER: fail_under = v; break;
        case O_QUIET: break;
        case O_HELP: return cmd_help_for("score", lang);
        default: break;
        }
    }
    if (!input || extra) {
        cli_fail("%s", cli_msg(lang, input ? CM_ONE_INPUT : CM_NO_INPUT));
        fprintf(stderr, cli_msg(lang, CM_TRY_HELP), "score");
        fputc('\n', stderr);
        return CLI_EXIT_USAGE;
    }
    ropts.lang = lang ? PEKPPP_LANG_EN : PEKPPP_LANG_ID;

    if (rubrics.rubric_file && (rc = cli_rubrics_load_given(&rubrics, &aopts.rubric)) != 0)
        goto done;
    aopts.resolve = cli_rubrics_resolve;
    aopts.resolve_payload = &rubrics;
    aopts.diag = cli_diag_cb;
    error = pekppp_assessment_load_file(&a, input, &aopts, &err);
    if (error < 0) {
        rc = err.line == 0 ? cli_exit_for(error) : CLI_EXIT_INVALID;
        goto done;
    }
    if ((error = pekppp_score(&res, a, &err)) < 0) {
        cli_print_diag(&err);
        rc = cli_exit_for(error);
        goto done;
    }
    if ((error = pekppp_report_write(&sink, res, format, &ropts)) < 0) {
        rc = cli_exit_for(error);
        goto done;
    }
    if ((rc = cli_write_output(output, sink.data, sink.len)) != 0)
        goto done;
    if (fail_under) {
        int64_t threshold, rounded;
        pekppp_fixed idx = pekppp_result_index(res);
        int k;
        if (parse_threshold(pekppp_assessment_rubric(a), fail_under, &threshold) < 0) {
            cli_fail(cli_msg(lang, CM_BAD_FAIL_UNDER), fail_under);
            rc = CLI_EXIT_USAGE;
            goto done;
        }
        /* Compare the rounded index, the value the grade is read from. */
        rounded = idx.units;
        for (k = idx.decimals; k < 4; k++)
            rounded *= 10;
        if (rounded < threshold) {
            char shown[48];
            pekppp_fixed_format(shown, sizeof(shown), idx);
            cli_fail(cli_msg(lang, CM_BELOW), shown, fail_under);
            rc = CLI_EXIT_BELOW;
        }
    }
done:
    pekppp_sink_dispose(&sink);
    pekppp_result_free(res);
    pekppp_assessment_free(a);
    cli_rubrics_free(&rubrics);
    return rc;
}
