/*
 * A small RFC 4180 reader; see csv.h.
 *
 * Cells are unquoted into one scratch buffer per row, so a row costs two
 * growing arrays however many rows the sheet has.  Columns count UTF-8
 * characters, as the YAML loader's do, so a spreadsheet user finds the cell.
 */
#include "csv.h"

#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "pekppp/common.h"

void pk_csv_init(pk_csv *csv, const char *data, size_t len)
{
    size_t i, commas = 0, semis = 0;
    int quoted = 0;
    memset(csv, 0, sizeof(*csv));
    csv->data = data;
    csv->len = len;
    csv->line = 1;
    csv->col = 1;
    if (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
        (unsigned char)data[2] == 0xBF)
        csv->pos = 3;
    for (i = csv->pos; i < len && (quoted || (data[i] != '\n' && data[i] != '\r')); i++) {
        if (data[i] == '"')
            quoted = !quoted;
        else if (!quoted && data[i] == ',')
            commas++;
        else if (!quoted && data[i] == ';')
            semis++;
    }
    csv->delim = semis > commas ? ';' : ',';
}

void pk_csv_free(pk_csv *csv)
{
    pk_free(csv->scratch);
    pk_free(csv->cells);
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

static void advance(pk_csv *csv)
{
    char c = csv->data[csv->pos++];
    if (c == '\n') {
        csv->line++;
        csv->col = 1;
    } else if (((unsigned char)c & 0xC0) != 0x80) {
        csv->col++;
    }
}

int pk_csv_next(pk_csv *csv, pk_csv_cell **cells, size_t *count, pk_report *rep)
{
    size_t used = 0, n = 0, i;
    int error = 0;

    /* Skip blank lines. */
    while (csv->pos < csv->len && (csv->data[csv->pos] == '\n' || csv->data[csv->pos] == '\r'))
        advance(csv);
    if (csv->pos >= csv->len)
        return 0;

    for (;;) {
        pk_csv_cell cell;
        size_t start = used;
        memset(&cell, 0, sizeof(cell));
        cell.line = csv->line;
        cell.col = csv->col;
        if (csv->pos < csv->len && csv->data[csv->pos] == '"') {
            cell.quoted = 1;
            advance(csv);
            for (;;) {
                if (csv->pos >= csv->len) {
                    pk_diag(rep, PEKPPP_EPARSE, PEKPPP_SEV_ERROR, cell.line, cell.col, NULL,
                            PK_R_YAML_SYNTAX, "a quoted cell is never closed");
                    error = PEKPPP_EPARSE;
                    goto done;
                }
                if (csv->data[csv->pos] == '"') {
                    if (csv->pos + 1 < csv->len && csv->data[csv->pos + 1] == '"') {
                        advance(csv);
                    } else {
                        advance(csv);
                        break;
                    }
                }
                if ((error = put_byte(csv, &used, csv->data[csv->pos])) < 0)
                    goto oom;
                advance(csv);
            }
            if (csv->pos < csv->len && csv->data[csv->pos] != csv->delim &&
                csv->data[csv->pos] != '\n' && csv->data[csv->pos] != '\r') {
                pk_diag(rep, PEKPPP_EPARSE, PEKPPP_SEV_ERROR, csv->line, csv->col, NULL,
                        PK_R_YAML_SYNTAX,
                        "text after the closing quote of a cell (write \"\" for a quote)");
                error = PEKPPP_EPARSE;
                goto done;
            }
        } else {
            while (csv->pos < csv->len && csv->data[csv->pos] != csv->delim &&
                   csv->data[csv->pos] != '\n' && csv->data[csv->pos] != '\r') {
                if ((error = put_byte(csv, &used, csv->data[csv->pos])) < 0)
                    goto oom;
                advance(csv);
            }
        }
        if ((error = put_byte(csv, &used, '\0')) < 0)
            goto oom;
        cell.len = used - start - 1;
        if (n == csv->ncap) {
            size_t cap = csv->ncap ? csv->ncap * 2 : 64;
            pk_csv_cell *c;
            if (cap > PK_CSV_MAX_CELLS) {
                pk_diag(rep, PEKPPP_ELIMIT, PEKPPP_SEV_ERROR, cell.line, cell.col, NULL,
                        PK_R_LIMIT, "more than %d cells in one row", PK_CSV_MAX_CELLS);
                error = PEKPPP_ELIMIT;
                goto done;
            }
            c = pk_realloc(csv->cells, cap * sizeof(*c));
            if (!c)
                goto oom;
            csv->cells = c;
            csv->ncap = cap;
        }
        /* Remember the offset; the scratch buffer may move as it grows. */
        cell.text = (const char *)(uintptr_t)start;
        csv->cells[n++] = cell;
        if (csv->pos < csv->len && csv->data[csv->pos] == csv->delim) {
            advance(csv);
            continue;
        }
        break;
    }
    /* End of the row: CRLF, LF, CR or the end of the data. */
    if (csv->pos < csv->len && csv->data[csv->pos] == '\r')
        advance(csv);
    if (csv->pos < csv->len && csv->data[csv->pos] == '\n')
        advance(csv);
    for (i = 0; i < n; i++)
        csv->cells[i].text = csv->scratch + (size_t)(uintptr_t)csv->cells[i].text;
    *cells = csv->cells;
    *count = n;
    return 1;
oom:
    pk_diag(rep, PEKPPP_ENOMEM, PEKPPP_SEV_ERROR, 0, 0, NULL, PK_R_OTHER, "out of memory");
    error = PEKPPP_ENOMEM;
done:
    return error;
}
