/*
 * Output files.  A regular file is replaced atomically (a temporary file in
 * the same folder, then rename); stdout, a device or a FIFO is written in
 * place.  Every report, template, schema and lint file goes through here.
 */
#ifndef CLI_OUTPUT_H
#define CLI_OUTPUT_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "inputs.h"

/* An output being written: stdout, a device written in place, or a
 * temporary file renamed over the target on commit. */
typedef struct {
    const char *path;
    char *real;        /* the file a symbolic link points to (malloc'd), or NULL */
    FILE *file;
    char tmp[4096];
    int in_place;
    int keep_mode;     /* replacing a regular file: give the new one its mode */
    mode_t mode;
    int spool;         /* cli_out_open_named to stdout or a device: the temporary
                          file (in TMPDIR) to copy there on commit, or -1 */
} cli_out;

/* The file @p path ends at after its chain of symbolic links, even when
 * that file does not exist yet (a dangling link), as a malloc'd path; the
 * path itself when it is no link.  NULL when the chain loops (40 links) or
 * memory is short. */
char *cli_out_target(const char *path);

/* Open the output; 0 or CLI_EXIT_IO (after printing why).  A regular file
 * replaced keeps its permission bits; a new one gets 0666 less the umask. */
int cli_out_open(cli_out *o, const char *path);
/* Flush and put the output in place; 0 or CLI_EXIT_IO (after printing why). */
int cli_out_commit(cli_out *o);
/* Give up: remove the temporary file, leave the target as it was. */
void cli_out_abort(cli_out *o);

/* For a writer that writes a file by name (libxlsxwriter): open the output
 * as cli_out_open does and set *name to the file to write.  To a regular
 * file that is the temporary file next to the target, renamed on commit; to
 * stdout, a device or a FIFO, a temporary file in $TMPDIR (or /tmp) that
 * cli_out_commit copies there and removes.  0 or CLI_EXIT_IO. */
int cli_out_open_named(cli_out *o, const char *path, const char **name);

/* Refuse to write binary output (-f xlsx) to a terminal: when @p path (NULL
 * or "-": stdout) is one, say so and return CLI_EXIT_USAGE; else 0. */
int cli_out_refuse_tty(const char *path, int lang, const char *cmd);

/* Refuse -o @p output (NULL or "-": stdout, always fine) when writing it
 * would overwrite a file read: one of @p files (@p nfiles paths, e.g. -r
 * FILE or plan's unit; NULL entries are skipped) or of the listing
 * @p items (may be NULL), or when it is a unit file name (.yaml, .yml,
 * .json, not hidden) in a folder the listing walked, which the next run
 * would read as a unit.  0, or CLI_EXIT_USAGE after saying why. */
int cli_out_check(const char *output, const cli_items *items, const char *const *files,
                  size_t nfiles, int lang, const char *cmd);

/* Write @p len bytes to @p path ("-" or NULL: stdout).  A regular file is
 * replaced atomically (temp file in the same folder, then rename); a device or
 * FIFO is written in place.  Returns 0 or CLI_EXIT_IO after printing why. */
int cli_write_output(const char *path, const char *data, size_t len);

#endif
