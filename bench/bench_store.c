/* bench_store: event store speed (docs/benchmarks.md, "Store").
 *
 *  1. ingest: documents with sentences and events through the public API
 *     (WAL, synchronous=NORMAL, 1000 documents per transaction: the default) into a fresh
 *     store; reports events/s. Target: >= 100,000 events/s.
 *  2. series: on a generated store of 10 million events over 2015..2024
 *     (deterministic; built once with the bulk option and reused), monthly
 *     dyad series over the ten years. Target: < 1 s.
 *
 * usage: bench_store [--ingest N] [--batch DOCS] [--events N] [--db PATH] [--regen]
 * The big store is /tmp/tacitus-bench-store-<N>.db unless --db is given. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"

enum { N_COUNTRIES = 150, EVENTS_PER_DOC = 10, SENTENCES_PER_DOC = 4 };

static const char *const agents[] = {"", "", "", "GOV", "GOV", "MIL", "OPP", "BUS", "MED", "REB"};
static const char *const codes[] = {"010", "020", "036", "040", "042", "043", "046", "051",
                                    "057", "061", "071", "090", "111", "112", "120", "130",
                                    "138", "141", "160", "172", "173", "180", "190", "193"};
static const double goldstein[] = {0.0, 3.0, 4.0, 1.0, 1.9, 2.8, 7.0, 3.4, 8.0, 6.4, 7.4,
                                   -2.0, -2.0, -2.0, -4.0, -4.4, -7.0, -6.5, -4.0, -5.0,
                                   -5.0, -9.0, -10.0, -10.0};

typedef struct rng { uint64_t s; } rng;

static uint64_t next(rng *r)
{
    /* splitmix64: deterministic across platforms */
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static double uniform(rng *r) { return (double)(next(r) >> 11) / 9007199254740992.0; }

/* Country codes "C000".."C149" would not look like CAMEO, so spell three
 * letters: index 0 is "USA", 1 "CHN", the rest AAA, AAB, ... Skewed like
 * news: country i is drawn with probability falling roughly as i^-2/3. */
static void country(int i, char out[4])
{
    if (i == 0) {
        memcpy(out, "USA", 4);
        return;
    }
    if (i == 1) {
        memcpy(out, "CHN", 4);
        return;
    }
    out[0] = (char)('A' + i / 26 / 26 % 26);
    out[1] = (char)('A' + i / 26 % 26);
    out[2] = (char)('A' + i % 26);
    out[3] = '\0';
}

static int skewed_country(rng *r)
{
    double u = uniform(r);
    return (int)(N_COUNTRIES * u * u * u);
}

typedef struct generator {
    rng   r;
    long  first_day, n_days;
    long  n_docs;          /* > 0: documents come in date order, as in a news feed */
    char  doc_id[32], date[11], text[SENTENCES_PER_DOC][96];
    char  source[4][16], target[4][16], entry[2][64];
} generator;

/* Writes one document with EVENTS_PER_DOC events; returns the status. */
static tac_status write_doc(tac_store *st, generator *g, long doc, tac_error *err)
{
    snprintf(g->doc_id, sizeof g->doc_id, "bench-%08ld", doc);
    long day = g->n_docs > 0 ? g->first_day + doc * g->n_days / g->n_docs
                             : g->first_day + (long)(next(&g->r) % (uint64_t)g->n_days);
    store_format_date(day, g->date);
    tac_store_document d = {.doc_id = g->doc_id, .date = g->date, .source = "Bench Wire",
                            .url = "https://example.org/bench"};
    /* st NULL: only generate (to time the generator alone) */
    tac_status s = st ? tac_store_begin_document(st, &d, err) : TAC_OK;
    for (int i = 0; s == TAC_OK && i < SENTENCES_PER_DOC; i++) {
        int n = snprintf(g->text[i], sizeof g->text[i],
                         "Officials of country %d met their counterparts on day %ld, said %d.",
                         (int)(next(&g->r) % 1000), day, i);
        s = st ? tac_store_add_sentence(st, i, g->text[i], (size_t)n, err) : TAC_OK;
    }
    for (int i = 0; s == TAC_OK && i < EVENTS_PER_DOC; i++) {
        char sroot[4], troot[4];
        int a = skewed_country(&g->r), b = skewed_country(&g->r);
        if (b == a)
            b = (a + 1) % N_COUNTRIES;
        country(a, sroot);
        country(b, troot);
        const char *sagent = agents[next(&g->r) % 10], *tagent = agents[next(&g->r) % 10];
        char source[16], target[16];
        snprintf(source, sizeof source, "%s%s", sroot, sagent);
        snprintf(target, sizeof target, "%s%s", troot, tagent);
        size_t c = next(&g->r) % (sizeof codes / sizeof codes[0]);
        snprintf(g->entry[0], sizeof g->entry[0], "COUNTRY %s [%s] (actors.txt:%d)", sroot,
                 sroot, a * 3 + 1);
        snprintf(g->entry[1], sizeof g->entry[1], "COUNTRY %s [%s] (actors.txt:%d)", troot,
                 troot, b * 3 + 1);
        tac_event ev = {.doc_id = g->doc_id, .sentence = i % SENTENCES_PER_DOC, .date = g->date,
                        .source = source, .source_root = sroot, .source_agent = sagent,
                        .target = target, .target_root = troot, .target_agent = tagent,
                        .cameo = codes[c], .verb_pattern = "- * MEET WITH + [042]",
                        .verb_where = "verbs.txt:1234", .source_entry = g->entry[0],
                        .target_entry = g->entry[1]};
        tac_store_event_extra x = {.has_goldstein = true, .goldstein = goldstein[c],
                                   .historical = -1};
        s = st ? tac_store_add_event(st, &ev, &x, err) : TAC_OK;
    }
    if (s == TAC_OK && st)
        s = tac_store_commit_document(st, err);
    return s;
}

static void remove_store(const char *path)
{
    char aux[512];
    unlink(path);
    snprintf(aux, sizeof aux, "%s-wal", path);
    unlink(aux);
    snprintf(aux, sizeof aux, "%s-shm", path);
    unlink(aux);
    snprintf(aux, sizeof aux, "%s-journal", path);
    unlink(aux);
}

static tac_status generate(const char *path, long n_events, bool bulk, int batch,
                           double *seconds, tac_error *err)
{
    remove_store(path);
    tac_store_options opt = {.bulk = bulk, .batch_documents = batch};
    tac_store *st = tac_store_open(path, &opt, err);
    if (!st)
        return err->status;
    generator g = {.r = {20240601}};
    store_parse_date("2015-01-01", &g.first_day);
    long last;
    store_parse_date("2024-12-31", &last);
    g.n_days = last - g.first_day + 1;
    if (!bulk)
        g.n_docs = n_events / EVENTS_PER_DOC;
    double t0 = tac_now();
    tac_status s = TAC_OK;
    for (long doc = 0; s == TAC_OK && doc < n_events / EVENTS_PER_DOC; doc++)
        s = write_doc(st, &g, doc, err);
    tac_status c = tac_store_close(st, err);   /* commits; in bulk, builds indexes */
    *seconds = tac_now() - t0;
    return s != TAC_OK ? s : c;
}

/* Seconds the generator alone takes for n_events (no store). */
static double generator_seconds(long n_events)
{
    generator g = {.r = {20240601}};
    store_parse_date("2015-01-01", &g.first_day);
    g.n_days = 3653;
    g.n_docs = n_events / EVENTS_PER_DOC;
    double t0 = tac_now();
    for (long doc = 0; doc < n_events / EVENTS_PER_DOC; doc++)
        write_doc(NULL, &g, doc, NULL);
    return tac_now() - t0;
}

static long count_events(const char *path)
{
    sqlite3 *db;
    if (access(path, R_OK) != 0 || sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL))
        return -1;
    sqlite3_stmt *q;
    long n = -1;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM events", -1, &q, NULL) == SQLITE_OK) {
        if (sqlite3_step(q) == SQLITE_ROW)
            n = (long)sqlite3_column_int64(q, 0);
        sqlite3_finalize(q);
    }
    sqlite3_close(db);
    return n;
}

typedef struct sum { long periods, events; } sum;

static int add_row(void *ud, const tac_series_row *r)
{
    sum *s = ud;
    s->periods++;
    s->events += r->total;
    return 0;
}

/* Times a series; prints the best and worst of `runs`. */
static bool time_series(tac_store *st, const char *label, const tac_query *q, tac_period p,
                        int runs)
{
    double best = INFINITY, worst = 0, first = 0;
    sum total = {0};
    for (int i = 0; i < runs; i++) {
        total = (sum){0};
        tac_error err = {0};
        double t0 = tac_now();
        if (tac_store_series(st, q, p, add_row, &total, &err) != TAC_OK) {
            fprintf(stderr, "bench_store: %s\n", err.msg);
            return false;
        }
        double t = tac_now() - t0;
        if (i == 0)
            first = t;
        best = t < best ? t : best;
        worst = t > worst ? t : worst;
    }
    printf("  %-44s %4ld periods %8ld events  first %.3f s  best %.3f s  worst %.3f s\n", label,
           total.periods, total.events, first, best, worst);
    return true;
}

int main(int argc, char **argv)
{
    long ingest_events = 300000, big_events = 10000000;
    const char *db = NULL;
    bool regen = false;
    int batch = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--ingest") && i + 1 < argc)
            ingest_events = atol(argv[++i]);
        else if (!strcmp(argv[i], "--events") && i + 1 < argc)
            big_events = atol(argv[++i]);
        else if (!strcmp(argv[i], "--db") && i + 1 < argc)
            db = argv[++i];
        else if (!strcmp(argv[i], "--batch") && i + 1 < argc)
            batch = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--regen"))
            regen = true;
        else {
            fprintf(stderr, "usage: bench_store [--ingest N] [--batch DOCS] [--events N]"
                            " [--db PATH] [--regen]\n");
            return 2;
        }
    }
    char big_path[256], ingest_path[256];
    snprintf(big_path, sizeof big_path, "%s", db ? db : "");
    if (!db)
        snprintf(big_path, sizeof big_path, "/tmp/tacitus-bench-store-%ld.db", big_events);
    snprintf(ingest_path, sizeof ingest_path, "/tmp/tacitus-bench-ingest-%d.db", (int)getpid());

    tac_error err = {0};
    double secs;
    printf("store ingest: %ld events (%d per document, %d sentences each), WAL,"
           " synchronous=NORMAL, %d documents per transaction\n",
           ingest_events, EVENTS_PER_DOC, SENTENCES_PER_DOC, batch ? batch : 1000);
    if (generate(ingest_path, ingest_events, false, batch, &secs, &err) != TAC_OK) {
        fprintf(stderr, "bench_store: %s\n", err.msg);
        return 1;
    }
    double gen = generator_seconds(ingest_events);
    printf("  %.2f s: %.0f events/s, %.0f documents/s (generating them included)\n", secs,
           ingest_events / secs, ingest_events / EVENTS_PER_DOC / secs);
    printf("  store alone: %.2f s: %.0f events/s (the generator takes %.2f s)\n", secs - gen,
           ingest_events / (secs - gen), gen);
    remove_store(ingest_path);

    if (regen || count_events(big_path) != big_events) {
        printf("generating %s: %ld events (bulk: one transaction, indexes at the end)\n",
               big_path, big_events);
        if (generate(big_path, big_events, true, 0, &secs, &err) != TAC_OK) {
            fprintf(stderr, "bench_store: %s\n", err.msg);
            return 1;
        }
        printf("  %.1f s (%.0f events/s including index builds)\n", secs, big_events / secs);
    } else {
        printf("reusing %s (%ld events; --regen to rebuild)\n", big_path, big_events);
    }

    tac_store_options ro = {.read_only = true};
    tac_store *st = tac_store_open(big_path, &ro, &err);
    if (!st) {
        fprintf(stderr, "bench_store: %s\n", err.msg);
        return 1;
    }
    printf("series over 2015-01-01..2024-12-31 (first run, then best/worst of 5):\n");
    tac_query q;
    tac_query_init(&q);
    q.from = "2015-01-01";
    q.to = "2024-12-31";
    bool ok = true;
    q.dyad = "USA:CHN";
    ok = ok && time_series(st, "monthly dyad USA:CHN (busiest)", &q, TAC_PERIOD_MONTH, 5);
    q.dyad = "AAK:ABC";
    ok = ok && time_series(st, "monthly dyad AAK:ABC (mid-ranked countries)", &q,
                           TAC_PERIOD_MONTH, 5);
    q.dyad = "USA-CHN";
    ok = ok && time_series(st, "monthly dyad USA-CHN (either direction)", &q, TAC_PERIOD_MONTH, 5);
    q.dyad = "USA:CHN";
    ok = ok && time_series(st, "weekly dyad USA:CHN", &q, TAC_PERIOD_WEEK, 5);
    q.dyad = NULL;
    q.actor = "CHN";
    ok = ok && time_series(st, "monthly actor CHN (source or target)", &q, TAC_PERIOD_MONTH, 3);
    q.actor = "USA";
    ok = ok && time_series(st, "monthly actor USA (busiest)", &q, TAC_PERIOD_MONTH, 3);
    tac_store_close(st, NULL);
    return ok ? 0 : 1;
}
