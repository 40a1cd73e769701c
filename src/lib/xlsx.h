/*
 * Reading .xlsx workbooks (Office Open XML spreadsheets) row by row.
 *
 * The container is opened with libzip and every XML part is parsed with
 * expat; nothing here unzips or parses XML by hand.  A workbook is opened
 * once (its sheet list, relationships and shared strings are read then), a
 * sheet is chosen with pk_xlsx_select, and its rows are streamed: the sheet's
 * XML is inflated and parsed in chunks, so memory does not grow with the
 * number of rows.
 *
 * Rows come out as the CSV reader's cells (pk_csv_cell), dense from column A
 * to the row's last cell that holds a value: a cell the file skips (sparse
 * rows, `r="C7"` references) is an empty cell.  A cell's `line` is its row
 * number and `col` its column number (A = 1), both 1-based, as in `C7`.
 * Rows with no value at all are skipped, as blank CSV lines are.
 *
 * What a cell's text is (docs/formats.md, "Workbooks"):
 *  - a shared or inline string: its text, as stored (UTF-8);
 *  - a number: the shortest decimal that reads back as the same binary64
 *    value, in plain notation ("4.2000000000000002" -> "4.2", "1E-3" ->
 *    "0.001"), which is what Excel shows; the consumer's decimal reader then
 *    takes or refuses it (a level must be whole, a survey score has at most
 *    4 decimals) with the cell's location;
 *  - a boolean: "TRUE" or "FALSE";
 *  - a formula: its cached value, by the rules above; a formula with no
 *    cached value, or an error value (#N/A, #DIV/0!), is reported at the cell
 *    (csv->bad semantics: the row is skipped, the reading goes on).
 *
 * Limits guard against hostile workbooks (zip bombs, huge parts, entity
 * expansion, deep nesting); each is a located, clear error.  An old .xls
 * (OLE2) or a macro workbook (.xlsm) is refused with what to do instead.
 */
#ifndef PK_XLSX_H
#define PK_XLSX_H

#include <stddef.h>
#include "csv.h"
#include "diag.h"

typedef struct pk_xlsx pk_xlsx;

/* Does @p data (the first @p len bytes of a file) start like a zip container? */
int pk_xlsx_sniff(const char *data, size_t len);

/*
 * Open a workbook from the file descriptor @p fd (owned: closed by
 * pk_xlsx_free, or here on failure) or, when @p fd < 0, from the @p len
 * bytes at @p data (borrowed: they must outlive the reader).  Reads the
 * workbook's sheet list and the shared strings.  Returns 0, or a negative
 * code after reporting the problem to @p rep.
 */
int pk_xlsx_open(pk_xlsx **out, int fd, const char *data, size_t len, pk_report *rep);

/* The sheets, in workbook order: their number and names (UTF-8). */
size_t pk_xlsx_sheet_count(const pk_xlsx *x);
const char *pk_xlsx_sheet_name(const pk_xlsx *x, size_t i);

/*
 * Start (or restart) streaming sheet @p i from its first row.  Returns 0, or
 * a negative code after reporting the problem.
 */
int pk_xlsx_select(pk_xlsx *x, size_t i, pk_report *rep);

/*
 * Read the next row of the selected sheet: the contract of pk_csv_next.
 * Returns 1 for a row, 0 at the end, or a negative code after reporting the
 * problem to @p rep; after a failed row with pk_xlsx_row_bad() true the
 * reader stands at the next row, after the others the rest of the sheet
 * cannot be trusted.  The cells live until the next call.
 */
int pk_xlsx_next(pk_xlsx *x, pk_csv_cell **cells, size_t *count, pk_report *rep);
int pk_xlsx_row_bad(const pk_xlsx *x);

/* Read no more of the selected sheet: the next pk_xlsx_next returns 0. */
void pk_xlsx_stop(pk_xlsx *x);

void pk_xlsx_free(pk_xlsx *x);

#endif
