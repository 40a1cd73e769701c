/*
 * The CLI's message catalogue and the language messages are printed in.
 * Every sentence the front end writes is a catalogue entry with its
 * Indonesian and English text; the library's own messages come with both
 * languages in the pekppp_error record.
 */
#ifndef CLI_MSG_H
#define CLI_MSG_H

#include "pekppp.h"

/* 0 Indonesian, 1 English: from --lang before the command, else LC_ALL /
 * LC_MESSAGES / LANG.  (A command's own --lang then overrides it.) */
int cli_lang_default(void);
void cli_lang_set_global(int lang);
int cli_lang_parse(const char *s, int *out);

typedef enum {
    CM_USAGE_ERROR, CM_TRY_HELP, CM_LINT_SUMMARY, CM_ONE_INPUT, CM_NO_INPUT, CM_BAD_FORMAT,
    CM_BAD_LANG, CM_BAD_FAIL_UNDER, CM_FAIL_UNDER_ABOVE_SCALE, CM_BELOW, CM_WRITE_FAILED, CM_RUBRIC_NOT_FOUND,
    CM_RUBRIC_NOT_FOUND_PATH,
    CM_RUBRIC_BAD, CM_UNKNOWN_COMMAND, CM_WRITE_STDOUT, CM_NO_UNITS_FOUND, CM_TEMP_FAILED,
    CM_FOLDER_UNREADABLE, CM_FOLDER_EMPTY, CM_FOLDER_TOO_DEEP,
    /* option values and usage */
    CM_BAD_DIALECT, CM_BAD_JOBS, CM_BAD_GROUP_BY, CM_BAD_MAX_WARNINGS, CM_BAD_MAX_STEP,
    CM_SET_NEEDS_UNIT, CM_TARGET_NEEDS_UNIT, CM_TARGET_REQUIRED, CM_PLAN_ONE_INPUT,
    CM_DIFF_TWO_INPUTS, CM_LINT_NO_FILE, CM_TEMPLATE_NO_FILES, CM_TOO_MANY_ARGS,
    CM_RUBRIC_USAGE, CM_SCHEMA_ONE_NAME, CM_SCHEMA_UNKNOWN, CM_TRY_HELP_ALL,
    CM_OUT_IS_INPUT, CM_OUT_IN_INPUT_FOLDER, CM_TEMPLATE_EXISTS,
    CM_UNKNOWN_COMMAND_NEAR, CM_SET_NO_INDICATOR_NEAR, CM_SET_SUPPLEMENT, CM_FIX_NO_INDICATOR_NEAR,
    /* the option parser */
    CM_OPT_UNKNOWN_LONG, CM_OPT_UNKNOWN_SHORT, CM_OPT_NO_VALUE_LONG, CM_OPT_NO_VALUE_SHORT,
    CM_OPT_NEEDS_VALUE,
    /* what-if and plan */
    CM_SET_FORM, CM_SET_NO_INDICATOR, CM_SET_BAD_LEVEL, CM_SET_BAD_LEVEL_NA, CM_NO_GRADE,
    CM_FIX_NO_INDICATOR,
    /* outcomes */
    CM_UNITS_BELOW, CM_MEAN_BELOW, CM_TOO_MANY_WARNINGS, CM_RESULT_UNREADABLE, CM_BAD_EPOCH,
    /* `rubric list` and `rubric show` */
    CM_RUBRIC_LIST_INVALID, CM_GUIDE_HEAD, CM_GUIDE_GRADES, CM_GUIDE_WEIGHT, CM_GUIDE_EVIDENCE,
    /* help */
    CM_HELP_TITLE, CM_HELP_USAGE, CM_HELP_COMMANDS, CM_HELP_OPTIONS, CM_HELP_HELP,
    CM_HELP_VERSION, CM_HELP_EXIT_CODES,
    /* lint: rules turned off, its config file */
    CM_LINT_UNKNOWN_RULE, CM_LINT_DID_YOU_MEAN, CM_LINT_CONFIG_SYNTAX, CM_LINT_CONFIG_KEY,
    CM_LINT_CONFIG_UNREADABLE, CM_LINT_CONFIG_NOT_TEXT,
    CM_XLSX_TTY, CM_XLSX_WHATIF, CM_XLSX_FAILED,
    /* skm (issue 14) */
    CM_BAD_WEIGHTS, CM_SKM_NO_INPUT, CM_GUIDE_CONVERT, CM_GUIDE_QUESTION, CM_GUIDE_SURVEY,
    CM_GUIDE_SURVEY_MIN, CM_GUIDE_COMBINE,
    CM_COUNT
} cli_msg_id;

/* The text of message @p id in language @p lang; static, never NULL. */
const char *cli_msg(int lang, cli_msg_id id);

/* The language of messages printed by shared helpers (set once options are read). */
void cli_set_lang(int lang);
int cli_get_lang(void);
/* Fill err->message (English) and err->message_id (Indonesian) from the
 * catalogue message @p id and its arguments. */
void cli_error_message(pekppp_error *err, cli_msg_id id, ...);
/* A diagnostic's message in the language chosen (cli_set_lang). */
const char *cli_diag_message(const pekppp_error *d);

#endif
