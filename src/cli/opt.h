/*
 * A small table-driven option parser.  One table per command drives both the
 * parsing and the --help text, so they cannot drift apart.
 */
#ifndef CLI_OPT_H
#define CLI_OPT_H

#include <stdio.h>

typedef struct {
    int id;                 /* returned by cli_opt_next; > 0 */
    char short_name;        /* 0 when none */
    const char *long_name;
    const char *arg;        /* name of the value in help, NULL for a flag */
    const char *help[2];    /* Indonesian, English */
} cli_opt;

typedef struct {
    int argc;
    char **argv;
    int i;
    int only_positional;    /* after "--" */
    char error[256];
} cli_opt_state;

#define CLI_OPT_END 0
#define CLI_OPT_POSITIONAL (-1)
#define CLI_OPT_ERROR (-2)

void cli_opt_init(cli_opt_state *st, int argc, char **argv);
/* Next option id, CLI_OPT_POSITIONAL (with *value the argument), CLI_OPT_END,
 * or CLI_OPT_ERROR (st->error says why). */
int cli_opt_next(cli_opt_state *st, const cli_opt *specs, const char **value);
void cli_opt_help(FILE *out, const cli_opt *specs, int lang);

#endif
