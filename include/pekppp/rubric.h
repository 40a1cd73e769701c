/**
 * @file pekppp/rubric.h
 * @brief The rubric: aspects, indicators, weights, bands (FORMATS.md section 1).
 *
 * A ::pekppp_rubric is opaque and immutable once loaded; everything it hands
 * out is borrowed and valid until pekppp_rubric_free().  Band minimums are
 * rounded numbers, given as a ::pekppp_fixed like every rounded number of the
 * API; weights are exact decimals, given here as integers scaled by 10^4
 * (`24` is 240000, `4.5` is 45000).
 */
#ifndef PEKPPP_RUBRIC_H
#define PEKPPP_RUBRIC_H

#include <stdbool.h>
#include "common.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Scale of the rubric's weights: value = scaled / 10^4. */
#define PEKPPP_DEC_SCALE 10000

typedef struct pekppp_rubric pekppp_rubric;

/** A grade band. */
typedef struct {
    const char *grade;   /**< "A-" */
    const char *label;   /**< "Sangat Baik" */
    pekppp_fixed min;    /**< lowest rounded index in the band (4.51: units 45100, decimals 4) */
} pekppp_band;

/** A scored indicator. */
typedef struct {
    const char *id;          /**< "1.a.Ak" */
    const char *name;
    int64_t weight;          /**< percent within the aspect, scaled by 10^4 */
    size_t aspect;           /**< index of its aspect */
    const char *const *levels; /**< scale.max - scale.min + 1 texts */
    bool na_allowed;
    const char *const *evidence; /**< bukti dukung, `evidence_count` texts */
    size_t evidence_count;
    const char *const *advice;   /**< per level offset, NULL where none */
    const char *ref;         /**< or NULL */
} pekppp_indicator;

/** An aspect. Its indicators are `first .. first + count - 1`. */
typedef struct {
    const char *id;
    const char *code;        /**< display code, or NULL */
    const char *name;
    int64_t weight;          /**< percent of the evaluator score, scaled by 10^4 */
    size_t first;
    size_t count;
} pekppp_aspect;

/** A supplementary (never scored) indicator. */
typedef struct {
    const char *id;
    const char *name;
    const char *const *levels;
} pekppp_supplement;

/** A survey item (form F-03). */
typedef struct {
    const char *id;
    size_t aspect;
    const char *text;
} pekppp_survey_item;

/**
 * How rubric loading behaves. Initialise with ::PEKPPP_LOAD_OPTIONS_INIT or
 * pekppp_load_options_init().
 *
 * Every function that takes these options checks `version`: 0 (a zeroed
 * struct) reads as 1, and a version newer than this library's is
 * PEKPPP_EINVALID ("... is newer than this library": the program was built
 * against a newer pekppp than the library it runs with).
 */
typedef struct {
    unsigned version;        /**< ::PEKPPP_LOAD_OPTIONS_VERSION */
    pekppp_diag_cb diag;     /**< every error and warning, or NULL */
    void *payload;           /**< passed to @p diag */
} pekppp_load_options;

#define PEKPPP_LOAD_OPTIONS_VERSION 1
#define PEKPPP_LOAD_OPTIONS_INIT { PEKPPP_LOAD_OPTIONS_VERSION, NULL, NULL }

/**
 * Fill @p opts with the defaults of struct version @p version (pass
 * ::PEKPPP_LOAD_OPTIONS_VERSION), as ::PEKPPP_LOAD_OPTIONS_INIT does.
 * @return 0, or PEKPPP_EINVALID (@p opts untouched) for NULL, version 0 or a
 *         version newer than this library
 */
PEKPPP_EXTERN(int) pekppp_load_options_init(pekppp_load_options *opts, unsigned version);

/**
 * Load and validate a rubric from a file.
 *
 * @param[out] out  the rubric on success; caller frees with pekppp_rubric_free()
 * @param path      file to read
 * @param opts      options, or NULL for defaults
 * @param[out] err  the first error, or NULL
 * @return 0, or PEKPPP_ENOTFOUND, PEKPPP_EIO, PEKPPP_EPARSE, PEKPPP_EINVALID,
 *         PEKPPP_ELIMIT, PEKPPP_ENOMEM
 */
PEKPPP_EXTERN(int) pekppp_rubric_load_file(pekppp_rubric **out, const char *path,
                                           const pekppp_load_options *opts, pekppp_error *err);

/**
 * Load and validate a rubric from memory. @p name is used in error locations.
 * Same contract as pekppp_rubric_load_file().
 */
PEKPPP_EXTERN(int) pekppp_rubric_load_buffer(pekppp_rubric **out, const char *data, size_t len,
                                             const char *name, const pekppp_load_options *opts,
                                             pekppp_error *err);

/** Free a rubric. Accepts NULL. */
PEKPPP_EXTERN(void) pekppp_rubric_free(pekppp_rubric *rubric);

PEKPPP_EXTERN(const char *) pekppp_rubric_id(const pekppp_rubric *r);
PEKPPP_EXTERN(const char *) pekppp_rubric_version(const pekppp_rubric *r);
PEKPPP_EXTERN(const char *) pekppp_rubric_title(const pekppp_rubric *r);
/** SHA-256 of the file's bytes, 64 lower-case hex digits. */
PEKPPP_EXTERN(const char *) pekppp_rubric_sha256(const pekppp_rubric *r);
PEKPPP_EXTERN(int) pekppp_rubric_scale_min(const pekppp_rubric *r);
PEKPPP_EXTERN(int) pekppp_rubric_scale_max(const pekppp_rubric *r);
PEKPPP_EXTERN(int) pekppp_rubric_decimals(const pekppp_rubric *r);

PEKPPP_EXTERN(size_t) pekppp_rubric_aspect_count(const pekppp_rubric *r);
PEKPPP_EXTERN(const pekppp_aspect *) pekppp_rubric_aspect(const pekppp_rubric *r, size_t i);
PEKPPP_EXTERN(size_t) pekppp_rubric_indicator_count(const pekppp_rubric *r);
PEKPPP_EXTERN(const pekppp_indicator *) pekppp_rubric_indicator(const pekppp_rubric *r, size_t i);
PEKPPP_EXTERN(size_t) pekppp_rubric_band_count(const pekppp_rubric *r);
PEKPPP_EXTERN(const pekppp_band *) pekppp_rubric_band(const pekppp_rubric *r, size_t i);
PEKPPP_EXTERN(size_t) pekppp_rubric_supplement_count(const pekppp_rubric *r);
PEKPPP_EXTERN(const pekppp_supplement *) pekppp_rubric_supplement(const pekppp_rubric *r, size_t i);
PEKPPP_EXTERN(size_t) pekppp_rubric_survey_item_count(const pekppp_rubric *r);
PEKPPP_EXTERN(const pekppp_survey_item *) pekppp_rubric_survey_item(const pekppp_rubric *r, size_t i);

/**
 * The exact weight of scored indicator @p i as text: under `weighting:` the
 * fraction or decimal of weighting.total ("1/9"), else the percent ("17").
 * @return the length written, or -1 (no such indicator, or @p size too small)
 */
PEKPPP_EXTERN(int) pekppp_rubric_indicator_weight_text(const pekppp_rubric *r, size_t i, char *buf,
                                                       size_t size);
/** The question text of scored indicator @p i (`question:`), or NULL. */
PEKPPP_EXTERN(const char *) pekppp_rubric_indicator_question(const pekppp_rubric *r, size_t i);
/** convert.factor scaled by 10^4 (25 is 250000), or 0 when the rubric has none. */
PEKPPP_EXTERN(int64_t) pekppp_rubric_convert_factor(const pekppp_rubric *r);
/** The survey's minimum number of respondents (0 without a survey section). */
PEKPPP_EXTERN(long) pekppp_rubric_min_respondents(const pekppp_rubric *r);
/**
 * The combine percents, scaled by 10^4: the evaluator's and the survey's.
 * @return whether the rubric combines a survey (combine.survey > 0)
 */
PEKPPP_EXTERN(bool) pekppp_rubric_combine(const pekppp_rubric *r, int64_t *evaluator,
                                          int64_t *survey);

/**
 * Find the band of a rounded index (e.g. pekppp_result_index()): the first
 * band whose minimum it reaches, compared exactly.
 * @return the band (borrowed), or NULL for an index below every band (or
 *         with decimals outside 0..18)
 */
PEKPPP_EXTERN(const pekppp_band *) pekppp_rubric_band_for(const pekppp_rubric *r,
                                                          pekppp_fixed rounded);

/**
 * Find a scored indicator by id.
 * @return its position, or -1 when there is none
 */
PEKPPP_EXTERN(long) pekppp_rubric_find_indicator(const pekppp_rubric *r, const char *id);

#ifdef __cplusplus
}
#endif
#endif
