/* JSON Lines: one article object per line.
 *
 * The parser is hand-written rather than a library because (1) it decodes
 * strings in place in the line buffer — every escape is at least as long as
 * what it decodes to — so a record costs no copies; (2) errors must say
 * "file:line: column N: what", which general-purpose parsers do not give
 * per line; (3) lines are streamed one at a time with a hard size limit.
 * It is a strict RFC 8259 parser for one value per line, with a nesting
 * limit for the unknown keys it skips. */
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"

#define JSON_MAX_DEPTH 64

typedef struct json_parser {
    char       *start;      /* the line */
    char       *p;
    char       *end;
    const char *error;      /* what went wrong */
    size_t      error_col;
    size_t      n_replaced; /* lone surrogates and \u0000 replaced by U+FFFD */
    tac_arena  *arena;      /* for numeric ids, which cannot be terminated in place */
} json_parser;

static bool json_fail(json_parser *jp, const char *p, const char *what)
{
    if (!jp->error) {
        jp->error = what;
        jp->error_col = (size_t)(p - jp->start) + 1;
    }
    return false;
}

static void skip_ws(json_parser *jp)
{
    while (jp->p < jp->end && (*jp->p == ' ' || *jp->p == '\t' || *jp->p == '\r' || *jp->p == '\n'))
        jp->p++;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static bool read_hex4(json_parser *jp, const char *p, uint32_t *out)
{
    if (jp->end - p < 4)
        return json_fail(jp, p, "truncated \\u escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hex_value(p[i]);
        if (h < 0)
            return json_fail(jp, p + i, "bad hex digit in \\u escape");
        v = v * 16 + (uint32_t)h;
    }
    *out = v;
    return true;
}

/* Parses the string at jp->p (which is '"'), decoding it in place. */
static bool parse_string(json_parser *jp, char **out, size_t *out_len)
{
    char *r = jp->p + 1, *w = r, *begin = r;
    for (;;) {
        if (r >= jp->end)
            return json_fail(jp, jp->p, "unterminated string");
        unsigned char c = (unsigned char)*r;
        if (c == '"')
            break;
        if (c < 0x20)
            return json_fail(jp, r, "unescaped control character in string");
        if (c != '\\') {
            *w++ = *r++;
            continue;
        }
        if (r + 1 >= jp->end)
            return json_fail(jp, r, "unterminated string");
        char e = r[1];
        const char *simple = strchr("\"\\/bfnrt", e);
        if (e && simple) {
            static const char decoded[] = "\"\\/\b\f\n\r\t";
            *w++ = decoded[simple - "\"\\/bfnrt"];
            r += 2;
            continue;
        }
        if (e != 'u')
            return json_fail(jp, r, "invalid escape in string");
        uint32_t cp;
        if (!read_hex4(jp, r + 2, &cp))
            return false;
        r += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t lo;
            if (jp->end - r >= 6 && r[0] == '\\' && r[1] == 'u' && read_hex4(jp, r + 2, &lo) &&
                lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                r += 6;
            } else {
                if (jp->error)
                    return false;
                cp = 0xFFFD, jp->n_replaced++;
            }
        } else if ((cp >= 0xDC00 && cp <= 0xDFFF) || cp == 0) {
            cp = 0xFFFD, jp->n_replaced++;
        }
        w += tac_utf8_encode(cp, w);
    }
    *w = '\0';      /* w <= r, so this never overwrites unread input */
    *out = begin;
    *out_len = (size_t)(w - begin);
    jp->p = r + 1;
    return true;
}

static bool parse_number(json_parser *jp)
{
    char *p = jp->p;
    if (p < jp->end && *p == '-')
        p++;
    if (p >= jp->end || *p < '0' || *p > '9')
        return json_fail(jp, p, "invalid number");
    if (*p == '0')
        p++;
    else
        while (p < jp->end && *p >= '0' && *p <= '9')
            p++;
    if (p < jp->end && *p == '.') {
        p++;
        if (p >= jp->end || *p < '0' || *p > '9')
            return json_fail(jp, p, "invalid number: digit expected after '.'");
        while (p < jp->end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < jp->end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < jp->end && (*p == '+' || *p == '-'))
            p++;
        if (p >= jp->end || *p < '0' || *p > '9')
            return json_fail(jp, p, "invalid number: digit expected in exponent");
        while (p < jp->end && *p >= '0' && *p <= '9')
            p++;
    }
    jp->p = p;
    return true;
}

static bool parse_literal(json_parser *jp, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(jp->end - jp->p) < n || memcmp(jp->p, word, n) != 0)
        return json_fail(jp, jp->p, "unexpected character: value expected");
    jp->p += n;
    return true;
}

static bool skip_value(json_parser *jp, int depth);

static bool skip_container(json_parser *jp, int depth, char close)
{
    if (depth >= JSON_MAX_DEPTH)
        return json_fail(jp, jp->p, "nesting too deep");
    jp->p++;
    skip_ws(jp);
    if (jp->p < jp->end && *jp->p == close) {
        jp->p++;
        return true;
    }
    for (;;) {
        if (close == '}') {
            char *key;
            size_t key_len;
            if (jp->p >= jp->end || *jp->p != '"')
                return json_fail(jp, jp->p, "object key (a string) expected");
            if (!parse_string(jp, &key, &key_len))
                return false;
            skip_ws(jp);
            if (jp->p >= jp->end || *jp->p != ':')
                return json_fail(jp, jp->p, "':' expected after object key");
            jp->p++;
        }
        if (!skip_value(jp, depth + 1))
            return false;
        skip_ws(jp);
        if (jp->p < jp->end && *jp->p == ',') {
            jp->p++;
            skip_ws(jp);
            continue;
        }
        if (jp->p < jp->end && *jp->p == close) {
            jp->p++;
            return true;
        }
        return json_fail(jp, jp->p, close == '}' ? "',' or '}' expected" : "',' or ']' expected");
    }
}

static bool skip_value(json_parser *jp, int depth)
{
    skip_ws(jp);
    if (jp->p >= jp->end)
        return json_fail(jp, jp->p, "value expected at end of line");
    char *s;
    size_t n;
    switch (*jp->p) {
    case '{': return skip_container(jp, depth, '}');
    case '[': return skip_container(jp, depth, ']');
    case '"': return parse_string(jp, &s, &n);
    case 't': return parse_literal(jp, "true");
    case 'f': return parse_literal(jp, "false");
    case 'n': return parse_literal(jp, "null");
    default: return parse_number(jp);
    }
}

/* The fields we know; each may be a string or null (id also a number). */
typedef struct json_fields {
    char  *id, *date, *text, *title, *source, *url;
    size_t text_len;
    bool   has_text;
} json_fields;

static bool parse_field(json_parser *jp, json_fields *f, const char *key, size_t key_len)
{
    static const char *const names[] = {"id", "date", "text", "title", "source", "url"};
    char **slots[] = {&f->id, &f->date, &f->text, &f->title, &f->source, &f->url};
    size_t k = 0;
    while (k < 6 && !(strlen(names[k]) == key_len && memcmp(names[k], key, key_len) == 0))
        k++;
    if (k == 6)
        return skip_value(jp, 1);
    skip_ws(jp);
    char *at = jp->p;
    if (at >= jp->end)
        return json_fail(jp, at, "value expected at end of line");
    if (*at == '"') {
        size_t len;
        if (!parse_string(jp, slots[k], &len))
            return false;
        if (k == 2) {
            f->text_len = len;
            f->has_text = true;
        }
        return true;
    }
    if (*at == 'n') {
        *slots[k] = NULL;
        if (k == 2)
            f->has_text = false;
        return parse_literal(jp, "null");
    }
    if (k == 0 && (*at == '-' || (*at >= '0' && *at <= '9'))) {
        if (!parse_number(jp))
            return false;
        f->id = tac_arena_strndup(jp->arena, at, (size_t)(jp->p - at));
        return f->id ? true : json_fail(jp, at, "out of memory");
    }
    return json_fail(jp, at, k == 0 ? "\"id\" must be a string or a number"
                           : k == 1 ? "\"date\" must be a string"
                           : k == 2 ? "\"text\" must be a string"
                           : k == 3 ? "\"title\" must be a string"
                           : k == 4 ? "\"source\" must be a string"
                                    : "\"url\" must be a string");
}

static bool parse_object(json_parser *jp, json_fields *f)
{
    skip_ws(jp);
    if (jp->p >= jp->end || *jp->p != '{')
        return json_fail(jp, jp->p, "'{' expected: each line must be a JSON object");
    jp->p++;
    skip_ws(jp);
    if (jp->p < jp->end && *jp->p == '}') {
        jp->p++;
    } else {
        for (;;) {
            char *key;
            size_t key_len;
            if (jp->p >= jp->end || *jp->p != '"')
                return json_fail(jp, jp->p, "object key (a string) expected");
            if (!parse_string(jp, &key, &key_len))
                return false;
            skip_ws(jp);
            if (jp->p >= jp->end || *jp->p != ':')
                return json_fail(jp, jp->p, "':' expected after object key");
            jp->p++;
            if (!parse_field(jp, f, key, key_len))
                return false;
            skip_ws(jp);
            bool more = jp->p < jp->end && *jp->p == ',';
            bool close = jp->p < jp->end && *jp->p == '}';
            if (!more && !close)
                return json_fail(jp, jp->p, "',' or '}' expected");
            jp->p++;
            if (close)
                break;
            skip_ws(jp);
        }
    }
    skip_ws(jp);
    if (jp->p < jp->end)
        return json_fail(jp, jp->p, "unexpected characters after the object");
    return true;
}

tac_status tac_ingest_jsonl_next(tac_reader *r, tac_record *rec, tac_error *err)
{
    for (;;) {
        long line_no;
        tac_status st = tac_ingest_next_line(r, &line_no, err);
        if (st != TAC_OK)
            return st;
        char *line = r->line.data;
        size_t n = r->line.len;
        size_t k = 0;
        while (k < n && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r'))
            k++;
        if (k == n)
            continue;   /* blank line */

        json_parser jp = {line, line, line + n, NULL, 0, 0, &r->arena};
        json_fields f = {0};
        if (!parse_object(&jp, &f))
            return tac_ingest_fail(r, err, TAC_SKIPPED, line_no, NULL,
                                   "malformed JSON at column %zu: %s", jp.error_col, jp.error);
        rec->line = line_no;
        rec->id = f.id;
        const char *id = f.id ? f.id : "(no id)";
        if (!f.has_text)
            return tac_ingest_fail(r, err, TAC_SKIPPED, line_no, id, "missing \"text\"");
        size_t t = 0;
        while (t < f.text_len && strchr(" \t\r\n", f.text[t]))
            t++;
        if (t == f.text_len)
            return tac_ingest_fail(r, err, TAC_SKIPPED, line_no, id, "empty \"text\"");
        if (jp.n_replaced) {
            char where[300];
            snprintf(where, sizeof where, "%s:%ld", r->path, line_no);
            tac_diag_emit(&r->diag, TAC_WARNING, where,
                          "record %s: replaced %zu invalid \\u escape%s (lone surrogate or "
                          "\\u0000) with U+FFFD", id, jp.n_replaced,
                          jp.n_replaced == 1 ? "" : "s");
        }
        if (f.date) {
            char *date = tac_arena_alloc(&r->arena, 11);
            if (!date)
                return tac_fail(err, TAC_ENOMEM, "%s:%ld: out of memory", r->path, line_no);
            if (tac_ingest_date(f.date, strlen(f.date), date)) {
                rec->date = date;
            } else {
                char where[300];
                snprintf(where, sizeof where, "%s:%ld", r->path, line_no);
                tac_diag_emit(&r->diag, TAC_WARNING, where,
                              "record %s: invalid date \"%.40s\" (want YYYY-MM-DD or YYYYMMDD); "
                              "using %s", id, f.date,
                              r->default_date[0] ? r->default_date : "no date");
            }
        }
        rec->text = f.text;
        rec->text_len = f.text_len;
        rec->title = f.title;
        rec->source = f.source;
        rec->url = f.url;
        rec->is_sentence = false;
        return tac_ingest_finish(r, rec, err);
    }
}
