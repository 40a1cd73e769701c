/*
 * Scoring many units (the inputs listed by inputs.h): a pool of
 * worker threads that load, score and render units, and a main thread that
 * consumes their results strictly in input order, so the output does not
 * depend on the number of threads.
 */
#ifndef CLI_BATCH_RUN_H
#define CLI_BATCH_RUN_H

#include <stddef.h>
#include "inputs.h"
#include "pekppp.h"
#include "rubric_find.h"

typedef struct {
    cli_rubrics *rubrics;
    const pekppp_rubric *given;        /* -r, or NULL */
    pekppp_report_format format;
    pekppp_report_options ropts;
    unsigned group_by;
    const char *title;                 /* --title, or NULL */
    int allow_incomplete;
    const char *sheet;                 /* --sheet, or NULL */
    int jobs;
    int quiet;
    const char *output;
    const char *fail_under;
    const char *fail_under_mean;
    int lang;
    pekppp_survey_sheet *survey;       /* --survey, or NULL */
} cli_batch_args;

/* Score every item and write the batch report; returns the exit code.  The
 * listing's (device, inode) set is freed first (cli_items_forget_seen) and
 * the names of the items taken as the run goes (cli_items_release):
 * afterwards only cli_items_free may see @p items. */
int cli_run_batch(cli_items *items, const cli_batch_args *args);

#endif
