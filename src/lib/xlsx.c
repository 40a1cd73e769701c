/*
 * PLACEHOLDER until the reader lands (issue 13, branch xlsx-read): every
 * workbook is refused with a clear error.  Replaced whole by the real reader.
 */
#include "xlsx.h"

#include <string.h>
#include <unistd.h>

int pk_xlsx_sniff(const char *data, size_t len)
{
    return len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0;
}

int pk_xlsx_open(pk_xlsx **out, int fd, const char *data, size_t len, pk_report *rep)
{
    (void)data;
    (void)len;
    *out = NULL;
    if (fd >= 0)
        close(fd);
    pk_diag(rep, PEKPPP_EINVALID, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_IO,
            "this build cannot read .xlsx workbooks yet");
    return PEKPPP_EINVALID;
}

size_t pk_xlsx_sheet_count(const pk_xlsx *x) { (void)x; return 0; }
const char *pk_xlsx_sheet_name(const pk_xlsx *x, size_t i) { (void)x; (void)i; return NULL; }
int pk_xlsx_select(pk_xlsx *x, size_t i, pk_report *rep) { (void)x; (void)i; (void)rep; return PEKPPP_EINVALID; }
int pk_xlsx_next(pk_xlsx *x, pk_csv_cell **c, size_t *n, pk_report *rep)
{
    (void)x; (void)c; (void)n; (void)rep;
    return 0;
}
int pk_xlsx_row_bad(const pk_xlsx *x) { (void)x; return 0; }
void pk_xlsx_stop(pk_xlsx *x) { (void)x; }
void pk_xlsx_free(pk_xlsx *x) { (void)x; }
