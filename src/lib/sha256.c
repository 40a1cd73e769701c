/*
 * SHA-256 as FIPS 180-4 specifies it.  Every input file is hashed for the
 * receipt, so on x86-64 processors with the SHA extensions the blocks go
 * through those instructions (several times faster on a 16 MB sheet); the
 * portable code is the reference, and both are checked against the
 * standard's test vectors and against each other in tests/unit/test_sha256.c.
 */
#include "sha256.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define PK_SHA_NI 1
#include <stdatomic.h>
#include <cpuid.h>
#include <immintrin.h>
#endif

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2
};

static uint32_t rotr(uint32_t x, unsigned n)
{
    return (x >> n) | (x << (32 - n));
}

static void compress(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[64], a, b, c, d, e, f, g, hh;
    unsigned i;
    for (i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
    for (i = 16; i < 64; i++) {
        uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    a = h[0]; b = h[1]; c = h[2]; d = h[3];
    e = h[4]; f = h[5]; g = h[6]; hh = h[7];
    for (i = 0; i < 64; i++) {
        uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g; g = f; f = e; e = d + t1;
        d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

void pk_sha256_blocks_portable(uint32_t h[8], const unsigned char *p, size_t n)
{
    for (; n > 0; n--, p += 64)
        compress(h, p);
}

#ifdef PK_SHA_NI
/* The same with the SHA extensions.  SHA256RNDS2 does two rounds on the
 * state split as {A,B,E,F} and {C,D,G,H} (A in the top lane); after two
 * rounds the old {A,B,E,F} is the new {C,D,G,H}, so the two registers
 * take turns.  SHA256MSG1/MSG2 extend the message four words at a time. */
__attribute__((target("sha,sse4.1,ssse3")))
void pk_sha256_blocks_shani(uint32_t h[8], const unsigned char *p, size_t n)
{
    const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i abef, cdgh, t;
    t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)(const void *)&h[0]), 0xB1); /* B A D C */
    cdgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)(const void *)&h[4]), 0x1B); /* H G F E */
    abef = _mm_alignr_epi8(t, cdgh, 8);  /* F E B A: A on top */
    cdgh = _mm_blend_epi16(cdgh, t, 0xF0); /* H G D C: C on top */
    for (; n > 0; n--, p += 64) {
        __m128i m[4], w, abef0 = abef, cdgh0 = cdgh;
        unsigned i;
        for (i = 0; i < 4; i++)
            m[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i)), bswap);
        for (i = 0; i < 16; i++) {
            if (i >= 4) {
                /* W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16], four at once. */
                t = _mm_sha256msg1_epu32(m[i % 4], m[(i + 1) % 4]);
                t = _mm_add_epi32(t, _mm_alignr_epi8(m[(i + 3) % 4], m[(i + 2) % 4], 4));
                m[i % 4] = _mm_sha256msg2_epu32(t, m[(i + 3) % 4]);
            }
            w = _mm_add_epi32(m[i % 4], _mm_loadu_si128((const __m128i *)(const void *)&K[4 * i]));
            /* Rounds 4i and 4i+1 leave {A,B,E,F} in cdgh and {C,D,G,H} in
             * abef; rounds 4i+2 and 4i+3 put them back. */
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, w);
            w = _mm_shuffle_epi32(w, 0x0E);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, w);
        }
        abef = _mm_add_epi32(abef, abef0);
        cdgh = _mm_add_epi32(cdgh, cdgh0);
    }
    t = _mm_shuffle_epi32(abef, 0x1B);     /* A B E F, A in the lowest lane */
    cdgh = _mm_shuffle_epi32(cdgh, 0xB1);  /* G H C D */
    _mm_storeu_si128((__m128i *)(void *)&h[0], _mm_blend_epi16(t, cdgh, 0xF0));  /* A B C D */
    _mm_storeu_si128((__m128i *)(void *)&h[4], _mm_alignr_epi8(cdgh, t, 8));     /* E F G H */
}

int pk_sha256_has_shani(void)
{
    static atomic_int known; /* 0: not asked yet, 1: no, 2: yes */
    int v = atomic_load_explicit(&known, memory_order_relaxed);
    if (v == 0) {
        unsigned a, b, c, d;
        int yes = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3) && (c & bit_SSE4_1) &&
                  __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA);
        v = yes ? 2 : 1;
        atomic_store_explicit(&known, v, memory_order_relaxed);
    }
    return v == 2;
}
#else
void pk_sha256_blocks_shani(uint32_t h[8], const unsigned char *p, size_t n)
{
    pk_sha256_blocks_portable(h, p, n);
}

int pk_sha256_has_shani(void)
{
    return 0;
}
#endif

static void blocks(uint32_t h[8], const unsigned char *p, size_t n)
{
    if (pk_sha256_has_shani())
        pk_sha256_blocks_shani(h, p, n);
    else
        pk_sha256_blocks_portable(h, p, n);
}

void pk_sha256_init(pk_sha256 *s)
{
    static const uint32_t init[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    memcpy(s->h, init, sizeof(init));
    s->bytes = 0;
    s->fill = 0;
}

void pk_sha256_update(pk_sha256 *s, const void *data, size_t len)
{
    const unsigned char *p = data;
    if (len == 0)
        return; /* data may be NULL then */
    s->bytes += len;
    if (s->fill > 0) {
        size_t take = 64 - s->fill;
        if (take > len)
            take = len;
        memcpy(s->buf + s->fill, p, take);
        s->fill += take;
        p += take;
        len -= take;
        if (s->fill < 64)
            return;
        blocks(s->h, s->buf, 1);
        s->fill = 0;
    }
    /* Whole blocks straight from the input, the rest kept for later. */
    if (len >= 64) {
        blocks(s->h, p, len / 64);
        p += len / 64 * 64;
        len %= 64;
    }
    memcpy(s->buf, p, len);
    s->fill = len;
}

void pk_sha256_final_hex(pk_sha256 *s, char hex[65])
{
    static const char digits[] = "0123456789abcdef";
    uint64_t bits = s->bytes * 8;
    unsigned char pad = 0x80, len[8];
    unsigned i;
    pk_sha256_update(s, &pad, 1);
    pad = 0;
    while (s->fill != 56)
        pk_sha256_update(s, &pad, 1);
    for (i = 0; i < 8; i++)
        len[i] = (unsigned char)(bits >> (56 - 8 * i));
    pk_sha256_update(s, len, 8);
    for (i = 0; i < 32; i++) {
        unsigned char byte = (unsigned char)(s->h[i / 4] >> (24 - 8 * (i % 4)));
        hex[2 * i] = digits[byte >> 4];
        hex[2 * i + 1] = digits[byte & 15];
    }
    hex[64] = '\0';
}

void pk_sha256_hex(const void *data, size_t len, char hex[65])
{
    pk_sha256 s;
    pk_sha256_init(&s);
    pk_sha256_update(&s, data, len);
    pk_sha256_final_hex(&s, hex);
}
