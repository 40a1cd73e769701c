/* Shared by the workbook writers (xlsx_book.c, xlsx_form.c): libxlsxwriter calls
 * wrapped so that input text is always a string cell, numbers are the
 * decimal text the other formats print, and the first failure is kept. */
#ifndef PK_XW_INTERNAL_H
#define PK_XW_INTERNAL_H

#include <xlsxwriter.h>

#include "report_internal.h"

/* Excel's limits: rows per sheet (0-based: the last row is PK_XW_ROWS - 1),
 * characters in a cell. */
#define PK_XW_ROWS 1048576u
#define PK_XW_CELL_MAX 32767u

typedef struct {
    lxw_workbook *wb;
    lxw_error error;          /* the first libxlsxwriter failure, sticky */
    int oom;
} pk_xw;

/* Open the workbook at @p path (constant memory: rows in order per sheet),
 * its creation time from @p timestamp (ISO 8601 UTC, or NULL: now). */
int pk_xw_open(pk_xw *x, const char *path, int constant_memory, const char *timestamp,
                 const char *title, pekppp_error *err);
/* Close (writing the file) and report a failure in @p err; 0 or a code. */
int pk_xw_close(pk_xw *x, const char *path, pekppp_error *err);
/* Give up: nothing is written to the path. */
void pk_xw_discard(pk_xw *x);

lxw_worksheet *pk_xw_sheet(pk_xw *x, const char *name);
/* A string cell (NULL or "": nothing written): unsafe characters as '?' as
 * every format does (pk_text_unsafe, but tab and line feed), cut to Excel's
 * cell limit.  Never a formula. */
void pk_xw_text(pk_xw *x, lxw_worksheet *ws, uint32_t row, uint16_t col, const char *s,
                  lxw_format *fmt);
/* A number cell of value units / 10^decimals. */
void pk_xw_fixed(pk_xw *x, lxw_worksheet *ws, uint32_t row, uint16_t col, int64_t units,
                   int decimals, lxw_format *fmt);
void pk_xw_int(pk_xw *x, lxw_worksheet *ws, uint32_t row, uint16_t col, int64_t v,
                 lxw_format *fmt);
/* Keep the first failure of a libxlsxwriter call. */
void pk_xw_check(pk_xw *x, lxw_error e);
/* The number format "0.00" for @p decimals places (into @p buf). */
const char *pk_xw_numfmt(char *buf, size_t size, int decimals);

#endif
