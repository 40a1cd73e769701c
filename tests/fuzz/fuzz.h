/*
 * Shared by the fuzz harnesses: the entry point's prototype, a silent check
 * that aborts (so libFuzzer and the replay driver both report it as a crash),
 * and a diagnostics callback that checks every record it is given.
 */
#ifndef PEKPPP_FUZZ_H
#define PEKPPP_FUZZ_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pekppp/error.h"
#include "pekppp/report.h"
#include "pekppp/rubric.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Harnesses never print: a broken invariant is an abort, located by the stack. */
#define FUZZ_CHECK(cond)     \
    do {                     \
        if (!(cond))         \
            abort();         \
    } while (0)

/* Every diagnostic is a located, NUL-terminated, non-empty record. */
static inline void fuzz_check_error(const pekppp_error *e)
{
    FUZZ_CHECK(e->code <= 0 && e->code >= PEKPPP_ERANGE);
    FUZZ_CHECK(e->severity == PEKPPP_SEV_ERROR || e->severity == PEKPPP_SEV_WARNING);
    FUZZ_CHECK(memchr(e->file, '\0', sizeof(e->file)) != NULL);
    FUZZ_CHECK(memchr(e->path, '\0', sizeof(e->path)) != NULL);
    FUZZ_CHECK(memchr(e->message, '\0', sizeof(e->message)) != NULL);
    FUZZ_CHECK(memchr(e->rule, '\0', sizeof(e->rule)) != NULL);
}

static inline void fuzz_diag(const pekppp_error *diag, void *payload)
{
    fuzz_check_error(diag);
    FUZZ_CHECK(diag->message[0] != '\0');
    FUZZ_CHECK(diag->rule[0] != '\0');
    if (diag->severity == PEKPPP_SEV_ERROR)
        FUZZ_CHECK(diag->code < 0);
    ++*(unsigned long *)payload;
}

/* A failed call returns the code of the first error it reported through the
 * callback (@p diags of them), which @p err holds. */
static inline void fuzz_check_failure(int rc, const pekppp_error *err, unsigned long diags)
{
    FUZZ_CHECK(rc < 0 && rc >= PEKPPP_ERANGE);
    FUZZ_CHECK(rc == err->code);
    FUZZ_CHECK(err->severity == PEKPPP_SEV_ERROR);
    FUZZ_CHECK(diags >= 1);
    fuzz_check_error(err);
}

/* A report rendered into a buffer sink: it must succeed and be one C string. */
static inline void fuzz_check_sink(const pekppp_sink *sink, int rc)
{
    FUZZ_CHECK(rc == 0);
    FUZZ_CHECK(sink->error == 0);
    FUZZ_CHECK(sink->data != NULL && sink->data[sink->len] == '\0');
}

#ifdef PEKPPP_FUZZ_RUBRIC
/* The shipped rubric (PEKPPP_FUZZ_RUBRIC, a path set by the build), loaded
 * once and freed at exit, for the harnesses that score units against it. */
static pekppp_rubric *fuzz_shipped;

static void fuzz_free_shipped(void)
{
    pekppp_rubric_free(fuzz_shipped);
    fuzz_shipped = NULL;
}

static inline const pekppp_rubric *fuzz_shipped_rubric(void)
{
    if (!fuzz_shipped) {
        FUZZ_CHECK(pekppp_rubric_load_file(&fuzz_shipped, PEKPPP_FUZZ_RUBRIC, NULL, NULL) == 0);
        atexit(fuzz_free_shipped);
    }
    return fuzz_shipped;
}
#endif

#endif
