/*
 * "Did you mean": the nearest of a list of names to a mistyped word, for
 * commands and --set ids.  (The library's own hint for unit files is
 * internal to it; this is the front end's, with the same reach.)
 */
#ifndef CLI_SUGGEST_H
#define CLI_SUGGEST_H

#include <stddef.h>

/* The name among @p names (@p n of them; NULL entries skipped) nearest to
 * @p word, counting an insertion, a deletion, a substitution or a swap of
 * two neighbours as one edit; NULL when even the nearest needs more than 1
 * edit (words of up to 4 bytes) or 2 (longer words).  Of equally near
 * names, the first. */
const char *cli_nearest(const char *word, const char *const *names, size_t n);

#endif
