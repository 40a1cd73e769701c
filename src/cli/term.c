/* Writing to the terminal; see term.h. */
#include "term.h"

#include <stdlib.h>
#include <string.h>

#include "cli_msg.h"
#include "exitcode.h"

void cli_term_write(FILE *to, const char *data, size_t len)
{
    if (len > 0)
        fwrite(data, 1, len, to);
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
