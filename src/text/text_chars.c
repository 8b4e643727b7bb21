/* Character classification for the tokenizer. ASCII goes through one table
 * lookup; only non-ASCII characters are decoded, and only those that are not
 * in the small list of quotes/dashes/spaces below reach utf8proc. */
#include <utf8proc.h>

#include "text/text.h"

#define S CH_SPACE
#define N CH_NL
#define U CH_UPPER
#define L CH_LOWER
#define D CH_DIGIT
#define P CH_PUNCT
#define H CH_HIGH
const uint8_t text_byte_class[256] = {
    /* 0x00 */ S, S, S, S, S, S, S, S, S, S, N, S, S, S, S, S,
    /* 0x10 */ S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    /* 0x20 */ S, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
    /* 0x30 */ D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,
    /* 0x40 */ P, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    /* 0x50 */ U, U, U, U, U, U, U, U, U, U, U, P, P, P, P, P,
    /* 0x60 */ P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    /* 0x70 */ L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, S,
    /* 0x80 */ H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    /* 0x90 */ H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    /* 0xa0 */ H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    /* 0xb0 */ H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    /* 0xc0 */ H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    /* 0xd0 */ H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    /* 0xe0 */ H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    /* 0xf0 */ H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
};
#undef S
#undef N
#undef U
#undef L
#undef D
#undef P
#undef H

int text_decode(const uint8_t *s, size_t n, int32_t *cp)
{
    uint8_t c = s[0];
    int len;
    int32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xc2 && c <= 0xdf) {
        len = 2; v = c & 0x1f; min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3; v = c & 0x0f; min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4; v = c & 0x07; min = 0x10000;
    } else {
        goto invalid;
    }
    if ((size_t)len > n)
        goto invalid;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            goto invalid;
        v = (v << 6) | (s[i] & 0x3f);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
        goto invalid;
    *cp = v;
    return len;
invalid:
    *cp = -1;
    return 1;
}

text_uclass text_uclass_of(int32_t cp)
{
    switch (cp) {
    case -1:     return U_WORD;          /* an invalid byte: opaque */
    case 0x0085: case 0x2028: return U_NEWLINE;
    case 0x2029: return U_PARA;
    case 0x200b: case 0xfeff: case 0x2060: return U_SPACE;
    case 0x2019: case 0x02bc: return U_APOS;
    case 0x2018: case 0x201b: case 0x2039: return U_LSQUOTE;
    case 0x203a: return U_RSQUOTE;
    case 0x201c: case 0x201e: case 0x201f: case 0x00ab: return U_LDQUOTE;
    case 0x201d: case 0x00bb: return U_RDQUOTE;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2e3a: case 0x2e3b: return U_DASH;
    case 0x2010: case 0x2011: return U_HYPHEN;
    case 0x2026: return U_ELLIPSIS;
    case 0x3002: case 0xff01: case 0xff1f: case 0xff0e: return U_TERMINAL;
    default: break;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:
        return U_SPACE;
    case UTF8PROC_CATEGORY_ZL:
        return U_NEWLINE;
    case UTF8PROC_CATEGORY_ZP:
        return U_PARA;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SO:
        return U_PUNCT;
    default:
        return U_WORD;  /* letters, marks, numbers, format, private, unassigned */
    }
}
