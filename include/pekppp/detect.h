/**
 * @file pekppp/detect.h
 * @brief What kind of pekppp file a path holds, read from its `schema:` key.
 */
#ifndef PEKPPP_DETECT_H
#define PEKPPP_DETECT_H

#include "common.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    PEKPPP_KIND_UNKNOWN = 0,  /**< no known schema (or not parseable) */
    PEKPPP_KIND_RUBRIC = 1,   /**< schema: pekppp/rubric/v1 */
    PEKPPP_KIND_ASSESSMENT = 2 /**< schema: pekppp/assessment/v1 */
} pekppp_file_kind;

/**
 * Read @p path and tell its kind.  A file that does not parse is
 * ::PEKPPP_KIND_UNKNOWN: the loader then reports why in full.
 * @return 0, or PEKPPP_ENOTFOUND / PEKPPP_EIO / PEKPPP_ELIMIT when it cannot be read
 */
PEKPPP_EXTERN(int) pekppp_detect_file(pekppp_file_kind *out, const char *path, pekppp_error *err);

#ifdef __cplusplus
}
#endif
#endif
