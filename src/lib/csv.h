/*
 * Reading CSV sheets as Excel writes them (FORMATS.md section 3).
 *
 * The delimiter (',' or ';') is taken from the header line (within the first
 * window when streamed): whichever occurs more often outside quotes.  RFC 4180 quoting ("" inside quotes), CRLF, LF or
 * CR line ends and a UTF-8 BOM are accepted; cell text must be UTF-8.  Every
 * cell knows the line and column (1-based, in characters) where it starts, for
 * located errors.  Rows are read one at a time; a row's cells live until the
 * next call.
 *
 * The bytes come from memory, or are streamed from a file descriptor through a
 * window of PK_CSV_WINDOW bytes: a sheet has no whole-file limit, only the
 * limits of one cell (PEKPPP_MAX_SCALAR bytes), one row (PK_CSV_MAX_ROW bytes)
 * and PK_CSV_MAX_CELLS cells per row.
 */
#ifndef PK_CSV_H
#define PK_CSV_H

#include <stddef.h>
#include "diag.h"

/* What a cell held: always text in a CSV file; a workbook cell (xlsx.h) may
 * have been a number, a boolean or a date, shown as text by fixed rules. */
typedef enum {
    PK_CELL_TEXT = 0,
    PK_CELL_NUMBER,
    PK_CELL_BOOL,
    PK_CELL_DATE
} pk_cell_kind;

typedef struct {
    const char *text;  /* unquoted, NUL-terminated */
    size_t len;
    unsigned line, col;
    int quoted;
    pk_cell_kind kind; /* PK_CELL_TEXT in CSV */
} pk_csv_cell;

typedef struct {
    const char *data;  /* the bytes at hand: [pos, len) are not read yet */
    size_t len, pos;
    unsigned line, col;
    char delim;
    int fd;            /* streamed from here when >= 0 (owned: closed by pk_csv_free) */
    char *window;      /* the streaming buffer behind data, of wcap bytes */
    size_t wcap;
    int read_errno;    /* a read from fd failed (reported once, at the end) */
    char *scratch;     /* cell texts of the current row */
    size_t scap;
    pk_csv_cell *cells;
    size_t ncap;
    size_t cell_start; /* where the current cell's text starts in scratch */
    int bad;           /* the current row failed (a NUL, not UTF-8, too long): reported */
} pk_csv;

#define PK_CSV_MAX_CELLS 4096
#define PK_CSV_MAX_ROW (1024u * 1024u)
#define PK_CSV_WINDOW (1024u * 1024u)

/* Start reading @p data; detects the BOM and the delimiter. */
void pk_csv_init(pk_csv *csv, const char *data, size_t len);

/* Start reading from @p fd, which the reader then owns, through a window of
 * @p window bytes (0: PK_CSV_WINDOW; the tests use tiny ones, at least 4, to
 * put every byte at a window's edge).  Returns 0, or PEKPPP_ENOMEM (reported;
 * fd closed). */
int pk_csv_init_fd(pk_csv *csv, int fd, size_t window, pk_report *rep);

void pk_csv_free(pk_csv *csv);

/*
 * Read the next row into *cells / *count.  Returns 1 for a row, 0 at the end,
 * or a negative code after reporting the problem to @p rep (an unclosed
 * quote, text after a closing quote, too many cells, a NUL, a byte that is
 * not UTF-8, a cell or row over its limit, a failed read).  After a row that
 * failed with csv->bad set the reader stands at the next row; after the
 * others the rest of the data cannot be trusted.  Blank lines, rows of empty
 * cells and a BOM at the start of a row are skipped; a CR alone ends a line
 * as LF and CRLF do.
 */
int pk_csv_next(pk_csv *csv, pk_csv_cell **cells, size_t *count, pk_report *rep);

#endif
