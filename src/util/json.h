/* json: a small strict JSON (RFC 8259) parser into a read-only DOM whose
 * nodes and strings all live in a caller's tac_arena, so a document is
 * freed by resetting or freeing the arena. The parser is iterative (an
 * explicit stack, no recursion), so deeply nested input cannot overflow the
 * C stack; nesting beyond a limit is an error. Errors name line:column
 * (1-based; the column counts characters, not bytes). */
#ifndef TAC_JSON_H
#define TAC_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "util/util.h"

/* Nesting allowed when the caller passes max_depth <= 0. */
#define TAC_JSON_DEFAULT_DEPTH 512

typedef enum tac_json_type {
    TAC_JSON_NULL = 0,
    TAC_JSON_BOOL,
    TAC_JSON_NUMBER,
    TAC_JSON_STRING,
    TAC_JSON_ARRAY,
    TAC_JSON_OBJECT
} tac_json_type;

typedef struct tac_json tac_json;

typedef struct tac_json_member {
    const char *key;          /* decoded, NUL-terminated (may hold "\u0000": use key_len) */
    size_t      key_len;
    tac_json   *value;
} tac_json_member;

struct tac_json {
    tac_json_type type;
    bool          boolean;    /* TAC_JSON_BOOL */
    double        number;     /* TAC_JSON_NUMBER (out-of-range values are +-HUGE_VAL) */
    const char   *str;        /* STRING: decoded UTF-8, NUL-terminated;
                               * NUMBER: its text as written ("1e3") */
    size_t        len;        /* STRING/NUMBER: bytes of str; ARRAY/OBJECT: element count */
    tac_json    **items;      /* ARRAY: len elements */
    tac_json_member *members; /* OBJECT: len members in document order */
    size_t        offset;     /* byte offset of the value in the text (see tac_json_position) */
};

/* Parses text[0..len) (one JSON value with optional surrounding whitespace
 * and an optional UTF-8 byte order mark). Strings must be valid UTF-8 with
 * no raw control characters; escapes include \uXXXX and surrogate pairs
 * (a lone surrogate becomes U+FFFD). `name` (may be NULL) prefixes error
 * messages: "name:3:17: expected ':' after object key". Returns the root,
 * or NULL with err set: TAC_EPARSE for malformed text, TAC_ELIMIT for
 * nesting deeper than max_depth (<= 0: TAC_JSON_DEFAULT_DEPTH), TAC_ENOMEM. */
tac_json *tac_json_parse(const char *text, size_t len, const char *name, int max_depth,
                         tac_arena *arena, tac_error *err);

/* The value of member `key` of an object (the last one if repeated, as in
 * JavaScript); NULL if obj is not an object or has no such key. */
const tac_json *tac_json_get(const tac_json *obj, const char *key);
/* The string of a STRING value; NULL for anything else (or NULL). */
const char *tac_json_string(const tac_json *v);
/* "null", "boolean", "number", "string", "array", "object". */
const char *tac_json_type_name(tac_json_type t);
/* 1-based line and column (in characters) of byte `offset` of text. */
void tac_json_position(const char *text, size_t len, size_t offset, long *line, long *column);

#endif
