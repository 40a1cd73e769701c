/* SHA-256 (FIPS 180-4), for the receipts of rubric and input files. */
#ifndef PK_SHA256_H
#define PK_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t h[8];
    uint64_t bytes;
    unsigned char buf[64];
    size_t fill;
} pk_sha256;

void pk_sha256_init(pk_sha256 *s);
void pk_sha256_update(pk_sha256 *s, const void *data, size_t len);
/* Writes 64 lower-case hex digits and a NUL into @p hex. */
void pk_sha256_final_hex(pk_sha256 *s, char hex[65]);
void pk_sha256_hex(const void *data, size_t len, char hex[65]);

/* The block functions, for the tests: @p n 64-byte blocks into @p h.  The
 * SHA-extension one may only be called when pk_sha256_has_shani() says so
 * (elsewhere it is the portable one). */
void pk_sha256_blocks_portable(uint32_t h[8], const unsigned char *p, size_t n);
void pk_sha256_blocks_shani(uint32_t h[8], const unsigned char *p, size_t n);
int pk_sha256_has_shani(void);

#endif
