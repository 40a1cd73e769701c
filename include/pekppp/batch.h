/**
 * @file pekppp/batch.h
 * @brief Many units: CSV sheets in, rankings and group means out.
 *
 * A ::pekppp_sheet reads a sheet (FORMATS.md section 3): a CSV file or a sheet
 * of an .xlsx workbook (chosen with pekppp_assessment_options.sheet).  A wide
 * sheet (one unit per row) is read one row at a time, so memory does not grow
 * with the sheet; a long sheet (one row per unit x indicator) is read whole when
 * it opens and gives its units in the order of their first row; a fill-in
 * workbook gives its one unit.  A ::pekppp_batch keeps a small summary of each scored unit
 * (never the unit itself), then ranks the units, counts grades and computes
 * exact means overall and per group (SCORING.md, "Many units").
 */
#ifndef PEKPPP_BATCH_H
#define PEKPPP_BATCH_H

#include "common.h"
#include "error.h"
#include "rubric.h"
#include "assessment.h"
#include "score.h"
#include "report.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pekppp_sheet pekppp_sheet;

/**
 * Open a sheet held in memory (the data is copied; CSV or .xlsx, told apart by
 * the first bytes).  The header is checked at once: an unknown, repeated or
 * (without allow_incomplete) missing column is an error for the whole sheet,
 * as are a `sheet` option the workbook does not have (or any for a CSV file)
 * and a workbook none of whose sheets holds units.
 *
 * @param opts  `rubric` must be set; `allow_incomplete` and `diag` are used
 * @return 0, or PEKPPP_EPARSE, PEKPPP_EINVALID, PEKPPP_ELIMIT, PEKPPP_ENOMEM
 */
PEKPPP_EXTERN(int) pekppp_sheet_open_buffer(pekppp_sheet **out, const char *data, size_t len,
                                            const char *name,
                                            const pekppp_assessment_options *opts,
                                            pekppp_error *err);

/** As pekppp_sheet_open_buffer(), reading @p path. */
PEKPPP_EXTERN(int) pekppp_sheet_open_file(pekppp_sheet **out, const char *path,
                                          const pekppp_assessment_options *opts,
                                          pekppp_error *err);

/**
 * Read the next unit (a row of a wide sheet, a unit's rows of a long one).
 * @param[out] out  on 1, the unit; caller frees with pekppp_assessment_free()
 * @return 1 for a unit, 0 at the end, or a negative code for a bad row (its
 *         problems were reported; call again to go on with the next row)
 */
PEKPPP_EXTERN(int) pekppp_sheet_next(pekppp_sheet *sheet, pekppp_assessment **out,
                                     pekppp_error *err);

/**
 * Is @p sheet a fill-in workbook (`pekppp template -f xlsx`, read back)?  It then
 * holds exactly one unit, read when it opened: a front end may show it as a unit
 * file's, not as a batch.
 */
PEKPPP_EXTERN(int) pekppp_sheet_is_form(const pekppp_sheet *sheet);

/** Number of data rows read so far (blank lines not counted). */
PEKPPP_EXTERN(size_t) pekppp_sheet_rows(const pekppp_sheet *sheet);

PEKPPP_EXTERN(void) pekppp_sheet_free(pekppp_sheet *sheet);

typedef struct pekppp_batch pekppp_batch;

/** Group fields for means per group. */
enum {
    PEKPPP_GROUP_CATEGORY = 1 << 0,
    PEKPPP_GROUP_INSTITUTION = 1 << 1,
    PEKPPP_GROUP_MODE = 1 << 2
};

/**
 * Batch options. Initialise with ::PEKPPP_BATCH_OPTIONS_INIT or
 * pekppp_batch_options_init().
 *
 * Every function that takes these options checks `version`: 0 (a zeroed
 * struct) reads as 1, and a version newer than this library's is
 * PEKPPP_EINVALID ("... is newer than this library": the program was built
 * against a newer pekppp than the library it runs with).
 */
typedef struct {
    unsigned version;    /**< ::PEKPPP_BATCH_OPTIONS_VERSION */
    unsigned group_by;   /**< PEKPPP_GROUP_* bits */
    /** What the batch is about, for the HTML page's title (e.g. "Kabupaten
     * Pekalongan 2025"; copied), or NULL: then the institution and the
     * period the units share, else the rubric's title.  Version 2. */
    const char *title;
} pekppp_batch_options;

/* Version 2 added `title`. */
#define PEKPPP_BATCH_OPTIONS_VERSION 2
#define PEKPPP_BATCH_OPTIONS_INIT { PEKPPP_BATCH_OPTIONS_VERSION, PEKPPP_GROUP_CATEGORY, NULL }

/**
 * Fill @p opts with the defaults of struct version @p version (pass
 * ::PEKPPP_BATCH_OPTIONS_VERSION), as ::PEKPPP_BATCH_OPTIONS_INIT does.
 * @return 0, or PEKPPP_EINVALID (@p opts untouched) for NULL, version 0 or a
 *         version newer than this library
 */
PEKPPP_EXTERN(int) pekppp_batch_options_init(pekppp_batch_options *opts, unsigned version);

/**
 * Start an empty batch for units of rubric @p rubric (borrowed).
 * @return 0, PEKPPP_EINVALID for an options version newer than this library,
 *         or PEKPPP_ENOMEM
 */
PEKPPP_EXTERN(int) pekppp_batch_new(pekppp_batch **out, const pekppp_rubric *rubric,
                                    const pekppp_batch_options *opts);

/**
 * Add a scored unit's summary (copied; @p res may be freed afterwards).
 * @return 0, or PEKPPP_EINVALID for a unit id seen before or a unit of another
 *         rubric (@p err says which), PEKPPP_ERANGE, PEKPPP_ENOMEM
 */
PEKPPP_EXTERN(int) pekppp_batch_add(pekppp_batch *b, const pekppp_result *res, pekppp_error *err);

/** Record a unit that failed to load or score (copied). */
PEKPPP_EXTERN(int) pekppp_batch_add_failure(pekppp_batch *b, const pekppp_error *e);

/** The rubric the batch scores (borrowed). */
PEKPPP_EXTERN(const pekppp_rubric *) pekppp_batch_rubric(const pekppp_batch *b);

/** Number of units scored and failed so far. */
PEKPPP_EXTERN(size_t) pekppp_batch_scored(const pekppp_batch *b);
PEKPPP_EXTERN(size_t) pekppp_batch_failed(const pekppp_batch *b);

/**
 * Rank the units and compute the means; call once, after the last add.
 * @return 0, PEKPPP_ERANGE (an exact sum outgrew 128 bits), PEKPPP_ENOMEM
 */
PEKPPP_EXTERN(int) pekppp_batch_finish(pekppp_batch *b, pekppp_error *err);

/** Writes the `units` array's items (JSON); called by pekppp_batch_write. */
typedef int (*pekppp_units_cb)(pekppp_sink *sink, void *payload);

/**
 * Render a finished batch: text (ranking, summary, groups), JSON (FORMATS.md
 * section 5; @p units writes the unit objects, or NULL for none) or CSV (one
 * row per scored unit in ranking order, then one per failed unit, with a
 * `status` column: docs/formats.md, "CSV output").
 */
PEKPPP_EXTERN(int) pekppp_batch_write(pekppp_sink *sink, const pekppp_batch *b,
                                      pekppp_report_format format,
                                      const pekppp_report_options *opts, pekppp_units_cb units,
                                      void *payload);

/** The rounded mean index of the scored units (after pekppp_batch_finish;
 * units 0 when none was scored). */
PEKPPP_EXTERN(pekppp_fixed) pekppp_batch_mean(const pekppp_batch *b);

/**
 * Units whose rounded index is below @p threshold (compared exactly), in
 * ranking order: fills up to @p max ids, returns how many there are.
 */
PEKPPP_EXTERN(size_t) pekppp_batch_below(const pekppp_batch *b, pekppp_fixed threshold,
                                         const char **ids, size_t max);

PEKPPP_EXTERN(void) pekppp_batch_free(pekppp_batch *b);

#ifdef __cplusplus
}
#endif
#endif
