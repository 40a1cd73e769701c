/* Shared by the workbook writers (xlsx.c, xlsx_form.c): libxlsxwriter calls
 * wrapped so that input text is always a string cell, numbers are the
 * decimal text the other formats print, and the first failure is kept. */
#ifndef PK_XLSX_INTERNAL_H
#define PK_XLSX_INTERNAL_H

#include <xlsxwriter.h>

#include "report_internal.h"

/* Excel's limits: rows per sheet (0-based: the last row is PK_XLSX_ROWS - 1),
 * characters in a cell. */
#define PK_XLSX_ROWS 1048576u
#define PK_XLSX_CELL_MAX 32767u

typedef struct {
    lxw_workbook *wb;
    lxw_error error;          /* the first libxlsxwriter failure, sticky */
    int oom;
} pk_xlsx;

/* Open the workbook at @p path (constant memory: rows in order per sheet),
 * its creation time from @p timestamp (ISO 8601 UTC, or NULL: now). */
int pk_xlsx_open(pk_xlsx *x, const char *path, int constant_memory, const char *timestamp,
                 const char *title, pekppp_error *err);
/* Close (writing the file) and report a failure in @p err; 0 or a code. */
int pk_xlsx_close(pk_xlsx *x, const char *path, pekppp_error *err);
/* Give up: nothing is written to the path. */
void pk_xlsx_discard(pk_xlsx *x);

lxw_worksheet *pk_xlsx_sheet(pk_xlsx *x, const char *name);
/* A string cell (NULL or "": nothing written): unsafe characters as '?' as
 * every format does (pk_text_unsafe, but tab and line feed), cut to Excel's
 * cell limit.  Never a formula. */
void pk_xlsx_text(pk_xlsx *x, lxw_worksheet *ws, uint32_t row, uint16_t col, const char *s,
                  lxw_format *fmt);
/* A number cell of value units / 10^decimals. */
void pk_xlsx_fixed(pk_xlsx *x, lxw_worksheet *ws, uint32_t row, uint16_t col, int64_t units,
                   int decimals, lxw_format *fmt);
void pk_xlsx_int(pk_xlsx *x, lxw_worksheet *ws, uint32_t row, uint16_t col, int64_t v,
                 lxw_format *fmt);
/* Keep the first failure of a libxlsxwriter call. */
void pk_xlsx_check(pk_xlsx *x, lxw_error e);
/* The number format "0.00" for @p decimals places (into @p buf). */
const char *pk_xlsx_numfmt(char *buf, size_t size, int decimals);

#endif
