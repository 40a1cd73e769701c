/**
 * @file pekppp/text.h
 * @brief Text from input files made safe to show on a terminal.
 *
 * Names, ids, file names and messages that quote them come from files the
 * user may not have written.  Shown on a terminal as they are, a control
 * character can move the cursor, recolour or hide text (ESC, and CSI as the
 * one byte-pair U+009B), and a bidirectional override can make `4.25` read
 * as `52.4`.  pekppp_text_safe() is the one policy the library's text
 * reports use (report/escape.c), exported so that a front end cleans its
 * diagnostics and file names exactly the same way.
 *
 * Each of these becomes one `?`, everything else is kept byte for byte:
 * - C0 controls U+0000-U+001F (tab and line feed too: a cell is one line) and DEL U+007F;
 * - C1 controls U+0080-U+009F (including U+009B, the one-character CSI);
 * - bidirectional embeddings and overrides U+202A-U+202E and isolates U+2066-U+2069;
 * - line and paragraph separators U+2028, U+2029;
 * - every byte that does not begin a well-formed UTF-8 sequence (a stray
 *   continuation byte, an overlong form, a surrogate, above U+10FFFF, a
 *   sequence cut short), so the result is always valid UTF-8.
 */
#ifndef PEKPPP_TEXT_H
#define PEKPPP_TEXT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Clean @p s (NUL-terminated; NULL counts as "") for a terminal, as this
 * header describes, into @p out.
 *
 * @param[out] out  receives the cleaned text, NUL-terminated when @p size > 0,
 *                  cut at a character boundary when it does not fit (never
 *                  inside a UTF-8 sequence); may be NULL when @p size is 0
 * @param size      bytes at @p out
 * @param s         the text to clean
 * @return the length of the whole cleaned text, without the NUL (as snprintf:
 *         a result >= @p size means it was cut; call again with result + 1)
 */
PEKPPP_EXTERN(size_t) pekppp_text_safe(char *out, size_t size, const char *s);

#ifdef __cplusplus
}
#endif
#endif
