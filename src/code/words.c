/* Interned words, the u64 -> u32 hash map and tries over word ids. All of
 * these are built while dictionaries load and only read afterwards, so any
 * number of coders may share them. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "code/code.h"

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

static bool map_grow(tac_map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    uint64_t *keys = calloc(cap, sizeof *keys);
    uint32_t *vals = malloc(cap * sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return false;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = mix64(m->keys[i]) & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    return true;
}

bool tac_map_put(tac_map *m, uint64_t key, uint32_t val)
{
    if ((m->len + 1) * 4 > m->cap * 3 && !map_grow(m))
        return false;
    uint64_t k = key + 1;
    size_t j = mix64(k) & (m->cap - 1);
    while (m->keys[j] && m->keys[j] != k)
        j = (j + 1) & (m->cap - 1);
    if (!m->keys[j]) {
        m->keys[j] = k;
        m->len++;
    }
    m->vals[j] = val;
    return true;
}

bool tac_map_get(const tac_map *m, uint64_t key, uint32_t *val)
{
    if (!m->cap)
        return false;
    uint64_t k = key + 1;
    size_t j = mix64(k) & (m->cap - 1);
    while (m->keys[j]) {
        if (m->keys[j] == k) {
            *val = m->vals[j];
            return true;
        }
        j = (j + 1) & (m->cap - 1);
    }
    return false;
}

void tac_map_free(tac_map *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ---- words ------------------------------------------------------------ */

tac_wid tac_words_find(const tac_words *w, const char *s, size_t n)
{
    uint32_t id;
    if (!tac_map_get(&w->index, tac_hash_bytes(s, n), &id))
        return TAC_WID_NONE;
    for (; id; id = w->next[id]) {
        const char *t = w->text[id];
        if (strncmp(t, s, n) == 0 && t[n] == '\0')
            return id;
    }
    return TAC_WID_NONE;
}

tac_wid tac_words_intern(tac_words *w, const char *s, size_t n)
{
    tac_wid found = tac_words_find(w, s, n);
    if (found)
        return found;
    if (w->len + 1 >= w->cap) {
        uint32_t cap = w->cap ? w->cap * 2 : 1024;
        char **text = realloc(w->text, cap * sizeof *text);
        if (!text)
            return TAC_WID_NONE;
        w->text = text;
        uint32_t *next = realloc(w->next, cap * sizeof *next);
        if (!next)
            return TAC_WID_NONE;
        w->next = next;
        if (w->cap == 0) {      /* id 0 is reserved */
            w->text[0] = "";
            w->next[0] = 0;
            w->len = 1;
        }
        w->cap = cap;
    }
    char *copy = tac_arena_strndup(w->pool, s, n);
    if (!copy)
        return TAC_WID_NONE;
    uint32_t id = w->len++;
    uint64_t h = tac_hash_bytes(s, n);
    uint32_t head = 0;
    tac_map_get(&w->index, h, &head);
    w->text[id] = copy;
    w->next[id] = head;
    if (!tac_map_put(&w->index, h, id))
        return TAC_WID_NONE;
    return id;
}

/* ---- tries ------------------------------------------------------------ */

bool tac_trie_init(tac_trie *t)
{
    memset(t, 0, sizeof *t);
    t->cap_nodes = 256;
    t->entry = malloc(t->cap_nodes * sizeof *t->entry);
    t->gap_from = calloc(t->cap_nodes, 1);
    if (!t->entry || !t->gap_from)
        return false;
    t->entry[0] = -1;
    t->n_nodes = 1;
    return true;
}

uint32_t tac_trie_add_gapped(tac_trie *t, const tac_wid *words, size_t n, uint64_t gaps)
{
    uint32_t node = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t child;
        bool gap = i > 0 && i < 64 && (gaps >> i & 1);
        tac_map *edges = gap ? &t->gap_edges : &t->edges;
        uint64_t key = ((uint64_t)node << 32) | words[i];
        if (tac_map_get(edges, key, &child)) {
            node = child;
            continue;
        }
        if (t->n_nodes == t->cap_nodes) {
            uint32_t cap = t->cap_nodes * 2;
            int32_t *e = realloc(t->entry, cap * sizeof *e);
            if (!e)
                return UINT32_MAX;
            t->entry = e;
            uint8_t *g = realloc(t->gap_from, cap);
            if (!g)
                return UINT32_MAX;
            memset(g + t->cap_nodes, 0, cap - t->cap_nodes);
            t->gap_from = g;
            t->cap_nodes = cap;
        }
        child = t->n_nodes++;
        t->entry[child] = -1;
        if (!tac_map_put(edges, key, child))
            return UINT32_MAX;
        if (gap)
            t->gap_from[node] = 1;
        node = child;
    }
    return node;
}

uint32_t tac_trie_add(tac_trie *t, const tac_wid *words, size_t n)
{
    return tac_trie_add_gapped(t, words, n, 0);
}

void tac_trie_free(tac_trie *t)
{
    free(t->entry);
    free(t->gap_from);
    tac_map_free(&t->edges);
    tac_map_free(&t->gap_edges);
    memset(t, 0, sizeof *t);
}

/* ---- small helpers ---------------------------------------------------- */

size_t tac_code_upper(const char *s, size_t n, char *buf, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++)
        buf[k++] = (char)toupper((unsigned char)s[i]);
    buf[k] = '\0';
    return k;
}

int32_t tac_code_parse_date(const char *s)
{
    int digits[8];
    int n = 0;
    if (!s)
        return -1;
    for (const char *p = s; *p; p++) {
        if (isdigit((unsigned char)*p)) {
            if (n == 8)
                return -1;
            digits[n++] = *p - '0';
        } else if (*p != '-' && *p != ' ') {
            return -1;
        }
    }
    int32_t v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + digits[i];
    if (n == 6) {                /* YYMMDD: TABARI's two-digit years */
        int yy = v / 10000;
        v += (yy < 30 ? 20000000 : 19000000);
    } else if (n != 8) {
        return -1;
    }
    int month = (v / 100) % 100, day = v % 100;
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return -1;
    return v;
}
