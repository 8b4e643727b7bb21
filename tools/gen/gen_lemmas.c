/* gen_lemmas: builds the lemmatizer model (models/lemmas.bin) at build time
 * from Debian's wordnet-base: the lemma lists index.{noun,verb,adj,adv} and
 * the irregular-form lists {noun,verb,adj,adv}.exc. Multi-word lemmas
 * (with '_') are left out: tokens are single words.
 *
 * usage: gen_lemmas WORDNET_DIR OUT.bin */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag/tag.h"
#include "util/util.h"

typedef struct table {
    tac_lemma_entry *entries;
    uint32_t        *slots;
    size_t           n, cap, n_slots;
    tac_buf          strings;
} table;

static void die(const char *fmt, const char *arg)
{
    fprintf(stderr, "gen_lemmas: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n");
    exit(1);
}

static void append(tac_buf *b, const void *p, size_t n)
{
    if (!tac_buf_append(b, p, n))
        die("%s", "out of memory");
}

static uint32_t add_string(table *t, const char *s)
{
    uint32_t off = (uint32_t)t->strings.len;
    append(&t->strings, s, strlen(s) + 1);
    return off;
}

static void rehash(table *t)
{
    size_t ns = t->n_slots ? t->n_slots * 2 : 1 << 18;
    uint32_t *slots = calloc(ns, sizeof *slots);
    if (!slots)
        die("%s", "out of memory");
    for (size_t i = 0; i < t->n; i++) {
        size_t s = t->entries[i].hash & (ns - 1);
        while (slots[s])
            s = (s + 1) & (ns - 1);
        slots[s] = (uint32_t)(i + 1);
    }
    free(t->slots);
    t->slots = slots;
    t->n_slots = ns;
}

/* Adds key -> value unless the key is present (the first base wins). */
static void add(table *t, const char *key, const char *value)
{
    if (t->n * 2 >= t->n_slots)
        rehash(t);
    uint32_t h = tac_tag_hash(key, strlen(key));
    size_t s = h & (t->n_slots - 1);
    while (t->slots[s]) {
        const tac_lemma_entry *e = &t->entries[t->slots[s] - 1];
        if (e->hash == h && strcmp(t->strings.data + e->key, key) == 0)
            return;
        s = (s + 1) & (t->n_slots - 1);
    }
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 65536;
        t->entries = realloc(t->entries, t->cap * sizeof *t->entries);
        if (!t->entries)
            die("%s", "out of memory");
    }
    tac_lemma_entry *e = &t->entries[t->n];
    e->key = add_string(t, key);
    e->hash = h;
    e->value = value ? add_string(t, value) : 0;
    t->slots[s] = (uint32_t)(++t->n);
}

static FILE *open_in(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open %s (install wordnet-base)", path);
    return f;
}

/* index.POS: "lemma pos synset_cnt ..."; licence lines start with spaces. */
static void read_index(table *t, const char *dir, const char *name, char kind)
{
    FILE *f = open_in(dir, name);
    char line[65536], key[512];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == ' ' || line[0] == '\n')
            continue;
        char *sp = strchr(line, ' ');
        if (!sp)
            continue;
        *sp = '\0';
        if (strchr(line, '_') || strlen(line) + 2 > sizeof key)
            continue;
        key[0] = kind;
        strcpy(key + 1, line);
        add(t, key, NULL);
    }
    fclose(f);
}

/* POS.exc: "inflected base [base...]". */
static void read_exceptions(table *t, const char *dir, const char *name, char kind)
{
    FILE *f = open_in(dir, name);
    char line[4096], key[512];
    while (fgets(line, sizeof line, f)) {
        char *form = strtok(line, " \n");
        char *base = strtok(NULL, " \n");
        if (!form || !base || strchr(form, '_') || strlen(form) + 2 > sizeof key)
            continue;
        key[0] = kind;
        strcpy(key + 1, form);
        add(t, key, base);
    }
    fclose(f);
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
    if (argc != 3) {
        fprintf(stderr, "usage: gen_lemmas WORDNET_DIR OUT.bin\n");
        return 2;
    }
    const char *dir = argv[1];
    table t = {0};
    tac_buf_init(&t.strings);
    append(&t.strings, "", 1);   /* offset 0 means "no value" */
    static const struct { const char *pos; char kind; } parts[] = {
        {"noun", 'n'}, {"verb", 'v'}, {"adj", 'a'}, {"adv", 'r'},
    };
    for (size_t i = 0; i < 4; i++) {
        char name[32];
        snprintf(name, sizeof name, "index.%s", parts[i].pos);
        read_index(&t, dir, name, parts[i].kind);
        snprintf(name, sizeof name, "%s.exc", parts[i].pos);
        read_exceptions(&t, dir, name, (char)(parts[i].kind - 'a' + 'A'));
    }

    tac_lemmas_header h;
    memset(&h, 0, sizeof h);
    tac_buf file;
    tac_buf_init(&file);
    append(&file, &h, sizeof h);
    h.off_entries = place(&file, t.entries, t.n * sizeof *t.entries);
    h.off_slots = place(&file, t.slots, t.n_slots * sizeof *t.slots);
    h.off_strings = place(&file, t.strings.data, t.strings.len);
    memcpy(h.magic, TAC_LEMMAS_MAGIC, 8);
    h.bom = TAC_MODEL_BOM;
    h.version = TAC_LEMMAS_VERSION;
    h.n_entries = (uint32_t)t.n;
    h.slots = (uint32_t)t.n_slots;
    h.strings_size = (uint32_t)t.strings.len;
    h.file_size = (uint32_t)file.len;
    memcpy(file.data, &h, sizeof h);

    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
    FILE *out = fopen(tmp, "wb");
    if (!out || fwrite(file.data, 1, file.len, out) != file.len || fclose(out) != 0)
        die("cannot write %s", tmp);
    if (rename(tmp, argv[2]) != 0)
        die("cannot rename to %s", argv[2]);
    printf("gen_lemmas: %zu entries, %zu bytes -> %s\n", t.n, file.len, argv[2]);
    return 0;
}
