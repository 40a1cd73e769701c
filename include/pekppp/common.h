/**
 * @file pekppp/common.h
 * @brief Export macros, version, error codes and limits shared by every module.
 *
 * Every fallible function of the library returns an `int`: 0 on success or a
 * negative ::pekppp_error_code.  The library never prints, exits or aborts.
 */
#ifndef PEKPPP_COMMON_H
#define PEKPPP_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && __GNUC__ >= 4
#define PEKPPP_EXTERN(type) extern __attribute__((visibility("default"))) type
#else
#define PEKPPP_EXTERN(type) extern type
#endif

/** The library version, as text ("MAJOR.MINOR.PATCH"). */
#define PEKPPP_VERSION "0.1.0"

/** Language of the tool's own words (labels from the rubric are used as they are). */
typedef enum {
    PEKPPP_LANG_ID = 0,
    PEKPPP_LANG_EN = 1
} pekppp_lang;

/**
 * A rounded decimal: units / 10^decimals (decimals 0..18), the one public
 * form of rounded numbers: indices, means, band minimums, thresholds.
 * Compare with pekppp_fixed_compare(), print with pekppp_fixed_format().
 */
typedef struct {
    int64_t units;
    int decimals;
} pekppp_fixed;

/** Error codes returned (negated) by fallible functions. */
typedef enum {
    PEKPPP_OK = 0,
    PEKPPP_ERROR = -1,     /**< generic or internal error */
    PEKPPP_ENOTFOUND = -2, /**< a file or a rubric was not found */
    PEKPPP_EPARSE = -3,    /**< the text is not well-formed YAML or JSON */
    PEKPPP_EINVALID = -4,  /**< well-formed, but breaks the format or its rules */
    PEKPPP_EIO = -5,       /**< reading or writing failed */
    PEKPPP_ENOMEM = -6,    /**< out of memory */
    PEKPPP_ELIMIT = -7,    /**< a safety limit was exceeded (size, depth, aliases) */
    PEKPPP_ERANGE = -8     /**< exact arithmetic would overflow its 128-bit bounds */
} pekppp_error_code;

/* Safety limits against hostile or broken files.  Exceeding one is a located
 * PEKPPP_ELIMIT error, never a crash or a hang. */
#define PEKPPP_MAX_FILE_SIZE (16u * 1024u * 1024u) /**< bytes in one input file */
#define PEKPPP_MAX_DEPTH 64                        /**< nesting of mappings and sequences */
#define PEKPPP_MAX_SCALAR (64u * 1024u)            /**< bytes in one scalar */
#define PEKPPP_MAX_NODES 1000000u                  /**< nodes in one document */
#define PEKPPP_MAX_ALIAS_NODES 100000u             /**< nodes reachable through aliases */
#define PEKPPP_MAX_INDICATORS 1000                 /**< indicators in one rubric */

/** The library version string (same as ::PEKPPP_VERSION at build time). */
PEKPPP_EXTERN(const char *) pekppp_version(void);

/**
 * Route every allocation of the library through these functions (NULL for
 * the C library's).  Process-wide: call it once, before any other call.
 * A hook that returns NULL makes the calling function fail with PEKPPP_ENOMEM.
 */
PEKPPP_EXTERN(void) pekppp_set_allocator(void *(*malloc_fn)(size_t),
                                         void *(*realloc_fn)(void *, size_t),
                                         void (*free_fn)(void *));

#ifdef __cplusplus
}
#endif
#endif
