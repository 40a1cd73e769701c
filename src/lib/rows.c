/*
 * Rows of a sheet from a CSV file or an .xlsx workbook (rows.h).
 */
#include "rows.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "sha256.h"
#include "yaml_tree.h"

/* The SHA-256 of a regular file, read through once; then back to its start. */
static int hash_fd(int fd, char hex[65], pk_report *rep)
{
    char buf[64 * 1024];
    pk_sha256 h;
    pk_sha256_init(&h);
    for (;;) {
        ssize_t r = read(fd, buf, sizeof(buf));
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            pk_diag(rep, PEKPPP_EIO, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_IO, "cannot read: %s",
                    strerror(errno));
            return PEKPPP_EIO;
        }
        if (r == 0)
            break;
        pk_sha256_update(&h, buf, (size_t)r);
    }
    pk_sha256_final_hex(&h, hex);
    if (lseek(fd, 0, SEEK_SET) != 0) {
        pk_diag(rep, PEKPPP_EIO, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_IO, "cannot read: %s",
                strerror(errno));
        return PEKPPP_EIO;
    }
    return 0;
}

/* The first bytes of a regular file, to tell a workbook from CSV. */
static size_t head_fd(int fd, char *buf, size_t n)
{
    ssize_t r;
    do
        r = pread(fd, buf, n, 0);
    while (r < 0 && errno == EINTR);
    return r > 0 ? (size_t)r : 0;
}

/* Start reading the bytes in memory (owned by rows->data). */
static int open_memory(pk_rows *rows, pk_report *rep)
{
    if (pk_xlsx_sniff(rows->data, rows->len)) {
        int error = pk_xlsx_open(&rows->xlsx, -1, rows->data, rows->len, rep);
        if (error < 0)
            return error;
        rows->is_xlsx = true;
        return pk_rows_select(rows, 0, rep);
    }
    pk_csv_init(&rows->csv, rows->data, rows->len);
    return 0;
}

int pk_rows_open(pk_rows *rows, const char *path, const char *data, size_t len, pk_report *rep)
{
    int error, fd, regular = 0;
    char head[8];
    size_t nhead;

    memset(rows, 0, sizeof(*rows));
    rows->csv.fd = -1;
    if (!path) {
        if (!(rows->data = pk_malloc(len + 1))) {
            pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
            return PEKPPP_ENOMEM;
        }
        memcpy(rows->data, data, len);
        rows->data[len] = '\0';
        rows->len = len;
        pk_sha256_hex(rows->data, rows->len, rows->sha256);
        error = open_memory(rows, rep);
        goto done;
    }
    if ((fd = pk_open_input(path, rep, &regular)) < 0)
        return fd;
    if (!regular) {
        /* A FIFO or a device cannot be read twice: read it whole. */
        if ((error = pk_read_fd(&rows->data, &rows->len, fd, rep)) < 0)
            return error;
        pk_sha256_hex(rows->data, rows->len, rows->sha256);
        error = open_memory(rows, rep);
        goto done;
    }
    if ((error = hash_fd(fd, rows->sha256, rep)) < 0) {
        close(fd);
        return error;
    }
    nhead = head_fd(fd, head, sizeof(head));
    if (pk_xlsx_sniff(head, nhead)) {
        if ((error = pk_xlsx_open(&rows->xlsx, fd, NULL, 0, rep)) < 0)
            goto done;
        rows->is_xlsx = true;
        error = pk_rows_select(rows, 0, rep);
    } else {
        error = pk_csv_init_fd(&rows->csv, fd, 0, rep);
    }
done:
    if (error < 0)
        pk_rows_free(rows);
    return error;
}

size_t pk_rows_sheet_count(const pk_rows *rows)
{
    return rows->is_xlsx ? pk_xlsx_sheet_count(rows->xlsx) : 1;
}

const char *pk_rows_sheet_name(const pk_rows *rows, size_t i)
{
    return rows->is_xlsx ? pk_xlsx_sheet_name(rows->xlsx, i) : NULL;
}

int pk_rows_select(pk_rows *rows, size_t i, pk_report *rep)
{
    int error;
    if (!rows->is_xlsx)
        return 0;
    rows->sheet = i;
    rows->sheet_name = pk_xlsx_sheet_name(rows->xlsx, i);
    rep->sheet = rows->sheet_name;
    error = pk_xlsx_select(rows->xlsx, i, rep);
    return error;
}

int pk_rows_next(pk_rows *rows, pk_csv_cell **cells, size_t *count, pk_report *rep)
{
    if (!rows->is_xlsx)
        return pk_csv_next(&rows->csv, cells, count, rep);
    rep->sheet = rows->sheet_name;
    return pk_xlsx_next(rows->xlsx, cells, count, rep);
}

bool pk_rows_bad(const pk_rows *rows)
{
    return rows->is_xlsx ? pk_xlsx_row_bad(rows->xlsx) != 0 : rows->csv.bad != 0;
}

void pk_rows_stop(pk_rows *rows)
{
    if (rows->is_xlsx)
        pk_xlsx_stop(rows->xlsx);
    else {
        rows->csv.pos = rows->csv.len;
        if (rows->csv.fd >= 0) {
            close(rows->csv.fd);
            rows->csv.fd = -1;
        }
    }
}

bool pk_rows_decimal_comma(const pk_rows *rows)
{
    return rows->is_xlsx || rows->csv.delim == ';';
}

void pk_rows_free(pk_rows *rows)
{
    if (rows->xlsx)
        pk_xlsx_free(rows->xlsx);
    pk_csv_free(&rows->csv);
    pk_free(rows->data);
    memset(rows, 0, sizeof(*rows));
    rows->csv.fd = -1;
}
