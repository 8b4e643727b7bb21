/* The event store: opening, schema, and writing documents.
 *
 * Atomicity: documents are written in batch transactions that group several
 * whole documents, so a crash (even kill -9) loses at most the open batch and
 * never leaves part of a document; WAL with synchronous=NORMAL keeps commits
 * cheap. Within a batch a document's sentences and events are written under
 * the id its row will have, and the row itself goes in at commit, after the
 * stored version with the same doc_id is deleted: so re-ingesting replaces
 * (idempotent), and aborting a document deletes just its own rows (cheaper
 * than a SAVEPOINT per document, which copies every page it touches). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"

#define DEFAULT_BATCH_DOCUMENTS 1000

static const char *const schema_tables =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
    "INSERT OR IGNORE INTO meta VALUES('schema_version','1');"
    "CREATE TABLE IF NOT EXISTS documents("
    "  id INTEGER PRIMARY KEY,"
    "  doc_id TEXT NOT NULL UNIQUE,"
    "  date TEXT, source TEXT, url TEXT, title TEXT,"
    "  n_sentences INTEGER NOT NULL DEFAULT 0,"
    "  n_events INTEGER NOT NULL DEFAULT 0,"
    "  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE TABLE IF NOT EXISTS sentences("
    "  doc INTEGER NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL,"
    "  PRIMARY KEY(doc, idx)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS events("
    "  id INTEGER PRIMARY KEY,"
    "  event_key TEXT,"
    "  doc INTEGER NOT NULL, ord INTEGER NOT NULL, sentence INTEGER NOT NULL,"
    "  date TEXT,"
    "  source TEXT, source_root TEXT, source_agent TEXT,"
    "  target TEXT, target_root TEXT, target_agent TEXT,"
    "  cameo TEXT NOT NULL, quad INTEGER, goldstein REAL,"
    "  plover TEXT, plover_mode TEXT, plover_context TEXT, issues TEXT,"
    "  verb_pattern TEXT, verb_where TEXT, source_entry TEXT, target_entry TEXT,"
    "  date_precision TEXT, place TEXT, country TEXT, lat REAL, lon REAL,"
    "  historical INTEGER, reported_by TEXT);";

/* The dyad and target indexes carry quad and goldstein so that series are
 * answered from the index alone (docs/store.md, "Indexes"). */
static const char *const schema_indexes =
    "CREATE UNIQUE INDEX IF NOT EXISTS events_doc ON events(doc, ord);"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date);"
    "CREATE INDEX IF NOT EXISTS events_dyad"
    "  ON events(source_root, target_root, date, quad, goldstein);"
    "CREATE INDEX IF NOT EXISTS events_target"
    "  ON events(target_root, date, quad, goldstein, source_root);"
    "CREATE INDEX IF NOT EXISTS events_code ON events(cameo, date);";

static const char *const statements[STMT_COUNT] = {
    [STMT_FIND_DOC] = "SELECT id FROM documents WHERE doc_id = ?1",
    [STMT_MAX_DOC] = "SELECT coalesce(max(id), 0) FROM documents",
    [STMT_DELETE_DOC_EVENTS] = "DELETE FROM events WHERE doc = ?1",
    [STMT_DELETE_DOC_SENTENCES] = "DELETE FROM sentences WHERE doc = ?1",
    [STMT_DELETE_DOC] = "DELETE FROM documents WHERE id = ?1",
    [STMT_INSERT_DOC] =
        "INSERT INTO documents(id, doc_id, date, source, url, title, n_events, n_sentences)"
        " VALUES(?1,?2,?3,?4,?5,?6,?7,(SELECT count(*) FROM sentences WHERE doc = ?1))",
    [STMT_INSERT_SENTENCE] = "INSERT OR REPLACE INTO sentences(doc, idx, text) VALUES(?1,?2,?3)",
    /* The sentence text of an event goes in only if the caller did not add it. */
    [STMT_INSERT_EVENT_SENTENCE] =
        "INSERT OR IGNORE INTO sentences(doc, idx, text) VALUES(?1,?2,?3)",
    [STMT_INSERT_EVENT] =
        "INSERT INTO events(doc, ord, sentence, date, source, source_root, source_agent,"
        " target, target_root, target_agent, cameo, quad, goldstein, plover, plover_mode,"
        " plover_context, issues, verb_pattern, verb_where, source_entry, target_entry,"
        " date_precision, place, country, lat, lon, historical, reported_by, event_key)"
        " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,"
        "?21,?22,?23,?24,?25,?26,?27,?28,?29)",
};


tac_status store_sqlite_fail(tac_store *st, tac_error *err, const char *what)
{
    int code = st->db ? sqlite3_extended_errcode(st->db) : SQLITE_ERROR;
    const char *msg = st->db ? sqlite3_errmsg(st->db) : "cannot open";
    tac_status s = TAC_EIO;
    if (code == SQLITE_NOMEM)
        s = TAC_ENOMEM;
    else if ((code & 0xff) == SQLITE_NOTADB || (code & 0xff) == SQLITE_CORRUPT)
        s = TAC_EPARSE;
    return tac_fail(err, s, "%s: %s: %s", st->path ? st->path : "store", what, msg);
}

tac_status store_exec(tac_store *st, const char *sql, tac_error *err)
{
    if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return store_sqlite_fail(st, err, "executing SQL");
    return TAC_OK;
}

tac_status store_create_schema(tac_store *st, bool indexes, tac_error *err)
{
    tac_status s = store_exec(st, schema_tables, err);
    if (s == TAC_OK && indexes)
        s = store_exec(st, schema_indexes, err);
    return s;
}

static bool table_exists(tac_store *st, const char *name)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?1",
                           -1, &q, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    bool found = sqlite3_step(q) == SQLITE_ROW;
    sqlite3_finalize(q);
    return found;
}

static tac_status check_schema_version(tac_store *st, tac_error *err)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key='schema_version'", -1, &q,
                           NULL) != SQLITE_OK)
        return tac_fail(err, TAC_EPARSE, "%s: not a tacitus event store", st->path);
    int version = 0;
    if (sqlite3_step(q) == SQLITE_ROW)
        version = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    if (version != STORE_SCHEMA_VERSION)
        return tac_fail(err, TAC_EUNSUPPORTED, "%s: store schema version %d, expected %d",
                        st->path, version, STORE_SCHEMA_VERSION);
    return TAC_OK;
}

static tac_status prepare_writes(tac_store *st, tac_error *err)
{
    for (int i = 0; i < STMT_COUNT; i++) {
        if (sqlite3_prepare_v3(st->db, statements[i], -1, SQLITE_PREPARE_PERSISTENT,
                               &st->stmt[i], NULL) != SQLITE_OK)
            return store_sqlite_fail(st, err, "preparing statements");
    }
    return TAC_OK;
}

static tac_status configure(tac_store *st, bool fresh, tac_error *err)
{
    /* 16 KB pages for a new store: an event row touches the table and five
     * indexes, and bigger pages split less often (ingest +10 % over 4 KB,
     * docs/benchmarks.md); a store keeps the page size it was made with */
    tac_status s = fresh ? store_exec(st, "PRAGMA page_size=16384;", err) : TAC_OK;
    if (s == TAC_OK)
        s = store_exec(st, "PRAGMA busy_timeout=5000; PRAGMA cache_size=-65536;"
                           "PRAGMA temp_store=MEMORY;", err);
    if (s != TAC_OK || st->read_only)
        return s;
    if (st->bulk) {
        if (!fresh)
            return tac_fail(err, TAC_EINVAL, "%s: bulk loading needs a new store", st->path);
        /* Pages of a new database are not journaled, so a rollback journal
         * costs nothing here and a crash still leaves an empty store. */
        return store_exec(st, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF;", err);
    }
    /* checkpoints every 16384 pages instead of 1000: fewer, larger copies
     * of the log into the database during long ingests */
    return store_exec(st, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                          "PRAGMA wal_autocheckpoint=16384;", err);
}

tac_store *tac_store_open(const char *path, const tac_store_options *opt, tac_error *err)
{
    tac_store_options defaults = {0};
    if (!opt)
        opt = &defaults;
    if (!path || !*path) {
        tac_fail(err, TAC_EINVAL, "store: no database path");
        return NULL;
    }
    tac_store *st = calloc(1, sizeof *st);
    if (!st || !(st->path = strdup(path))) {
        free(st);
        tac_fail(err, TAC_ENOMEM, "%s: out of memory", path);
        return NULL;
    }
    st->diag = opt->diag;
    st->read_only = opt->read_only;
    st->bulk = opt->bulk && !opt->read_only;
    st->batch_documents = opt->batch_documents > 0 ? opt->batch_documents
                                                    : DEFAULT_BATCH_DOCUMENTS;
    tac_buf_init(&st->scratch);

    if (st->read_only && access(path, F_OK) != 0) {
        tac_fail(err, TAC_ENOTFOUND, "%s: no such event store", path);
        goto fail;
    }
    int flags = st->read_only ? SQLITE_OPEN_READONLY
                              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        store_sqlite_fail(st, err, "opening");
        goto fail;
    }
    sqlite3_extended_result_codes(st->db, 1);
    bool fresh = !table_exists(st, "events");
    if (configure(st, fresh, err) != TAC_OK)
        goto fail;
    if (!st->read_only && store_create_schema(st, !st->bulk, err) != TAC_OK)
        goto fail;
    if (check_schema_version(st, err) != TAC_OK)
        goto fail;
    if (!st->read_only && prepare_writes(st, err) != TAC_OK)
        goto fail;
    return st;
fail:
    st->bulk = false;   /* nothing to index */
    tac_store_close(st, NULL);
    return NULL;
}

static tac_status begin_batch(tac_store *st, tac_error *err)
{
    if (st->in_batch)
        return TAC_OK;
    tac_status s = store_exec(st, "BEGIN IMMEDIATE", err);
    if (s == TAC_OK) {
        st->in_batch = true;
        st->docs_in_batch = 0;
        st->next_doc_rowid = 0;   /* another writer may have added documents */
    }
    return s;
}

static tac_status commit_batch(tac_store *st, tac_error *err)
{
    if (!st->in_batch)
        return TAC_OK;
    tac_status s = store_exec(st, "COMMIT", err);
    if (s != TAC_OK) {
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    }
    st->in_batch = false;
    st->docs_in_batch = 0;
    return s;
}

static void end_document(tac_store *st)
{
    free(st->doc_id);
    free(st->doc_date);
    free(st->doc_source);
    free(st->doc_url);
    free(st->doc_title);
    st->doc_id = st->doc_date = st->doc_source = st->doc_url = st->doc_title = NULL;
    st->in_document = false;
}

static tac_status delete_document(tac_store *st, int64_t rowid, tac_error *err);

void tac_store_abort_document(tac_store *st)
{
    if (!st || !st->in_document)
        return;
    /* Only the sentences and events exist yet; if even deleting them fails
     * the batch cannot be trusted, so roll it back whole. */
    if (delete_document(st, st->doc_rowid, NULL) != TAC_OK && st->in_batch) {
        tac_diag_emit(&st->diag, TAC_ERROR, st->doc_id,
                      "%s: cannot undo the document (%s); the %d documents of the current"
                      " batch were not stored", st->path, sqlite3_errmsg(st->db),
                      st->docs_in_batch);
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        st->in_batch = false;
        st->docs_in_batch = 0;
    }
    end_document(st);
}

tac_status tac_store_flush(tac_store *st, tac_error *err)
{
    if (st->in_document)
        return tac_fail(err, TAC_EINVAL, "%s: flush inside document %s", st->path, st->doc_id);
    return commit_batch(st, err);
}

tac_status tac_store_close(tac_store *st, tac_error *err)
{
    if (!st)
        return TAC_OK;
    tac_status s = TAC_OK;
    if (st->db) {
        tac_store_abort_document(st);
        s = commit_batch(st, err);
        if (s == TAC_OK && st->bulk) {
            s = store_create_schema(st, true, err);
            if (s == TAC_OK)
                s = store_exec(st, "ANALYZE; PRAGMA journal_mode=WAL;", err);
        }
        for (int i = 0; i < STMT_COUNT; i++)
            sqlite3_finalize(st->stmt[i]);
        if (sqlite3_close(st->db) != SQLITE_OK && s == TAC_OK)
            s = store_sqlite_fail(st, err, "closing");
    }
    tac_buf_free(&st->scratch);
    end_document(st);
    free(st->path);
    free(st);
    return s;
}

/* Binds text or NULL; the strings outlive the step that follows. */
static void bind_text(sqlite3_stmt *q, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(q, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(q, i);
}

static tac_status step_done(tac_store *st, sqlite3_stmt *q, tac_error *err, const char *what)
{
    int rc = sqlite3_step(q);
    tac_status s = rc == SQLITE_DONE || rc == SQLITE_ROW ? TAC_OK
                                                         : store_sqlite_fail(st, err, what);
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return s;
}

static tac_status delete_document(tac_store *st, int64_t rowid, tac_error *err)
{
    static const int order[] = {STMT_DELETE_DOC_EVENTS, STMT_DELETE_DOC_SENTENCES,
                                STMT_DELETE_DOC};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        sqlite3_stmt *q = st->stmt[order[i]];
        sqlite3_bind_int64(q, 1, rowid);
        tac_status s = step_done(st, q, err, "replacing a document");
        if (s != TAC_OK)
            return s;
    }
    return TAC_OK;
}

/* The stored id of doc_id, or 0. */
static int64_t find_document(tac_store *st, const char *doc_id)
{
    sqlite3_stmt *q = st->stmt[STMT_FIND_DOC];
    sqlite3_bind_text(q, 1, doc_id, -1, SQLITE_STATIC);
    int64_t id = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return id;
}

static tac_status check_writable(tac_store *st, tac_error *err)
{
    if (st->read_only)
        return tac_fail(err, TAC_EINVAL, "%s: store opened read-only", st->path);
    return TAC_OK;
}

tac_status tac_store_has_document(tac_store *st, const char *doc_id, bool *present,
                                  tac_error *err)
{
    *present = false;
    if (!doc_id)
        return tac_fail(err, TAC_EINVAL, "%s: no document id", st->path);
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM documents WHERE doc_id = ?1", -1, &q, NULL)
        != SQLITE_OK)
        return store_sqlite_fail(st, err, "looking up a document");
    sqlite3_bind_text(q, 1, doc_id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    *present = rc == SQLITE_ROW;
    sqlite3_finalize(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_sqlite_fail(st, err, "looking up a document");
    return TAC_OK;
}

/* strdup that keeps NULL; false on OOM. */
static bool dup_field(char **dst, const char *src)
{
    *dst = src ? strdup(src) : NULL;
    return !src || *dst;
}

static tac_status next_rowid(tac_store *st, int64_t *out, tac_error *err)
{
    if (!st->next_doc_rowid) {
        sqlite3_stmt *q = st->stmt[STMT_MAX_DOC];
        int rc = sqlite3_step(q);
        st->next_doc_rowid = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) + 1 : 0;
        sqlite3_reset(q);
        if (rc != SQLITE_ROW)
            return store_sqlite_fail(st, err, "numbering documents");
    }
    *out = st->next_doc_rowid;
    return TAC_OK;
}

tac_status tac_store_begin_document(tac_store *st, const tac_store_document *doc,
                                    tac_error *err)
{
    tac_status s = check_writable(st, err);
    if (s != TAC_OK)
        return s;
    if (st->in_document)
        return tac_fail(err, TAC_EINVAL, "%s: document %s not committed before the next",
                        st->path, st->doc_id);
    if (!doc || !doc->doc_id || !*doc->doc_id)
        return tac_fail(err, TAC_EINVAL, "%s: document without an id", st->path);
    const char *date = doc->date;
    long days;
    if (date && !store_parse_date(date, &days)) {
        tac_diag_emit(&st->diag, TAC_WARNING, doc->doc_id,
                      "document date '%s' is not YYYY-MM-DD; stored as unknown", date);
        date = NULL;
    }
    if ((s = begin_batch(st, err)) != TAC_OK ||
        (s = next_rowid(st, &st->doc_rowid, err)) != TAC_OK)
        return s;
    st->in_document = true;
    st->n_events = 0;
    memset(st->sentences_in, 0, sizeof st->sentences_in);
    if (!dup_field(&st->doc_id, doc->doc_id) || !dup_field(&st->doc_date, date) ||
        !dup_field(&st->doc_source, doc->source) || !dup_field(&st->doc_url, doc->url) ||
        !dup_field(&st->doc_title, doc->title)) {
        end_document(st);
        return tac_fail(err, TAC_ENOMEM, "%s: out of memory", doc->doc_id);
    }
    return TAC_OK;
}

static tac_status need_document(tac_store *st, tac_error *err)
{
    if (!st->in_document)
        return tac_fail(err, TAC_EINVAL, "%s: no document begun", st->path);
    return TAC_OK;
}

/* Whether sentence `index` of the open document is written; marks it. An
 * event's sentence is then not inserted again for every event of it. */
static bool sentence_written(tac_store *st, int index, bool mark)
{
    if (index < 0 || index >= 256)
        return false;
    uint64_t bit = 1ULL << (index % 64);
    bool was = st->sentences_in[index / 64] & bit;
    if (mark)
        st->sentences_in[index / 64] |= bit;
    return was;
}

static tac_status insert_sentence(tac_store *st, sqlite3_stmt *q, int index, const char *text,
                                  size_t len, tac_error *err)
{
    sentence_written(st, index, true);
    sqlite3_bind_int64(q, 1, st->doc_rowid);
    sqlite3_bind_int(q, 2, index);
    sqlite3_bind_text(q, 3, text, (int)len, SQLITE_STATIC);
    return step_done(st, q, err, "inserting a sentence");
}

tac_status tac_store_add_sentence(tac_store *st, int index, const char *text, size_t len,
                                  tac_error *err)
{
    tac_status s = need_document(st, err);
    if (s != TAC_OK)
        return s;
    if (!text || index < 0 || len > (size_t)1 << 30)
        return tac_fail(err, TAC_SKIPPED, "%s: sentence %d: no text or bad index",
                        st->doc_id, index);
    return insert_sentence(st, st->stmt[STMT_INSERT_SENTENCE], index, text, len, err);
}

/* Splits "CHNGOV" into root "CHN" and agent "GOV" when the coder left them
 * out; roots are three characters in CAMEO actor codes. */
static void split_actor(const char *code, const char *root, const char *agent, char root_buf[4],
                        const char **root_out, const char **agent_out)
{
    *root_out = root;
    *agent_out = agent;
    if (!code)
        return;
    if (!root) {
        snprintf(root_buf, 4, "%.3s", code);
        *root_out = root_buf;
    }
    if (!agent)
        *agent_out = strlen(code) > 3 ? code + 3 : "";
}

static const char *reported_by_json(tac_store *st, const tac_store_event_extra *x)
{
    if (!x || !x->n_reported_by)
        return NULL;
    tac_buf_clear(&st->scratch);
    tac_buf_putc(&st->scratch, '[');
    for (size_t i = 0; i < x->n_reported_by; i++)
        tac_buf_printf(&st->scratch, "%s%d", i ? "," : "", x->reported_by[i]);
    return tac_buf_putc(&st->scratch, ']') ? st->scratch.data : NULL;
}

/* The event's date: its own if valid, else the document's. */
static const char *event_date(tac_store *st, const tac_event *ev)
{
    long days;
    if (ev->date && store_parse_date(ev->date, &days))
        return ev->date;
    if (ev->date)
        tac_diag_emit(&st->diag, TAC_WARNING, st->doc_id,
                      "event date '%s' is not YYYY-MM-DD; using the document date", ev->date);
    return st->doc_date;
}

tac_status tac_store_add_event(tac_store *st, const tac_event *ev,
                               const tac_store_event_extra *extra, tac_error *err)
{
    tac_status s = need_document(st, err);
    if (s != TAC_OK)
        return s;
    if (!ev || !store_valid_code(ev->cameo))
        return tac_fail(err, TAC_SKIPPED, "%s: sentence %d: event with invalid CAMEO code '%s'",
                        st->doc_id, ev ? ev->sentence : -1,
                        ev && ev->cameo ? ev->cameo : "(none)");
    if (ev->sentence < 0)
        return tac_fail(err, TAC_SKIPPED, "%s: event %s with negative sentence index",
                        st->doc_id, ev->cameo);
    if (ev->text && !sentence_written(st, ev->sentence, false) &&
        (s = insert_sentence(st, st->stmt[STMT_INSERT_EVENT_SENTENCE], ev->sentence, ev->text,
                             strlen(ev->text), err)) != TAC_OK)
        return s;

    store_code_info code;
    store_codebook(ev->cameo, &code);
    if (extra) {
        if (extra->quad >= 1 && extra->quad <= 4)
            code.quad = extra->quad;
        if (extra->has_goldstein) {
            code.has_goldstein = true;
            code.goldstein = extra->goldstein;
        }
        if (extra->plover) {
            code.plover = extra->plover;
            code.plover_mode = extra->plover_mode;
            code.plover_context = extra->plover_context;
        }
    }
    char sroot[4], troot[4];
    const char *source_root, *source_agent, *target_root, *target_agent;
    split_actor(ev->source, ev->source_root, ev->source_agent, sroot, &source_root,
                &source_agent);
    split_actor(ev->target, ev->target_root, ev->target_agent, troot, &target_root,
                &target_agent);

    sqlite3_stmt *q = st->stmt[STMT_INSERT_EVENT];
    sqlite3_bind_int64(q, 1, st->doc_rowid);
    sqlite3_bind_int(q, 2, st->n_events);
    sqlite3_bind_int(q, 3, ev->sentence);
    bind_text(q, 4, event_date(st, ev));
    bind_text(q, 5, ev->source);
    bind_text(q, 6, source_root);
    bind_text(q, 7, source_agent);
    bind_text(q, 8, ev->target);
    bind_text(q, 9, target_root);
    bind_text(q, 10, target_agent);
    bind_text(q, 11, ev->cameo);
    if (code.quad)
        sqlite3_bind_int(q, 12, code.quad);
    if (code.has_goldstein)
        sqlite3_bind_double(q, 13, code.goldstein);
    bind_text(q, 14, code.plover);
    bind_text(q, 15, code.plover_mode);
    bind_text(q, 16, code.plover_context);
    bind_text(q, 17, ev->issues && *ev->issues ? ev->issues : NULL);
    bind_text(q, 18, ev->verb_pattern);
    bind_text(q, 19, ev->verb_where);
    bind_text(q, 20, ev->source_entry);
    bind_text(q, 21, ev->target_entry);
    if (extra) {
        bind_text(q, 22, extra->date_precision);
        bind_text(q, 23, extra->place);
        bind_text(q, 24, extra->country);
        if (extra->has_location) {
            sqlite3_bind_double(q, 25, extra->lat);
            sqlite3_bind_double(q, 26, extra->lon);
        }
        if (extra->historical == 0 || extra->historical == 1)
            sqlite3_bind_int(q, 27, extra->historical);
        bind_text(q, 28, reported_by_json(st, extra));
    }
    /* the id `tacitus code` prints, to find the event from its output */
    char key[17];
    tac_event keyed = *ev;
    if (!keyed.doc_id)
        keyed.doc_id = st->doc_id;
    tac_event_id(&keyed, key);
    sqlite3_bind_text(q, 29, key, 16, SQLITE_STATIC);
    if ((s = step_done(st, q, err, "inserting an event")) != TAC_OK)
        return s;
    st->n_events++;
    return TAC_OK;
}

tac_status tac_store_commit_document(tac_store *st, tac_error *err)
{
    tac_status s = need_document(st, err);
    if (s != TAC_OK)
        return s;
    int64_t old = find_document(st, st->doc_id);
    if (old && (s = delete_document(st, old, err)) != TAC_OK) {
        tac_store_abort_document(st);
        return s;
    }
    sqlite3_stmt *q = st->stmt[STMT_INSERT_DOC];
    sqlite3_bind_int64(q, 1, st->doc_rowid);
    bind_text(q, 2, st->doc_id);
    bind_text(q, 3, st->doc_date);
    bind_text(q, 4, st->doc_source);
    bind_text(q, 5, st->doc_url);
    bind_text(q, 6, st->doc_title);
    sqlite3_bind_int(q, 7, st->n_events);
    if ((s = step_done(st, q, err, "inserting a document")) != TAC_OK) {
        tac_store_abort_document(st);
        return s;
    }
    end_document(st);
    st->next_doc_rowid++;
    st->docs_in_batch++;
    if (!st->bulk && st->docs_in_batch >= st->batch_documents)
        return commit_batch(st, err);
    return TAC_OK;
}
