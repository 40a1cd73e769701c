/**
 * @file pekppp/template.h
 * @brief Blank forms for a rubric: a unit file to fill in, or a sheet header.
 */
#ifndef PEKPPP_TEMPLATE_H
#define PEKPPP_TEMPLATE_H

#include "common.h"
#include "rubric.h"
#include "report.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Write a blank unit file (PEKPPP_FORMAT_TEXT: YAML with every indicator, its
 * weight, levels and evidence as comments) or a CSV sheet header with one
 * example row (PEKPPP_FORMAT_CSV, in opts->csv_dialect).
 * @return 0, PEKPPP_EINVALID for another format, or the sink's error
 */
PEKPPP_EXTERN(int) pekppp_template_write(pekppp_sink *sink, const pekppp_rubric *r,
                                         pekppp_report_format format,
                                         const pekppp_report_options *opts);

#ifdef __cplusplus
}
#endif
#endif
