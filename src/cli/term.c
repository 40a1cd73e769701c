/* Writing to the terminal; see term.h. */
#include "term.h"

#include <stdlib.h>
#include <string.h>

#include "pekppp/text.h"

#include "cli_msg.h"
#include "exitcode.h"

/* Every line goes through pekppp_text_safe, the library's one terminal policy: a control
 * character, a bidi override or a byte that is not UTF-8 from an input (a file name, a
 * quoted value, an echoed source line) is shown as '?', never obeyed.  Line ends are kept. */
void cli_sink_safe(pekppp_sink *out, const char *data, size_t len)
{
    char line[1024], small[1024];
    size_t start = 0, i;
    for (i = 0; i <= len; i++) {
        size_t n, need;
        char *part, *big = NULL, *clean = small;
        if (i < len && data[i] != '\n')
            continue;
        n = i - start;
        if ((part = n < sizeof(line) ? line : (big = malloc(n + 1))) != NULL) {
            memcpy(part, data + start, n);
            part[n] = '\0';
            need = pekppp_text_safe(small, sizeof(small), part);
            if (need >= sizeof(small) && (clean = malloc(need + 1)) != NULL)
                pekppp_text_safe(clean, need + 1, part);
            if (clean)
                pekppp_sink_write(out, clean, need);
            if (clean != small)
                free(clean);
        }
        if (!part || !clean)
            pekppp_sink_write(out, "?", 1); /* out of memory: never the raw bytes */
        free(big);
        if (i < len)
            pekppp_sink_write(out, "\n", 1);
        start = i + 1;
    }
}

void cli_term_write(FILE *to, const char *data, size_t len)
{
    pekppp_sink sink;
    pekppp_sink_init_file(&sink, to);
    cli_sink_safe(&sink, data, len);
    pekppp_sink_flush(&sink);
    pekppp_sink_dispose(&sink);
}

void cli_term_puts(FILE *to, const char *s)
{
    cli_term_write(to, s, strlen(s));
}

void cli_term_vprintf(FILE *to, const char *fmt, va_list ap)
{
    char small[1024], *big = NULL;
    va_list copy;
    int n;
    va_copy(copy, ap);
    n = vsnprintf(small, sizeof(small), fmt, ap);
    if (n < 0) {
        va_end(copy);
        return;
    }
    if ((size_t)n < sizeof(small)) {
        cli_term_write(to, small, (size_t)n);
    } else if ((big = malloc((size_t)n + 1)) != NULL) {
        vsnprintf(big, (size_t)n + 1, fmt, copy);
        cli_term_write(to, big, (size_t)n);
        free(big);
    }
    va_end(copy);
}

void cli_term_printf(FILE *to, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cli_term_vprintf(to, fmt, ap);
    va_end(ap);
}

void cli_term_control(const char *data, size_t len)
{
    fwrite(data, 1, len, stderr);
    fflush(stderr);
}

void cli_fail(const char *fmt, ...)
{
    va_list ap;
    cli_term_puts(stderr, "pekppp: ");
    va_start(ap, fmt);
    cli_term_vprintf(stderr, fmt, ap);
    va_end(ap);
    cli_term_puts(stderr, "\n");
}

int cli_usage(int lang, const char *cmd, const char *msg)
{
    cli_fail("%s", msg);
    cli_term_printf(stderr, cli_msg(lang, CM_TRY_HELP), cmd);
    cli_term_puts(stderr, "\n");
    return CLI_EXIT_USAGE;
}
