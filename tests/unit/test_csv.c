/*
 * The CSV reader (src/lib/csv.c): the same sheet read from memory and streamed
 * from a file through windows of many small sizes gives the same rows, cells,
 * positions and diagnostics, so no byte is lost or read twice at a window's
 * edge; and the per-cell and per-row limits fail one row, not the sheet.
 */
#define _DEFAULT_SOURCE

#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "csv.h"

/* Everything a reader said, one line per row or diagnostic, to compare two reads. */
typedef struct {
    char *s;
    size_t len, cap;
} text;

static void put(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(text *t, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    assert_true(n >= 0);
    if (t->len + (size_t)n + 1 > t->cap) {
        t->cap = (t->len + (size_t)n + 1) * 2;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

static void on_diag(const pekppp_error *e, void *payload)
{
    put(payload, "diag %u:%u %d %s\n", e->line, e->column, e->code, e->message);
}

/* Read every row of @p csv into @p out. */
static void read_all(pk_csv *csv, text *out)
{
    pk_report rep;
    pk_csv_cell *cells;
    size_t n, i, calls = 0;
    int rc;
    pk_report_init(&rep, "s.csv", on_diag, out, NULL);
    put(out, "delim %c\n", csv->delim);
    while ((rc = pk_csv_next(csv, &cells, &n, &rep)) != 0) {
        assert_true(++calls < 100000);
        if (rc < 0) {
            put(out, "rc %d\n", rc);
            if (!csv->bad)
                break; /* what a sheet does: the rest cannot be trusted */
            continue;
        }
        put(out, "row");
        for (i = 0; i < n; i++)
            put(out, " [%u:%u%s %zu '%s']", cells[i].line, cells[i].col, cells[i].quoted ? " q" : "",
                cells[i].len, cells[i].text);
        put(out, "\n");
    }
}

static void from_memory(const char *data, size_t len, text *out)
{
    pk_csv csv;
    pk_csv_init(&csv, data, len);
    read_all(&csv, out);
    pk_csv_free(&csv);
}

static void streamed(const char *path, size_t window, text *out)
{
    pk_csv csv;
    pk_report rep;
    int fd = open(path, O_RDONLY);
    assert_true(fd >= 0);
    pk_report_init(&rep, "s.csv", on_diag, out, NULL);
    assert_int_equal(pk_csv_init_fd(&csv, fd, window, &rep), 0);
    read_all(&csv, out);
    pk_csv_free(&csv);
}

/* Write @p data to a temporary file; its path goes into @p path. */
static void temp_file(char path[PATH_MAX], const char *data, size_t len)
{
    int fd;
    snprintf(path, PATH_MAX, "%s/pekppp-csv-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, len), (ssize_t)len);
    assert_int_equal(close(fd), 0);
}

/* Every trap at once: a BOM, ';' detected past ',' in quotes, CRLF, LF and CR alone, blank
 * lines and rows of empty cells, a BOM at a row start, quoted cells with "" and line breaks,
 * two-, three- and four-byte characters, a NUL, a Windows-1252 byte, a stray continuation
 * byte, and a character cut short by the end of the file. */
static const char sheet[] =
    "\xEF\xBB\xBF" "unit_id;\"name, with comma\";1.a\r\n"
    "u1;Dinas Kesehatan;3\r\n"
    ";;\r\n"
    "\n"
    "u2;\"Kantor \"\"Camat\"\"\nBaris dua\";4\r"
    "u3;Caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80;5\n"
    "\xEF\xBB\xBF" "u4;Puskesmas;2\n"
    "u5;Na\x00me;1\n"
    "u6;Pemerintah\xE9;1\n"
    "u7;x\x80y;0\r\n"
    ";\"\";\r\n"
    "u8;\"ok\";3\n"
    "u9;last;\xE4\xB8";

/* What the reader makes of it: lines and columns as a spreadsheet shows them (the ';;' row,
 * the blank line and the row of empty cells are no rows; the BOM before u4 takes no column),
 * and each bad byte fails its row alone. */
static const char sheet_read[] =
    "delim ;\n"
    "row [1:1 7 'unit_id'] [1:9 q 16 'name, with comma'] [1:28 3 '1.a']\n"
    "row [2:1 2 'u1'] [2:4 15 'Dinas Kesehatan'] [2:20 1 '3']\n"
    "row [5:1 2 'u2'] [5:4 q 24 'Kantor \"Camat\"\nBaris dua'] [6:12 1 '4']\n"
    "row [7:1 2 'u3'] [7:4 17 'Caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80'] [7:14 1 '5']\n"
    "row [8:1 2 'u4'] [8:4 9 'Puskesmas'] [8:14 1 '2']\n"
    "diag 9:6 -3 text contains a NUL character\n"
    "rc -3\n"
    "diag 10:14 -3 not valid text: byte 0xE9 is not UTF-8 (save the sheet as \"CSV UTF-8\"; "
    "Excel's plain \"CSV\" is Windows-1252)\n"
    "rc -3\n"
    "diag 11:5 -3 not valid text: byte 0x80 is not UTF-8 (save the sheet as \"CSV UTF-8\"; "
    "Excel's plain \"CSV\" is Windows-1252)\n"
    "rc -3\n"
    "row [13:1 2 'u8'] [13:4 q 2 'ok'] [13:9 1 '3']\n"
    "diag 14:9 -3 not valid text: byte 0xE4 is not UTF-8 (save the sheet as \"CSV UTF-8\"; "
    "Excel's plain \"CSV\" is Windows-1252)\n"
    "rc -3\n";

static void test_csv__streamed_through_any_window_reads_as_from_memory(void **state)
{
    char path[PATH_MAX];
    text want = { 0 }, got = { 0 };
    size_t window;
    (void)state;
    from_memory(sheet, sizeof(sheet) - 1, &want);
    assert_string_equal(want.s, sheet_read);
    temp_file(path, sheet, sizeof(sheet) - 1);
    /* The delimiter is told from the header line within the first window (1 MiB in use):
     * from 48 bytes on, the window holds this header, and each later byte meets an edge. */
    for (window = 48; window <= 200; window++) {
        got.len = 0;
        streamed(path, window, &got);
        if (strcmp(want.s, got.s) != 0)
            fail_msg("window %zu:\n--- memory\n%s--- streamed\n%s", window, want.s, got.s);
    }
    got.len = 0;
    streamed(path, 0, &got);
    assert_string_equal(want.s, got.s);
    unlink(path);
    free(want.s);
    free(got.s);
}

/* Text after a closing quote leaves the cell's end unknown: the rest is not read. */
static void test_csv__text_after_a_closing_quote_ends_the_sheet(void **state)
{
    static const char data[] = "id;name\nu1;\"quoted\"tail\nu2;ok\n";
    text t = { 0 };
    (void)state;
    from_memory(data, sizeof(data) - 1, &t);
    assert_string_equal(t.s, "delim ;\n"
                             "row [1:1 2 'id'] [1:4 4 'name']\n"
                             "diag 2:12 -3 text after the closing quote of a cell (write \"\" for a "
                             "quote)\n"
                             "rc -3\n");
    free(t.s);
}

/* A cell of 64 KiB + 1 fails its row at the byte past the limit; the next row is read. */
static void test_csv__a_cell_over_the_limit_fails_its_row_only(void **state)
{
    size_t big = PEKPPP_MAX_SCALAR + 1, len = 0;
    char *data = malloc(big + 64);
    text t = { 0 };
    (void)state;
    assert_non_null(data);
    len += (size_t)sprintf(data, "id,name\nu1,");
    memset(data + len, 'a', big);
    len += big;
    len += (size_t)sprintf(data + len, "\nu2,ok\n");
    from_memory(data, len, &t);
    assert_string_equal(t.s, "delim ,\n"
                             "row [1:1 2 'id'] [1:4 4 'name']\n"
                             "diag 2:65540 -7 a cell longer than the limit of 65536 bytes\n"
                             "rc -7\n"
                             "row [3:1 2 'u2'] [3:4 2 'ok']\n");
    free(data);
    free(t.s);
}

/* A row of 40 cells of 30,000 bytes (1.2 MB) passes the cell limit and fails the row's. */
static void test_csv__a_row_over_the_limit_fails_its_row_only(void **state)
{
    size_t len = 0, i;
    char *data = malloc(40 * 30001 + 64);
    text t = { 0 };
    (void)state;
    assert_non_null(data);
    len += (size_t)sprintf(data, "id\n");
    for (i = 0; i < 40; i++) {
        memset(data + len, 'b', 30000);
        len += 30000;
        data[len++] = i + 1 < 40 ? ',' : '\n';
    }
    len += (size_t)sprintf(data + len, "u2\n");
    from_memory(data, len, &t);
    assert_non_null(strstr(t.s, "a row longer than the limit of 1048576 bytes\nrc -7\nrow [3:1 2 'u2']\n"));
    free(data);
    free(t.s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv__streamed_through_any_window_reads_as_from_memory),
        cmocka_unit_test(test_csv__text_after_a_closing_quote_ends_the_sheet),
        cmocka_unit_test(test_csv__a_cell_over_the_limit_fails_its_row_only),
        cmocka_unit_test(test_csv__a_row_over_the_limit_fails_its_row_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
