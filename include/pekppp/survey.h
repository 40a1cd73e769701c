/**
 * @file pekppp/survey.h
 * @brief F-03 survey answers read from the respondent sheet they are
 *        collected in (one row per respondent, many units in one sheet),
 *        joined to the units by id (`pekppp score --survey`).
 *
 * The sheet (CSV or .xlsx) has a `unit_id` column
 * and one column per survey item of the rubric, named by its id (`S01`) or
 * its text; each answer is a level on the rubric's scale (blank: not
 * answered).  docs/formats.md, section SKM, "respondent rows".
 */
#ifndef PEKPPP_SURVEY_H
#define PEKPPP_SURVEY_H

#include "common.h"
#include "error.h"
#include "assessment.h"
#include "rubric.h"
#include "report.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pekppp_survey_sheet pekppp_survey_sheet;

/**
 * Read the survey sheet @p path for rubric @p r (which must have survey items).
 * @return 0, or PEKPPP_EINVALID after every problem was reported to
 *         @p opts->diag, PEKPPP_ENOTFOUND, PEKPPP_EIO, PEKPPP_ELIMIT, PEKPPP_ENOMEM
 */
PEKPPP_EXTERN(int) pekppp_survey_sheet_read(pekppp_survey_sheet **out, const pekppp_rubric *r,
                                            const char *path, const pekppp_load_options *opts,
                                            pekppp_error *err);

/**
 * Give @p a the sheet's responses for its unit id, as if the unit file had
 * listed them under `survey.responses`.  Safe to call from several threads
 * on different assessments.
 * @return 1 when responses were given, 0 when the sheet has none for the
 *         unit, PEKPPP_EINVALID when the unit already has a survey of its
 *         own or is of another rubric (reported in @p err), PEKPPP_ENOMEM
 */
PEKPPP_EXTERN(int) pekppp_survey_sheet_apply(pekppp_survey_sheet *s, pekppp_assessment *a,
                                             pekppp_error *err);

/**
 * Report, through @p cb, every unit of the sheet that no assessment took
 * (an unknown unit id), as an error at its first row.
 * @return how many
 */
PEKPPP_EXTERN(size_t) pekppp_survey_sheet_report_unused(const pekppp_survey_sheet *s,
                                                        pekppp_diag_cb cb, void *payload);

/**
 * Write the blank respondent sheet of @p r as a CSV header row (in
 * @p opts->csv_dialect): `unit_id`, then one column per survey item named
 * "S01. text"; for a rubric without survey items (an SKM instrument), one
 * per indicator named "U1. question".  The reader accepts it as it is.
 * @return 0, PEKPPP_EINVALID for a newer options version, or the sink's error
 */
PEKPPP_EXTERN(int) pekppp_survey_sheet_template(pekppp_sink *sink, const pekppp_rubric *r,
                                                const pekppp_report_options *opts);

/**
 * The same blank respondent sheet as an .xlsx workbook at @p path (as
 * pekppp/workbook.h writes files): one sheet (`Responden`, `Respondents`
 * with --lang en) with the same header row, and each answer column taking
 * only a whole number on the rubric's scale for 1000 rows, its input
 * message the item's text (for an SKM unsur, its answer labels).
 * @return 0, PEKPPP_EINVALID, PEKPPP_EIO (@p err says why), PEKPPP_ENOMEM
 */
PEKPPP_EXTERN(int) pekppp_survey_sheet_template_xlsx(const char *path, const pekppp_rubric *r,
                                                     const pekppp_report_options *opts,
                                                     pekppp_error *err);

/** Free. Accepts NULL. */
PEKPPP_EXTERN(void) pekppp_survey_sheet_free(pekppp_survey_sheet *s);

#ifdef __cplusplus
}
#endif
#endif
