/* PETRARCH XML: <Sentences><Sentence date= id= ...><Text/><Parse/>
 * <EventCoding/></Sentence>..., <Articles><Article ...><Text/></Article>,
 * and validation files (<Validation><Environment>...</Environment>
 * <Sentences>... with <Config> settings between records).
 *
 * This is a streaming reader for that vocabulary, not a general XML parser:
 * a tokenizer hands out character data in chunks, start and end tags
 * (attributes decoded in place), and skips comments, processing
 * instructions and DOCTYPEs. Only the current record is held in memory.
 * Deliberate leniencies, because the files are hand-edited: element names
 * match case-insensitively, a '<' that cannot start markup is text, unknown
 * entities stay literal, and unknown elements are ignored. A '>' inside an
 * attribute value must be written &gt; (tags end at the first '>', which
 * lets a broken tag resynchronise at once). */
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"

typedef enum xml_kind {
    XML_EOF,
    XML_CHARS,      /* character data (entities still encoded) */
    XML_CDATA,      /* a chunk of a CDATA section (literal) */
    XML_START,
    XML_END,
    XML_BAD         /* malformed markup; message in the token */
} xml_kind;

typedef struct xml_token {
    xml_kind    kind;
    const char *data;     /* XML_CHARS / XML_CDATA chunk, valid until the next token */
    size_t      len;
    long        line;
    char        why[160]; /* XML_BAD */
} xml_token;

static bool name_is(const char *name, const char *want) { return tac_str_iequal(name, want); }

static bool is_name_start(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':';
}

static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* ---- entities ---------------------------------------------------------- */

/* Decodes entities in place (the result is never longer); returns the new
 * length. Unknown or malformed references are kept as written. */
static size_t decode_entities(char *s, size_t n)
{
    char *w = s;
    size_t i = 0;
    while (i < n) {
        if (s[i] != '&') {
            *w++ = s[i++];
            continue;
        }
        const char *semi = memchr(s + i, ';', n - i < 12 ? n - i : 12);
        if (!semi) {
            *w++ = s[i++];
            continue;
        }
        const char *name = s + i + 1;
        size_t len = (size_t)(semi - name);
        static const struct { const char *name; char c; } named[] = {
            {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
        bool done = false;
        for (size_t k = 0; k < 5 && !done; k++) {
            if (strlen(named[k].name) == len && memcmp(name, named[k].name, len) == 0) {
                *w++ = named[k].c;
                done = true;
            }
        }
        if (!done && len >= 2 && name[0] == '#') {
            bool hex = name[1] == 'x' || name[1] == 'X';
            uint32_t cp = 0;
            size_t j = hex ? 2 : 1;
            bool ok = j < len;
            for (; ok && j < len; j++) {
                char c = name[j];
                int d = (c >= '0' && c <= '9') ? c - '0'
                      : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10
                      : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
                if (d < 0 || cp > 0x10FFFF)
                    ok = false;
                else
                    cp = cp * (hex ? 16 : 10) + (uint32_t)d;
            }
            if (ok) {
                if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                    cp = 0xFFFD;
                w += tac_utf8_encode(cp, w);   /* at most 4 bytes for >= 4 read */
                done = true;
            }
        }
        if (!done) {
            *w++ = s[i++];
            continue;
        }
        i = (size_t)(semi - s) + 1;
    }
    *w = '\0';
    return (size_t)(w - s);
}

/* ---- tokenizer --------------------------------------------------------- */

static bool bad(xml_token *t, long line, const char *why)
{
    t->kind = XML_BAD;
    t->line = line;
    snprintf(t->why, sizeof t->why, "%s", why);
    return false;
}

/* Parses r->tag (the text between '<' and '>') in place. */
static bool parse_tag(tac_reader *r, xml_token *t)
{
    char *p = r->tag.data, *end = p + r->tag.len;
    r->tag_is_end = *p == '/';
    if (r->tag_is_end)
        p++;
    r->tag_name = p;
    while (p < end && !is_ws(*p) && *p != '/')
        p++;
    char *name_end = p;
    r->n_attrs = 0;
    r->tag_self_closing = false;
    for (;;) {
        while (p < end && is_ws(*p))
            p++;
        if (p >= end)
            break;
        if (*p == '/') {
            r->tag_self_closing = true;
            p++;
            continue;
        }
        char *name = p;
        while (p < end && !is_ws(*p) && *p != '=' && *p != '/')
            p++;
        char *nend = p;
        while (p < end && is_ws(*p))
            p++;
        char *value = nend;   /* "" for an attribute without a value */
        size_t vlen = 0;
        if (p < end && *p == '=') {
            p++;
            while (p < end && is_ws(*p))
                p++;
            if (p < end && (*p == '"' || *p == '\'')) {
                char q = *p++;
                value = p;
                char *close = memchr(p, q, (size_t)(end - p));
                if (!close)
                    return bad(t, r->tag_line, "unterminated attribute value");
                vlen = (size_t)(close - p);
                p = close + 1;
            } else {
                value = p;
                while (p < end && !is_ws(*p))
                    p++;
                vlen = (size_t)(p - value);
            }
        }
        value[vlen] = '\0';   /* after the value: a quote or a blank, already read */
        *nend = '\0';
        decode_entities(value, vlen);
        if (r->n_attrs < TAC_XML_MAX_ATTRS)
            r->attrs[r->n_attrs++] = (tac_xml_attr){name, value};
    }
    *name_end = '\0';
    if (!*r->tag_name)
        return bad(t, r->tag_line, "tag without a name");
    t->kind = r->tag_is_end ? XML_END : XML_START;
    t->line = r->tag_line;
    return true;
}

static const char *attr(const tac_reader *r, const char *name)
{
    for (size_t i = 0; i < r->n_attrs; i++)
        if (tac_str_iequal(r->attrs[i].name, name))
            return r->attrs[i].value;
    return NULL;
}

/* Reads the tag starting at '<' into r->tag. */
static bool read_tag(tac_reader *r, xml_token *t)
{
    tac_input *in = &r->in;
    r->tag_line = in->line;
    tac_input_skip(in, 1);   /* '<' */
    tac_buf_clear(&r->tag);
    for (;;) {
        size_t avail = tac_input_fill(in, 1);
        if (avail == 0)
            return bad(t, r->tag_line, "unterminated tag at end of file");
        const char *start = in->buf + in->pos;
        const char *gt = memchr(start, '>', avail);
        size_t chunk = gt ? (size_t)(gt - start) : avail;
        if (r->tag.len + chunk > TAC_INGEST_MAX_TAG) {
            tac_input_skip(in, chunk);
            return bad(t, r->tag_line, "unterminated tag (no '>' within 64 KiB)");
        }
        if (!tac_buf_append(&r->tag, start, chunk))
            return bad(t, r->tag_line, "out of memory");
        tac_input_skip(in, chunk + (gt ? 1 : 0));
        if (gt)
            break;
    }
    if (!tac_buf_append(&r->tag, "", 0))
        return bad(t, r->tag_line, "out of memory");
    return parse_tag(r, t);
}

static bool starts_with(const tac_input *in, size_t avail, const char *s)
{
    size_t n = strlen(s);
    return avail >= n && memcmp(in->buf + in->pos, s, n) == 0;
}

/* The next token. Comments, <?...?> and <!DOCTYPE ...> are skipped. */
static void next_token(tac_reader *r, xml_token *t)
{
    tac_input *in = &r->in;
    for (;;) {
        t->line = in->line;
        if (r->in_cdata) {
            size_t avail = tac_input_fill(in, 3);
            if (avail < 3 && in->eof) {
                tac_input_skip(in, avail);
                r->in_cdata = false;
                bad(t, in->line, "unterminated CDATA section");
                return;
            }
            const char *start = in->buf + in->pos;
            const char *hit = NULL;
            for (const char *p = start; (p = memchr(p, ']', avail - (size_t)(p - start)));
                 p++) {
                if ((size_t)(p - start) + 3 > avail)
                    break;
                if (p[1] == ']' && p[2] == '>') {
                    hit = p;
                    break;
                }
            }
            size_t chunk = hit ? (size_t)(hit - start) : avail - 2;
            t->kind = XML_CDATA;
            t->data = start;
            t->len = chunk;
            tac_input_skip(in, chunk);
            if (hit) {
                tac_input_skip(in, 3);
                r->in_cdata = false;
            }
            if (chunk == 0)
                continue;
            return;
        }
        size_t avail = tac_input_fill(in, 9);
        if (avail == 0) {
            t->kind = XML_EOF;
            return;
        }
        const char *start = in->buf + in->pos;
        if (*start != '<') {
            const char *lt = memchr(start, '<', avail);
            t->kind = XML_CHARS;
            t->data = start;
            t->len = lt ? (size_t)(lt - start) : avail;
            tac_input_skip(in, t->len);
            return;
        }
        long line = in->line;
        if (starts_with(in, avail, "<!--")) {
            if (!tac_input_skip_past(in, "-->")) {
                bad(t, line, "unterminated comment");
                return;
            }
        } else if (starts_with(in, avail, "<![CDATA[")) {
            tac_input_skip(in, 9);
            r->in_cdata = true;
        } else if (starts_with(in, avail, "<?")) {
            if (!tac_input_skip_past(in, "?>")) {
                bad(t, line, "unterminated processing instruction");
                return;
            }
        } else if (starts_with(in, avail, "<!")) {
            if (!tac_input_skip_past(in, ">")) {
                bad(t, line, "unterminated declaration");
                return;
            }
        } else if (avail >= 2 && (is_name_start(start[1]) ||
                                  (start[1] == '/' && avail >= 3 && is_name_start(start[2])))) {
            read_tag(r, t);
            return;
        } else {
            t->kind = XML_CHARS;   /* a lone '<' in text: keep it */
            t->data = start;
            t->len = 1;
            tac_input_skip(in, 1);
            return;
        }
    }
}

/* ---- environment and config ---------------------------------------------- */

static bool env_set(tac_reader *r, const char *key, const char *value)
{
    for (size_t i = 0; i < r->n_env; i++) {
        if (strcmp(r->env[i].key, key) != 0)
            continue;
        /* a repeated key (several Actorfile) accumulates: "a.txt,b.txt" */
        size_t a = strlen(r->env[i].value), b = strlen(value);
        char *v = realloc(r->env[i].value, a + b + 2);
        if (!v)
            return false;
        v[a] = ',';
        memcpy(v + a + 1, value, b + 1);
        r->env[i].value = v;
        return true;
    }
    tac_env_entry *e = realloc(r->env, (r->n_env + 1) * sizeof *e);
    if (!e)
        return false;
    r->env = e;
    char *k = strdup(key), *v = strdup(value);
    if (!k || !v) {
        free(k);
        free(v);
        return false;
    }
    r->env[r->n_env++] = (tac_env_entry){k, v};
    return true;
}

static void config_from_tag(tac_reader *r, bool in_environment)
{
    const char *option = attr(r, "option"), *value = attr(r, "value");
    char where[300];
    snprintf(where, sizeof where, "%s:%ld", r->path, r->tag_line);
    if (!option || !*option) {
        tac_diag_emit(&r->diag, TAC_WARNING, where, "<Config> without option= ignored");
        return;
    }
    bool ok = in_environment ? env_set(r, option, value ? value : "")
                             : tac_ingest_add_config(r, option, value ? value : "");
    if (!ok)
        tac_diag_emit(&r->diag, TAC_ERROR, where, "out of memory");
}

/* Reads <Environment> children into r->env up to </Environment>. */
static bool read_environment(tac_reader *r, xml_token *t)
{
    char key[128] = "";
    tac_buf_clear(&r->scratch);
    for (;;) {
        next_token(r, t);
        switch (t->kind) {
        case XML_EOF:
            return bad(t, t->line, "unterminated <Environment>");
        case XML_BAD:
            return false;
        case XML_CHARS:
        case XML_CDATA:
            if (key[0] && r->scratch.len < 4096 && !tac_buf_append(&r->scratch, t->data, t->len))
                return bad(t, t->line, "out of memory");
            break;
        case XML_START:
            if (name_is(r->tag_name, "Config")) {
                config_from_tag(r, true);
            } else if (!r->tag_self_closing) {
                snprintf(key, sizeof key, "%s", r->tag_name);
                tac_buf_clear(&r->scratch);
            }
            break;
        case XML_END:
            if (name_is(r->tag_name, "Environment"))
                return true;
            if (key[0] && name_is(r->tag_name, key)) {
                size_t n = r->scratch.len;
                char *v = r->scratch.data ? r->scratch.data : (char *)"";
                if (r->scratch.data) {
                    n = decode_entities(v, n);
                    n = tac_ingest_collapse_space(v, n);
                }
                if (!env_set(r, key, v))
                    return bad(t, t->line, "out of memory");
                key[0] = '\0';
            }
            break;
        }
    }
}

/* Advances to the next record start tag (left in r->tag), handling
 * <Environment> and <Config> on the way. XML_START, XML_EOF or XML_BAD. */
static void seek_record(tac_reader *r, xml_token *t)
{
    if (r->pending_record) {
        r->pending_record = false;
        t->kind = XML_START;
        t->line = r->tag_line;
        return;
    }
    for (;;) {
        next_token(r, t);
        if (t->kind == XML_EOF || t->kind == XML_BAD)
            return;
        if (t->kind != XML_START)
            continue;
        if (name_is(r->tag_name, "Sentence") || name_is(r->tag_name, "Article"))
            return;
        if (name_is(r->tag_name, "Config"))
            config_from_tag(r, false);
        else if (name_is(r->tag_name, "Environment") && !r->tag_self_closing &&
                 !read_environment(r, t))
            return;
    }
}

void tac_ingest_xml_prepare(tac_reader *r)
{
    xml_token t;
    seek_record(r, &t);
    if (t.kind == XML_START) {
        r->pending_record = true;
    } else if (t.kind == XML_BAD) {
        tac_ingest_fail(r, &r->deferred, TAC_SKIPPED, t.line, NULL, "%s", t.why);
    }
}

void tac_ingest_xml_free(tac_reader *r)
{
    for (size_t i = 0; i < r->n_env; i++) {
        free(r->env[i].key);
        free(r->env[i].value);
    }
    free(r->env);
    r->env = NULL;
    r->n_env = 0;
    for (size_t i = 0; i < r->n_pending_config; i++) {
        free((char *)r->pending_config[i].option);
        free((char *)r->pending_config[i].value);
    }
    free(r->pending_config);
    r->pending_config = NULL;
    r->n_pending_config = 0;
}

/* ---- records ------------------------------------------------------------- */

typedef enum child { CHILD_NONE, CHILD_TEXT, CHILD_PARSE, CHILD_TITLE } child;

typedef struct record_state {
    bool        is_article;
    const char *id;
    long        line;
    child       in;           /* element whose character data we collect */
    long        in_line;
    size_t      bytes;        /* collected so far, against max_record */
    bool        oversized;
    bool        saw_text;
} record_state;

static tac_buf *child_buf(tac_reader *r, child c)
{
    return c == CHILD_TEXT ? &r->text : c == CHILD_PARSE ? &r->parse : &r->title;
}

static bool collect(tac_reader *r, record_state *rs, const char *data, size_t len, bool cdata)
{
    if (rs->in == CHILD_NONE || len == 0)
        return true;
    rs->bytes += len;
    if (rs->bytes > r->max_record)
        rs->oversized = true;
    if (rs->oversized)
        return true;
    tac_buf *b = child_buf(r, rs->in);
    if (!cdata)
        return tac_buf_append(b, data, len);
    /* CDATA is literal: protect its '&' from the entity decoding done
     * when the element is complete */
    const char *p = data, *end = data + len, *amp;
    while ((amp = memchr(p, '&', (size_t)(end - p))) != NULL) {
        if (!tac_buf_append(b, p, (size_t)(amp - p)) || !tac_buf_puts(b, "&amp;"))
            return false;
        p = amp + 1;
    }
    return tac_buf_append(b, p, (size_t)(end - p));
}

static bool add_expected(tac_reader *r)
{
    const char *src = attr(r, "sourcecode"), *tgt = attr(r, "targetcode");
    const char *code = attr(r, "eventcode"), *noev = attr(r, "noevents");
    const char *error = attr(r, "error");
    bool no_event = noev && tac_str_iequal(noev, "true");
    if (!code && !no_event && !error)
        return true;   /* nothing expected: ignore */
    if (r->n_expected == r->cap_expected) {
        size_t cap = r->cap_expected ? 2 * r->cap_expected : 8;
        tac_expected_event *e = realloc(r->expected, cap * sizeof *e);
        if (!e)
            return false;
        r->expected = e;
        r->cap_expected = cap;
    }
    tac_expected_event *e = &r->expected[r->n_expected++];
    e->source = src ? tac_arena_strdup(&r->arena, src) : NULL;
    e->target = tgt ? tac_arena_strdup(&r->arena, tgt) : NULL;
    e->code = code ? tac_arena_strdup(&r->arena, code) : NULL;
    e->error = error ? tac_arena_strdup(&r->arena, error) : NULL;
    e->no_event = no_event;
    return (!src || e->source) && (!tgt || e->target) && (!code || e->code) &&
           (!error || e->error);
}

/* Copies the record start tag's attributes into the record. */
static bool take_attributes(tac_reader *r, tac_record *rec, record_state *rs)
{
    struct { const char *name; const char **slot; } fields[] = {
        {"id", &rec->id}, {"category", &rec->category}, {"source", &rec->source},
        {"title", &rec->title}, {"url", &rec->url}};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        const char *v = attr(r, fields[i].name);
        if (v && *v && !(*fields[i].slot = tac_arena_strdup(&r->arena, v)))
            return false;
    }
    rs->id = rec->id;
    const char *sentence = attr(r, "sentence");
    rec->is_sentence = rs->is_article ? (sentence && tac_str_iequal(sentence, "true"))
                                      : !(sentence && tac_str_iequal(sentence, "false"));
    return true;
}

static const char *rs_id(const record_state *rs) { return rs->id ? rs->id : "(no id)"; }

static tac_status check_date(tac_reader *r, tac_record *rec, record_state *rs, tac_error *err)
{
    const char *date = attr(r, "date");
    if (!date || !*date)
        return tac_ingest_fail(r, err, TAC_SKIPPED, rs->line, rs_id(rs),
                               "missing required date attribute (date=\"YYYYMMDD\")");
    char *out = tac_arena_alloc(&r->arena, 11);
    if (!out)
        return tac_fail(err, TAC_ENOMEM, "%s:%ld: out of memory", r->path, rs->line);
    if (!tac_ingest_date(date, strlen(date), out))
        return tac_ingest_fail(r, err, TAC_SKIPPED, rs->line, rs_id(rs),
                               "invalid date \"%.40s\" (want YYYYMMDD)", date);
    rec->date = out;
    return TAC_OK;
}


/* Reads the body of the record whose start tag is in r->tag. The whole
 * record is always consumed (or, when broken, up to the next record's
 * start tag, which is kept pending) before returning. */
static tac_status read_record(tac_reader *r, tac_record *rec, tac_error *err)
{
    record_state rs = {0};
    rs.is_article = name_is(r->tag_name, "Article");
    rs.line = r->tag_line;
    rec->line = r->tag_line;
    if (!take_attributes(r, rec, &rs))
        return tac_fail(err, TAC_ENOMEM, "%s:%ld: out of memory", r->path, rs.line);
    tac_status date_status = check_date(r, rec, &rs, err);
    if (date_status < 0)
        return date_status;
    tac_error date_err = *err;   /* reported once the record has been consumed */
    const char *elem = rs.is_article ? "Article" : "Sentence";
    tac_buf_clear(&r->text);
    tac_buf_clear(&r->parse);
    tac_buf_clear(&r->title);
    if (r->tag_self_closing)
        return tac_ingest_fail(r, err, TAC_SKIPPED, rs.line, rs_id(&rs),
                               "empty <%s/> element", elem);
    xml_token t;
    for (;;) {
        next_token(r, &t);
        switch (t.kind) {
        case XML_EOF:
            return tac_ingest_fail(r, err, TAC_SKIPPED, rs.line, rs_id(&rs),
                                   "missing </%s> at end of file", elem);
        case XML_BAD:
            return tac_ingest_fail(r, err, TAC_SKIPPED, t.line, rs_id(&rs),
                                   "%s", t.why);
        case XML_CHARS:
        case XML_CDATA:
            if (!collect(r, &rs, t.data, t.len, t.kind == XML_CDATA))
                return tac_fail(err, TAC_ENOMEM, "%s:%ld: out of memory", r->path, t.line);
            break;
        case XML_START: {
            const char *name = r->tag_name;
            if (name_is(name, "Sentence") || name_is(name, "Article")) {
                r->pending_record = true;   /* resynchronise here */
                return tac_ingest_fail(r, err, TAC_SKIPPED, rs.line, rs_id(&rs),
                                       "missing </%s> before the next record at line %ld",
                                       elem, t.line);
            }
            child c = name_is(name, "Text") ? CHILD_TEXT : name_is(name, "Parse") ? CHILD_PARSE
                    : name_is(name, "Title") ? CHILD_TITLE : CHILD_NONE;
            if (c != CHILD_NONE && !r->tag_self_closing) {
                if (rs.in != CHILD_NONE)
                    return tac_ingest_fail(r, err, TAC_SKIPPED, t.line,
                                           rs_id(&rs),
                                           "<%s> inside another element (unterminated "
                                           "element at line %ld?)", name, rs.in_line);
                tac_buf *b = child_buf(r, c);
                if (b->len > 0 && !tac_buf_putc(b, ' '))   /* a repeated <Text> continues */
                    return tac_fail(err, TAC_ENOMEM, "%s: out of memory", r->path);
                rs.in = c;
                rs.in_line = t.line;
                if (c == CHILD_TEXT)
                    rs.saw_text = true;
            } else if (name_is(name, "EventCoding")) {
                if (!add_expected(r))
                    return tac_fail(err, TAC_ENOMEM, "%s: out of memory", r->path);
            } else if (name_is(name, "Config")) {
                config_from_tag(r, false);
            }
            break;
        }
        case XML_END: {
            const char *name = r->tag_name;
            if (name_is(name, elem)) {
                if (rs.in != CHILD_NONE)
                    return tac_ingest_fail(r, err, TAC_SKIPPED, rs.in_line,
                                           rs_id(&rs),
                                           "unterminated <%s> element (</%s> found first at "
                                           "line %ld)", rs.in == CHILD_TEXT ? "Text"
                                           : rs.in == CHILD_PARSE ? "Parse" : "Title",
                                           elem, t.line);
                goto complete;
            }
            if (name_is(name, "Sentences") || name_is(name, "Articles"))
                return tac_ingest_fail(r, err, TAC_SKIPPED, rs.line, rs_id(&rs),
                                       "missing </%s> (</%s> at line %ld)", elem, name,
                                       t.line);
            if ((rs.in == CHILD_TEXT && name_is(name, "Text")) ||
                (rs.in == CHILD_PARSE && name_is(name, "Parse")) ||
                (rs.in == CHILD_TITLE && name_is(name, "Title")))
                rs.in = CHILD_NONE;
            break;
        }
        }
    }
complete:
    if (date_status == TAC_SKIPPED) {
        *err = date_err;
        return TAC_SKIPPED;
    }
    if (rs.oversized)
        return tac_ingest_fail(r, err, TAC_SKIPPED, rs.line, rs.id,
                               "record exceeds %zu bytes (limit)", r->max_record);
    size_t n = r->text.len;
    if (r->text.data) {
        n = decode_entities(r->text.data, n);
        n = tac_ingest_collapse_space(r->text.data, n);
    }
    if (r->parse.data) {
        size_t m = decode_entities(r->parse.data, r->parse.len);
        rec->parse = tac_ingest_trim(r->parse.data, &m);
        if (m == 0)
            rec->parse = NULL;
    }
    if (n == 0 && rec->parse) {
        /* PETRARCH codes from <Parse>; <Text> is only for display and some
         * files leave it empty. The parse's words stand in for it. */
        const char *why;
        size_t col;
        tac_buf_clear(&r->text);
        if (tac_ptb_leaves(rec->parse, strlen(rec->parse), &r->text, &why, &col))
            n = r->text.len;
        else
            return tac_ingest_fail(r, err, TAC_SKIPPED, rs.line, rs_id(&rs),
                                   "%s <Text> and an unusable <Parse> (%s)",
                                   rs.saw_text ? "empty" : "no", why);
    }
    if (n == 0)
        return tac_ingest_fail(r, err, TAC_SKIPPED, rs.line, rs_id(&rs),
                               rs.saw_text ? "empty <Text>" : "missing <Text>");
    rec->text = r->text.data;
    rec->text_len = n;
    if (r->title.data) {
        size_t m = decode_entities(r->title.data, r->title.len);
        m = tac_ingest_collapse_space(r->title.data, m);
        if (m > 0)
            rec->title = r->title.data;
    }
    rec->expected = r->n_expected ? r->expected : NULL;
    rec->n_expected = r->n_expected;
    return tac_ingest_finish(r, rec, err);
}

tac_status tac_ingest_xml_next(tac_reader *r, tac_record *rec, tac_error *err)
{
    if (r->deferred.status == TAC_SKIPPED) {
        *err = r->deferred;
        tac_error_clear(&r->deferred);
        return TAC_SKIPPED;
    }
    xml_token t;
    seek_record(r, &t);
    if (t.kind == XML_EOF) {
        if (r->n_xml_records == 0) {
            char where[300];
            snprintf(where, sizeof where, "%s:%ld", r->path, t.line);
            tac_diag_emit(&r->diag, TAC_WARNING, where,
                          "no <Sentence> or <Article> records in this file");
        }
        return TAC_END;
    }
    if (t.kind == XML_BAD)
        return tac_ingest_fail(r, err, TAC_SKIPPED, t.line, NULL, "%s", t.why);
    r->n_xml_records++;
    return read_record(r, rec, err);
}
