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
 *  - a date stored as ISO text (t="d"): the text;
 *  - a formula: its cached value, by the rules above; a formula with no
 *    cached value, or an error value (#N/A, #DIV/0!), is reported at the cell
 *    (csv->bad semantics: the row is skipped, the reading goes on).
 * Each cell's `kind` (csv.h) says which it was: PK_CELL_TEXT, _NUMBER, _BOOL
 * or _DATE; empty cells are PK_CELL_TEXT.  Dates Excel stores as day numbers
 * are numbers: number formats are not applied.
 *
 * Limits guard against hostile workbooks (zip bombs, huge parts, entity
 * expansion, deep nesting); each is a located, clear error.  An old .xls
 * (OLE2), a macro workbook (.xlsm), a binary .xlsb and an OpenDocument .ods
 * are refused with what to do instead.  Problems of the file are filed under
 * the rule xlsx.file (line 0), of a cell under xlsx.cell, limits under limit.
 */
#ifndef PK_XLSX_H
#define PK_XLSX_H

#include <stddef.h>
#include "csv.h"
#include "diag.h"

typedef struct pk_xlsx pk_xlsx;

/*
 * Limits against hostile workbooks (docs/hardening.md, "Workbook limits").
 * Sizes are counted on the bytes actually inflated, never taken from the zip
 * directory.  Exceeding one is a PEKPPP_ELIMIT error filed under `limit`.
 */
#define PK_XLSX_CHUNK (64u * 1024u)                /* inflated and parsed at a time */
#define PK_XLSX_MAX_PART (16ul * 1024u * 1024u)    /* [Content_Types].xml, workbook, rels */
#define PK_XLSX_MAX_SHEET_PART (2048ul * 1024u * 1024u) /* one sheet's XML */
#define PK_XLSX_MAX_SHARED_PART (512ul * 1024u * 1024u) /* xl/sharedStrings.xml */
#define PK_XLSX_MAX_TOTAL (4096ul * 1024u * 1024u) /* all parts inflated by one reader */
#define PK_XLSX_MAX_RATIO 250ul                    /* inflated / compressed bytes of a part, */
#define PK_XLSX_RATIO_FLOOR (4ul * 1024u * 1024u)  /* checked once this much is inflated */
#define PK_XLSX_MAX_SHARED_STRINGS 2000000u        /* strings in the shared table */
#define PK_XLSX_MAX_SHARED_TEXT (64u * 1024u * 1024u) /* their bytes in all */
#define PK_XLSX_MAX_SHEETS 1000u                   /* sheets in one workbook */
#define PK_XLSX_MAX_DEPTH 64u                      /* XML element nesting in any part */
#define PK_XLSX_MAX_COLS 16384u                    /* columns A..XFD, as in Excel */
#define PK_XLSX_MAX_ROWS 1048576u                  /* rows 1..1048576, as in Excel */
#define PK_XLSX_MAX_FILE (256ul * 1024u * 1024u)   /* a workbook read from a pipe */

/*
 * Does @p data (the first @p len bytes of a file, at least 8 to be sure) look
 * like a workbook this reader should answer for?  True for a zip container
 * ("PK\3\4", or "PK\5\6" for an empty one) and for the OLE2 magic of an
 * old .xls (or a password-protected workbook), which pk_xlsx_open refuses
 * with what to do instead.
 */
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
/* pk_xlsx_select and pk_xlsx_next set rep->sheet to the sheet's name while
 * they run (every problem inside a sheet names it) and restore it on return. */

/* Read no more of the selected sheet: the next pk_xlsx_next returns 0. */
void pk_xlsx_stop(pk_xlsx *x);

void pk_xlsx_free(pk_xlsx *x);

/*
 * The text Excel stores for a number (a cell's <v>, @p len bytes) as the
 * shortest decimal that reads back as the same binary64, in plain notation
 * ("4.2000000000000002" -> "4.2", "1E-3" -> "0.001", "-0" -> "0"), written
 * NUL-terminated to @p out (PK_XLSX_NUMBER_MAX bytes).  Returns its length,
 * -1 when the text is not a number ([+-]digits[.digits][E[+-]digits]), or -2
 * when it is beyond binary64 (overflows, or underflows to zero).  The one use
 * of floating point in the library (src/lib/xlsx_number.c); it does not
 * depend on the locale.
 */
#define PK_XLSX_NUMBER_MAX 400
#define PK_XLSX_NUMBER_TEXT 512 /* longer stored texts are not numbers */
int pk_xlsx_number(const char *text, size_t len, char *out);

#endif
