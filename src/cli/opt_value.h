/*
 * Option values shared by the commands: --format, --lang, --csv-dialect and
 * the --fail-under threshold.
 */
#ifndef CLI_OPT_VALUE_H
#define CLI_OPT_VALUE_H

#include <stdint.h>
#include "pekppp.h"
#include "rubric_find.h"

/* Each returns 0, or prints a usage error for @p cmd and returns 2.
 * @p formats lists the allowed names, e.g. "text,json,csv" ("yaml" stands
 * for the text form of a template). */
int cli_opt_format(const char *v, const char *formats, pekppp_report_format *out, int lang,
                   const char *cmd);
/* Also sets the language of @p rubrics (when not NULL) and of shared messages. */
int cli_opt_lang(const char *v, int *lang, cli_rubrics *rubrics, const char *cmd);
int cli_opt_dialect(const char *v, pekppp_csv_dialect *out, int lang, const char *cmd);

/* The threshold of --fail-under as a 10^4-scaled decimal: a grade's band
 * minimum, or a plain number.  -1 when it is neither, -2 when it is a number
 * above the rubric's scale (no index could reach it). */
int cli_parse_threshold(const pekppp_rubric *r, const char *s, pekppp_fixed *out);
/* cli_parse_threshold for option @p opt ("--fail-under", "--fail-under-mean"):
 * 0, or CLI_EXIT_USAGE after saying why. */
int cli_read_threshold(const pekppp_rubric *r, const char *opt, const char *s, pekppp_fixed *out,
                       int lang);

#endif
