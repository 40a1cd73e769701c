/*
 * Writing to the terminal.  Every message, diagnostic and help text the CLI
 * prints goes through cli_term_write, so that what reaches a terminal is
 * decided in one place; reports and other outputs go through output.h.
 */
#ifndef CLI_TERM_H
#define CLI_TERM_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "pekppp.h"

#if defined(__GNUC__)
#define CLI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CLI_PRINTF(f, a)
#endif

/* Write text to @p to (stdout or stderr): the one way text reaches the
 * terminal.  Errors are left in the stream (main checks stdout at exit). */
void cli_term_write(FILE *to, const char *data, size_t len);
/* The same policy into a sink, for texts the CLI composes itself (the rubric guide and
 * list, lint's annotations): each line cleaned by pekppp_text_safe, line ends kept. */
void cli_sink_safe(pekppp_sink *out, const char *data, size_t len);
/* The same for a string and for formatted text. */
void cli_term_puts(FILE *to, const char *s);
void cli_term_vprintf(FILE *to, const char *fmt, va_list ap);
void cli_term_printf(FILE *to, const char *fmt, ...) CLI_PRINTF(2, 3);
/* Terminal control meant as such (the progress bar's "\r" and erase-line):
 * written to stderr as it is. */
void cli_term_control(const char *data, size_t len);

/* Print "pekppp: <msg>" and a new line to stderr. */
void cli_fail(const char *fmt, ...) CLI_PRINTF(1, 2);
/* A usage error of command @p cmd: print @p msg and where help is; returns 2. */
int cli_usage(int lang, const char *cmd, const char *msg);

#endif
