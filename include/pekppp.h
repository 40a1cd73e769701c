/**
 * @file pekppp.h
 * @brief The umbrella header of libpekppp: include this one.
 *
 * libpekppp scores the PEKPPP public-service evaluation (PermenPANRB 29/2022)
 * exactly: rubric -> assessment -> score -> report.
 */
#ifndef PEKPPP_H
#define PEKPPP_H

#include "pekppp/common.h"
#include "pekppp/error.h"
#include "pekppp/rubric.h"
#include "pekppp/assessment.h"
#include "pekppp/score.h"
#include "pekppp/report.h"
#include "pekppp/detect.h"
#include "pekppp/batch.h"
#include "pekppp/template.h"
#include "pekppp/skm.h"
#include "pekppp/survey.h"
#include "pekppp/plan.h"
#include "pekppp/diff.h"
#include "pekppp/text.h"
#include "pekppp/workbook.h"

#endif
