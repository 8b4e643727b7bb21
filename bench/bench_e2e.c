/* bench_e2e: raw text -> events, the whole process, as `tacitus code` runs
 * it: reader, splitter, tokenizer, tagger, parser, coder, JSON output.
 *
 * Input: the <Text> of the PETRARCH unit-test and GigaWord sentences,
 * written as a JSON Lines file and repeated until it holds >= 100k
 * sentences. Dictionaries: Phoenix (../shared/testdata/phoenix).
 * Reports sentences/s with 1 and 2 worker threads, and the peak memory of
 * the front end alone (tagger model + text/tag/parse of every record),
 * measured in a child process so the dictionaries don't count.
 *
 * usage: bench_e2e [MIN_SENTENCES]   (env TAC_SHARED_DIR) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pipeline/pipeline.h"
#include "util/util.h"

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* Collects the texts of every record in path into texts (one per line). */
static size_t collect_texts(const char *path, tac_buf *texts)
{
    tac_error err;
    tac_reader_options ro = {0};
    tac_reader *r = tac_reader_open(path, &ro, &err);
    if (!r) {
        fprintf(stderr, "bench_e2e: %s\n", err.msg);
        exit(2);
    }
    size_t n = 0;
    tac_record rec;
    tac_status st;
    while ((st = tac_reader_next(r, &rec, &err)) != TAC_END) {
        if (st != TAC_OK || !rec.text_len)
            continue;
        tac_buf_puts(texts, "{\"id\": \"s\", \"date\": \"2008-08-04\", \"text\": \"");
        tac_buf_json_escape(texts, rec.text, rec.text_len);
        tac_buf_puts(texts, "\"}\n");
        n++;
    }
    tac_reader_close(r);
    return n;
}

typedef struct e2e {
    tac_engine_config cfg;
} e2e;

static void *worker_new(void *ud, tac_error *err)
{
    return tac_engine_new(&((e2e *)ud)->cfg, err);
}

static void worker_free(void *ud, void *state)
{
    (void)ud;
    tac_engine_free(state);
}

static tac_status process(void *ud, void *state, const tac_record *rec, tac_arena *arena,
                          tac_buf *out, void **result, tac_counts *counts, tac_error *err)
{
    (void)ud;
    (void)arena;
    (void)result;
    const tac_event *ev;
    size_t n;
    tac_engine_stats stats = {0};
    tac_status st = tac_engine_code(state, rec, &ev, &n, &stats, err);
    counts->sentences += stats.sentences;
    counts->events += (long)n;
    if (st != TAC_OK)
        return TAC_SKIPPED;
    for (size_t i = 0; i < n; i++)
        tac_write_event(TAC_OUTPUT_JSONL, &ev[i], out);
    return TAC_OK;
}

/* CPU seconds (user + system) of the whole process so far: on a shared
 * machine the rate per CPU-second is what one core sustains, where wall
 * time also counts the time other processes held the core. */
static double load_average(void)
{
    double l[1] = {0};
    return getloadavg(l, 1) == 1 ? l[0] : 0;
}

static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static double run(e2e *b, const char *input, int jobs, tac_counts *totals, double *cpu)
{
    FILE *devnull = fopen("/dev/null", "w");
    tac_pipeline_options opt = {.jobs = jobs, .out = devnull};
    tac_pipeline_work work = {worker_new, worker_free, process, NULL, b};
    const char *inputs[] = {input};
    tac_error err;
    double t0 = tac_now(), c0 = cpu_seconds();
    if (tac_pipeline_run(inputs, 1, &opt, &work, totals, &err) != TAC_OK) {
        fprintf(stderr, "bench_e2e: %s\n", err.msg);
        exit(2);
    }
    double dt = tac_now() - t0;
    *cpu = cpu_seconds() - c0;
    fclose(devnull);
    return dt;
}

/* The front end alone, in a child: its peak RSS is the front end's. */
static void frontend_memory(const char *input)
{
    pid_t pid = fork();
    if (pid == 0) {
        long before = peak_rss_kb();
        tac_error err;
        tac_tagger *tagger = tac_tagger_load(NULL, &err);
        tac_frontend *fe = tagger ? tac_frontend_new(tagger, &err) : NULL;
        tac_reader_options ro = {0};
        tac_reader *r = fe ? tac_reader_open(input, &ro, &err) : NULL;
        if (!r) {
            fprintf(stderr, "bench_e2e: %s\n", err.msg);
            _exit(2);
        }
        tac_record rec;
        long sentences = 0;
        while (tac_reader_next(r, &rec, &err) == TAC_OK) {
            const tac_parsed_sentence *ps;
            size_t n;
            if (tac_frontend_parse(fe, rec.text, rec.text_len, 0, false, &ps, &n, &err) == TAC_OK)
                sentences += (long)n;
        }
        printf("front end alone: %ld sentences, peak RSS %.1f MB (process before model: %.1f MB)\n",
               sentences, peak_rss_kb() / 1024.0, before / 1024.0);
        fflush(stdout);
        tac_reader_close(r);
        tac_frontend_free(fe);
        tac_tagger_free(tagger);
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
}

int main(int argc, char **argv)
{
    long min_sentences = argc > 1 ? atol(argv[1]) : 100000;
    const char *shared = getenv("TAC_SHARED_DIR");
    if (!shared)
        shared = "../shared";
    char unit[4096], giga[4096], dict[4096];
    snprintf(unit, sizeof unit, "%s/testdata/petrarch/PETR.UnitTest.records.xml", shared);
    snprintf(giga, sizeof giga, "%s/testdata/petrarch/GigaWord.sample.PETR.xml", shared);
    snprintf(dict, sizeof dict, "%s/testdata/phoenix", shared);
    if (access(unit, R_OK) != 0) {
        printf("bench_e2e: skipped (%s not found)\n", unit);
        return 0;
    }
    tac_buf once, all;
    tac_buf_init(&once);
    tac_buf_init(&all);
    size_t per_copy = collect_texts(unit, &once) + collect_texts(giga, &once);
    long copies = (min_sentences + (long)per_copy - 1) / (long)per_copy;
    for (long i = 0; i < copies; i++)
        tac_buf_append(&all, once.data, once.len);
    char input[] = "/tmp/bench_e2e-XXXXXX";
    int fd = mkstemp(input);
    if (fd < 0 || write(fd, all.data, all.len) != (ssize_t)all.len) {
        perror("bench_e2e: temp file");
        return 2;
    }
    close(fd);
    tac_buf_free(&once);
    tac_buf_free(&all);

    frontend_memory(input);

    tac_error err;
    double t0 = tac_now();
    tac_dict_paths paths = {.dir = dict};
    tac_dicts *dicts = tac_dicts_load(&paths, NULL, &err);
    tac_tagger *tagger = dicts ? tac_tagger_load(NULL, &err) : NULL;
    if (!tagger) {
        fprintf(stderr, "bench_e2e: %s\n", err.msg);
        unlink(input);
        return 2;
    }
    printf("dictionaries (Phoenix) + tagger loaded in %.2f s\n", tac_now() - t0);
    e2e b = {.cfg = {.dicts = dicts, .tagger = tagger}};
    tac_coder_options_default(&b.cfg.coder);
    /* -j 1, -j 2, then -j 1 again: the first pass also warms the page cache
     * and grows the arenas, so the speed-up is taken against the faster
     * -j 1 pass */
    double one = 0, two = 0;
    const int order[] = {1, 2, 1};
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        int jobs = order[k];
        tac_counts c;
        double cpu;
        double dt = run(&b, input, jobs, &c, &cpu);
        double rate = (double)c.sentences / dt;
        if (jobs == 1 && rate > one)
            one = rate;
        if (jobs == 2)
            two = rate;
        printf("raw text -> events, -j %d: %ld records, %ld sentences, %ld events in %.2f s = "
               "%.0f sentences/s (%.2f CPU-s: %.0f sentences per CPU-second)\n",
               jobs, c.records, c.sentences, c.events, dt, rate, cpu, (double)c.sentences / cpu);
    }
    printf("speed-up -j 2 / best -j 1: %.2fx (load average %.1f: compare on an idle machine)\n",
           two / one, load_average());
    printf("peak RSS of the whole process: %.1f MB\n", peak_rss_kb() / 1024.0);
    tac_tagger_free(tagger);
    tac_dicts_free(dicts);
    unlink(input);
    return 0;
}
