/* bench_code: dictionary load time and memory, then coding throughput.
 *
 * Loads the Phoenix dictionaries ($TAC_SHARED_DIR/testdata/phoenix), reports
 * the load time and peak RSS, then codes the parsed sentences of
 * PETR.UnitTest.records.xml and GigaWord.sample.PETR.xml (read once into
 * memory), repeated until at least N sentences (default 100000) have been
 * coded on one thread, and reports sentences/s and events.
 *
 * usage: bench_code [N]      Targets: load < 0.5 s and < 120 MB; >= 50,000 sentences/s. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "tacitus.h"
#include "util/util.h"

typedef struct sent {
    char *parse, *date, *id;
} sent;

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static size_t read_sentences(const char *path, sent **out, size_t *n, size_t *cap)
{
    tac_reader_options ro = {.format = TAC_FORMAT_XML};
    tac_error err;
    tac_error_clear(&err);
    tac_reader *r = tac_reader_open(path, &ro, &err);
    if (!r) {
        fprintf(stderr, "bench_code: %s\n", err.msg);
        return 0;
    }
    size_t added = 0;
    for (;;) {
        tac_record rec;
        tac_status st = tac_reader_next(r, &rec, &err);
        if (st == TAC_END || st < 0)
            break;
        if (st != TAC_OK || !rec.parse)
            continue;
        if (*n == *cap) {
            *cap = *cap ? *cap * 2 : 512;
            *out = realloc(*out, *cap * sizeof **out);
            if (!*out)
                exit(2);
        }
        sent *s = &(*out)[(*n)++];
        s->parse = strdup(rec.parse);
        s->date = strdup(rec.date ? rec.date : "2008-08-01");
        s->id = strdup(rec.id);
        added++;
    }
    tac_reader_close(r);
    return added;
}

int main(int argc, char **argv)
{
    long target = argc > 1 ? atol(argv[1]) : 100000;
    const char *shared = getenv("TAC_SHARED_DIR");
    if (!shared || !*shared)
        shared = "../shared";
    char dir[1024], unit[1024], giga[1024];
    snprintf(dir, sizeof dir, "%s/testdata/phoenix", shared);
    snprintf(unit, sizeof unit, "%s/testdata/petrarch/PETR.UnitTest.records.xml", shared);
    snprintf(giga, sizeof giga, "%s/testdata/petrarch/GigaWord.sample.PETR.xml", shared);

    long rss0 = peak_rss_kb();
    double t0 = tac_now();
    tac_dict_paths paths = {.dir = dir};
    tac_error err;
    tac_error_clear(&err);
    tac_dicts *d = tac_dicts_load(&paths, NULL, &err);
    double load = tac_now() - t0;
    if (!d) {
        fprintf(stderr, "bench_code: %s (set TAC_SHARED_DIR)\n", err.msg);
        return 77;
    }
    long rss1 = peak_rss_kb();
    tac_dict_counts c;
    tac_dicts_counts(d, &c);
    printf("phoenix dictionaries: %zu verbs, %zu patterns, %zu actors (%zu names), %zu agents, "
           "%zu issues\n", c.verbs, c.patterns, c.actors, c.actor_phrases, c.agents, c.issues);
    printf("load: %.3f s, peak RSS %.1f MB (%.1f MB before loading)   [target < 0.5 s, < 120 MB]\n",
           load, rss1 / 1024.0, rss0 / 1024.0);

    sent *ss = NULL;
    size_t n = 0, cap = 0;
    size_t nu = read_sentences(unit, &ss, &n, &cap);
    size_t ng = read_sentences(giga, &ss, &n, &cap);
    if (!n) {
        fprintf(stderr, "bench_code: no sentences read\n");
        tac_dicts_free(d);
        return 77;
    }
    tac_coder *coder = tac_coder_new(d, NULL, &err);
    long done = 0, events = 0, failed = 0;
    double t1 = tac_now();
    while (done < target) {
        for (size_t i = 0; i < n && done < target; i++, done++) {
            tac_sentence_input in = {.parse = ss[i].parse, .date = ss[i].date, .doc_id = ss[i].id, .sentence = 0, .text = NULL};
            const tac_event *ev;
            size_t ne;
            if (tac_coder_code_parse(coder, &in, &ev, &ne, NULL, &err) != TAC_OK)
                failed++;
            else
                events += (long)ne;
        }
    }
    double secs = tac_now() - t1;
    printf("coded %ld sentences (%zu unit-test + %zu GigaWord parses, repeated) in %.3f s: "
           "%.0f sentences/s   [target >= 50,000]\n",
           done, nu, ng, secs, secs > 0 ? (double)done / secs : 0.0);
    printf("events: %ld (%.2f per sentence), unparseable: %ld, peak RSS %.1f MB\n", events,
           (double)events / (double)done, failed, peak_rss_kb() / 1024.0);
    tac_coder_free(coder);
    tac_dicts_free(d);
    for (size_t i = 0; i < n; i++) {
        free(ss[i].parse);
        free(ss[i].date);
        free(ss[i].id);
    }
    free(ss);
    return 0;
}
