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

/* The formats every report workbook uses, made in this order (the order is
 * part of the file's bytes): header, title, a number with the rubric's
 * decimals, wrapped text, then one fill per grade band, best first. */
#define PK_XW_MAX_BANDS 32
typedef struct {
    lxw_format *head, *title, *num, *wrap;
    lxw_format *band[PK_XW_MAX_BANDS];
    const pekppp_band *bands;    /* the rubric's, to find a band's place */
    size_t nbands;
} pk_xw_styles;

void pk_xw_styles_make(pk_xw *x, const pekppp_rubric *r, pk_xw_styles *st);
/* The format of band @p b's grade cell (NULL for no band). */
lxw_format *pk_xw_band(const pk_xw_styles *st, const pekppp_band *b);

/* A red-yellow-green colour scale over rows @p r1..r2, columns @p c1..c2
 * (nothing when the range is empty). */
void pk_xw_color_scale(pk_xw *x, lxw_worksheet *ws, uint32_t r1, uint16_t c1, uint32_t r2,
                       uint16_t c2);

/* A column chart of the units per grade, from the grades in column 0 and
 * the counts in column 2 of rows @p first .. first + nbands - 1 of sheet
 * @p sheet, inserted at row 1, column 4 of @p ws; @p max is the largest
 * count (whole ticks up to 10). */
void pk_xw_grade_chart(pk_xw *x, lxw_worksheet *ws, const char *sheet, uint32_t first,
                       size_t nbands, size_t max, const char *title, const char *x_name,
                       const char *y_name);

#endif
