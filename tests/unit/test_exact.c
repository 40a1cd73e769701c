/*
 * Unit tests for exact.c: decimal text in, 128-bit rationals inside, rounded
 * decimal text out.
 *
 * Expectations come from SCORING.md (exact arithmetic, one half-up rounding at
 * the end) and FORMATS.md (numbers are plain decimal text with at most 4
 * places).  Most tests are tables of input / expected pairs.  No floating point
 * is used here either: every expected value is written as integers or text.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "exact.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* The largest magnitude a pk_rat part may have: 2^127 - 1. */
#define I128_MAX (((pk_i128)1 << 126) - 1 + ((pk_i128)1 << 126))

static pk_rat rat(pk_i128 num, pk_i128 den)
{
    pk_rat r;
    assert_int_equal(pk_rat_make(&r, num, den), 0);
    return r;
}

/* ------------------------------------------------------------------------ */
/* pk_dec_parse                                                             */

typedef struct {
    const char *text;
    int max_places;
    int allow_negative;
    pk_dec_status status;
    int64_t value; /* scaled by 10^4; only checked when status is PK_DEC_OK */
} dec_case;

static const dec_case dec_valid[] = {
    { "0", 4, 0, PK_DEC_OK, 0 },
    { "24", 4, 0, PK_DEC_OK, 240000 },
    { "12.5", 4, 0, PK_DEC_OK, 125000 },
    { "0.0408", 4, 0, PK_DEC_OK, 408 },
    { "-0", 4, 1, PK_DEC_OK, 0 },
    { "-1.25", 4, 1, PK_DEC_OK, -12500 },
    { "4.02", 2, 0, PK_DEC_OK, 40200 },
    { "0.00", 2, 0, PK_DEC_OK, 0 },
    { "5", 0, 0, PK_DEC_OK, 50000 },
    { "100", 4, 0, PK_DEC_OK, 1000000 },
    { "0.0001", 4, 0, PK_DEC_OK, 1 },
    { "999999999999", 4, 0, PK_DEC_OK, INT64_C(9999999999990000) },
    { "999999999999.9999", 4, 1, PK_DEC_OK, INT64_C(9999999999999999) },
    { "-999999999999.9999", 4, 1, PK_DEC_OK, -INT64_C(9999999999999999) },
};

static const dec_case dec_rejected[] = {
    { "1e3", 4, 1, PK_DEC_SYNTAX, 0 },
    { "0x10", 4, 1, PK_DEC_SYNTAX, 0 },
    { "+3", 4, 1, PK_DEC_SYNTAX, 0 },
    { "4,5", 4, 1, PK_DEC_SYNTAX, 0 },
    { "3.00001", 4, 1, PK_DEC_PLACES, 0 },
    { "4.5", 0, 1, PK_DEC_PLACES, 0 },
    { "4.125", 2, 0, PK_DEC_PLACES, 0 },
    { "1.23456x", 4, 0, PK_DEC_SYNTAX, 0 },
    { "010", 4, 1, PK_DEC_LEADING0, 0 },
    { "00", 4, 0, PK_DEC_LEADING0, 0 },
    { "-010", 4, 1, PK_DEC_LEADING0, 0 },
    { ".5", 4, 1, PK_DEC_SYNTAX, 0 },
    { "5.", 4, 1, PK_DEC_SYNTAX, 0 },
    { "", 4, 1, PK_DEC_SYNTAX, 0 },
    { "-", 4, 1, PK_DEC_SYNTAX, 0 },
    { "NaN", 4, 1, PK_DEC_SYNTAX, 0 },
    { ".inf", 4, 1, PK_DEC_SYNTAX, 0 },
    { "-.inf", 4, 1, PK_DEC_SYNTAX, 0 },
    { " 4", 4, 1, PK_DEC_SYNTAX, 0 },
    { "4 ", 4, 1, PK_DEC_SYNTAX, 0 },
    { "1.2.3", 4, 1, PK_DEC_SYNTAX, 0 },
    { "-3", 4, 0, PK_DEC_SYNTAX, 0 }, /* sign only when negatives are allowed */
    { "--3", 4, 1, PK_DEC_SYNTAX, 0 },
    { "1234567890123", 4, 1, PK_DEC_RANGE, 0 },
};

static void check_dec_cases(const dec_case *cases, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        int64_t out = -777;
        pk_dec_status st = pk_dec_parse(cases[i].text, strlen(cases[i].text),
                                        cases[i].max_places, cases[i].allow_negative, &out);
        if (st != cases[i].status)
            fail_msg("pk_dec_parse(\"%s\", places %d): status %d, expected %d", cases[i].text,
                     cases[i].max_places, (int)st, (int)cases[i].status);
        if (st == PK_DEC_OK && out != cases[i].value)
            fail_msg("pk_dec_parse(\"%s\"): %lld, expected %lld", cases[i].text, (long long)out,
                     (long long)cases[i].value);
    }
}

static void test_dec_parse__accepts_plain_decimals(void **state)
{
    (void)state;
    check_dec_cases(dec_valid, N_ELEMS(dec_valid));
}

static void test_dec_parse__rejects_what_yaml_would_read_differently(void **state)
{
    (void)state;
    check_dec_cases(dec_rejected, N_ELEMS(dec_rejected));
}

static void test_dec_parse__reads_only_len_bytes(void **state)
{
    int64_t out = 0;
    (void)state;
    assert_int_equal(pk_dec_parse("12.5junk", 4, 4, 0, &out), PK_DEC_OK);
    assert_int_equal(out, 125000);
    assert_int_equal(pk_dec_parse("3.00001", 6, 4, 0, &out), PK_DEC_OK);
    assert_int_equal(out, 30000);
}

/* ------------------------------------------------------------------------ */
/* pk_rat_round                                                             */

typedef struct {
    int64_t num;
    int64_t den;
    int decimals;
    int64_t expected; /* in units of 10^-decimals */
} round_case;

static const round_case round_cases[] = {
    /* ties go up (away from zero) */
    { 4005, 1000, 2, 401 },            /* 4.005 -> 4.01 */
    { 40049999, 10000000, 2, 400 },    /* 4.0049999 -> 4.00 */
    { 4505, 1000, 2, 451 },            /* 4.505 -> 4.51 (grade A) */
    { 45049, 10000, 2, 450 },          /* 4.5049 -> 4.50 (grade A-) */
    { -5, 1000, 2, -1 },               /* -0.005 -> -0.01 */
    { -49, 10000, 2, 0 },              /* -0.0049 -> 0.00 */
    { -4005, 1000, 2, -401 },
    { -40049999, 10000000, 2, -400 },
    /* 0 decimals */
    { 5, 2, 0, 3 },                    /* 2.5 -> 3 */
    { 7, 2, 0, 4 },                    /* 3.5 -> 4 */
    { 24999, 10000, 0, 2 },
    { -5, 2, 0, -3 },
    { 1, 2, 0, 1 },
    { 0, 1, 0, 0 },
    /* 1 decimal */
    { 5, 100, 1, 1 },                  /* 0.05 -> 0.1 */
    { 25, 100, 1, 3 },                 /* 0.25 -> 0.3 */
    { 449, 100, 1, 45 },
    { 4449, 1000, 1, 44 },
    /* 3 decimals */
    { 5, 10000, 3, 1 },                /* 0.0005 -> 0.001 */
    { 4, 10000, 3, 0 },
    { 12345, 10000, 3, 1235 },
    /* 4 decimals */
    { 5, 100000, 4, 1 },               /* 0.00005 -> 0.0001 */
    { 4999, 100000000, 4, 0 },         /* 0.00004999 -> 0 */
    { 1, 3, 4, 3333 },
    { 2, 3, 4, 6667 },
    { -2, 3, 4, -6667 },
    /* repeating fractions */
    { 2, 3, 0, 1 },
    { 1, 6, 2, 17 },
    { 1, 8, 2, 13 },                   /* 0.125 -> 0.13 */
    { -1, 8, 2, -13 },
    { 22, 7, 4, 31429 },               /* 3.142857... */
    /* integers stay integers */
    { 4, 1, 2, 400 },
    { 5, 1, 4, 50000 },
};

static void test_round__ties_go_up(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < N_ELEMS(round_cases); i++) {
        const round_case *c = &round_cases[i];
        int64_t out = -777;
        int rc = pk_rat_round(&out, rat(c->num, c->den), c->decimals);
        if (rc != 0 || out != c->expected)
            fail_msg("round(%lld/%lld, %d): rc %d, %lld, expected %lld", (long long)c->num,
                     (long long)c->den, c->decimals, rc, (long long)out, (long long)c->expected);
    }
}

static void test_round__rejects_decimals_outside_0_to_4(void **state)
{
    int64_t out;
    (void)state;
    assert_int_equal(pk_rat_round(&out, pk_rat_int(1), 5), PEKPPP_ERANGE);
    assert_int_equal(pk_rat_round(&out, pk_rat_int(1), -1), PEKPPP_ERANGE);
}

/* A huge denominator is no reason to fail: the rounded value is small. */
static void test_round__handles_denominators_near_the_128_bit_bound(void **state)
{
    pk_i128 p126 = (pk_i128)1 << 126;
    int64_t out = -777;
    (void)state;
    assert_int_equal(pk_rat_round(&out, rat(1, p126 + 1), 2), 0);
    assert_int_equal(out, 0);
    assert_int_equal(pk_rat_round(&out, rat(p126 + 1, p126 + 3), 0), 0); /* just below 1 */
    assert_int_equal(out, 1);
    assert_int_equal(pk_rat_round(&out, rat(-(p126 + 1), p126 + 3), 0), 0);
    assert_int_equal(out, -1);
}

static void test_round__reports_overflow_instead_of_wrapping(void **state)
{
    int64_t out;
    (void)state;
    /* does not fit int64_t once rounded */
    assert_int_equal(pk_rat_round(&out, rat((pk_i128)1 << 70, 1), 0), PEKPPP_ERANGE);
    /* scaling by 10^decimals overflows 128 bits */
    assert_int_equal(pk_rat_round(&out, rat(I128_MAX, 1), 2), PEKPPP_ERANGE);
}

/* The float trap of SCORING.md: 0.75 x 4.00 + 0.25 x 4.02 = 4.005 exactly,
 * which must print 4.01 (grade A-), where binary floating point gives 4.00. */
static void test_round__float_trap_from_scoring_md_gives_4_01(void **state)
{
    pk_rat evaluator = pk_rat_dec(40000), survey = pk_rat_dec(40200);
    pk_rat a, b, sum, idx;
    int64_t out = 0;
    char buf[16];
    (void)state;
    assert_int_equal(pk_rat_mul(&a, pk_rat_int(75), evaluator), 0);
    assert_int_equal(pk_rat_mul(&b, pk_rat_int(25), survey), 0);
    assert_int_equal(pk_rat_add(&sum, a, b), 0);
    assert_int_equal(pk_rat_div(&idx, sum, pk_rat_int(100)), 0);
    /* exactly 4.005 = 801/200 */
    assert_true(idx.num == 801 && idx.den == 200);
    assert_int_equal(pk_rat_cmp(idx, pk_rat_dec(40050)), 0);
    assert_int_equal(pk_rat_round(&out, idx, 2), 0);
    assert_int_equal(out, 401);
    assert_int_equal(pk_fixed_format(buf, sizeof(buf), out, 2), 4);
    assert_string_equal(buf, "4.01");
}

/* Grades are decided on the rounded index, so min - 0.005 reaches the band
 * and min - 0.0051 does not (official bands of PermenPANRB 29/2022). */
static const int64_t band_mins[] = { 451, 401, 351, 301, 251, 201, 151, 101 }; /* x 0.01 */

static void test_round__band_minimum_is_reached_from_half_a_unit_below(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < N_ELEMS(band_mins); i++) {
        int64_t min = band_mins[i], out = 0;
        /* min - 0.005, in units of 10^-4 */
        assert_int_equal(pk_rat_round(&out, pk_rat_dec(min * 100 - 50), 2), 0);
        if (out != min)
            fail_msg("min %lld - 0.005 rounds to %lld", (long long)min, (long long)out);
        /* min - 0.0051 */
        assert_int_equal(pk_rat_round(&out, pk_rat_dec(min * 100 - 51), 2), 0);
        if (out != min - 1)
            fail_msg("min %lld - 0.0051 rounds to %lld", (long long)min, (long long)out);
        /* min itself, and min - 0.005 built as a sum of exact parts */
        assert_int_equal(pk_rat_round(&out, pk_rat_dec(min * 100), 2), 0);
        assert_int_equal(out, min);
        {
            pk_rat v;
            assert_int_equal(pk_rat_sub(&v, rat(min, 100), rat(1, 200)), 0);
            assert_int_equal(pk_rat_round(&out, v, 2), 0);
            assert_int_equal(out, min);
            assert_int_equal(pk_rat_sub(&v, rat(min, 100), rat(51, 10000)), 0);
            assert_int_equal(pk_rat_round(&out, v, 2), 0);
            assert_int_equal(out, min - 1);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* pk_rat_make, arithmetic and comparison                                   */

static void test_rat_make__keeps_lowest_terms_and_a_positive_denominator(void **state)
{
    static const struct {
        int64_t num, den, enum_, eden;
    } cases[] = {
        { 2, 4, 1, 2 },  { -6, -4, 3, 2 }, { 6, -4, -3, 2 }, { 0, -5, 0, 1 },
        { 0, 7, 0, 1 },  { 40000, 10000, 4, 1 }, { 408, 10000, 51, 1250 },
    };
    size_t i;
    (void)state;
    for (i = 0; i < N_ELEMS(cases); i++) {
        pk_rat r = rat(cases[i].num, cases[i].den);
        if (r.num != cases[i].enum_ || r.den != cases[i].eden)
            fail_msg("make(%lld, %lld) not in lowest terms", (long long)cases[i].num,
                     (long long)cases[i].den);
    }
    {
        pk_rat r;
        assert_int_equal(pk_rat_make(&r, 1, 0), PEKPPP_ERANGE);
    }
    /* pk_rat_dec agrees with pk_rat_make */
    {
        pk_rat r = pk_rat_dec(-500);
        assert_true(r.num == -1 && r.den == 20);
        r = pk_rat_dec(0);
        assert_true(r.num == 0 && r.den == 1);
    }
}

typedef struct {
    int64_t an, ad, bn, bd;
    int expected;
} cmp_case;

static const cmp_case cmp_cases[] = {
    { 1, 2, 2, 4, 0 },                 /* same value, different text */
    { 40000, 10000, 4, 1, 0 },
    { -6, -4, 3, 2, 0 },
    { 0, 1, 0, -5, 0 },
    { 1, 3, 333333, 1000000, 1 },      /* 1/3 > 0.333333 */
    { 333334, 1000000, 1, 3, 1 },
    { -1, 3, -333333, 1000000, -1 },
    { -1, 2, 1, 2, -1 },
    { -1, 3, -1, 2, 1 },
    { -7, 3, -2, 1, -1 },              /* -2.33 < -2 */
    { -2, 1, -5, 3, -1 },
    { 7, 3, 7, 3, 0 },
    { 5, 1, 9, 2, 1 },
    { 0, 1, -1, 1000000000, 1 },
    { 1, 1000000000, 0, 1, 1 },
    { 4005, 1000, 401, 100, -1 },
    { 999999999, 1000000000, 1, 1, -1 },
};

static void test_rat_cmp__orders_tricky_pairs(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < N_ELEMS(cmp_cases); i++) {
        const cmp_case *c = &cmp_cases[i];
        pk_rat a = rat(c->an, c->ad), b = rat(c->bn, c->bd);
        int ab = pk_rat_cmp(a, b), ba = pk_rat_cmp(b, a);
        if (ab != c->expected || ba != -c->expected)
            fail_msg("cmp(%lld/%lld, %lld/%lld) = %d / reversed %d, expected %d",
                     (long long)c->an, (long long)c->ad, (long long)c->bn, (long long)c->bd, ab,
                     ba, c->expected);
    }
}

/* Neighbours whose continued fractions agree for many terms, and values near
 * the 128-bit bound, where cross-multiplying would overflow. */
static void test_rat_cmp__is_exact_for_huge_parts(void **state)
{
    pk_i128 p100 = (pk_i128)1 << 100;
    pk_rat a, b;
    int64_t f0 = 1, f1 = 1; /* Fibonacci */
    int i;
    (void)state;

    a = rat(p100 + 1, p100);     /* 1 + 1/2^100 */
    b = rat(p100, p100 - 1);     /* 1 + 1/(2^100 - 1) */
    assert_int_equal(pk_rat_cmp(a, b), -1);
    assert_int_equal(pk_rat_cmp(b, a), 1);

    a = rat(I128_MAX, 1);
    b = rat(I128_MAX - 1, 1);
    assert_int_equal(pk_rat_cmp(a, b), 1);
    a = rat(1, I128_MAX);
    b = rat(1, I128_MAX - 1);
    assert_int_equal(pk_rat_cmp(a, b), -1);
    a = rat(-1, I128_MAX);
    b = rat(-1, I128_MAX - 1);
    assert_int_equal(pk_rat_cmp(a, b), 1);

    /* F(n+1)/F(n) alternates around the golden ratio: F91/F90 > F90/F89. */
    for (i = 2; i < 89; i++) {
        int64_t t = f0 + f1;
        f0 = f1;
        f1 = t;
    }
    /* f0 = F88, f1 = F89 */
    {
        int64_t f90 = f0 + f1, f91 = f1 + f90;
        a = rat(f91, f90);
        b = rat(f90, f1);
        assert_int_equal(pk_rat_cmp(a, b), 1);
        assert_int_equal(pk_rat_cmp(b, a), -1);
        assert_int_equal(pk_rat_cmp(a, a), 0);
    }
}

/* The same for negative values: "exact and overflow-free" (exact.h) holds on
 * both sides of zero.  Kept apart, and last, because a signed overflow here
 * aborts the whole run under UBSan. */
static void test_rat_cmp__does_not_overflow_on_huge_negative_values(void **state)
{
    pk_rat a, b;
    (void)state;
    /* -1 - 2/(M-2) vs -1 - 2/(M-4): the first is closer to -1 */
    a = rat(-I128_MAX, I128_MAX - 2);
    b = rat(-(I128_MAX - 2), I128_MAX - 4);
    assert_int_equal(pk_rat_cmp(a, b), 1);
    assert_int_equal(pk_rat_cmp(b, a), -1);
    /* -M/(M-1) is just below -1 */
    a = rat(-I128_MAX, I128_MAX - 1);
    assert_int_equal(pk_rat_cmp(a, pk_rat_int(-1)), -1);
    assert_int_equal(pk_rat_cmp(pk_rat_int(-2), a), -1);
}

static void test_rat_ops__give_exact_results(void **state)
{
    pk_rat r;
    pk_i128 p100 = (pk_i128)1 << 100;
    (void)state;
    assert_int_equal(pk_rat_add(&r, rat(1, 3), rat(1, 6)), 0);
    assert_true(r.num == 1 && r.den == 2);
    assert_int_equal(pk_rat_sub(&r, rat(1, 3), rat(1, 2)), 0);
    assert_true(r.num == -1 && r.den == 6);
    assert_int_equal(pk_rat_mul(&r, rat(-2, 3), rat(9, 4)), 0);
    assert_true(r.num == -3 && r.den == 2);
    assert_int_equal(pk_rat_div(&r, rat(1, 2), rat(-1, 4)), 0);
    assert_true(r.num == -2 && r.den == 1);
    assert_int_equal(pk_rat_add(&r, rat(1, 2), rat(-1, 2)), 0);
    assert_true(r.num == 0 && r.den == 1);
    assert_true(pk_rat_is_zero(r));
    /* cross-reduction keeps big but cancelling products in range */
    assert_int_equal(pk_rat_mul(&r, rat(p100, 3), rat(3, p100)), 0);
    assert_true(r.num == 1 && r.den == 1);
    assert_int_equal(pk_rat_add(&r, rat(I128_MAX, 1), rat(-I128_MAX, 1)), 0);
    assert_true(pk_rat_is_zero(r));
    assert_int_equal(pk_rat_div(&r, rat(1, 1), pk_rat_int(0)), PEKPPP_ERANGE);
}

static void test_rat_ops__overflow_returns_erange(void **state)
{
    pk_i128 p100 = (pk_i128)1 << 100, p70 = (pk_i128)1 << 70;
    pk_i128 three70 = 1;
    pk_rat r;
    int i;
    (void)state;
    for (i = 0; i < 44; i++)
        three70 *= 3; /* 3^44 ~ 2^69.7 */

    /* numerators */
    assert_int_equal(pk_rat_mul(&r, rat(p100, 1), rat(p100, 1)), PEKPPP_ERANGE);
    assert_int_equal(pk_rat_mul(&r, rat(-p100, 1), rat(p100, 1)), PEKPPP_ERANGE);
    assert_int_equal(pk_rat_add(&r, rat(I128_MAX, 1), pk_rat_int(1)), PEKPPP_ERANGE);
    assert_int_equal(pk_rat_sub(&r, rat(-I128_MAX, 1), pk_rat_int(1)), PEKPPP_ERANGE);
    assert_int_equal(pk_rat_sub(&r, rat(-I128_MAX, 1), rat(I128_MAX, 1)), PEKPPP_ERANGE);
    /* denominators */
    assert_int_equal(pk_rat_mul(&r, rat(1, p70), rat(1, three70)), PEKPPP_ERANGE);
    assert_int_equal(pk_rat_add(&r, rat(1, p70), rat(1, three70)), PEKPPP_ERANGE);
    assert_int_equal(pk_rat_div(&r, rat(1, p70), rat(three70, 1)), PEKPPP_ERANGE);
    /* a sum whose cross products overflow */
    assert_int_equal(pk_rat_add(&r, rat(p100, three70), rat(p100, p70 + 1)), PEKPPP_ERANGE);
}

/* ------------------------------------------------------------------------ */
/* pk_fixed_format and pk_dec_format_short                                  */

typedef struct {
    int64_t units;
    int decimals;
    const char *expected;
} fixed_case;

static const fixed_case fixed_cases[] = {
    { 440, 2, "4.40" },
    { 5, 2, "0.05" },
    { -5, 2, "-0.05" },
    { 0, 0, "0" },
    { 0, 2, "0.00" },
    { 24, 0, "24" },
    { 401, 2, "4.01" },
    { -401, 2, "-4.01" },
    { 1, 4, "0.0001" },
    { 12345, 4, "1.2345" },
    { 325, 2, "3.25" },
    { 5, 1, "0.5" },
    { -7, 0, "-7" },
    { INT64_MIN, 0, "-9223372036854775808" },
    { INT64_MAX, 4, "922337203685477.5807" },
};

static void test_fixed_format__writes_exact_decimal_text(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < N_ELEMS(fixed_cases); i++) {
        char buf[32];
        int n = pk_fixed_format(buf, sizeof(buf), fixed_cases[i].units, fixed_cases[i].decimals);
        assert_int_equal(n, (int)strlen(fixed_cases[i].expected));
        assert_string_equal(buf, fixed_cases[i].expected);
    }
}

typedef struct {
    int64_t scaled;
    const char *expected;
} short_case;

static const short_case short_cases[] = {
    { 0, "0" },       { 240000, "24" }, { 125000, "12.5" }, { 408, "0.0408" },
    { -500, "-0.05" }, { 500, "0.05" }, { 44000, "4.4" },    { 10000, "1" },
    { -10000, "-1" }, { 5, "0.0005" },  { 1000000, "100" },  { 1700000, "170" },
};

static void test_dec_format_short__drops_trailing_zeros(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < N_ELEMS(short_cases); i++) {
        char buf[32];
        int n = pk_dec_format_short(buf, sizeof(buf), short_cases[i].scaled);
        assert_int_equal(n, (int)strlen(short_cases[i].expected));
        assert_string_equal(buf, short_cases[i].expected);
    }
}

typedef struct {
    int64_t units;
    int decimals;
    size_t size;
    int expected; /* length, or -1 when it does not fit */
} fit_case;

/* "returns the length or -1 if it does not fit": text + NUL must fit exactly. */
static const fit_case fit_cases[] = {
    { 440, 2, 4, -1 },  { 440, 2, 5, 4 },   /* "4.40" */
    { -5, 2, 5, -1 },   { -5, 2, 6, 5 },    /* "-0.05" */
    { 24, 0, 2, -1 },   { 24, 0, 3, 2 },    /* "24" */
    { 0, 0, 1, -1 },    { 0, 0, 2, 1 },     /* "0" */
    { 440, 2, 0, -1 },
};

/* pk_int_format is the JSON writer's printf("%lld"), and pk_rat_format's
 * digits take 64-bit steps below 2^64 and 128-bit ones above. */
static void test_int_and_rat_format__match_printf_at_the_edges(void **state)
{
    static const int64_t ints[] = { 0, 1, -1, 9, 10, -10, 123456789, INT64_MAX, INT64_MIN };
    char buf[64], want[64];
    size_t i;
    pk_rat v;
    (void)state;
    for (i = 0; i < N_ELEMS(ints); i++) {
        snprintf(want, sizeof(want), "%lld", (long long)ints[i]);
        assert_int_equal(pk_int_format(buf, sizeof(buf), ints[i]), (int)strlen(want));
        assert_string_equal(buf, want);
    }
    assert_int_equal(pk_int_format(buf, 3, -10), -1);
    assert_int_equal(pk_int_format(buf, 4, -10), 3);
    v.num = (pk_i128)UINT64_MAX * 1000 + 7; /* 18446744073709551615007 */
    v.den = (pk_i128)UINT64_MAX;
    assert_true(pk_rat_format(buf, sizeof(buf), v) > 0);
    assert_string_equal(buf, "18446744073709551615007/18446744073709551615");
    v.num = -(pk_i128)UINT64_MAX - 1;
    v.den = 3;
    assert_true(pk_rat_format(buf, sizeof(buf), v) > 0);
    assert_string_equal(buf, "-18446744073709551616/3");
}

static void test_fixed_format__returns_minus_one_when_the_buffer_is_too_small(void **state)
{
    size_t i;
    int wrong = 0;
    (void)state;
    for (i = 0; i < N_ELEMS(fit_cases); i++) {
        char buf[16];
        int n;
        memset(buf, 'x', sizeof(buf));
        n = pk_fixed_format(buf, fit_cases[i].size, fit_cases[i].units, fit_cases[i].decimals);
        if (n != fit_cases[i].expected) {
            print_error("format(%lld, %d) into %zu bytes: %d, expected %d\n",
                        (long long)fit_cases[i].units, fit_cases[i].decimals, fit_cases[i].size,
                        n, fit_cases[i].expected);
            wrong++;
        }
        /* never writes past the given size */
        assert_int_equal(buf[fit_cases[i].size], 'x');
    }
    assert_int_equal(wrong, 0);
    {
        char buf[4];
        assert_int_equal(pk_dec_format_short(buf, sizeof(buf), 125000), -1); /* "12.5" */
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dec_parse__accepts_plain_decimals),
        cmocka_unit_test(test_dec_parse__rejects_what_yaml_would_read_differently),
        cmocka_unit_test(test_dec_parse__reads_only_len_bytes),
        cmocka_unit_test(test_round__ties_go_up),
        cmocka_unit_test(test_round__rejects_decimals_outside_0_to_4),
        cmocka_unit_test(test_round__handles_denominators_near_the_128_bit_bound),
        cmocka_unit_test(test_round__reports_overflow_instead_of_wrapping),
        cmocka_unit_test(test_round__float_trap_from_scoring_md_gives_4_01),
        cmocka_unit_test(test_round__band_minimum_is_reached_from_half_a_unit_below),
        cmocka_unit_test(test_rat_make__keeps_lowest_terms_and_a_positive_denominator),
        cmocka_unit_test(test_rat_cmp__orders_tricky_pairs),
        cmocka_unit_test(test_rat_cmp__is_exact_for_huge_parts),
        cmocka_unit_test(test_rat_ops__give_exact_results),
        cmocka_unit_test(test_rat_ops__overflow_returns_erange),
        cmocka_unit_test(test_fixed_format__writes_exact_decimal_text),
        cmocka_unit_test(test_dec_format_short__drops_trailing_zeros),
        cmocka_unit_test(test_fixed_format__returns_minus_one_when_the_buffer_is_too_small),
        cmocka_unit_test(test_int_and_rat_format__match_printf_at_the_edges),
        cmocka_unit_test(test_rat_cmp__does_not_overflow_on_huge_negative_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
