/* bench_parse: the shallow parser against gold Penn Treebank trees.
 *
 * For every <Parse> in the given PETRARCH XML files, takes the gold leaves
 * (words and gold tags), parses them with tac_parse_tokens and compares the
 * two trees by labelled brackets (NP, VP, PP, S, SBAR, ADJP, ADVP spans over
 * leaf positions; function tags dropped, the root left out). Then times the
 * parser alone over the same sentences.
 *
 *   bench_parse [-v] [-s SECONDS] [FILE.xml...]
 *
 * Without files it reads ../shared/testdata/petrarch/{PETR.UnitTest.records,
 * GigaWord.sample.PETR}.xml (from $TAC_SHARED_DIR if set). -v prints each
 * sentence's gold and parsed trees with its F1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/parse.h"

static const char *LABELS[] = {"NP", "VP", "PP", "S", "SBAR", "ADJP", "ADVP"};
#define N_LABELS (sizeof LABELS / sizeof LABELS[0])

typedef struct counts {
    long gold[N_LABELS], test[N_LABELS], match[N_LABELS];
} counts;

typedef struct sentence {
    const char **forms, **tags;
    size_t n;
    const char *gold;
    const char *text;   /* the record's <Text>, for the raw-text timing */
} sentence;

static int label_index(const tac_ptb_span *sp)
{
    for (size_t i = 0; i < N_LABELS; i++)
        if (strlen(LABELS[i]) == sp->label_len && !memcmp(LABELS[i], sp->label, sp->label_len))
            return (int)i;
    return -1;
}

/* Counts labelled spans of gold and test and their (multiset) matches. */
static void compare(const tac_ptb_tree *gold, const tac_ptb_tree *test, counts *c,
                    long *g_out, long *t_out, long *m_out)
{
    long g = 0, t = 0, m = 0;
    char *used = calloc(test->n_spans + 1, 1);
    for (uint32_t j = 0; j < test->n_spans; j++) {
        int li = label_index(&test->spans[j]);
        if (li >= 0)
            c->test[li]++, t++;
    }
    for (uint32_t i = 0; i < gold->n_spans; i++) {
        const tac_ptb_span *gs = &gold->spans[i];
        int li = label_index(gs);
        if (li < 0)
            continue;
        c->gold[li]++, g++;
        for (uint32_t j = 0; j < test->n_spans; j++) {
            const tac_ptb_span *ts = &test->spans[j];
            if (!used[j] && ts->start == gs->start && ts->end == gs->end &&
                label_index(ts) == li) {
                used[j] = 1;
                c->match[li]++, m++;
                break;
            }
        }
    }
    free(used);
    *g_out = g, *t_out = t, *m_out = m;
}

static char *copy_atom(tac_arena *a, const char *s, uint32_t n)
{
    return tac_arena_strndup(a, s, n);
}

/* Collects the gold trees of one file into sentences (allocated in a). */
static size_t load_file(const char *path, tac_arena *a, sentence **out, size_t *n_out,
                        size_t *cap)
{
    char *data;
    size_t len;
    tac_error err;
    if (tac_read_file(path, &data, &len, &err) != TAC_OK) {
        fprintf(stderr, "bench_parse: %s\n", err.msg);
        return 0;
    }
    size_t added = 0;
    for (char *s = data; (s = strstr(s, "<Parse>")) != NULL;) {
        s += 7;
        char *e = strstr(s, "</Parse>");
        if (!e)
            break;
        char *gold = tac_arena_strndup(a, s, (size_t)(e - s));
        /* the <Text> of the same record precedes its <Parse> */
        char *text = NULL;
        char *t_end = NULL;
        for (char *t = s; t > data + 6; t--) {
            if (!t_end && !strncmp(t, "</Text>", 7))
                t_end = t;
            if (!strncmp(t - 6, "<Text>", 6)) {
                if (t_end)
                    text = tac_arena_strndup(a, t, (size_t)(t_end - t));
                break;
            }
            if (!strncmp(t, "</Parse>", 8))
                break;
        }
        s = e + 8;
        tac_ptb_tree t;
        if (!tac_ptb_read(gold, a, &t, &err)) {
            fprintf(stderr, "bench_parse: %s: skipping a gold tree: %s\n", path, err.msg);
            continue;
        }
        if (*n_out == *cap) {
            *cap = *cap ? *cap * 2 : 512;
            *out = realloc(*out, *cap * sizeof **out);
        }
        sentence *st = &(*out)[(*n_out)++];
        st->n = t.n_leaves;
        st->forms = tac_arena_alloc(a, (t.n_leaves + 1) * sizeof *st->forms);
        st->tags = tac_arena_alloc(a, (t.n_leaves + 1) * sizeof *st->tags);
        for (uint32_t i = 0; i < t.n_leaves; i++) {
            st->forms[i] = copy_atom(a, t.leaves[i].word, t.leaves[i].word_len);
            st->tags[i] = copy_atom(a, t.leaves[i].tag, t.leaves[i].tag_len);
        }
        st->gold = gold;
        st->text = text;
        added++;
    }
    free(data);
    return added;
}

int main(int argc, char **argv)
{
    bool verbose = false;
    double seconds = 2.0;
    const char *files[64];
    size_t n_files = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-v"))
            verbose = true;
        else if (!strcmp(argv[i], "-s") && i + 1 < argc)
            seconds = atof(argv[++i]);
        else if (n_files < 64)
            files[n_files++] = argv[i];
    }
    char def1[1024], def2[1024];
    if (n_files == 0) {
        const char *dir = getenv("TAC_SHARED_DIR");
        if (!dir)
            dir = "../shared";
        snprintf(def1, sizeof def1, "%s/testdata/petrarch/PETR.UnitTest.records.xml", dir);
        snprintf(def2, sizeof def2, "%s/testdata/petrarch/GigaWord.sample.PETR.xml", dir);
        files[n_files++] = def1;
        files[n_files++] = def2;
    }

    tac_arena a;
    tac_arena_init(&a, 1 << 20);
    sentence *sents = NULL;
    size_t n = 0, cap = 0;
    for (size_t f = 0; f < n_files; f++)
        load_file(files[f], &a, &sents, &n, &cap);
    if (n == 0) {
        fprintf(stderr, "bench_parse: no gold trees read\n");
        return 1;
    }

    tac_error err;
    tac_parser *p = tac_parser_new(&err);
    tac_arena scratch;
    tac_arena_init(&scratch, 1 << 16);
    counts c = {0};
    long tokens = 0, exact = 0;
    for (size_t i = 0; i < n; i++) {
        const char *tree;
        if (tac_parse_tokens(p, sents[i].forms, sents[i].tags, sents[i].n, &tree, &err) != TAC_OK) {
            fprintf(stderr, "bench_parse: sentence %zu: %s\n", i, err.msg);
            continue;
        }
        tokens += (long)sents[i].n;
        tac_arena_reset(&scratch);
        tac_ptb_tree gt, tt;
        if (!tac_ptb_read(sents[i].gold, &scratch, &gt, &err) ||
            !tac_ptb_read(tree, &scratch, &tt, &err)) {
            fprintf(stderr, "bench_parse: sentence %zu: unreadable tree: %s\n", i, err.msg);
            continue;
        }
        if (tt.n_leaves != gt.n_leaves)
            fprintf(stderr, "bench_parse: sentence %zu: %u leaves, gold has %u\n", i,
                    tt.n_leaves, gt.n_leaves);
        long g, t, m;
        compare(&gt, &tt, &c, &g, &t, &m);
        if (m == g && m == t)
            exact++;
        if (verbose) {
            double f1 = g + t ? 2.0 * (double)m / (double)(g + t) : 1.0;
            char *gold1 = tac_arena_strdup(&scratch, sents[i].gold);
            for (char *s = gold1; *s; s++)
                if (*s == '\n' || *s == '\t')
                    *s = ' ';
            printf("#%zu F1 %.3f\nGOLD %s\nTEST %s\n\n", i, f1, gold1, tree);
        }
    }

    printf("%-6s %8s %8s %8s %7s %7s %7s\n", "label", "gold", "parsed", "match", "P", "R", "F1");
    long tg = 0, tt_ = 0, tm = 0;
    for (size_t l = 0; l < N_LABELS; l++) {
        double pr = c.test[l] ? (double)c.match[l] / (double)c.test[l] : 0;
        double rc = c.gold[l] ? (double)c.match[l] / (double)c.gold[l] : 0;
        double f1 = pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0;
        printf("%-6s %8ld %8ld %8ld %7.3f %7.3f %7.3f\n", LABELS[l], c.gold[l], c.test[l],
               c.match[l], pr, rc, f1);
        if (l < 5)   /* the five the coder relies on */
            tg += c.gold[l], tt_ += c.test[l], tm += c.match[l];
    }
    double pr = tt_ ? (double)tm / (double)tt_ : 0, rc = tg ? (double)tm / (double)tg : 0;
    printf("NP/VP/PP/S/SBAR  P %.3f  R %.3f  F1 %.3f   exact trees %ld/%zu\n", pr, rc,
           pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0, exact, n);

    /* speed: the parser alone, over the same sentences, repeatedly */
    long parsed = 0, parsed_tokens = 0;
    double t0 = tac_now(), t1 = t0;
    while (t1 - t0 < seconds) {
        for (size_t i = 0; i < n; i++) {
            const char *tree;
            tac_parse_tokens(p, sents[i].forms, sents[i].tags, sents[i].n, &tree, &err);
            parsed_tokens += (long)sents[i].n;
        }
        parsed += (long)n;
        t1 = tac_now();
    }
    double dt = t1 - t0;
    printf("speed: %ld sentences (%ld tokens) in %.2f s = %.0f sentences/s, %.0f tokens/s "
           "(avg %.1f tokens/sentence)\n",
           parsed, parsed_tokens, dt, (double)parsed / dt, (double)parsed_tokens / dt,
           (double)tokens / (double)n);

    /* the whole raw-text path: text stage + tagger + parser over the records' <Text> */
    tac_tagger *tagger = tac_tagger_load(NULL, &err);
    if (!tagger) {
        printf("raw text: skipped (%s)\n", err.msg);
    } else {
        tac_frontend *fe = tac_frontend_new(tagger, &err);
        long done_sents = 0, done_tokens = 0;
        t0 = tac_now(), t1 = t0;
        while (fe && t1 - t0 < seconds) {
            for (size_t i = 0; i < n; i++) {
                if (!sents[i].text)
                    continue;
                const tac_parsed_sentence *ps;
                size_t np = 0;
                if (tac_frontend_parse(fe, sents[i].text, strlen(sents[i].text), 0, true, &ps,
                                       &np, &err) != TAC_OK) {
                    fprintf(stderr, "bench_parse: raw text: %s\n", err.msg);
                    continue;
                }
                done_sents += (long)np;
                for (size_t k = 0; k < np; k++)
                    done_tokens += ps[k].n_tokens;
            }
            t1 = tac_now();
        }
        dt = t1 - t0;
        printf("raw text (split + tokenize + tag + parse): %ld sentences in %.2f s = %.0f "
               "sentences/s, %.0f tokens/s\n",
               done_sents, dt, (double)done_sents / dt, (double)done_tokens / dt);
        tac_frontend_free(fe);
        tac_tagger_free(tagger);
    }

    tac_parser_free(p);
    tac_arena_free(&scratch);
    tac_arena_free(&a);
    free(sents);
    return 0;
}
