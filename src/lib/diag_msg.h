/* The diagnostics' Indonesian formats; see diag_msg.c. */
#ifndef PK_DIAG_MSG_H
#define PK_DIAG_MSG_H

#include <stdarg.h>
#include <stddef.h>

/* The Indonesian format of the English diagnostic format @p en, or NULL. */
const char *pk_diag_format_id(const char *en);

/* Render @p fmt (an Indonesian format of the catalogue) with the arguments
 * of its English twin: like vsnprintf, but an unquoted %s holding a known
 * English phrase is written in Indonesian.  Always NUL-terminates. */
void pk_diag_render_id(char *buf, size_t size, const char *fmt, va_list ap);

/* The catalogue, for its tests: pair i's English and Indonesian formats. */
size_t pk_diag_msg_count(void);
const char *pk_diag_msg_en(size_t i);
const char *pk_diag_msg_id(size_t i);

#endif
