/*
 * Fuzz the .xlsx reader (src/lib/xlsx.c, white-box): open the bytes as a
 * workbook, select each sheet and read every row.
 *
 * A failed open or select returns the code of the error it reported, with no
 * reader left; every row is dense from column A, each cell NUL-terminated at
 * its length and located at its row and column, a number in plain decimal
 * notation; a bad row is reported and skipped; any other failure ends the
 * sheet; the caller's rep->sheet is left as it was.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"
#include "fuzz.h"

static void check_number(const pk_csv_cell *c)
{
    size_t i = c->text[0] == '-', digits = 0, points = 0;
    for (; i < c->len; i++) {
        if (c->text[i] == '.') {
            points++;
        } else {
            FUZZ_CHECK(c->text[i] >= '0' && c->text[i] <= '9');
            digits++;
        }
    }
    FUZZ_CHECK(digits > 0 && points <= 1 && c->len < PK_XLSX_NUMBER_MAX);
    FUZZ_CHECK(strcmp(c->text, "-0") != 0);
}

/* Each call's first error lands in rep->err again. */
static void fresh(pk_report *rep)
{
    pekppp_error_clear(rep->err);
    rep->errors = 0;
    rep->first_code = 0;
}

static void read_sheet(pk_xlsx *x, size_t i, pk_report *rep, unsigned long *diags)
{
    pekppp_error *err = rep->err;
    unsigned long before = *diags;
    size_t rows = 0;
    fresh(rep);
    if (pk_xlsx_select(x, i, rep) < 0) {
        FUZZ_CHECK(*diags > before && err->code < 0);
        return;
    }
    for (;;) {
        pk_csv_cell *cells = NULL;
        size_t n = 0, j, filled = 0;
        int rc;
        before = *diags;
        fresh(rep);
        rc = pk_xlsx_next(x, &cells, &n, rep);
        FUZZ_CHECK(rep->sheet == NULL);
        FUZZ_CHECK(++rows <= 4u * PK_XLSX_MAX_ROWS);
        if (rc == 0) {
            FUZZ_CHECK(!pk_xlsx_row_bad(x) && *diags == before);
            break;
        }
        if (rc < 0) {
            fuzz_check_failure(rc, err, *diags - before);
            FUZZ_CHECK(strcmp(err->sheet, pk_xlsx_sheet_name(x, i)) == 0 ||
                       strlen(pk_xlsx_sheet_name(x, i)) >= sizeof(err->sheet));
            if (pk_xlsx_row_bad(x))
                continue;
            FUZZ_CHECK(pk_xlsx_next(x, &cells, &n, rep) == 0);
            break;
        }
        FUZZ_CHECK(rc == 1 && n > 0 && n <= PK_XLSX_MAX_COLS && cells != NULL);
        for (j = 0; j < n; j++) {
            const pk_csv_cell *c = &cells[j];
            FUZZ_CHECK(c->col == j + 1 && c->line == cells[0].line);
            FUZZ_CHECK(c->line >= 1 && c->line <= PK_XLSX_MAX_ROWS);
            FUZZ_CHECK(strlen(c->text) == c->len && c->len <= PEKPPP_MAX_SCALAR);
            FUZZ_CHECK(c->kind >= PK_CELL_TEXT && c->kind <= PK_CELL_DATE);
            if (c->kind == PK_CELL_NUMBER)
                check_number(c);
            if (c->kind == PK_CELL_BOOL)
                FUZZ_CHECK(strcmp(c->text, "TRUE") == 0 || strcmp(c->text, "FALSE") == 0);
            filled += c->len > 0;
        }
        FUZZ_CHECK(filled > 0 && cells[n - 1].len > 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pk_report rep;
    pekppp_error err;
    unsigned long diags = 0;
    pk_xlsx *x = NULL;
    size_t i, n;
    int rc;

    pekppp_error_clear(&err);
    pk_report_init(&rep, "fuzz.xlsx", fuzz_diag, &diags, &err);
    rc = pk_xlsx_open(&x, -1, (const char *)data, size, &rep);
    if (rc < 0) {
        FUZZ_CHECK(x == NULL);
        fuzz_check_failure(rc, &err, diags);
        return 0;
    }
    FUZZ_CHECK(rc == 0 && x != NULL && diags == 0);
    n = pk_xlsx_sheet_count(x);
    FUZZ_CHECK(n >= 1 && n <= PK_XLSX_MAX_SHEETS);
    for (i = 0; i < n; i++) {
        FUZZ_CHECK(pk_xlsx_sheet_name(x, i) != NULL);
        read_sheet(x, i, &rep, &diags);
    }
    /* Once more, the first sheet: a reader can start again. */
    read_sheet(x, 0, &rep, &diags);
    pk_xlsx_free(x);
    return 0;
}
