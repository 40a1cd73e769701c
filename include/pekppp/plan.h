/**
 * @file pekppp/plan.h
 * @brief The fewest one-level steps that lift a unit to a target grade.
 *
 * The index is linear in the levels, and one step up on an indicator always
 * adds the same exact gain (see the recommendations), so the fewest steps
 * that reach the target are the steps with the largest gains, and among
 * plans of that size the same choice gives the highest index.  Ties go to
 * the indicator that comes first in the rubric.  The target is reached when
 * the ROUNDED index reaches the band's minimum.
 */
#ifndef PEKPPP_PLAN_H
#define PEKPPP_PLAN_H

#include "common.h"
#include "error.h"
#include "score.h"
#include "report.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pekppp_plan pekppp_plan;

/**
 * Plan options. Initialise with ::PEKPPP_PLAN_OPTIONS_INIT or
 * pekppp_plan_options_init().
 *
 * Every function that takes these options checks `version`: 0 (a zeroed
 * struct) reads as 1, and a version newer than this library's is
 * PEKPPP_EINVALID ("... is newer than this library": the program was built
 * against a newer pekppp than the library it runs with).
 */
typedef struct {
    unsigned version;            /**< ::PEKPPP_PLAN_OPTIONS_VERSION */
    int max_level_step;          /**< at most this many levels up per indicator; 0: no limit */
    const char *const *fixed;    /**< indicator ids kept as they are */
    size_t nfixed;
} pekppp_plan_options;

#define PEKPPP_PLAN_OPTIONS_VERSION 1
#define PEKPPP_PLAN_OPTIONS_INIT { PEKPPP_PLAN_OPTIONS_VERSION, 0, NULL, 0 }

/**
 * Fill @p opts with the defaults of struct version @p version (pass
 * ::PEKPPP_PLAN_OPTIONS_VERSION), as ::PEKPPP_PLAN_OPTIONS_INIT does.
 * @return 0, or PEKPPP_EINVALID (@p opts untouched) for NULL, version 0 or a
 *         version newer than this library
 */
PEKPPP_EXTERN(int) pekppp_plan_options_init(pekppp_plan_options *opts, unsigned version);

/**
 * Plan the way from a scored unit to the band of grade @p target.
 * When the target cannot be reached, the plan leads to the best reachable
 * grade and pekppp_plan_feasible() is false.
 *
 * @param[out] out  caller frees with pekppp_plan_free(); borrows @p res
 * @return 0, PEKPPP_EINVALID (no such grade, an unknown id in `fixed`, or an
 *         options version newer than this library), PEKPPP_ERANGE, PEKPPP_ENOMEM
 */
PEKPPP_EXTERN(int) pekppp_plan_make(pekppp_plan **out, const pekppp_result *res,
                                    const char *target, const pekppp_plan_options *opts,
                                    pekppp_error *err);

PEKPPP_EXTERN(void) pekppp_plan_free(pekppp_plan *plan);
PEKPPP_EXTERN(int) pekppp_plan_feasible(const pekppp_plan *plan);
/** Number of one-level steps. */
PEKPPP_EXTERN(size_t) pekppp_plan_step_count(const pekppp_plan *plan);
/** Step @p i: the indicator's position in the rubric and the levels. */
PEKPPP_EXTERN(int) pekppp_plan_step(const pekppp_plan *plan, size_t i, size_t *indicator,
                                    int *from, int *to);
/** The rounded index after every step. */
PEKPPP_EXTERN(pekppp_fixed) pekppp_plan_after(const pekppp_plan *plan);

/** Render a plan as text or JSON (FORMATS.md section 6). */
PEKPPP_EXTERN(int) pekppp_plan_write(pekppp_sink *sink, const pekppp_plan *plan,
                                     pekppp_report_format format,
                                     const pekppp_report_options *opts);

#ifdef __cplusplus
}
#endif
#endif
