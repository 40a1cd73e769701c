/*
 * Write a wide benchmark workbook with libxlsxwriter (bench/xlsx-read.sh):
 *
 *   xlsx_make OUT.xlsx ROWS COLS
 *
 * Row 1 is a header; then per row a text id (shared string), a name, and
 * COLS-2 numbers: levels 0..4 and scores with up to two decimals (4.25),
 * every tenth a 17-digit binary64 text (0.1 + 0.2), as a sheet of answers
 * looks.  constant_memory keeps the writer small.
 */
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

int main(int argc, char **argv)
{
    lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
    lxw_workbook *wb;
    lxw_worksheet *ws;
    long rows, cols, r, c;
    char buf[64];
    if (argc != 4)
        return 2;
    rows = atol(argv[2]);
    cols = atol(argv[3]);
    wb = workbook_new_opt(argv[1], &opt);
    ws = workbook_add_worksheet(wb, "Penilaian");
    for (c = 0; c < cols; c++) {
        snprintf(buf, sizeof(buf), c == 0 ? "unit_id" : c == 1 ? "unit_name" : "q%ld", c);
        worksheet_write_string(ws, 0, (lxw_col_t)c, buf, NULL);
    }
    for (r = 1; r <= rows; r++) {
        snprintf(buf, sizeof(buf), "U%06ld", r);
        worksheet_write_string(ws, (lxw_row_t)r, 0, buf, NULL);
        snprintf(buf, sizeof(buf), "Unit layanan nomor %ld", r);
        worksheet_write_string(ws, (lxw_row_t)r, 1, buf, NULL);
        for (c = 2; c < cols; c++) {
            double v = (c % 2) ? (double)((r * 7 + c) % 5) : (double)((r * 13 + c * 3) % 401) / 100.0;
            if ((r + c) % 10 == 0)
                v = 0.1 + 0.2;
            worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, v, NULL);
        }
    }
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
