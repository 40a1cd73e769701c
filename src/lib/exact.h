/*
 * Exact arithmetic: decimal text in, rationals inside, rounded decimal text out.
 *
 * Every score of SCORING.md is a rational number, because weights and survey
 * scores are decimals of at most 4 places and levels are integers.  A pk_rat
 * holds one in lowest terms with 128-bit parts; every operation checks for
 * overflow and fails with PEKPPP_ERANGE instead of wrapping.  No floating
 * point is used anywhere in this module.
 */
#ifndef PK_EXACT_H
#define PK_EXACT_H

#include <stdint.h>
#include <stddef.h>
#include "pekppp/common.h"
#include "pekppp/score.h"

#if defined(__GNUC__)
#define PK_WARN_UNUSED __attribute__((warn_unused_result))
#else
#define PK_WARN_UNUSED
#endif

__extension__ typedef __int128 pk_i128;

/** A rational num/den, den > 0, gcd(num, den) = 1. */
typedef struct {
    pk_i128 num;
    pk_i128 den;
} pk_rat;

/** Outcome of parsing decimal text. */
typedef enum {
    PK_DEC_OK = 0,
    PK_DEC_SYNTAX,   /* not a plain decimal: "1e3", "0x10", "+3", "4,5", "" */
    PK_DEC_PLACES,   /* more decimal places than allowed */
    PK_DEC_LEADING0, /* "010": YAML 1.1 would read it as octal */
    PK_DEC_RANGE     /* more than 12 integer digits */
} pk_dec_status;

/*
 * Parse decimal text of the form -?[0-9]+(\.[0-9]+)? with at most
 * @p max_places decimals (0..4) into an integer scaled by 10^4.
 * A sign is accepted only when @p allow_negative.
 */
pk_dec_status pk_dec_parse(const char *s, size_t len, int max_places, int allow_negative,
                           int64_t *out) PK_WARN_UNUSED;

pk_rat pk_rat_int(int64_t v);
/* value / 10^4 */
pk_rat pk_rat_dec(int64_t scaled);
int pk_rat_make(pk_rat *out, pk_i128 num, pk_i128 den) PK_WARN_UNUSED;
int pk_rat_add(pk_rat *out, pk_rat a, pk_rat b) PK_WARN_UNUSED;
int pk_rat_sub(pk_rat *out, pk_rat a, pk_rat b) PK_WARN_UNUSED;
int pk_rat_mul(pk_rat *out, pk_rat a, pk_rat b) PK_WARN_UNUSED;
int pk_rat_div(pk_rat *out, pk_rat a, pk_rat b) PK_WARN_UNUSED;
/* -1, 0, 1; exact and overflow-free (continued-fraction comparison) */
int pk_rat_cmp(pk_rat a, pk_rat b);
int pk_rat_is_zero(pk_rat a);

/*
 * Round half-up to @p decimals places (0..4): ties go away from zero, so
 * 4.005 -> 4.01 and -0.005 -> -0.01.  @p out is in units of 10^-decimals.
 */
int pk_rat_round(int64_t *out, pk_rat v, int decimals) PK_WARN_UNUSED;

/* Write a rational as "num/den" (lowest terms); returns the length or -1. */
int pk_rat_format(char *buf, size_t size, pk_rat v);
/* Parse "num/den" or a plain decimal of up to 4 places; 0 or -1. */
int pk_rat_parse(const char *s, pk_rat *out);

/* Write an integer in decimal, "-" first when negative (no printf); returns
 * the length or -1 if it does not fit. */
int pk_int_format(char *buf, size_t size, int64_t v);
/* Write units / 10^decimals as "4.40"; returns the length or -1 if it does not fit. */
int pk_fixed_format(char *buf, size_t size, int64_t units, int decimals);
/* Write a 10^4-scaled decimal with no trailing zeros: 240000 -> "24", 125000 -> "12.5". */
int pk_dec_format_short(char *buf, size_t size, int64_t scaled);

/*
 * The one conversion between the public rounded form (pekppp_fixed) and the
 * integers scaled by 10^4 that rubric decimals are kept in inside:
 * pk_fixed_dec gives @p v in units of 10^-4; @p v.decimals must be 0..4 (a
 * rounded index or a band minimum always is).  pk_dec_fixed is the reverse.
 */
int64_t pk_fixed_dec(pekppp_fixed v);
pekppp_fixed pk_dec_fixed(int64_t scaled);
/* The exact value of @p v, or PEKPPP_ERANGE for decimals outside 0..18. */
int pk_rat_fixed(pk_rat *out, pekppp_fixed v) PK_WARN_UNUSED;

#endif
