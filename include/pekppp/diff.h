/**
 * @file pekppp/diff.h
 * @brief What changed between two periods: per unit, aspect and indicator.
 *
 * Units are matched by id.  The change of the index is the exact difference
 * of the exact indices, rounded once (never the difference of the rounded
 * values); aspects are matched by id and indicators by id, so two rubric
 * versions can be compared, and a change of rubric is reported, not hidden.
 *
 * A unit that failed on one side is a failure of that side, listed as
 * such, never a unit "only on the other side".  pekppp_diff_add() and
 * pekppp_diff_add_json() record their own failures (and the `errors` a
 * batch file holds); a caller adds with pekppp_diff_add_failure() the
 * units that never reached them (a file that did not load, a unit that did
 * not score), and asks pekppp_diff_failed() whether the comparison is
 * whole.
 */
#ifndef PEKPPP_DIFF_H
#define PEKPPP_DIFF_H

#include "common.h"
#include "error.h"
#include "score.h"
#include "report.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pekppp_diff pekppp_diff;

/** The two sides of a comparison. */
typedef enum { PEKPPP_DIFF_OLD = 0, PEKPPP_DIFF_NEW = 1 } pekppp_diff_side;

PEKPPP_EXTERN(int) pekppp_diff_new(pekppp_diff **out);

/**
 * Add a scored unit to one side (what the comparison needs is copied).
 * A unit id already on that side is also recorded as a failure of the side.
 * @return 0, PEKPPP_EINVALID for a unit id already on that side, PEKPPP_ENOMEM
 */
PEKPPP_EXTERN(int) pekppp_diff_add(pekppp_diff *d, pekppp_diff_side side, const pekppp_result *res,
                                   pekppp_error *err);

/**
 * Add every unit of a result file (`pekppp score -f json`: one unit, or a
 * batch) to one side.  The file's `exact` fractions are used, so the
 * comparison is as exact as with unit files.  Every problem is also
 * recorded as a failure of the side (naming its unit when the unit's id
 * could be read), and so is each entry of a batch file's `errors`.
 * @p err holds the first problem.
 * @return 0, PEKPPP_EPARSE (not JSON), PEKPPP_EINVALID (not a result or
 *         batch, no exact values, a repeated unit), PEKPPP_ENOMEM
 */
PEKPPP_EXTERN(int) pekppp_diff_add_json(pekppp_diff *d, pekppp_diff_side side, const char *data,
                                        size_t len, const char *name, pekppp_error *err);

/**
 * Record that something on one side failed before it reached the diff
 * (a unit file that did not load or score): @p e's file, place and
 * messages are copied.  The side's units are then never called "only on"
 * it: the other side's unmatched units are listed as possibly in a failed
 * file.  Call before pekppp_diff_finish().
 * @return 0, PEKPPP_EINVALID (after finish, or NULL), PEKPPP_ENOMEM
 */
PEKPPP_EXTERN(int) pekppp_diff_add_failure(pekppp_diff *d, pekppp_diff_side side,
                                           const pekppp_error *e);

/** Number of failures recorded on both sides (0: the comparison is whole).
 * The CLI exits with 3 when it is not 0. */
PEKPPP_EXTERN(size_t) pekppp_diff_failed(const pekppp_diff *d);

/** Match the units; call once, after the last add (a second call does nothing).
 * @return 0, PEKPPP_ENOMEM */
PEKPPP_EXTERN(int) pekppp_diff_finish(pekppp_diff *d, pekppp_error *err);

/** Whether the two sides were scored with different rubrics (id or version). */
PEKPPP_EXTERN(int) pekppp_diff_rubric_changed(const pekppp_diff *d);

/** Render: text, JSON (FORMATS.md section 7) or CSV (one row per unit on
 * either side and per failure, with a `status`); every format lists the
 * failures. */
PEKPPP_EXTERN(int) pekppp_diff_write(pekppp_sink *sink, const pekppp_diff *d,
                                     pekppp_report_format format,
                                     const pekppp_report_options *opts);

PEKPPP_EXTERN(void) pekppp_diff_free(pekppp_diff *d);

#ifdef __cplusplus
}
#endif
#endif
