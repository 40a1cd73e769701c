/*
 * The problem listing of `pekppp lint`: text on stderr (compiler style), or
 * JSON, GitHub workflow commands or SARIF 2.1.0 collected in a buffer for
 * the output file.  It also counts errors and warnings.
 */
#ifndef CLI_LINT_REPORT_H
#define CLI_LINT_REPORT_H

#include "pekppp.h"

typedef enum { LINT_TEXT, LINT_JSON, LINT_GITHUB, LINT_SARIF } lint_format;

typedef struct {
    int errors, warnings;
    lint_format format;
    pekppp_sink *out;  /* json / github / sarif output; unused for text */
    const unsigned char *disabled; /* per rule index: 1 leaves its problems out; or NULL */
} lint_report;

/* "text", "json", "github" or "sarif"; 0, or -1 for another name. */
int lint_format_parse(const char *name, lint_format *out);
/* The JSON or SARIF document's head, before any problem. */
void lint_report_begin(lint_report *r);
/* A pekppp_diag_cb (payload: the lint_report): count one problem and list
 * it, unless its rule is disabled. */
void lint_report_problem(const pekppp_error *d, void *payload);
/* The document's tail; @p files is the number of files checked. */
void lint_report_end(lint_report *r, int files);

#endif
