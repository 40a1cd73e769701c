/*
 * The fill-in workbook read back (`pekppp template -f xlsx`; docs/formats.md,
 * "Fill-in workbook"): its identity sheet gives the unit's fields, its indicator sheet
 * the answers and its survey sheet the F-03 responses; it holds exactly one unit.
 *
 * The reader consumes rows of named sheets through pk_form_source, so it reads a
 * workbook through pk_rows (sheet.c) and, in the tests, CSV texts standing for sheets.
 */
#ifndef PK_FORM_H
#define PK_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "csv.h"
#include "diag.h"
#include "model.h"

typedef struct {
    size_t (*count)(void *ctx);                     /* the number of sheets */
    const char *(*name)(void *ctx, size_t i);       /* sheet i's name */
    int (*select)(void *ctx, size_t i, pk_report *rep); /* read sheet i from its first row */
    /* the next row (pk_csv_next's contract); sets rep->sheet to the sheet's name */
    int (*next)(void *ctx, pk_csv_cell **cells, size_t *count, pk_report *rep);
    bool (*bad)(void *ctx);                         /* after a failed row: read on? */
    bool comma;         /* may a decimal comma stand for the point in a text cell? */
    void *ctx;
} pk_form_source;

/* Is a sheet named @p sheet whose first row is @p cells the identity sheet of a fill-in
 * workbook (`Identitas` or `Identity`, A1 `kunci` or `key`)? */
bool pk_form_is_identity(const char *sheet, const pk_csv_cell *cells, size_t n);

/*
 * Read the one unit of a fill-in workbook against @p r.  Every problem is reported to
 * @p rep at its sheet and cell; returns 0 with *out set, or a negative code (*out NULL).
 */
int pk_form_read(pekppp_assessment **out, const pk_form_source *src, const pekppp_rubric *r,
                 bool allow_incomplete, const char *file, const char *sha256, pk_report *rep);

#endif
