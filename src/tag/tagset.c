/* The Penn Treebank tag names, in model order. */
#include <stdbool.h>
#include <string.h>

#include "tag/tag.h"

#define TAC_TAG_NAME(id, name) name,
static const char *const tag_names[TAG_COUNT] = { TAC_TAG_LIST(TAC_TAG_NAME) };
#undef TAC_TAG_NAME

const char *tac_tag_name(int tag)
{
    return tag >= 0 && tag < TAG_COUNT ? tag_names[tag] : NULL;
}

int tac_tag_from_name(const char *name)
{
    for (int t = 0; t < TAG_COUNT; t++)
        if (strcmp(tag_names[t], name) == 0)
            return t;
    return -1;
}

static bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

int tac_tag_shape(const char *w, size_t n)
{
    bool hyphen = false;
    size_t letters = 0, uppers = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= '0' && c <= '9')
            return SHAPE_DIGIT;
        if (c == '-')
            hyphen = true;
        if (is_upper(c))
            uppers++;
        if (is_upper(c) || is_lower(c))
            letters++;
    }
    if (n > 0 && is_upper((unsigned char)w[0]))
        return letters >= 2 && uppers == letters ? SHAPE_UPPER : SHAPE_CAP;
    return hyphen ? SHAPE_HYPHEN : SHAPE_LOWER;
}

size_t tac_tag_suffix_key(char *buf, int shape, const char *w, size_t n, size_t len)
{
    if (len > n)
        len = n;
    if (len > TAC_SUFFIX_MAX)
        len = TAC_SUFFIX_MAX;
    buf[0] = (char)('0' + shape);
    const char *s = w + n - len;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        buf[1 + i] = is_upper(c) ? (char)(c - 'A' + 'a') : (char)c;
    }
    buf[1 + len] = '\0';
    return 1 + len;
}
