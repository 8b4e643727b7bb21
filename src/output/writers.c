/* Event writers: jsonl, tsv (Phoenix column order) and a one-line text form.
 *
 * Each writer appends one complete line to a tac_buf and allocates nothing
 * but the buffer's growth. On failure the buffer is cut back to where the
 * event started, so a caller never flushes half a line. Codebook fields of an
 * event whose code is not in the codebook are null (jsonl) or empty (tsv):
 * the event itself is never dropped. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "output/output.h"

/* Stands in for the codebook entry of an unknown code: every field empty. */
static const tac_cameo_info unknown_code = {"", "", "", 0.0, 0, "", "", ""};

static const char *nonempty(const char *s) { return s && *s ? s : NULL; }

/* ---- formats ---------------------------------------------------------- */

bool tac_output_format_parse(const char *name, tac_output_format *out)
{
    if (!name)
        return false;
    if (tac_str_iequal(name, "jsonl") || tac_str_iequal(name, "json"))
        *out = TAC_OUTPUT_JSONL;
    else if (tac_str_iequal(name, "tsv"))
        *out = TAC_OUTPUT_TSV;
    else if (tac_str_iequal(name, "text"))
        *out = TAC_OUTPUT_TEXT;
    else
        return false;
    return true;
}

const char *tac_output_format_name(tac_output_format fmt)
{
    switch (fmt) {
    case TAC_OUTPUT_JSONL: return "jsonl";
    case TAC_OUTPUT_TSV:   return "tsv";
    case TAC_OUTPUT_TEXT:  return "text";
    }
    return "unknown";
}

/* ---- event id --------------------------------------------------------- */

void tac_event_id(const tac_event *ev, char out[17])
{
    /* Unit separators keep ("AB","C") and ("A","BC") apart. A key longer
     * than the buffer is cut, which still gives a deterministic id. */
    char key[1024], num[16], *d = num + sizeof num;
    long v = ev->sentence;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    *--d = '\0';
    do
        *--d = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        *--d = '-';
    const char *parts[] = {ev->doc_id, d, ev->source, ev->cameo, ev->target};
    size_t len = 0;
    /* built by hand: every event written or stored gets an id, and five
     * string copies cost far less than a formatted print */
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        if (i && len < sizeof key - 1)
            key[len++] = '\x1f';
        for (const char *p = parts[i] ? parts[i] : ""; *p && len < sizeof key - 1; p++)
            key[len++] = *p;
    }
    static const char hex[] = "0123456789abcdef";
    uint64_t h = tac_hash_bytes(key, len);
    for (int i = 15; i >= 0; i--, h >>= 4)
        out[i] = hex[h & 15];
    out[16] = '\0';
}

/* ---- jsonl ------------------------------------------------------------ */

typedef struct json_writer {
    tac_buf *b;
    bool ok;
    bool first;   /* no member written yet in the current object */
} json_writer;

static void json_raw(json_writer *w, const char *s)
{
    w->ok = w->ok && tac_buf_puts(w->b, s);
}

static void json_key(json_writer *w, const char *key)
{
    json_raw(w, w->first ? "\"" : ",\"");
    json_raw(w, key);
    json_raw(w, "\":");
    w->first = false;
}

static void json_string_value(json_writer *w, const char *s)
{
    json_raw(w, "\"");
    w->ok = w->ok && tac_output_put_escaped(w->b, s, strlen(s), TAC_ESCAPE_JSON);
    json_raw(w, "\"");
}

/* A string member; null when s is NULL. */
static void json_str(json_writer *w, const char *key, const char *s)
{
    json_key(w, key);
    if (s)
        json_string_value(w, s);
    else
        json_raw(w, "null");
}

static void json_int(json_writer *w, const char *key, bool present, long v)
{
    json_key(w, key);
    w->ok = w->ok && (present ? tac_buf_printf(w->b, "%ld", v) : tac_buf_puts(w->b, "null"));
}

static void json_weight(json_writer *w, const char *key, bool present, double v)
{
    json_key(w, key);
    w->ok = w->ok && (present ? tac_buf_printf(w->b, "%.1f", v) : tac_buf_puts(w->b, "null"));
}

/* An array of the ';'-separated items of list ("A;B" -> ["A","B"]); empty
 * items are dropped and NULL gives []. */
static void json_list(json_writer *w, const char *key, const char *list)
{
    json_key(w, key);
    json_raw(w, "[");
    bool first = true;
    for (const char *p = list; p && *p;) {
        const char *end = strchr(p, ';');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n > 0) {
            json_raw(w, first ? "\"" : ",\"");
            w->ok = w->ok && tac_output_put_escaped(w->b, p, n, TAC_ESCAPE_JSON);
            json_raw(w, "\"");
            first = false;
        }
        p += n + (end != NULL);
    }
    json_raw(w, "]");
}

static void json_bool(json_writer *w, const char *key, bool v)
{
    json_key(w, key);
    json_raw(w, v ? "true" : "false");
}

static void json_coord(json_writer *w, const char *key, double v)
{
    json_key(w, key);
    w->ok = w->ok && tac_buf_printf(w->b, "%.4f", v);
}

static void json_int_array(json_writer *w, const char *key, const int *v, size_t n)
{
    json_key(w, key);
    json_raw(w, "[");
    for (size_t i = 0; i < n; i++)
        w->ok = w->ok && tac_buf_printf(w->b, i ? ",%d" : "%d", v[i]);
    json_raw(w, "]");
}

static void json_begin(json_writer *w, const char *key)
{
    if (key)
        json_key(w, key);
    json_raw(w, "{");
    w->first = true;
}

static void json_end(json_writer *w)
{
    json_raw(w, "}");
    w->first = false;
}

/* One member per line: adding a field to the output is adding a line here
 * (and a row in docs/output-formats.md). */
static bool write_jsonl(const tac_event *ev, const tac_cameo_info *cb, tac_buf *out)
{
    bool known = cb != &unknown_code;
    char id[17];
    tac_event_id(ev, id);
    json_writer w = {out, true, true};
    json_begin(&w, NULL);
    json_str(&w, "id", id);
    json_str(&w, "doc_id", ev->doc_id);
    json_int(&w, "sentence", true, ev->sentence);
    json_str(&w, "date", ev->date);
    json_str(&w, "source", ev->source);
    json_str(&w, "source_root", ev->source_root);
    json_str(&w, "source_agent", ev->source_agent);
    json_str(&w, "target", ev->target);
    json_str(&w, "target_root", ev->target_root);
    json_str(&w, "target_agent", ev->target_agent);
    json_str(&w, "cameo", ev->cameo);
    json_str(&w, "cameo_name", nonempty(cb->name));
    json_str(&w, "root_code", nonempty(cb->root_code));
    json_int(&w, "quad_class", known, cb->quad_class);
    json_weight(&w, "goldstein", known, cb->goldstein);
    json_str(&w, "plover", nonempty(cb->plover));
    if (*cb->plover_mode)
        json_str(&w, "plover_mode", cb->plover_mode);
    if (*cb->plover_context)
        json_list(&w, "plover_context", cb->plover_context);
    json_list(&w, "issues", ev->issues);
    if (ev->event_date) {
        json_str(&w, "event_date", ev->event_date);
        json_str(&w, "date_precision", ev->date_precision);
        json_str(&w, "story_date", ev->story_date);
        json_bool(&w, "historical", ev->historical);
    }
    if (ev->has_location) {
        json_str(&w, "place", ev->place);
        json_str(&w, "country", ev->country);
        json_coord(&w, "lat", ev->lat);
        json_coord(&w, "lon", ev->lon);
    }
    if (ev->n_sentences)
        json_int_array(&w, "sentences", ev->sentences, ev->n_sentences);
    if (ev->count > 0)
        json_int(&w, "count", true, ev->count);
    json_str(&w, "text", ev->text);
    json_begin(&w, "provenance");
    json_str(&w, "verb_pattern", ev->verb_pattern);
    json_str(&w, "verb_where", ev->verb_where);
    json_str(&w, "source_entry", ev->source_entry);
    json_str(&w, "target_entry", ev->target_entry);
    json_end(&w);
    json_end(&w);
    json_raw(&w, "\n");
    return w.ok;
}

/* ---- tsv -------------------------------------------------------------- */

/* What a column holds. COL_STR columns read a string member of tac_event at
 * `offset`; the others are computed. COL_EMPTY keeps a Phoenix column whose
 * value Tacitus does not produce yet (location: the document stage). */
typedef enum column_kind {
    COL_STR, COL_EMPTY, COL_ID, COL_DATE8, COL_YEAR, COL_MONTH, COL_DAY,
    COL_SENTENCE_ID, COL_SENTENCE, COL_CB_NAME, COL_CB_ROOT, COL_CB_QUAD,
    COL_CB_GOLDSTEIN, COL_CB_PLOVER, COL_CB_PLOVER_MODE, COL_CB_PLOVER_CONTEXT,
    COL_LAT, COL_LON, COL_HISTORICAL, COL_SENTENCES, COL_COUNT
} column_kind;

typedef struct tsv_column {
    const char *name;
    column_kind kind;
    size_t offset;
} tsv_column;

#define STR(name, member) {name, COL_STR, offsetof(tac_event, member)}
#define CALC(name, kind)  {name, kind, 0}

/* Columns 1-26 are the Phoenix event data columns in Phoenix order; the
 * Tacitus columns follow, so Phoenix readers that go by position still work. */
static const tsv_column tsv_columns[] = {
    CALC("EventID", COL_ID),
    CALC("Date", COL_DATE8),
    CALC("Year", COL_YEAR),
    CALC("Month", COL_MONTH),
    CALC("Day", COL_DAY),
    STR("SourceActorFull", source),
    STR("SourceActorEntity", source_root),
    STR("SourceActorRole", source_agent),
    CALC("SourceActorAttribute", COL_EMPTY),
    STR("TargetActorFull", target),
    STR("TargetActorEntity", target_root),
    STR("TargetActorRole", target_agent),
    CALC("TargetActorAttribute", COL_EMPTY),
    STR("EventCode", cameo),
    CALC("EventRootCode", COL_CB_ROOT),
    CALC("QuadClass", COL_CB_QUAD),
    CALC("GoldsteinScore", COL_CB_GOLDSTEIN),
    STR("Issues", issues),
    CALC("Lat", COL_LAT),
    CALC("Lon", COL_LON),
    STR("LocationName", place),
    CALC("StateName", COL_EMPTY),
    STR("CountryCode", country),
    CALC("SentenceID", COL_SENTENCE_ID),
    CALC("URLs", COL_EMPTY),
    CALC("NewsSources", COL_EMPTY),
    /* Tacitus */
    STR("DocID", doc_id),
    CALC("Sentence", COL_SENTENCE),
    STR("EventDate", event_date),
    STR("DatePrecision", date_precision),
    CALC("Historical", COL_HISTORICAL),
    STR("StoryDate", story_date),
    CALC("ReportedBy", COL_SENTENCES),
    CALC("EventName", COL_CB_NAME),
    CALC("PloverCategory", COL_CB_PLOVER),
    CALC("PloverMode", COL_CB_PLOVER_MODE),
    CALC("PloverContext", COL_CB_PLOVER_CONTEXT),
    STR("VerbPattern", verb_pattern),
    STR("VerbWhere", verb_where),
    STR("SourceEntry", source_entry),
    STR("TargetEntry", target_entry),
    CALC("Count", COL_COUNT),
    STR("Text", text),
};

#undef STR
#undef CALC

/* True if date is "YYYY-MM-DD"; the date columns are left empty otherwise. */
static bool iso_date(const char *date)
{
    if (!date || strlen(date) != 10 || date[4] != '-' || date[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (date[i] < '0' || date[i] > '9'))
            return false;
    return true;
}

static bool tsv_str(tac_buf *b, const char *s)
{
    return !s || tac_output_put_escaped(b, s, strlen(s), TAC_ESCAPE_TSV);
}

static bool tsv_value(tac_buf *b, const tsv_column *col, const tac_event *ev,
                      const tac_cameo_info *cb)
{
    bool known = cb != &unknown_code;
    bool dated = iso_date(ev->date);
    char id[17];
    switch (col->kind) {
    case COL_STR:
        return tsv_str(b, *(const char *const *)((const char *)ev + col->offset));
    case COL_EMPTY:
        return true;
    case COL_ID:
        tac_event_id(ev, id);
        return tac_buf_puts(b, id);
    case COL_DATE8:
        return !dated || (tac_buf_append(b, ev->date, 4) && tac_buf_append(b, ev->date + 5, 2) &&
                          tac_buf_append(b, ev->date + 8, 2));
    case COL_YEAR:
        return !dated || tac_buf_append(b, ev->date, 4);
    case COL_MONTH:
        return !dated || tac_buf_append(b, ev->date + 5, 2);
    case COL_DAY:
        return !dated || tac_buf_append(b, ev->date + 8, 2);
    case COL_SENTENCE_ID:
        return tsv_str(b, ev->doc_id) && tac_buf_printf(b, "_%d", ev->sentence);
    case COL_SENTENCE:
        return tac_buf_printf(b, "%d", ev->sentence);
    case COL_CB_NAME:
        return tsv_str(b, cb->name);
    case COL_CB_ROOT:
        return tsv_str(b, cb->root_code);
    case COL_CB_QUAD:
        return !known || tac_buf_printf(b, "%d", cb->quad_class);
    case COL_CB_GOLDSTEIN:
        return !known || tac_buf_printf(b, "%.1f", cb->goldstein);
    case COL_CB_PLOVER:
        return tsv_str(b, cb->plover);
    case COL_CB_PLOVER_MODE:
        return tsv_str(b, cb->plover_mode);
    case COL_CB_PLOVER_CONTEXT:
        return tsv_str(b, cb->plover_context);
    case COL_LAT:
        return !ev->has_location || tac_buf_printf(b, "%.4f", ev->lat);
    case COL_LON:
        return !ev->has_location || tac_buf_printf(b, "%.4f", ev->lon);
    case COL_HISTORICAL:
        return !ev->event_date || tac_buf_puts(b, ev->historical ? "1" : "0");
    case COL_SENTENCES:
        for (size_t i = 0; i < ev->n_sentences; i++)
            if (!tac_buf_printf(b, i ? ",%d" : "%d", ev->sentences[i]))
                return false;
        return true;
    case COL_COUNT:
        return ev->count <= 0 || tac_buf_printf(b, "%d", ev->count);
    }
    return true;
}

static bool write_tsv(const tac_event *ev, const tac_cameo_info *cb, tac_buf *out)
{
    for (size_t i = 0; i < sizeof tsv_columns / sizeof tsv_columns[0]; i++) {
        if (i > 0 && !tac_buf_putc(out, '\t'))
            return false;
        if (!tsv_value(out, &tsv_columns[i], ev, cb))
            return false;
    }
    return tac_buf_putc(out, '\n');
}

static bool write_tsv_header(tac_buf *out)
{
    for (size_t i = 0; i < sizeof tsv_columns / sizeof tsv_columns[0]; i++)
        if ((i > 0 && !tac_buf_putc(out, '\t')) || !tac_buf_puts(out, tsv_columns[i].name))
            return false;
    return tac_buf_putc(out, '\n');
}

/* ---- text ------------------------------------------------------------- */

static bool text_str(tac_buf *b, const char *s)
{
    s = nonempty(s) ? s : "-";
    return tac_output_put_escaped(b, s, strlen(s), TAC_ESCAPE_TEXT);
}

/* 2025-10-09  CHNGOV  042 "make a visit"  PRK   goldstein 1.9  quad 1 (verbal cooperation) */
static bool write_text(const tac_event *ev, const tac_cameo_info *cb, tac_buf *out)
{
    bool ok = text_str(out, ev->event_date ? ev->event_date : ev->date) &&
              tac_buf_puts(out, "  ") &&
              text_str(out, ev->source) && tac_buf_puts(out, "  ") &&
              text_str(out, ev->cameo);
    if (cb != &unknown_code) {
        /* names read as a phrase in running text: "make a visit" */
        char first = cb->name[0] >= 'A' && cb->name[0] <= 'Z' ? (char)(cb->name[0] + 32) : cb->name[0];
        ok = ok && tac_buf_puts(out, " \"") && tac_buf_putc(out, first) &&
             tac_buf_puts(out, cb->name + 1) && tac_buf_puts(out, "\"  ") &&
             text_str(out, ev->target) &&
             tac_buf_printf(out, "   goldstein %.1f  quad %d (%s)", cb->goldstein, cb->quad_class,
                            tac_quad_class_name(cb->quad_class));
    } else {
        ok = ok && tac_buf_puts(out, " (not in codebook)  ") && text_str(out, ev->target) &&
             tac_buf_puts(out, "   goldstein -  quad -");
    }
    /* Document-stage facts, when known, trail the fixed columns. */
    if (ev->has_location)
        ok = ok && tac_buf_puts(out, "  in ") && text_str(out, ev->place);
    if (ev->event_date && ev->historical)
        ok = ok && tac_buf_puts(out, "  (historical)");
    if (ev->count > 0)   /* --dedupe day: stories that reported it */
        ok = ok && tac_buf_printf(out, "  x%d", ev->count);
    return ok && tac_buf_putc(out, '\n');
}

/* ---- entry points ----------------------------------------------------- */

tac_status tac_write_header(tac_output_format fmt, tac_buf *out)
{
    if (!out)
        return TAC_EINVAL;
    size_t start = out->len;
    switch (fmt) {
    case TAC_OUTPUT_TSV:
        if (write_tsv_header(out))
            return TAC_OK;
        out->len = start;
        if (out->data)
            out->data[start] = '\0';
        return TAC_ENOMEM;
    case TAC_OUTPUT_JSONL:
    case TAC_OUTPUT_TEXT:
        return TAC_OK;
    }
    return TAC_EINVAL;
}

tac_status tac_write_event(tac_output_format fmt, const tac_event *ev, tac_buf *out)
{
    if (!ev || !out)
        return TAC_EINVAL;
    const tac_cameo_info *cb = tac_cameo_lookup(ev->cameo);
    if (!cb)
        cb = &unknown_code;
    size_t start = out->len;
    bool ok;
    switch (fmt) {
    case TAC_OUTPUT_JSONL: ok = write_jsonl(ev, cb, out); break;
    case TAC_OUTPUT_TSV:   ok = write_tsv(ev, cb, out); break;
    case TAC_OUTPUT_TEXT:  ok = write_text(ev, cb, out); break;
    default:               return TAC_EINVAL;
    }
    if (ok)
        return TAC_OK;
    out->len = start;   /* never leave half a line behind */
    if (out->data)
        out->data[start] = '\0';
    return TAC_ENOMEM;
}
