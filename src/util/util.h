/* util: the small pieces every stage shares — status values with messages,
 * arenas for per-sentence memory, growable byte buffers, string hashing and
 * diagnostics. No global state: everything is passed explicitly. */
#ifndef TAC_UTIL_H
#define TAC_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "tacitus.h"

/* ---- errors ---------------------------------------------------------- */

/* Sets err (if not NULL) and returns status, so callers can write
 * `return tac_fail(err, TAC_EPARSE, "%s:%ld: bad token", file, line);` */
tac_status tac_fail(tac_error *err, tac_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void tac_error_clear(tac_error *err);

/* ---- diagnostics ----------------------------------------------------- */

/* Reports a warning or error through the caller's sink; silent when the
 * sink is NULL. `where` is "file:line" or a record id. */
void tac_diag_emit(const tac_diag *diag, tac_severity sev, const char *where,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* ---- arena ----------------------------------------------------------- */

/* A bump allocator: per-sentence and per-record work allocates here and the
 * whole arena is reset at once. Blocks are kept across resets. */
typedef struct tac_arena_block tac_arena_block;
typedef struct tac_arena {
    tac_arena_block *head;    /* block being filled */
    tac_arena_block *first;   /* chain kept for reuse after reset */
    size_t block_size;
    size_t peak;              /* largest total ever in use, for benchmarks */
    size_t used;
} tac_arena;

void  tac_arena_init(tac_arena *a, size_t block_size);
void *tac_arena_alloc(tac_arena *a, size_t size);          /* 16-byte aligned; NULL on OOM */
void *tac_arena_calloc(tac_arena *a, size_t n, size_t size);
char *tac_arena_strndup(tac_arena *a, const char *s, size_t n);
char *tac_arena_strdup(tac_arena *a, const char *s);
char *tac_arena_printf(tac_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void  tac_arena_reset(tac_arena *a);
void  tac_arena_free(tac_arena *a);

/* ---- growable buffer ------------------------------------------------- */

typedef struct tac_buf {
    char  *data;     /* always NUL-terminated when len > 0 or after any append */
    size_t len;
    size_t cap;
} tac_buf;

void tac_buf_init(tac_buf *b);
bool tac_buf_reserve(tac_buf *b, size_t extra);
bool tac_buf_append(tac_buf *b, const void *data, size_t n);
bool tac_buf_puts(tac_buf *b, const char *s);
bool tac_buf_putc(tac_buf *b, char c);
bool tac_buf_printf(tac_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool tac_buf_vprintf(tac_buf *b, const char *fmt, va_list ap);
/* Appends s as the body of a JSON string (no surrounding quotes). */
bool tac_buf_json_escape(tac_buf *b, const char *s, size_t n);
void tac_buf_clear(tac_buf *b);
void tac_buf_free(tac_buf *b);

/* ---- hashing --------------------------------------------------------- */

uint64_t tac_hash_bytes(const void *data, size_t n);
static inline uint64_t tac_hash_str(const char *s);

/* ---- small string helpers -------------------------------------------- */

/* Reads a whole file into a NUL-terminated malloc'd buffer. */
tac_status tac_read_file(const char *path, char **out, size_t *out_len, tac_error *err);
bool tac_str_iequal(const char *a, const char *b);
bool tac_str_has_suffix(const char *s, const char *suffix);

/* Where our own dictionaries (data/) and build-time products (models,
 * generated dictionaries) are; overridable by TACITUS_DATA / TACITUS_BUILD. */
const char *tac_data_dir(void);
const char *tac_build_dir(void);

/* Monotonic clock in seconds, for progress reports and benchmarks. */
double tac_now(void);

#include <string.h>
static inline uint64_t tac_hash_str(const char *s) { return tac_hash_bytes(s, strlen(s)); }

#endif
