/*
 * Test fixture maker: write an .xlsx workbook whose sheets are CSV files (libxlsxwriter).
 *   csv2xlsx OUT.xlsx NAME1 FILE1.csv [NAME2 FILE2.csv ...]
 * A cell that is a plain decimal number (-?digits[.digits]) is written as a number, any
 * other as a string, so the reader sees what a spreadsheet would store.  Used to make the
 * workbook fixtures of tests/cli (see their NOTE); not built by CMake.
 *   cc -o csv2xlsx tests/xlsx/csv2xlsx.c -lxlsxwriter
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static int is_number(const char *s)
{
    int digits = 0;
    if (*s == '-')
        s++;
    while (*s >= '0' && *s <= '9')
        s++, digits++;
    if (*s == '.') {
        s++;
        while (*s >= '0' && *s <= '9')
            s++, digits++;
    }
    return digits > 0 && *s == '\0';
}

int main(int argc, char **argv)
{
    lxw_workbook *wb;
    int i;
    if (argc < 4 || argc % 2) {
        fprintf(stderr, "usage: csv2xlsx OUT.xlsx NAME FILE.csv...\n");
        return 2;
    }
    wb = workbook_new(argv[1]);
    for (i = 2; i + 1 < argc; i += 2) {
        lxw_worksheet *ws = workbook_add_worksheet(wb, argv[i]);
        FILE *f = fopen(argv[i + 1], "rb");
        char cell[8192];
        size_t n = 0;
        int c, quoted = 0, row = 0, col = 0, any = 0;
        if (!f)
            return 1;
        for (;;) {
            c = fgetc(f);
            if (quoted) {
                if (c == '"') {
                    int d = fgetc(f);
                    if (d == '"') {
                        cell[n++] = '"';
                        continue;
                    }
                    quoted = 0;
                    c = d;
                } else if (c != EOF) {
                    cell[n++] = (char)c;
                    continue;
                }
            }
            if (c == '"' && n == 0) {
                quoted = 1;
                continue;
            }
            if (c == ',' || c == '\n' || c == EOF) {
                cell[n] = '\0';
                if (n && is_number(cell))
                    worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, atof(cell), NULL);
                else if (n)
                    worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, cell, NULL);
                any |= n > 0;
                n = 0;
                if (c == ',') {
                    col++;
                } else {
                    if (c == EOF && !any && col == 0)
                        break;
                    row++;
                    col = 0;
                    any = 0;
                    if (c == EOF)
                        break;
                }
                continue;
            }
            if (c != '\r')
                cell[n++] = (char)c;
        }
        fclose(f);
    }
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
