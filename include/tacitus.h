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
    const char *error;      /* <EventCoding error="dateline">: the coder is
                             * expected to reject the record for this reason */
} tac_expected_event;

/* A PETRARCH validation <Config option="require_dyad" value="false"> setting. */
typedef struct tac_config_option {
    const char *option;
    const char *value;
} tac_config_option;

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
    const char *text;        /* valid UTF-8 (bad bytes became U+FFFD), NUL-terminated;
                              * XML <Text> has its whitespace collapsed */
    size_t      text_len;
    const char *parse;       /* Penn Treebank parse text (XML <Parse>, PTB line) */
    const char *dateline;    /* place named by the dateline ("BEIJING"), or NULL */
    size_t      body_offset; /* byte offset in text where the body starts (after dateline) */
    bool        is_sentence; /* the record is a single sentence, not an article */
    const tac_expected_event *expected;   /* validation records only */
    size_t      n_expected;
    const char *file;        /* input name ("-" for stdin) */
    long        line;        /* line where the record starts (1-based) */
    /* <Config> elements met since the previous record (validation files),
     * in file order: they apply from this record on. */
    const tac_config_option *config;
    size_t      n_config;
} tac_record;

typedef struct tac_reader tac_reader;

typedef struct tac_reader_options {
    tac_format  format;        /* TAC_FORMAT_AUTO to detect */
    const char *default_date;  /* "YYYY-MM-DD" for records without one (--date) */
    size_t      max_record_bytes; /* 0 = default (4 MiB); longer records are
                                   * skipped without being buffered */
    tac_diag    diag;          /* warnings (non-fatal) */
} tac_reader_options;

/* path "-" or NULL reads standard input. */
tac_reader *tac_reader_open(const char *path, const tac_reader_options *opt, tac_error *err);
/* TAC_OK: *rec filled. TAC_END: no more. TAC_SKIPPED: a bad record was
 * skipped, err says which and why; call again to go on. Negative: fatal. */
tac_status  tac_reader_next(tac_reader *r, tac_record *rec, tac_error *err);
tac_format  tac_reader_format(const tac_reader *r);
/* Values of a PETRARCH validation file's <Environment> (key "Verbfile",
 * "Actorfile", ...; several Actorfile values are joined with ','; a <Config
 * option="X" value="V"> there is key "X"), or NULL. Available after open. */
const char *tac_reader_env(const tac_reader *r, const char *key);
void        tac_reader_close(tac_reader *r);
/* Recognises a dateline at the very start of text: an all-caps place
 * ("BEIJING", "RIO DE JANEIRO"), optional ", Region" parts ("SEOUL, South
 * Korea"), an optional date ("March 3") and "(AGENCY)", then a dash (-, --,
 * en or em dash). On success *place_len is the length of the place as
 * written (with its regions, without date/agency) and *body_offset the byte
 * where the body starts. */
bool        tac_find_dateline(const char *text, size_t len, size_t *place_len,
                              size_t *body_offset);

/* ======================================================================
 * Text: normalisation, sentence splitting, tokenization
 * ====================================================================== */

typedef enum tac_sentence_kind {
    TAC_SENT_BODY = 0,
    TAC_SENT_DATELINE,
    TAC_SENT_HEADLINE
} tac_sentence_kind;

/* A token. `form` is the normalised Penn Treebank form ("'s", "n't", "``",
 * "''", "--" for dashes, "-LRB-", NFC); start/end are byte offsets into the
 * record's original text. A sentence-final abbreviation ("U.S.") is followed
 * by an extra "." token that owns the period byte (see docs/text.md). */
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
    uint32_t      n_invalid_bytes; /* invalid UTF-8 bytes: each is one opaque
                                    * character, shown as U+FFFD in forms */
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
    /* Added by the document stage (tac_engine); NULL / false / 0 without it.
     * Then `date` is the first day of event_date, so that series and stores
     * count events when they happened, not when they were reported. */
    const char *story_date;      /* "YYYY-MM-DD" */
    const char *event_date;      /* at its precision: "2025-10-09", "2025-09",
                                  * "2024", "1950..1953" */
    const char *date_precision;  /* "day", "month", "year", "range" */
    bool        historical;      /* more than a year before the story */
    const char *place;           /* gazetteer name, "Pyongyang" */
    const char *country;         /* ISO alpha-3 of the place */
    bool        has_location;
    double      lat, lon;
    const int  *sentences;       /* every sentence that reports the event */
    size_t      n_sentences;
    int         count;           /* `--dedupe day`: stories that reported this
                                  * (source, target, code, date); 0 = not counted */
} tac_event;

/* ======================================================================
 * Coding: dictionaries and the coder (src/code/)
 * ====================================================================== */
/* @section code */
/* Dictionaries: compiled once, immutable, shared by all threads. */
typedef struct tac_dicts tac_dicts;

/* Which files to load. Explicit files win over what `dir` provides; `dir`
 * picks *.txt files by name, case-insensitively, in PETRARCH's and in our
 * naming: CAMEO*, verbs* or *.verbs* (verbs); actors* or *.actors* (all of
 * them, in name order); agents* or *.agents*; *discards*; *issue*. A
 * directory without a verb dictionary is TAC_ENOTFOUND. `actors` is a
 * comma-separated list. NULL = none. */
typedef struct tac_dict_paths {
    const char *dir;
    const char *verbs;
    const char *actors;
    const char *agents;
    const char *discards;
    const char *issues;
} tac_dict_paths;

typedef struct tac_dict_counts {
    size_t verbs;          /* verb lines (primary verbs and multi-word verbs) */
    size_t verb_forms;     /* generated and irregular forms */
    size_t patterns;
    size_t synsets;
    size_t transforms;
    size_t actors;         /* actor entries */
    size_t actor_phrases;  /* names and synonyms */
    size_t agents;         /* agent phrases including generated plurals */
    size_t discards;
    size_t issues;         /* issue phrases after expansion */
    size_t skipped;        /* malformed entries skipped (each reported to diag) */
} tac_dict_counts;

/* Malformed entries are reported to diag as "file:line" and skipped; only a
 * missing/unreadable file or no verb dictionary fails (NULL, err set). */
tac_dicts *tac_dicts_load(const tac_dict_paths *paths, const tac_diag *diag, tac_error *err);
void       tac_dicts_free(tac_dicts *d);
void       tac_dicts_counts(const tac_dicts *d, tac_dict_counts *out);

/* PETRARCH's coding options (config.ini / validation <Config>). */
typedef struct tac_coder_options {
    bool require_dyad;      /* events need a source and a target (default true) */
    int  new_actor_length;  /* > 0: an uncoded noun phrase of at most this many words
                             * is an actor named by its words ("THE MINISTRY OF
                             * MAGIC"); default 0 = off */
    bool code_issues;       /* attach issue codes (default true) */
    /* PETRARCH-1/TABARI comma-clause elimination: a clause between two
     * commas of comma_min..comma_max words, a leading clause of
     * comma_bmin..comma_bmax words before the first comma, or a trailing
     * clause of comma_emin..comma_emax words after the last comma is
     * ignored. A max of 0 turns that kind off (the default for all three;
     * PETRARCH's config.ini uses 2..8, off, 2..8). Commas in lists of
     * conjoined noun phrases never count. */
    int  comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax;
} tac_coder_options;

void tac_coder_options_default(tac_coder_options *opt);

/* A per-thread coder: holds the arena for trees and events. */
typedef struct tac_coder tac_coder;

tac_coder *tac_coder_new(const tac_dicts *d, const tac_coder_options *opt, tac_error *err);
void       tac_coder_set_options(tac_coder *c, const tac_coder_options *opt);
void       tac_coder_free(tac_coder *c);

/* A parse tree as arrays: what the front end hands the coder, so a tree it
 * built is not printed and read back. Node 0 is the root; a node's children
 * are first_kid, then each child's next_sib (-1: none), and every index
 * points forward (children and later siblings have larger indexes). A leaf
 * has a word and no children; a phrase has children and no word. */
typedef struct tac_tree_node {
    const char *label;       /* phrase label ("NP"), or a leaf's POS tag */
    const char *word;        /* leaves: the token; NULL for phrases */
    int32_t     first_kid, next_sib;
} tac_tree_node;

/* One parsed sentence to code. */
typedef struct tac_sentence_input {
    const char *parse;       /* Penn Treebank bracketing, e.g. "(ROOT (S ...))" */
    const char *date;        /* "YYYY-MM-DD" (also YYYYMMDD); for date-restricted actors */
    const char *doc_id;
    int         sentence;    /* index of the sentence in its document */
    const char *text;        /* the sentence text (events point at it); may be NULL */
    const tac_tree_node *nodes;   /* or the tree as nodes (used instead of parse when set) */
    size_t      n_nodes;
} tac_sentence_input;

typedef enum tac_discard_kind {
    TAC_DISCARD_NONE = 0,
    TAC_DISCARD_SENTENCE,    /* a discard phrase: this sentence is not coded */
    TAC_DISCARD_STORY        /* a '+' discard phrase: the whole story is not coded */
} tac_discard_kind;

/* Codes one sentence. *events (n of them) stay valid until the next call on
 * this coder. A malformed tree gives TAC_EPARSE with a message (no events).
 * `discard` (may be NULL) tells whether a discard phrase matched. */
tac_status tac_coder_code_parse(tac_coder *c, const tac_sentence_input *in,
                                const tac_event **events, size_t *n,
                                tac_discard_kind *discard, tac_error *err);

/* Coreference across sentences: a hook to a document memory (the document
 * stage's tac_doc_memory). Tokens are leaf indices of the sentence's tree
 * (after comma-clause elimination, when that is on); words[0..n_tokens) is
 * their text as written; `sentence` is tac_sentence_input.sentence.
 *   noted:   called for every actor phrase the dictionaries coded in the
 *            sentence (the smallest coded noun phrases), once per code,
 *            before any reference of the sentence is resolved.
 *   resolve: called for a noun phrase with no actor that may refer back (a
 *            pronoun the sentence itself cannot resolve, "the premier",
 *            "the two countries", "both sides", "the two", a proper noun no
 *            dictionary knows such as "Kim"). Writes up to `cap` codes
 *            (TAC_MENTION_MAX_CODES; two for "the two") to codes[] and
 *            returns how many; 0 = unknown. The strings must stay valid
 *            until tac_coder_code_parse returns.
 * A resolved code counts as a dictionary actor; its event provenance
 * (source_entry/target_entry) reads "coreference: CODE (sentence N)". A
 * plural reference acting with no other target ("the two agreed to ...
 * their friendship") codes the event both ways between its members.
 * Either callback may be NULL. */
#define TAC_MENTION_MAX_CODES 4
typedef struct tac_mention_hook {
    void  *ud;
    void  (*noted)(void *ud, int sentence, size_t first_token, size_t n_tokens,
                   const char *const *words, const char *code);
    size_t (*resolve)(void *ud, int sentence, size_t first_token, size_t n_tokens,
                      const char *const *words, const char **codes, size_t cap);
} tac_mention_hook;

/* Installs (a copy of) the hook; NULL removes it. */
void tac_coder_set_mention_hook(tac_coder *c, const tac_mention_hook *hook);
/* @end code */

/* ======================================================================
 * Document stage: event dates, places, coreference and de-duplication
 * across the sentences of one article (src/document/, docs/document.md)
 * ====================================================================== */
/* @section document */
struct tac_arena;

/* ---- event dates ----------------------------------------------------- */

typedef enum tac_date_precision {
    TAC_DATE_NONE = 0,   /* nothing known (no story date) */
    TAC_DATE_DAY,
    TAC_DATE_MONTH,
    TAC_DATE_YEAR,
    TAC_DATE_RANGE       /* a span: "last week", "1950-1953", "the 1990s" */
} tac_date_precision;

/* "day", "month", "year", "range"; "" for TAC_DATE_NONE. */
const char *tac_date_precision_name(tac_date_precision p);

typedef enum tac_tense {
    TAC_TENSE_UNKNOWN = 0, TAC_TENSE_PAST, TAC_TENSE_PRESENT, TAC_TENSE_FUTURE
} tac_tense;

/* The date a sentence (or an event in it) refers to. */
typedef struct tac_event_date {
    char    date[32];        /* "2025-10-09" (day), "2025-09" (month), "2025"
                              * (year), "1950..1953" or "2025-09-29..2025-10-05"
                              * (range); "" when precision is NONE */
    tac_date_precision precision;
    bool    historical;      /* ends more than 365 days before the story date */
    bool    is_start;        /* "since April 2024": the date opens a period */
    bool    from_story;      /* no date expression found: the story date */
    int     first_token;     /* the expression is tokens [first_token, end_token); */
    int     end_token;       /* -1, -1 when from_story */
    int32_t first_day;       /* the days covered (days since 1970-01-01), */
    int32_t last_day;        /* for comparing dates of any precision */
} tac_event_date;

typedef struct tac_date_input {
    const char *story_date;        /* "YYYY-MM-DD" (required) */
    const char *const *forms;      /* the sentence's tokens, PTB forms */
    const char *const *tags;       /* their Penn Treebank tags, or NULL */
    size_t      n;
    int         verb;              /* token index of the event verb, or -1 */
    tac_tense   tense;             /* tense of the event verb, or UNKNOWN */
} tac_date_input;

/* Resolves the date the sentence refers to: weekdays, today/yesterday,
 * last/next week|month|year, month names with or without day and year,
 * ISO dates, years, year ranges and decades, "since ..." starts, well-known
 * wars. Of several expressions, the one attached to the verb (nearest, a
 * fronted "Last month," counts as attached) wins. Without any, out is the
 * story date (from_story). TAC_EINVAL if the story date is malformed (then
 * out has precision NONE). */
tac_status tac_resolve_date(const tac_date_input *in, tac_event_date *out, tac_error *err);

/* The tense of the verb group at token `verb` (or of the whole sentence
 * when verb < 0): will/would/'ll/shall/going to/set to/plans to -> future;
 * past forms, was/were/had/'d -> past; is/are/says -> present. Tags are
 * used when given (VBD past, MD will), forms otherwise. */
tac_tense tac_infer_tense(const char *const *forms, const char *const *tags, size_t n, int verb);

/* ---- places ---------------------------------------------------------- */

typedef enum tac_place_kind {
    TAC_PLACE_COUNTRY = 0, TAC_PLACE_CAPITAL, TAC_PLACE_CITY, TAC_PLACE_REGION
} tac_place_kind;

/* "country", "capital", "city", "region". */
const char *tac_place_kind_name(tac_place_kind k);

typedef struct tac_place {
    const char *name;          /* "Pyongyang" */
    const char *alt;           /* alternative names, '|'-separated, or "" */
    tac_place_kind kind;
    const char *country;       /* ISO 3166 alpha-3, "PRK" */
    double      lat, lon;      /* degrees; a representative point for countries */
} tac_place;

/* The gazetteer: immutable once loaded, share it between threads. */
typedef struct tac_gazetteer tac_gazetteer;

/* Loads a gazetteer TSV (name, alternative names, kind, ISO alpha-3, lat,
 * lon); path NULL loads the one built into the library (data/gazetteer.tsv).
 * Bad rows are reported to diag as file:line and skipped (*skipped counts
 * them, may be NULL). NULL with err set if the file cannot be read. */
tac_gazetteer *tac_gazetteer_load(const char *path, const tac_diag *diag, size_t *skipped,
                                  tac_error *err);
void           tac_gazetteer_free(tac_gazetteer *g);
size_t         tac_gazetteer_count(const tac_gazetteer *g);
const tac_place *tac_gazetteer_at(const tac_gazetteer *g, size_t i);
/* By name or alternative name: exact case first, then ignoring case
 * ("BEIJING"); NULL if unknown. */
const tac_place *tac_gazetteer_lookup(const tac_gazetteer *g, const char *name);
/* The longest place name (case-sensitive, over tokens) starting at token i:
 * returns the number of tokens it spans and sets *out, or 0. */
size_t tac_gazetteer_match(const tac_gazetteer *g, const char *const *forms, size_t n,
                           size_t i, const tac_place **out);

typedef struct tac_place_input {
    const char *const *forms;
    const char *const *tags;   /* or NULL */
    size_t      n;
    int         verb;          /* token index of the event verb, or -1 */
    const char *dateline;      /* the story's dateline place ("BEIJING"), or NULL */
    bool        historical;    /* the event is historical: no dateline fallback */
} tac_place_input;

typedef struct tac_event_place {
    const tac_place *place;    /* NULL: no place */
    int  first_token, end_token;  /* the name in the sentence; -1 if dateline */
    bool from_dateline;
} tac_event_place;

/* Where the sentence's event happened: a place in a prepositional phrase
 * ("in Pyongyang", "visit to North Korea", "from Beijing", "in the
 * northern city of Aleppo") or the object of a movement/attack verb
 * ("visited Beijing"), preferring the one nearest the verb; a place that
 * modifies an actor ("North Korea's Air Koryo") is not a location. With
 * none, the dateline place unless the event is historical. */
void tac_find_place(const tac_gazetteer *g, const tac_place_input *in, tac_event_place *out);

/* ---- coreference inside a document ------------------------------------ */

/* What the document has said about its actors so far: full mentions
 * ("Chinese Premier Li Qiang" -> CHNGOV) let later short ones ("Li", "the
 * premier", "the Chinese leader", "he", "his") and plural ones ("the two
 * countries", "both sides", "the two") resolve to codes. One per document
 * at a time (reset between documents); one thread. */
typedef struct tac_doc_memory tac_doc_memory;

tac_doc_memory *tac_doc_memory_new(void);
void            tac_doc_memory_free(tac_doc_memory *m);
void            tac_doc_memory_reset(tac_doc_memory *m);
/* Records that words[0..n) in sentence `sentence` were coded `code`. The
 * words and code are copied. TAC_ENOMEM, TAC_EINVAL (NULL/empty code). */
tac_status      tac_doc_note_mention(tac_doc_memory *m, int sentence,
                                     const char *const *words, size_t n, const char *code);
/* The same with the mention's first token index in its sentence, so that a
 * reference sees only mentions before it ("In his talks with Xi": "his" is
 * not Xi). token -1 = unknown (then the whole sentence counts as before). */
tac_status      tac_doc_note_mention_at(tac_doc_memory *m, int sentence, int token,
                                        const char *const *words, size_t n, const char *code);
/* The code of a single referent, or NULL (unknown, or plural). The string
 * lives until the memory is reset. */
const char     *tac_doc_resolve(tac_doc_memory *m, int sentence,
                                const char *const *words, size_t n);
/* As tac_doc_resolve, but plural phrases give the pair last mentioned:
 * returns the number of codes (0, 1 or 2) put in codes[]. */
size_t          tac_doc_resolve_all(tac_doc_memory *m, int sentence,
                                    const char *const *words, size_t n, const char *codes[2]);
size_t          tac_doc_resolve_all_at(tac_doc_memory *m, int sentence, int token,
                                       const char *const *words, size_t n,
                                       const char *codes[2]);

/* ---- events of a document -------------------------------------------- */

/* What the document stage adds to a coded event. */
typedef struct tac_event_doc {
    tac_event      event;          /* a copy; strings live in the owner */
    tac_event_date date;
    const char    *place;          /* gazetteer name, or NULL */
    const char    *country;        /* ISO alpha-3, or NULL */
    bool           has_location;
    double         lat, lon;
    const int     *sentences;      /* every sentence that reports it, ascending */
    size_t         n_sentences;
} tac_event_doc;

/* One event told twice becomes one: same source, target and CAMEO code (or
 * one code refines the other: "04" and "042" keep "042"), and compatible
 * dates (their day spans overlap). The first report is kept, with the
 * more specific code, the more precise date and a place if either had
 * one; sentences[] lists all. in[] is not changed; *out (n_out of them)
 * and its sentence lists are allocated in arena. */
tac_status tac_dedupe_events(const tac_event_doc *in, size_t n, struct tac_arena *arena,
                             tac_event_doc **out, size_t *n_out, tac_error *err);

/* The stage as the pipeline calls it: per thread, one document at a time.
 *   begin -> (add_sentence, add_event...)* -> finish
 * Everything given is copied; results live until the next begin. */
typedef struct tac_document tac_document;

/* g may be NULL (then no places). */
tac_document *tac_document_new(const tac_gazetteer *g, tac_error *err);
void          tac_document_free(tac_document *d);
/* story_date "YYYY-MM-DD" (NULL: events keep their own date, no
 * resolution); dateline as in tac_record (may be NULL). */
tac_status    tac_document_begin(tac_document *d, const char *doc_id, const char *story_date,
                                 const char *dateline, tac_error *err);
/* The tokens of sentence `index` (tags may be NULL). */
tac_status    tac_document_add_sentence(tac_document *d, int index, const char *const *forms,
                                        const char *const *tags, size_t n, tac_error *err);
/* An event coded from sentence ev->sentence; verb = its verb's token index
 * or -1, tense or UNKNOWN. Copied. */
tac_status    tac_document_add_event(tac_document *d, const tac_event *ev, int verb,
                                     tac_tense tense, tac_error *err);
/* The coreference memory of the current document (for the coder). */
tac_doc_memory *tac_document_memory(tac_document *d);
/* Resolves dates and places, merges repeated events. *out (n) valid until
 * the next begin. */
tac_status    tac_document_finish(tac_document *d, const tac_event_doc **out, size_t *n,
                                  tac_error *err);

/* ---- across documents: one a day ------------------------------------- */

/* The `--dedupe day` filter: the same (source, target, code, date) seen in
 * any story is passed once and counted after. Memory is bounded: keys are
 * bucketed by story date and days more than window_days older than the
 * newest story date seen are forgotten. One thread. */
typedef struct tac_day_filter tac_day_filter;

/* window_days <= 0 means 7. */
tac_day_filter *tac_day_filter_new(int window_days);
void            tac_day_filter_free(tac_day_filter *f);
/* *is_new: first sighting within the window; *count (may be NULL): sightings
 * so far including this one. The story date (else the event date's first
 * day) places the key in the window; a key seen again is kept as long as it
 * keeps being seen. An event with neither date, or older than the window,
 * is passed as new and not remembered. TAC_EINVAL (NULL code), TAC_ENOMEM. */
tac_status      tac_day_filter_add(tac_day_filter *f, const char *story_date,
                                   const char *source, const char *target, const char *code,
                                   const char *date, bool *is_new, long *count);
/* Keys remembered now. */
size_t          tac_day_filter_size(const tac_day_filter *f);
/* @end document */

/* ======================================================================
 * Output: codebook (CAMEO names, Goldstein, quad class, PLOVER) and event
 * writers (src/output/)
 * ====================================================================== */
/* @section output */
/* The CAMEO codebook (data/cameo-codebook.tsv, compiled in): immutable,
 * safe to read from any thread. Strings are never NULL; "" = not defined. */
typedef struct tac_cameo_info {
    const char *code;            /* "042" (2-digit roots are entries too) */
    const char *name;            /* "Make a visit" */
    const char *root_code;       /* "04" */
    double      goldstein;       /* Goldstein weight, -10 .. +10 */
    int         quad_class;      /* 1 verbal coop, 2 material coop, 3 verbal conflict,
                                  * 4 material conflict */
    const char *plover;          /* PLOVER category "CONSULT", or "" (01, 02 families) */
    const char *plover_mode;     /* "visit", or "" */
    const char *plover_context;  /* "crime;corruption", or "" */
} tac_cameo_info;

/* NULL when the code is not in the codebook (or code is NULL). */
const tac_cameo_info *tac_cameo_lookup(const char *code);
/* Iterates the codebook in code order: i in [0, tac_cameo_count()). */
size_t                tac_cameo_count(void);
const tac_cameo_info *tac_cameo_at(size_t i);
/* "verbal cooperation" ... "material conflict"; NULL outside 1..4. */
const char           *tac_quad_class_name(int quad_class);

/* PLOVER's own event categories (16, in PLOVER's order). */
typedef struct tac_plover_category {
    const char *name;            /* "CONSULT" */
    const char *description;     /* one line */
    int         quad_class;      /* the CAMEO-style quad it belongs to */
} tac_plover_category;

const tac_plover_category *tac_plover_categories(size_t *n);
const tac_plover_category *tac_plover_lookup(const char *name);   /* NULL if unknown */

/* Event writers: each appends one event (one line, '\n'-terminated) to a
 * tac_buf; no allocation beyond the buffer's growth. Events whose CAMEO code
 * is not in the codebook are still written, with null/empty codebook fields.
 * Text is written as valid UTF-8 (invalid bytes become U+FFFD). */
typedef struct tac_buf tac_buf;   /* growable byte buffer, src/util/util.h */

typedef enum tac_output_format {
    TAC_OUTPUT_JSONL = 0,        /* one JSON object per line */
    TAC_OUTPUT_TSV,              /* Phoenix column order, then Tacitus columns */
    TAC_OUTPUT_TEXT              /* one readable line per event, for terminals */
} tac_output_format;

/* "jsonl" (also "json"), "tsv", "text"; false if unknown. */
bool        tac_output_format_parse(const char *name, tac_output_format *out);
const char *tac_output_format_name(tac_output_format fmt);
/* The TSV header line (column names); nothing for the other formats. */
tac_status  tac_write_header(tac_output_format fmt, tac_buf *out);
/* TAC_OK, TAC_EINVAL (NULL event/buffer, bad format), TAC_ENOMEM. */
tac_status  tac_write_event(tac_output_format fmt, const tac_event *ev, tac_buf *out);
/* A stable 16-hex-digit id of an event: a hash of doc_id, sentence, source,
 * cameo code and target, so re-coding the same text gives the same id. */
void        tac_event_id(const tac_event *ev, char out[17]);
/* @end output */

/* ======================================================================
 * Tagging and lemmatization (src/tag/)
 * ====================================================================== */
/* @section tag */
/* Part-of-speech tagging with Penn Treebank tags, and lemmatization.
 * Models are built into the build tree at build time (models/tagger.bin
 * from liblingua-en-tagger-perl, models/lemmas.bin from wordnet-base).
 * A loaded model is immutable: share it between threads freely. Per-call
 * working memory comes from a caller's arena (util/util.h), which the
 * caller resets between sentences or records. */
struct tac_arena;

typedef struct tac_tagger tac_tagger;

/* Loads a tagger model. path NULL means $TACITUS_TAGGER_MODEL if set, else
 * the model built with the library (<build>/models/tagger.bin). Returns
 * NULL and fills err (naming the file) if it is missing or malformed. */
tac_tagger *tac_tagger_load(const char *path, tac_error *err);
void        tac_tagger_free(tac_tagger *t);
/* The file the model was loaded from. */
const char *tac_tagger_path(const tac_tagger *t);

/* Tags one sentence. forms[0..n) are tokens in Penn Treebank form ("'s",
 * "n't", "``", "-LRB-"); tags_out[i] receives a static tag name ("NN").
 * The Viterbi tables are allocated in scratch (O(n) bytes); nothing is
 * malloc'd once the arena has grown. TAC_ENOMEM if scratch is exhausted,
 * TAC_EINVAL on NULL arguments. n == 0 is fine. */
tac_status  tac_tag_tokens(const tac_tagger *t, const char *const *forms, size_t n,
                           const char **tags_out, struct tac_arena *scratch,
                           tac_error *err);
/* The same for a sentence of the text stage; tags_out has s->n_tokens slots. */
tac_status  tac_tag_sentence(const tac_tagger *t, const tac_sentence *s,
                             const char **tags_out, struct tac_arena *scratch,
                             tac_error *err);

typedef struct tac_lemmatizer tac_lemmatizer;

/* Loads the lemmatizer model: path NULL means $TACITUS_LEMMA_MODEL if set,
 * else <build>/models/lemmas.bin. */
tac_lemmatizer *tac_lemmatizer_load(const char *path, tac_error *err);
void            tac_lemmatizer_free(tac_lemmatizer *l);
/* The lemma of `word` used with Penn Treebank tag `tag` ("fought"/VBD ->
 * "fight", "countries"/NNS -> "country", "better"/JJR -> "good"). A NULL
 * tag tries noun, verb and adjective readings in turn. Proper nouns keep
 * their case; other lemmas are lower case. The result is a static string,
 * a string in arena, or `word` itself when the lemma is the word unchanged;
 * NULL only if word is NULL or arena is exhausted. */
const char     *tac_lemma(const tac_lemmatizer *l, const char *word, const char *tag,
                          struct tac_arena *arena);
/* @end tag */

/* ======================================================================
 * Shallow parsing (src/parse/)
 * ====================================================================== */
/* @section parse */
/* The shallow parser: one tagged sentence in, a Penn Treebank bracketed tree
 * out, "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties))) (. .)))",
 * shaped like the CoreNLP trees the coder was written for (docs/parser.md).
 * Deterministic and linear time. A tac_parser is per-thread scratch; it
 * holds no model, so create one per thread freely. */
typedef struct tac_parser tac_parser;

tac_parser *tac_parser_new(tac_error *err);
void        tac_parser_free(tac_parser *p);

/* Parses forms[0..n) tagged tags[0..n) (Penn Treebank tags; unknown or NULL
 * tags are kept as "XX" leaves and never fail). *tree_out stays valid until
 * the next call on p. Any n works: n == 0 gives "(ROOT (S))"; very long or
 * odd sentences degrade to flatter trees, never to an error. Parentheses
 * in forms are written as -LRB-/-RRB-, whitespace as '_'. TAC_EINVAL on
 * NULL arguments (with n > 0), TAC_ENOMEM. */
tac_status  tac_parse_tokens(tac_parser *p, const char *const *forms,
                             const char *const *tags, size_t n,
                             const char **tree_out, tac_error *err);
/* The same parse as nodes (words escaped as in the bracketing), allocated
 * from `arena`. */
tac_status  tac_parse_tokens_nodes(tac_parser *p, const char *const *forms,
                                   const char *const *tags, size_t n, struct tac_arena *arena,
                                   const tac_tree_node **nodes, size_t *n_nodes,
                                   tac_error *err);

/* Raw text to trees: text stage -> tagger -> parser, for one record at a
 * time. A tac_frontend is per-thread (it owns a text context, an arena and
 * a parser); the tagger it uses is shared and must outlive it. */
typedef struct tac_frontend tac_frontend;

typedef struct tac_parsed_sentence {
    int          index;       /* index of the sentence in the record's tac_text */
    tac_sentence_kind kind;
    const char  *text;        /* the sentence's text, NUL-terminated copy */
    const tac_token *tokens;
    uint32_t     n_tokens;
    const char *const *tags;  /* n_tokens Penn Treebank tags */
    const char  *tree;        /* the bracketed parse; NULL when bracketings are off */
    const tac_tree_node *nodes;   /* the same parse as nodes */
    size_t       n_nodes;
} tac_parsed_sentence;

tac_frontend *tac_frontend_new(const tac_tagger *tagger, tac_error *err);
void          tac_frontend_free(tac_frontend *fe);
/* Analyzes text[0..len) (dateline_end as for tac_text_analyze) and parses
 * its body sentences (dateline and headline sentences are left out); with
 * all_sentences set, every sentence is parsed. *out (n of them) stays valid
 * until the next call on fe. */
tac_status    tac_frontend_parse(tac_frontend *fe, const char *text, size_t len,
                                 size_t dateline_end, bool all_sentences,
                                 const tac_parsed_sentence **out, size_t *n,
                                 tac_error *err);
/* Whether tac_frontend_parse also prints each tree as a bracketing (on by
 * default; the coding engine, which takes the nodes, turns it off). */
void          tac_frontend_set_bracketing(tac_frontend *fe, bool on);
/* @end parse */

/* ======================================================================
 * Event store and queries (src/store/)
 * ====================================================================== */
/* @section store */
/* An SQLite database of documents, their sentences and the events coded from
 * them, with provenance, and the queries analysts run on it (docs/store.md).
 * A tac_store is a connection: one thread at a time. Ingest is idempotent
 * (re-adding a document id replaces it) and crash-consistent (documents are
 * committed whole, several per transaction). */
typedef struct tac_store tac_store;

typedef struct tac_store_options {
    bool     read_only;       /* open an existing store for queries only */
    int      batch_documents; /* documents per transaction; 0 = 1000 */
    bool     bulk;            /* fresh store only: one transaction, indexes
                               * built at close (fast generation of big stores) */
    tac_diag diag;            /* warnings about bad fields kept or dropped */
} tac_store_options;

tac_store *tac_store_open(const char *path, const tac_store_options *opt, tac_error *err);
/* Commits the pending batch, closes, frees. NULL is a no-op. */
tac_status tac_store_close(tac_store *st, tac_error *err);
/* Commits the pending batch now (documents committed so far become durable). */
tac_status tac_store_flush(tac_store *st, tac_error *err);

typedef struct tac_store_document {
    const char *doc_id;       /* required */
    const char *date;         /* "YYYY-MM-DD" or NULL */
    const char *source, *url, *title;   /* NULL if unknown */
} tac_store_document;

/* Fields the document stage adds to an event, and codebook values that
 * override the built-in lookup. Zero-initialise and set what is known. */
typedef struct tac_store_event_extra {
    bool        has_goldstein;
    double      goldstein;
    int         quad;             /* 1..4; 0 = from the code */
    const char *plover, *plover_mode, *plover_context;  /* NULL = codebook */
    const char *date_precision;   /* "day", "month", "year"... or NULL */
    const char *place, *country;  /* NULL if unknown */
    bool        has_location;
    double      lat, lon;
    int         historical;       /* -1 unknown, 0 current news, 1 past event */
    const int  *reported_by;      /* sentences reporting this event */
    size_t      n_reported_by;
} tac_store_event_extra;

/* A document's writes: begin, add sentences and events, commit (or abort).
 * Begin replaces any stored document with the same id. add_event returns
 * TAC_SKIPPED (err says why) for an event it cannot store, e.g. a bad code;
 * the rest of the document goes on. */
tac_status tac_store_begin_document(tac_store *st, const tac_store_document *doc, tac_error *err);
tac_status tac_store_add_sentence(tac_store *st, int index, const char *text, size_t len,
                                  tac_error *err);
tac_status tac_store_add_event(tac_store *st, const tac_event *ev,
                               const tac_store_event_extra *extra, tac_error *err);
tac_status tac_store_commit_document(tac_store *st, tac_error *err);
void       tac_store_abort_document(tac_store *st);
/* *present = whether the document is stored (committed), to resume a run. */
tac_status tac_store_has_document(tac_store *st, const char *doc_id, bool *present,
                                  tac_error *err);

/* Filters; NULL / 0 / -1 mean "any". Actor specs: "CHN" (root), "CHNGOV"
 * (root CHN, agent starting GOV), "*GOV" (agent GOV, any root). */
typedef struct tac_query {
    const char *from, *to;        /* inclusive "YYYY-MM-DD" */
    const char *actor;            /* source or target */
    const char *source, *target;
    const char *dyad;             /* "CHN:PRK" directed, "CHN-PRK" either way */
    bool        either;           /* treat a "A:B" dyad as either way too */
    const char *code;             /* exact CAMEO code "042" */
    const char *root;             /* root code "04" */
    int         quad;             /* 1..4, 0 any */
    const char *plover;           /* PLOVER category, case-insensitive */
    int         historical;       /* -1 any, 0 not historical (or unknown), 1 */
    long        limit;            /* 0 = no limit */
} tac_query;

void tac_query_init(tac_query *q);   /* all "any" */

/* An event as stored, with its document and sentence. Strings are valid
 * during the callback only; absent values are NULL. */
typedef struct tac_stored_event {
    int64_t     id;
    const char *event_key;        /* tac_event_id(), as `tacitus code` prints it */
    const char *doc_id;
    int         ordinal;          /* index of the event in its document */
    int         sentence;
    const char *date;
    const char *source, *source_root, *source_agent;
    const char *target, *target_root, *target_agent;
    const char *cameo;
    int         quad;
    bool        has_goldstein;
    double      goldstein;
    const char *plover, *plover_mode, *plover_context;
    const char *issues;
    const char *text;             /* the sentence */
    const char *verb_pattern, *verb_where, *source_entry, *target_entry;
    const char *date_precision, *place, *country;
    bool        has_location;
    double      lat, lon;
    int         historical;       /* -1 unknown */
    const char *reported_by;      /* JSON array "[0,3]" or NULL */
    const char *doc_date, *doc_source, *doc_url, *doc_title;
} tac_stored_event;

/* Return non-zero from a callback to stop early. */
typedef int (*tac_stored_event_fn)(void *ud, const tac_stored_event *ev);
/* Events matching q, in date then id order. */
tac_status tac_store_query(tac_store *st, const tac_query *q, tac_stored_event_fn fn,
                           void *ud, tac_error *err);
/* One event by id: "123" (the id column), "DOCID#N" (N-th event of DOCID,
 * from 0) or the 16-hex-digit tac_event_id (not indexed: scans the store;
 * the first match). TAC_ENOTFOUND if absent. */
tac_status tac_store_get_event(tac_store *st, const char *event_id, tac_stored_event_fn fn,
                               void *ud, tac_error *err);

typedef enum tac_period {
    TAC_PERIOD_DAY, TAC_PERIOD_WEEK, TAC_PERIOD_MONTH, TAC_PERIOD_YEAR
} tac_period;
/* "day", "week", "month", "year" */
bool tac_period_parse(const char *name, tac_period *out);

/* One period of a series: "2024-03-05", "2024-W09" (ISO week), "2024-03", "2024". */
typedef struct tac_series_row {
    char   period[16];
    long   quad[5];           /* quad[1..4]: events per quad class */
    long   total;
    double goldstein_sum;
    long   goldstein_n;       /* events with a Goldstein value */
    double goldstein_mean;    /* goldstein_sum / goldstein_n; NAN if none */
} tac_series_row;
typedef int (*tac_series_fn)(void *ud, const tac_series_row *row);
/* Per-period counts of the events matching q (undated events left out).
 * When q->from or q->to is set, every period between them is reported,
 * empty ones with zeros (a missing bound is taken from the data). */
tac_status tac_store_series(tac_store *st, const tac_query *q, tac_period period,
                            tac_series_fn fn, void *ud, tac_error *err);

/* @end store */

/* ======================================================================
 * Engine: a whole record through every stage (src/engine/)
 * ====================================================================== */
/* @section engine */
/* The entry point most programs want: give it records (raw text or
 * parsed), get back the document's events. An engine is per-thread; the
 * dictionaries and tagger it uses are shared and must outlive it. */
typedef struct tac_engine tac_engine;

typedef struct tac_engine_config {
    const tac_dicts  *dicts;       /* required */
    const tac_tagger *tagger;      /* for raw text; NULL: only parsed records code */
    tac_coder_options coder;       /* tac_coder_options_default() for PETRARCH's */
    bool              from_text;   /* ignore <Parse>, run the front end on the text */
    bool              sentences_only; /* skip the document stage (dates, places,
                                    * merging): events as the coder gives them */
    const tac_gazetteer *gazetteer; /* places; NULL: the built-in one is loaded */
} tac_engine_config;

typedef struct tac_engine_stats {
    long sentences;                /* sentences coded */
    long events;
    /* sentences of the record left out because the coder refused the front
     * end's tree (a front-end bug: the rest of the record is coded), with
     * the last such message */
    long failed_sentences;
    char failure[256];
} tac_engine_stats;

tac_engine *tac_engine_new(const tac_engine_config *cfg, tac_error *err);
void        tac_engine_free(tac_engine *e);
/* Codes one record. *events (n of them) stay valid until the next call.
 * TAC_EPARSE/TAC_EINVAL: the record is unusable (no date, malformed tree,
 * raw text without a tagger), err says why; go on with the next record. */
tac_status  tac_engine_code(tac_engine *e, const tac_record *rec, const tac_event **events,
                            size_t *n, tac_engine_stats *stats, tac_error *err);
/* Deep-copies an event (strings, sentence list) into arena, e.g. to keep
 * it past the engine's next call. False when the arena is exhausted. */
struct tac_arena;
bool        tac_event_copy(tac_event *dst, const tac_event *src, struct tac_arena *arena);
/* @end engine */

#ifdef __cplusplus
}
#endif
#endif
