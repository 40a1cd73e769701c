/*
 * Read every row of every sheet of a workbook with the library's reader
 * (src/lib/xlsx.h) and print rows, cells and a checksum (bench/xlsx-read.sh).
 *
 *   xlsx_read BOOK.xlsx
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "xlsx.h"

static void on_diag(const pekppp_error *e, void *payload)
{
    (void)payload;
    fprintf(stderr, "%s!%u:%u %s\n", e->sheet, e->line, e->column, e->message);
}

int main(int argc, char **argv)
{
    pk_report rep;
    pk_xlsx *x;
    pk_csv_cell *cells;
    size_t n, i, s;
    unsigned long rows = 0, ncells = 0, sum = 0;
    int rc, fd;
    if (argc != 2 || (fd = open(argv[1], O_RDONLY)) < 0)
        return 2;
    pk_report_init(&rep, argv[1], on_diag, NULL, NULL);
    if (pk_xlsx_open(&x, fd, NULL, 0, &rep) < 0)
        return 1;
    for (s = 0; s < pk_xlsx_sheet_count(x); s++) {
        if (pk_xlsx_select(x, s, &rep) < 0)
            continue;
        while ((rc = pk_xlsx_next(x, &cells, &n, &rep)) != 0) {
            if (rc < 0)
                continue;
            rows++;
            ncells += n;
            for (i = 0; i < n; i++)
                sum += cells[i].len;
        }
    }
    pk_xlsx_free(x);
    printf("rows %lu cells %lu bytes %lu\n", rows, ncells, sum);
    return 0;
}
