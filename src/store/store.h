/* store: the SQLite event store — internal pieces shared by the store's
 * files and the query/export/explain commands. The public API is the
 * `store` section of tacitus.h; the schema is described in docs/store.md. */
#ifndef TAC_STORE_H
#define TAC_STORE_H

#include <sqlite3.h>

#include "tacitus.h"
#include "util/util.h"

#define STORE_SCHEMA_VERSION 1

/* ---- the connection -------------------------------------------------- */

enum {
    STMT_FIND_DOC, STMT_MAX_DOC, STMT_DELETE_DOC_EVENTS, STMT_DELETE_DOC_SENTENCES,
    STMT_DELETE_DOC, STMT_INSERT_DOC, STMT_INSERT_SENTENCE, STMT_INSERT_EVENT_SENTENCE,
    STMT_INSERT_EVENT,
    STMT_COUNT
};

struct tac_store {
    sqlite3      *db;
    char         *path;
    tac_diag      diag;
    bool          read_only;
    bool          bulk;
    int           batch_documents;
    bool          in_batch;       /* a BEGIN is open */
    int           docs_in_batch;  /* committed documents in the open batch */
    sqlite3_stmt *stmt[STMT_COUNT];
    int64_t       next_doc_rowid; /* id of the next document, 0 = read it */
    /* the document being written: its row goes in at commit */
    bool          in_document;
    int64_t       doc_rowid;
    char         *doc_id, *doc_date, *doc_source, *doc_url, *doc_title;
    int           n_events;
    uint64_t      sentences_in[4];  /* sentence indexes < 256 already written */
    tac_buf       scratch;
};

/* Runs SQL without results; on failure fills err with the SQLite message. */
tac_status store_exec(tac_store *st, const char *sql, tac_error *err);
/* Maps an SQLite result to a tac_status and message naming `what`. */
tac_status store_sqlite_fail(tac_store *st, tac_error *err, const char *what);
/* Creates tables (and indexes unless deferred); idempotent. */
tac_status store_create_schema(tac_store *st, bool indexes, tac_error *err);

/* ---- codebook -------------------------------------------------------- */

typedef struct store_code_info {
    int         quad;            /* 1..4, 0 unknown */
    bool        has_goldstein;
    double      goldstein;
    const char *plover, *plover_mode, *plover_context;   /* NULL if unknown */
} store_code_info;

/* The one place the store consults the CAMEO codebook. */
void store_codebook(const char *cameo, store_code_info *out);
/* Quad class from the root: 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4. */
int store_quad_of_code(const char *cameo);
/* "0" .. "20" style two-digit root followed by up to two digits. */
bool store_valid_code(const char *cameo);

/* ---- dates and periods ----------------------------------------------- */

/* Parses a valid calendar date "YYYY-MM-DD" into days since 1970-01-01. */
bool store_parse_date(const char *s, long *days);
void store_format_date(long days, char out[11]);
/* Writes the period key of a day: "2024-03-05", "2024-W09", "2024-03", "2024". */
void store_period_key(long days, tac_period period, char out[16]);

/* ---- output formats -------------------------------------------------- */

typedef enum tac_store_format {
    TAC_STORE_FMT_TABLE, TAC_STORE_FMT_CSV, TAC_STORE_FMT_JSON, TAC_STORE_FMT_JSONL,
    TAC_STORE_FMT_PHOENIX, TAC_STORE_FMT_PLOVER_JSON
} tac_store_format;

/* "table", "csv", "json", "jsonl", "phoenix", "plover-json" */
bool tac_store_format_parse(const char *name, tac_store_format *out);

/* The CSV header line (with '\n') of store_format_event's CSV rows. */
bool store_csv_header(tac_buf *out);
/* Appends one event: a CSV row or Phoenix TSV line (each ending '\n'), or a
 * JSON / PLOVER JSON object (no newline). TABLE is not a line format: use
 * store_table_cells. */
bool store_format_event(tac_buf *out, tac_store_format fmt, const tac_stored_event *ev);

/* The columns `tacitus query` shows in a table. */
enum { STORE_TABLE_COLUMNS = 10 };
extern const char *const store_table_header[STORE_TABLE_COLUMNS];
/* Fills cells[i] with the text of column i (pointers into ev or into buf,
 * which is cleared first). */
void store_table_cells(const tac_stored_event *ev, tac_buf *buf,
                       const char *cells[STORE_TABLE_COLUMNS]);

/* Series rows as CSV ("period,q1,q2,q3,q4,total,goldstein_sum,goldstein_mean")
 * and JSON objects. */
bool store_series_csv_header(tac_buf *out);
bool store_series_format(tac_buf *out, tac_store_format fmt, const tac_series_row *row);

/* CSV field quoting (RFC 4180) for s, or nothing for NULL. */
bool store_csv_field(tac_buf *out, const char *s);

#endif
