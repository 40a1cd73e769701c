/**
 * @file pekppp/error.h
 * @brief Located errors and diagnostics, with no global state.
 *
 * A loading function takes a caller-owned ::pekppp_error (which may be NULL)
 * and fills it with the first error.  Validation finds every problem; each one
 * is also passed to an optional ::pekppp_diag_cb, so `lint` can list them all.
 * Messages are one lower-case line without the file prefix: the front end
 * formats `file:line:column: error: message`.
 */
#ifndef PEKPPP_ERROR_H
#define PEKPPP_ERROR_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Severity of a diagnostic. */
typedef enum {
    PEKPPP_SEV_ERROR = 0,
    PEKPPP_SEV_WARNING = 1
} pekppp_severity;

/** One located problem.  Fixed-size fields: reporting never allocates. */
typedef struct {
    int code;               /**< a ::pekppp_error_code, 0 when no error */
    pekppp_severity severity;
    char file[512];         /**< the file name as given, or "" */
    unsigned line;          /**< 1-based; 0 when not tied to a place */
    unsigned column;        /**< 1-based; 0 when not tied to a place */
    char path[256];         /**< e.g. "aspects[2].indicators[0].weight", or "" */
    char message[512];      /**< one line, lower case, no trailing period, in English */
    char rule[40];          /**< the check that found it, e.g. "rubric.weight-sum" (docs/lint-rules.md) */
    char message_id[512];   /**< the message in Indonesian, or "" (then use message) */
    /** In a workbook (.xlsx): the sheet's name, and then line is the row and column the
     *  column number of the cell (row 7, column 3 is `Sheet!C7`); "" otherwise. */
    char sheet[128];
} pekppp_error;

/** pekppp_error_location() flags: leave out the file (and its ':'). */
#define PEKPPP_LOCATION_NO_FILE 1u
/** pekppp_error_location() flags: only the cell of a workbook problem ("C7"; "" otherwise). */
#define PEKPPP_LOCATION_CELL 2u

/**
 * Where @p err is, as every pekppp output shows it, into @p buf (@p n bytes,
 * always NUL-terminated when @p n > 0; cut to fit):
 *  - in a workbook (`sheet` set): `file:Sheet!C7`, the column as letters and
 *    the row as a number; the sheet name in Excel's quotes when it is not a
 *    plain name (`book.xlsx:'Rekap 2024'!C7`, a quote inside doubled); a
 *    problem of a whole row is `Sheet!7:7`, of the whole sheet `file:Sheet`;
 *  - otherwise `file:line:column`, or `file` when not tied to a line;
 *  - "" when there is neither file nor line.
 * @p flags: 0, ::PEKPPP_LOCATION_NO_FILE or ::PEKPPP_LOCATION_CELL.
 * @return the length of the whole location (as snprintf: may be >= @p n)
 */
PEKPPP_EXTERN(size_t) pekppp_error_location(const pekppp_error *err, unsigned flags, char *buf,
                                            size_t n);

/** Called once per problem found.  @p payload is the caller's pointer. */
typedef void (*pekppp_diag_cb)(const pekppp_error *diag, void *payload);

/** Number of checks (rules) the loaders report under; stable ids for CI tools. */
PEKPPP_EXTERN(size_t) pekppp_rule_count(void);
/** Rule @p i: its id ("yaml.duplicate-key") and a one-line English description. */
PEKPPP_EXTERN(const char *) pekppp_rule_id(size_t i);
PEKPPP_EXTERN(const char *) pekppp_rule_text(size_t i);

/** Reset an error record to "no error". Accepts NULL. */
PEKPPP_EXTERN(void) pekppp_error_clear(pekppp_error *err);

/** Set the message of @p err in English and in Indonesian (@p id may be NULL
 * or ""), each cut to fit at a character boundary.  For callbacks such as a
 * rubric resolver that fill an error the library passes on. */
PEKPPP_EXTERN(void) pekppp_error_set_message(pekppp_error *err, const char *en, const char *id);
/** Set the file of @p err, cut to fit at a character boundary. */
PEKPPP_EXTERN(void) pekppp_error_set_file(pekppp_error *err, const char *file);

/** The message in @p lang: message_id for Indonesian when it is set, else
 * message.  (Machine formats such as `lint -f json` keep the English one.) */
PEKPPP_EXTERN(const char *) pekppp_error_message(const pekppp_error *err, pekppp_lang lang);

#ifdef __cplusplus
}
#endif
#endif
