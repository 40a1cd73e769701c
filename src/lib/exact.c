/*
 * Exact arithmetic for scores: see exact.h for the contract.
 *
 * Rationals are kept in lowest terms after every operation, which keeps the
 * parts small for the sums SCORING.md needs (denominators are products of a
 * few weight sums and respondent counts).  Overflow is detected with the
 * compiler's checked builtins and reported as PEKPPP_ERANGE.
 */
#include "exact.h"

#include <string.h>

static pk_i128 i128_abs(pk_i128 v)
{
    return v < 0 ? -v : v;
}

static pk_i128 gcd128(pk_i128 a, pk_i128 b)
{
    a = i128_abs(a);
    b = i128_abs(b);
    /* Most values fit in 64 bits, where division is far cheaper. */
    if (b != 0 && (a >> 64) == 0 && (b >> 64) == 0) {
        uint64_t x = (uint64_t)a, y = (uint64_t)b;
        while (y != 0) {
            uint64_t t = x % y;
            x = y;
            y = t;
        }
        return (pk_i128)x;
    }
    while (b != 0) {
        pk_i128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static int fits64(pk_i128 v)
{
    return v >= INT64_MIN && v <= INT64_MAX;
}

/* The largest magnitude we allow, so that negation never overflows. */
#define PK_I128_LIMIT (((pk_i128)1 << 126) - 1 + ((pk_i128)1 << 126))

pk_dec_status pk_dec_parse(const char *s, size_t len, int max_places, int allow_negative,
                           int64_t *out)
{
    size_t i = 0;
    int negative = 0;
    int64_t whole = 0;
    int64_t frac = 0;
    int int_digits = 0;
    int places = 0;

    if (max_places < 0 || max_places > 4)
        return PK_DEC_PLACES;
    if (len > 0 && s[0] == '-' && allow_negative) {
        negative = 1;
        i = 1;
    }
    if (i >= len || s[i] < '0' || s[i] > '9')
        return PK_DEC_SYNTAX;
    if (s[i] == '0' && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9')
        return PK_DEC_LEADING0;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
        if (++int_digits > 12)
            return PK_DEC_RANGE;
        whole = whole * 10 + (s[i] - '0');
    }
    if (i < len && s[i] == '.') {
        i++;
        if (i >= len || s[i] < '0' || s[i] > '9')
            return PK_DEC_SYNTAX;
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
            if (++places > max_places) {
                /* Keep scanning so that "1.2x" is a syntax error, not a places one. */
                size_t j = i;
                while (j < len && s[j] >= '0' && s[j] <= '9')
                    j++;
                return j == len ? PK_DEC_PLACES : PK_DEC_SYNTAX;
            }
            frac = frac * 10 + (s[i] - '0');
        }
    }
    if (i != len)
        return PK_DEC_SYNTAX;
    for (; places < 4; places++)
        frac *= 10;
    *out = (whole * 10000 + frac) * (negative ? -1 : 1);
    return PK_DEC_OK;
}

pk_rat pk_rat_int(int64_t v)
{
    pk_rat r = { v, 1 };
    return r;
}

pk_rat pk_rat_dec(int64_t scaled)
{
    pk_rat r;
    pk_i128 g = gcd128(scaled, 10000);
    r.num = scaled / g;
    r.den = 10000 / g;
    return r;
}

int pk_rat_make(pk_rat *out, pk_i128 num, pk_i128 den)
{
    pk_i128 g;
    if (den == 0)
        return PEKPPP_ERANGE;
    if (num > PK_I128_LIMIT || num < -PK_I128_LIMIT || den > PK_I128_LIMIT || den < -PK_I128_LIMIT)
        return PEKPPP_ERANGE;
    if (den < 0) {
        num = -num;
        den = -den;
    }
    g = gcd128(num, den);
    if (g > 1) {
        if (fits64(num) && fits64(den)) { /* 64-bit division is far cheaper */
            num = (int64_t)num / (int64_t)g;
            den = (int64_t)den / (int64_t)g;
        } else {
            num /= g;
            den /= g;
        }
    }
    if (num == 0)
        den = 1;
    out->num = num;
    out->den = den;
    return 0;
}

int pk_rat_add(pk_rat *out, pk_rat a, pk_rat b)
{
    pk_i128 g = gcd128(a.den, b.den);
    pk_i128 bd = b.den / g, ad = a.den / g;
    pk_i128 x, y, num, den;
    if (__builtin_mul_overflow(a.num, bd, &x) || __builtin_mul_overflow(b.num, ad, &y) ||
        __builtin_add_overflow(x, y, &num) || __builtin_mul_overflow(a.den, bd, &den))
        return PEKPPP_ERANGE;
    return pk_rat_make(out, num, den);
}

int pk_rat_sub(pk_rat *out, pk_rat a, pk_rat b)
{
    b.num = -b.num;
    return pk_rat_add(out, a, b);
}

int pk_rat_mul(pk_rat *out, pk_rat a, pk_rat b)
{
    /* Cross-reduce first so the products stay as small as they can. */
    pk_i128 g1 = gcd128(a.num, b.den), g2 = gcd128(b.num, a.den);
    pk_i128 num, den;
    if (g1 == 0)
        g1 = 1;
    if (g2 == 0)
        g2 = 1;
    if (__builtin_mul_overflow(a.num / g1, b.num / g2, &num) ||
        __builtin_mul_overflow(a.den / g2, b.den / g1, &den))
        return PEKPPP_ERANGE;
    return pk_rat_make(out, num, den);
}

int pk_rat_div(pk_rat *out, pk_rat a, pk_rat b)
{
    pk_rat inv;
    if (b.num == 0)
        return PEKPPP_ERANGE;
    inv.num = b.den;
    inv.den = b.num;
    if (inv.den < 0) {
        inv.num = -inv.num;
        inv.den = -inv.den;
    }
    return pk_rat_mul(out, a, inv);
}

/* floor(n / d) for d > 0 */
static pk_i128 floor_div(pk_i128 n, pk_i128 d)
{
    pk_i128 q = n / d;
    if ((n % d != 0) && (n < 0))
        q--;
    return q;
}

int pk_rat_cmp(pk_rat a, pk_rat b)
{
    /* Parts below 2^63 multiply without overflow in 128 bits. */
    if (fits64(a.num) && fits64(a.den) && fits64(b.num) && fits64(b.den)) {
        pk_i128 l = a.num * b.den, r = b.num * a.den;
        return l < r ? -1 : l > r;
    }
    /* Compare integer parts; on a tie compare the reciprocals of the
     * fractional parts, reversed.  Every quantity shrinks, so nothing overflows. */
    int sign = 1;
    for (;;) {
        pk_i128 qa = floor_div(a.num, a.den), qb = floor_div(b.num, b.den);
        pk_i128 ra, rb;
        if (qa != qb)
            return (qa < qb ? -1 : 1) * sign;
        /* The remainders of floor division, computed without a product that
         * could overflow for values near the 128-bit bound. */
        ra = a.num % a.den;
        if (ra < 0)
            ra += a.den;
        rb = b.num % b.den;
        if (rb < 0)
            rb += b.den;
        if (ra == 0 || rb == 0) {
            if (ra == rb)
                return 0;
            return (ra == 0 ? -1 : 1) * sign;
        }
        /* a = qa + ra/a.den; compare a.den/ra with b.den/rb, reversed */
        a.num = a.den;
        a.den = ra;
        b.num = b.den;
        b.den = rb;
        sign = -sign;
    }
}

int pk_rat_is_zero(pk_rat a)
{
    return a.num == 0;
}

int pk_rat_round(int64_t *out, pk_rat v, int decimals)
{
    pk_i128 scale = 1, n, q;
    int negative = v.num < 0;
    int i;
    if (decimals < 0 || decimals > 4)
        return PEKPPP_ERANGE;
    for (i = 0; i < decimals; i++)
        scale *= 10;
    n = i128_abs(v.num);
    if (__builtin_mul_overflow(n, scale, &n))
        return PEKPPP_ERANGE;
    /* floor(n/den + 1/2): round the quotient up when the remainder is at
     * least half the denominator (r >= den - r avoids computing 2r). */
    {
        pk_i128 r = n % v.den;
        q = n / v.den;
        if (r >= v.den - r)
            q++;
    }
    if (q > INT64_MAX)
        return PEKPPP_ERANGE;
    *out = negative ? -(int64_t)q : (int64_t)q;
    return 0;
}

int pk_int_format(char *buf, size_t size, int64_t v)
{
    char digits[24];
    size_t nd = 0, pos = 0;
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        digits[nd++] = (char)('0' + mag % 10);
        mag /= 10;
    } while (mag > 0);
    if (nd + (v < 0) + 1 > size)
        return -1;
    if (v < 0)
        buf[pos++] = '-';
    while (nd > 0)
        buf[pos++] = digits[--nd];
    buf[pos] = '\0';
    return (int)pos;
}

int pk_fixed_format(char *buf, size_t size, int64_t units, int decimals)
{
    char digits[32];
    size_t nd = 0, pos = 0, i;
    uint64_t mag = units < 0 ? (uint64_t)0 - (uint64_t)units : (uint64_t)units;
    do {
        digits[nd++] = (char)('0' + mag % 10);
        mag /= 10;
    } while (mag > 0);
    if (decimals < 0 || decimals > 18)
        return -1;
    while (nd <= (size_t)decimals)
        digits[nd++] = '0';
    if (nd + (units < 0) + (decimals > 0) + 1 > size)
        return -1;
    if (units < 0)
        buf[pos++] = '-';
    for (i = nd; i > 0; i--) {
        if (i == (size_t)decimals && decimals > 0)
            buf[pos++] = '.';
        buf[pos++] = digits[i - 1];
    }
    buf[pos] = '\0';
    return (int)pos;
}

int64_t pk_fixed_dec(pekppp_fixed v)
{
    int64_t scaled = v.units;
    int i;
    for (i = v.decimals; i < 4; i++)
        scaled *= 10;
    return scaled;
}

pekppp_fixed pk_dec_fixed(int64_t scaled)
{
    pekppp_fixed v;
    v.units = scaled;
    v.decimals = 4;
    return v;
}

int pk_rat_fixed(pk_rat *out, pekppp_fixed v)
{
    pk_i128 den = 1;
    int i;
    if (v.decimals < 0 || v.decimals > 18)
        return PEKPPP_ERANGE;
    for (i = 0; i < v.decimals; i++)
        den *= 10;
    return pk_rat_make(out, v.units, den);
}

int pk_dec_format_short(char *buf, size_t size, int64_t scaled)
{
    int decimals = 4;
    while (decimals > 0 && scaled % 10 == 0) {
        scaled /= 10;
        decimals--;
    }
    return pk_fixed_format(buf, size, scaled, decimals);
}

/* Digits of a non-negative 128-bit value, most significant first. */
static size_t u128_digits(char *out, pk_i128 v)
{
    char tmp[48];
    size_t n = 0, i;
    /* 128-bit division is a library call: only for what 64 bits cannot hold. */
    while (v > (pk_i128)UINT64_MAX) {
        tmp[n++] = (char)('0' + (int)(v % 10));
        v /= 10;
    }
    {
        uint64_t w = (uint64_t)v;
        do {
            tmp[n++] = (char)('0' + (int)(w % 10));
            w /= 10;
        } while (w > 0);
    }
    for (i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    return n;
}

int pk_rat_format(char *buf, size_t size, pk_rat v)
{
    char tmp[100];
    size_t n = 0;
    if (v.num < 0) {
        tmp[n++] = '-';
        n += u128_digits(tmp + n, -v.num);
    } else {
        n += u128_digits(tmp + n, v.num);
    }
    tmp[n++] = '/';
    n += u128_digits(tmp + n, v.den);
    if (n + 1 > size)
        return -1;
    memcpy(buf, tmp, n);
    buf[n] = '\0';
    return (int)n;
}

/* A run of at most 38 digits as a 128-bit value; the end in *end. */
static int parse_u128(const char *s, pk_i128 *out, const char **end)
{
    pk_i128 v = 0;
    int n = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (++n > 38)
            return -1;
        v = v * 10 + (*s - '0');
    }
    *end = s;
    *out = v;
    return n > 0 ? 0 : -1;
}

int pk_rat_parse(const char *s, pk_rat *out)
{
    const char *p = s, *end;
    pk_i128 num, den;
    int neg = 0;
    if (!strchr(s, '/')) {
        int64_t scaled;
        if (pk_dec_parse(s, strlen(s), 4, 1, &scaled) != PK_DEC_OK)
            return -1;
        *out = pk_rat_dec(scaled);
        return 0;
    }
    if (*p == '-') {
        neg = 1;
        p++;
    }
    if (parse_u128(p, &num, &end) < 0 || *end != '/' || parse_u128(end + 1, &den, &end) < 0 ||
        *end || den == 0)
        return -1;
    return pk_rat_make(out, neg ? -num : num, den) < 0 ? -1 : 0;
}
