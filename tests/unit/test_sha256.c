/*
 * Unit tests for sha256.c against the FIPS 180-4 example vectors, plus the
 * lengths around the padding boundary (55/56/63/64 bytes), whose digests were
 * taken from an independent implementation (coreutils sha256sum).  Feeding
 * the same bytes in odd-sized chunks must give the same digest.  On a
 * processor with the SHA extensions both block functions run, and must
 * agree on every block of a pseudo-random megabyte.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sha256.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

static const char abc448[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
static const char abc896[] = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                             "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

typedef struct {
    const char *text;
    const char *digest;
} text_case;

static const text_case fips_cases[] = {
    { "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    { abc448, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
    { abc896, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
};

static void test_sha256__matches_fips_180_4_vectors(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < N_ELEMS(fips_cases); i++) {
        char hex[65];
        memset(hex, 'x', sizeof(hex));
        pk_sha256_hex(fips_cases[i].text, strlen(fips_cases[i].text), hex);
        assert_string_equal(hex, fips_cases[i].digest);
    }
}

static void test_sha256__one_million_a_through_repeated_updates(void **state)
{
    char block[1000], hex[65];
    pk_sha256 s;
    int i;
    (void)state;
    memset(block, 'a', sizeof(block));
    pk_sha256_init(&s);
    for (i = 0; i < 1000; i++)
        pk_sha256_update(&s, block, sizeof(block));
    pk_sha256_final_hex(&s, hex);
    assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

typedef struct {
    size_t len; /* of a run of 'a' */
    const char *digest;
} run_case;

/* Where the length field and the padding byte do or do not share a block. */
static const run_case padding_cases[] = {
    { 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318" },
    { 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a" },
    { 57, "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6" },
    { 63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34" },
    { 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb" },
    { 65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0" },
    { 119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb" },
    { 120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c" },
};

static void test_sha256__pads_correctly_around_block_boundaries(void **state)
{
    char data[128], hex[65];
    size_t i;
    (void)state;
    memset(data, 'a', sizeof(data));
    for (i = 0; i < N_ELEMS(padding_cases); i++) {
        pk_sha256_hex(data, padding_cases[i].len, hex);
        if (strcmp(hex, padding_cases[i].digest) != 0)
            fail_msg("%zu x 'a': %s, expected %s", padding_cases[i].len, hex,
                     padding_cases[i].digest);
    }
}

/* Hash @p data fed in chunks of @p chunk bytes (with empty updates between). */
static void hash_in_chunks(const char *data, size_t len, size_t chunk, char hex[65])
{
    pk_sha256 s;
    size_t off = 0;
    pk_sha256_init(&s);
    while (off < len) {
        size_t n = len - off < chunk ? len - off : chunk;
        pk_sha256_update(&s, data + off, n);
        pk_sha256_update(&s, data + off, 0);
        off += n;
    }
    pk_sha256_final_hex(&s, hex);
}

static const size_t odd_chunks[] = { 1, 3, 7, 13, 55, 63, 65, 127, 1000, 4097 };

static void test_sha256__odd_chunks_give_the_same_digest(void **state)
{
    size_t i, len = 10000;
    char one_shot[65], hex[65];
    char *data = malloc(len);
    (void)state;
    assert_non_null(data);
    for (i = 0; i < len; i++)
        data[i] = (char)('a' + (char)(i * 7 % 26));
    pk_sha256_hex(data, len, one_shot);
    for (i = 0; i < N_ELEMS(odd_chunks); i++) {
        hash_in_chunks(data, len, odd_chunks[i], hex);
        if (strcmp(hex, one_shot) != 0) {
            free(data);
            fail_msg("chunks of %zu: %s, one shot %s", odd_chunks[i], hex, one_shot);
        }
    }
    free(data);

    /* the 448-bit vector, in chunks */
    for (i = 0; i < N_ELEMS(odd_chunks); i++) {
        hash_in_chunks(abc448, strlen(abc448), odd_chunks[i], hex);
        assert_string_equal(hex, fips_cases[2].digest);
    }
}

/* Both block functions give the same state, block after block.  The
 * bytes come from a fixed linear congruential sequence. */
static void test_sha256__the_sha_extension_path_agrees_with_the_portable_one(void **state)
{
    size_t i, nblocks = 16384;
    unsigned char *data = malloc(nblocks * 64);
    uint32_t a[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 }, b[8];
    uint32_t x = 12345;
    (void)state;
    if (!pk_sha256_has_shani()) {
        free(data);
        print_message("note: no SHA extensions on this processor (or under valgrind): only the "
                      "portable path runs, and the other tests cover it\n");
        skip();
    }
    assert_non_null(data);
    for (i = 0; i < nblocks * 64; i++) {
        x = x * 1103515245u + 12345u;
        data[i] = (unsigned char)(x >> 16);
    }
    memcpy(b, a, sizeof(a));
    for (i = 0; i < nblocks; i++) {
        pk_sha256_blocks_portable(a, data + 64 * i, 1);
        pk_sha256_blocks_shani(b, data + 64 * i, 1);
        if (memcmp(a, b, sizeof(a)) != 0) {
            free(data);
            fail_msg("the two paths differ after block %zu", i);
        }
    }
    /* Many blocks in one call, from the same start. */
    {
        uint32_t c[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                          0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
        pk_sha256_blocks_shani(c, data, nblocks);
        assert_memory_equal(c, a, sizeof(a));
    }
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256__matches_fips_180_4_vectors),
        cmocka_unit_test(test_sha256__one_million_a_through_repeated_updates),
        cmocka_unit_test(test_sha256__pads_correctly_around_block_boundaries),
        cmocka_unit_test(test_sha256__odd_chunks_give_the_same_digest),
        cmocka_unit_test(test_sha256__the_sha_extension_path_agrees_with_the_portable_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
