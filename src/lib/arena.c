/*
 * Arena and allocator hooks.  See arena.h.
 *
 * Blocks are chained; a request larger than the default block size gets a
 * block of its own.  All memory the library takes goes through pk_malloc, so
 * a test can make the N-th allocation fail.
 */
#include "arena.h"

#include <stdlib.h>
#include <string.h>
#include <stdalign.h>

#include <cjson/cJSON.h>

#include "pekppp/common.h"

struct pk_arena_block {
    pk_arena_block *next;
    size_t size;
    size_t used;
    alignas(max_align_t) unsigned char data[];
};

#define PK_ARENA_BLOCK (16u * 1024u)

static void *(*hook_malloc)(size_t) = malloc;
static void *(*hook_realloc)(void *, size_t) = realloc;
static void (*hook_free)(void *) = free;

void pekppp_set_allocator(void *(*m)(size_t), void *(*r)(void *, size_t), void (*f)(void *))
{
    cJSON_Hooks hooks;
    hook_malloc = m ? m : malloc;
    hook_realloc = r ? r : realloc;
    hook_free = f ? f : free;
    /* cJSON builds the JSON reports: its memory goes the same way. */
    hooks.malloc_fn = hook_malloc;
    hooks.free_fn = hook_free;
    cJSON_InitHooks(&hooks);
}

void *pk_malloc(size_t size)
{
    return hook_malloc(size ? size : 1);
}

void *pk_realloc(void *p, size_t size)
{
    return hook_realloc(p, size ? size : 1);
}

void pk_free(void *p)
{
    if (p)
        hook_free(p);
}

void *pk_arena_alloc_aligned(pk_arena *a, size_t size, size_t align)
{
    pk_arena_block *b = a->head;
    size_t pad = 0;
    (void)align; /* unused when every allocation is its own block */
    if (size == 0)
        size = 1;
#ifndef PEKPPP_DEBUG_ARENA
    if (b)
        pad = (align - (b->used & (align - 1))) & (align - 1);
    if (!b || b->size - b->used < size + pad) {
#endif
        size_t bsize = size > PK_ARENA_BLOCK ? size : PK_ARENA_BLOCK;
#ifdef PEKPPP_DEBUG_ARENA
        bsize = size;
#endif
        b = pk_malloc(sizeof(*b) + bsize);
        if (!b)
            return NULL;
        b->size = bsize;
        b->used = 0;
        pad = 0;
        /* A dedicated large block goes behind the head so the head keeps its space. */
        if (a->head && bsize == size && a->head->size - a->head->used > 0) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
#ifndef PEKPPP_DEBUG_ARENA
    }
#endif
    b->used += pad + size;
    a->used += pad + size;
    return b->data + b->used - size;
}

void *pk_arena_alloc(pk_arena *a, size_t size)
{
    return pk_arena_alloc_aligned(a, size, alignof(max_align_t));
}

char *pk_arena_strndup(pk_arena *a, const char *s, size_t len)
{
    char *p = pk_arena_alloc_aligned(a, len + 1, 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void pk_arena_free(pk_arena *a)
{
    pk_arena_block *b = a->head;
    while (b) {
        pk_arena_block *next = b->next;
        pk_free(b);
        b = next;
    }
    a->head = NULL;
    a->used = 0;
}
