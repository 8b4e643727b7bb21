/* code: the coding engine. Dictionaries (verbs, actors, agents, discards,
 * issues) are compiled once into immutable tables over interned word ids;
 * a per-thread coder reads a Penn Treebank parse into an arena-allocated
 * tree and codes it into CAMEO events.
 *
 * Files: words.c (interning, hash maps, tries), dict_load.c (the dictionary
 * formats), tree.c (the PTB reader), coder.c (actors, verbs, events). */
#ifndef TAC_CODE_H
#define TAC_CODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tacitus.h"
#include "util/util.h"

typedef uint32_t tac_wid;           /* interned word id; 0 = not in any dictionary */
#define TAC_WID_NONE 0u

/* ---- u64 -> u32 open-addressing map (built once, read by many threads) */
typedef struct tac_map {
    uint64_t *keys;     /* key+1, 0 = empty */
    uint32_t *vals;
    size_t    cap;      /* power of two */
    size_t    len;
} tac_map;

bool tac_map_put(tac_map *m, uint64_t key, uint32_t val);   /* replaces */
bool tac_map_get(const tac_map *m, uint64_t key, uint32_t *val);
void tac_map_free(tac_map *m);

/* ---- word interning ------------------------------------------------- */
typedef struct tac_words {
    tac_map     index;   /* hash of the upper-case word -> id (collision-chained below) */
    char      **text;    /* id -> word */
    uint32_t   *next;    /* id -> next id with the same hash (0 = end) */
    uint32_t    len, cap;
    tac_arena  *pool;    /* string storage (owned by tac_dicts) */
} tac_words;

tac_wid tac_words_intern(tac_words *w, const char *s, size_t n);
/* Looks an upper-cased word up without adding it (thread-safe on a built table). */
tac_wid tac_words_find(const tac_words *w, const char *s, size_t n);

/* ---- tries over word ids --------------------------------------------- */
/* Node 0 is the root. `entry[node]` is the index of the first dictionary entry
 * ending at that node, or -1. Edges live in one hash map keyed (node, word). */
typedef struct tac_trie {
    int32_t  *entry;
    uint8_t  *gap_from;      /* per node: has edges that allow words in between */
    uint32_t  n_nodes, cap_nodes;
    tac_map   edges;         /* consecutive words ("A_B") */
    tac_map   gap_edges;     /* words with others allowed in between ("A B") */
} tac_trie;

bool     tac_trie_init(tac_trie *t);
/* Adds a path; returns the end node or UINT32_MAX on OOM. Bit k of `gaps`
 * lets other words come between words k-1 and k. */
uint32_t tac_trie_add(tac_trie *t, const tac_wid *words, size_t n);
uint32_t tac_trie_add_gapped(tac_trie *t, const tac_wid *words, size_t n, uint64_t gaps);
static inline bool tac_trie_step(const tac_trie *t, uint32_t node, tac_wid w, uint32_t *out)
{
    return w != TAC_WID_NONE && tac_map_get(&t->edges, ((uint64_t)node << 32) | w, out);
}
static inline bool tac_trie_gap_step(const tac_trie *t, uint32_t node, tac_wid w, uint32_t *out)
{
    return w != TAC_WID_NONE && t->gap_from[node] &&
           tac_map_get(&t->gap_edges, ((uint64_t)node << 32) | w, out);
}
void     tac_trie_free(tac_trie *t);

/* ---- dictionary entries ---------------------------------------------- */

/* One code of an actor, valid in [from, to] (dates as YYYYMMDD ints; 0 / 99999999 open). */
typedef struct tac_actor_code {
    const char *code;
    int32_t from, to;
} tac_actor_code;

typedef struct tac_actor {
    const char     *name;      /* the phrase as written in the dictionary */
    const char     *where;     /* "file:line" */
    tac_actor_code *codes;     /* date-restricted codes first, the default last */
    uint32_t        n_codes;
} tac_actor;

typedef struct tac_agent {
    const char *name;
    const char *where;
    const char *code;          /* without the ~ */
    bool        prefix;        /* NGO~: goes before the actor code */
} tac_agent;

/* Pattern elements. */
typedef enum tac_pel_kind {
    PEL_WORD, PEL_SYNSET, PEL_SOURCE, PEL_TARGET, PEL_COMPOUND, PEL_SKIP
} tac_pel_kind;

typedef struct tac_pel {
    uint8_t kind;
    bool    tight;      /* must be adjacent to the element nearer the verb */
    tac_wid word;       /* PEL_WORD */
    uint32_t synset;    /* PEL_SYNSET */
} tac_pel;

typedef struct tac_pattern {
    tac_pel   *pre;        /* in reverse order: pre[0] is the element next to the verb */
    uint16_t   n_pre;
    tac_pel   *post;       /* in order */
    uint16_t   n_post;
    bool       verb_tight_pre;   /* "X_*": the element before the verb is adjacent */
    bool       verb_tight_post;  /* "*_X" */
    const char *code;      /* "064", "032:033", "---" */
    const char *text;      /* the pattern as written */
    const char *where;
    uint32_t    order;     /* position in the file, for ties */
    uint64_t    need;      /* bloom bits of the words it requires (prefilter) */
} tac_pattern;

typedef struct tac_verb_block {
    const char  *name;
    const char  *code;      /* block default code, "---" when none */
    uint32_t    *patterns;  /* indexes into dicts->patterns */
    uint32_t     n_patterns, cap_patterns;
} tac_verb_block;

/* A verb form: the verb word, optional words just before / after it. */
typedef struct tac_verb_form {
    tac_wid     word;
    tac_wid    *pre;  uint8_t n_pre;    /* in sentence order */
    tac_wid    *post; uint8_t n_post;
    const char *code;       /* own code or NULL for the block's */
    uint32_t    block;
    const char *lemma;      /* the dictionary line's verb */
    const char *where;
    int32_t     next;       /* next form with the same word, or -1 */
} tac_verb_form;

typedef struct tac_phrase {        /* a synset member: consecutive words */
    tac_wid *words;
    uint8_t  n;
} tac_phrase;

typedef struct tac_synset {
    const char *name;
    tac_phrase *phrases;
    uint32_t    n, cap;
    /* per phrase: the next phrase (index + 1, 0 = none) with the same first
     * / last word, in file order; heads in tac_dicts.synset_first/_last */
    uint32_t   *next_first, *next_last;
} tac_synset;

/* A discard phrase; a stem's regular forms are stored as phrases of their own. */
typedef struct tac_discard {
    tac_wid *words;
    uint8_t  n;
    bool     story;       /* '+': the whole story */
    const char *where;
} tac_discard;

typedef struct tac_issue {
    tac_wid    *words;
    uint8_t     n;
    const char *code;      /* NULL for an ignore phrase (~) */
    const char *where;
} tac_issue;

/* Verb transformations ("~ a (a b ATTACK) SAY = a b 015"). */
typedef struct tac_transform {
    char src_top, src_low, tgt_low;   /* 'a','b','.','_' */
    const char *low_verb;             /* block name or "Q" */
    const char *top_verb;
    /* the codes those verbs stand for, resolved after loading: a block of
     * that exact name first, else the verb word's own single-word form
     * (SAY, not SAY_NO); NULL when the dictionary has neither */
    const char *low_code, *top_code;
    char out_src, out_tgt;
    const char *code;                 /* "Q" = the lower code */
    const char *where;
} tac_transform;

struct tac_dicts {
    tac_arena      pool;
    tac_words      words;

    tac_trie       actor_trie;
    tac_actor     *actors;  uint32_t n_actors, cap_actors;
    tac_trie       agent_trie;
    tac_agent     *agents;  uint32_t n_agents, cap_agents;

    tac_verb_block *blocks;   uint32_t n_blocks, cap_blocks;
    tac_verb_form  *forms;    uint32_t n_forms, cap_forms;
    tac_map         form_index;          /* word -> first form */
    tac_pattern    *patterns; uint32_t n_patterns, cap_patterns;
    tac_synset     *synsets;  uint32_t n_synsets, cap_synsets;
    tac_map         synset_index;        /* hash(name) -> synset */
    /* (synset << 32 | first word) -> its first phrase starting with that
     * word (index + 1); the same keyed by last word. Pattern matching looks
     * up the sentence word instead of trying every member (synsets of
     * weapons or officials have hundreds). */
    tac_map         synset_first, synset_last;
    tac_transform  *transforms; uint32_t n_transforms, cap_transforms;

    tac_discard    *discards; uint32_t n_discards, cap_discards;
    tac_trie        discard_trie;        /* entry: index into discards */
    tac_issue      *issues;   uint32_t n_issues, cap_issues;
    tac_trie        issue_trie;          /* entry: index into issues */

    tac_map         agent_codes;         /* 3-letter agent blocks, for roots */
    uint8_t        *wflags;              /* per word id: TAC_W_* (built after loading) */
    size_t          n_verb_lines, n_actor_phrases, n_skipped;
    bool            petr2_patterns;      /* patterns use {NOUN PHRASE} / (PREP NOUN) */
};

/* Word flags: the word starts a phrase of that dictionary. */
enum { TAC_W_ACTOR = 1, TAC_W_AGENT = 2, TAC_W_DISCARD = 4, TAC_W_ISSUE = 8 };

/* Key of a three-letter code block ("GOV") in tac_dicts.agent_codes. */
static inline uint64_t tac_code3_key(const char *g)
{
    return ((uint64_t)(unsigned char)g[0] << 16) | ((uint64_t)(unsigned char)g[1] << 8) |
           (unsigned char)g[2];
}

static inline uint64_t tac_synset_key(uint32_t synset, tac_wid w)
{
    return ((uint64_t)synset << 32) | w;
}

static inline uint64_t tac_wid_bloom(tac_wid w)
{
    return 1ULL << ((w * 0x9E3779B1u) >> 26);
}

/* ---- the parse tree --------------------------------------------------- */

/* Node categories, decided once when the tree is read. */
enum {
    TAC_CAT_OTHER = 0, TAC_CAT_NP, TAC_CAT_VP, TAC_CAT_CLAUSE, TAC_CAT_SBAR, TAC_CAT_PP,
    TAC_CAT_ROOT
};

typedef struct tac_node {
    const char *label;       /* "NP", "VBD"... (function tags stripped) */
    const char *word;        /* preterminals: the word as written */
    tac_wid     wid;         /* preterminals: upper-cased word id */
    struct tac_node *parent;
    struct tac_node **kids;
    uint32_t    n_kids;
    uint32_t    first, last; /* token span [first, last) */
    uint32_t    index;       /* preorder index, for per-node memo arrays */
    bool        temporal;    /* NP-TMP and the like: not an actor position */
    uint8_t     cat;         /* TAC_CAT_* */
    struct tac_node *next_sib;   /* used while reading */
} tac_node;

typedef struct tac_tree {
    tac_node  *root;
    tac_node **tokens;       /* preterminals in order */
    uint32_t   n_tokens;
    uint32_t   n_nodes;
} tac_tree;

/* Reads a PTB bracketing (whitespace and newlines anywhere). Words are
 * looked up in `words` (may be NULL). Allocates from `arena`. */
tac_status tac_tree_read(const char *text, tac_arena *arena, const tac_words *words,
                         tac_tree *out, tac_error *err);

/* Builds the tree from nodes (tac_tree_node: the front end's parse) with
 * the reader's checks: forward child indexes, one parent each, no empty
 * phrases, the same depth limit. */
tac_status tac_tree_from_nodes(const tac_tree_node *nodes, size_t n, tac_arena *arena,
                               const tac_words *words, tac_tree *out, tac_error *err);

/* Removes every subtree whose tokens are all marked in drop[] (indexed by
 * token) and renumbers tokens, spans and nodes. */
tac_status tac_tree_prune(tac_tree *t, const bool *drop, tac_arena *a, tac_error *err);

/* Upper-cases an ASCII word into buf (NUL-terminated, truncated at cap-1). */
size_t tac_code_upper(const char *s, size_t n, char *buf, size_t cap);

/* Parses "YYYY-MM-DD", "YYYYMMDD" or "YYMMDD" into YYYYMMDD; -1 if invalid. */
int32_t tac_code_parse_date(const char *s);

#endif
