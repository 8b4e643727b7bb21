/* Escaping for the writers. Every output is valid UTF-8 whatever the input:
 * a sentence may be a slice of an article with stray Latin-1 bytes, and one
 * bad byte must not make a JSON line unparseable. */
#include "output/output.h"

static const char replacement_char[] = "\xEF\xBF\xBD";   /* U+FFFD */

/* Length of the valid UTF-8 sequence starting at s (at most n bytes), or 0
 * if it is invalid: overlong forms, surrogates and code points above
 * U+10FFFF are rejected as RFC 3629 requires. */
static size_t utf8_sequence_length(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;   /* allowed range of the 2nd byte */
    if (c < 0x80)
        return 1;
    else if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return len;
}

/* The replacement for an ASCII byte in `mode`, or NULL to copy it as is. */
static const char *ascii_escape(unsigned char c, tac_escape mode, char tmp[7])
{
    static const char hex[] = "0123456789abcdef";
    switch (mode) {
    case TAC_ESCAPE_JSON:
        if (c == '"') return "\\\"";
        if (c == '\\') return "\\\\";
        if (c == '\n') return "\\n";
        if (c == '\r') return "\\r";
        if (c == '\t') return "\\t";
        if (c < 0x20) {
            tmp[0] = '\\'; tmp[1] = 'u'; tmp[2] = '0'; tmp[3] = '0';
            tmp[4] = hex[c >> 4]; tmp[5] = hex[c & 15]; tmp[6] = '\0';
            return tmp;
        }
        return NULL;
    case TAC_ESCAPE_TSV:
        if (c == '\\') return "\\\\";
        if (c == '\t') return "\\t";
        if (c == '\n') return "\\n";
        if (c == '\r') return "\\r";
        return NULL;
    case TAC_ESCAPE_TEXT:
        return c < 0x20 || c == 0x7f ? " " : NULL;
    }
    return NULL;
}

bool tac_output_put_escaped(tac_buf *b, const char *s, size_t n, tac_escape mode)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t run = 0;   /* start of the pending bytes that are copied verbatim */
    size_t i = 0;
    char tmp[7];
    while (i < n) {
        unsigned char c = p[i];
        const char *rep;
        size_t skip = 1;
        if (c < 0x80) {
            rep = ascii_escape(c, mode, tmp);
        } else {
            skip = utf8_sequence_length(p + i, n - i);
            rep = skip ? NULL : replacement_char;
            if (!skip)
                skip = 1;
        }
        if (rep) {
            if (!tac_buf_append(b, s + run, i - run) || !tac_buf_puts(b, rep))
                return false;
            run = i + skip;
        }
        i += skip;
    }
    return tac_buf_append(b, s + run, n - run);
}
