/*
 * `pekppp`: the command table, help, version, and the final check of stdout.
 */
#include <stdio.h>
#include <string.h>

#include "cli_msg.h"
#include "cmd.h"
#include "diag_print.h"
#include "exitcode.h"
#include "opt.h"
#include "suggest.h"
#include "term.h"

extern const cli_opt score_opts[];
extern const cli_opt lint_opts[];
extern const cli_opt template_opts[];
extern const cli_opt plan_opts[];
extern const cli_opt diff_opts[];
extern const cli_opt rubric_opts[];
extern const cli_opt schema_opts[];
extern const cli_opt skm_opts[];

typedef struct {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *usage;
    const char *summary[2];
    const cli_opt *opts;
} cli_command;

static const cli_command commands[] = {
    { "score", cmd_score, "pekppp score [OPTIONS] INPUT...",
      { "nilai unit (berkas, folder, lembar CSV/.xlsx): indeks, predikat, peringkat",
        "score units (files, folders, CSV/.xlsx sheets): index, grade, ranking" },
      score_opts },
    { "lint", cmd_lint, "pekppp lint [OPTIONS] FILE|FOLDER...",
      { "periksa berkas rubrik dan unit, tampilkan semua masalah",
        "check rubric and unit files, listing every problem" },
      lint_opts },
    { "template", cmd_template, "pekppp template [OPTIONS]",
      { "formulir kosong: berkas unit YAML atau kepala lembar CSV",
        "a blank form: a YAML unit file or a CSV sheet header" },
      template_opts },
    { "plan", cmd_plan, "pekppp plan [OPTIONS] UNIT --target GRADE",
      { "langkah paling sedikit menuju sebuah predikat", "the fewest steps to reach a grade" },
      plan_opts },
    { "diff", cmd_diff, "pekppp diff [OPTIONS] OLD NEW",
      { "apa yang berubah antara dua periode: unit, aspek, indikator",
        "what changed between two periods: units, aspects, indicators" },
      diff_opts },
    { "rubric", cmd_rubric, "pekppp rubric list | show ID|FILE",
      { "rubrik yang ditemukan, atau satu rubrik sebagai panduan",
        "the rubrics found, or one rubric as a readable guide" },
      rubric_opts },
    { "skm", cmd_skm, "pekppp skm [OPTIONS] RESPONSES...",
      { "Survei Kepuasan Masyarakat dari lembar jawaban responden: NRR, IKM, mutu",
        "the Community Satisfaction Survey from respondent sheets: NRR, IKM, grade" },
      skm_opts },
    { "schema", cmd_schema, "pekppp schema [NAME]",
      { "JSON Schema sebuah format (rubric, unit, result, batch, plan, diff, skm)",
        "the JSON Schema of a format (rubric, unit, result, batch, plan, diff, skm)" },
      schema_opts },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

/* Say that @p name is no command, with the nearest one when it is near. */
static void unknown_command(const char *name, int lang)
{
    const char *names[NCOMMANDS + 2], *near;
    size_t i;
    for (i = 0; i < NCOMMANDS; i++)
        names[i] = commands[i].name;
    names[NCOMMANDS] = "help";
    names[NCOMMANDS + 1] = "version";
    if ((near = cli_nearest(name, names, NCOMMANDS + 2)) != NULL)
        cli_fail(cli_msg(lang, CM_UNKNOWN_COMMAND_NEAR), name, near);
    else
        cli_fail(cli_msg(lang, CM_UNKNOWN_COMMAND), name);
}

static void overview(FILE *out, int lang)
{
    size_t i;
    cli_term_printf(out, "%s\n\n", cli_msg(lang, CM_HELP_TITLE));
    cli_term_printf(out, "%s: pekppp [--lang id|en] COMMAND [OPTIONS] ...\n\n",
                    cli_msg(lang, CM_HELP_USAGE));
    cli_term_printf(out, "%s:\n", cli_msg(lang, CM_HELP_COMMANDS));
    for (i = 0; i < NCOMMANDS; i++)
        cli_term_printf(out, "  %-10s %s\n", commands[i].name, commands[i].summary[lang ? 1 : 0]);
    cli_term_printf(out, "  %-10s %s\n", "help", cli_msg(lang, CM_HELP_HELP));
    cli_term_printf(out, "  %-10s %s\n\n", "version", cli_msg(lang, CM_HELP_VERSION));
    cli_term_puts(out, cli_msg(lang, CM_HELP_EXIT_CODES));
}

int cmd_help_for(const char *name, int lang)
{
    size_t i;
    if (!name) {
        overview(stdout, lang);
        return CLI_EXIT_OK;
    }
    for (i = 0; i < NCOMMANDS; i++) {
        if (strcmp(commands[i].name, name) != 0)
            continue;
        cli_term_printf(stdout, "%s: %s\n%s\n\n", cli_msg(lang, CM_HELP_USAGE), commands[i].usage,
               commands[i].summary[lang ? 1 : 0]);
        cli_term_printf(stdout, "%s:\n", cli_msg(lang, CM_HELP_OPTIONS));
        cli_opt_help(stdout, commands[i].opts, lang);
        cli_term_printf(stdout, "\n");
        cli_term_puts(stdout, cli_msg(lang, CM_HELP_EXIT_CODES));
        return CLI_EXIT_OK;
    }
    unknown_command(name, lang);
    return CLI_EXIT_USAGE;
}

/* The version the command was built as; then, only when the library it
 * runs with (a shared libpekppp) is another, that one in parentheses. */
static int print_version(void)
{
    if (strcmp(pekppp_version(), PEKPPP_VERSION) == 0)
        cli_term_printf(stdout, "pekppp %s\n", PEKPPP_VERSION);
    else
        cli_term_printf(stdout, "pekppp %s (libpekppp %s)\n", PEKPPP_VERSION, pekppp_version());
    return CLI_EXIT_OK;
}

/* Options before the command: --lang LANG (or --lang=LANG).  Returns how
 * many arguments they took, or -1 after a usage error. */
static int global_options(int argc, char **argv, int *lang)
{
    int i = 1;
    while (i < argc && strncmp(argv[i], "--lang", 6) == 0 &&
           (argv[i][6] == '\0' || argv[i][6] == '=')) {
        const char *v = argv[i][6] == '=' ? argv[i] + 7 : i + 1 < argc ? argv[i + 1] : NULL;
        char msg[256];
        if (!v) {
            snprintf(msg, sizeof(msg), cli_msg(*lang, CM_OPT_NEEDS_VALUE), "--lang", "LANG");
        } else if (cli_lang_parse(v, lang) != 0) {
            snprintf(msg, sizeof(msg), cli_msg(*lang, CM_BAD_LANG), v);
        } else {
            cli_lang_set_global(*lang);
            cli_set_lang(*lang);
            i += argv[i][6] == '=' ? 1 : 2;
            continue;
        }
        cli_fail("%s", msg);
        cli_term_printf(stderr, "%s\n", cli_msg(*lang, CM_TRY_HELP_ALL));
        return -1;
    }
    return i - 1;
}

static int run(int argc, char **argv)
{
    int lang = cli_lang_default(), skip;
    size_t i;
    cli_set_lang(lang);
    if ((skip = global_options(argc, argv, &lang)) < 0)
        return CLI_EXIT_USAGE;
    /* The command and its arguments, as if no global option came first. */
    argc -= skip;
    argv += skip;
    if (argc < 2) {
        overview(stderr, lang);
        return CLI_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0)
        return print_version();
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return cmd_help_for(NULL, lang);
    if (strcmp(argv[1], "help") == 0)
        return cmd_help_for(argc > 2 ? argv[2] : NULL, lang);
    for (i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, argv[1]) == 0)
            return commands[i].fn(argc - 1, argv + 1);
    if (argv[1][0] == '-')
        cli_fail(cli_msg(lang, CM_OPT_UNKNOWN_LONG), (int)strlen(argv[1]), argv[1]);
    else
        unknown_command(argv[1], lang);
    cli_term_printf(stderr, "%s\n", cli_msg(lang, CM_TRY_HELP_ALL));
    return CLI_EXIT_USAGE;
}

int main(int argc, char **argv)
{
    int rc = run(argc, argv);
    cli_source_cache_free();
    /* A write error on stdout (a full disk, a closed pipe) must not pass as success. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (rc == CLI_EXIT_OK)
            rc = CLI_EXIT_IO;
    }
    return rc;
}
