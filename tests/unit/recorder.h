/*
 * Shared by the unit tests of the internal loaders: a diagnostics callback
 * that keeps every record it is given, in order, for exact assertions.
 */
#ifndef TEST_RECORDER_H
#define TEST_RECORDER_H

#include "pekppp/error.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_SEEN 16

/* The first MAX_SEEN diagnostics, and how many came in all. */
typedef struct {
    pekppp_error seen[MAX_SEEN];
    int count;
} recorder;

static inline void record(const pekppp_error *d, void *payload)
{
    recorder *r = payload;
    if (r->count < MAX_SEEN)
        r->seen[r->count] = *d;
    r->count++;
}

#endif
