/* The shallow parser: tagged tokens -> a Penn-Treebank-like bracketed tree.
 *
 * A recursive-descent parser over tag categories (plus a few dozen function
 * words: auxiliaries, negation, complementizers, reporting verbs). Every
 * decision looks ahead over at most a few base noun phrases, and nothing is
 * ever re-parsed, so time is linear in the sentence length. The shapes copy
 * the CoreNLP trees of the PETRARCH gold files (docs/parser.md lists them):
 *
 *   (S (NP subject) (VP (VBD verb) (NP object) (PP (IN with) (NP ...))))
 *   (VP (MD will) (RB not) (VP (VB visit) ...))           auxiliaries
 *   (VP (VBD was) (VP (VBN attacked) (PP (IN by) (NP ..))))  passive
 *   (VP (VBD agreed) (S (VP (TO to) (VP (VB visit) ...))))  infinitives
 *   (VP (VBD said) (SBAR (IN that) (S ...)))                 complements
 *   (S (S ...) (, ,) (NP the ministry) (VP (VBD said)) (. .)) reporting
 *   (NP (NP (NNP China) (POS 's)) (NN leader))               possessives
 *   (NP (NP ...) (CC and) (NP ...)), (NP (NNP A) (CC and) (NNP B))
 *   (NP (NP ...) (SBAR (WHNP (WP who)) (S (VP ...))))        relatives
 *
 * Nodes live in a pool owned by the parser (grown, never freed per
 * sentence); the tree text is written into the parser's tac_buf. */
#include <stdlib.h>
#include <string.h>

#include "parse/parse.h"

/* ---- tag categories ---------------------------------------------------- */

enum {
    K_END = 0, K_OTHER,
    K_NN, K_NNP, K_PRP, K_PRPS, K_DT, K_PDT, K_CD, K_JJ, K_RB, K_IN, K_TO,
    K_CC, K_MD, K_VB, K_VBD, K_VBZ, K_VBP, K_VBG, K_VBN, K_RP, K_POS,
    K_WDT, K_WP, K_WPS, K_WRB, K_EX, K_COMMA, K_PERIOD, K_COLON, K_LQ, K_RQ,
    K_LRB, K_RRB, K_DOLLAR, K_HASH, K_FW
};

/* Maps a tag to its category. CoreNLP-style AUX tags (AUXD, AUXZ...) in
 * some gold files map to the verb tag they stand for. */
static int tag_category(const char *t)
{
    if (!t || !*t)
        return K_OTHER;
    switch (t[0]) {
    case 'C':
        if (!strcmp(t, "CC")) return K_CC;
        if (!strcmp(t, "CD")) return K_CD;
        break;
    case 'D':
        if (!strcmp(t, "DT")) return K_DT;
        break;
    case 'E':
        if (!strcmp(t, "EX")) return K_EX;
        break;
    case 'F':
        if (!strcmp(t, "FW")) return K_FW;
        break;
    case 'I':
        if (!strcmp(t, "IN")) return K_IN;
        break;
    case 'J':
        if (!strcmp(t, "JJ") || !strcmp(t, "JJR") || !strcmp(t, "JJS")) return K_JJ;
        break;
    case 'M':
        if (!strcmp(t, "MD")) return K_MD;
        break;
    case 'N':
        if (!strcmp(t, "NN") || !strcmp(t, "NNS")) return K_NN;
        if (!strcmp(t, "NNP") || !strcmp(t, "NNPS")) return K_NNP;
        break;
    case 'P':
        if (!strcmp(t, "PRP")) return K_PRP;
        if (!strcmp(t, "PRP$")) return K_PRPS;
        if (!strcmp(t, "PDT")) return K_PDT;
        if (!strcmp(t, "POS")) return K_POS;
        break;
    case 'R':
        if (!strcmp(t, "RB") || !strcmp(t, "RBR") || !strcmp(t, "RBS")) return K_RB;
        if (!strcmp(t, "RP")) return K_RP;
        break;
    case 'T':
        if (!strcmp(t, "TO")) return K_TO;
        break;
    case 'V':
        if (!strcmp(t, "VB")) return K_VB;
        if (!strcmp(t, "VBD")) return K_VBD;
        if (!strcmp(t, "VBZ")) return K_VBZ;
        if (!strcmp(t, "VBP")) return K_VBP;
        if (!strcmp(t, "VBG")) return K_VBG;
        if (!strcmp(t, "VBN")) return K_VBN;
        break;
    case 'W':
        if (!strcmp(t, "WDT")) return K_WDT;
        if (!strcmp(t, "WP")) return K_WP;
        if (!strcmp(t, "WP$")) return K_WPS;
        if (!strcmp(t, "WRB")) return K_WRB;
        break;
    case 'A':
        if (!strncmp(t, "AUX", 3)) {
            switch (t[3]) {
            case 'D': return K_VBD;
            case 'Z': return K_VBZ;
            case 'P': return K_VBP;
            case 'G': return K_VBG;
            case 'N': return K_VBN;
            default:  return K_VB;
            }
        }
        break;
    case ',': if (!t[1]) return K_COMMA; break;
    case '.': if (!t[1]) return K_PERIOD; break;
    case ':': if (!t[1]) return K_COLON; break;
    case '$': if (!t[1]) return K_DOLLAR; break;
    case '#': if (!t[1]) return K_HASH; break;
    case '`': if (!strcmp(t, "``")) return K_LQ; break;
    case '\'': if (!strcmp(t, "''")) return K_RQ; break;
    case '-':
        if (!strcmp(t, "-LRB-")) return K_LRB;
        if (!strcmp(t, "-RRB-")) return K_RRB;
        break;
    default:
        break;
    }
    return K_OTHER;
}

/* ---- function words ---------------------------------------------------- */

enum {
    W_BE = 1 << 0, W_HAVE = 1 << 1, W_DO = 1 << 2, W_NEG = 1 << 3,
    W_SAY = 1 << 4, W_THAT = 1 << 5,
    W_SUB = 1 << 6,       /* only a subordinator: because, although, if */
    W_SUBPREP = 1 << 7,   /* subordinator or preposition: after, since */
    W_OF = 1 << 8, W_ACCORDING = 1 << 9,
    W_CONJ = 1 << 10,     /* and, or, nor: joins noun phrases and clauses */
    W_CONJV = 1 << 11,    /* but: joins clauses and verb phrases only */
    W_ABOUT = 1 << 12,    /* "is about to": the gold trees' own shape */
    W_CLAUSEV = 1 << 13,  /* verbs taking a bare clause: "believes X can" */
    W_TEMPORAL = 1 << 14, /* today, yesterday, Monday...: a temporal noun */
    W_EARLY = 1 << 15,    /* early, late: "late Sunday" */
};

typedef struct word_flag {
    const char *word;
    unsigned    flags;
} word_flag;

/* Sorted (strcmp order) for bsearch. */
static const word_flag WORDS[] = {
    {"&", W_CONJ}, {"'m", W_BE}, {"'re", W_BE}, {"'s", W_BE}, {"'ve", W_HAVE},
    {"about", W_ABOUT}, {"according", W_ACCORDING}, {"acknowledged", W_CLAUSEV},
    {"added", W_SAY}, {"adds", W_SAY}, {"admitted", W_CLAUSEV}, {"after", W_SUBPREP},
    {"agreed", W_CLAUSEV}, {"although", W_SUB}, {"am", W_BE}, {"and", W_CONJ},
    {"announced", W_SAY}, {"are", W_BE}, {"argued", W_CLAUSEV}, {"as", W_SUBPREP},
    {"asserted", W_SAY}, {"be", W_BE}, {"because", W_SUB}, {"been", W_BE},
    {"before", W_SUBPREP}, {"being", W_BE}, {"believe", W_CLAUSEV},
    {"believed", W_CLAUSEV}, {"believes", W_CLAUSEV}, {"but", W_CONJV},
    {"claimed", W_SAY}, {"confirmed", W_SAY}, {"declared", W_SAY},
    {"denied", W_CLAUSEV}, {"did", W_DO}, {"do", W_DO}, {"does", W_DO},
    {"early", W_EARLY}, {"estimated", W_CLAUSEV}, {"expect", W_CLAUSEV},
    {"expected", W_CLAUSEV}, {"expects", W_CLAUSEV}, {"explained", W_SAY},
    {"fear", W_CLAUSEV}, {"feared", W_CLAUSEV}, {"fears", W_CLAUSEV},
    {"feel", W_CLAUSEV}, {"feels", W_CLAUSEV}, {"felt", W_CLAUSEV},
    {"friday", W_TEMPORAL}, {"had", W_HAVE}, {"has", W_HAVE}, {"have", W_HAVE},
    {"having", W_HAVE}, {"hope", W_CLAUSEV}, {"hoped", W_CLAUSEV}, {"hopes", W_CLAUSEV},
    {"if", W_SUB}, {"indicated", W_CLAUSEV}, {"insisted", W_SAY}, {"is", W_BE},
    {"knew", W_CLAUSEV}, {"know", W_CLAUSEV}, {"knows", W_CLAUSEV}, {"late", W_EARLY},
    {"monday", W_TEMPORAL}, {"n't", W_NEG}, {"never", W_NEG}, {"nor", W_CONJ},
    {"not", W_NEG}, {"noted", W_SAY}, {"of", W_OF}, {"once", W_SUBPREP}, {"or", W_CONJ},
    {"predicted", W_CLAUSEV}, {"reported", W_SAY}, {"reports", W_SAY}, {"said", W_SAY},
    {"saturday", W_TEMPORAL}, {"say", W_SAY}, {"saying", W_SAY}, {"says", W_SAY},
    {"showed", W_CLAUSEV}, {"since", W_SUBPREP}, {"stated", W_SAY}, {"stressed", W_SAY},
    {"suggested", W_CLAUSEV}, {"sunday", W_TEMPORAL}, {"suspected", W_CLAUSEV},
    {"tell", W_SAY}, {"tells", W_SAY}, {"that", W_THAT}, {"think", W_CLAUSEV},
    {"thinks", W_CLAUSEV}, {"though", W_SUB}, {"thought", W_CLAUSEV},
    {"thursday", W_TEMPORAL}, {"till", W_SUBPREP}, {"today", W_TEMPORAL},
    {"told", W_SAY}, {"tomorrow", W_TEMPORAL}, {"tonight", W_TEMPORAL},
    {"tuesday", W_TEMPORAL}, {"unless", W_SUB}, {"until", W_SUBPREP}, {"warned", W_SAY},
    {"was", W_BE}, {"wednesday", W_TEMPORAL}, {"were", W_BE}, {"whereas", W_SUB},
    {"whether", W_SUB}, {"while", W_SUB}, {"worried", W_CLAUSEV},
    {"yesterday", W_TEMPORAL},
};

static int word_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const word_flag *)elem)->word);
}

static unsigned word_flags(const char *form)
{
    char low[16];
    size_t i = 0;
    for (; form[i]; i++) {
        if (i + 1 >= sizeof low)
            return 0;
        char c = form[i];
        low[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    low[i] = '\0';
    const word_flag *w = bsearch(low, WORDS, sizeof WORDS / sizeof WORDS[0],
                                 sizeof WORDS[0], word_cmp);
    return w ? w->flags : 0;
}

/* ---- parser state ------------------------------------------------------ */

typedef struct ptok {
    const char *form;
    const char *tag;      /* as written in the tree */
    unsigned    flags;
    int         cat;
} ptok;

/* A tree node: a leaf (tok >= 0) or a phrase with a child list. */
typedef struct pnode {
    const char *label;
    int32_t     tok;
    int32_t     first, last, next;
} pnode;

struct tac_parser {
    ptok    *tok;
    size_t   cap_tok;
    size_t   n;          /* tokens in the sentence */
    size_t   pos;        /* next token to parse */
    pnode   *node;
    size_t   n_node, cap_node;
    int      depth;
    int32_t  root;       /* of the last parse: 0 empty sentence, -1 none */
    bool     oom;
    tac_buf  out;
};

tac_parser *tac_parser_new(tac_error *err)
{
    tac_parser *p = calloc(1, sizeof *p);
    if (!p) {
        tac_fail(err, TAC_ENOMEM, "out of memory creating a parser");
        return NULL;
    }
    tac_buf_init(&p->out);
    p->root = -1;
    return p;
}

void tac_parser_free(tac_parser *p)
{
    if (!p)
        return;
    free(p->tok);
    free(p->node);
    tac_buf_free(&p->out);
    free(p);
}

static int cat(const tac_parser *p, size_t i)
{
    return i < p->n ? p->tok[i].cat : K_END;
}

static bool has(const tac_parser *p, size_t i, unsigned flag)
{
    return i < p->n && (p->tok[i].flags & flag);
}

/* Node 0 is a sink used after an allocation failure: the parse goes on
 * harmlessly and the caller reports TAC_ENOMEM instead of a tree. */
static int32_t new_node(tac_parser *p, const char *label, int32_t tok)
{
    if (p->n_node == p->cap_node) {
        size_t cap = p->cap_node ? p->cap_node * 2 : 256;
        pnode *nn = realloc(p->node, cap * sizeof *nn);
        if (!nn) {
            p->oom = true;
            return 0;
        }
        p->node = nn;
        p->cap_node = cap;
    }
    int32_t id = (int32_t)p->n_node++;
    p->node[id] = (pnode){label, tok, -1, -1, -1};
    return id;
}

static int32_t phrase(tac_parser *p, const char *label)
{
    return new_node(p, label, -1);
}

static void add(tac_parser *p, int32_t parent, int32_t child)
{
    if (child <= 0 || parent <= 0)
        return;
    pnode *par = &p->node[parent];
    p->node[child].next = -1;
    if (par->last >= 0)
        p->node[par->last].next = child;
    else
        par->first = child;
    par->last = child;
}

/* Adds the token at pos as a leaf of parent and moves on. */
static void take(tac_parser *p, int32_t parent)
{
    if (p->pos >= p->n)
        return;
    add(p, parent, new_node(p, NULL, (int32_t)p->pos));
    p->pos++;
}

/* Wraps the token at pos in a phrase of its own: (ADVP (RB again)). */
static int32_t take_wrapped(tac_parser *p, const char *label)
{
    int32_t ph = phrase(p, label);
    take(p, ph);
    return ph;
}

static int32_t wrap2(tac_parser *p, const char *label, int32_t a, int32_t b)
{
    int32_t ph = phrase(p, label);
    add(p, ph, a);
    add(p, ph, b);
    return ph;
}

static bool enter(tac_parser *p)
{
    if (p->depth >= TAC_PARSE_MAX_DEPTH)
        return false;
    p->depth++;
    return true;
}

static void leave(tac_parser *p)
{
    p->depth--;
}

/* ---- lookahead predicates (no nodes built) ----------------------------- */

static bool is_noun(int c) { return c == K_NN || c == K_NNP; }

static bool is_finite(int c)
{
    return c == K_VBD || c == K_VBZ || c == K_VBP || c == K_MD;
}

static bool is_verb(int c)
{
    return c == K_VB || c == K_VBD || c == K_VBZ || c == K_VBP || c == K_VBG ||
           c == K_VBN || c == K_MD;
}

/* A bare temporal noun ("today", "Monday"): after another noun it starts
 * a phrase of its own, (NP-TMP (NN today)), which the coder never takes
 * for an actor ("visited Russia today", "officials Monday said"). */
static bool temporal_at(const tac_parser *p, size_t i)
{
    return has(p, i, W_TEMPORAL) && (cat(p, i) == K_NN || cat(p, i) == K_NNP);
}

/* End of a temporal phrase at i ("today", "late Sunday", "early Monday"),
 * or i if there is none. */
static size_t temporal_end(const tac_parser *p, size_t i)
{
    if (temporal_at(p, i))
        return i + 1;
    if (has(p, i, W_EARLY) && cat(p, i) == K_JJ && temporal_at(p, i + 1))
        return i + 2;
    return i;
}

/* `` then up to five adjectives and nouns, the last a noun, then '':
 * the position after the closing quote, or i. */
static size_t quoted_words_end(const tac_parser *p, size_t i)
{
    size_t k = i + 1;
    while (k < i + 6 && (cat(p, k) == K_JJ || is_noun(cat(p, k))))
        k++;
    return k > i + 1 && is_noun(cat(p, k - 1)) && cat(p, k) == K_RQ ? k + 1 : i;
}

/* "at least 20", "at most 20": a quantifier, not a PP. */
static bool at_least(const tac_parser *p, size_t i)
{
    return cat(p, i) == K_IN && cat(p, i + 1) == K_JJ && cat(p, i + 2) == K_CD &&
           tac_str_iequal(p->tok[i].form, "at") &&
           (tac_str_iequal(p->tok[i + 1].form, "least") ||
            tac_str_iequal(p->tok[i + 1].form, "most"));
}

/* "more than 30", "fewer than 20": likewise one noun phrase. */
static bool more_than(const tac_parser *p, size_t i)
{
    return cat(p, i) == K_JJ && cat(p, i + 1) == K_IN && cat(p, i + 2) == K_CD &&
           tac_str_iequal(p->tok[i + 1].form, "than") &&
           (tac_str_iequal(p->tok[i].form, "more") || tac_str_iequal(p->tok[i].form, "less") ||
            tac_str_iequal(p->tok[i].form, "fewer"));
}

static bool np_start(const tac_parser *p, size_t i)
{
    switch (cat(p, i)) {
    case K_DT: case K_PDT: case K_PRPS: case K_WPS: case K_CD: case K_JJ:
    case K_NN: case K_NNP: case K_PRP: case K_DOLLAR: case K_HASH: case K_EX:
    case K_FW:
        return true;
    case K_IN:   /* "at least three civilians" */
        return at_least(p, i);
    case K_RB:   /* "almost five years", "about 50 people", "up to 1,000 Turks" */
        return cat(p, i + 1) == K_CD || (cat(p, i + 1) == K_TO && cat(p, i + 2) == K_CD);
    case K_VBN: {  /* "exiled dissidents", "improved global economic relations" */
        size_t k = i + 1;
        while (k < i + 4 && cat(p, k) == K_JJ)
            k++;
        return cat(p, k) == K_NN || (k > i + 1 && is_noun(cat(p, k)));
    }
    default:
        return false;
    }
}

/* End of the base noun phrase starting at i (i itself if none). *nominal
 * tells whether it has a nominal head (not just adjectives). */
static size_t base_np_end(const tac_parser *p, size_t i, bool *nominal)
{
    size_t j = i;
    bool nom = false;
    int c = cat(p, j);
    if (c == K_PRP || c == K_EX) {
        if (nominal)
            *nominal = true;
        return j + 1;
    }
    if (c == K_PDT)
        c = cat(p, ++j);
    if (c == K_DT || c == K_PRPS || c == K_WPS) {
        j++;
        nom = true;   /* "this", "all": a determiner alone is a noun phrase */
    }
    bool any_mod = false, quoted = false;
    for (;;) {
        c = cat(p, j);
        size_t te;
        if (has(p, j, W_TEMPORAL | W_EARLY) && j > i && is_noun(cat(p, j - 1)) &&
            (te = temporal_end(p, j)) > j &&
            !is_verb(cat(p, te)) && !(cat(p, te) == K_RB && is_verb(cat(p, te + 1))))
            break;   /* "visited Russia today", not the subject's "Iran today threatened"
                      * (the coder expects the subject NP right before the VP) */
        if (c == K_NN || c == K_NNP || c == K_CD || c == K_DOLLAR || c == K_HASH ||
            c == K_FW) {
            nom = true;
        } else if (c == K_DT && j > i && cat(p, j - 1) == K_NNP && cat(p, j + 1) == K_NNP &&
                   tac_str_iequal(p->tok[j].form, "the") && !is_noun(cat(p, j + 2)) &&
                   cat(p, j + 2) != K_POS) {
            /* an epithet inside a name: "Radagast the Brown", "Alexander the Great" */
        } else if (c == K_LQ && j > i && quoted_words_end(p, j) > j) {
            /* "a ``special law''": quoted words inside the noun phrase */
            j = quoted_words_end(p, j) - 1;
            nom = quoted = true;
        } else if (j == i && more_than(p, j)) {
            j++;           /* "more than 30": the JJR and the IN */
        } else if (c == K_JJ) {
            nom = false;
        } else if (c == K_RB && (j == i || !any_mod) && cat(p, j + 1) == K_CD) {
            /* "almost five years" */
        } else if (c == K_RB && j == i && cat(p, j + 1) == K_TO && cat(p, j + 2) == K_CD) {
            j++;           /* "up to 1,000": the RB and the TO */
        } else if (j == i && at_least(p, j)) {
            j++;           /* "at least": the IN and the JJS */

        } else if (c == K_RB && j > i && !is_noun(cat(p, j - 1)) &&
                   (cat(p, j + 1) == K_JJ ||
                    (cat(p, j + 1) == K_VBN &&
                     (is_noun(cat(p, j + 2)) || cat(p, j + 2) == K_JJ)))) {
            /* "the most dangerous", "the recently imposed law" */
        } else if (c == K_VBN && j == i && np_start(p, j)) {
            nom = false;   /* "exiled dissidents" */
        } else if ((c == K_VBN || c == K_VBG) && j > i && !is_noun(cat(p, j - 1)) &&
                   (is_noun(cat(p, j + 1)) || cat(p, j + 1) == K_JJ)) {
            nom = false;   /* "the affected villages" */
        } else if (c == K_VBG && j == i + 1 && (cat(p, i) == K_DT || cat(p, i) == K_PRPS)) {
            nom = true;    /* "the reopening of" */
        } else if (c == K_VBN && j == i + 1 && cat(p, i) == K_DT &&
                   tac_str_iequal(p->tok[i].form, "the") && !is_noun(cat(p, j + 1)) &&
                   cat(p, j + 1) != K_JJ && cat(p, j + 1) != K_VBN) {
            nom = true;    /* "evacuated the wounded from": a participle as head */
        } else if (c == K_POS && j > i && nom) {
            /* possessive: the phrase goes on after it */
        } else if ((c == K_CC || c == K_COMMA) && j > i && cat(p, j - 1) == K_JJ &&
                   (cat(p, j + 1) == K_JJ || (cat(p, j + 1) == K_RB && cat(p, j + 2) == K_JJ)) &&
                   (c == K_COMMA || has(p, j, W_CONJ))) {
            /* "awful and evil minister", "complete, full ties", "closest and
             * most influential ally" */
        } else {
            break;
        }
        any_mod = true;
        j++;
        if (quoted)
            break;   /* the phrase ends with its closing quote */
    }
    if (j == i + 1 && cat(p, i) == K_DT)
        nom = true;
    if (nominal)
        *nominal = nom;
    return j;
}

/* A short parenthesis at i ("(FDD)", "(the UN agency)") is skipped: the
 * position after its closing bracket, else i. */
static size_t skip_prn(const tac_parser *p, size_t i)
{
    if (cat(p, i) != K_LRB)
        return i;
    for (size_t k = i + 1; k < p->n && k < i + 10; k++) {
        int c = cat(p, k);
        if (c == K_RRB) {
            k++;
            while (is_noun(cat(p, k)) && !temporal_at(p, k))
                k++;   /* "the Umma (Nation) party" */
            return k;
        }
        if (c == K_LRB || c == K_PERIOD)
            break;
    }
    return i;
}

/* A base NP optionally followed by "of/in/... NP" or "and NP" groups: the
 * extent of a likely subject, for deciding whether a clause starts here. */
static size_t np_groups_end(const tac_parser *p, size_t i)
{
    size_t k = base_np_end(p, i, NULL);
    if (k == i)
        return i;
    for (int g = 0; g < 4; g++) {
        k = skip_prn(p, k);
        int c = cat(p, k);
        bool joiner = (c == K_IN && !has(p, k, W_SUB | W_SUBPREP | W_THAT)) ||
                      c == K_TO ||   /* "assistance to the region is released" */
                      (c == K_CC && has(p, k, W_CONJ));
        if (!joiner || !np_start(p, k + 1))
            break;
        size_t e = base_np_end(p, k + 1, NULL);
        if (e == k + 1)
            break;
        k = e;
    }
    return skip_prn(p, k);
}

/* Skips adverbs (at most three) between a subject and its verb. */
static size_t skip_adverbs(const tac_parser *p, size_t k)
{
    for (int r = 0; r < 3 && cat(p, k) == K_RB; r++)
        k++;
    return k;
}

/* A verb group starts at i (possibly after adverbs). */
static bool verb_start(const tac_parser *p, size_t i)
{
    int c = cat(p, skip_adverbs(p, i));
    return c == K_VB || is_finite(c);
}

/* A clause with a subject starts at i: NP ... then a finite verb. */
static bool clause_start(const tac_parser *p, size_t i)
{
    if (!np_start(p, i))
        return false;
    size_t k = np_groups_end(p, i);
    if (k == i)
        return false;
    if (cat(p, k) == K_COMMA && np_start(p, k + 1)) {
        /* "Gondor, the state's foe, said" */
        size_t e = np_groups_end(p, k + 1);
        if (e > k + 1 && cat(p, e) == K_COMMA)
            k = e + 1;
    }
    return is_finite(cat(p, skip_adverbs(p, k)));
}

/* ", the ministry said" (optionally ", '' the ministry said"): a reporting
 * frame after a clause. i is at the comma. */
static bool frame_at(const tac_parser *p, size_t i)
{
    if (cat(p, i) != K_COMMA)
        return false;
    size_t k = i + 1;
    if (cat(p, k) == K_RQ)
        k++;
    if (!np_start(p, k))
        return false;
    size_t e = np_groups_end(p, k);
    if (e == k)
        return false;
    e = skip_adverbs(p, e);
    if (!has(p, e, W_SAY))
        return false;
    /* "the ministry has said", "officials said" */
    return is_finite(cat(p, e)) || (has(p, e, W_HAVE) && has(p, e + 1, W_SAY));
}

/* A finite verb comes before the next comma or sentence end: the clause
 * still has its main verb ahead, so a participle here modifies a noun. */
static bool finite_ahead(const tac_parser *p, size_t i)
{
    for (size_t k = i; k < p->n && k < i + 24; k++) {
        int c = cat(p, k);
        if (is_finite(c))
            return true;
        if (c == K_COMMA || c == K_PERIOD || c == K_COLON || c == K_WRB || c == K_WP ||
            c == K_WDT || has(p, k, W_THAT | W_SUB | W_SUBPREP))
            return false;
    }
    return false;
}

/* Position of the finite verb that finite_ahead finds, or 0. */
static size_t finite_at(const tac_parser *p, size_t i)
{
    for (size_t k = i; k < p->n && k < i + 24; k++) {
        int c = cat(p, k);
        if (is_finite(c))
            return k;
        if (c == K_COMMA || c == K_PERIOD || c == K_COLON || c == K_WRB || c == K_WP ||
            c == K_WDT || has(p, k, W_THAT | W_SUB | W_SUBPREP))
            return 0;
    }
    return 0;
}

/* A comma-separated list "X, Y(,) and Z" continues at the comma at i. */
static bool np_conj_at(const tac_parser *p, size_t k, int flags);

static bool list_ahead(const tac_parser *p, size_t i, int flags)
{
    size_t k = i;
    for (int g = 0; g < 16; g++) {
        if (cat(p, k) != K_COMMA)
            return false;
        k++;
        if (cat(p, k) == K_CC && has(p, k, W_CONJ))
            return np_conj_at(p, k, flags);
        if (!np_start(p, k))
            return false;
        size_t e = base_np_end(p, k, NULL);
        if (e == k)
            return false;
        k = e;
        /* "..., the government and the rebels have agreed": unless the
         * caller allows it, the last item must not start a clause */
        if (cat(p, k) == K_CC && has(p, k, W_CONJ))
            return np_conj_at(p, k, flags);
    }
    return false;
}

/* ---- phrase builders --------------------------------------------------- */

enum {
    NP_ATTACH_PP = 1,   /* PPs after the noun attach to it (subjects) */
    NP_COORD_FREE = 2,  /* "A and B" even if a verb follows B */
    NP_VBG = 4,         /* "the roads leading into Mordor" */
    NP_APPOS_MID = 8,   /* "X, the state's foe, said": appositive before a verb */
    NP_APPOS_END = 16,  /* "with X, the state's foe." at the end */
    NP_VBN_REL = 32,    /* "remarks published on Monday" even without a verb ahead */
    NP_SUBJ = 64,       /* inside a subject (its PPs and conjuncts): a verb after a
                         * noun may be the clause's own verb */
};

static int32_t parse_np(tac_parser *p, int flags);
static int32_t parse_vp(tac_parser *p);
static int32_t parse_clause(tac_parser *p);
static int32_t parse_clause_coord(tac_parser *p);
static void    parse_complements(tac_parser *p, int32_t vp, size_t head);

static int32_t build_base_np(tac_parser *p, size_t end)
{
    int32_t np = phrase(p, "NP");
    while (p->pos < end) {
        bool possessive = cat(p, p->pos) == K_POS;
        if (cat(p, p->pos) == K_JJ && cat(p, p->pos + 1) == K_CC && p->pos + 2 < end) {
            /* (ADJP (JJ awful) (CC and) (JJ evil)), (ADJP (JJS closest) (CC and)
             * (RBS most) (JJ influential)) */
            int32_t adjp = phrase(p, "ADJP");
            take(p, adjp);
            take(p, adjp);
            if (cat(p, p->pos) == K_RB && p->pos + 1 < end)
                take(p, adjp);
            take(p, adjp);
            add(p, np, adjp);
            continue;
        }
        take(p, np);
        if (possessive && p->pos < end)
            np = wrap2(p, "NP", np, -1);
    }
    return np;
}

/* (ADVP (RB still) (RB more)) */
static int32_t parse_advp(tac_parser *p)
{
    int32_t advp = phrase(p, "ADVP");
    while (cat(p, p->pos) == K_RB && !has(p, p->pos, W_NEG))
        take(p, advp);
    return advp;
}

/* Anything in parentheses: (PRN (-LRB- -LRB-) ... (-RRB- -RRB-)). */
static int32_t parse_prn(tac_parser *p)
{
    int32_t prn = phrase(p, "PRN");
    take(p, prn);
    while (p->pos < p->n && cat(p, p->pos) != K_RRB) {
        size_t at = p->pos;
        int32_t x = -1;
        if (clause_start(p, at) || verb_start(p, at))
            x = parse_clause_coord(p);
        else if (np_start(p, at))
            x = parse_np(p, NP_COORD_FREE);
        if (x <= 0 || p->pos == at)
            take(p, prn);
        else
            add(p, prn, x);
    }
    if (cat(p, p->pos) == K_RRB)
        take(p, prn);
    return prn;
}

/* (SBAR (WHNP (WP who)) (S (VP ...))) or (SBAR (WHNP (WDT which)) (S (NP ..) (VP ..))) */
static int32_t parse_relative(tac_parser *p)
{
    int32_t sbar = phrase(p, "SBAR");
    int c = cat(p, p->pos);
    add(p, sbar, take_wrapped(p, c == K_WRB ? "WHADVP" : "WHNP"));
    int32_t s = parse_clause_coord(p);
    if (s > 0)
        add(p, sbar, s);
    return sbar;
}

/* (PP (IN with) (NP ...)); also "because of", "by attacking". -1 if no object. */
static int32_t parse_pp(tac_parser *p, int np_flags)
{
    size_t start = p->pos;
    if (!enter(p))
        return -1;
    int32_t pp = phrase(p, "PP");
    take(p, pp);
    if (cat(p, p->pos) == K_IN && has(p, p->pos, W_OF) && !has(p, start, W_OF))
        take(p, pp);   /* "because of", "ahead of" */
    int32_t obj = -1;
    int c = cat(p, p->pos);
    if (np_start(p, p->pos)) {
        obj = parse_np(p, np_flags);
    } else if (c == K_VBG) {
        int32_t vp = parse_vp(p);
        if (vp > 0)
            obj = wrap2(p, "S", vp, -1);
    } else if (c == K_WP || c == K_WDT) {
        obj = parse_relative(p);
    } else if (c == K_IN && !has(p, p->pos, W_OF | W_SUB | W_THAT) &&
               np_start(p, p->pos + 1)) {
        obj = parse_pp(p, np_flags);   /* "from throughout the country" */
    } else if (c == K_RB && !has(p, p->pos, W_NEG) &&
               (cat(p, p->pos + 1) == K_END || cat(p, p->pos + 1) == K_COMMA ||
                cat(p, p->pos + 1) == K_PERIOD || cat(p, p->pos + 1) == K_IN)) {
        obj = parse_advp(p);   /* "since then", "until recently" */
    }
    leave(p);
    if (obj <= 0) {
        p->pos = start;
        return -1;
    }
    add(p, pp, obj);
    return pp;
}

/* "according to X": (PP (VBG according) (PP (TO to) (NP ...))) */
static bool according_at(const tac_parser *p, size_t i)
{
    return has(p, i, W_ACCORDING) && cat(p, i + 1) == K_TO && np_start(p, i + 2);
}

static int32_t parse_according(tac_parser *p)
{
    int32_t pp = phrase(p, "PP");
    take(p, pp);
    int32_t inner = parse_pp(p, NP_APPOS_END);
    if (inner > 0)
        add(p, pp, inner);
    return pp;
}

/* A subordinate clause: (SBAR (IN because) (S ...)), (SBAR (WHADVP (WRB when)) (S ...)). */
static int32_t parse_sbar(tac_parser *p)
{
    int32_t sbar = phrase(p, "SBAR");
    if (cat(p, p->pos) == K_WRB)
        add(p, sbar, take_wrapped(p, "WHADVP"));
    else
        take(p, sbar);
    int32_t s = parse_clause_coord(p);
    if (s > 0)
        add(p, sbar, s);
    return sbar;
}

/* Noun phrase conjuncts that are single nouns join flat, the others nest:
 * (NP (NNP A) (, ,) (NNP B) (CC and) (NNP C)) vs (NP (NP ..) (CC and) (NP ..)). */
#define MAX_CONJUNCTS 32

static bool single_noun(const tac_parser *p, int32_t np)
{
    const pnode *n = &p->node[np];
    if (n->first < 0 || n->first != n->last)
        return false;
    const pnode *leaf = &p->node[n->first];
    return leaf->tok >= 0 && is_noun(p->tok[leaf->tok].cat);
}

static int32_t parse_np_post(tac_parser *p, int flags);

static bool np_conj_at(const tac_parser *p, size_t k, int flags)
{
    if (cat(p, k) != K_CC || !has(p, k, W_CONJ) || !np_start(p, k + 1))
        return false;
    if (flags & NP_COORD_FREE)
        return true;
    /* "Arnor attacked Gondor and Rohan condemned it": a clause, not an NP */
    return !clause_start(p, k + 1);
}

static int32_t parse_np_coord(tac_parser *p, int flags)
{
    int32_t first = parse_np_post(p, flags);
    if (first <= 0)
        return first;
    int32_t parts[MAX_CONJUNCTS * 2];
    bool is_item[MAX_CONJUNCTS * 2];
    int n = 0, items = 0;
    parts[n] = first, is_item[n++] = true, items++;
    bool flat = single_noun(p, first);
    while (n + 3 < MAX_CONJUNCTS * 2) {
        size_t k = p->pos;
        bool more = np_conj_at(p, k, flags) ||
                    (cat(p, k) == K_COMMA && !frame_at(p, k) &&
                     (np_conj_at(p, k + 1, flags) ||
                      (np_start(p, k + 1) && list_ahead(p, k, flags))));
        if (!more)
            break;
        while (cat(p, p->pos) == K_COMMA || cat(p, p->pos) == K_CC) {
            parts[n] = new_node(p, NULL, (int32_t)p->pos);
            is_item[n++] = false;
            p->pos++;
        }
        int32_t item = parse_np_post(p, flags);
        if (item <= 0)
            break;
        parts[n] = item, is_item[n++] = true, items++;
        flat = flat && single_noun(p, item);
    }
    if (items == 1) {
        /* separators taken but no conjunct followed: give them back */
        if (n > 1)
            p->pos = p->node[parts[1]].tok;
        return first;
    }
    if (!is_item[n - 1]) {   /* trailing separators without a conjunct */
        while (n > 0 && !is_item[n - 1])
            n--;
        p->pos = p->node[parts[n]].tok;
    }
    int32_t np = phrase(p, "NP");
    for (int i = 0; i < n; i++)
        add(p, np, flat && is_item[i] ? p->node[parts[i]].first : parts[i]);
    return np;
}

static int32_t parse_np(tac_parser *p, int flags)
{
    if (!enter(p))
        return -1;
    int32_t np = parse_np_coord(p, flags);
    leave(p);
    return np;
}

/* A base NP and what attaches to it: of-PPs, relative clauses, appositives. */
static int32_t parse_np_post(tac_parser *p, int flags)
{
    if (!np_start(p, p->pos))
        return -1;
    size_t end = base_np_end(p, p->pos, NULL);
    if (end == p->pos)
        return -1;
    size_t start = p->pos;
    int32_t np = build_base_np(p, end);
    int head = cat(p, end - 1);
    if (is_noun(head) && cat(p, start) != K_DT && cat(p, end) == K_CC &&
        !(start > 0 && cat(p, start - 1) == K_COMMA) &&   /* last item of a list */
        has(p, end, W_CONJ) && cat(p, end + 1) == head && !is_noun(cat(p, end + 2)) &&
        cat(p, end + 2) != K_POS && np_conj_at(p, end, flags)) {
        /* "Lawmakers and officials in Fornost": (NP (NNS Lawmakers) (CC and)
         * (NNS officials)), and what follows attaches to both */
        take(p, np);
        take(p, np);
    }
    int inner = (flags & (NP_COORD_FREE | NP_SUBJ)) | ((flags & NP_ATTACH_PP) ? NP_SUBJ : 0);
    for (;;) {
        size_t k = p->pos, v;
        int c = cat(p, k);
        int32_t x = -1;
        if (c == K_IN && has(p, k, W_OF)) {
            x = parse_pp(p, inner | (flags & NP_APPOS_END));
        } else if ((flags & NP_ATTACH_PP) && c == K_TO && np_start(p, k + 1)) {
            x = parse_pp(p, inner);   /* "aid to the region is released" */
        } else if ((flags & NP_ATTACH_PP) && c == K_IN && !has(p, k, W_SUB | W_THAT) &&
                   !(has(p, k, W_SUBPREP) && clause_start(p, k + 1)) &&
                   (np_start(p, k + 1) || (cat(p, k + 1) == K_IN &&
                                           !has(p, k + 1, W_OF | W_SUB | W_THAT) &&
                                           np_start(p, k + 2)))) {
            x = parse_pp(p, inner);   /* "from Bree", "from across the country" */
        } else if ((flags & NP_ATTACH_PP) && c == K_RB && cat(p, k + 1) == K_IN &&
                   tac_str_iequal(p->tok[k + 1].form, "with") && np_start(p, k + 2)) {
            /* "Washington along with its allies demanded":
             * (PP (RB along) (PP (IN with) (NP ...))) inside the subject */
            x = phrase(p, "PP");
            take(p, x);
            int32_t pp = parse_pp(p, inner);
            if (pp > 0)
                add(p, x, pp);
            else
                p->pos = k;
        } else if ((flags & NP_ATTACH_PP) && according_at(p, k)) {
            x = parse_according(p);
        } else if (c == K_WP || (c == K_WDT && !has(p, k, W_THAT)) ||
                   (c == K_WDT && verb_start(p, k + 1))) {
            x = parse_relative(p);
        } else if (c == K_COMMA && (cat(p, k + 1) == K_WP ||
                                    (cat(p, k + 1) == K_WDT && !has(p, k + 1, W_THAT)))) {
            /* ", who ...," */
            int32_t outer = phrase(p, "NP");
            add(p, outer, np);
            take(p, outer);
            add(p, outer, parse_relative(p));
            if (cat(p, p->pos) == K_COMMA && (flags & NP_APPOS_MID) &&
                verb_start(p, p->pos + 1))
                take(p, outer);
            np = outer;
            continue;
        } else if (c == K_COMMA && (flags & NP_APPOS_MID) && cat(p, k + 1) == K_IN &&
                   !has(p, k + 1, W_SUB | W_THAT) && np_start(p, k + 2)) {
            size_t e = np_groups_end(p, k + 2);
            if (cat(p, e) == K_VBN) {   /* "remarks published on Monday" */
                e++;
                for (int g = 0; g < 3 && cat(p, e) == K_IN && np_start(p, e + 1); g++)
                    e = base_np_end(p, e + 1, NULL);
            }
            if (cat(p, e) != K_COMMA || !verb_start(p, e + 1))
                break;
            int32_t outer = phrase(p, "NP");
            add(p, outer, np);
            take(p, outer);
            int32_t pp = parse_pp(p, inner | NP_VBN_REL);
            if (pp <= 0 || cat(p, p->pos) != K_COMMA) {
                p->pos = k;
                break;
            }
            add(p, outer, pp);
            take(p, outer);
            np = outer;
            continue;
        } else if (c == K_COMMA && (flags & (NP_APPOS_MID | NP_APPOS_END)) &&
                   np_start(p, k + 1)) {
            size_t e = np_groups_end(p, k + 1);
            bool mid = (flags & NP_APPOS_MID) && cat(p, e) == K_COMMA &&
                       verb_start(p, e + 1);
            bool fin = (flags & NP_APPOS_END) &&
                       (cat(p, e) == K_PERIOD || cat(p, e) == K_END);
            if (!mid && !fin)
                break;
            int32_t outer = phrase(p, "NP");
            add(p, outer, np);
            take(p, outer);
            /* "Pakistan, a key ally in the war against terrorism, has": the
             * PPs belong to the appositive, whose closing comma follows them */
            int32_t app = parse_np(p, inner | (mid ? NP_ATTACH_PP : 0));
            if (app <= 0) {
                p->pos = k;
                break;
            }
            add(p, outer, app);
            if (mid && cat(p, p->pos) == K_COMMA)
                take(p, outer);
            np = outer;
            continue;
        } else if ((flags & NP_VBG) && c == K_VBG && k > 0 && is_noun(cat(p, k - 1))) {
            x = parse_vp(p);
        } else if ((flags & NP_ATTACH_PP) && c == K_VBG && k > 0 && is_noun(cat(p, k - 1)) &&
                   (v = finite_at(p, k + 1)) > k + 1) {
            /* "Russian aircraft including helicopter gunships killed ...": a
             * participle phrase inside the subject. It is parsed as if the
             * sentence ended at the clause's verb, so that its object does
             * not take that verb as its own clause. */
            size_t n = p->n;
            p->n = v;
            x = parse_vp(p);
            p->n = n;
        } else if (c == K_VBD && !(flags & NP_ATTACH_PP) && is_noun(cat(p, k - 1)) &&
                   cat(p, k + 1) == K_IN && !has(p, k + 1, W_SUB | W_SUBPREP | W_THAT) &&
                   np_start(p, k + 2) && (!(flags & NP_SUBJ) || finite_ahead(p, k + 1))) {
            /* a participle tagged VBD after an object: "assurances sent from Bree" */
            x = parse_vp(p);
        } else if (c == K_VBN && k > 0 && is_noun(cat(p, k - 1)) &&
                   (!(flags & (NP_ATTACH_PP | NP_SUBJ)) || (flags & NP_VBN_REL) ||
                    finite_ahead(p, k + 1)) &&
                   !np_start(p, k + 1 + (cat(p, k + 1) == K_RP))) {
            /* "the men sought in ...", "a report released Tuesday ... alleged" */
            x = parse_vp(p);
        } else if (c == K_LRB) {
            x = parse_prn(p);
            if (x > 0 && p->pos > k && is_noun(cat(p, p->pos)) && is_noun(cat(p, k - 1)) &&
                !temporal_at(p, p->pos)) {
                /* "the Umma (Nation) party": the parenthesis sits inside the
                 * noun phrase, whose head comes after it */
                np = wrap2(p, "NP", np, x);
                while (is_noun(cat(p, p->pos)) && !temporal_at(p, p->pos))
                    take(p, np);
                continue;
            }
        }
        if (x <= 0 || p->pos == k) {
            p->pos = k;
            break;
        }
        np = wrap2(p, "NP", np, x);
    }
    return np;
}

/* A predicate adjective: (ADJP (JJ ready) (S (VP (TO to) ...))), (ADJP (JJ unaware) (PP (IN of) ..)). */
static int32_t parse_adjp(tac_parser *p)
{
    int32_t adjp = phrase(p, "ADJP");
    while (cat(p, p->pos) == K_RB && cat(p, p->pos + 1) == K_JJ)
        take(p, adjp);
    while (cat(p, p->pos) == K_JJ)
        take(p, adjp);
    size_t k = p->pos;
    if (cat(p, k) == K_TO && cat(p, k + 1) == K_VB) {
        int32_t vp = parse_vp(p);
        if (vp > 0)
            add(p, adjp, wrap2(p, "S", vp, -1));
    } else if (cat(p, k) == K_IN && has(p, k, W_OF)) {
        int32_t pp = parse_pp(p, 0);
        if (pp > 0)
            add(p, adjp, pp);
    }
    return adjp;
}

/* Whether the verb at i is an auxiliary of a following verb. */
static bool is_aux(const tac_parser *p, size_t i)
{
    size_t k = i + 1;
    while (cat(p, k) == K_RB || (cat(p, k) == K_CC && cat(p, k + 1) == K_RB))
        k++;
    int next = cat(p, k);
    if (cat(p, i) == K_MD)
        return is_verb(next);
    if (has(p, i, W_BE))
        return next == K_VBG || next == K_VBN || next == K_VBD;
    if (has(p, i, W_HAVE))
        return next == K_VBN || next == K_VBD;
    if (has(p, i, W_DO))
        return next == K_VB || next == K_VBP;
    return false;
}

/* Adverbs in a verb group: negation stays a bare RB, others form ADVPs. */
static void take_verb_adverbs(tac_parser *p, int32_t vp)
{
    while (cat(p, p->pos) == K_RB) {
        if (has(p, p->pos, W_NEG)) {
            take(p, vp);
        } else if (cat(p, p->pos + 1) == K_CC && cat(p, p->pos + 2) == K_RB) {
            /* "heavily and unjustly": (ADVP (ADVP ..) (CC and) (ADVP ..)) */
            int32_t advp = phrase(p, "ADVP");
            add(p, advp, take_wrapped(p, "ADVP"));
            take(p, advp);
            add(p, advp, parse_advp(p));
            add(p, vp, advp);
        } else {
            add(p, vp, parse_advp(p));
        }
    }
}

/* A verb phrase from a verb group on: auxiliaries nest, the main verb takes
 * its complements; "A and B" verb phrases coordinate. */
static int32_t parse_vp_one(tac_parser *p)
{
    size_t start = p->pos;
    int32_t vp = phrase(p, "VP");
    take_verb_adverbs(p, vp);   /* "never attacked", "also said" */
    int c = cat(p, p->pos);
    if (c == K_TO) {
        take(p, vp);
        take_verb_adverbs(p, vp);
        if (is_verb(cat(p, p->pos))) {
            int32_t inner = parse_vp(p);
            if (inner > 0)
                add(p, vp, inner);
        }
        return vp;
    }
    if (!is_verb(c)) {
        p->pos = start;
        return -1;
    }
    if (has(p, p->pos, W_BE) && has(p, p->pos + 1, W_ABOUT) && cat(p, p->pos + 2) == K_TO) {
        /* (VP (VBZ is) (VP (IN about) (S (VP (TO to) ...)))) as in the gold trees */
        take(p, vp);
        int32_t about = phrase(p, "VP");
        take(p, about);
        int32_t inf = parse_vp(p);
        if (inf > 0)
            add(p, about, wrap2(p, "S", inf, -1));
        add(p, vp, about);
        return vp;
    }
    size_t head = p->pos;
    if (is_aux(p, p->pos)) {
        take(p, vp);
        take_verb_adverbs(p, vp);
        int32_t inner = parse_vp(p);
        if (inner > 0) {
            add(p, vp, inner);
            return vp;
        }
    } else {
        take(p, vp);
    }
    parse_complements(p, vp, head);
    return vp;
}

/* A list of participle phrases goes on at the comma at k: "violating human
 * rights, ignoring international law and sending a signal" (a conjunction
 * and a VBG come before the sentence ends or a finite verb appears). */
static bool vbg_list_ahead(const tac_parser *p, size_t k)
{
    if (cat(p, k) != K_COMMA || cat(p, k + 1) != K_VBG)
        return false;
    for (size_t j = k + 2; j < p->n && j < k + 40; j++) {
        int c = cat(p, j);
        if (c == K_CC && has(p, j, W_CONJ) && cat(p, j + 1) == K_VBG)
            return true;
        if (c == K_PERIOD || c == K_COLON || is_finite(c) || c == K_WP || c == K_WDT)
            return false;
    }
    return false;
}

/* A verb phrase coordinated with the one before (whose head category is
 * head) starts at k. */
static bool vp_conj_at(const tac_parser *p, size_t k, int head)
{
    if (head == K_VBG && vbg_list_ahead(p, k))
        return true;
    if (cat(p, k) == K_COMMA)
        k++;
    if (cat(p, k) != K_CC || !has(p, k, W_CONJ | W_CONJV))
        return false;
    /* "and promised aid", "but did not attack", "and ousted"; after a
     * participle phrase "and sending a signal" */
    return (verb_start(p, k + 1) || cat(p, k + 1) == K_VBN ||
            (head == K_VBG && cat(p, k + 1) == K_VBG)) &&
           !clause_start(p, k + 1);
}

static int32_t parse_vp(tac_parser *p)
{
    if (!enter(p))
        return -1;
    int head = cat(p, skip_adverbs(p, p->pos));
    int32_t vp = parse_vp_one(p);
    if (vp > 0 && vp_conj_at(p, p->pos, head)) {
        int32_t coord = phrase(p, "VP");
        add(p, coord, vp);
        while (vp_conj_at(p, p->pos, head)) {
            size_t k = p->pos;
            if (cat(p, p->pos) == K_COMMA)
                take(p, coord);
            if (cat(p, p->pos) == K_CC)
                take(p, coord);
            int32_t next = parse_vp_one(p);
            if (next <= 0) {
                p->pos = k;
                break;
            }
            add(p, coord, next);
        }
        vp = coord;
    }
    leave(p);
    return vp;
}

/* Whether a subordinate clause starts at i (at its subordinator). */
static bool sbar_at(const tac_parser *p, size_t i)
{
    int c = cat(p, i);
    if (c == K_IN && has(p, i, W_SUB))
        return !has(p, i + 1, W_OF);   /* "because of" is a preposition */
    if (c == K_IN && has(p, i, W_SUBPREP))
        return clause_start(p, i + 1);
    if (c == K_WRB)
        return true;
    return false;
}

/* "five years after ...": a measure phrase before after/before/since. */
static bool np_sub_at(const tac_parser *p, size_t k)
{
    int c = cat(p, k);
    if ((c != K_CD && c != K_RB) || !np_start(p, k))
        return false;
    size_t e = base_np_end(p, k, NULL);
    return e > k && has(p, e, W_SUBPREP) && np_start(p, e + 1);
}

/* "that X(,) and that Y": (SBAR (SBAR ...) (, ,) (CC and) (SBAR ...)) */
static int32_t sbar_coord(tac_parser *p, int32_t first)
{
    size_t k = p->pos;
    size_t c = k + (cat(p, k) == K_COMMA);
    if (cat(p, c) != K_CC || !has(p, c + 1, W_THAT) || cat(p, c + 1) != K_IN)
        return first;
    int32_t coord = wrap2(p, "SBAR", first, -1);
    while (p->pos <= c)
        take(p, coord);
    int32_t second = phrase(p, "SBAR");
    take(p, second);
    int32_t s = parse_clause_coord(p);
    if (s > 0)
        add(p, second, s);
    add(p, coord, second);
    return coord;
}

/* An -ed verb tagged VBD right after an object noun, followed by a
 * preposition and its object: after a verb that takes no clause
 * ("violating the agreement signed in March") it is a participle modifying
 * the noun, not the verb of a new clause. */
static bool reduced_relative_at(const tac_parser *p, size_t k)
{
    if (cat(p, k) != K_VBD || !tac_str_has_suffix(p->tok[k].form, "ed"))
        return false;
    return (cat(p, k + 1) == K_IN && !has(p, k + 1, W_SUB | W_SUBPREP | W_THAT | W_OF) &&
            np_start(p, k + 2));
}

/* "political and territorial autonomy": coordinated adjectives before a noun. */
static bool jj_coord_np(const tac_parser *p, size_t k)
{
    bool nominal = false;
    int n1 = cat(p, k + 1);
    if (n1 != K_CC && n1 != K_COMMA)
        return false;
    base_np_end(p, k, &nominal);
    return nominal;
}

/* Objects, particles, PPs, clauses and adverbs after a main verb. */
static void parse_complements(tac_parser *p, int32_t vp, size_t head)
{
    bool takes_clause = has(p, head, W_SAY | W_CLAUSEV);
    int objects = 0;
    bool last_was_np = false;
    while (p->pos < p->n) {
        size_t k = p->pos;
        int c = cat(p, k);
        int32_t x = -1;
        bool is_np = false;
        if (has(p, k, W_THAT) && (c == K_IN || c == K_WDT || c == K_DT) &&
            (c != K_DT || clause_start(p, k + 1) || verb_start(p, k + 1))) {
            /* "said that ...", "hopes that ..." */
            x = phrase(p, "SBAR");
            if (c == K_IN)
                take(p, x);
            else
                add(p, x, take_wrapped(p, "WHNP"));
            int32_t s = parse_clause_coord(p);
            if (s > 0)
                add(p, x, s);
            x = sbar_coord(p, x);
        } else if (clause_start(p, k) &&
                   (takes_clause || (is_finite(cat(p, base_np_end(p, k, NULL))) &&
                                     !reduced_relative_at(p, base_np_end(p, k, NULL))))) {
            /* "said the attack was ...": (SBAR (S ...)) */
            int32_t s = parse_clause_coord(p);
            if (s > 0)
                x = wrap2(p, "SBAR", s, -1);
        } else if (np_sub_at(p, k)) {
            /* "almost five years after crowds trashed ...": (SBAR (NP ..) (IN after) (S ..)),
             * "two weeks after the attack": (PP (NP ..) (IN after) (NP ..)) */
            size_t e = base_np_end(p, k, NULL);
            bool clause = clause_start(p, e + 1);
            x = phrase(p, clause ? "SBAR" : "PP");
            add(p, x, build_base_np(p, e));
            take(p, x);
            add(p, x, clause ? parse_clause_coord(p) : parse_np(p, NP_APPOS_END));
        } else if (c == K_JJ && !np_start(p, k + 1) && !is_noun(cat(p, k + 1)) &&
                   !jj_coord_np(p, k) && !more_than(p, k)) {
            x = parse_adjp(p);
        } else if (k > head && temporal_end(p, k) > k &&
                   base_np_end(p, k, NULL) == temporal_end(p, k) &&
                   !is_noun(cat(p, temporal_end(p, k))) && cat(p, temporal_end(p, k)) != K_POS) {
            /* "visited Russia today", "said today", "called for Gondor late Sunday" */
            x = phrase(p, "NP-TMP");
            while (p->pos < temporal_end(p, k))
                take(p, x);
        } else if (np_start(p, k)) {
            bool nominal = false;
            base_np_end(p, k, &nominal);
            if (!nominal && c == K_JJ) {
                x = parse_adjp(p);
            } else if (objects < 2 && (objects == 0 || last_was_np)) {
                x = parse_np(p, NP_VBG | NP_APPOS_END);
                is_np = true;
                objects++;
            }
        } else if (c == K_RP) {
            x = take_wrapped(p, "PRT");
        } else if (sbar_at(p, k)) {
            x = parse_sbar(p);
        } else if (c == K_IN) {
            x = parse_pp(p, NP_APPOS_END);
        } else if (c == K_TO) {
            if (verb_start(p, k + 1)) {
                int32_t inf = parse_vp(p);
                if (inf > 0)
                    x = wrap2(p, "S", inf, -1);
            } else {
                x = parse_pp(p, NP_APPOS_END);
            }
        } else if (c == K_WDT || c == K_WP) {
            x = parse_relative(p);
        } else if (c == K_RB) {
            if (has(p, k, W_NEG))
                take(p, vp);
            else
                x = parse_advp(p);
        } else if (c == K_VBG && according_at(p, k)) {
            x = parse_according(p);
        } else if (c == K_VBG || c == K_VB) {
            int32_t inner = parse_vp(p);
            if (inner > 0)
                x = c == K_VBG ? wrap2(p, "S", inner, -1) : inner;
        } else if (c == K_COMMA) {
            int n1 = cat(p, k + 1);
            if (cat(p, head) == K_VBG && vbg_list_ahead(p, k))
                break;   /* the next item of a list of participle phrases */
            bool go = according_at(p, k + 1) || n1 == K_VBG || sbar_at(p, k + 1) ||
                      np_sub_at(p, k + 1) ||
                      (n1 == K_WDT && !has(p, k + 1, W_THAT)) || n1 == K_WP ||
                      (n1 == K_IN && !has(p, k + 1, W_THAT | W_OF) && np_start(p, k + 2));
            if (!go)
                break;
            take(p, vp);
            continue;
        } else if (c == K_LRB) {
            x = parse_prn(p);
        } else if (c == K_LQ) {
            take(p, vp);
            continue;
        } else if (c == K_RQ && cat(p, k + 1) != K_COMMA) {
            take(p, vp);
            continue;
        }
        if (p->pos == k)
            break;
        if (x > 0)
            add(p, vp, x);
        last_was_np = is_np;
    }
}

/* One clause: [CC] [SBAR|PP|ADVP ,]* [NP] VP. -1 if nothing parses. */
static int32_t parse_clause(tac_parser *p)
{
    size_t start = p->pos;
    if (!enter(p))
        return -1;
    int32_t s = phrase(p, "S");
    bool any = false;
    for (int guard = 0; guard < 8 && p->pos < p->n; guard++) {
        size_t k = p->pos;
        int c = cat(p, k);
        int32_t x = -1;
        if (c == K_CC && k == start && has(p, k, W_CONJ | W_CONJV)) {
            take(p, s);
        } else if (c == K_LQ) {
            take(p, s);
        } else if (sbar_at(p, k) && !(c == K_WRB && k != start)) {
            x = parse_sbar(p);
        } else if (according_at(p, k)) {
            x = parse_according(p);
        } else if (c == K_IN && !has(p, k, W_THAT) && np_start(p, k + 1) && !at_least(p, k)) {
            /* a leading PP: its conjuncts stop where the subject starts
             * ("With the signing of X, the government and the rebels have") */
            x = parse_pp(p, 0);
        } else if (c == K_RB && !verb_start(p, k) && !np_start(p, k)) {
            x = parse_advp(p);   /* not "Almost 50 people", "Up to 1,000 Turks" */
        } else if ((c == K_VBG || c == K_VBN) && k == start) {
            /* "removing the sanctions is out of the question": a gerund
             * phrase that ends right at a finite verb is that verb's
             * subject. It is parsed as if the sentence ended at the verb
             * (so that "the ban is ..." is not taken as its clause); when it
             * does not end there, it is parsed again the usual way. */
            size_t v = c == K_VBG && !has(p, k, W_SAY | W_CLAUSEV) ? finite_at(p, k + 1) : 0;
            if (v > k + 1) {
                size_t n = p->n;
                p->n = v;
                int32_t g = parse_vp(p);
                p->n = n;
                if (g > 0 && p->pos == v) {
                    add(p, s, wrap2(p, "S", g, -1));
                    int32_t pred = parse_vp(p);
                    if (pred > 0)
                        add(p, s, pred);
                    leave(p);
                    return s;
                }
                p->pos = k;
            }
            /* "Speaking to reporters, ..." */
            int32_t vp = parse_vp(p);
            if (vp > 0 && cat(p, p->pos) == K_COMMA) {
                x = wrap2(p, "S", vp, -1);
            } else {
                /* no comma: a subject-less clause after all */
                leave(p);
                if (vp <= 0) {
                    p->pos = start;
                    return -1;
                }
                add(p, s, vp);
                return s;
            }
        } else {
            break;
        }
        if (p->pos == k)
            break;
        any = true;
        if (x > 0)
            add(p, s, x);
        if (cat(p, p->pos) == K_COMMA && x > 0)
            take(p, s);
    }
    bool has_subject = false;
    if (np_start(p, p->pos)) {
        int32_t subj = parse_np(p, NP_ATTACH_PP | NP_COORD_FREE | NP_APPOS_MID);
        if (subj > 0) {
            add(p, s, subj);
            any = has_subject = true;
        }
    }
    int vc = cat(p, skip_adverbs(p, p->pos));
    if (verb_start(p, p->pos) || vc == K_TO ||
        (has_subject && (vc == K_VBN || vc == K_VBG) && cat(p, p->pos - 1) != K_COMMA)) {
        int32_t vp = parse_vp(p);
        if (vp > 0) {
            add(p, s, vp);
            any = true;
        }
    }
    leave(p);
    if (!any) {
        p->pos = start;
        return -1;
    }
    return s;
}

static bool clause_conj_at(const tac_parser *p, size_t k)
{
    int c = cat(p, k);
    if (c == K_COMMA && cat(p, k + 1) == K_CC)
        k++, c = K_CC;
    if (c == K_CC && has(p, k, W_CONJ | W_CONJV))
        return clause_start(p, k + 1);
    if (c == K_COLON)
        return clause_start(p, k + 1);
    return false;
}

/* Clauses joined by and/but/;: (S (S ...) (CC but) (S ...)). */
static int32_t parse_clause_coord(tac_parser *p)
{
    int32_t s = parse_clause(p);
    if (s <= 0 || !clause_conj_at(p, p->pos))
        return s;
    int32_t coord = phrase(p, "S");
    add(p, coord, s);
    while (clause_conj_at(p, p->pos)) {
        size_t k = p->pos;
        if (cat(p, p->pos) == K_COMMA)
            take(p, coord);
        take(p, coord);
        int32_t next = parse_clause(p);
        if (next <= 0) {
            p->pos = k;
            break;
        }
        add(p, coord, next);
    }
    return coord;
}

/* One step over what the grammar left over: a phrase where one parses, a
 * single leaf otherwise (so every token always lands in the tree). */
static void parse_rest_step(tac_parser *p, int32_t parent)
{
    size_t k = p->pos;
    int c = cat(p, k);
    int32_t x = -1;
    if (sbar_at(p, k) || (c == K_IN && has(p, k, W_THAT)))
        x = parse_sbar(p);
    else if (clause_start(p, k) || verb_start(p, k))
        x = parse_clause_coord(p);
    else if (np_start(p, k))
        x = parse_np(p, NP_COORD_FREE | NP_APPOS_END);
    else if (according_at(p, k))
        x = parse_according(p);
    else if (c == K_IN || c == K_TO)
        x = parse_pp(p, NP_APPOS_END);
    else if (c == K_LRB)
        x = parse_prn(p);
    if (x <= 0 || p->pos == k) {
        p->pos = k;
        take(p, parent);
    } else {
        add(p, parent, x);
    }
}

/* The sentence: clauses, a reporting frame, final punctuation. A frame
 * ", the ministry said" turns what came before into the inner clause:
 * (S (S ...) (, ,) (NP the ministry) (VP (VBD said)) (. .)). */
static int32_t parse_sentence(tac_parser *p)
{
    int32_t root = phrase(p, "ROOT");
    int32_t top = parse_clause_coord(p);
    int32_t cur = top > 0 ? top : phrase(p, "S");
    bool framed = false;
    while (p->pos < p->n) {
        size_t k = p->pos;
        if (!framed && frame_at(p, k)) {
            cur = wrap2(p, "S", cur, -1);
            take(p, cur);
            if (cat(p, p->pos) == K_RQ)
                take(p, cur);
            add(p, cur, parse_np(p, NP_ATTACH_PP | NP_COORD_FREE | NP_APPOS_MID));
            add(p, cur, parse_vp(p));
            framed = true;
        } else if (!framed && cat(p, k) == K_COMMA && has(p, k + 1, W_SAY) &&
                   is_finite(cat(p, k + 1)) && np_start(p, k + 2)) {
            /* ", said the ministry" */
            cur = wrap2(p, "S", cur, -1);
            take(p, cur);
            int32_t vp = phrase(p, "VP");
            take(p, vp);
            add(p, vp, parse_np(p, NP_COORD_FREE | NP_APPOS_END));
            add(p, cur, vp);
            framed = true;
        } else {
            parse_rest_step(p, cur);
        }
    }
    add(p, root, cur);
    return root;
}

/* A tagger that misses the only verb ("Ethiopia departs/NNS from Libya")
 * leaves nothing for the coder. When the main clause (up to the first
 * comma or subordinator) has no verb, a plural or singular noun right after
 * a proper-noun subject and before a preposition or determiner is read as
 * the verb. The tree shows the corrected tag. */
static void repair_missing_verb(tac_parser *p)
{
    size_t end = 0;
    for (; end < p->n; end++) {
        int c = cat(p, end);
        if (is_verb(c) && c != K_VBG)
            return;
        if (c == K_COMMA || c == K_PERIOD || c == K_COLON || c == K_WDT || c == K_WP ||
            c == K_WRB || has(p, end, W_THAT | W_SUB | W_SUBPREP))
            break;
    }
    size_t i = cat(p, 0) == K_DT ? 1 : 0;
    size_t k = i;
    while (cat(p, k) == K_NNP)
        k++;
    if (k == i || cat(p, k) != K_NN) {
        /* "U.S. and Russian negotiators return/NN to Geneva": a common noun
         * after a plural noun subject (no determiner inside the phrase) */
        k = i;
        while (k < end && k < i + 8 && (cat(p, k) == K_NNP || cat(p, k) == K_JJ ||
                                        cat(p, k) == K_CD || has(p, k, W_CONJ)))
            k++;
        if (cat(p, k) != K_NN || strcmp(p->tok[k].tag, "NNS") != 0)
            return;
        k++;
    }
    if (k == i || k + 1 >= end || cat(p, k) != K_NN)
        return;
    int next = cat(p, k + 1);
    if (next != K_IN && next != K_DT && next != K_NNP && next != K_PRPS && next != K_TO)
        return;
    if (next == K_IN && has(p, k + 1, W_OF))
        return;   /* "peace talks of ...": still a noun phrase */
    size_t len = strlen(p->tok[k].form);
    bool plural = len > 1 && p->tok[k].form[len - 1] == 's';
    p->tok[k].cat = plural ? K_VBZ : K_VBP;
    p->tok[k].tag = plural ? "VBZ" : "VBP";
}

/* ---- output ------------------------------------------------------------ */

/* Writes s with parentheses as -LRB-/-RRB- and whitespace as '_', so the
 * tree stays readable whatever the tokens hold. */
static void out_append(tac_parser *p, const char *s, size_t n)
{
    if (!tac_buf_append(&p->out, s, n))
        p->oom = true;
}

static void out_puts(tac_parser *p, const char *s)
{
    out_append(p, s, strlen(s));
}

static void put_atom(tac_parser *p, const char *s, const char *empty)
{
    if (!s || !*s) {
        out_puts(p, empty);
        return;
    }
    const char *run = s;
    for (; *s; s++) {
        const char *rep = NULL;
        if (*s == '(')
            rep = "-LRB-";
        else if (*s == ')')
            rep = "-RRB-";
        else if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
                 *s == '\v' || *s == '\f')
            rep = "_";
        if (rep) {
            out_append(p, run, (size_t)(s - run));
            out_puts(p, rep);
            run = s + 1;
        }
    }
    out_append(p, run, (size_t)(s - run));
}

static void write_node(tac_parser *p, int32_t id)
{
    /* depth is bounded by TAC_PARSE_MAX_DEPTH times a small constant */
    const pnode *n = &p->node[id];
    out_puts(p, "(");
    if (n->tok >= 0) {
        const ptok *t = &p->tok[n->tok];
        put_atom(p, t->tag, "XX");
        out_puts(p, " ");
        put_atom(p, t->form, "_");
    } else {
        out_puts(p, n->label);
        for (int32_t c = n->first; c >= 0; c = p->node[c].next) {
            out_puts(p, " ");
            write_node(p, c);
        }
    }
    out_puts(p, ")");
}

/* A token as it is written in the bracketing: the string itself when it
 * needs no escaping (nearly always), else an escaped copy from the arena. */
static const char *node_atom(tac_arena *a, const char *s, const char *empty)
{
    if (!s || !*s)
        return empty;
    size_t extra = 0, n = 0;
    for (; s[n]; n++)
        if (s[n] == '(' || s[n] == ')')
            extra += 4;
        else if (s[n] == ' ' || s[n] == '\t' || s[n] == '\n' || s[n] == '\r' ||
                 s[n] == '\v' || s[n] == '\f')
            extra += 1;
    if (!extra)
        return s;
    char *out = tac_arena_alloc(a, n + extra + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        const char *rep = s[i] == '(' ? "-LRB-" : s[i] == ')' ? "-RRB-" : NULL;
        if (!rep && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
                     s[i] == '\v' || s[i] == '\f'))
            rep = "_";
        if (rep) {
            size_t k = strlen(rep);
            memcpy(o, rep, k);
            o += k;
        } else {
            *o++ = s[i];
        }
    }
    *o = '\0';
    return out;
}

/* Node `id` and its subtree into out[] in preorder, from index *next;
 * returns its index or -1 when out of memory. */
static int32_t export_node(tac_parser *p, int32_t id, tac_arena *a, tac_tree_node *out,
                           int32_t *next)
{
    const pnode *n = &p->node[id];
    int32_t me = (*next)++;
    tac_tree_node *t = &out[me];
    t->first_kid = t->next_sib = -1;
    if (n->tok >= 0) {
        const ptok *tk = &p->tok[n->tok];
        t->label = node_atom(a, tk->tag, "XX");
        t->word = node_atom(a, tk->form, "_");
        return t->label && t->word ? me : -1;
    }
    t->label = n->label;
    t->word = NULL;
    int32_t prev = -1;
    for (int32_t c = n->first; c >= 0; c = p->node[c].next) {
        int32_t k = export_node(p, c, a, out, next);
        if (k < 0)
            return -1;
        if (prev < 0)
            out[me].first_kid = k;
        else
            out[prev].next_sib = k;
        prev = k;
    }
    return me;
}

/* ---- entry point ------------------------------------------------------- */

static bool tag_is_clean(const char *t)
{
    if (!t || !*t)
        return false;
    for (; *t; t++)
        if (*t == '(' || *t == ')' || *t == ' ' || *t == '\t' || *t == '\n')
            return false;
    return true;
}

/* Parses the sentence into p->node; returns the root node, 0 for an empty
 * sentence, -1 when out of memory. */
static int32_t parse_into_nodes(tac_parser *p, const char *const *forms,
                                const char *const *tags, size_t n)
{
    if (n > p->cap_tok) {
        size_t cap = n < 64 ? 64 : n;
        ptok *nt = realloc(p->tok, cap * sizeof *nt);
        if (!nt)
            return -1;
        p->tok = nt;
        p->cap_tok = cap;
    }
    for (size_t i = 0; i < n; i++) {
        ptok *t = &p->tok[i];
        t->form = forms[i] ? forms[i] : "";
        t->tag = tag_is_clean(tags[i]) ? tags[i] : "XX";
        t->cat = tag_category(tags[i]);
        t->flags = word_flags(t->form);
    }
    p->n = n;
    repair_missing_verb(p);
    p->pos = 0;
    p->depth = 0;
    p->oom = false;
    p->n_node = 0;
    new_node(p, NULL, -1);   /* node 0: the sink */
    int32_t root = parse_sentence(p);
    if (p->oom || root <= 0)
        return -1;
    return n == 0 ? 0 : root;
}

tac_status tac_parse_tokens(tac_parser *p, const char *const *forms,
                            const char *const *tags, size_t n,
                            const char **tree_out, tac_error *err)
{
    if (!p || !tree_out || (n > 0 && (!forms || !tags)))
        return tac_fail(err, TAC_EINVAL, "tac_parse_tokens: NULL argument");
    *tree_out = NULL;
    int32_t root = p->root = parse_into_nodes(p, forms, tags, n);
    if (root < 0)
        return tac_fail(err, TAC_ENOMEM, "out of memory parsing %zu tokens", n);
    tac_buf_clear(&p->out);
    if (root == 0)
        out_puts(p, "(ROOT (S))");
    else
        write_node(p, root);
    if (p->oom || !p->out.data)
        return tac_fail(err, TAC_ENOMEM, "out of memory writing a parse tree");
    *tree_out = p->out.data;
    return TAC_OK;
}

tac_status tac_parse_tokens_nodes(tac_parser *p, const char *const *forms,
                                  const char *const *tags, size_t n, tac_arena *arena,
                                  const tac_tree_node **nodes, size_t *n_nodes,
                                  tac_error *err)
{
    if (!p || !arena || !nodes || !n_nodes || (n > 0 && (!forms || !tags)))
        return tac_fail(err, TAC_EINVAL, "tac_parse_tokens_nodes: NULL argument");
    *nodes = NULL;
    *n_nodes = 0;
    p->root = parse_into_nodes(p, forms, tags, n);
    if (p->root < 0)
        return tac_fail(err, TAC_ENOMEM, "out of memory parsing %zu tokens", n);
    return tac_parser_export(p, arena, nodes, n_nodes, err);
}

tac_status tac_parser_export(tac_parser *p, tac_arena *arena, const tac_tree_node **nodes,
                             size_t *n_nodes, tac_error *err)
{
    int32_t root = p->root;
    if (root < 0)
        return tac_fail(err, TAC_EINVAL, "tac_parser_export: no parse");
    /* the empty sentence: "(ROOT (S))", as the bracketing has it */
    tac_tree_node *out = tac_arena_alloc(arena, (p->n_node + 2) * sizeof *out);
    if (!out)
        return tac_fail(err, TAC_ENOMEM, "out of memory keeping a parse tree");
    int32_t used = 0;
    if (root == 0) {
        out[0] = (tac_tree_node){"ROOT", NULL, 1, -1};
        out[1] = (tac_tree_node){"S", NULL, -1, -1};
        used = 2;
    } else if (export_node(p, root, arena, out, &used) < 0) {
        return tac_fail(err, TAC_ENOMEM, "out of memory keeping a parse tree");
    }
    *nodes = out;
    *n_nodes = (size_t)used;
    return TAC_OK;
}
