/**
 * @file pekppp/assessment.h
 * @brief One unit's answers (FORMATS.md section 2), checked against its rubric.
 *
 * Loading parses the file once: it reads the `rubric:` id, asks the caller's
 * ::pekppp_rubric_resolve_cb for that rubric, then checks every answer against
 * it.  A ::pekppp_assessment keeps a borrowed pointer to the rubric: free the
 * assessment first.
 */
#ifndef PEKPPP_ASSESSMENT_H
#define PEKPPP_ASSESSMENT_H

#include <stdbool.h>
#include "common.h"
#include "error.h"
#include "rubric.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pekppp_assessment pekppp_assessment;

/**
 * Find the rubric an assessment names.
 *
 * @param[out] out  the rubric, borrowed: it must outlive the assessment
 * @param id        the `rubric:` value of the file
 * @param payload   the caller's pointer
 * @param[out] err  filled on failure (the loader adds the location)
 * @return 0, or a negative ::pekppp_error_code
 */
typedef int (*pekppp_rubric_resolve_cb)(const pekppp_rubric **out, const char *id, void *payload,
                                        pekppp_error *err);

/**
 * How an assessment (or a sheet of them) is loaded. Initialise with
 * ::PEKPPP_ASSESSMENT_OPTIONS_INIT or pekppp_assessment_options_init().
 *
 * Every function that takes these options checks `version`: 0 (a zeroed
 * struct) reads as 1, and a version newer than this library's is
 * PEKPPP_EINVALID ("... is newer than this library": the program was built
 * against a newer pekppp than the library it runs with).
 */
typedef struct {
    unsigned version;        /**< ::PEKPPP_ASSESSMENT_OPTIONS_VERSION */
    /** Use this rubric; its id must still match the file's `rubric:`. */
    const pekppp_rubric *rubric;
    /** Or find the rubric by id (used when @ref rubric is NULL). */
    pekppp_rubric_resolve_cb resolve;
    void *resolve_payload;
    /** Missing answers count as scale.min and mark the result incomplete. */
    bool allow_incomplete;
    pekppp_diag_cb diag;
    void *payload;
    /** Version 2: the sheet of a workbook to read (pekppp_sheet_open_file()); NULL picks
     *  the first sheet whose first row is a unit header.  A CSV file has no sheets: a
     *  name here is then an error.  Not read from a version 1 struct. */
    const char *sheet;
} pekppp_assessment_options;

/** 2 added `sheet`; a version 1 struct (without it) is still accepted. */
#define PEKPPP_ASSESSMENT_OPTIONS_VERSION 2
#define PEKPPP_ASSESSMENT_OPTIONS_INIT \
    { PEKPPP_ASSESSMENT_OPTIONS_VERSION, NULL, NULL, NULL, false, NULL, NULL, NULL }

/**
 * Fill @p opts with the defaults of struct version @p version (pass
 * ::PEKPPP_ASSESSMENT_OPTIONS_VERSION), as ::PEKPPP_ASSESSMENT_OPTIONS_INIT does.
 * @return 0, or PEKPPP_EINVALID (@p opts untouched) for NULL, version 0 or a
 *         version newer than this library
 */
PEKPPP_EXTERN(int) pekppp_assessment_options_init(pekppp_assessment_options *opts,
                                                  unsigned version);

/**
 * Load a unit file (YAML or JSON) and check it against its rubric.
 *
 * @param[out] out  caller frees with pekppp_assessment_free()
 * @return 0, or PEKPPP_ENOTFOUND, PEKPPP_EIO, PEKPPP_EPARSE, PEKPPP_EINVALID,
 *         PEKPPP_ELIMIT, PEKPPP_ERANGE, PEKPPP_ENOMEM
 */
PEKPPP_EXTERN(int) pekppp_assessment_load_file(pekppp_assessment **out, const char *path,
                                               const pekppp_assessment_options *opts,
                                               pekppp_error *err);

/** As pekppp_assessment_load_file(), from memory; @p name labels locations. */
PEKPPP_EXTERN(int) pekppp_assessment_load_buffer(pekppp_assessment **out, const char *data,
                                                 size_t len, const char *name,
                                                 const pekppp_assessment_options *opts,
                                                 pekppp_error *err);

/** Free an assessment. Accepts NULL. */
PEKPPP_EXTERN(void) pekppp_assessment_free(pekppp_assessment *a);

PEKPPP_EXTERN(const pekppp_rubric *) pekppp_assessment_rubric(const pekppp_assessment *a);
PEKPPP_EXTERN(const char *) pekppp_assessment_unit_id(const pekppp_assessment *a);
PEKPPP_EXTERN(const char *) pekppp_assessment_unit_name(const pekppp_assessment *a);

/** Answer marker for ::pekppp_assessment_level: not answered. */
#define PEKPPP_LEVEL_MISSING (-1000)
/** Answer marker for ::pekppp_assessment_level: answered "na". */
#define PEKPPP_LEVEL_NA (-1001)

/** The answer for scored indicator @p i: a level, or a PEKPPP_LEVEL_ marker. */
PEKPPP_EXTERN(int) pekppp_assessment_level(const pekppp_assessment *a, size_t i);

/**
 * Replace the answer of scored indicator @p i (what-if scoring).  Filling the
 * last unanswered indicator of a unit read with incomplete answers allowed
 * makes it complete (its result no longer carries the incomplete flag).
 * @return 0, or PEKPPP_EINVALID for a level outside the scale or a disallowed na
 */
PEKPPP_EXTERN(int) pekppp_assessment_set_level(pekppp_assessment *a, size_t i, int level);

#ifdef __cplusplus
}
#endif
#endif
