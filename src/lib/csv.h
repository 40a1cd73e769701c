/*
 * Reading CSV sheets as Excel writes them (FORMATS.md section 3).
 *
 * The delimiter (',' or ';') is taken from the header line: whichever occurs
 * more often outside quotes.  RFC 4180 quoting ("" inside quotes), CRLF or LF
 * line ends and a UTF-8 BOM are accepted.  Every cell knows the line and
 * column (1-based, in characters) where it starts, for located errors.  Rows
 * are read one at a time; a row's cells live until the next call.
 */
#ifndef PK_CSV_H
#define PK_CSV_H

#include <stddef.h>
#include "diag.h"

typedef struct {
    const char *text;  /* unquoted, NUL-terminated */
    size_t len;
    unsigned line, col;
    int quoted;
} pk_csv_cell;

typedef struct {
    const char *data;
    size_t len, pos;
    unsigned line, col;
    char delim;
    char *scratch;     /* cell texts of the current row */
    size_t scap;
    pk_csv_cell *cells;
    size_t ncap;
} pk_csv;

#define PK_CSV_MAX_CELLS 4096

/* Start reading @p data; detects the BOM and the delimiter. */
void pk_csv_init(pk_csv *csv, const char *data, size_t len);
void pk_csv_free(pk_csv *csv);

/*
 * Read the next row into *cells / *count.  Returns 1 for a row, 0 at the end,
 * or a negative code after reporting the problem to @p rep (an unclosed
 * quote, text after a closing quote, too many cells).  Blank lines are skipped.
 */
int pk_csv_next(pk_csv *csv, pk_csv_cell **cells, size_t *count, pk_report *rep);

#endif
