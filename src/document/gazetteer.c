/* The gazetteer: places with their country and a point, from a TSV of our
 * own (data/gazetteer.tsv, compiled into the library). Names are indexed
 * three ways: as written (lookup), folded to lower case (datelines such as
 * "BEIJING"), and as the text stage tokenizes them ("Democratic People 's
 * Republic of Korea"), so that sentence tokens match names exactly. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document/document.h"

/* Open addressing from string keys to place indexes. */
typedef struct name_slot {
    const char *key;
    uint32_t    place;
} name_slot;

typedef struct name_index {
    name_slot *slots;
    size_t     cap;      /* power of two */
    size_t     n;
} name_index;

struct tac_gazetteer {
    char       *text;        /* the TSV; fields point into it */
    tac_place  *places;
    size_t      n_places;
    name_index  exact, folded, tokens;
    tac_arena   arena;       /* keys */
};

static bool index_init(name_index *ix, size_t expected)
{
    ix->cap = 16;
    while (ix->cap < expected * 2)
        ix->cap *= 2;
    ix->n = 0;
    ix->slots = calloc(ix->cap, sizeof *ix->slots);
    return ix->slots != NULL;
}

/* Adds key unless present: the first place given a name keeps it. */
static void index_add(name_index *ix, const char *key, uint32_t place)
{
    size_t mask = ix->cap - 1;
    for (size_t i = tac_hash_str(key) & mask;; i = (i + 1) & mask) {
        if (!ix->slots[i].key) {
            ix->slots[i].key = key;
            ix->slots[i].place = place;
            ix->n++;
            return;
        }
        if (strcmp(ix->slots[i].key, key) == 0)
            return;
    }
}

static const name_slot *index_find(const name_index *ix, const char *key, size_t len)
{
    if (!ix->slots)
        return NULL;
    size_t mask = ix->cap - 1;
    for (size_t i = tac_hash_bytes(key, len) & mask; ix->slots[i].key; i = (i + 1) & mask)
        if (strncmp(ix->slots[i].key, key, len) == 0 && ix->slots[i].key[len] == '\0')
            return &ix->slots[i];
    return NULL;
}

/* ---- loading ---------------------------------------------------------- */

static bool parse_kind(const char *s, tac_place_kind *k)
{
    static const char *const names[] = {"country", "capital", "city", "region"};
    for (int i = 0; i < 4; i++)
        if (strcmp(s, names[i]) == 0) {
            *k = (tac_place_kind)i;
            return true;
        }
    return false;
}

static bool parse_degrees(const char *s, double limit, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno || !isfinite(v) || v < -limit || v > limit)
        return false;
    *out = v;
    return true;
}

static bool iso3(const char *s)
{
    return strlen(s) == 3 && isupper((unsigned char)s[0]) && isupper((unsigned char)s[1]) &&
           isupper((unsigned char)s[2]);
}

/* Splits a row in place into exactly 6 tab-separated fields. */
static const char *split_row(char *line, char **f)
{
    int n = 0;
    for (char *p = line;;) {
        if (n == 6)
            return "more than 6 fields";
        f[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n == 6 ? NULL : "fewer than 6 fields";
}

static const char *parse_row(char *line, tac_place *pl)
{
    char *f[6];
    const char *why = split_row(line, f);
    if (why)
        return why;
    if (!f[0][0])
        return "empty name";
    if (!parse_kind(f[2], &pl->kind))
        return "kind is not country, capital, city or region";
    if (!iso3(f[3]))
        return "country is not an ISO 3166 alpha-3 code";
    if (!parse_degrees(f[4], 90, &pl->lat))
        return "bad latitude";
    if (!parse_degrees(f[5], 180, &pl->lon))
        return "bad longitude";
    pl->name = f[0];
    pl->alt = f[1];
    pl->country = f[3];
    return NULL;
}

/* The name as the text stage tokenizes it, tokens joined by one space. */
static char *token_key(tac_text_ctx *ctx, tac_arena *a, const char *name)
{
    const tac_text *t;
    tac_error err;
    if (tac_text_analyze(ctx, name, strlen(name), 0, &t, &err) != TAC_OK)
        return NULL;
    tac_buf b;
    tac_buf_init(&b);
    size_t count = 0;
    for (uint32_t s = 0; s < t->n_sentences; s++) {
        const tac_sentence *se = &t->sentences[s];
        for (uint32_t k = 0; k < se->n_tokens; k++) {
            const char *form = se->tokens[k].form;
            /* "D.C." at the end gets an extra "." token of its own */
            bool last = s + 1 == t->n_sentences && k + 1 == se->n_tokens;
            if (last && strcmp(form, ".") == 0 && k > 0)
                break;
            if (count++)
                tac_buf_putc(&b, ' ');
            tac_buf_puts(&b, form);
        }
    }
    char *key = count && count <= DOC_MAX_NAME_TOKENS && b.data
              ? tac_arena_strdup(a, b.data) : NULL;
    tac_buf_free(&b);
    return key;
}

static char *folded(tac_arena *a, const char *s)
{
    char *f = tac_arena_strdup(a, s);
    for (char *p = f; p && *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return f;
}

static void index_name(tac_gazetteer *g, tac_text_ctx *ctx, const char *name, size_t len,
                       uint32_t place)
{
    char *copy = tac_arena_strndup(&g->arena, name, len);
    if (!copy || !*copy)
        return;
    index_add(&g->exact, copy, place);
    char *f = folded(&g->arena, copy);
    if (f)
        index_add(&g->folded, f, place);
    char *key = token_key(ctx, &g->arena, copy);
    if (key)
        index_add(&g->tokens, key, place);
}

static bool build_indexes(tac_gazetteer *g)
{
    size_t names = 0;
    for (size_t i = 0; i < g->n_places; i++) {
        names++;
        for (const char *p = g->places[i].alt; *p; p++)
            names += *p == '|';
        names += g->places[i].alt[0] != '\0';
    }
    if (!index_init(&g->exact, names) || !index_init(&g->folded, names) ||
        !index_init(&g->tokens, names))
        return false;
    tac_text_ctx *ctx = tac_text_ctx_new();
    if (!ctx)
        return false;
    for (size_t i = 0; i < g->n_places; i++) {
        const tac_place *pl = &g->places[i];
        index_name(g, ctx, pl->name, strlen(pl->name), (uint32_t)i);
        for (const char *p = pl->alt; *p;) {
            const char *bar = strchr(p, '|');
            size_t len = bar ? (size_t)(bar - p) : strlen(p);
            index_name(g, ctx, p, len, (uint32_t)i);
            p += len + (bar != NULL);
        }
    }
    tac_text_ctx_free(ctx);
    return true;
}

static tac_gazetteer *parse_tsv(char *text, const char *where, const tac_diag *diag,
                                size_t *skipped, tac_error *err)
{
    tac_gazetteer *g = calloc(1, sizeof *g);
    size_t lines = 1;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    if (!g || !(g->places = calloc(lines, sizeof *g->places))) {
        free(g);
        free(text);
        tac_fail(err, TAC_ENOMEM, "%s: out of memory", where);
        return NULL;
    }
    g->text = text;
    tac_arena_init(&g->arena, 64 * 1024);
    size_t bad = 0;
    long lineno = 0;
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        size_t len = strlen(line);
        if (len && line[len - 1] == '\r')
            line[len - 1] = '\0';
        bool skip = !line[0] || line[0] == '#' || (lineno == 1 && strncmp(line, "name\t", 5) == 0);
        if (!skip) {
            const char *why = parse_row(line, &g->places[g->n_places]);
            if (why) {
                char at[300];
                snprintf(at, sizeof at, "%s:%ld", where, lineno);
                tac_diag_emit(diag, TAC_WARNING, at, "gazetteer row skipped: %s", why);
                bad++;
            } else {
                g->n_places++;
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    if (skipped)
        *skipped = bad;
    if (!build_indexes(g)) {
        tac_gazetteer_free(g);
        tac_fail(err, TAC_ENOMEM, "%s: out of memory", where);
        return NULL;
    }
    return g;
}

tac_gazetteer *tac_gazetteer_load(const char *path, const tac_diag *diag, size_t *skipped,
                                  tac_error *err)
{
    char *text;
    if (path) {
        if (tac_read_file(path, &text, NULL, err) != TAC_OK)
            return NULL;
    } else {
        text = malloc(doc_gazetteer_tsv_len + 1);
        if (!text) {
            tac_fail(err, TAC_ENOMEM, "gazetteer: out of memory");
            return NULL;
        }
        memcpy(text, doc_gazetteer_tsv, doc_gazetteer_tsv_len);
        text[doc_gazetteer_tsv_len] = '\0';
    }
    return parse_tsv(text, path ? path : "data/gazetteer.tsv", diag, skipped, err);
}

void tac_gazetteer_free(tac_gazetteer *g)
{
    if (!g)
        return;
    free(g->exact.slots);
    free(g->folded.slots);
    free(g->tokens.slots);
    tac_arena_free(&g->arena);
    free(g->places);
    free(g->text);
    free(g);
}

size_t tac_gazetteer_count(const tac_gazetteer *g)
{
    return g ? g->n_places : 0;
}

const tac_place *tac_gazetteer_at(const tac_gazetteer *g, size_t i)
{
    return g && i < g->n_places ? &g->places[i] : NULL;
}

const tac_place *tac_gazetteer_lookup(const tac_gazetteer *g, const char *name)
{
    if (!g || !name)
        return NULL;
    const name_slot *s = index_find(&g->exact, name, strlen(name));
    if (!s) {
        char buf[256];
        size_t n = strlen(name);
        if (n >= sizeof buf)
            return NULL;
        for (size_t i = 0; i <= n; i++)
            buf[i] = (char)tolower((unsigned char)name[i]);
        s = index_find(&g->folded, buf, n);
    }
    return s ? &g->places[s->place] : NULL;
}

size_t tac_gazetteer_match(const tac_gazetteer *g, const char *const *forms, size_t n,
                           size_t i, const tac_place **out)
{
    if (!g || !forms || i >= n || !forms[i])
        return 0;
    /* Names are capitalised ("Gaza City"); a lower-case word starts none. */
    if (!isupper((unsigned char)forms[i][0]) && (unsigned char)forms[i][0] < 0x80)
        return 0;
    char key[512];
    size_t ends[DOC_MAX_NAME_TOKENS];
    size_t len = 0, k = 0;
    for (; k < DOC_MAX_NAME_TOKENS && i + k < n && forms[i + k]; k++) {
        size_t w = strlen(forms[i + k]);
        if (len + w + 2 > sizeof key)
            break;
        if (k)
            key[len++] = ' ';
        memcpy(key + len, forms[i + k], w);
        len += w;
        ends[k] = len;
    }
    for (; k > 0; k--) {
        const name_slot *s = index_find(&g->tokens, key, ends[k - 1]);
        if (s) {
            if (out)
                *out = &g->places[s->place];
            return k;
        }
    }
    return 0;
}

const char *tac_place_kind_name(tac_place_kind k)
{
    switch (k) {
    case TAC_PLACE_COUNTRY: return "country";
    case TAC_PLACE_CAPITAL: return "capital";
    case TAC_PLACE_CITY:    return "city";
    case TAC_PLACE_REGION:  return "region";
    }
    return "";
}
