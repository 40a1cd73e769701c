/*
 * A workbook's number as the decimal Excel shows (xlsx.h, pk_xlsx_number).
 *
 * Excel stores a number as the text of a binary64 with up to 17 significant
 * digits ("4.2000000000000002" for 4.2).  The shortest decimal that reads
 * back as the same binary64 is what Excel displays and what the user typed.
 *
 * Decimal text is handled as a digit string D (no leading or trailing zeros)
 * and an exponent E: the value is 0.D x 10^E.  Floating point appears in two
 * small functions only, to learn which binary64 a decimal denotes (strtod)
 * and to print a binary64 with p significant digits (snprintf "%.*e"); every
 * comparison is of the 64-bit patterns, never of floating values, and no
 * arithmetic is done on them (tests/lint/floating-point-allowed.txt).
 *
 * Locale: strtod is only given "DIGITSe[-]EXP", which has no decimal point,
 * and the digits of "%.*e" are read skipping whatever decimal point the
 * locale prints, so LC_NUMERIC (a decimal comma) changes nothing.
 *
 * Fast path: a decimal with at most 15 significant digits in the normal range
 * is already the shortest (DBL_DIG is 15: two different such decimals never
 * denote the same binary64), so it is only written out plainly.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"

#define MAX_DIGITS PK_XLSX_NUMBER_TEXT

typedef struct {
    char d[MAX_DIGITS + 1]; /* significant digits, NUL-terminated */
    size_t n;
    long e;                 /* value = 0.d x 10^e */
    int neg;
} decimal;

/* The binary64 the decimal text @p dec denotes, as its bit pattern. */
static uint64_t binary64_of(const char *dec)
{
    double v = strtod(dec, NULL);
    uint64_t bits;
    memcpy(&bits, &v, sizeof(bits));
    return bits;
}

/* The binary64 @p bits printed with @p prec significant digits ("d.ddde+XX"). */
static int print_binary64(char *buf, size_t cap, int prec, uint64_t bits)
{
    double v;
    memcpy(&v, &bits, sizeof(v));
    return snprintf(buf, cap, "%.*e", prec - 1, v);
}

/* Read [+-]digits[.digits][(e|E)[+-]digits] (at least one mantissa digit) into @p out;
 * with @p any_point, any run of non-digit bytes other than 'e' may stand for the point
 * (what snprintf prints in the current locale).  Returns 0, or -1 when it is not that. */
static int parse(const char *s, size_t len, decimal *out, int any_point)
{
    size_t i = 0, mant = 0;
    int point = 0;
    out->n = 0; /* not a memset of the digits: this runs for every number cell */
    out->e = 0;
    out->neg = 0;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        out->neg = s[i++] == '-';
    for (; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            mant++;
            if (out->n == 0 && c == '0') {
                if (point)
                    out->e--;
                continue;
            }
            if (out->n >= MAX_DIGITS)
                return -1;
            out->d[out->n++] = c;
            if (!point)
                out->e++;
        } else if (c == 'e' || c == 'E') {
            break;
        } else if (!point && (c == '.' || (any_point && mant > 0))) {
            point = 1;
            if (any_point)
                while (i + 1 < len && !(s[i + 1] >= '0' && s[i + 1] <= '9') && s[i + 1] != 'e')
                    i++;
        } else {
            return -1;
        }
    }
    if (mant == 0)
        return -1;
    if (i < len) { /* the exponent */
        long x = 0;
        int xneg = 0;
        size_t digits = 0;
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            xneg = s[i++] == '-';
        for (; i < len; i++, digits++) {
            if (s[i] < '0' || s[i] > '9')
                return -1;
            if (x < 100000)
                x = x * 10 + (s[i] - '0');
        }
        if (digits == 0)
            return -1;
        out->e += xneg ? -x : x;
    }
    while (out->n > 0 && out->d[out->n - 1] == '0')
        out->n--;
    out->d[out->n] = '\0';
    return 0;
}

/* The decimal as strtod input without a decimal point: "DIGITSeEXP". */
static void scientific(const decimal *v, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s%se%ld", v->neg ? "-" : "", v->d, v->e - (long)v->n);
}

/* Write the decimal plainly ("0.001", "250", "-4.2") to @p out; returns its length. */
static int plain(const decimal *v, char *out)
{
    size_t k = 0, i;
    if (v->n == 0) {
        memcpy(out, "0", 2);
        return 1;
    }
    if (v->neg)
        out[k++] = '-';
    if (v->e <= 0) {
        out[k++] = '0';
        out[k++] = '.';
        for (i = 0; i < (size_t)-v->e; i++)
            out[k++] = '0';
        memcpy(out + k, v->d, v->n);
        k += v->n;
    } else if ((size_t)v->e < v->n) {
        memcpy(out + k, v->d, (size_t)v->e);
        k += (size_t)v->e;
        out[k++] = '.';
        memcpy(out + k, v->d + v->e, v->n - (size_t)v->e);
        k += v->n - (size_t)v->e;
    } else {
        memcpy(out + k, v->d, v->n);
        k += v->n;
        for (i = v->n; i < (size_t)v->e; i++)
            out[k++] = '0';
    }
    out[k] = '\0';
    return (int)k;
}

int pk_xlsx_number(const char *text, size_t len, char *out)
{
    decimal v, c;
    char buf[MAX_DIGITS + 32];
    uint64_t bits, magnitude;
    unsigned exp_bits;
    int p, from, to;

    if (len > PK_XLSX_NUMBER_TEXT || parse(text, len, &v, 0) < 0)
        return -1;
    if (v.n == 0) /* zero, and "-0" is 0 */
        return plain(&v, out);
    if (v.n <= 15 && v.e >= -290 && v.e <= 290)
        return plain(&v, out);
    scientific(&v, buf, sizeof(buf));
    bits = binary64_of(buf);
    magnitude = bits & ~(UINT64_C(1) << 63);
    exp_bits = (unsigned)(magnitude >> 52);
    if (exp_bits == 0x7FF || magnitude == 0)
        return -2; /* overflows to infinity, or a non-zero text underflows to zero */
    /* Normal: the shortest has 15 digits or fewer exactly when 15 read back; a subnormal
     * has fewer bits, so every length is tried. */
    from = exp_bits == 0 ? 1 : 15;
    to = 17;
    for (p = from; p <= to; p++) {
        int n = print_binary64(buf, sizeof(buf), p, bits);
        if (n <= 0 || (size_t)n >= sizeof(buf) || parse(buf, (size_t)n, &c, 1) < 0)
            continue;
        scientific(&c, buf, sizeof(buf));
        if (binary64_of(buf) == bits || p == to) {
            c.neg = v.neg;
            if (c.e < -330 || c.e > 310) /* cannot be: binary64 spans 1e-324 to 2e308 */
                return -2;
            return plain(&c, out);
        }
    }
    return -2;
}
