/* Reading the TABARI/PETRARCH dictionary formats: verbs (PETRARCH-1 and -2
 * patterns, synsets, irregular forms, transformations), actors with date
 * restrictions, agents with substitution sets and plurals, discards and
 * issues. A malformed entry is reported as "file:line" through the diag
 * sink and skipped; loading always goes on. */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/code.h"

#define MAX_WORDS 64          /* words in one phrase */
#define MAX_EXPAND 64         /* phrases one entry may expand into */

typedef struct loader {
    tac_dicts      *d;
    const tac_diag *diag;
    const char     *file;     /* file name as given */
    long            line;
    char            where[512];
} loader;

static const char *where_here(loader *L)
{
    snprintf(L->where, sizeof L->where, "%s:%ld", L->file, L->line);
    return L->where;
}

static const char *where_copy(loader *L)
{
    return tac_arena_strdup(&L->d->pool, where_here(L));
}

static void skip_entry(loader *L, const char *fmt, const char *detail)
{
    char msg[600];
    snprintf(msg, sizeof msg, fmt, detail);
    tac_diag_emit(L->diag, TAC_WARNING, where_here(L), "%s; entry skipped", msg);
    L->d->n_skipped++;
}

/* Grows an array of `size`-byte items so that one more fits. */
static bool grow(void **arr, uint32_t *cap, uint32_t len, size_t size)
{
    if (len < *cap)
        return true;
    uint32_t n = *cap ? *cap * 2 : 64;
    void *p = realloc(*arr, (size_t)n * size);
    if (!p)
        return false;
    *arr = p;
    *cap = n;
    return true;
}
#define GROW(arr, cap, len) grow((void **)&(arr), &(cap), (len), sizeof *(arr))

/* strlcpy: copies what fits, always terminates. */
static void scopy(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

static void strip_comment(char *s)
{
    char *h = strchr(s, '#');
    if (h)
        *h = '\0';
}

static const char *pool_str(loader *L, const char *s, size_t n)
{
    return tac_arena_strndup(&L->d->pool, s, n);
}

/* Splits a phrase on blanks and underscores into interned upper-case words. */
/* Length of a possessive ending the tokenizer splits off the word s[0..n):
 * 2 for "'S" ("PEOPLE'S" -> PEOPLE 'S), 1 for a plural's "'" ("WORKERS'"
 * -> WORKERS '), else 0. Dictionaries write possessives both ways; the
 * tokenizer (ours and CoreNLP's alike) always splits them. */
static size_t possessive_tail(const char *s, size_t n)
{
    if (n > 2 && s[n - 2] == '\'' && (s[n - 1] == 'S' || s[n - 1] == 's'))
        return 2;
    if (n > 2 && s[n - 1] == '\'' && (s[n - 2] == 'S' || s[n - 2] == 's'))
        return 1;
    return 0;
}

static size_t phrase_words(loader *L, const char *s, size_t len, tac_wid *out, size_t max)
{
    size_t n = 0, i = 0;
    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == '_' || s[i] == '\t'))
            i++;
        size_t start = i;
        while (i < len && s[i] != ' ' && s[i] != '_' && s[i] != '\t')
            i++;
        if (i > start) {
            size_t tail = possessive_tail(s + start, i - start);
            size_t parts[2][2] = {{start, i - tail}, {i - tail, i}};
            for (size_t p = 0; p < (tail ? 2u : 1u); p++) {
                if (n == max)
                    return SIZE_MAX;
                char buf[256];
                size_t k = tac_code_upper(s + parts[p][0], parts[p][1] - parts[p][0], buf,
                                          sizeof buf);
                out[n++] = tac_words_intern(&L->d->words, buf, k);
            }
        }
    }
    return n;
}

/* Which words of a phrase follow a blank rather than '_': TABARI lets other
 * words come in between there (bit k for word k). */
static uint64_t phrase_gaps(const char *s, size_t len)
{
    uint64_t gaps = 0;
    size_t k = 0, i = 0;
    while (i < len && k < 64) {
        bool blank = false, underscore = false;
        while (i < len && (s[i] == ' ' || s[i] == '_' || s[i] == '\t')) {
            blank |= s[i] != '_';
            underscore |= s[i] == '_';
            i++;
        }
        if (i >= len)
            break;
        if (k > 0 && blank && !underscore)
            gaps |= 1ULL << k;
        size_t start = i;
        while (i < len && s[i] != ' ' && s[i] != '_' && s[i] != '\t')
            i++;
        k += possessive_tail(s + start, i - start) ? 2 : 1;   /* "'S" is tight */
    }
    return gaps;
}

static tac_wid *copy_wids(loader *L, const tac_wid *w, size_t n)
{
    tac_wid *c = tac_arena_alloc(&L->d->pool, (n ? n : 1) * sizeof *c);
    if (c)
        memcpy(c, w, n * sizeof *c);
    return c;
}

/* ---- English forms ---------------------------------------------------- */

static bool is_vowel(char c) { return strchr("AEIOU", c) != NULL; }

/* Regular noun plural: -S, -ES after S/X/Z/CH/SH, -IES after consonant+Y. */
static void plural_of(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (n >= 2 && w[n - 1] == 'Y' && !is_vowel(w[n - 2]))
        snprintf(out, cap, "%.*sIES", (int)(n - 1), w);
    else if (n && (w[n - 1] == 'S' || w[n - 1] == 'X' || w[n - 1] == 'Z' ||
                   (n >= 2 && (w[n - 1] == 'H') && (w[n - 2] == 'C' || w[n - 2] == 'S'))))
        snprintf(out, cap, "%sES", w);
    else
        snprintf(out, cap, "%sS", w);
}

/* Regular verb forms: 3rd person (-S), past (-ED), gerund (-ING). */
static int verb_forms_of(const char *w, char out[3][128])
{
    size_t n = strlen(w);
    plural_of(w, out[0], sizeof out[0]);
    if (n && w[n - 1] == 'E')
        snprintf(out[1], sizeof out[1], "%sD", w);
    else if (n >= 2 && w[n - 1] == 'Y' && !is_vowel(w[n - 2]))
        snprintf(out[1], sizeof out[1], "%.*sIED", (int)(n - 1), w);
    else
        snprintf(out[1], sizeof out[1], "%sED", w);
    if (n >= 2 && w[n - 2] == 'I' && w[n - 1] == 'E')
        snprintf(out[2], sizeof out[2], "%.*sYING", (int)(n - 2), w);
    else if (n >= 2 && w[n - 1] == 'E' && w[n - 2] != 'E')
        snprintf(out[2], sizeof out[2], "%.*sING", (int)(n - 1), w);
    else
        snprintf(out[2], sizeof out[2], "%sING", w);
    return 3;
}

/* ---- codes in brackets ------------------------------------------------ */

/* Finds the last "[...]" in s; returns its contents (trimmed, in place) and
 * cuts s before the '['. NULL if there is none or it is unterminated. */
static char *take_bracket(char *s)
{
    char *open = strrchr(s, '[');
    if (!open)
        return NULL;
    char *close = strchr(open, ']');
    if (!close)
        return NULL;
    *close = '\0';
    *open = '\0';
    return trim(open + 1);
}

static bool valid_code(const char *c)
{
    if (!*c)
        return false;
    for (const char *p = c; *p; p++)
        if (isspace((unsigned char)*p))
            return false;
    return true;
}

/* ======================================================================
 * Actors
 * ====================================================================== */

typedef struct actor_phrase {
    tac_wid    *words;
    size_t      n;
    uint64_t    gaps;
    const char *name;
} actor_phrase;

typedef struct actor_rec {
    actor_phrase *phrases;      /* primary name and synonyms (any number) */
    uint32_t      n_phrases, cap_phrases;
    tac_actor_code codes[64];
    size_t        n_codes;
    const char   *default_code;
    const char   *where;
    bool          open;
} actor_rec;

static void actor_reset(actor_rec *r)
{
    actor_phrase *keep = r->phrases;
    uint32_t cap = r->cap_phrases;
    memset(r, 0, sizeof *r);
    r->phrases = keep;
    r->cap_phrases = cap;
}

static void actor_finish(loader *L, actor_rec *r)
{
    if (!r->open)
        return;
    r->open = false;
    tac_dicts *d = L->d;
    if (!GROW(d->actors, d->cap_actors, d->n_actors))
        return;
    tac_actor *a = &d->actors[d->n_actors];
    size_t nc = r->n_codes + (r->default_code ? 1 : 0);
    a->codes = tac_arena_alloc(&d->pool, (nc ? nc : 1) * sizeof *a->codes);
    if (!a->codes)
        return;
    memcpy(a->codes, r->codes, r->n_codes * sizeof *a->codes);
    if (r->default_code)
        a->codes[r->n_codes] = (tac_actor_code){r->default_code, 0, 99999999};
    a->n_codes = (uint32_t)nc;
    a->name = r->phrases[0].name;
    a->where = r->where;
    uint32_t index = d->n_actors++;
    for (size_t i = 0; i < r->n_phrases; i++) {
        uint32_t node = tac_trie_add_gapped(&d->actor_trie, r->phrases[i].words,
                                            r->phrases[i].n, r->phrases[i].gaps);
        if (node == UINT32_MAX)
            return;
        if (d->actor_trie.entry[node] < 0)
            d->actor_trie.entry[node] = (int32_t)index;
        d->n_actor_phrases++;
    }
}

static bool actor_add_phrase(loader *L, actor_rec *r, char *text)
{
    text = trim(text);
    size_t len = strlen(text);
    if (!len || !GROW(r->phrases, r->cap_phrases, r->n_phrases))
        return false;
    tac_wid w[MAX_WORDS];
    size_t n = phrase_words(L, text, len, w, MAX_WORDS);
    if (n == 0 || n == SIZE_MAX)
        return false;
    actor_phrase *ph = &r->phrases[r->n_phrases];
    ph->words = copy_wids(L, w, n);
    ph->n = n;
    ph->gaps = phrase_gaps(text, len);
    ph->name = pool_str(L, text, len);
    if (!ph->words || !ph->name)
        return false;
    r->n_phrases++;
    return true;
}

/* "[CODE]", "[CODE >YYMMDD]", "[CODE <YYMMDD]", "[CODE YYMMDD-YYMMDD]". */
static bool actor_add_restriction(loader *L, actor_rec *r, char *inside)
{
    char *code = inside;
    char *rest = code;
    while (*rest && !isspace((unsigned char)*rest))
        rest++;
    if (*rest)
        *rest++ = '\0';
    rest = trim(rest);
    if (!valid_code(code) || isdigit((unsigned char)code[0]) || code[0] == '<' || code[0] == '>')
        return false;
    const char *c = pool_str(L, code, strlen(code));
    if (!*rest) {
        r->default_code = c;
        return true;
    }
    int32_t from = 0, to = 99999999;
    char *dash;
    if (rest[0] == '<') {
        if ((to = tac_code_parse_date(trim(rest + 1))) < 0)
            return false;
        to -= 1;             /* before the date */
    } else if (rest[0] == '>') {
        if ((from = tac_code_parse_date(trim(rest + 1))) < 0)
            return false;
    } else if ((dash = strchr(rest, '-')) != NULL) {
        *dash = '\0';
        if ((from = tac_code_parse_date(trim(rest))) < 0 ||
            (to = tac_code_parse_date(trim(dash + 1))) < 0)
            return false;
    } else {
        return false;
    }
    if (r->n_codes == sizeof r->codes / sizeof r->codes[0])
        return false;
    r->codes[r->n_codes++] = (tac_actor_code){c, from, to};
    return true;
}


/* Cuts the next line out of *cursor (in place) and counts it in L->line;
 * NULL after the last one. */
static char *cut_line(loader *L, char **cursor)
{
    char *p = *cursor;
    if (!p)
        return NULL;
    char *nl = strchr(p, '\n');
    if (nl)
        *nl++ = '\0';
    *cursor = nl;
    L->line++;
    return p;
}
static void load_actors(loader *L, char *buf)
{
    actor_rec *r = calloc(1, sizeof *r);
    if (!r)
        return;
    char *cursor = buf;
    L->line = 0;
    for (char *p; (p = cut_line(L, &cursor)) != NULL;) {
        bool indented = (*p == ' ' || *p == '\t');
        strip_comment(p);
        char *semi = strchr(p, ';');
        if (semi)
            *semi = '\0';
        char *s = trim(p);
        if (!*s || *s == '<')
            continue;
        if (indented && *s == '[') {
            char *inside = take_bracket(s);
            if (!r->open) {
                skip_entry(L, "date restriction outside an actor entry%s", "");
            } else if (!inside || !actor_add_restriction(L, r, inside)) {
                skip_entry(L, "malformed actor code '%s'", inside ? inside : s);
            }
            continue;
        }
        if (*s == '+') {
            if (!r->open) {
                skip_entry(L, "synonym '%s' outside an actor entry", s);
                continue;
            }
            char *inside = strchr(s, '[') ? take_bracket(s) : NULL;
            if (!actor_add_phrase(L, r, s + 1))
                skip_entry(L, "bad actor synonym '%s'", s);
            else if (inside && !r->default_code && !actor_add_restriction(L, r, inside))
                skip_entry(L, "malformed actor code '%s'", inside);
            continue;
        }
        actor_finish(L, r);
        actor_reset(r);
        char *inside = NULL;
        if (strchr(s, '[')) {
            inside = take_bracket(s);
            if (!inside) {
                skip_entry(L, "unterminated code in '%s'", s);
                continue;
            }
        }
        if (!actor_add_phrase(L, r, s)) {
            skip_entry(L, "bad actor phrase '%s'", s);
            continue;
        }
        r->open = true;
        r->where = where_copy(L);
        if (inside && !actor_add_restriction(L, r, inside)) {
            skip_entry(L, "malformed actor code '%s'", inside);
            r->open = false;
        }
    }
    actor_finish(L, r);
    free(r->phrases);
    free(r);
}

/* ======================================================================
 * Agents
 * ====================================================================== */

typedef struct subst {
    const char *name;       /* "!PERSON!" */
    char       *items[32];
    size_t      n;
} subst;

static void agent_add(loader *L, const char *phrase, size_t len, const char *code,
                      bool prefix, const char *name, const char *where)
{
    tac_wid w[MAX_WORDS];
    size_t n = phrase_words(L, phrase, len, w, MAX_WORDS);
    if (n == 0 || n == SIZE_MAX)
        return;
    tac_dicts *d = L->d;
    if (!GROW(d->agents, d->cap_agents, d->n_agents))
        return;
    uint32_t node = tac_trie_add_gapped(&d->agent_trie, w, n, phrase_gaps(phrase, len));
    if (node == UINT32_MAX)
        return;
    if (d->agent_trie.entry[node] >= 0)
        return;                     /* first entry wins */
    tac_agent *a = &d->agents[d->n_agents];
    a->name = name;
    a->where = where;
    a->code = code;
    a->prefix = prefix;
    d->agent_trie.entry[node] = (int32_t)d->n_agents++;
    /* remember 3-letter blocks of agent codes for splitting roots */
    for (size_t i = 0; i + 3 <= strlen(code); i += 3)
        tac_map_put(&d->agent_codes, tac_code3_key(code + i), 1);
}

/* Adds the phrase and its plural (regular unless `plurals` says otherwise). */
static void agent_add_forms(loader *L, char *phrase, const char *plurals, const char *code,
                            bool prefix, const char *where)
{
    size_t len = strlen(phrase);
    while (len && (phrase[len - 1] == '_' || phrase[len - 1] == ' '))
        phrase[--len] = '\0';
    if (!len)
        return;
    const char *name = pool_str(L, phrase, len);
    agent_add(L, phrase, len, code, prefix, name, where);
    if (plurals) {                       /* explicit, possibly empty */
        char tmp[512];
        snprintf(tmp, sizeof tmp, "%s", plurals);
        for (char *ts = NULL, *tok = strtok_r(tmp, " \t", &ts); tok; tok = strtok_r(NULL, " \t", &ts))
            agent_add(L, tok, strlen(tok), code, prefix, name, where);
        return;
    }
    char up[512], last_pl[160];
    tac_code_upper(phrase, len, up, sizeof up);
    char *cut = up + strlen(up);
    while (cut > up && cut[-1] != '_' && cut[-1] != ' ')
        cut--;
    plural_of(cut, last_pl, sizeof last_pl);
    char full[700];
    snprintf(full, sizeof full, "%.*s%s", (int)(cut - up), up, last_pl);
    agent_add(L, full, strlen(full), code, prefix, name, where);
}

/* Cuts a "{...}" part (agent plurals, irregular verb forms) out of line s:
 * *inside gets its text or NULL when there is none. False, with the entry
 * reported, when the brace is not closed. */
static bool take_braces(loader *L, char *s, const char *what, char **inside)
{
    *inside = NULL;
    char *brace = strchr(s, '{');
    if (!brace)
        return true;
    char *end = strchr(brace, '}');
    if (!end) {
        char msg[64];
        snprintf(msg, sizeof msg, "unterminated %s in '%%s'", what);
        skip_entry(L, msg, s);
        return false;
    }
    *end = '\0';
    *brace = '\0';
    *inside = brace + 1;
    return true;
}
static void load_agents(loader *L, char *buf)
{
    subst subs[16];
    size_t n_subs = 0;
    char *cursor = buf;
    L->line = 0;
    for (char *p; (p = cut_line(L, &cursor)) != NULL;) {
        strip_comment(p);
        char *s = trim(p);
        if (!*s || *s == '<')
            continue;
        if (*s == '!' && strchr(s, '=')) {         /* !PERSON! = MAN, MEN */
            char *eq = strchr(s, '=');
            *eq = '\0';
            if (n_subs == 16) {
                skip_entry(L, "too many substitution sets%s", "");
                continue;
            }
            subst *sb = &subs[n_subs];
            sb->name = pool_str(L, trim(s), strlen(trim(s)));
            sb->n = 0;
            char *list = eq + 1;
            for (char *ts = NULL, *tok = strtok_r(list, ",", &ts); tok && sb->n < 32; tok = strtok_r(NULL, ",", &ts)) {
                tok = trim(tok);
                if (*tok)
                    sb->items[sb->n++] = (char *)pool_str(L, tok, strlen(tok));
            }
            if (sb->n)
                n_subs++;
            else
                skip_entry(L, "empty substitution set %s", sb->name);
            continue;
        }
        char *inside = take_bracket(s);
        if (!inside) {
            skip_entry(L, "agent '%s' has no [code]", s);
            continue;
        }
        bool prefix;
        char code[64];
        size_t ilen = strlen(inside);
        if (ilen >= 2 && inside[0] == '~') {
            prefix = false;
            snprintf(code, sizeof code, "%s", trim(inside + 1));
        } else if (ilen >= 2 && inside[ilen - 1] == '~') {
            prefix = true;
            inside[ilen - 1] = '\0';
            snprintf(code, sizeof code, "%s", trim(inside));
        } else {
            skip_entry(L, "agent code '%s' lacks a ~", inside);
            continue;
        }
        if (!valid_code(code)) {
            skip_entry(L, "bad agent code '%s'", inside);
            continue;
        }
        const char *pcode = pool_str(L, code, strlen(code));
        char *plurals;
        if (!take_braces(L, s, "{plural}", &plurals))
            continue;
        char *phrase = trim(s);
        const char *where = where_copy(L);
        char *bang = strchr(phrase, '!');
        if (bang) {
            char *bang2 = strchr(bang + 1, '!');
            subst *sb = NULL;
            if (bang2) {
                for (size_t i = 0; i < n_subs; i++)
                    if (strlen(subs[i].name) == (size_t)(bang2 - bang + 1) &&
                        !strncmp(subs[i].name, bang, (size_t)(bang2 - bang + 1)))
                        sb = &subs[i];
            }
            if (!sb) {
                skip_entry(L, "unknown substitution set in '%s'", phrase);
                continue;
            }
            for (size_t i = 0; i < sb->n; i++) {
                char full[512];
                snprintf(full, sizeof full, "%.*s%s%s", (int)(bang - phrase), phrase,
                         sb->items[i], bang2 + 1);
                const char *nm = pool_str(L, full, strlen(full));
                agent_add(L, full, strlen(full), pcode, prefix, nm, where);
            }
            continue;
        }
        agent_add_forms(L, phrase, plurals, pcode, prefix, where);
    }
}

/* ======================================================================
 * Discards and issues
 * ====================================================================== */

static void discard_add(loader *L, const char *text, bool story, const char *where)
{
    tac_wid w[MAX_WORDS];
    size_t len = strlen(text);
    bool exact = len && text[len - 1] == '_';
    size_t n = phrase_words(L, text, len, w, MAX_WORDS);
    if (n == 0 || n == SIZE_MAX) {
        skip_entry(L, "bad discard phrase '%s'", text);
        return;
    }
    tac_dicts *d = L->d;
    /* A stem matches its regular endings too: insert those forms. */
    char forms[4][128];
    int n_forms = 1;
    snprintf(forms[0], sizeof forms[0], "%s", d->words.text[w[n - 1]]);
    if (!exact) {
        char vf[3][128];
        verb_forms_of(forms[0], vf);
        for (int i = 0; i < 3; i++)
            scopy(forms[n_forms++], sizeof forms[0], vf[i]);
    }
    for (int f = 0; f < n_forms; f++) {
        if (!GROW(d->discards, d->cap_discards, d->n_discards))
            return;
        tac_discard *x = &d->discards[d->n_discards++];
        w[n - 1] = tac_words_intern(&d->words, forms[f], strlen(forms[f]));
        x->words = copy_wids(L, w, n);
        x->n = (uint8_t)n;
        x->story = story;
        x->where = where;
        uint32_t node = tac_trie_add(&d->discard_trie, x->words, n);
        if (node != UINT32_MAX && d->discard_trie.entry[node] < 0)
            d->discard_trie.entry[node] = (int32_t)(d->n_discards - 1);
    }
}

static void load_discards(loader *L, char *buf)
{
    char *cursor = buf;
    L->line = 0;
    for (char *p; (p = cut_line(L, &cursor)) != NULL;) {
        strip_comment(p);
        char *s = trim(p);
        if (!*s || *s == '<')
            continue;
        bool story = false;
        if (*s == '+') {
            story = true;
            s = trim(s + 1);
        }
        discard_add(L, s, story, where_copy(L));
    }
}

/* Expands one issue phrase ("n:atrocity", "v:purge", "al+zarqawi") into
 * plain phrases. */
static size_t issue_expand(const char *phrase, char out[][256], size_t max)
{
    size_t n = 1;
    out[0][0] = '\0';
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%s", phrase);
    for (char *ts = NULL, *tok = strtok_r(tmp, " \t", &ts); tok; tok = strtok_r(NULL, " \t", &ts)) {
        char variants[8][128];
        size_t nv = 0;
        char base[128];
        int kind = 0;        /* 0 plain, 1 noun, 2 verb */
        if (!strncmp(tok, "n:", 2)) { kind = 1; tok += 2; }
        else if (!strncmp(tok, "v:", 2)) { kind = 2; tok += 2; }
        tac_code_upper(tok, strlen(tok), base, sizeof base);
        /* '+' joins with a blank or a hyphen; also handle prefixes before n:/v: */
        char *plus = strchr(base, '+');
        char bases[2][128];
        size_t nb = 1;
        if (plus) {
            char *k = strstr(plus, "N:");
            if (k == plus + 1) { kind = 1; memmove(plus + 1, plus + 3, strlen(plus + 3) + 1); }
            k = strstr(plus, "V:");
            if (k == plus + 1) { kind = 2; memmove(plus + 1, plus + 3, strlen(plus + 3) + 1); }
            *plus = ' ';
            snprintf(bases[0], sizeof bases[0], "%s", base);
            *plus = '-';
            snprintf(bases[1], sizeof bases[1], "%s", base);
            nb = 2;
        } else {
            snprintf(bases[0], sizeof bases[0], "%s", base);
        }
        for (size_t b = 0; b < nb; b++) {
            scopy(variants[nv++], 128, bases[b]);
            if (kind == 1 && nv < 8) {
                plural_of(bases[b], variants[nv], 128);
                nv++;
            } else if (kind == 2 && nv + 3 <= 8) {
                char vf[3][128];
                verb_forms_of(bases[b], vf);
                for (int i = 0; i < 3; i++)
                    scopy(variants[nv++], 128, vf[i]);
            }
        }
        size_t m = 0;
        char next[MAX_EXPAND][256];
        for (size_t i = 0; i < n; i++)
            for (size_t v = 0; v < nv && m < max && m < MAX_EXPAND; v++, m++)
            {
                scopy(next[m], 256, out[i]);
                if (out[i][0])
                    strncat(next[m], " ", 256 - strlen(next[m]) - 1);
                strncat(next[m], variants[v], 256 - strlen(next[m]) - 1);
            }
        for (size_t i = 0; i < m; i++)
            memcpy(out[i], next[i], 256);
        n = m;
    }
    return n;
}

static void load_issues(loader *L, char *buf)
{
    const char *category = NULL;
    char *cursor = buf;
    L->line = 0;
    for (char *p; (p = cut_line(L, &cursor)) != NULL;) {
        strip_comment(p);
        char *s = trim(p);
        if (!*s)
            continue;
        if (*s == '<') {
            /* <ISSUE CATEGORY="ENERGY">: the code of entries that name none */
            char *cat = strstr(s, "CATEGORY=\"");
            category = NULL;
            if (cat) {
                cat += 10;
                char *end = strchr(cat, '"');
                if (end && end > cat)
                    category = pool_str(L, cat, (size_t)(end - cat));
            }
            continue;
        }
        const char *code = NULL;
        if (*s == '~') {
            while (*s == '~')
                s++;
        } else {
            char *inside = strchr(s, '[') ? take_bracket(s) : NULL;
            if (inside && valid_code(inside)) {
                code = pool_str(L, inside, strlen(inside));
            } else if (!inside && category) {
                code = category;
            } else {
                skip_entry(L, "issue '%s' has no [code]", s);
                continue;
            }
        }
        char phrases[MAX_EXPAND][256];
        size_t np = issue_expand(trim(s), phrases, MAX_EXPAND);
        const char *where = where_copy(L);
        for (size_t i = 0; i < np; i++) {
            tac_wid w[MAX_WORDS];
            size_t n = phrase_words(L, phrases[i], strlen(phrases[i]), w, MAX_WORDS);
            if (n == 0 || n == SIZE_MAX)
                continue;
            tac_dicts *d = L->d;
            if (!GROW(d->issues, d->cap_issues, d->n_issues))
                return;
            tac_issue *x = &d->issues[d->n_issues++];
            x->words = copy_wids(L, w, n);
            x->n = (uint8_t)n;
            x->code = code;
            x->where = where;
            uint32_t node = tac_trie_add(&d->issue_trie, x->words, n);
            if (node != UINT32_MAX && d->issue_trie.entry[node] < 0)
                d->issue_trie.entry[node] = (int32_t)(d->n_issues - 1);
        }
    }
}

/* ======================================================================
 * Verbs
 * ====================================================================== */

static int32_t synset_find(const tac_dicts *d, const char *name)
{
    uint32_t v;
    if (tac_map_get(&d->synset_index, tac_hash_str(name), &v))
        return (int32_t)v;
    return -1;
}

/* Appends the phrases of `text` (which may contain &SYNSET references) to syn. */
static bool synset_add_member(loader *L, tac_synset *syn, const char *text, bool plurals)
{
    /* Expand into alternatives: each alternative a list of words. */
    tac_wid alts[MAX_EXPAND][MAX_WORDS];
    size_t alen[MAX_EXPAND];
    size_t n_alt = 1;
    alen[0] = 0;
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%s", text);
    size_t tlen = strlen(tmp);
    bool no_plural = !plurals || (tlen && tmp[tlen - 1] == '_');
    for (char *ts = NULL, *tok = strtok_r(tmp, " _\t", &ts); tok; tok = strtok_r(NULL, " _\t", &ts)) {
        if (tok[0] == '&') {
            char up[128];
            tac_code_upper(tok, strlen(tok), up, sizeof up);
            int32_t ref = synset_find(L->d, up);
            if (ref < 0)
                return false;
            const tac_synset *r = &L->d->synsets[ref];
            size_t m = 0;
            tac_wid next[MAX_EXPAND][MAX_WORDS];
            size_t nlen[MAX_EXPAND];
            for (size_t i = 0; i < n_alt; i++)
                for (size_t j = 0; j < r->n && m < MAX_EXPAND; j++) {
                    if (alen[i] + r->phrases[j].n > MAX_WORDS)
                        continue;
                    memcpy(next[m], alts[i], alen[i] * sizeof(tac_wid));
                    memcpy(next[m] + alen[i], r->phrases[j].words,
                           r->phrases[j].n * sizeof(tac_wid));
                    nlen[m] = alen[i] + r->phrases[j].n;
                    m++;
                }
            memcpy(alts, next, m * sizeof next[0]);
            memcpy(alen, nlen, m * sizeof nlen[0]);
            n_alt = m;
            no_plural = true;
        } else {
            char up[128];
            size_t k = tac_code_upper(tok, strlen(tok), up, sizeof up);
            tac_wid w = tac_words_intern(&L->d->words, up, k);
            for (size_t i = 0; i < n_alt; i++)
                if (alen[i] < MAX_WORDS)
                    alts[i][alen[i]++] = w;
        }
    }
    for (size_t i = 0; i < n_alt; i++) {
        if (!alen[i])
            continue;
        int forms = no_plural ? 1 : 2;
        for (int f = 0; f < forms; f++) {
            if (!GROW(syn->phrases, syn->cap, syn->n))
                return false;
            tac_phrase *ph = &syn->phrases[syn->n++];
            ph->words = copy_wids(L, alts[i], alen[i]);
            ph->n = (uint8_t)alen[i];
            if (f == 1) {
                char pl[160];
                plural_of(L->d->words.text[alts[i][alen[i] - 1]], pl, sizeof pl);
                ph->words[ph->n - 1] = tac_words_intern(&L->d->words, pl, strlen(pl));
            }
        }
    }
    return true;
}

static bool parse_pattern_elements(loader *L, char *part, tac_pel *out, size_t *n_out,
                                   size_t max, bool *tight_to_star_before,
                                   bool *tight_after_star)
{
    /* Tokenise on blanks; inside a chunk '_' joins tight elements. Braces and
     * parentheses (PETRARCH-2 noun and prepositional phrases) are dropped. */
    size_t n = 0;
    *tight_to_star_before = false;
    *tight_after_star = false;
    bool prev_star = false;
    for (char *p = part; *p; p++)
        if (*p == '{' || *p == '}' || *p == '(' || *p == ')')
            *p = ' ';
    char *save = NULL;
    for (char *chunk = strtok_r(part, " \t", &save); chunk; chunk = strtok_r(NULL, " \t", &save)) {
        char *csave = NULL;
        size_t clen = strlen(chunk);
        bool first_in_chunk = true;
        bool chunk_starts_with_underscore = chunk[0] == '_';
        (void)chunk_starts_with_underscore;
        (void)clen;
        for (char *el = strtok_r(chunk, "_", &csave); el; el = strtok_r(NULL, "_", &csave)) {
            bool joined = !first_in_chunk;
            first_in_chunk = false;
            if (!strcmp(el, "*")) {
                if (joined && n > 0)
                    *tight_to_star_before = true;
                prev_star = true;
                continue;
            }
            if (n == max)
                return false;
            tac_pel *e = &out[n];
            memset(e, 0, sizeof *e);
            e->tight = joined && !prev_star ? true : false;
            if (prev_star && joined)
                *tight_after_star = true;
            prev_star = false;
            if (!strcmp(el, "$")) e->kind = PEL_SOURCE;
            else if (!strcmp(el, "+")) e->kind = PEL_TARGET;
            else if (!strcmp(el, "%")) e->kind = PEL_COMPOUND;
            else if (!strcmp(el, "^")) e->kind = PEL_SKIP;
            else if (el[0] == '&') {
                char up[128];
                tac_code_upper(el, strlen(el), up, sizeof up);
                int32_t s = synset_find(L->d, up);
                if (s < 0) {
                    skip_entry(L, "undefined synset %s in pattern", up);
                    return false;
                }
                e->kind = PEL_SYNSET;
                e->synset = (uint32_t)s;
            } else {
                char up[128];
                size_t k = tac_code_upper(el, strlen(el), up, sizeof up);
                e->kind = PEL_WORD;
                e->word = tac_words_intern(&L->d->words, up, k);
            }
            n++;
        }
        prev_star = false;
    }
    *n_out = n;
    return true;
}

static void add_pattern(loader *L, char *s, int32_t block)
{
    tac_dicts *d = L->d;
    char text_copy[1024];
    snprintf(text_copy, sizeof text_copy, "%s", s);
    char *code = take_bracket(s);
    if (!code || !valid_code(code)) {
        skip_entry(L, "pattern '%s' has no [code]", trim(text_copy));
        return;
    }
    if (block < 0) {
        skip_entry(L, "pattern '%s' outside a verb block", trim(text_copy));
        return;
    }
    if (!strcmp(code, "+++"))      /* TABARI's "no change" code: the pattern is inert */
        return;
    for (char *q = s; *q; q++) {
        if (*q == '\t')
            *q = ' ';
        if (*q == '{' || *q == '(')
            L->d->petr2_patterns = true;
    }
    char *body = trim(s + 1);      /* after the leading '-' */
    /* Split at the '*' that stands for the verb. */
    char *star = NULL;
    for (char *p = body; *p; p++) {
        if (*p == '*' && (p == body || p[-1] == ' ' || p[-1] == '_') &&
            (p[1] == '\0' || p[1] == ' ' || p[1] == '_')) {
            star = p;
            break;
        }
    }
    if (!star) {
        skip_entry(L, "pattern '%s' has no '*'", trim(text_copy));
        return;
    }
    bool pre_tight = star > body && star[-1] == '_';
    bool post_tight = star[1] == '_';
    char pre[512], post[512];
    snprintf(pre, sizeof pre, "%.*s", (int)(star - body), body);
    snprintf(post, sizeof post, "%s", star + 1);
    tac_pel pre_el[MAX_WORDS], post_el[MAX_WORDS];
    size_t n_pre = 0, n_post = 0;
    bool t1, t2;
    if (!parse_pattern_elements(L, pre, pre_el, &n_pre, MAX_WORDS, &t1, &t2) ||
        !parse_pattern_elements(L, post, post_el, &n_post, MAX_WORDS, &t1, &t2))
        return;
    if (!GROW(d->patterns, d->cap_patterns, d->n_patterns))
        return;
    tac_pattern *pt = &d->patterns[d->n_patterns];
    memset(pt, 0, sizeof *pt);
    /* Store pre elements nearest-the-verb first; tightness moves with them:
     * in sentence order e[i].tight means "joined to e[i-1]"; reversed, an
     * element is tight when it is joined to its right-hand neighbour. */
    pt->pre = tac_arena_alloc(&d->pool, (n_pre ? n_pre : 1) * sizeof(tac_pel));
    pt->post = tac_arena_alloc(&d->pool, (n_post ? n_post : 1) * sizeof(tac_pel));
    if (!pt->pre || !pt->post)
        return;
    for (size_t i = 0; i < n_pre; i++) {
        tac_pel e = pre_el[n_pre - 1 - i];
        size_t orig = n_pre - 1 - i;
        e.tight = (orig + 1 < n_pre) ? pre_el[orig + 1].tight : pre_tight;
        pt->pre[i] = e;
    }
    for (size_t i = 0; i < n_post; i++) {
        pt->post[i] = post_el[i];
        if (i == 0)
            pt->post[i].tight = post_tight;
    }
    pt->n_pre = (uint16_t)n_pre;
    pt->n_post = (uint16_t)n_post;
    pt->need = 0;
    for (size_t i = 0; i < n_pre; i++)
        if (pt->pre[i].kind == PEL_WORD)
            pt->need |= tac_wid_bloom(pt->pre[i].word);
    for (size_t i = 0; i < n_post; i++)
        if (pt->post[i].kind == PEL_WORD)
            pt->need |= tac_wid_bloom(pt->post[i].word);
    pt->verb_tight_pre = pre_tight;
    pt->verb_tight_post = post_tight;
    pt->code = pool_str(L, code, strlen(code));
    char *t = trim(text_copy);
    char *h = strchr(t, '#');
    if (h) {
        *h = '\0';
        t = trim(t);
    }
    pt->text = pool_str(L, t, strlen(t));
    pt->where = where_copy(L);
    pt->order = d->n_patterns;
    tac_verb_block *b = &d->blocks[block];
    if (!GROW(b->patterns, b->cap_patterns, b->n_patterns))
        return;
    b->patterns[b->n_patterns++] = d->n_patterns++;
}

/* Adds one verb form phrase ("+BREAK_DOWN", "WIRE_+TAPPED", "ABANDON"). */
static void add_form(loader *L, const char *phrase, const char *code, int32_t block,
                     const char *lemma, const char *where)
{
    tac_dicts *d = L->d;
    tac_wid pre[8], post[8], verb = TAC_WID_NONE;
    size_t n_pre = 0, n_post = 0;
    char tmp[256];
    snprintf(tmp, sizeof tmp, "%s", phrase);
    bool has_plus = strchr(tmp, '+') != NULL;
    bool first = true;
    for (char *ts = NULL, *tok = strtok_r(tmp, " _\t", &ts); tok; tok = strtok_r(NULL, " _\t", &ts)) {
        bool marked = tok[0] == '+';
        if (marked)
            tok++;
        if (!*tok)
            continue;
        char up[128];
        size_t k = tac_code_upper(tok, strlen(tok), up, sizeof up);
        tac_wid w = tac_words_intern(&d->words, up, k);
        if (verb == TAC_WID_NONE && (marked || (!has_plus && first))) {
            verb = w;
        } else if (verb == TAC_WID_NONE) {
            if (n_pre < 8) pre[n_pre++] = w;
        } else {
            if (n_post < 8) post[n_post++] = w;
        }
        first = false;
    }
    if (verb == TAC_WID_NONE)
        return;
    if (!GROW(d->forms, d->cap_forms, d->n_forms))
        return;
    tac_verb_form *f = &d->forms[d->n_forms];
    f->word = verb;
    f->pre = copy_wids(L, pre, n_pre);
    f->n_pre = (uint8_t)n_pre;
    f->post = copy_wids(L, post, n_post);
    f->n_post = (uint8_t)n_post;
    f->code = code;
    f->block = (uint32_t)block;
    f->lemma = lemma;
    f->where = where;
    uint32_t head;
    f->next = tac_map_get(&d->form_index, verb, &head) ? (int32_t)head : -1;
    tac_map_put(&d->form_index, verb, d->n_forms);
    d->n_forms++;
}

/* A verb line: "ABANDON", "BREAK {BROKE BROKEN} [1717]", "+CALL_OFF [160]". */
static void add_verb_line(loader *L, char *s, int32_t block)
{
    if (block < 0) {
        skip_entry(L, "verb '%s' outside a verb block", s);
        return;
    }
    const char *code = NULL;
    if (strchr(s, '[')) {
        char *inside = take_bracket(s);
        if (!inside || !valid_code(inside)) {
            skip_entry(L, "malformed verb code in '%s'", s);
            return;
        }
        code = pool_str(L, inside, strlen(inside));
    }
    char *irregular;
    if (!take_braces(L, s, "{forms}", &irregular))
        return;
    char *phrase = trim(s);
    if (!*phrase) {
        skip_entry(L, "empty verb line%s", "");
        return;
    }
    const char *lemma = pool_str(L, phrase, strlen(phrase));
    const char *where = where_copy(L);
    L->d->n_verb_lines++;
    add_form(L, phrase, code, block, lemma, where);
    /* regular forms of the marked (or first) word */
    char tmp[256];
    snprintf(tmp, sizeof tmp, "%s", phrase);
    char up[256];
    tac_code_upper(tmp, strlen(tmp), up, sizeof up);
    char *mark = strchr(up, '+');
    char *vstart = mark ? mark + 1 : up;
    char *vend = vstart;
    while (*vend && *vend != '_' && *vend != ' ')
        vend++;
    char word[128];
    snprintf(word, sizeof word, "%.*s", (int)(vend - vstart), vstart);
    char vf[3][128];
    verb_forms_of(word, vf);
    for (int i = 0; i < 3; i++) {
        char full[512];
        size_t pre = (size_t)(vstart - up);
        scopy(full, sizeof full, up);
        full[pre < sizeof full ? pre : sizeof full - 1] = '\0';
        strncat(full, vf[i], sizeof full - strlen(full) - 1);
        strncat(full, vend, sizeof full - strlen(full) - 1);
        add_form(L, full, code, block, lemma, where);
    }
    if (irregular) {
        for (char *ts = NULL, *tok = strtok_r(irregular, " \t", &ts); tok; tok = strtok_r(NULL, " \t", &ts))
            add_form(L, tok, code, block, lemma, where);
    }
}

static void add_transform(loader *L, char *s)
{
    /* ~ a (a b ATTACK) SAY = a b 015 */
    char a1, a2, a3, o1, o2;
    char low[64], top[64], code[32];
    if (sscanf(s, "~ %c ( %c %c %63[^) ] ) %63s = %c %c %31s", &a1, &a2, &a3, low, top, &o1, &o2,
               code) != 8) {
        skip_entry(L, "malformed transformation '%s'", s);
        return;
    }
    tac_dicts *d = L->d;
    if (!GROW(d->transforms, d->cap_transforms, d->n_transforms))
        return;
    tac_transform *t = &d->transforms[d->n_transforms++];
    t->src_top = a1;
    t->src_low = a2;
    t->tgt_low = a3;
    t->low_verb = pool_str(L, low, strlen(low));
    t->top_verb = pool_str(L, top, strlen(top));
    t->out_src = o1;
    t->out_tgt = o2;
    t->code = pool_str(L, code, strlen(code));
    t->where = where_copy(L);
}

/* The code a transformation's verb name stands for: the block of that
 * exact name ("SAY", "CUT_TIES"; PETRARCH-2's own files name blocks), else
 * the word's single-word verb form (Phoenix names verbs: its SAY is a line
 * of a statement block, while SAY_NO, a form of the same word, rejects). */
static const char *verb_name_code(const tac_dicts *d, const char *name)
{
    for (uint32_t i = 0; i < d->n_blocks; i++)
        if (tac_str_iequal(d->blocks[i].name, name))
            return d->blocks[i].code;
    char up[64];
    size_t n = tac_code_upper(name, strlen(name), up, sizeof up);
    tac_wid w = tac_words_find(&d->words, up, n);
    uint32_t head;
    if (!w || !tac_map_get(&d->form_index, w, &head))
        return NULL;
    const char *any = NULL;
    for (int32_t i = (int32_t)head; i >= 0; i = d->forms[i].next) {
        const tac_verb_form *f = &d->forms[i];
        const char *code = f->code ? f->code : d->blocks[f->block].code;
        if (!f->n_pre && !f->n_post)
            return code;
        if (!any)
            any = code;
    }
    return any;
}

static void resolve_transforms(tac_dicts *d)
{
    for (uint32_t i = 0; i < d->n_transforms; i++) {
        tac_transform *t = &d->transforms[i];
        t->top_code = verb_name_code(d, t->top_verb);
        t->low_code = strcmp(t->low_verb, "Q") ? verb_name_code(d, t->low_verb) : NULL;
    }
}

/* Chains every synset's phrases by first and by last word, in file order
 * (the coder takes the first member that matches, as before). */
static bool index_synsets(tac_dicts *d)
{
    for (uint32_t s = 0; s < d->n_synsets; s++) {
        tac_synset *sy = &d->synsets[s];
        sy->next_first = calloc(sy->n + 1, sizeof *sy->next_first);
        sy->next_last = calloc(sy->n + 1, sizeof *sy->next_last);
        if (!sy->next_first || !sy->next_last)
            return false;
        for (uint32_t p = sy->n; p-- > 0;) {
            const tac_phrase *ph = &sy->phrases[p];
            if (!ph->n)
                continue;
            uint32_t head;
            uint64_t kf = tac_synset_key(s, ph->words[0]);
            uint64_t kl = tac_synset_key(s, ph->words[ph->n - 1]);
            if (tac_map_get(&d->synset_first, kf, &head))
                sy->next_first[p] = head;
            if (tac_map_get(&d->synset_last, kl, &head))
                sy->next_last[p] = head;
            if (!tac_map_put(&d->synset_first, kf, p + 1) ||
                !tac_map_put(&d->synset_last, kl, p + 1))
                return false;
        }
    }
    return true;
}

static void load_verbs(loader *L, char *buf)
{
    tac_dicts *d = L->d;
    int32_t block = -1;
    int32_t synset = -1;
    bool synset_plurals = true;
    char *cursor = buf;
    L->line = 0;
    for (char *p; (p = cut_line(L, &cursor)) != NULL;) {
        char *s = trim(p);
        if (!strncmp(s, "---", 3)) {
            /* block header: the comment sign may follow the closing --- */
            char *h = strchr(s + 3, '#');
            if (h)
                *h = '\0';
        } else if (*s != '~') {
            strip_comment(s);
        }
        s = trim(s);
        if (!*s || *s == '<')
            continue;
        if (*s == '&') {
            char name[128];
            size_t k = 0;
            for (const char *q = s; *q && !isspace((unsigned char)*q) && k + 1 < sizeof name; q++)
                name[k++] = (char)toupper((unsigned char)*q);
            name[k] = '\0';
            synset_plurals = !(k && name[k - 1] == '_');
            if (!synset_plurals)
                name[--k] = '\0';
            if (!GROW(d->synsets, d->cap_synsets, d->n_synsets))
                return;
            tac_synset *sy = &d->synsets[d->n_synsets];
            memset(sy, 0, sizeof *sy);
            sy->name = pool_str(L, name, k);
            tac_map_put(&d->synset_index, tac_hash_str(name), d->n_synsets);
            synset = (int32_t)d->n_synsets++;
            continue;
        }
        if (*s == '+' && synset >= 0) {
            if (!synset_add_member(L, &d->synsets[synset], trim(s + 1), synset_plurals))
                skip_entry(L, "bad synset member '%s'", s);
            continue;
        }
        synset = -1;
        if (!strncmp(s, "---", 3)) {
            char *inner = s + 3;
            char *open = strchr(inner, '[');
            char *end = strstr(open ? open : inner, open ? "]" : "---");
            if (!open && end)
                *end = '\0';
            const char *code = "---";
            if (open) {
                char *close = strchr(open, ']');
                if (!close) {
                    skip_entry(L, "unterminated code in block header '%s'", s);
                    block = -1;
                    continue;
                }
                *close = '\0';
                *open = '\0';
                char *c = trim(open + 1);
                if (valid_code(c))
                    code = pool_str(L, c, strlen(c));
            }
            char *name = trim(inner);
            if (!GROW(d->blocks, d->cap_blocks, d->n_blocks))
                return;
            tac_verb_block *b = &d->blocks[d->n_blocks];
            memset(b, 0, sizeof *b);
            b->name = pool_str(L, name, strlen(name));
            b->code = code;
            block = (int32_t)d->n_blocks++;
            continue;
        }
        if (*s == '-') {
            add_pattern(L, s, block);
            continue;
        }
        if (*s == '~') {
            add_transform(L, s);
            continue;
        }
        add_verb_line(L, s, block);
    }
}

/* ======================================================================
 * Loading sets of files
 * ====================================================================== */

typedef void (*load_fn)(loader *, char *);

static tac_status load_file(tac_dicts *d, const tac_diag *diag, const char *path, load_fn fn,
                            tac_error *err)
{
    char *buf;
    size_t len;
    tac_status st = tac_read_file(path, &buf, &len, err);
    if (st != TAC_OK)
        return st;
    loader L = {.d = d, .diag = diag, .file = path};
    fn(&L, buf);
    free(buf);
    return TAC_OK;
}

static bool name_has(const char *name, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = name; *p; p++)
        if (strncasecmp(p, needle, n) == 0)
            return true;
    return false;
}

static bool name_starts(const char *name, const char *prefix)
{
    return strncasecmp(name, prefix, strlen(prefix)) == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

enum { DICT_NONE, DICT_VERBS, DICT_ACTORS, DICT_AGENTS, DICT_DISCARDS, DICT_ISSUES };

/* What kind of dictionary a file in a directory is, from its name: the
 * PETRARCH names (CAMEO.2.0.txt, Phoenix.Countries.actors.txt,
 * PETR.Validate.verbs.txt, Phoenix.IssueCoding.txt) and ours (verbs.txt,
 * actors-people-asia.txt, agents.txt, discards.txt, issues.txt). */
static int dict_kind(const char *nm)
{
    if (!tac_str_has_suffix(nm, ".txt"))
        return DICT_NONE;
    if (name_has(nm, ".verbs") || name_starts(nm, "verbs") || name_starts(nm, "CAMEO"))
        return DICT_VERBS;
    if (name_has(nm, ".agents") || name_starts(nm, "agents"))
        return DICT_AGENTS;
    if (name_has(nm, "discards"))
        return DICT_DISCARDS;
    if (name_has(nm, "issue"))
        return DICT_ISSUES;
    if (name_has(nm, ".actors") || name_starts(nm, "actors"))
        return DICT_ACTORS;
    return DICT_NONE;
}

#define MAX_DIR_ACTORS 64

typedef struct found_files {
    char *verbs, *agents, *discards, *issues;
    char *actors[MAX_DIR_ACTORS];
    size_t n_actors;
} found_files;

static void found_free(found_files *f)
{
    free(f->verbs);
    free(f->agents);
    free(f->discards);
    free(f->issues);
    for (size_t i = 0; i < f->n_actors; i++)
        free(f->actors[i]);
}

static char *join_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* Picks dictionary files in dir by their conventional names (dict_kind);
 * of several verb, agent, discard or issue files the first in name order
 * is taken, actor files are all taken, in name order. */
static tac_status scan_dir(const char *dir, found_files *f, const tac_diag *diag, tac_error *err)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return tac_fail(err, TAC_EIO, "%s: cannot open dictionary directory", dir);
    char *names[512];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL && n < 512) {
        if (e->d_name[0] == '.' || dict_kind(e->d_name) == DICT_NONE)
            continue;
        names[n++] = strdup(e->d_name);
    }
    closedir(dp);
    qsort(names, n, sizeof names[0], cmp_str);
    for (size_t i = 0; i < n; i++) {
        char **slot = NULL;
        switch (dict_kind(names[i])) {
        case DICT_VERBS: slot = &f->verbs; break;
        case DICT_AGENTS: slot = &f->agents; break;
        case DICT_DISCARDS: slot = &f->discards; break;
        case DICT_ISSUES: slot = &f->issues; break;
        case DICT_ACTORS:
            if (f->n_actors < MAX_DIR_ACTORS)
                f->actors[f->n_actors++] = join_path(dir, names[i]);
            else
                tac_diag_emit(diag, TAC_WARNING, dir, "more than %d actor files; %s not loaded",
                              MAX_DIR_ACTORS, names[i]);
            break;
        default: break;
        }
        if (slot && !*slot)
            *slot = join_path(dir, names[i]);
        else if (slot)
            tac_diag_emit(diag, TAC_WARNING, dir, "%s not loaded: already have %s", names[i],
                          strrchr(*slot, '/') + 1);
        free(names[i]);
    }
    if (!f->verbs)
        return tac_fail(err, TAC_ENOTFOUND,
                        "%s: no verb dictionary (CAMEO*.txt, verbs*.txt or *.verbs*.txt)", dir);
    return TAC_OK;
}

static void flag_first_words(tac_dicts *d, const tac_trie *t, uint8_t flag)
{
    for (size_t i = 0; i < t->edges.cap; i++) {
        uint64_t k = t->edges.keys[i];
        if (k && ((k - 1) >> 32) == 0)       /* an edge from the root */
            d->wflags[(uint32_t)(k - 1)] |= flag;
    }
}

/* Which words can start a phrase of each kind: lets the coder skip most
 * lookups with one byte per word. */
static bool build_word_flags(tac_dicts *d)
{
    d->wflags = calloc(d->words.len + 1, 1);
    if (!d->wflags)
        return false;
    flag_first_words(d, &d->actor_trie, TAC_W_ACTOR);
    flag_first_words(d, &d->agent_trie, TAC_W_AGENT);
    flag_first_words(d, &d->discard_trie, TAC_W_DISCARD);
    flag_first_words(d, &d->issue_trie, TAC_W_ISSUE);
    d->wflags[0] = 0;
    return true;
}

static bool dicts_init(tac_dicts *d)
{
    tac_arena_init(&d->pool, 1 << 20);
    d->words.pool = &d->pool;
    return tac_trie_init(&d->actor_trie) && tac_trie_init(&d->agent_trie) &&
           tac_trie_init(&d->discard_trie) && tac_trie_init(&d->issue_trie);
}

tac_dicts *tac_dicts_load(const tac_dict_paths *paths, const tac_diag *diag, tac_error *err)
{
    tac_dicts *d = calloc(1, sizeof *d);
    if (!d || !dicts_init(d)) {
        tac_dicts_free(d);
        tac_fail(err, TAC_ENOMEM, "out of memory loading dictionaries");
        return NULL;
    }
    found_files f = {0};
    tac_status st = TAC_OK;
    if (paths->dir && (st = scan_dir(paths->dir, &f, diag, err)) != TAC_OK) {
        found_free(&f);
        tac_dicts_free(d);
        return NULL;
    }
    const char *verbs = paths->verbs ? paths->verbs : f.verbs;
    const char *agents = paths->agents ? paths->agents : f.agents;
    const char *discards = paths->discards ? paths->discards : f.discards;
    const char *issues = paths->issues ? paths->issues : f.issues;
    if (!verbs && !paths->actors && !f.n_actors && !agents && !discards && !issues) {
        found_free(&f);
        tac_dicts_free(d);
        tac_fail(err, TAC_EINVAL, "no dictionary files given");
        return NULL;
    }
    /* Verbs first: synsets and forms intern most of the vocabulary. */
    if (verbs)
        st = load_file(d, diag, verbs, load_verbs, err);
    if (st == TAC_OK && paths->actors) {
        char *list = strdup(paths->actors);
        if (!list)
            st = tac_fail(err, TAC_ENOMEM, "out of memory loading dictionaries");
        char *save = NULL;
        for (char *a = list ? strtok_r(list, ",", &save) : NULL; a && st == TAC_OK;
             a = strtok_r(NULL, ",", &save))
            st = load_file(d, diag, trim(a), load_actors, err);
        free(list);
    } else {
        for (size_t i = 0; i < f.n_actors && st == TAC_OK; i++)
            st = load_file(d, diag, f.actors[i], load_actors, err);
    }
    if (st == TAC_OK && agents)
        st = load_file(d, diag, agents, load_agents, err);
    if (st == TAC_OK && discards)
        st = load_file(d, diag, discards, load_discards, err);
    if (st == TAC_OK && issues)
        st = load_file(d, diag, issues, load_issues, err);
    found_free(&f);
    resolve_transforms(d);
    if (st != TAC_OK || !build_word_flags(d) || !index_synsets(d)) {
        if (st == TAC_OK)
            tac_fail(err, TAC_ENOMEM, "out of memory loading dictionaries");
        tac_dicts_free(d);
        return NULL;
    }
    return d;
}

void tac_dicts_free(tac_dicts *d)
{
    if (!d)
        return;
    tac_map_free(&d->words.index);
    free(d->words.text);
    free(d->words.next);
    tac_trie_free(&d->actor_trie);
    tac_trie_free(&d->agent_trie);
    tac_trie_free(&d->discard_trie);
    tac_trie_free(&d->issue_trie);
    free(d->actors);
    free(d->agents);
    for (uint32_t i = 0; i < d->n_blocks; i++)
        free(d->blocks[i].patterns);
    free(d->blocks);
    free(d->forms);
    tac_map_free(&d->form_index);
    free(d->patterns);
    for (uint32_t i = 0; i < d->n_synsets; i++) {
        free(d->synsets[i].phrases);
        free(d->synsets[i].next_first);
        free(d->synsets[i].next_last);
    }
    free(d->synsets);
    tac_map_free(&d->synset_index);
    tac_map_free(&d->synset_first);
    tac_map_free(&d->synset_last);
    free(d->transforms);
    free(d->discards);
    free(d->issues);
    tac_map_free(&d->agent_codes);
    free(d->wflags);
    tac_arena_free(&d->pool);
    free(d);
}

void tac_dicts_counts(const tac_dicts *d, tac_dict_counts *c)
{
    memset(c, 0, sizeof *c);
    c->verbs = d->n_verb_lines;
    c->verb_forms = d->n_forms;
    c->patterns = d->n_patterns;
    c->synsets = d->n_synsets;
    c->transforms = d->n_transforms;
    c->actors = d->n_actors;
    c->actor_phrases = d->n_actor_phrases;
    c->agents = d->n_agents;
    c->discards = d->n_discards;
    c->issues = d->n_issues;
    c->skipped = d->n_skipped;
}
