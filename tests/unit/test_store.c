/* Event store: ingest (idempotency, crash consistency), every query filter
 * and every series period against hand-computed answers on a small fixture
 * store, and the output formats. */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tactest.h"
#include "store/store.h"

/* ---- fixture --------------------------------------------------------- */

/* The fixture store. Quad classes come from the codes (01-05 -> 1,
 * 06-09 -> 2, 10-14 -> 3, 15-20 -> 4); Goldstein and PLOVER are given
 * (overriding the codebook), except for e10 whose code 0399 is not in the
 * codebook, so it has none.
 *
 *  #   doc date        source  target  code quad gold   plover   hist
 *  e1  D1  2024-01-01  CHNGOV  PRK     042  1    1.9    CONSULT  ?
 *  e2  D1  2024-01-01  PRK     CHNGOV  043  1    2.8    CONSULT  no
 *  e3  D2  2024-01-03  CHN     PRKMIL  190  4  -10.0    ASSAULT  no
 *  e4  D2  2024-01-03  USAGOV  CHN     112  3   -2.0    ACCUSE   yes
 *  e5  D3  2024-01-08  CHNGOV  PRK     042  1    1.9    CONSULT  ?
 *  e6  D3  2024-01-08  RUS     UKRMIL  190  4  -10.0    ASSAULT  ?
 *  e7  D4  2024-02-15  CHN     PRK     071  2    7.4    AID      ?
 *  e8  D4  2024-02-15  PRKGOV  USA     138  3   -7.0    THREATEN yes
 *  e9  D5  2024-03-31  CHNMIL  PRK     190  4  -10.0    ASSAULT  ?
 *  e10 D5  2024-03-31  UKR     RUSGOV  0399 1    (none) (none)   ?
 *  e11 D6  2023-12-31  CHN     PRK     051  1    3.4    AGREE    ?
 */
typedef struct fixture_event {
    const char *doc, *date, *source, *target, *cameo;
    double gold;          /* NAN = none */
    const char *plover;
    int historical;
} fixture_event;

static const fixture_event fixture[] = {
    {"D1", "2024-01-01", "CHNGOV", "PRK", "042", 1.9, "CONSULT", -1},
    {"D1", "2024-01-01", "PRK", "CHNGOV", "043", 2.8, "CONSULT", 0},
    {"D2", "2024-01-03", "CHN", "PRKMIL", "190", -10.0, "ASSAULT", 0},
    {"D2", "2024-01-03", "USAGOV", "CHN", "112", -2.0, "ACCUSE", 1},
    {"D3", "2024-01-08", "CHNGOV", "PRK", "042", 1.9, "CONSULT", -1},
    {"D3", "2024-01-08", "RUS", "UKRMIL", "190", -10.0, "ASSAULT", -1},
    {"D4", "2024-02-15", "CHN", "PRK", "071", 7.4, "AID", -1},
    {"D4", "2024-02-15", "PRKGOV", "USA", "138", -7.0, "THREATEN", 1},
    {"D5", "2024-03-31", "CHNMIL", "PRK", "190", -10.0, "ASSAULT", -1},
    {"D5", "2024-03-31", "UKR", "RUSGOV", "0399", NAN, NULL, -1},
    {"D6", "2023-12-31", "CHN", "PRK", "051", 3.4, "AGREE", -1},
};
enum { N_FIXTURE = sizeof fixture / sizeof fixture[0] };

static char db_path[64];

static void make_db_path(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/test-store-%d.db", (int)getpid());
    char aux[80];
    unlink(db_path);
    snprintf(aux, sizeof aux, "%s-wal", db_path);
    unlink(aux);
    snprintf(aux, sizeof aux, "%s-shm", db_path);
    unlink(aux);
}

static int teardown_db(void **state)
{
    (void)state;
    make_db_path();   /* removes the files */
    return 0;
}

static tac_store *open_store(bool read_only)
{
    tac_store_options opt = {.read_only = read_only, .batch_documents = 2};
    tac_error err = {0};
    tac_store *st = tac_store_open(db_path, &opt, &err);
    if (!st)
        fail_msg("open %s: %s", db_path, err.msg);
    return st;
}

/* Writes fixture events [from, to) that belong to document `doc`. */
static void write_document(tac_store *st, const char *doc, const char *date)
{
    tac_error err = {0};
    tac_store_document d = {.doc_id = doc, .date = date, .source = "Wire A",
                            .url = "https://example.org/a", .title = "Title, with comma"};
    assert_int_equal(tac_store_begin_document(st, &d, &err), TAC_OK);
    int sentence = 0;
    for (size_t i = 0; i < N_FIXTURE; i++) {
        const fixture_event *f = &fixture[i];
        if (strcmp(f->doc, doc))
            continue;
        char text[128];
        snprintf(text, sizeof text, "Sentence %d of %s, \"quoted\".", sentence, doc);
        assert_int_equal(tac_store_add_sentence(st, sentence, text, strlen(text), &err), TAC_OK);
        tac_event ev = {.doc_id = doc, .sentence = sentence, .date = f->date,
                        .source = f->source, .target = f->target, .cameo = f->cameo,
                        .verb_pattern = "- * MEET [042]", .verb_where = "verbs.txt:12",
                        .source_entry = "CHINA [CHN] (actors.txt:3)",
                        .target_entry = "NORTH KOREA [PRK] (actors.txt:9)"};
        tac_store_event_extra x = {.has_goldstein = !isnan(f->gold), .goldstein = f->gold,
                                   .plover = f->plover, .historical = f->historical};
        assert_int_equal(tac_store_add_event(st, &ev, &x, &err), TAC_OK);
        sentence++;
    }
    assert_int_equal(tac_store_commit_document(st, &err), TAC_OK);
}

static void write_fixture(void)
{
    tac_store *st = open_store(false);
    static const char *const docs[][2] = {{"D1", "2024-01-01"}, {"D2", "2024-01-03"},
                                          {"D3", "2024-01-08"}, {"D4", "2024-02-15"},
                                          {"D5", "2024-03-31"}, {"D6", "2023-12-31"}};
    for (size_t i = 0; i < 6; i++)
        write_document(st, docs[i][0], docs[i][1]);
    tac_error err = {0};
    assert_int_equal(tac_store_close(st, &err), TAC_OK);
}

static int setup_fixture(void **state)
{
    (void)state;
    make_db_path();
    write_fixture();
    return 0;
}

/* Runs sql returning one integer. */
static long long sql_int(const char *sql)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    long long v = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    sqlite3_close(db);
    return v;
}

/* ---- query helpers --------------------------------------------------- */

typedef struct collected {
    int  n;
    char ids[64][16];    /* "D1#0": doc#ordinal, stable across runs */
} collected;

static int collect(void *ud, const tac_stored_event *ev)
{
    collected *c = ud;
    if (c->n < 64)
        snprintf(c->ids[c->n], 16, "%s#%d", ev->doc_id, ev->ordinal);
    c->n++;
    return 0;
}

static collected run_query(const tac_query *q)
{
    tac_store *st = open_store(true);
    collected c = {0};
    tac_error err = {0};
    tac_status s = tac_store_query(st, q, collect, &c, &err);
    if (s != TAC_OK)
        fail_msg("query: %s", err.msg);
    tac_store_close(st, NULL);
    return c;
}

/* The fixture's e-numbers of what a query returned, as "e1 e3 ..." in
 * date, id order. */
static const char *as_enumbers(const collected *c, char *out, size_t cap)
{
    out[0] = '\0';
    for (int i = 0; i < c->n; i++) {
        char doc[8];
        int ord;
        sscanf(c->ids[i], "%7[^#]#%d", doc, &ord);
        int seen = 0;
        for (size_t k = 0; k < N_FIXTURE; k++) {
            if (strcmp(fixture[k].doc, doc))
                continue;
            if (seen++ == ord) {
                size_t len = strlen(out);
                snprintf(out + len, cap - len, "%se%zu", len ? " " : "", k + 1);
            }
        }
    }
    return out;
}

#define EXPECT_EVENTS(q, expected)                                   \
    do {                                                             \
        collected c_ = run_query(q);                                 \
        char got_[256];                                              \
        assert_string_equal(as_enumbers(&c_, got_, sizeof got_), expected); \
    } while (0)

/* ---- ingest ---------------------------------------------------------- */

static void test_fixture_counts(void **state)
{
    (void)state;
    assert_int_equal(sql_int("SELECT count(*) FROM documents"), 6);
    assert_int_equal(sql_int("SELECT count(*) FROM events"), N_FIXTURE);
    assert_int_equal(sql_int("SELECT count(*) FROM sentences"), N_FIXTURE);
    assert_int_equal(sql_int("SELECT n_events FROM documents WHERE doc_id='D1'"), 2);
    /* quad from the code: 0399 -> 1, 071 -> 2, 138 -> 3, 190 -> 4 */
    assert_int_equal(sql_int("SELECT quad FROM events WHERE cameo='0399'"), 1);
    assert_int_equal(sql_int("SELECT quad FROM events WHERE cameo='071'"), 2);
    assert_int_equal(sql_int("SELECT quad FROM events WHERE cameo='138'"), 3);
    assert_int_equal(sql_int("SELECT count(*) FROM events WHERE quad=4"), 3);
    assert_int_equal(sql_int("SELECT count(*) FROM events WHERE goldstein IS NULL"), 1);
    assert_int_equal(sql_int("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode='wal'"),
                     1);
    assert_int_equal(sql_int("SELECT count(*) FROM sqlite_master WHERE type='index' AND name IN"
                             "('events_date','events_dyad','events_code','events_doc')"),
                     4);
}

static void test_idempotent_reingest(void **state)
{
    (void)state;
    /* The whole fixture again: nothing duplicated. */
    write_fixture();
    assert_int_equal(sql_int("SELECT count(*) FROM documents"), 6);
    assert_int_equal(sql_int("SELECT count(*) FROM events"), N_FIXTURE);
    assert_int_equal(sql_int("SELECT count(*) FROM sentences"), N_FIXTURE);

    /* D1 re-coded with three events replaces its two: 11 - 2 + 3 = 12. */
    tac_store *st = open_store(false);
    tac_error err = {0};
    tac_store_document d = {.doc_id = "D1", .date = "2024-01-01"};
    assert_int_equal(tac_store_begin_document(st, &d, &err), TAC_OK);
    for (int i = 0; i < 3; i++) {
        tac_event ev = {.sentence = i, .source = "FRA", .target = "DEU", .cameo = "010",
                        .text = "France spoke."};
        assert_int_equal(tac_store_add_event(st, &ev, NULL, &err), TAC_OK);
    }
    assert_int_equal(tac_store_commit_document(st, &err), TAC_OK);
    /* Same document twice inside one batch: still replaced. */
    assert_int_equal(tac_store_begin_document(st, &d, &err), TAC_OK);
    for (int i = 0; i < 3; i++) {
        tac_event ev = {.sentence = i, .source = "FRA", .target = "DEU", .cameo = "010"};
        assert_int_equal(tac_store_add_event(st, &ev, NULL, &err), TAC_OK);
    }
    assert_int_equal(tac_store_commit_document(st, &err), TAC_OK);
    assert_int_equal(tac_store_close(st, &err), TAC_OK);
    assert_int_equal(sql_int("SELECT count(*) FROM events"), 12);
    assert_int_equal(sql_int("SELECT count(*) FROM events e JOIN documents d ON d.id=e.doc"
                             " WHERE d.doc_id='D1' AND e.source_root='FRA'"), 3);
    assert_int_equal(sql_int("SELECT n_events FROM documents WHERE doc_id='D1'"), 3);
    assert_int_equal(sql_int("SELECT count(*) FROM documents"), 6);
    /* Sentence texts of the old D1 were removed with it. */
    assert_int_equal(sql_int("SELECT count(*) FROM sentences s JOIN documents d ON d.id=s.doc"
                             " WHERE d.doc_id='D1' AND s.text LIKE 'Sentence%'"), 0);
}

/* Without overrides, Goldstein, quad and PLOVER come from the codebook. */
static void test_codebook_values(void **state)
{
    (void)state;
    const tac_cameo_info *cb = tac_cameo_lookup("042");
    assert_non_null(cb);
    tac_store *st = open_store(false);
    tac_error err = {0};
    tac_store_document d = {.doc_id = "CB", .date = "2024-06-01"};
    tac_event ev = {.sentence = 0, .source = "FRAGOV", .target = "DEU", .cameo = "042"};
    assert_int_equal(tac_store_begin_document(st, &d, &err), TAC_OK);
    assert_int_equal(tac_store_add_event(st, &ev, NULL, &err), TAC_OK);
    assert_int_equal(tac_store_commit_document(st, &err), TAC_OK);
    assert_int_equal(tac_store_close(st, &err), TAC_OK);
    assert_int_equal(sql_int("SELECT quad FROM events WHERE source='FRAGOV'"), cb->quad_class);
    assert_int_equal(sql_int("SELECT round(goldstein * 10) FROM events WHERE source='FRAGOV'"),
                     (long long)round(cb->goldstein * 10));
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM events WHERE source='FRAGOV' AND plover='%s'"
             " AND source_root='FRA' AND source_agent='GOV'", cb->plover);
    assert_int_equal(sql_int(sql), 1);
}

static void test_abort_and_bad_events(void **state)
{
    (void)state;
    tac_store *st = open_store(false);
    tac_error err = {0};
    tac_store_document d = {.doc_id = "D7", .date = "2024-05-01"};
    tac_event good = {.sentence = 0, .source = "FRA", .target = "DEU", .cameo = "010"};
    assert_int_equal(tac_store_begin_document(st, &d, &err), TAC_OK);
    assert_int_equal(tac_store_add_event(st, &good, NULL, &err), TAC_OK);
    tac_store_abort_document(st);
    bool present = true;
    assert_int_equal(tac_store_has_document(st, "D7", &present, &err), TAC_OK);
    assert_false(present);

    /* A bad code is skipped with a message naming the document; the rest stays. */
    assert_int_equal(tac_store_begin_document(st, &d, &err), TAC_OK);
    tac_event bad = good;
    bad.cameo = "99x";
    assert_int_equal(tac_store_add_event(st, &bad, NULL, &err), TAC_SKIPPED);
    assert_non_null(strstr(err.msg, "D7"));
    assert_int_equal(tac_store_add_event(st, &good, NULL, &err), TAC_OK);
    /* No nested documents. */
    assert_int_equal(tac_store_begin_document(st, &d, &err), TAC_EINVAL);
    assert_int_equal(tac_store_commit_document(st, &err), TAC_OK);
    assert_int_equal(tac_store_has_document(st, "D7", &present, &err), TAC_OK);
    assert_true(present);
    /* A bad document date is kept as unknown, with a warning. */
    tactest_diag diag = {0};
    tac_store_close(st, NULL);
    tac_store_options opt = {.diag = tactest_diag_sink(&diag)};
    st = tac_store_open(db_path, &opt, &err);
    assert_non_null(st);
    tac_store_document bad_date = {.doc_id = "D8", .date = "2024-02-30"};
    assert_int_equal(tac_store_begin_document(st, &bad_date, &err), TAC_OK);
    assert_int_equal(tac_store_commit_document(st, &err), TAC_OK);
    assert_int_equal(diag.count, 1);
    assert_string_equal(diag.last_where, "D8");
    assert_int_equal(tac_store_close(st, &err), TAC_OK);
    assert_int_equal(sql_int("SELECT n_events FROM documents WHERE doc_id='D7'"), 1);
    assert_int_equal(sql_int("SELECT count(*) FROM documents WHERE doc_id='D8' AND date IS NULL"),
                     1);

    /* Read-only stores refuse writes; missing stores are not created. */
    st = open_store(true);
    assert_int_equal(tac_store_begin_document(st, &d, &err), TAC_EINVAL);
    tac_store_close(st, NULL);
    tac_store_options ro = {.read_only = true};
    assert_null(tac_store_open("/tmp/no-such-dir-tacitus/x.db", &ro, &err));
    assert_int_equal(err.status, TAC_ENOTFOUND);
}

/* ---- crash consistency ----------------------------------------------- */

enum { CRASH_DOCS = 3000 };

/* Document i has i % 5 events (some none) and i % 5 + 1 sentences. */
static int expected_events(int i) { return i % 5; }

/* The child: writes every document not stored yet, telling the parent
 * through `progress` (one byte per document), then exits. */
static void crash_child(int progress)
{
    tac_store_options opt = {.batch_documents = 8};
    tac_error err;
    tac_store *st = tac_store_open(db_path, &opt, &err);
    if (!st)
        _exit(3);
    for (int i = 0; i < CRASH_DOCS; i++) {
        char id[32], date[16], text[64];
        snprintf(id, sizeof id, "doc-%05d", i);
        snprintf(date, sizeof date, "2024-%02d-%02d", i % 12 + 1, i % 28 + 1);
        bool present;
        if (tac_store_has_document(st, id, &present, &err) != TAC_OK)
            _exit(4);
        if (present)
            continue;
        tac_store_document d = {.doc_id = id, .date = date, .source = "gen"};
        if (tac_store_begin_document(st, &d, &err) != TAC_OK)
            _exit(5);
        for (int s = 0; s <= expected_events(i); s++) {
            snprintf(text, sizeof text, "Sentence %d of %s.", s, id);
            tac_store_add_sentence(st, s, text, strlen(text), &err);
        }
        for (int k = 0; k < expected_events(i); k++) {
            tac_event ev = {.sentence = k, .source = "CHNGOV", .target = "PRK", .cameo = "042"};
            if (tac_store_add_event(st, &ev, NULL, &err) != TAC_OK)
                _exit(6);
        }
        if (tac_store_commit_document(st, &err) != TAC_OK)
            _exit(7);
        if (progress >= 0 && write(progress, "d", 1) != 1)
            _exit(9);
    }
    _exit(tac_store_close(st, &err) == TAC_OK ? 0 : 8);
}

static pid_t start_child(int *progress)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        crash_child(fds[1]);
    }
    close(fds[1]);
    *progress = fds[0];
    return pid;
}

/* Every stored document is whole: its events and sentences are all there. */
static long check_integrity(void)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), "ok");
    sqlite3_finalize(q);
    assert_int_equal(sqlite3_prepare_v2(db,
        "SELECT d.doc_id, d.n_events, d.n_sentences,"
        " (SELECT count(*) FROM events e WHERE e.doc = d.id),"
        " (SELECT count(*) FROM sentences s WHERE s.doc = d.id) FROM documents d",
        -1, &q, NULL), SQLITE_OK);
    long docs = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        int i = atoi((const char *)sqlite3_column_text(q, 0) + 4);
        assert_int_equal(sqlite3_column_int(q, 1), expected_events(i));
        assert_int_equal(sqlite3_column_int(q, 3), expected_events(i));
        assert_int_equal(sqlite3_column_int(q, 2), expected_events(i) + 1);
        assert_int_equal(sqlite3_column_int(q, 4), expected_events(i) + 1);
        docs++;
    }
    sqlite3_finalize(q);
    assert_int_equal(sqlite3_prepare_v2(db,
        "SELECT count(*) FROM events WHERE doc NOT IN (SELECT id FROM documents)",
        -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(q, 0), 0);
    sqlite3_finalize(q);
    sqlite3_close(db);
    return docs;
}

static void test_crash_consistency(void **state)
{
    (void)state;
    make_db_path();
    unsigned seed = 20240601;   /* fixed: the kill moments are reproducible */
    long stored = 0;
    for (int round = 0; round < 5; round++) {
        int progress;
        pid_t pid = start_child(&progress);
        /* Kill after a seeded number of documents (up to half of what is
         * left) plus a seeded pause of up to 1 ms, so the kill lands at an
         * arbitrary point inside some later document or commit. */
        seed = seed * 1103515245u + 12345u;
        long wait_docs = (long)((seed >> 8) % (unsigned)((CRASH_DOCS - stored) / 2 + 1));
        seed = seed * 1103515245u + 12345u;
        useconds_t pause = (seed >> 8) % 1000;
        char byte;
        for (long n = 0; n < wait_docs && read(progress, &byte, 1) == 1; n++)
            ;
        usleep(pause);
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        close(progress);
        long docs = check_integrity();
        print_message("round %d: killed %ld documents + %u us into the run: %ld of %d stored,"
                      " all whole\n", round, wait_docs, (unsigned)pause, docs, CRASH_DOCS);
        assert_true(docs >= stored);   /* committed work is never lost */
        stored = docs;
    }
    /* The next run completes the rest. */
    int progress;
    pid_t pid = start_child(&progress);
    char byte;
    while (read(progress, &byte, 1) == 1)
        ;
    close(progress);
    int status;
    waitpid(pid, &status, 0);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_int_equal(check_integrity(), CRASH_DOCS);
    /* 3000 documents with i % 5 events each: 600 * (0+1+2+3+4) = 6000 */
    assert_int_equal(sql_int("SELECT count(*) FROM events"), 6000);
}

/* ---- filters ----------------------------------------------------------- */

static void test_filter_none(void **state)
{
    (void)state;
    tac_query q;
    tac_query_init(&q);
    /* date order; e1/e2 share a date and keep insertion order */
    EXPECT_EVENTS(&q, "e11 e1 e2 e3 e4 e5 e6 e7 e8 e9 e10");
    q.limit = 2;
    EXPECT_EVENTS(&q, "e11 e1");
}

static void test_filter_dates(void **state)
{
    (void)state;
    tac_query q;
    tac_query_init(&q);
    q.from = "2024-01-01";
    q.to = "2024-01-31";
    EXPECT_EVENTS(&q, "e1 e2 e3 e4 e5 e6");
    q.from = "2024-01-03";   /* inclusive bounds */
    q.to = "2024-01-08";
    EXPECT_EVENTS(&q, "e3 e4 e5 e6");
    q.to = NULL;
    q.from = "2024-02-16";
    EXPECT_EVENTS(&q, "e9 e10");
}

static void test_filter_actor(void **state)
{
    (void)state;
    tac_query q;
    tac_query_init(&q);
    q.actor = "CHN";      /* root, as source or target: CHNGOV, CHNMIL, CHN */
    EXPECT_EVENTS(&q, "e11 e1 e2 e3 e4 e5 e7 e9");
    q.actor = "chngov";   /* root and agent, case-insensitive */
    EXPECT_EVENTS(&q, "e1 e2 e5");
    q.actor = "*MIL";     /* agent only */
    EXPECT_EVENTS(&q, "e3 e6 e9");
    q.actor = "XYZ";
    EXPECT_EVENTS(&q, "");
}

static void test_filter_source_target(void **state)
{
    (void)state;
    tac_query q;
    tac_query_init(&q);
    q.source = "CHN";
    EXPECT_EVENTS(&q, "e11 e1 e3 e5 e7 e9");
    q.source = NULL;
    q.target = "PRK";     /* PRK and PRKMIL */
    EXPECT_EVENTS(&q, "e11 e1 e3 e5 e7 e9");
    q.target = "PRKMIL";
    EXPECT_EVENTS(&q, "e3");
    q.source = "USA";
    q.target = "CHN";
    EXPECT_EVENTS(&q, "e4");
}

static void test_filter_dyad(void **state)
{
    (void)state;
    tac_query q;
    tac_query_init(&q);
    q.dyad = "CHN:PRK";
    EXPECT_EVENTS(&q, "e11 e1 e3 e5 e7 e9");
    q.dyad = "PRK:CHN";
    EXPECT_EVENTS(&q, "e2");
    q.dyad = "CHN-PRK";   /* either direction: the six above plus e2 */
    EXPECT_EVENTS(&q, "e11 e1 e2 e3 e5 e7 e9");
    q.dyad = "CHN:PRK";
    q.either = true;
    EXPECT_EVENTS(&q, "e11 e1 e2 e3 e5 e7 e9");
    q.either = false;
    q.dyad = "CHNGOV:PRK";
    EXPECT_EVENTS(&q, "e1 e5");
    q.dyad = "RUS-UKR";
    EXPECT_EVENTS(&q, "e6 e10");
}

static void test_filter_codes(void **state)
{
    (void)state;
    tac_query q;
    tac_query_init(&q);
    q.code = "190";
    EXPECT_EVENTS(&q, "e3 e6 e9");
    q.code = NULL;
    q.root = "04";        /* 042, 043, 042 (not 0399) */
    EXPECT_EVENTS(&q, "e1 e2 e5");
    q.root = "03";
    EXPECT_EVENTS(&q, "e10");
    q.root = "19";
    EXPECT_EVENTS(&q, "e3 e6 e9");
    q.root = NULL;
    q.quad = 1;           /* 051 042 043 042 0399 */
    EXPECT_EVENTS(&q, "e11 e1 e2 e5 e10");
    q.quad = 2;
    EXPECT_EVENTS(&q, "e7");
    q.quad = 3;
    EXPECT_EVENTS(&q, "e4 e8");
    q.quad = 4;
    EXPECT_EVENTS(&q, "e3 e6 e9");
    q.quad = 0;
    q.plover = "assault"; /* case-insensitive */
    EXPECT_EVENTS(&q, "e3 e6 e9");
    q.plover = "CONSULT";
    EXPECT_EVENTS(&q, "e1 e2 e5");
}

static void test_filter_historical(void **state)
{
    (void)state;
    tac_query q;
    tac_query_init(&q);
    q.historical = 1;
    EXPECT_EVENTS(&q, "e4 e8");
    q.historical = 0;     /* not historical, or not known to be: 11 - 2 = 9 */
    EXPECT_EVENTS(&q, "e11 e1 e2 e3 e5 e6 e7 e9 e10");
}

static void test_filter_combined_and_errors(void **state)
{
    (void)state;
    tac_query q;
    tac_query_init(&q);
    q.actor = "CHN";
    q.quad = 4;
    q.from = "2024-01-01";
    q.to = "2024-01-31";
    EXPECT_EVENTS(&q, "e3");   /* e9 is CHN quad 4 but in March */

    tac_store *st = open_store(true);
    collected c = {0};
    tac_error err = {0};
    const char *bad_dates[] = {"2024-13-01", "2024-1-1", "yesterday"};
    for (int i = 0; i < 3; i++) {
        tac_query_init(&q);
        q.from = bad_dates[i];
        assert_int_equal(tac_store_query(st, &q, collect, &c, &err), TAC_EINVAL);
    }
    tac_query_init(&q);
    q.actor = "C'); DROP TABLE events; --";
    assert_int_equal(tac_store_query(st, &q, collect, &c, &err), TAC_EINVAL);
    tac_query_init(&q);
    q.dyad = "CHN";
    assert_int_equal(tac_store_query(st, &q, collect, &c, &err), TAC_EINVAL);
    tac_query_init(&q);
    q.root = "21";
    assert_int_equal(tac_store_query(st, &q, collect, &c, &err), TAC_EINVAL);
    tac_query_init(&q);
    q.quad = 5;
    assert_int_equal(tac_store_series(st, &q, TAC_PERIOD_DAY, NULL, NULL, &err), TAC_EINVAL);
    assert_int_equal(c.n, 0);
    tac_store_close(st, NULL);
}

/* ---- series ------------------------------------------------------------ */

typedef struct series {
    int            n;
    tac_series_row rows[64];
} series;

static int collect_row(void *ud, const tac_series_row *r)
{
    series *s = ud;
    if (s->n < 64)
        s->rows[s->n] = *r;
    s->n++;
    return 0;
}

static series run_series(const tac_query *q, tac_period p)
{
    tac_store *st = open_store(true);
    series s = {0};
    tac_error err = {0};
    if (tac_store_series(st, q, p, collect_row, &s, &err) != TAC_OK)
        fail_msg("series: %s", err.msg);
    tac_store_close(st, NULL);
    return s;
}

static void expect_row(const tac_series_row *r, const char *period, long q1, long q2, long q3,
                       long q4, long total, double sum, double mean)
{
    assert_string_equal(r->period, period);
    assert_int_equal(r->quad[1], q1);
    assert_int_equal(r->quad[2], q2);
    assert_int_equal(r->quad[3], q3);
    assert_int_equal(r->quad[4], q4);
    assert_int_equal(r->total, total);
    assert_true(fabs(r->goldstein_sum - sum) < 1e-9);
    if (isnan(mean))
        assert_true(isnan(r->goldstein_mean));
    else
        assert_true(fabs(r->goldstein_mean - mean) < 1e-9);
}

static void test_series_month_dyad(void **state)
{
    (void)state;
    tac_query q;
    tac_query_init(&q);
    q.dyad = "CHN:PRK";
    q.from = "2023-12-01";
    q.to = "2024-04-30";
    series s = run_series(&q, TAC_PERIOD_MONTH);
    assert_int_equal(s.n, 5);
    /* 2023-12: e11 (q1, 3.4) */
    expect_row(&s.rows[0], "2023-12", 1, 0, 0, 0, 1, 3.4, 3.4);
    /* 2024-01: e1 (q1, 1.9) e3 (q4, -10) e5 (q1, 1.9): sum 1.9 - 10 + 1.9 = -6.2, mean -6.2/3 */
    expect_row(&s.rows[1], "2024-01", 2, 0, 0, 1, 3, -6.2, -6.2 / 3);
    /* 2024-02: e7 (q2, 7.4) */
    expect_row(&s.rows[2], "2024-02", 0, 1, 0, 0, 1, 7.4, 7.4);
    /* 2024-03: e9 (q4, -10) */
    expect_row(&s.rows[3], "2024-03", 0, 0, 0, 1, 1, -10.0, -10.0);
    /* 2024-04: nothing, but inside --from/--to: zeros, no mean */
    expect_row(&s.rows[4], "2024-04", 0, 0, 0, 0, 0, 0.0, NAN);

    /* Without bounds only months with events appear. */
    q.from = q.to = NULL;
    s = run_series(&q, TAC_PERIOD_MONTH);
    assert_int_equal(s.n, 4);
    assert_string_equal(s.rows[3].period, "2024-03");
    /* Only --from: up to the last month with data (2024-01 .. 2024-03). */
    q.from = "2024-01-01";
    s = run_series(&q, TAC_PERIOD_MONTH);
    assert_int_equal(s.n, 3);
    assert_string_equal(s.rows[0].period, "2024-01");
    /* Only --to: from the first month with data (2023-12 .. 2024-05). */
    q.from = NULL;
    q.to = "2024-05-31";
    s = run_series(&q, TAC_PERIOD_MONTH);
    assert_int_equal(s.n, 6);
    assert_string_equal(s.rows[0].period, "2023-12");
    expect_row(&s.rows[5], "2024-05", 0, 0, 0, 0, 0, 0.0, NAN);
}

static void test_series_week(void **state)
{
    (void)state;
    tac_query q;
    tac_query_init(&q);
    q.dyad = "CHN:PRK";
    q.from = "2023-12-25";   /* a Monday: ISO week 2023-W52 runs Dec 25..31 */
    q.to = "2024-01-21";
    series s = run_series(&q, TAC_PERIOD_WEEK);
    assert_int_equal(s.n, 4);
    /* 2023-W52: e11 (Sun 2023-12-31, q1, 3.4) */
    expect_row(&s.rows[0], "2023-W52", 1, 0, 0, 0, 1, 3.4, 3.4);
    /* 2024-W01 (Jan 1..7): e1 (q1, 1.9) e3 (q4, -10): sum -8.1, mean -4.05 */
    expect_row(&s.rows[1], "2024-W01", 1, 0, 0, 1, 2, -8.1, -4.05);
    /* 2024-W02 (Jan 8..14): e5 (q1, 1.9) */
    expect_row(&s.rows[2], "2024-W02", 1, 0, 0, 0, 1, 1.9, 1.9);
    /* 2024-W03: empty */
    expect_row(&s.rows[3], "2024-W03", 0, 0, 0, 0, 0, 0.0, NAN);
}

static void test_series_day_actor(void **state)
{
    (void)state;
    tac_query q;
    tac_query_init(&q);
    q.actor = "CHN";
    q.from = "2024-01-01";
    q.to = "2024-01-04";
    series s = run_series(&q, TAC_PERIOD_DAY);
    assert_int_equal(s.n, 4);
    /* 01-01: e1 (q1, 1.9) e2 (q1, 2.8): sum 4.7, mean 2.35 */
    expect_row(&s.rows[0], "2024-01-01", 2, 0, 0, 0, 2, 4.7, 2.35);
    expect_row(&s.rows[1], "2024-01-02", 0, 0, 0, 0, 0, 0.0, NAN);
    /* 01-03: e3 (q4, -10) e4 (q3, -2): sum -12, mean -6 */
    expect_row(&s.rows[2], "2024-01-03", 0, 0, 1, 1, 2, -12.0, -6.0);
    expect_row(&s.rows[3], "2024-01-04", 0, 0, 0, 0, 0, 0.0, NAN);
}

static void test_series_either_dyad(void **state)
{
    (void)state;
    tac_query q;
    tac_query_init(&q);
    q.dyad = "PRK-CHN";   /* same as CHN-PRK */
    series s = run_series(&q, TAC_PERIOD_MONTH);
    assert_int_equal(s.n, 4);
    expect_row(&s.rows[0], "2023-12", 1, 0, 0, 0, 1, 3.4, 3.4);
    /* e1 (q1, 1.9) e2 (q1, 2.8, PRK->CHNGOV) e3 (q4, -10) e5 (q1, 1.9):
     * sum 1.9 + 2.8 - 10 + 1.9 = -3.4, mean -3.4/4 = -0.85 */
    expect_row(&s.rows[1], "2024-01", 3, 0, 0, 1, 4, -3.4, -0.85);
    expect_row(&s.rows[2], "2024-02", 0, 1, 0, 0, 1, 7.4, 7.4);
    expect_row(&s.rows[3], "2024-03", 0, 0, 0, 1, 1, -10.0, -10.0);
}

/* Series of "either side" filters add up two disjoint branches: an event
 * matching on both sides, or with no source at all, counts once. */
static void test_series_split_counts_once(void **state)
{
    (void)state;
    tac_store *st = open_store(false);
    tac_error err = {0};
    tac_store_document d = {.doc_id = "D9", .date = "2024-01-02"};
    tac_event both = {.sentence = 0, .source = "CHNGOV", .target = "CHNMIL", .cameo = "190"};
    tac_event no_source = {.sentence = 1, .target = "CHN", .cameo = "010"};
    tac_store_event_extra x = {.has_goldstein = true, .goldstein = -10.0, .historical = -1};
    tac_store_event_extra zero = {.has_goldstein = true, .goldstein = 0.0, .historical = -1};
    assert_int_equal(tac_store_begin_document(st, &d, &err), TAC_OK);
    assert_int_equal(tac_store_add_event(st, &both, &x, &err), TAC_OK);
    assert_int_equal(tac_store_add_event(st, &no_source, &zero, &err), TAC_OK);
    assert_int_equal(tac_store_commit_document(st, &err), TAC_OK);
    assert_int_equal(tac_store_close(st, &err), TAC_OK);

    tac_query q;
    tac_query_init(&q);
    q.actor = "CHN";
    q.from = "2024-01-02";
    q.to = "2024-01-02";
    series s = run_series(&q, TAC_PERIOD_DAY);
    assert_int_equal(s.n, 1);
    /* the 190 (q4, -10) once, the 010 (q1, 0): sum -10, mean -5 */
    expect_row(&s.rows[0], "2024-01-02", 1, 0, 0, 1, 2, -10.0, -5.0);
    q.actor = NULL;
    q.dyad = "CHN-CHN";
    s = run_series(&q, TAC_PERIOD_DAY);
    expect_row(&s.rows[0], "2024-01-02", 0, 0, 0, 1, 1, -10.0, -10.0);
    /* the listing agrees */
    q.dyad = NULL;
    q.actor = "CHN";
    collected c = run_query(&q);
    assert_int_equal(c.n, 2);
}

static void test_series_year_all(void **state)
{
    (void)state;
    tac_query q;
    tac_query_init(&q);
    series s = run_series(&q, TAC_PERIOD_YEAR);
    assert_int_equal(s.n, 2);
    expect_row(&s.rows[0], "2023", 1, 0, 0, 0, 1, 3.4, 3.4);
    /* 2024: e1..e10. q1: e1 e2 e5 e10; q2: e7; q3: e4 e8; q4: e3 e6 e9.
     * Goldstein (e10 has none, so 9 values):
     * 1.9 + 2.8 - 10 - 2 + 1.9 - 10 + 7.4 - 7 - 10 = -25.0; mean -25/9 */
    expect_row(&s.rows[1], "2024", 4, 1, 2, 3, 10, -25.0, -25.0 / 9);
}

static void test_period_keys(void **state)
{
    (void)state;
    struct { const char *date; tac_period p; const char *key; } cases[] = {
        {"2024-03-05", TAC_PERIOD_DAY, "2024-03-05"},
        {"2024-03-05", TAC_PERIOD_MONTH, "2024-03"},
        {"2024-03-05", TAC_PERIOD_YEAR, "2024"},
        {"2024-12-30", TAC_PERIOD_WEEK, "2025-W01"},   /* Monday of 2025's week 1 */
        {"2021-01-03", TAC_PERIOD_WEEK, "2020-W53"},   /* Sunday; 2020 had 53 weeks */
        {"2021-01-04", TAC_PERIOD_WEEK, "2021-W01"},
        {"2026-12-31", TAC_PERIOD_WEEK, "2026-W53"},   /* Thursday */
        {"2024-02-29", TAC_PERIOD_WEEK, "2024-W09"},
        {"1969-12-31", TAC_PERIOD_WEEK, "1970-W01"},   /* Wednesday before the epoch */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        long days;
        assert_true(store_parse_date(cases[i].date, &days));
        char key[16];
        store_period_key(days, cases[i].p, key);
        assert_string_equal(key, cases[i].key);
        char back[11];
        store_format_date(days, back);
        assert_string_equal(back, cases[i].date);
    }
    long days;
    assert_false(store_parse_date("2023-02-29", &days));
    assert_true(store_parse_date("2000-02-29", &days));
    assert_false(store_parse_date("1900-02-29", &days));
    assert_false(store_parse_date("2024-04-31", &days));
    tac_period p;
    assert_true(tac_period_parse("week", &p));
    assert_int_equal(p, TAC_PERIOD_WEEK);
    assert_false(tac_period_parse("fortnight", &p));
}

/* ---- lookup and formats ---------------------------------------------- */

typedef struct formatted {
    tac_store_format fmt;
    tac_buf          out;
    int              n;
    char             text[256];
    char             verb_where[64];
} formatted;

static int format_one(void *ud, const tac_stored_event *ev)
{
    formatted *f = ud;
    store_format_event(&f->out, f->fmt, ev);
    snprintf(f->text, sizeof f->text, "%s", ev->text ? ev->text : "");
    snprintf(f->verb_where, sizeof f->verb_where, "%s", ev->verb_where ? ev->verb_where : "");
    f->n++;
    return 0;
}

static void test_get_event(void **state)
{
    (void)state;
    tac_store *st = open_store(true);
    formatted f = {.fmt = TAC_STORE_FMT_JSONL};
    tac_buf_init(&f.out);
    tac_error err = {0};
    assert_int_equal(tac_store_get_event(st, "D1#1", format_one, &f, &err), TAC_OK);
    assert_int_equal(f.n, 1);
    assert_string_equal(f.text, "Sentence 1 of D1, \"quoted\".");
    assert_string_equal(f.verb_where, "verbs.txt:12");
    assert_non_null(strstr(f.out.data, "\"source\":\"PRK\",\"source_root\":\"PRK\","
                                       "\"source_agent\":\"\",\"target\":\"CHNGOV\""));
    assert_non_null(strstr(f.out.data, "\"historical\":false"));
    /* the same event by its numeric id */
    long long id = sql_int("SELECT e.id FROM events e JOIN documents d ON d.id=e.doc"
                           " WHERE d.doc_id='D1' AND e.ord=1");
    char num[32];
    snprintf(num, sizeof num, "%lld", id);
    assert_int_equal(tac_store_get_event(st, num, format_one, &f, &err), TAC_OK);
    assert_int_equal(f.n, 2);
    /* and by the id `tacitus code` printed for it */
    tac_event e2 = {.doc_id = "D1", .sentence = 1, .source = "PRK", .target = "CHNGOV",
                    .cameo = "043"};
    char key[17];
    tac_event_id(&e2, key);
    assert_int_equal(tac_store_get_event(st, key, format_one, &f, &err), TAC_OK);
    assert_int_equal(f.n, 3);
    assert_string_equal(f.text, "Sentence 1 of D1, \"quoted\".");
    assert_int_equal(tac_store_get_event(st, "0123456789abcdef", format_one, &f, &err),
                     TAC_ENOTFOUND);
    assert_int_equal(tac_store_get_event(st, "D1#7", format_one, &f, &err), TAC_ENOTFOUND);
    assert_int_equal(tac_store_get_event(st, "nope#0", format_one, &f, &err), TAC_ENOTFOUND);
    assert_int_equal(tac_store_get_event(st, "12abc", format_one, &f, &err), TAC_EINVAL);
    assert_int_equal(f.n, 3);
    tac_buf_free(&f.out);
    tac_store_close(st, NULL);
}

static formatted format_first(tac_store_format fmt, const char *code)
{
    tac_store *st = open_store(true);
    formatted f = {.fmt = fmt};
    tac_buf_init(&f.out);
    tac_query q;
    tac_query_init(&q);
    q.code = code;
    q.limit = 1;
    tac_error err = {0};
    assert_int_equal(tac_store_query(st, &q, format_one, &f, &err), TAC_OK);
    tac_store_close(st, NULL);
    return f;
}

static int count_char(const char *s, char c)
{
    int n = 0;
    for (; *s; s++)
        n += *s == c;
    return n;
}

static void test_formats(void **state)
{
    (void)state;
    tac_store_format fmt;
    assert_true(tac_store_format_parse("plover-json", &fmt));
    assert_int_equal(fmt, TAC_STORE_FMT_PLOVER_JSON);
    assert_false(tac_store_format_parse("xml", &fmt));

    /* Phoenix: 26 tab-separated columns; e1 is 042 so root 04, quad 1; the
     * EventID is the id `tacitus code` gives the event. */
    formatted f = format_first(TAC_STORE_FMT_PHOENIX, "042");
    assert_int_equal(count_char(f.out.data, '\t'), 25);
    tac_event e1 = {.doc_id = "D1", .sentence = 0, .source = "CHNGOV", .target = "PRK",
                    .cameo = "042"};
    char key[17];
    tac_event_id(&e1, key);
    assert_true(!strncmp(f.out.data, key, 16) && f.out.data[16] == '\t');
    assert_int_equal(count_char(f.out.data, '\n'), 1);
    assert_non_null(strstr(f.out.data, "\t20240101\t2024\t01\t01\tCHNGOV\tCHN\tGOV\t\tPRK\tPRK\t"
                                       "\t\t042\t04\t1\t1.9\t"));
    assert_non_null(strstr(f.out.data, "\tD1_0\thttps://example.org/a\tWire A\n"));
    tac_buf_free(&f.out);

    /* CSV: the header names as many columns as each row has; quoting. */
    f = format_first(TAC_STORE_FMT_CSV, "190");
    tac_buf header;
    tac_buf_init(&header);
    store_csv_header(&header);
    assert_int_equal(count_char(header.data, ','), 32);
    /* the row has 32 separators plus 1 inside the quoted text */
    assert_int_equal(count_char(f.out.data, ','), 33);
    assert_non_null(strstr(f.out.data, ",\"Sentence 0 of D2, \"\"quoted\"\".\"\n"));
    assert_non_null(strstr(f.out.data, ",190,4,-10,ASSAULT,"));
    tac_buf_free(&header);
    tac_buf_free(&f.out);

    /* PLOVER JSON */
    f = format_first(TAC_STORE_FMT_PLOVER_JSON, "071");
    assert_non_null(strstr(f.out.data, "\"date\":\"2024-02-15\",\"event\":\"AID\",\"mode\":null"));
    assert_non_null(strstr(f.out.data, "\"actor\":\"CHN\",\"actor_country\":\"CHN\""));
    assert_non_null(strstr(f.out.data, "\"recipient\":\"PRK\""));
    tac_buf_free(&f.out);

    /* Absent Goldstein and PLOVER are null, not 0. */
    f = format_first(TAC_STORE_FMT_JSON, "0399");
    assert_non_null(strstr(f.out.data, "\"goldstein\":null,\"plover\":null"));
    tac_buf_free(&f.out);

    /* Table cells */
    const tac_stored_event ev = {.id = 7, .date = "2024-01-01", .source = "CHN",
                                 .target = "PRK", .cameo = "042", .quad = 1,
                                 .doc_id = "D1", .ordinal = 0,
                                 .text = "Line one\nline two"};
    const char *cells[STORE_TABLE_COLUMNS];
    tac_buf buf;
    tac_buf_init(&buf);
    store_table_cells(&ev, &buf, cells);
    assert_string_equal(cells[0], "7");
    assert_string_equal(cells[6], "-");
    assert_string_equal(cells[8], "D1#0");
    assert_string_equal(cells[9], "Line one line two");
    tac_buf_free(&buf);

    /* Series rows */
    tac_series_row r = {.period = "2024-01", .quad = {0, 2, 0, 0, 1}, .total = 3,
                        .goldstein_sum = -6.2, .goldstein_n = 3, .goldstein_mean = -6.2 / 3};
    tac_buf_init(&buf);
    store_series_format(&buf, TAC_STORE_FMT_CSV, &r);
    assert_string_equal(buf.data, "2024-01,2,0,0,1,3,-6.20,-2.0667\n");
    tac_buf_clear(&buf);
    r.goldstein_n = 0;
    store_series_format(&buf, TAC_STORE_FMT_JSON, &r);
    assert_non_null(strstr(buf.data, "\"goldstein_mean\":null}"));
    tac_buf_free(&buf);
}

/* ---- the commands ---------------------------------------------------- */

/* Runs `$TAC_BIN ARGS` with stdout captured in out; returns the exit status. */
static int run_cli(tac_buf *out, const char *args)
{
    const char *bin = getenv("TAC_BIN");
    char cmd[1024], path[64];
    snprintf(path, sizeof path, "/tmp/test-store-%d.out", (int)getpid());
    snprintf(cmd, sizeof cmd, "%s %s >%s 2>/dev/null", bin, args, path);
    int status = system(cmd);
    char *data = NULL;
    size_t len = 0;
    tac_buf_clear(out);
    if (tac_read_file(path, &data, &len, NULL) == TAC_OK)
        tac_buf_append(out, data, len);
    free(data);
    unlink(path);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int count_lines_with(const char *s, const char *needle)
{
    int n = 0;
    for (const char *line = s; line && *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        char tmp[1024];
        snprintf(tmp, sizeof tmp, "%.*s", (int)(len < 1023 ? len : 1023), line);
        n += strstr(tmp, needle) != NULL;
        line = end ? end + 1 : NULL;
    }
    return n;
}

static void test_commands(void **state)
{
    (void)state;
    if (!getenv("TAC_BIN"))
        skip();
    tac_buf out;
    tac_buf_init(&out);
    char args[512];

    /* The monthly dyad series of test_series_month_dyad, as CSV. */
    snprintf(args, sizeof args, "query --db %s --dyad CHN:PRK --by month --from 2023-12-01"
             " --to 2024-04-30 --format csv", db_path);
    assert_int_equal(run_cli(&out, args), 0);
    assert_string_equal(out.data, "period,q1,q2,q3,q4,total,goldstein_sum,goldstein_mean\n"
                                  "2023-12,1,0,0,0,1,3.40,3.4000\n"
                                  "2024-01,2,0,0,1,3,-6.20,-2.0667\n"
                                  "2024-02,0,1,0,0,1,7.40,7.4000\n"
                                  "2024-03,0,0,0,1,1,-10.00,-10.0000\n"
                                  "2024-04,0,0,0,0,0,0.00,\n");

    /* Table: a header and e1, e2, e5 with aligned columns. */
    snprintf(args, sizeof args, "query --db %s --actor CHNGOV", db_path);
    assert_int_equal(run_cli(&out, args), 0);
    assert_int_equal(count_lines_with(out.data, "2024-01-0"), 3);
    const char *header_date = strstr(out.data, "DATE");
    const char *row_date = strstr(out.data, "2024-01-01");
    const char *row_start = row_date;
    while (row_start > out.data && row_start[-1] != '\n')
        row_start--;
    assert_int_equal(header_date - out.data, row_date - row_start);

    snprintf(args, sizeof args, "query --db %s --code 190 --format json", db_path);
    assert_int_equal(run_cli(&out, args), 0);
    assert_true(!strncmp(out.data, "[\n{", 3));
    assert_int_equal(count_lines_with(out.data, "\"cameo\":\"190\""), 3);

    snprintf(args, sizeof args, "export --db %s --format phoenix", db_path);
    assert_int_equal(run_cli(&out, args), 0);
    assert_int_equal(count_lines_with(out.data, "\tCAMEO"), 0);
    assert_int_equal(count_lines_with(out.data, "\t"), N_FIXTURE);
    assert_int_equal(count_char(out.data, '\t'), 25 * N_FIXTURE);

    snprintf(args, sizeof args, "export --db %s --format plover-json --dyad PRK:CHN", db_path);
    assert_int_equal(run_cli(&out, args), 0);
    assert_true(!strncmp(out.data, "[\n{\"id\":\"", 9));
    assert_int_equal(count_lines_with(out.data, "\"event\":\"CONSULT\""), 1);

    snprintf(args, sizeof args, "export --db %s --format csv --historical yes", db_path);
    assert_int_equal(run_cli(&out, args), 0);
    assert_int_equal(count_char(out.data, '\n'), 3);   /* header + e4 + e8 */

    snprintf(args, sizeof args, "explain --db %s D1#1", db_path);
    assert_int_equal(run_cli(&out, args), 0);
    assert_non_null(strstr(out.data, "Sentence 1 of D1"));
    assert_non_null(strstr(out.data, "- * MEET [042]  (verbs.txt:12)"));
    assert_non_null(strstr(out.data, "from CHINA [CHN] (actors.txt:3)"));
    assert_non_null(strstr(out.data, "PRK 043 CHNGOV"));

    snprintf(args, sizeof args, "explain --db %s D9#0", db_path);
    assert_int_equal(run_cli(&out, args), 1);
    snprintf(args, sizeof args, "query --db %s --quad 7", db_path);
    assert_int_equal(run_cli(&out, args), 2);
    snprintf(args, sizeof args, "query --db %s --dyad nonsense", db_path);
    assert_int_equal(run_cli(&out, args), 2);
    assert_int_equal(run_cli(&out, "query --db /nonexistent/events.db"), 2);
    assert_int_equal(run_cli(&out, "export --db x.db"), 2);   /* no --format */
    tac_buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_period_keys),
        cmocka_unit_test_setup_teardown(test_fixture_counts, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_idempotent_reingest, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_abort_and_bad_events, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_codebook_values, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_filter_none, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_filter_dates, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_filter_actor, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_filter_source_target, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_filter_dyad, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_filter_codes, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_filter_historical, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_filter_combined_and_errors, setup_fixture,
                                        teardown_db),
        cmocka_unit_test_setup_teardown(test_series_month_dyad, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_series_week, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_series_day_actor, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_series_either_dyad, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_series_split_counts_once, setup_fixture,
                                        teardown_db),
        cmocka_unit_test_setup_teardown(test_series_year_all, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_get_event, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_formats, setup_fixture, teardown_db),
        cmocka_unit_test_setup_teardown(test_commands, setup_fixture, teardown_db),
        cmocka_unit_test_teardown(test_crash_consistency, teardown_db),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
