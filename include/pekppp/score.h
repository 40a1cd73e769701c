/**
 * @file pekppp/score.h
 * @brief Scoring one unit exactly (SCORING.md), and the result it gives.
 *
 * The scorer is pure: no I/O, no globals, no floating point.  All sums are
 * exact rationals; only the printed values are rounded, half-up, once.  A
 * rounded value is handed out, and a threshold taken, as a ::pekppp_fixed.
 */
#ifndef PEKPPP_SCORE_H
#define PEKPPP_SCORE_H

#include <stdbool.h>
#include "common.h"
#include "error.h"
#include "rubric.h"
#include "assessment.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pekppp_result pekppp_result;

/** Result flags (bit set). */
enum {
    PEKPPP_FLAG_INCOMPLETE = 1 << 0,          /**< missing answers counted as scale.min */
    PEKPPP_FLAG_NA_RENORMALISED = 1 << 1,     /**< some indicator answered "na" */
    PEKPPP_FLAG_SURVEY_MISSING = 1 << 2,      /**< the rubric combines a survey; none given */
    PEKPPP_FLAG_SURVEY_BELOW_MIN = 1 << 3,    /**< too few respondents: survey left out */
    PEKPPP_FLAG_PROVISIONAL_RUBRIC = 1 << 4   /**< the rubric says it is provisional */
};

/**
 * Score one unit.
 *
 * @param[out] out  caller frees with pekppp_result_free()
 * @param a         the unit, checked against its rubric
 * @param[out] err  filled on failure
 * @return 0, or PEKPPP_ERANGE (an exact value outgrew 128 bits), PEKPPP_ENOMEM
 */
PEKPPP_EXTERN(int) pekppp_score(pekppp_result **out, const pekppp_assessment *a, pekppp_error *err);

/** Free a result. Accepts NULL. */
PEKPPP_EXTERN(void) pekppp_result_free(pekppp_result *res);

/** The rounded index. */
PEKPPP_EXTERN(pekppp_fixed) pekppp_result_index(const pekppp_result *res);
/** The band of the rounded index (borrowed from the rubric). */
PEKPPP_EXTERN(const pekppp_band *) pekppp_result_band(const pekppp_result *res);
/** The ::PEKPPP_FLAG_INCOMPLETE ... bits. */
PEKPPP_EXTERN(unsigned) pekppp_result_flags(const pekppp_result *res);
PEKPPP_EXTERN(const pekppp_assessment *) pekppp_result_assessment(const pekppp_result *res);

/**
 * Compare the exact (unrounded) index with @p threshold, exactly.
 * @return -1, 0 or 1 as the index is below, equal to or above it, or
 *         PEKPPP_EINVALID for a threshold whose decimals are outside 0..18
 */
PEKPPP_EXTERN(int) pekppp_result_compare_index(const pekppp_result *res, pekppp_fixed threshold);

/**
 * Compare two fixed decimals exactly (4.4 with 2 decimals equals 4.400).
 * @return -1, 0 or 1 as @p a is below, equal to or above @p b, or
 *         PEKPPP_EINVALID when either has decimals outside 0..18
 */
PEKPPP_EXTERN(int) pekppp_fixed_compare(pekppp_fixed a, pekppp_fixed b);

/**
 * Format a fixed decimal as text ("4.40", "-0.05") without floating point.
 * @return the length written (excluding NUL), or -1 if @p size is too small
 */
PEKPPP_EXTERN(int) pekppp_fixed_format(char *buf, size_t size, pekppp_fixed v);

#ifdef __cplusplus
}
#endif
#endif
