/*
 * Scoring many units: expanding inputs (files, folders, sheets), a pool of
 * worker threads that load, score and render units, and a main thread that
 * consumes their results strictly in input order, so the output does not
 * depend on the number of threads.
 */
#ifndef CLI_BATCH_RUN_H
#define CLI_BATCH_RUN_H

#include <stddef.h>
#include "cli.h"

/* ITEM_MISSING: a folder that cannot be read; ITEM_EMPTY: a folder without
 * unit files; ITEM_TOO_DEEP: a folder below the 32 levels searched.  All
 * are reported as failed inputs (cli_item_problem says why). */
typedef enum { ITEM_UNIT, ITEM_SHEET, ITEM_MISSING, ITEM_EMPTY, ITEM_TOO_DEEP } item_kind;

#define CLI_MAX_FOLDER_DEPTH 32

/* An input: its path is dir + name.  A folder's files share one dir string
 * (so 100,000 files cost their names, not their full paths); an input given
 * on the command line has dir "". */
typedef struct {
    item_kind kind;
    const char *dir;
    const char *name;
} cli_item;

#define CLI_PATH_MAX 4096

/* The item's path: its name when dir is "", else dir + name written into
 * @p buf (CLI_PATH_MAX bytes). */
const char *cli_item_path(const cli_item *item, char *buf);

typedef struct {
    cli_item *items;
    size_t count, cap;
    int saw_folder_or_sheet;
    char *block;            /* paths are packed into 64 KiB blocks, chained */
    size_t block_used;
} cli_items;

/* Expand the command line's inputs in order; folders are searched
 * recursively for .yaml, .yml and .json files, sorted by name. */
int cli_items_expand(cli_items *out, char *const *inputs, size_t n);
void cli_items_free(cli_items *items);
/* Why a folder item failed (ITEM_MISSING, ITEM_EMPTY, ITEM_TOO_DEEP), or
 * CM_COUNT for a unit or a sheet. */
cli_msg_id cli_item_problem(const cli_item *item);

typedef struct {
    cli_rubrics *rubrics;
    const pekppp_rubric *given;        /* -r, or NULL */
    pekppp_report_format format;
    pekppp_report_options ropts;
    unsigned group_by;
    int allow_incomplete;
    int jobs;
    int quiet;
    const char *output;
    const char *fail_under;
    const char *fail_under_mean;
    int lang;
} cli_batch_args;

/* Score every item and write the batch report; returns the exit code. */
int cli_run_batch(const cli_items *items, const cli_batch_args *args);

/* The threshold of --fail-under: a grade's band minimum, or a plain number
 * (at most 4 decimal places).  -1 when it is neither. */
int cli_parse_threshold(const pekppp_rubric *r, const char *s, pekppp_fixed *out);

#endif
