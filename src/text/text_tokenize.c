/* The tokenizer: one left-to-right pass producing raw tokens with Penn
 * Treebank forms. ASCII is classified by table; non-ASCII characters are
 * decoded on the spot. Forms are carved from a pool in the context's arena:
 * nothing is allocated per token.
 *
 * A word is a run of word characters joined by connectors that must be
 * followed by another word character: '-' (U.S.-led), '.' (U.S, 3.5),
 * apostrophes (Korea's, later split), '&' (AT&T), '/' (24/7), '@' (e-mail),
 * ',' inside numbers (1,000) and ':' inside times (10:30). What follows
 * decides about a final period (abbreviation or sentence end) and about
 * contractions. */
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "text/text.h"

typedef struct tk {
    tac_text_ctx  *ctx;
    const uint8_t *s;
    size_t         to;        /* end of the range being tokenized */
    uint8_t        nl;        /* newlines since the last token */
    bool           at_start;  /* after space or opening punctuation */
} tk;

static uint8_t first_of(const char *form)
{
    uint8_t cls = text_byte_class[(uint8_t)form[0]];
    switch (cls) {
    case CH_UPPER: return FIRST_UPPER;
    case CH_LOWER: return FIRST_LOWER;
    case CH_DIGIT: return FIRST_DIGIT;
    case CH_HIGH: {
        int32_t cp;
        text_decode((const uint8_t *)form, strlen(form), &cp);
        if (cp < 0)
            return FIRST_OTHER;
        if (utf8proc_isupper(cp))
            return FIRST_UPPER;
        if (utf8proc_islower(cp))
            return FIRST_LOWER;
        utf8proc_category_t cat = utf8proc_category(cp);
        return cat == UTF8PROC_CATEGORY_ND ? FIRST_DIGIT : FIRST_OTHER;
    }
    default:
        return FIRST_OTHER;
    }
}

static text_tok *emit(tk *t, size_t start, size_t end, text_kind kind, const char *form)
{
    tac_text_ctx *ctx = t->ctx;
    if (!form) {
        ctx->oom = true;
        return NULL;
    }
    if (ctx->n_toks == ctx->cap_toks) {
        size_t cap = (size_t)ctx->cap_toks * 2 + 64;
        if (cap > UINT32_MAX)
            cap = UINT32_MAX;
        text_tok *grown = tac_arena_alloc(&ctx->arena, cap * sizeof *grown);
        if (!grown || cap == ctx->cap_toks) {
            ctx->oom = true;
            return NULL;
        }
        if (ctx->n_toks)
            memcpy(grown, ctx->toks, ctx->n_toks * sizeof *grown);
        ctx->toks = grown;
        ctx->cap_toks = (uint32_t)cap;
    }
    text_tok *tok = &ctx->toks[ctx->n_toks++];
    tok->start = (uint32_t)start;
    tok->end = (uint32_t)end;
    tok->form = form;
    tok->kind = (uint8_t)kind;
    tok->abbr = ABBR_NONE;
    tok->nl = t->nl;
    tok->first = first_of(form);
    tok->flags = 0;
    t->nl = 0;
    t->at_start = kind == TK_OQUOTE || kind == TK_OBRACKET || kind == TK_DASH;
    return tok;
}

/* ---- character tests ------------------------------------------------- */

static bool is_word_at(const tk *t, size_t p)
{
    if (p >= t->to)
        return false;
    uint8_t cls = text_byte_class[t->s[p]];
    if (cls == CH_UPPER || cls == CH_LOWER || cls == CH_DIGIT)
        return true;
    if (cls != CH_HIGH)
        return false;
    int32_t cp;
    text_decode(t->s + p, t->to - p, &cp);
    return text_uclass_of(cp) == U_WORD;
}

static bool is_digit_at(const tk *t, size_t p)
{
    return p < t->to && text_byte_class[t->s[p]] == CH_DIGIT;
}

static bool is_space_at(const tk *t, size_t p)
{
    if (p >= t->to)
        return true;
    uint8_t cls = text_byte_class[t->s[p]];
    if (cls == CH_SPACE || cls == CH_NL)
        return true;
    if (cls != CH_HIGH)
        return false;
    int32_t cp;
    text_decode(t->s + p, t->to - p, &cp);
    text_uclass u = text_uclass_of(cp);
    return u == U_SPACE || u == U_NEWLINE || u == U_PARA;
}

/* Length of the apostrophe-like character at p (', U+2019, U+02BC, U+2018),
 * or 0. */
static int apostrophe_len(const uint8_t *s, size_t p, size_t to)
{
    if (s[p] == '\'')
        return 1;
    if (p + 1 < to && s[p] == 0xca && s[p + 1] == 0xbc)
        return 2;
    if (p + 2 < to && s[p] == 0xe2 && s[p + 1] == 0x80 && (s[p + 2] == 0x99 || s[p + 2] == 0x98))
        return 3;
    return 0;
}

/* Bytes of the connector at q that joins two word runs, or 0. q follows a
 * run of word characters. */
static size_t connector_len(const tk *t, size_t q, bool *has_dot, bool *has_apos, bool *ascii)
{
    const uint8_t *s = t->s;
    switch (s[q]) {
    case '-': case '_': case '&': case '/': case '@':
        return is_word_at(t, q + 1) ? 1 : 0;
    case '.':
        if (is_word_at(t, q + 1) || (q + 1 < t->to && s[q + 1] == '-' && is_word_at(t, q + 2))) {
            *has_dot = true;
            return 1;
        }
        return 0;
    case ',':
        /* thousands: exactly three digits follow */
        if (text_byte_class[s[q - 1]] == CH_DIGIT && is_digit_at(t, q + 1) && is_digit_at(t, q + 2)
            && is_digit_at(t, q + 3) && !is_digit_at(t, q + 4))
            return 1;
        return 0;
    case ':':
        return text_byte_class[s[q - 1]] == CH_DIGIT && is_digit_at(t, q + 1) ? 1 : 0;
    case '\'':
        if (is_word_at(t, q + 1)) {
            *has_apos = true;
            return 1;
        }
        return 0;
    default:
        break;
    }
    if (s[q] < 0x80)
        return 0;
    int32_t cp;
    int n = text_decode(s + q, t->to - q, &cp);
    text_uclass u = text_uclass_of(cp);
    if ((u == U_APOS || u == U_LSQUOTE) && is_word_at(t, q + n)) {
        *has_apos = true;
        *ascii = false;
        return (size_t)n;
    }
    if (u == U_HYPHEN && is_word_at(t, q + n)) {
        *ascii = false;
        return (size_t)n;
    }
    return 0;
}

/* ---- words ----------------------------------------------------------- */

static size_t url_end(const tk *t, size_t p)
{
    static const char *const prefixes[] = { "http://", "https://", "ftp://", "www." };
    const uint8_t *s = t->s;
    size_t avail = t->to - p;
    bool url = false;
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        size_t n = strlen(prefixes[i]);
        if (avail > n && strncasecmp((const char *)s + p, prefixes[i], n) == 0
            && !is_space_at(t, p + n))
            url = true;
    }
    if (!url)
        return 0;
    size_t q = p;
    bool paren = false;
    while (q < t->to && !is_space_at(t, q) && s[q] != '"' && s[q] != '<' && s[q] != '>') {
        if (s[q] >= 0x80) {
            int32_t cp;
            int n = text_decode(s + q, t->to - q, &cp);
            if (text_uclass_of(cp) != U_WORD)
                break;
            q += (size_t)n;
            continue;
        }
        paren |= s[q] == '(';
        q++;
    }
    while (q > p && strchr(".,;:!?'])}", s[q - 1]) && !(s[q - 1] == ')' && paren))
        q--;
    return q;
}

/* Cheap test before url_end(): "ht", "ww" or "ft". */
static bool maybe_url(const tk *t, size_t p)
{
    if (p + 1 >= t->to)
        return false;
    int a = t->s[p] | 0x20, b = t->s[p + 1] | 0x20;
    return (a == 'h' && b == 't') || (a == 'w' && b == 'w') || (a == 'f' && b == 't');
}

static bool is_contraction_suffix(const uint8_t *s, size_t n)
{
    if (n == 1) {
        int c = s[0] | 0x20;
        return c == 's' || c == 'm' || c == 'd';
    }
    if (n == 2) {
        int a = s[0] | 0x20, b = s[1] | 0x20;
        return (a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l');
    }
    return false;
}

/* Emits the contraction "'s", "'re", "n't" found at s[from..to): the
 * apostrophe (any kind) becomes '. */
static void emit_contraction(tk *t, size_t from, size_t to)
{
    char buf[8];
    size_t n = 0;
    for (size_t p = from; p < to && n < sizeof buf - 1;) {
        int alen = apostrophe_len(t->s, p, to);
        if (alen) {
            buf[n++] = '\'';
            p += (size_t)alen;
        } else {
            buf[n++] = (char)t->s[p++];
        }
    }
    emit(t, from, to, TK_WORD, text_form_copy(t->ctx, buf, n));
}

/* Splits a word ending in a contraction; returns false if it has none. */
static bool split_contraction(tk *t, size_t ws, size_t q, bool ascii)
{
    const uint8_t *s = t->s;
    size_t a = q;
    int alen = 0;
    while (a > ws) {
        a--;
        if (s[a] == '\'' || s[a] == 0xca || s[a] == 0xe2) {
            alen = apostrophe_len(s, a, q);
            if (alen)
                break;
        }
    }
    if (!alen || a == ws)
        return false;
    size_t suffix = a + (size_t)alen, split;
    if (is_contraction_suffix(s + suffix, q - suffix))
        split = a;
    else if (q - suffix == 1 && (s[suffix] | 0x20) == 't' && a - 1 > ws && (s[a - 1] | 0x20) == 'n')
        split = a - 1;
    else
        return false;
    emit(t, ws, split, TK_WORD, text_form(t->ctx, s + ws, split - ws, ascii));
    emit_contraction(t, split, q);
    return true;
}

static bool is_acronym(const uint8_t *s, size_t n, text_abbr *cls)
{
    size_t seg = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = text_byte_class[s[i]];
        if (s[i] == '.') {
            if (seg == 0)
                return false;
            seg = 0;
        } else if ((c == CH_UPPER || c == CH_LOWER) && ++seg <= 3) {
            continue;
        } else {
            return false;
        }
    }
    if (n == 3 && (s[1] == '.') && ((s[0] | 0x20) == 'a' || (s[0] | 0x20) == 'p')
        && (s[2] | 0x20) == 'm')
        *cls = ABBR_TIME;
    else
        *cls = ABBR_ACRONYM;
    return true;
}

/* Abbreviation class of the word s[ws..q) which a single '.' follows. */
static text_abbr period_class(const tk *t, size_t ws, size_t q, bool has_dot, bool ascii)
{
    const uint8_t *s = t->s;
    text_abbr cls = ABBR_NONE;
    if (has_dot) {
        if (ascii && is_acronym(s + ws, q - ws, &cls))
            return cls;
        return ABBR_NONE;
    }
    if (q - ws == 1)
        return text_byte_class[s[ws]] == CH_UPPER ? ABBR_INITIAL : ABBR_NONE;
    if (!ascii) {
        int32_t cp;
        int n = text_decode(s + ws, q - ws, &cp);
        return (size_t)n == q - ws && cp >= 0 && utf8proc_isupper(cp) ? ABBR_INITIAL : ABBR_NONE;
    }
    size_t p = q + 1;
    while (p < t->to && (s[p] == ' ' || s[p] == '\t'))
        p++;
    bool digit_next = is_digit_at(t, p) || (p < t->to && s[p] == '#');
    cls = text_abbr_class((const char *)s + ws, q - ws, digit_next);
    if (cls == ABBR_NONE) {
        /* the last part of a hyphenated word: "R-Ariz." */
        size_t h = q;
        while (h > ws && s[h - 1] != '-')
            h--;
        if (h > ws && h < q)
            cls = text_abbr_class((const char *)s + h, q - h, digit_next);
    }
    return cls;
}

/* Scans a word whose first word character is at p; the token starts at ws
 * (before p when a leading '#', '@', '-' or apostrophe belongs to it). */
static size_t scan_word(tk *t, size_t ws, size_t p)
{
    const uint8_t *s = t->s;
    if (ws == p && t->at_start && maybe_url(t, p)) {
        size_t e = url_end(t, p);
        if (e > p) {
            emit(t, p, e, TK_WORD, text_form(t->ctx, s + p, e - p, false));
            return e;
        }
    }
    bool ascii = true, has_dot = false, has_apos = false;
    for (size_t i = ws; i < p; i++)
        ascii &= s[i] < 0x80;
    size_t q = p;
    for (;;) {
        while (q < t->to) {
            uint8_t cls = text_byte_class[s[q]];
            if (cls == CH_UPPER || cls == CH_LOWER || cls == CH_DIGIT) {
                q++;
                continue;
            }
            if (cls != CH_HIGH)
                break;
            int32_t cp;
            int n = text_decode(s + q, t->to - q, &cp);
            if (text_uclass_of(cp) != U_WORD)
                break;
            ascii = false;
            q += (size_t)n;
        }
        if (q >= t->to)
            break;
        size_t c = connector_len(t, q, &has_dot, &has_apos, &ascii);
        if (!c)
            break;
        q += c;
    }
    if (has_apos && split_contraction(t, ws, q, ascii))
        return q;
    if (q + 1 < t->to && s[q] == '-' && is_space_at(t, q + 1)) {
        q++;                                /* "anti- Gondor", "pre- and post-war" */
        emit(t, ws, q, TK_WORD, text_form(t->ctx, s + ws, q - ws, ascii));
        return q;
    }
    if (q - ws == 6 && strncasecmp((const char *)s + ws, "cannot", 6) == 0) {
        emit(t, ws, ws + 3, TK_WORD, text_form_copy(t->ctx, (const char *)s + ws, 3));
        emit(t, ws + 3, q, TK_WORD, text_form_copy(t->ctx, (const char *)s + ws + 3, 3));
        return q;
    }
    if (q < t->to && s[q] == '.' && !(q + 1 < t->to && s[q + 1] == '.')) {
        text_abbr cls = period_class(t, ws, q, has_dot, ascii);
        if (cls != ABBR_NONE) {
            const char *form = text_form(t->ctx, s + ws, q + 1 - ws, ascii);
            text_tok *tok = emit(t, ws, q + 1, TK_ABBR, form);
            if (tok)
                tok->abbr = (uint8_t)cls;
            return q + 1;
        }
    }
    emit(t, ws, q, TK_WORD, text_form(t->ctx, s + ws, q - ws, ascii));
    return q;
}

/* ---- quotes ---------------------------------------------------------- */

/* An apostrophe-like character of alen bytes at p, not inside a word. */
static size_t scan_single_quote(tk *t, size_t p, int alen, bool left)
{
    const uint8_t *s = t->s;
    size_t q = p + (size_t)alen;
    if (t->at_start) {
        size_t e = q;
        while (e < t->to && (text_byte_class[s[e]] == CH_UPPER
                             || text_byte_class[s[e]] == CH_LOWER))
            e++;
        if (e > q && !is_word_at(t, e) && is_contraction_suffix(s + q, e - q)) {
            emit_contraction(t, p, e);        /* already tokenized: "Korea 's" */
            return e;
        }
        if (!left && is_digit_at(t, q))
            return scan_word(t, p, q);        /* '90s */
        emit(t, p, q, TK_OQUOTE, "`");
        return q;
    }
    if (left) {
        emit(t, p, q, TK_OQUOTE, "`");
        return q;
    }
    emit(t, p, q, TK_CQUOTE, "'");
    return q;
}

static size_t scan_double_quote(tk *t, size_t p)
{
    bool opening = t->at_start && (!is_space_at(t, p + 1) || !t->ctx->dq_open);
    t->ctx->dq_open = opening;
    if (opening) {
        emit(t, p, p + 1, TK_OQUOTE, "``");
        t->at_start = true;
    } else {
        emit(t, p, p + 1, TK_CQUOTE, "''");
    }
    return p + 1;
}

/* ---- punctuation ----------------------------------------------------- */

static size_t run_of(const tk *t, size_t p, char a, char b)
{
    size_t q = p;
    while (q < t->to && (t->s[q] == a || t->s[q] == b))
        q++;
    return q;
}

static size_t scan_punct(tk *t, size_t p)
{
    const uint8_t *s = t->s;
    tac_text_ctx *ctx = t->ctx;
    size_t q;
    switch (s[p]) {
    case '.':
        q = run_of(t, p, '.', '.');
        emit(t, p, q, q - p > 1 ? TK_ELLIPSIS : TK_PERIOD, q - p > 1 ? "..." : ".");
        return q;
    case '?': case '!':
        q = run_of(t, p, '?', '!');
        emit(t, p, q, TK_QEX, q - p == 1 ? (s[p] == '?' ? "?" : "!")
                                         : text_form_copy(ctx, (const char *)s + p, q - p));
        return q;
    case ',': emit(t, p, p + 1, TK_COMMA, ","); return p + 1;
    case ';': emit(t, p, p + 1, TK_COLON, ";"); return p + 1;
    case ':':
        emit(t, p, p + 1, TK_COLON, ":");
        t->at_start = true;
        return p + 1;
    case '(': emit(t, p, p + 1, TK_OBRACKET, "-LRB-"); return p + 1;
    case ')': emit(t, p, p + 1, TK_CBRACKET, "-RRB-"); return p + 1;
    case '[': emit(t, p, p + 1, TK_OBRACKET, "-LSB-"); return p + 1;
    case ']': emit(t, p, p + 1, TK_CBRACKET, "-RSB-"); return p + 1;
    case '{': emit(t, p, p + 1, TK_OBRACKET, "-LCB-"); return p + 1;
    case '}': emit(t, p, p + 1, TK_CBRACKET, "-RCB-"); return p + 1;
    case '"':
        return scan_double_quote(t, p);
    case '`':
        if (p + 1 < t->to && s[p + 1] == '`') {
            ctx->dq_open = true;
            emit(t, p, p + 2, TK_OQUOTE, "``");
            return p + 2;
        }
        emit(t, p, p + 1, TK_OQUOTE, "`");
        return p + 1;
    case '\'':
        if (p + 1 < t->to && s[p + 1] == '\'') {
            ctx->dq_open = false;
            emit(t, p, p + 2, TK_CQUOTE, "''");
            return p + 2;
        }
        return scan_single_quote(t, p, 1, false);
    case '-':
        q = run_of(t, p, '-', '-');
        if (q - p > 1) {
            emit(t, p, q, TK_DASH, "--");
            return q;
        }
        if (t->at_start && is_digit_at(t, p + 1))
            return scan_word(t, p, p + 1);          /* -5 */
        if (t->at_start && is_space_at(t, p + 1)) {
            emit(t, p, q, TK_DASH, "--");           /* a spaced hyphen is a dash */
            return q;
        }
        emit(t, p, q, TK_SYM, "-");
        return q;
    case '#': case '@':
        if (t->at_start && is_word_at(t, p + 1))
            return scan_word(t, p, p + 1);          /* #hashtag, @handle */
        break;
    case '$': emit(t, p, p + 1, TK_SYM, "$"); return p + 1;
    case '%': emit(t, p, p + 1, TK_SYM, "%"); return p + 1;
    case '&': emit(t, p, p + 1, TK_SYM, "&"); return p + 1;
    default:
        break;
    }
    emit(t, p, p + 1, TK_SYM, text_form_copy(ctx, (const char *)s + p, 1));
    return p + 1;
}

static size_t scan_high(tk *t, size_t p)
{
    const uint8_t *s = t->s;
    int32_t cp;
    size_t n = (size_t)text_decode(s + p, t->to - p, &cp);
    size_t q = p + n;
    switch (text_uclass_of(cp)) {
    case U_WORD:
        return scan_word(t, p, p);
    case U_SPACE:
        t->at_start = true;
        return q;
    case U_NEWLINE:
        if (t->nl < 2)
            t->nl++;
        t->at_start = true;
        return q;
    case U_PARA:
        t->nl = 2;
        t->at_start = true;
        return q;
    case U_APOS:
        return scan_single_quote(t, p, (int)n, false);
    case U_LSQUOTE:
        return scan_single_quote(t, p, (int)n, true);
    case U_RSQUOTE:
        emit(t, p, q, TK_CQUOTE, "'");
        return q;
    case U_LDQUOTE:
        t->ctx->dq_open = true;
        emit(t, p, q, TK_OQUOTE, "``");
        return q;
    case U_RDQUOTE:
        t->ctx->dq_open = false;
        emit(t, p, q, TK_CQUOTE, "''");
        return q;
    case U_DASH:
        while (q < t->to) {             /* "——" or "–-" is one dash */
            if (s[q] == '-') {
                q++;
                continue;
            }
            int32_t c2;
            int n2 = text_decode(s + q, t->to - q, &c2);
            if (c2 < 0x80 || text_uclass_of(c2) != U_DASH)
                break;
            q += (size_t)n2;
        }
        emit(t, p, q, TK_DASH, "--");
        return q;
    case U_HYPHEN:
        emit(t, p, q, TK_SYM, "-");
        return q;
    case U_ELLIPSIS:
        emit(t, p, q, TK_ELLIPSIS, "...");
        return q;
    case U_TERMINAL:
        emit(t, p, q, TK_QEX, text_form(t->ctx, s + p, n, false));
        return q;
    case U_PUNCT:
    default:
        emit(t, p, q, TK_SYM, text_form(t->ctx, s + p, n, false));
        return q;
    }
}

void text_tokenize(tac_text_ctx *ctx, size_t from, size_t to)
{
    tk t = { .ctx = ctx, .s = ctx->s, .to = to, .nl = 0, .at_start = true };
    size_t p = from;
    while (p < to && !ctx->oom) {
        switch (text_byte_class[ctx->s[p]]) {
        case CH_SPACE:
            p++;
            t.at_start = true;
            break;
        case CH_NL:
            if (t.nl < 2)
                t.nl++;
            p++;
            t.at_start = true;
            break;
        case CH_UPPER: case CH_LOWER: case CH_DIGIT:
            p = scan_word(&t, p, p);
            break;
        case CH_PUNCT:
            p = scan_punct(&t, p);
            break;
        default:
            p = scan_high(&t, p);
            break;
        }
    }
}
