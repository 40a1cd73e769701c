/**
 * @file pekppp/report.h
 * @brief Writing results: one entry point, many formats, two sinks.
 *
 * pekppp_report_write() renders a result into a ::pekppp_sink, which appends
 * to a growable buffer or writes to a `FILE *`.  A sink remembers its first
 * failure (sticky), so emitters write on and check once at the end.
 */
#ifndef PEKPPP_REPORT_H
#define PEKPPP_REPORT_H

#include <stdio.h>
#include "common.h"
#include "error.h"
#include "score.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    PEKPPP_FORMAT_TEXT = 0,
    PEKPPP_FORMAT_JSON = 1,
    PEKPPP_FORMAT_CSV = 2, /**< batches only: one row per unit */
    PEKPPP_FORMAT_MD = 3,  /**< GitHub-flavoured Markdown (a job summary, an issue comment) */
    PEKPPP_FORMAT_HTML = 4, /**< one self-contained page: inline CSS and SVG, no network */
    /** An Excel workbook (.xlsx).  It is written to a file by name, never to a
     * sink: pekppp_report_write_xlsx(), pekppp_batch_write_xlsx() and
     * pekppp_template_write_xlsx() in pekppp/workbook.h.  The sink writers
     * return PEKPPP_EINVALID for it. */
    PEKPPP_FORMAT_XLSX = 5
} pekppp_report_format;

/** CSV dialects: what Excel reads in an English or an Indonesian locale. */
typedef enum {
    PEKPPP_CSV_PLAIN = 0,  /**< ',' between cells, '.' in numbers */
    PEKPPP_CSV_ID = 1      /**< ';' between cells, ',' in numbers */
} pekppp_csv_dialect;

/** Where report text goes. Use pekppp_sink_init_buffer() or pekppp_sink_init_file(). */
typedef struct {
    FILE *file;      /**< when non-NULL, write here (through a 64 KiB buffer) */
    char *data;      /**< else a growable buffer, NUL-terminated, owned by the sink */
    size_t len;
    size_t cap;
    int error;       /**< the first failure (a ::pekppp_error_code), sticky */
} pekppp_sink;

PEKPPP_EXTERN(void) pekppp_sink_init_buffer(pekppp_sink *sink);
PEKPPP_EXTERN(void) pekppp_sink_init_file(pekppp_sink *sink, FILE *file);
/** Pass a file sink's gathered bytes on to its FILE (report writers do this
 * before they return; a no-op for buffer sinks). */
PEKPPP_EXTERN(void) pekppp_sink_flush(pekppp_sink *sink);
/** Flush, then release the sink's memory (a file sink's FILE stays open). */
PEKPPP_EXTERN(void) pekppp_sink_dispose(pekppp_sink *sink);
PEKPPP_EXTERN(void) pekppp_sink_write(pekppp_sink *sink, const char *data, size_t len);
PEKPPP_EXTERN(void) pekppp_sink_puts(pekppp_sink *sink, const char *s);

/** One changed answer of a what-if: the indicator's position and its levels. */
typedef struct {
    size_t indicator;
    int from;
    int to;
} pekppp_change;

/**
 * Report options, for every writer (pekppp_report_write(), pekppp_batch_write(),
 * pekppp_plan_write(), pekppp_diff_write(), pekppp_template_write()).
 * Initialise with ::PEKPPP_REPORT_OPTIONS_INIT or pekppp_report_options_init().
 *
 * Every writer checks `version`: 0 (a zeroed struct) and 1 read the fields
 * before `plan`, and a version newer than this library's makes the writer
 * return PEKPPP_EINVALID without writing (the program was built against a
 * newer pekppp than the library it runs with).
 */
typedef struct {
    unsigned version;             /**< ::PEKPPP_REPORT_OPTIONS_VERSION */
    pekppp_lang lang;
    unsigned json_depth;          /**< JSON: indentation depth of the outermost object */
    pekppp_csv_dialect csv_dialect;
    /** What-if: the result before the changes; the report shows the deltas,
     * and every format marks the result hypothetical at its top, with this
     * real score beside the index. */
    const struct pekppp_result *baseline;
    /** The answers changed (`--set`), in the order given.  pekppp_plan_write()
     * reads them too, without a baseline: with @c nchanges > 0 the plan says
     * it starts from changed answers and lists them. */
    const pekppp_change *changes;
    size_t nchanges;
    /** HTML receipt: the time the report was made, as text (e.g. ISO 8601), or NULL. */
    const char *timestamp;
    /** A plan to a target grade, made with pekppp_plan_make() from the same
     * result, shown after the recommendations (text, md, html, json), or NULL. */
    const struct pekppp_plan *plan;
} pekppp_report_options;

/* Version 2 added `plan`. */
#define PEKPPP_REPORT_OPTIONS_VERSION 2
#define PEKPPP_REPORT_OPTIONS_INIT \
    { PEKPPP_REPORT_OPTIONS_VERSION, PEKPPP_LANG_ID, 0, PEKPPP_CSV_PLAIN, NULL, NULL, 0, NULL, NULL }

/**
 * Fill @p opts with the defaults of struct version @p version (pass
 * ::PEKPPP_REPORT_OPTIONS_VERSION), as ::PEKPPP_REPORT_OPTIONS_INIT does; for
 * version 1 only the fields that version has are written.
 * @return 0, or PEKPPP_EINVALID (@p opts untouched) for NULL, version 0 or a
 *         version newer than this library
 */
PEKPPP_EXTERN(int) pekppp_report_options_init(pekppp_report_options *opts, unsigned version);

/**
 * Render one unit's result.
 * @return 0, PEKPPP_EINVALID for an unknown format or an options version
 *         newer than this library, or the sink's error
 *         (PEKPPP_EIO, PEKPPP_ENOMEM)
 */
PEKPPP_EXTERN(int) pekppp_report_write(pekppp_sink *sink, const pekppp_result *res,
                                       pekppp_report_format format,
                                       const pekppp_report_options *opts);

#ifdef __cplusplus
}
#endif
#endif
