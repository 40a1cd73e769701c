/*
 * A small RFC 4180 reader; see csv.h.
 *
 * Cells are unquoted into one scratch buffer per row, so a row costs two
 * growing arrays however many rows the sheet has.  Every byte is looked at
 * through peek(), which refills the window when the sheet is streamed; no
 * byte of the window is referenced once it is read.  Columns count UTF-8
 * characters, as the YAML loader's do, so a spreadsheet user finds the cell.
 */
#include "csv.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "pekppp/common.h"

/* Make @p k bytes from the read position available when the input has them: in memory they
 * are there or not; streamed, the unread bytes move to the front of the window and more
 * are read behind them.  Returns whether they are there. */
static int more(pk_csv *csv, size_t k)
{
    size_t have = csv->len - csv->pos;
    if (have >= k)
        return 1;
    if (csv->fd < 0)
        return 0;
    memmove(csv->window, csv->window + csv->pos, have);
    csv->pos = 0;
    csv->len = have;
    while (csv->len < k) {
        ssize_t r = read(csv->fd, csv->window + csv->len, csv->wcap - csv->len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            if (r < 0)
                csv->read_errno = errno;
            close(csv->fd);
            csv->fd = -1;
            break;
        }
        csv->len += (size_t)r;
    }
    return csv->len - csv->pos >= k;
}

/* The byte @p k places after the read position, or -1 past the end. */
static int peek(pk_csv *csv, size_t k)
{
    return more(csv, k + 1) ? (unsigned char)csv->data[csv->pos + k] : -1;
}

/* Whether the read position ends a cell: a delimiter, a line end or the end of the data. */
static int ends_cell(pk_csv *csv)
{
    int c = peek(csv, 0);
    return c < 0 || c == csv->delim || c == '\n' || c == '\r';
}

/* Count the delimiters of the header line (at most a window of it), outside quotes. */
static void detect(pk_csv *csv)
{
    size_t i, commas = 0, semis = 0;
    int quoted = 0;
    if (peek(csv, 0) == 0xEF && peek(csv, 1) == 0xBB && peek(csv, 2) == 0xBF)
        csv->pos += 3;
    (void)more(csv, (csv->wcap ? csv->wcap : csv->len) - csv->pos);
    for (i = csv->pos; i < csv->len && (quoted || (csv->data[i] != '\n' && csv->data[i] != '\r')); i++) {
        if (csv->data[i] == '"')
            quoted = !quoted;
        else if (!quoted && csv->data[i] == ',')
            commas++;
        else if (!quoted && csv->data[i] == ';')
            semis++;
    }
    csv->delim = semis > commas ? ';' : ',';
}

void pk_csv_init(pk_csv *csv, const char *data, size_t len)
{
    memset(csv, 0, sizeof(*csv));
    csv->data = data;
    csv->len = len;
    csv->line = 1;
    csv->col = 1;
    csv->fd = -1;
    detect(csv);
}

int pk_csv_init_fd(pk_csv *csv, int fd, size_t window, pk_report *rep)
{
    pk_csv_init(csv, "", 0);
    csv->wcap = window >= 4 ? window : PK_CSV_WINDOW;
    if (!(csv->window = pk_malloc(csv->wcap))) {
        close(fd);
        pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
        return PEKPPP_ENOMEM;
    }
    csv->data = csv->window;
    csv->fd = fd;
    detect(csv);
    return 0;
}

void pk_csv_free(pk_csv *csv)
{
    if (csv->fd >= 0)
        close(csv->fd);
    csv->fd = -1;
    pk_free(csv->window);
    pk_free(csv->scratch);
    pk_free(csv->cells);
    csv->window = NULL;
    csv->scratch = NULL;
    csv->cells = NULL;
}

static int put_byte(pk_csv *csv, size_t *used, char c)
{
    if (*used + 1 >= csv->scap) {
        size_t cap = csv->scap ? csv->scap * 2 : 1024;
        char *s = pk_realloc(csv->scratch, cap);
        if (!s)
            return PEKPPP_ENOMEM;
        csv->scratch = s;
        csv->scap = cap;
    }
    csv->scratch[(*used)++] = c;
    return 0;
}

/* Step over one byte.  A line ends at LF, at CRLF, and at a CR alone (old Mac files), so
 * every error names the line a spreadsheet shows. */
static void advance(pk_csv *csv)
{
    char c = csv->data[csv->pos++];
    if (c == '\n' || (c == '\r' && peek(csv, 0) != '\n')) {
        csv->line++;
        csv->col = 1;
    } else if (((unsigned char)c & 0xC0) != 0x80) {
        csv->col++;
    }
}

/* The length of the UTF-8 character at @p p (at most @p n bytes), or 0 when it is not one:
 * a stray continuation byte, an overlong form, a surrogate, past U+10FFFF, or cut short. */
static size_t utf8_char(const unsigned char *p, size_t n)
{
    size_t len, i;
    uint32_t cp;
    if (p[0] < 0x80)
        return 1;
    if (p[0] >= 0xC2 && p[0] <= 0xDF)
        len = 2, cp = p[0] & 0x1Fu;
    else if (p[0] >= 0xE0 && p[0] <= 0xEF)
        len = 3, cp = p[0] & 0x0Fu;
    else if (p[0] >= 0xF0 && p[0] <= 0xF4)
        len = 4, cp = p[0] & 0x07u;
    else
        return 0;
    if (len > n)
        return 0;
    for (i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (p[i] & 0x3Fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

/* Report the byte at the read position, a NUL or one that does not start a UTF-8
 * character, at its own line and column. */
static int check_byte(pk_csv *csv, pk_report *rep)
{
    unsigned char c = (unsigned char)csv->data[csv->pos];
    if (c == 0)
        pk_diag(rep, PEKPPP_EPARSE, PEKPPP_SEV_ERROR, csv->line, csv->col, NULL,
                PK_R_YAML_ENCODING, "text contains a NUL character");
    else
        pk_diag(rep, PEKPPP_EPARSE, PEKPPP_SEV_ERROR, csv->line, csv->col, NULL,
                PK_R_YAML_ENCODING, "not valid text: byte 0x%02X is not UTF-8 (save the sheet as \"CSV UTF-8\"; "
                "Excel's plain \"CSV\" is Windows-1252)", c);
    return PEKPPP_EPARSE;
}

/* Copy the character at the read position into the row's scratch and step over it.  A bad
 * byte is reported once per row (csv->bad) and stepped over, so the row is still read to
 * its end and the next row can be read: a NUL or a Windows-1252 letter costs one row. */
static int take(pk_csv *csv, size_t *used, pk_report *rep)
{
    const unsigned char *p;
    size_t len, i;
    (void)more(csv, 4);
    p = (const unsigned char *)csv->data + csv->pos;
    len = *p < 0x80 ? 1 : utf8_char(p, csv->len - csv->pos);
    if (*p == 0 || len == 0) {
        if (!csv->bad)
            csv->bad = check_byte(csv, rep);
        advance(csv);
        return 0;
    }
    if (!csv->bad && *used - csv->cell_start + len > PEKPPP_MAX_SCALAR) {
        pk_diag(rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, csv->line, csv->col, NULL,
                PK_R_LIMIT, "a cell longer than the limit of %u bytes", PEKPPP_MAX_SCALAR);
        csv->bad = PEKPPP_ELIMIT;
    } else if (!csv->bad && *used + len > PK_CSV_MAX_ROW) {
        pk_diag(rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, csv->line, csv->col, NULL,
                PK_R_LIMIT, "a row longer than the limit of %u bytes", PK_CSV_MAX_ROW);
        csv->bad = PEKPPP_ELIMIT;
    }
    if (csv->bad) { /* the row fails: read on to its end without keeping its text */
        for (i = 0; i < len; i++)
            advance(csv);
        return 0;
    }
    for (i = 0; i < len; i++) {
        if (put_byte(csv, used, csv->data[csv->pos]) < 0)
            return PEKPPP_ENOMEM;
        advance(csv);
    }
    return 0;
}

/* The fast path of take(): a run of plain ASCII bytes already in the window that ends no
 * cell (no quote, no delimiter unless @p quoted, no line end, no NUL) is copied at once.
 * Returns how many bytes it took; 0 leaves the next byte to take(). */
static size_t take_plain(pk_csv *csv, size_t *used, int quoted)
{
    size_t i = csv->pos, n;
    while (i < csv->len) {
        unsigned char c = (unsigned char)csv->data[i];
        if (c >= 0x80 || c < 0x20 || c == 0x7f || c == '"' || (!quoted && c == (unsigned char)csv->delim))
            break;
        i++;
    }
    n = i - csv->pos;
    if (n == 0 || *used - csv->cell_start + n > PEKPPP_MAX_SCALAR || *used + n > PK_CSV_MAX_ROW)
        return 0; /* nothing plain here, or a limit near: byte by byte */
    if (!csv->bad) {
        while (*used + n + 1 > csv->scap) {
            size_t cap = csv->scap ? csv->scap * 2 : 1024;
            char *s = pk_realloc(csv->scratch, cap);
            if (!s)
                return 0; /* take() meets the same shortage and says so */
            csv->scratch = s;
            csv->scap = cap;
        }
        memcpy(csv->scratch + *used, csv->data + csv->pos, n);
        *used += n;
    }
    csv->pos = i;
    csv->col += (unsigned)n;
    return n;
}

/* Read one quoted cell's text, from its opening quote to past its closing quote. */
static int read_quoted(pk_csv *csv, size_t *used, const pk_csv_cell *cell, pk_report *rep)
{
    int error;
    advance(csv);
    for (;;) {
        int c = peek(csv, 0);
        if (c < 0) {
            pk_diag(rep, PEKPPP_EPARSE, PEKPPP_SEV_ERROR, cell->line, cell->col, NULL,
                    PK_R_YAML_SYNTAX, "a quoted cell is never closed");
            return PEKPPP_EPARSE;
        }
        if (c == '"') {
            advance(csv);
            if (peek(csv, 0) != '"')
                break;
        }
        if (take_plain(csv, used, 1) == 0 && (error = take(csv, used, rep)) < 0)
            return error;
    }
    if (!ends_cell(csv)) {
        pk_diag(rep, PEKPPP_EPARSE, PEKPPP_SEV_ERROR, csv->line, csv->col, NULL,
                PK_R_YAML_SYNTAX, "text after the closing quote of a cell (write \"\" for a quote)");
        return PEKPPP_EPARSE;
    }
    return 0;
}

/* Read one row at the read position (not at the end) into csv->cells; returns its cell
 * count, or a negative code after reporting (ENOMEM unreported: the caller says it). */
static int read_row(pk_csv *csv, size_t *count, pk_report *rep)
{
    size_t used = 0, n = 0, i;
    int error;
    for (;;) {
        pk_csv_cell cell;
        size_t start = used;
        memset(&cell, 0, sizeof(cell));
        cell.line = csv->line;
        cell.col = csv->col;
        csv->cell_start = used;
        if (peek(csv, 0) == '"') {
            cell.quoted = 1;
            if ((error = read_quoted(csv, &used, &cell, rep)) < 0)
                return error;
        } else {
            while (!ends_cell(csv))
                if (take_plain(csv, &used, 0) == 0 && (error = take(csv, &used, rep)) < 0)
                    return error;
        }
        if (put_byte(csv, &used, '\0') < 0)
            return PEKPPP_ENOMEM;
        cell.len = used - start - 1;
        if (n == csv->ncap) {
            size_t cap = csv->ncap ? csv->ncap * 2 : 64;
            pk_csv_cell *c;
            if (cap > PK_CSV_MAX_CELLS) {
                pk_diag(rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, cell.line, cell.col, NULL,
                        PK_R_LIMIT, "more than %d cells in one row", PK_CSV_MAX_CELLS);
                return PEKPPP_ELIMIT;
            }
            if (!(c = pk_realloc(csv->cells, cap * sizeof(*c))))
                return PEKPPP_ENOMEM;
            csv->cells = c;
            csv->ncap = cap;
        }
        /* Remember the offset; the scratch buffer may move as it grows. */
        cell.text = (const char *)(uintptr_t)start;
        csv->cells[n++] = cell;
        if (peek(csv, 0) == csv->delim) {
            advance(csv);
            continue;
        }
        break;
    }
    /* End of the row: CRLF, LF, CR or the end of the data. */
    if (peek(csv, 0) == '\r')
        advance(csv);
    if (peek(csv, 0) == '\n')
        advance(csv);
    for (i = 0; i < n; i++)
        csv->cells[i].text = csv->scratch + (size_t)(uintptr_t)csv->cells[i].text;
    *count = n;
    return 1;
}

/* Step over what is not a row: blank lines, and a UTF-8 BOM where a row starts (two
 * exports pasted together carry the second file's BOM into the middle). */
static void skip_between_rows(pk_csv *csv)
{
    for (;;) {
        int c = peek(csv, 0);
        if (c == '\n' || c == '\r')
            advance(csv);
        else if (c == 0xEF && peek(csv, 1) == 0xBB && peek(csv, 2) == 0xBF)
            csv->pos += 3; /* no column: the mark is invisible */
        else
            return;
    }
}

int pk_csv_next(pk_csv *csv, pk_csv_cell **cells, size_t *count, pk_report *rep)
{
    for (;;) {
        size_t n = 0, i;
        int rc;
        skip_between_rows(csv);
        if (peek(csv, 0) < 0 && !csv->read_errno)
            return 0;
        csv->bad = 0;
        rc = peek(csv, 0) < 0 ? 1 : read_row(csv, &n, rep);
        if (csv->read_errno) {
            /* A row cut short by a failed read is not trusted, nor is anything after it. */
            pk_diag(rep, PEKPPP_EIO, PEKPPP_SEV_ERROR, csv->line, csv->col, NULL,
                    PK_R_IO, "cannot read: %s", strerror(csv->read_errno));
            csv->read_errno = 0;
            csv->pos = csv->len;
            return PEKPPP_EIO;
        }
        if (rc >= 0 && csv->bad)
            return csv->bad; /* reported; the next row is read on the next call */
        if (rc < 0) {
            if (rc == PEKPPP_ENOMEM)
                pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
            return rc;
        }
        /* A row of empty cells (Excel writes ";;;;" after formatted cells) is no row. */
        for (i = 0; i < n && csv->cells[i].len == 0; i++)
            ;
        if (i < n) {
            *cells = csv->cells;
            *count = n;
            return 1;
        }
    }
}
