/* The tac_reader front end: opens a file or stdin, works out the format
 * (extension, else the first non-blank byte), refuses empty and binary
 * inputs with one skipped record, and dispatches to the format parsers.
 * Also the plain-text format (one article per file) and the completion
 * step every record goes through (UTF-8 repair, ids, datelines). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ingest/ingest.h"

const char *tac_format_name(tac_format f)
{
    switch (f) {
    case TAC_FORMAT_AUTO: return "auto";
    case TAC_FORMAT_TEXT: return "text";
    case TAC_FORMAT_JSONL: return "jsonl";
    case TAC_FORMAT_XML: return "xml";
    case TAC_FORMAT_PTB: return "ptb";
    }
    return "unknown";
}

bool tac_format_parse(const char *name, tac_format *out)
{
    static const struct { const char *name; tac_format f; } names[] = {
        {"auto", TAC_FORMAT_AUTO}, {"text", TAC_FORMAT_TEXT}, {"txt", TAC_FORMAT_TEXT},
        {"jsonl", TAC_FORMAT_JSONL}, {"json", TAC_FORMAT_JSONL}, {"ndjson", TAC_FORMAT_JSONL},
        {"xml", TAC_FORMAT_XML}, {"petrarch", TAC_FORMAT_XML}, {"ptb", TAC_FORMAT_PTB},
        {"tree", TAC_FORMAT_PTB}};
    if (!name)
        return false;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (tac_str_iequal(name, names[i].name)) {
            *out = names[i].f;
            return true;
        }
    }
    return false;
}

static tac_format format_from_extension(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash + 1 : path, '.');
    if (!dot)
        return TAC_FORMAT_AUTO;
    static const struct { const char *ext; tac_format f; } exts[] = {
        {".jsonl", TAC_FORMAT_JSONL}, {".json", TAC_FORMAT_JSONL}, {".ndjson", TAC_FORMAT_JSONL},
        {".xml", TAC_FORMAT_XML}, {".ptb", TAC_FORMAT_PTB}, {".mrg", TAC_FORMAT_PTB},
        {".tree", TAC_FORMAT_PTB}, {".txt", TAC_FORMAT_TEXT}};
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (tac_str_iequal(dot, exts[i].ext))
            return exts[i].f;
    return TAC_FORMAT_AUTO;
}

/* "dir/visit.txt" -> "visit"; stdin -> "stdin". */
static char *path_stem(const char *path)
{
    if (strcmp(path, "-") == 0)
        return strdup("stdin");
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = (dot && dot != base) ? (size_t)(dot - base) : strlen(base);
    return strndup(base, n);
}

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Looks at the start of the input: skips a UTF-8 byte order mark and
 * leading blanks, and decides whether the input is empty or binary.
 * Returns the first non-blank byte, or -1 if there is none. */
static int sniff(tac_reader *r)
{
    tac_input *in = &r->in;
    size_t avail = tac_input_fill(in, 3);
    if (avail >= 3 && memcmp(in->buf + in->pos, "\xEF\xBB\xBF", 3) == 0)
        tac_input_skip(in, 3);
    for (;;) {
        avail = tac_input_fill(in, TAC_INGEST_SNIFF_BYTES);
        if (avail == 0)
            return -1;
        size_t k = 0;
        while (k < avail && is_blank(in->buf[in->pos + k]))
            k++;
        if (k < avail) {
            tac_input_skip(in, k);
            break;
        }
        tac_input_skip(in, k);
    }
    avail = tac_input_fill(in, TAC_INGEST_SNIFF_BYTES);
    const unsigned char *p = (const unsigned char *)in->buf + in->pos;
    size_t n = avail < TAC_INGEST_SNIFF_BYTES ? avail : TAC_INGEST_SNIFF_BYTES;
    if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        r->first_problem = "binary data (UTF-16 text; convert it to UTF-8)";
        return p[0];
    }
    if (memchr(p, '\0', n)) {
        r->first_problem = "binary data (NUL bytes in the first 4 KiB)";
        return p[0];
    }
    size_t invalid = 0, i = 0;
    while (i < n) {
        size_t bad, len = tac_utf8_seq(p + i, n - i, &bad);
        if (len) {
            i += len;
        } else {
            if (i + bad >= n && n == TAC_INGEST_SNIFF_BYTES)
                break;   /* a character cut by the sample's end */
            invalid += bad;
            i += bad;
        }
    }
    if (invalid * 3 > n)
        r->first_problem = "binary data (mostly invalid UTF-8 in the first 4 KiB)";
    return p[0];
}

static tac_format format_from_byte(int c)
{
    switch (c) {
    case '{': return TAC_FORMAT_JSONL;
    case '<': return TAC_FORMAT_XML;
    case '(': return TAC_FORMAT_PTB;
    default: return TAC_FORMAT_TEXT;
    }
}

static void reader_free(tac_reader *r)
{
    if (!r)
        return;
    tac_input_close(&r->in);
    tac_ingest_xml_free(r);
    tac_arena_free(&r->arena);
    tac_buf_free(&r->line);
    tac_buf_free(&r->text);
    tac_buf_free(&r->parse);
    tac_buf_free(&r->title);
    tac_buf_free(&r->scratch);
    tac_buf_free(&r->tag);
    free(r->expected);
    free(r->path);
    free(r->stem);
    free(r);
}

static FILE *open_input(const char *path, tac_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        tac_fail(err, TAC_EIO, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        tac_fail(err, TAC_EIO, "%s: is a directory", path);
        return NULL;
    }
    return f;
}

tac_reader *tac_reader_open(const char *path, const tac_reader_options *opt, tac_error *err)
{
    tac_reader_options defaults = {0};
    if (!opt)
        opt = &defaults;
    bool use_stdin = !path || strcmp(path, "-") == 0;
    if (!use_stdin && !*path) {
        tac_fail(err, TAC_EINVAL, "empty input path");
        return NULL;
    }
    char date[11] = "";
    if (opt->default_date && *opt->default_date &&
        !tac_ingest_date(opt->default_date, strlen(opt->default_date), date)) {
        tac_fail(err, TAC_EINVAL, "invalid default date \"%s\" (want YYYY-MM-DD)",
                 opt->default_date);
        return NULL;
    }
    if ((unsigned)opt->format > TAC_FORMAT_PTB) {
        tac_fail(err, TAC_EINVAL, "unknown input format %d", (int)opt->format);
        return NULL;
    }
    FILE *f = use_stdin ? stdin : open_input(path, err);
    if (!f)
        return NULL;
    tac_reader *r = calloc(1, sizeof *r);
    if (!r || !tac_input_init(&r->in, f, !use_stdin)) {
        if (!use_stdin)
            fclose(f);
        free(r);
        tac_fail(err, TAC_ENOMEM, "%s: out of memory", use_stdin ? "-" : path);
        return NULL;
    }
    r->path = strdup(use_stdin ? "-" : path);
    r->stem = path_stem(use_stdin ? "-" : path);
    if (!r->path || !r->stem) {
        reader_free(r);
        tac_fail(err, TAC_ENOMEM, "out of memory");
        return NULL;
    }
    memcpy(r->default_date, date, sizeof date);
    r->max_record = opt->max_record_bytes ? opt->max_record_bytes : TAC_INGEST_DEFAULT_MAX_RECORD;
    r->diag = opt->diag;
    tac_arena_init(&r->arena, 16384);

    int first = sniff(r);
    if (r->in.errnum) {
        tac_fail(err, TAC_EIO, "%s: read error: %s", r->path, strerror(r->in.errnum));
        reader_free(r);
        return NULL;
    }
    if (first < 0)
        r->first_problem = "empty file";
    r->format = opt->format;
    if (r->format == TAC_FORMAT_AUTO && !use_stdin)
        r->format = format_from_extension(path);
    if (r->format == TAC_FORMAT_AUTO)
        r->format = first < 0 ? TAC_FORMAT_TEXT : format_from_byte(first);
    if (r->format == TAC_FORMAT_XML && !r->first_problem)
        tac_ingest_xml_prepare(r);
    return r;
}

tac_format tac_reader_format(const tac_reader *r) { return r ? r->format : TAC_FORMAT_AUTO; }

void tac_reader_close(tac_reader *r) { reader_free(r); }

tac_status tac_reader_next(tac_reader *r, tac_record *rec, tac_error *err)
{
    tac_error local;
    if (!err)
        err = &local;
    if (!r || !rec)
        return tac_fail(err, TAC_EINVAL, "tac_reader_next: NULL argument");
    memset(rec, 0, sizeof *rec);
    tac_arena_reset(&r->arena);
    r->n_expected = 0;
    if (r->state == READER_DONE)
        return TAC_END;
    if (r->state == READER_FIRST) {
        r->state = READER_RUNNING;
        if (r->first_problem) {
            r->state = READER_DONE;
            return tac_fail(err, TAC_SKIPPED, "%s: %s", r->path, r->first_problem);
        }
    }
    tac_status st;
    switch (r->format) {
    case TAC_FORMAT_JSONL: st = tac_ingest_jsonl_next(r, rec, err); break;
    case TAC_FORMAT_XML: st = tac_ingest_xml_next(r, rec, err); break;
    case TAC_FORMAT_PTB: st = tac_ingest_ptb_next(r, rec, err); break;
    default: st = tac_ingest_text_next(r, rec, err); break;
    }
    if (st == TAC_END && r->in.errnum) {
        r->state = READER_DONE;
        return tac_fail(err, TAC_EIO, "%s:%ld: read error: %s", r->path, r->in.line,
                        strerror(r->in.errnum));
    }
    if (st == TAC_END || st < 0)
        r->state = READER_DONE;
    if (st == TAC_OK)
        r->n_records++;
    return st;
}

const char *tac_reader_env(const tac_reader *r, const char *key)
{
    if (!r || !key)
        return NULL;
    for (size_t i = 0; i < r->n_env; i++)
        if (strcmp(r->env[i].key, key) == 0)
            return r->env[i].value;
    return NULL;
}

tac_status tac_ingest_fail(tac_reader *r, tac_error *err, tac_status st, long line,
                           const char *id, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (id)
        return tac_fail(err, st, "%s:%ld: record %s: %s", r->path, line, id, msg);
    return tac_fail(err, st, "%s:%ld: %s", r->path, line, msg);
}

tac_status tac_ingest_next_line(tac_reader *r, long *line_no, tac_error *err)
{
    *line_no = r->in.line;
    size_t full_len;
    if (!tac_input_line(&r->in, &r->line, r->max_record, &full_len))
        return TAC_END;
    if (r->in.nomem) {
        r->in.nomem = false;
        return tac_fail(err, TAC_ENOMEM, "%s:%ld: out of memory", r->path, *line_no);
    }
    if (full_len > r->max_record)
        return tac_ingest_fail(r, err, TAC_SKIPPED, *line_no, NULL,
                               "record exceeds %zu bytes (limit)", r->max_record);
    return TAC_OK;
}

bool tac_ingest_add_config(tac_reader *r, const char *option, const char *value)
{
    if (r->n_pending_config == r->cap_pending_config) {
        size_t cap = r->cap_pending_config ? 2 * r->cap_pending_config : 8;
        tac_config_option *p = realloc(r->pending_config, cap * sizeof *p);
        if (!p)
            return false;
        r->pending_config = p;
        r->cap_pending_config = cap;
    }
    char *o = strdup(option), *v = strdup(value);
    if (!o || !v) {
        free(o);
        free(v);
        return false;
    }
    r->pending_config[r->n_pending_config++] = (tac_config_option){o, v};
    return true;
}

/* ---- record completion ----------------------------------------------- */

/* Makes *s valid UTF-8 (copying into the arena if needed); counts repairs. */
static bool repair_string(tac_reader *r, const char **s, size_t *len, size_t *repaired)
{
    if (!*s)
        return true;
    size_t n = len ? *len : strlen(*s);
    size_t bad = tac_utf8_count_invalid(*s, n);
    if (bad == 0)
        return true;
    if (n > (SIZE_MAX - 1) / 3)
        return false;
    char *out = tac_arena_alloc(&r->arena, 3 * n + 1);
    if (!out)
        return false;
    size_t m = tac_utf8_repair(*s, n, out);
    *s = out;
    if (len)
        *len = m;
    *repaired += bad;
    return true;
}

/* Sentence ids "STORY_3" / "STORY-03" name sentence 3 of document STORY. */
static void split_sentence_id(tac_reader *r, tac_record *rec)
{
    const char *id = rec->id;
    size_t n = strlen(id), k = n;
    while (k > 0 && id[k - 1] >= '0' && id[k - 1] <= '9')
        k--;
    rec->doc_id = id;
    rec->sentence_index = 0;
    if (k == n || k < 2 || n - k > 6 || (id[k - 1] != '_' && id[k - 1] != '-'))
        return;
    char *doc = tac_arena_strndup(&r->arena, id, k - 1);
    if (!doc)
        return;
    rec->doc_id = doc;
    rec->sentence_index = atoi(id + k);
}

tac_status tac_ingest_finish(tac_reader *r, tac_record *rec, tac_error *err)
{
    rec->file = r->path;
    if (!rec->id) {
        rec->id = tac_arena_printf(&r->arena, "%s:%ld", r->stem, rec->line);
        if (!rec->id)
            return tac_fail(err, TAC_ENOMEM, "%s:%ld: out of memory", r->path, rec->line);
    }
    if (!rec->date && r->default_date[0])
        rec->date = r->default_date;
    size_t repaired = 0;
    bool ok = repair_string(r, &rec->text, &rec->text_len, &repaired) &&
              repair_string(r, &rec->id, NULL, &repaired) &&
              repair_string(r, &rec->title, NULL, &repaired) &&
              repair_string(r, &rec->source, NULL, &repaired) &&
              repair_string(r, &rec->url, NULL, &repaired) &&
              repair_string(r, &rec->category, NULL, &repaired) &&
              repair_string(r, &rec->parse, NULL, &repaired);
    for (size_t i = 0; ok && i < rec->n_expected; i++) {
        tac_expected_event *e = &r->expected[i];
        ok = repair_string(r, &e->source, NULL, &repaired) &&
             repair_string(r, &e->target, NULL, &repaired) &&
             repair_string(r, &e->code, NULL, &repaired);
    }
    if (!ok)
        return tac_fail(err, TAC_ENOMEM, "%s:%ld: out of memory", r->path, rec->line);
    if (repaired) {
        char where[300];
        snprintf(where, sizeof where, "%s:%ld", r->path, rec->line);
        tac_diag_emit(&r->diag, TAC_WARNING, where,
                      "record %s: replaced %zu invalid UTF-8 sequence%s with U+FFFD", rec->id,
                      repaired, repaired == 1 ? "" : "s");
    }
    if (rec->is_sentence) {
        split_sentence_id(r, rec);
    } else {
        rec->doc_id = rec->id;
        rec->sentence_index = -1;
        size_t lead = 0, place_len, body;
        while (lead < rec->text_len && is_blank(rec->text[lead]))
            lead++;
        if (tac_find_dateline(rec->text + lead, rec->text_len - lead, &place_len, &body)) {
            rec->dateline = tac_arena_strndup(&r->arena, rec->text + lead, place_len);
            rec->body_offset = lead + body;
        }
    }
    if (r->n_pending_config) {
        tac_config_option *cfg = tac_arena_alloc(&r->arena, r->n_pending_config * sizeof *cfg);
        if (!cfg)
            return tac_fail(err, TAC_ENOMEM, "%s:%ld: out of memory", r->path, rec->line);
        for (size_t i = 0; i < r->n_pending_config; i++) {
            cfg[i].option = tac_arena_strdup(&r->arena, r->pending_config[i].option);
            cfg[i].value = tac_arena_strdup(&r->arena, r->pending_config[i].value);
            free((char *)r->pending_config[i].option);
            free((char *)r->pending_config[i].value);
        }
        rec->config = cfg;
        rec->n_config = r->n_pending_config;
        r->n_pending_config = 0;
    }
    return TAC_OK;
}

/* ---- plain text: one article per file ------------------------------- */

tac_status tac_ingest_text_next(tac_reader *r, tac_record *rec, tac_error *err)
{
    tac_input *in = &r->in;
    if (r->n_records > 0 || r->state == READER_DONE)
        return TAC_END;
    r->state = READER_DONE;   /* whatever happens, a text file is one record */
    tac_buf_clear(&r->text);
    size_t total = 0;
    long first_line = in->line;
    size_t avail;
    while ((avail = tac_input_fill(in, 1)) > 0) {
        if (r->text.len <= r->max_record) {
            size_t room = r->max_record + 1 - r->text.len;
            if (!tac_buf_append(&r->text, in->buf + in->pos, avail < room ? avail : room))
                return tac_fail(err, TAC_ENOMEM, "%s: out of memory", r->path);
        }
        total += avail;
        in->pos = in->end;   /* line numbers are not needed past this point */
    }
    if (in->errnum)
        return tac_fail(err, TAC_EIO, "%s: read error: %s", r->path, strerror(in->errnum));
    if (total > r->max_record)
        return tac_ingest_fail(r, err, TAC_SKIPPED, first_line, NULL,
                               "record exceeds %zu bytes (limit)", r->max_record);
    size_t n = r->text.len;
    char *text = r->text.data ? tac_ingest_trim(r->text.data, &n) : NULL;
    if (!text || n == 0)
        return tac_ingest_fail(r, err, TAC_SKIPPED, first_line, NULL, "empty text");
    rec->id = r->stem;
    rec->text = text;
    rec->text_len = n;
    rec->line = first_line;
    rec->is_sentence = false;
    return tac_ingest_finish(r, rec, err);
}
