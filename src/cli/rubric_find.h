/*
 * Finding rubrics by id: -r FILE, --rubric-path, $PEKPPP_RUBRIC_PATH,
 * ./rubrics, then the installed data directory.  Each rubric is loaded once.
 */
#ifndef CLI_RUBRIC_FIND_H
#define CLI_RUBRIC_FIND_H

#include <stddef.h>
#include "pekppp.h"

/* The rubric of inputs that name none (a CSV sheet, `template`). */
#define CLI_DEFAULT_RUBRIC "pekppp-2022-luring"

typedef struct {
    const char *rubric_file;     /* -r, or NULL */
    const char *rubric_path;     /* --rubric-path, or NULL */
    pekppp_rubric *loaded[16];   /* cache: each rubric loaded once */
    size_t nloaded;
    int lang;
    int no_rubric_option;        /* the command has no -r: a rubric not found says so */
    pekppp_diag_cb diag;         /* the loaded rubrics' problems; NULL: printed */
    void *diag_payload;
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

#endif
