#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

struct tac_arena_block {
    tac_arena_block *next;
    size_t size;          /* usable bytes in data[] */
    size_t used;
    _Alignas(16) unsigned char data[];
};

#define ARENA_ALIGN 16

void tac_arena_init(tac_arena *a, size_t block_size)
{
    memset(a, 0, sizeof *a);
    a->block_size = block_size ? block_size : 64 * 1024;
}

static tac_arena_block *block_new(size_t size)
{
    tac_arena_block *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

/* Moves to the next block in the chain that can hold `size`, or appends a
 * new one. Blocks too small for an oversized request stay in the chain. */
static tac_arena_block *arena_grow(tac_arena *a, size_t size)
{
    tac_arena_block *b = a->head ? a->head->next : a->first;
    while (b && b->size < size)
        b = b->next;
    if (b) {
        b->used = 0;
        a->head = b;
        return b;
    }
    size_t want = size > a->block_size ? size : a->block_size;
    b = block_new(want);
    if (!b)
        return NULL;
    if (!a->first) {
        a->first = b;
    } else {
        tac_arena_block *last = a->head ? a->head : a->first;
        while (last->next)
            last = last->next;
        last->next = b;
    }
    a->head = b;
    return b;
}

void *tac_arena_alloc(tac_arena *a, size_t size)
{
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (size == 0)
        size = ARENA_ALIGN;
    tac_arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        b = arena_grow(a, size);
        if (!b)
            return NULL;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->used += size;
    if (a->used > a->peak)
        a->peak = a->used;
    return p;
}

void *tac_arena_calloc(tac_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = tac_arena_alloc(a, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

char *tac_arena_strndup(tac_arena *a, const char *s, size_t n)
{
    char *p = tac_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *tac_arena_strdup(tac_arena *a, const char *s)
{
    return tac_arena_strndup(a, s, strlen(s));
}

/* Formats straight into the free end of the current block, so the usual
 * short string costs one vsnprintf instead of a sizing pass and a second
 * one (the coder builds provenance strings this way for every actor). */
char *tac_arena_printf(tac_arena *a, const char *fmt, ...)
{
    va_list ap;
    tac_arena_block *b = a->head;
    size_t room = b ? b->size - b->used : 0;
    char *at = room ? (char *)b->data + b->used : NULL;
    va_start(ap, fmt);
    int n = vsnprintf(at, room, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = tac_arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    if ((size_t)n < room) {
        if (p != at)            /* rounding up took it to another block */
            memcpy(p, at, (size_t)n + 1);
        return p;
    }
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void tac_arena_reset(tac_arena *a)
{
    if (a->first)
        a->first->used = 0;
    a->head = a->first;
    a->used = 0;
}

void tac_arena_free(tac_arena *a)
{
    tac_arena_block *b = a->first;
    while (b) {
        tac_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->first = a->head = NULL;
    a->used = 0;
}
