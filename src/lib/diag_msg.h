/* The diagnostics' Indonesian formats; see diag_msg.c. */
#ifndef PK_DIAG_MSG_H
#define PK_DIAG_MSG_H

#include <stdarg.h>
#include <stddef.h>

/* The Indonesian format of the English diagnostic format @p en, or NULL;
 * *phrase_args (may be NULL) gets which arguments are phrases to translate. */
const char *pk_diag_format_id(const char *en, unsigned *phrase_args);

/* Render @p fmt (an Indonesian format of the catalogue) with the arguments
 * of its English twin: like vsnprintf, but a %s whose bit is set in
 * @p phrase_args and holds a known English phrase is written in Indonesian.
 * Returns 0, or -1 (and "") for a conversion it does not support. */
int pk_diag_render_id(char *buf, size_t size, const char *fmt, unsigned phrase_args, va_list ap);

/* Whether every conversion of @p fmt is one pk_diag_render_id supports:
 * flags, width and precision (digits or '*'), l or z, and d i c u x X o s. */
int pk_diag_format_supported(const char *fmt);

/* The catalogue, for its tests: pair i's English and Indonesian formats. */
size_t pk_diag_msg_count(void);
const char *pk_diag_msg_en(size_t i);
const char *pk_diag_msg_id(size_t i);

#endif
