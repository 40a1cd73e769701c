/* Diagnostics with the source line and a caret; see diag_print.h. */
#include "diag_print.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli_msg.h"
#include "term.h"

/* Whether @p s (length @p len) is valid UTF-8 without control characters
 * other than tab: only such a line is echoed to the terminal. */
static int printable_utf8(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        size_t k;
        if (n == 0 || i + n > len || (c < 0x20 && c != '\t') || c == 0x7f)
            return 0;
        for (k = 1; k < n; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
        i += n;
    }
    return 1;
}

#define SOURCE_WINDOW 100 /* characters of a long line shown around the column */

/* The last file whose lines were echoed, per thread: a file with many
 * errors is read once, not once per error. */
typedef struct {
    char path[4096];
    time_t mtime;
    off_t size;
    char *data;
    size_t len;
    size_t *lines; /* offset of each line's start */
    size_t nlines;
} source_cache;

static _Thread_local source_cache cache;

void cli_source_cache_free(void)
{
    free(cache.data);
    free(cache.lines);
    memset(&cache, 0, sizeof(cache));
}

/* Line @p line of @p file (1-based) without its end of line, or NULL. */
static const char *source_line(const char *file, unsigned line, size_t *len)
{
    struct stat st;
    size_t start, end;
    /* Only a regular file can be read a second time: never reopen a FIFO. */
    if (stat(file, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > PEKPPP_MAX_FILE_SIZE)
        return NULL;
    if (!cache.data || strcmp(cache.path, file) != 0 || cache.mtime != st.st_mtime ||
        cache.size != st.st_size) {
        FILE *f;
        size_t i, n;
        cli_source_cache_free();
        if (strlen(file) >= sizeof(cache.path) || !(f = fopen(file, "rb")))
            return NULL;
        cache.data = malloc((size_t)st.st_size + 1);
        n = cache.data ? fread(cache.data, 1, (size_t)st.st_size, f) : 0;
        fclose(f);
        if (!cache.data || n != (size_t)st.st_size) {
            cli_source_cache_free();
            return NULL;
        }
        cache.len = n;
        for (i = 0, cache.nlines = 1; i < n; i++)
            cache.nlines += cache.data[i] == '\n';
        if (!(cache.lines = malloc(cache.nlines * sizeof(*cache.lines)))) {
            cli_source_cache_free();
            return NULL;
        }
        cache.lines[0] = 0;
        for (i = 0, cache.nlines = 1; i < n; i++)
            if (cache.data[i] == '\n')
                cache.lines[cache.nlines++] = i + 1;
        strcpy(cache.path, file);
        cache.mtime = st.st_mtime;
        cache.size = st.st_size;
    }
    if (line > cache.nlines)
        return NULL;
    start = cache.lines[line - 1];
    end = line < cache.nlines ? cache.lines[line] : cache.len;
    while (end > start && (cache.data[end - 1] == '\n' || cache.data[end - 1] == '\r'))
        end--;
    *len = end - start;
    return cache.data + start;
}

/* Print line @p line of @p file with a caret under column @p col.  A long
 * line is shown as a window around the column; a line that is not clean
 * UTF-8 text is not shown at all. */
static void print_source(pekppp_sink *out, const char *file, unsigned line, unsigned col)
{
    char buf[8192]; /* not static: workers format diagnostics at the same time */
    const char *text;
    unsigned c;
    size_t len, i, start = 0, end;
    if (!file[0] || line == 0 || !(text = source_line(file, line, &len)))
        return;
    if (len > sizeof(buf) - 1)
        len = sizeof(buf) - 1;
    memcpy(buf, text, len);
    buf[len] = '\0';
    if (len == sizeof(buf) - 1) /* cut inside a character: back off to its start */
        while (len > 0 && ((unsigned char)buf[len] & 0xC0) == 0x80)
            len--;
    buf[len] = '\0';
    if (len == 0 || !printable_utf8((const unsigned char *)buf, len))
        return;
    /* Byte offsets of the window [col - 60, col + 40) in characters. */
    for (i = 0, c = 1; i < len; i++) {
        if (((unsigned char)buf[i] & 0xC0) == 0x80)
            continue;
        if (c + 60 == col)
            start = i;
        c++;
    }
    for (end = start, c = 0; end < len; end++) {
        if (((unsigned char)buf[end] & 0xC0) != 0x80 && c++ == SOURCE_WINDOW)
            break;
    }
    {
        char head[64];
        snprintf(head, sizeof(head), " %5u | %s", line, start ? "..." : "");
        pekppp_sink_puts(out, head);
        pekppp_sink_write(out, buf + start, end - start);
        pekppp_sink_puts(out, end < len ? "...\n       | " : "\n       | ");
        pekppp_sink_puts(out, start ? "   " : "");
    }
    for (i = 0, c = 1; i < len && c < col; i++) {
        if (((unsigned char)buf[i] & 0xC0) == 0x80)
            continue;
        if (i >= start)
            pekppp_sink_write(out, buf[i] == '\t' ? "\t" : " ", 1);
        c++;
    }
    pekppp_sink_puts(out, "^\n");
}

void cli_format_diag(pekppp_sink *out, const pekppp_error *d)
{
    const char *sev = d->severity == PEKPPP_SEV_WARNING ? "warning" : "error";
    char head[800], where[700];
    if (d->line || d->file[0] || d->sheet[0]) {
        pekppp_error_location(d, 0, where, sizeof(where));
        snprintf(head, sizeof(head), "%s: %s: ", where, sev);
    } else {
        snprintf(head, sizeof(head), "pekppp: %s: ", sev);
    }
    pekppp_sink_puts(out, head);
    if (d->path[0]) {
        pekppp_sink_puts(out, d->path);
        pekppp_sink_puts(out, ": ");
    }
    pekppp_sink_puts(out, cli_diag_message(d));
    pekppp_sink_puts(out, "\n");
    if (!d->sheet[0]) /* a workbook has no source lines to show */
        print_source(out, d->file, d->line, d->column);
}

void cli_print_diag(const pekppp_error *d)
{
    pekppp_sink sink;
    pekppp_sink_init_buffer(&sink);
    cli_format_diag(&sink, d);
    if (!sink.error)
        cli_term_write(stderr, sink.data, sink.len);
    pekppp_sink_dispose(&sink);
}

void cli_diag_cb(const pekppp_error *d, void *payload)
{
    (void)payload;
    cli_print_diag(d);
}
