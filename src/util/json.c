/* json: strict JSON into an arena DOM (see json.h).
 *
 * The parser keeps two explicit stacks instead of recursing: the open
 * containers (frames) and the elements parsed so far for all of them (one
 * shared vector; a container's elements are the tail starting at its
 * frame's `first`). Closing a container copies its tail into the arena.
 * So nesting depth costs heap, never C stack, and each byte is looked at
 * a bounded number of times. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/json.h"

typedef struct json_frame {
    tac_json   *node;        /* the container being filled */
    size_t      first;       /* its first element in parser.elems */
    const char *key;         /* objects: key of the value being parsed */
    size_t      key_len;
} json_frame;

typedef struct json_parser {
    const char *text, *p, *end;
    const char *name;
    int         max_depth;
    tac_arena  *arena;
    tac_error  *err;
    json_frame *frames;
    size_t      n_frames, cap_frames;
    tac_json_member *elems;
    size_t      n_elems, cap_elems;
} json_parser;

/* ---- errors ---------------------------------------------------------- */

void tac_json_position(const char *text, size_t len, size_t offset, long *line, long *column)
{
    long ln = 1, col = 1;
    if (offset > len)
        offset = len;
    for (size_t i = 0; i < offset; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n') {
            ln++;
            col = 1;
        } else if ((c & 0xC0) != 0x80) {   /* continuation bytes share a column */
            col++;
        }
    }
    *line = ln;
    *column = col;
}

static tac_json *fail_at(json_parser *ps, const char *at, tac_status status, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static tac_json *fail_at(json_parser *ps, const char *at, tac_status status, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    long line, col;
    tac_json_position(ps->text, (size_t)(ps->end - ps->text), (size_t)(at - ps->text), &line, &col);
    if (ps->name)
        tac_fail(ps->err, status, "%s:%ld:%ld: %s", ps->name, line, col, msg);
    else
        tac_fail(ps->err, status, "%ld:%ld: %s", line, col, msg);
    return NULL;
}

static tac_json *fail_nomem(json_parser *ps)
{
    tac_fail(ps->err, TAC_ENOMEM, "%s: out of memory parsing JSON", ps->name ? ps->name : "json");
    return NULL;
}

/* Describes the byte at p for an "unexpected" message. */
static const char *describe(const json_parser *ps, const char *p, char buf[32])
{
    if (p >= ps->end)
        return "end of input";
    unsigned char c = (unsigned char)*p;
    if (c >= 0x20 && c < 0x7F)
        snprintf(buf, 32, "'%c'", c);
    else
        snprintf(buf, 32, "byte 0x%02X", c);
    return buf;
}

/* ---- scanning -------------------------------------------------------- */

static void skip_ws(json_parser *ps)
{
    while (ps->p < ps->end &&
           (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
        ps->p++;
}

static tac_json *new_node(json_parser *ps, tac_json_type type, const char *at)
{
    tac_json *v = tac_arena_calloc(ps->arena, 1, sizeof *v);
    if (!v)
        return fail_nomem(ps);
    v->type = type;
    v->offset = (size_t)(at - ps->text);
    return v;
}

/* Length of the valid UTF-8 sequence at s (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF), or 0. */
static size_t utf8_seq_len(const unsigned char *s, const unsigned char *end)
{
    unsigned char c = s[0];
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        return 0;
    }
    if ((size_t)(end - s) < n || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return n;
}

static size_t utf8_encode(unsigned long cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The 4 hex digits at s (s + 4 <= end checked by the caller), or -1. */
static long hex4(const char *s)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Decodes a \u escape at s (pointing at the backslash) into out; returns
 * the bytes of input consumed (6, or 12 for a surrogate pair), 0 if bad. */
static size_t decode_u_escape(const char *s, const char *end, char *out, size_t *out_n)
{
    if (end - s < 6)
        return 0;
    long cp = hex4(s + 2);
    if (cp < 0)
        return 0;
    if (cp >= 0xD800 && cp <= 0xDBFF && end - s >= 12 && s[6] == '\\' && s[7] == 'u') {
        long lo = hex4(s + 8);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
            unsigned long full = 0x10000 + (((unsigned long)cp - 0xD800) << 10) +
                                 ((unsigned long)lo - 0xDC00);
            *out_n = utf8_encode(full, out);
            return 12;
        }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF)
        cp = 0xFFFD;   /* a lone surrogate has no UTF-8 form */
    *out_n = utf8_encode((unsigned long)cp, out);
    return 6;
}

/* Parses the string at ps->p (a '"') into the arena. */
static bool parse_string(json_parser *ps, const char **out, size_t *out_len)
{
    const char *open = ps->p;
    const char *q = open + 1;
    while (q < ps->end && *q != '"')
        q += (*q == '\\' && q + 1 < ps->end) ? 2 : 1;
    if (q >= ps->end) {
        fail_at(ps, open, TAC_EPARSE, "unterminated string");
        return false;
    }
    /* Escapes never decode to more bytes than they are written with. */
    char *buf = tac_arena_alloc(ps->arena, (size_t)(q - open));
    if (!buf) {
        fail_nomem(ps);
        return false;
    }
    size_t n = 0;
    const char *s = open + 1;
    while (s < q) {
        unsigned char c = (unsigned char)*s;
        if (c == '\\') {
            char e = s[1];
            static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
            const char *hit = e ? strchr(from, e) : NULL;
            if (hit) {
                buf[n++] = to[hit - from];
                s += 2;
            } else if (e == 'u') {
                size_t used, w;
                used = decode_u_escape(s, q, buf + n, &w);
                if (!used) {
                    fail_at(ps, s, TAC_EPARSE, "bad \\u escape (four hex digits expected)");
                    return false;
                }
                n += w;
                s += used;
            } else {
                char d[32];
                fail_at(ps, s, TAC_EPARSE, "unknown escape \\%s in string",
                        describe(ps, s + 1, d));
                return false;
            }
        } else if (c < 0x20) {
            fail_at(ps, s, TAC_EPARSE, "control character 0x%02X in string (write it as \\u%04X)",
                    c, c);
            return false;
        } else {
            size_t k = utf8_seq_len((const unsigned char *)s, (const unsigned char *)q);
            if (!k) {
                fail_at(ps, s, TAC_EPARSE, "invalid UTF-8 byte 0x%02X in string", c);
                return false;
            }
            memcpy(buf + n, s, k);
            n += k;
            s += k;
        }
    }
    buf[n] = '\0';
    *out = buf;
    *out_len = n;
    ps->p = q + 1;
    return true;
}

static bool is_digit(const json_parser *ps, const char *s)
{
    return s < ps->end && *s >= '0' && *s <= '9';
}

static tac_json *parse_number(json_parser *ps)
{
    const char *start = ps->p, *s = start;
    if (s < ps->end && *s == '-')
        s++;
    if (!is_digit(ps, s))
        return fail_at(ps, start, TAC_EPARSE, "bad number: digit expected");
    if (*s == '0') {
        s++;
        if (is_digit(ps, s))
            return fail_at(ps, start, TAC_EPARSE, "bad number: leading zero");
    } else {
        while (is_digit(ps, s))
            s++;
    }
    if (s < ps->end && *s == '.') {
        s++;
        if (!is_digit(ps, s))
            return fail_at(ps, s, TAC_EPARSE, "bad number: digit expected after '.'");
        while (is_digit(ps, s))
            s++;
    }
    if (s < ps->end && (*s == 'e' || *s == 'E')) {
        s++;
        if (s < ps->end && (*s == '+' || *s == '-'))
            s++;
        if (!is_digit(ps, s))
            return fail_at(ps, s, TAC_EPARSE, "bad number: digit expected in exponent");
        while (is_digit(ps, s))
            s++;
    }
    tac_json *v = new_node(ps, TAC_JSON_NUMBER, start);
    if (!v)
        return NULL;
    v->len = (size_t)(s - start);
    v->str = tac_arena_strndup(ps->arena, start, v->len);
    if (!v->str)
        return fail_nomem(ps);
    v->number = strtod(v->str, NULL);   /* the grammar above is a subset of strtod's */
    ps->p = s;
    return v;
}

static tac_json *parse_scalar(json_parser *ps)
{
    static const struct { const char *word; size_t len; tac_json_type type; bool value; } lits[] = {
        {"true", 4, TAC_JSON_BOOL, true},
        {"false", 5, TAC_JSON_BOOL, false},
        {"null", 4, TAC_JSON_NULL, false},
    };
    const char *at = ps->p;
    char c = *at;
    if (c == '"') {
        tac_json *v = new_node(ps, TAC_JSON_STRING, at);
        if (!v || !parse_string(ps, &v->str, &v->len))
            return NULL;
        return v;
    }
    if (c == '-' || (c >= '0' && c <= '9'))
        return parse_number(ps);
    for (size_t i = 0; i < sizeof lits / sizeof lits[0]; i++) {
        if ((size_t)(ps->end - at) >= lits[i].len && !memcmp(at, lits[i].word, lits[i].len)) {
            tac_json *v = new_node(ps, lits[i].type, at);
            if (!v)
                return NULL;
            v->boolean = lits[i].value;
            ps->p = at + lits[i].len;
            return v;
        }
    }
    char d[32];
    return fail_at(ps, at, TAC_EPARSE, "expected a value, found %s", describe(ps, at, d));
}

/* ---- containers ------------------------------------------------------ */

static bool push_frame(json_parser *ps, tac_json *node)
{
    if (ps->n_frames == ps->cap_frames) {
        size_t cap = ps->cap_frames ? ps->cap_frames * 2 : 16;
        json_frame *f = realloc(ps->frames, cap * sizeof *f);
        if (!f) {
            fail_nomem(ps);
            return false;
        }
        ps->frames = f;
        ps->cap_frames = cap;
    }
    ps->frames[ps->n_frames++] = (json_frame){.node = node, .first = ps->n_elems};
    return true;
}

static bool push_elem(json_parser *ps, const json_frame *f, tac_json *v)
{
    if (ps->n_elems == ps->cap_elems) {
        size_t cap = ps->cap_elems ? ps->cap_elems * 2 : 64;
        tac_json_member *e = realloc(ps->elems, cap * sizeof *e);
        if (!e) {
            fail_nomem(ps);
            return false;
        }
        ps->elems = e;
        ps->cap_elems = cap;
    }
    ps->elems[ps->n_elems++] = (tac_json_member){f->key, f->key_len, v};
    return true;
}

/* Moves the top container's elements into the arena and pops it. */
static tac_json *close_frame(json_parser *ps)
{
    json_frame *f = &ps->frames[ps->n_frames - 1];
    tac_json *node = f->node;
    size_t n = ps->n_elems - f->first;
    const tac_json_member *src = ps->elems + f->first;
    node->len = n;
    if (n && node->type == TAC_JSON_OBJECT) {
        node->members = tac_arena_alloc(ps->arena, n * sizeof *node->members);
        if (!node->members)
            return fail_nomem(ps);
        memcpy(node->members, src, n * sizeof *src);
    } else if (n) {
        node->items = tac_arena_alloc(ps->arena, n * sizeof *node->items);
        if (!node->items)
            return fail_nomem(ps);
        for (size_t i = 0; i < n; i++)
            node->items[i] = src[i].value;
    }
    ps->n_elems = f->first;
    ps->n_frames--;
    return node;
}

/* At a key of the top object: reads `"key" :` into the frame. */
static bool parse_key(json_parser *ps)
{
    json_frame *f = &ps->frames[ps->n_frames - 1];
    skip_ws(ps);
    if (ps->p >= ps->end || *ps->p != '"') {
        char d[32];
        fail_at(ps, ps->p, TAC_EPARSE, "expected a string key, found %s", describe(ps, ps->p, d));
        return false;
    }
    if (!parse_string(ps, &f->key, &f->key_len))
        return false;
    skip_ws(ps);
    if (ps->p >= ps->end || *ps->p != ':') {
        char d[32];
        fail_at(ps, ps->p, TAC_EPARSE, "expected ':' after object key, found %s",
                describe(ps, ps->p, d));
        return false;
    }
    ps->p++;
    return true;
}

/* At '{' or '[': opens a container. *closed is set to it if it was empty
 * ("{}" or "[]"), since then it is a complete value already. */
static bool open_container(json_parser *ps, tac_json **closed)
{
    const char *at = ps->p;
    bool is_object = *at == '{';
    if (ps->n_frames >= (size_t)ps->max_depth) {
        fail_at(ps, at, TAC_ELIMIT, "nesting deeper than %d levels", ps->max_depth);
        return false;
    }
    tac_json *node = new_node(ps, is_object ? TAC_JSON_OBJECT : TAC_JSON_ARRAY, at);
    if (!node || !push_frame(ps, node))
        return false;
    ps->p++;
    skip_ws(ps);
    *closed = NULL;
    if (ps->p < ps->end && *ps->p == (is_object ? '}' : ']')) {
        ps->p++;
        *closed = close_frame(ps);
        return *closed != NULL;
    }
    return is_object ? parse_key(ps) : true;
}

/* v is a complete value: adds it to the open container and consumes the
 * ',' or closing brackets that follow. Returns 1 when another value is
 * expected, 0 when the root is complete (*root set), -1 on error. */
static int after_value(json_parser *ps, tac_json *v, tac_json **root)
{
    for (;;) {
        if (ps->n_frames == 0) {
            *root = v;
            return 0;
        }
        json_frame *f = &ps->frames[ps->n_frames - 1];
        bool is_object = f->node->type == TAC_JSON_OBJECT;
        if (!push_elem(ps, f, v))
            return -1;
        skip_ws(ps);
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            return (!is_object || parse_key(ps)) ? 1 : -1;
        }
        if (ps->p < ps->end && *ps->p == (is_object ? '}' : ']')) {
            ps->p++;
            v = close_frame(ps);
            if (!v)
                return -1;
            continue;
        }
        char d[32];
        fail_at(ps, ps->p, TAC_EPARSE, "expected ',' or '%c' after %s element, found %s",
                is_object ? '}' : ']', is_object ? "an object" : "an array",
                describe(ps, ps->p, d));
        return -1;
    }
}

static tac_json *parse_document(json_parser *ps)
{
    tac_json *root = NULL;
    for (;;) {
        skip_ws(ps);
        if (ps->p >= ps->end)
            return fail_at(ps, ps->p, TAC_EPARSE, "unexpected end of input, expected a value");
        tac_json *v;
        if (*ps->p == '{' || *ps->p == '[') {
            if (!open_container(ps, &v))
                return NULL;
            if (!v)
                continue;   /* inside a new container: parse its first value */
        } else {
            v = parse_scalar(ps);
            if (!v)
                return NULL;
        }
        int r = after_value(ps, v, &root);
        if (r < 0)
            return NULL;
        if (r == 0)
            break;
    }
    skip_ws(ps);
    if (ps->p < ps->end) {
        char d[32];
        return fail_at(ps, ps->p, TAC_EPARSE, "unexpected %s after the JSON value",
                       describe(ps, ps->p, d));
    }
    return root;
}

tac_json *tac_json_parse(const char *text, size_t len, const char *name, int max_depth,
                         tac_arena *arena, tac_error *err)
{
    if (!text || !arena) {
        tac_fail(err, TAC_EINVAL, "tac_json_parse: NULL argument");
        return NULL;
    }
    json_parser ps = {
        .text = text, .p = text, .end = text + len, .name = name,
        .max_depth = max_depth > 0 ? max_depth : TAC_JSON_DEFAULT_DEPTH,
        .arena = arena, .err = err,
    };
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
        ps.p += 3;
    tac_json *root = parse_document(&ps);
    free(ps.frames);
    free(ps.elems);
    return root;
}

/* ---- access ---------------------------------------------------------- */

const tac_json *tac_json_get(const tac_json *obj, const char *key)
{
    if (!obj || obj->type != TAC_JSON_OBJECT || !key)
        return NULL;
    size_t klen = strlen(key);
    for (size_t i = obj->len; i-- > 0;) {
        const tac_json_member *m = &obj->members[i];
        if (m->key_len == klen && !memcmp(m->key, key, klen))
            return m->value;
    }
    return NULL;
}

const char *tac_json_string(const tac_json *v)
{
    return v && v->type == TAC_JSON_STRING ? v->str : NULL;
}

const char *tac_json_type_name(tac_json_type t)
{
    switch (t) {
    case TAC_JSON_NULL: return "null";
    case TAC_JSON_BOOL: return "boolean";
    case TAC_JSON_NUMBER: return "number";
    case TAC_JSON_STRING: return "string";
    case TAC_JSON_ARRAY: return "array";
    case TAC_JSON_OBJECT: return "object";
    }
    return "?";
}
