/*
 * Reading CSV sheets as Excel writes them (FORMATS.md section 3).
 *
 * The delimiter (',' or ';') is taken from the header line: whichever occurs
 * more often outside quotes.  RFC 4180 quoting ("" inside quotes), CRLF, LF or
 * CR line ends and a UTF-8 BOM are accepted; cell text must be UTF-8.  Every cell knows the line and
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
    int bad; /* the current row held a NUL or a byte that is not UTF-8 (reported) */
} pk_csv;

#define PK_CSV_MAX_CELLS 4096

/* Start reading @p data; detects the BOM and the delimiter. */
void pk_csv_init(pk_csv *csv, const char *data, size_t len);
void pk_csv_free(pk_csv *csv);

/*
 * Read the next row into *cells / *count.  Returns 1 for a row, 0 at the end,
 * or a negative code after reporting the problem to @p rep (an unclosed
 * quote, text after a closing quote, too many cells, a NUL, a byte that is
 * not UTF-8).  After a NUL or a bad byte (csv->bad) the reader stands at the
 * next row; after the others the rest of the data cannot be trusted.  Blank
 * lines, rows of empty cells and a BOM at the start of a row are skipped;
 * a CR alone ends a line as LF and CRLF do.
 */
int pk_csv_next(pk_csv *csv, pk_csv_cell **cells, size_t *count, pk_report *rep);

#endif
