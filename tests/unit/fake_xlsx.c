/*
 * A stand-in for the workbook reader (src/lib/xlsx.h) in test_workbook: a "workbook" is
 * text, "FAKEXLSX\n" and then sheets, each "=== NAME\n" followed by its rows as CSV.  Rows
 * come out as the real reader gives them: cells numbered by column (A = 1) and row, a row
 * ending at its last cell with a value.  It lets the sheet choice, the long format and the
 * fill-in workbook be tested through pk_rows before the real reader is in.
 */
#include "xlsx.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAGIC "FAKEXLSX\n"

struct pk_xlsx {
    char *data;
    char *names[16];
    char *texts[16];
    size_t n, current;
    unsigned row; /* rows given so far: a cell's line is its row, not a text line */
    pk_csv csv;
};

int pk_xlsx_sniff(const char *data, size_t len)
{
    return len >= 8 && memcmp(data, MAGIC, 8) == 0;
}

int pk_xlsx_open(pk_xlsx **out, int fd, const char *data, size_t len, pk_report *rep)
{
    pk_xlsx *x = calloc(1, sizeof(*x));
    char *p;
    (void)rep;
    if (fd >= 0) {
        size_t cap = 1 << 16, n = 0;
        ssize_t r;
        char *buf = malloc(cap);
        while (buf && (r = read(fd, buf + n, cap - n - 1)) > 0)
            if ((n += (size_t)r) + 1 == cap)
                buf = realloc(buf, cap *= 2);
        close(fd);
        buf[n] = '\0';
        x->data = buf;
    } else {
        x->data = malloc(len + 1);
        memcpy(x->data, data, len);
        x->data[len] = '\0';
    }
    x->csv.fd = -1;
    p = x->data + strlen(MAGIC);
    while ((p = strstr(p, "=== ")) != NULL && x->n < 16) {
        char *eol = strchr(p, '\n');
        if (!eol)
            break;
        *eol = '\0';
        x->names[x->n] = p + 4;
        x->texts[x->n] = eol + 1;
        if (x->n > 0)
            x->texts[x->n - 1][p - x->texts[x->n - 1]] = '\0';
        x->n++;
        p = eol + 1;
    }
    *out = x;
    return 0;
}

size_t pk_xlsx_sheet_count(const pk_xlsx *x)
{
    return x->n;
}

const char *pk_xlsx_sheet_name(const pk_xlsx *x, size_t i)
{
    return i < x->n ? x->names[i] : NULL;
}

int pk_xlsx_select(pk_xlsx *x, size_t i, pk_report *rep)
{
    (void)rep;
    pk_csv_free(&x->csv);
    pk_csv_init(&x->csv, x->texts[i], strlen(x->texts[i]));
    x->current = i;
    x->row = 0;
    return 0;
}

int pk_xlsx_next(pk_xlsx *x, pk_csv_cell **cells, size_t *count, pk_report *rep)
{
    size_t i;
    int rc = pk_csv_next(&x->csv, cells, count, rep);
    if (rc <= 0)
        return rc;
    x->row++;
    for (i = 0; i < *count; i++) {
        (*cells)[i].col = (unsigned)i + 1;
        (*cells)[i].line = x->row;
    }
    while (*count > 0 && (*cells)[*count - 1].len == 0)
        (*count)--;
    return rc;
}

int pk_xlsx_row_bad(const pk_xlsx *x)
{
    return x->csv.bad != 0;
}

void pk_xlsx_stop(pk_xlsx *x)
{
    x->csv.pos = x->csv.len;
}

void pk_xlsx_free(pk_xlsx *x)
{
    if (!x)
        return;
    pk_csv_free(&x->csv);
    free(x->data);
    free(x);
}
