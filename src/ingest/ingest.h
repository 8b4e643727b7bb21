/* ingest: readers that turn input files into tac_record values, one record
 * at a time, in constant memory per record.
 *
 *   input.c     buffered byte stream with line counting (files and stdin)
 *   reader.c    tac_reader_open/next/close, sniffing, plain text, shared
 *               record finishing (UTF-8 repair, ids, datelines)
 *   jsonl.c     JSON Lines
 *   xml.c       PETRARCH XML (<Sentences>, <Articles>, validation files)
 *   ptb.c       one Penn Treebank tree per line
 *   dateline.c  "BEIJING –" / "SEOUL, South Korea (AP) —" detection
 *   textutil.c  UTF-8 validation and repair, date normalisation
 *
 * Everything a record points to lives in the reader's arena or buffers and
 * is recycled by the next tac_reader_next() call. */
#ifndef TAC_INGEST_H
#define TAC_INGEST_H

#include <stdio.h>

#include "tacitus.h"
#include "util/util.h"

#define TAC_INGEST_DEFAULT_MAX_RECORD ((size_t)4 << 20)   /* 4 MiB */
#define TAC_INGEST_SNIFF_BYTES        4096
#define TAC_INGEST_MAX_TAG            65536   /* longest XML tag we accept */

/* ---- buffered input -------------------------------------------------- */

typedef struct tac_input {
    FILE  *f;
    bool   owns_file;   /* false for stdin */
    char  *buf;
    size_t cap;
    size_t pos, end;    /* unread bytes are buf[pos..end) */
    bool   eof;
    int    errnum;      /* errno of a read error, 0 if none */
    bool   nomem;       /* a line could not be buffered */
    long   line;        /* 1-based line number of buf[pos] */
} tac_input;

bool   tac_input_init(tac_input *in, FILE *f, bool owns_file);
void   tac_input_close(tac_input *in);
/* Makes at least `want` unread bytes available unless the stream ends
 * first (want <= cap). Returns the number available. */
size_t tac_input_fill(tac_input *in, size_t want);
/* Consumes n available bytes, counting newlines. */
void   tac_input_skip(tac_input *in, size_t n);
/* Reads one line (without "\n" or "\r\n"). At most `limit` bytes are kept
 * in `line` (NUL-terminated); the rest of a longer line is consumed without
 * being buffered, and *full_len tells the true length. False at end of
 * input when nothing was read. */
bool   tac_input_line(tac_input *in, tac_buf *line, size_t limit, size_t *full_len);
/* Consumes everything up to and including the next occurrence of pat
 * (at most 16 bytes). False if the input ends first. */
bool   tac_input_skip_past(tac_input *in, const char *pat);

/* ---- the reader ------------------------------------------------------ */

typedef struct tac_env_entry {
    char *key;
    char *value;
} tac_env_entry;

typedef struct tac_xml_attr {
    const char *name;
    const char *value;
} tac_xml_attr;

#define TAC_XML_MAX_ATTRS 32

typedef enum reader_state {
    READER_FIRST,      /* nothing handed out yet: report empty/binary files */
    READER_RUNNING,
    READER_DONE
} reader_state;

struct tac_reader {
    tac_input  in;
    char      *path;          /* as given; "-" for stdin */
    char      *stem;          /* basename without extension, for ids */
    tac_format format;
    char       default_date[11];   /* "" when none */
    size_t     max_record;
    tac_diag   diag;
    reader_state state;
    const char *first_problem;     /* "empty file" / "binary data ..." */
    long       n_records;          /* records handed out */

    tac_arena  arena;         /* per-record strings, reset by every next() */
    tac_buf    line;          /* current input line (jsonl, ptb) */
    tac_buf    text;          /* record text being assembled */
    tac_buf    parse;         /* XML <Parse> */
    tac_buf    title;         /* XML <Title> */
    tac_buf    scratch;       /* text repair, misc */

    tac_expected_event *expected;   /* per record; strings in arena */
    size_t     n_expected, cap_expected;

    /* XML state */
    tac_buf    tag;           /* raw text of the last tag, decoded in place */
    bool       tag_is_end, tag_self_closing;
    const char *tag_name;
    tac_xml_attr attrs[TAC_XML_MAX_ATTRS];
    size_t     n_attrs;
    long       tag_line;
    bool       pending_record;      /* r->tag holds a <Sentence>/<Article> start tag */
    bool       in_cdata;
    long       n_xml_records;       /* record start tags met */
    tac_error  deferred;            /* error met while reading ahead in open() */
    tac_env_entry *env;
    size_t     n_env;
    tac_config_option *pending_config;   /* <Config> seen since the last record (malloc'd) */
    size_t     n_pending_config, cap_pending_config;
};

/* Format-specific steps: fill rec or return TAC_SKIPPED/TAC_END/error. */
tac_status tac_ingest_text_next(tac_reader *r, tac_record *rec, tac_error *err);
tac_status tac_ingest_jsonl_next(tac_reader *r, tac_record *rec, tac_error *err);
tac_status tac_ingest_xml_next(tac_reader *r, tac_record *rec, tac_error *err);
tac_status tac_ingest_ptb_next(tac_reader *r, tac_record *rec, tac_error *err);
/* Reads up to the first record (collecting <Environment>) so that
 * tac_reader_env() answers right after open. Errors are deferred. */
void       tac_ingest_xml_prepare(tac_reader *r);
void       tac_ingest_xml_free(tac_reader *r);

/* Shared record completion: repairs UTF-8 in every string (warning with the
 * record id and count), synthesises a missing id, derives doc_id and
 * sentence_index, detects the dateline of articles. rec->text/text_len and
 * the other fields must be set; strings may point into reader buffers. */
tac_status tac_ingest_finish(tac_reader *r, tac_record *rec, tac_error *err);
/* "FILE:LINE: record ID: message" into err (ID part omitted when NULL). */
tac_status tac_ingest_fail(tac_reader *r, tac_error *err, tac_status st, long line,
                           const char *id, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Reads the next line of a line-per-record format into r->line, *line_no
 * its number: TAC_OK, TAC_END, TAC_SKIPPED for a line over the record
 * limit (reported), TAC_ENOMEM. */
tac_status tac_ingest_next_line(tac_reader *r, long *line_no, tac_error *err);
/* Appends a <Config> option to the list handed out with the next record. */
bool       tac_ingest_add_config(tac_reader *r, const char *option, const char *value);

/* ---- text helpers (textutil.c) --------------------------------------- */

/* Length of the well-formed UTF-8 sequence at p (NUL counts as invalid);
 * 0 when invalid, with *bad = bytes of the maximal invalid subpart. */
size_t tac_utf8_seq(const unsigned char *p, size_t n, size_t *bad);
/* Number of invalid sequences in s[0..n). */
size_t tac_utf8_count_invalid(const char *s, size_t n);
/* Copies s[0..n) to out (which needs 3*n+1 bytes) replacing each invalid
 * sequence by U+FFFD; returns the new length. out is NUL-terminated. */
size_t tac_utf8_repair(const char *s, size_t n, char *out);
/* Appends code point cp as UTF-8; returns bytes written (1..4). */
size_t tac_utf8_encode(uint32_t cp, char *out);
/* Normalises "YYYY-MM-DD" or "YYYYMMDD" (optionally followed by 'T' or ' '
 * and a time) to "YYYY-MM-DD" in out; false if not a valid calendar date. */
bool   tac_ingest_date(const char *s, size_t n, char out[11]);
/* Collapses runs of ASCII whitespace to one space and trims; in place. */
size_t tac_ingest_collapse_space(char *s, size_t n);
/* Trims ASCII whitespace at both ends: returns the start, sets *n. */
char  *tac_ingest_trim(char *s, size_t *n);

/* ---- dateline (dateline.c) ------------------------------------------- */
/* tac_find_dateline() is public (tacitus.h). */

/* ---- PTB (ptb.c) ----------------------------------------------------- */

/* Checks a bracketed tree and appends its leaves, space-separated and with
 * -LRB- etc. undone, to out. On failure returns false with a reason in
 * *why and the 1-based column of the problem in *col. */
bool tac_ptb_leaves(const char *tree, size_t n, tac_buf *out, const char **why, size_t *col);

#endif
