/* The Penn Treebank reader: "(ROOT (S (NP (NNP Arnor)) (VP ...)))" with any
 * whitespace and newlines, into an arena-allocated tree. Iterative, with a
 * depth limit, so hostile input cannot exhaust the stack. */
#include <ctype.h>
#include <string.h>

#include "code/code.h"

#define MAX_DEPTH 512

static bool is_delim(char c)
{
    return c == '(' || c == ')' || c == '\0' || isspace((unsigned char)c);
}

static const char *skip_ws(const char *p)
{
    while (isspace((unsigned char)*p))
        p++;
    return p;
}

/* "NP-SBJ-1" -> "NP", "NP=2" -> "NP"; "-NONE-", "-LRB-" stay. */
static const char *clean_label(tac_arena *a, const char *s, size_t n)
{
    size_t k = n;
    if (n && s[0] != '-') {
        for (size_t i = 1; i < n; i++)
            if (s[i] == '-' || s[i] == '=') {
                k = i;
                break;
            }
    }
    return tac_arena_strndup(a, s, k);
}

/* The coder's phrase category of a label. Runs for every node, and most
 * labels are POS tags: one switch on the first letter settles nearly all. */
static uint8_t category(const char *l)
{
    switch (l[0]) {
    case '\0':
        return TAC_CAT_ROOT;
    case 'N':   /* NN, NNS, NNP: the commonest labels of all */
        if (((l[1] == 'P' || l[1] == 'X') && !l[2]) || !strcmp(l, "NML"))
            return TAC_CAT_NP;
        return TAC_CAT_OTHER;
    case 'W':
        return strcmp(l, "WHNP") ? TAC_CAT_OTHER : TAC_CAT_NP;
    case 'V':
        return strcmp(l, "VP") ? TAC_CAT_OTHER : TAC_CAT_VP;
    case 'S':
        if (!strcmp(l, "S") || !strcmp(l, "SQ") || !strcmp(l, "SINV") || !strcmp(l, "SBARQ"))
            return TAC_CAT_CLAUSE;
        return strcmp(l, "SBAR") ? TAC_CAT_OTHER : TAC_CAT_SBAR;
    case 'P':
        return strcmp(l, "PP") ? TAC_CAT_OTHER : TAC_CAT_PP;
    case 'R':
        return strcmp(l, "ROOT") ? TAC_CAT_OTHER : TAC_CAT_ROOT;
    default:
        return TAC_CAT_OTHER;
    }
}

static void link_kid(tac_node *parent, tac_node *kid, tac_node **tail)
{
    kid->parent = parent;
    if (*tail)
        (*tail)->next_sib = kid;
    else
        parent->kids = (tac_node **)kid;   /* temporarily: the first kid */
    *tail = kid;
    parent->n_kids++;
}

/* Turns the sibling chains into arrays, assigns spans and the token list. */
static bool finish(tac_node *root, uint32_t max_nodes, tac_arena *a, tac_tree *t)
{
    /* count tokens and nodes, iteratively; the stack holds pending siblings,
     * so it is sized by the number of nodes, not the depth */
    tac_node **stack = tac_arena_alloc(a, (max_nodes + 1) * sizeof *stack);
    if (!stack)
        return false;
    uint32_t n_tokens = 0, n_nodes = 0;
    uint32_t sp = 0;
    stack[sp++] = root;
    /* first pass: convert kid chains to arrays (preorder) */
    while (sp) {
        tac_node *n = stack[--sp];
        n->index = n_nodes++;
        if (n->word) {
            n_tokens++;
            continue;
        }
        tac_node *first = (tac_node *)n->kids;
        tac_node **arr = tac_arena_alloc(a, (n->n_kids ? n->n_kids : 1) * sizeof *arr);
        if (!arr)
            return false;
        uint32_t i = 0;
        for (tac_node *k = first; k; k = k->next_sib)
            arr[i++] = k;
        n->kids = arr;
        for (uint32_t j = n->n_kids; j-- > 0;) {
            if (sp >= max_nodes)
                return false;
            stack[sp++] = arr[j];
        }
    }
    t->tokens = tac_arena_alloc(a, (n_tokens ? n_tokens : 1) * sizeof *t->tokens);
    if (!t->tokens)
        return false;
    t->n_tokens = 0;
    t->n_nodes = n_nodes;
    /* second pass: spans, via an explicit post-order walk */
    typedef struct { tac_node *n; uint32_t next; } frame;
    frame fs[MAX_DEPTH + 1];
    int fp = 0;
    fs[fp++] = (frame){root, 0};
    root->first = 0;
    while (fp) {
        frame *f = &fs[fp - 1];
        tac_node *n = f->n;
        if (n->word) {
            n->first = t->n_tokens;
            t->tokens[t->n_tokens++] = n;
            n->last = t->n_tokens;
            fp--;
            continue;
        }
        if (f->next == 0)
            n->first = t->n_tokens;
        if (f->next < n->n_kids) {
            tac_node *k = n->kids[f->next++];
            if (fp > MAX_DEPTH)
                return false;
            fs[fp++] = (frame){k, 0};
            continue;
        }
        n->last = t->n_tokens;
        fp--;
    }
    return true;
}

tac_status tac_tree_read(const char *text, tac_arena *a, const tac_words *words, tac_tree *out,
                         tac_error *err)
{
    memset(out, 0, sizeof *out);
    if (!text)
        return tac_fail(err, TAC_EPARSE, "no parse tree");
    const char *p = skip_ws(text);
    if (*p != '(')
        return tac_fail(err, TAC_EPARSE, "parse tree does not start with '(' (offset %ld)",
                        (long)(p - text));
    tac_node *stack[MAX_DEPTH];
    tac_node *tails[MAX_DEPTH];
    int sp = 0;
    tac_node *root = NULL;
    uint32_t n_read = 0;
    while (*p) {
        p = skip_ws(p);
        if (!*p)
            break;
        if (*p == '(') {
            if (root && sp == 0)
                return tac_fail(err, TAC_EPARSE, "text after the end of the tree (offset %ld)",
                                (long)(p - text));
            if (sp == MAX_DEPTH)
                return tac_fail(err, TAC_ELIMIT, "parse tree deeper than %d", MAX_DEPTH);
            p++;
            const char *l = skip_ws(p);
            const char *e = l;
            while (!is_delim(*e))
                e++;
            tac_node *n = tac_arena_calloc(a, 1, sizeof *n);
            if (!n)
                return tac_fail(err, TAC_ENOMEM, "out of memory reading a tree");
            n_read++;
            n->label = clean_label(a, l, (size_t)(e - l));
            n->cat = category(n->label);
            for (const char *q = l; q + 4 <= e && !n->temporal; q++)
                n->temporal = !strncmp(q, "-TMP", 4);
            if (!n->label)
                return tac_fail(err, TAC_ENOMEM, "out of memory reading a tree");
            if (sp > 0) {
                tac_node *par = stack[sp - 1];
                if (par->word)
                    return tac_fail(err, TAC_EPARSE,
                                    "phrase inside the word node (%s %s) (offset %ld)",
                                    par->label, par->word, (long)(l - text));
                link_kid(par, n, &tails[sp - 1]);
            } else {
                root = n;
            }
            stack[sp] = n;
            tails[sp] = NULL;
            sp++;
            p = e;
        } else if (*p == ')') {
            if (sp == 0)
                return tac_fail(err, TAC_EPARSE, "unbalanced ')' at offset %ld", (long)(p - text));
            tac_node *n = stack[--sp];
            if (!n->word && n->n_kids == 0)
                return tac_fail(err, TAC_EPARSE, "empty node (%s) at offset %ld", n->label,
                                (long)(p - text));
            p++;
        } else {
            const char *e = p;
            while (!is_delim(*e))
                e++;
            if (sp == 0)
                return tac_fail(err, TAC_EPARSE, "word outside the tree at offset %ld",
                                (long)(p - text));
            tac_node *n = stack[sp - 1];
            if (n->word || n->n_kids)
                return tac_fail(err, TAC_EPARSE, "unexpected word '%.*s' at offset %ld",
                                (int)(e - p > 40 ? 40 : e - p), p, (long)(p - text));
            n->word = tac_arena_strndup(a, p, (size_t)(e - p));
            if (!n->word)
                return tac_fail(err, TAC_ENOMEM, "out of memory reading a tree");
            if (words) {
                char buf[256];
                size_t k = tac_code_upper(p, (size_t)(e - p), buf, sizeof buf);
                n->wid = tac_words_find(words, buf, k);
            }
            p = e;
        }
    }
    if (!root)
        return tac_fail(err, TAC_EPARSE, "empty parse tree");
    if (sp != 0)
        return tac_fail(err, TAC_EPARSE, "parse tree ends with %d unclosed '('", sp);
    /* "(ROOT (S ...))" and "( (S ...))": step into a single-child wrapper */
    if (!finish(root, n_read, a, out))
        return tac_fail(err, TAC_ELIMIT, "parse tree too deep");
    out->root = root;
    return TAC_OK;
}

/* A label as the reader would keep it: the caller's string when it has no
 * function tag to strip (nearly always), else a cleaned copy. */
static const char *node_label(tac_arena *a, const char *l, bool *temporal)
{
    size_t n = strlen(l);
    for (size_t i = 1; i < n && l[0] != '-'; i++)
        if (l[i] == '-' || l[i] == '=') {
            *temporal = strstr(l, "-TMP") != NULL;
            return clean_label(a, l, n);
        }
    *temporal = false;
    return l;
}

tac_status tac_tree_from_nodes(const tac_tree_node *in, size_t n, tac_arena *a,
                               const tac_words *words, tac_tree *out, tac_error *err)
{
    memset(out, 0, sizeof *out);
    if (!in || n == 0)
        return tac_fail(err, TAC_EPARSE, "empty parse tree");
    if (n > UINT32_MAX / 2)
        return tac_fail(err, TAC_ELIMIT, "parse tree of %zu nodes", n);
    tac_node *nodes = tac_arena_calloc(a, n, sizeof *nodes);
    bool *has_parent = tac_arena_calloc(a, n, sizeof *has_parent);
    if (!nodes || !has_parent)
        return tac_fail(err, TAC_ENOMEM, "out of memory building a tree");
    for (size_t i = 0; i < n; i++) {
        const tac_tree_node *t = &in[i];
        tac_node *nd = &nodes[i];
        if (!t->label)
            return tac_fail(err, TAC_EPARSE, "tree node %zu has no label", i);
        nd->label = node_label(a, t->label, &nd->temporal);
        if (!nd->label)
            return tac_fail(err, TAC_ENOMEM, "out of memory building a tree");
        nd->cat = category(nd->label);
        if (t->word) {
            if (t->first_kid >= 0)
                return tac_fail(err, TAC_EPARSE, "phrase inside the word node (%s %s)",
                                nd->label, t->word);
            size_t len = strlen(t->word);
            nd->word = tac_arena_strndup(a, t->word, len);
            if (!nd->word)
                return tac_fail(err, TAC_ENOMEM, "out of memory building a tree");
            if (words) {
                char buf[256];
                size_t k = tac_code_upper(t->word, len, buf, sizeof buf);
                nd->wid = tac_words_find(words, buf, k);
            }
            continue;
        }
        /* children: forward indexes only, each node a child once, so the
         * nodes form a tree whatever the caller hands in */
        tac_node *tail = NULL;
        for (int32_t k = t->first_kid; k >= 0; k = in[k].next_sib) {
            if ((size_t)k >= n || (size_t)k <= i || has_parent[k] ||
                (tail && k <= (int32_t)(tail - nodes)))
                return tac_fail(err, TAC_EPARSE, "tree node %zu: bad child index %d", i, k);
            has_parent[k] = true;
            link_kid(nd, &nodes[k], &tail);
        }
        if (!nd->n_kids)
            return tac_fail(err, TAC_EPARSE, "empty node (%s)", nd->label);
    }
    for (size_t i = 1; i < n; i++)
        if (!has_parent[i])
            return tac_fail(err, TAC_EPARSE, "tree node %zu is not in the tree", i);
    if (!finish(&nodes[0], (uint32_t)n, a, out))
        return tac_fail(err, TAC_ELIMIT, "parse tree too deep");
    out->root = &nodes[0];
    return TAC_OK;
}

static bool all_dropped(const tac_node *n, const bool *drop)
{
    for (uint32_t i = n->first; i < n->last; i++)
        if (!drop[i])
            return false;
    return n->last > n->first;
}

tac_status tac_tree_prune(tac_tree *t, const bool *drop, tac_arena *a, tac_error *err)
{
    if (!t->root || all_dropped(t->root, drop))
        return TAC_OK;
    tac_node **stack = tac_arena_alloc(a, (t->n_nodes + 1) * sizeof *stack);
    if (!stack)
        return tac_fail(err, TAC_ENOMEM, "out of memory pruning a tree");
    uint32_t sp = 0;
    stack[sp++] = t->root;
    while (sp) {
        tac_node *n = stack[--sp];
        if (n->word)
            continue;
        tac_node **old = n->kids;
        uint32_t n_old = n->n_kids;
        tac_node *tail = NULL;
        n->n_kids = 0;
        n->kids = NULL;
        for (uint32_t i = 0; i < n_old; i++) {
            tac_node *k = old[i];
            if (all_dropped(k, drop))
                continue;
            k->next_sib = NULL;
            link_kid(n, k, &tail);
            stack[sp++] = k;
        }
    }
    if (!finish(t->root, t->n_nodes, a, t))
        return tac_fail(err, TAC_ELIMIT, "parse tree too deep");
    return TAC_OK;
}
