/*
 * Rows of a sheet, whatever holds them: a CSV file or a sheet of an .xlsx
 * workbook.  The one reader every sheet consumer uses (unit sheets in wide
 * and long format, survey response sheets), so a CSV and a workbook give the
 * same cells, the same limits and the same located errors.
 *
 * A CSV file has one sheet with no name; its cells are located by line and
 * column (in characters).  A workbook has its sheets; while one is read,
 * the report's `sheet` is its name and cells are located by row and column
 * number (`Rekap!C7`).
 */
#ifndef PK_ROWS_H
#define PK_ROWS_H

#include <stdbool.h>
#include <stddef.h>

#include "csv.h"
#include "diag.h"
#include "xlsx.h"

typedef struct {
    bool is_xlsx;
    pk_csv csv;
    pk_xlsx *xlsx;
    char *data;        /* owned bytes (a buffer or a FIFO read whole), or NULL */
    size_t len;
    char sha256[65];   /* of the whole input */
    size_t sheet;      /* the selected sheet (0 for CSV) */
    const char *sheet_name; /* NULL for CSV */
} pk_rows;

/*
 * Open @p path (a regular file is hashed, then streamed; a FIFO is read
 * whole) or, when @p path is NULL, the @p len bytes at @p data (copied).
 * A workbook is told from CSV by its first bytes, never by the name.  For
 * a workbook the first sheet is selected.  Returns 0, or a negative code
 * after reporting the problem to @p rep (@p rows is then freed).
 */
int pk_rows_open(pk_rows *rows, const char *path, const char *data, size_t len,
                 pk_report *rep);

/* The number of sheets (1 for CSV) and the name of sheet @p i (NULL for CSV). */
size_t pk_rows_sheet_count(const pk_rows *rows);
const char *pk_rows_sheet_name(const pk_rows *rows, size_t i);

/* Read sheet @p i from its first row (CSV: only 0, from the start). */
int pk_rows_select(pk_rows *rows, size_t i, pk_report *rep);

/*
 * The next row: the contract of pk_csv_next (1 a row, 0 the end, negative
 * after a reported problem; pk_rows_bad() then says whether the reader stands
 * at the next row).  Sets rep->sheet to the selected sheet's name.
 */
int pk_rows_next(pk_rows *rows, pk_csv_cell **cells, size_t *count, pk_report *rep);
bool pk_rows_bad(const pk_rows *rows);

/* Skip the rest of the selected sheet (after a problem that leaves it untrusted). */
void pk_rows_stop(pk_rows *rows);

/*
 * May a decimal comma stand for the point in number cells given as text?
 * Yes in a ';' CSV (Indonesian-locale Excel) and in a workbook's text cells
 * (a workbook's numbers are numbers already); no in a ',' CSV.
 */
bool pk_rows_decimal_comma(const pk_rows *rows);

void pk_rows_free(pk_rows *rows);

#endif
