/* Reading a bracketed tree back into leaves and labelled spans, for the
 * parser's tests and its benchmark against gold trees. Iterative (an
 * explicit stack in the arena), so deep input cannot exhaust the C stack. */
#include <ctype.h>
#include <string.h>

#include "parse/parse.h"

static bool is_delim(char c)
{
    return c == '(' || c == ')' || c == '\0' || isspace((unsigned char)c);
}

static const char *skip_ws(const char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    return s;
}

/* "NP-TMP" -> "NP", "NP=2" -> "NP"; "-LRB-", "-NONE-" stay whole. */
static uint32_t clean_label_len(const char *s, uint32_t n)
{
    if (n == 0 || s[0] == '-')
        return n;
    for (uint32_t i = 1; i < n; i++)
        if (s[i] == '-' || s[i] == '=')
            return i;
    return n;
}

typedef struct open_phrase {
    const char *label;
    uint32_t    label_len;
    uint32_t    start;
    uint32_t    span;     /* index of its span in the output */
} open_phrase;

bool tac_ptb_read(const char *text, tac_arena *a, tac_ptb_tree *out, tac_error *err)
{
    memset(out, 0, sizeof *out);
    if (!text)
        return tac_fail(err, TAC_EINVAL, "no tree text"), false;
    size_t opens = 0;
    for (const char *s = text; *s; s++)
        opens += *s == '(';
    if (opens == 0)
        return tac_fail(err, TAC_EPARSE, "no bracketed tree"), false;
    out->leaves = tac_arena_alloc(a, opens * sizeof *out->leaves);
    out->spans = tac_arena_alloc(a, opens * sizeof *out->spans);
    open_phrase *stack = tac_arena_alloc(a, opens * sizeof *stack);
    if (!out->leaves || !out->spans || !stack)
        return tac_fail(err, TAC_ENOMEM, "out of memory reading a tree"), false;

    size_t sp = 0;
    const char *s = skip_ws(text);
    if (*s != '(')
        return tac_fail(err, TAC_EPARSE, "tree does not start with '('"), false;
    while (*s) {
        s = skip_ws(s);
        if (*s == '(') {
            s = skip_ws(s + 1);
            const char *label = s;
            while (!is_delim(*s))
                s++;
            uint32_t label_len = (uint32_t)(s - label);
            s = skip_ws(s);
            if (*s != '(' && *s != ')' && *s) {
                /* a preterminal: (TAG word) */
                const char *word = s;
                while (!is_delim(*s))
                    s++;
                uint32_t word_len = (uint32_t)(s - word);
                s = skip_ws(s);
                if (*s != ')')
                    return tac_fail(err, TAC_EPARSE, "leaf '%.*s' has more than one word",
                                    (int)word_len, word), false;
                s++;
                out->leaves[out->n_leaves++] = (tac_ptb_leaf){label, label_len, word,
                                                              word_len};
                if (sp == 0)
                    return true;   /* a tree that is a single leaf */
                continue;
            }
            uint32_t span = out->n_spans++;
            out->spans[span] = (tac_ptb_span){label, clean_label_len(label, label_len),
                                              out->n_leaves, out->n_leaves};
            stack[sp++] = (open_phrase){label, label_len, out->n_leaves, span};
        } else if (*s == ')') {
            s++;
            if (sp == 0)
                return tac_fail(err, TAC_EPARSE, "unbalanced ')'"), false;
            open_phrase *o = &stack[--sp];
            out->spans[o->span].end = out->n_leaves;
            if (sp == 0)
                return true;
        } else if (*s) {
            return tac_fail(err, TAC_EPARSE, "stray text '%.20s' in tree", s), false;
        }
    }
    /* missing closing brackets at the end: close what is open */
    while (sp > 0)
        out->spans[stack[--sp].span].end = out->n_leaves;
    return true;
}

bool tac_ptb_has_span(const tac_ptb_tree *t, const char *label, uint32_t start, uint32_t end)
{
    size_t n = strlen(label);
    for (uint32_t i = 0; i < t->n_spans; i++) {
        const tac_ptb_span *sp = &t->spans[i];
        if (sp->start == start && sp->end == end && sp->label_len == n &&
            !memcmp(sp->label, label, n))
            return true;
    }
    return false;
}
