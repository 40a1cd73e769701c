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

/* `template -f xlsx`: the fill-in workbook of @p r to @p output (NULL or
 * "-": stdout, never a terminal); 0 or an exit code after saying why. */
int cli_template_xlsx(const char *output, const pekppp_rubric *r, pekppp_report_options *ro,
                      int lang);

#endif
