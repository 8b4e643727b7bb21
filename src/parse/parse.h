/* parse: the shallow parser (stage-internal header).
 *
 * parser.c turns one tagged sentence into a Penn-Treebank-like bracketed
 * tree, shaped the way CoreNLP shapes the gold trees PETRARCH was built for,
 * so the coder reads our trees and gold trees alike. It is a deterministic
 * recursive-descent parser over tag categories with bounded lookahead:
 * linear in the sentence length, no backtracking, no per-token malloc.
 *
 * ptb_read.c reads a bracketed tree back into leaves and labelled spans;
 * the tests and bench/bench_parse.c use it to take gold trees apart and to
 * compare trees (labelled-bracket precision/recall).
 *
 * frontend.c glues text -> tagger -> parser (the tac_frontend_* API in
 * tacitus.h). */
#ifndef TAC_PARSE_H
#define TAC_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tacitus.h"
#include "util/util.h"

/* Nested phrase calls deeper than this stop building structure (the rest of
 * the sentence is attached flat), so hostile input cannot exhaust the stack
 * and trees stay far below the coder's reader depth limit. */
#define TAC_PARSE_MAX_DEPTH 48

/* ---- reading bracketed trees ------------------------------------------ */

typedef struct tac_ptb_leaf {
    const char *tag;      /* points into the tree text; not NUL-terminated */
    uint32_t    tag_len;
    const char *word;
    uint32_t    word_len;
} tac_ptb_leaf;

/* A phrase covering leaves [start, end). Labels lose function tags and
 * indices ("NP-TMP" -> "NP"); "-LRB-"-like labels stay whole. */
typedef struct tac_ptb_span {
    const char *label;
    uint32_t    label_len;
    uint32_t    start, end;
} tac_ptb_span;

typedef struct tac_ptb_tree {
    tac_ptb_leaf *leaves;
    uint32_t      n_leaves;
    tac_ptb_span *spans;   /* every phrase above the preterminals, in preorder,
                            * including the root ("ROOT" or "") */
    uint32_t      n_spans;
} tac_ptb_tree;

/* Reads the first bracketed tree in text (arrays allocated in a). Tolerates
 * missing closing brackets at the end (gold files have a few). Returns false
 * with err set when there is no tree or it is malformed otherwise. */
bool tac_ptb_read(const char *text, tac_arena *a, tac_ptb_tree *out, tac_error *err);

/* Whether the tree has a phrase `label` covering leaves [start, end). */
bool tac_ptb_has_span(const tac_ptb_tree *t, const char *label, uint32_t start, uint32_t end);

/* ---- the last parse as nodes -------------------------------------------- */

/* The tree of p's last successful tac_parse_tokens / _nodes call as nodes,
 * allocated from arena (the front end prints and exports one parse). */
tac_status tac_parser_export(tac_parser *p, tac_arena *arena, const tac_tree_node **nodes,
                             size_t *n_nodes, tac_error *err);

#endif
