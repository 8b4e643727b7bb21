/* Penn Treebank trees, one per line: "(ROOT (S (NP (NNP Arnor)) ...))".
 * The record's parse is the line; its text is the leaves joined by spaces
 * with the treebank escapes (-LRB- ...) undone and empty elements (-NONE-)
 * dropped. */
#include <string.h>

#include "ingest/ingest.h"

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static const char *unescape_leaf(const char *w, size_t n, size_t *out_n)
{
    static const struct { const char *from, *to; } map[] = {
        {"-LRB-", "("}, {"-RRB-", ")"}, {"-LCB-", "{"}, {"-RCB-", "}"},
        {"-LSB-", "["}, {"-RSB-", "]"}, {"``", "\""}, {"''", "\""}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++) {
        if (strlen(map[i].from) == n && memcmp(w, map[i].from, n) == 0) {
            *out_n = strlen(map[i].to);
            return map[i].to;
        }
    }
    *out_n = n;
    return w;
}

bool tac_ptb_leaves(const char *tree, size_t n, tac_buf *out, const char **why, size_t *col)
{
    size_t i = 0, depth = 0, leaves = 0;
    bool closed = false;
    while (i < n) {
        char c = tree[i];
        if (is_space(c)) {
            i++;
            continue;
        }
        if (closed && c == ')') {
            *why = "unbalanced parentheses: ')' without '('";
            *col = i + 1;
            return false;
        }
        if (closed) {
            *why = "text after the end of the tree (one tree per line)";
            *col = i + 1;
            return false;
        }
        if (c == ')') {
            if (depth == 0) {
                *why = "unbalanced parentheses: ')' without '('";
                *col = i + 1;
                return false;
            }
            if (--depth == 0)
                closed = true;
            i++;
            continue;
        }
        if (c != '(') {
            *why = depth == 0 ? "a tree must start with '('" : "word outside a (TAG word) pair";
            *col = i + 1;
            return false;
        }
        /* "(" LABEL then either children or one word */
        depth++;
        i++;
        size_t label = i;
        while (i < n && !is_space(tree[i]) && tree[i] != '(' && tree[i] != ')')
            i++;
        size_t label_len = i - label;
        while (i < n && is_space(tree[i]))
            i++;
        if (i >= n || tree[i] == '(' || tree[i] == ')')
            continue;
        size_t word = i;
        while (i < n && !is_space(tree[i]) && tree[i] != '(' && tree[i] != ')')
            i++;
        size_t word_len = i - word;
        while (i < n && is_space(tree[i]))
            i++;
        if (i >= n || tree[i] != ')') {
            *why = "a leaf must be (TAG word)";
            *col = (i < n ? i : n) + 1;
            return false;
        }
        if (label_len == 6 && memcmp(tree + label, "-NONE-", 6) == 0)
            continue;   /* traces and empty elements are not text */
        size_t m;
        const char *w = unescape_leaf(tree + word, word_len, &m);
        if ((leaves++ && !tac_buf_putc(out, ' ')) || !tac_buf_append(out, w, m)) {
            *why = "out of memory";
            *col = word + 1;
            return false;
        }
    }
    if (depth > 0) {
        *why = "unbalanced parentheses: missing ')'";
        *col = n + 1;
        return false;
    }
    if (leaves == 0) {
        *why = closed ? "the tree has no words" : "no tree";
        *col = 1;
        return false;
    }
    return true;
}

tac_status tac_ingest_ptb_next(tac_reader *r, tac_record *rec, tac_error *err)
{
    for (;;) {
        long line_no;
        tac_status st = tac_ingest_next_line(r, &line_no, err);
        if (st != TAC_OK)
            return st;
        size_t n = r->line.len;
        char *line = tac_ingest_trim(r->line.data, &n);
        if (n == 0)
            continue;
        const char *why;
        size_t col;
        tac_buf_clear(&r->text);
        if (!tac_ptb_leaves(line, n, &r->text, &why, &col))
            return tac_ingest_fail(r, err, TAC_SKIPPED, line_no, NULL,
                                   "bad tree at column %zu: %s", col, why);
        rec->line = line_no;
        rec->id = tac_arena_printf(&r->arena, "%s:%ld", r->stem, line_no);
        if (!rec->id)
            return tac_fail(err, TAC_ENOMEM, "%s:%ld: out of memory", r->path, line_no);
        rec->parse = line;
        rec->text = r->text.data;
        rec->text_len = r->text.len;
        rec->is_sentence = true;
        return tac_ingest_finish(r, rec, err);
    }
}
