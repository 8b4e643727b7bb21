/* Byte-level text helpers for ingest: strict UTF-8 checking and repair
 * (every record's text is valid UTF-8 when it leaves the reader), date
 * normalisation and whitespace handling. */
#include <string.h>

#include "ingest/ingest.h"

size_t tac_utf8_seq(const unsigned char *p, size_t n, size_t *bad)
{
    unsigned c = p[0];
    if (c >= 0x01 && c < 0x80)
        return 1;
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;   /* allowed range of the second byte */
    if (c >= 0xC2 && c <= 0xDF)
        need = 1;
    else if (c == 0xE0)
        need = 2, lo = 0xA0;         /* no overlong forms */
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
        need = 2;
    else if (c == 0xED)
        need = 2, hi = 0x9F;         /* no surrogates */
    else if (c == 0xF0)
        need = 3, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3)
        need = 3;
    else if (c == 0xF4)
        need = 3, hi = 0x8F;         /* nothing above U+10FFFF */
    else {
        *bad = 1;                    /* NUL, stray continuation, C0/C1, F5.. */
        return 0;
    }
    for (size_t i = 1; i <= need; i++) {
        if (i >= n || p[i] < lo || p[i] > hi) {
            *bad = i;
            return 0;
        }
        lo = 0x80, hi = 0xBF;
    }
    return need + 1;
}

size_t tac_utf8_count_invalid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    size_t count = 0;
    while (p < end) {
        if (*p >= 0x01 && *p < 0x80) {   /* ASCII fast path */
            p++;
            continue;
        }
        size_t bad, len = tac_utf8_seq(p, (size_t)(end - p), &bad);
        if (len)
            p += len;
        else {
            count++;
            p += bad;
        }
    }
    return count;
}

size_t tac_utf8_repair(const char *s, size_t n, char *out)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    char *o = out;
    while (p < end) {
        size_t bad, len = tac_utf8_seq(p, (size_t)(end - p), &bad);
        if (len) {
            memcpy(o, p, len);
            o += len;
            p += len;
        } else {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            p += bad;
        }
    }
    *o = '\0';
    return (size_t)(o - out);
}

size_t tac_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int number(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

static bool valid_ymd(int y, int m, int d)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

bool tac_ingest_date(const char *s, size_t n, char out[11])
{
    const char *y, *m, *d;
    size_t used;
    if (n >= 10 && s[4] == '-' && s[7] == '-') {
        y = s, m = s + 5, d = s + 8, used = 10;
    } else if (n >= 8) {
        y = s, m = s + 4, d = s + 6, used = 8;
    } else
        return false;
    if (!all_digits(y, 4) || !all_digits(m, 2) || !all_digits(d, 2))
        return false;
    if (used < n && s[used] != 'T' && s[used] != ' ')
        return false;   /* "2025-10-07T12:00Z" and "20080804 00:00" are fine */
    if (!valid_ymd(number(y, 4), number(m, 2), number(d, 2)))
        return false;
    memcpy(out, y, 4);
    out[4] = '-';
    memcpy(out + 5, m, 2);
    out[7] = '-';
    memcpy(out + 8, d, 2);
    out[10] = '\0';
    return true;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

size_t tac_ingest_collapse_space(char *s, size_t n)
{
    size_t o = 0;
    bool pending_space = false;
    for (size_t i = 0; i < n; i++) {
        if (is_space(s[i])) {
            pending_space = o > 0;
            continue;
        }
        if (pending_space)
            s[o++] = ' ';
        pending_space = false;
        s[o++] = s[i];
    }
    s[o] = '\0';
    return o;
}

char *tac_ingest_trim(char *s, size_t *n)
{
    size_t len = *n;
    while (len > 0 && is_space(*s))
        s++, len--;
    while (len > 0 && is_space(s[len - 1]))
        len--;
    s[len] = '\0';
    *n = len;
    return s;
}
