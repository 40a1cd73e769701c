/**
 * @file pekppp/workbook.h
 * @brief Excel workbooks (.xlsx): a batch or a unit for an analyst, a form for unit staff.
 *
 * Written with libxlsxwriter, which writes a file by name: every function
 * here takes the path of the file to create (replaced when it exists; write
 * to a temporary name and rename it for an atomic replace, as the CLI does).
 * The sheets and their columns are in docs/formats.md ("xlsx output",
 * "Fill-in workbook").  Sheet names and headers follow opts->lang.
 *
 * Text from an input (unit names, ids, notes, file names) is always written
 * as a string cell, never as a formula, whatever it starts with; numbers are
 * numeric cells holding the decimal text the other formats print.  With the
 * same inputs and opts->timestamp the file is the same byte for byte: the
 * document's creation time is opts->timestamp (ISO 8601 UTC,
 * "2025-01-31T08:00:00Z"; NULL: the current time) and the zip entries carry
 * a fixed date.
 *
 * Errors: PEKPPP_EINVALID for an options version newer than this library,
 * PEKPPP_EIO when the file cannot be written (@p err says why),
 * PEKPPP_ENOMEM.
 */
#ifndef PEKPPP_WORKBOOK_H
#define PEKPPP_WORKBOOK_H

#include "common.h"
#include "error.h"
#include "rubric.h"
#include "score.h"
#include "report.h"
#include "batch.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A batch workbook being gathered: the units' levels and recommendations
 * are written as the units are added, the ranking and summary at the end. */
typedef struct pekppp_workbook pekppp_workbook;

/**
 * Start the batch workbook for rubric @p r (borrowed) at @p path.  Nothing
 * is written to @p path before pekppp_batch_write_xlsx(); memory stays about
 * constant per unit (the sheets are kept in temporary files).
 */
PEKPPP_EXTERN(int) pekppp_workbook_new(pekppp_workbook **out, const char *path,
                                       const pekppp_rubric *r, const pekppp_report_options *opts,
                                       pekppp_error *err);

/**
 * Add one scored unit's indicator levels, recommendations and input hash,
 * in input order (call it with each result given to pekppp_batch_add(), in
 * the same order, so the workbook does not depend on how the units were
 * scored).  @p res may be freed afterwards.
 */
PEKPPP_EXTERN(int) pekppp_workbook_add_unit(pekppp_workbook *wb, const pekppp_result *res,
                                            pekppp_error *err);

/**
 * Write the finished batch @p b (after pekppp_batch_finish()) with what
 * @p wb gathered, and close the file: summary with a chart of the grades,
 * ranking, aspect scores, indicator levels, recommendations, failed units,
 * receipt.  Call once; then pekppp_workbook_free().
 */
PEKPPP_EXTERN(int) pekppp_batch_write_xlsx(pekppp_workbook *wb, const pekppp_batch *b,
                                           pekppp_error *err);

/** Free @p wb (NULL is fine).  Unless pekppp_batch_write_xlsx() ran, @p path
 * is left as it was: nothing was written there. */
PEKPPP_EXTERN(void) pekppp_workbook_free(pekppp_workbook *wb);

/**
 * One unit's result as a workbook at @p path: the batch workbook's sheets
 * for that one unit.  A what-if (opts->baseline) or a plan is not shown:
 * PEKPPP_EINVALID.
 */
PEKPPP_EXTERN(int) pekppp_report_write_xlsx(const char *path, const pekppp_result *res,
                                            const pekppp_report_options *opts, pekppp_error *err);

/**
 * The fill-in workbook for rubric @p r at @p path (docs/formats.md,
 * "Fill-in workbook"): instructions, identity, one row per indicator with a
 * level list, a survey sheet; the sheets are protected and only the cells
 * to fill are unlocked.
 */
PEKPPP_EXTERN(int) pekppp_template_write_xlsx(const char *path, const pekppp_rubric *r,
                                              const pekppp_report_options *opts,
                                              pekppp_error *err);

#ifdef __cplusplus
}
#endif
#endif
