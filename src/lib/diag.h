/*
 * Collecting located problems while loading.
 *
 * A pk_report is the one place loaders send problems to: it passes each to the
 * caller's callback, keeps the first error in the caller's pekppp_error, and
 * counts errors and warnings.  Loaders report and keep going where they can,
 * so lint sees every problem in one run.
 */
#ifndef PK_DIAG_H
#define PK_DIAG_H

#include <stdarg.h>

#include "pekppp/error.h"

typedef struct {
    const char *file;
    const char *sheet;   /* a workbook's sheet: line is its row, col its column; NULL otherwise */
    pekppp_diag_cb cb;
    void *payload;
    pekppp_error *err;   /* first error, may be NULL */
    int errors;
    int warnings;
    int first_code;      /* code of the first error, 0 while none */
} pk_report;

/*
 * The lint checks (diag_rules.inc).  Every problem names its rule where it is
 * raised, so rewording a message never moves its published id; a misspelt
 * rule is a compile error.
 */
typedef enum {
#define PK_RULE(name, id, text) PK_R_##name,
#include "diag_rules.inc"
#undef PK_RULE
    PK_R_COUNT
} pk_rule;

/* pekppp_error_location() for a place kept in parts (batch and diff failures). */
size_t pk_location(const char *file, const char *sheet, unsigned line, unsigned col,
                   unsigned flags, char *buf, size_t n);

void pk_report_init(pk_report *r, const char *file, pekppp_diag_cb cb, void *payload,
                    pekppp_error *err);

/* Report one problem at line:col (1-based; 0 for none) with an optional path,
 * filed under @p rule (out of memory, PEKPPP_ENOMEM, is always PK_R_OTHER).
 * @p fmt is an English format; its Indonesian twin comes from the catalogue
 * (diag_msg_formats.inc). */
void pk_diag(pk_report *r, int code, pekppp_severity sev, unsigned line, unsigned col,
             const char *path, pk_rule rule, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 9)))
#endif
    ;

/* Report a problem whose text comes whole from elsewhere (a caller's
 * callback), in English and in Indonesian ("" when it has none), filed
 * under @p rule. */
void pk_diag_text(pk_report *r, int code, pekppp_severity sev, unsigned line, unsigned col,
                  const char *path, pk_rule rule, const char *en, const char *id);

/* The same with a va_list. */
void pk_diagv(pk_report *r, int code, pekppp_severity sev, unsigned line, unsigned col,
              const char *path, pk_rule rule, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 0)))
#endif
    ;

/*
 * Check the version of a caller's options struct: 0 when this library knows
 * @p version (0, a zeroed struct, reads as 1; up to @p max, the header's
 * PEKPPP_*_OPTIONS_VERSION), else PEKPPP_EINVALID, reported to @p r (may be
 * NULL) as "@p name version N is newer than this library": the program was
 * built against a newer pekppp than the one it runs with, and its struct may
 * hold fields this library would not read.
 */
int pk_options_check(pk_report *r, const char *name, unsigned version, unsigned max);

#endif
