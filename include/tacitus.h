/* tacitus.h — the public API of libtacitus, a political event coder.
 *
 * Data flows one way:
 *   ingest -> text (split, tokenize) -> tag -> parse -> code -> document -> output/store
 * Every object here is either immutable after construction (dictionaries,
 * models: share them between threads freely) or owned by one thread (readers,
 * coders, arenas). Nothing in the library is global.
 *
 * Errors are values: functions return tac_status and fill a tac_error with a
 * message naming the file:line or record id. Warnings about skipped input go
 * to a tac_diag sink chosen by the caller. */
#ifndef TACITUS_H
#define TACITUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TACITUS_VERSION "0.1.0"

/* ======================================================================
 * Status, errors, diagnostics
 * ====================================================================== */

typedef enum tac_status {
    TAC_OK          = 0,
    TAC_END         = 1,   /* no more records */
    TAC_SKIPPED     = 2,   /* this record was bad and skipped; go on */
    TAC_EIO         = -1,
    TAC_ENOMEM      = -2,
    TAC_EINVAL      = -3,  /* bad argument or option */
    TAC_EPARSE      = -4,  /* malformed input */
    TAC_ENOTFOUND   = -5,
    TAC_EUNSUPPORTED= -6,
    TAC_ELIMIT      = -7   /* input exceeds a documented limit */
} tac_status;

typedef struct tac_error {
    tac_status status;
    char msg[512];
} tac_error;

typedef enum tac_severity { TAC_INFO, TAC_WARNING, TAC_ERROR } tac_severity;

/* Where the library reports problems it recovers from (a bad dictionary
 * entry, an invalid byte replaced). `where` is "file:line" or a record id. */
typedef struct tac_diag {
    void (*fn)(void *ud, tac_severity sev, const char *where, const char *msg);
    void *ud;
} tac_diag;

const char *tac_status_name(tac_status s);

/* ======================================================================
 * Ingest: records from files, streamed one at a time
 * ====================================================================== */

typedef enum tac_format {
    TAC_FORMAT_AUTO = 0,
    TAC_FORMAT_TEXT,    /* one article per file, optional dateline */
    TAC_FORMAT_JSONL,   /* one article per line */
    TAC_FORMAT_XML,     /* PETRARCH <Sentences>/<Articles> (also validation files) */
    TAC_FORMAT_PTB      /* one Penn Treebank tree per line */
} tac_format;

const char *tac_format_name(tac_format f);
/* "text", "jsonl", "xml", "ptb", "auto"; returns false if unknown. */
bool tac_format_parse(const char *name, tac_format *out);

/* An event a validation record expects (<EventCoding>). */
typedef struct tac_expected_event {
    const char *source;
    const char *target;
    const char *code;
    bool        no_event;   /* <EventCoding noevents="True"> */
} tac_expected_event;

/* One article or sentence. All strings are owned by the reader and valid
 * until the next call to tac_reader_next(). Absent optional fields are NULL. */
typedef struct tac_record {
    const char *id;          /* record id; never NULL (synthesised if absent) */
    const char *doc_id;      /* document the record belongs to: the id, or for
                              * sentence records "STORY_3" the part "STORY" */
    int         sentence_index; /* for sentence records the index in doc_id
                              * (from the id suffix, else 0); -1 for articles */
    const char *date;        /* "YYYY-MM-DD" or NULL if unknown */
    const char *title;
    const char *source;
    const char *url;
    const char *category;    /* PETRARCH category attribute */
    const char *text;        /* UTF-8, NUL-terminated, as in the input */
    size_t      text_len;
    const char *parse;       /* Penn Treebank parse text (XML <Parse>, PTB line) */
    const char *dateline;    /* place named by the dateline ("BEIJING"), or NULL */
    size_t      body_offset; /* byte offset in text where the body starts (after dateline) */
    bool        is_sentence; /* the record is a single sentence, not an article */
    const tac_expected_event *expected;   /* validation records only */
    size_t      n_expected;
    const char *file;        /* input name ("-" for stdin) */
    long        line;        /* line where the record starts (1-based) */
} tac_record;

typedef struct tac_reader tac_reader;

typedef struct tac_reader_options {
    tac_format  format;        /* TAC_FORMAT_AUTO to detect */
    const char *default_date;  /* "YYYY-MM-DD" for records without one (--date) */
    size_t      max_record_bytes; /* 0 = default (64 MiB) */
    tac_diag    diag;          /* warnings (non-fatal) */
} tac_reader_options;

/* path "-" or NULL reads standard input. */
tac_reader *tac_reader_open(const char *path, const tac_reader_options *opt, tac_error *err);
/* TAC_OK: *rec filled. TAC_END: no more. TAC_SKIPPED: a bad record was
 * skipped, err says which and why; call again to go on. Negative: fatal. */
tac_status  tac_reader_next(tac_reader *r, tac_record *rec, tac_error *err);
tac_format  tac_reader_format(const tac_reader *r);
/* Values of a PETRARCH validation file's <Environment> (key "Verbfile",
 * "Actorfile", ...; several Actorfile values are joined with ','), or NULL. */
const char *tac_reader_env(const tac_reader *r, const char *key);
void        tac_reader_close(tac_reader *r);

/* ======================================================================
 * Text: normalisation, sentence splitting, tokenization
 * ====================================================================== */

typedef enum tac_sentence_kind {
    TAC_SENT_BODY = 0,
    TAC_SENT_DATELINE,
    TAC_SENT_HEADLINE
} tac_sentence_kind;

/* A token. `form` is the normalised Penn Treebank form ("'s", "n't", "``",
 * "-" for dashes); start/end are byte offsets into the record's original text. */
typedef struct tac_token {
    const char *form;
    uint32_t    start;
    uint32_t    end;
} tac_token;

typedef struct tac_sentence {
    tac_sentence_kind kind;
    uint32_t   start, end;        /* byte offsets into the original text */
    tac_token *tokens;
    uint32_t   n_tokens;
} tac_sentence;

typedef struct tac_text {
    const char   *original;       /* the text given, not copied */
    tac_sentence *sentences;
    uint32_t      n_sentences;
    uint32_t      n_invalid_bytes; /* invalid UTF-8 sequences replaced by U+FFFD */
} tac_text;

typedef struct tac_text_ctx tac_text_ctx;  /* per-thread scratch (arena) */

tac_text_ctx *tac_text_ctx_new(void);
void          tac_text_ctx_free(tac_text_ctx *ctx);
/* Splits and tokenizes text. The result lives in ctx until the next call.
 * dateline_end > 0 marks text[0..dateline_end) as the dateline sentence. */
tac_status    tac_text_analyze(tac_text_ctx *ctx, const char *text, size_t len,
                               size_t dateline_end, const tac_text **out, tac_error *err);

/* ======================================================================
 * Events
 * ====================================================================== */

/* One coded event. Strings are owned by the coder (valid until its next
 * call) or by the dictionaries (valid while they live). */
typedef struct tac_event {
    const char *doc_id;
    int         sentence;        /* index of the sentence in its document */
    const char *date;            /* "YYYY-MM-DD" */
    const char *source;          /* full code, "CHNGOV" */
    const char *source_root;     /* "CHN" */
    const char *source_agent;    /* "GOV" or "" */
    const char *target;
    const char *target_root;
    const char *target_agent;
    const char *cameo;           /* "042" */
    const char *issues;          /* "ISSUE1;ISSUE2" or NULL */
    const char *text;            /* the sentence */
    /* provenance */
    const char *verb_pattern;    /* the verb dictionary pattern that matched */
    const char *verb_where;      /* "file:line" of that pattern */
    const char *source_entry;    /* actor/agent dictionary entries, "NAME [CODE] (file:line)" */
    const char *target_entry;
} tac_event;

/* ======================================================================
 * Coding: dictionaries and the coder (src/code/)
 * ====================================================================== */
/* @section code */
/* Owner: src/code. Intended shape (refine, keep the spirit):
 *   typedef struct tac_dict_paths { const char *dir, *verbs, *actors (comma list),
 *                                   *agents, *discards, *issues; } tac_dict_paths;
 *   tac_dicts *tac_dicts_load(const tac_dict_paths *, const tac_diag *, tac_error *);
 *   void       tac_dicts_free(tac_dicts *);
 *   tac_coder *tac_coder_new(const tac_dicts *, const tac_coder_options *, tac_error *);
 *   void       tac_coder_free(tac_coder *);
 *   tac_status tac_coder_code_parse(tac_coder *, const tac_sentence_input *,
 *                                   const tac_event **events, size_t *n, tac_error *);
 */
/* @end code */

/* ======================================================================
 * Output: codebook (CAMEO names, Goldstein, quad class, PLOVER) and event
 * writers (src/output/)
 * ====================================================================== */
/* @section output */
/* @end output */

/* ======================================================================
 * Tagging and lemmatization (src/tag/)
 * ====================================================================== */
/* @section tag */
/* @end tag */

/* ======================================================================
 * Shallow parsing (src/parse/)
 * ====================================================================== */
/* @section parse */
/* @end parse */

/* ======================================================================
 * Event store and queries (src/store/)
 * ====================================================================== */
/* @section store */
/* @end store */

#ifdef __cplusplus
}
#endif
#endif
