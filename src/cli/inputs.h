/*
 * The input listing shared by `score`, `lint` and `diff`: the command line's
 * inputs in order, folders searched recursively for .yaml, .yml and .json
 * files (sorted by name), .csv files taken as sheets.
 */
#ifndef CLI_INPUTS_H
#define CLI_INPUTS_H

#include <stddef.h>
#include "cli_msg.h"

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

struct cli_seen_entry;

typedef struct {
    cli_item *items;
    size_t count, cap;
    int saw_folder_or_sheet;
    char *block;            /* names are packed into 64 KiB blocks, chained */
    size_t block_used;
    struct cli_seen_entry *seen; /* files and folders met, by (device, inode) */
    size_t nseen, seen_cap;
    char *dir_block;        /* folder parts, in blocks of their own */
    size_t dir_block_used;
} cli_items;

/* Whether a folder walk reads a file named @p name (its last component):
 * not hidden, ending in .yaml, .yml or .json. */
int cli_is_unit_name(const char *name);
/* Is @p name a sheet by its suffix: .csv, or a workbook (.xlsx; .xlsm, .xls, .ods are
 * refused by the workbook reader with what to do)? */
int cli_is_sheet_name(const char *name);

/* Expand the command line's inputs in order; folders are searched
 * recursively for .yaml, .yml and .json files, sorted by name.  Symbolic
 * links are followed; a file reached twice by (device, inode) is listed
 * once, at its first place, and a folder already walked (a link to it, or
 * back to a folder on the path) is not walked again.  Returns 0, or -1 when
 * out of memory; free with cli_items_free either way. */
int cli_items_expand(cli_items *out, char *const *inputs, size_t n);
void cli_items_free(cli_items *items);
/* The listing is complete and -o checked against it: free the set of
 * (device, inode) pairs (at 100,000 files, 8 MB).  cli_items_has_file and
 * cli_items_walked_folder find nothing after. */
void cli_items_forget_seen(cli_items *items);
/* The items before @p done will not be read again: free the blocks that
 * hold only their names (a batch keeps each unit's file name itself, so a
 * long listing is not held twice).  Their names must not be used after. */
void cli_items_release(cli_items *items, size_t done);
/* Whether the listing holds the file @p path names by (device, inode), or
 * the path itself as given on the command line: 1 or 0. */
int cli_items_has_file(const cli_items *items, const char *path);
/* The folder, walked for the listing, that is the folder @p dir names (by
 * device and inode), or NULL; *len is set to the length of its path without
 * the trailing '/'. */
const char *cli_items_walked_folder(const cli_items *items, const char *dir, int *len);
/* Why a folder item failed (ITEM_MISSING, ITEM_EMPTY, ITEM_TOO_DEEP), or
 * CM_COUNT for a unit or a sheet. */
cli_msg_id cli_item_problem(const cli_item *item);

#endif
