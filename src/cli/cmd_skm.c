/*
 * `pekppp skm RESPONSES...`: the Survei Kepuasan Masyarakat of each unit
 * from its respondent rows (pekppp/skm.h), with the weight convention said.
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
#include "xlsx_out.h"

#define CLI_DEFAULT_SKM_RUBRIC "skm-2017"

enum { O_RUBRIC = 1, O_RUBRIC_PATH, O_FORMAT, O_OUTPUT, O_LANG, O_WEIGHTS, O_CSV_DIALECT, O_HELP };

const cli_opt skm_opts[] = {
    { O_RUBRIC, 'r', "rubric", "ID|FILE",
      { "instrumen SKM (bawaan skm-2017)", "the SKM instrument (default skm-2017)" } },
    { O_RUBRIC_PATH, 0, "rubric-path", "DIRS", { "cari rubrik di folder ini dulu", "search these folders first" } },
    { O_FORMAT, 'f', "format", "FMT",
      { "text (bawaan), json, md, html, csv (satu baris per unit), atau xlsx",
        "text (default), json, md, html, csv (one row per unit), or xlsx" } },
    { O_WEIGHTS, 0, "weights", "W",
      { "bobot per unsur: exact (bawaan, 1/9 tepat) atau desimal lembar lama, misalnya 0.11",
        "weight per unsur: exact (default, exactly 1/9) or a legacy sheet's decimal, e.g. 0.11" } },
    { O_OUTPUT, 'o', "output", "FILE", { "tulis ke berkas (diganti secara atomik)", "write to a file (replaced atomically)" } },
    { O_CSV_DIALECT, 0, "csv-dialect", "D",
      { "CSV: plain (',' dan '.') atau id (';' dan ',')", "CSV: plain (',' and '.') or id (';' and ',')" } },
    { O_LANG, 0, "lang", "LANG", { "bahasa: id atau en", "language: id or en" } },
    { O_HELP, 'h', "help", NULL, { "tampilkan bantuan ini", "show this help" } },
    { 0, 0, NULL, NULL, { NULL, NULL } }
};

/* "exact" -> 0; "0.11" -> 1100 (a decimal of at most 4 places, above 0, at most 1). */
static int parse_weights(const char *v, int64_t *out)
{
    int64_t whole = 0, frac = 0;
    int places = 0;
    const char *p = v;
    if (strcmp(v, "exact") == 0 || strcmp(v, "tepat") == 0) {
        *out = 0;
        return 0;
    }
    if (*p < '0' || *p > '9')
        return -1;
    while (*p >= '0' && *p <= '9' && whole <= 1)
        whole = whole * 10 + (*p++ - '0');
    if (*p == '.' || *p == ',') {
        p++;
        while (*p >= '0' && *p <= '9' && places < 4) {
            frac = frac * 10 + (*p++ - '0');
            places++;
        }
        if (places == 0)
            return -1;
    }
    if (*p)
        return -1;
    while (places++ < 4)
        frac *= 10;
    *out = whole * 10000 + frac;
    return *out > 0 && *out <= 10000 ? 0 : -1;
}

typedef struct {
    const pekppp_skm *skm;
    const pekppp_report_options *ro;
} skm_book;

static int write_book(const char *path, const void *payload, pekppp_error *err)
{
    const skm_book *b = payload;
    return pekppp_skm_write_xlsx(path, b->skm, b->ro, err);
}

int cmd_skm(int argc, char **argv)
{
    cli_opt_state st;
    cli_rubrics rubrics;
    pekppp_report_options ro = PEKPPP_REPORT_OPTIONS_INIT;
    pekppp_skm_options so = PEKPPP_SKM_OPTIONS_INIT;
    pekppp_report_format format = PEKPPP_FORMAT_TEXT;
    const pekppp_rubric *r = NULL;
    pekppp_skm *skm = NULL;
    const char *rubric = CLI_DEFAULT_SKM_RUBRIC, *output = NULL, *v;
    const char **inputs = NULL, **reads = NULL;
    size_t ninputs = 0, i;
    pekppp_sink sink;
    pekppp_error err;
    int lang = cli_lang_default(), id, rc = CLI_EXIT_OK, error;
    char stamp[32];

    cli_rubrics_init(&rubrics, lang);
    pekppp_sink_init_buffer(&sink);
    inputs = calloc((size_t)argc + 1, sizeof(*inputs));
    reads = calloc((size_t)argc + 2, sizeof(*reads));
    if (!inputs || !reads) {
        rc = CLI_EXIT_INTERNAL;
        goto done;
    }
    cli_opt_init(&st, argc, argv);
    while ((id = cli_opt_next(&st, skm_opts, &v)) != CLI_OPT_END) {
        switch (id) {
        case CLI_OPT_POSITIONAL: inputs[ninputs++] = v; break;
        case CLI_OPT_ERROR: rc = cli_usage(lang, "skm", st.error); goto done;
        case O_RUBRIC: rubric = v; break;
        case O_RUBRIC_PATH: rubrics.rubric_path = v; break;
        case O_FORMAT:
            if ((rc = cli_opt_format(v, "text,json,md,html,csv,xlsx", &format, lang, "skm")) != 0)
                goto done;
            break;
        case O_WEIGHTS:
            if (parse_weights(v, &so.weight) < 0) {
                rc = cli_usage(lang, "skm", cli_msg(lang, CM_BAD_WEIGHTS));
                goto done;
            }
            break;
        case O_OUTPUT: output = v; break;
        case O_CSV_DIALECT:
            if ((rc = cli_opt_dialect(v, &ro.csv_dialect, lang, "skm")) != 0)
                goto done;
            break;
        case O_LANG:
            if ((rc = cli_opt_lang(v, &lang, &rubrics, "skm")) != 0)
                goto done;
            break;
        case O_HELP: rc = cmd_help_for("skm", lang); goto done;
        default: break;
        }
    }
    if (ninputs == 0) {
        rc = cli_usage(lang, "skm", cli_msg(lang, CM_SKM_NO_INPUT));
        goto done;
    }
    ro.lang = lang ? PEKPPP_LANG_EN : PEKPPP_LANG_ID;
    rubrics.lang = lang;
    if (format == PEKPPP_FORMAT_XLSX) {
        /* A workbook is no text for a terminal; its receipt has the time. */
        if ((rc = cli_out_refuse_tty(output, lang, "skm")) != 0)
            goto done;
        ro.timestamp = cli_report_time(stamp, sizeof(stamp), lang);
    }
    for (i = 0; i < ninputs; i++)
        reads[i] = inputs[i];
    /* A value with a '/' or ending in .yaml is a file; otherwise an id. */
    if (strchr(rubric, '/') || strstr(rubric, ".yaml") || strstr(rubric, ".yml")) {
        rubrics.rubric_file = rubric;
        reads[ninputs] = rubric;
        if ((rc = cli_out_check(output, NULL, reads, ninputs + 1, lang, "skm")) != 0 ||
            (rc = cli_rubrics_load_given(&rubrics, &r)) != 0)
            goto done;
    } else {
        if ((rc = cli_out_check(output, NULL, reads, ninputs, lang, "skm")) != 0)
            goto done;
        pekppp_error_clear(&err);
        if (cli_rubrics_resolve(&r, rubric, &rubrics, &err) < 0) {
            cli_fail("%s", cli_diag_message(&err));
            rc = err.code == PEKPPP_ENOTFOUND || !err.code ? CLI_EXIT_IO : CLI_EXIT_INVALID;
            goto done;
        }
    }
    so.diag = cli_diag_cb;
    pekppp_error_clear(&err);
    if ((error = pekppp_skm_read(&skm, r, inputs, ninputs, &so, &err)) < 0) {
        rc = cli_exit_for(error);
        goto done;
    }
    if (format == PEKPPP_FORMAT_XLSX) {
        skm_book b;
        b.skm = skm;
        b.ro = &ro;
        rc = cli_write_xlsx(output, lang, write_book, &b);
        goto done;
    }
    if ((error = pekppp_skm_write(&sink, skm, format, &ro)) < 0) {
        rc = cli_exit_for(error);
        goto done;
    }
    rc = cli_write_output(output, sink.data, sink.len);
done:
    pekppp_skm_free(skm);
    pekppp_sink_dispose(&sink);
    cli_rubrics_free(&rubrics);
    free(inputs);
    free(reads);
    return rc;
}
