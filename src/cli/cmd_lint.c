/*
 * `pekppp lint FILE...`: check rubric and unit files, listing every problem.
 * A unit file is recognised by its `schema:` and checked against its rubric.
 */
#include <stdio.h>
#include <stdint.h>
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

enum { O_RUBRIC_PATH = 1, O_FORMAT, O_OUTPUT, O_STRICT, O_MAX_WARNINGS, O_LANG, O_QUIET, O_HELP };

const cli_opt lint_opts[] = {
    { O_RUBRIC_PATH, 0, "rubric-path", "DIRS",
      { "cari rubrik unit di folder ini dulu", "search these folders first for units' rubrics" } },
    { O_FORMAT, 'f', "format", "FMT",
      { "text (bawaan, ke stderr), json, github (GitHub Actions), atau sarif (SARIF 2.1.0)",
        "text (default, on stderr), json, github (GitHub Actions), or sarif (SARIF 2.1.0)" } },
    { O_OUTPUT, 'o', "output", "FILE",
      { "tulis json/github ke berkas (diganti secara atomik)", "write json/github to a file (replaced atomically)" } },
    { O_STRICT, 0, "strict", NULL,
      { "peringatan saja pun gagal (kode keluar 2)", "fail on warnings alone too (exit code 2)" } },
    { O_MAX_WARNINGS, 0, "max-warnings", "N",
      { "gagal (kode 2) bila peringatan lebih dari N", "fail (exit 2) on more than N warnings" } },
    { O_LANG, 0, "lang", "LANG", { "bahasa pesan: id atau en", "message language: id or en" } },
    { O_QUIET, 'q', "quiet", NULL, { "tanpa ringkasan", "no summary line" } },
    { O_HELP, 'h', "help", NULL, { "tampilkan bantuan ini", "show this help" } },
    { 0, 0, NULL, NULL, { NULL, NULL } }
};

typedef enum { LINT_TEXT, LINT_JSON, LINT_GITHUB, LINT_SARIF } lint_format;

typedef struct {
    int errors, warnings;
    lint_format format;
    pekppp_sink *out;  /* json / github output */
} counts;

/* JSON string: quotes, backslashes and control characters escaped. */
static void json_str(pekppp_sink *out, const char *s)
{
    pekppp_sink_puts(out, "\"");
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        char esc[8];
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            pekppp_sink_write(out, esc, 2);
        } else if (c < 0x20) {
            snprintf(esc, sizeof(esc), "\\u%04x", c);
            pekppp_sink_puts(out, esc);
        } else {
            pekppp_sink_write(out, s, 1);
        }
    }
    pekppp_sink_puts(out, "\"");
}

/* A GitHub workflow command value: %, CR and LF escaped, and in properties
 * also ':' and ','. */
static void gh_escape(pekppp_sink *out, const char *s, int property)
{
    for (; *s; s++) {
        const char *rep = *s == '%' ? "%25" : *s == '\r' ? "%0D" : *s == '\n' ? "%0A"
                        : property && *s == ':' ? "%3A" : property && *s == ',' ? "%2C" : NULL;
        if (rep)
            pekppp_sink_puts(out, rep);
        else
            pekppp_sink_write(out, s, 1);
    }
}

/* A file name as a relative URI reference: unreserved characters and '/'
 * as they are, everything else percent-encoded. */
static void uri(pekppp_sink *out, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            pekppp_sink_write(out, s, 1);
        } else {
            char esc[3] = { '%', hex[c >> 4], hex[c & 15] };
            pekppp_sink_write(out, esc, 3);
        }
    }
}

/* A fingerprint that survives edits elsewhere in the file: FNV-1a 64 over
 * the rule, the file, the path and the message, leaving out the line: the
 * problem's own, and the digits after "line " in a message that points at
 * another place ("first at line 12"). */
static void fingerprint(char out[17], const pekppp_error *d)
{
    static const char hex[] = "0123456789abcdef";
    const char *parts[4];
    uint64_t h = 14695981039346656037ULL;
    int i, k;
    parts[0] = d->rule;
    parts[1] = d->file;
    parts[2] = d->path;
    parts[3] = d->message;
    for (i = 0; i < 4; i++) {
        const char *p;
        for (p = parts[i]; *p; p++) {
            h = (h ^ (unsigned char)*p) * 1099511628211ULL;
            if (i == 3 && p - parts[i] >= 4 && strncmp(p - 4, "line ", 5) == 0)
                while (p[1] >= '0' && p[1] <= '9')
                    p++;
        }
        h = (h ^ 0) * 1099511628211ULL; /* a separator between the parts */
    }
    for (k = 15; k >= 0; k--) {
        out[k] = hex[h & 15];
        h >>= 4;
    }
    out[16] = '\0';
}

static size_t rule_index(const char *rule)
{
    size_t i;
    for (i = 0; i < pekppp_rule_count(); i++)
        if (strcmp(pekppp_rule_id(i), rule) == 0)
            return i;
    return pekppp_rule_count() - 1;
}

static void sarif_result(counts *c, const pekppp_error *d, int warning)
{
    char num[96], fp[17];
    size_t ri = rule_index(d->rule);
    pekppp_sink_puts(c->out, c->errors + c->warnings > 1 ? ",\n        {" : "\n        {");
    pekppp_sink_puts(c->out, "\"ruleId\": ");
    json_str(c->out, pekppp_rule_id(ri));
    snprintf(num, sizeof(num), ", \"ruleIndex\": %zu, \"level\": \"%s\",\n         \"message\": {\"text\": ",
             ri, warning ? "warning" : "error");
    pekppp_sink_puts(c->out, num);
    if (d->path[0]) {
        char text[800];
        snprintf(text, sizeof(text), "%s: %s", d->path, cli_diag_message(d));
        json_str(c->out, text);
    } else {
        json_str(c->out, cli_diag_message(d));
    }
    pekppp_sink_puts(c->out, "},\n         \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"");
    uri(c->out, d->file);
    pekppp_sink_puts(c->out, "\"}");
    if (d->line) {
        snprintf(num, sizeof(num), ", \"region\": {\"startLine\": %u, \"startColumn\": %u}",
                 d->line, d->column ? d->column : 1);
        pekppp_sink_puts(c->out, num);
    }
    fingerprint(fp, d);
    pekppp_sink_puts(c->out, "}}],\n         \"partialFingerprints\": {\"pekppp/v1\": \"");
    pekppp_sink_puts(c->out, fp);
    pekppp_sink_puts(c->out, "\"}}");
}

static void count_cb(const pekppp_error *d, void *payload)
{
    counts *c = payload;
    int warning = d->severity == PEKPPP_SEV_WARNING;
    char num[64];
    if (warning)
        c->warnings++;
    else
        c->errors++;
    switch (c->format) {
    case LINT_TEXT:
        cli_print_diag(d);
        break;
    case LINT_JSON:
        pekppp_sink_puts(c->out, c->errors + c->warnings > 1 ? ",\n    {\"file\": " : "\n    {\"file\": ");
        json_str(c->out, d->file);
        if (d->line)
            snprintf(num, sizeof(num), ", \"line\": %u, \"column\": %u", d->line, d->column);
        else
            snprintf(num, sizeof(num), ", \"line\": null, \"column\": null");
        pekppp_sink_puts(c->out, num);
        pekppp_sink_puts(c->out, warning ? ", \"severity\": \"warning\", \"path\": "
                                         : ", \"severity\": \"error\", \"path\": ");
        if (d->path[0])
            json_str(c->out, d->path);
        else
            pekppp_sink_puts(c->out, "null");
        pekppp_sink_puts(c->out, ", \"rule\": ");
        json_str(c->out, d->rule);
        pekppp_sink_puts(c->out, ", \"message\": ");
        json_str(c->out, d->message);
        pekppp_sink_puts(c->out, "}");
        break;
    case LINT_SARIF:
        sarif_result(c, d, warning);
        break;
    case LINT_GITHUB:
        pekppp_sink_puts(c->out, warning ? "::warning file=" : "::error file=");
        gh_escape(c->out, d->file, 1);
        if (d->line) {
            snprintf(num, sizeof(num), ",line=%u,col=%u", d->line, d->column);
            pekppp_sink_puts(c->out, num);
        }
        pekppp_sink_puts(c->out, ",title=pekppp ");
        gh_escape(c->out, d->rule, 1);
        pekppp_sink_puts(c->out, "::");
        if (d->path[0]) {
            gh_escape(c->out, d->path, 0);
            pekppp_sink_puts(c->out, ": ");
        }
        gh_escape(c->out, cli_diag_message(d), 0);
        pekppp_sink_puts(c->out, "\n");
        break;
    }
}

/* The body of cmd_lint; @p files has room for every argument. */
static int lint_main(int argc, char **argv, char **files)
{
    cli_opt_state st;
    cli_rubrics rubrics;
    counts c = { 0, 0, LINT_TEXT, NULL };
    pekppp_sink out;
    const char *v, *output = NULL;
    cli_items items;
    size_t nfiles = 0, nfolders = 0, i;
    int id, lang = cli_lang_default(), quiet = 0, io_failed = 0;
    long max_warnings = -1; /* --strict is --max-warnings 0 */

    cli_rubrics_init(&rubrics, lang);
    pekppp_sink_init_buffer(&out);
    c.out = &out;
    cli_opt_init(&st, argc, argv);
    while ((id = cli_opt_next(&st, lint_opts, &v)) != CLI_OPT_END) {
        switch (id) {
        case CLI_OPT_POSITIONAL: files[nfiles++] = (char *)v; break;
        case CLI_OPT_ERROR: pekppp_sink_dispose(&out); return cli_usage(lang, "lint", st.error);
        case O_RUBRIC_PATH: rubrics.rubric_path = v; break;
        case O_FORMAT:
            if (strcmp(v, "text") == 0)
                c.format = LINT_TEXT;
            else if (strcmp(v, "json") == 0)
                c.format = LINT_JSON;
            else if (strcmp(v, "github") == 0)
                c.format = LINT_GITHUB;
            else if (strcmp(v, "sarif") == 0)
                c.format = LINT_SARIF;
            else {
                char msg[256];
                snprintf(msg, sizeof(msg), cli_msg(lang, CM_BAD_FORMAT), v, "text, json, github, sarif");
                pekppp_sink_dispose(&out);
                return cli_usage(lang, "lint", msg);
            }
            break;
        case O_OUTPUT: output = v; break;
        case O_STRICT: max_warnings = 0; break;
        case O_MAX_WARNINGS: {
            char *end;
            max_warnings = strtol(v, &end, 10);
            if (!*v || *end || max_warnings < 0) {
                pekppp_sink_dispose(&out);
                return cli_usage(lang, "lint", cli_msg(lang, CM_BAD_MAX_WARNINGS));
            }
            break;
        }
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
        return cli_usage(lang, "lint", cli_msg(lang, CM_LINT_NO_FILE));
    }
    /* Folders are searched for .yaml, .yml and .json files, as score does. */
    if (cli_items_expand(&items, files, nfiles) < 0) {
        cli_items_free(&items);
        pekppp_sink_dispose(&out);
        cli_rubrics_free(&rubrics);
        return CLI_EXIT_INTERNAL;
    }
    if (c.format == LINT_JSON)
        pekppp_sink_puts(&out, "{\n  \"schema\": \"pekppp/lint/v1\",\n  \"problems\": [");
    if (c.format == LINT_SARIF) {
        size_t k;
        pekppp_sink_puts(&out, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                               "  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
                               "    \"tool\": {\"driver\": {\"name\": \"pekppp\", \"version\": \"");
        pekppp_sink_puts(&out, pekppp_version());
        pekppp_sink_puts(&out, "\", \"rules\": [");
        for (k = 0; k < pekppp_rule_count(); k++) {
            pekppp_sink_puts(&out, k ? ",\n      {\"id\": " : "\n      {\"id\": ");
            json_str(&out, pekppp_rule_id(k));
            pekppp_sink_puts(&out, ", \"shortDescription\": {\"text\": ");
            json_str(&out, pekppp_rule_text(k));
            pekppp_sink_puts(&out, "}}");
        }
        pekppp_sink_puts(&out, "]}},\n    \"results\": [");
    }
    for (i = 0; i < items.count; i++) {
        char buf[CLI_PATH_MAX];
        const char *file = cli_item_path(&items.items[i], buf);
        pekppp_file_kind kind;
        pekppp_error err;
        int error;
        if (cli_item_problem(&items.items[i]) != CM_COUNT) {
            pekppp_error_clear(&err);
            err.code = PEKPPP_EIO;
            pekppp_error_set_file(&err, file);
            snprintf(err.rule, sizeof(err.rule), "io");
            cli_error_message(&err, cli_item_problem(&items.items[i]));
            count_cb(&err, &c);
            /* An unreadable folder fails like an unreadable file; an empty
             * one is a lint error (exit 1), as a folder of nothing is
             * almost always a wrong path in a CI job. */
            if (items.items[i].kind == ITEM_MISSING)
                io_failed = 1;
            nfolders++;
            continue;
        }
        error = pekppp_detect_file(&kind, file, &err);
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
            (void)pekppp_assessment_load_file(&a, file, &o, &err);
            pekppp_assessment_free(a);
        } else {
            pekppp_load_options o = PEKPPP_LOAD_OPTIONS_INIT;
            pekppp_rubric *r = NULL;
            o.diag = count_cb;
            o.payload = &c;
            (void)pekppp_rubric_load_file(&r, file, &o, &err);
            pekppp_rubric_free(r);
        }
    }
    if (c.format == LINT_JSON) {
        char tail[160];
        snprintf(tail, sizeof(tail),
                 "%s],\n  \"files\": %d,\n  \"errors\": %d,\n  \"warnings\": %d\n}\n",
                 c.errors + c.warnings ? "\n  " : "", (int)(items.count - nfolders), c.errors, c.warnings);
        pekppp_sink_puts(&out, tail);
    }
    if (c.format == LINT_SARIF)
        pekppp_sink_puts(&out, c.errors + c.warnings ? "\n    ]\n  }]\n}\n" : "]\n  }]\n}\n");
    if (c.format != LINT_TEXT) {
        int rc = cli_write_output(output, out.data ? out.data : "", out.len);
        if (rc != 0) {
            pekppp_sink_dispose(&out);
            cli_items_free(&items);
            cli_rubrics_free(&rubrics);
            return rc;
        }
    }
    pekppp_sink_dispose(&out);
    nfiles = items.count - nfolders;
    cli_items_free(&items);
    if (!quiet) {
        cli_term_printf(stderr, cli_msg(lang, CM_LINT_SUMMARY), (int)nfiles, c.errors, c.warnings);
        cli_term_puts(stderr, "\n");
    }
    cli_rubrics_free(&rubrics);
    if (io_failed)
        return CLI_EXIT_IO;
    if (c.errors)
        return CLI_EXIT_BELOW;
    /* Warnings alone fail only when asked, and with their own code. */
    if (max_warnings >= 0 && c.warnings > max_warnings) {
        if (!quiet) {
            cli_fail(cli_msg(lang, CM_TOO_MANY_WARNINGS), c.warnings, max_warnings);
        }
        return CLI_EXIT_USAGE;
    }
    return CLI_EXIT_OK;
}

int cmd_lint(int argc, char **argv)
{
    char **files = calloc((size_t)argc + 1, sizeof(*files));
    int rc;
    if (!files)
        return CLI_EXIT_INTERNAL;
    rc = lint_main(argc, argv, files);
    free(files);
    return rc;
}
