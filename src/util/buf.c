#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

void tac_buf_init(tac_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

bool tac_buf_reserve(tac_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        return false;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return false;
    b->data = p;
    b->cap = cap;
    return true;
}

bool tac_buf_append(tac_buf *b, const void *data, size_t n)
{
    if (!tac_buf_reserve(b, n))
        return false;
    if (n)
        memcpy(b->data + b->len, data, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool tac_buf_puts(tac_buf *b, const char *s) { return tac_buf_append(b, s, strlen(s)); }

bool tac_buf_putc(tac_buf *b, char c) { return tac_buf_append(b, &c, 1); }

/* One vsnprintf into the spare capacity when the text fits (the writers
 * print numbers this way for every event), a second one after growing. */
bool tac_buf_vprintf(tac_buf *b, const char *fmt, va_list ap)
{
    size_t room = b->cap > b->len ? b->cap - b->len : 0;
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, ap2);
    va_end(ap2);
    if (n >= 0 && (size_t)n < room) {
        b->len += (size_t)n;
        return true;
    }
    if (n < 0 || !tac_buf_reserve(b, (size_t)n)) {
        if (b->data)
            b->data[b->len] = '\0';    /* a cut-off attempt may have overwritten it */
        return false;
    }
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return true;
}

bool tac_buf_printf(tac_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool ok = tac_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return ok;
}

bool tac_buf_json_escape(tac_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0;  /* start of the pending run of bytes needing no escape */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        if (!tac_buf_append(b, s + run, i - run))
            return false;
        char esc[7] = {'\\', 0};
        size_t len = 2;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            esc[1] = 'u'; esc[2] = '0'; esc[3] = '0';
            esc[4] = hex[c >> 4]; esc[5] = hex[c & 15];
            len = 6;
        }
        if (!tac_buf_append(b, esc, len))
            return false;
        run = i + 1;
    }
    return tac_buf_append(b, s + run, n - run);
}

void tac_buf_clear(tac_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void tac_buf_free(tac_buf *b)
{
    free(b->data);
    tac_buf_init(b);
}
