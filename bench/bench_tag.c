/* bench_tag: accuracy and speed of the part-of-speech tagger.
 *
 * For every <Parse> of the PETRARCH files (gold Penn Treebank trees) the
 * leaves "(TAG word)" are extracted, the words are tagged as one sentence
 * and the tags compared with the gold ones. Gold AUX tags (AUXD, AUXZ, ...,
 * an older convention for auxiliaries found in these files) are mapped to
 * the corresponding VB tag (AUXD -> VBD, AUXB -> VB).
 *
 * usage: bench_tag [--errors] [--min PCT] [FILE.xml...]
 *   default files: $TAC_SHARED_DIR/testdata/petrarch/{PETR.UnitTest.records,
 *   GigaWord.sample.PETR}.xml. Exits 1 if a file scores below --min
 *   (default 96). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tacitus.h"
#include "util/util.h"

typedef struct sentence {
    const char **words;
    const char **gold;
    size_t       n;
} sentence;

typedef struct corpus {
    const char *name;
    sentence   *sents;
    size_t      n, cap;
    size_t      tokens;
} corpus;

typedef struct confusion {
    char   gold[8], pred[8];
    long   count;
} confusion;

static void decode_entities(char *s)
{
    static const char *const ent[][2] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"},
    };
    char *out = s;
    while (*s) {
        size_t i;
        for (i = 0; i < 5; i++) {
            size_t n = strlen(ent[i][0]);
            if (strncmp(s, ent[i][0], n) == 0) {
                *out++ = ent[i][1][0];
                s += n;
                break;
            }
        }
        if (i == 5)
            *out++ = *s++;
    }
    *out = '\0';
}

/* AUXD -> VBD, AUXB -> VB, AUX -> VB; everything else unchanged. */
static const char *gold_tag(tac_arena *a, const char *t)
{
    if (strncmp(t, "AUX", 3) != 0)
        return t;
    return tac_arena_printf(a, "VB%s", t[3] == 'B' ? "" : t + 3);
}

static bool leaf_char(char c)
{
    return c && c != '(' && c != ')' && c != ' ' && c != '\t' && c != '\n' && c != '\r';
}

/* Extracts the "(TAG word)" leaves of one parse. */
static void read_leaves(corpus *c, tac_arena *a, const char *p, const char *end)
{
    size_t cap = 64, n = 0;
    const char **words = malloc(cap * sizeof *words), **gold = malloc(cap * sizeof *gold);
    for (; p < end; p++) {
        if (*p != '(')
            continue;
        const char *t = p + 1, *te = t;
        while (te < end && leaf_char(*te))
            te++;
        if (te == t || te >= end || (*te != ' ' && *te != '\n'))
            continue;
        const char *w = te;
        while (w < end && (*w == ' ' || *w == '\n'))
            w++;
        const char *we = w;
        while (we < end && leaf_char(*we))
            we++;
        const char *close = we;
        while (close < end && (*close == ' ' || *close == '\n'))
            close++;
        if (we == w || close >= end || *close != ')')
            continue;
        if (n == cap) {
            cap *= 2;
            words = realloc(words, cap * sizeof *words);
            gold = realloc(gold, cap * sizeof *gold);
        }
        char *word = tac_arena_strndup(a, w, (size_t)(we - w));
        decode_entities(word);
        words[n] = word;
        gold[n++] = gold_tag(a, tac_arena_strndup(a, t, (size_t)(te - t)));
        p = close;
    }
    if (n == 0) {
        free(words);
        free(gold);
        return;
    }
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 256;
        c->sents = realloc(c->sents, c->cap * sizeof *c->sents);
    }
    c->sents[c->n++] = (sentence){ words, gold, n };
    c->tokens += n;
}

static bool read_corpus(corpus *c, tac_arena *a, const char *path)
{
    char *text;
    size_t len;
    tac_error err;
    if (tac_read_file(path, &text, &len, &err) != TAC_OK) {
        fprintf(stderr, "bench_tag: %s\n", err.msg);
        return false;
    }
    const char *p = text;
    while ((p = strstr(p, "<Parse>")) != NULL) {
        p += 7;
        const char *end = strstr(p, "</Parse>");
        if (!end)
            break;
        read_leaves(c, a, p, end);
        p = end;
    }
    free(text);
    const char *slash = strrchr(path, '/');
    c->name = slash ? slash + 1 : path;
    return true;
}

static void count_confusion(confusion *conf, size_t *n_conf, const char *g, const char *p)
{
    for (size_t i = 0; i < *n_conf; i++)
        if (!strcmp(conf[i].gold, g) && !strcmp(conf[i].pred, p)) {
            conf[i].count++;
            return;
        }
    if (*n_conf < 512) {
        confusion *c = &conf[(*n_conf)++];
        snprintf(c->gold, sizeof c->gold, "%s", g);
        snprintf(c->pred, sizeof c->pred, "%s", p);
        c->count = 1;
    }
}

static int by_count(const void *a, const void *b)
{
    long d = ((const confusion *)b)->count - ((const confusion *)a)->count;
    return d > 0 ? 1 : d < 0 ? -1 : 0;
}

static double evaluate(const tac_tagger *t, corpus *c, bool show_errors)
{
    tac_arena scratch;
    tac_arena_init(&scratch, 0);
    static confusion conf[512];
    size_t n_conf = 0, right = 0;
    for (size_t s = 0; s < c->n; s++) {
        sentence *se = &c->sents[s];
        const char **tags = tac_arena_alloc(&scratch, se->n * sizeof *tags);
        tac_error err;
        if (tac_tag_tokens(t, se->words, se->n, tags, &scratch, &err) != TAC_OK) {
            fprintf(stderr, "bench_tag: %s\n", err.msg);
            exit(2);
        }
        for (size_t i = 0; i < se->n; i++) {
            if (!strcmp(tags[i], se->gold[i])) {
                right++;
                continue;
            }
            count_confusion(conf, &n_conf, se->gold[i], tags[i]);
            if (show_errors)
                printf("   %s#%zu: %s/%s got %s   | %s %s _ %s %s\n", c->name, s,
                       se->words[i], se->gold[i], tags[i],
                       i > 1 ? se->words[i - 2] : "", i > 0 ? se->words[i - 1] : "",
                       i + 1 < se->n ? se->words[i + 1] : "",
                       i + 2 < se->n ? se->words[i + 2] : "");
        }
        tac_arena_reset(&scratch);
    }
    tac_arena_free(&scratch);
    double acc = c->tokens ? 100.0 * (double)right / (double)c->tokens : 0;
    printf("   %-32s %5zu sentences %6zu tokens  accuracy %.2f%%\n", c->name, c->n,
           c->tokens, acc);
    qsort(conf, n_conf, sizeof *conf, by_count);
    printf("     most frequent errors (gold->tagged):");
    for (size_t i = 0; i < n_conf && i < 8; i++)
        printf(" %s->%s %ld", conf[i].gold, conf[i].pred, conf[i].count);
    printf("\n");
    return acc;
}

static void speed(const tac_tagger *t, corpus *cs, size_t n_corpora)
{
    tac_arena scratch;
    tac_arena_init(&scratch, 0);
    const char *tags[4096];
    size_t tokens = 0;
    double start = tac_now(), elapsed;
    do {
        for (size_t k = 0; k < n_corpora; k++)
            for (size_t s = 0; s < cs[k].n; s++) {
                sentence *se = &cs[k].sents[s];
                if (se->n > 4096)
                    continue;
                tac_tag_tokens(t, se->words, se->n, tags, &scratch, NULL);
                tac_arena_reset(&scratch);
                tokens += se->n;
            }
        elapsed = tac_now() - start;
    } while (elapsed < 1.0);
    printf("   speed: %.0f tokens/s (%zu tokens in %.2f s, one thread), scratch peak %zu bytes\n",
           (double)tokens / elapsed, tokens, elapsed, scratch.peak);
    tac_arena_free(&scratch);
}

int main(int argc, char **argv)
{
    bool show_errors = false;
    double min = 96.0;
    const char *files[16];
    size_t n_files = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--errors"))
            show_errors = true;
        else if (!strcmp(argv[i], "--min") && i + 1 < argc)
            min = atof(argv[++i]);
        else if (n_files < 16)
            files[n_files++] = argv[i];
    }
    static char defaults[2][4096];
    if (n_files == 0) {
        const char *shared = getenv("TAC_SHARED_DIR");
        if (!shared)
            shared = "../shared";
        snprintf(defaults[0], sizeof defaults[0],
                 "%s/testdata/petrarch/PETR.UnitTest.records.xml", shared);
        snprintf(defaults[1], sizeof defaults[1],
                 "%s/testdata/petrarch/GigaWord.sample.PETR.xml", shared);
        files[0] = defaults[0];
        files[1] = defaults[1];
        n_files = 2;
    }
    tac_error err;
    double t0 = tac_now();
    tac_tagger *t = tac_tagger_load(NULL, &err);
    if (!t) {
        fprintf(stderr, "bench_tag: %s\n", err.msg);
        return 2;
    }
    printf("   model %s loaded in %.1f ms\n", tac_tagger_path(t), (tac_now() - t0) * 1e3);
    tac_arena text;
    tac_arena_init(&text, 0);
    corpus cs[16];
    memset(cs, 0, sizeof cs);
    int status = 0;
    for (size_t i = 0; i < n_files; i++) {
        if (!read_corpus(&cs[i], &text, files[i]))
            return 2;
        if (evaluate(t, &cs[i], show_errors) < min)
            status = 1;
    }
    speed(t, cs, n_files);
    for (size_t i = 0; i < n_files; i++) {
        for (size_t s = 0; s < cs[i].n; s++) {
            free(cs[i].sents[s].words);
            free(cs[i].sents[s].gold);
        }
        free(cs[i].sents);
    }
    tac_arena_free(&text);
    tac_tagger_free(t);
    if (status)
        printf("   below the %.1f%% target\n", min);
    return status;
}
