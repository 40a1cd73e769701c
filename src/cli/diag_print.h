/*
 * Printing diagnostics compiler style ("file:line:col: error: path: message"),
 * with the source line echoed and a caret under the column.  The source of
 * the last file echoed is cached per thread.
 */
#ifndef CLI_DIAG_PRINT_H
#define CLI_DIAG_PRINT_H

#include "pekppp.h"

/* Format one diagnostic, compiler style, with the source line and a caret. */
void cli_format_diag(pekppp_sink *out, const pekppp_error *d);
/* The same, printed to stderr. */
void cli_print_diag(const pekppp_error *d);
/* A pekppp_diag_cb that prints with cli_print_diag; payload unused. */
void cli_diag_cb(const pekppp_error *d, void *payload);

/* Free this thread's cache of the last source file echoed in diagnostics. */
void cli_source_cache_free(void);

#endif
