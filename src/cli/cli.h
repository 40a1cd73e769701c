/*
 * What the commands share: the language, the command's own messages,
 * printing located diagnostics with a caret, finding rubrics, and writing
 * output atomically.
 */
#ifndef CLI_H
#define CLI_H

#include <stdio.h>
#include "pekppp.h"

/* 0 Indonesian, 1 English: from --lang, else LC_ALL / LC_MESSAGES / LANG. */
int cli_lang_default(void);
int cli_lang_parse(const char *s, int *out);

typedef enum {
    CM_USAGE_ERROR, CM_TRY_HELP, CM_LINT_SUMMARY, CM_ONE_INPUT, CM_NO_INPUT, CM_BAD_FORMAT,
    CM_BAD_LANG, CM_BAD_FAIL_UNDER, CM_BELOW, CM_WRITE_FAILED, CM_RUBRIC_NOT_FOUND,
    CM_RUBRIC_BAD, CM_UNKNOWN_COMMAND, CM_WRITE_STDOUT, CM_NO_UNITS_FOUND, CM_TEMP_FAILED,
    CM_FOLDER_UNREADABLE, CM_FOLDER_EMPTY, CM_FOLDER_TOO_DEEP, CM_COUNT
} cli_msg_id;

const char *cli_msg(int lang, cli_msg_id id);

/* The language of messages printed by shared helpers (set once options are read). */
void cli_set_lang(int lang);
int cli_get_lang(void);
/* Fill err->message (English) and err->message_id (Indonesian) from the
 * catalogue message @p id and its arguments. */
void cli_error_message(pekppp_error *err, cli_msg_id id, ...);
/* A diagnostic's message in the language chosen (cli_set_lang). */
const char *cli_diag_message(const pekppp_error *d);

/* Print "pekppp: <msg>" to stderr. */
void cli_fail(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Free this thread's cache of the last source file echoed in diagnostics. */
void cli_source_cache_free(void);

/* Format one diagnostic, compiler style, with the source line and a caret. */
void cli_format_diag(pekppp_sink *out, const pekppp_error *d);
/* The same, printed to stderr. */
void cli_print_diag(const pekppp_error *d);
/* A pekppp_diag_cb that prints with cli_print_diag; payload unused. */
void cli_diag_cb(const pekppp_error *d, void *payload);

/* Finding rubrics by id: -r FILE, --rubric-path, $PEKPPP_RUBRIC_PATH,
 * ./rubrics, then the installed data directory. */
typedef struct {
    const char *rubric_file;     /* -r, or NULL */
    const char *rubric_path;     /* --rubric-path, or NULL */
    pekppp_rubric *loaded[16];   /* cache: each rubric loaded once */
    size_t nloaded;
    int lang;
} cli_rubrics;

void cli_rubrics_init(cli_rubrics *rs, int lang);
void cli_rubrics_free(cli_rubrics *rs);
/* Load the -r rubric (printing its problems); returns 0 or an exit code. */
int cli_rubrics_load_given(cli_rubrics *rs, const pekppp_rubric **out);
/* The folder lists searched for rubrics, in order (each ':'-separated, or NULL). */
void cli_rubric_search_path(const cli_rubrics *rs, const char *lists[4]);
/* A pekppp_rubric_resolve_cb over a cli_rubrics. */
int cli_rubrics_resolve(const pekppp_rubric **out, const char *id, void *payload,
                        pekppp_error *err);

/* Apply what-if answers "ID=LEVEL" (or "ID=na") to a loaded unit, recording
 * each change in @p out (room for @p n).  Returns 0, or CLI_EXIT_USAGE after
 * printing why (an unknown id, a level off the scale, a bad form). */
int cli_apply_sets(pekppp_assessment *a, char *const *sets, size_t n, pekppp_change *out, int lang);

/* Plan from a scored unit to grade @p target (`plan`, `score --target`).
 * Returns 0, or prints why and returns the exit code: 2 for a grade the
 * rubric lacks or an unknown --fix id. */
int cli_make_plan(pekppp_plan **out, const pekppp_result *res, const char *target,
                  const pekppp_plan_options *po, int lang, const char *cmd);

/* A usage error of command @p cmd: print @p msg and where help is; returns 2. */
int cli_usage(int lang, const char *cmd, const char *msg);

/* Option values shared by the commands.  Each returns 0, or prints a usage
 * error for @p cmd and returns 2.  @p formats lists the allowed names,
 * e.g. "text,json,csv" ("yaml" stands for the text form of a template). */
int cli_opt_format(const char *v, const char *formats, pekppp_report_format *out, int lang,
                   const char *cmd);
int cli_opt_lang(const char *v, int *lang, cli_rubrics *rubrics, const char *cmd);
int cli_opt_dialect(const char *v, pekppp_csv_dialect *out, int lang, const char *cmd);

/* The exit code for a library error code. */
int cli_exit_for(int code);

/* An output being written: stdout, a device written in place, or a
 * temporary file renamed over the target on commit. */
typedef struct {
    const char *path;
    char *real;        /* the file a symbolic link points to (malloc'd), or NULL */
    FILE *file;
    char tmp[4096];
    int in_place;
} cli_out;

/* Open the output; 0 or CLI_EXIT_IO (after printing why). */
int cli_out_open(cli_out *o, const char *path);
/* Flush and put the output in place; 0 or CLI_EXIT_IO (after printing why). */
int cli_out_commit(cli_out *o);
/* Give up: remove the temporary file, leave the target as it was. */
void cli_out_abort(cli_out *o);

/* Write @p len bytes to @p path ("-" or NULL: stdout).  A regular file is
 * replaced atomically (temp file in the same folder, then rename); a device or
 * FIFO is written in place.  Returns 0 or CLI_EXIT_IO after printing why. */
int cli_write_output(const char *path, const char *data, size_t len);

#endif
