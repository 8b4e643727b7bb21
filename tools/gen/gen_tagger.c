/* gen_tagger: builds the tagger model (models/tagger.bin) at build time from
 * the statistics shipped by Debian's liblingua-en-tagger-perl:
 *
 *   words.yml  word -> {tag: count}   (case-sensitive lexicon)
 *   tags.yml   tag  -> {next tag: P(next | tag)}
 *
 * The model holds log emission probabilities P(word | tag), smoothed log
 * transition probabilities, and an unknown-word model: P(tag | shape,
 * suffix) estimated from the rare words of the lexicon (rare words behave
 * like unseen ones), after Brants' TnT. Each suffix key also records how
 * many distinct words it was seen with, which the tagger uses to weigh it
 * against shorter suffixes.
 *
 * usage: gen_tagger WORDS.yml TAGS.yml OUT.bin */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag/tag.h"
#include "util/util.h"

/* Words seen at most this often train the unknown-word model. */
#define RARE_COUNT 10
/* Weight of the bigram estimate against the unigram in transitions. */
#define TRANS_LAMBDA 0.995

typedef struct word_rec {
    char  *key;
    double count[TAG_COUNT];
} word_rec;

typedef struct suffix_table {
    char    **keys;
    double  (*count)[TAG_COUNT];
    double   *types;     /* number of distinct words behind each key */
    uint32_t *slots;     /* index + 1 */
    size_t    n, cap, n_slots;
} suffix_table;

static void die(const char *fmt, const char *arg)
{
    fprintf(stderr, "gen_tagger: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n");
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p)
        die("%s", "out of memory");
    return p;
}

/* Lingua::EN::Tagger's tag names -> Penn Treebank. */
static int lingua_tag(const char *t)
{
    static const char *const special[][2] = {
        {"det", "DT"}, {"lrb", "-LRB-"}, {"rrb", "-RRB-"}, {"pp", "."},
        {"ppc", ","}, {"ppd", "$"}, {"ppl", "``"}, {"ppr", "''"},
        {"pps", ":"}, {"prps", "PRP$"}, {"wps", "WP$"},
    };
    for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
        if (strcmp(t, special[i][0]) == 0)
            return tac_tag_from_name(special[i][1]);
    char up[16];
    size_t n = strlen(t);
    if (n >= sizeof up)
        return -1;
    for (size_t i = 0; i <= n; i++)
        up[i] = (char)(t[i] >= 'a' && t[i] <= 'z' ? t[i] - 'a' + 'A' : t[i]);
    return tac_tag_from_name(up);
}

/* Parses "{ tag: number, tag: number }" at p, calling add for each pair. */
static void parse_counts(const char *p, const char *where, double out[TAG_COUNT])
{
    p = strchr(p, '{');
    if (!p)
        die("%s: expected '{'", where);
    p++;
    for (;;) {
        while (*p == ' ' || *p == ',')
            p++;
        if (*p == '}' || *p == '\0' || *p == '\n')
            break;
        char tag[16];
        size_t n = 0;
        while (*p && *p != ':' && n + 1 < sizeof tag)
            tag[n++] = *p++;
        tag[n] = '\0';
        if (*p != ':')
            die("%s: bad tag entry", where);
        p++;
        char *end;
        double v = strtod(p, &end);
        if (end == p)
            die("%s: bad number", where);
        p = end;
        int t = lingua_tag(tag);
        if (t < 0)
            die("%s: unknown tag", where);
        out[t] += v;
    }
}

/* Splits a YAML line `"key": { ... }` or `key: { ... }`; returns the key
 * (NUL-terminated in place) and sets *rest to the text after it. */
static char *split_key(char *line, char **rest)
{
    if (line[0] == '"') {
        char *q = strchr(line + 1, '"');
        if (!q)
            return NULL;
        *q = '\0';
        *rest = q + 1;
        return line + 1;
    }
    char *q = strstr(line, ": {");
    if (!q)
        return NULL;
    *q = '\0';
    *rest = q + 1;
    return line;
}

/* A regular verb's -ed form is both past tense and participle, but a corpus
 * lexicon often saw only one of them ("arrested": VBN only): give the
 * unseen reading a small share so that context can choose it. */
#define ED_SHARE 0.2

static void complete_ed_forms(word_rec *w)
{
    size_t n = strlen(w->key);
    if (n < 4 || strcmp(w->key + n - 2, "ed") != 0)
        return;
    double *d = &w->count[TAG_VBD], *p = &w->count[TAG_VBN];
    if (*d > 0 && *p == 0)
        *p = *d * ED_SHARE > 1 ? *d * ED_SHARE : 1;
    else if (*p > 0 && *d == 0)
        *d = *p * ED_SHARE > 1 ? *p * ED_SHARE : 1;
}

static word_rec *read_words(const char *path, size_t *n_out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open %s (install liblingua-en-tagger-perl)", path);
    word_rec *words = NULL;
    size_t n = 0, cap = 0;
    char line[4096], where[4200];
    long lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        if (strncmp(line, "---", 3) == 0 || line[0] == '\n')
            continue;
        snprintf(where, sizeof where, "%s:%ld", path, lineno);
        char *rest;
        char *key = split_key(line, &rest);
        if (!key || !*key)
            die("%s: bad line", where);
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            words = xrealloc(words, cap * sizeof *words);
        }
        word_rec *w = &words[n++];
        memset(w, 0, sizeof *w);
        w->key = strdup(key);
        parse_counts(rest, where, w->count);
        complete_ed_forms(w);
    }
    fclose(f);
    *n_out = n;
    return words;
}

static void read_transitions(const char *path, double trans[TAG_COUNT][TAG_COUNT])
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open %s (install liblingua-en-tagger-perl)", path);
    char line[16384], where[4200];
    long lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        if (strncmp(line, "---", 3) == 0 || line[0] == '\n')
            continue;
        snprintf(where, sizeof where, "%s:%ld", path, lineno);
        char *rest;
        char *key = split_key(line, &rest);
        int t = key ? lingua_tag(key) : -1;
        if (t < 0)
            die("%s: bad tag row", where);
        parse_counts(rest, where, trans[t]);
    }
    fclose(f);
}

static double total(const double *v)
{
    double s = 0;
    for (int t = 0; t < TAG_COUNT; t++)
        s += v[t];
    return s;
}

static size_t pow2_at_least(size_t n)
{
    size_t s = 1;
    while (s < n)
        s <<= 1;
    return s;
}

static double *suffix_counts(suffix_table *st, const char *key, size_t len, size_t *idx)
{
    if (st->n * 2 >= st->n_slots) {
        size_t ns = st->n_slots ? st->n_slots * 2 : 1 << 16;
        uint32_t *slots = calloc(ns, sizeof *slots);
        if (!slots)
            die("%s", "out of memory");
        for (size_t i = 0; i < st->n; i++) {
            size_t s = tac_tag_hash(st->keys[i], strlen(st->keys[i])) & (ns - 1);
            while (slots[s])
                s = (s + 1) & (ns - 1);
            slots[s] = (uint32_t)(i + 1);
        }
        free(st->slots);
        st->slots = slots;
        st->n_slots = ns;
    }
    size_t s = tac_tag_hash(key, len) & (st->n_slots - 1);
    while (st->slots[s]) {
        uint32_t i = st->slots[s] - 1;
        if (strcmp(st->keys[i], key) == 0) {
            *idx = i;
            return st->count[i];
        }
        s = (s + 1) & (st->n_slots - 1);
    }
    if (st->n == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 4096;
        st->keys = xrealloc(st->keys, st->cap * sizeof *st->keys);
        st->count = xrealloc(st->count, st->cap * sizeof *st->count);
        st->types = xrealloc(st->types, st->cap * sizeof *st->types);
    }
    st->types[st->n] = 0;
    *idx = st->n;
    st->keys[st->n] = strdup(key);
    memset(st->count[st->n], 0, sizeof st->count[st->n]);
    st->slots[s] = (uint32_t)(st->n + 1);
    return st->count[st->n++];
}

static void train_suffixes(suffix_table *st, const word_rec *words, size_t n)
{
    char key[TAC_SUFFIX_MAX + 2];
    for (size_t i = 0; i < n; i++) {
        double c = total(words[i].count);
        if (c > RARE_COUNT)
            continue;
        const char *w = words[i].key;
        size_t len = strlen(w);
        int shape = tac_tag_shape(w, len);
        for (size_t l = 0; l <= TAC_SUFFIX_MAX && l <= len; l++) {
            size_t kl = tac_tag_suffix_key(key, shape, w, len, l);
            size_t idx;
            double *cnt = suffix_counts(st, key, kl, &idx);
            for (int t = 0; t < TAG_COUNT; t++)
                cnt[t] += words[i].count[t];
            st->types[idx]++;
        }
    }
}

/* ---- output ------------------------------------------------------------- */

typedef struct out_table {
    tac_tag_entry *entries;
    uint32_t      *slots;
    size_t         n, n_slots;
} out_table;

static void append(tac_buf *b, const void *p, size_t n)
{
    if (!tac_buf_append(b, p, n))
        die("%s", "out of memory");
}

static uint32_t add_string(tac_buf *strings, const char *s)
{
    uint32_t off = (uint32_t)strings->len;
    append(strings, s, strlen(s) + 1);
    return off;
}

static void table_init(out_table *t, size_t n)
{
    t->entries = calloc(n ? n : 1, sizeof *t->entries);
    t->n_slots = pow2_at_least(n * 2 + 1);
    t->slots = calloc(t->n_slots, sizeof *t->slots);
    t->n = 0;
    if (!t->entries || !t->slots)
        die("%s", "out of memory");
}

static void table_add(out_table *t, tac_buf *strings, const char *key, uint32_t emit,
                      uint16_t n_emit, float weight)
{
    tac_tag_entry *e = &t->entries[t->n];
    e->key = add_string(strings, key);
    e->hash = tac_tag_hash(key, strlen(key));
    e->emit = emit;
    e->n_emit = n_emit;
    e->weight = weight;
    size_t s = e->hash & (t->n_slots - 1);
    while (t->slots[s])
        s = (s + 1) & (t->n_slots - 1);
    t->slots[s] = (uint32_t)(++t->n);
}

static void add_emits(tac_buf *emits, const double *count, const double *denom,
                      bool conditional, uint32_t *first, uint16_t *n_emit)
{
    double sum = total(count);
    *first = (uint32_t)(emits->len / sizeof(tac_tag_emit));
    *n_emit = 0;
    for (int t = 0; t < TAG_COUNT; t++) {
        if (count[t] <= 0)
            continue;
        tac_tag_emit e = { (uint32_t)t,
            (float)log(conditional ? count[t] / sum : count[t] / denom[t]) };
        append(emits, &e, sizeof e);
        (*n_emit)++;
    }
}

static uint32_t place(tac_buf *file, const void *p, size_t n)
{
    while (file->len % 8)
        append(file, "", 1);
    uint32_t off = (uint32_t)file->len;
    append(file, p, n);
    return off;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: gen_tagger WORDS.yml TAGS.yml OUT.bin\n");
        return 2;
    }
    size_t n_words;
    word_rec *words = read_words(argv[1], &n_words);
    static double trans_p[TAG_COUNT][TAG_COUNT];
    read_transitions(argv[2], trans_p);

    double tag_count[TAG_COUNT] = {0};
    for (size_t i = 0; i < n_words; i++)
        for (int t = 0; t < TAG_COUNT; t++)
            tag_count[t] += words[i].count[t];
    double all = total(tag_count);

    float unigram[TAG_COUNT], start[TAG_COUNT];
    static float trans[TAG_COUNT][TAG_COUNT];
    double puni[TAG_COUNT];
    for (int t = 0; t < TAG_COUNT; t++) {
        puni[t] = (tag_count[t] + 0.5) / (all + 0.5 * TAG_COUNT);
        unigram[t] = (float)log(puni[t]);
    }
    for (int p = 0; p < TAG_COUNT; p++) {
        double rowsum = total(trans_p[p]);
        for (int t = 0; t < TAG_COUNT; t++) {
            double bi = rowsum > 0 ? trans_p[p][t] / rowsum : puni[t];
            trans[p][t] = (float)log(TRANS_LAMBDA * bi + (1 - TRANS_LAMBDA) * puni[t]);
        }
    }
    /* A sentence starts where the previous one ended: after a period. */
    memcpy(start, trans[TAG_PERIOD], sizeof start);

    suffix_table st = {0};
    train_suffixes(&st, words, n_words);

    tac_buf strings, emits;
    tac_buf_init(&strings);
    tac_buf_init(&emits);
    append(&strings, "", 1);   /* offset 0: the empty string */

    out_table wt, sxt;
    table_init(&wt, n_words);
    for (size_t i = 0; i < n_words; i++) {
        uint32_t first;
        uint16_t ne;
        add_emits(&emits, words[i].count, tag_count, false, &first, &ne);
        table_add(&wt, &strings, words[i].key, first, ne, (float)total(words[i].count));
    }
    table_init(&sxt, st.n);
    for (size_t i = 0; i < st.n; i++) {
        uint32_t first;
        uint16_t ne;
        add_emits(&emits, st.count[i], NULL, true, &first, &ne);
        table_add(&sxt, &strings, st.keys[i], first, ne, (float)st.types[i]);
    }

    char tag_names[TAG_COUNT][8];
    memset(tag_names, 0, sizeof tag_names);
    for (int t = 0; t < TAG_COUNT; t++)
        strncpy(tag_names[t], tac_tag_name(t), 7);

    tac_tagger_header h;
    memset(&h, 0, sizeof h);
    tac_buf file;
    tac_buf_init(&file);
    append(&file, &h, sizeof h);
    h.off_tag_names = place(&file, tag_names, sizeof tag_names);
    h.off_trans = place(&file, trans, sizeof trans);
    h.off_start = place(&file, start, sizeof start);
    h.off_unigram = place(&file, unigram, sizeof unigram);
    h.off_words = place(&file, wt.entries, wt.n * sizeof *wt.entries);
    h.off_word_slots = place(&file, wt.slots, wt.n_slots * sizeof *wt.slots);
    h.off_suffixes = place(&file, sxt.entries, sxt.n * sizeof *sxt.entries);
    h.off_suffix_slots = place(&file, sxt.slots, sxt.n_slots * sizeof *sxt.slots);
    h.off_emits = place(&file, emits.data, emits.len);
    h.off_strings = place(&file, strings.data, strings.len);

    memcpy(h.magic, TAC_TAGGER_MAGIC, 8);
    h.bom = TAC_MODEL_BOM;
    h.version = TAC_TAGGER_VERSION;
    h.n_tags = TAG_COUNT;
    h.n_words = (uint32_t)wt.n;
    h.word_slots = (uint32_t)wt.n_slots;
    h.n_suffixes = (uint32_t)sxt.n;
    h.suffix_slots = (uint32_t)sxt.n_slots;
    h.n_emits = (uint32_t)(emits.len / sizeof(tac_tag_emit));
    h.strings_size = (uint32_t)strings.len;
    h.file_size = (uint32_t)file.len;
    memcpy(file.data, &h, sizeof h);

    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[3]);
    FILE *out = fopen(tmp, "wb");
    if (!out || fwrite(file.data, 1, file.len, out) != file.len || fclose(out) != 0)
        die("cannot write %s", tmp);
    if (rename(tmp, argv[3]) != 0)
        die("cannot rename to %s", argv[3]);
    printf("gen_tagger: %zu words, %zu suffix keys, %zu bytes -> %s\n",
           wt.n, sxt.n, file.len, argv[3]);
    return 0;
}
