/**
 * @file pekppp/skm.h
 * @brief Survei Kepuasan Masyarakat (PermenPANRB 14/2017): respondent rows
 *        in, the IKM per unit out, scored by the same exact engine.
 *
 * The instrument is a rubric (`rubrics/skm-2017.yaml`): its indicators are
 * the unsur, each answered 1 to 4 by each respondent.  The NRR of an unsur
 * is the exact mean of its answers; the IKM is the weighted sum of the NRR
 * (weights exact, 1/9 each, unless a legacy decimal is asked for) and the
 * unit's IKM is that times the rubric's convert.factor (25), rounded once
 * and graded on the rubric's bands.
 */
#ifndef PEKPPP_SKM_H
#define PEKPPP_SKM_H

#include "common.h"
#include "error.h"
#include "report.h"
#include "rubric.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pekppp_skm pekppp_skm;

/** Options of pekppp_skm_read(). Initialise with ::PEKPPP_SKM_OPTIONS_INIT. */
typedef struct {
    unsigned version;        /**< ::PEKPPP_SKM_OPTIONS_VERSION */
    pekppp_diag_cb diag;     /**< every error and warning, or NULL */
    void *payload;           /**< passed to @p diag */
    /** The weight convention: 0 for the rubric's exact weights (1/9); else
     * every unsur weighs this decimal, scaled by 10^4 (1100 is 0.11, 1110 is
     * 0.111), unnormalised, as a legacy sheet computes it. */
    int64_t weight;
} pekppp_skm_options;

#define PEKPPP_SKM_OPTIONS_VERSION 1
#define PEKPPP_SKM_OPTIONS_INIT { PEKPPP_SKM_OPTIONS_VERSION, NULL, NULL, 0 }

/**
 * Read respondent rows (CSV, or an .xlsx workbook) from @p npaths files and
 * score every unit found (one per value of the unit column; the whole sheet
 * when there is none).
 * @return 0, or PEKPPP_EINVALID after every problem was reported (no result),
 *         PEKPPP_ENOTFOUND, PEKPPP_EIO, PEKPPP_ELIMIT, PEKPPP_ERANGE, PEKPPP_ENOMEM
 */
PEKPPP_EXTERN(int) pekppp_skm_read(pekppp_skm **out, const pekppp_rubric *r,
                                   const char *const *paths, size_t npaths,
                                   const pekppp_skm_options *opts, pekppp_error *err);

/** pekppp_skm_read() on @p len bytes in memory; @p name is used in error locations. */
PEKPPP_EXTERN(int) pekppp_skm_read_buffer(pekppp_skm **out, const pekppp_rubric *r,
                                          const char *data, size_t len, const char *name,
                                          const pekppp_skm_options *opts, pekppp_error *err);

/** The number of units. */
PEKPPP_EXTERN(size_t) pekppp_skm_unit_count(const pekppp_skm *s);

/**
 * Write the results: text, JSON, Markdown, HTML, or CSV (one row per unit);
 * a workbook is pekppp_skm_write_xlsx().
 * @return 0, PEKPPP_EINVALID for an unknown format, or the sink's error
 */
PEKPPP_EXTERN(int) pekppp_skm_write(pekppp_sink *sink, const pekppp_skm *s,
                                    pekppp_report_format format,
                                    const pekppp_report_options *opts);

/**
 * Write the results as an .xlsx workbook at @p path (replaced when it
 * exists; pekppp/workbook.h says how text and numbers become cells and how
 * opts->timestamp makes it reproducible): a summary with a chart of the
 * units per mutu, the IKM per unit (the columns of the CSV), the unsur of
 * every unit, the priority list, the respondent profiles and the receipt.
 * The sheets are in docs/formats.md ("SKM workbook").
 * @return 0, PEKPPP_EINVALID, PEKPPP_EIO (@p err says why), PEKPPP_ENOMEM
 */
PEKPPP_EXTERN(int) pekppp_skm_write_xlsx(const char *path, const pekppp_skm *s,
                                         const pekppp_report_options *opts, pekppp_error *err);

/** Free. Accepts NULL. */
PEKPPP_EXTERN(void) pekppp_skm_free(pekppp_skm *s);

#ifdef __cplusplus
}
#endif
#endif
