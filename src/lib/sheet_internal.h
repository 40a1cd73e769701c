/*
 * What the sheet readers share: the wide and long unit sheets (sheet.c) and the fill-in
 * workbook (form.c).  Cells come from pk_rows (rows.h): a CSV file or a workbook's sheet.
 */
#ifndef PK_SHEET_INTERNAL_H
#define PK_SHEET_INTERNAL_H

#include <stdbool.h>

#include "pekppp/batch.h"

#include "csv.h"
#include "diag.h"
#include "model.h"
#include "rows.h"

enum { SHEET_WIDE, SHEET_LONG, SHEET_FORM };

struct pekppp_sheet {
    pk_rows rows;
    char *name;
    const pekppp_rubric *rubric;
    bool allow_incomplete;
    pekppp_diag_cb diag;
    void *payload;
    struct pk_sheet_column *cols; /* a wide sheet: what each header cell is */
    size_t ncols;
    size_t nrows;
    int kind;          /* SHEET_WIDE, SHEET_LONG or SHEET_FORM */
    pk_csv_cell *pad;  /* a workbook row filled out to the header's width */
    struct long_sheet *lf; /* a long-format sheet */
    pekppp_assessment *form; /* a fill-in workbook's unit, until given */
};

/* An indicator's answer cell into the unit: its level, or a missing answer (reported
 * unless the sheet allows incomplete units). */
int pk_sheet_indicator(pekppp_sheet *s, pekppp_assessment *a, const pk_csv_cell *cell,
                       size_t index, pk_report *rep);

/* Long-format sheets (sheet_long.c): is a header one; check it; read every row; give the
 * next unit (pekppp_sheet_next's contract); free what they keep. */
bool pk_is_long_header(const pk_csv_cell *cells, size_t n);
int pk_long_header(pekppp_sheet *s, const pk_csv_cell *cells, size_t n, pk_report *rep);
int pk_long_read(pekppp_sheet *s, pk_report *rep);
int pk_long_next(pekppp_sheet *s, pekppp_assessment **out, pk_report *rep);
void pk_long_free(struct long_sheet *lf);

/* A unit with nothing answered yet, read from @p file (and workbook @p sheet, or NULL)
 * whose SHA-256 is @p sha256 (64 hex digits and a NUL); NULL when out of memory. */
pekppp_assessment *pk_sheet_unit(const pekppp_rubric *r, const char *file, const char *sheet,
                                 const char *sha256);

/* Copy a cell's text into the unit's arena; empty cells give NULL.  0 or PEKPPP_ENOMEM. */
int pk_sheet_text(pekppp_assessment *a, const pk_csv_cell *c, const char **out);

/* A cell's text without surrounding spaces and tabs. */
void pk_sheet_trim(const pk_csv_cell *c, const char **s, size_t *len);

/* An answer cell: a level of the scale, "na" (when @p scored and @p na_ok), or empty
 * (PEKPPP_LEVEL_MISSING); anything else is reported at the cell. */
int pk_sheet_level(const pekppp_rubric *r, pk_report *rep, const pk_csv_cell *c, const char *id,
                   bool na_ok, bool scored, int *out);

/* The aggregated survey: a score (a decimal comma allowed when @p comma) needs its
 * respondents and the reverse.  Either cell may be NULL. */
int pk_sheet_survey(const pekppp_rubric *r, bool comma, pekppp_assessment *a,
                    const pk_csv_cell *score, const pk_csv_cell *resp, pk_report *rep);

/* An evidence cell into @p ans: one item per line of the cell, blank lines left out. */
int pk_sheet_evidence(pekppp_assessment *a, const char *t, size_t n, pk_answer *ans);

/* Report the scored indicators with no row (seen[i] == 0): one by one when a few, else in
 * one line; of unit @p unit in a long sheet, or (NULL) of the fill-in workbook. */
void pk_sheet_missing(const pekppp_rubric *r, const unsigned *seen, const char *unit,
                      unsigned line, unsigned col, pk_report *rep);

/* An indicator code: a scored indicator's position, nindicators + j for supplementary
 * item j, or -1; and the id a wrong code most likely meant (NULL when none is close). */
long pk_sheet_code(const pekppp_rubric *r, const char *id);
const char *pk_sheet_nearest_code(const pekppp_rubric *r, const char *code);

/* A header name as compared: ASCII lower case, spaces and hyphens as '_', trimmed. */
const char *pk_sheet_norm(const char *h, char *buf, size_t size);

#endif
