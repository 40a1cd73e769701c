/*
 * A bump allocator: many small allocations, one free.
 *
 * A rubric, an assessment and a parsed document each own one arena, so that
 * freeing them is a single call and per-unit memory goes away at once.  Built
 * with PEKPPP_DEBUG_ARENA, every allocation is its own malloc block so that
 * ASan and valgrind see each one.
 */
#ifndef PK_ARENA_H
#define PK_ARENA_H

#include <stddef.h>

typedef struct pk_arena_block pk_arena_block;

typedef struct {
    pk_arena_block *head;
    size_t used; /* bytes handed out, for limits and benchmarks */
} pk_arena;

#define PK_ARENA_INIT { NULL, 0 }

/* Aligned for any object; NULL when out of memory. */
void *pk_arena_alloc(pk_arena *a, size_t size);
/* @p size bytes aligned to @p align (a power of two, at most that of
 * max_align_t): small alignments pack text tightly. */
void *pk_arena_alloc_aligned(pk_arena *a, size_t size, size_t align);
/* A NUL-terminated copy of @p len bytes (byte-aligned); NULL when out of memory. */
char *pk_arena_strndup(pk_arena *a, const char *s, size_t len);
void pk_arena_free(pk_arena *a);

/* The library's allocator hooks (see pekppp_set_allocator in alloc.c). */
void *pk_malloc(size_t size);
void *pk_realloc(void *p, size_t size);
void pk_free(void *p);

#endif
