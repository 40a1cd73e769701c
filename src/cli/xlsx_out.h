/*
 * Workbooks from the CLI (-f xlsx): the report time every receipt shows,
 * and the fill-in workbook of `template -f xlsx`.
 */
#ifndef CLI_XLSX_OUT_H
#define CLI_XLSX_OUT_H

#include <stddef.h>
#include "pekppp.h"

/* The receipt's time stamp, in UTC (ISO 8601): now, or SOURCE_DATE_EPOCH
 * when it is set, so a report or workbook can be made again byte for byte.
 * A value that is not a number of seconds is reported and NULL returned
 * (the time left out). */
const char *cli_report_time(char *buf, size_t size, int lang);

/* A writer that makes a workbook at @p path (libxlsxwriter writes by name). */
typedef int (*cli_xlsx_writer)(const char *path, const void *payload, pekppp_error *err);

/* Run @p write on a temporary file and move it onto @p output (NULL or
 * "-": copied to stdout) when it succeeds; on failure say why, leave
 * @p output as it was.  0 or an exit code. */
int cli_write_xlsx(const char *output, int lang, cli_xlsx_writer write, const void *payload);

/* `template -f xlsx`: the fill-in workbook of @p r (with @p respondents,
 * the blank respondent sheet) to @p output (NULL or "-": stdout, never a
 * terminal); 0 or an exit code after saying why. */
int cli_template_xlsx(const char *output, const pekppp_rubric *r, pekppp_report_options *ro,
                      int lang, int respondents);

#endif
