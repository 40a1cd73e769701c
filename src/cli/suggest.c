/* "Did you mean"; see suggest.h. */
#include "suggest.h"

#include <string.h>

#define WORD_MAX 64 /* longer words get no hint: ids and commands are short */

/* The edit distance of @p a and @p b (optimal string alignment: a swap of
 * two neighbours is one edit), or WORD_MAX when either is too long. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i, j;
    size_t rows[3][WORD_MAX + 1];
    size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    if (la >= WORD_MAX || lb >= WORD_MAX)
        return WORD_MAX;
    for (j = 0; j <= lb; j++)
        prev[j] = j;
    for (i = 1; i <= la; i++) {
        size_t *t;
        cur[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] != b[j - 1], best = prev[j - 1] + cost;
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < best)
                best = prev2[j - 2] + 1;
            cur[j] = best;
        }
        t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb];
}

const char *cli_nearest(const char *word, const char *const *names, size_t n)
{
    const char *best = NULL;
    size_t best_d = WORD_MAX, i, limit = strlen(word) <= 4 ? 1 : 2;
    for (i = 0; i < n; i++) {
        size_t d;
        if (!names[i])
            continue;
        d = distance(word, names[i]);
        if (d < best_d) { /* the first of equally near names wins */
            best_d = d;
            best = names[i];
        }
    }
    return best && best_d <= limit ? best : NULL;
}
