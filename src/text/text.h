/* text: the stage between ingest and tagging. It turns a record's UTF-8
 * text into sentences of Penn Treebank tokens, every one carrying byte
 * offsets into the original text.
 *
 * Public entry points are in tacitus.h (tac_text_ctx_new, tac_text_analyze,
 * tac_text_ctx_free). This header names the pieces the stage's files share:
 *
 *   text_chars.c    byte classes, UTF-8 decoding, special code points
 *   text_tokenize.c raw tokens (one pass, no allocation per token)
 *   text_split.c    sentence boundaries over the raw tokens
 *   text.c          the context, the form pool, NFC, assembling the result
 *
 * See docs/text.md for the conventions. */
#ifndef TAC_TEXT_H
#define TAC_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tacitus.h"
#include "util/util.h"

/* A sentence longer than this many tokens is cut (garbage input such as
 * tables or binary data would otherwise make one endless sentence that
 * downstream parsers choke on). */
#define TEXT_MAX_SENTENCE_TOKENS 512

/* ---- characters ------------------------------------------------------ */

/* Classes of ASCII bytes; every byte >= 0x80 is CH_HIGH and is decoded. */
enum {
    CH_SPACE = 0,   /* space, tab, CR, other controls */
    CH_NL,          /* '\n' */
    CH_UPPER,
    CH_LOWER,
    CH_DIGIT,
    CH_PUNCT,
    CH_HIGH
};
extern const uint8_t text_byte_class[256];

/* What a non-ASCII code point means to the tokenizer. */
typedef enum text_uclass {
    U_WORD = 0,     /* letters, marks, digits, unknown: part of a word */
    U_SPACE,        /* Unicode spaces, zero-width space, BOM */
    U_NEWLINE,      /* U+0085, U+2028 */
    U_PARA,         /* U+2029: a paragraph break */
    U_APOS,         /* U+2019, U+02BC: apostrophe or closing single quote */
    U_LSQUOTE,      /* U+2018, U+201B, U+2039: opening single quote */
    U_RSQUOTE,      /* U+203A */
    U_LDQUOTE,      /* U+201C, U+201E, U+201F, U+00AB */
    U_RDQUOTE,      /* U+201D, U+00BB */
    U_DASH,         /* U+2012..U+2015, U+2E3A, U+2E3B */
    U_HYPHEN,       /* U+2010, U+2011: joins words like '-' */
    U_ELLIPSIS,     /* U+2026 */
    U_TERMINAL,     /* U+3002, U+FF01, U+FF1F, U+FF0E: CJK sentence ends */
    U_PUNCT         /* other punctuation and symbols: a token of its own */
} text_uclass;

/* Decodes one UTF-8 sequence at s[0..n) (n >= 1). Returns its length
 * (1..4) and the code point, or length 1 and *cp = -1 for an invalid or
 * truncated sequence (then the byte is one opaque character). */
int text_decode(const uint8_t *s, size_t n, int32_t *cp);
text_uclass text_uclass_of(int32_t cp);

/* ---- raw tokens ------------------------------------------------------ */

typedef enum text_kind {
    TK_WORD = 0,    /* words, numbers, URLs, contraction parts */
    TK_ABBR,        /* a word that kept its period: "U.S.", "Gen.", "W." */
    TK_PERIOD,      /* "." */
    TK_QEX,         /* "?", "!", runs of them, CJK terminals */
    TK_ELLIPSIS,    /* "..." */
    TK_OQUOTE,      /* "``" or "`" */
    TK_CQUOTE,      /* "''" or "'" */
    TK_OBRACKET,    /* -LRB- -LSB- -LCB- */
    TK_CBRACKET,    /* -RRB- -RSB- -RCB- */
    TK_DASH,        /* "--" */
    TK_COMMA,
    TK_COLON,       /* ":" or ";" */
    TK_SYM          /* anything else: $ % & - / ... */
} text_kind;

/* How an abbreviation's period relates to sentence ends. */
typedef enum text_abbr {
    ABBR_NONE = 0,
    ABBR_TITLE,     /* Mr. Gen. Lt. Sen.: never ends a sentence */
    ABBR_NUMBERED,  /* No. 2, Art. 5: never ends a sentence */
    ABBR_MAYEND,    /* Inc. Co. Jr. etc. Jan.: ends one before a sentence starter */
    ABBR_ACRONYM,   /* U.S. U.N. e.g.: likewise */
    ABBR_INITIAL,   /* W. (George W. Bush): likewise */
    ABBR_TIME       /* a.m. p.m.: ends one before most capitalised words */
} text_abbr;

/* First character of a token, for the capitalisation tests. */
enum { FIRST_OTHER = 0, FIRST_UPPER, FIRST_LOWER, FIRST_DIGIT };

enum { TT_SPLIT_PERIOD = 1 };  /* abbreviation ends its sentence: emit "." too */

typedef struct text_tok {
    uint32_t    start, end;   /* original byte offsets */
    const char *form;
    uint8_t     kind;         /* text_kind */
    uint8_t     abbr;         /* text_abbr, for TK_ABBR */
    uint8_t     nl;           /* newlines before the token: 0, 1 or 2 (= blank line) */
    uint8_t     first;        /* FIRST_* */
    uint8_t     flags;        /* TT_* */
} text_tok;

/* The per-thread context. Everything a call produces lives in `arena`. */
struct tac_text_ctx {
    tac_arena   arena;
    tac_text    result;
    const uint8_t *s;         /* text being analysed */
    size_t      len;
    text_tok   *toks;
    uint32_t    n_toks, cap_toks;
    char       *pool;         /* form strings are carved from arena chunks */
    size_t      pool_left;
    int32_t    *ucs;          /* scratch for NFC, from the arena */
    size_t      ucs_cap;
    uint32_t    n_invalid;
    bool        dq_open;      /* a double quote is open (for lone '"') */
    bool        oom;
};

/* Tokenizes s[from..to) appending raw tokens to ctx->toks. */
void text_tokenize(tac_text_ctx *ctx, size_t from, size_t to);

/* Copies s[0..n) into the form pool, replacing curly apostrophes, Unicode
 * hyphens and invalid bytes, and NFC-normalising non-ASCII text. */
const char *text_form(tac_text_ctx *ctx, const uint8_t *s, size_t n, bool ascii);
/* Returns a pool copy of s[0..n) (plain bytes). */
const char *text_form_copy(tac_text_ctx *ctx, const char *s, size_t n);

/* Abbreviation class of the word s[0..n) if followed by a period; `digit_next`
 * says whether a digit follows the period (for "No. 2"). */
text_abbr text_abbr_class(const char *s, size_t n, bool digit_next);
/* True if the token is a capitalised word that usually starts a sentence
 * ("The", "He", "But"): evidence that a preceding abbreviation ended one. */
bool text_is_starter(const text_tok *t);

/* A boundary: sentence covers raw tokens [begin, end). */
typedef struct text_span {
    uint32_t begin, end;
    uint8_t  kind;   /* tac_sentence_kind */
} text_span;

/* Splits raw tokens [from, n) into sentences; returns the number of spans
 * written to `out` (which has room for n - from + 1). */
uint32_t text_split(tac_text_ctx *ctx, uint32_t from, text_span *out);

#endif
