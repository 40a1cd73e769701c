/*
 * The report's fixed words, in Indonesian and English.
 *
 * One table, indexed by message id and language; labels that come from the
 * rubric (aspect names, grades, band labels) are never translated here.
 */
#ifndef PK_MSG_H
#define PK_MSG_H

#include "pekppp/report.h"

typedef enum {
    M_UNIT, M_INSTITUTION, M_CATEGORY, M_PERIOD, M_RUBRIC, M_VERSION, M_ASSESSOR,
    M_INDEX, M_EVALUATOR, M_SURVEY, M_RESPONDENTS, M_WEIGHT_OF,
    M_ASPECT, M_WEIGHT, M_SCORE, M_CONTRIBUTION, M_LEFT_OUT,
    M_BELOW_MAX, M_ALL_MAX, M_RECOMMENDATIONS, M_MORE_RECS, M_NO_RECS, M_REACH_LEVEL,
    M_NOTES, M_FLAG_INCOMPLETE, M_FLAG_NA, M_FLAG_SURVEY_MISSING, M_FLAG_SURVEY_BELOW, M_FLAG_PROVISIONAL,
    M_SUPPLEMENTARY, M_NOT_ANSWERED, M_NA,
    M_RANKING, M_RANK, M_INDEX_SHORT, M_GRADE, M_SUMMARY, M_UNITS_COUNT, M_SCORED, M_FAILED_LOAD, M_MEAN, M_GRADES,
    M_BY_CATEGORY, M_BY_INSTITUTION, M_BY_MODE, M_FAILED, M_NO_UNITS,
    M_PLAN_TO, M_MIN_INDEX, M_NOW, M_AFTER, M_STEPS, M_ALREADY, M_INFEASIBLE, M_WHATIF,
    M_CHANGES, M_BEFORE, M_DELTA,
    M_DIFF_TITLE, M_OLD, M_NEW, M_RUBRIC_CHANGED, M_ONLY_OLD, M_ONLY_NEW, M_NO_CHANGE,
    M_INDICATORS, M_BEST, M_BELOW_BAND, M_EVIDENCE, M_STEP, M_GAIN,
    M_COUNT
} pk_msg_id;

const char *pk_msg(pekppp_lang lang, pk_msg_id id);

#endif
