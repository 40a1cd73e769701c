/*
 * `pekppp template`: a blank unit file (YAML) or a sheet header (CSV) for a
 * rubric, ready to fill in.
 */
#include <stdio.h>
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
#include "xlsx_out.h"

enum { O_RUBRIC = 1, O_RUBRIC_PATH, O_FORMAT, O_OUTPUT, O_FORCE, O_LANG, O_CSV_DIALECT, O_RESPONDENTS,
       O_HELP };

const cli_opt template_opts[] = {
    { O_RUBRIC, 'r', "rubric", "FILE|ID",
      { "rubrik: berkas atau id (bawaan: pekppp-2022-luring)",
        "the rubric: a file or an id (default: pekppp-2022-luring)" } },
    { O_RUBRIC_PATH, 0, "rubric-path", "DIRS",
      { "cari rubrik di folder ini dulu", "search these folders first" } },
    { O_FORMAT, 'f', "format", "FMT", { "yaml (bawaan), csv, atau xlsx (buku kerja isian)",
                                        "yaml (default), csv, or xlsx (a fill-in workbook)" } },
    { O_OUTPUT, 'o', "output", "FILE",
      { "tulis ke berkas baru (berkas yang ada perlu --force)",
        "write to a new file (an existing one needs --force)" } },
    { O_FORCE, 0, "force", NULL,
      { "ganti berkas -o yang sudah ada", "replace an existing -o file" } },
    { O_LANG, 0, "lang", "LANG", { "bahasa komentar: id atau en", "language of comments: id or en" } },
    { O_CSV_DIALECT, 0, "csv-dialect", "D",
      { "plain atau id (';' dan koma desimal)", "plain or id (';' and decimal comma)" } },
    { O_RESPONDENTS, 0, "respondents", NULL,
      { "lembar responden kosong (CSV, atau -f xlsx): unit_id dan satu kolom per butir survei",
        "the blank respondent sheet (CSV, or -f xlsx): unit_id and a column per survey item" } },
    { O_HELP, 'h', "help", NULL, { "tampilkan bantuan ini", "show this help" } },
    { 0, 0, NULL, NULL, { NULL, NULL } }
};

int cmd_template(int argc, char **argv)
{
    cli_opt_state st;
    cli_rubrics rubrics;
    pekppp_report_options ro = PEKPPP_REPORT_OPTIONS_INIT;
    pekppp_report_format format = PEKPPP_FORMAT_TEXT;
    const pekppp_rubric *r = NULL;
    const char *rubric = CLI_DEFAULT_RUBRIC, *output = NULL, *v;
    pekppp_sink sink;
    pekppp_error err;
    struct stat sb;
    int lang = cli_lang_default(), id, rc = CLI_EXIT_OK, force = 0, respondents = 0;

    cli_rubrics_init(&rubrics, lang);
    pekppp_sink_init_buffer(&sink);
    cli_opt_init(&st, argc, argv);
    while ((id = cli_opt_next(&st, template_opts, &v)) != CLI_OPT_END) {
        switch (id) {
        case CLI_OPT_POSITIONAL:
        case CLI_OPT_ERROR:
            rc = cli_usage(lang, "template",
                           id == CLI_OPT_ERROR ? st.error : cli_msg(lang, CM_TEMPLATE_NO_FILES));
            goto done;
        case O_RUBRIC: rubric = v; break;
        case O_RUBRIC_PATH: rubrics.rubric_path = v; break;
        case O_FORMAT:
            if ((rc = cli_opt_format(v, "yaml,csv,xlsx", &format, lang, "template")) != 0)
                goto done;
            break;
        case O_OUTPUT: output = v; break;
        case O_FORCE: force = 1; break;
        case O_RESPONDENTS: respondents = 1; break;
        case O_LANG:
            if ((rc = cli_opt_lang(v, &lang, &rubrics, "template")) != 0)
                goto done;
            break;
        case O_CSV_DIALECT:
            if ((rc = cli_opt_dialect(v, &ro.csv_dialect, lang, "template")) != 0)
                goto done;
            break;
        case O_HELP: rc = cmd_help_for("template", lang); goto done;
        default: break;
        }
    }
    /* A form may have been filled in since it was made: replace it only
     * when asked (devices and FIFOs are written in place, never "replaced"). */
    if (output && !force && strcmp(output, "-") != 0 && stat(output, &sb) == 0 &&
        S_ISREG(sb.st_mode)) {
        char msg[512];
        snprintf(msg, sizeof(msg), cli_msg(lang, CM_TEMPLATE_EXISTS), output);
        rc = cli_usage(lang, "template", msg);
        goto done;
    }
    ro.lang = lang ? PEKPPP_LANG_EN : PEKPPP_LANG_ID;
    rubrics.lang = lang;
    /* A value with a '/' or ending in .yaml is a file; otherwise an id. */
    if (strchr(rubric, '/') || strstr(rubric, ".yaml") || strstr(rubric, ".yml")) {
        rubrics.rubric_file = rubric;
        if ((rc = cli_out_check(output, NULL, &rubric, 1, lang, "template")) != 0 ||
            (rc = cli_rubrics_load_given(&rubrics, &r)) != 0)
            goto done;
    } else if (pekppp_error_clear(&err), cli_rubrics_resolve(&r, rubric, &rubrics, &err) < 0) {
        cli_fail("%s", cli_diag_message(&err));
        rc = err.code == PEKPPP_ENOTFOUND || !err.code ? CLI_EXIT_IO : CLI_EXIT_INVALID;
        goto done;
    }
    if (format == PEKPPP_FORMAT_XLSX) {
        rc = cli_template_xlsx(output, r, &ro, lang, respondents);
        goto done;
    }
    if (respondents ? pekppp_survey_sheet_template(&sink, r, &ro) < 0
                    : pekppp_template_write(&sink, r, format, &ro) < 0) {
        rc = CLI_EXIT_INTERNAL;
        goto done;
    }
    rc = cli_write_output(output, sink.data, sink.len);
done:
    pekppp_sink_dispose(&sink);
    cli_rubrics_free(&rubrics);
    return rc;
}
